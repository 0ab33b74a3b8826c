//! `--help` in the user's language: the derive's texts ([`crate::cli`]) are English;
//! for another language the command tree is walked and every `about` and `help` is
//! replaced by its catalog twin (`cli.ftl`: `help-PATH` for a command, `help-PATH--ARG`
//! for an argument, `help-PATH--ARG--VALUE` for a possible value), with clap's own
//! headings and the notes clap writes in English (`[default: …]`, `[env: …]`,
//! `[possible values: …]`) worded from the catalog too. clap's error messages
//! ("unexpected argument …") are worded from their facts by [`crate::cli_error`].
//!
//! The language must be known before the command line is parsed: [`lang_before_parsing`]
//! reads `--lang` from the raw arguments, then `RAPPORT_LANG`, then the book's
//! `locale` (the book found as `--book`, `RAPPORT_BOOK` or from the current folder),
//! then `LANG`, as [`crate::context::Context`] does after parsing.

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command};

use crate::i18n::{Lang, say};
use crate::msg;

/// The language of the help and of clap's headings, from the raw command line and
/// the environment (see the module's doc).
pub fn lang_before_parsing(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut book: Option<std::path::PathBuf> = None;
    let mut asked = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let (flag, value) = match word.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (word.to_string(), None),
        };
        let value = |words: &mut dyn Iterator<Item = std::borrow::Cow<'_, str>>| {
            value
                .clone()
                .or_else(|| words.next().map(|w| w.to_string()))
        };
        match flag.as_str() {
            "--lang" => asked = value(&mut words),
            "--book" => book = value(&mut words).map(Into::into),
            _ => {}
        }
    }
    let asked = asked.or_else(|| std::env::var("RAPPORT_LANG").ok());
    match asked.as_deref() {
        Some("ru") => return Lang::Ru,
        Some("en") => return Lang::En,
        _ => {}
    }
    let book = book.or_else(|| std::env::var_os("RAPPORT_BOOK").map(Into::into));
    let root = match book {
        Some(dir) => Some(dir),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| crate::book::find_root(&cwd).ok()),
    };
    crate::context::resolve_lang(
        root.and_then(|r| crate::context::book_locale(&r)),
        std::env::var("LANG").ok().as_deref(),
    )
}

/// The command line's definition with its texts in `lang` (as it is in English).
pub fn localize(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let path = cmd.get_name().to_owned();
    let mut cmd = walk(cmd, &path, lang);
    // The tree as clap completes it: the help and version flags and the `help`
    // subcommands exist only once it is built.
    cmd.build();
    finish(cmd, lang)
}

/// The catalog id of the command at `path` (`rapport audit` → `help-audit`).
fn command_id(path: &str) -> String {
    let mut id = String::from("help");
    for word in path.split(' ').skip(1) {
        id.push('-');
        id.push_str(word);
    }
    id
}

/// The catalog's text for `id`, if it has one.
fn text(lang: Lang, id: &str) -> Option<String> {
    crate::i18n::text_or_none(lang, id)
}

/// Sets the texts of the command at `path`, its arguments and its subcommands.
fn walk(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let id = command_id(path);
    if let Some(about) = text(lang, &id) {
        cmd = cmd.about(about);
    }
    cmd = cmd.mut_args(|arg| localize_arg(arg, &id, lang));
    // clap lists the headings in the order their first argument comes: the positional
    // arguments first, as clap's own "Arguments" comes before "Options".
    let options: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !arg_is_positional(a))
        .map(|a| a.get_id().to_string())
        .collect();
    for option in options {
        cmd = cmd.mut_arg(&option, |a| a);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |sub| walk(sub, &sub_path, lang));
    }
    cmd
}

