//! `interreg-se-partners`: Swedish partners in Interreg 2021–2027 projects. One engagement per
//! programme and project, its Swedish partners in their roles (lead, partner, associated).

use std::collections::HashMap;

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::KindHint;
use time::Date;
use time::macros::format_description;

use super::{EngagementSpec, Options, OrgSpec, Plan, skip_or_fail};
use crate::table::{BadInput, Cells, Shape, Table};

pub const SHAPE: Shape = Shape {
    dataset: "interreg-se-partners",
    delimiter: b',',
    columns: &[
        "program",
        "projektnamn",
        "startdatum",
        "slutdatum",
        "aktiv",
        "politisktmal",
        "organisationsnamn",
        "organisationstyp",
        "organisationsroll",
        "nuts3",
        "partnerbudget",
    ],
};

fn date(c: &Cells<'_>, column: &str) -> Result<Option<Date>, BadInput> {
    let v = c.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    Date::parse(v, format_description!("[year]-[month]-[day]")).map(Some).map_err(|_| c.bad(column, "a date yyyy-mm-dd"))
}

fn kind(kind: &str) -> (OrganisationKind, Option<KindHint>) {
    match kind {
        "Regional public authority" => (OrganisationKind::Region, Some(KindHint::Regional)),
        "Local public authority" => (OrganisationKind::Municipality, Some(KindHint::Local)),
        "Higher education and research institution" | "Education and research institution" => (OrganisationKind::University, None),
        "Small or medium-sized enterprise (SME)" | "Large enterprise" | "Enterprise, except SME" => (OrganisationKind::Company, None),
        "National public authority" | "Sectoral agency" => (OrganisationKind::StateAgency, None),
        "NGO" | "Interest groups including NGOs" => (OrganisationKind::Ngo, None),
        "International governmental organisation" => (OrganisationKind::InternationalOrganisation, None),
        _ => (OrganisationKind::Other, None),
    }
}

struct Row {
    programme: String,
    project: String,
    start: Option<Date>,
    end: Option<Date>,
    active: bool,
    objective: String,
    org: OrgSpec,
    role: Role,
    budget: Option<f64>,
}

fn row(c: &Cells<'_>) -> Result<Row, BadInput> {
    let role = match c.get("organisationsroll") {
        "LP" => Role::LeadPartner,
        "PP" => Role::Partner,
        "AP" => Role::AssociatedPartner,
        _ => return Err(c.bad("organisationsroll", "LP, PP or AP")),
    };
    let active = match c.get("aktiv") {
        "Ja" => true,
        "Nej" => false,
        _ => return Err(c.bad("aktiv", "Ja or Nej")),
    };
    let budget = match c.get("partnerbudget") {
        "" => None,
        v => Some(
            v.parse::<f64>()
                .ok()
                .filter(|b| b.is_finite() && *b >= 0.0)
                .ok_or_else(|| c.bad("partnerbudget", "an amount in euros such as 149355"))?,
        ),
    };
    let (start, end) = (date(c, "startdatum")?, date(c, "slutdatum")?);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        return Err(c.bad("slutdatum", "an end date on or after the start date"));
    }
    let (kind, hint) = kind(c.get("organisationstyp"));
    Ok(Row {
        programme: c.required("program")?.to_owned(),
        project: c.required("projektnamn")?.to_owned(),
        start,
        end,
        active,
        objective: c.get("politisktmal").to_owned(),
        org: OrgSpec {
            name: c.required("organisationsnamn")?.to_owned(),
            country: "SE".to_owned(),
            kind,
            hint,
            codes: Vec::new(),
            authority: false,
        },
        role,
        budget,
    })
}

pub fn plan(table: &Table, plan: &mut Plan, options: &Options) -> Result<(), BadInput> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut groups: HashMap<(String, String), Vec<(u64, Row)>> = HashMap::new();
    for c in table.cells() {
        match row(&c) {
            Ok(r) => {
                let key = (r.programme.clone(), r.project.clone());
                if !groups.contains_key(&key) {
                    order.push(key.clone());
                }
                groups.entry(key).or_default().push((c.row, r));
            }
            Err(bad) => skip_or_fail(plan, options, bad)?,
        }
    }
    for key in order {
        let Some(group) = groups.remove(&key) else { continue };
        let Some((line, first)) = group.first() else { continue };
        let mut participants = Vec::new();
        let mut budgets = Vec::new();
        for (_, r) in &group {
            participants.push((plan.org(r.org.clone()), r.role));
            if let Some(b) = r.budget {
                budgets.push(format!("{}: {b:.0} EUR", r.org.name));
            }
        }
        let owner = participants
            .iter()
            .find(|(_, role)| *role == Role::LeadPartner)
            .or_else(|| participants.iter().find(|(i, _)| plan.orgs.get(*i).is_some_and(|o| o.kind.is_authority())))
            .or_else(|| participants.first())
            .map_or(0, |(i, _)| *i);
        let description = format!("Interreg {} ({}). Swedish partner budgets: {}", first.programme, first.objective, budgets.join("; "));
        plan.engagements.push(EngagementSpec {
            key: format!("{}|{}", key.0, key.1),
            kind: EngagementKind::EuProject,
            title: format!("{} (Interreg {})", first.project, first.programme).chars().take(300).collect(),
            description: Some(description.chars().take(4000).collect()),
            status: if first.active { EngagementStatus::Active } else { EngagementStatus::Ended },
            start: first.start,
            end: first.end,
            owner,
            participants,
            participant_rows: Vec::new(),
            note: None,
            row: *line,
        });
    }
    Ok(())
}
