//! Indicators on goals, their measurements, and goal fulfilment: the status of an indicator
//! by a stated rule, rolled up to the goal, the focus area and the plan.
//!
//! **The rule** (shown on the follow-up page): progress is linear from the baseline (value,
//! year) to the target (value, year). For the latest measurement, *achieved* is the share of
//! the way from baseline to target the value has come, and *expected* the share of the time
//! from the baseline year to the target year that has passed (at most 100 %). The indicator is
//! **on track** when achieved ≥ expected − 10 percentage points, **at risk** when achieved ≥
//! expected − 25 points, **off track** below that, and **no data** without a measurement.
//! Because achieved is measured along the way from baseline to target, the rule reads the same
//! whether higher or lower is better.

use serde::Deserialize;

use crate::error::{Problem, ValidationErrors};
use crate::input::{self, TITLE_MAX};

crate::code_enum! {
    /// Whether a higher or a lower value is better.
    pub enum Direction { Higher => "higher", Lower => "lower" }
}

crate::code_enum! {
    /// Goal fulfilment. The order is from worst to best news, so the roll-up can take the
    /// minimum over the statuses that carry data.
    pub enum Status { OffTrack => "off_track", AtRisk => "at_risk", OnTrack => "on_track", NoData => "no_data" }
}

/// Tolerance below the expected progress that still counts as on track (10 points).
pub const ON_TRACK_TOLERANCE: f64 = 0.10;
/// Tolerance below the expected progress that counts as at risk (25 points).
pub const AT_RISK_TOLERANCE: f64 = 0.25;

/// An indicator's baseline and target, as the status rule needs them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    pub baseline_value: f64,
    pub baseline_year: i32,
    pub target_value: f64,
    pub target_year: i32,
}

/// The status of an indicator with the figures it was computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    pub status: Status,
    /// The year of the latest measurement.
    pub year: Option<i32>,
    /// Share of the way from baseline to target reached (0.0–1.0, may lie outside).
    pub achieved: Option<f64>,
    /// Share of the time from baseline year to target year passed (0.0–1.0).
    pub expected: Option<f64>,
}

impl Spec {
    /// The value the straight line from baseline to target gives for a year (the target line
    /// of the chart).
    #[must_use]
    pub fn expected_value(&self, year: i32) -> f64 {
        self.baseline_value + (self.target_value - self.baseline_value) * self.expected_share(year)
    }

    fn expected_share(&self, year: i32) -> f64 {
        let span = f64::from(self.target_year - self.baseline_year);
        if span <= 0.0 { 1.0 } else { (f64::from(year - self.baseline_year) / span).clamp(0.0, 1.0) }
    }

    /// Applies the rule to the measurements (year, value), in any order.
    #[must_use]
    pub fn assess(&self, measurements: &[(i32, f64)]) -> Assessment {
        let Some(&(year, value)) = measurements.iter().max_by_key(|(y, _)| *y) else {
            return Assessment { status: Status::NoData, year: None, achieved: None, expected: None };
        };
        let way = self.target_value - self.baseline_value;
        let achieved = if way == 0.0 { 1.0 } else { (value - self.baseline_value) / way };
        let expected = self.expected_share(year);
        let status = if achieved >= expected - ON_TRACK_TOLERANCE - 1e-9 {
            Status::OnTrack
        } else if achieved >= expected - AT_RISK_TOLERANCE - 1e-9 {
            Status::AtRisk
        } else {
            Status::OffTrack
        };
        Assessment { status, year: Some(year), achieved: Some(achieved), expected: Some(expected) }
    }
}

/// Rolls statuses up (indicators to a goal, goals to a focus area or a plan): the worst
/// status among those with data; no data when none has any. A goal is only as well as its
/// weakest measured indicator, so a problem is never averaged away.
#[must_use]
pub fn roll_up(statuses: impl IntoIterator<Item = Status>) -> Status {
    statuses.into_iter().filter(|s| *s != Status::NoData).min().unwrap_or(Status::NoData)
}

/// Raw input for an indicator. Numbers and years arrive as text from forms and JSON alike.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct IndicatorDraft {
    /// An SDG indicator code from the reference data, e.g. "13.2.2"; optional.
    pub sdg_code: String,
    pub title: String,
    /// e.g. "%", "tonnes CO₂e", "projects".
    pub unit: String,
    pub baseline_value: String,
    pub baseline_year: String,
    pub target_value: String,
    pub target_year: String,
    /// `higher` or `lower` is better.
    pub direction: String,
}

/// A validated indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIndicator {
    pub sdg_code: Option<String>,
    pub title: String,
    pub unit: String,
    pub spec: Spec,
    pub direction: Direction,
}

