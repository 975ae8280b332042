//! An authority's public portfolio, its published engagements (a paged, filterable list and a
//! page each) and its published plans.
//!
//! The portfolio page is a summary whose size does not grow with the portfolio: counts per kind
//! and status, the first engagements of each kind in full, and per goal how many engagements
//! contribute with the first few of them; everything else is one link away in the paged list.
//! The views are built in Rust from the store's queries, indexed by engagement.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_store::public::{GoalSample, Portfolio, PublicEngagement, PublicFilter, PublicGoal, PublicMeasure, PublicPartner, PublicPlan};
use serde::Deserialize;

use super::texts::{Shown, shown, translation, written};
use super::{Names, authority_by_slug, display_name, name_in, slug};
use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::{AppError, AppState};

/// Engagements shown in full per kind on the portfolio page.
const PER_KIND: i64 = 5;
/// Contributing engagements named per goal on the portfolio page.
const PER_GOAL: i64 = 3;
/// Contributing engagements named per goal on a plan's page.
const PER_GOAL_ON_PLAN: i64 = 20;
/// Engagements per page of the list.
const PER_PAGE: i64 = 20;

pub struct GoalLine {
    /// The plan's language when it differs from the page's.
    pub lang: Option<String>,
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
    /// The engagement's own public page.
    pub href: String,
    pub title: Shown,
    pub description: Option<Shown>,
    pub kind: String,
    pub status: String,
    pub period: String,
    pub decision: Option<String>,
    pub partners: Vec<RoleLine>,
    /// The authority's representatives: each by her role, and by name only with her consent.
    pub representatives: Vec<String>,
    pub goals: Vec<GoalLine>,
}

/// A kind on the portfolio page: its count, the count per status (each a link to the list),
/// the first engagements in full, and a link to all of them.
pub struct KindGroup {
    pub id: String,
    pub heading: String,
    pub count: i64,
    pub statuses: Vec<Link>,
    pub items: Vec<EngagementView>,
    pub shown: String,
    pub all: Link,
}

pub struct Link {
    pub href: String,
    pub label: String,
}

pub struct GoalEntry {
    pub href: String,
    pub title: String,
    pub how: String,
}

pub struct GoalGroup {
    /// The plan's language when it differs from the page's (the goal, description and measures).
    pub lang: Option<String>,
    /// The goal's anchor on the plan page (`g<id>`), where search hits for it lead.
    pub anchor: String,
    pub goal: String,
    /// The goal's description (the plan page only).
    pub description: Option<String>,
    /// The plan's measures under this goal (the plan page only).
    pub measures: Vec<String>,
    pub sub: bool,
    pub engagements: Vec<GoalEntry>,
    /// The list of every engagement contributing to the goal, when not all are named here.
    pub more: Option<Link>,
}

pub struct PlanGroup {
    pub href: String,
    pub title: String,
    /// The plan's language when it differs from the page's, and the note saying it.
    pub lang: Option<String>,
    pub note: Option<String>,
    pub goals: Vec<GoalGroup>,
}

fn engagement_href(base: &str, id: i64) -> String {
    format!("{base}/engagements/{id}")
}

fn org_name(i: &I18n, p: &PublicPartner) -> String {
    display_name(i, &Names { official: &p.organisation_name, nb: p.name_nb.as_ref(), sv: p.name_sv.as_ref(), en: p.name_en.as_ref() })
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
    let mut partners: HashMap<i64, Vec<&PublicPartner>> = HashMap::new();
    for pa in &p.partners {
        partners.entry(pa.engagement_id).or_default().push(pa);
    }
    let mut representatives: HashMap<i64, Vec<String>> = HashMap::new();
    for r in &p.representatives {
        let role = i.t(&format!("followup-role-{}", r.role.code()));
        representatives.entry(r.engagement_id).or_default().push(match &r.name {
            Some(name) => format!("{role}: {name}"),
            None => role,
        });
    }
    let mut goals: HashMap<i64, Vec<GoalLine>> = HashMap::new();
    for c in &p.contributions {
        goals.entry(c.engagement_id).or_default().push(GoalLine {
            lang: written(i, c.plan_language.as_deref()).0,
            plan_href: format!("{base}/plans/{}", c.plan_id),
            plan_title: c.plan_title.clone(),
            goal: goal_label(i, c.goal_title.as_ref()),
            how: c.how.clone(),
        });
    }
    p.engagements
        .iter()
        .map(|e| {
            let t = translation(i, &p.texts, e.id);
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
                href: engagement_href(base, e.id),
                title: shown(i, &e.title, e.language.as_deref(), t.map(|t| t.title.as_str())),
                description: e.description.as_ref().map(|d| shown(i, d, e.language.as_deref(), t.and_then(|t| t.summary.as_deref()))),
                kind: i.engagement_kind(&e.kind),
                status: i.engagement_status(&e.status),
                period: i.period(&e.start_date, &e.end_date),
                decision: decision_text(i, e),
                partners: roles,
                representatives: representatives.remove(&e.id).unwrap_or_default(),
                goals: goals.remove(&e.id).unwrap_or_default(),
            }
        })
        .collect()
}

