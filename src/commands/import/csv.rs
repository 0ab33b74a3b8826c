//! `rapport import csv FILE --kind clients|contacts --map COLUMN=FIELD… [--client ID]
//! [--dry-run]`: clients or contacts from what a CRM or a spreadsheet exported.
//!
//! The file is UTF-8 (a byte-order mark is skipped) or, when it is not valid UTF-8,
//! Windows-1251, which Russian CRMs and Excel write; its separator is `;` or `,`,
//! whichever its header row has more of; fields may be quoted, with line breaks inside
//! (RFC 4180, read by the `csv` crate). The header row names the columns; `--map`
//! says which column holds which field, so any CRM's export can be read (the mapping
//! is generic: no CRM's column names are built in).
//!
//! `--kind contacts` rows become contacts of `--client`, exactly as the cards of
//! `import vcard` do (`contacts::add`: matched by email or phone, nothing overwritten).
//! `--kind clients` rows become new files only, `clients/ID/client.yaml`, each with its
//! first contact, never over an existing folder's file; the ID is the name
//! transliterated, made unique. Every row that is not imported is reported with why.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use anyhow::{Context as _, Result};

use super::contacts;
use crate::book;
use crate::cli::{CsvKind, ImportCsvArgs};
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::Severity;
use crate::i18n::{Arg, Lang, Msg};
use crate::model::Client;
use crate::model::time::{Birthday, parse_birthday};
use crate::msg;
use crate::vcard::Card;
use crate::write::scalar::{yaml_id, yaml_string};
use crate::write::{self, WriteError, slug};

/// The largest CSV file read.
const MAX_BYTES: u64 = 64 << 20;

const CONTACT_FIELDS: &[&str] = &[
    "name", "position", "email", "phone", "birthday", "profile", "id",
];

const CLIENT_FIELDS: &[&str] = &[
    "name",
    "id",
    "status",
    "manager",
    "curator",
    "since",
    "referred_by",
    "legal_name",
    "inn",
    "kpp",
    "ogrn",
    "address",
    "contact_name",
    "contact_position",
    "contact_email",
    "contact_phone",
];

pub fn run(ctx: &Context, args: &ImportCsvArgs) -> Result<Exit> {
    let shown = args.file.display();
    let size = std::fs::metadata(&args.file)
        .map_err(|e| crate::commands::cannot_read(&shown, &e))?
        .len();
    if size > MAX_BYTES {
        return Err(crate::commands::localized(msg!(
            "import-csv-too-big",
            file = shown.to_string(),
            size = size.to_string(),
            max = MAX_BYTES.to_string()
        )));
    }
    let bytes = std::fs::read(&args.file).map_err(|e| crate::commands::cannot_read(&shown, &e))?;
    let (text, encoding) = decode(&bytes);
    let sep = separator(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("{shown}: cannot read the header row"))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(crate::commands::localized(msg!(
            "import-csv-no-header",
            file = shown.to_string()
        )));
    }
    let fields = match args.kind {
        CsvKind::Clients => CLIENT_FIELDS,
        CsvKind::Contacts => CONTACT_FIELDS,
    };
    let map = mapping(&args.map, &header, fields)?;
    let mut rows: Vec<Row> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let n = i + 1;
        let row = match record {
            Err(e) => Err(msg!("import-row-unreadable", why = e.to_string())),
            Ok(r) if r.len() != header.len() => Err(msg!(
                "import-row-fields",
                fields = r.len(),
                header = header.len()
            )),
            Ok(r) if r.iter().all(|f| f.trim().is_empty()) => continue,
            Ok(r) => Ok(map
                .iter()
                .filter_map(|(field, col)| {
                    let v = r.get(*col).unwrap_or("").trim();
                    (!v.is_empty()).then(|| (*field, v.to_owned()))
                })
                .collect()),
        };
        rows.push(Row { n, values: row });
    }
    crate::commands::note(
        ctx.lang,
        &msg!(
            "csv-read",
            file = shown.to_string(),
            encoding = encoding.to_string(),
            sep = char::from(sep).to_string(),
            rows = rows.len()
        ),
    );
    match args.kind {
        CsvKind::Contacts => {
            let Some(client) = &args.client else {
                return Err(crate::commands::localized(msg!(
                    "import-csv-contacts-need-client"
                )));
            };
            let items: Vec<(usize, Result<Card, Msg>)> =
                rows.iter().map(|r| (r.n, contact(r))).collect();
            contacts::add(ctx, client, &items, "row", args.dry_run)
        }
        CsvKind::Clients => {
            if args.client.is_some() {
                return Err(crate::commands::localized(msg!(
                    "import-csv-clients-no-client"
                )));
            }
            clients(ctx, &rows, args.dry_run)
        }
    }
}

/// The text of `bytes` and the name of its encoding: UTF-8 (after a byte-order mark,
/// if any) when it is valid UTF-8, else Windows-1251.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1251")
        }
    }
}

