//! Where this server keeps its search index, and the `search` commands.
//!
//! The index is derived data, local to one server: tantivy lets one process write a directory,
//! so with several servers each names its own (`--search-index`, `SAMVERK_SEARCH_INDEX`) and
//! catches up with the database's outbox on its own.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use samverk_search::SearchIndex;
use samverk_store::Store;

/// How often a server applies the changes other servers saved.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(500);

/// The index directory: the one named, else beside a SQLite file (`samverk.db` →
/// `samverk.db.search`), else `samverk-search` in the working folder.
pub fn index_dir(database: &str, named: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = named {
        return dir;
    }
    match database.strip_prefix("sqlite://").or_else(|| database.strip_prefix("sqlite:")) {
        Some(path) if !path.contains(":memory:") => {
            let path = path.split('?').next().unwrap_or(path);
            PathBuf::from(format!("{path}.search"))
        }
        _ => PathBuf::from("samverk-search"),
    }
}

/// Opens the index and brings it up to date (rebuilding it when it is new or of another version).
pub async fn open(store: &Store, dir: &std::path::Path) -> anyhow::Result<Arc<SearchIndex>> {
    let index = SearchIndex::open(dir).with_context(|| format!("cannot open the search index in {}", dir.display()))?;
    index.catch_up(store).await.context("cannot bring the search index up to date")?;
    Ok(Arc::new(index))
}

/// `samverk search rebuild`: makes the index anew from the database.
pub async fn rebuild(store: &Store, dir: &std::path::Path) -> anyhow::Result<usize> {
    let index = SearchIndex::open(dir).with_context(|| format!("cannot open the search index in {}", dir.display()))?;
    Ok(index.rebuild(store).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_lives_beside_a_sqlite_file_unless_named() {
        assert_eq!(index_dir("sqlite://data/samverk.db", None), PathBuf::from("data/samverk.db.search"));
        assert_eq!(index_dir("postgres://db/samverk", None), PathBuf::from("samverk-search"));
        assert_eq!(index_dir("sqlite://x.db", Some(PathBuf::from("/var/idx"))), PathBuf::from("/var/idx"));
    }
}
