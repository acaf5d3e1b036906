"""`newsgraph bench quotes`: attributions of PolNeAR (brat standoff Source / Cue / Content), read from the tar.

A predicted quotation matches a gold attribution when its content span (the quotation's words in the
document, quote marks included) covers more than 0.3 (lenient) or 0.8 (strict) of the gold content's
characters; pairs are matched greedily one to one, best coverage first. Figures: P/R/F1 over all
attributions, and over direct quotes only (contents holding a double quotation mark, on both the gold and
the predicted side); speaker accuracy over lenient matches whose gold has a Source: the predicted speaker
mention (the subject as written, a pronoun included, resolved or not) overlaps the gold Source span. The
upstream stages (time, actors) run as in the pipeline; a failure there leaves their empty analysis. Two
dev articles carry several annotators' files: the first file in name order is the gold.
"""

from __future__ import annotations

import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from newsgraph.actors import find_actors
from newsgraph.errors import BenchmarkDataError
from newsgraph.nlp import analyse_many
from newsgraph.quotes.extract import Found, find_quotes
from newsgraph.records import ActorAnalysis, Article, TimeAnalysis
from newsgraph.temporal import resolve_times

DESCRIPTION = "quotes: PolNeAR attributions, content coverage F1 (lenient > 0.3, strict > 0.8), direct, speaker"
ARCHIVE = Path("quotes/polnear.tar.xz")
SPLITS = ("train", "dev", "test")
LENIENT, STRICT = 0.3, 0.8
_QUOTE_MARKS = set("\"“”«»„")

Spans = list[tuple[int, int]]
T = TypeVar("T")


@dataclass
class Gold:
    """One gold attribution: content spans, source spans, whether the content is quoted."""

    content: Spans
    source: Spans = field(default_factory=list)
    direct: bool = False
    cue: Spans = field(default_factory=list)


def _spans(field_: str) -> Spans:
    """Parse brat offsets '12 30;40 52'."""
    out = []
    for part in field_.split(";"):
        a, b = part.split()[-2:]
        out.append((int(a), int(b)))
    return out


def quoted(text: str, spans: Spans) -> bool:
    """Return whether a content holds a double quotation mark (the 'direct quotes' subset, gold and predicted)."""
    return any(ch in _QUOTE_MARKS for a, b in spans for ch in text[a:b])


def parse_ann(ann: str, text: str) -> list[Gold]:
    """Return the attributions of one brat .ann file that have a content span."""
    spans: dict[str, Spans] = {}
    golds = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _spans(parts[1].split(" ", 1)[1])
        elif parts[0].startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a)
            content = [s for k, v in args.items() if k.startswith("Content") for s in spans.get(v, [])]
            if not content:
                continue
            direct = quoted(text, content)
            golds.append(Gold(sorted(content), spans.get(args.get("Source", ""), []), direct,
                              spans.get(args.get("Cue", ""), [])))
    return golds


def load_split(data: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[Gold]]]:
    """Return (name, text, gold attributions) of a PolNeAR split, read straight from the tar."""
    path = data / ARCHIVE
    if not path.is_file():
        raise BenchmarkDataError(f"PolNeAR archive not found: {path}")
    if split not in SPLITS:
        raise BenchmarkDataError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    texts: dict[str, str] = {}
    anns: dict[str, tuple[str, str]] = {}  # article → (first annotation file name, its text)
    with tarfile.open(path, "r:xz") as tar:
        for member in tar:
            name = member.name
            if not member.isfile() or f"/{split}/" not in name:
                continue
            stem = Path(name).stem
            raw = tar.extractfile(member)
            body = raw.read().decode("utf-8") if raw else ""
            if "/text/" in name:
                texts[stem] = body
            elif "/attributions/" in name:
                article = stem.rsplit("_", 1)[0]
                if article not in anns or stem < anns[article][0]:
                    anns[article] = (stem, body)
    names = sorted(n for n in texts if n in anns)[: limit or None]
    return [(n, texts[n], parse_ann(anns[n][1], texts[n])) for n in names]


def _coverage(pred: Spans, gold: Spans) -> float:
    """Return the share of the gold content's characters the prediction covers."""
    total = sum(b - a for a, b in gold)
    inter = sum(max(0, min(b, d) - max(a, c)) for a, b in gold for c, d in pred)
    return inter / total if total else 0.0


