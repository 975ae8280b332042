//! An authority's public portfolio, grouped by kind and by goal, and its published plans.
//! The view is built in Rust from the six queries of `Store::portfolio`, indexed by engagement,
//! so it stays linear in the number of records.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use samverk_domain::engagement::EngagementKind;
use samverk_store::public::{Portfolio, PublicEngagement, PublicPartner};

use super::{authority_by_slug, name_in, slug};
use crate::i18n::{I18n, Lang};
use crate::{AppError, AppState};

/// A text in the page's language, or the original with a note of its language.
pub struct Shown {
    pub text: String,
    /// The language code of the text when it differs from the page's (for `lang` and the note).
    pub lang: Option<String>,
    pub note: Option<String>,
}

/// Picks the translation for the page's language, else the original, noting its language
/// when that differs from the page's.
fn shown(i: &I18n, original: &str, original_lang: Option<&str>, translation: Option<&str>) -> Shown {
    if let Some(t) = translation {
        return Shown { text: t.to_owned(), lang: None, note: None };
    }
    match original_lang {
        Some(code) if code != i.lang() => Shown { text: original.to_owned(), lang: Some(code.to_owned()), note: Some(i.in_language(code)) },
        _ => Shown { text: original.to_owned(), lang: None, note: None },
    }
}

pub struct GoalLine {
    pub plan_href: String,
    pub plan_title: String,
    pub goal: String,
    pub how: String,
}

pub struct RoleLine {
    pub role: String,
    pub names: String,
}

pub struct EngagementView {
    pub anchor: String,
    pub title: Shown,
    pub description: Option<Shown>,
    pub kind: String,
    pub status: String,
    pub period: String,
    pub decision: Option<String>,
    pub partners: Vec<RoleLine>,
    pub goals: Vec<GoalLine>,
}

pub struct KindGroup {
    pub id: String,
    pub heading: String,
    pub items: Vec<EngagementView>,
}

pub struct GoalEntry {
    pub href: String,
    pub title: String,
    pub how: String,
}

pub struct GoalGroup {
    pub goal: String,
    pub sub: bool,
    pub engagements: Vec<GoalEntry>,
}

pub struct PlanGroup {
    pub href: String,
    pub title: String,
    pub goals: Vec<GoalGroup>,
}

fn org_name(i: &I18n, p: &PublicPartner) -> String {
    let localised = match i.language() {
        Lang::Nb => p.name_nb.as_ref(),
        Lang::Sv => p.name_sv.as_ref(),
        Lang::En => p.name_en.as_ref(),
    };
    localised.unwrap_or(&p.organisation_name).clone()
}

fn decision_text(i: &I18n, e: &PublicEngagement) -> Option<String> {
    let body = e.decision_body.as_ref()?;
    let date = e.decision_date.as_ref().map(|d| i.decision_date(d, e.decision_date_precision.as_deref().unwrap_or("day")));
    Some(match (&e.decision_case_number, date) {
        (Some(case), Some(date)) => {
            i.ta("plans-decision-line", &[("body", body.clone().into()), ("case", case.clone().into()), ("date", date.into())])
        }
        (None, Some(date)) => i.ta("plans-decision-line-no-case", &[("body", body.clone().into()), ("date", date.into())]),
        (_, None) => body.clone(),
    })
}

fn goal_label(i: &I18n, title: Option<&String>) -> String {
    title.cloned().unwrap_or_else(|| i.t("goal-wording-missing"))
}

/// The portfolio's engagements as shown, in the order of the store (by title).
pub fn engagement_views(i: &I18n, base: &str, p: &Portfolio) -> Vec<EngagementView> {
    let lang = i.lang();
    let texts: HashMap<i64, &samverk_store::public::EngagementText> =
        p.texts.iter().filter(|t| t.language == lang).map(|t| (t.engagement_id, t)).collect();
    let mut partners: HashMap<i64, Vec<&PublicPartner>> = HashMap::new();
    for pa in &p.partners {
        partners.entry(pa.engagement_id).or_default().push(pa);
    }
    let mut goals: HashMap<i64, Vec<GoalLine>> = HashMap::new();
    for c in &p.contributions {
        goals.entry(c.engagement_id).or_default().push(GoalLine {
            plan_href: format!("{base}/plans/{}", c.plan_id),
            plan_title: c.plan_title.clone(),
            goal: goal_label(i, c.goal_title.as_ref()),
            how: c.how.clone(),
        });
    }
    p.engagements
        .iter()
        .map(|e| {
            let t = texts.get(&e.id);
            let mut roles: Vec<RoleLine> = Vec::new();
            for pa in partners.get(&e.id).map(Vec::as_slice).unwrap_or_default() {
                let role = i.roles(&pa.role);
                match roles.last_mut() {
                    Some(last) if last.role == role => {
                        last.names.push_str(", ");
                        last.names.push_str(&org_name(i, pa));
                    }
                    _ => roles.push(RoleLine { role, names: org_name(i, pa) }),
                }
            }
            EngagementView {
                anchor: format!("e{}", e.id),
                title: shown(i, &e.title, e.language.as_deref(), t.map(|t| t.title.as_str())),
                description: e.description.as_ref().map(|d| shown(i, d, e.language.as_deref(), t.and_then(|t| t.description.as_deref()))),
                kind: i.engagement_kind(&e.kind),
                status: i.engagement_status(&e.status),
                period: i.period(&e.start_date, &e.end_date),
                decision: decision_text(i, e),
                partners: roles,
                goals: goals.remove(&e.id).unwrap_or_default(),
            }
        })
        .collect()
}

