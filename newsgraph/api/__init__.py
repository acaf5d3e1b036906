"""REST API (FastAPI, OpenAPI at /docs) and the browser UI over a newsgraph store, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db: str | Path, cache_entries: int = 1024) -> FastAPI:
    """Return the app serving the store ``db`` read-only (see ``newsgraph.api.app.create_app``)."""
    # imported here: the query functions use newsgraph.api.sql, and the CLI should not load FastAPI for them
    from newsgraph.api.app import create_app as make

    return make(db, cache_entries=cache_entries)


__all__ = ["create_app"]
