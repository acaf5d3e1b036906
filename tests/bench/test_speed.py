"""Smoke test of `newsgraph bench speed` (the full benchmark is not run in CI)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_speed_smoke(bench_data: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "speed", "--limit", "4", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["cores"] >= 1
    assert figures["extract_only_n4_articles_per_s"] > 0 and figures["nlp_n4_peak_mb"] > 50
