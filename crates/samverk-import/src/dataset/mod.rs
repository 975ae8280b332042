//! Importers of public cooperation data sets: each reads its file into a [`Plan`] (organisations
//! and engagements, every bad cell named), then [`apply`] resolves the organisations against the
//! register and writes the whole file in one transaction, keyed so a re-import changes nothing.

mod country;
mod interreg;
mod nfr;
pub mod resolver;
mod twin;

use std::collections::{HashMap, HashSet};

use samverk_domain::engagement::{EngagementDraft, EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::{OrganisationDraft, OrganisationKind};
use samverk_domain::refs::References;
use samverk_domain::resolve::{self, Evidence, KindHint};
use samverk_store::import::{self as store_import, NewReview, Origin};
use samverk_store::{Conn, Store, StoreError};
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
}

impl Dataset {
    pub const ALL: [Self; 3] = [Self::NfrH2020Norway, Self::InterregSePartners, Self::TwinTownsWikipedia];

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::NfrH2020Norway => "nfr-h2020-norway",
            Self::InterregSePartners => "interreg-se-partners",
            Self::TwinTownsWikipedia => "twin-towns-wikipedia",
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
        }
    }
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
    pub row: u64,
}

/// What a file holds, before it touches the database.
#[derive(Debug, Default)]
pub struct Plan {
    pub orgs: Vec<OrgSpec>,
    index: HashMap<String, usize>,
    pub engagements: Vec<EngagementSpec>,
    pub skipped: Vec<BadInput>,
    pub rows: usize,
}

