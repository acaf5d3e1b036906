"""Store: the DuckDB file, its schema and migrations, writes, queries and export writers."""

from newsgraph.store.db import DEFAULT_DB, Store, open_store

__all__ = ["DEFAULT_DB", "Store", "open_store"]
