"""Quotation marks meet cues: which cue each quoted region belongs to, and the kind of each quotation.

A region inside a cue's content makes it direct (the content is the quotation) or mixed (a quoted fragment
of an indirect quote). A region the parse left alone joins the cue of its sentence when nothing but the cue
and speaker stands between them ('"A," he said, "B."' is one quotation), a cue ending in a colon before it,
the quotation it follows in the same paragraph ('"A," said X. "B."'), or, when it fills the start of a
paragraph, the previous quotation's speaker (a follow-on). Any other quoted region is a title or a scare
quote and no quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.nlp import doc_text
from newsgraph.quotes.detect import Candidate, finite_verbs
from newsgraph.quotes.marks import Region

_MAX_GAP = 14  # tokens between a cue and a quotation it introduces ('"A," Alexei Bokarev, a miner, told AFP')
_DIRECT_SHARE = 0.8  # share of the content inside quotation marks for a direct quotation
_FOLLOW_PARAGRAPHS = 2  # a follow-on paragraph continues a quotation at most this many paragraphs back
_NESTED_WORDS = 3  # a cue inside a quotation of at least this many words belongs to the quotation


@dataclass
class Assembled:
    """A candidate with its final content token set and kind."""

    cand: Candidate
    tokens: set[int]
    kind: str
    rule: str


def _token_range(doc: Doc, region: Region) -> tuple[int, int]:
    """Return the tokens [i, j) covering ``region``."""
    span = doc.char_span(region.start, region.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0, 0
    return span.start, span.end


def _sents_of(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Return the token range of the sentences holding tokens [i, j)."""
    return doc[i].sent.start, doc[max(i, j - 1)].sent.end


def _gap_ok(doc: Doc, cand: Candidate, i: int, j: int) -> bool:
    """Return whether tokens [i, j) between a quotation and a cue hold only the cue and its speaker."""
    if j - i > _MAX_GAP or any("\n" in t.text + t.whitespace_ for t in doc[i:j]):
        return False
    allowed = {cand.cue.i} if cand.cue is not None else set()
    if cand.cue is not None:
        allowed |= {t.i for t in cand.cue.children if t.dep_ in ("aux", "auxpass", "neg")}
    if cand.speaker is not None:
        allowed |= set(range(cand.speaker.start, cand.speaker.end))
    return not finite_verbs(doc, i, j, allowed)


def _nearest_edge(cand: Candidate, claimed: list[tuple[int, int]]) -> list[int]:
    """Return the token indices a new region must be adjacent to: the cue, the speaker and regions held."""
    edges = [cand.cue.i] if cand.cue is not None else []
    if cand.speaker is not None:
        edges += [cand.speaker.start, cand.speaker.end - 1]
    for i, j in claimed:
        edges += [i, j - 1]
    return edges


def _same_sentence(doc: Doc, cands: list[Candidate], held: dict[int, list[tuple[int, int]]],
                   ri: int, rj: int) -> Candidate | None:
    """Return the cue of the region's sentence that only the cue and speaker separate from it."""
    lo, hi = _sents_of(doc, ri, rj)
    after = doc[hi].sent.end if hi < len(doc) and hi <= rj + 1 else hi  # '"…." Trump said.' ends its own sentence
    best: tuple[int, Candidate] | None = None
    for c in cands:
        if c.cue is None or not lo <= c.cue.i < after or ri <= c.cue.i < rj and not c.signature \
                or c.rule == "noun-clause":
            continue
        if c.cue.i >= hi and not c.bare:
            continue  # a cue in the next sentence with its own content is another quotation's
        for edge in _nearest_edge(c, held.get(id(c), [])):
            if ri <= edge < rj:
                continue
            gi, gj = (edge + 1, ri) if edge < ri else (rj, edge)
            if gj >= gi and _gap_ok(doc, c, gi, gj) and (best is None or gj - gi < best[0]):
                best = (gj - gi, c)
    return best[1] if best else None


