"""Entry point of the actors stage (baseline: spaCy entities as provisional actors)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.records import Actor, ActorAnalysis, Article, Mention

_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "state"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def find_actors(article: Article, doc: Doc) -> ActorAnalysis:
    """Return the actors mentioned in ``doc`` and each mention's resolution."""
    result = ActorAnalysis()
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            continue
        actor_id = f"{kind}:{_slug(ent.text)}"
        actor = result.actors.setdefault(actor_id, Actor(id=actor_id, name=ent.text, kind=kind))
        if ent.text not in actor.aliases:
            actor.aliases.append(ent.text)
        result.mentions.append(
            Mention(article.id, ent.start_char, ent.end_char, ent.text, actor_id, rule="ner", confidence=0.5)
        )
    return result
