-- newsgraph store schema, version 2: the cross-document link stage's index and results.

-- per linked article: its own date before linking (a copy may inherit its original's) and its term counts
CREATE TABLE IF NOT EXISTS link_docs (
  article_id VARCHAR PRIMARY KEY, n_words INTEGER, n_fingerprints INTEGER,
  own_published VARCHAR, own_evidence VARCHAR, terms VARCHAR[], counts DOUBLE[]
);

-- sampled word 5-gram hashes: the inverted index that finds copies and shared passages
CREATE TABLE IF NOT EXISTS link_fingerprints (hash BIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE INDEX IF NOT EXISTS link_fingerprints_hash ON link_fingerprints (hash);

-- document frequency of each term over the linked articles (the IDF of story vectors)
CREATE TABLE IF NOT EXISTS link_df (term VARCHAR PRIMARY KEY, df INTEGER NOT NULL);

-- pairs of articles that share text: kind = copy (one contains most of the other) or passage
CREATE TABLE IF NOT EXISTS article_links (
  article_id VARCHAR, other_id VARCHAR, kind VARCHAR, containment DOUBLE, jaccard DOUBLE, shared INTEGER,
  rule VARCHAR
);

-- story centroids: the (truncated) sum of the member articles' unit TF-IDF vectors
CREATE TABLE IF NOT EXISTS story_terms (story_id VARCHAR NOT NULL, term VARCHAR NOT NULL, weight DOUBLE);
CREATE INDEX IF NOT EXISTS story_terms_term ON story_terms (term);

-- which per-article quote / event rows report the same statement / happening as a canonical one
CREATE TABLE IF NOT EXISTS quote_sources (
  canonical_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, article_id VARCHAR, score DOUBLE, rule VARCHAR
);
CREATE TABLE IF NOT EXISTS event_sources (
  canonical_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, article_id VARCHAR, score DOUBLE, rule VARCHAR
);
