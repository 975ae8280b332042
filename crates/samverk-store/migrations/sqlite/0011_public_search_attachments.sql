-- Public search (issue 7): whether a record may be found by the public depends on other rows
-- (a goal on its plan being published, an organisation or a decision on a published engagement
-- naming it). These triggers put the dependent records in the search outbox when those rows
-- change, in the same transaction, so the index re-reads them.
CREATE TRIGGER plans_search_update AFTER UPDATE ON plans BEGIN
    INSERT INTO search_outbox (entity, entity_id) SELECT 'goal', id FROM goals WHERE plan_id = NEW.id;
    INSERT INTO search_outbox (entity, entity_id) SELECT 'measure', id FROM measures WHERE plan_id = NEW.id;
END;
CREATE TRIGGER engagements_search_related_insert AFTER INSERT ON engagements BEGIN
    INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', NEW.owner_id);
    INSERT INTO search_outbox (entity, entity_id) SELECT 'decision', NEW.decision_id WHERE NEW.decision_id IS NOT NULL;
END;
CREATE TRIGGER engagements_search_related_update AFTER UPDATE OF published, owner_id, decision_id ON engagements BEGIN
    INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', OLD.owner_id), ('organisation', NEW.owner_id);
    INSERT INTO search_outbox (entity, entity_id) SELECT 'decision', OLD.decision_id WHERE OLD.decision_id IS NOT NULL;
    INSERT INTO search_outbox (entity, entity_id) SELECT 'decision', NEW.decision_id WHERE NEW.decision_id IS NOT NULL;
    INSERT INTO search_outbox (entity, entity_id) SELECT 'organisation', organisation_id FROM participants WHERE engagement_id = NEW.id;
END;
CREATE TRIGGER engagements_search_related_delete AFTER DELETE ON engagements BEGIN
    INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', OLD.owner_id);
    INSERT INTO search_outbox (entity, entity_id) SELECT 'decision', OLD.decision_id WHERE OLD.decision_id IS NOT NULL;
END;
CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
    INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', NEW.organisation_id);
END;
CREATE TRIGGER participants_search_update AFTER UPDATE ON participants BEGIN
    INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', OLD.organisation_id), ('organisation', NEW.organisation_id);
END;
CREATE TRIGGER participants_search_delete AFTER DELETE ON participants BEGIN
    INSERT INTO search_outbox (entity, entity_id) VALUES ('organisation', OLD.organisation_id);
END;

-- Files attached to an answer to a call for input (limits and kinds are checked in the domain).
CREATE TABLE call_attachments (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES call_submissions (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX call_attachments_submission ON call_attachments (submission_id, id);
