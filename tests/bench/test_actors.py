"""Smoke test of `newsgraph bench actors` through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_actors_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "actors", "--limit", "12", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["plover_mentions"] > 12 and figures["cameo_sentences"] == 12
    for key in ("plover_country_accuracy", "plover_sector_accuracy", "plover_heldout_country_accuracy",
                "plover_dev_country_accuracy", "plover_dev_sector_accuracy", "cameo_span_f1_exact",
                "cameo_span_f1_overlap"):
        assert 0.0 <= figures[key] <= 1.0, key
    assert figures["plover_country_accuracy"] > 0.3  # the stage resolves most gold mentions
    assert figures["plover_dev_mentions"] + figures["plover_heldout_mentions"] == figures["plover_mentions"]
