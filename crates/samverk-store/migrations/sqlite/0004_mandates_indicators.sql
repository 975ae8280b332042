-- Follow-up: representatives and their mandates, report-backs (with attachments and the goals
-- they speak to), and indicators on goals with their measurements.
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    title TEXT,
    department TEXT,
    email TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_owner ON people (owner_id, name);

CREATE TABLE mandates (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    role TEXT NOT NULL,
    body TEXT NOT NULL,
    case_number TEXT,
    decision_date DATE,
    start_date DATE NOT NULL,
    end_date DATE,
    instructions TEXT,
    report_to TEXT NOT NULL,
    frequency TEXT NOT NULL,
    next_meeting DATE,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mandates_engagement ON mandates (engagement_id);
CREATE INDEX mandates_person ON mandates (person_id);

CREATE TABLE report_backs (
    id INTEGER PRIMARY KEY,
    mandate_id INTEGER NOT NULL REFERENCES mandates (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    meetings TEXT,
    text TEXT NOT NULL
);
CREATE INDEX report_backs_mandate ON report_backs (mandate_id, date);

CREATE TABLE report_goals (
    report_id INTEGER NOT NULL REFERENCES report_backs (id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    PRIMARY KEY (report_id, goal_id)
);
CREATE INDEX report_goals_goal ON report_goals (goal_id, report_id);

CREATE TABLE report_attachments (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES report_backs (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX report_attachments_report ON report_attachments (report_id);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    sdg_code TEXT REFERENCES sdg_indicators (code),
    title TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline_value REAL NOT NULL,
    baseline_year INTEGER NOT NULL,
    target_value REAL NOT NULL,
    target_year INTEGER NOT NULL,
    direction TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX indicators_goal ON indicators (goal_id);

CREATE TABLE measurements (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    value REAL NOT NULL,
    source TEXT NOT NULL,
    measured_on DATE,
    UNIQUE (indicator_id, year)
);
