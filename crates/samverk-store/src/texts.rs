//! A record's texts in more than one language: the language its own texts are written in (the
//! original) and their wording in other languages, for engagements (title and description,
//! `engagement_texts`) and news articles (title, lead and body, `news_texts`). One
//! implementation for every kind; a [`Kind`] only names its tables and columns.

use serde::Serialize;

use crate::db::{Conn, Sql};
use crate::{Store, StoreError};

/// Where one kind of record keeps its texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The record's name in errors ("engagement").
    pub entity: &'static str,
    /// The record's table, with `id`, `owner_id`, `title`, `language` and `version`.
    pub table: &'static str,
    /// Whether its texts have a body besides the title and the summary.
    pub has_body: bool,
    /// The record's title, language and version, followed by its id.
    original: &'static str,
    /// The new version and the original language, followed by the language (bound) and the id.
    set_language: &'static str,
    /// Every text of the records whose ids a `SELECT` completes, then `)`; columns as [`Text`].
    select: &'static str,
    delete: &'static str,
    /// Followed by the record id, language, title, summary (and body where the kind has one).
    insert: &'static str,
}

/// An engagement's title and description.
pub const ENGAGEMENT: Kind = Kind {
    entity: "engagement",
    table: "engagements",
    has_body: false,
    original: "SELECT title, language, version FROM engagements WHERE id = ",
    set_language: "UPDATE engagements SET version = version + 1, language = ",
    select: "SELECT t.engagement_id AS record_id, t.language, t.title, t.description AS summary, CAST(NULL AS TEXT) AS body \
             FROM engagement_texts t WHERE t.engagement_id IN (",
    delete: "DELETE FROM engagement_texts WHERE engagement_id = ",
    insert: "INSERT INTO engagement_texts (engagement_id, language, title, description) VALUES (",
};

/// A news article's title, lead and body.
pub const NEWS: Kind = Kind {
    entity: "news",
    table: "news",
    has_body: true,
    original: "SELECT title, language, version FROM news WHERE id = ",
    set_language: "UPDATE news SET version = version + 1, language = ",
    select: "SELECT t.news_id AS record_id, t.language, t.title, t.lead AS summary, t.body FROM news_texts t WHERE t.news_id IN (",
    delete: "DELETE FROM news_texts WHERE news_id = ",
    insert: "INSERT INTO news_texts (news_id, language, title, lead, body) VALUES (",
};

/// A record's texts in one more language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Text {
    pub record_id: i64,
    pub language: String,
    pub title: String,
    /// An engagement's description, an article's lead.
    pub summary: Option<String>,
    /// An article's body (none for engagements).
    pub body: Option<String>,
}

/// A text as typed; a blank title removes that language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextDraft {
    pub language: String,
    pub title: String,
    pub summary: String,
    pub body: String,
}

/// A record's own title, the language it is written in, its version and its other languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Texts {
    pub title: String,
    pub language: Option<String>,
    pub version: i64,
    pub texts: Vec<Text>,
}

#[derive(sqlx::FromRow)]
struct Original {
    title: String,
    language: Option<String>,
    version: i64,
}

/// The texts of the records of `kind` whose ids `ids` gives (a `SELECT … id …` or a list of
/// bound ids), in every language or in `language` only: one query.
///
/// # Errors
/// The database error.
pub async fn of_records(conn: &mut Conn<'_>, kind: Kind, ids: &Sql, language: Option<&str>) -> Result<Vec<Text>, StoreError> {
    let mut t = Sql::new(kind.select);
    t.push_sql(ids).push(")");
    if let Some(language) = language {
        t.push(" AND t.language = ").bind(language.to_owned());
    }
    t.push(" ORDER BY t.language");
    Ok(conn.all(&t).await?)
}

/// Sets a record's original language and replaces its texts in other languages. The texts are
/// part of the record: saving them is a new version of it, refused (`Stale`) when it is no
/// longer at `expected`.
async fn save(
    conn: &mut Conn<'_>,
    kind: Kind,
    id: i64,
    expected: Option<i64>,
    language: Option<&str>,
    texts: &[TextDraft],
) -> Result<(), StoreError> {
    let mut l = Sql::new(kind.set_language);
    l.bind(language.map(str::to_owned)).push(" WHERE id = ").bind(id);
    crate::store::versioned_update(conn, kind.entity, kind.table, id, l, expected).await?;
    let mut d = Sql::new(kind.delete);
    d.bind(id);
    conn.execute(&d).await?;
    let optional = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    for t in texts {
        if t.title.trim().is_empty() || Some(t.language.as_str()) == language {
            continue;
        }
        let mut i = Sql::new(kind.insert);
        i.bind(id).push(", ").bind(t.language.clone()).push(", ").bind(t.title.trim().to_owned()).push(", ").bind(optional(&t.summary));
        if kind.has_body {
            i.push(", ").bind(optional(&t.body));
        }
        i.push(")");
        conn.execute(&i).await?;
    }
    Ok(())
}

impl Store {
    /// A record's title, original language, version and texts in other languages.
    ///
    /// # Errors
    /// `NotFound` when there is no such record (or it is another authority's); the database error.
    pub async fn texts(&self, kind: Kind, id: i64) -> Result<Texts, StoreError> {
        let mut h = self.handle().await?;
        let mut conn = h.conn();
        let mut o = Sql::new(kind.original);
        o.bind(id).scoped("owner_id");
        let Some(Original { title, language, version }) = conn.optional::<Original>(&o).await? else {
            return Err(StoreError::NotFound { entity: kind.entity, id });
        };
        let mut ids = Sql::new("");
        ids.bind(id);
        let texts = of_records(&mut conn, kind, &ids, None).await?;
        Ok(Texts { title, language, version, texts })
    }

    /// The texts in `language` of the records of `kind` with these ids (one query).
    ///
    /// # Errors
    /// The database error.
    pub async fn translations(&self, kind: Kind, ids: &[i64], language: &str) -> Result<Vec<Text>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut h = self.handle().await?;
        let mut list = Sql::new("");
        list.bind_list(ids.iter().copied());
        of_records(&mut h.conn(), kind, &list, Some(language)).await
    }

    /// Sets a record's original language and replaces its texts in other languages, in one
    /// transaction. A text with an empty title is removed.
    ///
    /// # Errors
    /// `NotFound` when there is no such record; `Stale` when it is no longer at `expected`;
    /// the database error.
    pub async fn save_texts(
        &self,
        kind: Kind,
        id: i64,
        expected: Option<i64>,
        language: Option<&str>,
        texts: &[TextDraft],
    ) -> Result<(), StoreError> {
        self.ensure_visible(kind.table, id).await?;
        let mut tx = self.begin().await?;
        save(&mut tx.conn(), kind, id, expected, language, texts).await?;
        tx.commit().await
    }
}
