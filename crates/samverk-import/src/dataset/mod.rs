//! Importers of public cooperation data sets: each reads its file into a [`Plan`] (organisations
//! and engagements, every bad cell named), then [`apply`] resolves the organisations against the
//! register and writes the whole file in one transaction, keyed so a re-import changes nothing.

mod country;
mod covenant;
mod interreg;
mod membership;
mod nfr;
pub mod resolver;
mod twin;

use std::collections::HashSet;

use samverk_domain::engagement::{EngagementDraft, EngagementKind, EngagementStatus, NewEngagement, Role};
use samverk_domain::organisation::{OrganisationDraft, OrganisationKind};
use samverk_domain::refs::References;
use samverk_domain::resolve::{self, Evidence, KindHint};
use samverk_store::import::{self as store_import, NewReview, Origin};
use samverk_store::{Store, StoreError};
use serde::Serialize;
use time::Date;

use crate::ImportError;
use crate::table::{BadInput, Shape, Table};
use resolver::{Resolution, Resolver};

/// The data sets `samverk import` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Dataset {
    NfrH2020Norway,
    InterregSePartners,
    TwinTownsWikipedia,
    CovenantOfMayors,
    MembershipOrgs,
}

impl Dataset {
    pub const ALL: [Self; 5] =
        [Self::NfrH2020Norway, Self::InterregSePartners, Self::TwinTownsWikipedia, Self::CovenantOfMayors, Self::MembershipOrgs];

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::NfrH2020Norway => "nfr-h2020-norway",
            Self::InterregSePartners => "interreg-se-partners",
            Self::TwinTownsWikipedia => "twin-towns-wikipedia",
            Self::CovenantOfMayors => "covenant-of-mayors",
            Self::MembershipOrgs => "membership-orgs",
        }
    }

    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }

    const fn shape(self) -> Shape {
        match self {
            Self::NfrH2020Norway => nfr::SHAPE,
            Self::InterregSePartners => interreg::SHAPE,
            Self::TwinTownsWikipedia => twin::SHAPE,
            Self::CovenantOfMayors => covenant::SHAPE,
            Self::MembershipOrgs => membership::SHAPE,
        }
    }
}

/// The shape of a data set's file, by the data set's name (for tests of the reader).
#[cfg(test)]
pub(crate) fn shape_of(name: &str) -> Shape {
    Dataset::from_name(name).map_or(nfr::SHAPE, Dataset::shape)
}

/// An organisation as a data set names it.
#[derive(Debug, Clone)]
pub struct OrgSpec {
    pub name: String,
    pub country: String,
    pub kind: OrganisationKind,
    /// What the data says about the kind (organisation type, role), when the name does not.
    pub hint: Option<KindHint>,
    pub codes: Vec<(&'static str, String)>,
    /// The data set says this is a municipality, county or region (a twin town), whatever
    /// its name says.
    pub authority: bool,
}

impl OrgSpec {
    /// A Norwegian or Swedish municipality, county or region: what the match rate is about.
    fn is_nordic_authority(&self) -> bool {
        matches!(self.country.as_str(), "NO" | "SE") && (self.authority || resolve::looks_like_authority(&self.name))
    }
}

/// An engagement as a data set describes it.
#[derive(Debug, Clone)]
pub struct EngagementSpec {
    pub key: String,
    pub kind: EngagementKind,
    pub title: String,
    pub description: Option<String>,
    pub status: EngagementStatus,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub owner: usize,
    pub participants: Vec<(usize, Role)>,
    /// The row each participant comes from, when the data set lists members row by row (the
    /// Covenant, CPMR); empty when the engagement's row stands for all.
    pub participant_rows: Vec<u64>,
    /// Shown after the source ("transcribed by hand from …"), when the data set says more
    /// about where a record comes from.
    pub note: Option<String>,
    pub row: u64,
}

/// What a file holds, before it touches the database.
#[derive(Debug, Default)]
pub struct Plan {
    pub orgs: Vec<OrgSpec>,
    index: rustc_hash::FxHashMap<String, usize>,
    pub engagements: Vec<EngagementSpec>,
    pub skipped: Vec<BadInput>,
    pub rows: usize,
}

impl Plan {
    /// The index of an organisation, the same for every row that names it alike.
    pub fn org(&mut self, spec: OrgSpec) -> usize {
        let key = spec.codes.first().map_or_else(|| name_key(&spec), |(s, c)| format!("{s}:{c}"));
        self.org_by_key(spec, key)
    }

