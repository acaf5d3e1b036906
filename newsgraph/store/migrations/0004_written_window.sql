-- newsgraph store schema, version 4: the bounds an undated page's stated offices put on its date
-- (temporal/tenure.py), read by the link stage to keep such a page out of stories of other years.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS written_from VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS written_until VARCHAR;
