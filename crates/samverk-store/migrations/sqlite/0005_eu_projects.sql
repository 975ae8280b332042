-- EU-funded projects (issue 5): the details an engagement of kind eu_project adds, its budget
-- by year and partner, and the lessons learned with their addressees and readers.
-- Amounts are whole euros; rates are hundredths of a percent (7500 = 75 %).
CREATE TABLE eu_projects (
    engagement_id INTEGER PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
    programme TEXT NOT NULL,
    strand TEXT,
    funding_call TEXT,
    role TEXT NOT NULL,
    department TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX eu_projects_programme ON eu_projects (programme);

CREATE TABLE eu_budget_lines (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    total INTEGER NOT NULL,
    eu_grant INTEGER NOT NULL,
    national_cofinancing INTEGER NOT NULL,
    own_contribution INTEGER NOT NULL,
    cofinancing_rate INTEGER NOT NULL,
    UNIQUE (engagement_id, year, organisation_id)
);

CREATE TABLE eu_lessons (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    written_on DATE NOT NULL
);
CREATE INDEX eu_lessons_engagement ON eu_lessons (engagement_id);

-- A lesson is addressed to departments (by name, until samverk has a department register) or
-- to goals; exactly one of the two is set per row.
CREATE TABLE eu_lesson_addressees (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES eu_lessons (id) ON DELETE CASCADE,
    department TEXT,
    goal_id INTEGER REFERENCES goals (id) ON DELETE CASCADE
);
CREATE INDEX eu_lesson_addressees_lesson ON eu_lesson_addressees (lesson_id);

-- Who has received and read a lesson. Until accounts exist the reader is the name and
-- department typed on the form; account_id takes their place later.
CREATE TABLE eu_lesson_readings (
    id INTEGER PRIMARY KEY,
    lesson_id INTEGER NOT NULL REFERENCES eu_lessons (id) ON DELETE CASCADE,
    reader_name TEXT NOT NULL,
    reader_department TEXT,
    account_id INTEGER,
    read_on DATE NOT NULL
);
CREATE INDEX eu_lesson_readings_lesson ON eu_lesson_readings (lesson_id);
