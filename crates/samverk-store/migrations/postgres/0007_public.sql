-- The public face: what is published, and engagement texts in more than one language.
ALTER TABLE engagements ADD COLUMN published BOOLEAN NOT NULL DEFAULT FALSE;
-- The language the title and description are written in (BCP 47: nb, sv, en); NULL when unknown.
ALTER TABLE engagements ADD COLUMN language TEXT;
ALTER TABLE plans ADD COLUMN published BOOLEAN NOT NULL DEFAULT FALSE;

-- The title and description in another language than the original.
CREATE TABLE engagement_texts (
    engagement_id BIGINT NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (engagement_id, language)
);
CREATE INDEX engagements_owner_published ON engagements (owner_id, published);
