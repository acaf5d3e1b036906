"""Entry point of the quotes stage: quotations found by cues and marks, attributed and dated."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.nlp import doc_text
from newsgraph.quotes.assemble import Assembled, assemble
from newsgraph.quotes.detect import find_candidates
from newsgraph.quotes.lexicon import RULESET, Lexicon, load_lexicon
from newsgraph.quotes.marks import find_regions
from newsgraph.quotes.speakers import Speaker, resolve_speaker
from newsgraph.records import ActorAnalysis, Article, Quote, TimeAnalysis

_FIRST_PERSON = {"i", "we", "me", "us"}
_MARKS = "\"“”„«»‹›‘’'「」"
_EMPTY_POS = {"PRON", "DET", "ADP", "PART", "CCONJ", "SCONJ", "AUX"}  # no content on their own


@dataclass
class Found:
    """A quotation with the character spans of its content (quote marks included), for scoring."""

    quote: Quote
    content: list[tuple[int, int]]



def extract_quotes(article: Article, doc: Doc, actors: ActorAnalysis, times: TimeAnalysis) -> list[Quote]:
    """Return the quotations of ``doc`` with speakers and dates."""
    return [f.quote for f in find_quotes(article, doc, actors, times)]


def find_quotes(article: Article, doc: Doc, actors: ActorAnalysis, times: TimeAnalysis) -> list[Found]:
    """Return the quotations of ``doc`` with the character spans of their content."""
    lex = load_lexicon()
    text = doc_text(doc)
    items = assemble(doc, find_regions(text), find_candidates(doc, lex))
    items = [a for a in _dedupe(items) if not _no_content(doc, a)]
    items.sort(key=lambda a: min(a.tokens))
    speakers: dict[int, Speaker | None] = {}
    quoted: list[tuple[int, int, Speaker]] = []  # direct quotations so far: a first person inside speaks for them
    out: list[Found] = []
    for item in items:
        if item.cand.inherited is not None:
            speaker = speakers.get(id(item.cand.inherited))
        else:
            speaker = _first_person(item.cand.speaker, quoted) or resolve_speaker(item.cand.speaker, actors, lex)
        speakers[id(item.cand)] = speaker
        if speaker is not None and speaker.name is not None:
            quoted += [(r.start, r.end, speaker) for r in item.cand.regions]
        out.append(_found(article, doc, text, item, speaker, times, lex))
    return out


def _first_person(span: Span | None, quoted: list[tuple[int, int, Speaker]]) -> Speaker | None:
    """Return the speaker of the quotation a first-person speaker ('I think', 'we know') stands inside."""
    if span is None or span.root.lower_ not in _FIRST_PERSON:
        return None
    at = span.root.idx
    for start, end, outer in quoted:
        if start <= at < end:
            return Speaker(outer.name, outer.id, outer.country, outer.role, span.start_char, span.end_char,
                           "speaker:first-person-in-quote")
    return None


def _no_content(doc: Doc, item: Assembled) -> bool:
    """Tell whether a quotation's content is only pronouns and function words ('defend itself', 'said so')."""
    return all(doc[i].pos_ in _EMPTY_POS or doc[i].is_punct or doc[i].is_space for i in item.tokens)


def _dedupe(items: list[Assembled]) -> list[Assembled]:
    """Drop a quotation whose content another cue already gave ('said and added' on one clause)."""
    seen: set[frozenset[int]] = set()
    out = []
    for item in sorted(items, key=lambda a: (a.cand.bare, a.cand.speaker is None)):
        key = frozenset(item.tokens)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _runs(doc: Doc, tokens: set[int]) -> list[tuple[int, int]]:
    """Return token indices as contiguous character spans."""
    out: list[tuple[int, int]] = []
    prev = -2
    for i in sorted(tokens):
        start, end = doc[i].idx, doc[i].idx + len(doc[i])
        if i == prev + 1 and out:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        prev = i
    return out


def _text(text: str, item: Assembled, spans: list[tuple[int, int]]) -> str:
    """Return the quotation's words: inside the marks for a direct quote, else the content without marks."""
    if item.kind == "direct":
        pieces = [text[s:e] for r in item.cand.regions for s, e in r.pieces]
    else:
        pieces = [text[s:e] for s, e in spans]
    words = " ".join(" ".join(p.split()).strip(" ,") for p in pieces if p.strip(_MARKS + " ,"))
    words = "".join(ch for ch in words if ch not in "“”«»„\"") if item.kind != "direct" else words
    if item.kind == "indirect" and words.lower().startswith("that "):
        words = words[5:]
    return words.strip()


def _found(article: Article, doc: Doc, text: str, item: Assembled, speaker: Speaker | None,
           times: TimeAnalysis, lex: Lexicon) -> Found:
    """Build the Quote record of one assembled quotation."""
    spans = _runs(doc, item.tokens)
    involved = set(item.tokens)
    cue = item.cand.cue
    if cue is not None:
        involved.add(cue.i)
    if item.cand.speaker is not None and item.cand.inherited is None:
        involved |= set(range(item.cand.speaker.start, item.cand.speaker.end))
    first, last = doc[min(involved)].sent, doc[max(involved)].sent
    start, end = first.start_char, last.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    qid = hashlib.sha1(f"{article.id}:{start}:{end}:{spans[0][0]}:{spans[-1][1]}".encode()).hexdigest()[:16]
    # the cue's own clause dates the statement ("said Friday"), not a date inside the quoted content
    date_at = (cue.idx, cue.idx + len(cue)) if cue is not None else (first.start_char, first.end_char)
    q = Quote(
        id=qid, article_id=article.id, text=_text(text, item, spans), kind=item.kind, start=start, end=end,
        cue=item.cand.cue_text, date=times.day_for(*date_at),
        rule=f"{RULESET}:{item.rule}", confidence=lex.confidence.get(item.rule, 0.5),
    )
    if speaker is not None:
        q.speaker, q.speaker_id, q.speaker_country, q.speaker_role = speaker.name, speaker.id, speaker.country, \
            speaker.role
        q.speaker_start, q.speaker_end = speaker.start, speaker.end
        if speaker.rule:
            q.rule += f"+{speaker.rule}"
    return Found(q, spans)
