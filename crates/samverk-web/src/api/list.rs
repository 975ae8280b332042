//! The list envelope every collection answers with, and the reading of query parameters.
//!
//! Query values arrive as text and are checked here, so a bad filter gives the same 422 with
//! the parameter named as a bad field in a body does, rather than a bare 400.

use samverk_domain::{Problem, ValidationErrors};
use samverk_store::Page;
use serde::Serialize;

/// One page of a collection.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct List<T> {
    pub items: Vec<T>,
    /// How many items match, over all pages.
    pub total: i64,
    /// This page's number, from 1.
    pub page: u32,
    pub per_page: u32,
    /// How many pages there are (at least 1).
    pub pages: u32,
}

impl<T> List<T> {
    /// A store page, its rows converted to the API's shape.
    pub fn from_page<R>(page: Page<R>, convert: impl FnMut(R) -> T) -> Self {
        let pages = page.pages();
        Self { items: page.items.into_iter().map(convert).collect(), total: page.total, page: page.page, per_page: page.per_page, pages }
    }

    /// One page of a short list the store gives whole (a plan's goals, an authority's decisions).
    pub fn slice<R>(all: Vec<R>, paging: Paging, convert: impl FnMut(R) -> T) -> Self {
        let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
        let skip = usize::try_from((paging.page - 1).saturating_mul(paging.per_page)).unwrap_or(usize::MAX);
        let take = usize::try_from(paging.per_page).unwrap_or(usize::MAX);
        let items = all.into_iter().skip(skip).take(take).collect();
        Self::from_page(Page { items, total, page: paging.page, per_page: paging.per_page }, convert)
    }
}

/// Which page, and how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

pub const DEFAULT_PER_PAGE: u32 = 50;
pub const MAX_PER_PAGE: u32 = 500;

/// Parses `page` (from 1) and `per_page` (1 to 500; 50 when absent).
/// Parses the `owner_id` filter and the paging shared by the per-authority lists.
///
/// # Errors
/// The parameters that do not parse, named.
pub fn owner_and_paging(
    owner_id: Option<&str>,
    page: Option<&str>,
    per_page: Option<&str>,
) -> Result<(Option<i64>, Paging), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let owner_id = id(&mut e, "owner_id", owner_id);
    let paging = paging(&mut e, page, per_page);
    e.into_result(|| (owner_id, paging))
}

pub fn paging(errors: &mut ValidationErrors, page: Option<&str>, per_page: Option<&str>) -> Paging {
    let page = errors.check("page", number(page, 1, u32::MAX, "a page number from 1")).flatten().unwrap_or(1);
    let per_page = errors
        .check("per_page", number(per_page, 1, MAX_PER_PAGE, "a number of items per page from 1 to 500"))
        .flatten()
        .unwrap_or(DEFAULT_PER_PAGE);
    Paging { page, per_page }
}

fn number(text: Option<&str>, min: u32, max: u32, expected: &'static str) -> Result<Option<u32>, Problem> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    match text.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(Problem::InvalidFormat { expected }),
    }
}

/// An optional whole number from `min` to `max`; blank is absent.
pub fn bounded(
    errors: &mut ValidationErrors,
    field: &'static str,
    text: Option<&str>,
    (min, max): (u32, u32),
    expected: &'static str,
) -> Option<u32> {
    errors.check(field, number(text, min, max, expected)).flatten()
}

/// An optional record id; blank is absent.
pub fn id(errors: &mut ValidationErrors, field: &'static str, text: Option<&str>) -> Option<i64> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    errors.check(field, text.parse::<i64>().map_err(|_| Problem::InvalidFormat { expected: "a record id (a whole number)" }))
}

/// An optional closed code (kind, status…); blank is absent.
pub fn code<T>(errors: &mut ValidationErrors, field: &'static str, text: Option<&str>, parse: fn(&str) -> Result<T, Problem>) -> Option<T> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    errors.check(field, parse(text))
}

/// An optional year such as 2024.
pub fn year(errors: &mut ValidationErrors, field: &'static str, text: Option<&str>) -> Option<i32> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    let parsed = text.parse::<i32>().ok().filter(|y| (1..=9999).contains(y));
    errors.check(field, parsed.ok_or(Problem::InvalidFormat { expected: "a year such as 2024" }))
}

/// An optional yes/no flag: `true`/`false` (also `1`/`0`, as a checkbox sends); blank is no.
pub fn flag(errors: &mut ValidationErrors, field: &'static str, text: Option<&str>) -> bool {
    match text.map(str::trim).unwrap_or_default() {
        "" | "false" | "0" => false,
        "true" | "1" | "on" => true,
        _ => {
            errors.add(field, Problem::UnknownValue { allowed: "true, false".to_owned() });
            false
        }
    }
}

/// An optional free text; blank is absent.
pub fn text(value: Option<String>) -> Option<String> {
    value.filter(|t| !t.trim().is_empty())
}
