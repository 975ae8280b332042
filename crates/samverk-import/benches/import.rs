//! Import speed on the real data sets (`../shared/data/`, all five), into an empty SQLite database:
//! every data set in turn, then the twin-town file against the `sqlite3` shell's `.import` of the
//! same CSV into a table with the same indexes, side by side.
//!
//! `cargo bench -p samverk-import --bench import` (release). Skips with a message when the data
//! folder or the `sqlite3` shell is missing. With `SAMVERK_BENCH_POSTGRES=postgres://…/db` naming
//! an empty database, every data set is then imported into PostgreSQL there too.

#![expect(clippy::unwrap_used, reason = "a benchmark harness stops on a failed set-up")]

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{OPTIONS, data, import_all};
use samverk_import::dataset::{self, Dataset, Options};
use samverk_store::Store;

async fn empty_store(dir: &Path, name: &str) -> Store {
    let store = Store::open(&format!("sqlite://{}", dir.join(name).display())).await.unwrap();
    samverk_import::registry::ensure_loaded(&store).await.unwrap();
    store
}

fn main() {
    let root = data();
    if !root.exists() {
        println!("skipped: the data sets are not at {}", root.display());
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(run(&root));
}

async fn run(root: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}", dir.path().join("all.db").display())).await.unwrap();
    import_everything("sqlite", &store, root).await;
    twin_town_against_sqlite3(root, dir.path(), &OPTIONS).await;
    if let Ok(url) = std::env::var("SAMVERK_BENCH_POSTGRES") {
        let postgres = Store::open(&url).await.unwrap();
        let filter = samverk_store::organisation::OrganisationFilter { per_page: 1, ..Default::default() };
        if postgres.organisations(&filter).await.unwrap().total > 0 {
            println!("postgres: skipped, the database at SAMVERK_BENCH_POSTGRES is not empty");
            return;
        }
        import_everything("postgres", &postgres, root).await;
    }
}

/// The registries and then every data set into `store` (empty, migrated), each timed.
async fn import_everything(engine: &str, store: &Store, root: &Path) {
    let start = Instant::now();
    samverk_import::sdg::ensure_loaded(store).await.unwrap();
    let loaded = samverk_import::registry::ensure_loaded(store).await.unwrap();
    println!(
        "{engine}: registries: {} organisations, {} NUTS regions in {:.2} s",
        loaded.organisations,
        loaded.nuts,
        start.elapsed().as_secs_f64()
    );
    for (s, secs) in import_all(store, root).await {
        #[expect(clippy::cast_precision_loss, reason = "row counts far below 2^52")]
        let rate = s.rows as f64 / secs;
        println!(
            "{engine}: {:<22} {:>6} rows {:>6} engagements {:>5} skipped  match rate {:>5.1} % ({}/{} authorities, {} to review)  {secs:.2} s = {rate:.0} rows/s",
            s.dataset,
            s.rows,
            s.created,
            s.skipped.len(),
            s.matches.rate(),
            s.matches.automatic,
            s.matches.authorities,
            s.matches.review,
        );
    }
    println!("{engine}: all data sets into an empty database: {:.2} s", start.elapsed().as_secs_f64());
}

/// Rounds of the side-by-side comparison: on a shared machine one round can land on a busy
/// moment for either side, so each side's median is compared.
const ROUNDS: usize = 5;

async fn twin_town_against_sqlite3(root: &Path, dir: &Path, options: &Options) {
    let csv = root.join("twin-towns-wikipedia/twin_cities_raw.csv");
    let rows = std::fs::read_to_string(&csv).unwrap().lines().count() - 1;
    let bytes = std::fs::read(&csv).unwrap();
    #[expect(clippy::cast_precision_loss, reason = "row counts far below 2^52")]
    let rate = |secs: f64| rows as f64 / secs;
    let shell = which("sqlite3").ok();
    let (mut ours, mut theirs) = (Vec::with_capacity(ROUNDS), Vec::with_capacity(ROUNDS));
    let (mut our_cpu, mut their_cpu) = (Vec::with_capacity(ROUNDS), Vec::with_capacity(ROUNDS));
    for round in 0..ROUNDS {
        let store = empty_store(dir, &format!("twin{round}.db")).await;
        let (t, cpu) = (Instant::now(), cpu_seconds());
        dataset::import(&store, Dataset::TwinTownsWikipedia, "twin_cities_raw.csv", &bytes, options).await.unwrap();
        ours.push(t.elapsed().as_secs_f64());
        our_cpu.push(cpu_seconds().0 - cpu.0);
        store.close().await;
        if let Some(shell) = &shell {
            let cpu = cpu_seconds().1;
            theirs.push(sqlite3_import(shell, &dir.join(format!("shell{round}.db")), &csv));
            their_cpu.push(cpu_seconds().1 - cpu);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    let ours = median(&mut ours);
    println!("twin towns, samverk import: {rows} rows in {ours:.3} s = {:.0} rows/s (median of {ROUNDS})", rate(ours));
    if shell.is_none() {
        println!("twin towns, sqlite3 .import: skipped (no sqlite3 shell on PATH; apt-get install sqlite3)");
        return;
    }
    let theirs = median(&mut theirs);
    println!("twin towns, sqlite3 .import: {rows} rows in {theirs:.3} s = {:.0} rows/s (median of {ROUNDS})", rate(theirs));
    println!("ratio samverk / sqlite3 (rows per second): {:.2} (target >= 0.5)", theirs / ours);
    // On a shared machine the wall time depends on the other processes; the CPU time each side
    // used (user + system, all threads) much less.
    let (ours, theirs) = (median(&mut our_cpu), median(&mut their_cpu));
    println!("CPU time: samverk {ours:.2} s, sqlite3 {theirs:.2} s; ratio {:.2}", theirs / ours);
}

/// CPU seconds (user + system) used so far by this process and by its waited-for children, from
/// `/proc/self/stat` (Linux; in clock ticks of 10 ms).
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name in parentheses; utime is field 14 of the whole line.
    let fields: Vec<f64> =
        stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    let field = |n: usize| fields.get(n - 3).copied().unwrap_or(0.0) / 100.0;
    (field(14) + field(15), field(16) + field(17))
}

/// The `sqlite3` shell's `.import` of the CSV into a new file, in seconds.
fn sqlite3_import(shell: &Path, db: &Path, csv: &Path) -> f64 {
    // The same indexes as the register: a unique pair key and a lookup by town.
    let script = format!(
        "CREATE TABLE twins (city1 TEXT, country1 TEXT, city2 TEXT, country2 TEXT);\n\
         CREATE INDEX twins_city1 ON twins (city1, country1);\nCREATE INDEX twins_city2 ON twins (city2, country2);\n\
         .mode csv\n.import --skip 1 {} twins\n",
        csv.display()
    );
    let t = Instant::now();
    let mut child = std::process::Command::new(shell).arg(db).stdin(std::process::Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), script.as_bytes()).unwrap();
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success(), "the sqlite3 shell failed");
    t.elapsed().as_secs_f64()
}

fn which(name: &str) -> Result<PathBuf, ()> {
    std::env::var_os("PATH").and_then(|paths| std::env::split_paths(&paths).map(|p| p.join(name)).find(|p| p.is_file())).ok_or(())
}
