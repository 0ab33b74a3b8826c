//! One module per subcommand, dispatched from [`run`].

mod act;
mod acts;
mod agenda;
mod audit;
mod budget;
mod calendar_feed;
mod clients;
mod completions;
mod digest;
mod document_out;
mod duty_support;
mod estimate;
mod export;
mod import;
mod init;
mod invoice;
mod invoices;
mod man;
mod manager_view;
mod meeting;
mod new;
mod reconcile;
mod renew;
mod renewals;
mod rules;
mod schema;
mod show;
mod since;
mod site;
mod task;
mod tasks;
mod upsell;

use std::io::{self, Write};

use anyhow::Result;

use crate::cli::Command;
use crate::context::Context;
use crate::exit::Exit;

/// Runs one command.
pub fn run(ctx: &Context, command: &Command) -> Result<Exit> {
    match command {
        Command::Audit(args) => audit::run(ctx, args),
        Command::Rules(args) => rules::run(ctx, args),
        Command::Clients(args) => clients::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::New(command) => new::run(ctx, command),
        Command::Meeting(command) => meeting::run(ctx, command),
        Command::Agenda(args) => agenda::run(ctx, args),
        Command::Digest(args) => digest::run(ctx, args),
        Command::Renewals(args) => renewals::run(ctx, args),
        Command::Renew(args) => renew::run(ctx, args),
        Command::Budget(args) => budget::run(ctx, args),
        Command::Estimate(args) => estimate::run(ctx, args),
        Command::Reconcile(args) => reconcile::run(ctx, args),
        Command::Calendar(args) => calendar_feed::run(ctx, args),
        Command::Upsell(args) => upsell::run(ctx, args),
        Command::Invoice(command) => invoice::run(ctx, command),
        Command::Invoices(args) => invoices::run(ctx, args),
        Command::Export(command) => export::run(ctx, command),
        Command::Import(command) => import::run(ctx, command),
        Command::Act(command) => act::run(ctx, command),
        Command::Acts(args) => acts::run(ctx, args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Tasks(args) => tasks::run(ctx, args),
        Command::Task(command) => task::run(ctx, command),
        Command::Project(command) => task::run_project(ctx, command),
        Command::Site(args) => site::run(ctx, args),
    }
}

/// Writes to stdout; a closed pipe (`rapport audit | head`) ends quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub use crate::i18n::hinted;

/// The hint for an `id` that names none of `ids`: the nearest of them ("did you mean
/// `x`?"), else `none` when there are none, else what `listed` says of them.
pub fn hint_for(
    id: &str,
    ids: &[&str],
    none: crate::i18n::Msg,
    listed: impl FnOnce(&[&str]) -> crate::i18n::Msg,
) -> crate::i18n::Msg {
    match crate::yaml::suggest(id, ids) {
        Some(s) => crate::msg!("did-you-mean", name = s),
        None if ids.is_empty() => none,
        None => listed(ids),
    }
}

/// "cannot read FILE: WHY", the system's reason worded as the loader words it.
pub fn cannot_read(file: impl std::fmt::Display, e: &std::io::Error) -> anyhow::Error {
    localized(crate::msg!(
        "cannot-read",
        file = file.to_string(),
        why = crate::book::io_reason(e)
    ))
}

/// An error worded from the catalog (see [`error_text`]).
pub fn localized(error: crate::i18n::Msg) -> anyhow::Error {
    anyhow::Error::new(crate::i18n::Localized(error))
}

/// Says `msg` on stdout in `lang`, as a line.
pub fn say_out(lang: crate::i18n::Lang, msg: &crate::i18n::Msg) -> Result<()> {
    write_stdout(format!("{}\n", msg.render(lang)).as_bytes())
}

/// A line on stderr after the prefix `prefix` (`note-prefix`, `warning-prefix`,
/// `hint-prefix`), both in `lang`.
fn stderr_line(lang: crate::i18n::Lang, prefix: &'static str, msg: &crate::i18n::Msg) {
    let _ = writeln!(
        io::stderr().lock(),
        "{}: {}",
        crate::i18n::say(lang, prefix),
        msg.render(lang)
    );
}

/// `note: …` on stderr, in `lang`.
pub fn note(lang: crate::i18n::Lang, msg: &crate::i18n::Msg) {
    stderr_line(lang, "note-prefix", msg);
}

/// `warning: …` on stderr, in `lang`.
pub fn warning(lang: crate::i18n::Lang, msg: &crate::i18n::Msg) {
    stderr_line(lang, "warning-prefix", msg);
}

/// `hint: …` on stderr, in `lang`.
pub fn hint(lang: crate::i18n::Lang, msg: &crate::i18n::Msg) {
    stderr_line(lang, "hint-prefix", msg);
}

/// Reads `CLIENT/ID`, or a path ending in `clients/CLIENT/FOLDER/ID.yaml`, naming an
/// entity of a per-client kind (`folder` is `meetings`, `invoices`…; `noun` and
/// `example` word the error).
pub fn parse_entity_ref(
    arg: &str,
    folder: &str,
    noun: &str,
    example: &str,
) -> Result<(String, String)> {
    let norm = arg.replace('\\', "/");
    let stem = norm
        .strip_suffix(".yaml")
        .or_else(|| norm.strip_suffix(".yml"));
    if let Some(stem) = stem {
        let parts: Vec<&str> = stem.rsplitn(3, '/').collect();
        if let [id, dir, rest] = parts.as_slice()
            && *dir == folder
        {
            let client = rest.rsplit('/').next().unwrap_or(rest);
            return Ok(((*client).to_owned(), (*id).to_owned()));
        }
        return Err(localized(crate::msg!(
            "ref-not-a-file",
            arg = arg,
            kind = crate::i18n::Arg::Word(entity_word(noun)),
            folder = folder
        )));
    }
    match norm.split_once('/') {
        Some((client, id)) if !client.is_empty() && !id.is_empty() && !id.contains('/') => {
            Ok((client.to_owned(), id.to_owned()))
        }
        _ => Err(hinted(
            crate::msg!(
                "ref-not-named-entity",
                arg = arg,
                kind = crate::i18n::Arg::Word(entity_word(noun))
            ),
            crate::msg!(
                "ref-write-as",
                kind = crate::i18n::Arg::Word(entity_word(noun)),
                example = example
            ),
        )),
    }
}

/// The catalogs' word for an entity kind a command names (`invoice`, `act`,
/// `meeting`).
fn entity_word(noun: &str) -> &'static str {
    match noun {
        "invoice" => "invoice",
        "act" => "act",
        _ => "meeting",
    }
}

