//! The shipped reference registries (`data/registry/`), parsed into a [`Registry`]: Norwegian
//! counties and municipalities in the 2020–2023 and 2024– structures with the splits between
//! them, Swedish regions and municipalities, ISO 3166 countries and Nordic subdivisions, NUTS.

use std::collections::HashMap;

use samverk_domain::organisation::OrganisationDraft;
use samverk_domain::resolve;
use samverk_store::Store;
use samverk_store::registry::{
    Country, NutsRegion, Registry, RegistryCode, RegistryOrganisation, RegistrySuccession, RegistrySummary, Subdivision,
};
use serde::Deserialize;
use time::{Date, Month};

use crate::ImportError;

const FYLKER_2020: &str = include_str!("../data/registry/fylker_2020_2023.csv");
const FYLKER_2024: &str = include_str!("../data/registry/fylker_2024.csv");
const KOMMUNER_2020: &str = include_str!("../data/registry/kommuner_2020_2023.csv");
const KOMMUNER_2024: &str = include_str!("../data/registry/kommuner_2024_with_websites.csv");
const KOMMUNER_2024_EXTRA: &str = include_str!("../data/registry/kommuner_2024_supplement.csv");
const ORGNR_2020: &str = include_str!("../data/registry/kommune_orgnr_2020_2023.csv");
const FORMER_NAMES: &str = include_str!("../data/registry/former_names.csv");
const SE_COUNTIES: &str = include_str!("../data/registry/se_counties.csv");
const SE_MUNICIPALITIES: &str = include_str!("../data/registry/se_municipalities.csv");
const COUNTRIES: &str = include_str!("../data/registry/iso_3166_1_countries.csv");
const SUBDIVISIONS: &str = include_str!("../data/registry/iso_3166_2_nordic_subdivisions.csv");
const NUTS: &str = include_str!("../data/registry/nuts_2024_regions.csv");

/// EU member states (2024).
const EU: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT",
    "RO", "SK", "SI", "ES", "SE",
];
/// EEA members outside the EU.
const EEA_EFTA: &[&str] = &["IS", "LI", "NO"];
/// Schengen: the EU without Ireland and Cyprus (Bulgaria and Romania full members from 2025), plus these.
const SCHENGEN_OUTSIDE_EU: &[&str] = &["IS", "LI", "NO", "CH"];

/// The day the 2024 county structure took effect in Norway.
const REFORM_2024: Date = match Date::from_calendar_date(2024, Month::January, 1) {
    Ok(d) => d,
    Err(_) => Date::MIN,
};
const START_2020: Date = match Date::from_calendar_date(2020, Month::January, 1) {
    Ok(d) => d,
    Err(_) => Date::MIN,
};
const END_2023: Date = match Date::from_calendar_date(2023, Month::December, 31) {
    Ok(d) => d,
    Err(_) => Date::MIN,
};

/// Split counties of 2020–2023 and the counties of 2024 they became.
const SPLITS: &[(&str, &[&str])] = &[("30", &["31", "32", "33"]), ("38", &["39", "40"]), ("54", &["55", "56"])];

/// The names Swedish regions go by, where not "Region <län>".
const SE_REGION_NAMES: &[(&str, &str)] = &[
    ("04", "Region Sörmland"),
    ("06", "Region Jönköpings län"),
    ("08", "Region Kalmar län"),
    ("14", "Västra Götalandsregionen"),
    ("18", "Region Örebro län"),
    ("23", "Region Jämtland Härjedalen"),
];

