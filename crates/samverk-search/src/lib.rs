//! samverk's search: one tantivy index over engagements, organisations, goals, measures,
//! decisions, news and calls for input, with facets that combine with the text.
//!
//! The index is derived data. [`SearchIndex::rebuild`] makes it anew from the store;
//! [`SearchIndex::catch_up`] applies the changes the database's triggers wrote to the
//! `search_outbox` table, in increasing id order, and remembers the last one applied in the
//! index's own commit. So every server keeps its own index (in its own directory: tantivy allows
//! one writer per directory) and they all converge on the database.

mod highlight;
mod schema;

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use samverk_domain::text::fold;
use samverk_store::search_source::{ENTITIES, SearchRow};
use samverk_store::{Store, StoreError};
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use highlight::{Matcher, Word};
pub use schema::{Fields, SCHEMA_VERSION};

/// A search failure.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Directory(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the search index writer is unavailable after a failure")]
    Poisoned,
}

/// What to search for. Every filter is optional and they combine with the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub q: String,
    pub entity: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    pub country: Option<String>,
    pub sdg: Option<i64>,
    pub year: Option<i32>,
    pub owner: Option<i64>,
    /// Only what the public may find (published records, open calls), not what staff may.
    pub public: bool,
    pub limit: usize,
    pub offset: usize,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub entity: String,
    pub id: i64,
    /// The owning authority, when the record has one.
    pub owner: Option<i64>,
    /// The plan of a goal or measure.
    pub parent: Option<i64>,
    pub title: String,
    /// The title, HTML-escaped, with the matching words in `<mark>`.
    pub title_html: String,
    /// Some words of the text around the first match, HTML-escaped, matches in `<mark>`.
    pub snippet_html: String,
    pub score: f32,
}

/// The values of one facet among the matches, with their counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValues {
    pub name: &'static str,
    pub values: Vec<(String, u64)>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Vec<FacetValues>,
}

/// The facets, in the order pages show them.
pub const FACETS: [&str; 6] = ["entity", "kind", "status", "country", "year", "sdg"];

/// A search index with its writer.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// The last outbox id applied; -1 when the index must be rebuilt first.
    applied: AtomicI64,
    sync: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("applied", &self.applied.load(Ordering::Relaxed)).finish_non_exhaustive()
    }
}

const WRITER_MEMORY: usize = 50_000_000;

