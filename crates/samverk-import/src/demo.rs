//! The demo data set: the facts of the source documents (`data/demo/demo.toml`), loaded into an
//! empty database in one transaction through the same validation as every form.

use std::collections::HashMap;

use samverk_domain::decision::DecisionDraft;
use samverk_domain::engagement::{ContributionDraft, EngagementDraft, ParticipantDraft};
use samverk_domain::organisation::{OrganisationDraft, SuccessionDraft};
use samverk_domain::plan::{FocusAreaDraft, GoalDraft, MeasureDraft, PlanDraft};
use samverk_store::{Conn, Store, StoreError, decision, engagement, organisation, plan};
use serde::Deserialize;
use toml::value::Datetime;

use crate::ImportError;

const FILE: &str = "demo.toml";
const DEMO: &str = include_str!("../../../data/demo/demo.toml");

#[derive(Deserialize)]
struct DemoFile {
    #[serde(default)]
    organisation: Vec<OrganisationDef>,
    #[serde(default)]
    decision: Vec<DecisionDef>,
    #[serde(default)]
    plan: Vec<PlanDef>,
    #[serde(default)]
    engagement: Vec<EngagementDef>,
}

#[derive(Deserialize)]
struct OrganisationDef {
    key: String,
    name: String,
    name_nb: Option<String>,
    name_sv: Option<String>,
    name_en: Option<String>,
    kind: String,
    country: String,
    org_number: Option<String>,
    region_code: Option<String>,
    scb_code: Option<String>,
    nuts_code: Option<String>,
    valid_from: Option<Datetime>,
    valid_to: Option<Datetime>,
    #[serde(default)]
    predecessors: Vec<PredecessorDef>,
}

#[derive(Deserialize)]
struct PredecessorDef {
    key: String,
    date: Datetime,
}

#[derive(Deserialize)]
struct DecisionDef {
    key: String,
    owner: String,
    body: String,
    case_number: Option<String>,
    date: Datetime,
    date_precision: Option<String>,
    title: String,
    url: Option<String>,
}

#[derive(Deserialize)]
struct PlanDef {
    key: String,
    owner: String,
    title: String,
    kind: String,
    status: String,
    period_start: Option<Datetime>,
    period_end: Option<Datetime>,
    decision: Option<String>,
    description: Option<String>,
    #[serde(default)]
    focus_area: Vec<FocusAreaDef>,
    #[serde(default)]
    goal: Vec<GoalDef>,
    #[serde(default)]
    principle: Vec<TitleDef>,
}

#[derive(Deserialize)]
struct FocusAreaDef {
    title: String,
    description: Option<String>,
    #[serde(default)]
    goal: Vec<GoalDef>,
    #[serde(default)]
    measure: Vec<TitleDef>,
}

#[derive(Deserialize)]
struct GoalDef {
    key: String,
    title: Option<String>,
    beneficiary: Option<String>,
    #[serde(default)]
    sdg: Vec<String>,
    #[serde(default)]
    sub_goal: Vec<GoalDef>,
}

#[derive(Deserialize)]
struct TitleDef {
    title: String,
}

#[derive(Deserialize)]
struct EngagementDef {
    key: String,
    owner: String,
    kind: String,
    title: String,
    description: Option<String>,
    status: String,
    start: Option<Datetime>,
    end: Option<Datetime>,
    parent: Option<String>,
    decision: Option<String>,
    #[serde(default)]
    participants: Vec<ParticipantDef>,
    #[serde(default)]
    contributions: Vec<ContributionDef>,
}

#[derive(Deserialize)]
struct ParticipantDef {
    org: String,
    role: String,
    start: Option<Datetime>,
    end: Option<Datetime>,
}

#[derive(Deserialize)]
struct ContributionDef {
    goal: String,
    how: String,
}

/// What the demo load wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub organisations: usize,
    pub decisions: usize,
    pub plans: usize,
    pub goals: usize,
    pub engagements: usize,
}

