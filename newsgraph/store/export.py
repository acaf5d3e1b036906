"""Export writers following schema/export.md: JSONL (one file), Parquet and CSV (one file per record type).

The column lists below are the contract; the SQL selects exactly them, so a new internal column never
leaks into the export and a missing value is ``null``, never omitted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.store.db import Store

FORMATS = ("jsonl", "parquet", "csv")

# a quote or event reported by N articles is exported once, as its canonical (earliest) report with
# sources = N; the other reports stay in the store (quote_sources / event_sources) for the API and UI
# failed documents are exported as articles with only their error (and source) filled
_ARTICLES = """
SELECT 'article' AS type, d.id, d.source, d.source_name, a.outlet, a.original_outlet, a.title, a.page_date,
       a.published, a.published_evidence, a.text, a.boilerplate, a.duplicate_of, a.story_id,
       CASE WHEN d.status = 'error' THEN '[' || d.error_code || '] ' || d.error END AS error,
       a.written_from, a.written_until
FROM documents d LEFT JOIN articles a ON a.id = d.id
ORDER BY d.ingested_at, d.id"""
_ACTORS = """
SELECT 'actor' AS type, id, name, kind, country, sector, role, aliases FROM actors ORDER BY id"""
_QUOTES = """
SELECT 'quote' AS type, id, article_id, speaker, speaker_id, speaker_country, speaker_role, kind, text, cue,
       date, start, "end", sources
FROM quotes WHERE canonical_id IS NULL OR canonical_id = id ORDER BY article_id, start, id"""
_EVENTS = """
SELECT 'event' AS type, id, article_id, event_type, mode, source, target, source_name, target_name,
       source_sector, target_sector, date, location, sentence, start, "end", rule, confidence, sources
FROM events WHERE NOT coalesce(negated, false) AND (canonical_id IS NULL OR canonical_id = id)
ORDER BY article_id, start, id"""
QUERIES = {"articles": _ARTICLES, "actors": _ACTORS, "quotes": _QUOTES, "events": _EVENTS}


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Yield every export record: articles, then actors, quotes, events."""
    for sql in QUERIES.values():
        yield from store.iter_rows(sql)


def export(store: Store, fmt: str, out: str | Path) -> dict[str, int]:
    """Write the store to ``out`` in ``fmt``; return the number of records per type."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "jsonl":
        return _export_jsonl(store, out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, sql in QUERIES.items():
        target = out / f"{name}.{fmt}"
        if fmt == "parquet":
            store.con.execute(f"COPY ({sql}) TO '{_sql_path(target)}' (FORMAT parquet)")
        else:
            # CSV has no lists: list columns are written as JSON arrays
            lists = _json_lists(name)
            flat = f"SELECT * REPLACE ({lists}) FROM ({sql})" if lists else sql
            store.con.execute(f"COPY ({flat}) TO '{_sql_path(target)}' (HEADER, DELIMITER ',')")
        row = store.con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def _json_lists(name: str) -> str:
    """Return the REPLACE clause turning list columns into JSON text for CSV."""
    column = {"articles": "boilerplate", "actors": "aliases"}.get(name)
    return f"to_json({column})::VARCHAR AS {column}" if column else ""


def _sql_path(path: Path) -> str:
    """Quote a path for a COPY statement (COPY takes no parameters)."""
    return str(path).replace("'", "''")


def _export_jsonl(store: Store, out: Path) -> dict[str, int]:
    """Write one JSON object per line."""
    counts: dict[str, int] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for record in iter_records(store):
            counts[record["type"]] = counts.get(record["type"], 0) + 1
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return counts
