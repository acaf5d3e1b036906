"""Smoke tests of `newsgraph bench html` and `newsgraph bench dates` on a few pages."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app


def _bench(name: str, bench_data: Path, monkeypatch) -> dict:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", name, "--limit", "4", "--json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.output))


def test_bench_html_smoke(bench_data: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    figures = _bench("html", bench_data, monkeypatch)
    assert figures["pages"] == 4
    # trafilatura finds most of every body of these real news pages
    assert figures["recall"] > 0.5
    for key in ("f1", "precision", "recall", "f1_page_mean"):
        assert 0.0 <= figures[key] <= 1.0


def test_bench_dates_smoke(bench_data: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    figures = _bench("dates", bench_data, monkeypatch)
    assert figures["pages"] == 4
    assert 0.0 <= figures["accuracy"] <= figures["found"] <= 1.0
