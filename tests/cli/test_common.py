"""The CLI's table printer: a table where it fits the terminal, one block per row where it does not."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from newsgraph.cli import common

ROWS = [{"date": "2022-01-19", "speaker": "Antony Blinken", "text": "I strongly, strongly hope that we can keep "
         "this on a diplomatic and peaceful path, but ultimately, that's going to be President Putin's decision."}]


def _printed(monkeypatch: pytest.MonkeyPatch, width: int, columns: list[str]) -> str:
    console = Console(width=width, record=True, color_system=None)
    monkeypatch.setattr(common, "console", console)
    common.print_table(ROWS, columns, title="quotes")
    return console.export_text()


def test_narrow_terminal_gets_one_block_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _printed(monkeypatch, 40, ["date", "speaker", "text"])
    assert re.search(r"^speaker +Antony Blinken", text, re.M)
    assert "┃" not in text and all(len(line) <= 40 for line in text.splitlines())


def test_wide_terminal_gets_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _printed(monkeypatch, 160, ["date", "speaker", "text"])
    assert "┃ date" in text and "Antony Blinken" in text