impl SearchIndex {
    /// An index in memory (tests, and servers that rebuild at every start).
    ///
    /// # Errors
    /// A tantivy failure.
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema::schema();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    /// The index in `dir` (created when missing). An index of another schema version is
    /// discarded and will be rebuilt. Only one process may write a directory: give each
    /// server its own.
    ///
    /// # Errors
    /// The directory cannot be created or is locked by another process.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Directory(format!("{}: {e}", dir.display())))?;
        let (schema, fields) = schema::schema();
        let open = || -> Result<Index, SearchError> {
            let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Directory(format!("{}: {e}", dir.display())))?;
            Ok(Index::open_or_create(directory, schema.clone())?)
        };
        let index = match open() {
            Ok(index) if version_of(&index).is_some() || index.searchable_segment_ids().map(|s| s.is_empty()).unwrap_or(false) => index,
            _ => {
                // Another schema, or not ours: derived data, so it is thrown away and rebuilt.
                tracing::warn!(dir = %dir.display(), "search index of another version: rebuilding");
                for entry in std::fs::read_dir(dir).map_err(|e| SearchError::Directory(e.to_string()))?.flatten() {
                    let path = entry.path();
                    let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
                    removed.map_err(|e| SearchError::Directory(format!("{}: {e}", path.display())))?;
                }
                open()?
            }
        };
        Self::with_index(index, fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self, SearchError> {
        schema::register(&index);
        let applied = version_of(&index).unwrap_or(-1);
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => {
                SearchError::Directory("the index directory is in use by another server; give each server its own".to_owned())
            }
            other => SearchError::Index(other),
        })?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Self { reader, writer: Mutex::new(writer), fields, applied: AtomicI64::new(applied), sync: tokio::sync::Mutex::new(()) })
    }

    /// How many segments the searcher reads (the benchmark reports it).
    #[must_use]
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// The last outbox id this index reflects (-1 before the first build).
    #[must_use]
    pub fn applied(&self) -> i64 {
        self.applied.load(Ordering::Acquire)
    }

    /// Makes the index anew from every record in the store.
    ///
    /// # Errors
    /// A store or index failure; the previous index stays then.
    pub async fn rebuild(&self, store: &Store) -> Result<usize, SearchError> {
        let _guard = self.sync.lock().await;
        // Read the outbox head first: a change that lands while the records are read is
        // applied again by the next catch-up, which is harmless.
        let head = store.outbox_head().await?;
        let mut rows = Vec::new();
        for entity in ENTITIES {
            rows.extend(store.search_rows(entity, None).await?.into_iter().map(|row| (entity, row)));
        }
        self.replace_all(rows.iter().map(|(e, r)| (*e, r)), head)
    }

    /// Replaces everything in the index with these records, as of outbox id `applied`
    /// (a rebuild, or a benchmark's generated data).
    ///
    /// # Errors
    /// An index failure; the previous index stays then.
    pub fn replace_all<'a>(&self, rows: impl IntoIterator<Item = (&'a str, &'a SearchRow)>, applied: i64) -> Result<usize, SearchError> {
        let mut count = 0;
        {
            let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
            // No merges of their own while the rebuild writes: it merges everything itself below.
            writer.set_merge_policy(Box::new(NoMergePolicy));
            writer.delete_all_documents()?;
            for (entity, row) in rows {
                writer.add_document(self.document(entity, row))?;
                count += 1;
            }
            commit(&mut writer, applied)?;
            // A rebuild leaves a segment per flush of the writer's memory; one segment answers a
            // query with one lookup per term and one pass of the collectors instead of one per
            // segment. A failed merge leaves a correct index, only a slower one.
            let segments = writer.index().searchable_segment_ids()?;
            if segments.len() > 1
                && let Err(error) = writer.merge(&segments).wait()
            {
                tracing::warn!(%error, "search index: merging the rebuilt segments failed");
            }
            writer.set_merge_policy(Box::new(LogMergePolicy::default()));
        }
        self.reader.reload()?;
        self.applied.store(applied, Ordering::Release);
        Ok(count)
    }

    /// Applies the outbox's changes since the last one applied (rebuilding first when the
    /// index has never been built). Returns how many changes were applied.
    ///
    /// # Errors
    /// A store or index failure; the changes are tried again next time.
    pub async fn catch_up(&self, store: &Store) -> Result<usize, SearchError> {
        if self.applied() < 0 {
            self.rebuild(store).await?;
            return Ok(0);
        }
        let _guard = self.sync.lock().await;
        let mut total = 0;
        loop {
            let after = self.applied();
            let entries = store.outbox_after(after, 2_000).await?;
            let Some(last) = entries.last().map(|e| e.id) else { break };
            let mut by_entity: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
            for e in &entries {
                if let Some(entity) = ENTITIES.iter().find(|n| **n == e.entity) {
                    let ids = by_entity.entry(entity).or_default();
                    if !ids.contains(&e.entity_id) {
                        ids.push(e.entity_id);
                    }
                }
            }
            let mut docs = Vec::new();
            for (entity, ids) in &by_entity {
                for row in store.search_rows(entity, Some(ids)).await? {
                    docs.push(self.document(entity, &row));
                }
            }
            {
                let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
                // Deleted records have no row: deleting every named key and adding what exists
                // covers inserts, updates and deletes alike.
                for (entity, ids) in &by_entity {
                    for id in ids {
                        writer.delete_term(Term::from_field_text(self.fields.key, &format!("{entity}:{id}")));
                    }
                }
                for doc in docs {
                    writer.add_document(doc)?;
                }
                commit(&mut writer, last)?;
            }
            self.reader.reload()?;
            self.applied.store(last, Ordering::Release);
            total += entries.len();
        }
        Ok(total)
    }

    fn document(&self, entity: &str, row: &SearchRow) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, format!("{entity}:{}", row.id));
        doc.add_text(f.entity, entity);
        doc.add_i64(f.id, row.id);
        if let Some(owner) = row.owner_id {
            doc.add_i64(f.owner, owner);
        }
        doc.add_text(f.title, &row.title);
        let body: String = row.body.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(4_000).collect();
        doc.add_text(f.body, &body);
        let folded = fold(&format!("{} {}", row.title, row.body));
        doc.add_text(f.nb, &folded);
        doc.add_text(f.sv, &folded);
        doc.add_text(f.plain, &folded);
        doc.add_text(f.title_nb, fold(&row.title));
        doc.add_facet(f.facets, Facet::from_path(["entity", entity]));
        for (name, value) in [("kind", &row.kind), ("status", &row.status), ("country", &row.country)] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                doc.add_facet(f.facets, Facet::from_path([name, v]));
            }
        }
        let year = row.day.map(time::Date::year).or_else(|| row.visible_at.map(|s| samverk_store::news::instant(s).year()));
        if let Some(y) = year {
            doc.add_facet(f.facets, Facet::from_path(["year".to_owned(), y.to_string()]));
        }
        for sdg in &row.sdgs {
            doc.add_facet(f.facets, Facet::from_path(["sdg".to_owned(), sdg.to_string()]));
        }
        let visible = if row.draft { i64::MAX } else { row.visible_at.unwrap_or(i64::MIN) };
        doc.add_i64(f.visible_from, visible);
        let public_from = if row.public { visible.max(row.open_from.unwrap_or(i64::MIN)) } else { i64::MAX };
        doc.add_i64(f.public_from, public_from);
        doc.add_i64(f.public_until, row.open_until.unwrap_or(i64::MAX));
        if let Some(parent) = row.parent_id {
            doc.add_i64(f.parent, parent);
        }
        doc
    }

    /// Searches what is visible at `now` (unix seconds).
    ///
    /// # Errors
    /// An index failure.
    pub fn search(&self, q: &SearchQuery, now: i64) -> Result<Results, SearchError> {
        let f = &self.fields;
        let words = query_words(&q.q);
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for w in &words {
            let mut any: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Should, Box::new(TermQuery::new(Term::from_field_text(f.nb, &w.nb), IndexRecordOption::WithFreqs))),
                (Occur::Should, Box::new(TermQuery::new(Term::from_field_text(f.sv, &w.sv), IndexRecordOption::WithFreqs))),
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(Term::from_field_text(f.title_nb, &w.nb), IndexRecordOption::WithFreqs)),
                        2.0,
                    )),
                ),
            ];
            // Prefix search as you type, from the second letter on (one letter matches too much).
            if w.folded.chars().count() >= 2 {
                any.push((Occur::Should, Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(f.plain, &w.folded), 0, true))));
            }
            must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if must.is_empty() {
            must.push((Occur::Must, Box::new(AllQuery)));
        }
        let facet_filters: [(&str, Option<String>); 6] = [
            ("entity", q.entity.clone()),
            ("kind", q.kind.clone()),
            ("status", q.status.clone()),
            ("country", q.country.clone()),
            ("year", q.year.map(|y| y.to_string())),
            ("sdg", q.sdg.map(|s| s.to_string())),
        ];
        for (name, value) in facet_filters {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                let term = Term::from_facet(f.facets, &Facet::from_path([name, v.as_str()]));
                must.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
            }
        }
        if let Some(owner) = q.owner {
            must.push((Occur::Must, Box::new(TermQuery::new(Term::from_field_i64(f.owner, owner), IndexRecordOption::Basic))));
        }
        // Staff see their own authorities' records (and the shared organisation register), as
        // in the store ([`samverk_store::scope`]); the public sees what is published everywhere.
        if let (false, samverk_store::scope::Scope::Authorities(ids)) = (q.public, samverk_store::scope::current()) {
            let mut allowed: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_facet(f.facets, &Facet::from_path(["entity", "organisation"])),
                    IndexRecordOption::Basic,
                )),
            )];
            for id in ids {
                allowed.push((Occur::Should, Box::new(TermQuery::new(Term::from_field_i64(f.owner, id), IndexRecordOption::Basic))));
            }
            must.push((Occur::Must, Box::new(BooleanQuery::new(allowed))));
        }
        if q.public {
            // Published and, for calls, open now: the public never sees the rest, in hits or in counts.
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Unbounded, Bound::Included(Term::from_field_i64(f.public_from, now)))),
            ));
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Excluded(Term::from_field_i64(f.public_until, now)), Bound::Unbounded)),
            ));
        } else {
            must.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Unbounded, Bound::Included(Term::from_field_i64(f.visible_from, now)))),
            ));
        }
        let query = BooleanQuery::new(must);
        let searcher = self.reader.searcher();
        let mut facets = FacetCollector::for_field("facets");
        for name in FACETS {
            facets.add_facet(Facet::from_path([name]));
        }
        let limit = q.limit.clamp(1, 100);
        let (top, total, counts) =
            searcher.search(&query, &(TopDocs::with_limit(limit).and_offset(q.offset).order_by_score(), Count, facets))?;
        let mut matcher = Matcher::new(words);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            let title = text(f.title);
            let body = text(f.body);
            hits.push(Hit {
                entity: text(f.entity),
                id: doc.get_first(f.id).and_then(|v| v.as_i64()).unwrap_or_default(),
                owner: doc.get_first(f.owner).and_then(|v| v.as_i64()),
                parent: doc.get_first(f.parent).and_then(|v| v.as_i64()),
                title_html: matcher.mark_all(&title),
                snippet_html: matcher.snippet(&body, 30),
                title,
                score,
            });
        }
        let facets = FACETS
            .iter()
            .map(|name| {
                let mut values: Vec<(String, u64)> = counts
                    .get(Facet::from_path([*name]))
                    .filter_map(|(facet, n)| facet.to_path().last().map(|v| ((*v).to_owned(), n)))
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                FacetValues { name, values }
            })
            .collect();
        Ok(Results { total, hits, facets })
    }
}

