//! A line chart of an indicator: its measurements against the straight target line from
//! baseline to target. The geometry is computed here once ([`Plot`]), so the page draws the
//! chart as SVG and the PDF draws the same points with typst's own shapes (thousands of SVG
//! images made the PDF of a large plan take most of a minute to typeset).
//!
//! No script, no canvas: the SVG is `role="img"` with a `<title>` and `<desc>`, and every
//! format shows the same figures in a table beside the chart.

use std::fmt::Write as _;

/// The chart's size in its own units (SVG user units; the PDF scales them).
pub const WIDTH: f64 = 520.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// What a chart shows, and where it is drawn.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Chart {
    /// Makes the SVG's element ids unique on a page.
    pub id: i64,
    /// The visible title, also the first part of the text alternative.
    pub title: String,
    /// What the chart shows, in words (the rest of the text alternative).
    pub description: String,
    /// Legend labels.
    pub series_label: String,
    pub target_label: String,
    /// The measurements in words, "2024: 30.5 · 2025: 42": the PDF sets them under the chart,
    /// as its compact indicator table leaves them out.
    pub values: String,
    pub plot: Plot,
}

/// Where the chart's parts go, in chart units (`WIDTH` × `HEIGHT`, y downwards).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Plot {
    /// The x axis runs from `first_year` to `last_year`, the y axis from `low` to `high`
    /// (the labels, as read).
    pub first_year: i32,
    pub last_year: i32,
    pub low: String,
    pub high: String,
    /// The axes' corners: left, right, bottom, top.
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub top: f64,
    /// The target line's two ends.
    pub target: [(f64, f64); 2],
    /// The measurements, oldest first.
    pub points: Vec<(f64, f64)>,
}

/// A number for a label: whole numbers without decimals, others with at most two.
#[must_use]
pub fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 { format!("{value:.0}") } else { format!("{value:.2}").trim_end_matches('0').to_owned() }
}

