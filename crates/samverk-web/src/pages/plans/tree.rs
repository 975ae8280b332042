//! The plan tree as the pages show it: focus areas → main goals → sub-goals → measures, with
//! labels, SDG badges and contribution counts worked out once in Rust so the templates only
//! print.

use std::collections::HashMap;

use samverk_domain::plan::Beneficiary;
use samverk_store::plan::{Goal, Measure, PlanTree};
use samverk_store::sdg::SdgGoal;

use crate::i18n::I18n;

/// How deep the goal tree is followed; the domain refuses cycles, this only guards the page.
const MAX_DEPTH: usize = 32;

/// An SDG badge: shows "SDG 13", names the goal for screen readers, links to the UN's page.
pub struct Badge {
    pub text: String,
    pub label: String,
    pub url: String,
}

pub struct MeasureRow {
    pub id: i64,
    pub title: String,
}

/// One goal in a nested list, flattened: `opens` starts a nested list before the item,
/// `ends_item` closes the item (false when sub-goals follow inside it), and `closes` is the
/// number of nested lists ended after it.
pub struct GoalRow {
    pub id: i64,
    pub label: String,
    pub filled: bool,
    pub badges: Vec<Badge>,
    pub contributions: i64,
    pub contributions_text: String,
    pub measures: Vec<MeasureRow>,
    pub opens: bool,
    pub ends_item: bool,
    pub closes: usize,
}

pub struct AreaView {
    pub id: i64,
    pub title: String,
    pub description: Option<String>,
    pub goals: Vec<GoalRow>,
    pub measures: Vec<MeasureRow>,
}

/// Goals outside focus areas, under a heading when the plan groups them by who benefits.
pub struct GoalGroup {
    pub heading: Option<String>,
    pub goals: Vec<GoalRow>,
}

/// Looks up goal labels and builds rows for one plan tree.
pub struct TreeView<'a> {
    i: I18n,
    tree: &'a PlanTree,
    sdg_names: HashMap<i64, String>,
}

impl<'a> TreeView<'a> {
    pub fn new(i: I18n, tree: &'a PlanTree, sdg_goals: &[SdgGoal]) -> Self {
        Self { i, tree, sdg_names: sdg_goals.iter().map(|g| (g.number, g.short_en.clone())).collect() }
    }