def _new_sentence_after(doc: Doc, cands: list[Candidate], last: Candidate, pj: int, ri: int) -> bool:
    """Return whether a region opens a sentence after the last quotation's cue, with no other cue between."""
    if not (doc[ri].is_sent_start or doc[ri - 1].text in (".", "?", "!")):
        return False
    own = {t.i for t in last.cue.subtree} if last.cue is not None else set()
    # a cue inside the last one's own clause ('said X, who declined to be named', ', adding that …') is no new speaker
    return not any(c is not last and c.cue is not None and pj <= c.cue.i < ri and not c.bare and c.cue.i not in own
                   for c in cands)


def _colon_cue(doc: Doc, text: str, cands: list[Candidate], region: Region) -> Candidate | None:
    """Return the cue of a sentence ending in a colon right before the region ('Caddell continued:')."""
    k = region.start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    before = [c for c in cands if c.cue is not None and sent.start <= c.cue.i < colon.start]
    return max(before, key=lambda c: c.cue.i if c.cue is not None else -1) if before else None


def _paragraph_index(text: str) -> list[int]:
    """Return the offsets where paragraphs (non-blank lines) start, after the first."""
    return [k + 1 for k, ch in enumerate(text) if ch == "\n" and text[k + 1: k + 2].strip()]


def assemble(doc: Doc, regions: list[Region], cands: list[Candidate]) -> list[Assembled]:
    """Attach each quoted region to a cue and return the quotations with their kind."""
    text = doc_text(doc)
    held: dict[int, list[tuple[int, int]]] = {}
    rules: dict[int, str] = {}
    follow: list[Candidate] = []
    last: Candidate | None = None
    para_starts = _paragraph_index(text)
    nested = {k for r in regions if r.words(text) >= _NESTED_WORDS for k in range(*_token_range(doc, r))}
    nested |= {k for c in cands if c.rule == "headline-colon" for i, j in c.content for k in range(i, j)}
    owners = [c for c in cands if c.cue is None or c.cue.i not in nested or c.rule == "headline-colon" or c.signature]
    for region in regions:
        ri, rj = _token_range(doc, region)
        if rj <= ri:
            continue
        owner, rule = _owner(doc, text, owners, held, region, ri, rj, last)
        if owner is None and last is not None and _starts_paragraph(text, region.start) \
                and _sentence_like(text, region) \
                and _paragraphs_between(para_starts, _end_char(doc, last, held), region.start) <= _FOLLOW_PARAGRAPHS:
            if _paragraphs_between(para_starts, _end_char(doc, last, held), region.start) == 1:
                owner, rule = last, "direct-follow-on"  # the next paragraph carries the same quotation on
            else:
                owner = Candidate(None, None, [], last.speaker, "direct-follow-on", inherited=last)
                follow.append(owner)
                rule = "direct-follow-on"
        if owner is None:
            continue
        held.setdefault(id(owner), []).append((ri, rj))
        rules.setdefault(id(owner), rule)
        owner.regions.append(region)
        last = owner
    inside = nested | {k for spans in held.values() for i, j in spans for k in range(i, j)}
    items = [a for c in cands + follow if (a := _finish(c, held.get(id(c), []), rules.get(id(c)), inside)) is not None]
    return _past_colon(doc, _past_false_break(doc, items))


def _past_false_break(doc: Doc, items: list[Assembled]) -> list[Assembled]:
    """Carry a paraphrase over a sentence break the parser put mid-sentence ('cited disparaging remarks | Trump had
    made about her as examples …'): the content ends its sentence, which ends in no punctuation."""
    taken = {k for a in items for k in a.tokens}
    for item in items:
        if item.kind == "direct" or item.cand.cue is None:
            continue
        last = max(item.tokens)
        sent = doc[last].sent
        if last != sent.end - 1 or doc[last].is_punct or "\n" in doc[last].whitespace_ or sent.end >= len(doc):
            continue
        more: list[int] = []
        for tok in doc[sent.end:]:
            if tok.i in taken or tok.is_space or tok.text in (".", "?", "!"):
                break
            more.append(tok.i)
            if "\n" in tok.whitespace_:
                break
        if more and (more[-1] + 1 >= len(doc) or doc[more[-1] + 1].text in (".", "?", "!")):
            item.tokens |= set(more)
    return items