fn commit(writer: &mut IndexWriter, applied: i64) -> Result<(), SearchError> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&format!("{SCHEMA_VERSION} {applied}"));
    prepared.commit()?;
    Ok(())
}

/// The outbox id an index's last commit recorded, when it is of this schema version.
fn version_of(index: &Index) -> Option<i64> {
    let payload = index.load_metas().ok()?.payload?;
    let (version, applied) = payload.split_once(' ')?;
    if version == SCHEMA_VERSION { applied.parse().ok() } else { None }
}

/// The words of a query, folded and stemmed as the index is.
#[must_use]
pub fn query_words(q: &str) -> Vec<Word> {
    let mut plain = schema::analyzer("plain");
    let mut nb = schema::analyzer("nb");
    let mut sv = schema::analyzer("sv");
    let mut out: Vec<Word> = Vec::new();
    for word in schema::tokens(&mut plain, &fold(q)).into_iter().take(16) {
        if out.iter().any(|w| w.folded == word) {
            continue;
        }
        let nb_stem = schema::tokens(&mut nb, &word).pop().unwrap_or_else(|| word.clone());
        let sv_stem = schema::tokens(&mut sv, &word).pop().unwrap_or_else(|| word.clone());
        out.push(Word { folded: word, nb: nb_stem, sv: sv_stem });
    }
    out
}

