//! The engagement list: filters that combine, sorting, pagination, and a helpful empty state.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use samverk_domain::engagement::{EngagementKind, EngagementStatus};
use samverk_store::Page;
use samverk_store::engagement::{EngagementFilter, EngagementSummary, Sort};
use serde::Deserialize;

use crate::i18n::I18n;
use crate::pages::form::{self, Choice};
use crate::pages::places::{self, RegionCode};
use crate::{AppError, AppState};

/// The query string, as typed; unparseable values are ignored rather than failing the page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub owner_id: String,
    pub kind: String,
    pub status: String,
    pub goal_id: String,
    pub organisation_id: String,
    pub org: String,
    pub year: String,
    pub country: String,
    pub region: String,
    pub q: String,
    pub sort: String,
    pub desc: String,
    pub page: String,
    pub per_page: String,
}

const FILTER_FIELDS: [&str; 10] = ["owner_id", "kind", "status", "goal_id", "organisation_id", "org", "year", "country", "region", "q"];

impl ListQuery {
    fn value(&self, field: &str) -> &str {
        match field {
            "owner_id" => &self.owner_id,
            "kind" => &self.kind,
            "status" => &self.status,
            "goal_id" => &self.goal_id,
            "organisation_id" => &self.organisation_id,
            "org" => &self.org,
            "year" => &self.year,
            "country" => &self.country,
            "region" => &self.region,
            "q" => &self.q,
            "sort" => &self.sort,
            "desc" => &self.desc,
            "per_page" => &self.per_page,
            _ => "",
        }
    }

    /// The store filter these parameters describe.
    #[must_use]
    pub fn filter(&self) -> EngagementFilter {
        EngagementFilter {
            owner_id: self.owner_id.trim().parse().ok(),
            kind: EngagementKind::from_code(self.kind.trim()),
            status: EngagementStatus::from_code(self.status.trim()),
            goal_id: self.goal_id.trim().parse().ok(),
            organisation_id: self.organisation_id.trim().parse().ok(),
            participant_q: Some(self.org.trim().to_owned()).filter(|q| !q.is_empty()),
            year: self.year.trim().parse().ok().filter(|y| (1900..=2200).contains(y)),
            country: Some(self.country.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()),
            region: RegionCode::parse(&self.region).map(|r| r.region()),
            q: Some(self.q.trim().to_owned()).filter(|q| !q.is_empty()),
            parent_id: None,
            sort: serde_json::from_value(serde_json::Value::String(self.sort.clone())).unwrap_or(Sort::Title),
            descending: matches!(self.desc.as_str(), "1" | "true" | "on"),
            page: self.page.trim().parse().unwrap_or(1),
            per_page: self.per_page.trim().parse().unwrap_or(50),
        }
    }

    /// The query string for these parameters, with `without` dropped and `page` set.
    fn href(&self, without: Option<&str>, page: Option<u32>) -> String {
        let mut parts: Vec<String> = FILTER_FIELDS
            .iter()
            .chain(&["sort", "desc", "per_page"])
            .filter(|f| Some(**f) != without)
            .filter(|f| !self.value(f).trim().is_empty())
            .map(|f| format!("{f}={}", encode(self.value(f).trim())))
            .collect();
        if let Some(p) = page.filter(|p| *p > 1) {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() { "/engagements".to_owned() } else { format!("/engagements?{}", parts.join("&")) }
    }

    fn active_filters(&self) -> Vec<&'static str> {
        FILTER_FIELDS.iter().copied().filter(|f| !self.value(f).trim().is_empty()).collect()
    }
}

fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A link that removes one filter, offered when nothing matches.
pub struct Widen {
    pub label: String,
    pub href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "engagements/list.html")]
pub struct ListPage {
    i: I18n,
    query: ListQuery,
    result: Page<EngagementSummary>,
    owners: Vec<Choice>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    goals: Vec<Choice>,
    countries: Vec<Choice>,
    regions: Vec<Choice>,
    sorts: Vec<Choice>,
    organisation_name: Option<String>,
    widen: Vec<Widen>,
}

impl ListPage {
    fn prev_href(&self) -> Option<String> {
        (self.result.page > 1).then(|| self.query.href(None, Some(self.result.page - 1)))
    }

    fn next_href(&self) -> Option<String> {
        (self.result.page < self.result.pages()).then(|| self.query.href(None, Some(self.result.page + 1)))
    }

    fn clear_href(&self) -> &'static str {
        "/engagements"
    }
}

pub async fn list(i: I18n, State(state): State<AppState>, Query(query): Query<ListQuery>) -> Result<ListPage, AppError> {
    let filter = query.filter();
    let store = &state.store;
    let result = store.engagements(&filter).await?;
    let authorities = store.engagement_owners().await?;
    let mut owners = vec![Choice::blank(i.t("any"), filter.owner_id.is_none())];
    owners.extend(form::records(authorities.iter().map(|o| (o.id, o.name.as_str())), filter.owner_id));
    let mut goals = vec![Choice::blank(i.t("filter-goal-any"), filter.goal_id.is_none())];
    if let Some(owner) = filter.owner_id {
        let owned = store.goals_of_owner(owner).await?;
        goals.extend(owned.iter().map(|(plan, g)| {
            let title = g.title.clone().unwrap_or_else(|| i.t("goal-wording-missing"));
            Choice::new(g.id, format!("{plan}: {title}"), Some(g.id) == filter.goal_id)
        }));
    } else if let Some(goal) = filter.goal_id {
        goals.push(Choice::new(goal, i.t("field-goal_id"), true));
    }
    let organisation_name = match filter.organisation_id {
        Some(id) => store.organisation(id).await?.map(|o| o.name),
        None => None,
    };
    let mut kinds = vec![Choice::blank(i.t("any"), filter.kind.is_none())];
    kinds.extend(form::codes(EngagementKind::ALL, EngagementKind::code, |k| i.engagement_kind(k), query.kind.trim()));
    let mut statuses = vec![Choice::blank(i.t("any"), filter.status.is_none())];
    statuses.extend(form::codes(EngagementStatus::ALL, EngagementStatus::code, |s| i.engagement_status(s), query.status.trim()));
    let sorts = [("title", Sort::Title), ("start", Sort::Start), ("kind", Sort::Kind), ("status", Sort::Status), ("owner", Sort::Owner)]
        .iter()
        .map(|(code, sort)| Choice::new(code, i.t(&format!("sort-{code}")), *sort == filter.sort))
        .collect();
    let widen = if result.total == 0 {
        query
            .active_filters()
            .into_iter()
            .map(|f| Widen { label: i.t1("engagements-without", "filter", &i.field(f)), href: query.href(Some(f), None) })
            .collect()
    } else {
        Vec::new()
    };
    let countries = places::country_choices(&i, store, &query.country, i.t("any")).await?;
    let regions = places::region_choices(&i, store, RegionCode::parse(&query.region).as_ref(), i.t("any")).await?;
    Ok(ListPage { i, query, result, owners, kinds, statuses, goals, countries, regions, sorts, organisation_name, widen })
}