    /// [`Plan::org`] of a spelling without identifiers whose [`name_key`] the caller has made.
    pub fn org_by_key(&mut self, spec: OrgSpec, key: String) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.orgs.push(spec);
        self.index.insert(key, self.orgs.len() - 1);
        self.orgs.len() - 1
    }
}

/// "NO|tonsberg": an organisation's key in a plan when it has no identifier.
#[must_use]
pub fn name_key(spec: &OrgSpec) -> String {
    format!("{}|{}", spec.country, resolve::alias(&spec.name))
}

/// How the organisations of a file resolved to the register.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MatchStats {
    /// Distinct Norwegian and Swedish municipalities, counties and regions named in the file.
    pub authorities: usize,
    /// Of those, resolved to the register without a person.
    pub automatic: usize,
    /// Resolved by a person's earlier decision.
    pub decided: usize,
    /// Waiting on the review list.
    pub review: usize,
    /// Organisations of any kind created because nothing matched.
    pub created: usize,
}

impl MatchStats {
    /// The share of Nordic authorities resolved without a person, in percent.
    #[must_use]
    pub fn rate(&self) -> f64 {
        if self.authorities == 0 {
            100.0
        } else {
            #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
            let rate = self.automatic as f64 * 100.0 / self.authorities as f64;
            rate
        }
    }
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub dataset: &'static str,
    pub file: String,
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: Vec<String>,
    pub matches: MatchStats,
    pub dry_run: bool,
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub dry_run: bool,
    pub skip_bad_rows: bool,
    /// Decides whether a project that ended is `ended` (the import does not read the clock).
    pub today: Date,
}

/// Reads a file of a data set into a plan.
///
/// # Errors
/// The first bad cell (or every one, with `skip_bad_rows`, as skipped rows).
pub fn plan(dataset: Dataset, file: &str, bytes: &[u8], options: &Options) -> Result<Plan, BadInput> {
    let others: Vec<Shape> = Dataset::ALL.iter().map(|d| d.shape()).collect();
    let table: Table = crate::table::read(file, bytes, &dataset.shape(), &others)?;
    let mut plan = Plan { rows: table.rows.len(), ..Plan::default() };
    match dataset {
        Dataset::NfrH2020Norway => nfr::plan(&table, &mut plan, options)?,
        Dataset::InterregSePartners => interreg::plan(&table, &mut plan, options)?,
        Dataset::TwinTownsWikipedia => twin::plan(&table, &mut plan, options)?,
        Dataset::CovenantOfMayors => covenant::plan(&table, &mut plan, options)?,
        Dataset::MembershipOrgs => membership::plan(&table, &mut plan, options)?,
    }
    Ok(plan)
}

/// Keeps a bad row as skipped when asked to, or stops the import.
///
/// # Errors
/// The row's problem, unless skipping.
pub fn skip_or_fail(plan: &mut Plan, options: &Options, bad: BadInput) -> Result<(), BadInput> {
    if options.skip_bad_rows {
        plan.skipped.push(bad);
        Ok(())
    } else {
        Err(bad)
    }
}

/// FNV-1a: a content hash that stays the same across builds (std's hasher may not).
fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn invalid(file: &str, row: u64, problem: &samverk_domain::ValidationErrors) -> ImportError {
    ImportError::Bad(BadInput {
        file: file.to_owned(),
        row,
        column: "-".to_owned(),
        expected: "a record the register accepts".to_owned(),
        found: problem.to_string(),
    })
}

/// Follows the progress of a long import (a bar on a terminal); every method does nothing by
/// default.
pub trait Progress: Sync {
    /// The work ahead, in records.
    fn start(&self, _total: u64) {}
    /// `n` more records done.
    fn advance(&self, _n: u64) {}
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {}

/// Organisations resolved in memory: existing ids, and placeholders (negative) for the ones
/// this file creates, written together once resolution is done.
struct Resolved {
    ids: Vec<i64>,
    create: Vec<store_import::ImportedOrganisation>,
    /// (organisation in the plan, its name key, the candidate, how sure, the placeholder).
    reviews: Vec<(usize, String, Option<i64>, resolve::Evidence, i64)>,
}

impl Resolved {
    /// A placeholder for the `n`-th organisation to create.
    fn placeholder(n: usize) -> i64 {
        -1 - i64::try_from(n).unwrap_or(i64::MAX - 1)
    }

