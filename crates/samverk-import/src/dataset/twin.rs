//! `twin-towns-wikipedia`: twin-town pairs from Wikipedia's lists. Each page lists a country's
//! own towns, so pairs are directional; they are symmetrised and deduplicated here.

use std::collections::HashSet;

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::KindHint;

use super::{EngagementSpec, Options, OrgSpec, Plan, country, name_key, skip_or_fail};
use crate::table::{BadInput, Cells, Shape, Table};

pub const SHAPE: Shape = Shape { dataset: "twin-towns-wikipedia", delimiter: b',', columns: &["city1", "country1", "city2", "country2"] };

fn town(c: &Cells<'_>, city: &str, country_column: &str) -> Result<OrgSpec, BadInput> {
    let name = c.required(city)?;
    let code =
        country::code(c.get(country_column)).ok_or_else(|| c.bad(country_column, "a country name such as Norway or United States"))?;
    let nordic = matches!(code.as_str(), "NO" | "SE");
    Ok(OrgSpec {
        name: name.to_owned(),
        kind: if nordic { OrganisationKind::Municipality } else { OrganisationKind::ForeignRegion },
        hint: nordic.then_some(KindHint::Local),
        country: code,
        codes: Vec::new(),
        authority: nordic,
    })
}

pub fn plan(table: &Table, plan: &mut Plan, options: &Options) -> Result<(), BadInput> {
    let mut seen: HashSet<String> = HashSet::new();
    for c in table.cells() {
        let pair = town(&c, "city1", "country1").and_then(|a| Ok((a, town(&c, "city2", "country2")?)));
        let (a, b) = match pair {
            Ok(p) => p,
            Err(bad) => {
                skip_or_fail(plan, options, bad)?;
                continue;
            }
        };
        let (ka, kb) = (name_key(&a), name_key(&b));
        if ka == kb {
            continue; // a town listed as its own twin
        }
        let key = if ka < kb { format!("{ka}~{kb}") } else { format!("{kb}~{ka}") };
        if !seen.insert(key.clone()) {
            continue; // the reverse (or a repeated) listing of a pair already read
        }
        // The Norwegian or Swedish town owns the pair when there is one; otherwise the first
        // in key order, so both listings of a pair give the same record.
        let nordic = |o: &OrgSpec| matches!(o.country.as_str(), "NO" | "SE");
        let a_owns = if nordic(&a) == nordic(&b) { ka < kb } else { nordic(&a) };
        let ((owner, owner_key), (other, other_key)) = if a_owns { ((a, ka), (b, kb)) } else { ((b, kb), (a, ka)) };
        let title = format!("{} – {}", owner.name, other.name);
        let (o, p) = (plan.org_by_key(owner, owner_key), plan.org_by_key(other, other_key));
        plan.engagements.push(EngagementSpec {
            key,
            kind: EngagementKind::TwinTown,
            title,
            description: None,
            status: EngagementStatus::Active,
            start: None,
            end: None,
            owner: o,
            participants: vec![(o, Role::Member), (p, Role::Counterpart)],
            participant_rows: Vec::new(),
            note: None,
            row: c.row,
        });
    }
    Ok(())
}
