-- newsgraph store schema, version 1. Columns follow schema/export.md; extra columns are internal.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- every input document seen, good or bad: the registry that makes ingest idempotent and resumable
CREATE TABLE IF NOT EXISTS documents (
  id VARCHAR PRIMARY KEY, source VARCHAR, source_name VARCHAR, media_type VARCHAR, size BIGINT,
  status VARCHAR NOT NULL,            -- ok | error
  error_code VARCHAR, error VARCHAR, warnings VARCHAR[],
  ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS articles (
  id VARCHAR PRIMARY KEY, source VARCHAR, source_name VARCHAR, outlet VARCHAR, original_outlet VARCHAR,
  title VARCHAR, page_date VARCHAR, published VARCHAR, published_evidence VARCHAR, text VARCHAR,
  boilerplate VARCHAR[], byline VARCHAR, url VARCHAR, language VARCHAR, media_type VARCHAR,
  extractor VARCHAR, duplicate_of VARCHAR, story_id VARCHAR,
  ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS actors (
  id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
  aliases VARCHAR[]
);

CREATE TABLE IF NOT EXISTS mentions (
  article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, actor_id VARCHAR, rule VARCHAR,
  confidence DOUBLE, role VARCHAR
);

CREATE TABLE IF NOT EXISTS timexes (
  article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR, value VARCHAR,
  rule VARCHAR, confidence DOUBLE
);

CREATE TABLE IF NOT EXISTS quotes (
  id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, kind VARCHAR, start INTEGER, "end" INTEGER,
  cue VARCHAR, speaker VARCHAR, speaker_id VARCHAR, speaker_country VARCHAR, speaker_role VARCHAR,
  speaker_start INTEGER, speaker_end INTEGER, date VARCHAR, rule VARCHAR, confidence DOUBLE,
  sources INTEGER DEFAULT 1, canonical_id VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
  id VARCHAR PRIMARY KEY, article_id VARCHAR, event_type VARCHAR, sentence VARCHAR, start INTEGER,
  "end" INTEGER, mode VARCHAR, source VARCHAR, target VARCHAR, source_name VARCHAR, target_name VARCHAR,
  source_sector VARCHAR, target_sector VARCHAR, date VARCHAR, location VARCHAR, trigger VARCHAR,
  negated BOOLEAN, hypothetical BOOLEAN, rule VARCHAR, confidence DOUBLE, sources INTEGER DEFAULT 1,
  canonical_id VARCHAR
);

-- filled by the link stage
CREATE TABLE IF NOT EXISTS stories (
  id VARCHAR PRIMARY KEY, label VARCHAR, first_date VARCHAR, last_date VARCHAR, size INTEGER
);
