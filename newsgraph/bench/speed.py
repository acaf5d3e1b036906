"""`newsgraph bench speed`: articles per second per core and peak memory of ingest.

Each configuration runs in a fresh process (so peak RSS is that run's alone) over the HTML benchmark
pages, with and without the NLP stages, at growing corpus sizes (pages are repeated with a marker line
so that every copy is a new document).
"""

from __future__ import annotations

import gzip
import multiprocessing as mp
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph.errors import BenchmarkDataError

DESCRIPTION = "ingest throughput (articles/s per core) and peak memory, with and without NLP"


def _make_corpus(pages: list[Path], size: int, folder: Path) -> None:
    """Write ``size`` distinct HTML documents made from the benchmark pages."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        html = gzip.decompress(pages[i % len(pages)].read_bytes())
        marker = f"<!-- copy {i // len(pages)} -->".encode()
        (folder / f"{i:06d}.html").write_bytes(html + marker)


def _ingest_child(folder: str, nlp: bool, queue: Any) -> None:
    """Ingest ``folder`` in this (fresh) process and report time and peak memory."""
    from newsgraph.pipeline import ingest

    if nlp:
        from newsgraph.nlp import load_nlp

        load_nlp()  # model loading is a fixed cost, not per-article throughput
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = ingest([folder], Path(tmp) / "speed.duckdb", nlp=nlp, link=False)
        seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"docs": report.new, "seconds": seconds, "peak_mb": peak_kb / 1024})


def _measure(folder: Path, nlp: bool) -> dict[str, float]:
    """Run one configuration in a fresh process."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_ingest_child, args=(str(folder), nlp, queue))
    proc.start()
    result: dict[str, float] = queue.get()
    proc.join()
    return result


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Measure ingest speed and memory at several corpus sizes."""
    pages = sorted((data / "html" / "pages").glob("*.html.gz"))
    if not pages:
        raise BenchmarkDataError(f"no pages in {data / 'html' / 'pages'}")
    sizes = [limit] if limit else [len(pages), 4 * len(pages)]
    figures: dict[str, Any] = {"cores": os.cpu_count() or 1, "workers": 1}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"n{size}"
            _make_corpus(pages, size, folder)
            for nlp in (False, True):
                m = _measure(folder, nlp)
                key = f"{'nlp' if nlp else 'extract_only'}_n{size}"
                figures[f"{key}_articles_per_s"] = round(m["docs"] / m["seconds"], 2)
                figures[f"{key}_peak_mb"] = round(m["peak_mb"], 1)
    return figures
