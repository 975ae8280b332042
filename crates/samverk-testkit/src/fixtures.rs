//! A generated data set of any size — issue 3 asks for 10,000 engagements, 20,000 organisations
//! and 100,000 participations — for the benchmarks and for the tests that prove a page's query
//! count does not grow with the rows it shows.
//!
//! The rows are written with multi-row INSERTs in one transaction, not through the validated
//! store methods: those spend several statements per row and would take minutes for 130,000
//! rows. The generator keeps the domain's rules itself (valid periods, distinct participants,
//! goals of the owner's own plan, every active network contributing to a main goal), so the
//! data set looks like what the forms would have produced. It is deterministic: the same size
//! gives the same rows, so a benchmark figure can be reproduced.

mod names;

use std::fmt;

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::{rule, text};
use samverk_store::{Conn, Sql, Store, StoreError};
use time::Date;

use names::Rng;
pub use names::SEARCH_WORD;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub engagements: usize,
    /// All organisations, the authorities included.
    pub organisations: usize,
    /// Participants over all engagements.
    pub participations: usize,
    /// Authorities owning the engagements, each with one plan and its decisions.
    pub authorities: usize,
    /// Goals in each authority's plan: about a third are main goals, the rest their sub-goals.
    pub goals: usize,
}

impl Size {
    /// The data set of issue 3, section 8.
    #[must_use]
    pub const fn issue_3() -> Self {
        Self { engagements: 10_000, organisations: 20_000, participations: 100_000, authorities: 20, goals: 24 }
    }

    /// A data set for tests: large enough for a list page of 500 rows, small enough to write
    /// in well under a second on either engine.
    #[must_use]
    pub const fn small() -> Self {
        Self { engagements: 600, organisations: 800, participations: 6_000, authorities: 3, goals: 9 }
    }

    fn check(&self) -> Result<(), FixtureError> {
        if self.authorities == 0 || self.goals == 0 {
            return Err(FixtureError::Size("at least one authority with one goal is needed"));
        }
        if self.organisations < self.authorities {
            return Err(FixtureError::Size("the organisations include the authorities, so there must be at least as many"));
        }
        let room = self.engagements * MAX_PARTICIPANTS.min(self.organisations.saturating_sub(1));
        if self.participations > room {
            return Err(FixtureError::Size("more participations than distinct organisations can fill"));
        }
        Ok(())
    }
}

/// The most participants one engagement gets.
const MAX_PARTICIPANTS: usize = 120;
/// Rows per INSERT: 500 rows of 13 columns stay far below both engines' parameter limits.
const ROWS_PER_STATEMENT: usize = 500;
const DECISIONS_PER_AUTHORITY: usize = 12;
const FOCUS_AREAS_PER_PLAN: usize = 4;
const SEED: u64 = 0x5A3E_2024_0003;

/// Why a data set could not be generated.
#[derive(Debug)]
pub enum FixtureError {
    /// The size asks for something impossible.
    Size(&'static str),
    /// The database numbered new rows in another order than they were written.
    Order(&'static str),
    Store(StoreError),
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Size(why) => write!(f, "impossible size: {why}"),
            Self::Order(table) => write!(f, "new {table} rows were not numbered in the order they were written"),
            Self::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for FixtureError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Store(e) => Some(e),
            Self::Size(_) | Self::Order(_) => None,
        }
    }
}

impl From<StoreError> for FixtureError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<sqlx::Error> for FixtureError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(e.into())
    }
}

/// One generated engagement and how much it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratedEngagement {
    pub id: i64,
    pub participants: usize,
    pub contributions: usize,
}

/// The ids of what was generated, for picking pages to request.
#[derive(Debug, Clone)]
pub struct Generated {
    pub authorities: Vec<i64>,
    /// All organisations, the authorities first.
    pub organisations: Vec<i64>,
    /// The main goals of every plan.
    pub main_goals: Vec<i64>,
    pub goals: Vec<i64>,
    pub decisions: Vec<i64>,
    pub engagements: Vec<GeneratedEngagement>,
    participations_by_organisation: Vec<usize>,
}

