//! Organisations and their predecessor/successor links.

use samverk_domain::organisation::{NewOrganisation, NewSuccession, OrganisationDraft, OrganisationKind, SuccessionDraft};
use samverk_domain::refs::References;
use samverk_domain::text;
use serde::Serialize;
use time::Date;

use crate::db::{Conn, Sql};
use crate::{Page, Store, StoreError, refs};

/// An organisation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub name_nb: Option<String>,
    pub name_sv: Option<String>,
    pub name_en: Option<String>,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    pub country: String,
    pub org_number: Option<String>,
    pub region_code: Option<String>,
    pub scb_code: Option<String>,
    pub nuts_code: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub version: i64,
}

/// A link to a predecessor or successor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Succession {
    pub organisation_id: i64,
    pub name: String,
    pub date: Date,
}

/// Filters for the organisation list.
#[derive(Debug, Clone, Default)]
pub struct OrganisationFilter {
    pub q: Option<String>,
    pub kind: Option<OrganisationKind>,
    pub country: Option<String>,
    pub region: Option<Region>,
    /// Only bodies that can own plans and engagements.
    pub authorities_only: bool,
    pub page: u32,
    pub per_page: u32,
}

/// A region of the registers, as the organisations' identifiers place them: a Norwegian fylke
/// by its fylkesnummer (the first two digits of its kommunenummer), a Swedish län by its SCB
/// code (likewise), or a NUTS region (Norway's statistical regions included) at any level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Region {
    Fylke(String),
    Lan(String),
    /// A NUTS code (`SE23`, `NO093`): the organisations with a NUTS code under it, the
    /// Norwegian and Swedish bodies whose fylke or län has one (a municipality has no NUTS code
    /// of its own, its county has), and the predecessors of such bodies (a dissolved county).
    Nuts(String),
}

/// Appends the conditions (` AND …`) on the columns of `organisations` that keep the
/// organisations of a country and a region. A fylke also holds the bodies that had a number in
/// it before a reform (Tønsberg was 3803 in Vestfold og Telemark until 2023).
pub fn push_place(sql: &mut Sql, country: Option<&str>, region: Option<&Region>) {
    if let Some(country) = country {
        sql.push(" AND country = ").bind(country.to_owned());
    }
    match region {
        Some(Region::Fylke(number)) => {
            let prefix = format!("{number}%");
            sql.push(" AND country = 'NO' AND (region_code LIKE ").bind(prefix.clone());
            sql.push(
                " OR id IN (SELECT organisation_id FROM registry_codes WHERE scheme IN ('fylkesnummer', 'kommunenummer') AND code LIKE ",
            );
            sql.bind(prefix).push("))");
        }
        Some(Region::Lan(number)) => {
            sql.push(" AND country = 'SE' AND scb_code LIKE ").bind(format!("{number}%"));
        }
        Some(Region::Nuts(code)) => {
            let prefix = format!("{code}%");
            sql.push(" AND (nuts_code LIKE ").bind(prefix.clone());
            sql.push(
                " OR (country = 'NO' AND SUBSTR(region_code, 1, 2) IN \
                 (SELECT c.region_code FROM organisations c WHERE c.kind = 'county' AND c.nuts_code LIKE ",
            );
            sql.bind(prefix.clone()).push("))");
            sql.push(
                " OR (country = 'SE' AND SUBSTR(scb_code, 1, 2) IN \
                 (SELECT c.scb_code FROM organisations c WHERE c.kind = 'region' AND c.nuts_code LIKE ",
            );
            sql.bind(prefix.clone()).push("))");
            // A county dissolved before NUTS 2024 belongs where its successors do (Vestfold og
            // Telemark in NO093 Vestfold and NO094 Telemark).
            sql.push(
                " OR id IN (SELECT s.predecessor_id FROM successions s JOIN organisations c ON c.id = s.successor_id \
                 WHERE c.nuts_code LIKE ",
            );
            sql.bind(prefix).push("))");
        }
        None => {}
    }
}

