"""Quotation marks in every style, and apostrophes that are not quotes."""

from __future__ import annotations

from newsgraph.quotes.marks import find_regions


def _inner(text: str) -> list[str]:
    return [" ".join(text[s:e] for s, e in r.pieces) for r in find_regions(text)]


def test_curly_straight_guillemets_and_single() -> None:
    text = "“One,” he said. \"Two,\" she said. «Three» they wrote. 'Four five' it read."
    assert _inner(text) == ["One,", "Two,", "Three", "Four five"]


def test_apostrophes_are_not_quotes() -> None:
    assert _inner("Trump’s plan isn’t Clinton’s, and the candidates’ views differ.") == []


def test_nested_quote_stays_inside() -> None:
    text = "\"He asked: “Do you think so?” and left,\" she said."
    regions = find_regions(text)
    assert len(regions) == 1 and text[regions[0].start] == "\"" and text[regions[0].end - 1] == "\""


def test_multi_paragraph_quote_repeats_the_opening_mark() -> None:
    text = "He said: “First paragraph goes on.\n\n“Second paragraph ends here.”\n\nNot quoted."
    regions = find_regions(text)
    assert len(regions) == 1
    assert [text[s:e] for s, e in regions[0].pieces] == ["First paragraph goes on.", "Second paragraph ends here."]


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "“Never closed, it seems\n\nA new paragraph."
    regions = find_regions(text)
    assert len(regions) == 1 and not regions[0].closed and regions[0].end == text.index("\n")


def test_lexicon_particles_are_words_not_booleans() -> None:
    from newsgraph.quotes.lexicon import load_lexicon

    lex = load_lexicon()  # YAML reads a bare 'on' as true: the data file must quote it
    assert "on" in lex.preposition["call"] and "on" in lex.phrasal["go"]
    assert all(0.0 < v <= 1.0 for v in lex.confidence.values())


def test_left_mark_closing_its_own_quotation() -> None:
    text = "She asked for an “expedited review“ of the water system and said it was “urgent.”"
    assert _inner(text) == ["expedited review", "urgent."]
