"""REST API (FastAPI, OpenAPI at /docs) and the browser UI over a newsgraph store, read-only."""

from newsgraph.api.app import create_app

__all__ = ["create_app"]
