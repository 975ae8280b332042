//! Resolving what a person typed into an organisation field: the picker's server side.
//!
//! The same rules as an import, minus the country (a form does not say it): the exact name,
//! then the name as the importers normalise it (`samverk_domain::resolve::name_key`), then an
//! organisation number or a code of the registers.

use std::collections::BTreeMap;

use samverk_domain::resolve;
use samverk_domain::text;

use crate::db::Sql;
use crate::organisation::Organisation;
use crate::{Store, StoreError};

/// What a typed organisation resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Exactly one organisation.
    One(Box<Organisation>),
    /// Several fit equally well: a person chooses among them.
    Ambiguous(Vec<Organisation>),
    /// None fits; organisations whose names contain the text, as suggestions (may be empty).
    NotInRegister(Vec<Organisation>),
}

/// How many organisations an unresolved text suggests, and how many a normalised name reads.
const SUGGESTIONS: i64 = 10;
const NAME_CANDIDATES: i64 = 200;

/// The organisations, with the columns an `Organisation` reads; conditions follow.
fn select() -> Sql {
    let mut sql = Sql::new("SELECT ");
    sql.push(crate::organisation::COLUMNS).push(" FROM organisations");
    sql
}

/// One organisation decides; several are ambiguous; none lets the next rule try.
fn decided(found: Vec<Organisation>) -> Option<Resolved> {
    let mut by_id: BTreeMap<i64, Organisation> = found.into_iter().map(|o| (o.id, o)).collect();
    match by_id.len() {
        0 => None,
        1 => by_id.pop_first().map(|(_, o)| Resolved::One(Box::new(o))),
        _ => {
            let mut all: Vec<Organisation> = by_id.into_values().collect();
            all.sort_by(|a, b| (&a.name, a.valid_from, a.id).cmp(&(&b.name, b.valid_from, b.id)));
            Some(Resolved::Ambiguous(all))
        }
    }
}

/// An identifier as typed, without the spaces and dots people put in organisation numbers.
fn identifier(typed: &str) -> String {
    typed.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_uppercase()
}

impl Store {
    /// Resolves a typed organisation: the exact name; else the normalised name (as imports
    /// match it, in any country, narrowed by the kind the words name); else an organisation
    /// number, kommunenummer, SCB or NUTS code. Six queries at most.
    ///
    /// # Errors
    /// The database error.
    pub async fn resolve_organisation(&self, typed: &str) -> Result<Resolved, StoreError> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Ok(Resolved::NotInRegister(Vec::new()));
        }
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut exact = select();
        exact.push(" WHERE name = ").bind(typed.to_owned());
        if let Some(r) = decided(conn.all(&exact).await?) {
            return Ok(r);
        }

        let key = resolve::name_key(typed);
        if !key.keys.is_empty() {
            let mut aliased = select();
            aliased.push(" WHERE id IN (SELECT organisation_id FROM organisation_aliases WHERE alias IN (");
            aliased.bind_list(key.keys.iter().cloned()).push("))");
            let mut found: Vec<Organisation> = conn.all(&aliased).await?;
            // Organisations typed in by hand have no aliases: their names are keyed here.
            let mut named = select();
            named.push(" WHERE search_text LIKE ").bind(text::like_pattern(&key.keys.join(" "))).push(" ESCAPE '\\' ORDER BY id LIMIT ");
            named.bind(NAME_CANDIDATES);
            let candidates: Vec<Organisation> = conn.all(&named).await?;
            found.extend(candidates.into_iter().filter(|o| {
                [Some(&o.name), o.name_nb.as_ref(), o.name_sv.as_ref(), o.name_en.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|name| resolve::name_key(name).keys.iter().any(|k| key.keys.contains(k)))
            }));
            found.retain(|o| key.hint.is_none_or(|h| h.fits(o.kind)));
            if let Some(r) = decided(found) {
                return Ok(r);
            }
        }

        let code = identifier(typed);
        if !code.is_empty() {
            let mut coded = select();
            coded
                .push(" WHERE UPPER(REPLACE(REPLACE(org_number, ' ', ''), '.', '')) = ")
                .bind(code.clone())
                .push(" OR UPPER(region_code) = ")
                .bind(code.clone())
                .push(" OR scb_code = ")
                .bind(code.clone())
                .push(" OR UPPER(nuts_code) = ")
                .bind(code.clone())
                .push(" OR id IN (SELECT organisation_id FROM registry_codes WHERE UPPER(code) = ")
                .bind(code)
                .push(")");
            if let Some(r) = decided(conn.all(&coded).await?) {
                return Ok(r);
            }
        }

        // Suggestions: names with any longer word typed ("Lidköpings kommunförbund": Lidköpings kommun).
        let words: Vec<&str> = typed.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4).take(4).collect();
        if words.is_empty() {
            return Ok(Resolved::NotInRegister(Vec::new()));
        }
        let mut like = select();
        like.push(" WHERE 1 = 0");
        for word in words {
            like.push(" OR search_text LIKE ").bind(text::like_pattern(word)).push(" ESCAPE '\\'");
        }
        like.push(" ORDER BY name, id LIMIT ").bind(SUGGESTIONS);
        Ok(Resolved::NotInRegister(conn.all(&like).await?))
    }
}

#[cfg(test)]
mod tests {
    use super::identifier;

    #[test]
    fn an_identifier_is_read_without_spaces_and_dots() {
        assert_eq!(identifier(" 974 761 076 "), "974761076");
        assert_eq!(identifier("no08"), "NO08");
    }
}
