-- The parts of a record kept in tables without an id of their own are audited as entries of
-- that record's history. On SQLite the triggers are made by crates/samverk-store/src/audit.rs at
-- every start and need no function; this file keeps the two engines' migrations in step.
SELECT 1;
