-- The language an article is written in (nb, sv, en); NULL when unknown. A page in another
-- language shows the article with a note of its language (and marks it for screen readers).
ALTER TABLE news ADD COLUMN language TEXT;
