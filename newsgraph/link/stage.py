"""The link stage over the store: index new articles, find copies, assign stories, merge quotes and events."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import duckdb

from newsgraph.actors.merge import apply_merges
from newsgraph.link import copies
from newsgraph.link.cluster import REFINE_PASSES, STORY_THRESHOLD, StoryIndex, When
from newsgraph.link.merge import merge_events, merge_quotes
from newsgraph.link.stories import bulk_insert, load_index, parse_day, save, story_id, vectors
from newsgraph.link.vectors import fingerprints, shingle_hashes, text_counts, words
from newsgraph.store import Store

_ART_COLS = ("id, title, text, published, published_evidence, original_outlet, boilerplate, ingested_at, story_id, "
             "written_from, written_until")


def link_articles(store: Store, article_ids: list[str], threshold: float = STORY_THRESHOLD,
                  refine: int = 0) -> dict[str, Any]:
    """Link the given (new) articles against the store; return a summary of what was found.

    ``refine`` re-assignment passes over the given articles follow the incremental pass (full recompute).
    """
    started = time.perf_counter()
    con = store.con
    with _transaction(con):
        ids = _unlinked(con, article_ids)
        if not ids:
            return {"articles": 0, "copies": 0, "passages": 0, "stories": 0, "quote_groups": 0,
                    "event_groups": 0, "seconds": 0.0}
        _index(con, ids)
        con.execute("CREATE OR REPLACE TEMP TABLE link_new AS SELECT unnest(?::VARCHAR[]) AS article_id", [ids])
        n_copies, n_passages, partners = _copies(con)
        n_stories = _stories(con, ids, partners, threshold, refine)
        # "Blinken" in one article and "Antony Blinken" in another are one speaker before quotes merge
        apply_merges(con)
        quote_groups = merge_quotes(con)
        event_groups = merge_events(con)
        con.execute("DROP TABLE IF EXISTS link_new")
    return {"articles": len(ids), "copies": n_copies, "passages": n_passages, "stories": n_stories,
            "quote_groups": quote_groups, "event_groups": event_groups,
            "seconds": round(time.perf_counter() - started, 3)}


def link_store(store: Store, threshold: float = STORY_THRESHOLD) -> dict[str, Any]:
    """Forget every link and recompute them over all stored articles; return the summary."""
    con = store.con
    with _transaction(con):
        con.execute("""UPDATE articles SET published = d.own_published, published_evidence = d.own_evidence
                       FROM link_docs d WHERE d.article_id = articles.id""")
        con.execute("UPDATE articles SET duplicate_of = NULL, story_id = NULL")
        con.execute("UPDATE quotes SET sources = 1, canonical_id = NULL")
        con.execute("""UPDATE quotes SET speaker = NULL, speaker_id = NULL, speaker_country = NULL,
                       speaker_role = NULL, rule = replace(rule, '+speaker:linked', '')
                       WHERE rule LIKE '%+speaker:linked'""")  # speakers lent by linking are lent again
        con.execute("UPDATE events SET sources = 1, canonical_id = NULL")
        for table in ("link_docs", "link_fingerprints", "link_df", "article_links", "story_terms", "stories",
                      "quote_sources", "event_sources"):
            con.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in con.execute(
        "SELECT id FROM articles ORDER BY coalesce(published, '9999'), ingested_at, id").fetchall()]
    summary = link_articles(store, ids, threshold, refine=REFINE_PASSES)
    row = con.execute("SELECT count(*) FROM stories").fetchone()
    summary["stories"] = int(row[0]) if row else 0
    return summary


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction (rolled back on error)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _unlinked(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[str]:
    """Return the ids, in order, of stored articles not linked yet (linking is idempotent)."""
    rows = con.execute(
        "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))"
        " AND id NOT IN (SELECT article_id FROM link_docs)", [ids]
    ).fetchall()
    found = {r[0] for r in rows}
    return [i for i in dict.fromkeys(ids) if i in found]


def _index(con: duckdb.DuckDBPyConnection, ids: list[str], chunk: int = 2000) -> None:
    """Store the fingerprints, term counts and own dates of the articles, and update document frequencies."""
    df: Counter[str] = Counter()
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        docs: list[tuple[Any, ...]] = []
        prints: list[tuple[Any, ...]] = []
        for aid, title, text, published, evidence in con.execute(
            "SELECT id, title, text, published, published_evidence FROM articles"
            " WHERE id IN (SELECT unnest(?::VARCHAR[]))", [part]
        ).fetchall():
            tokens = words(text or "")
            fps = fingerprints(shingle_hashes(tokens))
            counts = text_counts(text or "", title)
            df.update(counts.keys())
            docs.append((aid, len(tokens), len(fps), published, evidence, list(counts), [float(c) for c in
                                                                                            counts.values()]))
            prints.extend((int(h), aid) for h in fps)
        bulk_insert(con, "link_docs", docs, ["VARCHAR", "INTEGER", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR[]",
                                              "DOUBLE[]"])
        bulk_insert(con, "link_fingerprints", prints, ["BIGINT", "VARCHAR"])
    if df:
        terms = list(df)
        con.execute(
            """INSERT INTO link_df SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[])
               ON CONFLICT (term) DO UPDATE SET df = link_df.df + excluded.df""",
            [terms, [df[t] for t in terms]],
        )


def _articles(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Return the articles ``ids`` as dicts with their parsed date under ``_date`` and what their dates say
    (the day, or an undated page's bounds) under ``_when``."""
    cur = con.execute(f"SELECT {_ART_COLS}, duplicate_of FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                      [sorted(ids)])
    names = [d[0] for d in cur.description or []]
    out = {}
    for row in cur.fetchall():
        art = dict(zip(names, row, strict=True))
        art["_date"] = parse_day(art["published"])
        art["_when"] = _when(art)
        out[art["id"]] = art
    return out


def _when(art: dict[str, Any]) -> When | None:
    """Return what an article's dates say: its real date, else the bounds of its stated offices, else None."""
    if art["_date"] is not None:
        return When.day(art["_date"])
    since = parse_day(art.get("written_from"))
    return When(since, parse_day(art.get("written_until")), exact=False) if since is not None else None


def _copies(con: duckdb.DuckDBPyConnection) -> tuple[int, int, dict[str, list[str]]]:
    """Find copies and shared passages of the new articles; set duplicate_of and inherited dates."""
    cands = copies.candidates(con)
    if not cands:
        return 0, 0, {}
    seen: set[tuple[str, str]] = set()
    arts = _articles(con, {c[0] for c in cands} | {c[1] for c in cands})
    texts = {aid: a["text"] or "" for aid, a in arts.items()}
    partners: dict[str, list[str]] = {}
    n_copies = n_passages = 0
    for a, b, _ in cands:
        if (b, a) in seen:
            continue
        seen.add((a, b))
        pair = copies.compare(a, b, texts)
        if pair.containment >= copies.COPY_CONTAINMENT:
            copy, original, rule = copies.copy_of(pair, arts)
            _mark_copy(con, arts, copy, original)
            kind, n_copies = "copy", n_copies + 1
        elif pair.shared >= copies.PASSAGE_SHINGLES:
            copy, original, rule, kind = a, b, "shared passage", "passage"
            n_passages += 1
        else:
            continue
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
        con.execute("INSERT INTO article_links VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [copy, original, kind, pair.containment, pair.jaccard, pair.shared, f"link.{rule}@1"])
    return n_copies, n_passages, partners


def _mark_copy(con: duckdb.DuckDBPyConnection, arts: dict[str, dict[str, Any]], copy: str, original: str) -> None:
    """Set ``copy``'s duplicate_of to the root original and give it the original's real date."""
    root = arts[original].get("duplicate_of") or original
    if root == copy:
        return
    con.execute("UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?", [root, copy, copy])
    arts[copy]["duplicate_of"] = root
    src = arts.get(root) or arts[original]
    if src["published"] and src["published"] != arts[copy]["published"]:
        evidence = f"copy of {root}" + (f" (own: {arts[copy]['published']})" if arts[copy]["published"] else "")
        con.execute("UPDATE articles SET published = ?, published_evidence = ? WHERE id = ?",
                    [src["published"], evidence, copy])
        arts[copy]["published"], arts[copy]["_date"], arts[copy]["_when"] = src["published"], src["_date"], src["_when"]


def _stories(con: duckdb.DuckDBPyConnection, ids: list[str], partners: dict[str, list[str]], threshold: float,
             refine: int) -> int:
    """Assign the new articles to stories (an article sharing text with another joins its story)."""
    index: StoryIndex = load_index(con, threshold)
    vecs = vectors(con, ids)
    arts = _articles(con, set(ids) | {p for ps in partners.values() for p in ps})
    members = {aid: a["story_id"] for aid, a in arts.items() if a["story_id"]}
    order = sorted(ids, key=lambda i: (arts[i]["published"] or "9999", str(arts[i]["ingested_at"] or ""), i))
    touched: set[str] = set()
    for aid in order:
        forced = next((members[p] for p in partners.get(aid, []) if p in members), None)
        sid = index.assign(vecs.get(aid, {}), arts[aid]["_when"], story_id(aid), forced)
        members[aid] = sid
        touched.add(sid)
    if refine:
        days = {aid: arts[aid]["_when"] for aid in ids}
        fixed = {aid for aid in ids if partners.get(aid)}  # shared text decides their story, not similarity
        moved = index.refine({a: vecs.get(a, {}) for a in ids}, days, {a: members[a] for a in ids}, fixed,
                             story_id, refine)
        members.update(moved)
        touched = {s for s in touched | set(moved.values()) if s in index.stories}
        con.execute("DELETE FROM story_terms WHERE story_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(index.stories)])
        con.execute("DELETE FROM stories WHERE id NOT IN (SELECT unnest(?::VARCHAR[]))", [sorted(index.stories)])
    renamed = index.merge_stories(touched)
    if renamed:
        # stored members of an absorbed story follow it; its rows go
        gone = list(renamed)
        con.execute("""UPDATE articles SET story_id = m.sid FROM (SELECT unnest(?::VARCHAR[]) AS old,
                       unnest(?::VARCHAR[]) AS sid) m WHERE articles.story_id = m.old""",
                    [gone, [renamed[g] for g in gone]])
        con.execute("DELETE FROM story_terms WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [gone])
        con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [gone])
        members = {a: renamed.get(s, s) for a, s in members.items()}
        touched = {renamed.get(s, s) for s in touched}
    save(con, index, touched, {a: members[a] for a in ids})
    return len(touched)
