//! Personal data (GDPR): the register of what samverk holds about people, kept here next to the
//! queries that read those tables; one person's data found, exported and erased; the
//! personal-data access log; and the retention job.
//!
//! A "person" is everything stored under one name or one e-mail address (or username), across
//! every category ([`samverk_domain::privacy::Subject`]). Erasure anonymises: the records the
//! authority must keep (mandates, reports back, decisions, agreements) stay, with the name
//! replaced by `Erased person #n`, where n is the erasure's entry in the log.

use std::collections::{BTreeMap, BTreeSet};

use samverk_domain::privacy::{self, LegalBasis, Retention, Subject};
use samverk_domain::text::fold;
use samverk_domain::{Problem, ValidationErrors};
use serde::Serialize;

use crate::account::now;
use crate::db::{Conn, Sql};
use crate::{Store, StoreError};

/// One category of personal data: why it is held, on what basis, for how long, and where.
/// Its purpose, retention and audience are told in the catalogue (`privacy-<code>-…`).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Category {
    pub code: &'static str,
    pub basis: LegalBasis,
    pub retention: Retention,
    /// Who may see it: `readers` (every role at the authority), `administrators`, `owner`
    /// (the account itself and administrators).
    pub seen_by: &'static str,
    /// The tables and their columns that hold it.
    pub tables: &'static [(&'static str, &'static [&'static str])],
}

const YEAR: u32 = 12;

/// THE register. A test compares it with the live schema: every table is either here or in
/// [`NOT_PERSONAL`], and every column named here exists.
pub const REGISTER: &[Category] = &[
    Category {
        code: "contact_persons",
        basis: LegalBasis::PublicTask,
        retention: Retention::WithRecord,
        seen_by: "readers",
        tables: &[("people", &["name", "title", "department", "email"])],
    },
    Category {
        code: "representatives",
        basis: LegalBasis::LegalObligation,
        retention: Retention::WithRecord,
        seen_by: "readers",
        tables: &[
            ("mandates", &["person_id", "instructions"]),
            ("report_backs", &["text", "meetings"]),
            ("report_attachments", &["file_name", "data"]),
        ],
    },
    Category {
        code: "accounts",
        basis: LegalBasis::Contract,
        retention: Retention::Months { months: YEAR },
        seen_by: "administrators",
        tables: &[
            ("accounts", &["username", "display_name", "password_hash", "disabled_at", "totp_secret"]),
            ("account_roles", &["account_id"]),
        ],
    },
    Category {
        code: "sessions",
        basis: LegalBasis::LegitimateInterest,
        retention: Retention::Seconds { seconds: 0 },
        seen_by: "owner",
        tables: &[
            ("sessions", &["account_id", "token_hash", "created_at"]),
            ("api_tokens", &["account_id", "name", "last_used_at"]),
            ("password_resets", &["account_id", "created_by"]),
            ("recovery_codes", &["account_id", "code_hash"]),
        ],
    },
    Category {
        code: "submissions",
        basis: LegalBasis::Consent,
        retention: Retention::Months { months: YEAR },
        seen_by: "readers",
        tables: &[
            ("call_submissions", &["name", "email", "organisation", "answer", "client_key"]),
            ("call_attachments", &["file_name", "content"]),
        ],
    },
    Category {
        code: "lesson_readers",
        basis: LegalBasis::PublicTask,
        retention: Retention::WithRecord,
        seen_by: "readers",
        tables: &[("eu_lesson_readings", &["reader_name", "reader_department", "account_id"])],
    },
    Category {
        code: "case_handlers",
        basis: LegalBasis::PublicTask,
        retention: Retention::WithRecord,
        seen_by: "readers",
        tables: &[("referrals", &["responsible", "approved_by"])],
    },
    Category {
        code: "audit_trail",
        basis: LegalBasis::LegalObligation,
        retention: Retention::Months { months: 10 * YEAR },
        seen_by: "administrators",
        tables: &[("audit_log", &["account_id", "actor", "before", "after"])],
    },
    Category {
        code: "access_log",
        basis: LegalBasis::LegalObligation,
        retention: Retention::Months { months: 5 * YEAR },
        seen_by: "administrators",
        tables: &[("personal_data_log", &["actor_id", "actor", "subject"])],
    },
    // Showing a person's name to the public rests on her consent, not on the public task that
    // lets staff keep it: erasure withdraws it with the name.
    Category {
        code: "public_names",
        basis: LegalBasis::Consent,
        retention: Retention::WithRecord,
        seen_by: "public",
        tables: &[("people", &["name", "show_name"])],
    },
];

