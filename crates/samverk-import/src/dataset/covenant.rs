//! `covenant-of-mayors`: the signatories of the Covenant of Mayors (JRC "GCoM – MyCovenant",
//! January 2024). The Covenant is one network engagement with every signatory as a member, so
//! its members share a network for partner discovery; each coordinator (a county council, a
//! region) and each supporter (a network such as EUROCITIES or Klimatkommunerna) gets an
//! engagement of its own with the signatories it coordinates or supports. Every membership
//! keeps the row it comes from.

use std::collections::{HashMap, HashSet};

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::KindHint;
use time::Date;
use time::macros::format_description;

use super::{EngagementSpec, Options, OrgSpec, Plan, country, skip_or_fail};
use crate::table::{BadInput, Cells, Shape, Table};

pub const SHAPE: Shape = Shape {
    dataset: "covenant-of-mayors",
    delimiter: b',',
    columns: &[
        "organisation_id",
        "organisation_name",
        "coordinator_name",
        "supporter_name",
        "country_code",
        "group_profile",
        "signatory_status",
        "date_of_adhesion",
    ],
};

/// The Covenant itself, owner of the membership engagement. "EU": a Europe-wide body (the ISO
/// code reserved for the European Union), as for networks that span countries below.
const COVENANT: &str = "Covenant of Mayors for Climate & Energy";
const EUROPE: &str = "EU";

/// Upstream writes a missing value as `-`.
fn value<'a>(c: &Cells<'a>, column: &str) -> Option<&'a str> {
    Some(c.get(column)).filter(|v| !v.is_empty() && *v != "-")
}

struct Signatory {
    org: OrgSpec,
    coordinator: Option<String>,
    supporter: Option<String>,
    on_hold: bool,
    adhesion: Option<Date>,
}

fn signatory(c: &Cells<'_>) -> Result<Signatory, BadInput> {
    let id = value(c, "organisation_id").ok_or_else(|| c.bad("organisation_id", "the signatory's Covenant id such as 12476"))?;
    let name = value(c, "organisation_name").ok_or_else(|| c.bad("organisation_name", "the signatory's name"))?;
    let code = c.get("country_code");
    let country = Some(code)
        .filter(|v| v.len() == 2)
        .and_then(country::code)
        .ok_or_else(|| c.bad("country_code", "a two-letter ISO country code such as se or no"))?;
    let group = match c.get("group_profile") {
        "True" => true,
        "False" => false,
        _ => return Err(c.bad("group_profile", "True or False")),
    };
    let on_hold = match c.get("signatory_status") {
        "published" => false,
        "on_hold" => true,
        _ => return Err(c.bad("signatory_status", "published or on_hold")),
    };
    let adhesion = match value(c, "date_of_adhesion") {
        None => None,
        Some(v) => {
            Some(Date::parse(v, format_description!("[year]-[month]-[day]")).map_err(|_| c.bad("date_of_adhesion", "a date yyyy-mm-dd"))?)
        }
    };
    let nordic = matches!(country.as_str(), "NO" | "SE");
    // A group of signatories (a joint plan: "Isle of Öland") is not one municipality.
    let kind = match (group, nordic) {
        (true, _) => OrganisationKind::Other,
        (false, true) => OrganisationKind::Municipality,
        (false, false) => OrganisationKind::ForeignRegion,
    };
    Ok(Signatory {
        org: OrgSpec {
            name: name.to_owned(),
            country,
            kind,
            hint: (nordic && !group).then_some(KindHint::Local),
            codes: vec![("covenant", id.to_owned())],
            authority: nordic && !group,
        },
        coordinator: value(c, "coordinator_name").map(str::to_owned),
        supporter: value(c, "supporter_name").map(str::to_owned),
        on_hold,
        adhesion,
    })
}

/// The signatories a coordinator or supporter stands behind, and their countries.
#[derive(Default)]
struct Behind {
    first_row: u64,
    members: Vec<(usize, u64)>,
    countries: HashSet<String>,
}

impl Behind {
    /// The one country of its signatories, or Europe-wide.
    fn country(&self) -> String {
        match self.countries.iter().next() {
            Some(c) if self.countries.len() == 1 => c.clone(),
            _ => EUROPE.to_owned(),
        }
    }
}

