"""`newsgraph link` and `newsgraph stories` over a small store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import open_store


def test_link_and_stories_commands(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    with open_store(db) as store:
        for aid, body in (("x1", text), ("x2", "\n".join(text.splitlines()[:12]))):
            store.con.execute("INSERT INTO articles (id, text, published) VALUES (?, ?, '2022-03-24')", [aid, body])
    runner = CliRunner()
    result = runner.invoke(app, ["link", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["articles"] == 2 and summary["copies"] == 1 and summary["stories"] == 1
    listed = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert len(rows) == 1 and sorted(rows[0]["articles"]) == ["x1", "x2"] and rows[0]["size"] == 2
    bad = runner.invoke(app, ["stories", "--db", str(db), "--limit", "0"])
    assert bad.exit_code == 2 and "NG302" in bad.output
