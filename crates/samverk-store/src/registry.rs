//! The reference registries: countries, ISO 3166-2 subdivisions, NUTS regions, and the
//! Norwegian and Swedish authorities as organisations with their identifiers over time.
//!
//! Loading is idempotent: an authority is found by its first identifier, so a second load (or
//! a load after the demo data created the same body by hand) adds nothing twice.

use std::collections::{HashMap, HashSet};

use samverk_domain::organisation::NewOrganisation;
use samverk_domain::text;
use sea_query::Value;
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::{Store, StoreError, organisation};

/// The `source` of organisations that come from the shipped registers.
pub const REGISTRY_SOURCE: &str = "registry";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Country {
    pub code: String,
    pub alpha3: String,
    pub numeric_code: String,
    pub name_en: String,
    pub name_nb: String,
    pub name_nn: String,
    pub name_sv: String,
    pub eu: bool,
    pub eea: bool,
    pub schengen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Subdivision {
    pub code: String,
    pub country: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
    pub name_nb: Option<String>,
    pub name_sv: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct NutsRegion {
    pub code: String,
    pub country: String,
    pub label: String,
    pub level: i64,
    pub kind: String,
}

/// An identifier of an organisation in one scheme, valid for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryCode {
    pub scheme: &'static str,
    pub code: String,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
}

/// An authority of the registers, with the identifiers and folded aliases it is known by.
#[derive(Debug, Clone)]
pub struct RegistryOrganisation {
    pub organisation: NewOrganisation,
    pub web_domain: Option<String>,
    /// The first code identifies the organisation across loads.
    pub codes: Vec<RegistryCode>,
    pub aliases: Vec<String>,
}

/// A merger or split between two registry organisations, by index into `organisations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegistrySuccession {
    pub predecessor: usize,
    pub successor: usize,
    pub date: Date,
}

/// Everything the shipped registers hold.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub countries: Vec<Country>,
    pub subdivisions: Vec<Subdivision>,
    pub nuts: Vec<NutsRegion>,
    pub organisations: Vec<RegistryOrganisation>,
    pub successions: Vec<RegistrySuccession>,
}

/// What a registry load wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RegistrySummary {
    pub countries: usize,
    pub subdivisions: usize,
    pub nuts: usize,
    pub organisations: usize,
    pub successions: usize,
}

impl RegistrySummary {
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.countries + self.subdivisions + self.nuts + self.organisations + self.successions == 0
    }
}

/// Multi-row inserts in chunks: a round trip per row would make the first start slow on
/// PostgreSQL, and both engines cap the number of bound values per statement.
async fn insert_rows(conn: &mut Conn<'_>, head: &'static str, rows: Vec<Vec<Value>>) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(200) {
        let mut sql = Sql::new(head);
        for (i, row) in chunk.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" });
            sql.bind_list(row.iter().cloned());
            sql.push(")");
        }
        conn.execute(&sql).await?;
    }
    Ok(())
}

fn opt(value: Option<&String>) -> Value {
    value.cloned().into()
}

