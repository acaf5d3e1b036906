"""`newsgraph bench eventdates`: TimeML event-time links are read, and the smoke run scores them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_eventdates_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "eventdates", "--limit", "3", "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["docs"] == 3 and figures["linked_events"] > 0
    for key in ("accuracy", "off_day_accuracy", "article_date_accuracy"):
        assert 0.0 <= figures[key] <= 1.0


def test_timeml_events_carry_the_dates_their_links_put_them_within() -> None:
    from newsgraph.bench.time import parse_timeml

    xml = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08">08/08/98</TIMEX3></DCT><TEXT>'
           'A bomb <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> '
           '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, police '
           '<EVENT eid="e2" class="REPORTING">said</EVENT>.</TEXT>'
           '<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB"/><MAKEINSTANCE eiid="ei2" eventID="e2" pos="VERB"/>'
           '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>'
           '<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t0"/>'
           '<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/></TimeML>')
    doc = parse_timeml("x.tml", xml)
    exploded, said = doc.events
    assert doc.text[exploded.start:exploded.end] == "exploded" and exploded.pos == "VERB"
    assert exploded.within == ["1998-08-07"] and said.within == ["1998-08-08"]


def test_scores_count_a_date_among_the_gold_ones_and_split_off_day_events() -> None:
    from newsgraph.bench.eventdates import score

    figures = score([({"1998-08-07"}, "1998-08-07", "1998-08-08"), ({"1998-08-08"}, "1998-08-08", "1998-08-08"),
                     ({"1995-11"}, "1998-08-08", "1998-08-08")])
    assert figures["accuracy"] == round(2 / 3, 4) and figures["off_day_accuracy"] == 0.5
    assert figures["article_date_accuracy"] == round(1 / 3, 4) and figures["off_day_events"] == 2