pub fn plan(table: &Table, plan: &mut Plan, options: &Options) -> Result<(), BadInput> {
    let mut members: Vec<(usize, u64)> = Vec::new();
    let mut on_hold = 0;
    let mut first_adhesion: Option<Date> = None;
    let mut coordinators: Vec<String> = Vec::new();
    let mut supporters: Vec<String> = Vec::new();
    let mut behind: HashMap<(bool, String), Behind> = HashMap::new();
    for c in table.cells() {
        let s = match signatory(&c) {
            Ok(s) => s,
            Err(bad) => {
                skip_or_fail(plan, options, bad)?;
                continue;
            }
        };
        let country = s.org.country.clone();
        let i = plan.org(s.org);
        members.push((i, c.row));
        on_hold += usize::from(s.on_hold);
        if let Some(d) = s.adhesion {
            first_adhesion = Some(first_adhesion.map_or(d, |f| f.min(d)));
        }
        for (is_coordinator, name) in [(true, s.coordinator), (false, s.supporter)] {
            let Some(name) = name else { continue };
            let entry = behind.entry((is_coordinator, name.clone())).or_insert_with(|| {
                if is_coordinator {
                    coordinators.push(name.clone())
                } else {
                    supporters.push(name.clone())
                }
                Behind { first_row: c.row, ..Behind::default() }
            });
            entry.members.push((i, c.row));
            entry.countries.insert(country.clone());
        }
    }
    let Some(&(_, first_row)) = members.first() else { return Ok(()) };
    let covenant = plan.org(OrgSpec {
        name: COVENANT.to_owned(),
        country: EUROPE.to_owned(),
        kind: OrganisationKind::InternationalOrganisation,
        hint: None,
        codes: Vec::new(),
        authority: false,
    });
    let mut participants = vec![(covenant, Role::Secretariat)];
    participants.extend(members.iter().map(|(i, _)| (*i, Role::Member)));
    let mut participant_rows = vec![first_row];
    participant_rows.extend(members.iter().map(|(_, row)| *row));
    plan.engagements.push(EngagementSpec {
        key: "covenant".to_owned(),
        kind: EngagementKind::Network,
        title: COVENANT.to_owned(),
        description: Some(format!(
            "Signatories of the Covenant of Mayors (JRC, Global Covenant of Mayors – MyCovenant, January 2024): {} in all, {on_hold} of them on hold.",
            members.len()
        )),
        status: EngagementStatus::Active,
        start: first_adhesion,
        end: None,
        owner: covenant,
        participants,
        participant_rows,
        note: None,
        row: first_row,
    });
    for (is_coordinator, names) in [(true, coordinators), (false, supporters)] {
        for name in names {
            let Some(b) = behind.remove(&(is_coordinator, name.clone())) else { continue };
            push_behind(plan, is_coordinator, &name, &b);
        }
    }
    Ok(())
}

/// A coordinator's or supporter's own engagement: it and the signatories it stands behind.
fn push_behind(plan: &mut Plan, is_coordinator: bool, name: &str, b: &Behind) {
    let country = b.country();
    let nordic = matches!(country.as_str(), "NO" | "SE");
    let (kind, hint, role, what) = if is_coordinator {
        let kind = if nordic { OrganisationKind::Region } else { OrganisationKind::ForeignRegion };
        (kind, nordic.then_some(KindHint::Regional), Role::Coordinator, "coordinator")
    } else {
        (OrganisationKind::Ngo, None, Role::Supporter, "supporter")
    };
    // Coordinators are public authorities (county councils, regions); supporters are networks.
    let owner = plan.org(OrgSpec { name: name.to_owned(), country, kind, hint, codes: Vec::new(), authority: is_coordinator && nordic });
    let mut participants = vec![(owner, role)];
    participants.extend(b.members.iter().map(|(i, _)| (*i, Role::Member)));
    let mut participant_rows = vec![b.first_row];
    participant_rows.extend(b.members.iter().map(|(_, row)| *row));
    plan.engagements.push(EngagementSpec {
        key: format!("{what}|{name}"),
        kind: EngagementKind::Network,
        title: format!("Covenant of Mayors {what}: {name}").chars().take(300).collect(),
        description: Some(format!("{} Covenant of Mayors signatories with {name} as their Covenant {what}.", b.members.len())),
        status: EngagementStatus::Active,
        start: None,
        end: None,
        owner,
        participants,
        participant_rows,
        note: None,
        row: b.first_row,
    });
}