/// Keeps an index current: catches up with the outbox every `every` until the task is dropped.
pub fn follow(index: Arc<SearchIndex>, store: Store, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(error) = index.catch_up(&store).await {
                tracing::warn!(%error, "search index catch-up failed; retrying");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, title: &str, body: &str) -> SearchRow {
        SearchRow {
            id,
            owner_id: Some(1),
            title: title.to_owned(),
            body: body.to_owned(),
            kind: Some("network".to_owned()),
            status: None,
            country: Some("NO".to_owned()),
            day: None,
            visible_at: None,
            draft: false,
            public: true,
            open_from: None,
            open_until: None,
            parent_id: None,
            sdgs: vec![17],
        }
    }

    #[test]
    fn stemming_folding_and_prefixes_match() {
        let index = SearchIndex::in_memory().unwrap();
        let rows = [
            row(1, "Søknader om EU-midler", "Vi hjelper med søknaden."),
            row(2, "Vänort Lidköping", "Vänortsarbetet fortsätter."),
            row(3, "Østlandssamarbeidet", "Schleswig-Holstein."),
        ];
        index.replace_all(rows.iter().map(|r| ("news", r)), 0).unwrap();
        let find = |q: &str| {
            let r = index.search(&SearchQuery { q: q.to_owned(), limit: 10, ..SearchQuery::default() }, 0).unwrap();
            r.hits.iter().map(|h| h.id).collect::<Vec<_>>()
        };
        assert_eq!(find("søk"), [1]);
        assert_eq!(find("søknad"), [1]);
        assert_eq!(find("Lidkoping"), [2]);
        assert_eq!(find("ostlandssamarbeidet"), [3]);
        assert_eq!(find("ØSTLANDSSAMARBEIDET"), [3]);
        assert!(find("zebra").is_empty());
        let r = index
            .search(&SearchQuery { q: "søk".into(), sdg: Some(17), country: Some("SE".into()), limit: 10, ..SearchQuery::default() }, 0)
            .unwrap();
        assert_eq!(r.total, 0, "facets combine with the text");
    }

    #[test]
    fn a_directory_index_remembers_what_it_applied_and_has_one_writer() {
        let dir = tempfile::tempdir().unwrap();
        {
            let index = SearchIndex::open(dir.path()).unwrap();
            assert_eq!(index.applied(), -1, "a new index must be built first");
            index.replace_all([("news", &row(1, "Møteplass", ""))], 42).unwrap();
            let second = SearchIndex::open(dir.path()).unwrap_err();
            assert!(second.to_string().contains("give each server its own"), "{second}");
        }
        let again = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(again.applied(), 42);
        assert_eq!(again.search(&SearchQuery { q: "moteplass".into(), limit: 5, ..SearchQuery::default() }, 0).unwrap().total, 1);
    }
}