    fn real(&self, id: i64, created: &[i64]) -> Option<i64> {
        if id >= 0 { Some(id) } else { usize::try_from(-1 - id).ok().and_then(|n| created.get(n).copied()) }
    }
}

fn resolve_orgs(plan: &Plan, file: &str, mut resolver: Resolver, stats: &mut MatchStats) -> Result<Resolved, ImportError> {
    let mut out = Resolved { ids: Vec::with_capacity(plan.orgs.len()), create: Vec::new(), reviews: Vec::new() };
    let mut counted: HashSet<i64> = HashSet::new();
    for (i, spec) in plan.orgs.iter().enumerate() {
        // The whole name's key first (the alias it is stored under), then its parts'.
        let keys = resolve::name_keys(&spec.name);
        let key = keys.first().and_then(|k| k.keys.first()).cloned().unwrap_or_default();
        let resolution = match spec.codes.iter().find_map(|(s, c)| resolver.by_code(s, c)) {
            Some(id) => Resolution::Found(id, Evidence::Identifier),
            None => match resolver.pending(&key, &spec.country) {
                Some(id) => Resolution::Uncertain(Some(id), Evidence::Ambiguous),
                None => resolver.by_keys(&keys, &spec.country, spec.hint),
            },
        };
        let create = |resolver: &mut Resolver, out: &mut Resolved, stats: &mut MatchStats| -> Result<i64, ImportError> {
            let id = Resolved::placeholder(out.create.len());
            out.create.push(new_organisation(file, spec, &key)?);
            resolver.learn(&key, &spec.country, id, spec.kind, &spec.codes);
            stats.created += 1;
            Ok(id)
        };
        let (id, counts) = match resolution {
            Resolution::Found(id, _) => (id, Some(&mut stats.automatic)),
            Resolution::Decided(id) => (id, Some(&mut stats.decided)),
            Resolution::Uncertain(candidate, evidence) => {
                let id = match resolver.pending(&key, &spec.country) {
                    Some(id) => id,
                    None => {
                        let id = create(&mut resolver, &mut out, stats)?;
                        out.reviews.push((i, key.clone(), candidate, evidence, id));
                        resolver.hold(&key, &spec.country, id);
                        id
                    }
                };
                (id, Some(&mut stats.review))
            }
            Resolution::Unknown => (create(&mut resolver, &mut out, stats)?, None),
        };
        if spec.is_nordic_authority() && counted.insert(id) {
            if let Some(n) = counts {
                *n += 1;
            }
            stats.authorities += 1;
        }
        out.ids.push(id);
    }
    Ok(out)
}

fn new_organisation(file: &str, spec: &OrgSpec, key: &str) -> Result<store_import::ImportedOrganisation, ImportError> {
    let draft = OrganisationDraft {
        name: spec.name.clone(),
        kind: spec.kind.code().to_owned(),
        country: spec.country.clone(),
        org_number: spec.codes.iter().find(|(s, _)| *s == "orgnr").map(|(_, c)| c.clone()).unwrap_or_default(),
        ..Default::default()
    };
    let organisation = draft.validate().map_err(|e| invalid(file, 0, &e))?;
    Ok(store_import::ImportedOrganisation { organisation, alias: key.to_owned(), codes: spec.codes.clone() })
}

/// One engagement of the plan, validated and hashed, with its participants (still as indexes
/// into the plan's organisations).
struct Checked<'a> {
    spec: &'a EngagementSpec,
    new: NewEngagement,
    source: String,
    hash: String,
}