/// Tables that hold no personal data (organisations are bodies, not people). Free text in
/// them may mention a person: erasure replaces the name there too (see [`MENTIONS`]).
pub const NOT_PERSONAL: &[&str] = &[
    "organisations",
    "successions",
    "decisions",
    "plans",
    "plan_principles",
    "focus_areas",
    "goals",
    "sdg_goals",
    "sdg_targets",
    "sdg_indicators",
    "goal_sdgs",
    "measures",
    "engagements",
    "participants",
    "contributions",
    "countries",
    "subdivisions",
    "nuts_regions",
    "registry_codes",
    "organisation_aliases",
    "import_records",
    "match_reviews",
    "report_goals",
    "indicators",
    "measurements",
    "eu_projects",
    "eu_budget_lines",
    "eu_lessons",
    "eu_lesson_addressees",
    "engagement_texts",
    "news",
    "news_texts",
    "news_tags",
    "news_engagements",
    "news_goals",
    "news_sdgs",
    "calls",
    "call_engagements",
    "call_goals",
    "search_outbox",
    // Which record ids an import's trail entry covers; who ran it is in the entry (audit_trail).
    "audit_batches",
];

/// The category of a code.
#[must_use]
pub fn category(code: &str) -> Option<&'static Category> {
    REGISTER.iter().find(|c| c.code == code)
}

/// Where a person's name is looked for: (table, category, SQL giving `id, name, email`).
const SOURCES: &[(&str, &str, &str)] = &[
    ("people", "contact_persons", "SELECT id, name, email FROM people"),
    ("accounts", "accounts", "SELECT id, display_name AS name, username AS email FROM accounts"),
    ("call_submissions", "submissions", "SELECT id, name, email FROM call_submissions WHERE name IS NOT NULL OR email IS NOT NULL"),
    ("eu_lesson_readings", "lesson_readers", "SELECT id, reader_name AS name, CAST(NULL AS TEXT) AS email FROM eu_lesson_readings"),
    (
        "referrals",
        "case_handlers",
        "SELECT id, responsible AS name, CAST(NULL AS TEXT) AS email FROM referrals WHERE responsible IS NOT NULL \
         UNION ALL SELECT id, approved_by AS name, CAST(NULL AS TEXT) AS email FROM referrals WHERE approved_by IS NOT NULL",
    ),
];

#[derive(Debug, Clone, sqlx::FromRow)]
struct NameRow {
    id: i64,
    name: Option<String>,
    email: Option<String>,
}

/// A record that names a person, as the finder lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub category: &'static str,
    pub table: &'static str,
    pub id: i64,
    pub name: Option<String>,
    pub email: Option<String>,
}

/// The records one person is named in, by table.
#[derive(Debug, Clone, Default)]
struct Matched {
    ids: BTreeMap<&'static str, BTreeSet<i64>>,
    /// The names and addresses as stored (to replace them in free text and in the log).
    spellings: BTreeSet<String>,
}

impl Matched {
    fn of(&self, table: &str) -> Vec<i64> {
        self.ids.get(table).map(|s| s.iter().copied().collect()).unwrap_or_default()
    }

    fn is_empty(&self) -> bool {
        self.ids.values().all(BTreeSet::is_empty)
    }
}

async fn scan(conn: &mut Conn<'_>, mut keep: impl FnMut(&'static str, &'static str, NameRow)) -> Result<(), StoreError> {
    for &(table, category, select) in SOURCES {
        let rows: Vec<NameRow> = conn.all(&Sql::new(select)).await?;
        for row in rows {
            keep(table, category, row);
        }
    }
    Ok(())
}

async fn matched(conn: &mut Conn<'_>, subject: &Subject) -> Result<Matched, StoreError> {
    let mut out = Matched::default();
    scan(conn, |table, _, row| {
        if subject.is(row.name.as_deref(), row.email.as_deref()) {
            out.ids.entry(table).or_default().insert(row.id);
            out.spellings
                .extend(row.name.into_iter().chain(row.email).filter(|s| s.trim().chars().count() >= 3 && !privacy::is_placeholder(s)));
        }
    })
    .await?;
    Ok(out)
}

/// What one export query reads: the table's records of the person, as named text fields.
struct Part {
    category: &'static str,
    table: &'static str,
    fields: &'static [&'static str],
    /// Ends with `IN (`: the matched ids of `by` are bound after it, then `close`.
    select: &'static str,
    by: &'static str,
    close: &'static str,
}

