"""An in-memory column index of the events, kept by the REST API per store: event lists, the timeline and the dyad
series are answered from integer codes with numpy instead of scanning a million strings per request.

Rows are held in the list order (newest first, undated last, ties by id), so the matches of a filter are already a
page in order. The index is built on first use and rebuilt when the store file changes (a read-only server's store
cannot change while it is open, but the check is one ``stat``).
"""

from __future__ import annotations

import bisect
import math
import os
import re
import threading
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsgraph.actors.query import ActorCounts, actor_counts
from newsgraph.api.plover import score
from newsgraph.errors import BadParameterError
from newsgraph.events.query import EventFilters
from newsgraph.quotes.query import QuoteFilters, merged_outlets
from newsgraph.store import Store

# a date of at least the bucket's precision; unresolved TIMEX values ("XXXX-WXX-5", "2022-W03") are undated here
_PRECISE = {10: re.compile(r"^\d{4}-\d{2}-\d{2}"), 7: re.compile(r"^\d{4}-\d{2}")}
_LOAD = """SELECT e.id, e.date, e.event_type, e.mode, e.source, e.target, coalesce(e.negated, FALSE) AS negated,
  e.article_id, lower(a.outlet) AS outlet
FROM events e LEFT JOIN articles a ON a.id = e.article_id
ORDER BY (CASE WHEN e.date < ':' THEN e.date END) DESC NULLS LAST, e.id"""
_LOAD_QUOTES = """SELECT q.id, q.date, q.speaker_id, lower(q.speaker) AS speaker, q.kind,
  coalesce(q.sources, 0) AS sources, q.article_id, lower(a.outlet) AS outlet
FROM quotes q LEFT JOIN articles a ON a.id = q.article_id
ORDER BY (CASE WHEN q.date < ':' THEN q.date END) DESC NULLS LAST, q.id"""


def bucket(date: str | None, width: int) -> str | None:
    """Return the bucket (day: width 10, month: 7) of a stored date, or None when it is not precise enough."""
    return date[:width] if date and _PRECISE[width].match(date) else None


@dataclass
class Codes:
    """A dictionary-encoded column: ``codes[i]`` indexes the sorted ``values``; -1 is NULL."""

    codes: np.ndarray
    values: list[str]

    def code(self, value: str | None) -> int:
        """Return the code of ``value`` (-2, matching no row, when absent)."""
        i = bisect.bisect_left(self.values, value) if value is not None else len(self.values)
        return i if i < len(self.values) and self.values[i] == value else -2

    def among(self, values: tuple[str, ...]) -> np.ndarray:
        """Return the rows whose value is one of ``values`` (a lookup table: faster than ``np.isin``)."""
        table = np.zeros(len(self.values) + 1, dtype=bool)  # the last entry is NULL's (code -1)
        for v in values:
            if (c := self.code(v)) >= 0:
                table[c] = True
        return table[self.codes]


def encode(column: pa.ChunkedArray | pa.Array, values: list[str] | None = None) -> Codes:
    """Dictionary-encode a string column against sorted ``values`` (default: its own distinct values)."""
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    enc = pc.dictionary_encode(arr)
    seen = enc.dictionary.to_pylist()
    values = sorted(seen) if values is None else values
    where = {v: i for i, v in enumerate(values)}
    remap = np.array([where[v] for v in seen] + [-1], dtype=np.int32)
    idx = enc.indices.fill_null(len(seen)).to_numpy(zero_copy_only=False)
    return Codes(remap[idx], values)


class Dated:
    """Rows with a date column: date filters and buckets as the SQL has them."""

    def __init__(self, date: Codes) -> None:
        self.date = date
        self._buckets: dict[int, tuple[np.ndarray, list[str]]] = {}

    def _dates(self, keep: np.ndarray, since: str | None, until: str | None) -> None:
        """Narrow ``keep`` to dates in [since, until] as the SQL does (string order; 'X…' values never match)."""
        dates = self.date.values
        if since is not None:
            lo, hi = bisect.bisect_left(dates, since), bisect.bisect_left(dates, ":")
            keep &= (self.date.codes >= lo) & (self.date.codes < hi)
        if until is not None:
            keep &= (self.date.codes >= 0) & (self.date.codes < bisect.bisect_right(dates, until + "~"))

    def buckets(self, width: int) -> tuple[np.ndarray, list[str]]:
        """Per row, its bucket's number (``len(labels)`` when not dated to the bucket's precision); the labels."""
        if width not in self._buckets:
            labels = sorted({b for d in self.date.values if (b := bucket(d, width)) is not None})
            where = {b: i for i, b in enumerate(labels)}
            undated = len(labels)
            of_date = [where.get(bucket(d, width) or "", undated) for d in self.date.values]
            # a NULL date's code -1 takes the last entry
            self._buckets[width] = np.array([*of_date, undated], dtype=np.int32)[self.date.codes], labels
        return self._buckets[width]


