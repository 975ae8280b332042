//! `twin-towns-wikipedia`: twin-town pairs from Wikipedia's lists. Each page lists a country's
//! own towns, so pairs are directional; they are symmetrised and deduplicated here.

use rustc_hash::{FxHashMap, FxHashSet};

use samverk_domain::engagement::{EngagementKind, EngagementStatus, Role};
use samverk_domain::organisation::OrganisationKind;
use samverk_domain::resolve::KindHint;

use super::{EngagementSpec, Options, OrgSpec, Plan, country, name_key, skip_or_fail};
use crate::table::{BadInput, Cells, Shape, Table};

pub const SHAPE: Shape = Shape { dataset: "twin-towns-wikipedia", delimiter: b',', columns: &["city1", "country1", "city2", "country2"] };

/// The towns read so far with their keys, by (name, country) as written: a host town is named on
/// each of its rows, and making a key folds and splits the name.
type Towns<'t> = FxHashMap<(&'t str, &'t str), (OrgSpec, String)>;

fn town<'t>(c: &Cells<'t>, towns: &mut Towns<'t>, city: &str, country_column: &str) -> Result<(OrgSpec, String), BadInput> {
    let name = c.required(city)?;
    let country = c.get(country_column);
    if let Some(known) = towns.get(&(name, country)) {
        return Ok(known.clone());
    }
    let code = country::code(country).ok_or_else(|| c.bad(country_column, "a country name such as Norway or United States"))?;
    let nordic = matches!(code.as_str(), "NO" | "SE");
    let spec = OrgSpec {
        name: name.to_owned(),
        kind: if nordic { OrganisationKind::Municipality } else { OrganisationKind::ForeignRegion },
        hint: nordic.then_some(KindHint::Local),
        country: code,
        codes: Vec::new(),
        authority: nordic,
    };
    let key = name_key(&spec);
    towns.insert((name, country), (spec.clone(), key.clone()));
    Ok((spec, key))
}

pub fn plan(table: &Table, plan: &mut Plan, options: &Options) -> Result<(), BadInput> {
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut towns = Towns::default();
    for c in table.cells() {
        let pair = town(&c, &mut towns, "city1", "country1").and_then(|a| Ok((a, town(&c, &mut towns, "city2", "country2")?)));
        let ((a, ka), (b, kb)) = match pair {
            Ok(p) => p,
            Err(bad) => {
                skip_or_fail(plan, options, bad)?;
                continue;
            }
        };
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
