//! `samverk import <dataset> <path>`: one file of a public data set into the register.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use samverk_import::dataset::{self, Dataset, Options, Progress, Summary};
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
    let bar = Bar::new(std::io::stdout().is_terminal() && std::io::stderr().is_terminal());
    let outcome = dataset::import_with(store, set, &file, &bytes, &options, &bar).await;
    bar.finish();
    print(&outcome?)?;
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on the terminal, shown only once an import has taken a second, and never
/// when the output goes to a pipe or a file (tests and scripts stay clean).
struct Bar {
    started: Instant,
    on_terminal: bool,
    total: AtomicU64,
    done: AtomicU64,
    bar: Mutex<Option<ProgressBar>>,
}

/// How long an import runs before the bar appears.
const QUIET_FOR: Duration = Duration::from_secs(1);

impl Bar {
    fn new(on_terminal: bool) -> Self {
        Self { started: Instant::now(), on_terminal, total: AtomicU64::new(0), done: AtomicU64::new(0), bar: Mutex::new(None) }
    }

    fn finish(&self) {
        if let Ok(mut bar) = self.bar.lock()
            && let Some(bar) = bar.take()
        {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    fn advance(&self, n: u64) {
        let done = self.done.fetch_add(n, Ordering::Relaxed).saturating_add(n);
        if !self.on_terminal || self.started.elapsed() < QUIET_FOR {
            return;
        }
        let Ok(mut bar) = self.bar.lock() else { return };
        let bar = bar.get_or_insert_with(|| {
            let style = ProgressStyle::with_template("{msg} [{bar:40}] {percent:>3} % ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            ProgressBar::new(self.total.load(Ordering::Relaxed).max(1)).with_style(style).with_message("Importing")
        });
        bar.set_position(done);
    }
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
