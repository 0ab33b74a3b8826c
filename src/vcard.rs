//! vCard, the address-book format of phones and mail programs: contacts written as
//! vCard 4.0 (RFC 6350) or 3.0 (RFC 2426, for older phones), and cards read from what
//! Apple, Google, Outlook and others export (2.1, 3.0 or 4.0) into [`Card`]s.
//!
//! Reading is `calcard`'s (folded lines, quoted-printable and charsets of 2.1, every
//! spelling of `TYPE=`); what a card says that the book has no place for (photos,
//! addresses, URLs) is left out. Writing is here: a handful of properties, escaped,
//! folded at 75 octets and ended by CRLF as both RFCs say.

use std::fmt::Write as _;

use calcard::vcard::{VCard, VCardProperty, VCardValue};

use crate::model::time::Birthday;

/// The year Apple's address book writes for a birthday without one, with
/// `X-APPLE-OMIT-YEAR=1604`; `export vcard --version 3` writes the same.
const NO_YEAR: u16 = 1604;

/// One person's card, as rapport reads and writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card {
    /// The formatted name (`FN`).
    pub name: String,
    /// The organisation (`ORG`): the client's name.
    pub org: Option<String>,
    /// The job title (`TITLE`).
    pub position: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub birthday: Option<Birthday>,
    /// `NOTE`: the contact's profile.
    pub note: Option<String>,
    /// `UID`.
    pub uid: Option<String>,
    /// `X-RAPPORT-ID`: the contact's ID in the book, kept across an export and import.
    pub id: Option<String>,
}

/// Which vCard to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3,
    V4,
}

/// Escapes a text value: backslash, comma, semicolon and line breaks.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (a
/// continuation starts with a space), never inside a UTF-8 character, ended by CRLF.
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// The family and given names of `name` for `N`: the last word is taken as the family
/// name («Юлия Лапина»), the rest as the given names.
fn split_name(name: &str) -> (String, String) {
    match name.trim().rsplit_once(' ') {
        Some((given, family)) => (family.to_owned(), given.trim().to_owned()),
        None => (name.trim().to_owned(), String::new()),
    }
}

/// The cards as one vCard file.
pub fn write(cards: &[Card], version: Version) -> String {
    let mut out = String::new();
    for c in cards {
        line(&mut out, "BEGIN:VCARD");
        line(
            &mut out,
            match version {
                Version::V3 => "VERSION:3.0",
                Version::V4 => "VERSION:4.0",
            },
        );
        if let Some(uid) = &c.uid {
            line(&mut out, &format!("UID:{}", escape(uid)));
        }
        line(&mut out, &format!("FN:{}", escape(&c.name)));
        let (family, given) = split_name(&c.name);
        line(
            &mut out,
            &format!("N:{};{};;;", escape(&family), escape(&given)),
        );
        if let Some(org) = &c.org {
            line(&mut out, &format!("ORG:{}", escape(org)));
        }
        if let Some(p) = &c.position {
            line(&mut out, &format!("TITLE:{}", escape(p)));
        }
        for e in &c.emails {
            let kind = match version {
                Version::V3 => "INTERNET,WORK",
                Version::V4 => "work",
            };
            line(&mut out, &format!("EMAIL;TYPE={kind}:{}", escape(e)));
        }
        for t in &c.phones {
            let kind = match version {
                Version::V3 => "WORK,VOICE",
                Version::V4 => "work,voice",
            };
            line(&mut out, &format!("TEL;TYPE={kind}:{}", escape(t)));
        }
        if let Some(b) = c.birthday {
            let text = match (version, b.year) {
                (Version::V4, Some(y)) => format!("BDAY:{y:04}{:02}{:02}", b.month, b.day),
                (Version::V4, None) => format!("BDAY:--{:02}{:02}", b.month, b.day),
                (Version::V3, Some(y)) => format!("BDAY:{y:04}-{:02}-{:02}", b.month, b.day),
                (Version::V3, None) => format!(
                    "BDAY;X-APPLE-OMIT-YEAR={NO_YEAR}:{NO_YEAR}-{:02}-{:02}",
                    b.month, b.day
                ),
            };
            line(&mut out, &text);
        }
        if let Some(n) = &c.note {
            line(&mut out, &format!("NOTE:{}", escape(n)));
        }
        if let Some(id) = &c.id {
            line(&mut out, &format!("X-RAPPORT-ID:{}", escape(id)));
        }
        line(&mut out, "END:VCARD");
    }
    out
}

/// The texts of a property's values (a structured value's components in order).
fn texts(values: &[VCardValue]) -> Vec<String> {
    let mut out = Vec::new();
    for v in values {
        match v {
            VCardValue::Text(t) => out.push(t.clone()),
            VCardValue::Component(parts) => out.extend(parts.iter().cloned()),
            VCardValue::Integer(n) => out.push(n.to_string()),
            _ => {}
        }
    }
    out
}

