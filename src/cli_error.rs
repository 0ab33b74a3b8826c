//! clap's command-line errors ("unexpected argument …", "invalid value …") in a
//! language other than English: clap words them in English, and gives with each the
//! facts it found (the argument, the value, the values it allows, what it suggests),
//! which [`Russian`] words from the catalog (`cli.ftl`, `clap-…`). In English clap's
//! own text is kept byte for byte. A value our own parsers refuse (a date) carries its
//! facts too ([`crate::cli::DateArgError`]) and is worded as the loader words a date.

use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

use crate::i18n::{Lang, Msg, say};
use crate::msg;

/// The language [`Russian`] words errors in.
const LANG: Lang = Lang::Ru;

/// Words clap's errors in Russian: `error.apply::<Russian>()`.
pub struct Russian;

impl ErrorFormatter for Russian {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let mut out = String::new();
        let _ = write!(out, "{}: {}", say(LANG, "error-prefix"), what(error));
        let mut hints = hints(error);
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            hints.extend(tips.iter().map(|t| tip(&t.to_string())));
        }
        if !hints.is_empty() {
            out.push('\n');
            for h in hints {
                let _ = write!(out, "\n  {}: {h}", say(LANG, "hint-prefix"));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
            let _ = write!(
                out,
                "\n\n{}",
                msg!("clap-usage", usage = usage.to_owned()).render(LANG)
            );
        }
        let _ = write!(out, "\n\n{}\n", say(LANG, "clap-more"));
        StyledStr::from(out)
    }
}

/// A context value of `kind` as text, if it is one.
fn text<F: ErrorFormatter>(error: &clap::error::Error<F>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

/// A context value of `kind` as a list, if it is one.
fn list<F: ErrorFormatter>(error: &clap::error::Error<F>, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number<F: ErrorFormatter>(error: &clap::error::Error<F>, kind: ContextKind) -> Option<usize> {
    match error.get(kind)? {
        ContextValue::Number(n) => usize::try_from(*n).ok(),
        _ => None,
    }
}

/// `«a», «b», «c»`.
fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("«{i}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What went wrong, in a sentence.
fn what<F: ErrorFormatter>(error: &clap::error::Error<F>) -> String {
    let arg = text(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(error, ContextKind::InvalidValue).unwrap_or_default();
    let said: Msg = match error.kind() {
        ErrorKind::UnknownArgument => msg!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "clap-unknown-command",
            command = text(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => msg!("clap-value-missing", arg = arg),
        ErrorKind::InvalidValue => {
            let allowed = list(error, ContextKind::ValidValue);
            if allowed.is_empty() {
                msg!("clap-invalid-value", arg = arg, value = value)
            } else {
                msg!(
                    "clap-invalid-value-of",
                    arg = arg,
                    value = value,
                    allowed = quoted(&allowed)
                )
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error).map(|source| match source
                .downcast_ref::<crate::cli::DateArgError>(
            ) {
                Some(date) => date.said().render(LANG),
                None => source.to_string(),
            });
            match why {
                Some(why) => msg!("clap-refused-value", arg = arg, value = value, why = why),
                None => msg!("clap-invalid-value", arg = arg, value = value),
            }
        }
        ErrorKind::MissingRequiredArgument => msg!(
            "clap-missing-arguments",
            args = quoted(&list(error, ContextKind::InvalidArg))
        ),
        ErrorKind::MissingSubcommand => msg!(
            "clap-missing-command",
            command = text(error, ContextKind::InvalidSubcommand).unwrap_or_default(),
            commands = quoted(&list(error, ContextKind::ValidSubcommand))
        ),
        ErrorKind::ArgumentConflict => {
            let prior = list(error, ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                msg!("clap-repeated", arg = arg)
            } else {
                msg!("clap-conflict", arg = arg, others = quoted(&prior))
            }
        }
        ErrorKind::TooManyValues => msg!("clap-extra-value", arg = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => msg!(
            "clap-value-count",
            arg = arg,
            want = number(error, ContextKind::ExpectedNumValues)
                .or_else(|| number(error, ContextKind::MinValues))
                .unwrap_or(0),
            got = number(error, ContextKind::ActualNumValues).unwrap_or(0)
        ),
        ErrorKind::NoEquals => msg!("clap-no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => msg!("clap-not-utf8"),
        _ => msg!("clap-other"),
    };
    said.render(LANG)
}

/// What clap suggests instead, as facts: commands, arguments or values of a near name.
fn hints<F: ErrorFormatter>(error: &clap::error::Error<F>) -> Vec<String> {
    [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(|kind| list(error, kind))
    .filter(|names| !names.is_empty())
    .map(|names| msg!("clap-did-you-mean", names = quoted(&names)).render(LANG))
    .collect()
}

/// One of clap's tips, which it gives as English text only: the three it writes are
/// read back into their facts (the names between quotes); any other is kept as is.
fn tip(english: &str) -> String {
    let names: Vec<&str> = english.split('\'').skip(1).step_by(2).collect();
    match names.as_slice() {
        [arg, fixed] if english.starts_with("to pass ") => msg!(
            "clap-tip-as-value",
            arg = (*arg).to_owned(),
            fixed = (*fixed).to_owned()
        )
        .render(LANG),
        [command, _dashes] if english.starts_with("subcommand ") => {
            msg!("clap-tip-no-dashes", command = (*command).to_owned()).render(LANG)
        }
        [exists] if english.ends_with(" exists") => {
            msg!("clap-tip-exists", name = (*exists).to_owned()).render(LANG)
        }
        _ => english.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_tips_are_read_back_into_their_facts() {
        assert_eq!(
            tip("to pass '--bogus' as a value, use '-- --bogus'"),
            "чтобы передать «--bogus» как значение, напишите «-- --bogus»"
        );
        assert_eq!(
            tip("subcommand 'audit' exists; to use it, remove the '--' before it"),
            "команда «audit» есть: уберите «--» перед ней"
        );
        assert_eq!(
            tip("'invoice --planned' exists"),
            "есть «invoice --planned»"
        );
        assert_eq!(tip("something new"), "something new");
    }
}