/// Every export query; each selects `id` and eight text cells `c1`..`c8` (unused ones NULL).
const PARTS: &[Part] = &[
    Part {
        category: "contact_persons",
        table: "people",
        fields: &["name", "title", "department", "email", "authority"],
        select: "SELECT p.id, p.name AS c1, p.title AS c2, p.department AS c3, p.email AS c4, o.name AS c5, CAST(NULL AS TEXT) AS c6, \
                 CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 FROM people p JOIN organisations o ON o.id = p.owner_id WHERE p.id IN (",
        by: "people",
        close: ") ORDER BY p.id",
    },
    Part {
        category: "representatives",
        table: "mandates",
        fields: &["engagement", "role", "body", "start_date", "end_date", "instructions", "report_to", "frequency"],
        select: "SELECT m.id, e.title AS c1, m.role AS c2, m.body AS c3, CAST(m.start_date AS TEXT) AS c4, CAST(m.end_date AS TEXT) AS c5, \
                 m.instructions AS c6, m.report_to AS c7, m.frequency AS c8 FROM mandates m JOIN engagements e ON e.id = m.engagement_id \
                 WHERE m.person_id IN (",
        by: "people",
        close: ") ORDER BY m.id",
    },
    Part {
        category: "representatives",
        table: "report_backs",
        fields: &["mandate", "date", "meetings", "text"],
        select: "SELECT r.id, CAST(r.mandate_id AS TEXT) AS c1, CAST(r.date AS TEXT) AS c2, r.meetings AS c3, r.text AS c4, \
                 CAST(NULL AS TEXT) AS c5, CAST(NULL AS TEXT) AS c6, CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 \
                 FROM report_backs r JOIN mandates m ON m.id = r.mandate_id WHERE m.person_id IN (",
        by: "people",
        close: ") ORDER BY r.id",
    },
    Part {
        category: "representatives",
        table: "report_attachments",
        fields: &["report", "file_name", "content_type", "size"],
        select: "SELECT a.id, CAST(a.report_id AS TEXT) AS c1, a.file_name AS c2, a.content_type AS c3, CAST(a.size AS TEXT) AS c4, \
                 CAST(NULL AS TEXT) AS c5, CAST(NULL AS TEXT) AS c6, CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 \
                 FROM report_attachments a JOIN report_backs r ON r.id = a.report_id JOIN mandates m ON m.id = r.mandate_id \
                 WHERE m.person_id IN (",
        by: "people",
        close: ") ORDER BY a.id",
    },
    Part {
        category: "accounts",
        table: "accounts",
        fields: &["username", "display_name", "disabled", "created_at", "password_changed_at", "disabled_at", "two_step_sign_in"],
        select: "SELECT id, username AS c1, display_name AS c2, CASE WHEN disabled THEN 'yes' ELSE 'no' END AS c3, \
                 CAST(created_at AS TEXT) AS c4, CAST(password_changed_at AS TEXT) AS c5, CAST(disabled_at AS TEXT) AS c6, \
                 CASE WHEN totp_enabled_at IS NULL THEN 'no' ELSE 'yes' END AS c7, CAST(NULL AS TEXT) AS c8 FROM accounts WHERE id IN (",
        by: "accounts",
        close: ") ORDER BY id",
    },
    Part {
        category: "accounts",
        table: "account_roles",
        fields: &["account", "role", "authority"],
        select: "SELECT r.id, CAST(r.account_id AS TEXT) AS c1, r.role AS c2, o.name AS c3, CAST(NULL AS TEXT) AS c4, \
                 CAST(NULL AS TEXT) AS c5, CAST(NULL AS TEXT) AS c6, CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 \
                 FROM account_roles r LEFT JOIN organisations o ON o.id = r.authority_id WHERE r.account_id IN (",
        by: "accounts",
        close: ") ORDER BY r.id",
    },
    Part {
        category: "sessions",
        table: "api_tokens",
        fields: &["account", "name", "scope", "created_at", "last_used_at", "revoked_at"],
        select: "SELECT id, CAST(account_id AS TEXT) AS c1, name AS c2, scope AS c3, CAST(created_at AS TEXT) AS c4, \
                 CAST(last_used_at AS TEXT) AS c5, CAST(revoked_at AS TEXT) AS c6, CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 \
                 FROM api_tokens WHERE account_id IN (",
        by: "accounts",
        close: ") ORDER BY id",
    },
    Part {
        category: "submissions",
        table: "call_submissions",
        fields: &["call", "reference", "name", "email", "organisation", "answer", "submitted_at", "consent_version"],
        select: "SELECT s.id, c.title AS c1, s.reference AS c2, s.name AS c3, s.email AS c4, s.organisation AS c5, s.answer AS c6, \
                 CAST(s.submitted_at AS TEXT) AS c7, s.consent_version AS c8 FROM call_submissions s JOIN calls c ON c.id = s.call_id \
                 WHERE s.id IN (",
        by: "call_submissions",
        close: ") ORDER BY s.id",
    },
    Part {
        category: "lesson_readers",
        table: "eu_lesson_readings",
        fields: &["lesson", "reader_name", "reader_department"],
        select: "SELECT r.id, l.title AS c1, r.reader_name AS c2, r.reader_department AS c3, CAST(NULL AS TEXT) AS c4, \
                 CAST(NULL AS TEXT) AS c5, CAST(NULL AS TEXT) AS c6, CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 \
                 FROM eu_lesson_readings r JOIN eu_lessons l ON l.id = r.lesson_id WHERE r.id IN (",
        by: "eu_lesson_readings",
        close: ") ORDER BY r.id",
    },
    Part {
        category: "case_handlers",
        table: "referrals",
        fields: &["subject", "sender", "case_number", "responsible", "approved_by"],
        select: "SELECT id, subject AS c1, sender AS c2, case_number AS c3, responsible AS c4, approved_by AS c5, \
                 CAST(NULL AS TEXT) AS c6, CAST(NULL AS TEXT) AS c7, CAST(NULL AS TEXT) AS c8 FROM referrals WHERE id IN (",
        by: "referrals",
        close: ") ORDER BY id",
    },
];

