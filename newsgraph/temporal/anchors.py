"""Anchors: which date each clause and sentence speaks of, from the timex its verb governs.

"Peskov said Friday that ..." dates the whole sentence (the timex hangs on its main verb, whose subtree
is the sentence); "... for launching its invasion in February 2022, Blinken said" dates only the clause
of "launching", so the reporting verb "said" falls back to the article's date. A timex that modifies a
noun dates that noun's phrase only: "on the run since the January 1998 bombing" dates the bombing, not the
run; so does one after a noun that no verb governs ("the bombings on Aug. 7 killed 259"). Anchors are
sorted narrowest first: ``TimeAnalysis.date_for`` on a cue or trigger span returns the narrowest clause
that contains it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.records import Timex

_TEMPORAL_DEPS = {"npadvmod", "tmod", "obl", "obl:tmod", "nmod:tmod", "advmod", "dobj", "attr", "nsubj"}
# a timex in one of these relations to a noun is the noun's own date ("the 1995 assassination", "Tuesday's raid")
_NOMINAL_DEPS = {"nmod", "nummod", "compound", "amod", "poss"}


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


def _dated_noun(token: Token) -> Token | None:
    """Return the noun a timex modifies as its own date ("the January 1998 bombing", "Tuesday's raid"), if any."""
    head = token.head
    if token.dep_ in _NOMINAL_DEPS and head != token and head.pos_ == "NOUN" and head.i > token.i:
        return head
    return None


def _qualified_noun(token: Token) -> Token | None:
    """Return the noun a timex qualifies after it when no verb governs it ("the bombings on Aug. 7 killed")."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
        return token.head.head
    if token.dep_ in ("appos", "npadvmod") and token.head.pos_ == "NOUN":
        return token.head  # "the attacks Aug. 7 at the embassies"
    return None


def _extent(tokens: list[Token], value: str) -> tuple[int, int, str]:
    """Return the (start, end, value) anchor of a run of tokens in text order."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1]), value


def build_anchors(doc: Doc, timexes: list[Timex]) -> list[tuple[int, int, str]]:
    """Return (start, end, value) spans: clauses and sentences dated by the timex their verb governs."""
    clauses: list[tuple[int, int, str]] = []
    # dates first: a time of day is valued on the article's day, "at 10:35 a.m. Friday" on Friday
    for t in sorted(timexes, key=lambda t: t.type != "DATE"):
        value = day_value(t.value) if t.type in ("DATE", "TIME") else None
        span = doc.char_span(t.start, t.end, alignment_mode="expand") if value else None
        if span is None or value is None:
            continue
        head = _dated_noun(span.root) or _governor(span.root) or _qualified_noun(span.root)
        if head is None:
            continue
        clause = _extent(list(head.subtree), value)
        if not any(c[:2] == clause[:2] for c in clauses):
            clauses.append(clause)
    return sorted(clauses, key=lambda a: (a[1] - a[0], a[0]))
