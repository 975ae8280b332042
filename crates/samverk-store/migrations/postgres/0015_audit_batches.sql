-- Imports write one trail entry per table and batch instead of one per inserted row (issue 4's
-- import speed; see crates/samverk-store/src/audit_batch.rs). The entry names the ids it covers
-- here, in runs, so the history of every imported record still shows the import that created it.
-- While the transaction-local setting `samverk.batch` is `on` the trigger function writes no
-- entry for an insert; updates and deletes are always written row by row.
-- When retention deletes an old entry of the trail, the ids it covered go with it.
CREATE TABLE audit_batches (
    audit_id BIGINT NOT NULL REFERENCES audit_log (id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    first_id BIGINT NOT NULL,
    last_id BIGINT NOT NULL
);
CREATE INDEX audit_batches_range ON audit_batches (table_name, first_id, last_id);

CREATE OR REPLACE FUNCTION samverk_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('samverk.batch', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW);
    END IF;
    IF TG_NARGS > 0 THEN
        old_row := old_row - TG_ARGV;
        new_row := new_row - TG_ARGV;
    END IF;
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (at, account_id, actor, origin, via, table_name, record_id, action, before, after)
    VALUES (
        CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT),
        CAST(NULLIF(current_setting('samverk.account_id', true), '') AS BIGINT),
        COALESCE(NULLIF(current_setting('samverk.actor', true), ''), 'unknown'),
        COALESCE(NULLIF(current_setting('samverk.origin', true), ''), 'unknown'),
        COALESCE(current_setting('samverk.via', true), ''),
        TG_TABLE_NAME,
        CAST(COALESCE(new_row ->> 'id', old_row ->> 'id') AS BIGINT),
        lower(TG_OP),
        CAST(old_row AS TEXT),
        CAST(new_row AS TEXT)
    );
    RETURN NULL;
END
$$;
