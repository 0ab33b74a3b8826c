//! `rapport audit`: check the whole book and report every finding.

use anyhow::Result;

use crate::cli::{AuditArgs, AuditFormat, FailOn};
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::Severity;
use crate::output::{self, Summary};

pub fn run(ctx: &Context, args: &AuditArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let findings = output::resolve(&book, &book.findings);
    let summary = Summary::of(book.sources.len(), &findings);
    let text = match args.format {
        AuditFormat::Human => output::human::render(&book, &findings, summary, ctx.color),
        AuditFormat::Json => output::json::render(&findings, summary),
    };
    crate::commands::write_stdout(text.as_bytes())?;
    let failing = |s: Severity| match args.fail_on {
        FailOn::Error => s == Severity::Error,
        FailOn::Warning => s <= Severity::Warning,
        FailOn::Never => false,
    };
    Ok(if findings.iter().any(|f| failing(f.severity)) {
        Exit::Findings
    } else {
        Exit::Ok
    })
}
