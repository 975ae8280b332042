-- Several authorities in one installation (issue 6, section 2). PostgreSQL keeps the write
-- transaction's scope in the transaction-local setting `samverk.scope` (see 0013_audit.sql); the
-- scope triggers are made from the live schema at every start (crates/samverk-store/src/scope.rs).
-- Nothing to change in the schema; this migration keeps both engines' numbering the same.
SELECT 1;
