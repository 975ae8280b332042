-- Every editable record carries a version, so a stale save is refused instead of overwriting
-- (participants, contributions and budget lines were the last without one).
ALTER TABLE participants ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE contributions ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE eu_budget_lines ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
