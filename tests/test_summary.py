"""The summary that `newsgraph ingest --summary` and `make demo` print, on the real seed store."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from newsgraph.store import open_store
from newsgraph.summary import summarise, summary


def test_summary_fits_a_narrow_terminal_one_line_per_article(seed_store: Path) -> None:
    console = Console(width=80, record=True, color_system=None)
    with open_store(seed_store, read_only=True) as store:
        data = summary(store)
        summarise(store, console)
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    for article in data["articles"]:
        row = [line for line in lines if line.startswith(article["id"][:7])]
        assert len(row) == 1 and str(article["quotes"]) in row[0].split()
    assert any("boilerplate lines dropped" in line and "outlets" in line for line in lines)


def test_wide_terminal_shows_page_date_and_date_evidence(seed_store: Path) -> None:
    console = Console(width=160, record=True, color_system=None)
    with open_store(seed_store, read_only=True) as store:
        data = summary(store)
        summarise(store, console)
    text = console.export_text()
    assert "page date" in text and "dropped" in text
    for article in data["articles"]:
        if article["published"] != article["page_date"] and article["published_evidence"]:
            assert article["published_evidence"][:40] in text
