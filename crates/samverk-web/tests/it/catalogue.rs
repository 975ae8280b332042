//! Every message the code and templates ask for exists in the catalogue of every language, so no
//! page ever shows a raw key; every language has the same keys; and no key is left unused.

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

const LANGUAGES: [&str; 3] = ["en", "nb", "sv"];

fn catalogue_keys() -> BTreeSet<String> {
    catalogue_keys_of("en")
}

fn catalogue_keys_of(lang: &str) -> BTreeSet<String> {
    let mut texts = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang), &mut texts);
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
        Problem::FileTooLarge { name: String::new(), max_mb: 0 },
        Problem::FileType { name: String::new(), allowed: String::new() },
        Problem::TooManyFiles { max: 0 },
        Problem::Ambiguous,
        Problem::NotInRegister,
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

#[test]
fn every_language_has_the_same_keys() {
    let english = catalogue_keys_of("en");
    for lang in LANGUAGES {
        let keys = catalogue_keys_of(lang);
        let missing: Vec<&String> = english.difference(&keys).collect();
        let extra: Vec<&String> = keys.difference(&english).collect();
        assert!(missing.is_empty(), "keys missing from locales/{lang}: {missing:?}");
        assert!(extra.is_empty(), "keys in locales/{lang} but not in locales/en: {extra:?}");
    }
}

/// The file names in each language folder are the same, so an area's strings stay together.
#[test]
fn every_language_has_the_same_files() {
    let names = |lang: &str| -> BTreeSet<String> {
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang))
            .unwrap_or_else(|e| panic!("locales/{lang}: {e}"))
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    for lang in LANGUAGES {
        assert_eq!(names(lang), names("en"), "the .ftl files of locales/{lang} differ from locales/en");
    }
}

/// A key is used when the code names it (literally, as a quoted string anywhere in the sources),
/// or builds it from a prefix (`format!("engagement-kind-{}", …)`), or an enum names it.
#[test]
fn every_message_in_the_catalogue_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    files(&root.join("templates"), &mut texts);
    files(&root.join("src"), &mut texts);
    let all = texts.join("\n");
    let mut prefixes = BTreeSet::new();
    for (at, _) in all.match_indices("-{") {
        let before = &all[..=at];
        let start = before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).map_or(0, |p| p + 1);
        if before[..start].ends_with('"') && at + 1 > start {
            prefixes.insert(all[start..=at].to_owned());
        }
    }
    let used = used_keys();
    let enums: BTreeSet<String> = enum_keys().into_iter().collect();
    let unused: Vec<String> = catalogue_keys()
        .into_iter()
        .filter(|k| !used.contains(k) && !enums.contains(k))
        .filter(|k| !all.contains(&format!("\"{k}\"")))
        .filter(|k| !prefixes.iter().any(|p| k.starts_with(p.as_str())))
        .collect();
    assert!(unused.is_empty(), "keys in the catalogue that nothing uses: {unused:?}");
}