pub(crate) const COLUMNS: &str =
    "id, name, name_nb, name_sv, name_en, kind, country, org_number, region_code, scb_code, nuts_code, valid_from, valid_to, version";

/// Every name variant, and the other spellings the organisation is found by, folded.
fn search_text(o: &NewOrganisation, aliases: &[String]) -> String {
    let names = [Some(&o.name), o.name_nb.as_ref(), o.name_sv.as_ref(), o.name_en.as_ref()];
    text::search_text(names.into_iter().flatten().chain(aliases).map(String::as_str))
}

fn bind_fields(sql: &mut Sql, o: &NewOrganisation, aliases: &[String]) {
    sql.bind(o.name.clone()).push(", ").bind(o.name_nb.clone()).push(", ").bind(o.name_sv.clone()).push(", ");
    sql.bind(o.name_en.clone()).push(", ").bind(o.kind.code()).push(", ").bind(o.country.clone()).push(", ");
    sql.bind(o.org_number.clone()).push(", ").bind(o.region_code.clone()).push(", ").bind(o.scb_code.clone()).push(", ");
    sql.bind(o.nuts_code.clone()).push(", ").bind(o.validity.start()).push(", ").bind(o.validity.end()).push(", ");
    sql.bind(search_text(o, aliases));
}

/// Where an inserted organisation comes from. The default is a record a person typed in;
/// registries and imports name their source and the other spellings it is found by.
#[derive(Debug, Default)]
pub(crate) struct Provenance<'a> {
    pub aliases: &'a [String],
    pub web_domain: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// The columns an organisation insert writes, in the order of [`insert_values`].
pub(crate) const INSERT_HEAD: &str = "INSERT INTO organisations (name, name_nb, name_sv, name_en, kind, country, org_number, region_code, \
     scb_code, nuts_code, valid_from, valid_to, search_text, web_domain, source) VALUES ";

/// The values of one organisation row for [`INSERT_HEAD`] (one place, so single and batched
/// inserts cannot drift apart).
pub(crate) fn insert_values(o: &NewOrganisation, from: &Provenance<'_>) -> Vec<sea_query::Value> {
    vec![
        o.name.clone().into(),
        o.name_nb.clone().into(),
        o.name_sv.clone().into(),
        o.name_en.clone().into(),
        o.kind.code().into(),
        o.country.clone().into(),
        o.org_number.clone().into(),
        o.region_code.clone().into(),
        o.scb_code.clone().into(),
        o.nuts_code.clone().into(),
        o.validity.start().into(),
        o.validity.end().into(),
        search_text(o, from.aliases).into(),
        from.web_domain.map(str::to_owned).into(),
        from.source.map(str::to_owned).into(),
    ]
}

/// Inserts a validated organisation.
pub(crate) async fn insert(conn: &mut Conn<'_>, o: &NewOrganisation, from: &Provenance<'_>) -> Result<i64, sqlx::Error> {
    let mut sql = Sql::new(INSERT_HEAD);
    sql.push("(").bind_list(insert_values(o, from)).push(") RETURNING id");
    conn.insert(&sql).await
}

/// Inserts a validated succession link.
pub(crate) async fn insert_succession(conn: &mut Conn<'_>, s: &NewSuccession) -> Result<i64, sqlx::Error> {
    let sql = Sql::new("INSERT INTO successions (predecessor_id, successor_id, date) VALUES (?, ?, ?) RETURNING id")
        .arg(s.predecessor_id)
        .arg(s.successor_id)
        .arg(s.date);
    conn.insert(&sql).await
}

/// Validates and inserts an organisation within the caller's transaction.
///
/// # Errors
/// Validation errors.
pub async fn create(conn: &mut Conn<'_>, draft: &OrganisationDraft) -> Result<i64, StoreError> {
    let new = draft.validate()?;
    Ok(insert(conn, &new, &Provenance::default()).await?)
}

