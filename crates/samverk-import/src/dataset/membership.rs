//! `membership-orgs`: the members of the CPMR's geographical commissions, transcribed by hand
//! from public web pages (no member list is published as data). One network engagement per
//! commission with its member regions; every record says it was transcribed and from which
//! page, so nobody takes it for a published register.

use std::collections::HashMap;

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::KindHint;

use super::{EngagementSpec, Options, OrgSpec, Plan, country, skip_or_fail};
use crate::table::{BadInput, Cells, Shape, Table};

pub const SHAPE: Shape = Shape {
    dataset: "membership-orgs",
    delimiter: b',',
    columns: &["organisation", "commission", "member_region", "country", "source_url", "source_note"],
};

/// Shown with every record of this data set.
const TRANSCRIBED: &str = "transcribed by hand from public web pages, not a published data set";

struct Member {
    network: String,
    commission: String,
    region: OrgSpec,
    url: String,
}

fn member(c: &Cells<'_>) -> Result<Member, BadInput> {
    let network = c.required("organisation")?;
    let commission = c.required("commission")?;
    let name = c.required("member_region")?;
    let country = country::code(c.get("country")).ok_or_else(|| c.bad("country", "a country name such as Norway or Sweden"))?;
    let url = c.required("source_url")?;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(c.bad("source_url", "the web address the row was transcribed from (https://…)"));
    }
    let nordic = matches!(country.as_str(), "NO" | "SE");
    Ok(Member {
        network: network.to_owned(),
        commission: commission.to_owned(),
        region: OrgSpec {
            name: name.to_owned(),
            kind: if nordic { OrganisationKind::County } else { OrganisationKind::ForeignRegion },
            // The commissions' members are regions: "Stockholm" is the region, not the city.
            hint: nordic.then_some(KindHint::Regional),
            country,
            codes: Vec::new(),
            authority: nordic,
        },
        url: url.to_owned(),
    })
}

pub fn plan(table: &Table, plan: &mut Plan, options: &Options) -> Result<(), BadInput> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut commissions: HashMap<(String, String), Vec<(u64, Member)>> = HashMap::new();
    for c in table.cells() {
        match member(&c) {
            Ok(m) => {
                let key = (m.network.clone(), m.commission.clone());
                if !commissions.contains_key(&key) {
                    order.push(key.clone());
                }
                commissions.entry(key).or_default().push((c.row, m));
            }
            Err(bad) => skip_or_fail(plan, options, bad)?,
        }
    }
    for key in order {
        let Some(members) = commissions.remove(&key) else { continue };
        let Some((first_row, first)) = members.first() else { continue };
        let network = plan.org(OrgSpec {
            name: key.0.clone(),
            country: "EU".to_owned(),
            kind: OrganisationKind::InternationalOrganisation,
            hint: None,
            codes: Vec::new(),
            authority: false,
        });
        let mut participants = vec![(network, Role::Secretariat)];
        let mut participant_rows = vec![*first_row];
        let mut pages: Vec<&str> = Vec::new();
        for (row, m) in &members {
            participants.push((plan.org(m.region.clone()), Role::Member));
            participant_rows.push(*row);
            if !pages.contains(&m.url.as_str()) {
                pages.push(&m.url);
            }
        }
        plan.engagements.push(EngagementSpec {
            key: format!("{}|{}", key.0, key.1),
            kind: EngagementKind::Network,
            title: format!("{} {}", key.0, key.1).chars().take(300).collect(),
            description: Some(
                format!("Member regions of the {} {}, {TRANSCRIBED}. Pages: {}", first.network, first.commission, pages.join(" ; "))
                    .chars()
                    .take(4000)
                    .collect(),
            ),
            status: EngagementStatus::Active,
            start: None,
            end: None,
            owner: network,
            participants,
            participant_rows,
            note: Some(TRANSCRIBED.to_owned()),
            row: *first_row,
        });
    }
    Ok(())
}