impl Generated {
    /// The first engagement with exactly `participants` participants and at least
    /// `contributions` contributions.
    #[must_use]
    pub fn engagement_with(&self, participants: usize, contributions: usize) -> Option<GeneratedEngagement> {
        self.engagements.iter().find(|e| e.participants == participants && e.contributions >= contributions).copied()
    }

    /// The organisation taking part in the most engagements, and in how many.
    #[must_use]
    pub fn busiest_organisation(&self) -> (i64, usize) {
        let busiest = (0..self.organisations.len()).max_by_key(|&i| self.participations_by_organisation[i]).unwrap_or(0);
        (
            self.organisations.get(busiest).copied().unwrap_or_default(),
            self.participations_by_organisation.get(busiest).copied().unwrap_or(0),
        )
    }
}

/// Writes a data set of `size` into `store`, in one transaction.
///
/// # Errors
/// An impossible size, or the database error (nothing is written then).
pub async fn generate(store: &Store, size: &Size) -> Result<Generated, FixtureError> {
    size.check()?;
    let mut rng = Rng::new(SEED);
    let mut tx = store.begin().await?;
    let generated = {
        let mut conn = tx.conn();
        let organisations = write_organisations(&mut conn, &mut rng, size).await?;
        let authorities = organisations.ids[..size.authorities].to_vec();
        let decisions = write_decisions(&mut conn, &mut rng, &authorities, &organisations.kinds).await?;
        let plans = write_plans(&mut conn, &mut rng, size, &authorities, &decisions).await?;
        let engagements = plan_engagements(&mut rng, size, &organisations.places, &decisions);
        let engagement_ids = write_engagements(&mut conn, &authorities, &engagements).await?;
        let participants = plan_participants(&mut rng, size, &engagements);
        write_participants(&mut conn, &participants, &engagement_ids, &organisations.ids).await?;
        let contributions = plan_contributions(&mut rng, &engagements, &plans);
        write_contributions(&mut conn, &contributions, &engagement_ids).await?;

        let mut by_organisation = vec![0; organisations.ids.len()];
        let mut per_engagement = vec![(0, 0); engagements.len()];
        for p in &participants {
            by_organisation[p.organisation] += 1;
            per_engagement[p.engagement].0 += 1;
        }
        for c in &contributions {
            per_engagement[c.engagement].1 += 1;
        }
        Generated {
            authorities,
            main_goals: plans.iter().flat_map(|p| p.main_goals.iter().copied()).collect(),
            goals: plans.iter().flat_map(|p| p.goals.iter().copied()).collect(),
            decisions: decisions.into_iter().flatten().collect(),
            engagements: engagement_ids
                .iter()
                .zip(per_engagement)
                .map(|(&id, (participants, contributions))| GeneratedEngagement { id, participants, contributions })
                .collect(),
            organisations: organisations.ids,
            participations_by_organisation: by_organisation,
        }
    };
    tx.commit().await?;
    Ok(generated)
}

/// Binds values separated by commas: `values!(sql; a, b, c)` writes `?, ?, ?`.
macro_rules! values {
    ($sql:expr; $first:expr $(, $rest:expr)* $(,)?) => {{
        $sql.bind($first);
        $( $sql.push(", ").bind($rest); )*
    }};
}

/// Writes `rows` with `head` (`INSERT INTO t (a, b) VALUES `) in statements of
/// [`ROWS_PER_STATEMENT`] rows; `bind` binds one row's values.
async fn insert_rows<T>(conn: &mut Conn<'_>, head: &'static str, rows: &[T], bind: impl Fn(&mut Sql, &T)) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut sql = Sql::new(head);
        for (n, row) in chunk.iter().enumerate() {
            sql.push(if n == 0 { "(" } else { ", (" });
            bind(&mut sql, row);
            sql.push(")");
        }
        conn.execute(&sql).await?;
    }
    Ok(())
}

