//! The follow-up demo data (`data/demo/followup.toml`): representatives, mandates with their
//! reports back, and indicators with measurements, written through the same validated store
//! functions as the forms, inside the demo loader's transaction.

use std::collections::HashMap;

use samverk_domain::indicator::{IndicatorDraft, MeasurementDraft};
use samverk_domain::mandate::{MandateDraft, PersonDraft, ReportDraft};
use samverk_store::mandate::lookup;
use samverk_store::{Conn, StoreError, indicator, mandate};
use serde::Deserialize;
use toml::value::Datetime;

use crate::ImportError;

const FILE: &str = "followup.toml";
const DATA: &str = include_str!("../../../data/demo/followup.toml");

#[derive(Deserialize)]
struct FollowupFile {
    #[serde(default)]
    person: Vec<PersonDef>,
    #[serde(default)]
    mandate: Vec<MandateDef>,
    #[serde(default)]
    indicator: Vec<IndicatorDef>,
}

#[derive(Deserialize)]
struct PersonDef {
    key: String,
    owner: String,
    name: String,
    title: Option<String>,
    department: Option<String>,
    email: Option<String>,
}

#[derive(Deserialize)]
struct MandateDef {
    key: String,
    engagement: String,
    person: Option<String>,
    role: String,
    body: String,
    case_number: Option<String>,
    decision_date: Option<Datetime>,
    start: Datetime,
    end: Option<Datetime>,
    instructions: Option<String>,
    report_to: String,
    frequency: String,
    #[serde(default)]
    report: Vec<ReportDef>,
}

#[derive(Deserialize)]
struct ReportDef {
    date: Datetime,
    meetings: Option<String>,
    text: String,
    #[serde(default)]
    goals: Vec<String>,
}

#[derive(Deserialize)]
struct IndicatorDef {
    plan: String,
    goal: String,
    sdg_code: Option<String>,
    title: String,
    unit: String,
    baseline_value: f64,
    baseline_year: i32,
    target_value: f64,
    target_year: i32,
    direction: String,
    #[serde(default)]
    measurements: Vec<MeasurementDef>,
}

#[derive(Deserialize)]
struct MeasurementDef {
    year: i32,
    value: f64,
    source: String,
}

/// What the follow-up demo holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FollowupSummary {
    pub people: usize,
    pub mandates: usize,
    pub reports: usize,
    pub indicators: usize,
}

fn invalid(what: &'static str, key: &str, problem: impl Into<String>) -> ImportError {
    ImportError::Invalid { file: FILE.to_owned(), what, key: key.to_owned(), problem: problem.into() }
}

/// Names the record in a store error.
fn context(what: &'static str, key: &str) -> impl FnOnce(StoreError) -> ImportError {
    let key = key.to_owned();
    move |error| match error {
        StoreError::Invalid(errors) => ImportError::Invalid { file: FILE.to_owned(), what, key, problem: errors.to_string() },
        other => ImportError::Store(other),
    }
}

fn text(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

fn date(value: Option<&Datetime>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// Loads the follow-up demo after the main demo data, within the caller's transaction.
/// Reports are validated as of the day the file was written, so the demo loads the same
/// whatever day it is.
///
/// # Errors
/// A parse error, or the first record the domain refuses, naming it.
pub async fn load(conn: &mut Conn<'_>) -> Result<FollowupSummary, ImportError> {
    let file: FollowupFile = toml::from_str(DATA).map_err(|e| {
        let line = e.span().map_or(0, |s| DATA[..s.start].lines().count());
        ImportError::Parse { file: FILE.to_owned(), line: u64::try_from(line).unwrap_or(0), message: e.message().to_owned() }
    })?;
    let as_of = time::macros::date!(2026 - 11 - 23);
    let mut summary = FollowupSummary::default();
    let mut people = HashMap::new();
    for p in &file.person {
        let owner = lookup::organisation(conn, &p.owner).await?.ok_or_else(|| invalid("person", &p.key, "has an unknown owner"))?;
        let draft = PersonDraft {
            owner_id: Some(owner),
            name: p.name.clone(),
            title: text(p.title.as_ref()),
            department: text(p.department.as_ref()),
            email: text(p.email.as_ref()),
            // No demo person has consented to be named on the public pages.
            show_name: false,
        };
        people.insert(p.key.clone(), mandate::create_person(conn, &draft).await.map_err(context("person", &p.key))?);
        summary.people += 1;
    }
    for m in &file.mandate {
        let engagement =
            lookup::engagement(conn, &m.engagement).await?.ok_or_else(|| invalid("mandate", &m.key, "names an unknown engagement"))?;
        let person = match &m.person {
            Some(key) => Some(*people.get(key).ok_or_else(|| invalid("mandate", &m.key, "names an unknown person"))?),
            None => None,
        };
        let draft = MandateDraft {
            engagement_id: Some(engagement),
            person_id: person,
            role: m.role.clone(),
            body: m.body.clone(),
            case_number: text(m.case_number.as_ref()),
            decision_date: date(m.decision_date.as_ref()),
            start: m.start.to_string(),
            end: date(m.end.as_ref()),
            instructions: text(m.instructions.as_ref()),
            report_to: m.report_to.clone(),
            frequency: m.frequency.clone(),
            next_meeting: String::new(),
        };
        let id = mandate::create_mandate(conn, &draft).await.map_err(context("mandate", &m.key))?;
        summary.mandates += 1;
        let owner = lookup::engagement_owner(conn, engagement).await?.unwrap_or_default();
        for r in &m.report {
            let mut goal_ids = Vec::new();
            for g in &r.goals {
                goal_ids.push(
                    lookup::goal_of_owner(conn, owner, g)
                        .await?
                        .ok_or_else(|| invalid("mandate", &m.key, format!("reports on an unknown goal «{g}»")))?,
                );
            }
            let draft = ReportDraft { date: r.date.to_string(), meetings: text(r.meetings.as_ref()), text: r.text.clone(), goal_ids };
            mandate::create_report(conn, id, &draft, Vec::new(), as_of).await.map_err(context("report", &m.key))?;
            summary.reports += 1;
        }
    }
    for i in &file.indicator {
        let goal = lookup::goal(conn, &i.plan, &i.goal).await?.ok_or_else(|| invalid("indicator", &i.title, "names an unknown goal"))?;
        let draft = IndicatorDraft {
            sdg_code: text(i.sdg_code.as_ref()),
            title: i.title.clone(),
            unit: i.unit.clone(),
            baseline_value: i.baseline_value.to_string(),
            baseline_year: i.baseline_year.to_string(),
            target_value: i.target_value.to_string(),
            target_year: i.target_year.to_string(),
            direction: i.direction.clone(),
        };
        let id = indicator::create_indicator(conn, goal, &draft).await.map_err(context("indicator", &i.title))?;
        for m in &i.measurements {
            let draft = MeasurementDraft {
                year: m.year.to_string(),
                value: m.value.to_string(),
                source: m.source.clone(),
                measured_on: String::new(),
            };
            indicator::add_measurement(conn, id, &draft).await.map_err(context("measurement", &i.title))?;
        }
        summary.indicators += 1;
    }
    Ok(summary)
}
