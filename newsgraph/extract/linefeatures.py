"""Features of the lines of a plain-text page dump, for the content/chrome line classifier.

Each line gets its own shape (length, punctuation, stop words, list marker, chrome phrases), its place in
the page (position, distance to prose, share of the page's prose before it, repetition) and the shape of
its neighbours, so that a short line inside the body and a short line inside a link list look different.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENT_END = re.compile(r"""[.!?…。！？]["'”’»)\]」』]*$""")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_GLUED = re.compile(r"[a-z][A-Z][a-z]|[a-z][.!?][A-Z][a-z]")  # inscriptis glues teaser titles to their blurbs
_LIST_MARK = re.compile(r"^\s*(?:[*+•·▪►●◦‣⁃»>|-]|[–—]|\d{1,3}[.)])\s*")
_DATE = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
_URLISH = re.compile(r"https?://|www\.|\.com\b|@\w|\b\S+@\S+\.\w+", re.I)
_BYLINE = re.compile(r"^(?:by|written by|posted by|von|par)\s+[A-Z]", re.I)
_QUOTE = re.compile(r"[\"“”«»„]")
_SEPARATORS = re.compile(r"\s[|/•·»>]\s|\s[-–—]\s")
_PROSE_WORDS = 12
_MAX_DIST = 30.0
_MAX_PHRASE = 4
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]|_")
_SHORT = 25
_INNER_SENT = re.compile(r"[.!?]\s+[A-Z\"“]")

BASE_NAMES = [
    "log_words", "log_chars", "ends_sentence", "ends_colon", "ends_alnum", "list_marker", "stop_ratio",
    "cap_ratio", "digit_ratio", "punct_ratio", "inner_sentences", "quote", "comma_ratio", "avg_word_len",
    "all_caps", "starts_lower", "byline", "date", "time", "urlish", "separators", "copyright", "prose",
    "cjk_ratio", "glued",
]
CONTEXT_NAMES = ["log_words", "ends_sentence", "list_marker", "stop_ratio", "prose", "chrome", "time", "date",
                 "chrome_comments", "chrome_related"]
CUMULATIVE_NAMES = ["chrome_comments", "chrome_related", "time", "date", "chrome_social", "list_marker"]
OFFSETS = (-4, -3, -2, -1, 1, 2, 3, 4)
WINDOWS = (2, 5, 12)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Return the stop words of data/stopwords.txt."""
    text = resources.files("newsgraph.extract").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def chrome_kinds() -> list[str]:
    """Return the kinds of chrome phrase (data/chrome.json), in file order."""
    return [kind for kind in _chrome_raw() if not kind.startswith("_")]


@lru_cache(maxsize=1)
def _chrome_raw() -> dict[str, list[str]]:
    """Return the chrome phrase lists by kind."""
    text = resources.files("newsgraph.extract").joinpath("data/chrome.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


@lru_cache(maxsize=1)
def chrome_lookup() -> dict[tuple[str, ...], list[int]]:
    """Return, for each chrome phrase as a word tuple, the indices of the kinds it belongs to."""
    table: dict[tuple[str, ...], list[int]] = {}
    for k, kind in enumerate(chrome_kinds()):
        for phrase in _chrome_raw()[kind]:
            table.setdefault(tuple(_WORD.findall(phrase.lower())), []).append(k)
    return table


def chrome_counts(words: list[str]) -> list[float]:
    """Return per kind the number of chrome phrases among the lowercase ``words`` (first 40 words only)."""
    table = chrome_lookup()
    counts = [0.0] * len(chrome_kinds())
    words = words[:40]  # chrome phrases sit in short lines or at the start; long prose need not be scanned
    for size in range(1, _MAX_PHRASE + 1):
        for i in range(len(words) - size + 1):
            for k in table.get(tuple(words[i : i + size]), ()):
                counts[k] += 1.0
    return counts


def feature_names() -> list[str]:
    """Return the names of the feature columns, in order."""
    kinds = chrome_kinds()
    names = BASE_NAMES + [f"chrome_{k}" for k in kinds] + ["chrome"]
    names += ["rel_pos", "log_from_start", "log_from_end", "prose_before", "dist_prose_before", "dist_prose_after",
              "dup_count", "seen_before", "words_vs_max", "page_log_lines", "page_prose_share"]
    names += [f"{name}@{off}" for off in OFFSETS for name in CONTEXT_NAMES]
    names += [f"{name}~{w}" for w in WINDOWS for name in ("prose", "log_words", "chrome", "list_marker")]
    names += [f"{name}<" for name in CUMULATIVE_NAMES] + [f"{name}>" for name in CUMULATIVE_NAMES]
    return names


@lru_cache(maxsize=8192)  # navigation lines repeat across the pages of a site
def _line_base(line: str, stop: frozenset[str]) -> list[float]:
    """Return the features of one line that do not depend on the page."""
    words = _WORD.findall(line)
    cjk = len(_CJK.findall(line))
    # a run of CJK characters is one regex "word": count about two characters a word instead
    n_words = len(words) + (cjk // 2 if cjk else 0)
    n_chars = len(line)
    lower = line.lower()
    lower_words = _WORD.findall(lower)
    nw = n_words or 1
    digits = len(_DIGIT.findall(line))
    punct = len(_PUNCT.findall(line))
    short = n_words <= _SHORT  # the date, time, URL and byline cues matter on short lines only
    ends_sentence = 1.0 if _SENT_END.search(line) else 0.0
    chrome = chrome_counts(lower_words)
    prose = 1.0 if n_words >= _PROSE_WORDS and ends_sentence else 0.0
    base = [
        math.log1p(n_words), math.log1p(n_chars), ends_sentence, float(line.endswith(":")),
        float(bool(line) and line[-1].isalnum()), float(bool(_LIST_MARK.match(line))),
        len([w for w in lower_words if w in stop]) / nw, len([w for w in words if w[0].isupper()]) / nw,
        digits / (n_chars or 1), punct / (n_chars or 1), float(len(_INNER_SENT.findall(line))),
        float(bool(_QUOTE.search(line))), line.count(",") / nw, sum(map(len, words)) / nw,
        float(n_words > 0 and line.upper() == line and any(ch.isalpha() for ch in line)),
        float(bool(line) and line[0].islower()), float(bool(_BYLINE.match(line)) and n_words <= 8),
        float(short and bool(_DATE.search(line))), float(short and bool(_TIME.search(line))),
        float(short and bool(_URLISH.search(line))),
        float(len(_SEPARATORS.findall(line))), float("©" in line or "(c)" in lower), prose,
        cjk / (n_chars or 1), float(len(_GLUED.findall(line))),
    ]
    return base + chrome + [sum(chrome) / math.sqrt(nw)]


def _distances(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return, per line, the distance to the nearest flagged line before it and after it (capped)."""
    n = len(flags)
    before = np.full(n, _MAX_DIST)
    after = np.full(n, _MAX_DIST)
    last = -1
    for i in range(n):
        if last >= 0:
            before[i] = min(_MAX_DIST, i - last)
        if flags[i]:
            last = i
    last = -1
    for i in range(n - 1, -1, -1):
        if last >= 0:
            after[i] = min(_MAX_DIST, last - i)
        if flags[i]:
            last = i
    return before, after