    fn siblings(&self, goal: &Goal) -> Vec<&'a Goal> {
        match goal.parent_id {
            Some(parent) => self.tree.sub_goals(parent).collect(),
            None => self.tree.main_goals(goal.focus_area_id).collect(),
        }
    }

    /// The goal's wording, or "Main goal 2 – wording not yet filled in" when the plan has not
    /// decided it yet (nothing is invented); the number is its place among its siblings.
    pub fn label(&self, goal: &Goal) -> (String, bool) {
        if let Some(title) = &goal.title {
            return (title.clone(), true);
        }
        let n = self.siblings(goal).iter().position(|g| g.id == goal.id).map_or(1, |p| p + 1);
        let key = if goal.is_main() { "plans-main-goal-unfilled" } else { "plans-sub-goal-unfilled" };
        (self.i.tn(key, "n", i64::try_from(n).unwrap_or(i64::MAX)), false)
    }

    pub fn badges(&self, goal_id: i64) -> Vec<Badge> {
        self.tree
            .goal_sdgs(goal_id)
            .map(|s| {
                let text = self.i.t1("plans-sdg-badge", "code", &s.sdg_code);
                let name = self.sdg_names.get(&s.sdg_goal).cloned().unwrap_or_default();
                Badge { label: format!("{text}: {name}"), text, url: format!("https://sdgs.un.org/goals/goal{}", s.sdg_goal) }
            })
            .collect()
    }

    /// "2 engagements contribute", or the marked "No engagement contributes".
    pub fn contributions_text(&self, count: i64) -> String {
        if count == 0 { self.i.t("plans-no-contributions") } else { self.i.tn("plans-contributions", "count", count) }
    }

    fn measures(items: impl Iterator<Item = &'a Measure>) -> Vec<MeasureRow> {
        items.map(|m| MeasureRow { id: m.id, title: m.title.clone() }).collect()
    }

    fn row(&self, goal: &Goal) -> GoalRow {
        let (label, filled) = self.label(goal);
        let contributions = self.tree.contributions_in_tree(goal.id);
        GoalRow {
            id: goal.id,
            label,
            filled,
            badges: self.badges(goal.id),
            contributions,
            contributions_text: self.contributions_text(contributions),
            measures: Self::measures(self.tree.goal_measures(goal.id)),
            opens: false,
            ends_item: true,
            closes: 0,
        }
    }

    fn visit(&self, goal: &Goal, depth: usize, out: &mut Vec<(GoalRow, usize)>) {
        out.push((self.row(goal), depth));
        if depth < MAX_DEPTH {
            for sub in self.tree.sub_goals(goal.id) {
                self.visit(sub, depth + 1, out);
            }
        }
    }

    /// Goals in display order with the markers that nest them.
    fn nest(rows: Vec<(GoalRow, usize)>) -> Vec<GoalRow> {
        let depths: Vec<usize> = rows.iter().map(|(_, d)| *d).collect();
        rows.into_iter()
            .enumerate()
            .map(|(n, (mut row, depth))| {
                let before = if n == 0 { 0 } else { depths[n - 1] };
                let after = depths.get(n + 1).copied().unwrap_or(0);
                row.opens = depth > before;
                row.ends_item = after <= depth;
                row.closes = depth.saturating_sub(after);
                row
            })
            .collect()
    }

    /// A goal and everything below it, or a list of main goals with theirs.
    pub fn rows<'g>(&self, goals: impl Iterator<Item = &'g Goal>) -> Vec<GoalRow> {
        let mut out = Vec::new();
        for goal in goals {
            self.visit(goal, 0, &mut out);
        }
        Self::nest(out)
    }

    pub fn areas(&self) -> Vec<AreaView> {
        self.tree
            .focus_areas
            .iter()
            .map(|a| AreaView {
                id: a.id,
                title: a.title.clone(),
                description: a.description.clone(),
                goals: self.rows(self.tree.main_goals(Some(a.id))),
                measures: Self::measures(self.tree.area_measures(Some(a.id))),
            })
            .collect()
    }

    /// Main goals outside any focus area; grouped by who benefits when any goal says so.
    pub fn groups(&self) -> Vec<GoalGroup> {
        let loose: Vec<&Goal> = self.tree.main_goals(None).collect();
        if loose.is_empty() {
            return Vec::new();
        }
        if loose.iter().all(|g| g.beneficiary().is_none()) {
            return vec![GoalGroup { heading: None, goals: self.rows(loose.into_iter()) }];
        }
        let mut groups: Vec<GoalGroup> = Beneficiary::ALL
            .iter()
            .map(|b| GoalGroup {
                heading: Some(self.i.t(&format!("plans-goals-for-{}", b.code()))),
                goals: self.rows(loose.iter().copied().filter(|g| g.beneficiary() == Some(*b))),
            })
            .collect();
        groups.push(GoalGroup {
            heading: Some(self.i.t("plans-goals-for-nobody-named")),
            goals: self.rows(loose.iter().copied().filter(|g| g.beneficiary().is_none())),
        });
        groups.retain(|g| !g.goals.is_empty());
        groups
    }

    /// Measures under neither a focus area nor a goal.
    pub fn loose_measures(&self) -> Vec<MeasureRow> {
        Self::measures(self.tree.area_measures(None))
    }

    /// Every goal of the plan for a select: indented by depth, optionally leaving out one goal
    /// and everything below it (a goal cannot be placed under itself).
    pub fn goal_options(&self, without: Option<i64>) -> Vec<(i64, String)> {
        let mut out = Vec::new();
        let mains = self.tree.focus_areas.iter().map(|a| Some(a.id)).chain([None]);
        for area in mains {
            for goal in self.tree.main_goals(area) {
                self.option(goal, 0, without, &mut out);
            }
        }
        out
    }

    fn option(&self, goal: &Goal, depth: usize, without: Option<i64>, out: &mut Vec<(i64, String)>) {
        if Some(goal.id) == without || depth > MAX_DEPTH {
            return;
        }
        out.push((goal.id, format!("{}{}", "– ".repeat(depth), self.label(goal).0)));
        for sub in self.tree.sub_goals(goal.id) {
            self.option(sub, depth + 1, without, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> GoalRow {
        GoalRow {
            id: 0,
            label: String::new(),
            filled: true,
            badges: Vec::new(),
            contributions: 0,
            contributions_text: String::new(),
            measures: Vec::new(),
            opens: false,
            ends_item: true,
            closes: 0,
        }
    }

    #[test]
    fn nesting_markers_open_and_close_every_list() {
        // A > B > C, then D at the top again.
        let rows = TreeView::nest(vec![(row(), 0), (row(), 1), (row(), 2), (row(), 0)]);
        let marks: Vec<(bool, bool, usize)> = rows.iter().map(|r| (r.opens, r.ends_item, r.closes)).collect();
        assert_eq!(marks, vec![(false, false, 0), (true, false, 0), (true, true, 2), (false, true, 0)]);
    }
}