/// An argument's help, its possible values' help, and the notes clap would write in
/// English after it, in `lang`.
fn localize_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = format!("{command}--{}", arg.get_id());
    let help = text(lang, &id).or_else(|| arg.get_help().map(ToString::to_string));
    let values: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let takes_value = arg.get_action().takes_values();
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push(msg!("help-note-env", name = env.to_string_lossy().into_owned()).render(lang));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(msg!("help-note-default", value = defaults.join(" ")).render(lang));
    }
    let value_help: Vec<(String, String)> = values
        .iter()
        .map(|v| {
            let vid = format!("{id}--{}", v.get_name());
            let help = text(lang, &vid)
                .or_else(|| v.get_help().map(ToString::to_string))
                .unwrap_or_default();
            (v.get_name().to_owned(), help)
        })
        .collect();
    let names: Vec<String> = values.iter().map(|v| v.get_name().to_owned()).collect();
    let described = value_help.iter().any(|(_, h)| !h.is_empty());
    let mut short = help.clone().unwrap_or_default();
    let mut long = short.clone();
    if takes_value && !names.is_empty() {
        let list = msg!("help-note-values", values = names.join(", ")).render(lang);
        if described {
            short = join_note(&short, &list);
        } else {
            notes.push(list);
        }
    }
    for note in &notes {
        short = join_note(&short, note);
        long = join_note(&long, note);
    }
    if takes_value && described {
        let width = value_help
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        long.push_str("\n\n");
        long.push_str(&say(lang, "help-possible-values"));
        for (name, help) in &value_help {
            long.push_str(&format!("\n- {name}"));
            if !help.is_empty() {
                let pad = width - name.chars().count();
                long.push_str(&format!(": {:pad$}{help}", ""));
            }
        }
    }
    let positional = arg_is_positional(&arg);
    let has_env = arg.get_env().is_some();
    let value_names: Vec<&'static str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| value_name(lang, name.as_str()))
        .collect();
    let mut arg = arg.help_heading(heading(lang, positional));
    if takes_value && !value_names.is_empty() {
        arg = arg.value_names(value_names);
    }
    if has_env {
        arg = arg.hide_env(true);
    }
    if takes_value {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    let arg = if short.is_empty() {
        arg
    } else {
        arg.help(short)
    };
    if long != *arg.get_help().map(ToString::to_string).unwrap_or_default() || described {
        arg.long_help(long)
    } else {
        arg
    }
}

fn arg_is_positional(arg: &Arg) -> bool {
    arg.get_long().is_none() && arg.get_short().is_none()
}

/// `text [note]`.
fn join_note(text: &str, note: &str) -> String {
    if text.is_empty() {
        note.to_owned()
    } else {
        format!("{text} {note}")
    }
}

/// The heading clap would call "Arguments" or "Options", in `lang`.
fn heading(lang: Lang, positional: bool) -> &'static str {
    fixed(
        lang,
        if positional {
            "help-heading-arguments"
        } else {
            "help-heading-options"
        },
    )
}

/// A word of the catalog that clap keeps for the rest of the process (it takes only
/// `&'static str` for headings and value names): worded once per language and id.
fn fixed(lang: Lang, id: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static WORDS: OnceLock<Mutex<HashMap<(bool, &'static str), &'static str>>> = OnceLock::new();
    let words = WORDS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut words = match words.lock() {
        Ok(w) => w,
        Err(poisoned) => poisoned.into_inner(),
    };
    words
        .entry((lang == Lang::Ru, id))
        .or_insert_with(|| Box::leak(say(lang, id).into_boxed_str()))
}

/// The catalog id of a value's placeholder: `help-value-` and the name in lower case,
/// each run of other characters a hyphen (`FILE.db` → `help-value-file-db`).
fn value_name_id(name: &str) -> String {
    let mut id = String::from("help-value-");
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !id.ends_with('-') {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
            gap = false;
        } else {
            gap = true;
        }
    }
    id
}

/// A value's placeholder (`<DIR>`, `[PATH]`) in `lang`: the catalog's word, else the
/// name as the derive gives it. Kept for the rest of the process, as [`fixed`] does.
fn value_name(lang: Lang, name: &str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<(bool, String), &'static str>>> = OnceLock::new();
    let names = NAMES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut names = match names.lock() {
        Ok(n) => n,
        Err(poisoned) => poisoned.into_inner(),
    };
    names
        .entry((lang == Lang::Ru, name.to_owned()))
        .or_insert_with(|| {
            let word = text(lang, &value_name_id(name)).unwrap_or_else(|| name.to_owned());
            Box::leak(word.into_boxed_str())
        })
}

/// What clap adds when it builds the tree (the help and version flags, the `help`
/// subcommand), its headings and the usage line's title, in `lang`.
fn finish(mut cmd: Command, lang: Lang) -> Command {
    let options = heading(lang, false);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        say(lang, "help-heading-usage")
    );
    let flags = |arg: Arg, id: &str| -> Arg {
        let arg = arg.help_heading(options);
        match id {
            // With long help, clap points from each to the other.
            "help" if arg.get_long_help().is_some() => arg
                .help(say(lang, "help-flag-help-more"))
                .long_help(say(lang, "help-flag-help-summary")),
            "help" => arg.help(say(lang, "help-flag-help")),
            "version" => arg.help(say(lang, "help-flag-version")),
            _ => arg,
        }
    };
    let has = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    for id in ["help", "version"] {
        if has(&cmd, id) && is_generated(&cmd, id) {
            cmd = cmd.mut_arg(id, |a| flags(a, id));
        }
    }
    if cmd.get_subcommands().any(|s| s.get_name() == "help") {
        cmd = cmd.mut_subcommand("help", |h| {
            let h = h.about(say(lang, "help-subcommand-help"));
            finish(h, lang)
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|n| n != "help")
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| finish(sub, lang));
    }
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(fixed(lang, "help-heading-commands"))
        .subcommand_value_name(fixed(lang, "help-value-command"));
    // The usage line as clap writes it, its `[OPTIONS]` in `lang`.
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, rest)| rest)
        .replace(
            "[OPTIONS]",
            &format!("[{}]", say(lang, "help-value-options")),
        );
    cmd = cmd.override_usage(usage);
    cmd
}