class QuoteIndex(Dated):
    """The quotations as integer codes in list order (newest first, undated last, ties by id)."""

    def __init__(self, table: pa.Table) -> None:
        super().__init__(encode(table["date"]))
        self.ids: pa.Array = table["id"].combine_chunks()
        self.speaker = encode(table["speaker_id"])
        self.name = encode(table["speaker"])  # lower-cased in SQL, as the query compares it
        self.kind = encode(table["kind"])
        self.sources = table["sources"].to_numpy()
        self.article = encode(table["article_id"])
        self.outlet = encode(table["outlet"])

    def select(self, f: QuoteFilters, limit: int | None, offset: int) -> tuple[list[str], int] | None:
        """Return (ids of one page newest first, number of matches), or None for words of a text or a name."""
        if f.contains or (f.speaker and f.speaker_match != "exact"):
            return None
        keep = np.ones(len(self.ids), dtype=bool)
        if f.speaker:
            keep &= (self.speaker.codes == self.speaker.code(f.speaker)) | (self.name.codes == self.name.code(
                f.speaker.lower()))
        self._dates(keep, f.since, f.until)
        if f.outlet:
            keep &= self.outlet.codes == self.outlet.code(f.outlet.lower())
        if f.kind:
            keep &= self.kind.codes == self.kind.code(f.kind)
        if f.min_sources:
            keep &= self.sources >= f.min_sources
        if f.article:
            keep &= self.article.codes == self.article.code(f.article)
        rows = np.flatnonzero(keep)
        page = rows[offset:] if limit is None else rows[offset:offset + limit]
        return self.ids.take(pa.array(page, type=pa.int64())).to_pylist(), int(rows.size)

    @classmethod
    def load(cls, cur: duckdb.DuckDBPyConnection) -> QuoteIndex:
        """Read the indexed columns of every quotation."""
        return cls(cur.sql(_LOAD_QUOTES).to_arrow_table())

    def per_bucket(self, width: int, speaker: str | None = None, since: str | None = None, until: str | None = None,
                   outlet: str | None = None) -> dict[str, int]:
        """Quotations per bucket (by ``speaker`` id, dates, outlet); those not dated to the bucket are left out."""
        keep = np.ones(len(self.date.codes), dtype=bool)
        if speaker:
            keep &= self.speaker.codes == self.speaker.code(speaker)
        if outlet:
            keep &= self.outlet.codes == self.outlet.code(outlet.lower())
        self._dates(keep, since, until)
        of_row, labels = self.buckets(width)
        counts = np.bincount(of_row[keep], minlength=len(labels) + 1)[:-1].tolist()
        return {label: n for label, n in zip(labels, counts, strict=True) if n}


