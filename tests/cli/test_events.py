"""`newsgraph events --db FILE` over a store ingested from the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import BadParameterError
from newsgraph.events.query import query_events
from newsgraph.pipeline import ingest


@pytest.fixture(scope="module")
def seed_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five seed pages ingested."""
    db = tmp_path_factory.mktemp("events") / "seeds.db"
    ingest([seeds_dir], db, link=False)
    return db


def test_events_filter_by_type_and_actor(seed_db: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(seed_db), "--type", "aid", "--actor", "USA", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["event_type"] == "AID" and "USA" in (r["source"], r["target"]) for r in rows)
    assert any(r["target"] == "UKR" and "200 million" in r["sentence"] for r in rows)
    assert all(r["rule"].startswith("plover.v1:") and 0 < r["confidence"] <= 1 for r in rows)


def test_events_table_lists_rejection_by_nato(seed_db: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(seed_db), "--actor", "NATO", "--type", "REJECT"])
    assert result.exit_code == 0 and "REJECT" in result.output and "NATO" in result.output


def test_events_query_dates_and_limit(seed_db: Path) -> None:
    rows = query_events(seed_db, limit=3)
    assert len(rows) == 3
    dated = [r["date"] for r in query_events(seed_db, since="2000", limit=500)]
    assert all(d is not None and d >= "2000" for d in dated)
    assert not [r for r in query_events(seed_db, limit=500) if r["negated"]]


def test_events_bad_parameters(seed_db: Path) -> None:
    with pytest.raises(BadParameterError):
        query_events(seed_db, event_type="FIGHT")
    bad = CliRunner().invoke(app, ["events", "--db", str(seed_db), "--since", "last week"])
    assert bad.exit_code == 2 and "NG302" in bad.output


def test_events_query_pages_and_totals(seed_db: Path) -> None:
    whole = query_events(seed_db, limit=6, include_negated=True, total=True)
    page = query_events(seed_db, limit=3, offset=3, include_negated=True, total=True)
    assert [r["id"] for r in page] == [r["id"] for r in whole[3:6]] and page.total == whole.total
    assert whole.total is not None and whole.total >= len(whole)
    assert query_events(seed_db, limit=3).total is None  # counted only when asked
    usa = query_events(seed_db, actor="USA", actor_match="id", limit=None, include_negated=True)
    assert usa and all("USA" in (r["source"], r["target"]) for r in usa)


def test_events_actor_words_match_the_canonical_name(seed_db: Path) -> None:
    by_id = query_events(seed_db, actor="RUS", actor_match="id", limit=None, total=True)
    by_name = query_events(seed_db, actor="Russia", limit=None, total=True)
    assert by_id.total and by_name.total is not None and by_name.total >= by_id.total
    assert {r["id"] for r in by_id} <= {r["id"] for r in by_name}