/// The help and version flags are clap's (their action says so), not the book's.
fn is_generated(cmd: &Command, id: &str) -> bool {
    cmd.get_arguments()
        .find(|a| a.get_id() == id)
        .is_some_and(|a| {
            matches!(
                a.get_action(),
                ArgAction::Help | ArgAction::HelpLong | ArgAction::Version
            )
        })
}

/// The English catalog of the help, as the derive writes its texts: what
/// `src/i18n/en/cli.ftl` must hold (a test checks it). One line per text.
#[cfg(test)]
pub fn english_catalog(cmd: &Command) -> String {
    let mut out = String::from(
        "# rapport's English catalog of `--help`: the derive's texts (src/cli.rs) as they are,\n\
         # which a test keeps equal to them (regenerate with RAPPORT_WRITE_CLI_FTL=1 cargo test\n\
         # cli_help). ru/cli.ftl holds their Russian; clap's own words are at the end.\n\n",
    );
    fn walk_en(
        cmd: &Command,
        path: &str,
        out: &mut String,
        values: &mut std::collections::BTreeMap<String, String>,
    ) {
        let id = command_id(path);
        if let Some(about) = cmd.get_about() {
            out.push_str(&format!("{id} = {}\n", escape(&about.to_string())));
        }
        for arg in cmd.get_arguments() {
            let names = arg.get_value_names().unwrap_or_default();
            for name in names.iter().filter(|_| arg.get_action().takes_values()) {
                values.insert(value_name_id(name.as_str()), name.to_string());
            }
            let aid = format!("{id}--{}", arg.get_id());
            if let Some(help) = arg.get_help() {
                out.push_str(&format!("{aid} = {}\n", escape(&help.to_string())));
            }
            for v in arg.get_possible_values() {
                if let Some(help) = v.get_help() {
                    out.push_str(&format!(
                        "{aid}--{} = {}\n",
                        v.get_name(),
                        escape(&help.to_string())
                    ));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            walk_en(sub, &format!("{path} {}", sub.get_name()), out, values);
        }
    }
    let mut values = std::collections::BTreeMap::new();
    walk_en(cmd, cmd.get_name(), &mut out, &mut values);
    out.push_str("\n## The placeholders of values (`--book <DIR>`)\n\n");
    for (id, name) in &values {
        out.push_str(&format!("{id} = {}\n", escape(name)));
    }
    out.push_str(CLAP_WORDS_EN);
    out
}

/// clap's own words, in English as clap writes them.
#[cfg(test)]
const CLAP_WORDS_EN: &str = "
## clap's own words

help-heading-usage = Usage
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-value-options = OPTIONS
help-value-command = COMMAND
help-flag-help = Print help
help-flag-help-more = Print help (see more with '--help')
help-flag-help-summary = Print help (see a summary with '-h')
help-flag-version = Print version
help-subcommand-help = Print this message or the help of the given subcommand(s)
help-possible-values = Possible values:
help-note-env = [env: { $name }=]
help-note-default = [default: { $value }]
help-note-values = [possible values: { $values }]
";

/// A text as a one-line Fluent pattern: braces and line breaks as literals.
#[cfg(test)]
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' => out.push_str("{ \"{\" }"),
            '}' => out.push_str("{ \"}\" }"),
            '\n' => out.push_str("{ \"\\u000A\" }"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_english_catalog_is_the_derives_text() {
        let expected = english_catalog(&crate::cli::Cli::command());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/en/cli.ftl");
        if std::env::var_os("RAPPORT_WRITE_CLI_FTL").is_some() {
            std::fs::write(path, &expected).expect("writes en/cli.ftl");
        }
        let found = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            found == expected,
            "src/i18n/en/cli.ftl is not the derive's text: run RAPPORT_WRITE_CLI_FTL=1 cargo test cli_help"
        );
    }

    #[test]
    fn the_language_comes_from_the_raw_arguments_first() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_before_parsing(&args(&["rapport", "--lang", "ru", "audit"])),
            Lang::Ru
        );
        assert_eq!(
            lang_before_parsing(&args(&["rapport", "audit", "--lang=ru"])),
            Lang::Ru
        );
        assert_eq!(
            lang_before_parsing(&args(&["rapport", "--lang", "en"])),
            Lang::En
        );
    }

    #[test]
    fn the_russian_tree_is_valid() {
        let cmd = localize(crate::cli::Cli::command(), Lang::Ru);
        cmd.debug_assert();
    }
}
