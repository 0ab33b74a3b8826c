//! Values as YAML scalars, as rapport writes them into a user's file: text that every
//! YAML reader takes back as exactly that text, IDs plain as people write references,
//! numbers plain when they are numbers. Every command that writes YAML (`new`,
//! `invoice new`, `renew`, `meeting`…) quotes through here, so they all decide alike.

use std::fmt::Write as _;

use crate::book::is_slug;

/// `s` as a YAML scalar that every YAML reader takes back as exactly the string `s`:
/// plain where that is unambiguous (`Иван Смирнов`), double-quoted with escapes
/// otherwise. The result is for block context (`key: HERE` or `- HERE`), not for the
/// inside of `[...]` or `{...}`.
///
/// Quoted: the empty string; leading or trailing spaces; a YAML indicator first (`-`,
/// `&`, `[`, `'`, ...); any `:` or `#` (which can start a mapping or a comment); text
/// a YAML 1.1 or 1.2 reader would take as something else (`yes`, `no`, `on`, `null`,
/// `~`, `.inf`, and anything starting with a digit or sign: `007`, `17/2026`,
/// `2026-11-20`, `1e3`); control characters and line breaks, which are escaped.
pub fn yaml_string(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_owned()
    } else {
        double_quoted(s)
    }
}

/// Words some YAML reader takes for a boolean or null (YAML 1.1 reads `yes`, `no`,
/// `on`, `off`, `y` and `n` as booleans, in any of their capitalisations).
const TYPED_WORDS: &[&str] = &["null", "true", "false", "yes", "no", "on", "off", "y", "n"];