#[derive(Debug, sqlx::FromRow)]
struct Cells {
    id: i64,
    c1: Option<String>,
    c2: Option<String>,
    c3: Option<String>,
    c4: Option<String>,
    c5: Option<String>,
    c6: Option<String>,
    c7: Option<String>,
    c8: Option<String>,
}

/// One stored record about the person, as named fields (empty fields left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub category: &'static str,
    pub table: &'static str,
    pub id: i64,
    pub fields: BTreeMap<&'static str, String>,
}

/// Everything stored about one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dossier {
    pub subject: String,
    /// When it was made (Unix seconds).
    pub made_at: i64,
    pub items: Vec<Item>,
}

impl Dossier {
    /// The dossier as CSV: one line per field (category, table, record, field, value), cells that
    /// a spreadsheet would take for a formula neutralised.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::from("category,table,record,field,value\r\n");
        for item in &self.items {
            for (field, value) in &item.fields {
                let id = item.id.to_string();
                let cells: [&str; 5] = [item.category, item.table, &id, field, value];
                for (at, cell) in cells.into_iter().enumerate() {
                    if at > 0 {
                        out.push(',');
                    }
                    let cell = samverk_domain::call::neutralise_cell(cell);
                    out.push('"');
                    out.push_str(&cell.replace('"', "\"\""));
                    out.push('"');
                }
                out.push_str("\r\n");
            }
        }
        out
    }
}

fn timestamp(field: &str, value: String) -> String {
    if !field.ends_with("_at") {
        return value;
    }
    value
        .parse::<i64>()
        .ok()
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or(value)
}

/// Free text that may mention a person: (table, columns, the folded search column if any).
/// An erasure replaces the stored spellings of the name there; the search triggers then put
/// the records in the outbox, so every server's index drops the name.
const MENTIONS: &[(&str, &[&str])] = &[
    ("decisions", &["title", "body"]),
    ("engagements", &["title", "description"]),
    ("mandates", &["instructions"]),
    ("report_backs", &["text"]),
    ("referrals", &["statement"]),
];

async fn mentions(conn: &mut Conn<'_>, spellings: &BTreeSet<String>) -> Result<Vec<Item>, StoreError> {
    let mut items = Vec::new();
    for spelling in spellings {
        for (table, sql) in [
            ("decisions", "SELECT id, title AS c1 FROM decisions WHERE REPLACE(title, ?, '') <> title OR REPLACE(body, ?, '') <> body"),
            (
                "engagements",
                "SELECT id, title AS c1 FROM engagements WHERE REPLACE(title, ?, '') <> title OR REPLACE(COALESCE(description, ''), ?, '') <> COALESCE(description, '')",
            ),
        ] {
            #[derive(sqlx::FromRow)]
            struct Row {
                id: i64,
                c1: String,
            }
            let rows: Vec<Row> = conn.all(&Sql::new(sql).arg(spelling.clone()).arg(spelling.clone())).await?;
            for row in rows {
                if !items.iter().any(|i: &Item| i.table == table && i.id == row.id) {
                    items.push(Item { category: "mentions", table, id: row.id, fields: BTreeMap::from([("title", row.c1)]) });
                }
            }
        }
    }
    Ok(items)
}

/// What an erasure changed, by table (rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Erasure {
    /// The erasure's number (its entry in the log): the records now read `Erased person #n`.
    pub number: i64,
    pub placeholder: String,
    pub changed: BTreeMap<&'static str, u64>,
}

