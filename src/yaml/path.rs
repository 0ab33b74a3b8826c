//! Symbolic locations: a path of keys and indices from a document's root, turned into
//! a source span only when a finding is shown.

use std::borrow::Cow;
use std::fmt;

use super::{Span, Tree, tree::NodeKind};

/// One step of a path.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PathSeg {
    Key(Cow<'static, str>),
    Index(usize),
}

/// A path from the root of a document to a node, e.g. `tasks[2].due`.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct YamlPath(pub Vec<PathSeg>);

impl YamlPath {
    pub fn root() -> Self {
        YamlPath(Vec::new())
    }

    /// This path extended by a key.
    #[must_use]
    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Key(key.into()));
        YamlPath(segs)
    }

    /// This path extended by a sequence index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Index(index));
        YamlPath(segs)
    }

    /// The span of the node at this path. Where the path leaves the document (a key
    /// that is missing), the span of the deepest node that exists: for a missing
    /// field, that is the mapping that should hold it. `key_span` picks the key
    /// rather than the value for a path ending in a key. A node that is an alias is
    /// where the alias stands (where the user wrote it for this place, as the
    /// deserializer's errors say), though the path goes on through what it points at.
    pub fn locate(&self, tree: &Tree<'_>, key_span: bool) -> Span {
        let mut at = tree.root();
        let mut node = tree.resolve(at);
        let mut last_key = None;
        for seg in &self.0 {
            let next = match seg {
                PathSeg::Key(k) => tree.get(node, k),
                PathSeg::Index(i) => {
                    if tree.node(node).kind == NodeKind::Seq {
                        tree.children(node).nth(*i).map(|v| (v, v))
                    } else {
                        None
                    }
                }
            };
            let Some((k, v)) = next else {
                return tree.node(at).span;
            };
            last_key = matches!(seg, PathSeg::Key(_)).then_some(k);
            at = v;
            node = tree.resolve(v);
        }
        match last_key {
            Some(k) if key_span => tree.node(k).span,
            _ => tree.node(at).span,
        }
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) if i == 0 => write!(f, "{k}")?,
                PathSeg::Key(k) => write!(f, ".{k}")?,
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}
