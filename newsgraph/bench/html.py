"""`newsgraph bench html`: body extraction from the 181 HTML pages of the ScrapingHub benchmark.

Each page goes through the same reader and extractor as ``newsgraph ingest`` (gzip and media-type
detection, charset detection, trafilatura); the body is scored against the gold ``articleBody`` with
the 4-word-shingle metric. A page the extractor rejects (no body) scores 0.
"""

from __future__ import annotations

import time
from pathlib import Path

from newsgraph.bench._shingles import ground_truth, prf, summarise
from newsgraph.errors import BadInputError, BenchmarkDataError
from newsgraph.extract.article import extract_article
from newsgraph.sources.readers import iter_documents

DESCRIPTION = "HTML body extraction (181 ScrapingHub pages): 4-word-shingle F1 vs articleBody"


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, float | int | str]:
    """Return the shingle figures of the extracted bodies of the first ``limit`` pages (all by default)."""
    gold = ground_truth(data)
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    scores, failed = [], 0
    started = time.perf_counter()
    for page_id in ids:
        path = data / "html" / "pages" / f"{page_id}.html.gz"
        if not path.is_file():
            raise BenchmarkDataError(f"missing benchmark page {path}")
        text = ""
        for raw in iter_documents([path]):
            try:
                text = extract_article(raw).text
            except BadInputError:
                failed += 1
        scores.append(prf(text, gold[page_id]["articleBody"]))
    figures: dict[str, float | int | str] = dict(summarise(scores))
    figures["no_body"] = failed
    figures["pages_per_s"] = round(len(ids) / (time.perf_counter() - started), 1)
    return figures
