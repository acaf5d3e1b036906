"""`newsgraph quotes --db FILE` over a store ingested from the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import BadParameterError
from newsgraph.pipeline import ingest
from newsgraph.quotes.query import list_quotes
from newsgraph.store import open_store


@pytest.fixture(scope="module")
def seed_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five seed pages ingested."""
    db = tmp_path_factory.mktemp("quotes") / "seeds.db"
    ingest([seeds_dir], db, link=False)
    return db


def _rows(args: list[str]) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["quotes", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_quotes_by_speaker_and_words(seed_db: Path) -> None:
    rows = _rows(["--db", str(seed_db), "--speaker", "person:antony-blinken"])
    assert rows and all(r["speaker_id"] == "person:antony-blinken" for r in rows)
    peskov = _rows(["--db", str(seed_db), "--speaker", "peskov", "--contains", "irritants"])
    assert len(peskov) >= 1 and all("irritants" in str(r["text"]).lower() for r in peskov)


def test_quotes_limit_and_dates(seed_db: Path) -> None:
    assert len(_rows(["--db", str(seed_db), "--limit", "3"])) == 3
    dated = _rows(["--db", str(seed_db), "--since", "2022-01-01", "--until", "2023-12-31", "--limit", "500"])
    assert dated and all("2022-01-01" <= str(r["date"])[:10] <= "2023-12-31" for r in dated)
    assert _rows(["--db", str(seed_db), "--since", "2030-01-01"]) == []


def test_quotes_table_and_bad_date(seed_db: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["quotes", "--db", str(seed_db), "--contains", "Glory"])
    assert table.exit_code == 0 and "Glory" not in table.output
    bad = runner.invoke(app, ["quotes", "--db", str(seed_db), "--since", "last week"])
    assert bad.exit_code == 2 and "NG302" in bad.output


def test_query_function_is_shared(seed_db: Path) -> None:
    with open_store(seed_db, read_only=True) as store:
        rows = list_quotes(store, contains="cease-fire", limit=5)
        assert rows and {"speaker", "kind", "text", "date", "start", "end"} <= set(rows[0])
        with pytest.raises(BadParameterError):
            list_quotes(store, limit=0)


def test_quotes_query_pages_totals_and_article_fields(seed_db: Path) -> None:
    whole = list_quotes(seed_db, limit=4, total=True)
    page = list_quotes(seed_db, limit=2, offset=2, total=True)
    assert [r["id"] for r in page] == [r["id"] for r in whole[2:4]] and page.total == whole.total
    assert all(r["outlet"] in r["outlets"] for r in whole if r["outlet"] and not r["canonical_id"])
    blinken = list_quotes(seed_db, "Antony Blinken", limit=None, speaker_match="exact")
    assert blinken and all(str(r["speaker"]).lower() == "antony blinken" or r["speaker_id"] == "Antony Blinken"
                           for r in blinken)
