//! The pages' HTML: escaping every string of the book (a book is untrusted: a client
//! named `<script>` is shown as text), the frame every page shares, tables, and the
//! style sheet and the table-sorting script, written beside the pages.

use std::fmt::Write as _;

use super::words::Words;

/// `text` escaped for HTML text and attribute values.
pub fn esc(text: &str) -> String {
    // Most of a book's strings need nothing escaped: copied whole, not char by char.
    if !needs_escaping(text.as_bytes()) {
        return text.to_owned();
    }
    escape_each(text)
}

/// [`esc`] character by character.
fn escape_each(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not allowed in HTML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Does UTF-8 `bytes` hold a character [`esc`] changes: `&<>"'`, or a control
/// character other than tab and line breaks (C0, DEL, or C1: `0xC2 0x80..=0x9F`)?
fn needs_escaping(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'&' | b'<' | b'>' | b'"' | b'\'' | 0x7F => true,
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    })
}

/// A link: `href` is ours (a page name and an anchor), `text` is escaped.
pub fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// The file name of a page about `id` (a client or curator ID from the book):
/// `client-acme.html`. Letters, digits, `-` and `_` are kept; any other character
/// becomes `~` and its code point in hex, so that two IDs never share a page and no
/// ID can name a path outside the site.
pub fn page_name(kind: &str, id: &str) -> String {
    let mut out = format!("{kind}-");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            let _ = write!(out, "~{:x}", u32::from(c));
        }
    }
    out.push_str(".html");
    out
}

/// An anchor ID made of `parts` the same way as [`page_name`].
pub fn anchor(prefix: &str, id: &str) -> String {
    let name = page_name(prefix, id);
    name.trim_end_matches(".html").to_owned()
}

/// The pages of the menu, with their file names.
pub fn menu(w: &Words) -> [(&'static str, &'static str); 5] {
    [
        ("index.html", w.overview),
        ("money.html", w.money),
        ("renewals.html", w.renewals),
        ("projects.html", w.projects),
        ("health.html", w.health),
    ]
}

/// What every page's frame says.
pub struct Frame<'a> {
    pub words: &'a Words,
    pub agency: &'a str,
    pub today: &'a str,
    /// "Only the clients of …", when the site is filtered.
    pub scope: Option<&'a str>,
}

/// A whole page: `body` is HTML already; `current` is the menu entry to mark.
pub fn page(frame: &Frame<'_>, file: &str, title: &str, body: &str) -> String {
    let w = frame.words;
    let mut out = String::with_capacity(body.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"rapport site\">\n\
         <title>{} — {}</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n\
         <script src=\"sort.js\" defer></script>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">{}</a>\n<header>\n<p class=\"site\">{} · {} {} {}</p>\n<nav>\n<ul>\n",
        w.lang,
        esc(title),
        esc(frame.agency),
        w.skip,
        esc(frame.agency),
        w.site,
        w.as_of,
        esc(frame.today),
    );
    for (href, label) in menu(w) {
        if href == file {
            let _ = writeln!(
                out,
                "<li><a href=\"{href}\" aria-current=\"page\">{label}</a></li>"
            );
        } else {
            let _ = writeln!(out, "<li><a href=\"{href}\">{label}</a></li>");
        }
    }
    out.push_str("</ul>\n</nav>\n");
    if let Some(scope) = frame.scope {
        let _ = writeln!(out, "<p class=\"scope\">{}</p>", esc(scope));
    }
    let _ = write!(
        out,
        "</header>\n<main id=\"main\">\n<h1>{}</h1>\n{body}</main>\n</body>\n</html>\n",
        esc(title)
    );
    out
}

/// A table cell: HTML already, numeric (right-aligned) or not, with the value a sort
/// compares (`data-sort`) where the text would not sort right.
pub struct Cell {
    pub html: String,
    pub num: bool,
    pub sort: Option<String>,
}

impl Cell {
    /// Text, escaped.
    pub fn text(text: &str) -> Self {
        Cell {
            html: esc(text),
            num: false,
            sort: None,
        }
    }

    /// HTML made by the caller (links, marks).
    pub fn raw(html: String) -> Self {
        Cell {
            html,
            num: false,
            sort: None,
        }
    }

    /// A figure: shown as `shown`, sorted by `plain` (a plain decimal).
    pub fn num(shown: &str, plain: &str) -> Self {
        Cell {
            html: esc(shown),
            num: true,
            sort: Some(plain.to_owned()),
        }
    }

    /// A figure as raw HTML (with its data attributes), sorted by `plain`.
    pub fn num_raw(html: String, plain: &str) -> Self {
        Cell {
            html,
            num: true,
            sort: Some(plain.to_owned()),
        }
    }
}

/// A table with a caption and a header row; sortable by clicking a header when
/// JavaScript runs.
pub fn table(caption: &str, head: &[&str], rows: Vec<Vec<Cell>>) -> String {
    table_with(caption, head, rows, "")
}

/// [`table`] with an `id` attribute (empty: none).
pub fn table_with(caption: &str, head: &[&str], rows: Vec<Vec<Cell>>, id: &str) -> String {
    let cells: usize = rows
        .iter()
        .flatten()
        .map(|c| c.html.len() + c.sort.as_ref().map_or(0, String::len) + 40)
        .sum();
    let mut out = String::with_capacity(cells + 64 * head.len() + 256);
    let id_attr = if id.is_empty() {
        String::new()
    } else {
        format!(" id=\"{}\"", esc(id))
    };
    let _ = write!(
        out,
        "<div class=\"scroll\">\n<table class=\"sortable\"{id_attr}>\n<caption>{}</caption>\n<thead>\n<tr>",
        esc(caption)
    );
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str("<td");
            if cell.num {
                out.push_str(" class=\"num\"");
            }
            if let Some(s) = &cell.sort {
                let _ = write!(out, " data-sort=\"{}\"", esc(s));
            }
            let _ = write!(out, ">{}</td>", cell.html);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// A paragraph saying there is nothing to show.
pub fn empty(text: &str) -> String {
    format!("<p class=\"empty\">{}</p>\n", esc(text))
}

/// The style sheet: readable on screen and on paper, without colour where it matters
/// (marks carry words, the charts patterns and labels).
pub const STYLE: &str = include_str!("style.css");

/// Sorting a table by a click on its header; the pages work without it.
pub const SORT_JS: &str = include_str!("sort.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn book_strings_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
        assert_eq!(esc("a\u{7f}b\u{85}c\u{9f}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        assert_eq!(esc("«Ёлка»\tа\r\nб ¡\u{a0}"), "«Ёлка»\tа\r\nб ¡\u{a0}");
        // The quick check agrees with the escaping on every character up to U+0800.
        for c in (0..0x800).filter_map(char::from_u32) {
            let s = format!("x{c}y");
            assert_eq!(needs_escaping(s.as_bytes()), escape_each(&s) != s, "{c:?}");
        }
    }

    #[test]
    fn page_names_keep_safe_ids_and_encode_the_rest() {
        assert_eq!(page_name("client", "acme-2"), "client-acme-2.html");
        assert_eq!(page_name("client", "../x"), "client-~2e~2e~2fx.html");
        assert_eq!(page_name("client", "ёж"), "client-~451~436.html");
        assert_ne!(page_name("client", "a.b"), page_name("client", "a~2eb"));
    }
}
