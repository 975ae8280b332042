-- The foundation schema: organisations, decisions, plans with their goal framework, the SDG
-- reference, engagements with participants and contributions.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_nb TEXT,
    name_sv TEXT,
    name_en TEXT,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    org_number TEXT,
    region_code TEXT,
    scb_code TEXT,
    nuts_code TEXT,
    valid_from DATE,
    valid_to DATE,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX organisations_search ON organisations (search_text);
CREATE INDEX organisations_name ON organisations (name);

CREATE TABLE successions (
    id INTEGER PRIMARY KEY,
    predecessor_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    successor_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX successions_successor ON successions (successor_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    body TEXT NOT NULL,
    case_number TEXT,
    date DATE NOT NULL,
    date_precision TEXT NOT NULL DEFAULT 'day',
    title TEXT NOT NULL,
    url TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX decisions_owner ON decisions (owner_id, date);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    period_start DATE,
    period_end DATE,
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    description TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plans_owner ON plans (owner_id);

CREATE TABLE plan_principles (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_principles_plan ON plan_principles (plan_id);

CREATE TABLE focus_areas (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX focus_areas_plan ON focus_areas (plan_id);

CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    focus_area_id INTEGER REFERENCES focus_areas (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES goals (id) ON DELETE CASCADE,
    title TEXT,
    description TEXT,
    beneficiary TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX goals_plan ON goals (plan_id);
CREATE INDEX goals_parent ON goals (parent_id);

CREATE TABLE sdg_goals (
    number INTEGER PRIMARY KEY,
    short_en TEXT NOT NULL,
    title_en TEXT NOT NULL,
    short_nb TEXT NOT NULL,
    title_nb TEXT NOT NULL,
    short_sv TEXT NOT NULL,
    title_sv TEXT NOT NULL
);

CREATE TABLE sdg_targets (
    code TEXT PRIMARY KEY,
    goal INTEGER NOT NULL REFERENCES sdg_goals (number),
    title_en TEXT NOT NULL,
    title_nb TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE sdg_indicators (
    code TEXT PRIMARY KEY,
    target TEXT NOT NULL REFERENCES sdg_targets (code),
    title_en TEXT NOT NULL,
    title_nb TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE goal_sdgs (
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    sdg_code TEXT NOT NULL,
    sdg_goal INTEGER NOT NULL REFERENCES sdg_goals (number),
    PRIMARY KEY (goal_id, sdg_code)
);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    focus_area_id INTEGER REFERENCES focus_areas (id) ON DELETE CASCADE,
    goal_id INTEGER REFERENCES goals (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX measures_plan ON measures (plan_id);

CREATE TABLE engagements (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL,
    start_date DATE,
    end_date DATE,
    parent_id INTEGER REFERENCES engagements (id) ON DELETE SET NULL,
    decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX engagements_owner ON engagements (owner_id);
CREATE INDEX engagements_kind_status ON engagements (kind, status);
CREATE INDEX engagements_title ON engagements (title);
CREATE INDEX engagements_parent ON engagements (parent_id);
CREATE INDEX engagements_decision ON engagements (decision_id);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    start_date DATE,
    end_date DATE,
    UNIQUE (engagement_id, organisation_id, role)
);
CREATE INDEX participants_organisation ON participants (organisation_id);

CREATE TABLE contributions (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    how TEXT NOT NULL,
    UNIQUE (engagement_id, goal_id)
);
CREATE INDEX contributions_goal ON contributions (goal_id);
