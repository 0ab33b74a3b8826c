//! Email drafts (`.eml`): RFC 5322 messages with a text and an HTML alternative,
//! UTF-8 throughout, non-ASCII headers encoded as RFC 2047 words (mail-builder does
//! the encoding and folding).
//!
//! A draft is a pure function of its content: the `Date` is given (never the wall
//! clock), and the MIME boundary and `Message-ID` are derived from a hash of what the
//! message says, so the same book gives the same bytes on every run and machine.
//! `X-Unsent: 1` makes mail clients that know it open the file as a draft to send.

use anyhow::{Result, bail};
use chrono::{DateTime, TimeZone};
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::headers::text::Text;
use mail_builder::mime::MimePart;

/// A person and their address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: String,
    pub email: String,
}

/// Everything a draft says.
#[derive(Debug, Clone)]
pub struct Draft {
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    pub subject: String,
    /// `Date:` with the book's offset, e.g. `Wed, 18 Nov 2026 14:00:00 +0300`.
    pub date: String,
    /// The left part of the `Message-ID`, before the content hash: only letters,
    /// digits, `.` and `-` (e.g. `meeting.gorod-fitness.2026-11-25-status`).
    pub id: String,
    pub text: String,
    pub html: String,
}

/// FNV-1a, 64 bits: a small hash that is the same on every platform and release
/// (unlike `std`'s `DefaultHasher`).
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// `Date:` text for a local date-time in the IANA zone `zone` (UTC if unknown).
pub fn date_header(at: chrono::NaiveDateTime, zone: &str) -> String {
    fn fmt<Tz: TimeZone>(dt: &DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        dt.to_rfc2822()
    }
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => match tz.from_local_datetime(&at).earliest() {
            Some(dt) => fmt(&dt),
            // A time that does not exist locally (a DST gap): take it as UTC.
            None => fmt(&chrono::Utc.from_utc_datetime(&at)),
        },
        Err(_) => fmt(&chrono::Utc.from_utc_datetime(&at)),
    }
}

/// A header value on one line: line breaks and control characters become spaces,
/// so no text of the book can add a header.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is `email` an address a draft can carry: one `@`, no spaces, brackets or quotes?
pub fn is_plausible_address(email: &str) -> bool {
    let mut parts = email.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(
                    c,
                    '<' | '>' | '(' | ')' | ',' | ';' | ':' | '"' | '[' | ']' | '\\'
                )
        })
}

fn address(m: &Mailbox) -> Address<'static> {
    Address::new_address(Some(one_line(&m.name)), m.email.clone())
}

fn list(ms: &[Mailbox]) -> Address<'static> {
    Address::new_list(ms.iter().map(address).collect())
}

/// The domain of the sender's address, for the `Message-ID`.
fn domain(from: &Mailbox) -> &str {
    from.email
        .rsplit_once('@')
        .map_or("rapport.invalid", |(_, d)| d)
}

/// A file attached to a draft.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// The file name the recipient sees: `schet-2026-0009.pdf`.
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The message, CRLF line ends.
pub fn build(draft: &Draft) -> Result<Vec<u8>> {
    build_with(draft, &[])
}

/// The message with `attachments` after its text and HTML (a `multipart/mixed` around
/// the `multipart/alternative`), CRLF line ends.
pub fn build_with(draft: &Draft, attachments: &[Attachment]) -> Result<Vec<u8>> {
    for m in std::iter::once(&draft.from)
        .chain(&draft.to)
        .chain(&draft.cc)
    {
        if !is_plausible_address(&m.email) {
            return Err(anyhow::Error::new(crate::i18n::Localized(crate::msg!(
                "email-not-an-address",
                email = m.email.as_str(),
                name = m.name.as_str()
            ))));
        }
    }
    if !draft
        .id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    {
        bail!("`{}` cannot be part of a Message-ID", draft.id);
    }
    let mut hashed: Vec<&str> = vec![&draft.subject, &draft.date, &draft.text, &draft.html];
    for m in std::iter::once(&draft.from)
        .chain(&draft.to)
        .chain(&draft.cc)
    {
        hashed.push(&m.name);
        hashed.push(&m.email);
    }
    let sums: Vec<String> = attachments
        .iter()
        .map(|a| {
            let bytes = fnv1a(&[&String::from_utf8_lossy(&a.bytes)]);
            format!("{}:{}:{bytes:016x}", a.name, a.bytes.len())
        })
        .collect();
    hashed.extend(sums.iter().map(String::as_str));
    let hash = fnv1a(&hashed);
    let boundary = format!("rapport-{hash:016x}");
    let message_id = format!("{}.{hash:016x}@{}", draft.id, domain(&draft.from));

    let alternative = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary),
        vec![
            MimePart::new("text/plain", draft.text.clone()),
            MimePart::new("text/html", draft.html.clone()),
        ],
    );
    let body = if attachments.is_empty() {
        alternative
    } else {
        let mut parts = vec![alternative];
        for a in attachments {
            // A text file is sent as the UTF-8 it is (the book's files are UTF-8).
            let ct = if a.content_type.starts_with("text/") {
                ContentType::new(a.content_type).attribute("charset", "utf-8")
            } else {
                ContentType::new(a.content_type)
            };
            parts.push(MimePart::new(ct, a.bytes.clone()).attachment(a.name.clone()));
        }
        MimePart::new(
            ContentType::new("multipart/mixed")
                .attribute("boundary", format!("rapport-mixed-{hash:016x}")),
            parts,
        )
    };
    let mut message = MessageBuilder::new()
        .from(address(&draft.from))
        .subject(Text::new(one_line(&draft.subject)))
        .header("Date", Raw::new(one_line(&draft.date)))
        .message_id(MessageId::new(message_id))
        .header("X-Unsent", Raw::new("1"))
        .body(body);
    if !draft.to.is_empty() {
        message = message.to(list(&draft.to));
    }
    if !draft.cc.is_empty() {
        message = message.cc(list(&draft.cc));
    }
    Ok(message.write_to_vec()?)
}

