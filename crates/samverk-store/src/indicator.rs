//! Indicators on goals and their measurements over time.

use samverk_domain::indicator::{Direction, IndicatorDraft, MeasurementDraft, Spec};
use samverk_domain::{Problem, ValidationErrors};
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::{Store, StoreError};

/// An indicator with its goal and plan.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Indicator {
    pub id: i64,
    pub goal_id: i64,
    pub goal_title: Option<String>,
    pub plan_id: i64,
    pub plan_title: String,
    pub sdg_code: Option<String>,
    pub sdg_title: Option<String>,
    pub title: String,
    pub unit: String,
    pub baseline_value: f64,
    pub baseline_year: i64,
    pub target_value: f64,
    pub target_year: i64,
    #[sqlx(try_from = "String")]
    pub direction: Direction,
}

impl Indicator {
    #[must_use]
    pub fn spec(&self) -> Spec {
        Spec {
            baseline_value: self.baseline_value,
            baseline_year: year(self.baseline_year),
            target_value: self.target_value,
            target_year: year(self.target_year),
        }
    }
}

/// A year read from a BIGINT column (always a validated calendar year).
#[must_use]
pub fn year(value: i64) -> i32 {
    i32::try_from(value).unwrap_or_default()
}

/// One measurement of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Measurement {
    pub id: i64,
    pub indicator_id: i64,
    pub year: i64,
    pub value: f64,
    pub source: String,
    pub measured_on: Option<Date>,
}

pub(crate) const INDICATOR_SELECT: &str = "SELECT i.id, i.goal_id, g.title AS goal_title, g.plan_id, p.title AS plan_title, i.sdg_code, \
     s.title_en AS sdg_title, i.title, i.unit, i.baseline_value, i.baseline_year, i.target_value, i.target_year, i.direction \
     FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN plans p ON p.id = g.plan_id LEFT JOIN sdg_indicators s ON s.code = i.sdg_code";

pub(crate) const MEASUREMENT_SELECT: &str = "SELECT m.id, m.indicator_id, m.year, m.value, m.source, m.measured_on FROM measurements m";

/// The authority of an indicator's (`i`) goal's plan.
const OWNER_OF_INDICATOR: &str = "(SELECT sp.owner_id FROM goals sg JOIN plans sp ON sp.id = sg.plan_id WHERE sg.id = i.goal_id)";

/// Validates and inserts an indicator on a goal within the caller's transaction.
///
/// # Errors
/// `NotFound` for an unknown goal; validation errors.
pub async fn create_indicator(conn: &mut Conn<'_>, goal_id: i64, draft: &IndicatorDraft) -> Result<i64, StoreError> {
    if conn.optional::<(i64,)>(&Sql::new("SELECT id FROM goals WHERE id = ?").arg(goal_id)).await?.is_none() {
        return Err(StoreError::NotFound { entity: "goal", id: goal_id });
    }
    let code = draft.sdg_code.trim().to_owned();
    let sdg_known = code.is_empty()
        || conn.optional::<(String,)>(&Sql::new("SELECT code FROM sdg_indicators WHERE code = ?").arg(code)).await?.is_some();
    let new = draft.validate(sdg_known)?;
    let sql = Sql::new(
        "INSERT INTO indicators (goal_id, sdg_code, title, unit, baseline_value, baseline_year, target_value, target_year, direction) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .arg(goal_id)
    .arg(new.sdg_code)
    .arg(new.title)
    .arg(new.unit)
    .arg(new.spec.baseline_value)
    .arg(i64::from(new.spec.baseline_year))
    .arg(new.spec.target_value)
    .arg(i64::from(new.spec.target_year))
    .arg(new.direction.code());
    Ok(conn.insert(&sql).await?)
}

/// Validates and inserts a measurement within the caller's transaction: the year must fall in
/// the plan's period and not be measured already.
///
/// # Errors
/// `NotFound` for an unknown indicator; validation errors.
pub async fn add_measurement(conn: &mut Conn<'_>, indicator_id: i64, draft: &MeasurementDraft) -> Result<i64, StoreError> {
    let sql = Sql::new(
        "SELECT p.period_start, p.period_end FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN plans p ON p.id = g.plan_id WHERE i.id = ?",
    )
    .arg(indicator_id);
    let (start, end) =
        conn.optional::<(Option<Date>, Option<Date>)>(&sql).await?.ok_or_else(StoreError::not_found("indicator", indicator_id))?;
    let new = draft.validate((start.map(Date::year), end.map(Date::year)))?;
    let taken = Sql::new("SELECT id FROM measurements WHERE indicator_id = ? AND year = ?").arg(indicator_id).arg(i64::from(new.year));
    if conn.optional::<(i64,)>(&taken).await?.is_some() {
        return Err(ValidationErrors::single("year", Problem::Duplicate).into());
    }
    let sql = Sql::new("INSERT INTO measurements (indicator_id, year, value, source, measured_on) VALUES (?, ?, ?, ?, ?) RETURNING id")
        .arg(indicator_id)
        .arg(i64::from(new.year))
        .arg(new.value)
        .arg(new.source)
        .arg(new.measured_on);
    Ok(conn.insert(&sql).await?)
}

impl Store {
    /// # Errors
    /// `NotFound` for an unknown goal; validation errors (nothing is written then).
    pub async fn create_indicator(&self, goal_id: i64, draft: &IndicatorDraft) -> Result<i64, StoreError> {
        self.ensure_visible("goals", goal_id).await?;
        let mut tx = self.begin().await?;
        let id = create_indicator(&mut tx.conn(), goal_id, draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// # Errors
    /// `NotFound` for an unknown indicator; validation errors (nothing is written then).
    pub async fn add_measurement(&self, indicator_id: i64, draft: &MeasurementDraft) -> Result<i64, StoreError> {
        self.ensure_visible("indicators", indicator_id).await?;
        let mut tx = self.begin().await?;
        let id = add_measurement(&mut tx.conn(), indicator_id, draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An indicator with its measurements, oldest first.
    ///
    /// # Errors
    /// The database error.
    pub async fn indicator(&self, id: i64) -> Result<Option<(Indicator, Vec<Measurement>)>, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut sql = Sql::new(INDICATOR_SELECT);
        sql.push(" WHERE i.id = ").bind(id).scoped(OWNER_OF_INDICATOR);
        let Some(indicator) = conn.optional::<Indicator>(&sql).await? else { return Ok(None) };
        let mut sql = Sql::new(MEASUREMENT_SELECT);
        sql.push(" WHERE m.indicator_id = ").bind(id).push(" ORDER BY m.year");
        Ok(Some((indicator, conn.all(&sql).await?)))
    }

    /// The indicators of a goal.
    ///
    /// # Errors
    /// The database error.
    pub async fn indicators_of_goal(&self, goal_id: i64) -> Result<Vec<Indicator>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(INDICATOR_SELECT);
        sql.push(" WHERE i.goal_id = ").bind(goal_id).scoped(OWNER_OF_INDICATOR).push(" ORDER BY i.title, i.id");
        Ok(h.conn().all(&sql).await?)
    }
}
