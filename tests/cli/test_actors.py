"""`newsgraph actors --db FILE` over a store ingested from the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.actors.query import list_actors
from newsgraph.cli import app
from newsgraph.errors import BadParameterError
from newsgraph.pipeline import ingest
from newsgraph.store import open_store


@pytest.fixture(scope="module")
def seed_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five seed pages ingested."""
    db = tmp_path_factory.mktemp("actors") / "seeds.db"
    ingest([seeds_dir], db, link=False)
    return db


def test_actors_lists_people_with_counts(seed_db: Path) -> None:
    result = CliRunner().invoke(app, ["actors", "--db", str(seed_db), "--kind", "person", "--json", "--limit", "5"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 5 and all(r["kind"] == "person" for r in rows)
    assert rows[0]["id"] == "person:antony-blinken" and rows[0]["articles"] == 5
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)


def test_actors_search_matches_aliases(seed_db: Path) -> None:
    result = CliRunner().invoke(app, ["actors", "--db", str(seed_db), "--search", "Zelenskiy", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == ["person:volodymyr-zelensky"]
    assert rows[0]["country"] == "UKR" and rows[0]["articles"] == 3


def test_actors_table_and_bad_kind(seed_db: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["actors", "--db", str(seed_db), "--search", "kremlin"])
    assert table.exit_code == 0 and "RUS" in table.output and "GOV" in table.output
    bad = runner.invoke(app, ["actors", "--db", str(seed_db), "--kind", "planet"])
    assert bad.exit_code == 2 and "NG302" in bad.output


def test_query_function_is_shared(seed_db: Path) -> None:
    with open_store(seed_db, read_only=True) as store:
        states = list_actors(store, kind="state", limit=3)
        assert {r["id"] for r in states} <= {"RUS", "UKR", "USA", "CHN", "DEU", "GBR"}
        with pytest.raises(BadParameterError):
            list_actors(store, limit=0)


def test_actors_query_sorts_pages_and_counts(seed_db: Path) -> None:
    by_events = list_actors(seed_db, sort="events", limit=5, total=True)
    assert [r["events"] for r in by_events] == sorted((r["events"] for r in by_events), reverse=True)
    assert by_events.total is not None and by_events.total >= 5
    second = list_actors(seed_db, sort="events", limit=2, offset=1)
    assert [r["id"] for r in second] == [r["id"] for r in by_events[1:3]]
    assert {"mentions", "articles", "quotes", "events"} <= set(by_events[0])
    with pytest.raises(BadParameterError):
        list_actors(seed_db, sort="random")