async fn load_reference(conn: &mut Conn<'_>, registry: &Registry, summary: &mut RegistrySummary) -> Result<(), sqlx::Error> {
    if conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM countries")).await? > 0 {
        return Ok(());
    }
    let rows = registry
        .countries
        .iter()
        .map(|c| {
            let search = text::search_text([c.code.as_str(), &c.name_en, &c.name_nb, &c.name_nn, &c.name_sv]);
            vec![
                c.code.clone().into(),
                c.alpha3.clone().into(),
                c.numeric_code.clone().into(),
                c.name_en.clone().into(),
                c.name_nb.clone().into(),
                c.name_nn.clone().into(),
                c.name_sv.clone().into(),
                c.eu.into(),
                c.eea.into(),
                c.schengen.into(),
                search.into(),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "INSERT INTO countries (code, alpha3, numeric_code, name_en, name_nb, name_nn, name_sv, eu, eea, schengen, search_text) VALUES ",
        rows,
    )
    .await?;
    let rows = registry
        .subdivisions
        .iter()
        .map(|s| {
            let names = [Some(&s.code), Some(&s.name), s.name_nb.as_ref(), s.name_sv.as_ref()];
            let search = text::search_text(names.into_iter().flatten().map(String::as_str));
            vec![
                s.code.clone().into(),
                s.country.clone().into(),
                s.name.clone().into(),
                s.kind.clone().into(),
                opt(s.parent.as_ref()),
                opt(s.name_nb.as_ref()),
                opt(s.name_sv.as_ref()),
                search.into(),
            ]
        })
        .collect();
    insert_rows(conn, "INSERT INTO subdivisions (code, country, name, kind, parent, name_nb, name_sv, search_text) VALUES ", rows).await?;
    let rows = registry
        .nuts
        .iter()
        .map(|n| {
            let search = text::search_text([n.code.as_str(), &n.label]);
            vec![
                n.code.clone().into(),
                n.country.clone().into(),
                n.label.clone().into(),
                n.level.into(),
                n.kind.clone().into(),
                search.into(),
            ]
        })
        .collect();
    insert_rows(conn, "INSERT INTO nuts_regions (code, country, label, level, kind, search_text) VALUES ", rows).await?;
    summary.countries = registry.countries.len();
    summary.subdivisions = registry.subdivisions.len();
    summary.nuts = registry.nuts.len();
    Ok(())
}

#[derive(sqlx::FromRow)]
struct CodeRow {
    scheme: String,
    code: String,
    organisation_id: i64,
}

/// An organisation typed by hand before the registry arrived (the demo data on an old
/// database) that carries the same number: adopted rather than duplicated.
async fn adoptable(conn: &mut Conn<'_>, o: &NewOrganisation) -> Result<Option<i64>, sqlx::Error> {
    let mut sql = Sql::new("SELECT id FROM organisations WHERE source IS NULL AND country = ");
    sql.bind(o.country.clone()).push(" AND kind = ").bind(o.kind.code());
    match (&o.region_code, &o.scb_code) {
        (Some(code), _) => sql.push(" AND region_code = ").bind(code.clone()),
        (None, Some(code)) => sql.push(" AND scb_code = ").bind(code.clone()),
        (None, None) => return Ok(None),
    };
    Ok(conn.scalars::<i64>(&sql).await?.into_iter().next())
}

async fn insert_organisation(conn: &mut Conn<'_>, r: &RegistryOrganisation) -> Result<i64, sqlx::Error> {
    let from = organisation::Provenance { aliases: &r.aliases, web_domain: r.web_domain.as_deref(), source: Some(REGISTRY_SOURCE) };
    organisation::insert(conn, &r.organisation, &from).await
}

/// Records the identifiers and aliases of an organisation (skipping those it already has).
async fn attach(conn: &mut Conn<'_>, id: i64, r: &RegistryOrganisation, known: &HashSet<(String, String, i64)>) -> Result<(), sqlx::Error> {
    let codes: Vec<Vec<Value>> = r
        .codes
        .iter()
        .filter(|c| !known.contains(&(c.scheme.to_owned(), c.code.clone(), id)))
        .map(|c| vec![c.scheme.into(), c.code.clone().into(), id.into(), c.valid_from.into(), c.valid_to.into()])
        .collect();
    insert_rows(conn, "INSERT INTO registry_codes (scheme, code, organisation_id, valid_from, valid_to) VALUES ", codes).await?;
    let aliases: HashSet<&String> = r.aliases.iter().collect();
    let mut sql = Sql::new("SELECT alias FROM organisation_aliases WHERE organisation_id = ");
    sql.bind(id);
    let existing: HashSet<String> = conn.scalars::<String>(&sql).await?.into_iter().collect();
    let rows = aliases
        .into_iter()
        .filter(|a| !existing.contains(*a))
        .map(|a| vec![a.clone().into(), r.organisation.country.clone().into(), id.into()])
        .collect();
    insert_rows(conn, "INSERT INTO organisation_aliases (alias, country, organisation_id) VALUES ", rows).await
}

/// Loads whatever of the registers is missing, in the caller's transaction.
///
/// # Errors
/// The database error.
pub async fn ensure(conn: &mut Conn<'_>, registry: &Registry) -> Result<RegistrySummary, StoreError> {
    let mut summary = RegistrySummary::default();
    load_reference(conn, registry, &mut summary).await?;
    let rows: Vec<CodeRow> = conn.all(&Sql::new("SELECT scheme, code, organisation_id FROM registry_codes")).await?;
    let known: HashSet<(String, String, i64)> = rows.iter().map(|r| (r.scheme.clone(), r.code.clone(), r.organisation_id)).collect();
    let by_code: HashMap<(String, String), i64> = rows.into_iter().map(|r| ((r.scheme, r.code), r.organisation_id)).collect();
    let mut ids = Vec::with_capacity(registry.organisations.len());
    for r in &registry.organisations {
        let first = r.codes.first().and_then(|c| by_code.get(&(c.scheme.to_owned(), c.code.clone())).copied());
        let id = match first {
            Some(id) => id,
            None => {
                let id = match adoptable(conn, &r.organisation).await? {
                    Some(id) => {
                        let sql = Sql::new("UPDATE organisations SET web_domain = ?, source = ? WHERE id = ?")
                            .arg(r.web_domain.clone())
                            .arg(REGISTRY_SOURCE)
                            .arg(id);
                        conn.execute(&sql).await?;
                        id
                    }
                    None => insert_organisation(conn, r).await?,
                };
                attach(conn, id, r, &known).await?;
                summary.organisations += 1;
                id
            }
        };
        ids.push(id);
    }
    let existing: Vec<(i64, i64)> = conn.all(&Sql::new("SELECT predecessor_id, successor_id FROM successions")).await?;
    let existing: HashSet<(i64, i64)> = existing.into_iter().collect();
    for s in &registry.successions {
        let (Some(&p), Some(&n)) = (ids.get(s.predecessor), ids.get(s.successor)) else { continue };
        if p != n && !existing.contains(&(p, n)) {
            conn.execute(
                &Sql::new("INSERT INTO successions (predecessor_id, successor_id, date) VALUES (?, ?, ?)").arg(p).arg(n).arg(s.date),
            )
            .await?;
            summary.successions += 1;
        }
    }
    Ok(summary)
}

/// The organisation that holds an identifier (kommunenummer 3803, SCB 1494, org. number…).
///
/// # Errors
/// The database error.
pub async fn organisation_by_code(conn: &mut Conn<'_>, scheme: &str, code: &str) -> Result<Option<i64>, StoreError> {
    let sql = Sql::new("SELECT organisation_id FROM registry_codes WHERE scheme = ? AND code = ? ORDER BY valid_from DESC")
        .arg(scheme.to_owned())
        .arg(code.to_owned());
    Ok(conn.scalars::<i64>(&sql).await?.into_iter().next())
}

/// Fills in what a registry body lacks from another description of the same body (the demo's
/// English name, its NUTS code), never overwriting what the register says.
///
/// # Errors
/// The database error.
pub async fn fill_blanks(conn: &mut Conn<'_>, id: i64, o: &NewOrganisation) -> Result<(), StoreError> {
    let extra = text::search_text([o.name_nb.as_deref(), o.name_sv.as_deref(), o.name_en.as_deref()].into_iter().flatten());
    let sql = Sql::new(
        "UPDATE organisations SET name_nb = COALESCE(name_nb, ?), name_sv = COALESCE(name_sv, ?), name_en = COALESCE(name_en, ?), \
         nuts_code = COALESCE(nuts_code, ?), org_number = COALESCE(org_number, ?), search_text = search_text || ' ' || ? WHERE id = ?",
    )
    .arg(o.name_nb.clone())
    .arg(o.name_sv.clone())
    .arg(o.name_en.clone())
    .arg(o.nuts_code.clone())
    .arg(o.org_number.clone())
    .arg(extra)
    .arg(id);
    conn.execute(&sql).await?;
    Ok(())
}

/// One hit of the search-as-you-type picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PickerHit {
    /// `organisation`, `country`, `subdivision` or `nuts`.
    pub kind: String,
    /// The organisation id, or the country / subdivision / NUTS code.
    pub value: String,
    pub label: String,
    /// Country code (or NUTS level) shown beside the label.
    pub detail: String,
}

