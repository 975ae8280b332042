//! The UN Sustainable Development Goals reference: 17 goals, 169 targets and their indicators.

use serde::Serialize;

use crate::db::Sql;
use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SdgGoal {
    pub number: i64,
    pub short_en: String,
    pub title_en: String,
    pub short_nb: String,
    pub title_nb: String,
    pub short_sv: String,
    pub title_sv: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SdgTarget {
    pub code: String,
    pub goal: i64,
    pub title_en: String,
    pub title_nb: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SdgIndicator {
    pub code: String,
    pub target: String,
    pub title_en: String,
    pub title_nb: String,
}

/// The whole reference, as loaded from the shipped files.
#[derive(Debug, Clone, Default)]
pub struct SdgReference {
    pub goals: Vec<SdgGoal>,
    pub targets: Vec<SdgTarget>,
    pub indicators: Vec<SdgIndicator>,
}

impl Store {
    /// Loads the SDG reference unless it is already there; one transaction.
    ///
    /// # Errors
    /// The database error; nothing is written then.
    pub async fn ensure_sdg_reference(&self, reference: &SdgReference) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        if conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM sdg_goals")).await? > 0 {
            return Ok(false);
        }
        for g in &reference.goals {
            let sql = Sql::new(
                "INSERT INTO sdg_goals (number, short_en, title_en, short_nb, title_nb, short_sv, title_sv) VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .arg(g.number)
            .arg(g.short_en.clone())
            .arg(g.title_en.clone())
            .arg(g.short_nb.clone())
            .arg(g.title_nb.clone())
            .arg(g.short_sv.clone())
            .arg(g.title_sv.clone());
            conn.execute(&sql).await?;
        }
        for (position, t) in (0_i64..).zip(&reference.targets) {
            let sql = Sql::new("INSERT INTO sdg_targets (code, goal, title_en, title_nb, position) VALUES (?, ?, ?, ?, ?)")
                .arg(t.code.clone())
                .arg(t.goal)
                .arg(t.title_en.clone())
                .arg(t.title_nb.clone())
                .arg(position);
            conn.execute(&sql).await?;
        }
        for (position, i) in (0_i64..).zip(&reference.indicators) {
            let sql = Sql::new("INSERT INTO sdg_indicators (code, target, title_en, title_nb, position) VALUES (?, ?, ?, ?, ?)")
                .arg(i.code.clone())
                .arg(i.target.clone())
                .arg(i.title_en.clone())
                .arg(i.title_nb.clone())
                .arg(position);
            conn.execute(&sql).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// # Errors
    /// The database error.
    pub async fn sdg_goals(&self) -> Result<Vec<SdgGoal>, StoreError> {
        let mut h = self.handle().await?;
        Ok(h.conn()
            .all(&Sql::new("SELECT number, short_en, title_en, short_nb, title_nb, short_sv, title_sv FROM sdg_goals ORDER BY number"))
            .await?)
    }

    /// # Errors
    /// The database error.
    pub async fn sdg_targets(&self, goal: i64) -> Result<Vec<SdgTarget>, StoreError> {
        let mut h = self.handle().await?;
        Ok(h.conn()
            .all(&Sql::new("SELECT code, goal, title_en, title_nb FROM sdg_targets WHERE goal = ? ORDER BY position").arg(goal))
            .await?)
    }

    /// Counts of (goals, targets, indicators) loaded.
    ///
    /// # Errors
    /// The database error.
    pub async fn sdg_counts(&self) -> Result<(i64, i64, i64), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        Ok((
            conn.scalar(&Sql::new("SELECT COUNT(*) FROM sdg_goals")).await?,
            conn.scalar(&Sql::new("SELECT COUNT(*) FROM sdg_targets")).await?,
            conn.scalar(&Sql::new("SELECT COUNT(*) FROM sdg_indicators")).await?,
        ))
    }
}
