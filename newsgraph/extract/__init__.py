"""Extract stage: clean body text and metadata from a RawDocument."""

from newsgraph.extract.article import extract_article

__all__ = ["extract_article"]
