"""Smoke test of `newsgraph bench textdump` on a few pages (cross-validation among them)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_textdump_smoke(bench_data: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "textdump", "--limit", "6", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["pages"] == 6
    for key in ("f1", "precision", "recall", "f1_page_mean", "keep_all_f1"):
        assert 0.0 <= figures[key] <= 1.0
