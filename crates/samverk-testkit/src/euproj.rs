//! Builders for EU projects (details, budget lines, lessons) and raw-byte requests for the
//! report's downloads.

use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use samverk_domain::eu::{BudgetLineDraft, EuProjectDraft, LessonDraft};
use samverk_store::Store;
use tower::ServiceExt;

use crate::{EngagementBuilder, TestApp};

/// A download: status, headers and the body's bytes untouched.
#[derive(Debug)]
pub struct Download {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
}

impl TestApp {
    /// GETs a binary answer (XLSX, PDF) without turning it into text.
    ///
    /// # Panics
    /// When the router fails.
    pub async fn download(&self, path: &str) -> Download {
        let request = self.authorise(Request::builder().uri(path), path, None, Vec::new()).expect("request");
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes().to_vec();
        Download { status, headers, bytes }
    }
}

/// An EU project: an engagement of kind `eu_project` with its programme and role.
pub struct EuProjectBuilder {
    engagement: EngagementBuilder,
    details: EuProjectDraft,
}

impl EuProjectBuilder {
    /// An active Interreg project, 2023–2026, with the owner as lead partner.
    #[must_use]
    pub fn new(owner_id: i64, title: &str) -> Self {
        Self {
            engagement: EngagementBuilder::new(owner_id, title).kind("eu_project").status("active").period("2023-01-01", "2026-12-31"),
            details: EuProjectDraft {
                programme: "interreg".into(),
                strand: "Interreg Aurora".into(),
                project_role: "lead_partner".into(),
                ..EuProjectDraft::default()
            },
        }
    }

    #[must_use]
    pub fn programme(mut self, programme: &str, strand: &str) -> Self {
        self.details.programme = programme.into();
        self.details.strand = strand.into();
        self
    }

    #[must_use]
    pub fn department(mut self, department: &str) -> Self {
        self.details.lead_department = department.into();
        self
    }

    #[must_use]
    pub fn participant(mut self, organisation_id: i64, role: &str) -> Self {
        self.engagement = self.engagement.participant(organisation_id, role);
        self
    }

    #[must_use]
    pub fn goal(mut self, goal_id: i64, how: &str) -> Self {
        self.engagement = self.engagement.goal(goal_id, how);
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        let id = self.engagement.insert(store).await;
        store.save_eu_project(id, None, &self.details).await.expect("EU project details");
        id
    }
}

/// Adds a budget line `(year, organisation, total, EU grant, national, own)`.
///
/// # Panics
/// When the store refuses it.
pub async fn budget_line(store: &Store, engagement_id: i64, line: (i32, i64, i64, i64, i64, i64)) -> i64 {
    let (year, org, total, grant, national, own) = line;
    let draft = BudgetLineDraft {
        year: year.to_string(),
        organisation_id: Some(org),
        total: total.to_string(),
        eu_grant: grant.to_string(),
        national_cofinancing: national.to_string(),
        own_contribution: own.to_string(),
        cofinancing_rate: String::new(),
    };
    store.save_budget_line(engagement_id, None, None, &draft).await.expect("budget line")
}

/// Adds a lesson addressed to `departments` (comma-separated), written on 2025-06-01.
///
/// # Panics
/// When the store refuses it.
pub async fn lesson(store: &Store, engagement_id: i64, title: &str, departments: &str) -> i64 {
    let draft = LessonDraft {
        title: title.into(),
        lesson_text: format!("What «{title}» taught us."),
        addressed_departments: departments.into(),
        addressed_goals: Vec::new(),
    };
    store.add_lesson(engagement_id, &draft, time::macros::date!(2025 - 06 - 01)).await.expect("lesson")
}
