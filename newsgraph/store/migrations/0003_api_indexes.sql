-- newsgraph store schema, version 3: indexes for the REST API's lookups (one article's records, one actor's
-- mentions, quotes and events). Only columns written once per record are indexed, so the link stage's updates
-- (story_id, duplicate_of, canonical_id, sources) never touch an index.
CREATE INDEX IF NOT EXISTS events_article_idx ON events (article_id);
CREATE INDEX IF NOT EXISTS events_source_idx ON events (source);
CREATE INDEX IF NOT EXISTS events_target_idx ON events (target);
CREATE INDEX IF NOT EXISTS quotes_article_idx ON quotes (article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker_idx ON quotes (speaker_id);
CREATE INDEX IF NOT EXISTS mentions_article_idx ON mentions (article_id);
CREATE INDEX IF NOT EXISTS mentions_actor_idx ON mentions (actor_id);
CREATE INDEX IF NOT EXISTS timexes_article_idx ON timexes (article_id);
