-- What an import writes per row, made smaller (an import writes 25,000 rows at a time).

-- engagements_owner_published (owner_id, published) serves every lookup by owner that
-- engagements_owner (owner_id) did, foreign-key checks included; keeping both cost every
-- inserted engagement a second index entry.
DROP INDEX engagements_owner;

-- Two tables looked up only by their primary key become that key's b-tree (WITHOUT ROWID):
-- each row is then written once instead of twice (the table and its key's index).
CREATE TABLE import_records_by_key (
    dataset TEXT NOT NULL,
    record_key TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    file TEXT NOT NULL,
    row_number INTEGER NOT NULL,
    row_hash TEXT NOT NULL,
    PRIMARY KEY (dataset, record_key)
) WITHOUT ROWID;
INSERT INTO import_records_by_key SELECT dataset, record_key, entity, entity_id, file, row_number, row_hash FROM import_records;
DROP TABLE import_records;
ALTER TABLE import_records_by_key RENAME TO import_records;

CREATE TABLE organisation_aliases_by_key (
    alias TEXT NOT NULL,
    country TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, country, organisation_id)
) WITHOUT ROWID;
INSERT INTO organisation_aliases_by_key SELECT alias, country, organisation_id FROM organisation_aliases;
DROP TABLE organisation_aliases;
ALTER TABLE organisation_aliases_by_key RENAME TO organisation_aliases;
CREATE INDEX organisation_aliases_organisation ON organisation_aliases (organisation_id);
