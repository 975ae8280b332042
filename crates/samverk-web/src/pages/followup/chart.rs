//! A small server-rendered SVG line chart: an indicator's measurements against the straight
//! target line from baseline to target. No script, no canvas: `role="img"` with a `<title>`
//! and `<desc>` for screen readers, and the page shows the same figures as a table beside it.

use std::fmt::Write as _;

use samverk_store::indicator::Indicator;

use crate::i18n::I18n;

const WIDTH: f64 = 520.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// What the chart draws.
pub struct Chart<'a> {
    /// Used to make the element ids unique on a page.
    pub id: i64,
    pub title: &'a str,
    pub description: &'a str,
    /// (year, value) of the baseline and the target: the target line.
    pub baseline: (i32, f64),
    pub target: (i32, f64),
    /// Measurements (year, value), oldest first.
    pub series: &'a [(i32, f64)],
    /// Legend labels.
    pub series_label: &'a str,
    pub target_label: &'a str,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A number for a label: whole numbers without decimals, others with at most two.
#[must_use]
pub fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 { format!("{value:.0}") } else { format!("{value:.2}").trim_end_matches('0').to_owned() }
}

impl Chart<'_> {
    /// The SVG markup (all text escaped).
    #[must_use]
    pub fn render(&self) -> String {
        let years = self.series.iter().map(|(y, _)| *y).chain([self.baseline.0, self.target.0]);
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let values = self.series.iter().map(|(_, v)| *v).chain([self.baseline.1, self.target.1]);
        let (mut low, mut high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let pad = ((high - low) * 0.1).max(1e-6);
        low -= pad;
        high += pad;
        let span_x = f64::from((last - first).max(1));
        let x = |year: i32| LEFT + (WIDTH - LEFT - RIGHT) * f64::from(year - first) / span_x;
        let y = |value: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (value - low) / (high - low));
        let id = self.id;
        let mut s = String::with_capacity(2048);
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" aria-labelledby="chart-title-{id} chart-desc-{id}"><title id="chart-title-{id}">{}</title><desc id="chart-desc-{id}">{}</desc>"#,
            escape(self.title),
            escape(self.description)
        );
        // Axes with the first and last year and the lowest and highest value.
        let (x0, x1, y0, y1) = (LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP);
        let _ = write!(
            s,
            r##"<g class="axes" stroke="#555" stroke-width="1"><line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}"/><line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}"/></g>"##
        );
        let _ = write!(
            s,
            r##"<g class="labels" font-size="12" fill="#222"><text x="{x0}" y="{}" text-anchor="start">{first}</text><text x="{x1}" y="{}" text-anchor="end">{last}</text><text x="{}" y="{}" text-anchor="end">{}</text><text x="{}" y="{}" text-anchor="end">{}</text></g>"##,
            y0 + 18.0,
            y0 + 18.0,
            x0 - 6.0,
            y0,
            number(low + pad),
            x0 - 6.0,
            y1 + 10.0,
            number(high - pad)
        );
        // The target line: dashed, so it is told apart without colour.
        let _ = write!(
            s,
            r##"<line class="target" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#7a4d00" stroke-width="2" stroke-dasharray="6 4"/>"##,
            x(self.baseline.0),
            y(self.baseline.1),
            x(self.target.0),
            y(self.target.1)
        );
        if !self.series.is_empty() {
            let points: Vec<String> = self.series.iter().map(|(yr, v)| format!("{:.1},{:.1}", x(*yr), y(*v))).collect();
            let _ =
                write!(s, r##"<polyline class="series" fill="none" stroke="#0b4f8a" stroke-width="2.5" points="{}"/>"##, points.join(" "));
            for (yr, v) in self.series {
                let _ = write!(s, r##"<circle cx="{:.1}" cy="{:.1}" r="4" fill="#0b4f8a"/>"##, x(*yr), y(*v));
            }
        }
        // Legend: a solid line with dots for the measurements, a dashed one for the target.
        let ly = HEIGHT - 8.0;
        let _ = write!(
            s,
            r##"<g class="legend" font-size="12" fill="#222"><line x1="{LEFT}" y1="{}" x2="{}" y2="{}" stroke="#0b4f8a" stroke-width="2.5"/><text x="{}" y="{ly}">{}</text><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#7a4d00" stroke-width="2" stroke-dasharray="6 4"/><text x="{}" y="{ly}">{}</text></g>"##,
            ly - 4.0,
            LEFT + 24.0,
            ly - 4.0,
            LEFT + 30.0,
            escape(self.series_label),
            LEFT + 200.0,
            ly - 4.0,
            LEFT + 224.0,
            ly - 4.0,
            LEFT + 230.0,
            escape(self.target_label)
        );
        s.push_str("</svg>");
        s
    }
}

/// An indicator's chart in the reader's language: its measurements (year, value), oldest
/// first, against the line from baseline to target. Used by the indicator page and the report.
#[must_use]
pub fn indicator_chart(i: &I18n, ind: &Indicator, series: &[(i32, f64)]) -> String {
    let spec = ind.spec();
    let title = i.t1("followup-chart-title", "title", &ind.title);
    let description = chart_description(i, ind, series.len());
    let series_label = i.t("followup-chart-measured");
    let target_label = i.t("followup-chart-target");
    Chart {
        id: ind.id,
        title: &title,
        description: &description,
        baseline: (spec.baseline_year, spec.baseline_value),
        target: (spec.target_year, spec.target_value),
        series,
        series_label: &series_label,
        target_label: &target_label,
    }
    .render()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_is_an_accessible_image_with_escaped_text() {
        let chart = Chart {
            id: 7,
            title: "Share <renewable>",
            description: "From 40 to 60 & more",
            baseline: (2020, 40.0),
            target: (2030, 60.0),
            series: &[(2022, 44.0), (2024, 47.5)],
            series_label: "Measured",
            target_label: "Target line",
        };
        let svg = chart.render();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#) && svg.contains(r#"aria-labelledby="chart-title-7 chart-desc-7""#));
        assert!(svg.contains("<title id=\"chart-title-7\">Share &lt;renewable&gt;</title>"));
        assert!(svg.contains("From 40 to 60 &amp; more"));
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(">2020<") && svg.contains(">2030<"));
    }

    #[test]
    fn numbers_are_shown_without_needless_decimals() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(47.5), "47.5");
        assert_eq!(number(1.234), "1.23");
    }
}
