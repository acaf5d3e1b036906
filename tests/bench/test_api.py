"""Smoke test of `newsgraph bench api` (the full 1 M-event benchmark is not run in CI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_api_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "api", "--limit", "1000", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["store_events"] == 1000 and figures["store_quotes"] == 200
    assert 0.0 <= figures["error_rate"] <= 1.0 and figures["error_rate"] == 0.0
    assert figures["sequential_errors"] == 0 and figures["concurrent_requests"] > 0
    for key in ("list_calls_p95_ms", "timeline_calls_p95_ms", "concurrent_p95_ms", "article_p50_ms"):
        assert isinstance(figures[key], float) and figures[key] > 0
