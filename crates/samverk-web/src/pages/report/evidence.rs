//! The parts of the follow-up report that come from the follow-up of the plan: each goal's
//! status with its engagement evidence, its indicators (table and chart), the representatives'
//! reports back of the year, and the reports overdue.

use std::collections::HashMap;

use samverk_domain::indicator::{AT_RISK_TOLERANCE, ON_TRACK_TOLERANCE, Status};
use samverk_domain::input::format_date;
use samverk_report::{Cell, Section, Table, series_text};
use samverk_store::followup::{DueReport, GoalSummary, PlanSummary};
use samverk_store::indicator::Measurement;
use samverk_store::mandate::Mandate;

use crate::i18n::I18n;
use crate::pages::followup::chart::{indicator_chart, number};
use crate::pages::followup::status_label;

/// A value in hundredths for a `Cell::Decimal` (indicator values have at most two decimals
/// on the page).
fn decimal(value: f64) -> Cell {
    Cell::Decimal((value * 100.0).round() as i64)
}

/// The plan's status line, the counts of indicators by status and the rule, under the goals
/// section's introduction.
pub fn plan_status(i: &I18n, s: &mut Section, summary: &PlanSummary) {
    let f = &summary.followup;
    let [on, risk, off, none] = f.counts().map(|n| i64::try_from(n).unwrap_or_default());
    s.paragraph(i.ta("report-plan-status", &[("year", summary.year.to_string().into()), ("status", status_label(i, f.status).into())]));
    s.paragraph(i.ta("followup-counts", &[("on", on.into()), ("risk", risk.into()), ("off", off.into()), ("none", none.into())]));
    s.paragraph(i.ta(
        "followup-rule",
        &[("on", format!("{:.0}", ON_TRACK_TOLERANCE * 100.0).into()), ("risk", format!("{:.0}", AT_RISK_TOLERANCE * 100.0).into())],
    ));
    s.paragraph(i.t("followup-rollup-rule"));
}

/// A focus area's rolled-up status.
pub fn area_status(i: &I18n, s: &mut Section, status: Status) {
    s.paragraph(i.t1("report-status", "status", &status_label(i, status)));
}

/// A goal's status and evidence, then its indicators with a chart each.
pub fn goal_status(i: &I18n, s: &mut Section, goal: &GoalSummary) {
    let g = &goal.status;
    s.paragraph(format!(
        "{} {}",
        i.t1("report-status", "status", &status_label(i, g.status)),
        i.ta("followup-evidence", &[("engagements", g.engagements.into()), ("reported", g.reported.into())])
    ));
    if g.indicators.is_empty() {
        return;
    }
    // The page and the XLSX show every figure in its own column; the PDF, where each cell is
    // costly and an A4 line short, the compact form, with the measurements under each chart.
    let mut t = Table::new(
        i.t("followup-col-indicators"),
        vec![
            i.t("report-col-indicator"),
            i.t("field-unit"),
            i.t("followup-baseline"),
            i.t("followup-target"),
            i.t("report-col-latest"),
            i.t("followup-col-status"),
            i.t("report-col-measurements"),
        ],
    );
    let mut compact = Table::new(
        i.t("followup-col-indicators"),
        vec![i.t("report-col-indicator"), i.t("report-col-baseline-target"), i.t("report-col-latest"), i.t("followup-col-status")],
    );
    let series: HashMap<i64, &Vec<Measurement>> = goal.series.iter().map(|(id, m)| (*id, m)).collect();
    let mut charts = Vec::new();
    for ind in &g.indicators {
        let x = &ind.indicator;
        let measured: Vec<(i32, f64)> =
            series.get(&x.id).into_iter().flat_map(|m| m.iter()).map(|m| (samverk_store::indicator::year(m.year), m.value)).collect();
        let (baseline, target) =
            (format!("{} ({})", number(x.baseline_value), x.baseline_year), format!("{} ({})", number(x.target_value), x.target_year));
        let latest = ind.latest.map_or_else(|| Cell::Text(i.t("followup-no-measurements")), |(_, v)| decimal(v));
        let status = status_label(i, ind.status);
        let named = if x.unit.is_empty() { x.title.clone() } else { format!("{} ({})", x.title, x.unit) };
        compact.row(vec![named.into(), format!("{baseline} → {target}").into(), latest.clone(), status.clone().into()]);
        t.row(vec![
            x.title.as_str().into(),
            x.unit.as_str().into(),
            baseline.into(),
            target.into(),
            latest,
            status.into(),
            series_text(&measured).into(),
        ]);
        if !measured.is_empty() {
            charts.push(indicator_chart(i, x, &measured));
        }
    }
    s.table(t.with_compact(compact));
    for chart in charts {
        s.chart(chart);
    }
}

/// Who holds a mandate and in which engagement, by mandate id.
pub fn mandate_names(mandates: &[Mandate]) -> HashMap<i64, (&str, &str)> {
    mandates.iter().map(|m| (m.id, (m.engagement_title.as_str(), m.person_name.as_deref().unwrap_or_default()))).collect()
}

/// The representatives' reports back of the year that speak to the goal or come from an
/// engagement contributing to it.
pub fn goal_reports(i: &I18n, s: &mut Section, year: i32, goal: &GoalSummary, names: &HashMap<i64, (&str, &str)>) {
    if goal.reports.is_empty() {
        return;
    }
    let mut t = Table::new(
        i.t1("report-reports", "year", &year.to_string()),
        vec![i.t("field-date"), i.t("followup-col-engagement"), i.t("followup-col-person"), i.t("field-meetings"), i.t("field-text")],
    );
    for r in &goal.reports {
        let (engagement, person) = names.get(&r.mandate_id).copied().unwrap_or_default();
        let person = if person.is_empty() { i.t("followup-vacant-seat") } else { person.to_owned() };
        t.row(vec![
            format_date(r.date).into(),
            engagement.into(),
            person.into(),
            r.meetings.clone().unwrap_or_default().into(),
            r.text.as_str().into(),
        ]);
    }
    s.table(t);
}

/// The reports back overdue today, in the gaps section.
pub fn overdue(i: &I18n, s: &mut Section, overdue: &[DueReport]) {
    s.heading(1, i.t("report-gaps-overdue"));
    if overdue.is_empty() {
        s.paragraph(i.t("report-gaps-none"));
        return;
    }
    let mut t = Table::new(
        i.t("report-gaps-overdue"),
        vec![i.t("followup-col-engagement"), i.t("followup-col-person"), i.t("followup-col-reporting"), i.t("report-col-due")],
    );
    for d in overdue {
        let m = &d.mandate;
        t.row(vec![
            m.engagement_title.as_str().into(),
            m.person_name.clone().unwrap_or_else(|| i.t("followup-vacant-seat")).into(),
            m.report_to.as_str().into(),
            format_date(d.due).into(),
        ]);
    }
    s.table(t);
}
