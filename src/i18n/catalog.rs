//! The catalogs, parsed once per process, and the formatting of a [`Msg`] in one of
//! them.

use std::sync::OnceLock;

use chrono::Timelike;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::{Arg, Lang, Msg};

/// The catalogs' files, one line per topic: its name, its English source and its
/// Russian source (`en/NAME`, `ru/NAME` beside this file). A topic of its own keeps
/// the texts of one part of the program together, and tests/i18n.rs fails on a file
/// in either folder that is not listed here.
pub const FILES: &[(&str, &str, &str)] = &[
    (
        "audit.ftl",
        include_str!("en/audit.ftl"),
        include_str!("ru/audit.ftl"),
    ),
    (
        "load.ftl",
        include_str!("en/load.ftl"),
        include_str!("ru/load.ftl"),
    ),
    (
        "yaml.ftl",
        include_str!("en/yaml.ftl"),
        include_str!("ru/yaml.ftl"),
    ),
    (
        "rules.ftl",
        include_str!("en/rules.ftl"),
        include_str!("ru/rules.ftl"),
    ),
    (
        "agenda.ftl",
        include_str!("en/agenda.ftl"),
        include_str!("ru/agenda.ftl"),
    ),
    (
        "commands.ftl",
        include_str!("en/commands.ftl"),
        include_str!("ru/commands.ftl"),
    ),
    (
        "writes.ftl",
        include_str!("en/writes.ftl"),
        include_str!("ru/writes.ftl"),
    ),
    (
        "cli.ftl",
        include_str!("en/cli.ftl"),
        include_str!("ru/cli.ftl"),
    ),
    (
        "todo.ftl",
        include_str!("en/todo.ftl"),
        include_str!("ru/todo.ftl"),
    ),
    (
        "history.ftl",
        include_str!("en/history.ftl"),
        include_str!("ru/history.ftl"),
    ),
    (
        "invoice.ftl",
        include_str!("en/invoice.ftl"),
        include_str!("ru/invoice.ftl"),
    ),
    (
        "act.ftl",
        include_str!("en/act.ftl"),
        include_str!("ru/act.ftl"),
    ),
    (
        "task.ftl",
        include_str!("en/task.ftl"),
        include_str!("ru/task.ftl"),
    ),
    (
        "import.ftl",
        include_str!("en/import.ftl"),
        include_str!("ru/import.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn build(lang: Lang) -> Bundle {
    let code = match lang {
        Lang::En => "en",
        Lang::Ru => "ru",
    };
    let id: LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the text goes to terminals, JSON
    // and SARIF, where they would be stray invisible characters.
    bundle.set_use_isolating(false);
    // The catalogs are part of the program and a test parses them without errors
    // and finds no message twice; a resource that failed to parse in part still adds
    // what it could.
    for (_, en, ru) in FILES {
        let source = match lang {
            Lang::En => en,
            Lang::Ru => ru,
        };
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static RU_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN_BUNDLE.get_or_init(|| build(Lang::En)),
        Lang::Ru => RU_BUNDLE.get_or_init(|| build(Lang::Ru)),
    }
}

/// An argument as the catalog of `lang` receives it.
fn value(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(text) => FluentValue::from(text.clone()),
        Arg::Count(n) => FluentValue::from(*n),
        Arg::Word(word) => FluentValue::from(*word),
        Arg::Date { date, today } => FluentValue::from(match lang {
            Lang::En => date.to_string(),
            Lang::Ru => super::day_ru(*date, *today),
        }),
        Arg::Day { date, today } => FluentValue::from(super::day_short(lang, *date, *today)),
        Arg::FullDate(date) => FluentValue::from(match lang {
            Lang::En => date.format("%Y-%m-%d").to_string(),
            Lang::Ru => super::date_long(lang, *date),
        }),
        Arg::FullMoment(at) => {
            // Seconds only where there are some, as the book writes a moment.
            let time = match at.second() {
                0 => "%H:%M",
                _ => "%H:%M:%S",
            };
            FluentValue::from(match lang {
                Lang::En => at.format(&format!("%Y-%m-%dT{time}")).to_string(),
                Lang::Ru => format!("{}, {}", super::date_long(lang, at.date()), at.format(time)),
            })
        }
        Arg::MonthDay { month, day } => FluentValue::from(match lang {
            Lang::En => format!("{month:02}-{day:02}"),
            Lang::Ru => super::month_day_ru(*month, *day),
        }),
        Arg::Sum { amount, currency } => FluentValue::from(match lang {
            Lang::En => amount.to_string(),
            Lang::Ru => amount.in_locale(Lang::Ru, currency),
        }),
        Arg::Money { amount, currency } => FluentValue::from(match lang {
            Lang::En => format!("{amount} {currency}"),
            Lang::Ru => amount.in_locale(Lang::Ru, currency),
        }),
        Arg::Number(d) => FluentValue::from(match lang {
            Lang::En => d.to_string(),
            Lang::Ru => d.to_string().replace('.', ","),
        }),
        Arg::List(items) => FluentValue::from(match lang {
            Lang::En => crate::wording::and_list(items),
            Lang::Ru => super::and_list_ru(items),
        }),
        Arg::Ids(ids) => FluentValue::from(match lang {
            Lang::En => ids.join(", "),
            Lang::Ru => ids
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", "),
        }),
        Arg::Nested(msg) => FluentValue::from(format(lang, msg)),
    }
}

/// `msg` in `lang`, with what went wrong formatting it (an unknown id, a missing
/// argument); a message the catalog of `lang` lacks is taken from the English one.
pub fn format_checked(lang: Lang, msg: &Msg) -> (String, Vec<String>) {
    let mut problems = Vec::new();
    let found = bundle(lang)
        .get_message(msg.id)
        .map(|m| (lang, m))
        .or_else(|| {
            problems.push(format!("no message `{}` in the {lang:?} catalog", msg.id));
            bundle(Lang::En).get_message(msg.id).map(|m| (Lang::En, m))
        });
    let Some((lang, pattern)) = found.and_then(|(l, m)| m.value().map(|p| (l, p))) else {
        problems.push(format!("no message `{}` in any catalog", msg.id));
        return (msg.id.to_owned(), problems);
    };
    let mut args = FluentArgs::with_capacity(msg.args.len());
    for (name, arg) in &msg.args {
        args.set(*name, value(lang, arg));
    }
    let mut errors = Vec::new();
    let text = bundle(lang).format_pattern(pattern, Some(&args), &mut errors);
    problems.extend(errors.iter().map(|e| format!("`{}`: {e}", msg.id)));
    (text.into_owned(), problems)
}

/// The message `id`, which takes no arguments, in `lang`; `None` when the catalog of
/// `lang` has no such message (no fallback: the caller has the English at hand).
pub fn format_id(lang: Lang, id: &str) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// `msg` in `lang`.
pub fn format(lang: Lang, msg: &Msg) -> String {
    format_checked(lang, msg).0
}
