"""The spaCy loader's own component: a short unpunctuated line (headline, crosshead) ends its sentence."""

from __future__ import annotations

from newsgraph.nlp import analyse


def test_crosshead_is_its_own_sentence() -> None:
    doc = analyse("New U.S. military aid\nSpeaking at the embassy, Blinken warned that Russia could attack.")
    assert [s.text.strip() for s in doc.sents][0] == "New U.S. military aid"


def test_hard_wrapped_prose_is_not_cut_at_its_line_breaks() -> None:
    doc = analyse("The minister said on Monday that the talks with the rebels would resume\n"
                  "next week in Geneva.")
    assert len(list(doc.sents)) == 1