/// The first text of `prop`, trimmed, if not empty.
fn first(card: &VCard, prop: &VCardProperty) -> Option<String> {
    card.property(prop)
        .map(|e| texts(&e.values).join(" "))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// Every value of every `prop`, trimmed, without empties and repeats.
fn all(card: &VCard, prop: &VCardProperty, strip: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in card.properties(prop) {
        for t in texts(&e.values) {
            let t = t.trim();
            let t = t.strip_prefix(strip).unwrap_or(t).trim().to_owned();
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

fn birthday(card: &VCard) -> Option<Birthday> {
    let entry = card.property(&VCardProperty::Bday)?;
    for v in &entry.values {
        match v {
            VCardValue::PartialDateTime(d) => {
                let (month, day) = (u32::from(d.month?), u32::from(d.day?));
                let year = d.year.filter(|y| *y != NO_YEAR).map(i32::from);
                let b = Birthday { year, month, day };
                // A date that does not exist (30 February) is no birthday.
                return b.in_year(year.unwrap_or(2000)).map(|_| b);
            }
            VCardValue::Text(t) => {
                return crate::model::time::parse_birthday(t.trim()).ok();
            }
            _ => {}
        }
    }
    None
}

/// One card as rapport sees it; `None` when it has no name at all.
fn card(v: &VCard) -> Option<Card> {
    let name = first(v, &VCardProperty::Fn).or_else(|| {
        let parts = v
            .property(&VCardProperty::N)
            .map(|e| texts(&e.values))
            .unwrap_or_default();
        // N: family; given; additional; prefixes; suffixes.
        let get = |i: usize| parts.get(i).map(|s| s.trim()).unwrap_or("");
        let joined = [get(3), get(1), get(2), get(0), get(4)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        (!joined.is_empty()).then_some(joined)
    })?;
    Some(Card {
        name,
        org: first(v, &VCardProperty::Org),
        position: first(v, &VCardProperty::Title),
        emails: all(v, &VCardProperty::Email, "mailto:"),
        phones: all(v, &VCardProperty::Tel, "tel:"),
        birthday: birthday(v),
        // Not trimmed: a profile may end with a line break, and a round trip keeps it.
        note: v
            .property(&VCardProperty::Note)
            .map(|e| texts(&e.values).join(" "))
            .filter(|t| !t.trim().is_empty()),
        uid: first(v, &VCardProperty::Uid),
        id: first(v, &VCardProperty::Other("X-RAPPORT-ID".to_owned())),
    })
}

/// What a vCard file held: its cards in order, each with its number in the file (from
/// 1), `None` for a card without a name.
pub fn parse(text: &str) -> Vec<(usize, Option<Card>)> {
    let mut parser = calcard::Parser::new(text);
    let mut out = Vec::new();
    loop {
        match parser.entry() {
            calcard::Entry::VCard(v) => {
                let n = out.len() + 1;
                out.push((n, card(&v)));
            }
            calcard::Entry::Eof => break,
            // Lines outside a card, calendars, broken components: not contacts.
            _ => {}
        }
    }
    out
}

/// A card in a message: «name» and its first email, else its first phone.
pub fn describe(card: &Card) -> String {
    let mut text = format!("«{}»", card.name);
    if let Some(e) = card.emails.first() {
        let _ = write!(text, " <{e}>");
    } else if let Some(p) = card.phones.first() {
        let _ = write!(text, " ({p})");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> Birthday {
        crate::model::time::parse_birthday(s).expect("birthday")
    }

    fn sample() -> Card {
        Card {
            name: "Юлия Лапина".to_owned(),
            org: Some("Автоцентр «Магистраль»".to_owned()),
            position: Some("Директор по маркетингу; закупки".to_owned()),
            emails: vec!["lapina@magistral.ru".to_owned()],
            phones: vec!["+7 495 123-45-67".to_owned()],
            birthday: Some(b("--04-12")),
            note: Some("Решает быстро,\nлюбит цифры".to_owned()),
            uid: Some("urn:rapport:trudnyi-klient/lapina".to_owned()),
            id: Some("lapina".to_owned()),
        }
    }

    #[test]
    fn a_card_is_written_escaped_folded_and_reads_back() {
        for version in [Version::V3, Version::V4] {
            let text = write(&[sample()], version);
            assert!(text.ends_with("END:VCARD\r\n"));
            assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
            assert!(text.contains("TITLE:Директор по маркетингу\\; закупки\r\n"));
            let back = parse(&text);
            assert_eq!(back, vec![(1, Some(sample()))], "{version:?}:\n{text}");
        }
    }

    #[test]
    fn yearless_birthdays_per_version() {
        let text = write(&[sample()], Version::V4);
        assert!(text.contains("BDAY:--0412\r\n"), "{text}");
        let text = write(&[sample()], Version::V3);
        assert!(
            text.contains("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12\r\n"),
            "{text}"
        );
        let mut with_year = sample();
        with_year.birthday = Some(b("1985-04-12"));
        assert!(write(&[with_year.clone()], Version::V4).contains("BDAY:19850412\r\n"));
        assert!(write(&[with_year], Version::V3).contains("BDAY:1985-04-12\r\n"));
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let mut c = sample();
        c.note = Some("ж".repeat(100));
        let text = write(&[c], Version::V4);
        let note = text
            .split("\r\n")
            .skip_while(|l| !l.starts_with("NOTE:"))
            .take_while(|l| l.starts_with("NOTE:") || l.starts_with(' '))
            .collect::<Vec<_>>();
        assert!(note.len() > 2, "{note:?}");
        assert!(note.iter().all(|l| l.len() <= 75));
        assert_eq!(
            parse(&text)[0].1.as_ref().and_then(|c| c.note.clone()),
            Some("ж".repeat(100))
        );
    }

    #[test]
    fn a_card_without_a_name_is_none() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:x@y.ru\r\nEND:VCARD\r\n";
        assert_eq!(parse(text), vec![(1, None)]);
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Лапина;Юлия;;;\r\nEND:VCARD\r\n";
        assert_eq!(
            parse(text)[0].1.as_ref().map(|c| c.name.as_str()),
            Some("Юлия Лапина")
        );
    }
}