/// The portfolio grouped by kind (in the order of the kinds) and by plan and goal.
pub fn build(i: &I18n, base: &str, p: &Portfolio) -> (Vec<KindGroup>, Vec<PlanGroup>) {
    let views = engagement_views(i, base, p);
    let mut by_kind: Vec<KindGroup> = EngagementKind::ALL
        .iter()
        .map(|k| KindGroup { id: format!("kind-{}", k.code()), heading: i.engagement_kinds(k), items: Vec::new() })
        .collect();
    let titles: HashMap<i64, String> = p.engagements.iter().zip(&views).map(|(e, v)| (e.id, v.title.text.clone())).collect();
    for (e, v) in p.engagements.iter().zip(views) {
        if let Some(pos) = EngagementKind::ALL.iter().position(|k| *k == e.kind) {
            by_kind[pos].items.push(v);
        }
    }
    by_kind.retain(|g| !g.items.is_empty());
    let by_goal = plan_groups(i, base, p, &titles, None);
    (by_kind, by_goal)
}

/// Published plans with their goals (main goals, each followed by its sub-goals) and the
/// published engagements contributing to each; `only` restricts to one plan.
fn plan_groups(i: &I18n, base: &str, p: &Portfolio, titles: &HashMap<i64, String>, only: Option<i64>) -> Vec<PlanGroup> {
    let mut contributing: HashMap<i64, Vec<GoalEntry>> = HashMap::new();
    for c in &p.contributions {
        if let Some(title) = titles.get(&c.engagement_id) {
            contributing.entry(c.goal_id).or_default().push(GoalEntry {
                href: format!("{base}#e{}", c.engagement_id),
                title: title.clone(),
                how: c.how.clone(),
            });
        }
    }
    p.plans
        .iter()
        .filter(|plan| only.is_none_or(|id| id == plan.id))
        .map(|plan| {
            let goals_of_plan: Vec<_> = p.goals.iter().filter(|g| g.plan_id == plan.id).collect();
            let mut goals = Vec::new();
            for main in goals_of_plan.iter().filter(|g| g.parent_id.is_none()) {
                goals.push(GoalGroup {
                    goal: goal_label(i, main.title.as_ref()),
                    sub: false,
                    engagements: contributing.remove(&main.id).unwrap_or_default(),
                });
                for sub in goals_of_plan.iter().filter(|g| g.parent_id == Some(main.id)) {
                    goals.push(GoalGroup {
                        goal: goal_label(i, sub.title.as_ref()),
                        sub: true,
                        engagements: contributing.remove(&sub.id).unwrap_or_default(),
                    });
                }
            }
            PlanGroup { href: format!("{base}/plans/{}", plan.id), title: plan.title.clone(), goals }
        })
        .collect()
}

/// The text with its first letter in upper case (a count that starts a sentence).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[derive(Template, WebTemplate)]
#[template(path = "public/portfolio.html")]
pub struct PortfolioPage {
    pub i: I18n,
    pub authority: String,
    pub description: String,
    pub count: String,
    pub by_kind: Vec<KindGroup>,
    pub by_goal: Vec<PlanGroup>,
}

/// Renders a portfolio page (also used by the benchmark).
#[must_use]
pub fn portfolio_page(i: I18n, authority: String, base: &str, p: &Portfolio) -> PortfolioPage {
    let (by_kind, by_goal) = build(&i, base, p);
    let count = capitalised(&i.tn("public-engagement-count", "count", i64::try_from(p.engagements.len()).unwrap_or(i64::MAX)));
    let description = i.t1("public-portfolio-description", "authority", &authority);
    PortfolioPage { i, authority, description, count, by_kind, by_goal }
}

pub async fn show(i: I18n, State(state): State<AppState>, Path(wanted): Path<String>) -> Result<PortfolioPage, AppError> {
    let authority = authority_by_slug(&state, &wanted).await?;
    let portfolio = state.store.portfolio(authority.id).await?;
    let base = format!("/p/{}", slug(&authority.name));
    Ok(portfolio_page(i, name_in(&i, &authority), &base, &portfolio))
}

#[derive(Template, WebTemplate)]
#[template(path = "public/plan.html")]
pub struct PlanPage {
    i: I18n,
    authority: String,
    authority_href: String,
    title: String,
    facts: Vec<(String, String)>,
    description: Option<String>,
    goals: Vec<GoalGroup>,
}

pub async fn plan(i: I18n, State(state): State<AppState>, Path((wanted, id)): Path<(String, i64)>) -> Result<PlanPage, AppError> {
    let authority = authority_by_slug(&state, &wanted).await?;
    let portfolio = state.store.portfolio(authority.id).await?;
    let plan = portfolio.plans.iter().find(|p| p.id == id).ok_or(AppError::NotFound)?;
    let base = format!("/p/{}", slug(&authority.name));
    let views = engagement_views(&i, &base, &portfolio);
    let titles: HashMap<i64, String> = portfolio.engagements.iter().zip(&views).map(|(e, v)| (e.id, v.title.text.clone())).collect();
    let goals = plan_groups(&i, &base, &portfolio, &titles, Some(id)).into_iter().next().map(|g| g.goals).unwrap_or_default();
    let facts = vec![
        (i.t("field-kind"), i.plan_kind(&plan.kind)),
        (i.t("field-status"), i.plan_status(&plan.status)),
        (i.t("plans-period"), i.period(&plan.period_start, &plan.period_end)),
    ];
    Ok(PlanPage {
        authority: name_in(&i, &authority),
        authority_href: base,
        title: plan.title.clone(),
        facts,
        description: plan.description.clone(),
        goals,
        i,
    })
}