def _window_mean(col: np.ndarray, w: int) -> np.ndarray:
    """Return the mean of ``col`` over a window of ±w lines (the line itself excluded)."""
    padded = np.concatenate([[0.0], np.cumsum(col)])
    n = len(col)
    idx = np.arange(n)
    lo = np.clip(idx - w, 0, n)
    hi = np.clip(idx + w + 1, 0, n)
    total = padded[hi] - padded[lo] - col
    count = (hi - lo - 1).clip(min=1)
    return np.asarray(total / count)


def line_features(lines: list[str]) -> np.ndarray:
    """Return the feature matrix (one row per line) of the non-empty, stripped ``lines`` of one page."""
    stop = _stopwords()
    n = len(lines)
    width = len(feature_names())
    if n == 0:
        return np.zeros((0, width), dtype=np.float32)
    base = np.array([_line_base(line, stop) for line in lines], dtype=np.float64)
    col = {name: base[:, i] for i, name in enumerate(BASE_NAMES)}
    col.update({f"chrome_{k}": base[:, len(BASE_NAMES) + i] for i, k in enumerate(chrome_kinds())})
    col["chrome"] = base[:, -1]
    prose = col["prose"]
    n_words = np.expm1(col["log_words"])
    idx = np.arange(n, dtype=np.float64)
    prose_words = n_words * prose
    cum = np.cumsum(prose_words) - prose_words
    total_prose = prose_words.sum() or 1.0
    dist_before, dist_after = _distances(prose > 0)
    counts = Counter(lines)
    seen: set[str] = set()
    seen_before = np.zeros(n)
    for i, line in enumerate(lines):
        seen_before[i] = float(line in seen)
        seen.add(line)
    page = np.column_stack([
        idx / max(1, n - 1), np.log1p(idx), np.log1p(n - 1 - idx), cum / total_prose,
        dist_before, dist_after, np.array([counts[line] for line in lines], dtype=np.float64), seen_before,
        n_words / (n_words.max() or 1.0), np.full(n, math.log1p(n)), np.full(n, prose.mean()),
    ])
    ctx_cols = np.column_stack([col[name] for name in CONTEXT_NAMES])
    pad = np.full((len(OFFSETS) and max(abs(o) for o in OFFSETS), len(CONTEXT_NAMES)), -1.0)
    padded = np.vstack([pad, ctx_cols, pad])
    k = len(pad)
    context = np.hstack([padded[k + off : k + off + n] for off in OFFSETS])
    windows = np.column_stack([
        _window_mean(col[name], w) for w in WINDOWS for name in ("prose", "log_words", "chrome", "list_marker")
    ])
    flags = np.column_stack([(col[name] > 0).astype(np.float64) for name in CUMULATIVE_NAMES])
    above = np.log1p(np.cumsum(flags, axis=0) - flags)  # how much chrome of each kind lies above the line
    below = np.log1p(np.cumsum(flags[::-1], axis=0)[::-1] - flags)
    return np.hstack([base, page, context, windows, above, below]).astype(np.float32)
