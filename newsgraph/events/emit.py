"""From coded candidates to Event records: one per dyad, dated, deduplicated, with deterministic ids."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span

from newsgraph.events.arguments import ArgActor
from newsgraph.events.classifier import load_model
from newsgraph.events.code import Candidate, code_sentences, penta_of
from newsgraph.events.rank import rule_tokens
from newsgraph.records import ActorAnalysis, Article, Event, TimeAnalysis


def _event_id(article_id: str, start: int, etype: str, source: str | None, target: str | None, trig: int) -> str:
    """Return a deterministic event id."""
    key = f"{article_id}|{start}|{etype}|{source}|{target}|{trig}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def dyads(cand: Candidate) -> list[tuple[ArgActor | None, ArgActor | None]]:
    """Return one (source, target) pair per dyad; coordinated sources without target target each other.

    A target that is the source's own phrase again is no recipient. Dyads of one country stay: in the
    PLOVER GSR a quarter of the events are domestic, and dropping same-code pairs cost 0.04 recipient
    accuracy on both halves (`newsgraph bench events`).
    """
    sources = [a for a in cand.sources if a.code] or cand.sources[:1]
    targets = [a for a in cand.targets if a.code] or cand.targets[:1]
    srcs: list[ArgActor | None] = list(sources) or [None]
    tgts: list[ArgActor | None] = list(targets) or [None]
    if len(sources) > 1 and not targets:
        return [(s, t) for s in srcs for t in srcs if s is not t][: 2 * len(sources)]
    pairs = [(s, t) for s in srcs for t in tgts if not _same_phrase(s, t) and not _own_side(s, t, targets)]
    return pairs or [(s, None) for s in srcs]


def _own_side(src: ArgActor | None, tgt: ArgActor | None, targets: list[ArgActor]) -> bool:
    """Tell whether ``tgt`` is the source's own country among other recipients ("a summit between Biden and
    Putin" offered by the US: Russia is the recipient, not the US)."""
    if src is None or tgt is None or src.code is None or tgt.code != src.code:
        return False
    return any(t.code and t.code != src.code for t in targets)


def _same_phrase(a: ArgActor | None, b: ArgActor | None) -> bool:
    """Tell whether two coded arguments are the same phrase (two implied ones name none: "a mine blast near Samarra
    killed two youths" has an implied Iraqi source and an implied Iraqi recipient)."""
    return a is not None and b is not None and a.code is not None and a.end > a.start and \
        (a.start, a.end) == (b.start, b.end)


def candidate_events(article: Article, cand: Candidate, sent: Span, date: str | None) -> list[Event]:
    """Turn one candidate into Event records, one per dyad."""
    events = []
    text = sent.text.rstrip()  # spaCy keeps the trailing newline in the sentence
    for src, tgt in dyads(cand):
        s_code, t_code = (src.code if src else None), (tgt.code if tgt else None)
        events.append(Event(
            id=_event_id(article.id, sent.start_char, cand.type, s_code, t_code, cand.trigger.i),
            article_id=article.id, event_type=cand.type, sentence=text, start=sent.start_char,
            end=sent.start_char + len(text), mode=cand.mode, source=s_code, target=t_code,
            source_name=src.name if src else None, target_name=tgt.name if tgt else None,
            source_sector=src.sector if src else None, target_sector=tgt.sector if tgt else None,
            date=date, location=cand.location, trigger=cand.trigger.text, negated=cand.negated,
            hypothetical=cand.hypothetical, rule=cand.rule, confidence=cand.confidence,
        ))
    return events


def _drop_subsumed(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate that another of the same sentence, type and source says more about (its parse has a target)."""
    def key(c: Candidate) -> tuple[str, str | None]:
        return c.type, next((a.code for a in c.sources if a.code), None)

    def grammatical(c: Candidate) -> bool:  # a target the parse gave, not the sentence-wide fallback
        return any(a.code and a.via != "sentence" for a in c.targets)

    full = {key(c) for c in cands if grammatical(c)}
    return [c for c in cands if grammatical(c) or key(c) not in full]


def extract_events(article: Article, doc: Doc, actors: ActorAnalysis, times: TimeAnalysis) -> list[Event]:
    """Return the PLOVER events of ``doc``: asserted or flagged, with at least one resolved actor."""
    out: list[Event] = []
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    coded = [(sent, cands, rule_tokens(cands)) for sent, cands in code_sentences(doc, actors) if cands]
    model = load_model()
    probas = model.proba([sent.text for sent, _, _ in coded], [rules for _, _, rules in coded]) \
        if model is not None and coded else [None] * len(coded)
    coded_kept = [(sent, _drop_subsumed(cands)) for sent, cands, _ in coded]
    for (sent, cands), proba in zip(coded_kept, probas, strict=True):
        for cand in cands:
            if not any(a.code for a in cand.sources + cand.targets):
                continue  # no actor: not a political event we can place in a dyad
            # the trigger's own phrase or clause dates the event ("said Friday it had struck in March")
            date = times.day_for(cand.trigger.idx, cand.trigger.idx + len(cand.trigger))
            if proba is not None:  # the sentence classifier's belief in this kind of event tempers the rule's
                cand.confidence = round(0.6 * cand.confidence + 0.4 * proba.get(penta_of(cand), 0.0), 3)
            for event in candidate_events(article, cand, sent, date):
                key = (event.event_type, event.source, event.target, event.date)
                if key in seen and not event.negated:
                    continue  # a later sentence restating the same event adds nothing new
                seen.add(key)
                out.append(event)
    return out
