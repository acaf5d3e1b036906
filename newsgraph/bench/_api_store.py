"""The synthetic store of `newsgraph bench api`: the seed corpus's records replicated and perturbed in DuckDB SQL.

Every article is copied C times (new id, a date spread over two years, an outlet from a pool); each event and quote
is replicated onto the copies of its article with the copy's date (± a few days); about 30 % of events get another
source or target and 30 % another PLOVER type, so that filters and aggregates see realistic variety. Offsets stay
valid: a copy keeps its template's text. Where the template has no quotes yet (the quote stage has not run), each
event sentence stands in for a quote by its source actor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.api.plover import EVENT_TYPES
from newsgraph.pipeline import ingest
from newsgraph.store import open_store

EVENTS_PER_ARTICLE = 100
OUTLETS = 40


def build_synthetic_store(inputs: list[Path], db: Path, events: int, quotes: int, work: Path) -> dict[str, Any]:
    """Ingest ``inputs`` with the real pipeline, then write a store of ``events`` events and ``quotes`` quotes."""
    template = work / "template.duckdb"
    ingest(inputs, template)
    with open_store(db) as store:
        con = store.con
        con.execute(f"ATTACH '{template}' AS tpl (READ_ONLY)")  # a path we made, not user input
        _templates(con)
        n_articles = int(con.execute("SELECT count(*) FROM ta").fetchone()[0])  # type: ignore[index]
        if n_articles == 0 or not con.execute("SELECT count(*) FROM te").fetchone()[0]:  # type: ignore[index]
            raise RuntimeError("the template corpus produced no article or event to replicate")
        copies = max(1, -(-events // (EVENTS_PER_ARTICLE * n_articles)))
        _articles(con, copies)
        _events(con, events, copies)
        _quotes(con, quotes, copies)
        _rest(con, copies)
        con.execute("DETACH tpl")
        counts = store.counts()
        sample = con.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()
    return {**counts, "sample_article": sample[0] if sample else ""}


def _templates(con: Any) -> None:
    """Number the template articles, events and quotes (quotes fall back to event sentences)."""
    con.execute("CREATE TEMP TABLE ta AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM tpl.articles")
    con.execute("""CREATE TEMP TABLE te AS SELECT row_number() OVER (ORDER BY e.id) - 1 AS n, e.*
                   FROM tpl.events e JOIN ta ON ta.id = e.article_id""")
    con.execute("""CREATE TEMP TABLE tq AS SELECT row_number() OVER (ORDER BY q.id) - 1 AS n, q.*
                   FROM tpl.quotes q JOIN ta ON ta.id = q.article_id""")
    if not con.execute("SELECT count(*) FROM tq").fetchone()[0]:
        con.execute("""INSERT INTO tq (n, id, article_id, text, kind, start, "end", cue, speaker, speaker_id,
                         speaker_country, date, rule, confidence, sources)
                       SELECT te.n, 'q' || te.id, te.article_id, te.sentence, 'indirect', te.start, te."end", 'said',
                         coalesce(a.name, te.source), te.source, a.country, te.date, 'bench:from-event', 0.5, 1
                       FROM te LEFT JOIN tpl.actors a ON a.id = te.source WHERE te.source IS NOT NULL""")
    con.execute("""CREATE TEMP TABLE pool AS SELECT list(DISTINCT x ORDER BY x) AS ids FROM (
                     SELECT source AS x FROM te WHERE source IS NOT NULL
                     UNION SELECT target FROM te WHERE target IS NOT NULL)""")


def _articles(con: Any, copies: int) -> None:
    """Copy each template article ``copies`` times with a new id, outlet and date; some copies are duplicates."""
    con.execute(
        """INSERT INTO articles (id, source, source_name, outlet, original_outlet, title, page_date, published,
             published_evidence, text, boilerplate, byline, url, language, media_type, extractor, duplicate_of,
             story_id)
           SELECT ta.id || '-' || k, ta.source || '#' || k, ta.source_name, 'Outlet ' || ((ta.n * 7 + k) % ?),
             ta.original_outlet, ta.title, NULL,
             strftime(DATE '2022-01-01' + CAST((k * 7 + ta.n * 3) % 730 AS INTEGER), '%Y-%m-%d'), 'bench copy',
             ta.text, ta.boilerplate, ta.byline, ta.url, ta.language, ta.media_type, ta.extractor,
             CASE WHEN k % 10 = 9 THEN ta.id || '-' || (k - 1) END, 'story-' || ta.n || '-' || (k // 4)
           FROM ta, range(?) r(k)""",
        [OUTLETS, copies],
    )


def _events(con: Any, count: int, copies: int) -> None:
    """Replicate template events onto the article copies, perturbing types, actors and dates."""
    con.execute(
        """INSERT INTO events (id, article_id, event_type, sentence, start, "end", mode, source, target, source_name,
             target_name, source_sector, target_sector, date, location, trigger, negated, hypothetical, rule,
             confidence, sources)
           SELECT 'e' || i, te.article_id || '-' || k,
             CASE WHEN hash(i, 1) % 10 < 3 THEN list_extract(?, 1 + CAST(hash(i, 2) % 16 AS INTEGER))
               ELSE te.event_type END,
             te.sentence, te.start, te."end", te.mode,
             CASE WHEN te.source IS NULL OR hash(i, 3) % 10 < 3
               THEN list_extract(pool.ids, 1 + CAST(hash(i, 4) % len(pool.ids) AS INTEGER)) ELSE te.source END,
             CASE WHEN hash(i, 5) % 10 < 3
               THEN list_extract(pool.ids, 1 + CAST(hash(i, 6) % len(pool.ids) AS INTEGER)) ELSE te.target END,
             te.source_name, te.target_name, te.source_sector, te.target_sector,
             strftime(CAST(a.published AS DATE) - CAST(hash(i, 7) % 4 AS INTEGER), '%Y-%m-%d'),
             te.location, te.trigger, te.negated, te.hypothetical, te.rule, te.confidence,
             1 + CAST(hash(i, 8) % 3 AS INTEGER)
           FROM (SELECT i, i % ? AS t, (i // ?) % ? AS k FROM range(?) r(i)) g
             JOIN te ON te.n = g.t JOIN articles a ON a.id = te.article_id || '-' || g.k, pool""",
        [list(EVENT_TYPES), _n(con, "te"), _n(con, "te"), copies, count],
    )


def _quotes(con: Any, count: int, copies: int) -> None:
    """Replicate template quotes onto the article copies with the copy's date; copies share a canonical id."""
    con.execute(
        """INSERT INTO quotes (id, article_id, text, kind, start, "end", cue, speaker, speaker_id, speaker_country,
             speaker_role, speaker_start, speaker_end, date, rule, confidence, sources, canonical_id)
           SELECT 'q' || i, tq.article_id || '-' || k, tq.text, tq.kind, tq.start, tq."end", tq.cue, tq.speaker,
             tq.speaker_id, tq.speaker_country, tq.speaker_role, tq.speaker_start, tq.speaker_end,
             strftime(CAST(a.published AS DATE) - CAST(hash(i, 9) % 3 AS INTEGER), '%Y-%m-%d'), tq.rule, tq.confidence,
             CASE WHEN k % 10 >= 8 THEN 2 ELSE 1 END, CASE WHEN k % 10 >= 8 THEN 'cq' || tq.n || '-' || (k // 10) END
           FROM (SELECT i, i % ? AS t, (i // ?) % ? AS k FROM range(?) r(i)) g
             JOIN tq ON tq.n = g.t JOIN articles a ON a.id = tq.article_id || '-' || g.k""",
        [_n(con, "tq"), _n(con, "tq"), copies, count],
    )


def _rest(con: Any, copies: int) -> None:
    """Actors as they are; mentions and timexes onto every copy; stories from the copies' story ids."""
    con.execute("INSERT INTO actors SELECT * FROM tpl.actors")
    con.execute("""INSERT INTO mentions SELECT m.article_id || '-' || k, m.start, m."end", m.text, m.actor_id, m.rule,
                     m.confidence, m.role FROM tpl.mentions m JOIN ta ON ta.id = m.article_id, range(?) r(k)""",
                [copies])
    con.execute("""INSERT INTO timexes SELECT t.article_id || '-' || k, t.start, t."end", t.text, t.type, t.value,
                     t.rule, t.confidence FROM tpl.timexes t JOIN ta ON ta.id = t.article_id, range(?) r(k)""",
                [copies])
    con.execute("""INSERT INTO stories (id, label, first_date, last_date, size)
                   SELECT story_id, any_value(title), min(published), max(published), count(*)
                   FROM articles WHERE story_id IS NOT NULL GROUP BY story_id""")
    con.execute("""INSERT INTO documents (id, source, source_name, media_type, size, status)
                   SELECT id, source, source_name, media_type, length(text), 'ok' FROM articles""")
    con.execute("""INSERT INTO documents (id, source, source_name, media_type, size, status, error_code, error)
                   SELECT 'bad' || k, 'bench/bad-' || k || '.bin', 'bad-' || k || '.bin', 'text/plain', 0, 'error',
                     'NG102', 'binary data' FROM range(?) r(k)""", [max(1, copies)])


def _n(con: Any, table: str) -> int:
    """Return the number of rows of a template table (its name is one of ours)."""
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