/// A mailbox for `name` at `email`, if there is an address that looks deliverable.
pub fn mailbox_of(name: &str, email: Option<&String>) -> Option<Mailbox> {
    email.filter(|e| is_plausible_address(e)).map(|e| Mailbox {
        name: name.to_owned(),
        email: e.clone(),
    })
}

/// The agency's own mailbox (`agency.email` in rapport.yaml), if it has one.
pub fn agency_mailbox(book: &crate::book::Book) -> Option<Mailbox> {
    let settings = book.settings.as_ref()?;
    mailbox_of(&settings.agency.name, settings.agency.email.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mb(name: &str, email: &str) -> Mailbox {
        Mailbox {
            name: name.into(),
            email: email.into(),
        }
    }

    fn draft() -> Draft {
        Draft {
            from: mb("Анна Орлова", "a.orlova@belykit.ru"),
            to: vec![mb("Ольга Васильева", "o.vasileva@gorodfitness.ru")],
            cc: vec![],
            subject: "Итоги встречи 25.11.2026 — Город Фитнес".into(),
            date: date_header(
                crate::model::time::parse_datetime("2026-11-25T10:30").expect("dt"),
                "Europe/Moscow",
            ),
            id: "meeting.gorod-fitness.2026-11-25-status".into(),
            text: "Текст\n".into(),
            html: "<p>Текст</p>\n".into(),
        }
    }

    #[test]
    fn the_same_draft_gives_the_same_bytes() {
        let a = build(&draft()).expect("build");
        let b = build(&draft()).expect("build");
        assert_eq!(a, b);
        let text = String::from_utf8(a).expect("ascii");
        assert!(
            text.contains("Date: Wed, 25 Nov 2026 10:30:00 +0300\r\n"),
            "{text}"
        );
        assert!(text.contains("X-Unsent: 1\r\n"), "{text}");
        assert!(
            text.contains("Message-ID: <meeting.gorod-fitness.2026-11-25-status."),
            "{text}"
        );
        assert!(text.contains("@belykit.ru>"), "{text}");
        assert!(text.is_ascii(), "every header and body is encoded");
        let mut other = draft();
        other.text = "Другой текст\n".into();
        assert_ne!(
            build(&other).expect("build"),
            build(&draft()).expect("build")
        );
    }

    #[test]
    fn no_header_injection_from_the_book() {
        let mut d = draft();
        d.subject = "Итоги\r\nBcc: evil@example.com".into();
        let text = String::from_utf8(build(&d).expect("build")).expect("ascii");
        assert!(!text.contains("\r\nBcc:"), "{text}");
    }

    #[test]
    fn bad_addresses_are_refused() {
        let mut d = draft();
        d.to = vec![mb("X", "not an address")];
        let err = build(&d).expect_err("refused").to_string();
        assert!(
            err.contains("`not an address` (X) is not an email address"),
            "{err}"
        );
        for ok in ["a@b.ru", "a.b+c@d-e.example.com"] {
            assert!(is_plausible_address(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "@b.ru", "a@@b.ru", "a b@c.ru", "a@b.ru>", "a@.ru", "a@ru.",
        ] {
            assert!(!is_plausible_address(bad), "{bad}");
        }
        let mut d = draft();
        d.id = "has space".into();
        assert!(build(&d).is_err());
    }

    #[test]
    fn dates_take_the_books_zone() {
        let at = crate::model::time::parse_datetime("2026-07-14T16:00").expect("dt");
        assert_eq!(
            date_header(at, "Europe/Moscow"),
            "Tue, 14 Jul 2026 16:00:00 +0300"
        );
        assert_eq!(
            date_header(at, "Europe/Berlin"),
            "Tue, 14 Jul 2026 16:00:00 +0200"
        );
        assert_eq!(
            date_header(at, "Nowhere/City"),
            "Tue, 14 Jul 2026 16:00:00 +0000"
        );
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(
            fnv1a(&["ab", "c"]),
            fnv1a(&["a", "bc"]),
            "parts are separated"
        );
    }
}
