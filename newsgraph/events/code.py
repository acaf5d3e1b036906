"""Entry point of the PLOVER event coder."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import ActorAnalysis, Article, Event, TimeAnalysis


def extract_events(article: Article, doc: Doc, actors: ActorAnalysis, times: TimeAnalysis) -> list[Event]:
    """Return the PLOVER events of ``doc``."""
    return []
