"""HTML pages: trafilatura for the body, title and site name; htmldate for the original page date."""

from __future__ import annotations

import logging

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

from newsgraph.records import Article

MIN_BODY_WORDS = 5
EXTRACTOR = "trafilatura@" + getattr(trafilatura, "__version__", "?")

# trafilatura and htmldate log every odd page at WARNING; the per-document error is what counts
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def page_date(html: str, url: str | None = None) -> str | None:
    """Return the page's original publication date (htmldate, extensive search), or None."""
    try:
        return find_date(html, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on some malformed trees; a missing date is not an error
        return None


def extract_html(html: str, article: Article, url: str | None = None) -> None:
    """Fill ``article`` with the body text and metadata of ``html``."""
    # tables are part of many articles (scores, figures); `fast` skips the readability/jusText fallbacks,
    # which on the HTML benchmark add more page chrome than missed text (F1 0.957 → 0.962, and faster)
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, fast=True, with_metadata=True
    )
    article.extractor = EXTRACTOR
    if isinstance(doc, dict):  # the declared return type is Document | dict (as_dict); normalise
        doc = Document.from_dict(doc)
    if doc is None:
        article.text = ""
        return
    body = doc.text or ""
    text = "\n".join(line.strip() for line in body.splitlines() if line.strip())
    # a "body" of a few words is a menu link trafilatura fell back to, not an article
    article.text = text if len(text.split()) >= MIN_BODY_WORDS else ""
    article.title = doc.title or None
    article.outlet = doc.sitename or None
    article.byline = doc.author or None
    article.url = url or doc.url or None
    article.language = doc.language or None
    article.page_date = page_date(html, url) or doc.date or None