def _past_colon(doc: Doc, items: list[Assembled]) -> list[Assembled]:
    """Carry a paraphrase that stops at a colon on to its sentence's end ('noted that X: he also won Iowa')."""
    taken = {k for a in items for k in a.tokens}
    for item in items:
        if item.kind == "direct" or item.cand.cue is None or item.cand.rule == "headline-colon":
            continue
        colon = max(item.tokens) + 1
        if colon + 1 >= len(doc) or doc[colon].text != ":" or "\n" in doc[colon].whitespace_:
            continue
        end = doc[colon + 1].sent.end
        more = [t.i for t in doc[colon + 1: end] if not t.is_space]
        if more and not any(k in taken for k in more) and not any("\n" in t.text_with_ws for t in doc[colon: more[-1]]):
            item.tokens |= {colon, *(more[:-1] if doc[more[-1]].is_punct else more)}
    return items


def _owner(doc: Doc, text: str, cands: list[Candidate], held: dict[int, list[tuple[int, int]]], region: Region,
           ri: int, rj: int, last: Candidate | None) -> tuple[Candidate | None, str]:
    """Return the cue a region belongs to and the rule that tied them."""
    best, best_overlap = None, 0
    for c in cands:
        if c.cue is not None and ri <= c.cue.i < rj and not c.signature:
            continue  # a cue inside the quotation is a nested attribution, not this one's
        overlap = sum(max(0, min(j, rj) - max(i, ri)) for i, j in c.content)
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    if best is not None:
        return best, "content"
    if (near := _same_sentence(doc, cands, held, ri, rj)) is not None:
        return near, "direct"
    if (colon := _colon_cue(doc, text, cands, region)) is not None:
        return colon, "direct-colon"
    if last is not None and id(last) in held:
        pi, pj = held[id(last)][-1]
        between = text[doc[pj - 1].idx: region.start]
        if "\n" not in between and pj <= ri and (
                _gap_ok(doc, last, pj, ri) or _new_sentence_after(doc, cands, last, pj, ri)):
            return last, "direct-join"
    return None, ""


def _sentence_like(text: str, region: Region) -> bool:
    """Return whether a quoted paragraph reads as speech: 3+ words ending in punctuation (not a crosshead)."""
    inner = text[region.pieces[-1][0]: region.pieces[-1][1]].rstrip()
    return region.words(text) >= 3 and (not region.closed or inner[-1:] in ".?!,…-—:;")


def _starts_paragraph(text: str, offset: int) -> bool:
    """Return whether only whitespace stands between the previous newline and ``offset``."""
    k = text.rfind("\n", 0, offset)
    return not text[k + 1: offset].strip(" \t-–—•")


def _paragraphs_between(starts: list[int], a: int, b: int) -> int:
    """Return how many paragraph breaks lie between offsets ``a`` and ``b``."""
    return sum(1 for s in starts if a < s <= b)


def _end_char(doc: Doc, cand: Candidate, held: dict[int, list[tuple[int, int]]]) -> int:
    """Return the end offset of the last region a candidate holds."""
    spans = held.get(id(cand), [])
    return doc[spans[-1][1] - 1].idx if spans else 0


def _finish(cand: Candidate, regions: list[tuple[int, int]], rule: str | None, inside: set[int]) -> Assembled | None:
    """Return the quotation of a candidate with its kind, or None when it holds too little.

    A cue inside a quotation ('"I think we will win," he said') is part of what the speaker said, not an
    attribution of its own; a cue whose content lies mostly inside a quotation another cue holds repeats it.
    """
    if cand.cue is not None and cand.cue.i in inside and cand.rule != "headline-colon" and not cand.signature:
        return None
    quoted = {k for i, j in regions for k in range(i, j)}
    tokens = {k for i, j in cand.content for k in range(i, j)} | quoted
    if not quoted:
        if cand.bare:
            return None
        if len(tokens & inside) > 0.5 * len(tokens) and cand.rule != "headline-colon":
            return None
        return Assembled(cand, tokens, "indirect", cand.rule)
    if len(quoted) >= _DIRECT_SHARE * len(tokens):
        name = rule if rule and rule != "content" else "direct"
        return Assembled(cand, tokens, "direct", name)
    return Assembled(cand, tokens, "mixed", "mixed")


def speaker_of(item: Assembled) -> Span | None:
    """Return the speaker phrase of a quotation (a follow-on's is its predecessor's)."""
    return item.cand.speaker