/// Parses a decimal number; a decimal comma is accepted ("12,5").
///
/// # Errors
/// `Required` when blank, `InvalidFormat` otherwise.
pub fn number(text: &str) -> Result<f64, Problem> {
    let trimmed = text.trim().replace(',', ".").replace([' ', '\u{a0}'], "");
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    trimmed.parse::<f64>().ok().filter(|n| n.is_finite()).ok_or(Problem::InvalidFormat { expected: "a number such as 12.5" })
}

/// Parses a calendar year between 1900 and 2200.
///
/// # Errors
/// `Required` when blank, `InvalidFormat` otherwise.
pub fn year(text: &str) -> Result<i32, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    trimmed.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)).ok_or(Problem::InvalidFormat { expected: "a year such as 2030" })
}

impl IndicatorDraft {
    /// `sdg_known`: whether the SDG code (when given) is in the reference data.
    ///
    /// # Errors
    /// Every field at fault; a target equal to the baseline, a target year not after the
    /// baseline year, or a direction the target contradicts.
    pub fn validate(&self, sdg_known: bool) -> Result<NewIndicator, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let sdg_code = e
            .check(
                "sdg_code",
                match input::optional_text(&self.sdg_code, 20) {
                    Ok(Some(code)) if !sdg_known => Err(Problem::UnknownReference).map(|()| Some(code)),
                    other => other,
                },
            )
            .flatten();
        let title = e.check("title", input::required_text(&self.title, TITLE_MAX)).unwrap_or_default();
        let unit = e.check("unit", input::required_text(&self.unit, 60)).unwrap_or_default();
        let baseline_value = e.check("baseline_value", number(&self.baseline_value));
        let baseline_year = e.check("baseline_year", year(&self.baseline_year));
        let target_value = e.check("target_value", number(&self.target_value));
        let target_year = e.check("target_year", year(&self.target_year));
        let direction = e.check("direction", input::code(&self.direction, Direction::from_code, Direction::ALL, Direction::code));
        if let (Some(b), Some(t)) = (baseline_value, target_value) {
            if (t - b).abs() < f64::EPSILON {
                e.add("target_value", Problem::Rule { rule: "the target equals the baseline: there is no way to measure progress".into() });
            } else if direction == Some(Direction::Higher) && t < b {
                e.add("target_value", Problem::Rule { rule: "higher is better, but the target is below the baseline".into() });
            } else if direction == Some(Direction::Lower) && t > b {
                e.add("target_value", Problem::Rule { rule: "lower is better, but the target is above the baseline".into() });
            }
        }
        if let (Some(b), Some(t)) = (baseline_year, target_year)
            && t <= b
        {
            e.add("target_year", Problem::Rule { rule: "the target year must come after the baseline year".into() });
        }
        e.into_result(|| NewIndicator {
            sdg_code,
            title,
            unit,
            spec: Spec {
                baseline_value: baseline_value.unwrap_or_default(),
                baseline_year: baseline_year.unwrap_or_default(),
                target_value: target_value.unwrap_or_default(),
                target_year: target_year.unwrap_or_default(),
            },
            direction: direction.unwrap_or(Direction::Higher),
        })
    }
}

/// Raw input for a measurement.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MeasurementDraft {
    pub year: String,
    pub value: String,
    /// Where the figure comes from, e.g. "SCB", "SSB Kostra".
    pub source: String,
    /// The day the figure was read or published.
    pub measured_on: String,
}

/// A validated measurement.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeasurement {
    pub year: i32,
    pub value: f64,
    pub source: String,
    pub measured_on: Option<time::Date>,
}

impl MeasurementDraft {
    /// `plan_years`: the first and last year of the plan's period, when known.
    ///
    /// # Errors
    /// Every field at fault; a year outside the plan's period.
    pub fn validate(&self, plan_years: (Option<i32>, Option<i32>)) -> Result<NewMeasurement, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let year = e.check("year", year(&self.year));
        if let Some(y) = year
            && (plan_years.0.is_some_and(|first| y < first) || plan_years.1.is_some_and(|last| y > last))
        {
            e.add("year", Problem::Rule { rule: "the year lies outside the plan's period".into() });
        }
        let value = e.check("value", number(&self.value));
        let source = e.check("source", input::required_text(&self.source, TITLE_MAX)).unwrap_or_default();
        let measured_on = e.check("measured_on", input::optional_date(&self.measured_on)).flatten();
        e.into_result(|| NewMeasurement { year: year.unwrap_or_default(), value: value.unwrap_or_default(), source, measured_on })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Share of renewable energy: 40 % in 2020, target 60 % in 2030.
    const RENEWABLE: Spec = Spec { baseline_value: 40.0, baseline_year: 2020, target_value: 60.0, target_year: 2030 };
    /// Emissions: 1,000 kt in 2020, target 500 kt in 2030 (lower is better).
    const EMISSIONS: Spec = Spec { baseline_value: 1000.0, baseline_year: 2020, target_value: 500.0, target_year: 2030 };