def match(preds: list[Spans], golds: list[Spans], threshold: float) -> list[tuple[int, int]]:
    """Return greedy one-to-one (pred, gold) pairs whose coverage exceeds ``threshold``, best first."""
    pairs = [(c, p, g) for p, ps in enumerate(preds) for g, gs in enumerate(golds)
             if (c := _coverage(ps, gs)) > threshold]
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, p, g in sorted(pairs, key=lambda x: -x[0]):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            out.append((p, g))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(a: int | None, b: int | None, spans: Spans) -> bool:
    """Return whether [a, b) overlaps any span."""
    return a is not None and b is not None and any(a < d and c < b for c, d in spans)


@dataclass
class Tally:
    """Counts over the documents of a split."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, n: int) -> None:
        """Add ``n`` to a counter."""
        self.counts[key] = self.counts.get(key, 0) + n


def score_doc(found: list[Found], golds: list[Gold], tally: Tally, text: str) -> None:
    """Add one document's matches to the tally."""
    preds = [f.content for f in found]
    gold_spans = [g.content for g in golds]
    tally.add("pred", len(preds))
    tally.add("gold", len(golds))
    for name, thr in (("lenient", LENIENT), ("strict", STRICT)):
        pairs = match(preds, gold_spans, thr)
        tally.add(f"tp_{name}", len(pairs))
        if name == "lenient":
            with_source = [(p, g) for p, g in pairs if golds[g].source]
            tally.add("speaker_n", len(with_source))
            tally.add("speaker_ok", sum(
                _overlaps(found[p].quote.speaker_start, found[p].quote.speaker_end, golds[g].source)
                for p, g in with_source))
    d_idx = [k for k, f in enumerate(found) if quoted(text, f.content)]
    g_idx = [k for k, g in enumerate(golds) if g.direct]
    tally.add("pred_direct", len(d_idx))
    tally.add("gold_direct", len(g_idx))
    for name, thr in (("lenient", LENIENT), ("strict", STRICT)):
        pairs = match([preds[k] for k in d_idx], [gold_spans[k] for k in g_idx], thr)
        tally.add(f"tp_direct_{name}", len(pairs))


def figures(tally: Tally) -> dict[str, float | int]:
    """Return the benchmark figures from the tally."""
    c = tally.counts
    out: dict[str, float | int] = {"articles": c.get("docs", 0), "gold": c.get("gold", 0),
                                   "predicted": c.get("pred", 0)}
    for name in ("lenient", "strict"):
        p, r, f = _prf(c.get(f"tp_{name}", 0), c.get("pred", 0), c.get("gold", 0))
        out |= {f"all_{name}_precision": p, f"all_{name}_recall": r, f"all_{name}_f1": f}
    for name in ("lenient", "strict"):
        p, r, f = _prf(c.get(f"tp_direct_{name}", 0), c.get("pred_direct", 0), c.get("gold_direct", 0))
        out |= {f"direct_{name}_precision": p, f"direct_{name}_recall": r, f"direct_{name}_f1": f}
    out["gold_direct"] = c.get("gold_direct", 0)
    out["speaker_accuracy"] = c.get("speaker_ok", 0) / c["speaker_n"] if c.get("speaker_n") else 0.0
    return out


def _stage(fn: Callable[[], T], default: T) -> T:
    """Run an upstream stage as the pipeline does: a failure there leaves its empty analysis."""
    try:
        return fn()
    except Exception:  # another stage's bug must not stop this benchmark
        return default


def _quotes(name: str, text: str, doc: Doc, use_actors: bool) -> list[Found]:
    """Run the time, actors and quotes stages over one parsed article."""
    article = Article(id=name, source="polnear", source_name="polnear", text=text)
    times = _stage(lambda: resolve_times(article, doc), TimeAnalysis())
    actors = _stage(lambda: find_actors(article, doc), ActorAnalysis()) if use_actors else ActorAnalysis()
    return find_quotes(article, doc, actors, times)


def evaluate(docs: list[tuple[str, str, list[Gold]]], use_actors: bool = True) -> dict[str, Any]:
    """Run the pipeline's stages over the documents and score the quotations."""
    tally = Tally()
    started = time.perf_counter()
    for (name, text, golds), doc in zip(docs, analyse_many(t for _, t, _ in docs), strict=True):
        score_doc(_quotes(name, text, doc, use_actors), golds, tally, text)
        tally.add("docs", 1)
    out: dict[str, Any] = figures(tally)
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Score the quotes stage on a PolNeAR split (dev unless told)."""
    split = split or "dev"
    out = evaluate(load_split(data, split, limit))
    return {"split": split, **out}