/// The engagements contributing to a goal, as the plan groups show them, by goal.
type Contributing = HashMap<i64, (Vec<GoalEntry>, i64)>;

/// The first engagements contributing to each goal and how many there are (the portfolio page).
fn contributing_samples(base: &str, samples: &[GoalSample]) -> Contributing {
    let mut out: Contributing = HashMap::new();
    for s in samples {
        let entry = out.entry(s.goal_id).or_default();
        entry.0.push(GoalEntry { href: engagement_href(base, s.engagement_id), title: s.title.clone(), how: s.how.clone() });
        entry.1 = s.total;
    }
    out
}

/// A plan's goals (main goals, each followed by its sub-goals) with the engagements
/// contributing to each and, on the plan's own page, their descriptions and measures.
fn goal_groups(
    i: &I18n,
    base: &str,
    goals: &[&PublicGoal],
    contributing: &mut Contributing,
    measures: &[PublicMeasure],
    full: bool,
    lang: Option<&String>,
) -> Vec<GoalGroup> {
    let mut group = |goal: &PublicGoal, sub: bool| {
        let (engagements, total) = contributing.remove(&goal.id).unwrap_or_default();
        let more = (total > i64::try_from(engagements.len()).unwrap_or(i64::MAX))
            .then(|| Link { href: format!("{base}/engagements?goal_id={}", goal.id), label: i.tn("public-goal-all", "count", total) });
        GoalGroup {
            lang: lang.cloned(),
            anchor: format!("g{}", goal.id),
            goal: goal_label(i, goal.title.as_ref()),
            description: goal.description.clone().filter(|_| full),
            measures: measures.iter().filter(|m| m.goal_id == Some(goal.id)).map(|m| m.title.clone()).collect(),
            sub,
            engagements,
            more,
        }
    };
    let mut out = Vec::new();
    for main in goals.iter().filter(|g| g.parent_id.is_none()) {
        out.push(group(main, false));
        for sub in goals.iter().filter(|g| g.parent_id == Some(main.id)) {
            out.push(group(sub, true));
        }
    }
    out
}

