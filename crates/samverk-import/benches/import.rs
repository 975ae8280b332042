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

/// The tables the twin-town import writes, whose indexes the shell's table copies.
const WRITTEN: &[&str] = &["organisations", "organisation_aliases", "engagements", "participants", "import_records"];

/// The shell's table with the same indexes as samverk's: for each index samverk's import writes
/// (by name, as in `sqlite_master`; a WITHOUT ROWID table's primary key counts as one), an index
/// of the shell's table over the CSV row with a key of the same shape. A text key becomes the text it holds (a town's name, folded as samverk folds
/// it, the pair's title, the record key); an id that grows with each new row (a new engagement or
/// organisation) a constant, so that entry too goes in at the end of its index; an existing
/// organisation's id an integer of the town's name; a constant a constant; a null a null. A key
/// that starts with a new id (a participation's engagement) sorts by it alone, so all of it is
/// constant here.
/// Per pair samverk writes one engagement, two participations and a record, so the participants'
/// two indexes are here twice; and a new organisation with its alias for a town not seen before
/// (17,820 of 24,523 pairs' 49,046 towns), so here once per row.
const SAME_INDEXES: &[(&str, &str)] = &[
    ("organisations_name", "city2"),
    ("organisations_search", "lower(city2)"),
    ("organisation_aliases (primary key)", "lower(city2), country2, (0)"),
    ("organisation_aliases_organisation", "(0)"),
    ("engagements_kind_status", "(1), (2)"),
    ("engagements_parent", "(NULL)"),
    ("engagements_decision", "(NULL)"),
    ("engagements_period", "(NULL), (NULL), city1 || ' – ' || city2"),
    ("engagements_title_id", "city1 || ' – ' || city2"),
    ("engagements_owner_published", "unicode(city1) * 1000 + length(city1), (0)"),
    ("sqlite_autoindex_participants_1", "(0), (0), (1)"),
    ("sqlite_autoindex_participants_1", "(0), (0), (2)"),
    ("participants_organisation_engagement", "unicode(city1) * 1000 + length(city1), (0)"),
    ("participants_organisation_engagement", "unicode(city2) * 1000 + length(city2), (0)"),
    ("import_records (primary key)", "(1), lower(country1 || '|' || city1 || '~' || country2 || '|' || city2)"),
];

/// The connection settings of samverk's SQLite store (`samverk-store/src/store.rs`) and of its
/// import (the page cache), given to the shell too so that both sides write alike.
const SETTINGS: &str =
    "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\nPRAGMA foreign_keys = ON;\nPRAGMA cache_size = -262144;\n";

/// One side of the comparison: wall and CPU seconds per round.
#[derive(Default)]
struct Side {
    wall: Vec<f64>,
    cpu: Vec<f64>,
}

impl Side {
    fn median(v: &[f64]) -> f64 {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or_default()
    }
}

