//! Personal data (GDPR): the register, one person's export and erasure, the access log, and the
//! retention job.

mod person;
mod register;
mod retention;

use samverk_domain::mandate::PersonDraft;
use samverk_store::call::Call;
use samverk_testkit::followup::MandateBuilder;
use samverk_testkit::{CallBuilder, DecisionBuilder, EngagementBuilder, OrganisationBuilder, TestApp};

/// Kari's records in every category, and Ola's beside them.
pub struct Kari {
    pub person: i64,
    pub mandate: i64,
    pub decision: i64,
    pub account: i64,
    pub call: i64,
    pub ola: i64,
}

pub fn answer(name: &str, email: &str) -> samverk_domain::call::NewSubmission {
    samverk_domain::call::NewSubmission {
        name: Some(name.to_owned()),
        email: Some(email.to_owned()),
        organisation: Some("Fjordbyen idrettslag".to_owned()),
        answer: "More cycling networks, please.".to_owned(),
        attachments: Vec::new(),
    }
}

pub async fn submit(app: &TestApp, call: &Call, name: &str, email: &str, at: time::OffsetDateTime) -> String {
    app.store.submit(call, &answer(name, email), &format!("test-{email}"), at).await.unwrap_or_else(|e| panic!("submit: {e:?}"))
}

pub async fn kari(app: &TestApp) -> Kari {
    let owner = OrganisationBuilder::new("Fjordbyen kommune").kind("municipality").insert(&app.store).await;
    let draft = |name: &str, email: &str| PersonDraft {
        owner_id: Some(owner),
        name: name.into(),
        title: "Adviser".into(),
        department: "Internasjonalt".into(),
        email: email.into(),
        show_name: true,
    };
    let person = app.store.create_person(&draft("Kari Nordmann", "kari@fjordbyen.no")).await.unwrap_or_else(|e| panic!("{e}"));
    let ola = app.store.create_person(&draft("Ola Hansen", "ola@fjordbyen.no")).await.unwrap_or_else(|e| panic!("{e}"));
    let decision = DecisionBuilder::new(owner, "Kari Nordmann appointed to the Baltic network board").insert(&app.store).await;
    let engagement = EngagementBuilder::new(owner, "Baltic cycling network")
        .description("Fjordbyen is represented by Kari Nordmann.")
        .decision(decision)
        .insert(&app.store)
        .await;
    let mandate = MandateBuilder::new(engagement, Some(person), "2023-01-01").insert(&app.store).await;
    let today = time::OffsetDateTime::now_utc().date();
    samverk_testkit::followup::report(&app.store, mandate, today, "Met the board in Gdańsk.", &[], today).await;
    MandateBuilder::new(engagement, Some(ola), "2023-01-01").insert(&app.store).await;
    let account = app.store.create_account("knordmann", "Kari Nordmann", None).await.unwrap_or_else(|e| panic!("{e}"));
    let call = CallBuilder::new(owner, "Cycling in Fjordbyen").insert(&app.store).await;
    let c = app.store.call(call).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("the call"));
    submit(app, &c, "Kari Nordmann", "kari@fjordbyen.no", time::OffsetDateTime::now_utc()).await;
    submit(app, &c, "Ola Hansen", "ola@fjordbyen.no", time::OffsetDateTime::now_utc()).await;
    Kari { person, mandate, decision, account, call, ola }
}
