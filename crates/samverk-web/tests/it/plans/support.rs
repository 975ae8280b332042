//! Finding demo records by what a user would call them.

use samverk_store::Store;
use samverk_store::plan::PlanTree;

/// The plan with this title.
///
/// # Panics
/// When there is none: the test's fixture is wrong.
pub async fn plan_id(store: &Store, title: &str) -> i64 {
    let plans = store.plans(None).await.unwrap_or_else(|e| panic!("{e}"));
    plans.iter().find(|p| p.title == title).map(|p| p.id).unwrap_or_else(|| panic!("no plan titled {title}"))
}

pub async fn tree(store: &Store, plan_id: i64) -> PlanTree {
    store.plan_tree(plan_id).await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("no plan {plan_id}"))
}

/// The goal of a plan with this wording.
pub fn goal_id(tree: &PlanTree, title: &str) -> i64 {
    tree.goals.iter().find(|g| g.title.as_deref() == Some(title)).map(|g| g.id).unwrap_or_else(|| panic!("no goal titled {title}"))
}

/// The part of `text` from `from` up to `to` (or the end), so an assertion can say under
/// which heading something appears.
pub fn section<'a>(text: &'a str, from: &str, to: Option<&str>) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("«{from}» is not on the page: {text}"));
    let rest = &text[start..];
    match to {
        Some(to) => &rest[..rest.find(to).unwrap_or_else(|| panic!("«{to}» does not follow «{from}»: {text}"))],
        None => rest,
    }
}
