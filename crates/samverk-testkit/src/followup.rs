//! Follow-up test support: builders for representatives, mandates, reports and indicators, and
//! a generator of a large plan for the follow-up benchmark and the query-count tests.

use samverk_domain::indicator::{IndicatorDraft, MeasurementDraft};
use samverk_domain::mandate::{MandateDraft, PersonDraft, ReportDraft};
use samverk_store::{Conn, Sql, Store, StoreError};
use time::Date;

/// Creates a representative of an authority.
///
/// # Panics
/// When the store refuses it.
pub async fn person(store: &Store, owner_id: i64, name: &str) -> i64 {
    let draft = PersonDraft { owner_id: Some(owner_id), name: name.into(), ..PersonDraft::default() };
    store.create_person(&draft).await.expect("person")
}

/// A mandate in an engagement: yearly reporting to "Regionala nämnden" by default.
pub struct MandateBuilder(MandateDraft);

impl MandateBuilder {
    #[must_use]
    pub fn new(engagement_id: i64, person_id: Option<i64>, start: &str) -> Self {
        Self(MandateDraft {
            engagement_id: Some(engagement_id),
            person_id,
            role: "delegate".into(),
            body: "Regionala nämnden".into(),
            start: start.into(),
            report_to: "Regionala nämnden".into(),
            frequency: "yearly".into(),
            ..MandateDraft::default()
        })
    }

    #[must_use]
    pub fn end(mut self, end: &str) -> Self {
        self.0.end = end.into();
        self
    }

    #[must_use]
    pub fn frequency(mut self, frequency: &str) -> Self {
        self.0.frequency = frequency.into();
        self
    }

    #[must_use]
    pub fn report_to(mut self, body: &str) -> Self {
        self.0.report_to = body.into();
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_mandate(&self.0).await.expect("mandate")
    }
}

/// Writes a report back on a mandate, as of `today`.
///
/// # Panics
/// When the store refuses it.
pub async fn report(store: &Store, mandate_id: i64, date: Date, text: &str, goals: &[i64], today: Date) -> i64 {
    let draft = ReportDraft {
        date: samverk_domain::input::format_date(date),
        text: text.into(),
        goal_ids: goals.to_vec(),
        ..ReportDraft::default()
    };
    store.create_report(mandate_id, &draft, Vec::new(), today).await.expect("report")
}

/// Creates an indicator on a goal with its measurements (year, value).
///
/// # Panics
/// When the store refuses it.
pub async fn indicator(
    store: &Store,
    goal_id: i64,
    title: &str,
    baseline: (f64, i32),
    target: (f64, i32),
    measurements: &[(i32, f64)],
) -> i64 {
    let draft = IndicatorDraft {
        title: title.into(),
        unit: "%".into(),
        baseline_value: baseline.0.to_string(),
        baseline_year: baseline.1.to_string(),
        target_value: target.0.to_string(),
        target_year: target.1.to_string(),
        direction: if target.0 >= baseline.0 { "higher" } else { "lower" }.into(),
        ..IndicatorDraft::default()
    };
    let id = store.create_indicator(goal_id, &draft).await.expect("indicator");
    for (year, value) in measurements {
        let m = MeasurementDraft { year: year.to_string(), value: value.to_string(), source: "Test".into(), measured_on: String::new() };
        store.add_measurement(id, &m).await.expect("measurement");
    }
    id
}

/// How large a generated follow-up plan is.
#[derive(Debug, Clone, Copy)]
pub struct FollowupSize {
    pub focus_areas: usize,
    /// Main goals; each has `sub_goals` sub-goals.
    pub main_goals: usize,
    pub sub_goals: usize,
    pub engagements: usize,
    pub indicators_per_goal: usize,
    pub years: usize,
    pub reports_per_mandate: usize,
}

impl FollowupSize {
    /// The issue's size: 500 goals, 5,000 indicators × 10 years, 2,000 engagements with one
    /// mandate each and 20,000 reports.
    #[must_use]
    pub const fn issue() -> Self {
        Self {
            focus_areas: 5,
            main_goals: 100,
            sub_goals: 4,
            engagements: 2000,
            indicators_per_goal: 10,
            years: 10,
            reports_per_mandate: 10,
        }
    }

    /// A small plan of the same shape.
    #[must_use]
    pub const fn small() -> Self {
        Self { focus_areas: 2, main_goals: 4, sub_goals: 2, engagements: 10, indicators_per_goal: 2, years: 3, reports_per_mandate: 2 }
    }

