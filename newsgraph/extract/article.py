"""Dispatch a RawDocument to the HTML or the text-dump extractor and build the Article."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlparse

from newsgraph.errors import NoContentError
from newsgraph.extract.html import extract_html
from newsgraph.extract.textdump import extract_textdump
from newsgraph.records import Article, RawDocument
from newsgraph.sources.decode import decode_text


def source_name(uri: str) -> str:
    """Return the file name part of a path or URL (the export's ``source_name``)."""
    path = urlparse(uri).path if "://" in uri else uri
    return PurePosixPath(path.split("#", 1)[0]).name or uri


def extract_article(raw: RawDocument) -> Article:
    """Return the clean Article of ``raw``; raises a BadInputError subclass on bad input."""
    text = decode_text(raw.data)
    article = Article(id=raw.id, source=raw.uri, source_name=source_name(raw.uri), media_type=raw.media_type)
    if raw.media_type == "text/html":
        extract_html(text, article, url=raw.hints.get("url"))
    else:
        extract_textdump(text, article)
    _apply_hints(article, raw.hints)
    if not article.text.strip():
        raise NoContentError("no article text found in the document")
    return article


def _apply_hints(article: Article, hints: dict[str, str]) -> None:
    """Fill metadata given by the container (JSONL fields, WARC target URI) where extraction found none."""
    if hints.get("url"):
        article.url = hints["url"]
    if hints.get("outlet"):  # the container's explicit outlet beats a guess from the page
        article.outlet = hints["outlet"]
    if hints.get("date") and not article.page_date:
        article.page_date = hints["date"]
    if hints.get("title") and not article.title:
        article.title = hints["title"]
    if not article.outlet and article.url:
        host = urlparse(article.url).hostname or ""
        article.outlet = host.removeprefix("www.") or None
