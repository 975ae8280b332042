//! The follow-up report's sections, built from the store's data in the reader's language.
//!
//! One function per section; `report` calls them in order. The goals section carries, per
//! goal, the status, indicators and reports back built in [`super::evidence`].

use std::collections::HashMap;

use samverk_report::{Cell, Report, Section, Table};
use samverk_store::followup::GoalSummary;
use samverk_store::report::FollowUpData;

use super::evidence;
use crate::i18n::I18n;
use crate::pages::decisions::decision_date;
use crate::pages::eu::{programme_label, project_role_label};

/// The follow-up report of a plan for a year.
#[must_use]
pub fn report(i: &I18n, data: &FollowUpData) -> Report {
    let year = data.year.to_string();
    let mut r = Report::new(
        i.lang(),
        i.ta("report-title", &[("plan", data.plan.title.clone().into()), ("year", year.into())]),
        i.t1("report-subtitle", "owner", &data.plan.owner_name),
    );
    r.push(goals(i, data));
    r.push(eu_projects(i, data));
    r.push(decisions(i, data));
    r.push(gaps(i, data));
    r
}

fn goal_heading(i: &I18n, title: Option<&str>, sub: bool) -> String {
    let title = title.map_or_else(|| i.t("goal-wording-missing"), str::to_owned);
    i.t1(if sub { "report-sub-goal" } else { "report-main-goal" }, "title", &title)
}

/// Per focus area and goal: the status and indicators, the engagements contributing during
/// the year and how, and the representatives' reports back of the year.
fn goals(i: &I18n, data: &FollowUpData) -> Section {
    let mut s = Section::new("goals", i.t("report-goals"));
    s.paragraph(i.t("report-goals-intro"));
    let summary = &data.summary;
    evidence::plan_status(i, &mut s, summary);
    let by_goal: HashMap<i64, &GoalSummary> = summary.goals.iter().map(|g| (g.status.goal.id, g)).collect();
    let names = evidence::mandate_names(&summary.mandates);
    for area in &data.focus_areas {
        s.heading(1, area.title.clone().unwrap_or_else(|| i.t("report-no-focus-area")));
        let area_status = summary.followup.areas.iter().find(|a| Some(a.area.id) == area.id).map(|a| a.status);
        let area_status =
            area_status.unwrap_or_else(|| samverk_domain::indicator::roll_up(summary.followup.main_goals(None).map(|g| g.status)));
        evidence::area_status(i, &mut s, area_status);
        for goal in &area.goals {
            s.heading(2, goal_heading(i, goal.title.as_deref(), goal.parent_id.is_some()));
            let found = by_goal.get(&goal.id);
            if let Some(g) = found {
                evidence::goal_status(i, &mut s, g);
            }
            if goal.engagements.is_empty() {
                s.paragraph(i.t("report-goal-no-engagements"));
            } else {
                let mut t = Table::new(
                    i.t("report-contributing"),
                    vec![i.t("report-col-engagement"), i.t("field-kind"), i.t("field-status"), i.t("field-how")],
                );
                for e in &goal.engagements {
                    t.row(vec![
                        e.title.as_str().into(),
                        i.engagement_kind(&e.kind).into(),
                        i.engagement_status(&e.status).into(),
                        e.how.as_str().into(),
                    ]);
                }
                s.table(t);
            }
            if let Some(g) = found {
                evidence::goal_reports(i, &mut s, data.year, g, &names);
            }
        }
    }
    if data.focus_areas.is_empty() {
        s.paragraph(i.t("report-no-goals"));
    }
    s
}

/// The authority's EU projects running during the year, with the whole budget and the year's.
fn eu_projects(i: &I18n, data: &FollowUpData) -> Section {
    let mut s = Section::new("eu-projects", i.t("report-eu"));
    if data.eu_projects.is_empty() {
        s.paragraph(i.t("report-eu-none"));
        return s;
    }
    let year = data.year.to_string();
    let mut t = Table::new(
        i.t("report-eu-caption"),
        vec![
            i.t("report-col-project"),
            i.t("field-programme"),
            i.t("field-strand"),
            i.t("field-project_role"),
            i.t("field-lead_department"),
            i.t("field-status"),
            i.t("field-total"),
            i.t("field-eu_grant"),
            i.t("field-national_cofinancing"),
            i.t("field-own_contribution"),
            i.t1("report-col-year-total", "year", &year),
            i.t1("report-col-year-grant", "year", &year),
        ],
    );
    for part in &data.eu_projects {
        let p = &part.project;
        t.row(vec![
            p.title.as_str().into(),
            programme_label(i, p.programme.as_deref()).into(),
            p.strand.clone().unwrap_or_default().into(),
            project_role_label(i, p.role.as_deref()).into(),
            p.department.clone().unwrap_or_default().into(),
            i.engagement_status(&p.status).into(),
            Cell::Amount(p.total),
            Cell::Amount(p.eu_grant),
            Cell::Amount(p.national_cofinancing),
            Cell::Amount(p.own_contribution),
            Cell::Amount(part.year.total),
            Cell::Amount(part.year.eu_grant),
        ]);
    }
    s.table(t);
    s
}

/// The decisions the authority took during the year.
fn decisions(i: &I18n, data: &FollowUpData) -> Section {
    let mut s = Section::new("decisions", i.t("report-decisions"));
    if data.decisions.is_empty() {
        s.paragraph(i.t("report-decisions-none"));
        return s;
    }
    let mut t = Table::new(
        i.t1("report-decisions-caption", "year", &data.year.to_string()),
        vec![i.t("field-date"), i.t("field-body"), i.t("field-case_number"), i.t("field-title")],
    );
    for d in &data.decisions {
        t.row(vec![
            decision_date(i, d.date, d.date_precision).into(),
            d.body.as_str().into(),
            d.case_number.clone().unwrap_or_default().into(),
            d.title.as_str().into(),
        ]);
    }
    s.table(t);
    s
}

/// Engagements without goals, goals without engagements, and reports back overdue.
fn gaps(i: &I18n, data: &FollowUpData) -> Section {
    let mut s = Section::new("gaps", i.t("report-gaps"));
    s.heading(1, i.t("report-gaps-engagements"));
    if data.engagements_without_goals.is_empty() {
        s.paragraph(i.t("report-gaps-none"));
    } else {
        let mut t = Table::new(i.t("report-gaps-engagements"), vec![i.t("report-col-engagement")]);
        for e in &data.engagements_without_goals {
            t.row(vec![e.title.clone().unwrap_or_default().into()]);
        }
        s.table(t);
    }
    s.heading(1, i.t("report-gaps-goals"));
    if data.goals_without_engagements.is_empty() {
        s.paragraph(i.t("report-gaps-none"));
    } else {
        let mut t = Table::new(i.t("report-gaps-goals"), vec![i.t("field-goal_id")]);
        for g in &data.goals_without_engagements {
            t.row(vec![g.title.clone().unwrap_or_else(|| i.t("goal-wording-missing")).into()]);
        }
        s.table(t);
    }
    evidence::overdue(i, &mut s, &data.summary.overdue);
    s
}