/// The highest id in a table before writing to it (`SELECT COALESCE(MAX(id), 0) FROM t`).
async fn last_id(conn: &mut Conn<'_>, sql: &'static str) -> Result<i64, sqlx::Error> {
    conn.scalar::<i64>(&Sql::new(sql)).await
}

/// The ids of the rows written after `after`, in the order they were written. Both engines
/// number new rows in insertion order (SQLite's rowid, PostgreSQL's identity sequence within
/// one session); the titles are compared so a different numbering fails loudly instead of
/// mixing up participants.
async fn new_ids<'a>(
    conn: &mut Conn<'_>,
    select: &'static str,
    table: &'static str,
    after: i64,
    expected: impl ExactSizeIterator<Item = &'a str>,
) -> Result<Vec<i64>, FixtureError> {
    #[derive(sqlx::FromRow)]
    struct Key {
        id: i64,
        key: Option<String>,
    }
    let rows: Vec<Key> = conn.all(&Sql::new(select).arg(after)).await?;
    if rows.len() != expected.len() {
        return Err(FixtureError::Order(table));
    }
    rows.into_iter()
        .zip(expected)
        .map(|(row, title)| if row.key.as_deref() == Some(title) { Ok(row.id) } else { Err(FixtureError::Order(table)) })
        .collect()
}

