"""Quotes stage: direct, indirect and mixed quotations attributed to actors."""

from newsgraph.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
