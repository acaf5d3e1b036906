-- newsgraph store schema, version 4: the bounds an undated page's stated offices put on its date
-- (temporal/tenure.py), and per story the intersection of its undated members' bounds: the link stage
-- keeps such a page out of stories of other years.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS written_from VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS written_until VARCHAR;
ALTER TABLE stories ADD COLUMN IF NOT EXISTS written_from VARCHAR;
ALTER TABLE stories ADD COLUMN IF NOT EXISTS written_until VARCHAR;
