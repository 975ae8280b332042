-- Several authorities in one installation (issue 6, section 2): the write transaction's scope
-- (`,3,17,`: the authorities the request may change; NULL: every authority) beside who is acting,
-- read by the scope triggers that crates/samverk-store/src/scope.rs makes at every start.
ALTER TABLE audit_context ADD COLUMN scope TEXT;
