"""Plain-text page dumps: keep the article body, drop navigation and other page chrome, find the metadata.

The body comes from the trained line classifier (``lineclass``); headline, outlet, page date, byline and
credited source from the lines around it (``textmeta``). Every non-empty input line that is not in the
body goes to ``article.boilerplate``.
"""

from __future__ import annotations

import re

import numpy as np

from newsgraph.extract import textmeta
from newsgraph.extract.lineclass import load_model
from newsgraph.records import Article

_WORDS = re.compile(r"\w+")
_MIN_REPEAT_WORDS = 8
_PROSE = re.compile(r"""[.!?…。！？]["'”’»)]*$""")
_PROSE_WORDS = 8  # a repeated paragraph this long is a duplication, not a refrain


def classify_lines(lines: list[str]) -> np.ndarray:
    """Return, for each non-empty stripped line, the probability that it is article content."""
    return load_model().scores(lines)


def _dedupe(kept: list[int], lines: list[str]) -> tuple[list[int], list[int]]:
    """Split kept line indices into (unique, duplicates): a paragraph printed twice is kept once."""
    seen: set[str] = set()
    unique: list[int] = []
    dupes: list[int] = []
    previous = ""
    for i in kept:
        key = " ".join(_WORDS.findall(lines[i].lower()))
        long_enough = len(key.split()) >= _MIN_REPEAT_WORDS
        if key == previous or (long_enough and key in seen):
            dupes.append(i)
            continue
        seen.add(key)
        unique.append(i)
        previous = key
    return unique, dupes


def extract_textdump(text: str, article: Article) -> None:
    """Fill ``article`` with the body lines and metadata of a text dump and record the dropped lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    model = load_model()
    scores = model.scores(lines)
    kept = [i for i, p in enumerate(scores) if p >= model.threshold]
    if not kept:  # a bare snippet without page context: keep what reads like prose
        kept = [i for i, line in enumerate(lines) if _PROSE.search(line) and len(line.split()) >= _PROSE_WORDS]
    kept, _ = _dedupe(kept, lines)  # the duplicates go to the boilerplate with everything else dropped
    body_start = kept[0] if kept else len(lines)
    body_end = kept[-1] if kept else len(lines)
    article.extractor = model.version
    date = textmeta.find_page_date(lines, body_start, body_end)
    skip = {date[0]} if date else set()
    outlet = textmeta.find_outlet(lines, None, body_start, appeal_only=True)  # keeps "Support X!" off the title
    if outlet and outlet[0] is not None:
        skip.add(outlet[0])
    title = textmeta.find_title(lines, body_start, skip)
    if title is None and kept and len(kept) > 1 and len(lines[kept[0]].split()) <= 25:
        title = (kept[0], lines[kept[0]])  # a headline the classifier kept as the body's first line
    if title and title[0] in kept:
        kept.remove(title[0])  # the headline is metadata, not body text
    if outlet is None:
        outlet = textmeta.find_outlet(lines, title[0] if title else None, body_start)
    kept_set = set(kept)
    article.text = "\n".join(lines[i] for i in kept)
    article.boilerplate = [line for i, line in enumerate(lines) if i not in kept_set]
    article.title = title[1] if title else None
    article.outlet = outlet[1] if outlet else None
    article.page_date = date[1] if date else None
    article.byline = textmeta.find_byline(lines, body_start)
    article.original_outlet = textmeta.find_credit(lines, kept)