/// A series (year, value), oldest first, as text: "2024: 30.5 · 2025: 42".
#[must_use]
pub fn series_text(series: &[(i32, f64)]) -> String {
    series.iter().map(|(year, value)| format!("{year}: {}", number(*value))).collect::<Vec<_>>().join(" · ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Rounded to a tenth of a unit: finer than any output shows, and it keeps the SVG and the
/// PDF's input short.
fn tenth(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

impl Plot {
    /// Scales the series (year, value), oldest first, and the line from `baseline` to `target`
    /// to the chart, with a tenth of the value range as room above and below.
    #[must_use]
    pub fn new(baseline: (i32, f64), target: (i32, f64), series: &[(i32, f64)]) -> Self {
        let years = series.iter().map(|(y, _)| *y).chain([baseline.0, target.0]);
        let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let values = series.iter().map(|(_, v)| *v).chain([baseline.1, target.1]);
        let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let pad = ((high - low) * 0.1).max(1e-6);
        let (bottom_value, top_value) = (low - pad, high + pad);
        let span_x = f64::from((last - first).max(1));
        let x = |year: i32| tenth(LEFT + (WIDTH - LEFT - RIGHT) * f64::from(year - first) / span_x);
        let y = |value: f64| tenth(TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (value - bottom_value) / (top_value - bottom_value)));
        Self {
            first_year: first,
            last_year: last,
            low: number(low),
            high: number(high),
            left: LEFT,
            right: WIDTH - RIGHT,
            bottom: HEIGHT - BOTTOM,
            top: TOP,
            target: [(x(baseline.0), y(baseline.1)), (x(target.0), y(target.1))],
            points: series.iter().map(|(yr, v)| (x(*yr), y(*v))).collect(),
        }
    }
}

impl Chart {
    /// The chart as SVG markup (all text escaped).
    #[must_use]
    pub fn svg(&self) -> String {
        let p = &self.plot;
        let id = self.id;
        let mut s = String::with_capacity(2048);
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" aria-labelledby="chart-title-{id} chart-desc-{id}"><title id="chart-title-{id}">{}</title><desc id="chart-desc-{id}">{}</desc>"#,
            escape(&self.title),
            escape(&self.description)
        );
        // Axes with the first and last year and the lowest and highest value.
        let (x0, x1, y0, y1) = (p.left, p.right, p.bottom, p.top);
        let _ = write!(
            s,
            r##"<g class="axes" stroke="#555" stroke-width="1"><line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}"/><line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}"/></g>"##
        );
        let _ = write!(
            s,
            r##"<g class="labels" font-size="12" fill="#222"><text x="{x0}" y="{}" text-anchor="start">{}</text><text x="{x1}" y="{}" text-anchor="end">{}</text><text x="{}" y="{y0}" text-anchor="end">{}</text><text x="{}" y="{}" text-anchor="end">{}</text></g>"##,
            y0 + 18.0,
            p.first_year,
            y0 + 18.0,
            p.last_year,
            x0 - 6.0,
            p.low,
            x0 - 6.0,
            y1 + 10.0,
            p.high
        );
        // The target line: dashed, so it is told apart without colour.
        let [(tx0, ty0), (tx1, ty1)] = p.target;
        let _ = write!(
            s,
            r##"<line class="target" x1="{tx0}" y1="{ty0}" x2="{tx1}" y2="{ty1}" stroke="#7a4d00" stroke-width="2" stroke-dasharray="6 4"/>"##
        );
        if !p.points.is_empty() {
            let points: Vec<String> = p.points.iter().map(|(x, y)| format!("{x},{y}")).collect();
            let _ =
                write!(s, r##"<polyline class="series" fill="none" stroke="#0b4f8a" stroke-width="2.5" points="{}"/>"##, points.join(" "));
            for (x, y) in &p.points {
                let _ = write!(s, r##"<circle cx="{x}" cy="{y}" r="4" fill="#0b4f8a"/>"##);
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
            escape(&self.series_label),
            LEFT + 200.0,
            ly - 4.0,
            LEFT + 224.0,
            ly - 4.0,
            LEFT + 230.0,
            escape(&self.target_label)
        );
        s.push_str("</svg>");
        s
    }

    /// The text alternative: the title, then what the chart shows.
    #[must_use]
    pub fn alt(&self) -> String {
        format!("{} {}", self.title, self.description)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> Chart {
        Chart {
            id: 7,
            title: "Share <renewable>".into(),
            description: "From 40 to 60 & more".into(),
            series_label: "Measured".into(),
            target_label: "Target line".into(),
            values: series_text(&[(2022, 44.0), (2024, 47.5)]),
            plot: Plot::new((2020, 40.0), (2030, 60.0), &[(2022, 44.0), (2024, 47.5)]),
        }
    }

    #[test]
    fn the_chart_is_an_accessible_image_with_escaped_text() {
        let svg = chart().svg();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#) && svg.contains(r#"aria-labelledby="chart-title-7 chart-desc-7""#));
        assert!(svg.contains("<title id=\"chart-title-7\">Share &lt;renewable&gt;</title>"));
        assert!(svg.contains("From 40 to 60 &amp; more"));
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains(">2020<") && svg.contains(">2030<"));
        assert!(svg.contains(">40<") && svg.contains(">60<"), "the axis names the lowest and highest value");
    }

    #[test]
    fn the_plot_spans_the_years_and_values_with_room_around() {
        let p = chart().plot;
        // Baseline 2020 at the left edge, target 2030 at the right.
        assert_eq!(p.target[0].0, LEFT);
        assert_eq!(p.target[1].0, WIDTH - RIGHT);
        // 40–60 with 2 of room each way: 40 sits a twelfth above the bottom of the plot area.
        let area = HEIGHT - TOP - BOTTOM;
        assert!((p.target[0].1 - tenth(TOP + area * 11.0 / 12.0)).abs() < 0.11);
        assert_eq!(p.points.len(), 2);
        assert!(p.points[0].0 > LEFT && p.points[1].0 < WIDTH - RIGHT);
    }

    #[test]
    fn numbers_are_shown_without_needless_decimals() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(47.5), "47.5");
        assert_eq!(number(1.234), "1.23");
        assert_eq!(series_text(&[(2022, 44.0), (2024, 47.5)]), "2022: 44 · 2024: 47.5");
        assert_eq!(series_text(&[]), "");
    }
}