async fn twin_town_against_sqlite3(root: &Path, dir: &Path, options: &Options) {
    let csv = root.join("twin-towns-wikipedia/twin_cities_raw.csv");
    let rows = std::fs::read_to_string(&csv).unwrap().lines().count() - 1;
    let bytes = std::fs::read(&csv).unwrap();
    #[expect(clippy::cast_precision_loss, reason = "row counts far below 2^52")]
    let rate = |secs: f64| rows as f64 / secs;
    let shell = which("sqlite3").ok();
    let (mut ours, mut same, mut two) = (Side::default(), Side::default(), Side::default());
    for round in 0..ROUNDS {
        let name = format!("twin{round}.db");
        let store = empty_store(dir, &name).await;
        let (t, cpu) = (Instant::now(), cpu_seconds());
        dataset::import(&store, Dataset::TwinTownsWikipedia, "twin_cities_raw.csv", &bytes, options).await.unwrap();
        ours.wall.push(t.elapsed().as_secs_f64());
        ours.cpu.push(cpu_seconds().0 - cpu.0);
        store.close().await;
        let Some(shell) = &shell else { continue };
        if round == 0 {
            check_same_indexes(shell, &dir.join(&name));
        }
        for (side, name, indexes) in [(&mut same, "same", same_indexes()), (&mut two, "two", TWO_INDEXES.to_owned())] {
            let cpu = cpu_seconds().1;
            side.wall.push(sqlite3_import(shell, &dir.join(format!("shell-{name}{round}.db")), &csv, &indexes));
            side.cpu.push(cpu_seconds().1 - cpu);
        }
    }
    let ours_wall = Side::median(&ours.wall);
    println!(
        "twin towns, samverk import: {rows} rows in {ours_wall:.3} s = {:.0} rows/s, CPU {:.2} s (median of {ROUNDS})",
        rate(ours_wall),
        Side::median(&ours.cpu)
    );
    if shell.is_none() {
        println!("twin towns, sqlite3 .import: skipped (no sqlite3 shell on PATH; apt-get install sqlite3)");
        return;
    }
    let same_label = format!("the same indexes as samverk's ({})", SAME_INDEXES.len());
    for (side, what) in [(&same, same_label.as_str()), (&two, "two indexes (the towns)")] {
        let wall = Side::median(&side.wall);
        let cpu = Side::median(&side.cpu);
        println!(
            "twin towns, sqlite3 .import into a table with {what}: {rows} rows in {wall:.3} s = {:.0} rows/s, CPU {cpu:.2} s",
            rate(wall)
        );
        println!("  ratio samverk / sqlite3 (rows per second): {:.2}; by CPU time {:.2}", wall / ours_wall, cpu / Side::median(&ours.cpu));
    }
    println!("target: samverk at no less than half the shell's rate into a table with the same indexes (ratio >= 0.5)");
}

/// The bare table of the first rounds of this bench: a lookup by each town.
const TWO_INDEXES: &str = "CREATE INDEX twins_city1 ON twins (city1, country1);\nCREATE INDEX twins_city2 ON twins (city2, country2);\n";

fn same_indexes() -> String {
    SAME_INDEXES.iter().enumerate().map(|(n, (_, key))| format!("CREATE INDEX twins_{n} ON twins ({key});\n")).collect()
}

/// Stops the bench when samverk's import writes an index the shell's table does not copy, or no
/// longer writes one it does: the comparison must follow the schema.
fn check_same_indexes(shell: &Path, db: &Path) {
    let tables = WRITTEN.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>().join(", ");
    // A WITHOUT ROWID table is the b-tree of its primary key: one keyed write per row, as an
    // index is (and no rowid table beside it).
    let query = format!(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({tables}) UNION ALL \
         SELECT name || ' (primary key)' FROM sqlite_master WHERE type = 'table' AND name IN ({tables}) AND sql LIKE '%WITHOUT ROWID%'"
    );
    let out = std::process::Command::new(shell).arg(db).arg(query).output().unwrap();
    let written: std::collections::BTreeSet<String> = String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect();
    let copied: std::collections::BTreeSet<String> = SAME_INDEXES.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(written, copied, "the shell's table must copy the indexes samverk's import writes (SAME_INDEXES)");
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

/// The `sqlite3` shell's `.import` of the CSV into a new file whose table has `indexes`, with
/// samverk's settings, in seconds.
fn sqlite3_import(shell: &Path, db: &Path, csv: &Path, indexes: &str) -> f64 {
    let script = format!(
        "{SETTINGS}CREATE TABLE twins (city1 TEXT, country1 TEXT, city2 TEXT, country2 TEXT);\n{indexes}.mode csv\n.import --skip 1 {} twins\n",
        csv.display()
    );
    let t = Instant::now();
    let mut child =
        std::process::Command::new(shell).arg(db).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::null()).spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), script.as_bytes()).unwrap();
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success(), "the sqlite3 shell failed");
    t.elapsed().as_secs_f64()
}

fn which(name: &str) -> Result<PathBuf, ()> {
    std::env::var_os("PATH").and_then(|paths| std::env::split_paths(&paths).map(|p| p.join(name)).find(|p| p.is_file())).ok_or(())
}
