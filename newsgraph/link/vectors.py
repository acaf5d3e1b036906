"""Word tokens, passage fingerprints and TF-IDF term vectors of article texts (no spaCy: linking reads the store)."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SHINGLE = 5  # words per shingle: long enough that shared 5-grams mean a shared passage, not a phrase
SAMPLE_MOD = 4  # keep the shingle hashes divisible by this (Broder's mod-m sample: containment stays unbiased)
_MASK = (1 << 63) - 1  # fingerprints fit DuckDB's signed BIGINT
_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                  0x85EBCA77C2B2AE63], dtype=np.uint64)

Vector = dict[str, float]


def words(text: str) -> list[str]:
    """Return the lowercase word tokens of ``text``."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    """Return a stable 32-bit hash of a word (Python's str hash changes between processes)."""
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    """Return the stable 63-bit hashes of every word 5-gram of ``tokens`` (in text order)."""
    if len(tokens) < SHINGLE:
        return np.zeros(0, dtype=np.int64)
    ids = np.fromiter((_word_hash(w) for w in tokens), dtype=np.uint64, count=len(tokens))
    n = len(tokens) - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # multiplication modulo 2**64 is the hash
        for k in range(SHINGLE):
            acc = (acc ^ (ids[k : k + n] * _MULT[k])) * np.uint64(0xFF51AFD7ED558CCD)
            acc ^= acc >> np.uint64(29)
    return (acc & np.uint64(_MASK)).astype(np.int64)


def fingerprints(hashes: np.ndarray) -> np.ndarray:
    """Return the distinct sampled shingle hashes (the passage fingerprints stored in the index)."""
    return np.unique(hashes[hashes % SAMPLE_MOD == 0])


def is_term(word: str) -> bool:
    """Tell whether a token counts for topical similarity (content words and years, not stop words)."""
    if len(word) < 2 or word in STOP_WORDS:
        return False
    if word.isdigit():
        return len(word) == 4 and word[:2] in ("19", "20")  # years separate recurring happenings
    return not any(ch.isdigit() for ch in word)


def term_counts(tokens: Iterable[str]) -> Counter[str]:
    """Return the counts of the content terms among ``tokens``."""
    return Counter(w for w in tokens if is_term(w))


PROPER_BOOST = 1  # extra count for a capitalised mid-sentence token: names, places and titles tell happenings apart
_CAPITAL = re.compile(r"(?<![.!?\n\"“] )(?<!^)\b[A-Z][^\W_]+")


# The lede counts twice: a news article's first sentence names who did what where, the rest adds background
# that other stories share. Chosen on the odd ECB+ topics (bench clustering, repeated 2-fold cross-validation
# over them) among 15 … 150 words: 25–35 gained about 0.01 topic F1 there, shorter and longer leads nothing.
LEAD_WORDS = 30


def text_counts(text: str, title: str | None = None) -> Counter[str]:
    """Return the weighted term counts of an article: words, plus a boost for names, the lede and the title."""
    tokens = words(text)
    counts = term_counts(tokens)
    counts.update(term_counts(tokens[:LEAD_WORDS]))
    names = Counter(w.lower() for w in _CAPITAL.findall(text))
    for term, n in names.items():
        if term in counts:
            counts[term] += PROPER_BOOST * n
    if title:
        counts.update(term_counts(words(title)))
    return counts


# The IDF enters squared: rare names and places then outweigh the event-type words ("earthquake", "charged")
# that unrelated happenings share. Chosen on the odd ECB+ topics (bench clustering, average-link over the
# vectors and the shipped clusterer) among powers 1, 1.5, 2, 2.5 and 3.
IDF_POWER = 2


def idf(df: int, n_docs: int) -> float:
    """Return the smoothed inverse document frequency of a term seen in ``df`` of ``n_docs`` documents."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def tfidf(counts: Mapping[str, int], df: Mapping[str, int], n_docs: int, top_k: int) -> Vector:
    """Return the unit-length sublinear TF-IDF² vector of ``counts``, truncated to its ``top_k`` heaviest terms."""
    weights = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), n_docs) ** IDF_POWER for t, c in counts.items()}
    if len(weights) > top_k:
        weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top_k])
    return normalise(weights)


def normalise(vec: Mapping[str, float]) -> Vector:
    """Return ``vec`` scaled to unit length (an empty vector stays empty)."""
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Return the dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
