//! `rapport man [--out DIR [--force]]`: the manual page, generated from the command
//! line's own definition — `rapport man | man -l -` reads it — or, with `--out`, one
//! page per command (`rapport.1`, `rapport-audit.1`, `rapport-new-client.1`, …) for
//! a `man1` folder.

use std::path::PathBuf;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::exit::Exit;

pub fn run(args: &ManArgs) -> Result<Exit> {
    let pages = pages()?;
    match &args.out {
        None => {
            let (_, main) = pages.into_iter().next_back().unwrap_or_default();
            super::write_stdout(&main)?;
        }
        Some(dir) => {
            let files: Vec<(PathBuf, Vec<u8>)> = pages
                .into_iter()
                .map(|(name, page)| (dir.join(name), page))
                .collect();
            let written = super::schema::write_files(&files, args.force)?;
            super::write_stdout(written.as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}

/// Every page as (file name, roff), subcommands first, `rapport.1` last.
fn pages() -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, out)?;
        }
        let man = clap_mangen::Man::new(cmd.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        out.push((man.get_filename(), page));
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, &mut out)?;
    Ok(out)
}
