"""The in-memory event index answers exactly what the SQL answers, and is rebuilt when the store changes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.actors.query import list_actors
from newsgraph.api.index import StoreIndex
from newsgraph.events.query import event_filters, query_events
from newsgraph.quotes.query import list_quotes
from newsgraph.store import open_store

FILTERS: list[dict[str, Any]] = [
    {}, {"actor": "X-VESKA"}, {"actor": "USA"}, {"actor": "RUS"}, {"event_type": "accuse,consult"},
    {"family": "cooperation"}, {"family": "conflict", "event_type": "CONSULT"}, {"dyad": "X-NORLAND,X-VESKA"},
    {"dyad": "USA,RUS"}, {"dyad": "UKR,UKR"}, {"source": "X-NORLAND"}, {"target": "UKR"}, {"since": "2024-04"},
    {"since": "2022-01-01", "until": "2023-12"}, {"until": "2024-03-11"}, {"outlet": "veska post"},
    {"article": "a2"}, {"actor": "nobody"}, {"include_negated": False},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_index_and_sql_give_the_same_events(tiny_db: Path, seed_db: Path, filters: dict[str, Any]) -> None:
    for db in (tiny_db, seed_db):
        with open_store(db, read_only=True) as store:
            index = StoreIndex(store)
            for limit, offset in ((7, 0), (3, 2), (None, 0)):
                kw = {"include_negated": True, "actor_match": "id", **filters}
                sql = query_events(store, limit=limit, offset=offset, total=True, **kw)
                fast = query_events(store, limit=limit, offset=offset, total=True, index=index, **kw)
                assert [e["id"] for e in fast] == [e["id"] for e in sql]
                assert fast.total == sql.total and list(fast) == list(sql)


def test_words_of_a_name_fall_back_to_sql(seed_db: Path) -> None:
    with open_store(seed_db, read_only=True) as store:
        index = StoreIndex(store)
        by_name = query_events(store, actor="blinken", limit=None, index=index)
        assert by_name and by_name == query_events(store, actor="blinken", limit=None)
        assert index.events().mask(event_filters("blinken", actor_match="name")) is None


def test_timeline_counts_match_a_sql_group_by(seed_db: Path, seeds: TestClient) -> None:
    body = seeds.get("/api/timeline?interval=month").json()
    with open_store(seed_db, read_only=True) as store:
        expected = dict(store.con.execute(
            "SELECT left(date, 7), count(*) FROM events WHERE regexp_matches(date, '^[0-9]{4}-[0-9]{2}') GROUP BY 1"
        ).fetchall())
        quotes = dict(store.con.execute(
            "SELECT left(date, 7), count(*) FROM quotes WHERE regexp_matches(date, '^[0-9]{4}-[0-9]{2}') GROUP BY 1"
        ).fetchall())
        undated = store.con.execute(
            "SELECT count(*) FROM events WHERE NOT coalesce(regexp_matches(date, '^[0-9]{4}-[0-9]{2}'), FALSE)"
        ).fetchone()
    assert {b["date"]: b["events_total"] for b in body["buckets"] if b["events_total"]} == expected
    assert {b["date"]: b["quotes"] for b in body["buckets"] if b["quotes"]} == quotes
    assert undated is not None and body["undated"] == undated[0]


def test_index_is_rebuilt_when_the_store_changes(tiny_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(tiny_db, db)
    with open_store(db) as store:
        index = StoreIndex(store)
        before = index.events()
        assert len(before) == 6 and index.events() is before  # unchanged store: the same index
        store.con.execute("""INSERT INTO events (id, article_id, event_type, sentence, start, "end", source, target,
                               date) VALUES ('x1', 'a1', 'AID', 'Aid.', 0, 4, 'X-VESKA', 'X-NORLAND', '2024-05-01')""")
        store.con.execute("CHECKPOINT")
        assert len(index.events()) == 7
        assert index.select(event_filters(event_type="AID"), 10, 0) == (["x1"], 1)


def test_rest_lists_are_the_query_functions(tiny: TestClient, tiny_db: Path) -> None:
    rest = tiny.get("/api/events?actor=X-VESKA&type=ACCUSE&limit=2&offset=1").json()
    found = query_events(tiny_db, "X-VESKA", "ACCUSE", limit=2, include_negated=True, actor_match="id", offset=1,
                         total=True)
    assert _json(rest["items"]) == _json(found) and rest["total"] == found.total == 3
    quotes = tiny.get("/api/quotes?speaker=Ilse Darrow&limit=2").json()
    assert _json(quotes["items"]) == _json(list_quotes(tiny_db, "Ilse Darrow", limit=2, speaker_match="exact"))
    actors = tiny.get("/api/actors?sort=quotes&limit=2").json()
    assert _json(actors["items"]) == _json(list_actors(tiny_db, sort="quotes", limit=2))
    assert actors["items"][0]["id"] == "person:ilse-darrow" and actors["items"][0]["articles"] == 3


def _json(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as the REST API writes them (outlet lists compared as sets)."""
    import json

    out = json.loads(json.dumps(rows, default=str))
    for row in out:
        if "outlets" in row:
            row["outlets"] = sorted(row["outlets"])
    return out