/// One entry of the personal-data log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct LogEntry {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// Who acts on personal data, for the log.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub id: Option<i64>,
    pub name: &'a str,
}

/// The actions the log records.
pub const ACTIONS: &[&str] = &["view", "export_json", "export_csv", "erase", "retention"];

async fn log_entry(conn: &mut Conn<'_>, actor: Actor<'_>, action: &str, subject: &str, detail: &str) -> Result<i64, StoreError> {
    Ok(conn
        .insert(
            &Sql::new(
                "INSERT INTO personal_data_log (at, actor_id, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .arg(now())
            .arg(actor.id)
            .arg(actor.name.to_owned())
            .arg(action.to_owned())
            .arg(subject.to_owned())
            .arg(detail.to_owned()),
        )
        .await?)
}

fn subject_of(query: &str) -> Result<Subject, StoreError> {
    Subject::new(query).ok_or_else(|| ValidationErrors::single("q", Problem::Required).into())
}

async fn replace_everywhere(
    conn: &mut Conn<'_>,
    spelling: &str,
    placeholder: &str,
    changed: &mut BTreeMap<&'static str, u64>,
) -> Result<(), StoreError> {
    for &(table, columns) in MENTIONS {
        for column in columns {
            let sql = mention_update(table, column);
            let n = conn.execute(&sql.arg(spelling.to_owned()).arg(placeholder.to_owned()).arg(spelling.to_owned())).await?;
            *changed.entry(table).or_default() += n;
        }
    }
    // The engagement list filters on a folded copy of title and description.
    let folded = fold(spelling);
    if folded.chars().count() >= 3 {
        conn.execute(
            &Sql::new("UPDATE engagements SET search_text = REPLACE(search_text, ?, ?) WHERE REPLACE(search_text, ?, '') <> search_text")
                .arg(folded.clone())
                .arg(fold(placeholder))
                .arg(folded),
        )
        .await?;
    }
    Ok(())
}

/// `UPDATE t SET c = REPLACE(c, ?, ?) WHERE REPLACE(c, ?, '') <> c`, from static names only.
fn mention_update(table: &str, column: &str) -> Sql {
    macro_rules! upd {
        ($t:literal, $c:literal) => {
            Sql::new(concat!("UPDATE ", $t, " SET ", $c, " = REPLACE(", $c, ", ?, ?) WHERE REPLACE(", $c, ", ?, '') <> ", $c))
        };
    }
    match (table, column) {
        ("decisions", "title") => upd!("decisions", "title"),
        ("decisions", "body") => upd!("decisions", "body"),
        ("engagements", "title") => upd!("engagements", "title"),
        ("engagements", "description") => upd!("engagements", "description"),
        ("mandates", "instructions") => upd!("mandates", "instructions"),
        ("report_backs", "text") => upd!("report_backs", "text"),
        _ => upd!("referrals", "statement"),
    }
}

/// One line of the retention job's report: what passed its period and how many records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionLine {
    /// `expired_sessions`, `spent_reset_links`, `old_submissions`, `disabled_accounts`, `old_log_entries`.
    pub what: &'static str,
    /// `delete` or `anonymise`.
    pub action: &'static str,
    pub count: u64,
}

/// Seconds an unused reset link is kept after it expired or was used (a week, to answer "did
/// the link work?").
const RESET_KEEP_SECONDS: i64 = 7 * 86_400;

fn retention_of(code: &str) -> Retention {
    category(code).map_or(Retention::WithRecord, |c| c.retention)
}

/// Anonymises accounts: a placeholder name, no password, disabled, no sessions, roles, tokens or
/// reset links. The rows stay, since other records point to them.
async fn anonymise_accounts(conn: &mut Conn<'_>, ids: &[i64], placeholder: &str) -> Result<u64, StoreError> {
    let mut changed = 0;
    for id in ids {
        let sql = Sql::new(
            "UPDATE accounts SET username = ?, display_name = ?, password_hash = '!', disabled = TRUE, totp_secret = NULL, \
             totp_enabled_at = NULL, disabled_at = COALESCE(disabled_at, ?), version = version + 1 WHERE id = ?",
        )
        .arg(format!("erased-{id}"))
        .arg(placeholder.to_owned())
        .arg(now())
        .arg(*id);
        changed += conn.execute(&sql).await?;
    }
    for sql in [
        "DELETE FROM sessions WHERE account_id IN (",
        "DELETE FROM password_resets WHERE account_id IN (",
        "DELETE FROM account_roles WHERE account_id IN (",
        "DELETE FROM api_tokens WHERE account_id IN (",
        "DELETE FROM recovery_codes WHERE account_id IN (",
    ] {
        let mut sql = Sql::new(sql);
        sql.bind_list(ids.iter().copied()).push(")");
        conn.execute(&sql).await?;
    }
    Ok(changed)
}

