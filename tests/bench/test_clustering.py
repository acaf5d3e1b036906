"""Smoke test of `newsgraph bench clustering` through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_clustering_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "clustering", "--limit", "4", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["topics_scored"] == 2 and figures["subevents_scored"] == 4
    for level in ("topic", "subevent"):
        for key in ("bcubed_precision", "bcubed_recall", "bcubed_f1"):
            assert 0.0 <= figures[f"{level}_{key}"] <= 1.0
        assert -1.0 <= figures[f"{level}_ari"] <= 1.0
    assert figures["topic_bcubed_f1"] > 0.5  # two distinct topics are told apart