/// `;` when the header row (the first line) has more of them than commas, else `,`.
/// Quoted text is not counted.
fn separator(text: &str) -> u8 {
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi > comma { b';' } else { b',' }
}

/// `COLUMN=FIELD` pairs as (field, column index); an error names a column the header
/// lacks or a field the kind does not have, with what there is.
fn mapping(
    pairs: &[String],
    header: &[String],
    fields: &[&'static str],
) -> Result<Vec<(&'static str, usize)>> {
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    for pair in pairs {
        let Some((column, field)) = pair.rsplit_once('=') else {
            return Err(crate::commands::localized(msg!(
                "import-map-malformed",
                pair = pair.as_str()
            )));
        };
        let (column, field) = (column.trim(), field.trim());
        let Some(&known) = fields.iter().find(|f| **f == field) else {
            let hint =
                crate::commands::hint_for(field, fields, msg!("import-map-no-fields"), |f| {
                    msg!("import-map-fields", fields = f.join(", "))
                });
            return Err(crate::commands::hinted(
                msg!("import-map-no-field", pair = pair.as_str(), field = field),
                hint,
            ));
        };
        let Some(col) = header.iter().position(|h| h.eq_ignore_ascii_case(column)) else {
            return Err(crate::commands::hinted(
                msg!(
                    "import-map-no-column",
                    pair = pair.as_str(),
                    column = column
                ),
                msg!("import-map-columns", columns = header.join(", ")),
            ));
        };
        if out.iter().any(|(f, _)| *f == known) {
            return Err(crate::commands::localized(msg!(
                "import-map-twice",
                pair = pair.as_str(),
                field = known
            )));
        }
        out.push((known, col));
    }
    if !out.iter().any(|(f, _)| *f == "name") {
        return Err(crate::commands::hinted(
            msg!("import-map-no-name"),
            msg!("import-map-no-name-hint"),
        ));
    }
    Ok(out)
}

/// One data row: its number (from 1, after the header) and its mapped, non-empty
/// values, or why it cannot be read.
struct Row {
    n: usize,
    values: Result<Vec<(&'static str, String)>, Msg>,
}

impl Row {
    fn get(&self, field: &str) -> Option<&str> {
        self.values
            .as_ref()
            .ok()?
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }
}

fn birthday(text: Option<&str>) -> Result<Option<Birthday>, Msg> {
    text.map(|b| parse_birthday(b).map_err(|_| msg!("import-birthday-not-a-date", text = b)))
        .transpose()
}

/// A contacts row as a card.
fn contact(row: &Row) -> Result<Card, Msg> {
    if let Err(why) = &row.values {
        return Err(why.clone());
    }
    let name = row.get("name").ok_or_else(|| msg!("import-no-name"))?;
    let owned = |f: &str| row.get(f).map(str::to_owned);
    Ok(Card {
        name: name.to_owned(),
        position: owned("position"),
        emails: owned("email").into_iter().collect(),
        phones: owned("phone").into_iter().collect(),
        birthday: birthday(row.get("birthday"))?,
        note: owned("profile"),
        id: owned("id"),
        ..Card::default()
    })
}

/// A new client's file.
struct NewClient {
    n: usize,
    id: String,
    name: String,
    text: String,
}

/// Creates one client file per row that can be one; prints each and each skipped row.
fn clients(ctx: &Context, rows: &[Row], dry_run: bool) -> Result<Exit> {
    let book = ctx.load()?;
    let mut taken: BTreeSet<String> = book.clients.iter().map(|c| c.id.clone()).collect();
    let mut names: Vec<(String, String)> = book
        .client_data()
        .iter()
        .map(|(id, c)| (c.name.to_lowercase(), (*id).to_owned()))
        .collect();
    let mut planned: Vec<NewClient> = Vec::new();
    let lang = ctx.lang;
    let mut skipped: Vec<Msg> = Vec::new();
    for row in rows {
        match client(row, &taken, &names, lang) {
            Ok(c) => {
                taken.insert(c.id.clone());
                names.push((c.name.to_lowercase(), c.id.clone()));
                planned.push(c);
            }
            Err(why) => skipped.push(msg!("import-row", n = row.n, text = why)),
        }
    }
    let mut report = String::new();
    let mut created = 0;
    for c in &planned {
        let rel = format!("clients/{}/client.yaml", c.id);
        if dry_run {
            let _ = writeln!(
                report,
                "{}",
                msg!(
                    "csv-would-create",
                    file = rel.as_str(),
                    n = c.n,
                    name = c.name.as_str()
                )
                .render(lang)
            );
            continue;
        }
        let path = write::book_path(book.root(), &rel)?;
        match write::create_new(&path, c.text.as_bytes()) {
            Ok(()) => {
                created += 1;
                let _ = writeln!(
                    report,
                    "{}",
                    msg!(
                        "csv-created",
                        file = rel.as_str(),
                        n = c.n,
                        name = c.name.as_str()
                    )
                    .render(lang)
                );
            }
            Err(WriteError::Exists(_)) => {
                skipped.push(msg!("csv-appeared", n = c.n, file = rel.as_str()));
            }
            Err(e) => return Err(e.into()),
        }
    }
    for s in &skipped {
        let _ = writeln!(
            report,
            "{}",
            msg!("import-skipped", text = s.clone()).render(lang)
        );
    }
    let _ = writeln!(
        report,
        "{}",
        msg!(
            "csv-summary",
            created = if dry_run { planned.len() } else { created },
            skipped = skipped.len(),
            dry = Arg::Word(if dry_run { "yes" } else { "no" })
        )
        .render(lang)
    );
    super::super::write_stdout(report.as_bytes())?;
    Ok(Exit::Ok)
}

/// A clients row as a new client file, or why not.
fn client(
    row: &Row,
    taken: &BTreeSet<String>,
    names: &[(String, String)],
    lang: Lang,
) -> Result<NewClient, Msg> {
    if let Err(why) = &row.values {
        return Err(why.clone());
    }
    let name = row.get("name").ok_or_else(|| msg!("import-no-name"))?;
    if let Some((_, id)) = names.iter().find(|(n, _)| *n == name.to_lowercase()) {
        return Err(msg!("import-already-client", name = name, id = id.as_str()));
    }
    let contact_name = row
        .get("contact_name")
        .ok_or_else(|| msg!("import-no-contact", name = name))?;
    let id = match row
        .get("id")
        .filter(|id| book::is_slug(id) && !taken.contains(*id))
    {
        Some(id) => id.to_owned(),
        None => slug::unique(&slug::slug(name, "client"), |id| taken.contains(id)),
    };
    let mut text = String::new();
    let _ = writeln!(text, "name: {}", yaml_string(name));
    for key in ["status", "manager", "curator", "since", "referred_by"] {
        if let Some(v) = row.get(key) {
            let v = if matches!(key, "manager" | "curator") {
                yaml_id(v)
            } else {
                yaml_string(v)
            };
            let _ = writeln!(text, "{key}: {v}");
        }
    }
    let legal: Vec<(&str, &str)> = [
        ("name", "legal_name"),
        ("inn", "inn"),
        ("kpp", "kpp"),
        ("ogrn", "ogrn"),
        ("address", "address"),
    ]
    .into_iter()
    .filter_map(|(key, field)| row.get(field).map(|v| (key, v)))
    .collect();
    if !legal.is_empty() {
        text.push_str("legal:\n");
        for (key, v) in legal {
            let _ = writeln!(text, "  {key}: {}", yaml_string(v));
        }
    }
    let contact_id = slug::slug(contact_name, "contact");
    let _ = writeln!(
        text,
        "contacts:\n  - id: {}\n    name: {}",
        yaml_id(&contact_id),
        yaml_string(contact_name)
    );
    for (key, field) in [
        ("position", "contact_position"),
        ("email", "contact_email"),
        ("phone", "contact_phone"),
    ] {
        if let Some(v) = row.get(field) {
            let _ = writeln!(text, "    {key}: {}", yaml_string(v));
        }
    }
    // The file must read as a client: a wrong status or date is the row's fault.
    let file = format!("clients/{id}/client.yaml");
    let mut findings = Vec::new();
    let parsed = book::parse_entity::<Client>(&file, &text, &mut findings);
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| crate::finding::in_lang(lang, f.said.as_deref(), &f.message, None).0)
        .map(|message| match lang {
            Lang::En => message.into_owned(),
            // After «name»: the sentence goes on in lower case.
            _ => crate::wording::lower_first(&message),
        })
        .collect();
    if parsed.is_none() || !errors.is_empty() {
        return Err(msg!(
            "import-row-invalid",
            name = name,
            errors = errors.join("; ")
        ));
    }
    Ok(NewClient {
        n: row.n,
        id,
        name: name.to_owned(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_header_rows_commoner_one() {
        assert_eq!(separator("ФИО;Телефон;E-mail\nа,б;в;г\n"), b';');
        assert_eq!(separator("name,phone\n"), b',');
        assert_eq!(
            separator("\"a;b;c\",d\n"),
            b',',
            "quoted text is not counted"
        );
        assert_eq!(separator("name\n"), b',');
    }

    #[test]
    fn windows_1251_is_read_when_the_bytes_are_not_utf_8() {
        assert_eq!(
            decode(b"\xc8\xe2\xe0\xed"),
            ("Иван".to_owned(), "Windows-1251")
        );
        assert_eq!(decode("Иван".as_bytes()), ("Иван".to_owned(), "UTF-8"));
        assert_eq!(
            decode(b"\xef\xbb\xbfname"),
            ("name".to_owned(), "UTF-8"),
            "the BOM is skipped"
        );
    }
}
