//! The deserializer: every scalar type it reads, YAML 1.2's rules for them, unknown
//! and `x-` keys, duplicate keys, and how errors are placed, worded and counted.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::super::de::{DeError, Read};
use super::*;
use crate::model::money::Money;
use crate::model::time::{Birthday, Date, DateTime, TimeOfDay};

fn load<T: DeserializeOwned>(text: &str) -> Read<T> {
    read_tree::<T>(&tree(text), &Limits::default())
}

/// `Kind line:col-line:col message | help`.
fn show(e: &DeError) -> String {
    let span = e.span.map_or_else(|| "-".to_owned(), at);
    let help = e.help().map(|h| format!(" | {h}")).unwrap_or_default();
    format!("{:?} {span} {}{help}", e.kind, e.message())
}

fn errors<T>(read: &Read<T>) -> Vec<String> {
    read.errors.iter().map(show).collect()
}

/// The one error of reading `text` as a `T`.
fn error<T: DeserializeOwned>(text: &str) -> String {
    let read = load::<T>(text);
    assert!(read.unknown.is_empty(), "{:?}", read.unknown);
    match errors(&read).as_slice() {
        [one] => one.clone(),
        other => panic!("{text:?}: expected one error, got {other:#?}"),
    }
}

/// The value of reading `text` as a `T`, which must read without a word.
fn value<T: DeserializeOwned>(text: &str) -> T {
    let read = load::<T>(text);
    assert_eq!(errors(&read), Vec::<String>::new(), "{text:?}");
    assert!(read.unknown.is_empty(), "{text:?}: {:?}", read.unknown);
    match read.partial {
        Some(value) => value,
        None => panic!("{text:?} read no value"),
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct Text {
    v: String,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Flag {
    v: bool,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Small {
    v: u8,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Big {
    v: i64,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Unsigned {
    v: u32,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Ratio {
    v: f64,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Day {
    v: Date,
}

#[derive(Debug, Deserialize, PartialEq)]
struct When {
    v: DateTime,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Clock {
    v: TimeOfDay,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Born {
    v: Birthday,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Price {
    v: Money,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Maybe {
    v: Option<String>,
    n: Option<u8>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct List {
    #[serde(default)]
    v: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Format {
    InPerson,
    Video,
    Call,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Choice {
    v: Format,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Limit {
    None,
    Days(u32),
    Span { from: u32, to: u32 },
}

#[derive(Debug, Deserialize, PartialEq)]
struct Limited {
    v: Limit,
}

/// A small file with something of every kind.
#[derive(Debug, Deserialize, PartialEq)]
struct Card {
    name: String,
    key: Option<bool>,
    late: Option<u32>,
    format: Option<Format>,
    since: Option<Date>,
    #[serde(default)]
    people: Vec<Person>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Person {
    id: String,
    birthday: Option<Birthday>,
}

#[test]
fn text_is_any_scalar_as_written() {
    // YAML 1.2: `no`, `yes`, `on`, `off` are words; where text is expected, numbers,
    // dates and `true` are text too, exactly as written.
    for (yaml, text) in [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("Off", "Off"),
        ("true", "true"),
        ("007", "007"),
        ("0.10", "0.10"),
        ("1e3", "1e3"),
        ("2026-11-20", "2026-11-20"),
        ("'~'", "~"),
        ("''", ""),
        ("\"line\\nbreak\"", "line\nbreak"),
        ("Ромашка: ООО", "Ромашка: ООО"),
        ("|\n  one\n  two", "one\ntwo\n"),
    ] {
        let yaml = yaml.replace("Ромашка: ООО", "'Ромашка: ООО'");
        assert_eq!(value::<Text>(&format!("v: {yaml}\n")).v, text, "{yaml:?}");
    }
}

#[test]
fn null_is_not_text() {
    assert_eq!(
        error::<Text>("v: ~\n"),
        "Type 1:4-1:5 expected text, found nothing (null)"
    );
    assert_eq!(
        error::<Text>("v:\n"),
        "Type 1:2-1:2 expected text, found nothing (null)"
    );
    assert_eq!(
        error::<Text>("v: [a]\n"),
        "Type 1:4-1:7 expected text, found a list"
    );
}

#[test]
fn a_text_with_a_colon_is_told_to_quote_it() {
    let read = load::<List>("v:\n  - Бюджет: обсудить\n  - fine\n");
    assert_eq!(
        errors(&read),
        [
            "Type 2:5-3:3 expected text, found a mapping | a colon followed by a space starts a key: put the whole text in quotes"
        ]
    );
}

#[test]
fn booleans_are_only_true_and_false() {
    assert!(value::<Flag>("v: true\n").v);
    assert!(!value::<Flag>("v: false\n").v);
    let expected = "expected a boolean (`true` or `false`)";
    let yes = "write `true`: YAML 1.2 reads `yes` and `on` as text";
    let no = "write `false`: YAML 1.2 reads `no` and `off` as text";
    for (yaml, found, help) in [
        ("yes", "`yes`", Some(yes)),
        ("on", "`on`", Some(yes)),
        ("Y", "`Y`", Some(yes)),
        ("no", "`no`", Some(no)),
        ("off", "`off`", Some(no)),
        ("True", "`True`", None),
        ("FALSE", "`FALSE`", None),
        ("1", "`1`", None),
        ("~", "nothing (null)", None),
    ] {
        let end = 4 + yaml.chars().count();
        let help = help.map(|h| format!(" | {h}")).unwrap_or_default();
        assert_eq!(
            error::<Flag>(&format!("v: {yaml}\n")),
            format!("Type 1:4-1:{end} {expected}, found {found}{help}"),
        );
    }
    // Quoted, `true` is text: the error says so rather than "found `true`".
    for yaml in ["'true'", "\"true\""] {
        assert_eq!(
            error::<Flag>(&format!("v: {yaml}\n")),
            "Type 1:4-1:10 expected a boolean, found the quoted text \"true\" \
             | remove the quotes: `true` is a boolean, in quotes it is text",
        );
    }
}

#[test]
fn whole_numbers_keep_to_their_bounds_and_are_quoted_as_written() {
    assert_eq!(value::<Small>("v: 0\n").v, 0);
    assert_eq!(value::<Small>("v: 255\n").v, 255);
    assert_eq!(value::<Small>("v: +7\n").v, 7);
    let small = "expected a whole number from 0 to 255";
    for (yaml, found) in [
        ("256", "`256`"),
        ("-1", "`-1`"),
        ("1.5", "`1.5`"),
        ("1e3", "`1e3`"),
        ("x", "`x`"),
        ("'5'", "`5`"),
        ("0x10", "`0x10`"),
        ("1_000", "`1_000`"),
    ] {
        let end = 4 + yaml.chars().count();
        assert_eq!(
            error::<Small>(&format!("v: {yaml}\n")),
            format!("Type 1:4-1:{end} {small}, found {found}"),
        );
    }
    assert_eq!(
        error::<Small>("v: [1]\n"),
        format!("Type 1:4-1:7 {small}, found a list")
    );
    assert_eq!(
        error::<Unsigned>("v: -5\n"),
        "Type 1:4-1:6 expected a whole number from 0 to 4294967295, found `-5`"
    );
    assert_eq!(value::<Big>("v: -9223372036854775808\n").v, i64::MIN);
    assert_eq!(value::<Big>("v: 9223372036854775807\n").v, i64::MAX);
    assert_eq!(
        error::<Big>("v: 9223372036854775808\n"),
        "Type 1:4-1:23 expected a whole number, found `9223372036854775808`"
    );
}

#[test]
fn numbers_with_a_fraction() {
    assert_eq!(value::<Ratio>("v: 7.5\n").v, 7.5);
    assert_eq!(value::<Ratio>("v: 22\n").v, 22.0);
    assert_eq!(value::<Ratio>("v: -1e3\n").v, -1000.0);
    assert_eq!(
        error::<Ratio>("v: .inf\n"),
        "Type 1:4-1:8 expected a number, found `.inf`"
    );
    assert_eq!(
        error::<Ratio>("v: 7,5\n"),
        "Type 1:4-1:7 expected a number, found `7,5`"
    );
}

#[test]
fn money_is_read_from_its_text_never_through_a_float() {
    // 0.1 + 0.2 style: a float would make 0.30000000000000004 of these.
    assert_eq!(value::<Price>("v: 0.1\n").v.to_string(), "0.10");
    assert_eq!(value::<Price>("v: 0.3\n").v.to_string(), "0.30");
    assert_eq!(
        value::<Price>("v: 999999999999999.99\n").v.to_string(),
        "999999999999999.99"
    );
    assert_eq!(
        value::<Price>("v: \"125000.50\"\n").v.to_string(),
        "125000.50"
    );
    let expected = "expected a sum of money with at most 2 decimal places, like 125000.50";
    for yaml in ["1.005", "1e3", "125 000", "125,50", "₽125"] {
        let end = 4 + yaml.chars().count();
        assert_eq!(
            error::<Price>(&format!("v: {yaml}\n")),
            format!("Type 1:4-1:{end} {expected}, found `{yaml}`"),
        );
    }
}

#[test]
fn dates_and_times_in_their_forms() {
    let day = value::<Day>("v: 2026-11-20\n").v;
    assert_eq!(day.to_string(), "2026-11-20");
    assert_eq!(
        value::<Day>("v: '2026-02-28'\n").v.to_string(),
        "2026-02-28"
    );
    assert_eq!(value::<Day>("v: 2028-02-29\n").v.to_string(), "2028-02-29");
    assert_eq!(
        value::<When>("v: 2026-11-20T09:30\n").v.to_string(),
        "2026-11-20T09:30"
    );
    assert_eq!(
        value::<When>("v: 2026-11-20 09:30:15\n").v.0.to_string(),
        "2026-11-20 09:30:15"
    );
    assert_eq!(value::<Clock>("v: '09:00'\n").v.0.to_string(), "09:00:00");
    assert_eq!(
        value::<Born>("v: --02-29\n").v,
        Birthday {
            year: None,
            month: 2,
            day: 29
        }
    );
    assert_eq!(value::<Born>("v: 1985-04-12\n").v.to_string(), "1985-04-12");
}

#[test]
fn a_text_that_is_no_date_is_a_type_error() {
    for (yaml, found) in [
        ("2026-1-5", "`2026-1-5`"),
        ("20261120", "`20261120`"),
        ("27.11.2026", "`27.11.2026`"),
        ("2026-11-20T09:30", "`2026-11-20T09:30`"),
    ] {
        let end = 4 + yaml.chars().count();
        assert_eq!(
            error::<Day>(&format!("v: {yaml}\n")),
            format!("Type 1:4-1:{end} expected a date as YYYY-MM-DD, found {found}"),
        );
    }
    assert_eq!(
        error::<Day>("v: ~\n"),
        "Type 1:4-1:5 expected text, found nothing (null)"
    );
    assert_eq!(
        error::<When>("v: 2026-11-20\n"),
        "Type 1:4-1:14 expected a date and time as YYYY-MM-DDTHH:MM, found `2026-11-20`"
    );
    assert_eq!(
        error::<When>("v: 2026-11-20T09:30Z\n"),
        "Type 1:4-1:21 expected a date and time as YYYY-MM-DDTHH:MM, found `2026-11-20T09:30Z`"
    );
    assert_eq!(
        error::<Clock>("v: 9:00\n"),
        "Type 1:4-1:8 expected a time of day as HH:MM, found `9:00`"
    );
    assert_eq!(
        error::<Born>("v: 04-12\n"),
        "Type 1:4-1:9 expected a birthday as YYYY-MM-DD, or --MM-DD without the year, found `04-12`"
    );
}

/// Pins what an impossible date reads as: its own kind (E07 in the audit), its
/// message, and the span of the value, for every type that reads a date.
#[test]
fn a_well_formed_date_that_cannot_be_is_an_impossible_date() {
    assert_eq!(
        error::<Day>("v: 2026-02-30\n"),
        "ImpossibleDate 1:4-1:14 `2026-02-30` is not a real date: 2026-02 has 28 days, there is no day 30"
    );
    assert_eq!(
        error::<Day>("v: '2027-02-29'\n"),
        "ImpossibleDate 1:4-1:16 `2027-02-29` is not a real date: 2027-02 has 28 days, there is no day 29"
    );
    assert_eq!(
        error::<Day>("v: 2026-13-01\n"),
        "ImpossibleDate 1:4-1:14 `2026-13-01` is not a real date: there is no month 13"
    );
    assert_eq!(
        error::<When>("v: 2026-04-31T10:00\n"),
        "ImpossibleDate 1:4-1:20 `2026-04-31T10:00` is not a real date: 2026-04 has 30 days, there is no day 31"
    );
    assert_eq!(
        error::<When>("v: 2026-11-20T24:00\n"),
        "ImpossibleDate 1:4-1:20 `2026-11-20T24:00` is not a real date: there is no time 24:00 in a day"
    );
    assert_eq!(
        error::<Clock>("v: '18:60'\n"),
        "ImpossibleDate 1:4-1:11 `18:60` is not a real date: there is no time 18:60 in a day"
    );
    assert_eq!(
        error::<Born>("v: --02-30\n"),
        "ImpossibleDate 1:4-1:11 `--02-30` is not a real date: month 02 has no day 30"
    );
    assert_eq!(
        error::<Born>("v: 1985-02-29\n"),
        "ImpossibleDate 1:4-1:14 `1985-02-29` is not a real date: 1985-02 has 28 days, there is no day 29"
    );
    // Through an alias, at the alias; inside a list, at the item.
    let read = load::<List2>("x-d: &d 2026-02-30\nv: [2026-11-20, *d]\n");
    assert_eq!(
        errors(&read),
        [
            "ImpossibleDate 2:17-2:19 `2026-02-30` is not a real date: 2026-02 has 28 days, there is no day 30"
        ]
    );
}

#[derive(Debug, Deserialize)]
struct List2 {
    #[serde(default)]
    v: Vec<Date>,
}

#[test]
fn null_tilde_and_nothing_leave_an_option_empty() {
    for text in ["{}", "v: ~\n", "v:\n", "v: null\n", "v: NULL\n", "n: ~\n"] {
        assert_eq!(value::<Maybe>(text), Maybe { v: None, n: None }, "{text:?}");
    }
    assert_eq!(
        value::<Maybe>("v: '~'\nn: 3\n"),
        Maybe {
            v: Some("~".to_owned()),
            n: Some(3)
        }
    );
    assert_eq!(
        value::<Maybe>("v: ''\n"),
        Maybe {
            v: Some(String::new()),
            n: None
        }
    );
    // What is there must still be right.
    assert_eq!(
        error::<Maybe>("n: 300\n"),
        "Type 1:4-1:7 expected a whole number from 0 to 255, found `300`"
    );
}

#[test]
fn an_empty_list_may_be_written_as_nothing() {
    for text in ["v:\n", "v: ~\n", "v: []\n", "{}"] {
        assert_eq!(value::<List>(text).v, Vec::<String>::new(), "{text:?}");
    }
    assert_eq!(value::<List>("v: [a, 'b c']\n").v, ["a", "b c"]);
    assert_eq!(value::<List>("v:\n  - a\n  - no\n").v, ["a", "no"]);
    assert_eq!(
        error::<List>("v: a\n"),
        "Type 1:4-1:5 expected a list, found `a`"
    );
}

#[test]
fn an_unknown_value_names_the_known_ones_and_the_nearest() {
    assert_eq!(value::<Choice>("v: in_person\n").v, Format::InPerson);
    assert_eq!(
        error::<Choice>("v: inperson\n"),
        "Type 1:4-1:12 `inperson` is not one of `in_person`, `video`, `call` | did you mean `in_person`?"
    );
    assert_eq!(
        error::<Choice>("v: Video\n"),
        "Type 1:4-1:9 `Video` is not one of `in_person`, `video`, `call` | did you mean `video`?"
    );
    assert_eq!(
        error::<Choice>("v: letter\n"),
        "Type 1:4-1:10 `letter` is not one of `in_person`, `video`, `call`"
    );
    assert_eq!(
        error::<Choice>("v: ~\n"),
        "Type 1:4-1:5 expected one of the listed values, found nothing (null)"
    );
    assert_eq!(
        error::<Choice>("v: [call]\n"),
        "Type 1:4-1:10 expected one of the listed values, found a list"
    );
}

#[test]
fn variants_with_values_are_one_key_mappings() {
    assert_eq!(value::<Limited>("v: none\n").v, Limit::None);
    assert_eq!(value::<Limited>("v: {days: 5}\n").v, Limit::Days(5));
    assert_eq!(
        value::<Limited>("v:\n  span: {from: 1, to: 3}\n").v,
        Limit::Span { from: 1, to: 3 }
    );
    // Told once: the value of a variant is read again when the read goes on.
    assert_eq!(
        error::<Limited>("v: {days: x}\n"),
        "Type 1:11-1:12 expected a whole number from 0 to 4294967295, found `x`"
    );
    assert_eq!(
        error::<Limited>("v: {dayz: 5}\n"),
        "Type 1:5-1:9 `dayz` is not one of `none`, `days`, `span` | did you mean `days`?"
    );
    assert_eq!(
        error::<Limited>("v: {none: 5}\n"),
        "Type 1:4-1:13 expected a plain value, found a mapping"
    );
    assert_eq!(
        error::<Limited>("v: {days: 1, span: 2}\n"),
        "Type 1:4-1:22 expected one of the listed values, found a mapping"
    );
}

#[test]
fn x_keys_pass_at_any_level_unread() {
    let text = "name: A\nx-crm: {deep: [1, 2], bad: *}\npeople:\n  - id: a\n    x-note: yes\n";
    let text = text.replace("*}", "'*'}");
    let card = value::<Card>(&text);
    assert_eq!(card.name, "A");
    assert_eq!(card.people.len(), 1);
    // An `x-` key's value is never read: it may hold anything a YAML file may.
    let card = value::<Card>("name: A\nx-date: 2026-02-30\nx-flag: yes\n");
    assert_eq!(card.key, None);
}

#[test]
fn unknown_keys_are_all_reported_with_the_nearest_known_key() {
    let text =
        "name: A\nkye: true\npeople:\n  - id: a\n    birthdy: --04-12\n    zzz: 1\nformt: call\n";
    let read = load::<Card>(text);
    assert!(read.errors.is_empty(), "{:?}", errors(&read));
    let card = read.partial.expect("unknown keys do not stop the read");
    assert_eq!((card.name.as_str(), card.key), ("A", None));
    let unknown: Vec<String> = read
        .unknown
        .iter()
        .map(|u| {
            format!(
                "{} {} {:?} {}",
                u.key,
                at(u.span),
                u.suggestion,
                u.expected.join(",")
            )
        })
        .collect();
    assert_eq!(
        unknown,
        [
            "kye 2:1-2:4 Some(\"key\") name,key,late,format,since,people",
            "birthdy 5:5-5:12 Some(\"birthday\") id,birthday",
            "zzz 6:5-6:8 None id,birthday",
            "formt 7:1-7:6 Some(\"format\") name,key,late,format,since,people",
        ]
    );
}

#[test]
fn unknown_keys_are_reported_beside_wrong_values_each_once() {
    // The read goes over the file once per wrong value: an unknown key seen in every
    // pass is still one key.
    let text = "name: A\nkey: yes\nlate: x\nnmae: B\n";
    let read = load::<Card>(text);
    assert_eq!(
        errors(&read),
        [
            "Type 2:6-2:9 expected a boolean (`true` or `false`), found `yes` | write `true`: YAML 1.2 reads `yes` and `on` as text",
            "Type 3:7-3:8 expected a whole number from 0 to 4294967295, found `x`",
        ]
    );
    let keys: Vec<&str> = read.unknown.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(keys, ["nmae"]);
}

#[test]
fn duplicate_keys_end_the_read() {
    // Neither value wins: the file is refused, at the second key, and the read ends
    // there (the wrong value after it is not looked at).
    let read = load::<Card>("name: A\nkey: true\nname: B\nlate: x\n");
    assert_eq!(
        errors(&read),
        ["Syntax 3:1-3:5 duplicate key `name` | a key may appear once in a mapping: merge the two"]
    );
    assert!(read.partial.is_none());
    // In a list item, in a mapping read without fields, among `x-` and unknown keys.
    let read = load::<Card>("name: A\npeople:\n  - {id: a, id: b}\n");
    assert_eq!(
        errors(&read),
        ["Syntax 3:13-3:15 duplicate key `id` | a key may appear once in a mapping: merge the two"]
    );
    let read = load::<serde_json::Value>("a: 1\nb: {c: 1, c: 2}\n");
    assert_eq!(
        errors(&read),
        ["Syntax 2:11-2:12 duplicate key `c` | a key may appear once in a mapping: merge the two"]
    );
    for (text, key, span) in [
        ("name: A\nx-a: 1\nx-a: 2\n", "x-a", "3:1-3:4"),
        ("name: A\nzz: 1\nzz: 2\n", "zz", "3:1-3:3"),
    ] {
        let read = load::<Card>(text);
        assert_eq!(
            errors(&read),
            [format!(
                "Syntax {span} duplicate key `{key}` | a key may appear once in a mapping: merge the two"
            )]
        );
        assert!(read.unknown.len() <= 1, "{:?}", read.unknown);
    }
    // After a wrong value, the duplicate is still found.
    let read = load::<Card>("name: A\nlate: x\nlate: 2\n");
    assert_eq!(
        errors(&read),
        [
            "Type 2:7-2:8 expected a whole number from 0 to 4294967295, found `x`",
            "Syntax 3:1-3:5 duplicate key `late` | a key may appear once in a mapping: merge the two",
        ]
    );
}

#[test]
fn a_key_must_be_text() {
    for (text, span) in [
        ("name: A\n[a]: 1\n", "2:1-2:4"),
        ("name: A\n{a: 1}: 1\n", "2:1-2:7"),
        ("name: A\n~: 1\n", "2:1-2:2"),
    ] {
        assert_eq!(
            error::<Card>(text),
            format!("Syntax {span} a key must be plain text"),
            "{text:?}"
        );
    }
    // Quoted keys are text.
    assert_eq!(value::<Card>("'name': A\n").name, "A");
}

#[test]
fn a_missing_required_key_points_at_its_mapping() {
    assert_eq!(
        error::<Card>("key: true\nlate: 5\n"),
        "Type 1:1-3:1 missing required key `name` | add `name:` to this mapping"
    );
    assert_eq!(
        error::<Card>("name: A\npeople:\n  - {birthday: --04-12}\n"),
        "Type 3:5-3:24 missing required key `id` | add `id:` to this mapping"
    );
    // An empty file holds no mapping at all.
    assert_eq!(
        error::<Card>(""),
        "Type 1:1-1:1 expected a mapping, found nothing (null)"
    );
    assert_eq!(
        error::<Card>("- a\n"),
        "Type 1:1-2:1 expected a mapping, found a list"
    );
}

#[test]
fn a_required_key_with_a_wrong_value_is_not_missing_too() {
    let read = load::<Card>("name: [A]\nkey: true\n");
    assert_eq!(errors(&read), ["Type 1:7-1:10 expected text, found a list"]);
    // A key that is really missing is told beside a wrong value.
    let read = load::<Card>("key: yes\n");
    assert_eq!(
        errors(&read),
        [
            "Type 1:6-1:9 expected a boolean (`true` or `false`), found `yes` | write `true`: YAML 1.2 reads `yes` and `on` as text",
            "Type 1:1-2:1 missing required key `name` | add `name:` to this mapping",
        ]
    );
}

#[test]
fn the_read_goes_on_after_a_wrong_value_and_keeps_what_is_right() {
    let text = "name: A\nkey: yes\nlate: 5\nformat: phone\nsince: 2026-02-30\npeople:\n  - id: a\n    birthday: --13-01\n  - id: b\n";
    let read = load::<Card>(text);
    assert_eq!(
        errors(&read),
        [
            "Type 2:6-2:9 expected a boolean (`true` or `false`), found `yes` | write `true`: YAML 1.2 reads `yes` and `on` as text",
            "Type 4:9-4:14 `phone` is not one of `in_person`, `video`, `call`",
            "ImpossibleDate 5:8-5:18 `2026-02-30` is not a real date: 2026-02 has 28 days, there is no day 30",
            "ImpossibleDate 8:15-8:22 `--13-01` is not a real date: there is no month 13",
        ]
    );
    // What is left, as if the wrong values were absent.
    let card = read.partial.expect("the rest is still a card");
    assert_eq!(
        (
            card.name.as_str(),
            card.key,
            card.late,
            card.format,
            card.since
        ),
        ("A", None, Some(5), None, None)
    );
    let people: Vec<(&str, Option<Birthday>)> = card
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.birthday))
        .collect();
    assert_eq!(people, [("a", None), ("b", None)]);
    assert_eq!(read.passed_over, ["key", "format", "since", "people"]);
}

#[test]
fn a_wrong_list_item_is_passed_over_as_if_absent() {
    let read = load::<List2>("v: [2026-11-20, 2026-02-30, 2026-11-21]\n");
    assert_eq!(read.errors.len(), 1);
    let dates: Vec<String> = read
        .partial
        .expect("the other items")
        .v
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(dates, ["2026-11-20", "2026-11-21"]);
    assert_eq!(read.passed_over, ["v"]);
}

#[test]
fn a_file_stops_at_twenty_errors() {
    let mut text = String::from("v:\n");
    for day in 1..=30 {
        text.push_str(&format!("  - 2026-02-{:02}\n", day + 30));
    }
    let read = load::<List2>(&text);
    assert_eq!(read.errors.len(), 20);
    assert!(read.partial.is_none(), "the read stopped before the end");
    // The first twenty, in document order.
    let lines: Vec<u32> = read
        .errors
        .iter()
        .filter_map(|e| e.span.map(|s| s.start.line))
        .collect();
    assert_eq!(lines, (2..=21).collect::<Vec<u32>>());
}

#[test]
fn aliases_read_as_what_they_point_at() {
    let text = "name: &n Ромашка\npeople:\n  - &p {id: a, birthday: --04-12}\n  - *p\nx-name: *n\n";
    let card = value::<Card>(text);
    assert_eq!(card.people.len(), 2);
    assert_eq!(card.people[0], card.people[1]);
    let card = value::<Card>("x-base: &b Ромашка\nname: *b\n");
    assert_eq!(card.name, "Ромашка");
    // A wrong value met through an alias is told where the alias stands.
    assert_eq!(
        error::<Card>("x-yes: &y yes\nname: A\nkey: *y\n"),
        "Type 3:6-3:8 expected a boolean (`true` or `false`), found `yes` | write `true`: YAML 1.2 reads `yes` and `on` as text"
    );
}

#[test]
fn any_value_follows_the_yaml_12_core_schema() {
    let read = load::<serde_json::Value>(
        "a: yes\nb: True\nc: ~\nd: 1.5\ne: '1'\nf: 0x10\ng: -3\nh: [no, off]\ni:\nj: 2026-11-20\n",
    );
    assert!(read.errors.is_empty());
    assert_eq!(
        read.partial.map(|v| v.to_string()).as_deref(),
        Some(
            r#"{"a":"yes","b":true,"c":null,"d":1.5,"e":"1","f":"0x10","g":-3,"h":["no","off"],"i":null,"j":"2026-11-20"}"#
        )
    );
}

/// A text read as a date would be (under `yaml::DATE`) or as any other value, whose
/// visitor says `custom` for `!` and `invalid_value` for `?`.
#[derive(Debug)]
struct Probe;

fn probe<'de, D: serde::Deserializer<'de>>(d: D, as_date: bool) -> Result<Probe, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Probe;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a probe")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Probe, E> {
            match s {
                "!" => Err(super::super::impossible_date("no such day")),
                "?" => Err(E::invalid_value(serde::de::Unexpected::Str(s), &self)),
                _ => Ok(Probe),
            }
        }
    }
    if as_date {
        d.deserialize_newtype_struct(super::super::DATE, V)
    } else {
        d.deserialize_str(V)
    }
}

#[derive(Debug, Deserialize)]
struct Probes {
    #[serde(rename = "date", default, deserialize_with = "as_date")]
    _date: Option<Probe>,
    #[serde(rename = "other", default, deserialize_with = "as_other")]
    _other: Option<Probe>,
}

fn as_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Probe>, D::Error> {
    probe(d, true).map(Some)
}

fn as_other<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Probe>, D::Error> {
    probe(d, false).map(Some)
}

#[test]
fn only_a_date_says_impossible_and_only_through_its_constructor() {
    let read = load::<Probes>("date: '!'\nother: '!'\n");
    assert_eq!(
        errors(&read),
        [
            "ImpossibleDate 1:7-1:10 no such day",
            // Elsewhere `custom` is a message like any other: a wrong value.
            "Type 2:8-2:11 no such day",
        ]
    );
    let read = load::<Probes>("date: '?'\nother: '?'\n");
    assert_eq!(
        errors(&read),
        [
            "Type 1:7-1:10 expected a probe, found `?`",
            "Type 2:8-2:11 expected a probe, found `?`",
        ]
    );
    // Not text at all, under the name or not: the same words.
    let read = load::<Probes>("date: [x]\nother: [x]\n");
    assert_eq!(
        errors(&read),
        [
            "Type 1:7-1:10 expected text, found a list",
            "Type 2:8-2:11 expected text, found a list",
        ]
    );
    assert!(load::<Probes>("date: x\nother: y\n").errors.is_empty());
}
