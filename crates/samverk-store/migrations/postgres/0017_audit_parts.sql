-- The parts of a record kept in tables without an id of their own (a news item's tags, an
-- engagement's EU-project details, a goal's SDGs) are audited as entries of that record's
-- history: the first trigger argument names the column referencing the record, the others the
-- columns left out, as for samverk_audit (crates/samverk-store/src/audit.rs).
CREATE OR REPLACE FUNCTION samverk_audit_part() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF TG_NARGS > 1 THEN
        old_row := old_row - TG_ARGV[1:];
        new_row := new_row - TG_ARGV[1:];
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
        CAST(COALESCE(new_row ->> TG_ARGV[0], old_row ->> TG_ARGV[0]) AS BIGINT),
        lower(TG_OP),
        CAST(old_row AS TEXT),
        CAST(new_row AS TEXT)
    );
    RETURN NULL;
END
$$;
