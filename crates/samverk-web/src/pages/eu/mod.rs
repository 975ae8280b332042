//! EU projects: the list with budget sums per programme, year and department, each project's
//! budget and lessons, the forms behind them, and the lessons not yet spread.

mod forms;
mod lessons;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use samverk_domain::engagement::EngagementKind;
use samverk_domain::eu::{Programme, ProjectRole};
use samverk_store::engagement::Engagement;
use samverk_store::eu::{Amounts, BudgetSums, EuProjectPage, EuProjectSummary, SumRow};
use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/eu-projects", get(list))
        .route("/engagements/{id}/eu", get(show).post(forms::save_details))
        .route("/engagements/{id}/eu/edit", get(forms::edit_details))
        .route("/engagements/{id}/eu/budget", post(forms::create_line))
        .route("/engagements/{id}/eu/budget/new", get(forms::new_line))
        .route("/engagements/{id}/eu/budget/{line}", get(forms::edit_line).post(forms::update_line))
        .route("/engagements/{id}/eu/budget/{line}/delete", post(forms::delete_line))
        .route("/engagements/{id}/eu/lessons", post(forms::create_lesson))
        .route("/engagements/{id}/eu/lessons/new", get(forms::new_lesson))
        .route("/lessons", get(lessons::list))
        .route("/lessons/{id}", get(lessons::show))
        .route("/lessons/{id}/read", post(lessons::mark_read))
}

/// Whole euros with a no-break space between thousands: "1 200 000".
#[must_use]
pub fn money(amount: i64) -> String {
    samverk_report::amount(amount)
}

/// A rate in hundredths of a percent, as "62.5 %".
#[must_use]
pub fn percent(rate: i64) -> String {
    samverk_report::percent(rate)
}

/// The label of a stored programme code; unknown or missing codes show as "not set".
pub(crate) fn programme_label(i: &I18n, code: Option<&str>) -> String {
    code.and_then(Programme::from_code).map_or_else(|| i.t("not-set"), |p| i.t(&format!("programme-{}", p.code())))
}

pub(crate) fn project_role_label(i: &I18n, code: Option<&str>) -> String {
    code.and_then(ProjectRole::from_code).map_or_else(|| i.t("not-set"), |r| i.t(&format!("project-role-{}", r.code())))
}

/// A row of a sums table, ready to show.
struct SumLine {
    label: String,
    projects: i64,
    total: String,
    eu_grant: String,
    national: String,
    own: String,
    rate: String,
}

impl SumLine {
    fn of(label: String, projects: i64, a: Amounts) -> Self {
        Self {
            label,
            projects,
            total: money(a.total),
            eu_grant: money(a.eu_grant),
            national: money(a.national_cofinancing),
            own: money(a.own_contribution),
            rate: percent(a.rate()),
        }
    }

    fn row(label: String, r: &SumRow) -> Self {
        let a = Amounts {
            total: r.total,
            eu_grant: r.eu_grant,
            national_cofinancing: r.national_cofinancing,
            own_contribution: r.own_contribution,
        };
        Self::of(label, r.projects, a)
    }
}

/// One sums table: a caption, the heading of its first column, and its rows.
struct SumTable {
    id: &'static str,
    caption: String,
    key: String,
    rows: Vec<SumLine>,
}

fn sum_tables(i: &I18n, sums: &BudgetSums) -> Vec<SumTable> {
    let not_set = i.t("not-set");
    vec![
        SumTable {
            id: "by-programme",
            caption: i.t("eu-sums-by-programme"),
            key: i.t("field-programme"),
            rows: sums.by_programme.iter().map(|r| SumLine::row(programme_label(i, r.key.as_deref()), r)).collect(),
        },
        SumTable {
            id: "by-year",
            caption: i.t("eu-sums-by-year"),
            key: i.t("field-year"),
            rows: sums.by_year.iter().map(|r| SumLine::row(r.key.clone().unwrap_or_else(|| not_set.clone()), r)).collect(),
        },
        SumTable {
            id: "by-department",
            caption: i.t("eu-sums-by-department"),
            key: i.t("field-lead_department"),
            rows: sums.by_department.iter().map(|r| SumLine::row(r.key.clone().unwrap_or_else(|| not_set.clone()), r)).collect(),
        },
    ]
}

