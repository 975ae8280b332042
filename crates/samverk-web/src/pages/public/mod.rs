//! The public face: an authority's published portfolio (`/p/<authority>`), its published plans
//! (`/p/<authority>/plans/<id>`), the sitemap and the accessibility statement. Only published
//! records, and of participants only organisations and their roles.

mod portfolio;
mod publish;
pub(crate) mod texts;

use askama::Template;
use askama_web::WebTemplate;
use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use samverk_store::public::PublicAuthority;

use crate::i18n::{I18n, Lang};
use crate::{AppError, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/p", get(index))
        .route("/p/{slug}", get(portfolio::show))
        .route("/p/{slug}/engagements", get(portfolio::list))
        .route("/p/{slug}/engagements/{id}", get(portfolio::engagement))
        .route("/p/{slug}/plans/{id}", get(portfolio::plan))
        .route("/sitemap.xml", get(sitemap))
        .route("/accessibility", get(accessibility))
        .route("/engagements/{id}/publish", post(publish::engagement))
        .route("/plans/{id}/publish", post(publish::plan))
        .route("/engagements/{id}/texts", get(texts::engagement_form).post(texts::engagement_save))
}

/// A readable, stable address part for a name: folded to ASCII lower case, words joined by
/// hyphens ("Telemark fylkeskommune" → "telemark-fylkeskommune", "Region Västernorrland" →
/// "region-vasternorrland").
#[must_use]
pub fn slug(name: &str) -> String {
    let folded = samverk_domain::text::fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// An organisation's names: the official one and those written per language.
pub(crate) struct Names<'a> {
    pub official: &'a str,
    pub nb: Option<&'a String>,
    pub sv: Option<&'a String>,
    pub en: Option<&'a String>,
}

/// Whether a reader of a Latin-script page can read the name (letters of the Latin alphabets only).
fn latin(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii() || ('\u{00c0}'..='\u{024f}').contains(&c))
}

/// The name a reader of the page's language reads: the one written in her language; else the
/// official name when it is in Latin letters ("Lidköpings kommun" for a Norwegian reader); else
/// a name in a language near hers ("Hubei-provinsen", not "湖北省", for a Swedish reader).
pub(crate) fn display_name(i: &I18n, n: &Names<'_>) -> String {
    let nearest = match i.language() {
        Lang::Nb => [n.nb, n.sv, n.en],
        Lang::Sv => [n.sv, n.nb, n.en],
        Lang::En => [n.en, n.nb, n.sv],
    };
    if let Some(own) = nearest[0] {
        return own.clone();
    }
    if latin(n.official) {
        return n.official.to_owned();
    }
    nearest.into_iter().flatten().next().map_or_else(|| n.official.to_owned(), Clone::clone)
}

/// The authority's name in the page's language.
fn name_in(i: &I18n, a: &PublicAuthority) -> String {
    display_name(i, &Names { official: &a.name, nb: a.name_nb.as_ref(), sv: a.name_sv.as_ref(), en: a.name_en.as_ref() })
}

pub(crate) async fn authority_by_slug(state: &AppState, wanted: &str) -> Result<PublicAuthority, AppError> {
    state.store.public_authorities().await?.into_iter().find(|a| slug(&a.name) == wanted).ok_or(AppError::NotFound)
}

/// Of the engagements and goals a news article or a call links to, those with a public page,
/// as (address, title): a published engagement's page, a goal on its published plan's page.
/// The others are left out: the public may not open them, nor read the title of an
/// unpublished engagement.
pub(crate) async fn public_links(
    state: &AppState,
    engagements: &[(i64, String)],
    goals: &[(i64, String)],
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    if engagements.is_empty() && goals.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let e_ids: Vec<i64> = engagements.iter().map(|(id, _)| *id).collect();
    let g_ids: Vec<i64> = goals.iter().map(|(id, _)| *id).collect();
    let public = state.store.public_links(&e_ids, &g_ids).await?;
    let slugs: HashMap<i64, String> = state.store.public_authorities().await?.iter().map(|a| (a.id, slug(&a.name))).collect();
    let e = engagements
        .iter()
        .filter_map(|(id, title)| {
            let (_, owner) = public.engagements.iter().find(|(e, _)| e == id)?;
            Some((format!("/p/{}/engagements/{id}", slugs.get(owner)?), title.clone()))
        })
        .collect();
    let g = goals
        .iter()
        .filter_map(|(id, title)| {
            let (_, owner, plan) = public.goals.iter().find(|(g, _, _)| g == id)?;
            Some((format!("/p/{}/plans/{plan}#g{id}", slugs.get(owner)?), title.clone()))
        })
        .collect();
    Ok((e, g))
}

