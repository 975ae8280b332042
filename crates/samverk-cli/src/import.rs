//! `samverk import <dataset> <path>`: one file of a public data set into the register.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use samverk_import::dataset::{self, Dataset, Options, Summary};
use samverk_store::Store;

/// Imports one file and prints its summary.
pub async fn run(store: &Store, name: &str, path: &Path, dry_run: bool, skip_bad_rows: bool) -> anyhow::Result<ExitCode> {
    let Some(set) = Dataset::from_name(name) else {
        let known: Vec<&str> = Dataset::ALL.iter().map(|d| d.name()).collect();
        anyhow::bail!("unknown data set «{name}»; expected one of: {}", known.join(", "));
    };
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file = path.file_name().map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned());
    let options = Options { dry_run, skip_bad_rows, today: time::OffsetDateTime::now_utc().date() };
    let summary = dataset::import(store, set, &file, &bytes, &options).await?;
    print(&summary)?;
    Ok(ExitCode::SUCCESS)
}

fn print(s: &Summary) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let what = if s.dry_run { "Dry run (nothing written)" } else { "Imported" };
    writeln!(out, "{what}: {} from {}: {} rows.", s.dataset, s.file, s.rows)?;
    writeln!(out, "Engagements: {} new, {} updated, {} unchanged.", s.created, s.updated, s.unchanged)?;
    let m = &s.matches;
    writeln!(
        out,
        "Norwegian and Swedish authorities named: {}; resolved without a person: {} ({:.1} %); by an earlier decision: {}; awaiting review: {}.",
        m.authorities,
        m.automatic,
        m.rate(),
        m.decided,
        m.review
    )?;
    writeln!(out, "Organisations created: {}.", m.created)?;
    if !s.skipped.is_empty() {
        writeln!(out, "Skipped {} bad row(s):", s.skipped.len())?;
        for row in &s.skipped {
            writeln!(out, "  - {row}")?;
        }
    }
    Ok(())
}
