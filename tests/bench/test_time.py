"""Smoke test of `newsgraph bench time` on a few documents of each split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


@pytest.mark.parametrize("split", ["test", "dev"])
def test_bench_time_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch, split: str) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "time", "--limit", "3", "--split", split, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["docs"] == 3 and figures["gold_timexes"] > 0
    for key in ("relaxed_precision", "relaxed_recall", "relaxed_f1", "value_accuracy", "value_f1"):
        assert 0.0 <= figures[key] <= 1.0


def test_parse_timeml_offsets() -> None:
    from newsgraph.bench.time import parse_timeml

    xml = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22</TIMEX3></DCT><TEXT>'
           'Obama arrived on <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> &amp; left.'
           '</TEXT></TimeML>')
    doc = parse_timeml("x.tml", xml)
    (gold,) = doc.timexes
    assert doc.text[gold.start:gold.end] == "Friday" and gold.value == "2013-03-22" and "&" in doc.text


def test_relaxed_match_is_one_to_one() -> None:
    from newsgraph.bench.time import match_relaxed

    gold = [(0, 6), (10, 20)]
    system = [(2, 4), (3, 5), (12, 30), (40, 45)]
    assert match_relaxed(gold, system) == [(0, 0), (1, 2)]
