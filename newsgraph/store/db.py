"""The DuckDB store: open (creating and migrating the schema), write per-document results, read.

DuckDB connections are not safe to share between threads: each thread or request takes its own
``Store.cursor()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.errors import NotFoundError, SchemaVersionError, StoreError
from newsgraph.records import Actor, Article, DocResult, Event, Mention, Quote, RawDocument, Timex

DEFAULT_DB = "newsgraph.duckdb"
_ARTICLE_COLUMNS = [f.name for f in fields(Article) if f.name not in ("error", "error_code")]
_ACTOR_SCHEMA = pa.schema([("id", pa.string()), ("name", pa.string()), ("kind", pa.string()),
                           ("country", pa.string()), ("sector", pa.string()), ("role", pa.string()),
                           ("aliases", pa.list_(pa.string()))])


class _Batch:
    """The rows of a batch of new documents, gathered to be inserted one statement per table."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.actors: dict[str, Actor] = {}
        self.rows: dict[str, list[Any]] = {"mentions": [], "timexes": [], "quotes": [], "events": []}
        self._record_ids: dict[str, set[str]] = {"quotes": set(), "events": set()}

    def add(self, doc_id: str, result: DocResult) -> None:
        """Gather one document's records (a failed document has none)."""
        self.ids.add(doc_id)
        if result.article.error:
            return
        for actor in result.actors:
            self._merge_actor(actor)
        self.rows["mentions"] += result.mentions
        self.rows["timexes"] += result.timexes
        for table, records in (("quotes", result.quotes), ("events", result.events)):
            seen = self._record_ids[table]
            for rec in records:  # a repeated id is ignored, as INSERT OR IGNORE does across batches
                if rec.id not in seen:
                    seen.add(rec.id)
                    self.rows[table].append(rec)

    def _merge_actor(self, actor: Actor) -> None:
        """Fold an actor into the batch's one of that id: aliases joined, first known fields kept."""
        have = self.actors.get(actor.id)
        if have is None:
            self.actors[actor.id] = replace(actor, aliases=list(actor.aliases))
            return
        have.aliases = sorted(set(have.aliases) | set(actor.aliases))
        have.country = have.country or actor.country
        have.sector = have.sector or actor.sector
        have.role = have.role or actor.role


def migrations() -> list[tuple[str, str]]:
    """Return the (name, SQL) migrations shipped with the package, in order."""
    folder = resources.files("newsgraph.store") / "migrations"
    items = sorted((f.name, f.read_text("utf-8")) for f in folder.iterdir() if f.name.endswith(".sql"))
    return [(name.removesuffix(".sql"), sql) for name, sql in items]


