//! The migrations of each engine, embedded in the binary. The two folders hold the same file
//! names (a test checks), and a schema-parity test checks they produce the same tables.

use std::borrow::Cow;

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

/// (version, description, SQLite DDL, PostgreSQL DDL), in order. Forward only.
pub const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "0001_foundation.sql",
        include_str!("../migrations/sqlite/0001_foundation.sql"),
        include_str!("../migrations/postgres/0001_foundation.sql"),
    ),
    (2, "0002_indexes.sql", include_str!("../migrations/sqlite/0002_indexes.sql"), include_str!("../migrations/postgres/0002_indexes.sql")),
    (
        3,
        "0003_registry_import.sql",
        include_str!("../migrations/sqlite/0003_registry_import.sql"),
        include_str!("../migrations/postgres/0003_registry_import.sql"),
    ),
    (
        4,
        "0004_mandates_indicators.sql",
        include_str!("../migrations/sqlite/0004_mandates_indicators.sql"),
        include_str!("../migrations/postgres/0004_mandates_indicators.sql"),
    ),
    (
        5,
        "0005_eu_projects.sql",
        include_str!("../migrations/sqlite/0005_eu_projects.sql"),
        include_str!("../migrations/postgres/0005_eu_projects.sql"),
    ),
    (6, "0006_trust.sql", include_str!("../migrations/sqlite/0006_trust.sql"), include_str!("../migrations/postgres/0006_trust.sql")),
    (7, "0007_public.sql", include_str!("../migrations/sqlite/0007_public.sql"), include_str!("../migrations/postgres/0007_public.sql")),
    (
        8,
        "0008_news_calls.sql",
        include_str!("../migrations/sqlite/0008_news_calls.sql"),
        include_str!("../migrations/postgres/0008_news_calls.sql"),
    ),
    (
        11,
        "0011_public_search_attachments.sql",
        include_str!("../migrations/sqlite/0011_public_search_attachments.sql"),
        include_str!("../migrations/postgres/0011_public_search_attachments.sql"),
    ),
    (
        12,
        "0012_privacy.sql",
        include_str!("../migrations/sqlite/0012_privacy.sql"),
        include_str!("../migrations/postgres/0012_privacy.sql"),
    ),
    (13, "0013_audit.sql", include_str!("../migrations/sqlite/0013_audit.sql"), include_str!("../migrations/postgres/0013_audit.sql")),
    (14, "0014_scope.sql", include_str!("../migrations/sqlite/0014_scope.sql"), include_str!("../migrations/postgres/0014_scope.sql")),
    (
        15,
        "0015_audit_batches.sql",
        include_str!("../migrations/sqlite/0015_audit_batches.sql"),
        include_str!("../migrations/postgres/0015_audit_batches.sql"),
    ),
    (
        16,
        "0016_versions.sql",
        include_str!("../migrations/sqlite/0016_versions.sql"),
        include_str!("../migrations/postgres/0016_versions.sql"),
    ),
    (
        17,
        "0017_audit_parts.sql",
        include_str!("../migrations/sqlite/0017_audit_parts.sql"),
        include_str!("../migrations/postgres/0017_audit_parts.sql"),
    ),
    (
        18,
        "0018_news_language.sql",
        include_str!("../migrations/sqlite/0018_news_language.sql"),
        include_str!("../migrations/postgres/0018_news_language.sql"),
    ),
    (
        19,
        "0019_people_show_name.sql",
        include_str!("../migrations/sqlite/0019_people_show_name.sql"),
        include_str!("../migrations/postgres/0019_people_show_name.sql"),
    ),
    (
        20,
        "0020_texts_languages.sql",
        include_str!("../migrations/sqlite/0020_texts_languages.sql"),
        include_str!("../migrations/postgres/0020_texts_languages.sql"),
    ),
    (
        21,
        "0021_import_writes_less.sql",
        include_str!("../migrations/sqlite/0021_import_writes_less.sql"),
        include_str!("../migrations/postgres/0021_import_writes_less.sql"),
    ),
];

fn migrator(pick: fn(&(i64, &'static str, &'static str, &'static str)) -> &'static str) -> Migrator {
    Migrator::with_migrations(
        MIGRATIONS.iter().map(|m| Migration::new(m.0, Cow::Borrowed(m.1), MigrationType::Simple, pick(m).into_sql_str(), false)).collect(),
    )
}

#[must_use]
pub fn sqlite() -> Migrator {
    migrator(|m| m.2)
}

#[must_use]
pub fn postgres() -> Migrator {
    migrator(|m| m.3)
}
