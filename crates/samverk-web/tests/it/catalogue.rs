//! Every message the code and templates ask for exists in the catalogue, so no page ever shows a
//! raw key. (Norwegian and Swedish catalogues join this check when they arrive.)

use std::collections::BTreeSet;
use std::path::Path;

use samverk_domain::Problem;
use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::plan::{Beneficiary, PlanKind, PlanStatus};

fn files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push(text);
        }
    }
}

fn catalogue_keys() -> BTreeSet<String> {
    let mut texts = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en"), &mut texts);
    texts
        .iter()
        .flat_map(|t| t.lines())
        .filter_map(|line| line.split_once(" =").map(|(k, _)| k.trim().to_owned()))
        .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with(' ') && !k.starts_with('['))
        .collect()
}

/// Literal keys passed to `t`, `t1`, `tn`, `ta` and field names passed to the form macros.
fn used_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    files(&root.join("templates"), &mut texts);
    files(&root.join("src"), &mut texts);
    let mut keys = BTreeSet::new();
    for text in &texts {
        for call in [".t(\"", ".t1(\"", ".tn(\"", ".ta(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
                if rest[key.len()..].starts_with('"') && !key.is_empty() {
                    keys.insert(key);
                }
            }
        }
        for (at, _) in text.match_indices("(i, errors, \"") {
            let rest = &text[at + "(i, errors, \"".len()..];
            let name: String = rest.chars().take_while(|c| *c != '"').collect();
            keys.insert(format!("field-{name}"));
        }
    }
    keys
}

fn enum_keys() -> Vec<String> {
    let mut keys = Vec::new();
    keys.extend(EngagementKind::ALL.iter().flat_map(|k| [format!("engagement-kind-{k}"), format!("engagement-kinds-{k}")]));
    keys.extend(EngagementStatus::ALL.iter().map(|s| format!("engagement-status-{s}")));
    keys.extend(Role::ALL.iter().flat_map(|r| [format!("role-{r}"), format!("roles-{r}")]));
    keys.extend(OrganisationKind::ALL.iter().map(|k| format!("organisation-kind-{k}")));
    keys.extend(PlanKind::ALL.iter().map(|k| format!("plan-kind-{k}")));
    keys.extend(PlanStatus::ALL.iter().map(|s| format!("plan-status-{s}")));
    keys.extend(Beneficiary::ALL.iter().map(|b| format!("beneficiary-{b}")));
    keys.extend((1..=12).map(|m| format!("month-{m}")));
    let problems = [
        Problem::Required,
        Problem::TooLong { max: 1 },
        Problem::InvalidDate,
        Problem::EndBeforeStart,
        Problem::InvalidFormat { expected: "" },
        Problem::UnknownValue { allowed: String::new() },
        Problem::UnknownReference,
        Problem::Duplicate,
        Problem::OtherAuthority,
        Problem::Cycle,
        Problem::Rule { rule: String::new() },
        Problem::ContributionRule { engagement: String::new() },
        Problem::NotEuProject,
        Problem::YearOutsidePeriod,
        Problem::NotAPartner,
        Problem::PartsDoNotAddUp { parts: 0 },
        Problem::GrantAboveTotal,
        Problem::RateAbove100,
        Problem::RateMismatch { computed: String::new() },
        Problem::LessonsRequired,
        Problem::AddresseeRequired,
    ];
    keys.extend(samverk_domain::eu::Programme::ALL.iter().map(|p| format!("programme-{p}")));
    keys.extend(samverk_domain::eu::ProjectRole::ALL.iter().map(|r| format!("project-role-{r}")));
    keys.extend(problems.iter().map(|p| format!("problem-{}", p.code().replace('_', "-"))));
    for code in ["not_found", "invalid_input", "in_use", "bad_request", "internal"] {
        keys.push(format!("error-{code}-title"));
        keys.push(format!("error-{code}-text"));
    }
    keys
}

#[test]
fn every_message_asked_for_is_in_the_english_catalogue() {
    let catalogue = catalogue_keys();
    assert!(catalogue.len() > 100, "the catalogue was read: {}", catalogue.len());
    let used = used_keys();
    assert!(used.contains("engagements-title") && used.contains("field-owner_id"), "the sources were scanned: {used:?}");
    let mut missing: Vec<String> = used.into_iter().filter(|k| !catalogue.contains(k)).collect();
    missing.extend(enum_keys().into_iter().filter(|k| !catalogue.contains(k)));
    assert!(missing.is_empty(), "keys missing from locales/en: {missing:?}");
}