/// A person's data is found, exported and erased across the whole installation (names and
/// addresses are matched in every table, the trail included), so only an administrator of the
/// whole installation may do it: in a shared installation, the data protection contact of the
/// service, not the administrator of one authority.
fn installation_wide() -> Result<(), StoreError> {
    match crate::scope::current() {
        crate::scope::Scope::Everything => Ok(()),
        crate::scope::Scope::Authorities(_) => Err(StoreError::OutOfScope("personal_data".to_owned())),
    }
}

impl Store {
    /// Records naming someone whose name or address contains `query` (the finder), at most 200.
    ///
    /// # Errors
    /// `Invalid` for a query shorter than three characters; the database error.
    pub async fn find_people(&self, query: &str) -> Result<Vec<Found>, StoreError> {
        installation_wide()?;
        let subject = subject_of(query)?;
        let mut handle = self.handle().await?;
        let mut out = Vec::new();
        scan(&mut handle.conn(), |table, category, row| {
            if out.len() < 200
                && subject.resembles(row.name.as_deref(), row.email.as_deref())
                && !out.iter().any(|f: &Found| f.table == table && f.id == row.id)
            {
                out.push(Found { category, table, id: row.id, name: row.name, email: row.email });
            }
        })
        .await?;
        Ok(out)
    }

    /// Everything stored about the person named by `query`, logged as `action` by `actor`.
    ///
    /// # Errors
    /// `Invalid` for a blank query; the database error.
    pub async fn personal_data(&self, query: &str, actor: Actor<'_>, action: &str) -> Result<Dossier, StoreError> {
        installation_wide()?;
        let subject = subject_of(query)?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let found = matched(&mut conn, &subject).await?;
        let mut items = Vec::new();
        for part in PARTS {
            let ids = found.of(part.by);
            if ids.is_empty() {
                continue;
            }
            let mut sql = Sql::new(part.select);
            sql.bind_list(ids).push(part.close);
            let rows: Vec<Cells> = conn.all(&sql).await?;
            for row in rows {
                let cells = [row.c1, row.c2, row.c3, row.c4, row.c5, row.c6, row.c7, row.c8];
                let fields = part.fields.iter().zip(cells).filter_map(|(f, v)| v.map(|v| (*f, timestamp(f, v)))).collect();
                items.push(Item { category: part.category, table: part.table, id: row.id, fields });
            }
        }
        items.extend(mentions(&mut conn, &found.spellings).await?);
        let detail = format!("{} records", items.len());
        log_entry(&mut conn, actor, action, subject.text(), &detail).await?;
        tx.commit().await?;
        Ok(Dossier { subject: subject.text().to_owned(), made_at: now(), items })
    }

