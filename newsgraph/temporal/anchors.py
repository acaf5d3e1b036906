"""Anchors: which date each clause and sentence speaks of, from the timex its verb governs.

"Peskov said Friday that ..." dates the whole sentence (the timex hangs on its main verb, whose subtree
is the sentence); "... for launching its invasion in February 2022, Blinken said" dates only the clause
of "launching", so the reporting verb "said" falls back to the article's date. Anchors are sorted
narrowest first: ``TimeAnalysis.date_for`` on a cue or trigger span returns the narrowest clause that
contains it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.records import Timex

_TEMPORAL_DEPS = {"npadvmod", "tmod", "obl", "obl:tmod", "nmod:tmod", "advmod", "dobj", "attr", "nsubj"}


def day_value(value: str) -> str | None:
    """Return the calendar part of a date value ("2023-06-02TMO" = "2023-06-02", "XXXX-WXX-3"); None for REF."""
    if not (value[:4].isdigit() or value.startswith("XXXX-")):
        return None
    return value.split("T", 1)[0]


def _governor(token: Token) -> Token | None:
    """Return the verb a timex token modifies: "said Friday", "on Wednesday urged", "in February 2022"."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        head = token.head.head
    elif token.dep_ in _TEMPORAL_DEPS or token.dep_ == "compound":
        head = token.head
    else:
        return None
    while head.pos_ not in ("VERB", "AUX") and head.dep_ not in ("ROOT",) and head.head != head:
        if head.dep_ in ("pobj", "prep", "compound", "amod", "npadvmod"):
            head = head.head
        else:
            break
    return head if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT" else None


def build_anchors(doc: Doc, timexes: list[Timex]) -> list[tuple[int, int, str]]:
    """Return (start, end, value) spans: clauses and sentences dated by the timex their verb governs."""
    clauses: list[tuple[int, int, str]] = []
    for t in timexes:
        value = day_value(t.value) if t.type in ("DATE", "TIME") else None
        span = doc.char_span(t.start, t.end, alignment_mode="expand") if value else None
        if span is None or value is None:
            continue
        verb = _governor(span.root)
        if verb is None:
            continue
        subtree = list(verb.subtree)
        clause = (subtree[0].idx, subtree[-1].idx + len(subtree[-1]), value)
        if clause not in clauses:
            clauses.append(clause)
    return sorted(clauses, key=lambda a: (a[1] - a[0], a[0]))
