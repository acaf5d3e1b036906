"""Speakers: the speaker phrase of a quotation resolved to a canonical actor through the actors stage."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from newsgraph.quotes.detect import antecedent, speaker_span
from newsgraph.quotes.lexicon import Lexicon
from newsgraph.records import Actor, ActorAnalysis, Mention


@dataclass
class Speaker:
    """Who said it: a canonical actor where the actors stage resolved one, else the phrase itself."""

    name: str | None
    id: str | None
    country: str | None
    role: str | None
    start: int
    end: int
    rule: str = ""


def _mention(span: Span, actors: ActorAnalysis) -> Mention | None:
    """Return the mention on the phrase's head word, on its apposition ('The US secretary of state, Antony
    Blinken, said'), else the one overlapping the phrase most."""
    head = span.root
    on_head = actors.mention_at(head.idx, head.idx + len(head))
    if on_head is not None:
        return on_head
    for appos in (c for c in head.children if c.dep_ == "appos"):
        on_appos = actors.mention_at(appos.idx, appos.idx + len(appos))
        if on_appos is not None:
            return on_appos
    return actors.mention_at(span.start_char, span.end_char)


def _from_actor(span: Span, mention: Mention, actor: Actor | None) -> Speaker:
    """Return the speaker a mention resolves to ('a senior U.S. official' keeps its words, takes USA)."""
    head = span.root
    covers_head = mention.start <= head.idx < mention.end
    if actor is None:
        return Speaker(mention.text, mention.actor_id, None, mention.role, span.start_char, span.end_char)
    if not covers_head and actor.kind != "person":
        name = " ".join(t.text for t in span if t.dep_ != "det")
        return Speaker(name, actor.id, actor.country, None, span.start_char, span.end_char, "speaker:affiliation")
    return Speaker(actor.name, actor.id, actor.country, mention.role or actor.role, span.start_char, span.end_char)


def resolve_speaker(span: Span | None, actors: ActorAnalysis, lex: Lexicon) -> Speaker | None:
    """Return the speaker of a phrase: its actor, the phrase itself, or None for an unresolved pronoun."""
    if span is None or len(span) == 0:
        return None
    head = span.root
    noun = antecedent(head)  # 'Graham, who said …': the mention is 'who', the speaker Graham
    if noun is not None:
        found_speaker = resolve_speaker(speaker_span(noun), actors, lex)
        if found_speaker is not None:
            found_speaker.start, found_speaker.end = span.start_char, span.end_char
            found_speaker.rule = found_speaker.rule or "speaker:relative"
        return found_speaker
    mention = _mention(span, actors)
    if mention is not None:
        return _from_actor(span, mention, actors.actors.get(mention.actor_id))
    if head.lower_ in lex.pronouns and head.pos_ == "PRON":  # the actors stage resolves pronouns; no guessing here
        return Speaker(None, None, None, None, span.start_char, span.end_char, "pronoun:unresolved")
    return Speaker(span.text, None, None, None, span.start_char, span.end_char)