/// A project in the list, ready to show.
struct ProjectRow {
    id: i64,
    title: String,
    programme: String,
    strand: String,
    role: String,
    department: String,
    period: String,
    status: String,
    total: String,
    eu_grant: String,
}

impl ProjectRow {
    fn of(i: &I18n, p: EuProjectSummary) -> Self {
        Self {
            id: p.engagement_id,
            programme: programme_label(i, p.programme.as_deref()),
            strand: p.strand.unwrap_or_default(),
            role: project_role_label(i, p.role.as_deref()),
            department: p.department.unwrap_or_default(),
            period: i.period(&p.start_date, &p.end_date),
            status: i.engagement_status(&p.status),
            total: money(p.total),
            eu_grant: money(p.eu_grant),
            title: p.title,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    owner_id: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/list.html")]
struct ListPage {
    i: I18n,
    projects: Vec<ProjectRow>,
    tables: Vec<SumTable>,
    total: SumLine,
}

async fn list(i: I18n, State(state): State<AppState>, Query(q): Query<ListQuery>) -> Result<ListPage, AppError> {
    // An owner id that is not a number filters nothing rather than failing the page.
    let owner = q.owner_id.trim().parse::<i64>().ok();
    let projects = state.store.eu_projects(owner).await?;
    let sums = state.store.eu_budget_sums(owner).await?;
    let count = i64::try_from(projects.len()).unwrap_or(i64::MAX);
    Ok(ListPage {
        tables: sum_tables(&i, &sums),
        total: SumLine::of(i.t("eu-sums-total"), count, sums.total),
        projects: projects.into_iter().map(|p| ProjectRow::of(&i, p)).collect(),
        i,
    })
}

/// A budget line, ready to show.
struct LineRow {
    id: i64,
    year: i64,
    partner: String,
    total: String,
    eu_grant: String,
    national: String,
    own: String,
    rate: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "eu/show.html")]
struct ShowPage {
    i: I18n,
    e: Engagement,
    page: EuProjectPage,
    programme: String,
    role: String,
    lines: Vec<LineRow>,
    total: SumLine,
}

/// The engagement behind an EU-project page; any other kind has no such page.
pub(super) async fn eu_engagement(state: &AppState, id: &str) -> Result<Engagement, AppError> {
    let id = path_id(id)?;
    let e = state.store.engagement(id).await?.ok_or(AppError::NotFound)?;
    if e.kind == EngagementKind::EuProject { Ok(e) } else { Err(AppError::NotFound) }
}

async fn show(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<ShowPage, AppError> {
    let e = eu_engagement(&state, &id).await?;
    let page = state.store.eu_project_page(e.id).await?;
    let lines = page
        .lines
        .iter()
        .map(|l| LineRow {
            id: l.id,
            year: l.year,
            partner: l.organisation_name.clone(),
            total: money(l.total),
            eu_grant: money(l.eu_grant),
            national: money(l.national_cofinancing),
            own: money(l.own_contribution),
            rate: percent(l.cofinancing_rate),
        })
        .collect();
    Ok(ShowPage {
        programme: programme_label(&i, page.project.as_ref().map(|p| p.programme.code())),
        role: project_role_label(&i, page.project.as_ref().map(|p| p.role.code())),
        total: SumLine::of(i.t("eu-sums-total"), 1, page.total),
        lines,
        e,
        page,
        i,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_groups_thousands() {
        assert_eq!(super::money(1_200_000), "1\u{a0}200\u{a0}000");
        assert_eq!(super::money(999), "999");
        assert_eq!(super::money(-1000), "-1\u{a0}000");
        assert_eq!(super::percent(6250), "62.5\u{a0}%");
    }
}
