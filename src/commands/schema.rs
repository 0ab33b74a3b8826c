//! `rapport schema [KIND] [--out DIR [--force]]`: the JSON Schemas of the book's files.
//!
//! Without KIND, stdout gets one JSON document with every kind's schema,
//! `{"version": 1, "schemas": {"settings": …, "client": …}}` (`jq .schemas.meeting`
//! picks one); with KIND, that kind's schema alone, ready to save as a file. With
//! `--out DIR` each schema goes to `DIR/<KIND>.schema.json` instead and stdout lists
//! the paths; files already there are refused unless `--force`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::book::Kind;
use crate::cli::SchemaArgs;
use crate::exit::Exit;
use crate::schema;

pub fn run(args: &SchemaArgs) -> Result<Exit> {
    let kinds: Vec<Kind> = match args.kind {
        Some(kind) => vec![kind],
        None => Kind::ALL.to_vec(),
    };
    match &args.out {
        None => {
            let value = match args.kind {
                Some(kind) => schema::schema(kind),
                None => schema::all_schemas(),
            };
            super::write_stdout(schema::to_text(&value).as_bytes())?;
        }
        Some(dir) => {
            let files: Vec<(PathBuf, String)> = kinds
                .iter()
                .map(|k| {
                    (
                        dir.join(k.file_name()),
                        schema::to_text(&schema::schema(*k)),
                    )
                })
                .collect();
            let written = write_files(&files, args.force)?;
            super::write_stdout(written.as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}

/// Writes every file, or none when one is there already and `force` is off. Returns
/// the written paths, one a line.
pub fn write_files(files: &[(PathBuf, impl AsRef<[u8]>)], force: bool) -> Result<String> {
    if !force {
        let there: Vec<String> = files
            .iter()
            .filter(|(path, _)| std::fs::symlink_metadata(path).is_ok())
            .map(|(path, _)| path.display().to_string())
            .collect();
        if let [first, rest @ ..] = there.as_slice() {
            let error = match rest {
                [] => crate::msg!("files-exist-one", file = first.as_str()),
                [second] => crate::msg!(
                    "files-exist-two",
                    first = first.as_str(),
                    second = second.as_str()
                ),
                _ => crate::msg!(
                    "files-exist-many",
                    first = first.as_str(),
                    others = rest.len()
                ),
            };
            return Err(super::hinted(
                error,
                crate::msg!("files-exist-hint", count = there.len()),
            ));
        }
    }
    let mut out = String::new();
    for (path, bytes) in files {
        write_one(path, bytes.as_ref(), force)?;
        out.push_str(&format!("{}\n", path.display()));
    }
    Ok(out)
}

fn write_one(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if force {
        crate::write::replace(path, bytes)?;
    } else {
        crate::write::create_new(path, bytes)?;
    }
    Ok(())
}

/// Writes the editor support of a book (see [`schema::editor_files`]) into `dir`,
/// leaving every file that is there already as it is. Returns what was made, for the
/// list `rapport init` prints, and notes about what was left alone.
pub fn write_editor_files(dir: &Path) -> Result<(Vec<String>, Vec<crate::i18n::Msg>)> {
    let mut made = Vec::new();
    let mut notes = Vec::new();
    let mut stale = Vec::new();
    for (rel, text) in schema::editor_files() {
        let path = dir.join(&rel);
        match crate::write::create_new(&path, text.as_bytes()) {
            Ok(()) => {
                let shown = match rel.split_once('/') {
                    Some((schema::BOOK_DIR, _)) => format!("{}/", schema::BOOK_DIR),
                    _ => rel,
                };
                if !made.contains(&shown) {
                    made.push(shown);
                }
            }
            Err(crate::write::WriteError::Exists(_)) => {
                let old = std::fs::read_to_string(&path).unwrap_or_default();
                if rel == schema::VSCODE_SETTINGS {
                    if !old.contains("yaml.schemas") {
                        let wanted = schema::vscode_settings(schema::BOOK_DIR);
                        notes.push(crate::msg!(
                            "init-vscode-left",
                            file = path.display().to_string(),
                            add = serde_json::to_string(&wanted).unwrap_or_default()
                        ));
                    }
                } else if rel.starts_with(schema::BOOK_DIR) && old != text {
                    stale.push(rel);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    if !stale.is_empty() {
        notes.push(crate::msg!(
            "init-schemas-stale",
            files = stale.join(", "),
            dir = schema::BOOK_DIR
        ));
    }
    Ok((made, notes))
}
