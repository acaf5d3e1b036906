"""Smoke test of `newsgraph bench quotes` through the real command, and the matching metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.bench.quotes import match, parse_ann
from newsgraph.cli import app


def test_bench_quotes_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "quotes", "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["split"] == "dev" and figures["articles"] == 3 and figures["gold"] > 10
    for key in ("all_lenient_f1", "all_strict_f1", "direct_lenient_f1", "direct_strict_f1", "speaker_accuracy",
                "all_lenient_precision", "all_lenient_recall"):
        assert 0.0 <= figures[key] <= 1.0, key
    assert figures["all_lenient_f1"] >= figures["all_strict_f1"] > 0.2


def test_match_is_greedy_one_to_one_by_coverage() -> None:
    golds = [[(0, 10)], [(20, 30)]]
    preds = [[(0, 30)], [(0, 5)], [(21, 29)]]
    assert sorted(match(preds, golds, 0.8)) == [(0, 0)]  # 8 of 10 characters is not more than 0.8
    assert sorted(match(preds, golds, 0.3)) == [(0, 0), (2, 1)]  # pred 0 covers both golds but takes one
    assert match([[(0, 3)]], golds, 0.3) == []


def test_parse_ann_discontinuous_content_and_direct_flag() -> None:
    text = "“A,” he said, “B.” Then X said that Y."
    ann = ("T1\tSource 5 7\the\nT2\tCue 8 12\tsaid\nT3\tContent 0 4;14 18\t“A,” “B.”\n"
           "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n"
           "T4\tContent 31 37\tthat Y\nE2\tAttribution-no-source:T8 Content:T4\n")
    golds = parse_ann(ann, text)
    assert [g.content for g in golds] == [[(0, 4), (14, 18)], [(31, 37)]]
    assert [g.direct for g in golds] == [True, False] and golds[0].source == [(5, 7)] and golds[1].source == []
