//! The links between the pages of a long list (`templates/_pager.html`).

use crate::i18n::I18n;

/// Previous and next links and "Page 2 of 7"; shown only when there is more than one page.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    pub previous: Option<String>,
    pub label: String,
    pub next: Option<String>,
    pub pages: u32,
}

impl Pager {
    /// The pager of page `page` of `pages`, `link` making the address of a page.
    pub fn new(i: &I18n, page: u32, pages: u32, link: impl Fn(u32) -> String) -> Self {
        Self {
            previous: (page > 1).then(|| link(page - 1)),
            label: super::organisations::page_label(i, page, pages),
            next: (page < pages).then(|| link(page + 1)),
            pages,
        }
    }

    /// Whether there is anything to page through.
    #[must_use]
    pub const fn shown(&self) -> bool {
        self.pages > 1
    }
}

/// The number of pages `total` rows fill, at least one.
#[must_use]
pub fn pages(total: i64, per_page: u32) -> u32 {
    let per_page = i64::from(per_page.max(1));
    u32::try_from((total + per_page - 1) / per_page).unwrap_or(u32::MAX).max(1)
}

/// A page number from the query string: anything that is not a whole number from 1 is page 1.
#[must_use]
pub fn number(text: &str) -> u32 {
    text.trim().parse::<u32>().unwrap_or(1).max(1)
}
