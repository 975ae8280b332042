-- A news article's title, lead and body in another language than the original (like
-- engagement_texts): a page in that language shows them, else the original with a note.
CREATE TABLE news_texts (
    news_id BIGINT NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    lead TEXT,
    body TEXT,
    PRIMARY KEY (news_id, language)
);
-- The language a plan (and so its goals) and a call are written in (nb, sv, en); NULL when
-- unknown. Public pages mark their texts with it and note it when the page's language differs.
ALTER TABLE plans ADD COLUMN language TEXT;
ALTER TABLE calls ADD COLUMN language TEXT;
