"""Plain-text page dumps: keep the article body, drop navigation and other page chrome.

Baseline rule: a line is content when it reads like prose (enough words, ends like a sentence).
"""

from __future__ import annotations

import re

from newsgraph.records import Article

EXTRACTOR = "textdump-rules@1"
_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]…]$""")


def is_content(line: str) -> bool:
    """Return True when ``line`` reads like article prose."""
    words = line.split()
    return len(words) >= 8 and bool(_SENTENCE_END.search(line))


def extract_textdump(text: str, article: Article) -> None:
    """Fill ``article`` with the body lines of a text dump and record the dropped lines."""
    lines = [line.strip() for line in text.splitlines()]
    kept: list[str] = []
    dropped: list[str] = []
    for line in lines:
        if not line:
            continue
        (kept if is_content(line) else dropped).append(line)
    article.text = "\n".join(kept)
    article.boilerplate = dropped
    article.extractor = EXTRACTOR
    article.title = next((line for line in lines if 3 <= len(line.split()) <= 25), None)
