//! The demo's EU projects (`data/demo/euproj.toml`): each an engagement of kind EU project with
//! its programme, budget lines and lessons, written through the same validated store functions
//! as the forms, inside the demo's transaction.

use std::collections::HashMap;

use samverk_domain::engagement::{ContributionDraft, EngagementDraft};
use samverk_domain::eu::{BudgetLineDraft, EuProjectDraft, LessonDraft, ReadingDraft};
use samverk_domain::input::required_date;
use samverk_store::{Conn, StoreError, engagement, eu};
use serde::Deserialize;

use crate::ImportError;

const FILE: &str = "euproj.toml";
const DATA: &str = include_str!("../../../data/demo/euproj.toml");

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    project: Vec<ProjectDef>,
}

#[derive(Deserialize)]
struct ProjectDef {
    key: String,
    owner: String,
    title: String,
    description: String,
    status: String,
    start: String,
    end: String,
    programme: String,
    strand: String,
    call: String,
    role: String,
    department: String,
    #[serde(default)]
    goals: Vec<GoalDef>,
    #[serde(default)]
    budget: Vec<LineDef>,
    #[serde(default)]
    lesson: Vec<LessonDef>,
}

#[derive(Deserialize)]
struct GoalDef {
    goal: String,
    how: String,
}

#[derive(Deserialize)]
struct LineDef {
    year: i32,
    org: String,
    total: i64,
    eu_grant: i64,
    national: i64,
    own: i64,
}

#[derive(Deserialize)]
struct LessonDef {
    title: String,
    text: String,
    #[serde(default)]
    departments: Vec<String>,
    #[serde(default)]
    goals: Vec<String>,
    #[serde(default)]
    readers: Vec<ReaderDef>,
}

#[derive(Deserialize)]
struct ReaderDef {
    name: String,
    department: String,
    date: String,
}

fn invalid(what: &'static str, key: &str, problem: String) -> ImportError {
    ImportError::Invalid { file: FILE.to_owned(), what, key: key.to_owned(), problem }
}

fn id(ids: &HashMap<String, i64>, what: &'static str, key: &str) -> Result<i64, ImportError> {
    ids.get(key).copied().ok_or_else(|| invalid(what, key, "is not defined".to_owned()))
}

fn context(key: &str) -> impl FnOnce(StoreError) -> ImportError {
    let key = key.to_owned();
    move |error| match error {
        StoreError::Invalid(errors) => invalid("EU project", &key, errors.to_string()),
        other => ImportError::Store(other),
    }
}

/// Loads the EU projects; `orgs` and `goals` map the demo's keys to the ids already written.
///
/// # Errors
/// A parse error, an unknown key, or a record the store refuses (named by its key).
pub(crate) async fn load(conn: &mut Conn<'_>, orgs: &HashMap<String, i64>, goals: &HashMap<String, i64>) -> Result<usize, ImportError> {
    let file: File = toml::from_str(DATA).map_err(|e| ImportError::Parse { file: FILE.to_owned(), line: 0, message: e.to_string() })?;
    for p in &file.project {
        // An ended project is written active, given its lessons, then ended: the closing rule
        // holds for the demo as for everyone.
        let ended = p.status == "ended";
        let draft = EngagementDraft {
            owner_id: Some(id(orgs, "organisation", &p.owner)?),
            kind: "eu_project".to_owned(),
            title: p.title.clone(),
            description: p.description.clone(),
            status: if ended { "active".to_owned() } else { p.status.clone() },
            start: p.start.clone(),
            end: p.end.clone(),
            ..EngagementDraft::default()
        };
        let contributions = p
            .goals
            .iter()
            .map(|g| Ok(ContributionDraft { goal_id: Some(id(goals, "goal", &g.goal)?), how: g.how.clone() }))
            .collect::<Result<Vec<_>, ImportError>>()?;
        let eid = engagement::create(conn, &draft, &contributions).await.map_err(context(&p.key))?;
        let details = EuProjectDraft {
            programme: p.programme.clone(),
            strand: p.strand.clone(),
            funding_call: p.call.clone(),
            project_role: p.role.clone(),
            lead_department: p.department.clone(),
        };
        eu::save_project(conn, eid, None, &details).await.map_err(context(&p.key))?;
        for l in &p.budget {
            let line = BudgetLineDraft {
                year: l.year.to_string(),
                organisation_id: Some(id(orgs, "organisation", &l.org)?),
                total: l.total.to_string(),
                eu_grant: l.eu_grant.to_string(),
                national_cofinancing: l.national.to_string(),
                own_contribution: l.own.to_string(),
                cofinancing_rate: String::new(),
            };
            eu::save_budget_line(conn, eid, None, None, &line).await.map_err(context(&p.key))?;
        }
        for l in &p.lesson {
            let lesson = LessonDraft {
                title: l.title.clone(),
                lesson_text: l.text.clone(),
                addressed_departments: l.departments.join("\n"),
                addressed_goals: l.goals.iter().map(|g| id(goals, "goal", g)).collect::<Result<_, _>>()?,
            };
            // A lesson is written when the project ends.
            let written = required_date(&p.end).map_err(|e| invalid("EU project", &p.key, e.to_string()))?;
            let lid = eu::add_lesson(conn, eid, &lesson, written).await.map_err(context(&p.key))?;
            for r in &l.readers {
                let reading =
                    ReadingDraft { reader_name: r.name.clone(), reader_department: r.department.clone(), read_on: r.date.clone() };
                eu::mark_read(conn, lid, &reading).await.map_err(context(&p.key))?;
            }
        }
        if ended {
            eu::end_project(conn, eid).await.map_err(context(&p.key))?;
        }
    }
    Ok(file.project.len())
}