/// Validates and records a succession within the caller's transaction.
///
/// # Errors
/// `NotFound` for the successor, validation errors, or a duplicate link.
pub async fn add_succession(conn: &mut Conn<'_>, successor_id: i64, draft: &SuccessionDraft) -> Result<i64, StoreError> {
    let mut refs = References::default();
    refs::organisations(conn, &mut refs, &[Some(successor_id), draft.predecessor_id]).await?;
    if !refs.organisations.contains(&successor_id) {
        return Err(StoreError::NotFound { entity: "organisation", id: successor_id });
    }
    let new = draft.validate(successor_id, &refs)?;
    let exists = Sql::new("SELECT COUNT(*) FROM successions WHERE predecessor_id = ? AND successor_id = ?")
        .arg(new.predecessor_id)
        .arg(successor_id);
    if conn.scalar::<i64>(&exists).await? > 0 {
        return Err(samverk_domain::ValidationErrors::single("predecessor_id", samverk_domain::Problem::Duplicate).into());
    }
    Ok(insert_succession(conn, &new).await?)
}

impl Store {
    /// # Errors
    /// Validation errors; nothing is written then.
    pub async fn create_organisation(&self, draft: &OrganisationDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = create(&mut tx.conn(), draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// # Errors
    /// `NotFound`, or validation errors.
    pub async fn update_organisation(&self, id: i64, draft: &OrganisationDraft) -> Result<(), StoreError> {
        self.update_organisation_at(id, None, draft).await.map(|_| ())
    }

    /// Updates an organisation only if it is still at `expected` (the version the writer
    /// read); returns the new version. `None` overwrites whatever is there.
    ///
    /// # Errors
    /// `Stale` when another write came first, `NotFound`, or validation errors.
    pub async fn update_organisation_at(&self, id: i64, expected: Option<i64>, draft: &OrganisationDraft) -> Result<i64, StoreError> {
        let new = draft.validate()?;
        let mut tx = self.begin().await?;
        let mut sql = Sql::new(
            "UPDATE organisations SET version = version + 1, (name, name_nb, name_sv, name_en, kind, country, org_number, \
             region_code, scb_code, nuts_code, valid_from, valid_to, search_text) = (",
        );
        bind_fields(&mut sql, &new, &[]);
        sql.push(") WHERE id = ").bind(id);
        if let Some(expected) = expected {
            sql.push(" AND version = ").bind(expected);
        }
        if tx.conn().execute(&sql).await? == 0 {
            let exists = tx.conn().scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM organisations WHERE id = ?").arg(id)).await? > 0;
            return Err(match (exists, expected) {
                (true, Some(expected)) => StoreError::Stale { entity: "organisation", id, expected },
                _ => StoreError::NotFound { entity: "organisation", id },
            });
        }
        let version = tx.conn().scalar::<i64>(&Sql::new("SELECT version FROM organisations WHERE id = ?").arg(id)).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Deletes an organisation that nothing refers to.
    ///
    /// # Errors
    /// `NotFound`, or `InUse` while it owns records or takes part in engagements.
    pub async fn delete_organisation(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        for (count, used_by) in [
            ("SELECT COUNT(*) FROM participants WHERE organisation_id = ?", "engagements"),
            ("SELECT COUNT(*) FROM engagements WHERE owner_id = ?", "engagements"),
            ("SELECT COUNT(*) FROM plans WHERE owner_id = ?", "plans"),
            ("SELECT COUNT(*) FROM decisions WHERE owner_id = ?", "decisions"),
        ] {
            if conn.scalar::<i64>(&Sql::new(count).arg(id)).await? > 0 {
                return Err(StoreError::InUse { entity: "organisation", id, used_by });
            }
        }
        if conn.execute(&Sql::new("DELETE FROM organisations WHERE id = ?").arg(id)).await? == 0 {
            return Err(StoreError::NotFound { entity: "organisation", id });
        }
        tx.commit().await
    }

    /// # Errors
    /// The database error.
    pub async fn organisation(&self, id: i64) -> Result<Option<Organisation>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new("SELECT ");
        sql.push(COLUMNS).push(" FROM organisations WHERE id = ").bind(id);
        Ok(h.conn().optional(&sql).await?)
    }

    /// Predecessors and successors of an organisation.
    ///
    /// # Errors
    /// The database error.
    pub async fn successions(&self, id: i64) -> Result<(Vec<Succession>, Vec<Succession>), StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let predecessors = conn
            .all(
                &Sql::new(
                    "SELECT o.id AS organisation_id, o.name, s.date FROM successions s JOIN organisations o ON o.id = s.predecessor_id \
                 WHERE s.successor_id = ? ORDER BY s.date, o.name",
                )
                .arg(id),
            )
            .await?;
        let successors = conn
            .all(
                &Sql::new(
                    "SELECT o.id AS organisation_id, o.name, s.date FROM successions s JOIN organisations o ON o.id = s.successor_id \
                 WHERE s.predecessor_id = ? ORDER BY s.date, o.name",
                )
                .arg(id),
            )
            .await?;
        Ok((predecessors, successors))
    }

    /// Records that `successor_id` succeeded the draft's predecessor.
    ///
    /// # Errors
    /// `NotFound` for the successor, validation errors, or a duplicate link.
    pub async fn add_succession(&self, successor_id: i64, draft: &SuccessionDraft) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = add_succession(&mut tx.conn(), successor_id, draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Organisations matching a filter, by name.
    ///
    /// # Errors
    /// The database error.
    pub async fn organisations(&self, filter: &OrganisationFilter) -> Result<Page<Organisation>, StoreError> {
        let mut where_ = Sql::new(" FROM organisations WHERE 1 = 1");
        if let Some(q) = filter.q.as_deref().filter(|q| !q.trim().is_empty()) {
            where_.push(" AND search_text LIKE ").bind(text::like_pattern(q)).push(" ESCAPE '\\'");
        }
        if let Some(kind) = filter.kind {
            where_.push(" AND kind = ").bind(kind.code());
        }
        push_place(&mut where_, filter.country.as_deref(), filter.region.as_ref());
        if filter.authorities_only {
            where_.push(" AND kind IN ('county', 'region', 'municipality')");
        }
        let per_page = filter.per_page.clamp(1, 500);
        let page = filter.page.max(1);
        let mut count = Sql::new("SELECT COUNT(*)");
        count.push_sql(&where_);
        let mut list = Sql::new("SELECT ");
        list.push(COLUMNS).push_sql(&where_).push(" ORDER BY name, id LIMIT ").bind(i64::from(per_page));
        list.push(" OFFSET ").bind(i64::from((page - 1) * per_page));
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let total = conn.scalar::<i64>(&count).await?;
        let items = conn.all(&list).await?;
        Ok(Page { items, total, page, per_page })
    }
}

/// An authority with how much it holds, for the front page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AuthorityOverview {
    pub id: i64,
    pub name: String,
    pub plans: i64,
    pub engagements: i64,
    pub active: i64,
}

impl Store {
    /// Organisations that own plans or engagements, with their counts.
    ///
    /// # Errors
    /// The database error.
    pub async fn authorities_overview(&self) -> Result<Vec<AuthorityOverview>, StoreError> {
        let mut h = self.handle().await?;
        let mut sql = Sql::new(
            "SELECT o.id, o.name, \
             (SELECT COUNT(*) FROM plans p WHERE p.owner_id = o.id) AS plans, \
             (SELECT COUNT(*) FROM engagements e WHERE e.owner_id = o.id) AS engagements, \
             (SELECT COUNT(*) FROM engagements e WHERE e.owner_id = o.id AND e.status = 'active') AS active \
             FROM organisations o WHERE (EXISTS (SELECT 1 FROM plans p WHERE p.owner_id = o.id) \
             OR EXISTS (SELECT 1 FROM engagements e WHERE e.owner_id = o.id))",
        );
        sql.scoped("o.id").push(" ORDER BY o.name");
        Ok(h.conn().all(&sql).await?)
    }
}