fn plain_is_safe(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`=~".contains(first) || first.is_ascii_digit() || "+.".contains(first) {
        return false;
    }
    if s.chars().any(|c| c == ':' || c == '#' || needs_escape(c)) {
        return false;
    }
    !TYPED_WORDS.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// Characters a plain scalar must not hold: controls (tab and newline too), and the
/// characters YAML 1.1 reads as line breaks or that are not printable.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An ID as a YAML scalar: plain, as a person writes references (`contract:
/// 2026-005-ds2`), unless a YAML 1.1 or 1.2 reader would take it for something other
/// than text (`007`, `1e3`, `0x1f`, `2026-01-17`, `no`): then quoted like any string.
pub fn yaml_id(s: &str) -> String {
    if is_slug(s) && !typed_slug(s) {
        s.to_owned()
    } else {
        yaml_string(s)
    }
}

/// Is this slug a number, a date or a boolean to some YAML reader?
fn typed_slug(s: &str) -> bool {
    let all = |t: &str, f: fn(u8) -> bool| !t.is_empty() && t.bytes().all(f);
    let digits = |t: &str| all(t, |b| b.is_ascii_digit());
    let radix = |p: &str, f: fn(u8) -> bool| s.strip_prefix(p).is_some_and(|t| all(t, f));
    let exponent = s
        .split_once('e')
        .is_some_and(|(m, e)| digits(m) && digits(e.strip_prefix('-').unwrap_or(e)));
    let date = {
        let parts: Vec<&str> = s.split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && parts.iter().all(|p| digits(p))
            && parts[1..].iter().all(|p| p.len() <= 2)
    };
    digits(s)
        || radix("0x", |b| b.is_ascii_hexdigit())
        || radix("0o", |b| (b'0'..=b'7').contains(&b))
        || radix("0b", |b| b == b'0' || b == b'1')
        || exponent
        || date
        || TYPED_WORDS.contains(&s)
}

/// A number as the user typed it: plain when it looks like one, quoted otherwise (so
/// that the reader, not YAML, says what is wrong with it).
pub fn yaml_number(s: &str) -> String {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let numeric = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if numeric(whole) && numeric(frac) {
        s.to_owned()
    } else {
        yaml_string(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book;
    use crate::finding::Finding;

    #[derive(Debug, serde::Deserialize)]
    struct Probe {
        v: String,
        list: Vec<String>,
    }

    fn read_back(s: &str) -> (Option<Probe>, Vec<Finding>) {
        let text = format!("v: {}\nlist:\n  - {}\n", yaml_string(s), yaml_string(s));
        let mut findings = Vec::new();
        let probe = book::parse_entity::<Probe>("t.yaml", &text, &mut findings);
        (probe, findings)
    }

    const TRICKY: &[&str] = &[
        "Иван Смирнов",
        "ООО «Ромашка»",
        "Встреча: итоги",
        "Итоги:",
        "a: b",
        "Заказ #5",
        "#5",
        "C#",
        "- пункт",
        "-",
        "--04-12",
        "?",
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "n",
        "true",
        "False",
        "null",
        "~",
        "",
        " ",
        " padded ",
        "007",
        "17/2026",
        "2026-0007",
        "2026-11-20",
        "2026-11-20T15:00",
        "10:00",
        "1e3",
        "0x1F",
        "0o17",
        "1_000",
        "+7 495 000-00-00",
        ".inf",
        "-.inf",
        ".NaN",
        "=",
        "<<",
        "@handle",
        "`tick`",
        "%percent",
        "&anchor",
        "*alias",
        "!tag",
        "|",
        ">",
        "[a, b]",
        "{a: b}",
        "Иванов, Пётр [ген. дир.]",
        "'single'",
        "\"double\"",
        "back\\slash",
        "quote \" and \\",
        "tab\there",
        "two\nlines",
        "crlf\r\nend",
        "trailing newline\n",
        "x\u{85}y",
        "x\u{2028}y",
        "\u{feff}bom",
        "bell\u{7}",
        "del\u{7f}",
        "emoji 😀",
        "https://example.com/a#b",
        "a@b.ru",
    ];

    #[test]
    fn yaml_strings_read_back_exactly() {
        for s in TRICKY {
            let (probe, findings) = read_back(s);
            assert!(findings.is_empty(), "{s:?}: {findings:?}");
            let probe = probe.unwrap_or_else(|| panic!("{s:?} did not read back"));
            assert_eq!(probe.v, *s, "as a value: {:?}", yaml_string(s));
            assert_eq!(probe.list, [*s], "as a list item: {:?}", yaml_string(s));
        }
    }

    #[test]
    fn yaml_strings_quote_only_where_needed() {
        assert_eq!(yaml_string("Иван Смирнов"), "Иван Смирнов");
        assert_eq!(
            yaml_string("ООО «Ромашка», г. Москва"),
            "ООО «Ромашка», г. Москва"
        );
        assert_eq!(yaml_string("a@b.ru"), "a@b.ru");
        assert_eq!(yaml_string("Встреча: итоги"), "\"Встреча: итоги\"");
        assert_eq!(yaml_string("Заказ #5"), "\"Заказ #5\"");
        assert_eq!(yaml_string("- пункт"), "\"- пункт\"");
        assert_eq!(yaml_string("yes"), "\"yes\"");
        assert_eq!(yaml_string("No"), "\"No\"");
        assert_eq!(yaml_string("17/2026"), "\"17/2026\"");
        assert_eq!(yaml_string("007"), "\"007\"");
        assert_eq!(yaml_string("+7 495 000-00-00"), "\"+7 495 000-00-00\"");
        assert_eq!(yaml_string("two\nlines"), "\"two\\nlines\"");
        assert_eq!(yaml_string("x\u{2028}y"), "\"x\\u2028y\"");
        assert_eq!(yaml_string("say \"hi\""), "say \"hi\"");
        assert_eq!(yaml_string("\"hi\""), "\"\\\"hi\\\"\"");
    }

    #[test]
    fn ids_are_plain_unless_yaml_would_type_them() {
        for plain in [
            "smirnov",
            "2026-017",
            "2026-005-ds2",
            "2026-0007",
            "a1e3",
            "x0x1",
        ] {
            assert_eq!(yaml_id(plain), plain);
        }
        for typed in [
            "007",
            "2026",
            "1e3",
            "1e-3",
            "0x1f",
            "0o17",
            "0b101",
            "2026-01-17",
            "2026-1-7",
            "no",
            "on",
            "y",
            "null",
        ] {
            assert_eq!(yaml_id(typed), format!("\"{typed}\""), "{typed}");
        }
        assert_eq!(yaml_id("Not A Slug"), "Not A Slug");
        for s in ["2026-017", "1e3", "2026-01-17", "no", "Встреча: итоги"] {
            let text = format!("v: {}\nlist: [{}]\n", yaml_id(s), yaml_id(s));
            let mut findings = Vec::new();
            let p = book::parse_entity::<Probe>("t.yaml", &text, &mut findings);
            assert!(findings.is_empty(), "{s}: {findings:?}");
            let p = p.expect("reads");
            assert_eq!(
                (p.v.as_str(), p.list.as_slice()),
                (s, [s.to_owned()].as_slice())
            );
        }
    }

    #[test]
    fn numbers_stay_plain_when_they_are_numbers() {
        assert_eq!(yaml_number("75000"), "75000");
        assert_eq!(yaml_number("125000.50"), "125000.50");
        assert_eq!(yaml_number("-1"), "-1");
        assert_eq!(yaml_number("1,5"), "\"1,5\"");
        assert_eq!(yaml_number("1: 2"), "\"1: 2\"");
        assert_eq!(yaml_number("abc"), "abc");
        assert_eq!(yaml_number("1."), "\"1.\"");
    }
}