impl Plan {
    /// The index of an organisation, the same for every row that names it alike.
    pub fn org(&mut self, spec: OrgSpec) -> usize {
        let key =
            spec.codes.first().map_or_else(|| format!("{}|{}", spec.country, resolve::alias(&spec.name)), |(s, c)| format!("{s}:{c}"));
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.orgs.push(spec);
        self.index.insert(key, self.orgs.len() - 1);
        self.orgs.len() - 1
    }
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

async fn resolve_orgs(
    conn: &mut Conn<'_>,
    dataset: Dataset,
    file: &str,
    plan: &Plan,
    stats: &mut MatchStats,
) -> Result<Vec<i64>, ImportError> {
    let reviews = store_import::reviews(conn).await?;
    let (aliases, codes) = store_import::resolution_index(conn).await?;
    let mut resolver = Resolver::new(aliases, codes, &reviews);
    let mut ids = Vec::with_capacity(plan.orgs.len());
    let mut counted: HashSet<i64> = HashSet::new();
    for spec in &plan.orgs {
        let key = resolve::alias(&spec.name);
        let resolution = match spec.codes.iter().find_map(|(s, c)| resolver.by_code(s, c)) {
            Some(id) => Resolution::Found(id, Evidence::Identifier),
            None => match resolver.pending(&key, &spec.country) {
                Some(id) => Resolution::Uncertain(Some(id), Evidence::Ambiguous),
                None => resolver.by_name(&spec.name, &spec.country, spec.hint),
            },
        };
        let authority = spec.is_nordic_authority();
        let id = match resolution {
            Resolution::Found(id, _) => {
                if authority && counted.insert(id) {
                    stats.authorities += 1;
                    stats.automatic += 1;
                }
                id
            }
            Resolution::Decided(id) => {
                if authority && counted.insert(id) {
                    stats.authorities += 1;
                    stats.decided += 1;
                }
                id
            }
            Resolution::Uncertain(candidate, evidence) => {
                let id = match resolver.pending(&key, &spec.country) {
                    Some(id) => id,
                    None => {
                        let id = create(conn, dataset, file, spec, &key, &mut resolver, stats).await?;
                        let review = NewReview {
                            dataset: dataset.name(),
                            raw_name: &spec.name,
                            name_key: &key,
                            country: &spec.country,
                            candidate_id: candidate,
                            confidence: evidence.confidence(),
                            organisation_id: id,
                        };
                        store_import::open_review(conn, &review).await?;
                        resolver.hold(&key, &spec.country, id);
                        id
                    }
                };
                if authority && counted.insert(id) {
                    stats.authorities += 1;
                    stats.review += 1;
                }
                id
            }
            Resolution::Unknown => {
                let id = create(conn, dataset, file, spec, &key, &mut resolver, stats).await?;
                if authority && counted.insert(id) {
                    stats.authorities += 1;
                }
                id
            }
        };
        ids.push(id);
    }
    Ok(ids)
}

async fn create(
    conn: &mut Conn<'_>,
    dataset: Dataset,
    file: &str,
    spec: &OrgSpec,
    key: &str,
    resolver: &mut Resolver,
    stats: &mut MatchStats,
) -> Result<i64, ImportError> {
    let draft = OrganisationDraft {
        name: spec.name.clone(),
        kind: spec.kind.code().to_owned(),
        country: spec.country.clone(),
        org_number: spec.codes.iter().find(|(s, _)| *s == "orgnr").map(|(_, c)| c.clone()).unwrap_or_default(),
        ..Default::default()
    };
    let new = draft.validate().map_err(|e| invalid(file, 0, &e))?;
    let id = store_import::insert_organisation(conn, &new, dataset.name(), key, &spec.codes).await?;
    resolver.learn(key, &spec.country, id, spec.kind, &spec.codes);
    stats.created += 1;
    Ok(id)
}

/// Resolves and writes a plan in one transaction (rolled back in a dry run).
///
/// # Errors
/// A record the domain refuses (naming its row) or the database error; nothing is written then.
pub async fn apply(store: &Store, dataset: Dataset, file: &str, plan: &Plan, options: &Options) -> Result<Summary, ImportError> {
    let mut summary =
        Summary { dataset: dataset.name(), file: file.to_owned(), rows: plan.rows, dry_run: options.dry_run, ..Summary::default() };
    summary.skipped = plan.skipped.iter().map(ToString::to_string).collect();
    let mut tx = store.begin().await?;
    let mut conn = tx.conn();
    let ids = resolve_orgs(&mut conn, dataset, file, plan, &mut summary.matches).await?;
    let known = store_import::records(&mut conn, dataset.name()).await?;
    for e in &plan.engagements {
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
        let new = draft.validate(None, &refs).map_err(|problem| invalid(file, e.row, &problem))?;
        let participants: Vec<(i64, Role)> = e.participants.iter().filter_map(|(i, role)| ids.get(*i).map(|id| (*id, *role))).collect();
        let people: Vec<String> = participants.iter().map(|(id, role)| format!("{id}:{}", role.code())).collect();
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
        ]);
        let origin = Origin { dataset: dataset.name(), file, row: e.row };
        let source = origin.label();
        match known.get(&e.key) {
            Some(r) if r.row_hash == hash => summary.unchanged += 1,
            Some(r) => {
                store_import::update_engagement(&mut conn, r.entity_id, &new, &source).await?;
                store_import::set_participants(&mut conn, r.entity_id, &participants, &source).await?;
                store_import::save_record(&mut conn, &origin, &e.key, "engagement", r.entity_id, &hash, true).await?;
                summary.updated += 1;
            }
            None => {
                let id = store_import::insert_engagement(&mut conn, &new, &source).await?;
                store_import::set_participants(&mut conn, id, &participants, &source).await?;
                store_import::save_record(&mut conn, &origin, &e.key, "engagement", id, &hash, false).await?;
                summary.created += 1;
            }
        }
    }
    if !options.dry_run {
        tx.commit().await?;
    }
    Ok(summary)
}

/// Reads, resolves and writes one file.
///
/// # Errors
/// Bad input (nothing written) or the database error.
pub async fn import(store: &Store, dataset: Dataset, file: &str, bytes: &[u8], options: &Options) -> Result<Summary, ImportError> {
    crate::registry::ensure_loaded(store).await?;
    let plan = plan(dataset, file, bytes, options)?;
    apply(store, dataset, file, &plan, options).await
}
