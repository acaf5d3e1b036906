"""Entry point of the time stage (baseline: the page date is the real date)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Article, TimeAnalysis


def resolve_times(article: Article, doc: Doc) -> TimeAnalysis:
    """Return the article's timexes and its best real-date estimate."""
    if article.page_date:
        return TimeAnalysis(published=article.page_date[:10], evidence="page date")
    return TimeAnalysis()