/// Published plans with their goals and the engagements contributing to each (the portfolio).
fn plan_groups(i: &I18n, base: &str, plans: &[PublicPlan], goals: &[PublicGoal], mut contributing: Contributing) -> Vec<PlanGroup> {
    plans
        .iter()
        .map(|plan| {
            let goals_of_plan: Vec<_> = goals.iter().filter(|g| g.plan_id == plan.id).collect();
            let (lang, note) = written(i, plan.language.as_deref());
            let goals = goal_groups(i, base, &goals_of_plan, &mut contributing, &[], false, lang.as_ref());
            PlanGroup { href: format!("{base}/plans/{}", plan.id), title: plan.title.clone(), lang, note, goals }
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
    pub all: Link,
    pub by_kind: Vec<KindGroup>,
    pub by_goal: Vec<PlanGroup>,
}

pub async fn show(i: I18n, State(state): State<AppState>, Path(wanted): Path<String>) -> Result<PortfolioPage, AppError> {
    let authority = authority_by_slug(&state, &wanted).await?;
    let summary = state.store.portfolio_summary(authority.id, i.lang(), PER_KIND, PER_GOAL).await?;
    let base = format!("/p/{}", slug(&authority.name));
    let views = engagement_views(&i, &base, &summary.samples);
    let mut by_kind: Vec<KindGroup> = Vec::new();
    for kind in EngagementKind::ALL.iter().copied() {
        let counts: Vec<_> = summary.counts.iter().filter(|c| c.kind == kind).collect();
        let count: i64 = counts.iter().map(|c| c.count).sum();
        if count == 0 {
            continue;
        }
        let heading = i.engagement_kinds(&kind);
        let statuses = EngagementStatus::ALL
            .iter()
            .filter_map(|status| counts.iter().find(|c| c.status == *status).map(|c| (status, c.count)))
            .map(|(status, n)| Link {
                href: format!("{base}/engagements?kind={}&status={}", kind.code(), status.code()),
                label: format!("{} ({n})", i.engagement_status(status)),
            })
            .collect();
        let all = Link {
            href: format!("{base}/engagements?kind={}", kind.code()),
            label: i.ta("public-kind-all", &[("kind", heading.clone().into()), ("count", count.into())]),
        };
        by_kind.push(KindGroup {
            id: format!("kind-{}", kind.code()),
            heading,
            count,
            statuses,
            items: Vec::new(),
            shown: String::new(),
            all,
        });
    }
    for (e, v) in summary.samples.engagements.iter().zip(views) {
        if let Some(group) = by_kind.iter_mut().find(|g| g.id == format!("kind-{}", e.kind.code())) {
            group.items.push(v);
        }
    }
    for g in &mut by_kind {
        let shown = i64::try_from(g.items.len()).unwrap_or(i64::MAX);
        if shown < g.count {
            g.shown = i.ta("public-shown-first", &[("shown", shown.into()), ("count", g.count.into())]);
        }
    }
    let contributing = contributing_samples(&base, &summary.goal_samples);
    let by_goal = plan_groups(&i, &base, &summary.samples.plans, &summary.samples.goals, contributing);
    let total: i64 = summary.counts.iter().map(|c| c.count).sum();
    let count = capitalised(&i.tn("public-engagement-count", "count", total));
    let name = name_in(&i, &authority);
    let description = i.t1("public-portfolio-description", "authority", &name);
    let all = Link { href: format!("{base}/engagements"), label: i.t("public-all-engagements") };
    Ok(PortfolioPage { i, authority: name, description, count, all, by_kind, by_goal })
}

/// The list's filters and page as typed in the address; a value that is not understood is ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListParams {
    pub kind: String,
    pub status: String,
    pub goal_id: String,
    pub page: String,
}

impl ListParams {
    fn filter(&self) -> PublicFilter {
        PublicFilter {
            kind: EngagementKind::from_code(self.kind.trim()),
            status: EngagementStatus::from_code(self.status.trim()),
            goal_id: self.goal_id.trim().parse().ok(),
            id: None,
        }
    }

    fn page(&self) -> i64 {
        self.page.trim().parse::<i64>().unwrap_or(1).clamp(1, i64::from(u32::MAX))
    }

    /// The address of this list (on `base`) at page `page`.
    fn href(&self, base: &str, page: i64) -> String {
        let f = self.filter();
        let mut pairs: Vec<String> = Vec::new();
        if let Some(k) = f.kind {
            pairs.push(format!("kind={}", k.code()));
        }
        if let Some(s) = f.status {
            pairs.push(format!("status={}", s.code()));
        }
        if let Some(g) = f.goal_id {
            pairs.push(format!("goal_id={g}"));
        }
        if page > 1 {
            pairs.push(format!("page={page}"));
        }
        if pairs.is_empty() { format!("{base}/engagements") } else { format!("{base}/engagements?{}", pairs.join("&")) }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "public/engagements.html")]
pub struct ListPage {
    i: I18n,
    authority: String,
    authority_href: String,
    action: String,
    count: String,
    page_of: String,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    goals: Vec<Choice>,
    items: Vec<EngagementView>,
    prev: Option<String>,
    next: Option<String>,
}

pub async fn list(
    i: I18n,
    State(state): State<AppState>,
    Path(wanted): Path<String>,
    Query(params): Query<ListParams>,
) -> Result<ListPage, AppError> {
    let authority = authority_by_slug(&state, &wanted).await?;
    let base = format!("/p/{}", slug(&authority.name));
    let filter = params.filter();
    let page = params.page();
    let (total, portfolio) = state.store.public_engagements(authority.id, &filter, PER_PAGE, (page - 1).saturating_mul(PER_PAGE)).await?;
    let (plans, goals) = state.store.public_plans(authority.id).await?;
    let items = engagement_views(&i, &base, &portfolio);
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    let mut kinds = vec![Choice::blank(i.t("any"), filter.kind.is_none())];
    kinds.extend(form::codes(EngagementKind::ALL, EngagementKind::code, |k| i.engagement_kind(k), params.kind.trim()));
    let mut statuses = vec![Choice::blank(i.t("any"), filter.status.is_none())];
    statuses.extend(form::codes(EngagementStatus::ALL, EngagementStatus::code, |s| i.engagement_status(s), params.status.trim()));
    let mut goal_choices = vec![Choice::blank(i.t("filter-goal-any"), filter.goal_id.is_none())];
    for g in &goals {
        let plan = plans.iter().find(|p| p.id == g.plan_id).map(|p| p.title.as_str()).unwrap_or_default();
        let indent = if g.parent_id.is_some() { "– " } else { "" };
        goal_choices.push(Choice::new(g.id, format!("{plan}: {indent}{}", goal_label(&i, g.title.as_ref())), Some(g.id) == filter.goal_id));
    }
    Ok(ListPage {
        authority: name_in(&i, &authority),
        action: format!("{base}/engagements"),
        count: capitalised(&i.tn("public-engagement-count", "count", total)),
        page_of: if pages > 1 {
            i.page_of(u32::try_from(page).unwrap_or(u32::MAX), u32::try_from(pages).unwrap_or(u32::MAX))
        } else {
            String::new()
        },
        kinds,
        statuses,
        goals: goal_choices,
        items,
        prev: (page > 1).then(|| params.href(&base, page - 1)),
        next: (page < pages).then(|| params.href(&base, page + 1)),
        authority_href: base,
        i,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "public/engagement.html")]
pub struct EngagementPage {
    i: I18n,
    authority: String,
    authority_href: String,
    e: EngagementView,
}

pub async fn engagement(
    i: I18n,
    State(state): State<AppState>,
    Path((wanted, id)): Path<(String, i64)>,
) -> Result<EngagementPage, AppError> {
    let authority = authority_by_slug(&state, &wanted).await?;
    let base = format!("/p/{}", slug(&authority.name));
    let filter = PublicFilter { id: Some(id), ..PublicFilter::default() };
    let (_, portfolio) = state.store.public_engagements(authority.id, &filter, 1, 0).await?;
    let e = engagement_views(&i, &base, &portfolio).into_iter().next().ok_or(AppError::NotFound)?;
    Ok(EngagementPage { authority: name_in(&i, &authority), authority_href: base, e, i })
}

#[derive(Template, WebTemplate)]
#[template(path = "public/plan.html")]
pub struct PlanPage {
    i: I18n,
    authority: String,
    authority_href: String,
    title: String,
    /// The plan's language when it differs from the page's, and the note saying it.
    lang: Option<String>,
    note: Option<String>,
    facts: Vec<(String, String)>,
    description: Option<String>,
    goals: Vec<GoalGroup>,
    /// Measures not under a goal of the plan.
    other_measures: Vec<String>,
}

pub async fn plan(i: I18n, State(state): State<AppState>, Path((wanted, id)): Path<(String, i64)>) -> Result<PlanPage, AppError> {
    let authority = authority_by_slug(&state, &wanted).await?;
    let page = state.store.public_plan(authority.id, id, i.lang(), PER_GOAL_ON_PLAN).await?.ok_or(AppError::NotFound)?;
    let base = format!("/p/{}", slug(&authority.name));
    let mut contributing = contributing_samples(&base, &page.contributing);
    let goals: Vec<&PublicGoal> = page.goals.iter().collect();
    let plan = &page.plan;
    let (lang, note) = written(&i, plan.language.as_deref());
    let goals = goal_groups(&i, &base, &goals, &mut contributing, &page.measures, true, lang.as_ref());
    let facts = vec![
        (i.t("field-kind"), i.plan_kind(&plan.kind)),
        (i.t("field-status"), i.plan_status(&plan.status)),
        (i.t("plans-period"), i.period(&plan.period_start, &plan.period_end)),
    ];
    let goal_ids: Vec<Option<i64>> = page.goals.iter().map(|g| Some(g.id)).collect();
    let other_measures = page.measures.iter().filter(|m| !goal_ids.contains(&m.goal_id)).map(|m| m.title.clone()).collect();
    Ok(PlanPage {
        authority: name_in(&i, &authority),
        authority_href: base,
        title: plan.title.clone(),
        lang,
        note,
        facts,
        description: plan.description.clone(),
        goals,
        other_measures,
        i,
    })
}
