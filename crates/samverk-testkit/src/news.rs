//! Builders for news articles and calls for input.

use samverk_domain::call::CallDraft;
use samverk_domain::news::NewsDraft;
use samverk_store::Store;
use time::OffsetDateTime;

/// An article; by default published in 2024.
pub struct NewsBuilder(NewsDraft);

impl NewsBuilder {
    #[must_use]
    pub fn new(owner: i64, title: &str) -> Self {
        Self(NewsDraft {
            owner_id: Some(owner),
            title: title.into(),
            lead: format!("{title}: the lead."),
            publish: "scheduled".into(),
            publish_at: "2024-01-15T10:00".into(),
            ..NewsDraft::default()
        })
    }

    #[must_use]
    pub fn body(mut self, body: &str) -> Self {
        self.0.body = body.into();
        self
    }

    #[must_use]
    pub fn lead(mut self, lead: &str) -> Self {
        self.0.lead = lead.into();
        self
    }

    #[must_use]
    pub fn tags(mut self, tags: &str) -> Self {
        self.0.tags = tags.into();
        self
    }

    #[must_use]
    pub fn engagement(mut self, id: i64) -> Self {
        self.0.engagement_ids.push(id);
        self
    }

    #[must_use]
    pub fn goal(mut self, id: i64) -> Self {
        self.0.goal_ids.push(id);
        self
    }

    #[must_use]
    pub fn sdg(mut self, number: i64) -> Self {
        self.0.sdgs.push(number);
        self
    }

    /// Local time `YYYY-MM-DDTHH:MM` in Oslo; a future time makes it scheduled.
    #[must_use]
    pub fn at(mut self, local: &str) -> Self {
        self.0.publish = "scheduled".into();
        self.0.publish_at = local.into();
        self
    }

    #[must_use]
    pub fn draft(mut self) -> Self {
        self.0.publish = "draft".into();
        self.0.publish_at = String::new();
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_news(&self.0, OffsetDateTime::now_utc()).await.expect("news")
    }
}

/// A call for input; by default open from 2020 to 2099, nothing required.
pub struct CallBuilder(CallDraft);

impl CallBuilder {
    #[must_use]
    pub fn new(owner: i64, title: &str) -> Self {
        Self(CallDraft {
            owner_id: Some(owner),
            title: title.into(),
            body: "What should we do?".into(),
            questions: "Which networks?".into(),
            opens_on: "2020-01-01".into(),
            closes_on: "2099-12-31".into(),
            consent_text: "I agree that my input is stored.".into(),
            ..CallDraft::default()
        })
    }

    #[must_use]
    pub fn period(mut self, opens_on: &str, closes_on: &str) -> Self {
        self.0.opens_on = opens_on.into();
        self.0.closes_on = closes_on.into();
        self
    }

    /// The language the call is written in (`nb`, `sv`, `en`).
    #[must_use]
    pub fn language(mut self, language: &str) -> Self {
        self.0.language = language.into();
        self
    }

    #[must_use]
    pub fn require_name_and_email(mut self) -> Self {
        self.0.require_name = true;
        self.0.require_email = true;
        self
    }

    /// # Panics
    /// When the store refuses it.
    pub async fn insert(self, store: &Store) -> i64 {
        store.create_call(&self.0).await.expect("call")
    }
}