def test_an_empty_store_is_served(tmp_path: Path) -> None:
    from newsgraph.api import create_app

    db = tmp_path / "empty.duckdb"
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        assert client.get("/api/events").json()["total"] == 0
        assert client.get("/api/events?actor=USA&type=AID").json()["items"] == []
        assert client.get("/api/timeline").json() == {"interval": "day", "buckets": [], "types": [], "undated": 0}
        assert client.get("/api/timeline/dyads").json()["dyads"] == []
        assert client.get("/api/quotes").json()["total"] == 0 and client.get("/api/actors").json()["total"] == 0


@pytest.mark.parametrize("actor", ["USA", "RUS", "UKR", "X-VESKA"])
def test_actor_page_from_the_index_matches_sql(seed_db: Path, tiny_db: Path, seeds: TestClient, tiny: TestClient,
                                               actor: str) -> None:
    db, client = (tiny_db, tiny) if actor.startswith("X-") else (seed_db, seeds)
    body = client.get(f"/api/actors/{actor}").json()
    with open_store(db, read_only=True) as store:
        q = store.query
        counts = q("""SELECT (SELECT count(*) FROM mentions WHERE actor_id = $1) AS mentions,
                        (SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = $1) AS articles,
                        (SELECT count(*) FROM quotes WHERE speaker_id = $1) AS quotes,
                        (SELECT count(*) FROM events WHERE source = $1) AS events_as_source,
                        (SELECT count(*) FROM events WHERE target = $1) AS events_as_target""", [actor])[0]
        activity = q("""SELECT month, sum(quotes)::INTEGER AS quotes, sum(events)::INTEGER AS events FROM (
                          SELECT left(date, 7) AS month, 1 AS quotes, 0 AS events FROM quotes WHERE speaker_id = $1
                          UNION ALL SELECT left(date, 7), 0, 1 FROM events WHERE source = $1 OR target = $1)
                        WHERE regexp_matches(month, '^[0-9]{4}-[0-9]{2}$') GROUP BY month ORDER BY month""", [actor])
        targets = q("""SELECT target AS id, count(*) AS events, max(date) AS last FROM events
                       WHERE source = ? AND target IS NOT NULL GROUP BY 1 ORDER BY events DESC, id LIMIT 50""",
                    [actor])
    assert body["counts"] == counts and body["activity"] == activity
    assert body["counts"]["events_as_source"] > 0
    assert [(t["id"], t["events"], t["last"]) for t in body["targets"]] == [
        (t["id"], t["events"], t["last"]) for t in targets]


def test_pages_across_undated_events_agree(tiny_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "undated.duckdb"
    shutil.copy(tiny_db, db)
    with open_store(db) as store:
        store.con.execute("""INSERT INTO events (id, article_id, event_type, sentence, start, "end", source, target,
                               date) VALUES ('x1', 'a1', 'AID', 'Aid.', 0, 4, 'X-VESKA', 'X-NORLAND', 'XXXX-WXX-5'),
                               ('x0', 'a2', 'AID', 'Aid.', 0, 4, 'X-VESKA', 'X-NORLAND', NULL)""")
        index = StoreIndex(store)
        for limit, offset in ((8, 0), (2, 5), (3, 6), (None, 0), (1, 7)):
            sql = query_events(store, limit=limit, offset=offset, include_negated=True, total=True)
            fast = query_events(store, limit=limit, offset=offset, include_negated=True, total=True, index=index)
            assert [e["id"] for e in sql] == [e["id"] for e in fast] and sql.total == fast.total == 8
        assert [e["id"] for e in query_events(store, limit=2, offset=6, include_negated=True)] == ["x0", "x1"]


QUOTE_FILTERS: list[dict[str, Any]] = [
    {}, {"speaker": "person:ilse-darrow"}, {"speaker": "ilse DARROW"}, {"speaker": "person:antony-blinken"},
    {"speaker": "Antony Blinken"}, {"since": "2024-03-12"}, {"since": "2022", "until": "2023-06"},
    {"outlet": "NORLAND DAILY"}, {"kind": "direct"}, {"kind": "indirect"}, {"min_sources": 2}, {"article": "a3"},
    {"contains": "border"}, {"speaker": "darrow", "speaker_match": "words"}, {"speaker": "nobody"},
]


@pytest.mark.parametrize("filters", QUOTE_FILTERS)
def test_index_and_sql_give_the_same_quotes(tiny_db: Path, seed_db: Path, filters: dict[str, Any]) -> None:
    for db in (tiny_db, seed_db):
        with open_store(db, read_only=True) as store:
            index = StoreIndex(store)
            for limit, offset in ((7, 0), (2, 1), (None, 0)):
                kw = {"speaker_match": "exact", **filters}
                sql = list_quotes(store, limit=limit, offset=offset, total=True, **kw)
                fast = list_quotes(store, limit=limit, offset=offset, total=True, index=index.quotes(), **kw)
                assert [q["id"] for q in fast] == [q["id"] for q in sql] and fast.total == sql.total
