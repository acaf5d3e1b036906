"""The per-document pipeline (a pure function of a RawDocument) and the batch runner.

``process_document`` composes the stages of DESIGN.md; it never raises for bad input: the error is
recorded on the article. ``ingest`` runs it over many documents, in-process or in a process pool, and
stores each batch in one transaction, skipping documents already stored (idempotent and resumable).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from newsgraph.actors import find_actors
from newsgraph.errors import BadInputError, ProcessingError
from newsgraph.events import extract_events
from newsgraph.executors import ResultFuture, make_executor
from newsgraph.extract import extract_article
from newsgraph.extract.article import source_name
from newsgraph.nlp import analyse_many
from newsgraph.quotes import extract_quotes
from newsgraph.records import ActorAnalysis, Article, DocResult, RawDocument, TimeAnalysis
from newsgraph.sources import DEFAULT_MAX_BYTES, iter_documents
from newsgraph.store import Store, open_store
from newsgraph.temporal import resolve_times

BATCH_SIZE = 32
T = TypeVar("T")


def _failed(raw: RawDocument, code: str, message: str) -> DocResult:
    """Return the result of a document that could not be processed."""
    art = Article(id=raw.id, source=raw.uri, source_name=source_name(raw.uri), media_type=raw.media_type)
    art.error, art.error_code = message, code
    return DocResult(article=art)


def process_document(raw: RawDocument, nlp: bool = True) -> DocResult:
    """Run every per-document stage over ``raw``; ``nlp=False`` stops after extraction."""
    return process_batch([raw], nlp=nlp)[0]


def process_batch(raws: list[RawDocument], nlp: bool = True) -> list[DocResult]:
    """Run the stages over several documents, parsing their texts in one spaCy ``pipe`` batch."""
    results = [_extract(raw) for raw in raws]
    parsed = [r for r in results if not r.article.error]
    if not nlp:
        for result in parsed:
            result.article.published = (result.article.page_date or "")[:10] or None
            result.article.published_evidence = "page date" if result.article.published else None
        return results
    for result, doc in zip(parsed, analyse_many(r.article.text for r in parsed), strict=True):
        _analyse(result, doc)
    return results


def _extract(raw: RawDocument) -> DocResult:
    """Extract the article of ``raw``; a bad document becomes a result carrying its error."""
    if raw.error:
        return _failed(raw, raw.error_code or BadInputError.code, raw.error)
    try:
        return DocResult(article=extract_article(raw))
    except BadInputError as err:
        return _failed(raw, err.code, err.message)
    except Exception as exc:  # a bug in an extractor must not kill the batch
        return _failed(raw, ProcessingError.code, f"extraction failed: {exc!r}")


def _analyse(result: DocResult, doc: Doc) -> None:
    """Run the analysis stages over one parsed article, in the order of DESIGN.md."""
    article = result.article
    actors = _run_stage(result, "actors", lambda: find_actors(article, doc), ActorAnalysis())
    result.actors, result.mentions = list(actors.actors.values()), actors.mentions
    times = _run_stage(result, "time", lambda: resolve_times(article, doc, actors), TimeAnalysis())
    article.published = times.published
    article.published_evidence = times.evidence
    article.written_from, article.written_until = times.written_from, times.written_until
    result.timexes = times.timexes
    result.quotes = _run_stage(result, "quotes", lambda: extract_quotes(article, doc, actors, times), [])
    result.events = _run_stage(result, "events", lambda: extract_events(article, doc, actors, times), [])


def _run_stage(result: DocResult, name: str, fn: Callable[[], T], default: T) -> T:
    """Run one analysis stage; on a bug, record it as a warning on the document and go on."""
    try:
        return fn()
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        result.stage_errors.append(f"{ProcessingError.code} {name} stage failed: {exc!r} at {where}")
        return default


@dataclass
class IngestReport:
    """What one ingest run did."""

    seen: int = 0
    new: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (source, code, message)
    interrupted: bool = False

    @property
    def articles_per_second(self) -> float:
        """Return the throughput of this run."""
        return self.new / self.seconds if self.seconds else 0.0


def _batches(docs: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    """Yield lists of ``size`` documents."""
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | Store,
    workers: int = 1,
    nlp: bool = True,
    link: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[IngestReport], None] | None = None,
    scheduler: str | None = None,
) -> IngestReport:
    """Ingest files, folders or '-' into the store ``db``; safe to interrupt and run again.

    ``workers`` > 1 runs the stages in a process pool; ``scheduler`` (a Dask address) on a cluster.
    """
    store = db if isinstance(db, Store) else open_store(db)
    report = IngestReport()
    started = time.perf_counter()
    new_ids: list[str] = []
    pool = make_executor(workers, scheduler)
    try:
        pending: list[tuple[list[RawDocument], ResultFuture]] = []
        for batch in _batches(iter_documents(paths, max_bytes=max_bytes), batch_size):
            report.seen += len(batch)
            known = store.known_ids([d.id for d in batch])
            fresh = _unique([d for d in batch if d.id not in known])
            report.skipped += len(batch) - len(fresh)
            if pool is None:
                _store_batch(store, fresh, process_batch(fresh, nlp), report, new_ids)
            else:
                pending.append((fresh, pool.submit(process_batch, fresh, nlp)))
                while len(pending) > pool.parallelism * 2:  # bounded: memory stays flat on any input size
                    docs, fut = pending.pop(0)
                    _store_batch(store, docs, fut.result(), report, new_ids)
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)
        for docs, fut in pending:
            _store_batch(store, docs, fut.result(), report, new_ids)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        if pool is not None:
            pool.close()
        report.seconds = time.perf_counter() - started
    if link and new_ids and not report.interrupted:
        _link(store, new_ids, report)
    if not isinstance(db, Store):
        store.close()
    return report


def _unique(docs: list[RawDocument]) -> list[RawDocument]:
    """Drop repeated ids within one batch (the same content twice in the input)."""
    seen: set[str] = set()
    out = []
    for d in docs:
        if d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


def _store_batch(
    store: Store, docs: list[RawDocument], results: list[DocResult], report: IngestReport, new_ids: list[str]
) -> None:
    """Write one batch in one transaction and account for it in ``report``."""
    report.new += store.write_results(zip(docs, results, strict=True))
    for res in results:
        if res.article.error:
            report.failed += 1
            report.errors.append((res.article.source, res.article.error_code or "", res.article.error))
        else:
            new_ids.append(res.article.id)


def _link(store: Store, new_ids: list[str], report: IngestReport) -> None:
    """Run incremental cross-document linking over the new articles, if the link stage provides it."""
    try:
        from newsgraph.link import link_articles
    except ImportError:
        return
    link_articles(store, new_ids)