    /// Erases the person named by `query` by anonymisation, in one transaction, and logs it.
    /// `None` when nothing names them.
    ///
    /// # Errors
    /// `Invalid` for a blank query or when the actor's own account would be erased.
    pub async fn erase_person(&self, query: &str, actor: Actor<'_>) -> Result<Option<Erasure>, StoreError> {
        installation_wide()?;
        let subject = subject_of(query)?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let found = matched(&mut conn, &subject).await?;
        if found.is_empty() {
            return Ok(None);
        }
        if actor.id.is_some_and(|me| found.of("accounts").contains(&me)) {
            return Err(ValidationErrors::single("q", Problem::Rule { rule: "privacy-erase-self".to_owned() }).into());
        }
        let number = log_entry(&mut conn, actor, "erase", subject.text(), "").await?;
        let placeholder = privacy::placeholder(number);
        let mut changed = BTreeMap::new();
        let p = || placeholder.clone();
        let people = found.of("people");
        let mut run = |table: &'static str, n: u64| *changed.entry(table).or_default() += n;
        let mut sql =
            Sql::new("UPDATE people SET name = ?, title = NULL, department = NULL, email = NULL, show_name = FALSE, version = version + 1 WHERE id IN (")
                .arg(p());
        sql.bind_list(people).push(")");
        run("people", conn.execute(&sql).await?);
        let mut sql = Sql::new(
            "UPDATE call_submissions SET name = CASE WHEN name IS NULL THEN NULL ELSE ? END, email = NULL, organisation = NULL, client_key = 'erased' WHERE id IN (",
        )
        .arg(p());
        sql.bind_list(found.of("call_submissions")).push(")");
        run("call_submissions", conn.execute(&sql).await?);
        let mut sql = Sql::new("UPDATE eu_lesson_readings SET reader_name = ?, reader_department = NULL WHERE id IN (").arg(p());
        sql.bind_list(found.of("eu_lesson_readings")).push(")");
        run("eu_lesson_readings", conn.execute(&sql).await?);
        for column_sql in [
            "UPDATE referrals SET responsible = ? WHERE responsible = ? AND id IN (",
            "UPDATE referrals SET approved_by = ? WHERE approved_by = ? AND id IN (",
        ] {
            for spelling in &found.spellings {
                let mut sql = Sql::new(column_sql).arg(p()).arg(spelling.clone());
                sql.bind_list(found.of("referrals")).push(")");
                run("referrals", conn.execute(&sql).await?);
            }
        }
        let accounts = found.of("accounts");
        run("accounts", anonymise_accounts(&mut conn, &accounts, &placeholder).await?);
        for spelling in &found.spellings {
            replace_everywhere(&mut conn, spelling, &placeholder, &mut changed).await?;
        }
        // Last, so the snapshots of the changes just made are covered too.
        for spelling in &found.spellings {
            let n = scrub_trail(&mut conn, spelling, &placeholder).await?;
            *changed.entry("audit_log").or_default() += n;
        }
        // The log keeps who looked and when, not the name it was asked for.
        let mut sql = Sql::new("UPDATE personal_data_log SET subject = ? WHERE subject IN (").arg(p());
        sql.bind_list(found.spellings.iter().cloned().chain([subject.text().to_owned()])).push(")");
        conn.execute(&sql).await?;
        changed.retain(|_, n| *n > 0);
        let detail = changed.iter().map(|(t, n)| format!("{t}: {n}")).collect::<Vec<_>>().join(", ");
        conn.execute(&Sql::new("UPDATE personal_data_log SET detail = ? WHERE id = ?").arg(detail).arg(number)).await?;
        tx.commit().await?;
        Ok(Some(Erasure { number, placeholder, changed }))
    }

    /// Logs that `actor` looked at a person's data (a person's page).
    ///
    /// # Errors
    /// The database error.
    pub async fn log_personal_access(&self, actor: Actor<'_>, action: &str, subject: &str, detail: &str) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        log_entry(&mut tx.conn(), actor, action, subject, detail).await?;
        tx.commit().await
    }

    /// The newest entries of the personal-data log, at most `limit`, optionally of one action.
    ///
    /// # Errors
    /// The database error.
    pub async fn personal_data_log(&self, limit: i64, action: Option<&str>) -> Result<Vec<LogEntry>, StoreError> {
        installation_wide()?;
        let mut handle = self.handle().await?;
        let mut sql = Sql::new("SELECT id, at, actor_id, actor, action, subject, detail FROM personal_data_log");
        if let Some(action) = action {
            sql.push(" WHERE action = ").bind(action.to_owned());
        }
        sql.push(" ORDER BY id DESC LIMIT ").bind(limit);
        Ok(handle.conn().all(&sql).await?)
    }