    #[must_use]
    pub const fn goals(&self) -> usize {
        self.main_goals * (1 + self.sub_goals)
    }
}

/// The generated plan.
#[derive(Debug, Clone)]
pub struct GeneratedFollowup {
    pub owner_id: i64,
    pub plan_id: i64,
    pub goals: Vec<i64>,
}

const CHUNK: usize = 200;

async fn insert_chunked<T>(conn: &mut Conn<'_>, head: &'static str, rows: &[T], bind: impl Fn(&mut Sql, &T)) -> Result<(), StoreError> {
    for chunk in rows.chunks(CHUNK) {
        let mut sql = Sql::new(head);
        for (n, row) in chunk.iter().enumerate() {
            sql.push(if n == 0 { "(" } else { ", (" });
            bind(&mut sql, row);
            sql.push(")");
        }
        conn.execute(&sql).await?;
    }
    Ok(())
}

async fn ids(conn: &mut Conn<'_>, sql: Sql) -> Result<Vec<i64>, StoreError> {
    Ok(conn.scalars::<i64>(&sql).await?)
}

/// Writes one authority with one plan (period 2020–2035) of `size`, its engagements (each
/// contributing to one goal, with one mandate of yearly reporting and its reports), and the
/// indicators with a measurement per year from 2021. In one transaction.
///
/// # Errors
/// The database error.
///
/// # Panics
/// Never for the sizes above (all counts fit an i64).
pub async fn generate_followup(store: &Store, size: &FollowupSize) -> Result<GeneratedFollowup, StoreError> {
    let mut tx = store.begin().await?;
    let generated = {
        let mut conn = tx.conn();
        let owner_id = conn
            .insert(&Sql::new(
                "INSERT INTO organisations (name, kind, country, search_text) VALUES ('Generert fylkeskommune', 'county', 'NO', 'generert fylkeskommune') RETURNING id",
            ))
            .await?;
        let plan_id = conn
            .insert(
                &Sql::new("INSERT INTO plans (owner_id, title, kind, status, period_start, period_end) VALUES (?, 'Generated plan', 'plan', 'adopted', ?, ?) RETURNING id")
                    .arg(owner_id)
                    .arg(time::macros::date!(2020 - 01 - 01))
                    .arg(time::macros::date!(2035 - 12 - 31)),
            )
            .await?;
        let areas: Vec<usize> = (0..size.focus_areas).collect();
        insert_chunked(&mut conn, "INSERT INTO focus_areas (plan_id, title, position) VALUES ", &areas, |s, a| {
            s.bind(plan_id).push(", ").bind(format!("Focus area {a}")).push(", ").bind(i64::try_from(*a).unwrap_or_default());
        })
        .await?;
        let area_ids = ids(&mut conn, Sql::new("SELECT id FROM focus_areas WHERE plan_id = ? ORDER BY id").arg(plan_id)).await?;
        let mains: Vec<usize> = (0..size.main_goals).collect();
        insert_chunked(&mut conn, "INSERT INTO goals (plan_id, focus_area_id, title, position) VALUES ", &mains, |s, g| {
            s.bind(plan_id)
                .push(", ")
                .bind(area_ids[g % area_ids.len()])
                .push(", ")
                .bind(format!("Main goal {g}"))
                .push(", ")
                .bind(i64::try_from(*g).unwrap_or_default());
        })
        .await?;
        let main_ids = ids(&mut conn, Sql::new("SELECT id FROM goals WHERE plan_id = ? ORDER BY id").arg(plan_id)).await?;
        let subs: Vec<(i64, i64, usize)> = main_ids
            .iter()
            .enumerate()
            .flat_map(|(n, &m)| {
                let area = area_ids[n % area_ids.len()];
                (0..size.sub_goals).map(move |k| (m, area, n * 10 + k))
            })
            .collect();
        insert_chunked(
            &mut conn,
            "INSERT INTO goals (plan_id, focus_area_id, parent_id, title, position) VALUES ",
            &subs,
            |s, (parent, area, k)| {
                s.bind(plan_id)
                    .push(", ")
                    .bind(*area)
                    .push(", ")
                    .bind(*parent)
                    .push(", ")
                    .bind(format!("Sub-goal {k}"))
                    .push(", ")
                    .bind(i64::try_from(*k).unwrap_or_default());
            },
        )
        .await?;
        let goals = ids(&mut conn, Sql::new("SELECT id FROM goals WHERE plan_id = ? ORDER BY id").arg(plan_id)).await?;
        let engagements: Vec<usize> = (0..size.engagements).collect();
        insert_chunked(&mut conn, "INSERT INTO engagements (owner_id, kind, title, status, search_text) VALUES ", &engagements, |s, e| {
            s.bind(owner_id).push(", 'network', ").bind(format!("Network {e:05}")).push(", 'active', ").bind(format!("network {e:05}"));
        })
        .await?;
        let engagement_ids = ids(&mut conn, Sql::new("SELECT id FROM engagements WHERE owner_id = ? ORDER BY id").arg(owner_id)).await?;
        // Every engagement feeds one goal; the last tenth of the goals is fed by none.
        let fed = (goals.len() * 9 / 10).max(1);
        let contributions: Vec<(i64, i64)> = engagement_ids.iter().enumerate().map(|(n, &e)| (e, goals[n % fed])).collect();
        insert_chunked(&mut conn, "INSERT INTO contributions (engagement_id, goal_id, how) VALUES ", &contributions, |s, (e, g)| {
            s.bind(*e).push(", ").bind(*g).push(", 'Generated'");
        })
        .await?;
        let indicators: Vec<(i64, usize)> = goals.iter().flat_map(|&g| (0..size.indicators_per_goal).map(move |k| (g, k))).collect();
        insert_chunked(
            &mut conn,
            "INSERT INTO indicators (goal_id, title, unit, baseline_value, baseline_year, target_value, target_year, direction) VALUES ",
            &indicators,
            |s, (g, k)| {
                s.bind(*g)
                    .push(", ")
                    .bind(format!("Indicator {k}"))
                    .push(", '%', ")
                    .bind(40.0)
                    .push(", ")
                    .bind(2020_i64)
                    .push(", ")
                    .bind(60.0)
                    .push(", ")
                    .bind(2030_i64)
                    .push(", 'higher'");
            },
        )
        .await?;
        let indicator_ids = ids(
            &mut conn,
            Sql::new("SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.plan_id = ? ORDER BY i.id").arg(plan_id),
        )
        .await?;
        let measurements: Vec<(i64, i64, f64)> = indicator_ids
            .iter()
            .enumerate()
            .flat_map(|(n, &i)| {
                // Three paces, so every status occurs: on track, at risk, off track.
                let pace = [2.0, 1.4, 0.8][n % 3];
                (0..size.years).map(move |y| {
                    (i, 2021 + i64::try_from(y).unwrap_or_default(), 40.0 + pace * f64::from(u32::try_from(y + 1).unwrap_or_default()))
                })
            })
            .collect();
        insert_chunked(&mut conn, "INSERT INTO measurements (indicator_id, year, value, source) VALUES ", &measurements, |s, (i, y, v)| {
            s.bind(*i).push(", ").bind(*y).push(", ").bind(*v).push(", 'Generated'");
        })
        .await?;
        let mandates: Vec<(usize, i64)> = engagement_ids.iter().copied().enumerate().collect();
        insert_chunked(
            &mut conn,
            "INSERT INTO mandates (engagement_id, role, body, start_date, report_to, frequency) VALUES ",
            &mandates,
            |s, (n, e)| {
                s.bind(*e)
                    .push(", 'delegate', 'Hovedutvalget', ")
                    .bind(time::macros::date!(2015 - 01 - 01))
                    .push(", ")
                    .bind(if n % 2 == 0 { "Hovedutvalget" } else { "Fylkestinget" })
                    .push(", 'yearly'");
            },
        )
        .await?;
        let mandate_ids = ids(
            &mut conn,
            Sql::new("SELECT m.id FROM mandates m JOIN engagements e ON e.id = m.engagement_id WHERE e.owner_id = ? ORDER BY m.id")
                .arg(owner_id),
        )
        .await?;
        let reports: Vec<(i64, Date)> = mandate_ids
            .iter()
            .enumerate()
            .flat_map(|(n, &m)| {
                let last = i32::try_from(2025 - n % 3).unwrap_or(2025);
                (0..size.reports_per_mandate).map(move |k| {
                    let year = last - i32::try_from(k).unwrap_or_default();
                    (m, Date::from_calendar_date(year, time::Month::March, 15).unwrap_or(Date::MIN))
                })
            })
            .collect();
        insert_chunked(&mut conn, "INSERT INTO report_backs (mandate_id, date, text) VALUES ", &reports, |s, (m, d)| {
            s.bind(*m).push(", ").bind(*d).push(", 'Generated report'");
        })
        .await?;
        GeneratedFollowup { owner_id, plan_id, goals }
    };
    tx.commit().await?;
    Ok(generated)
}