fn rows<T: for<'de> Deserialize<'de>>(file: &str, text: &str, delimiter: u8) -> Result<Vec<T>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
    reader
        .deserialize()
        .map(|row| {
            row.map_err(|e| ImportError::Parse {
                file: file.to_owned(),
                line: e.position().map_or(0, csv::Position::line),
                message: e.to_string(),
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct Fylke {
    fylkesnummer: String,
    fylkesnavn: String,
}

#[derive(Deserialize)]
struct Kommune2020 {
    kommunenummer: String,
    kommunenavn: String,
    kommunenavn_norsk: String,
    fylkesnummer: String,
}

#[derive(Deserialize)]
struct Kommune2024 {
    #[serde(rename = "Nr")]
    nr: String,
    #[serde(rename = "Kommunenavn")]
    name: String,
    #[serde(rename = "Domene")]
    domain: String,
    #[serde(default)]
    predecessor: Option<String>,
}

#[derive(Deserialize)]
struct OrgNr {
    #[serde(rename = "sourceCode")]
    org_number: String,
    #[serde(rename = "targetCode")]
    kommunenummer: String,
}

/// A name a body went by before a merger (Askim → Indre Østfold in 2020) or in English.
#[derive(Deserialize)]
struct FormerName {
    scheme: String,
    code: String,
    name: String,
}

#[derive(Deserialize)]
struct SeCounty {
    county_code: String,
    county_name: String,
    county_name_short: String,
}

#[derive(Deserialize)]
struct SeMunicipality {
    municipality_code: String,
    municipality_name: String,
    municipality_name_short: String,
}

#[derive(Deserialize)]
struct CountryRow {
    alpha_2: String,
    alpha_3: String,
    numeric: String,
    name_en: String,
    common_name_en: String,
    name_nb: String,
    name_nn: String,
    name_sv: String,
}

#[derive(Deserialize)]
struct SubdivisionRow {
    code: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    parent: String,
    name_nb: String,
    name_sv: String,
}

#[derive(Deserialize)]
struct NutsRow {
    country_code: String,
    code: String,
    label: String,
    level: i64,
    kind: String,
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Builds an organisation through the same validation as a form.
fn organisation(draft: &OrganisationDraft, file: &str) -> Result<samverk_domain::organisation::NewOrganisation, ImportError> {
    draft.validate().map_err(|e| ImportError::Invalid {
        file: file.to_owned(),
        what: "organisation",
        key: draft.name.clone(),
        problem: e.to_string(),
    })
}

fn code(scheme: &'static str, code: &str, valid_from: Option<Date>, valid_to: Option<Date>) -> RegistryCode {
    RegistryCode { scheme, code: code.to_owned(), valid_from, valid_to }
}

/// Names carry both Sámi and Norwegian forms ("Unjárga - Nesseby"): each part is an alias.
fn aliases(names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        for part in std::iter::once(*name).chain(name.split(" - ")).chain(name.split('/')) {
            let a = resolve::alias(part);
            if !a.is_empty() && !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

fn nuts_by_label<'a>(nuts: &'a [NutsRegion], country: &str, name: &str) -> Option<&'a NutsRegion> {
    nuts.iter().find(|n| n.country == country && n.level == 3 && n.label.split('/').next() == Some(name))
}

struct Norway {
    organisations: Vec<RegistryOrganisation>,
    successions: Vec<RegistrySuccession>,
}

fn date(d: Date) -> String {
    d.to_string()
}

#[expect(clippy::too_many_lines, reason = "one pass over the two structures; split, it would pass half-built maps around")]
fn norway(nuts: &[NutsRegion]) -> Result<Norway, ImportError> {
    let fylker_2020: Vec<Fylke> = rows("fylker_2020_2023.csv", FYLKER_2020, b',')?;
    let fylker_2024: Vec<Fylke> = rows("fylker_2024.csv", FYLKER_2024, b',')?;
    let kommuner_2020: Vec<Kommune2020> = rows("kommuner_2020_2023.csv", KOMMUNER_2020, b',')?;
    let mut kommuner_2024: Vec<Kommune2024> = rows("kommuner_2024_with_websites.csv", KOMMUNER_2024, b',')?;
    kommuner_2024.extend(rows::<Kommune2024>("kommuner_2024_supplement.csv", KOMMUNER_2024_EXTRA, b',')?);
    let orgnr: HashMap<String, String> =
        rows::<OrgNr>("kommune_orgnr_2020_2023.csv", ORGNR_2020, b';')?.into_iter().map(|r| (r.kommunenummer, r.org_number)).collect();
    let mut out = Norway { organisations: Vec::new(), successions: Vec::new() };
    let mut county_index: HashMap<String, usize> = HashMap::new();
    // Counties: those in both structures once, the split ones and their successors apart.
    let in_2024 = |nr: &str| fylker_2024.iter().any(|f| f.fylkesnummer == nr);
    let all_counties = fylker_2020
        .iter()
        .map(|f| (f, true))
        .chain(fylker_2024.iter().filter(|f| !fylker_2020.iter().any(|o| o.fylkesnummer == f.fylkesnummer)).map(|f| (f, false)));
    for (f, old) in all_counties {
        if f.fylkesnummer == "03" {
            continue; // Oslo is a municipality with a county's tasks: the fylkesnummer goes to it below.
        }
        let (from, to) = match (old, in_2024(&f.fylkesnummer)) {
            (true, true) => (None, None),
            (true, false) => (Some(START_2020), Some(END_2023)),
            (false, _) => (Some(REFORM_2024), None),
        };
        let name = format!("{} fylkeskommune", f.fylkesnavn);
        let nuts = if to.is_none() { nuts_by_label(nuts, "NO", &f.fylkesnavn) } else { None };
        let draft = OrganisationDraft {
            name: name.clone(),
            name_nb: name,
            kind: "county".into(),
            country: "NO".into(),
            region_code: f.fylkesnummer.clone(),
            nuts_code: nuts.map(|n| n.code.clone()).unwrap_or_default(),
            valid_from: from.map(date).unwrap_or_default(),
            valid_to: to.map(date).unwrap_or_default(),
            ..Default::default()
        };
        let mut codes = vec![code("fylkesnummer", &f.fylkesnummer, from, to)];
        codes.extend(nuts.map(|n| code("nuts", &n.code, None, None)));
        county_index.insert(f.fylkesnummer.clone(), out.organisations.len());
        out.organisations.push(RegistryOrganisation {
            organisation: organisation(&draft, "fylker_2024.csv")?,
            web_domain: None,
            codes,
            aliases: aliases(&[&f.fylkesnavn]),
        });
    }
    for (old, new) in SPLITS {
        for n in *new {
            if let (Some(&p), Some(&s)) = (county_index.get(*old), county_index.get(*n)) {
                out.successions.push(RegistrySuccession { predecessor: p, successor: s, date: REFORM_2024 });
            }
        }
    }
    // Municipalities: one organisation per body, its 2020–2023 and 2024 numbers as identifiers.
    let counties_after = |old: &str| -> Vec<String> {
        SPLITS.iter().find(|(o, _)| *o == old).map_or_else(|| vec![old.to_owned()], |(_, n)| n.iter().map(|s| (*s).to_owned()).collect())
    };
    let mut by_number_2020: HashMap<String, usize> = HashMap::new();
    let mut matched_2024: Vec<bool> = vec![false; kommuner_2024.len()];
    for k in &kommuner_2020 {
        let after = counties_after(&k.fylkesnummer);
        let successor = kommuner_2024.iter().position(|n| {
            n.predecessor.is_none()
                && (n.name == k.kommunenavn_norsk || n.name == k.kommunenavn)
                && after.iter().any(|c| n.nr.starts_with(c.as_str()))
        });
        let new = successor.and_then(|i| kommuner_2024.get(i));
        if let Some(i) = successor
            && let Some(slot) = matched_2024.get_mut(i)
        {
            *slot = true;
        }
        let name = format!("{} kommune", k.kommunenavn_norsk);
        let current = new.map_or(k.kommunenummer.as_str(), |n| n.nr.as_str());
        let draft = OrganisationDraft {
            name: name.clone(),
            name_nb: name,
            kind: "municipality".into(),
            country: "NO".into(),
            org_number: orgnr.get(&k.kommunenummer).cloned().unwrap_or_default(),
            region_code: current.to_owned(),
            valid_from: String::new(),
            valid_to: if new.is_none() { date(END_2023) } else { String::new() },
            ..Default::default()
        };
        let mut codes = Vec::new();
        match new {
            Some(n) if n.nr == k.kommunenummer => codes.push(code("kommunenummer", &n.nr, None, None)),
            Some(n) => {
                codes.push(code("kommunenummer", &n.nr, Some(REFORM_2024), None));
                codes.push(code("kommunenummer", &k.kommunenummer, Some(START_2020), Some(END_2023)));
            }
            None => codes.push(code("kommunenummer", &k.kommunenummer, Some(START_2020), Some(END_2023))),
        }
        if let Some(nr) = orgnr.get(&k.kommunenummer) {
            codes.push(code("orgnr", nr, None, None));
        }
        if k.kommunenummer == "0301" {
            codes.push(code("fylkesnummer", "03", None, None));
        }
        by_number_2020.insert(k.kommunenummer.clone(), out.organisations.len());
        out.organisations.push(RegistryOrganisation {
            organisation: organisation(&draft, "kommuner_2020_2023.csv")?,
            web_domain: new.map(|n| domain(&n.nr, &n.domain)),
            codes,
            aliases: aliases(&[&k.kommunenavn, &k.kommunenavn_norsk]),
        });
    }
    // 2024 municipalities without a 2020–2023 body (Haram, out of Ålesund).
    for (n, _) in kommuner_2024.iter().zip(&matched_2024).filter(|(_, m)| !**m) {
        let name = format!("{} kommune", n.name);
        let draft = OrganisationDraft {
            name: name.clone(),
            name_nb: name,
            kind: "municipality".into(),
            country: "NO".into(),
            region_code: n.nr.clone(),
            valid_from: date(REFORM_2024),
            ..Default::default()
        };
        let index = out.organisations.len();
        out.organisations.push(RegistryOrganisation {
            organisation: organisation(&draft, "kommuner_2024_supplement.csv")?,
            web_domain: Some(domain(&n.nr, &n.domain)),
            codes: vec![code("kommunenummer", &n.nr, Some(REFORM_2024), None)],
            aliases: aliases(&[&n.name]),
        });
        if let Some(&p) = n.predecessor.as_ref().and_then(|p| by_number_2020.get(p)) {
            out.successions.push(RegistrySuccession { predecessor: p, successor: index, date: REFORM_2024 });
        }
    }
    Ok(out)
}

/// The upstream file swaps the domains of Meråker and Midt-Telemark (SOURCE-no.md).
fn domain(nr: &str, given: &str) -> String {
    match nr {
        "5034" => "www.meraker.kommune.no".to_owned(),
        "4020" => "midt-telemark.kommune.no".to_owned(),
        _ => given.trim().to_owned(),
    }
}

fn sweden(nuts: &[NutsRegion]) -> Result<Vec<RegistryOrganisation>, ImportError> {
    let counties: Vec<SeCounty> = rows("se_counties.csv", SE_COUNTIES, b',')?;
    let municipalities: Vec<SeMunicipality> = rows("se_municipalities.csv", SE_MUNICIPALITIES, b',')?;
    let mut out = Vec::new();
    for c in &counties {
        let name = SE_REGION_NAMES
            .iter()
            .find(|(code, _)| *code == c.county_code)
            .map_or_else(|| format!("Region {}", c.county_name_short), |(_, n)| (*n).to_owned());
        let nuts = nuts.iter().find(|n| n.country == "SE" && n.level == 3 && n.label == c.county_name);
        let draft = OrganisationDraft {
            name: name.clone(),
            name_sv: name.clone(),
            kind: "region".into(),
            country: "SE".into(),
            scb_code: c.county_code.clone(),
            nuts_code: nuts.map(|n| n.code.clone()).unwrap_or_default(),
            ..Default::default()
        };
        let mut codes = vec![code("scb", &c.county_code, None, None)];
        codes.extend(nuts.map(|n| code("nuts", &n.code, None, None)));
        out.push(RegistryOrganisation {
            organisation: organisation(&draft, "se_counties.csv")?,
            web_domain: None,
            codes,
            aliases: aliases(&[&name, &c.county_name, &c.county_name_short]),
        });
    }
    for m in &municipalities {
        let draft = OrganisationDraft {
            name: m.municipality_name.clone(),
            name_sv: m.municipality_name.clone(),
            kind: "municipality".into(),
            country: "SE".into(),
            scb_code: m.municipality_code.clone(),
            ..Default::default()
        };
        out.push(RegistryOrganisation {
            organisation: organisation(&draft, "se_municipalities.csv")?,
            web_domain: None,
            codes: vec![code("scb", &m.municipality_code, None, None)],
            aliases: aliases(&[&m.municipality_name, &m.municipality_name_short]),
        });
    }
    Ok(out)
}

/// Parses every shipped register.
///
/// # Errors
/// A malformed shipped file (a build fault; a test guards against it).
pub fn registry() -> Result<Registry, ImportError> {
    let nuts: Vec<NutsRegion> = rows::<NutsRow>("nuts_2024_regions.csv", NUTS, b',')?
        .into_iter()
        .map(|n| NutsRegion { code: n.code, country: n.country_code, label: n.label, level: n.level, kind: n.kind })
        .collect();
    let countries = rows::<CountryRow>("iso_3166_1_countries.csv", COUNTRIES, b',')?
        .into_iter()
        .map(|c| {
            let code = c.alpha_2.as_str();
            let eu = EU.contains(&code);
            Country {
                eea: eu || EEA_EFTA.contains(&code),
                schengen: (eu && code != "IE" && code != "CY") || SCHENGEN_OUTSIDE_EU.contains(&code),
                eu,
                code: c.alpha_2.clone(),
                alpha3: c.alpha_3,
                numeric_code: c.numeric,
                name_en: non_empty(&c.common_name_en).unwrap_or(c.name_en),
                name_nb: c.name_nb,
                name_nn: c.name_nn,
                name_sv: c.name_sv,
            }
        })
        .collect();
    let subdivisions = rows::<SubdivisionRow>("iso_3166_2_nordic_subdivisions.csv", SUBDIVISIONS, b',')?
        .into_iter()
        .map(|s| Subdivision {
            country: s.code.split('-').next().unwrap_or_default().to_owned(),
            code: s.code,
            name: s.name,
            kind: s.kind,
            parent: non_empty(&s.parent),
            name_nb: non_empty(&s.name_nb),
            name_sv: non_empty(&s.name_sv),
        })
        .collect();
    let norway = norway(&nuts)?;
    let mut organisations = norway.organisations;
    organisations.extend(sweden(&nuts)?);
    for former in rows::<FormerName>("former_names.csv", FORMER_NAMES, b',')? {
        let body = organisations.iter_mut().find(|o| o.codes.iter().any(|c| c.scheme == former.scheme && c.code == former.code));
        let body = body.ok_or_else(|| ImportError::Invalid {
            file: "former_names.csv".into(),
            what: "code",
            key: former.code.clone(),
            problem: "names no body of the registers".into(),
        })?;
        body.aliases.extend(aliases(&[&former.name]));
    }
    Ok(Registry { countries, subdivisions, nuts, organisations, successions: norway.successions })
}

/// Loads whatever of the registers is missing (idempotent).
///
/// # Errors
/// A malformed shipped file or the database error.
pub async fn ensure_loaded(store: &Store) -> Result<RegistrySummary, ImportError> {
    Ok(store.ensure_registry(&registry()?).await?)
}

#[cfg(test)]
mod tests {
    use samverk_domain::organisation::OrganisationKind;

    use super::*;

    fn find<'a>(r: &'a Registry, scheme: &str, value: &str) -> Option<(usize, &'a RegistryOrganisation)> {
        r.organisations.iter().enumerate().find(|(_, o)| o.codes.iter().any(|c| c.scheme == scheme && c.code == value))
    }

    #[test]
    fn the_registers_hold_both_norwegian_structures_and_sweden() -> Result<(), ImportError> {
        let r = registry()?;
        assert_eq!(r.countries.len(), 249);
        assert_eq!(r.nuts.len(), 2048);
        let kinds = |country: &str, kind: OrganisationKind| {
            r.organisations.iter().filter(|o| o.organisation.country == country && o.organisation.kind == kind).count()
        };
        assert_eq!(kinds("NO", OrganisationKind::County), 17, "8 unchanged + 3 split + 7 new (Oslo is a municipality)");
        assert_eq!(kinds("NO", OrganisationKind::Municipality), 357, "356 of 2020–2023 carried on, plus Haram");
        assert_eq!(kinds("SE", OrganisationKind::Region), 21);
        assert_eq!(kinds("SE", OrganisationKind::Municipality), 290);
        let norway = r.countries.iter().find(|c| c.code == "NO").map(|c| (c.eu, c.eea, c.schengen, c.name_sv.clone()));
        assert_eq!(norway, Some((false, true, true, "Norge".to_owned())));
        let ireland = r.countries.iter().find(|c| c.code == "IE").map(|c| (c.eu, c.schengen));
        assert_eq!(ireland, Some((true, false)));
        Ok(())
    }

    #[test]
    fn the_2024_splits_are_successions() -> Result<(), ImportError> {
        let r = registry()?;
        let (vt, vt_org) =
            find(&r, "fylkesnummer", "38").ok_or_else(|| ImportError::Parse { file: "38".into(), line: 0, message: String::new() })?;
        assert_eq!(vt_org.organisation.name, "Vestfold og Telemark fylkeskommune");
        let successors: Vec<&str> = r
            .successions
            .iter()
            .filter(|s| s.predecessor == vt)
            .filter_map(|s| r.organisations.get(s.successor).and_then(|o| o.organisation.region_code.as_deref()))
            .collect();
        assert_eq!(successors, vec!["39", "40"]);
        let viken = find(&r, "fylkesnummer", "30").map(|(i, _)| i);
        assert_eq!(r.successions.iter().filter(|s| Some(s.predecessor) == viken).count(), 3);
        // Tønsberg: one body, 3803 until 2023 and 3905 from 2024, its organisation number kept.
        let (_, tonsberg) =
            find(&r, "kommunenummer", "3803").ok_or_else(|| ImportError::Parse { file: "3803".into(), line: 0, message: String::new() })?;
        assert_eq!(tonsberg.organisation.region_code.as_deref(), Some("3905"));
        assert_eq!(tonsberg.organisation.org_number.as_deref(), Some("921383681"));
        assert_eq!(tonsberg.web_domain.as_deref(), Some("www.tonsberg.kommune.no"));
        assert_eq!(find(&r, "nuts", "NO094").map(|(_, o)| o.organisation.name.as_str()), Some("Telemark fylkeskommune"));
        assert_eq!(find(&r, "scb", "22").map(|(_, o)| o.organisation.name.as_str()), Some("Region Västernorrland"));
        assert_eq!(find(&r, "fylkesnummer", "03").map(|(_, o)| o.organisation.name.as_str()), Some("Oslo kommune"));
        Ok(())
    }
}