class Store:
    """A newsgraph DuckDB file."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()
        self._check_version()

    # --- schema ---------------------------------------------------------------------------------
    def _migrate(self) -> None:
        """Apply the shipped migrations this file has not seen yet."""
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        done = {r[0] for r in self.con.execute("SELECT key FROM meta WHERE key LIKE 'migration:%'").fetchall()}
        for name, sql in migrations():
            if f"migration:{name}" in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(sql)
            self.con.execute("INSERT INTO meta VALUES (?, current_timestamp::VARCHAR)", [f"migration:{name}"])
            self.con.execute("COMMIT")

    def _check_version(self) -> None:
        """Refuse a file written by a newer newsgraph (it has migrations this version lacks)."""
        try:
            rows = self.con.execute("SELECT key FROM meta WHERE key LIKE 'migration:%'").fetchall()
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path} is not a newsgraph store") from exc
        known = {f"migration:{name}" for name, _ in migrations()}
        unknown = sorted(r[0] for r in rows if r[0] not in known)
        if unknown:
            raise SchemaVersionError(f"{self.path} has schema changes unknown to this version: {unknown}")

    @property
    def schema_version(self) -> int:
        """Return the number of migrations applied."""
        row = self.con.execute("SELECT count(*) FROM meta WHERE key LIKE 'migration:%'").fetchone()
        return int(row[0]) if row else 0

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """Return a cursor for use in one thread."""
        return self.con.cursor()

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writes ---------------------------------------------------------------------------------
    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Return the subset of document ids already stored."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE list_contains(?, id)", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def write_results(self, items: Iterable[tuple[RawDocument, DocResult]]) -> int:
        """Store a batch of per-document results in one transaction; return how many were new."""
        batch = _Batch()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for raw, result in items:
                if raw.id in batch.ids or self.con.execute("SELECT 1 FROM documents WHERE id = ?", [raw.id]).fetchone():
                    continue
                self._write_document(raw, result)
                batch.add(raw.id, result)
            self.upsert_actors(list(batch.actors.values()))
            for table, cls in (("mentions", Mention), ("timexes", Timex), ("quotes", Quote), ("events", Event)):
                self._insert_rows(table, cls, batch.rows[table])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(batch.ids)

    def _write_document(self, raw: RawDocument, result: DocResult) -> None:
        """Insert one document's row and, unless it failed, its article (inside the caller's transaction)."""
        art = result.article
        status = "error" if art.error else "ok"
        self.con.execute(
            "INSERT INTO documents (id, source, source_name, media_type, size, status, error_code, error, warnings)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [raw.id, art.source, art.source_name, raw.media_type, len(raw.data), status, art.error_code,
             art.error, result.stage_errors],
        )
        if art.error:
            return
        values = asdict(art)
        cols = ", ".join(f'"{c}"' for c in _ARTICLE_COLUMNS)
        marks = ", ".join("?" for _ in _ARTICLE_COLUMNS)
        self.con.execute(f"INSERT INTO articles ({cols}) VALUES ({marks})", [values[c] for c in _ARTICLE_COLUMNS])

    def _insert_rows(self, table: str, cls: type, rows: Sequence[Any]) -> None:
        """Insert dataclass rows into ``table`` (its columns are the dataclass fields) in one statement.

        One INSERT … SELECT from an Arrow table: DuckDB's executemany runs one statement per row, which cost
        more than the whole linguistic analysis of a batch of short articles.
        """
        if not rows:
            return
        names = [f.name for f in fields(cls)]
        data = pa.table({n: [getattr(r, n) for r in rows] for n in names})
        cols = ", ".join(f'"{n}"' for n in names)
        ignore = " OR IGNORE" if table in ("quotes", "events") else ""
        self.con.register("ng_rows", data)
        try:
            self.con.execute(f"INSERT{ignore} INTO {table} ({cols}) SELECT {cols} FROM ng_rows")
        finally:
            self.con.unregister("ng_rows")

    def upsert_actor(self, actor: Actor) -> None:
        """Insert an actor, or merge its aliases (and missing fields) into the stored one."""
        self.upsert_actors([actor])

    def upsert_actors(self, actors: Sequence[Actor]) -> None:
        """Insert actors (distinct ids), or merge their aliases (and missing fields) into the stored ones."""
        if not actors:
            return
        names = [f.name for f in fields(Actor)]
        data = pa.table({n: [sorted(set(a.aliases)) if n == "aliases" else getattr(a, n) for a in actors]
                         for n in names}, schema=_ACTOR_SCHEMA)
        self.con.register("ng_actors", data)
        try:
            self.con.execute(
                """INSERT INTO actors SELECT id, name, kind, country, sector, role, aliases FROM ng_actors
                   ON CONFLICT (id) DO UPDATE SET
                     aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases))),
                     country = coalesce(actors.country, excluded.country),
                     sector = coalesce(actors.sector, excluded.sector),
                     role = coalesce(actors.role, excluded.role)""")
        finally:
            self.con.unregister("ng_actors")

    # --- reads ----------------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query and return rows as dicts."""
        cur = self.con.execute(sql, list(params or []))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def article(self, article_id: str) -> dict[str, Any]:
        """Return one article (by id or unique id prefix) with its records."""
        rows = self.query("SELECT * FROM articles WHERE id = ? OR id LIKE ? || '%' LIMIT 2", [article_id, article_id])
        if len(rows) != 1:
            problem = "is ambiguous" if rows else "matches no article"
            raise NotFoundError(f"article id {article_id!r} {problem}")
        art = rows[0]
        aid = art["id"]
        art["mentions"] = self.query("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", [aid])
        art["timexes"] = self.query("SELECT * FROM timexes WHERE article_id = ? ORDER BY start", [aid])
        art["quotes"] = self.query("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", [aid])
        art["events"] = self.query("SELECT * FROM events WHERE article_id = ? ORDER BY start", [aid])
        return art

    def iter_rows(self, sql: str, params: Sequence[Any] | None = None, size: int = 1000) -> Iterator[dict[str, Any]]:
        """Stream the rows of a query as dicts, ``size`` at a time."""
        cur = self.cursor()
        cur.execute(sql, list(params or []))
        names = [d[0] for d in cur.description or []]
        while batch := cur.fetchmany(size):
            for row in batch:
                yield dict(zip(names, row, strict=True))

    def counts(self) -> dict[str, int]:
        """Return the number of rows of the main tables."""
        out = {}
        for table in ("documents", "articles", "actors", "mentions", "timexes", "quotes", "events", "stories"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (and create or migrate) a newsgraph store."""
    if read_only and not Path(path).exists():
        raise NotFoundError(f"no store at {path}: run `newsgraph ingest PATH --db {path}` first")
    return Store(path, read_only=read_only)
