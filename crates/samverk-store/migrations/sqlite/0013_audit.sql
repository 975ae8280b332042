-- The audit trail (issue 6, section 3). Rows are written by triggers that samverk makes anew from
-- the live schema at every start (crates/samverk-store/src/audit.rs), so no write path and no
-- table added later can skip it. `before` and `after` are the whole row as JSON (secrets, blobs
-- and derived search text left out). Times are Unix seconds (UTC).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    account_id INTEGER,
    actor TEXT NOT NULL,
    origin TEXT NOT NULL,
    via TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id, id);
CREATE INDEX audit_log_account ON audit_log (account_id, id);

-- SQLite has no transaction-local settings: Store::begin writes who is acting and from where
-- here, inside its write transaction (SQLite has one writer at a time), and Tx::commit clears it.
-- PostgreSQL uses set_config(..., true) instead and has no such table.
CREATE TABLE audit_context (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    account_id INTEGER,
    actor TEXT NOT NULL,
    origin TEXT NOT NULL,
    via TEXT NOT NULL
);
