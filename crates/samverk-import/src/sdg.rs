//! The UN SDG reference (17 goals, 169 targets, their indicators), in English, Norwegian
//! Bokmål and, for goal names, Swedish.

use samverk_store::sdg::{SdgGoal, SdgIndicator, SdgReference, SdgTarget};
use serde::Deserialize;

use crate::ImportError;

const GOALS: &str = include_str!("../data/sdg/sdg_goals_en_nb.csv");
const GOALS_SV: &str = include_str!("../data/sdg/sdg_goals_sv_COMPILED.csv");
const TARGETS: &str = include_str!("../data/sdg/sdg_targets_en_nb.csv");
const INDICATORS: &str = include_str!("../data/sdg/sdg_indicators_en_nb.csv");

#[derive(Deserialize)]
struct GoalRow {
    goal: i64,
    short_en: String,
    title_en: String,
    short_nb: String,
    title_nb: String,
}

#[derive(Deserialize)]
struct GoalSvRow {
    goal: i64,
    short_sv: String,
    title_sv: String,
}

#[derive(Deserialize)]
struct TargetRow {
    goal: i64,
    target: String,
    title_en: String,
    title_nb: String,
}

#[derive(Deserialize)]
struct IndicatorRow {
    target: String,
    indicator: String,
    title_en: String,
    title_nb: String,
}

fn rows<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, ImportError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .deserialize()
        .map(|row| {
            row.map_err(|e| ImportError::Parse {
                file: file.to_owned(),
                line: e.position().map_or(0, csv::Position::line),
                message: e.to_string(),
            })
        })
        .collect()
}

/// Parses the shipped reference.
///
/// # Errors
/// A malformed shipped file (a build fault; a test guards against it).
pub fn reference() -> Result<SdgReference, ImportError> {
    let swedish: Vec<GoalSvRow> = rows("sdg_goals_sv_COMPILED.csv", GOALS_SV)?;
    let goals = rows::<GoalRow>("sdg_goals_en_nb.csv", GOALS)?
        .into_iter()
        .map(|g| {
            let sv = swedish.iter().find(|s| s.goal == g.goal);
            SdgGoal {
                number: g.goal,
                short_sv: sv.map_or_else(|| g.short_en.clone(), |s| s.short_sv.clone()),
                title_sv: sv.map_or_else(|| g.title_en.clone(), |s| s.title_sv.clone()),
                short_en: g.short_en,
                title_en: g.title_en,
                short_nb: g.short_nb,
                title_nb: g.title_nb,
            }
        })
        .collect();
    let targets = rows::<TargetRow>("sdg_targets_en_nb.csv", TARGETS)?
        .into_iter()
        .map(|t| SdgTarget { code: t.target, goal: t.goal, title_en: t.title_en, title_nb: t.title_nb })
        .collect();
    let indicators = rows::<IndicatorRow>("sdg_indicators_en_nb.csv", INDICATORS)?
        .into_iter()
        .map(|i| SdgIndicator { code: i.indicator, target: i.target, title_en: i.title_en, title_nb: i.title_nb })
        .collect();
    Ok(SdgReference { goals, targets, indicators })
}

/// Loads the reference into the store unless it is there already; returns whether it loaded.
///
/// # Errors
/// A malformed shipped file or the database error.
pub async fn ensure_loaded(store: &samverk_store::Store) -> Result<bool, ImportError> {
    Ok(store.ensure_sdg_reference(&reference()?).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_reference_has_17_goals_and_169_targets() {
        let reference = reference().unwrap_or_default();
        assert_eq!(reference.goals.len(), 17);
        assert_eq!(reference.targets.len(), 169);
        assert!(reference.indicators.len() >= 231);
        let climate = reference.goals.iter().find(|g| g.number == 13).map(|g| g.short_sv.as_str());
        assert_eq!(climate, Some("Bekämpa klimatförändringarna"));
    }
}