fn date(value: Option<&Datetime>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

fn text(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

/// Keys of one kind of record, resolved to ids as they are written.
struct Keys {
    what: &'static str,
    ids: HashMap<String, i64>,
}

impl Keys {
    fn new(what: &'static str) -> Self {
        Self { what, ids: HashMap::new() }
    }

    fn get(&self, key: &str) -> Result<i64, ImportError> {
        self.ids.get(key).copied().ok_or_else(|| ImportError::Invalid {
            file: FILE.to_owned(),
            what: self.what,
            key: key.to_owned(),
            problem: "is not defined".to_owned(),
        })
    }

    fn opt(&self, key: Option<&String>) -> Result<Option<i64>, ImportError> {
        key.map(|k| self.get(k)).transpose()
    }
}

/// Names the record in a store error.
fn context(what: &'static str, key: &str) -> impl FnOnce(StoreError) -> ImportError {
    let key = key.to_owned();
    move |error| match error {
        StoreError::Invalid(errors) => ImportError::Invalid { file: FILE.to_owned(), what, key, problem: errors.to_string() },
        other => ImportError::Store(other),
    }
}

/// Parses the shipped demo file.
///
/// # Errors
/// A parse error naming the line.
fn parse() -> Result<DemoFile, ImportError> {
    toml::from_str(DEMO).map_err(|e| {
        let line = e.span().map_or(0, |s| DEMO[..s.start].lines().count());
        ImportError::Parse { file: FILE.to_owned(), line: u64::try_from(line).unwrap_or(0), message: e.message().to_owned() }
    })
}

/// Whether the database holds anything beyond the shipped registers and imported data sets.
///
/// # Errors
/// The database error.
pub async fn has_user_data(store: &Store) -> Result<bool, StoreError> {
    let mut h = store.handle().await?;
    let sql = samverk_store::Sql::new(
        "SELECT (SELECT COUNT(*) FROM organisations WHERE source IS NULL) + (SELECT COUNT(*) FROM plans) \
         + (SELECT COUNT(*) FROM decisions) + (SELECT COUNT(*) FROM engagements WHERE source IS NULL)",
    );
    Ok(h.conn().scalar::<i64>(&sql).await? > 0)
}

/// The registry's body for a demo organisation with a county, municipality or SCB number, so
/// the demo links to the register instead of typing the same authority twice.
async fn registry_body(conn: &mut Conn<'_>, o: &OrganisationDef) -> Result<Option<i64>, ImportError> {
    let (scheme, code) = match (&o.region_code, &o.scb_code) {
        (Some(c), _) if c.len() == 2 => ("fylkesnummer", c),
        (Some(c), _) => ("kommunenummer", c),
        (None, Some(c)) => ("scb", c),
        (None, None) => return Ok(None),
    };
    Ok(samverk_store::registry::organisation_by_code(conn, scheme, code).await?)
}

/// Loads the demo data into an empty database, in one transaction.
///
/// # Errors
/// `Invalid` when the database already holds organisations (nothing is written), or the first
/// record the domain refuses, naming it.
pub async fn load(store: &Store) -> Result<DemoSummary, ImportError> {
    crate::sdg::ensure_loaded(store).await?;
    crate::registry::ensure_loaded(store).await?;
    let demo = parse()?;
    if has_user_data(store).await? {
        return Err(ImportError::Invalid {
            file: FILE.to_owned(),
            what: "database",
            key: "samverk".to_owned(),
            problem: "already holds data; the demo loads only into an empty database".to_owned(),
        });
    }
    let mut tx = store.begin().await?;
    let mut conn = tx.conn();
    let mut summary = DemoSummary::default();
    let orgs = load_organisations(&mut conn, &demo.organisation).await?;
    summary.organisations = demo.organisation.len();
    let decisions = load_decisions(&mut conn, &demo.decision, &orgs).await?;
    summary.decisions = demo.decision.len();
    let mut goals = Keys::new("goal");
    for p in &demo.plan {
        load_plan(&mut conn, p, &orgs, &decisions, &mut goals).await?;
    }
    summary.plans = demo.plan.len();
    summary.goals = goals.ids.len();
    load_engagements(&mut conn, &demo.engagement, &orgs, &decisions, &goals).await?;
    summary.engagements = demo.engagement.len();
    crate::demo_followup::load(&mut conn).await?;
    crate::demo_news::load(&mut conn, time::OffsetDateTime::now_utc()).await?;
    summary.engagements += crate::demo_euproj::load(&mut conn, &orgs.ids, &goals.ids).await?;
    samverk_store::public::publish_all(&mut conn).await?;
    tx.commit().await?;
    Ok(summary)
}

async fn load_organisations(conn: &mut Conn<'_>, defs: &[OrganisationDef]) -> Result<Keys, ImportError> {
    let mut keys = Keys::new("organisation");
    for o in defs {
        let draft = OrganisationDraft {
            name: o.name.clone(),
            name_nb: text(o.name_nb.as_ref()),
            name_sv: text(o.name_sv.as_ref()),
            name_en: text(o.name_en.as_ref()),
            kind: o.kind.clone(),
            country: o.country.clone(),
            org_number: text(o.org_number.as_ref()),
            region_code: text(o.region_code.as_ref()),
            scb_code: text(o.scb_code.as_ref()),
            nuts_code: text(o.nuts_code.as_ref()),
            valid_from: date(o.valid_from.as_ref()),
            valid_to: date(o.valid_to.as_ref()),
        };
        let new = draft.validate().map_err(StoreError::Invalid).map_err(context("organisation", &o.key))?;
        let id = match registry_body(conn, o).await? {
            Some(id) => {
                samverk_store::registry::fill_blanks(conn, id, &new).await?;
                id
            }
            None => organisation::create(conn, &draft).await.map_err(context("organisation", &o.key))?,
        };
        keys.ids.insert(o.key.clone(), id);
    }
    for o in defs {
        let successor = keys.get(&o.key)?;
        for p in &o.predecessors {
            let predecessor = keys.get(&p.key)?;
            let exists = samverk_store::Sql::new("SELECT COUNT(*) FROM successions WHERE predecessor_id = ? AND successor_id = ?")
                .arg(predecessor)
                .arg(successor);
            if conn.scalar::<i64>(&exists).await.map_err(StoreError::from)? > 0 {
                continue; // the registry has the split already
            }
            let draft = SuccessionDraft { predecessor_id: Some(predecessor), date: p.date.to_string() };
            organisation::add_succession(conn, successor, &draft).await.map_err(context("organisation", &o.key))?;
        }
    }
    Ok(keys)
}

async fn load_decisions(conn: &mut Conn<'_>, defs: &[DecisionDef], orgs: &Keys) -> Result<Keys, ImportError> {
    let mut keys = Keys::new("decision");
    for d in defs {
        let draft = DecisionDraft {
            owner_id: Some(orgs.get(&d.owner)?),
            body: d.body.clone(),
            case_number: text(d.case_number.as_ref()),
            date: d.date.to_string(),
            date_precision: text(d.date_precision.as_ref()),
            title: d.title.clone(),
            url: text(d.url.as_ref()),
        };
        let id = decision::create(conn, &draft).await.map_err(context("decision", &d.key))?;
        keys.ids.insert(d.key.clone(), id);
    }
    Ok(keys)
}

async fn load_plan(conn: &mut Conn<'_>, p: &PlanDef, orgs: &Keys, decisions: &Keys, goals: &mut Keys) -> Result<(), ImportError> {
    let draft = PlanDraft {
        owner_id: Some(orgs.get(&p.owner)?),
        title: p.title.clone(),
        kind: p.kind.clone(),
        status: p.status.clone(),
        period_start: date(p.period_start.as_ref()),
        period_end: date(p.period_end.as_ref()),
        decision_id: decisions.opt(p.decision.as_ref())?,
        description: text(p.description.as_ref()),
        // Set with the engagements' once everything is loaded (`public::publish_all`).
        language: String::new(),
    };
    let plan_id = plan::create_plan(conn, &draft).await.map_err(context("plan", &p.key))?;
    for principle in &p.principle {
        plan::add_principle(conn, plan_id, &principle.title).await.map_err(context("plan", &p.key))?;
    }
    for area in &p.focus_area {
        let draft = FocusAreaDraft { plan_id: Some(plan_id), title: area.title.clone(), description: text(area.description.as_ref()) };
        let area_id = plan::create_focus_area(conn, &draft).await.map_err(context("plan", &p.key))?;
        for g in &area.goal {
            load_goal(conn, g, plan_id, Some(area_id), None, goals).await?;
        }
        for m in &area.measure {
            let draft = MeasureDraft { plan_id: Some(plan_id), focus_area_id: Some(area_id), title: m.title.clone(), ..Default::default() };
            plan::create_measure(conn, &draft).await.map_err(context("plan", &p.key))?;
        }
    }
    for g in &p.goal {
        load_goal(conn, g, plan_id, None, None, goals).await?;
    }
    Ok(())
}

async fn load_goal(
    conn: &mut Conn<'_>,
    g: &GoalDef,
    plan_id: i64,
    focus_area_id: Option<i64>,
    parent_id: Option<i64>,
    goals: &mut Keys,
) -> Result<(), ImportError> {
    let draft = GoalDraft {
        plan_id: Some(plan_id),
        focus_area_id,
        parent_id,
        title: text(g.title.as_ref()),
        beneficiary: text(g.beneficiary.as_ref()),
        sdgs: g.sdg.join(", "),
        ..Default::default()
    };
    let id = plan::create_goal(conn, &draft).await.map_err(context("goal", &g.key))?;
    goals.ids.insert(g.key.clone(), id);
    for sub in &g.sub_goal {
        Box::pin(load_goal(conn, sub, plan_id, focus_area_id, Some(id), goals)).await?;
    }
    Ok(())
}

async fn load_engagements(
    conn: &mut Conn<'_>,
    defs: &[EngagementDef],
    orgs: &Keys,
    decisions: &Keys,
    goals: &Keys,
) -> Result<(), ImportError> {
    let mut keys = Keys::new("engagement");
    // Parents before children, whatever the order in the file.
    let mut pending: Vec<&EngagementDef> = defs.iter().collect();
    while !pending.is_empty() {
        let (ready, waiting): (Vec<_>, Vec<_>) =
            pending.into_iter().partition(|e| e.parent.as_ref().is_none_or(|p| keys.ids.contains_key(p)));
        if ready.is_empty() {
            let stuck = waiting.first().map(|e| e.key.clone()).unwrap_or_default();
            return Err(ImportError::Invalid {
                file: FILE.to_owned(),
                what: "engagement",
                key: stuck,
                problem: "has an unknown parent".into(),
            });
        }
        for e in ready {
            let id = load_engagement(conn, e, orgs, decisions, goals, &keys).await?;
            keys.ids.insert(e.key.clone(), id);
        }
        pending = waiting;
    }
    Ok(())
}

async fn load_engagement(
    conn: &mut Conn<'_>,
    e: &EngagementDef,
    orgs: &Keys,
    decisions: &Keys,
    goals: &Keys,
    engagements: &Keys,
) -> Result<i64, ImportError> {
    let draft = EngagementDraft {
        owner_id: Some(orgs.get(&e.owner)?),
        kind: e.kind.clone(),
        title: e.title.clone(),
        description: text(e.description.as_ref()),
        status: e.status.clone(),
        start: date(e.start.as_ref()),
        end: date(e.end.as_ref()),
        parent_id: engagements.opt(e.parent.as_ref())?,
        decision_id: decisions.opt(e.decision.as_ref())?,
    };
    let contributions = e
        .contributions
        .iter()
        .map(|c| Ok(ContributionDraft { goal_id: Some(goals.get(&c.goal)?), how: c.how.clone() }))
        .collect::<Result<Vec<_>, ImportError>>()?;
    let id = engagement::create(conn, &draft, &contributions).await.map_err(context("engagement", &e.key))?;
    for p in &e.participants {
        let draft = ParticipantDraft {
            organisation_id: Some(orgs.get(&p.org)?),
            role: p.role.clone(),
            start: date(p.start.as_ref()),
            end: date(p.end.as_ref()),
        };
        engagement::save_participant(conn, id, None, None, &draft).await.map_err(context("engagement", &e.key))?;
    }
    Ok(id)
}
