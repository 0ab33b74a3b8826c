//! The catalogs, parsed once per process, and the formatting of a [`Msg`] in one of
//! them.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::{Arg, Lang, Msg};

/// The English catalog's source.
pub const EN: &str = include_str!("en.ftl");
/// The Russian catalog's source.
pub const RU: &str = include_str!("ru.ftl");

type Bundle = FluentBundle<FluentResource>;

fn build(code: &str, source: &'static str) -> Bundle {
    let lang: LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks around arguments: the text goes to terminals, JSON
    // and SARIF, where they would be stray invisible characters.
    bundle.set_use_isolating(false);
    // The catalogs are part of the program and a test parses them without errors;
    // a resource that failed to parse in part still adds what it could.
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static RU_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN_BUNDLE.get_or_init(|| build("en", EN)),
        Lang::Ru => RU_BUNDLE.get_or_init(|| build("ru", RU)),
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

/// `msg` in `lang`.
pub fn format(lang: Lang, msg: &Msg) -> String {
    format_checked(lang, msg).0
}
