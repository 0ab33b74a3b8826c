//! A YAML document as a flat, spanned tree: every node knows where it stands in the
//! source. Built from the parser's event stream without recursion, so that hostile
//! nesting is refused by a counter instead of overflowing the stack.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::{Limits, Pos, Span, Syntax, SyntaxError};

/// Index of a node in [`Tree::nodes`].
pub type NodeId = u32;

const NONE: NodeId = u32::MAX;

/// What a node holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A scalar; `quoted` is true for quoted and block scalars (always strings).
    Scalar {
        quoted: bool,
    },
    Seq,
    Map,
    /// `*name`: stands for the node it points at.
    Alias(NodeId),
}

/// One node of the tree. Children of a collection are linked through `next_sibling`;
/// a mapping's children alternate key, value.
#[derive(Debug)]
pub struct Node<'a> {
    pub kind: NodeKind,
    pub text: Cow<'a, str>,
    pub span: Span,
    pub len: u32,
    first_child: NodeId,
    next_sibling: NodeId,
}

/// A parsed document: node 0 is the root. An empty document has a null scalar root.
#[derive(Debug)]
pub struct Tree<'a> {
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Tree<'a> {
    pub fn root(&self) -> NodeId {
        0
    }

    pub fn node(&self, id: NodeId) -> &Node<'a> {
        &self.nodes[id as usize]
    }

    /// Follows aliases to the node that holds the data.
    pub fn resolve(&self, mut id: NodeId) -> NodeId {
        while let NodeKind::Alias(target) = self.node(id).kind {
            id = target;
        }
        id
    }

    /// The children of a collection, in document order.
    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        Children {
            tree: self,
            next: self.node(id).first_child,
        }
    }

    /// The (key, value) pairs of a mapping.
    pub fn entries(&self, id: NodeId) -> Entries<'_, 'a> {
        Entries {
            inner: self.children(id),
        }
    }

    /// The value under `key` in a mapping, if present.
    pub fn get(&self, map: NodeId, key: &str) -> Option<(NodeId, NodeId)> {
        let map = self.resolve(map);
        if self.node(map).kind != NodeKind::Map {
            return None;
        }
        self.entries(map)
            .find(|&(k, _)| self.node(self.resolve(k)).text == key)
    }

    /// Is this a scalar that YAML reads as null (`~`, `null`, or nothing)?
    pub fn is_null(&self, id: NodeId) -> bool {
        let node = self.node(self.resolve(id));
        matches!(node.kind, NodeKind::Scalar { quoted: false })
            && matches!(&*node.text, "" | "~" | "null" | "Null" | "NULL")
    }
}

pub struct Children<'t, 'a> {
    tree: &'t Tree<'a>,
    next: NodeId,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.tree.node(id).next_sibling;
        Some(id)
    }
}

pub struct Entries<'t, 'a> {
    inner: Children<'t, 'a>,
}

impl Iterator for Entries<'_, '_> {
    type Item = (NodeId, NodeId);
    fn next(&mut self) -> Option<(NodeId, NodeId)> {
        let key = self.inner.next()?;
        let value = self.inner.next()?;
        Some((key, value))
    }
}