struct Organisations {
    ids: Vec<i64>,
    kinds: Vec<(OrganisationKind, &'static str)>,
    /// The place each organisation is named after; engagements borrow them for titles.
    places: Vec<String>,
}

struct OrganisationRow {
    name: String,
    name_en: Option<String>,
    kind: OrganisationKind,
    country: &'static str,
    org_number: Option<String>,
    region_code: Option<String>,
    scb_code: Option<String>,
    nuts_code: Option<String>,
}

async fn write_organisations(conn: &mut Conn<'_>, rng: &mut Rng, size: &Size) -> Result<Organisations, FixtureError> {
    const AUTHORITIES: &[OrganisationKind] = &[OrganisationKind::County, OrganisationKind::Region, OrganisationKind::Municipality];
    let mut rows = Vec::with_capacity(size.organisations);
    let mut places = Vec::with_capacity(size.organisations);
    for n in 0..size.organisations {
        let place = names::place(rng);
        let (kind, country) = if n < size.authorities {
            let kind = AUTHORITIES[n % AUTHORITIES.len()];
            (kind, if kind == OrganisationKind::Region || n % 2 == 1 { "SE" } else { "NO" })
        } else {
            let kind = rng.pick(OrganisationKind::ALL);
            (kind, names::country(rng, kind))
        };
        let name = names::organisation_name(rng, kind, country, &place);
        let (mut org_number, mut region_code, mut scb_code, mut nuts_code) = (None, None, None, None);
        match (country, kind) {
            ("NO", OrganisationKind::County) => {
                region_code = Some(format!("{:02}", 30 + n % 70));
                nuts_code = Some(format!("NO0{}", n % 10));
            }
            ("NO", OrganisationKind::Municipality) => region_code = Some(format!("{:04}", 3000 + n % 7000)),
            ("SE", OrganisationKind::Region) => {
                scb_code = Some(format!("{:02}", 10 + n % 90));
                nuts_code = Some(format!("SE{}", 100 + n % 900));
            }
            ("SE", OrganisationKind::Municipality) => scb_code = Some(format!("{:04}", 1000 + n % 9000)),
            ("NO", _) => org_number = Some(names::org_number(n)),
            _ => {}
        }
        let name_en = (kind == OrganisationKind::InternationalOrganisation).then(|| name.clone());
        rows.push(OrganisationRow { name, name_en, kind, country, org_number, region_code, scb_code, nuts_code });
        places.push(place);
    }
    let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM organisations").await?;
    insert_rows(
        conn,
        "INSERT INTO organisations (name, name_en, kind, country, org_number, region_code, scb_code, nuts_code, search_text) VALUES ",
        &rows,
        |sql, o| {
            let search = text::search_text([Some(o.name.as_str()), o.name_en.as_deref()].into_iter().flatten());
            values!(sql; o.name.clone(), o.name_en.clone(), o.kind.code(), o.country, o.org_number.clone(), o.region_code.clone(),
                o.scb_code.clone(), o.nuts_code.clone(), search);
        },
    )
    .await?;
    let select = "SELECT id, name AS key FROM organisations WHERE id > ? ORDER BY id";
    let ids = new_ids(conn, select, "organisations", after, rows.iter().map(|o| o.name.as_str())).await?;
    Ok(Organisations { ids, kinds: rows.iter().map(|o| (o.kind, o.country)).collect(), places })
}

/// A date in `year` on a day drawn from `rng` (1 January when the year is out of range).
fn date_in(rng: &mut Rng, year: usize) -> Option<Date> {
    let year = i32::try_from(year).ok()?;
    let day = u16::try_from(rng.between(1, 365)).unwrap_or(1);
    Date::from_ordinal_date(year, day).ok()
}

/// Each authority's decisions, by authority.
async fn write_decisions(
    conn: &mut Conn<'_>,
    rng: &mut Rng,
    authorities: &[i64],
    kinds: &[(OrganisationKind, &'static str)],
) -> Result<Vec<Vec<i64>>, FixtureError> {
    struct Row {
        owner: i64,
        body: &'static str,
        case_number: String,
        date: Option<Date>,
        title: String,
    }
    let mut rows = Vec::new();
    for (a, &owner) in authorities.iter().enumerate() {
        let body = match kinds[a] {
            (OrganisationKind::County, _) => "Fylkestinget",
            (OrganisationKind::Region, _) => "Regionfullmäktige",
            (_, "SE") => "Kommunfullmäktige",
            _ => "Kommunestyret",
        };
        for n in 0..DECISIONS_PER_AUTHORITY {
            let year = rng.between(2014, 2029);
            let case_number = format!("{}/{:02}", rng.between(1, 140), year % 100);
            let title = format!("Decision {} on {} cooperation", n + 1, names::TOPICS[n % names::TOPICS.len()].to_lowercase());
            rows.push(Row { owner, body, case_number, date: date_in(rng, year), title });
        }
    }
    let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM decisions").await?;
    insert_rows(conn, "INSERT INTO decisions (owner_id, body, case_number, date, title) VALUES ", &rows, |sql, d| {
        values!(sql; d.owner, d.body, d.case_number.clone(), d.date, d.title.clone());
    })
    .await?;
    let select = "SELECT id, title AS key FROM decisions WHERE id > ? ORDER BY id";
    let ids = new_ids(conn, select, "decisions", after, rows.iter().map(|d| d.title.as_str())).await?;
    Ok(ids.chunks(DECISIONS_PER_AUTHORITY).map(<[i64]>::to_vec).collect())
}

/// One authority's plan: its goals, main goals first.
struct PlanGoals {
    main_goals: Vec<i64>,
    goals: Vec<i64>,
}

async fn write_plans(
    conn: &mut Conn<'_>,
    rng: &mut Rng,
    size: &Size,
    authorities: &[i64],
    decisions: &[Vec<i64>],
) -> Result<Vec<PlanGoals>, FixtureError> {
    let titles: Vec<String> = (1..=authorities.len()).map(|n| format!("International strategy {n} to 2035")).collect();
    let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM plans").await?;
    let rows: Vec<(i64, &String, Option<i64>)> =
        authorities.iter().zip(&titles).zip(decisions).map(|((&owner, title), d)| (owner, title, d.first().copied())).collect();
    insert_rows(conn, "INSERT INTO plans (owner_id, title, kind, status, period_start, period_end, decision_id) VALUES ", &rows, |sql, p| {
        values!(sql; p.0, p.1.clone(), "strategy", "adopted", Date::from_ordinal_date(2020, 1).ok(), Date::from_ordinal_date(2035, 365).ok(), p.2);
    })
    .await?;
    let plans =
        new_ids(conn, "SELECT id, title AS key FROM plans WHERE id > ? ORDER BY id", "plans", after, titles.iter().map(String::as_str))
            .await?;

    let areas: Vec<(i64, usize, &str)> =
        plans.iter().flat_map(|&plan| (0..FOCUS_AREAS_PER_PLAN).map(move |n| (plan, n, names::FOCUS_AREAS[n]))).collect();
    let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM focus_areas").await?;
    insert_rows(conn, "INSERT INTO focus_areas (plan_id, title, position) VALUES ", &areas, |sql, a| {
        values!(sql; a.0, a.2, i64::try_from(a.1 + 1).unwrap_or_default());
    })
    .await?;
    let select = "SELECT id, title AS key FROM focus_areas WHERE id > ? ORDER BY id";
    let area_ids = new_ids(conn, select, "focus areas", after, areas.iter().map(|a| a.2)).await?;

    // Main goals of every plan first, then the sub-goals, which need their parents' ids.
    let mains_per_plan = size.goals.div_ceil(3);
    struct Goal {
        plan: i64,
        area: i64,
        parent: Option<i64>,
        title: String,
        position: i64,
    }
    let mut mains = Vec::new();
    for (p, &plan) in plans.iter().enumerate() {
        for n in 0..mains_per_plan {
            let area = area_ids[p * FOCUS_AREAS_PER_PLAN + n % FOCUS_AREAS_PER_PLAN];
            let position = i64::try_from(n + 1).unwrap_or_default();
            mains.push(Goal { plan, area, parent: None, title: names::goal_title(rng, true), position });
        }
    }
    let head = "INSERT INTO goals (plan_id, focus_area_id, parent_id, title, position) VALUES ";
    let bind = |sql: &mut Sql, g: &Goal| values!(sql; g.plan, g.area, g.parent, g.title.clone(), g.position);
    let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM goals").await?;
    insert_rows(conn, head, &mains, bind).await?;
    let select = "SELECT id, title AS key FROM goals WHERE id > ? ORDER BY id";
    let main_ids = new_ids(conn, select, "goals", after, mains.iter().map(|g| g.title.as_str())).await?;

    let mut subs = Vec::new();
    for (p, &plan) in plans.iter().enumerate() {
        for n in 0..size.goals - mains_per_plan {
            let main = p * mains_per_plan + n % mains_per_plan;
            let position = i64::try_from(mains_per_plan + n + 1).unwrap_or_default();
            subs.push(Goal { plan, area: mains[main].area, parent: Some(main_ids[main]), title: names::goal_title(rng, false), position });
        }
    }
    let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM goals").await?;
    insert_rows(conn, head, &subs, bind).await?;
    let sub_ids = new_ids(conn, select, "goals", after, subs.iter().map(|g| g.title.as_str())).await?;

    let subs_per_plan = size.goals - mains_per_plan;
    Ok((0..plans.len())
        .map(|p| {
            let main_goals = main_ids[p * mains_per_plan..(p + 1) * mains_per_plan].to_vec();
            let goals = main_goals.iter().chain(&sub_ids[p * subs_per_plan..(p + 1) * subs_per_plan]).copied().collect();
            PlanGoals { main_goals, goals }
        })
        .collect())
}

struct EngagementRow {
    /// The owner's position among the authorities.
    owner: usize,
    kind: EngagementKind,
    status: EngagementStatus,
    title: String,
    description: Option<String>,
    start: Option<Date>,
    end: Option<Date>,
    /// The parent's position in the generated list; always one without a parent itself.
    parent: Option<usize>,
    decision: Option<i64>,
}

fn plan_engagements(rng: &mut Rng, size: &Size, places: &[String], decisions: &[Vec<i64>]) -> Vec<EngagementRow> {
    const STATUSES: &[EngagementStatus] = &[
        EngagementStatus::Active,
        EngagementStatus::Active,
        EngagementStatus::Active,
        EngagementStatus::Active,
        EngagementStatus::Ended,
        EngagementStatus::Ended,
        EngagementStatus::Proposed,
        EngagementStatus::Paused,
    ];
    let mut last_partnership: Vec<Option<usize>> = vec![None; size.authorities];
    let mut rows = Vec::with_capacity(size.engagements);
    for n in 0..size.engagements {
        let owner = rng.below(size.authorities);
        let kind = rng.pick(EngagementKind::ALL);
        let status = rng.pick(STATUSES);
        let start_year = rng.between(2015, 2030);
        let start = if rng.chance(95) { date_in(rng, start_year) } else { None };
        let (short, long) = (rng.between(1, 4), rng.between(2, 8));
        let end = match status {
            EngagementStatus::Ended => date_in(rng, start_year + short),
            _ if rng.chance(60) => date_in(rng, start_year + long),
            _ => None,
        };
        let parent = if kind == EngagementKind::ThematicNetwork && rng.chance(80) { last_partnership[owner] } else { None };
        if kind == EngagementKind::Partnership {
            last_partnership[owner] = Some(n);
        }
        let decision = if rng.chance(50) { Some(decisions[owner][rng.below(DECISIONS_PER_AUTHORITY)]) } else { None };
        let place = &places[rng.below(places.len())];
        let title = names::engagement_title(rng, kind, place);
        let description = rng.chance(70).then(|| names::description(rng));
        rows.push(EngagementRow { owner, kind, status, title, description, start, end, parent, decision });
    }
    rows
}

/// Writes the engagements, those without a parent first, and returns their ids by position.
async fn write_engagements(conn: &mut Conn<'_>, authorities: &[i64], rows: &[EngagementRow]) -> Result<Vec<i64>, FixtureError> {
    let mut ids = vec![0; rows.len()];
    let (roots, children): (Vec<usize>, Vec<usize>) = (0..rows.len()).partition(|&n| rows[n].parent.is_none());
    for batch in [roots, children] {
        let after = last_id(conn, "SELECT COALESCE(MAX(id), 0) FROM engagements").await?;
        let head = "INSERT INTO engagements (owner_id, kind, title, description, status, start_date, end_date, parent_id, decision_id, \
                    search_text) VALUES ";
        insert_rows(conn, head, &batch, |sql, &n| {
            let e = &rows[n];
            let search = text::search_text([e.title.as_str(), e.description.as_deref().unwrap_or_default()]);
            values!(sql; authorities[e.owner], e.kind.code(), e.title.clone(), e.description.clone(), e.status.code(), e.start, e.end,
                e.parent.map(|p| ids[p]), e.decision, search);
        })
        .await?;
        let select = "SELECT id, title AS key FROM engagements WHERE id > ? ORDER BY id";
        let new = new_ids(conn, select, "engagements", after, batch.iter().map(|&n| rows[n].title.as_str())).await?;
        for (&n, id) in batch.iter().zip(new) {
            ids[n] = id;
        }
    }
    Ok(ids)
}

struct ParticipantRow {
    engagement: usize,
    organisation: usize,
    role: Role,
    start: Option<Date>,
}

/// How many participants each engagement gets: most between one and twenty, every fiftieth a
/// large network of forty to eighty, scaled so the total is exactly `size.participations`.
fn participant_counts(rng: &mut Rng, size: &Size) -> Vec<usize> {
    let cap = MAX_PARTICIPANTS.min(size.organisations.saturating_sub(1));
    let weights: Vec<usize> = (0..size.engagements).map(|n| if n % 50 == 7 { rng.between(40, 80) } else { rng.between(1, 19) }).collect();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let mut counts: Vec<usize> = weights.iter().map(|w| (w * size.participations / sum).min(cap)).collect();
    // Rounding down left a remainder: hand it out one by one, round the list, below the cap.
    // `Size::check` guarantees the room exists, so this ends.
    let mut missing = size.participations - counts.iter().sum::<usize>();
    let mut n = 0;
    while missing > 0 {
        if counts[n] < cap {
            counts[n] += 1;
            missing -= 1;
        }
        n = (n + 1) % counts.len();
    }
    counts
}

fn plan_participants(rng: &mut Rng, size: &Size, engagements: &[EngagementRow]) -> Vec<ParticipantRow> {
    const ROLES: &[Role] = &[
        Role::Member,
        Role::Member,
        Role::Member,
        Role::Member,
        Role::Member,
        Role::Partner,
        Role::Partner,
        Role::Partner,
        Role::Observer,
        Role::Observer,
        Role::Host,
        Role::Coordinator,
        Role::LeadPartner,
        Role::AssociatedPartner,
        Role::Supporter,
        Role::Secretariat,
        Role::Counterpart,
    ];
    let n = size.organisations;
    // Some organisations take part in far more engagements than others (a national
    // association, a network office): draw positions in a shuffled list with a square-law
    // bias towards its front.
    let mut popular: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        popular.swap(i, rng.below(i + 1));
    }
    let counts = participant_counts(rng, size);
    let mut rows = Vec::with_capacity(size.participations);
    let mut chosen = Vec::new();
    for (e, (engagement, &count)) in engagements.iter().zip(&counts).enumerate() {
        chosen.clear();
        // The owner is an authority, and authorities are the first organisations.
        let owner = engagement.owner;
        let mut attempts = 0;
        while chosen.len() < count {
            let r = rng.below(n);
            let mut organisation = popular[r * r / n];
            attempts += 1;
            if attempts > count * 20 {
                // Rare: the popular few are taken. Take the next free one in order.
                organisation = (0..n).find(|o| *o != owner && !chosen.contains(o)).unwrap_or(owner);
            }
            if organisation != owner && !chosen.contains(&organisation) {
                chosen.push(organisation);
                let start = if rng.chance(20) { engagement.start } else { None };
                rows.push(ParticipantRow { engagement: e, organisation, role: rng.pick(ROLES), start });
            }
        }
    }
    rows
}

async fn write_participants(
    conn: &mut Conn<'_>,
    rows: &[ParticipantRow],
    engagements: &[i64],
    organisations: &[i64],
) -> Result<(), FixtureError> {
    insert_rows(conn, "INSERT INTO participants (engagement_id, organisation_id, role, start_date) VALUES ", rows, |sql, p| {
        values!(sql; engagements[p.engagement], organisations[p.organisation], p.role.code(), p.start);
    })
    .await?;
    Ok(())
}

struct ContributionRow {
    engagement: usize,
    goal: i64,
    how: String,
}

/// Up to four goals of the owner's own plan per engagement; an active network engagement
/// always contributes to a main goal, as the contribution rule demands.
fn plan_contributions(rng: &mut Rng, engagements: &[EngagementRow], plans: &[PlanGoals]) -> Vec<ContributionRow> {
    let mut rows = Vec::new();
    let mut chosen = Vec::new();
    for (e, engagement) in engagements.iter().enumerate() {
        let plan = &plans[engagement.owner];
        let required = rule::applies(engagement.kind, engagement.status);
        let count = rng.below(5).max(usize::from(required)).min(plan.goals.len());
        chosen.clear();
        if required {
            chosen.push(rng.pick(&plan.main_goals));
        }
        while chosen.len() < count {
            let goal = rng.pick(&plan.goals);
            if !chosen.contains(&goal) {
                chosen.push(goal);
            }
        }
        rows.extend(chosen.iter().map(|&goal| ContributionRow { engagement: e, goal, how: names::how(rng) }));
    }
    rows
}

async fn write_contributions(conn: &mut Conn<'_>, rows: &[ContributionRow], engagements: &[i64]) -> Result<(), FixtureError> {
    insert_rows(conn, "INSERT INTO contributions (engagement_id, goal_id, how) VALUES ", rows, |sql, c| {
        values!(sql; engagements[c.engagement], c.goal, c.how.clone());
    })
    .await?;
    Ok(())
}
