"""The ECB+ clustering corpus read straight from its tar, and the BCubed / ARI metrics."""

from __future__ import annotations

import re
import tarfile
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from newsgraph.errors import BenchmarkDataError

_TOKEN = re.compile(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')


@dataclass(frozen=True)
class EcbDoc:
    """One ECB+ document: its name, topic (folder), sub-event (topic + ecb/ecbplus) and text."""

    name: str
    topic: int
    subevent: str
    text: str


def load_ecbplus(data: Path) -> list[EcbDoc]:
    """Return the 982 ECB+ documents in name order (sentence 0 of ecbplus docs, the page URL, is dropped)."""
    path = data / "clustering" / "ecbplus.tar.xz"
    if not path.is_file():
        raise BenchmarkDataError(f"missing {path}")
    docs = []
    with tarfile.open(path, "r:xz") as tar:
        for member in tar:
            if not member.name.endswith(".xml") or (fh := tar.extractfile(member)) is None:
                continue
            tokens = _TOKEN.findall(fh.read().decode("utf-8"))
            # the URL line exists only in ecbplus docs: keeping it would give the sub-event label away
            if tokens and tokens[0][1].startswith("http"):
                tokens = [t for t in tokens if t[0] != "0"]
            name = member.name.rsplit("/", 1)[-1]
            topic = int(member.name.split("/")[-2])
            sub = f"{topic}{'+' if 'ecbplus' in name else ''}"
            docs.append(EcbDoc(name, topic, sub, " ".join(t for _, t in tokens)))
    return sorted(docs, key=lambda d: (d.topic, d.name))


def bcubed(pred: Sequence[str], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Return BCubed precision, recall and F1 of a clustering against gold classes."""
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold, strict=True):
        common = len(by_pred[p] & by_gold[g])
        precision += common / len(by_pred[p])
        recall += common / len(by_gold[g])
    n = len(pred) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ari(pred: Sequence[str], gold: Sequence[Hashable]) -> float:
    """Return the adjusted Rand index."""
    return float(adjusted_rand_score([str(g) for g in gold], pred))