    /// The retention job: deletes or anonymises what has passed its period at `now`. With
    /// `dry_run` it only counts, and writes nothing (not even the log).
    ///
    /// # Errors
    /// The database error; on an error nothing is written.
    pub async fn apply_retention(&self, now: i64, dry_run: bool) -> Result<Vec<RetentionLine>, StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let mut lines = Vec::new();
        let submissions = privacy::cutoff(retention_of("submissions"), now).unwrap_or(i64::MIN);
        let accounts = privacy::cutoff(retention_of("accounts"), now).unwrap_or(i64::MIN);
        let log = privacy::cutoff(retention_of("access_log"), now).unwrap_or(i64::MIN);
        let trail = privacy::cutoff(retention_of("audit_trail"), now).unwrap_or(i64::MIN);
        // (what, action, count, change): counts and changes select the same rows.
        let jobs: [(&str, &str, &str, &str, i64); 5] = [
            (
                "expired_sessions",
                "delete",
                "SELECT COUNT(*) FROM sessions WHERE expires_at <= ?",
                "DELETE FROM sessions WHERE expires_at <= ?",
                now,
            ),
            (
                "spent_reset_links",
                "delete",
                "SELECT COUNT(*) FROM password_resets WHERE COALESCE(used_at, expires_at) <= ?",
                "DELETE FROM password_resets WHERE COALESCE(used_at, expires_at) <= ?",
                now - RESET_KEEP_SECONDS,
            ),
            (
                "old_submissions",
                "anonymise",
                "SELECT COUNT(*) FROM call_submissions s WHERE client_key <> 'erased' AND (SELECT c.closes_at FROM calls c WHERE c.id = s.call_id) <= ?",
                "UPDATE call_submissions SET name = NULL, email = NULL, organisation = NULL, client_key = 'erased' \
                 WHERE client_key <> 'erased' AND (SELECT c.closes_at FROM calls c WHERE c.id = call_submissions.call_id) <= ?",
                submissions,
            ),
            (
                "old_log_entries",
                "delete",
                "SELECT COUNT(*) FROM personal_data_log WHERE at <= ?",
                "DELETE FROM personal_data_log WHERE at <= ?",
                log,
            ),
            ("old_audit_entries", "delete", "SELECT COUNT(*) FROM audit_log WHERE at <= ?", "DELETE FROM audit_log WHERE at <= ?", trail),
        ];
        for (what, action, count, change, cutoff) in jobs {
            let count = if dry_run {
                u64::try_from(conn.scalar::<i64>(&Sql::new(count).arg(cutoff)).await?).unwrap_or(0)
            } else {
                conn.execute(&Sql::new(change).arg(cutoff)).await?
            };
            lines.push(RetentionLine { what, action, count });
        }
        // Disabled accounts take the placeholder of this run's entry in the log.
        let ids: Vec<i64> = conn
            .scalars(
                &Sql::new("SELECT id FROM accounts WHERE disabled AND disabled_at <= ? AND username NOT LIKE 'erased-%' ORDER BY id")
                    .arg(accounts),
            )
            .await?;
        if dry_run {
            lines.push(RetentionLine { what: "disabled_accounts", action: "anonymise", count: ids.len() as u64 });
            return Ok(lines);
        }
        let number = log_entry(&mut conn, Actor { id: None, name: "samverk retention" }, "retention", "", "").await?;
        let count = anonymise_accounts(&mut conn, &ids, &privacy::placeholder(number)).await?;
        forget_in_trail(&mut conn, &ids, &privacy::placeholder(number)).await?;
        lines.push(RetentionLine { what: "disabled_accounts", action: "anonymise", count });
        let detail = lines.iter().map(|l| format!("{}: {}", l.what, l.count)).collect::<Vec<_>>().join(", ");
        conn.execute(&Sql::new("UPDATE personal_data_log SET detail = ? WHERE id = ?").arg(detail).arg(number)).await?;
        tx.commit().await?;
        Ok(lines)
    }
}

/// Replaces a person's name or e-mail in the audit trail's snapshots and in the names of those
/// who made changes, so an erasure leaves the trail's facts (what changed, when) without them.
/// Returns the number of trail entries changed.
async fn scrub_trail(conn: &mut Conn<'_>, spelling: &str, placeholder: &str) -> Result<u64, StoreError> {
    let pattern = format!("%{spelling}%");
    let snapshots =
        Sql::new("UPDATE audit_log SET before = REPLACE(before, ?, ?), after = REPLACE(after, ?, ?) WHERE before LIKE ? OR after LIKE ?")
            .arg(spelling.to_owned())
            .arg(placeholder.to_owned())
            .arg(spelling.to_owned())
            .arg(placeholder.to_owned())
            .arg(pattern.clone())
            .arg(pattern);
    let changed = conn.execute(&snapshots).await?;
    let actors = Sql::new("UPDATE audit_log SET actor = ? WHERE actor = ?").arg(placeholder.to_owned()).arg(spelling.to_owned());
    Ok(changed + conn.execute(&actors).await?)
}

/// After the retention job anonymised submissions and accounts, their earlier states leave the
/// audit trail (the entries stay, without the rows' contents), and an account's changes carry
/// the placeholder instead of its name.
async fn forget_in_trail(conn: &mut Conn<'_>, accounts: &[i64], placeholder: &str) -> Result<(), StoreError> {
    conn.execute(&Sql::new(
        "UPDATE audit_log SET before = NULL, after = NULL WHERE table_name = 'call_submissions' \
         AND record_id IN (SELECT id FROM call_submissions WHERE client_key = 'erased')",
    ))
    .await?;
    if !accounts.is_empty() {
        let mut sql = Sql::new("UPDATE audit_log SET before = NULL, after = NULL WHERE table_name = 'accounts' AND record_id IN (");
        sql.bind_list(accounts.iter().copied()).push(")");
        conn.execute(&sql).await?;
        let mut sql = Sql::new("UPDATE audit_log SET actor = ? WHERE account_id IN (").arg(placeholder.to_owned());
        sql.bind_list(accounts.iter().copied()).push(")");
        conn.execute(&sql).await?;
    }
    Ok(())
}
