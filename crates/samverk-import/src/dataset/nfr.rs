//! `nfr-h2020-norway`: the Research Council of Norway's list of Norwegian participations in
//! Horizon 2020. One engagement per project, its Norwegian organisations as participants.

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::KindHint;
use time::Date;
use time::macros::format_description;

use super::{EngagementSpec, Options, OrgSpec, Plan, skip_or_fail};
use crate::table::{BadInput, Cells, Shape, Table};

pub const SHAPE: Shape = Shape {
    dataset: "nfr-h2020-norway",
    delimiter: b';',
    columns: &[
        "Prosjektnr",
        "Prosjektkortnavn",
        "Prosjektnavn",
        "Kontrakt startdato",
        "Kontrakt sluttdato",
        "Organisasjonsnummer",
        "Organisasjonsnavn",
        "Organisasjon rolle",
        "FoU sektorkode",
        "Innvilget beløp organisasjon EUR",
    ],
};

/// `dd.mm.yyyy hh:mm`, or empty.
pub fn date(cells: &Cells<'_>, column: &str) -> Result<Option<Date>, BadInput> {
    let v = cells.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    let day = v.split(' ').next().unwrap_or_default();
    Date::parse(day, format_description!("[day].[month].[year]")).map(Some).map_err(|_| cells.bad(column, "a date dd.mm.yyyy hh:mm"))
}

/// An amount in euros with `.` as the decimal mark.
pub fn amount(cells: &Cells<'_>, column: &str) -> Result<Option<f64>, BadInput> {
    let v = cells.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<f64>()
        .ok()
        .filter(|a| a.is_finite() && *a >= 0.0)
        .map(Some)
        .ok_or_else(|| cells.bad(column, "an amount in euros such as 3518202.75"))
}

fn kind(sector: &str, name: &str) -> OrganisationKind {
    let upper = name.to_uppercase();
    if upper.contains("FYLKESKOMMUNE") {
        OrganisationKind::County
    } else if upper.contains("KOMMUNE") {
        OrganisationKind::Municipality
    } else {
        match sector {
            "UoH" => OrganisationKind::University,
            "INS" => OrganisationKind::ResearchInstitute,
            "NÆR" => OrganisationKind::Company,
            "NFR" | "HEL" => OrganisationKind::StateAgency,
            _ => OrganisationKind::Other,
        }
    }
}

struct Row {
    project: String,
    acronym: String,
    title: String,
    start: Option<Date>,
    end: Option<Date>,
    org: OrgSpec,
    role: Role,
    amount: Option<f64>,
}

fn row(c: &Cells<'_>) -> Result<Row, BadInput> {
    let project = c.required("Prosjektnr")?;
    if !project.chars().all(|ch| ch.is_ascii_digit()) {
        return Err(c.bad("Prosjektnr", "a CORDIS project number (digits)"));
    }
    let org_number = c.get("Organisasjonsnummer");
    if !org_number.is_empty() && samverk_domain::organisation::org_number(org_number).is_err() {
        return Err(c.bad("Organisasjonsnummer", "a nine-digit organisation number with a valid check digit"));
    }
    let name = c.required("Organisasjonsnavn")?;
    let role = match c.get("Organisasjon rolle") {
        "COORDINATOR" => Role::Coordinator,
        "PARTICIPANT" | "PARTNER" | "BENEFICIARY" => Role::Partner,
        "THIRD PARTY" | "ASSOCIATED PARTNER" => Role::AssociatedPartner,
        _ => return Err(c.bad("Organisasjon rolle", "COORDINATOR or PARTICIPANT")),
    };
    let kind = kind(c.get("FoU sektorkode"), name);
    let (start, end) = (date(c, "Kontrakt startdato")?, date(c, "Kontrakt sluttdato")?);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        return Err(c.bad("Kontrakt sluttdato", "an end date on or after the start date"));
    }
    Ok(Row {
        project: project.to_owned(),
        acronym: c.get("Prosjektkortnavn").to_owned(),
        title: c.get("Prosjektnavn").to_owned(),
        start,
        end,
        org: OrgSpec {
            name: name.to_owned(),
            country: "NO".to_owned(),
            kind,
            hint: match kind {
                OrganisationKind::County => Some(KindHint::Regional),
                OrganisationKind::Municipality => Some(KindHint::Local),
                _ => None,
            },
            codes: if org_number.is_empty() { Vec::new() } else { vec![("orgnr", org_number.to_owned())] },
            authority: false,
        },
        role,
        amount: amount(c, "Innvilget beløp organisasjon EUR")?,
    })
}

pub fn plan(table: &Table, plan: &mut Plan, options: &Options) -> Result<(), BadInput> {
    let mut rows: Vec<(u64, Row)> = Vec::new();
    for c in table.cells() {
        match row(&c) {
            Ok(r) => rows.push((c.row, r)),
            Err(bad) => skip_or_fail(plan, options, bad)?,
        }
    }
    // One engagement per project, in the order projects first appear.
    let mut order: Vec<String> = Vec::new();
    let mut by_project: std::collections::HashMap<String, Vec<(u64, Row)>> = std::collections::HashMap::new();
    for (line, r) in rows {
        if !by_project.contains_key(&r.project) {
            order.push(r.project.clone());
        }
        by_project.entry(r.project.clone()).or_default().push((line, r));
    }
    for project in order {
        let Some(group) = by_project.remove(&project) else { continue };
        let Some((first_line, first)) = group.first() else { continue };
        let mut participants = Vec::new();
        let mut funding = Vec::new();
        for (_, r) in &group {
            let i = plan.org(r.org.clone());
            participants.push((i, r.role));
            if let Some(a) = r.amount {
                funding.push(format!("{}: {a:.2} EUR", r.org.name));
            }
        }
        // The owner: a participating authority if there is one, else the coordinator.
        let owner = participants
            .iter()
            .find(|(i, _)| plan.orgs.get(*i).is_some_and(|o| o.kind.is_authority()))
            .or_else(|| participants.iter().find(|(_, role)| *role == Role::Coordinator))
            .or_else(|| participants.first())
            .map_or(0, |(i, _)| *i);
        let title = if first.acronym.is_empty() { format!("H2020 {project}") } else { format!("{} (H2020 {project})", first.acronym) };
        let status = if first.end.is_some_and(|e| e < options.today) { EngagementStatus::Ended } else { EngagementStatus::Active };
        let description = format!("{}\nEC contribution to Norwegian participants: {}", first.title, funding.join("; "));
        plan.engagements.push(EngagementSpec {
            key: project.clone(),
            kind: EngagementKind::EuProject,
            title,
            description: Some(description.chars().take(4000).collect()),
            status,
            start: first.start,
            end: first.end,
            owner,
            participants,
            participant_rows: Vec::new(),
            note: None,
            row: *first_line,
        });
    }
    Ok(())
}
