-- News, calls for input with their submissions, referrals received, and the search outbox
-- (issue 7). Times of day are unix seconds (BIGINT) on both engines so that "published when
-- publish_at <= now" compares numbers, not differently formatted text.
CREATE TABLE news (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    lead TEXT NOT NULL,
    body TEXT NOT NULL,
    image_url TEXT,
    image_alt TEXT,
    author_role TEXT,
    publish_at BIGINT,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX news_owner_publish ON news (owner_id, publish_at);
CREATE INDEX news_publish ON news (publish_at);

CREATE TABLE news_tags (
    news_id INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (news_id, tag)
);
CREATE INDEX news_tags_tag ON news_tags (tag, news_id);

CREATE TABLE news_engagements (
    news_id INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, engagement_id)
);
CREATE INDEX news_engagements_engagement ON news_engagements (engagement_id, news_id);

CREATE TABLE news_goals (
    news_id INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, goal_id)
);
CREATE INDEX news_goals_goal ON news_goals (goal_id, news_id);

CREATE TABLE news_sdgs (
    news_id INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    sdg_goal INTEGER NOT NULL REFERENCES sdg_goals (number),
    PRIMARY KEY (news_id, sdg_goal)
);
CREATE INDEX news_sdgs_sdg ON news_sdgs (sdg_goal, news_id);

CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    questions TEXT NOT NULL,
    audience TEXT,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    closes_time TEXT,
    time_zone TEXT NOT NULL,
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    require_name BOOLEAN NOT NULL DEFAULT 0,
    require_email BOOLEAN NOT NULL DEFAULT 0,
    consent_text TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX calls_owner ON calls (owner_id, closes_at);

CREATE TABLE call_engagements (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    engagement_id INTEGER NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    PRIMARY KEY (call_id, engagement_id)
);

CREATE TABLE call_goals (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    PRIMARY KEY (call_id, goal_id)
);

-- One answer to a call. The consent text is copied as it was shown, with its version, so what
-- the sender agreed to is known even after the call's text changes.
CREATE TABLE call_submissions (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    reference TEXT NOT NULL UNIQUE,
    name TEXT,
    email TEXT,
    organisation TEXT,
    answer TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    consent_text TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    client_key TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    published BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX call_submissions_call ON call_submissions (call_id, id);
CREATE INDEX call_submissions_client ON call_submissions (client_key, submitted_at);

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES organisations (id),
    sender TEXT NOT NULL,
    case_number TEXT,
    subject TEXT NOT NULL,
    deadline DATE NOT NULL,
    responsible TEXT,
    statement TEXT,
    approved_by TEXT,
    approved_on DATE,
    sent_on DATE,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referrals_owner_deadline ON referrals (owner_id, deadline);

-- What changed, for the search index of every server: written by triggers in the same
-- transaction as the change, read by each server in increasing id order.
CREATE TABLE search_outbox (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL
);

CREATE TRIGGER organisations_search_insert AFTER INSERT ON organisations BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', NEW.id); END;
CREATE TRIGGER organisations_search_update AFTER UPDATE ON organisations BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', NEW.id); END;
CREATE TRIGGER organisations_search_delete AFTER DELETE ON organisations BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', OLD.id); END;
CREATE TRIGGER engagements_search_insert AFTER INSERT ON engagements BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('engagement', NEW.id); END;
CREATE TRIGGER engagements_search_update AFTER UPDATE ON engagements BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('engagement', NEW.id); END;
CREATE TRIGGER engagements_search_delete AFTER DELETE ON engagements BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('engagement', OLD.id); END;
CREATE TRIGGER contributions_search_insert AFTER INSERT ON contributions BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('engagement', NEW.engagement_id); END;
CREATE TRIGGER contributions_search_update AFTER UPDATE ON contributions BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('engagement', NEW.engagement_id); END;
CREATE TRIGGER contributions_search_delete AFTER DELETE ON contributions BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('engagement', OLD.engagement_id); END;
CREATE TRIGGER goals_search_insert AFTER INSERT ON goals BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('goal', NEW.id); END;
CREATE TRIGGER goals_search_update AFTER UPDATE ON goals BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('goal', NEW.id); END;
CREATE TRIGGER goals_search_delete AFTER DELETE ON goals BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('goal', OLD.id); END;
CREATE TRIGGER goal_sdgs_search_insert AFTER INSERT ON goal_sdgs BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('goal', NEW.goal_id); END;
CREATE TRIGGER goal_sdgs_search_update AFTER UPDATE ON goal_sdgs BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('goal', NEW.goal_id); END;
CREATE TRIGGER goal_sdgs_search_delete AFTER DELETE ON goal_sdgs BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('goal', OLD.goal_id); END;
CREATE TRIGGER measures_search_insert AFTER INSERT ON measures BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('measure', NEW.id); END;
CREATE TRIGGER measures_search_update AFTER UPDATE ON measures BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('measure', NEW.id); END;
CREATE TRIGGER measures_search_delete AFTER DELETE ON measures BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('measure', OLD.id); END;
CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('decision', NEW.id); END;
CREATE TRIGGER decisions_search_update AFTER UPDATE ON decisions BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('decision', NEW.id); END;
CREATE TRIGGER decisions_search_delete AFTER DELETE ON decisions BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('decision', OLD.id); END;
CREATE TRIGGER news_search_insert AFTER INSERT ON news BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('news', NEW.id); END;
CREATE TRIGGER news_search_update AFTER UPDATE ON news BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('news', NEW.id); END;
CREATE TRIGGER news_search_delete AFTER DELETE ON news BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('news', OLD.id); END;
CREATE TRIGGER calls_search_insert AFTER INSERT ON calls BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('call', NEW.id); END;
CREATE TRIGGER calls_search_update AFTER UPDATE ON calls BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('call', NEW.id); END;
CREATE TRIGGER calls_search_delete AFTER DELETE ON calls BEGIN INSERT INTO search_outbox (entity, entity_id) VALUES ('call', OLD.id); END;