fn check<'a>(dataset: Dataset, file: &str, e: &'a EngagementSpec, ids: &[i64]) -> Result<Checked<'a>, ImportError> {
    let owner = ids.get(e.owner).copied().ok_or(StoreError::NotFound { entity: "organisation", id: 0 })?;
    let draft = EngagementDraft {
        owner_id: Some(owner),
        kind: e.kind.code().to_owned(),
        title: e.title.clone(),
        description: e.description.clone().unwrap_or_default(),
        status: e.status.code().to_owned(),
        start: e.start.map(|d| d.to_string()).unwrap_or_default(),
        end: e.end.map(|d| d.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let mut refs = References::default();
    refs.organisations.insert(owner);
    let new = draft.validate_imported(&refs).map_err(|problem| invalid(file, e.row, &problem))?;
    let people: Vec<String> = e.participants.iter().filter_map(|(i, role)| ids.get(*i).map(|id| format!("{id}:{}", role.code()))).collect();
    let dates =
        [new.period.start().map(|d| d.to_string()).unwrap_or_default(), new.period.end().map(|d| d.to_string()).unwrap_or_default()];
    let hash = fnv(&[
        &owner.to_string(),
        e.kind.code(),
        &e.title,
        e.description.as_deref().unwrap_or(""),
        e.status.code(),
        &dates[0],
        &dates[1],
        &people.join(","),
        e.note.as_deref().unwrap_or(""),
    ]);
    Ok(Checked { spec: e, new, source: source(dataset, file, e.row, e.note.as_deref()), hash })
}

/// "covenant-of-mayors: signatories.csv, row 12", and the data set's note when it has one.
fn source(dataset: Dataset, file: &str, row: u64, note: Option<&str>) -> String {
    let label = Origin { dataset: dataset.name(), file, row }.label();
    match note {
        Some(note) => format!("{label} ({note})"),
        None => label,
    }
}

/// Resolves and writes a plan in one transaction (rolled back in a dry run).
///
/// # Errors
/// A record the domain refuses (naming its row) or the database error; nothing is written then.
pub async fn apply(store: &Store, dataset: Dataset, file: &str, plan: &Plan, options: &Options) -> Result<Summary, ImportError> {
    apply_with(store, dataset, file, plan, options, &Quiet).await
}

/// [`apply`], reporting progress.
///
/// Writes each table's new rows at once whatever the size of the file (on SQLite through one
/// prepared statement, on PostgreSQL in a few multi-row statements): resolution runs in memory
/// over an index loaded once, and new organisations, engagements, participations and records
/// each go in as batches.
///
/// # Errors
/// As [`apply`].
pub async fn apply_with(
    store: &Store,
    dataset: Dataset,
    file: &str,
    plan: &Plan,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Summary, ImportError> {
    let mut summary =
        Summary { dataset: dataset.name(), file: file.to_owned(), rows: plan.rows, dry_run: options.dry_run, ..Summary::default() };
    summary.skipped = plan.skipped.iter().map(ToString::to_string).collect();
    let total = u64::try_from(plan.engagements.len()).unwrap_or(u64::MAX);
    progress.start(total.saturating_mul(2));
    let mut tx = store.begin().await?;
    let mut conn = tx.conn();
    let cache = store_import::large_cache(&mut conn).await?;
    // The cache belongs to the pooled connection, not the transaction: give it back on every
    // way out, a refused row included, or the next user of the connection keeps 256 MB.
    let written = write(&mut conn, dataset, file, plan, &mut summary, progress).await;
    store_import::restore_cache(&mut conn, cache).await?;
    written?;
    if !options.dry_run {
        tx.commit().await?;
    }
    Ok(summary)
}

/// The body of [`apply_with`], inside its transaction.
async fn write(
    conn: &mut samverk_store::Conn<'_>,
    dataset: Dataset,
    file: &str,
    plan: &Plan,
    summary: &mut Summary,
    progress: &dyn Progress,
) -> Result<(), ImportError> {
    let total = u64::try_from(plan.engagements.len()).unwrap_or(u64::MAX);
    let reviews = store_import::reviews(conn).await?;
    let mut countries: Vec<&str> = plan.orgs.iter().map(|o| o.country.as_str()).collect();
    countries.sort_unstable();
    countries.dedup();
    let (aliases, codes) = store_import::resolution_index(conn, &countries).await?;
    let resolved = resolve_orgs(plan, file, Resolver::new(aliases, codes, &reviews), &mut summary.matches)?;
    let org_source = dataset.name();
    // What the audit trail's one entry per table names as the source of the batch.
    let batch = format!("{}: {file}", dataset.name());
    let created = store_import::insert_organisations(conn, &resolved.create, org_source, &batch).await?;
    let ids: Vec<i64> = resolved.ids.iter().map(|id| resolved.real(*id, &created).unwrap_or(*id)).collect();
    let new_reviews: Vec<NewReview<'_>> = resolved
        .reviews
        .iter()
        .filter_map(|(i, key, candidate, evidence, id)| {
            let spec = plan.orgs.get(*i)?;
            Some((spec, key, *candidate, *evidence, resolved.real(*id, &created)?))
        })
        .map(|(spec, key, candidate, evidence, id)| NewReview {
            dataset: dataset.name(),
            raw_name: &spec.name,
            name_key: key,
            country: &spec.country,
            candidate_id: candidate,
            confidence: evidence.confidence(),
            organisation_id: id,
        })
        .collect();
    store_import::open_reviews(conn, &new_reviews).await?;

    let known = store_import::records(conn, dataset.name()).await?;
    let mut fresh: Vec<Checked<'_>> = Vec::new();
    let mut changed: Vec<(i64, Checked<'_>)> = Vec::new();
    for (n, e) in plan.engagements.iter().enumerate() {
        let checked = check(dataset, file, e, &ids)?;
        match known.get(&e.key) {
            Some(r) if r.row_hash == checked.hash => summary.unchanged += 1,
            Some(r) => changed.push((r.entity_id, checked)),
            None => fresh.push(checked),
        }
        if n % 1024 == 1023 {
            progress.advance(1024);
        }
    }
    progress.advance(total % 1024);
    summary.created = fresh.len();
    summary.updated = changed.len();

    let rows: Vec<(&NewEngagement, &str)> = fresh.iter().map(|c| (&c.new, c.source.as_str())).collect();
    let fresh_ids = store_import::insert_engagements(conn, &rows, &batch).await?;
    progress.advance(u64::try_from(fresh.len()).unwrap_or(0) / 2);
    for (id, c) in &changed {
        store_import::update_engagement(conn, *id, &c.new, &c.source).await?;
    }
    let written: Vec<(i64, &Checked<'_>)> = fresh_ids.iter().copied().zip(&fresh).chain(changed.iter().map(|(id, c)| (*id, c))).collect();
    let mut participants = Vec::new();
    for (id, c) in &written {
        for (n, (i, role)) in c.spec.participants.iter().enumerate() {
            let Some(org) = ids.get(*i) else { continue };
            let source = match c.spec.participant_rows.get(n) {
                Some(row) => source(dataset, file, *row, c.spec.note.as_deref()),
                None => c.source.clone(),
            };
            participants.push(store_import::ImportedParticipant { engagement_id: *id, organisation_id: *org, role: *role, source });
        }
    }
    let changed_ids: Vec<i64> = changed.iter().map(|(id, _)| *id).collect();
    store_import::replace_participants(conn, &changed_ids, participants, &batch).await?;
    let record = |(id, c): &(i64, &Checked<'_>)| store_import::NewRecord {
        key: c.spec.key.clone(),
        entity_id: *id,
        row: c.spec.row,
        hash: c.hash.clone(),
    };
    let (new_records, changed_records): (Vec<_>, Vec<_>) =
        (written.iter().take(fresh.len()).map(record).collect(), written.iter().skip(fresh.len()).map(record).collect());
    store_import::save_records(conn, dataset.name(), file, "engagement", new_records, &changed_records).await?;
    progress.advance(total.saturating_sub(u64::try_from(fresh.len()).unwrap_or(0) / 2));
    Ok(())
}

/// Reads, resolves and writes one file.
///
/// # Errors
/// Bad input (nothing written) or the database error.
pub async fn import(store: &Store, dataset: Dataset, file: &str, bytes: &[u8], options: &Options) -> Result<Summary, ImportError> {
    import_with(store, dataset, file, bytes, options, &Quiet).await
}

/// [`import`], reporting progress.
///
/// # Errors
/// As [`import`].
pub async fn import_with(
    store: &Store,
    dataset: Dataset,
    file: &str,
    bytes: &[u8],
    options: &Options,
    progress: &dyn Progress,
) -> Result<Summary, ImportError> {
    crate::registry::ensure_loaded(store).await?;
    let plan = plan(dataset, file, bytes, options)?;
    apply_with(store, dataset, file, &plan, options, progress).await
}
