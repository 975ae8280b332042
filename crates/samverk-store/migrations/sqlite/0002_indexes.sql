-- Indexes for the engagement list on a large register (docs/benchmarks.md: 10,000 engagements,
-- 20,000 organisations, 100,000 participations).
--
-- The organisation and goal filters read `e.id IN (SELECT engagement_id … WHERE organisation_id
-- = ?)`: with the engagement in the index the database answers from the index alone instead
-- of visiting one participant row per match. These replace the one-column indexes they extend.
CREATE INDEX participants_organisation_engagement ON participants (organisation_id, engagement_id);
DROP INDEX participants_organisation;
CREATE INDEX contributions_goal_engagement ON contributions (goal_id, engagement_id);
DROP INDEX contributions_goal;

-- The year filter and the sort by start read the period (and the title, the next sort key)
-- from this index rather than from the whole rows.
CREATE INDEX engagements_period ON engagements (start_date, end_date, title);

-- The list's default order is `title, id`. SQLite's index on the title already ends in the
-- rowid; PostgreSQL's does not, and without the id it sorted all 10,000 titles for every page
-- (12 ms for page 100). With it both engines walk the index and stop after the page.
CREATE INDEX engagements_title_id ON engagements (title, id);
DROP INDEX engagements_title;
