"""`newsgraph bench textdump`: line-classifier body extraction from text dumps, cross-validated by page.

Score: 4-word-shingle precision/recall/F1 of the kept lines against the gold ``articleBody``
(``f1`` as ScrapingHub computes it, from mean precision and mean recall; ``f1_page_mean`` also given).
The figures are held out: each page is scored by a model trained (both stages) without it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from threadpoolctl import threadpool_limits

from newsgraph.bench._shingles import ground_truth, prf, summarise, textdump_pages
from newsgraph.extract.lineclass import MODEL_FILE
from newsgraph.extract.training import cross_validated_scores, fit_stacked, page_data, save_model

DESCRIPTION = "text-dump body extraction (line classifier, 5-fold CV by page): 4-word-shingle F1 vs articleBody"
FOLDS = 5


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, float | int | str]:
    """Return the cross-validated shingle figures on the first ``limit`` pages (all by default)."""
    pages = textdump_pages(data)[:limit] if limit else textdump_pages(data)
    gold = ground_truth(data)
    with threadpool_limits(1):  # OpenMP threads thrash on a shared machine; one thread is faster there
        lines, xs, ys = page_data(pages)
        scores = cross_validated_scores(xs, ys, folds=FOLDS)
    kept = ["\n".join(ln for ln, p in zip(ls, s, strict=True) if p >= 0.5) for ls, s in zip(lines, scores, strict=True)]
    figures: dict[str, float | int | str] = dict(
        summarise(prf(text, gold[page["id"]]["articleBody"]) for text, page in zip(kept, pages, strict=True)))
    keep_all = summarise(prf("\n".join(ls), gold[p["id"]]["articleBody"]) for ls, p in zip(lines, pages, strict=True))
    figures["keep_all_f1"] = keep_all["f1"]
    figures["evaluation"] = f"{min(FOLDS, len(pages))}-fold cross-validation by page"
    return figures


def train(data: Path) -> dict[str, float | int | str]:
    """Train both stages on all benchmark pages and write the shipped model file."""
    with threadpool_limits(1):
        _, xs, ys = page_data(textdump_pages(data))
        model = fit_stacked(xs, ys)
    path = Path(str(resources.files("newsgraph.extract").joinpath(MODEL_FILE)))
    save_model(model, path)
    return {"pages": len(xs), "lines": sum(len(y) for y in ys), "model": str(path),
            "size_kb": round(path.stat().st_size / 1024, 1)}