    /// Worked example: in 2025 half the time has passed (expected 50 %). 49 % measured is 45 %
    /// of the way (≥ 40 %): on track. 46 % is 30 %: at risk (≥ 25 %). 44 % is 20 %: off track.
    #[test]
    fn linear_progress_with_tolerances() {
        let on = RENEWABLE.assess(&[(2022, 41.0), (2025, 49.0)]);
        assert_eq!(on.status, Status::OnTrack);
        assert!((on.achieved.unwrap() - 0.45).abs() < 1e-9 && (on.expected.unwrap() - 0.5).abs() < 1e-9);
        assert_eq!(RENEWABLE.assess(&[(2025, 46.0)]).status, Status::AtRisk);
        assert_eq!(RENEWABLE.assess(&[(2025, 44.0)]).status, Status::OffTrack);
    }

    /// Worked example, lower is better: in 2024 40 % of the time has passed; 820 kt is 36 % of
    /// the way down: on track (≥ 30 %). 900 kt is 20 %: at risk. 1,050 kt went the wrong way.
    #[test]
    fn the_rule_reads_the_same_when_lower_is_better() {
        assert_eq!(EMISSIONS.assess(&[(2024, 820.0)]).status, Status::OnTrack);
        assert_eq!(EMISSIONS.assess(&[(2024, 900.0)]).status, Status::AtRisk);
        assert_eq!(EMISSIONS.assess(&[(2024, 1050.0)]).status, Status::OffTrack);
    }

    #[test]
    fn the_latest_measurement_counts_and_none_is_no_data() {
        assert_eq!(RENEWABLE.assess(&[]).status, Status::NoData);
        // Order does not matter: 2025 is the latest.
        assert_eq!(RENEWABLE.assess(&[(2025, 44.0), (2021, 43.0)]).status, Status::OffTrack);
        // Past the target year the whole way is expected.
        assert_eq!(RENEWABLE.assess(&[(2032, 58.0)]).status, Status::OnTrack);
        assert_eq!(RENEWABLE.assess(&[(2032, 56.0)]).status, Status::AtRisk);
        assert!((RENEWABLE.expected_value(2025) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn the_roll_up_is_the_worst_measured_status() {
        assert_eq!(roll_up([Status::OnTrack, Status::NoData, Status::AtRisk]), Status::AtRisk);
        assert_eq!(roll_up([Status::OnTrack, Status::OffTrack]), Status::OffTrack);
        assert_eq!(roll_up([Status::NoData, Status::NoData]), Status::NoData);
        assert_eq!(roll_up([]), Status::NoData);
    }

    fn draft() -> IndicatorDraft {
        IndicatorDraft {
            title: "Share of renewable energy".into(),
            unit: "%".into(),
            baseline_value: "40".into(),
            baseline_year: "2020".into(),
            target_value: "60,5".into(),
            target_year: "2030".into(),
            direction: "higher".into(),
            ..IndicatorDraft::default()
        }
    }

    #[test]
    fn an_indicator_is_validated() {
        let ok = draft().validate(true).unwrap();
        assert!((ok.spec.target_value - 60.5).abs() < 1e-9);
        let same = IndicatorDraft { target_value: "40".into(), ..draft() }.validate(true).unwrap_err();
        assert_eq!(same.for_field("target_value").map(Problem::code), Some("rule"));
        let wrong_way = IndicatorDraft { direction: "lower".into(), ..draft() }.validate(true).unwrap_err();
        assert_eq!(
            wrong_way.for_field("target_value"),
            Some(&Problem::Rule { rule: "lower is better, but the target is above the baseline".into() })
        );
        let years = IndicatorDraft { target_year: "2019".into(), ..draft() }.validate(true).unwrap_err();
        assert!(years.for_field("target_year").is_some());
        let sdg = IndicatorDraft { sdg_code: "99.9.9".into(), ..draft() }.validate(false).unwrap_err();
        assert_eq!(sdg.for_field("sdg_code"), Some(&Problem::UnknownReference));
    }

    #[test]
    fn a_measurement_must_fall_in_the_plan_period() {
        let m = MeasurementDraft { year: "2036".into(), value: "51".into(), source: "SSB".into(), measured_on: String::new() };
        let errors = m.validate((Some(2024), Some(2035))).unwrap_err();
        assert_eq!(errors.for_field("year"), Some(&Problem::Rule { rule: "the year lies outside the plan's period".into() }));
        let ok = MeasurementDraft { year: "2035".into(), ..m };
        assert!(ok.validate((Some(2024), Some(2035))).is_ok());
        assert!(ok.validate((None, None)).is_ok());
    }
}
