-- Imports write one trail entry per table and batch instead of one per inserted row (issue 4's
-- import speed; see crates/samverk-store/src/audit_batch.rs). The entry names the ids it covers
-- here, in runs, so the history of every imported record still shows the import that created it.
-- While `audit_context.batch` is 1 the row-by-row insert triggers stay silent; updates and
-- deletes are always written row by row.
-- When retention deletes an old entry of the trail, the ids it covered go with it.
CREATE TABLE audit_batches (
    audit_id INTEGER NOT NULL REFERENCES audit_log (id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    first_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL
);
CREATE INDEX audit_batches_range ON audit_batches (table_name, first_id, last_id);
ALTER TABLE audit_context ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;
