"""Smoke test of `newsgraph bench link` through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_link_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "link", "--limit", "200", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["link_seconds_200"] > 0 and figures["articles_per_second_200"] > 0
    assert 1 <= figures["stories_200"] <= 200 and figures["cpu_cores"] >= 1
    assert figures["incremental_seconds_100_into_200"] > 0
