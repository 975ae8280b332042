-- Reference registries (countries, ISO 3166-2 subdivisions, NUTS) and what the importers of
-- public cooperation data sets need: identifiers with validity, folded aliases for matching,
-- where each imported record came from, and the review list of uncertain matches.

ALTER TABLE organisations ADD COLUMN web_domain TEXT;
-- 'registry' for the shipped registers, the data set's name for imported bodies, NULL when typed.
ALTER TABLE organisations ADD COLUMN source TEXT;
-- "data set: file, row n" for imported engagements and participations (not the authority's decision).
ALTER TABLE engagements ADD COLUMN source TEXT;
ALTER TABLE participants ADD COLUMN source TEXT;

CREATE TABLE countries (
    code TEXT PRIMARY KEY,
    alpha3 TEXT NOT NULL,
    numeric_code TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_nb TEXT NOT NULL,
    name_nn TEXT NOT NULL,
    name_sv TEXT NOT NULL,
    eu BOOLEAN NOT NULL,
    eea BOOLEAN NOT NULL,
    schengen BOOLEAN NOT NULL,
    search_text TEXT NOT NULL
);

CREATE TABLE subdivisions (
    code TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    name_nb TEXT,
    name_sv TEXT,
    search_text TEXT NOT NULL
);

CREATE TABLE nuts_regions (
    code TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    label TEXT NOT NULL,
    level INTEGER NOT NULL,
    kind TEXT NOT NULL,
    search_text TEXT NOT NULL
);
CREATE INDEX nuts_regions_country ON nuts_regions (country, level);

-- Identifiers of an organisation, each valid for a period: kommunenummer 3803 was Tønsberg
-- until 2023, 3905 from 2024.
CREATE TABLE registry_codes (
    scheme TEXT NOT NULL,
    code TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    valid_from DATE,
    valid_to DATE,
    PRIMARY KEY (scheme, code, organisation_id)
);
CREATE INDEX registry_codes_organisation ON registry_codes (organisation_id);

-- Folded spellings under which an organisation is known ("lidkoping", "norrbotten").
CREATE TABLE organisation_aliases (
    alias TEXT NOT NULL,
    country TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, country, organisation_id)
);
CREATE INDEX organisation_aliases_organisation ON organisation_aliases (organisation_id);

-- One row per imported source record: re-imports find it by key and compare the row's hash.
CREATE TABLE import_records (
    dataset TEXT NOT NULL,
    record_key TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    file TEXT NOT NULL,
    row_number INTEGER NOT NULL,
    row_hash TEXT NOT NULL,
    PRIMARY KEY (dataset, record_key)
);

-- Uncertain matches awaiting a person, and the decisions taken (remembered on re-import).
CREATE TABLE match_reviews (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    raw_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    country TEXT NOT NULL,
    candidate_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    confidence INTEGER NOT NULL,
    status TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    UNIQUE (name_key, country)
);
CREATE INDEX match_reviews_status ON match_reviews (status);
