"""Smoke test of `newsgraph bench events` through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


@pytest.mark.parametrize("split", ["test", "dev"])
def test_bench_events_smoke(bench_data: Path, monkeypatch: pytest.MonkeyPatch, split: str) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "events", "--limit", "12", "--split", split, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["gsr_sentences"] == 12 and figures["cameo_sentences"] == 12
    for key in ("gsr_type_accuracy", "gsr_actor_accuracy", "gsr_recipient_accuracy", "cameo_macro_f1",
                "cameo_S_span_f1_exact", "cameo_T_span_f1_token"):
        assert isinstance(figures[key], float) and 0.0 <= figures[key] <= 1.0
    # the team-written sentences are development data: scored with dev only
    assert (figures.get("written_sentences") == 12) == (split == "dev") == (figures.get("paraphrase_sentences") == 12) \
        == (figures.get("sister_sentences") == 12)
    assert (figures.get("news_all_sentences") == 12) == (split == "dev") == (figures.get("web_all_sentences") == 12) \
        == (figures.get("politics_unread_all_sentences") == 12)
    if split == "dev":
        assert 0.0 <= figures["news_detection_precision"] <= 1.0 and 0 < figures["news_sentences"] <= 12


def test_news_offsets_cut_whole_sentences(bench_data: Path) -> None:
    from newsgraph.bench.events import NEWS, _news_rows, news_docs

    rows = _news_rows(NEWS, news_docs(bench_data))
    assert len(rows) == 1218 and sum(r["event"] != "NONE" for r in rows) == 616
    # each stored span is one sentence of 10-55 words (not counting punctuation), as it was cut when annotated
    assert all(8 <= len(r["text"].split()) <= 70 for r in rows)
    assert all(not r["actor"] and not r["recipient"] for r in rows if r["event"] == "NONE")


def test_web_offsets_cut_sentences_of_the_gold_bodies(bench_data: Path) -> None:
    from newsgraph.bench.events import WEB, _news_rows, web_docs

    rows = _news_rows(WEB, web_docs(bench_data))
    assert len(rows) == 1016 and sum(r["event"] != "NONE" for r in rows) == 152
    assert all(8 <= len(r["text"].split()) <= 70 for r in rows)


def test_politics_offsets_cut_sentences_of_polnear_train_articles(bench_data: Path) -> None:
    from newsgraph.bench.events import POLITICS, POLITICS_UNREAD, _news_rows, politics_docs

    docs = politics_docs(bench_data)
    read, unread = _news_rows(POLITICS, docs), _news_rows(POLITICS_UNREAD, docs)
    assert len(read) == len(unread) == 434 and not {r["text"] for r in read} & {r["text"] for r in unread}
    assert all(8 <= len(r["text"].split()) <= 70 for r in read + unread)
    assert all(not r["actor"] and not r["recipient"] for r in read + unread if r["event"] == "NONE")


def test_bench_events_rejects_unknown_split(bench_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_BENCH", str(bench_data))
    result = CliRunner().invoke(app, ["bench", "events", "--limit", "2", "--split", "train"])
    assert result.exit_code == 2 and "unknown split" in result.output


def test_macro_f1_counts_every_class() -> None:
    from newsgraph.bench.events import macro_f1

    gold = ["statement", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
    assert macro_f1(gold, gold) == 1.0
    assert macro_f1(gold, ["statement"] * 5) == pytest.approx((2 / 6) / 5)


def test_a_row_pointing_at_an_unknown_document_is_a_clear_error(tmp_path: Path) -> None:
    from newsgraph.bench.events import _news_rows
    from newsgraph.errors import BenchmarkDataError

    rows = tmp_path / "rows.tsv"
    rows.write_text("# header\nknown.tml\t0\t9\tNONE\t\t\nmissing.tml\t0\t5\tACCUSE\tUSA\t\n", encoding="utf-8")
    with pytest.raises(BenchmarkDataError, match="missing.tml"):
        _news_rows(rows, {"known.tml": "A sentence here."})


def test_type_classifier_never_learns_from_what_is_only_scored(bench_data: Path) -> None:
    from newsgraph.bench.events import PARAPHRASED, SISTERS, _gsr_rows, _tsv_rows, only_scored_texts, type_training_rows

    learned = {text for text, _ in type_training_rows(bench_data)}
    scored = only_scored_texts(bench_data)
    assert len(learned) > 15000 and len(scored) > 1300
    assert not learned & scored
    # what is read for development is learned, except where it is word for word a scored sentence
    assert {r["text"] for r in _gsr_rows(bench_data, "dev")} - scored <= learned
    assert {f[6] for f in _tsv_rows(SISTERS) if f[0].startswith("A")} <= learned
    assert {f[6] for f in _tsv_rows(PARAPHRASED) if f[0] == "1"} <= learned
