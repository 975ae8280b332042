//! An indicator's chart in the reader's language: its measurements against the straight target
//! line from baseline to target. The chart itself (geometry, SVG) is `samverk_report::Chart`, so
//! the indicator page, the report page and the report's PDF draw the same thing.

pub use samverk_report::number;
use samverk_report::{Chart, Plot, series_text};
use samverk_store::indicator::Indicator;

use crate::i18n::I18n;

/// The chart of an indicator's measurements (year, value), oldest first. Used by the indicator
/// page (as SVG) and the report.
#[must_use]
pub fn indicator_chart(i: &I18n, ind: &Indicator, series: &[(i32, f64)]) -> Chart {
    let spec = ind.spec();
    Chart {
        id: ind.id,
        title: i.t1("followup-chart-title", "title", &ind.title),
        description: chart_description(i, ind, series.len()),
        series_label: i.t("followup-chart-measured"),
        target_label: i.t("followup-chart-target"),
        values: series_text(series),
        plot: Plot::new((spec.baseline_year, spec.baseline_value), (spec.target_year, spec.target_value), series),
    }
}

/// What the chart shows, in words: its text alternative.
#[must_use]
pub fn chart_description(i: &I18n, ind: &Indicator, count: usize) -> String {
    i.ta(
        "followup-chart-desc",
        &[
            ("count", i64::try_from(count).unwrap_or_default().into()),
            ("baseline", format!("{} {} ({})", number(ind.baseline_value), ind.unit, ind.baseline_year).into()),
            ("target", format!("{} {} ({})", number(ind.target_value), ind.unit, ind.target_year).into()),
        ],
    )
}