/// A tag as the user wrote it: the parser gives `!!int` as `tag:yaml.org,2002:` and
/// `int`, which nobody searching the file for it would find.
fn written(tag: &saphyr_parser::Tag) -> String {
    if tag.is_yaml_core_schema() {
        format!("!!{}", tag.suffix)
    } else if tag.handle.is_empty() {
        format!("!<{}>", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

/// A tag refused where it stands.
fn tag_error(tag: &saphyr_parser::Tag, at: Span) -> SyntaxError {
    SyntaxError {
        pos: at.start,
        kind: Syntax::Tag(written(tag)),
    }
}

fn pos(marker: saphyr_parser::Marker) -> Pos {
    Pos {
        line: u32::try_from(marker.line()).unwrap_or(u32::MAX),
        col: u32::try_from(marker.col() + 1).unwrap_or(u32::MAX),
    }
}

fn span(s: saphyr_parser::Span) -> Span {
    Span {
        start: pos(s.start),
        end: pos(s.end),
    }
}

/// An open collection while building: its node and its last child so far.
struct Open {
    node: NodeId,
    last_child: NodeId,
}

/// Parses one YAML document into a tree, within `limits`.
pub fn build<'a>(source: &'a str, limits: &Limits) -> Result<Tree<'a>, SyntaxError> {
    // About one node per eight bytes of a typical book file.
    let mut nodes: Vec<Node<'a>> = Vec::with_capacity(source.len() / 8 + 4);
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, NodeId> = HashMap::new();
    let mut documents = 0u32;
    let mut done = false;

    for item in Parser::new_from_str(source) {
        let (event, ev_span) = item.map_err(|e| SyntaxError {
            pos: pos(*e.marker()),
            kind: if e.info().contains("recursion limit") {
                Syntax::TooDeep {
                    max: limits.max_depth,
                }
            } else {
                Syntax::Parser(e.info().to_owned())
            },
        })?;
        let at = span(ev_span);
        let (kind, text, anchor) = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(SyntaxError {
                        pos: at.start,
                        kind: Syntax::SecondDocument,
                    });
                }
                continue;
            }
            Event::DocumentEnd => {
                done = true;
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = stack.pop() {
                    let node = &mut nodes[open.node as usize];
                    node.span.end = at.end;
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => {
                let quoted = style != ScalarStyle::Plain;
                let quoted = match tag {
                    None => quoted,
                    Some(tag) if tag.is_yaml_core_schema() && tag.suffix == "str" => true,
                    Some(tag) => return Err(tag_error(&tag, at)),
                };
                (NodeKind::Scalar { quoted }, text, anchor)
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if let Some(tag) = tag {
                    return Err(tag_error(tag, at));
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    NodeKind::Seq
                } else {
                    NodeKind::Map
                };
                (kind, Cow::Borrowed(""), anchor)
            }
            Event::Alias(anchor) => {
                let Some(&target) = anchors.get(&anchor) else {
                    return Err(SyntaxError {
                        pos: at.start,
                        kind: Syntax::UnknownAnchor,
                    });
                };
                (NodeKind::Alias(target), Cow::Borrowed(""), 0)
            }
        };
        if done {
            return Err(SyntaxError {
                pos: at.start,
                kind: Syntax::AfterEnd,
            });
        }
        if nodes.len() >= limits.max_nodes {
            return Err(SyntaxError {
                pos: at.start,
                kind: Syntax::TooManyNodes {
                    max: limits.max_nodes,
                },
            });
        }
        let id = NodeId::try_from(nodes.len()).unwrap_or(NONE);
        nodes.push(Node {
            kind,
            text,
            span: at,
            len: 0,
            first_child: NONE,
            next_sibling: NONE,
        });
        if anchor != 0 {
            anchors.insert(anchor, id);
        }
        if let Some(parent) = stack.last_mut() {
            if parent.last_child == NONE {
                nodes[parent.node as usize].first_child = id;
            } else {
                nodes[parent.last_child as usize].next_sibling = id;
            }
            parent.last_child = id;
            nodes[parent.node as usize].len += 1;
        } else if id != 0 {
            return Err(SyntaxError {
                pos: at.start,
                kind: Syntax::SecondRoot,
            });
        }
        if matches!(kind, NodeKind::Seq | NodeKind::Map) {
            if stack.len() >= limits.max_depth {
                return Err(SyntaxError {
                    pos: at.start,
                    kind: Syntax::TooDeep {
                        max: limits.max_depth,
                    },
                });
            }
            stack.push(Open {
                node: id,
                last_child: NONE,
            });
        }
    }
    if nodes.is_empty() {
        // Lines and columns count from 1: the null stands at the start of the file.
        let start = Pos { line: 1, col: 1 };
        nodes.push(Node {
            kind: NodeKind::Scalar { quoted: false },
            text: Cow::Borrowed(""),
            span: Span { start, end: start },
            len: 0,
            first_child: NONE,
            next_sibling: NONE,
        });
    }
    Ok(Tree { nodes })
}