struct AuthorityLink {
    href: String,
    name: String,
    counts: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "public/index.html")]
struct IndexPage {
    i: I18n,
    authorities: Vec<AuthorityLink>,
}

async fn index(i: I18n, State(state): State<AppState>) -> Result<IndexPage, AppError> {
    let authorities = state
        .store
        .public_authorities()
        .await?
        .iter()
        .map(|a| AuthorityLink {
            href: format!("/p/{}", slug(&a.name)),
            name: name_in(&i, a),
            counts: format!("{}, {}", i.tn("public-engagement-count", "count", a.engagements), i.tn("public-plan-count", "count", a.plans)),
        })
        .collect();
    Ok(IndexPage { i, authorities })
}

/// Every public page, in every language (`?lang=`), for search engines: the index, search and
/// accessibility statement, each authority's portfolio, engagement list, engagement pages and
/// plan pages, the news list and each published article, the calls and each call. Three
/// queries for the records and one per authority for its plans.
async fn sitemap(State(state): State<AppState>) -> Result<impl IntoResponse, AppError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let records = state.store.sitemap_records(now).await?;
    let mut paths = vec!["/p".to_owned(), "/p/search".to_owned(), "/accessibility".to_owned(), "/news".to_owned(), "/calls".to_owned()];
    for a in state.store.public_authorities().await? {
        let base = format!("/p/{}", slug(&a.name));
        let (plans, _) = state.store.public_plans(a.id).await?;
        paths.push(base.clone());
        paths.push(format!("{base}/engagements"));
        paths.extend(records.engagements.iter().filter(|(owner, _)| *owner == a.id).map(|(_, id)| format!("{base}/engagements/{id}")));
        paths.extend(plans.iter().map(|p| format!("{base}/plans/{}", p.id)));
    }
    paths.extend(records.news.iter().map(|id| format!("/news/{id}")));
    paths.extend(records.calls.iter().map(|id| format!("/calls/{id}")));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in &paths {
        for lang in Lang::ALL {
            xml.push_str(&format!("<url><loc>{path}?lang={}</loc>", lang.code()));
            for alt in Lang::ALL {
                xml.push_str(&format!("<xhtml:link rel=\"alternate\" hreflang=\"{0}\" href=\"{path}?lang={0}\"/>", alt.code()));
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Ok(([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml))
}

#[derive(Template, WebTemplate)]
#[template(path = "public/accessibility.html")]
struct AccessibilityPage {
    i: I18n,
}

async fn accessibility(i: I18n) -> AccessibilityPage {
    AccessibilityPage { i }
}

#[cfg(test)]
mod tests {
    use super::{latin, slug};

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("Telemark fylkeskommune"), "telemark-fylkeskommune");
        assert_eq!(slug("Region Västernorrland"), "region-vasternorrland");
        assert_eq!(slug("Østlandssamarbeidet"), "ostlandssamarbeidet");
        assert_eq!(slug("  Vestfold og Telemark (2020–2023) "), "vestfold-og-telemark-2020-2023");
    }

    #[test]
    fn names_in_latin_letters_are_read_as_they_are() {
        for name in ["Lidköpings kommun", "Østre Toten", "Région Île-de-France", "Łódź", "Kraków 2030"] {
            assert!(latin(name), "{name}");
        }
        for name in ["湖北省", "Москва", "Αθήνα"] {
            assert!(!latin(name), "{name}");
        }
    }
}
