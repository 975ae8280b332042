-- What an import writes per row, made smaller (an import writes 25,000 rows at a time).

-- engagements_owner_published (owner_id, published) serves every lookup by owner that
-- engagements_owner (owner_id) did, foreign-key checks included; keeping both cost every
-- inserted engagement a second index entry. (SQLite's migration also makes import_records and
-- organisation_aliases WITHOUT ROWID tables; PostgreSQL has no such choice to make.)
DROP INDEX engagements_owner;
