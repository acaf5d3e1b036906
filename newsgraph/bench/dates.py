"""`newsgraph bench dates`: page publication dates of the 200 pages of htmldate's "mediacloud 2020" set.

Each page is read as a WARC record would give it (the page bytes plus its URL), through the same reader
and extractor as ``newsgraph ingest``; the score is the share of pages whose ``page_date`` equals the
gold date (a page with no date found counts as wrong).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsgraph.bench._shingles import read_gz_text
from newsgraph.errors import BadInputError, BenchmarkDataError
from newsgraph.extract.article import extract_article
from newsgraph.records import RawDocument
from newsgraph.sources.readers import content_id

DESCRIPTION = "page publication date (200 mediacloud pages): share of exact dates"


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, float | int | str]:
    """Return the share of pages of the first ``limit`` (all by default) whose page date is the gold date."""
    gold = json.loads((data / "dates" / "gold.json").read_text(encoding="utf-8"))
    items = sorted(gold.items())[:limit] if limit else sorted(gold.items())
    correct = found = 0
    started = time.perf_counter()
    for url, entry in items:
        path = data / "dates" / "pages" / f"{entry['file']}.gz"
        if not path.is_file():
            raise BenchmarkDataError(f"missing benchmark page {path}")
        data_bytes = read_gz_text(path).encode("utf-8")
        raw = RawDocument(id=content_id(data_bytes), uri=str(path), data=data_bytes, media_type="text/html",
                          hints={"url": url})
        try:
            date = extract_article(raw).page_date
        except BadInputError:  # no body; the date is still what the page shows, so take it directly
            date = None
        found += date is not None
        correct += (date or "")[:10] == entry["date"]
    n = len(items) or 1
    return {"accuracy": round(correct / n, 4), "found": round(found / n, 4), "pages": len(items),
            "pages_per_s": round(len(items) / (time.perf_counter() - started), 1)}