class EventIndex(Dated):
    """The events as integer codes in list order."""

    def __init__(self, table: pa.Table) -> None:
        super().__init__(encode(table["date"]))
        self.ids: pa.Array = table["id"].combine_chunks()
        self.type = encode(table["event_type"])
        self.mode = encode(table["mode"])
        actors = sorted({*pc.unique(table["source"]).drop_null().to_pylist(),
                         *pc.unique(table["target"]).drop_null().to_pylist()})
        self.source = encode(table["source"], actors)
        self.target = encode(table["target"], actors)
        self.actors = actors
        self.article = encode(table["article_id"])
        self.outlet = encode(table["outlet"])
        self.negated = table["negated"].to_numpy()
        self._scores = self._score_table()
        self._cells: dict[int, np.ndarray] = {}  # per row: bucket * (types + 1) + type, by bucket width
        self._pairs = self._pair_codes()
        self._types = np.where(self.type.codes < 0, len(self.type.values), self.type.codes).astype(np.int32)

    @classmethod
    def load(cls, cur: duckdb.DuckDBPyConnection) -> EventIndex:
        """Read the indexed columns of every event."""
        return cls(cur.sql(_LOAD).to_arrow_table())

    def __len__(self) -> int:
        return len(self.ids)

    def mask(self, f: EventFilters) -> np.ndarray | None:
        """Return the rows matching ``f``, or None for a filter the index does not hold (words of a name)."""
        if f.actor_name:
            return None
        keep = np.ones(len(self), dtype=bool)
        if not f.include_negated:
            keep &= ~self.negated
        if f.actor:
            a = self.source.code(f.actor)
            keep &= (self.source.codes == a) | (self.target.codes == a)
        if f.source:
            keep &= self.source.codes == self.source.code(f.source)
        if f.target:
            keep &= self.target.codes == self.target.code(f.target)
        if f.types is not None:
            keep &= self.type.among(f.types)
        if f.dyad is not None:
            a, b = self.source.code(f.dyad[0]), self.source.code(f.dyad[1])
            if a == b:
                keep &= (self.source.codes == a) & (self.target.codes == a)
            else:
                keep &= self.source.among(f.dyad) & self.target.among(f.dyad)
                keep &= self.source.codes != self.target.codes
        self._dates(keep, f.since, f.until)
        if f.outlet:
            keep &= self.outlet.codes == self.outlet.code(f.outlet.lower())
        if f.article:
            keep &= self.article.codes == self.article.code(f.article)
        return keep

    def matching(self, f: EventFilters) -> np.ndarray:
        """Return the rows matching ``f`` (filters of the REST API, which the index always holds)."""
        keep = self.mask(f)
        if keep is None:
            raise BadParameterError("events can be matched by actor id here, not by words of a name")
        return keep

    def select(self, filters: EventFilters, limit: int | None, offset: int) -> tuple[list[str], int] | None:
        """Return (ids of one page newest first, number of matches), or None when the index cannot answer."""
        keep = self.mask(filters)
        if keep is None:
            return None
        rows = np.flatnonzero(keep)
        page = rows[offset:] if limit is None else rows[offset:offset + limit]
        return self.ids.take(pa.array(page, type=pa.int64())).to_pylist(), int(rows.size)

    # --- aggregates -----------------------------------------------------------------------------------------
    def per_bucket(self, keep: np.ndarray, width: int) -> dict[str, Any]:
        """Events per bucket by type, the types seen, and the number not dated to the bucket's precision."""
        of_row, labels = self.buckets(width)
        n_types = len(self.type.values) + 1  # NULL type as the last code
        if width not in self._cells:
            self._cells[width] = of_row * n_types + self._types
        cells = self._cells[width]
        grid = np.bincount(cells if keep.all() else cells[keep], minlength=(len(labels) + 1) * n_types)
        grid = grid.reshape(len(labels) + 1, n_types)
        names: list[str | None] = [*self.type.values, None]
        out = []
        for label, row in zip(labels, grid[:-1].tolist(), strict=True):  # lists: numpy scalars are slow one by one
            if counts := {names[t]: n for t, n in enumerate(row) if n}:
                out.append((label, counts))
        return {"buckets": out, "undated": int(grid[-1].sum()),
                "types": [names[t] for t in np.flatnonzero(grid.sum(axis=0))]}

    def involving(self, actor: str) -> tuple[np.ndarray, np.ndarray]:
        """Return the rows where ``actor`` is the source, and those where it is the target."""
        a = self.source.code(actor)
        return self.source.codes == a, self.target.codes == a

    def per_month(self, keep: np.ndarray) -> dict[str, int]:
        """Events per month (those dated to the month at least)."""
        of_row, labels = self.buckets(7)
        counts = np.bincount(of_row[keep], minlength=len(labels) + 1)[:-1].tolist()
        return {label: n for label, n in zip(labels, counts, strict=True) if n}

    def partners(self, keep: np.ndarray, other: str) -> list[dict[str, Any]]:
        """The actors on the ``other`` side ("source" or "target") of the rows ``keep``: events, events by type,
        summed PLOVER score (unscored counts 0) and the latest date, most events first."""
        codes = (self.source if other == "source" else self.target).codes
        rows = np.flatnonzero(keep & (codes >= 0))
        who, types, dates = codes[rows], self.type.codes[rows], self.date.codes[rows]
        scores = np.nan_to_num(self._scores[types, self.mode.codes[rows]])
        out: dict[int, dict[str, Any]] = {}
        n_types = len(self.type.values) + 1
        per_type = np.bincount(who.astype(np.int64) * n_types + self._types[rows], minlength=len(self.actors) * n_types)
        sums = np.bincount(who, weights=scores, minlength=len(self.actors))
        last = self._latest(who, dates)
        names: list[str | None] = [*self.type.values, None]
        for w in np.unique(who).tolist():
            counts = per_type[w * n_types:(w + 1) * n_types].tolist()
            out[w] = {"id": self.actors[w], "events": sum(counts),
                      "types": {names[t]: n for t, n in enumerate(counts) if n}, "score_sum": float(sums[w]),
                      "last": self.date.values[last[w]] if last[w] >= 0 else None}
        return sorted(out.values(), key=lambda p: (-p["events"], p["id"]))

    def _latest(self, who: np.ndarray, dates: np.ndarray) -> np.ndarray:
        """Per actor code, the greatest date code among its rows (-1: none); ``np.maximum.at`` is slow."""
        n_dates = len(self.date.values) + 1  # shifted by one: NULL (-1) becomes 0
        if len(self.actors) * n_dates > 1 << 24:
            last = np.full(len(self.actors), -1, dtype=np.int64)
            np.maximum.at(last, who, dates)
            return last
        cells = np.bincount(who.astype(np.int64) * n_dates + dates + 1, minlength=len(self.actors) * n_dates)
        seen = cells.reshape(len(self.actors), n_dates) > 0
        # the last column with a row, minus the shift; an actor without rows gets -1
        return np.where(seen.any(axis=1), n_dates - 1 - np.argmax(seen[:, ::-1], axis=1), 0) - 1

    def _pair_codes(self) -> np.ndarray:
        """Per row, its unordered actor pair as min * n + max of the codes (-1: no pair, or self-directed).

        The actor dictionary is sorted, so the min and max of codes are the min and max of ids.
        """
        src, tgt = self.source.codes.astype(np.int64), self.target.codes.astype(np.int64)
        pairs = np.minimum(src, tgt) * len(self.actors) + np.maximum(src, tgt)
        return np.where((src >= 0) & (tgt >= 0) & (src != tgt), pairs, -1)

    def _score_table(self) -> np.ndarray:
        """PLOVER score of each (type code, mode code) pair, NaN where unscored; NULL codes are the last rows."""
        table = np.full((len(self.type.values) + 1, len(self.mode.values) + 1), np.nan)
        for i, t in enumerate(self.type.values):
            for j, m in enumerate([*self.mode.values, None]):
                s = score(t, m)
                table[i, j] = math.nan if s is None else s
        return table

    def dyads(self, keep: np.ndarray, width: int, top: int) -> list[dict[str, Any]]:
        """The ``top`` unordered actor pairs by events, each with events, summed and mean score per bucket."""
        n = len(self.actors)
        rows = np.flatnonzero(keep & (self._pairs >= 0))
        pair = self._pairs[rows]
        if n * n <= 1 << 22:  # counting into a table beats sorting a million pairs
            per_pair = np.bincount(pair, minlength=n * n)
            found = np.flatnonzero(per_pair)
            counts = per_pair[found]
        else:
            found, counts = np.unique(pair, return_counts=True)
        order = np.lexsort((found, -counts))[:top]  # most events first, ties by the pair's ids
        chosen = [int(p) for p in found[order]]
        of_row, labels = self.buckets(width)
        out = []
        for p in chosen:
            mine = rows[pair == p]
            b = of_row[mine]
            s = self._scores[self.type.codes[mine], self.mode.codes[mine]]
            dated = b < len(labels)
            events = np.bincount(b[dated], minlength=len(labels))
            sums = np.bincount(b[dated], weights=np.nan_to_num(s[dated]), minlength=len(labels))
            scored = np.bincount(b[dated], weights=~np.isnan(s[dated]), minlength=len(labels))
            series = [{"date": labels[i], "events": e, "score": sm, "mean": round(sm / sc, 3) if sc else None}
                      for i, e, sm, sc in zip(range(len(labels)), events.tolist(), sums.tolist(), scored.tolist(),
                                              strict=True) if e]
            out.append({"a": self.actors[p // n], "b": self.actors[p % n], "events": int(mine.size),
                        "series": series})
        return out


def _per_article(cur: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    """Count each article's quotes, events and mentions: one grouped scan per table."""
    out: dict[str, dict[str, int]] = {}
    for table in ("quotes", "events", "mentions"):  # names from code
        for article_id, n in cur.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall():
            out.setdefault(article_id, {"quotes": 0, "events": 0, "mentions": 0})[table] = n
    return out


def _stamp(path: str) -> tuple[int, ...]:
    """Size and modification time of a store file and its write-ahead log: they change when the store does."""
    out: list[int] = []
    for name in (path, path + ".wal"):
        try:
            st = os.stat(name)
            out += [st.st_size, st.st_mtime_ns]
        except OSError:
            out += [-1, -1]
    return tuple(out)


class StoreIndex:
    """The indexes of one open store, built on first use and rebuilt when the store file changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._events: EventIndex | None = None
        self._quotes: QuoteIndex | None = None
        self._counts: ActorCounts | None = None
        self._per_article: dict[str, dict[str, int]] | None = None
        self._outlets: dict[str, list[str]] | None = None
        self._positions: tuple[ActorCounts | None, dict[str, int]] | None = None
        self._stamp: tuple[int, ...] = ()

    def _fresh(self) -> None:
        """Forget what was built from an older version of the store file (call with the lock held)."""
        stamp = _stamp(self.store.path)
        if stamp != self._stamp:
            self._events, self._quotes, self._counts, self._per_article, self._outlets = None, None, None, None, None
            self._stamp = stamp

    def events(self) -> EventIndex:
        """Return the event index (one request builds it; concurrent ones wait for it)."""
        with self._lock:
            self._fresh()
            if self._events is None:
                cur = self.store.cursor()
                try:
                    self._events = EventIndex.load(cur)
                finally:
                    cur.close()
            return self._events

    def actor_position(self, actor_id: str) -> int | None:
        """Return the position of an actor in ``actor_counts()`` (None: not in the actors table)."""
        with self._lock:
            if self._positions is None or self._positions[0] is not self._counts:
                counts = self._counts
                self._positions = (counts, {a: i for i, a in enumerate(counts.ids)} if counts else {})
            return self._positions[1].get(actor_id)

    def quotes(self) -> QuoteIndex:
        """Return the quotation index."""
        with self._lock:
            self._fresh()
            if self._quotes is None:
                cur = self.store.cursor()
                try:
                    self._quotes = QuoteIndex.load(cur)
                finally:
                    cur.close()
            return self._quotes

    def actor_counts(self) -> ActorCounts:
        """Return every actor's counts (for ``list_actors``)."""
        with self._lock:
            self._fresh()
            if self._counts is None:
                cur = self.store.cursor()
                try:
                    self._counts = actor_counts(cur)
                finally:
                    cur.close()
            return self._counts

    def article_counts(self) -> dict[str, dict[str, int]]:
        """Return {article id: {"quotes": n, "events": n, "mentions": n}} for articles with any record."""
        with self._lock:
            self._fresh()
            if self._per_article is None:
                cur = self.store.cursor()
                try:
                    self._per_article = _per_article(cur)
                finally:
                    cur.close()
            return self._per_article

    def quote_outlets(self) -> dict[str, list[str]]:
        """Return {canonical quote id: outlets of every article carrying it} (for ``list_quotes``)."""
        with self._lock:
            self._fresh()
            if self._outlets is None:
                cur = self.store.cursor()
                try:
                    self._outlets = merged_outlets(cur)
                finally:
                    cur.close()
            return self._outlets

    def warm(self) -> None:
        """Build every index now."""
        self.events()
        self.quotes()
        self.actor_counts()
        self.article_counts()
        self.quote_outlets()

    def select(self, filters: EventFilters, limit: int | None, offset: int) -> tuple[list[str], int] | None:
        """Answer an event selection from the index (the ``EventSelector`` of ``query_events``)."""
        return self.events().select(filters, limit, offset)
