"""Quotation marks: the spans of text between opening and closing marks, in any quote style.

Straight and curly double quotes, «guillemets», „low-high“ quotes and single quotes are recognised. A
quotation that runs over several paragraphs repeats its opening mark at the start of each paragraph and
closes only at the end (the news convention): those paragraphs form one region. Single quotes count only
outside a double-quoted region (inside one they are nested quotes) and only when they close in the same
paragraph, since an apostrophe looks the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# opening mark → the marks that close it
DOUBLE = {"“": "”\"", "«": "»", "„": "“”", "\"": "\"”", "‹": "›", "「": "」", "»": "«"}
SINGLE = {"‘": "’", "'": "'"}
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Region:
    """One quotation between marks: its outer span and its inner text pieces (one per paragraph)."""

    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark, or the paragraph end when the mark never closes
    pieces: list[tuple[int, int]] = field(default_factory=list)  # inner spans, without the marks
    closed: bool = True

    def words(self, text: str) -> int:
        """Return the number of words inside the marks."""
        return sum(len(text[s:e].split()) for s, e in self.pieces)


def _opens_single(text: str, k: int, lo: int) -> bool:
    """Return whether the single quote at ``k`` opens a quotation rather than being an apostrophe."""
    before = text[k - 1] if k > lo else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return not before.isalnum() and (after.isalnum() or after in "“\"")


def _closes_single(text: str, k: int) -> bool:
    """Return whether the single quote at ``k`` closes a quotation (not 'Trump's')."""
    after = text[k + 1] if k + 1 < len(text) else " "
    return not after.isalnum() and not text[k - 1].isspace()


def _scan_paragraph(text: str, lo: int, hi: int, carry: Region | None) -> tuple[list[Region], Region | None]:
    """Return the closed regions of one paragraph, and the region still open at its end."""
    out: list[Region] = []
    cur, closers, inner = carry, (DOUBLE.get(text[carry.start], "”\"") if carry else ""), lo
    depth = 0
    k = lo
    while k < hi:
        ch = text[k]
        if ch == "\"" and k > lo and text[k - 1] == "=":  # markup attribute (id="…"), not a quotation
            k = text.find("\"", k + 1, hi) + 1 or hi
            continue
        if cur is None:
            if ch in DOUBLE and ch != "»" or _reversed_opening(text, k, lo, hi):
                cur, closers, inner, depth = Region(start=k, end=k), DOUBLE.get(ch, "”\""), k + 1, 0
            elif ch in SINGLE and _opens_single(text, k, lo):
                end = _single_end(text, k, hi)
                if end is not None:
                    out.append(Region(start=k, end=end + 1, pieces=[(k + 1, end)]))
                    k = end
        elif (ch in closers or _slipped_close(text, k, cur, hi)) and depth == 0 and not (ch == "\"" and k == inner):
            cur.pieces.append((inner, k))
            cur.end = k + 1
            out.append(cur)
            cur = None
        elif ch in DOUBLE and ch not in closers and ch != "»":
            depth += 1  # a nested quotation in another style
        elif depth and any(ch in DOUBLE[o] for o in DOUBLE if o not in closers):
            depth -= 1
        k += 1
    if cur is not None:
        cur.pieces.append((inner, hi))
        cur.end = hi
    return out, cur


def _slipped_close(text: str, k: int, cur: Region, hi: int) -> bool:
    """Return whether a left double mark closes the quotation it opened ('“review“ of …', a typesetting slip)."""
    return text[k] == "“" and text[cur.start] == "“" and k > cur.start + 1 and not text[k - 1].isspace() \
        and (k + 1 >= hi or not text[k + 1].isalnum())


def _reversed_opening(text: str, k: int, lo: int, hi: int) -> bool:
    """Return whether a right double mark opens a quotation ('”Fear. I am afraid.”', a common typesetting slip)."""
    return text[k] == "”" and (k == lo or text[k - 1].isspace()) and k + 1 < hi and text[k + 1].isalnum()


def _single_end(text: str, k: int, hi: int) -> int | None:
    """Return the offset of the mark closing the single quote opened at ``k`` in its paragraph."""
    close = SINGLE[text[k]]
    j = text.find(close, k + 1, hi)
    while j >= 0:
        if _closes_single(text, j):
            return j
        j = text.find(close, j + 1, hi)
    return None


def _continues(text: str, para_start: int) -> bool:
    """Return whether a paragraph opens with a double quotation mark (a quotation carried on)."""
    return text[para_start] in DOUBLE and text[para_start] != "»"


def find_regions(text: str) -> list[Region]:
    """Return the quotations between marks in ``text``, in order."""
    regions: list[Region] = []
    carry: Region | None = None
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    for idx, (lo, hi) in enumerate(paragraphs):
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if carry is not None and _continues(text, lo):
            lo += 1  # the repeated opening mark of a quotation running over paragraphs
        elif carry is not None:
            carry.closed = False
            regions.append(carry)
            carry = None
        closed, carry = _scan_paragraph(text, lo, hi, carry)
        regions.extend(closed)
        if carry is not None and idx + 1 < len(paragraphs) and not _continues(text, paragraphs[idx + 1][0]):
            carry.closed = False
            regions.append(carry)
            carry = None
    if carry is not None:
        carry.closed = False
        regions.append(carry)
    return sorted(regions, key=lambda r: r.start)