/// A noun with its indefinite article, for messages built from nouns: "an invoice",
/// "a contract". (By the first letter: the nouns rapport names are not "a user" or
/// "an hour".)
// The catalogs word the articles now (`ref-not-named-entity`); kept for its test of
// the English they must match.
#[cfg(test)]
pub(crate) fn a(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// An error as the user reads it, in `lang`: each cause of the chain after the
/// other (as `{:#}` writes it), the ones rapport words from its catalogs in `lang`,
/// with `hint:` in `lang` too.
pub fn error_text(err: &anyhow::Error, lang: crate::i18n::Lang) -> String {
    use crate::i18n::{Lang, Localized, say};
    let parts: Vec<String> = err
        .chain()
        .map(|cause| {
            if lang == Lang::En {
                return cause.to_string();
            }
            if let Some(Localized(msg)) = cause.downcast_ref::<Localized>() {
                return msg.render(lang);
            }
            if let Some(write) = cause.downcast_ref::<crate::write::WriteError>() {
                return write.msg().render(lang);
            }
            if let Some(no) = cause.downcast_ref::<crate::book::NoClient>() {
                let hint = match &no.nearest {
                    Some(s) => crate::msg!("did-you-mean", name = s.as_str()).render(lang),
                    None if no.book_empty => say(lang, "no-clients-yet"),
                    None => say(lang, "clients-list-hint"),
                };
                let head = crate::msg!("no-client", id = no.id.as_str()).render(lang);
                return format!("{head}\n{}: {hint}", say(lang, "hint-prefix"));
            }
            cause.to_string()
        })
        .collect();
    let text = parts.join(": ");
    match lang {
        Lang::En => text,
        _ => text.replace("\nhint: ", &format!("\n{}: ", say(lang, "hint-prefix"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_take_their_article() {
        assert_eq!(a("invoice"), "an invoice");
        assert_eq!(a("estimate"), "an estimate");
        assert_eq!(a("act"), "an act");
        assert_eq!(a("contract"), "a contract");
        assert_eq!(a("meeting"), "a meeting");
        assert_eq!(a("project"), "a project");
    }

    #[test]
    fn entity_refs_are_worded_with_the_article() {
        let err = parse_entity_ref("x", "invoices", "invoice", "a/b")
            .expect_err("no client")
            .to_string();
        assert!(err.starts_with("`x` does not name an invoice\n"), "{err}");
        let err = parse_entity_ref("clients/c/meetings/m.yaml", "invoices", "invoice", "a/b")
            .expect_err("wrong folder")
            .to_string();
        assert!(err.contains("is not an invoice file"), "{err}");
    }
}
