//! A plan's follow-up page (goal fulfilment with the rule stated, rolled up to focus areas and
//! the plan, with the engagement evidence) and its goals × engagements heat map.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use samverk_domain::indicator::{AT_RISK_TOLERANCE, ON_TRACK_TOLERANCE};
use samverk_store::followup::{GoalStatus, Heatmap, PlanFollowup};

use super::chart::number;
use super::{status_label, today};
use crate::i18n::I18n;
use crate::pages::organisations::path_id;
use crate::{AppError, AppState};

/// A goal row: the goal, its status, its indicators and evidence; sub-goals indented.
pub(super) struct GoalRow {
    id: i64,
    title: String,
    sub: bool,
    status: String,
    status_code: &'static str,
    indicators: Vec<IndicatorItem>,
    evidence: String,
}

pub(super) struct IndicatorItem {
    id: i64,
    title: String,
    status: String,
    status_code: &'static str,
    latest: String,
}

/// A section: a focus area (or the goals outside any) with its rolled-up status.
pub(super) struct Section {
    id: Option<i64>,
    title: String,
    caption: String,
    status: String,
    status_code: &'static str,
    goals: Vec<GoalRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/plan.html")]
pub(super) struct FollowupPage {
    i: I18n,
    plan_id: i64,
    title: String,
    status: String,
    status_code: &'static str,
    counts: String,
    since: String,
    rule: String,
    sections: Vec<Section>,
}

fn goal_row(i: &I18n, g: &GoalStatus, sub: bool) -> GoalRow {
    GoalRow {
        id: g.goal.id,
        title: g.goal.title.clone().unwrap_or_else(|| i.t("followup-untitled-goal")),
        sub,
        status: status_label(i, g.status),
        status_code: g.status.code(),
        indicators: g
            .indicators
            .iter()
            .map(|s| IndicatorItem {
                id: s.indicator.id,
                title: s.indicator.title.clone(),
                status: status_label(i, s.status),
                status_code: s.status.code(),
                latest: s.latest.map(|(y, v)| format!("{y}: {} {}", number(v), s.indicator.unit)).unwrap_or_default(),
            })
            .collect(),
        evidence: i.ta("followup-evidence", &[("engagements", g.engagements.into()), ("reported", g.reported.into())]),
    }
}

fn rows(i: &I18n, f: &PlanFollowup, area: Option<i64>) -> Vec<GoalRow> {
    let mut out = Vec::new();
    for g in f.main_goals(area) {
        out.push(goal_row(i, g, false));
        out.extend(f.sub_goals(g.goal.id).map(|s| goal_row(i, s, true)));
    }
    out
}

pub(super) async fn followup(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<FollowupPage, AppError> {
    let id = path_id(&id)?;
    let f = state.store.plan_followup(id, today()).await?.ok_or(AppError::NotFound)?;
    let mut sections: Vec<Section> = f
        .areas
        .iter()
        .map(|a| Section {
            id: Some(a.area.id),
            title: a.area.title.clone(),
            caption: i.t1("followup-goals-of", "area", &a.area.title),
            status: status_label(&i, a.status),
            status_code: a.status.code(),
            goals: rows(&i, &f, Some(a.area.id)),
        })
        .collect();
    let loose = rows(&i, &f, None);
    if !loose.is_empty() {
        let status = samverk_domain::indicator::roll_up(f.main_goals(None).map(|g| g.status));
        let title = i.t("followup-goals-outside-areas");
        sections.push(Section {
            id: None,
            caption: title.clone(),
            title,
            status: status_label(&i, status),
            status_code: status.code(),
            goals: loose,
        });
    }
    let [on, risk, off, none] = f.counts().map(|n| i64::try_from(n).unwrap_or_default());
    Ok(FollowupPage {
        plan_id: id,
        title: f.plan.title.clone(),
        status: status_label(&i, f.status),
        status_code: f.status.code(),
        counts: i.ta("followup-counts", &[("on", on.into()), ("risk", risk.into()), ("off", off.into()), ("none", none.into())]),
        since: samverk_domain::input::format_date(f.since),
        rule: i.ta(
            "followup-rule",
            &[("on", format!("{:.0}", ON_TRACK_TOLERANCE * 100.0).into()), ("risk", format!("{:.0}", AT_RISK_TOLERANCE * 100.0).into())],
        ),
        sections,
        i,
    })
}

/// A column of the heat map.
pub(super) struct Column {
    id: i64,
    title: String,
    count: usize,
}

/// A row of the heat map: one cell per column, in words.
pub(super) struct MapRow {
    id: i64,
    title: String,
    cells: Vec<(&'static str, String)>,
}

pub(super) struct Listed {
    id: i64,
    title: String,
    note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "followup/heatmap.html")]
pub(super) struct HeatmapPage {
    i: I18n,
    plan_id: i64,
    title: String,
    columns: Vec<Column>,
    rows: Vec<MapRow>,
    without_goals: Vec<Listed>,
    goals_without: Vec<Listed>,
}

pub(super) async fn heatmap(i: I18n, State(state): State<AppState>, Path(id): Path<String>) -> Result<HeatmapPage, AppError> {
    let id = path_id(&id)?;
    let h: Heatmap = state.store.heatmap(id).await?.ok_or(AppError::NotFound)?;
    let untitled = i.t("followup-untitled-goal");
    let area_title = |area: Option<i64>| h.areas.iter().find(|a| Some(a.id) == area).map(|a| a.title.clone()).unwrap_or_default();
    let columns = h
        .goals
        .iter()
        .map(|g| Column { id: g.id, title: g.title.clone().unwrap_or_else(|| untitled.clone()), count: h.column_count(g.id) })
        .collect();
    let rows = h
        .rows
        .iter()
        .map(|e| MapRow {
            id: e.id,
            title: e.title.clone(),
            cells: h
                .goals
                .iter()
                .map(|g| {
                    let kind = h.cell(e.id, g.id);
                    (kind, if kind.is_empty() { String::new() } else { i.t(&format!("followup-cell-{kind}")) })
                })
                .collect(),
        })
        .collect();
    let without_goals = h
        .without_goals
        .iter()
        .map(|e| Listed {
            id: e.id,
            title: e.title.clone(),
            note: format!("{}, {}", i.engagement_kind(&e.kind), i.engagement_status(&e.status)),
        })
        .collect();
    let goals_without = h
        .goals_without
        .iter()
        .map(|g| Listed { id: g.id, title: g.title.clone().unwrap_or_else(|| untitled.clone()), note: area_title(g.focus_area_id) })
        .collect();
    Ok(HeatmapPage { plan_id: id, title: h.plan.title.clone(), columns, rows, without_goals, goals_without, i })
}
