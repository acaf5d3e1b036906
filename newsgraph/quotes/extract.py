"""Entry point of the quotes stage."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import ActorAnalysis, Article, Quote, TimeAnalysis


def extract_quotes(article: Article, doc: Doc, actors: ActorAnalysis, times: TimeAnalysis) -> list[Quote]:
    """Return the quotations of ``doc`` with speakers and dates."""
    return []
