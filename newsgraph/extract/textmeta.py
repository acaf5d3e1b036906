"""Metadata of a text dump found in its lines: headline, outlet, displayed page date, byline, credited source.

Each finder looks at the page around the body the line classifier found (``body_start``: index of the
first kept line); the header above the body is where pages print their headline, date and byline.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.extract.dates import cue_kind, find_dates
from newsgraph.extract.linefeatures import chrome_counts

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|&|de|du|la|le|van|von|al|el)){0,5}"
_SUFFIX = re.compile(r"\s*(?:\s[-|–—:»·]\s*|\s?[|–—]\s*|\s-(?=[A-Z]))(" + _NAME + r")\s*$")
_BYLINE = re.compile(r"^(?:by|written by|author:?|words by|reporting by)\s+(" + _NAME + r")", re.I)
_HEADER_SPAN = 12  # lines above the body searched for the headline, the date and the byline


@lru_cache(maxsize=1)
def credit_data() -> dict[str, Any]:
    """Return wire names and credit cues (data/credits.json)."""
    text = resources.files("newsgraph.extract").joinpath("data/credits.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def _words(line: str) -> list[str]:
    """Return the lowercase words of ``line``."""
    return _WORDS.findall(line.lower())


def _norm(line: str) -> str:
    """Return ``line`` reduced to lowercase words, for comparing lines."""
    return " ".join(_words(line))


def _is_chrome(line: str) -> bool:
    """Return True when ``line`` carries a chrome phrase (navigation, appeal, sharing …)."""
    return sum(chrome_counts(_words(line))) > 0


def _title_score(line: str, lines: list[str], norm_counts: Counter[str]) -> float:
    """Return how much ``line`` looks like the headline (0 or less: not a candidate)."""
    words = _words(line)
    if not 3 <= len(words) <= 30 or line.endswith(":") or find_dates(line) or _BYLINE.match(line):
        return 0.0
    score = 1.0
    key = " ".join(words)
    repeats = norm_counts[key] - 1 + sum(1 for other in lines if other != line and key in _norm(other))
    score += min(2.0, float(repeats))
    if line.rstrip().endswith("."):
        score -= 0.8
    if _is_chrome(line) and not repeats:
        score -= 1.5
    if re.search(r"\s[>|/»]\s", line):
        score -= 1.0
    return score


def find_title(lines: list[str], body_start: int, skip: set[int]) -> tuple[int, str] | None:
    """Return the index and text of the headline: the first good heading-like line above the body."""
    norm_counts = Counter(_norm(line) for line in lines)
    lo = max(0, body_start - _HEADER_SPAN)
    candidates = [(i, _title_score(lines[i], lines, norm_counts)) for i in range(lo, body_start) if i not in skip]
    good = [(i, s) for i, s in candidates if s > 0.5]
    if not good:
        return None
    best = max(s for _, s in good)
    i = next(i for i, s in good if s >= best - 1.0)  # the earliest line nearly as good as the best
    return i, _strip_suffix(lines[i])


def _strip_suffix(title: str) -> str:
    """Return ``title`` without a trailing " - Outlet" / " | Outlet" part."""
    m = _SUFFIX.search(title)
    if m and len(_words(title[: m.start()])) >= 3 and len(_words(m.group(1))) <= 5:
        return title[: m.start()].strip()
    return title.strip()


def find_outlet(
    lines: list[str], title_line: int | None, body_start: int, appeal_only: bool = False
) -> tuple[int | None, str] | None:
    """Return the outlet named by the page: an appeal ("Support X!"), a title suffix, or a brand line on top."""
    appeals = credit_data()["outlet_appeals"]
    appeal = re.compile(r"^(?:" + "|".join(map(re.escape, appeals)) + r")\s+(" + _NAME + r")\s*[!.]?$", re.I)
    for i, line in enumerate(lines[: body_start + 1] + lines[-40:]):
        m = appeal.match(line)
        if m and len(_words(m.group(1))) <= 5 and not _is_chrome(m.group(1)):
            return (i if i <= body_start else None), m.group(1)
    if appeal_only:
        return None
    for line in lines[: body_start + 1]:
        m = _SUFFIX.search(line)
        if m and title_line is not None and _norm(lines[title_line]) in _norm(line[: m.start()]):
            return None, m.group(1).strip()
    for i, line in enumerate(lines[: min(3, body_start)]):
        words = _words(line)
        if 1 <= len(words) <= 3 and line[:1].isupper() and not re.search(r"[.!?:,]$", line) \
                and not _is_chrome(line) and not find_dates(line) and i != title_line:
            return i, line.strip()
    return None


def find_page_date(lines: list[str], body_start: int, body_end: int) -> tuple[int, str, str] | None:
    """Return (line index, ISO date, rule) of the displayed page date, preferring a header "published" date."""
    best: tuple[float, int, str, str] | None = None
    for i, line in enumerate(lines):
        in_header = body_start - _HEADER_SPAN <= i <= body_start + 1
        short = len(_words(line)) <= 15
        if not (short or (in_header and len(_words(line)) <= 40)):
            continue  # a date inside a prose paragraph is an event date, not the page's
        for match in find_dates(line)[:1]:
            kind = cue_kind(line)
            score = (2.0 if in_header else 0.5 if i > body_end else 0.0) + (1.0 if short else 0.0)
            score += {"published": 1.5, "updated": -0.5, None: 0.0}[kind]
            score += 0.3 if len(match.value) == 10 else 0.0
            if best is None or score > best[0]:
                best = (score, i, match.value, f"text-date:{match.rule}")
    return (best[1], best[2], best[3]) if best and best[0] >= 1.0 else None


def find_byline(lines: list[str], body_start: int) -> str | None:
    """Return the author named in a "By …" line of the header, or None."""
    for line in lines[max(0, body_start - _HEADER_SPAN) : body_start + 2]:
        m = _BYLINE.match(line.strip())
        if m and len(_words(line)) <= 12:
            return re.sub(r"\s+(?:and|&)$", "", m.group(1)).strip()
    return None


def _wire_name(text: str) -> str | None:
    """Return the canonical wire name when ``text`` is a known wire service."""
    wires = credit_data()["wires"]
    return wires.get(text.strip()) or wires.get(text.strip().removeprefix("The ").strip())


def find_credit(lines: list[str], kept: list[int]) -> str | None:
    """Return the source the page credits: "Source: X", a wire dateline "(Reuters) —", "© … Associated Press"."""
    data = credit_data()
    cues = "|".join(re.escape(c) for c in sorted(data["source_cues"], key=len, reverse=True))
    source_line = re.compile(rf"^(?:{cues})\s*[:\-–—]?\s*(.+?)\s*\.?$", re.I)
    wire_alt = "|".join(re.escape(w) for w in sorted(data["wires"], key=len, reverse=True))
    dateline = re.compile(rf"^(?:[A-Z][\w.,' -]{{0,60}}\s)?\((?:{wire_alt})\)\s*[-–—:]|^(?:{wire_alt})\s+[-–—]\s",)
    copyright_line = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s+)?(?:the\s+)?({wire_alt})\b", re.I)
    for line in lines:
        m = source_line.match(line.strip())
        if m and len(_words(line)) <= 12:
            name = re.split(r"\s[|/]\s|,\s", m.group(1))[0].strip(" .:")
            if name and name.lower() not in data["not_a_source"] and len(_words(name)) <= 6 and name[:1].isupper():
                return _wire_name(name) or name
    for i in kept[:3]:
        m = dateline.match(lines[i])
        if m:
            inner = re.search(rf"\(({wire_alt})\)|^({wire_alt})\s", lines[i])
            if inner:
                return _wire_name(inner.group(1) or inner.group(2))
    for line in lines:
        m = copyright_line.search(line)
        if m and len(_words(line)) <= 40:
            return _wire_name(m.group(1))
    if any(re.match(r"^\(?reporting by\b.*\bediting by\b", line, re.I) for line in lines):
        return "Reuters"  # Reuters' signature sign-off "(Reporting by …; Editing by …)"
    return None