/// A country's names in the languages of the pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CountryName {
    pub code: String,
    pub name_en: String,
    pub name_nb: String,
    pub name_sv: String,
}

impl Store {
    /// The names of the countries with these ISO 3166-1 alpha-2 codes (one query; codes not in
    /// the register are left out).
    ///
    /// # Errors
    /// The database error.
    pub async fn country_names(&self, codes: &[String]) -> Result<Vec<CountryName>, StoreError> {
        if codes.is_empty() {
            return Ok(Vec::new());
        }
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT code, name_en, name_nb, name_sv FROM countries WHERE code IN (");
        sql.bind_list(codes.iter().cloned()).push(")");
        Ok(h.conn().all(&sql).await?)
    }

    /// Every country of the ISO 3166-1 register, by code.
    ///
    /// # Errors
    /// The database error.
    pub async fn countries(&self) -> Result<Vec<CountryName>, StoreError> {
        let mut h = self.handle().await?;
        Ok(h.conn().all(&Sql::new("SELECT code, name_en, name_nb, name_sv FROM countries ORDER BY code")).await?)
    }

    /// The ISO 3166-2 subdivisions of these countries, by code.
    ///
    /// # Errors
    /// The database error.
    pub async fn subdivisions(&self, countries: &[&str]) -> Result<Vec<Subdivision>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT code, country, name, kind, parent, name_nb, name_sv FROM subdivisions WHERE country IN (");
        sql.bind_list(countries.iter().map(|c| (*c).to_owned())).push(") ORDER BY code");
        Ok(h.conn().all(&sql).await?)
    }

    /// The NUTS regions (for Norway its statistical regions) of the countries, by code, without
    /// the "Extra-Regio" placeholders.
    ///
    /// # Errors
    /// The database error.
    pub async fn nuts_regions(&self, countries: &[&str]) -> Result<Vec<NutsRegion>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT code, country, label, level, kind FROM nuts_regions WHERE country IN (");
        sql.bind_list(countries.iter().map(|c| (*c).to_owned())).push(") AND code NOT LIKE '__Z%' ORDER BY code");
        Ok(h.conn().all(&sql).await?)
    }

    /// Loads whatever of the shipped registers is missing, in one transaction.
    ///
    /// # Errors
    /// The database error; nothing is written then.
    pub async fn ensure_registry(&self, registry: &Registry) -> Result<RegistrySummary, StoreError> {
        let mut tx = self.begin().await?;
        let summary = ensure(&mut tx.conn(), registry).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Row counts of (countries, subdivisions, NUTS regions, registry organisations, successions).
    ///
    /// # Errors
    /// The database error.
    pub async fn registry_counts(&self) -> Result<[i64; 5], StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut out = [0; 5];
        for (slot, sql) in out.iter_mut().zip([
            "SELECT COUNT(*) FROM countries",
            "SELECT COUNT(*) FROM subdivisions",
            "SELECT COUNT(*) FROM nuts_regions",
            "SELECT COUNT(*) FROM organisations WHERE source = 'registry'",
            "SELECT COUNT(*) FROM successions",
        ]) {
            *slot = conn.scalar(&Sql::new(sql)).await?;
        }
        Ok(out)
    }

    /// Organisations, countries and regions whose names contain the query, for a picker.
    /// `scope` is `organisation`, `country`, `region` (subdivisions and NUTS) or empty for all.
    ///
    /// # Errors
    /// The database error.
    pub async fn pick(&self, q: &str, scope: &str, limit: u32) -> Result<Vec<PickerHit>, StoreError> {
        let pattern = text::like_pattern(q);
        let limit = i64::from(limit.clamp(1, 50));
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut hits = Vec::new();
        let queries: [(&str, &'static str); 4] = [
            (
                "organisation",
                "SELECT 'organisation' AS kind, CAST(id AS TEXT) AS value, name AS label, country AS detail FROM organisations \
                 WHERE search_text LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT ?",
            ),
            (
                "country",
                "SELECT 'country' AS kind, code AS value, name_en AS label, code AS detail FROM countries \
                 WHERE search_text LIKE ? ESCAPE '\\' ORDER BY name_en LIMIT ?",
            ),
            (
                "region",
                "SELECT 'subdivision' AS kind, code AS value, name AS label, code AS detail FROM subdivisions \
                 WHERE search_text LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?",
            ),
            (
                "region",
                "SELECT 'nuts' AS kind, code AS value, label, code AS detail FROM nuts_regions \
                 WHERE search_text LIKE ? ESCAPE '\\' ORDER BY level, code LIMIT ?",
            ),
        ];
        for (what, sql) in queries {
            if scope.is_empty() || scope == what {
                let rows: Vec<PickerHit> = conn.all(&Sql::new(sql).arg(pattern.clone()).arg(limit)).await?;
                hits.extend(rows);
            }
        }
        hits.truncate(usize::try_from(limit).unwrap_or(50));
        Ok(hits)
    }
}
