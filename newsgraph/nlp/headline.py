"""Headlines in title case, read as the parser reads running text.

The small English pipeline tags nearly every capitalised word of 'Japan Signs Nuclear Deal With U.S.' as a
proper noun, so a title-case headline yields no verb and no event. Before parsing, the common words of such
a line (``data/headline_words.txt``) are put in lower case; the parse is then carried back onto the original
text, so every offset and every string the later stages see is the article's own. Truecasing libraries need a
statistical model and its data; this narrow rule needs neither: only title-case lines change, only listed words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

HEADLINE_WORDS = Path(__file__).parent / "data" / "headline_words.txt"
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)*")
MIN_WORDS = 4  # shorter lines ('Home', 'World News') are menus and bylines, not headlines
TITLE_SHARE = 0.7  # of a line's common words of four letters or more, this share or more start with a capital
_ATTRS = [POS, TAG, DEP, HEAD, LEMMA, MORPH, ENT_IOB, ENT_TYPE]
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
             ("ing", "e"))


@lru_cache(maxsize=1)
def headline_words() -> frozenset[str]:
    """Return the words a title-case headline should read in lower case."""
    lines = HEADLINE_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _common(word: str) -> bool:
    """Tell whether a lower-case word is a listed word or an inflected form of one ('signs', 'urged')."""
    words = headline_words()
    if word in words:
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if stem in words or len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:  # 'banned'
                return True
    return False


def _title_case(line: str) -> bool:
    """Tell whether a line is written in title case: its common words are capitalised (names are in any text,
    so 'Egyptian President Hosni Mubarak received ...' is not)."""
    start = len(line) - len(line.lstrip())
    words = list(_WORD.finditer(line))
    # the line's first word is capitalised in any style ('U.S. Accuses …' starts with a name, not a word)
    common = [m.group() for m in words if m.start() > start and len(m.group()) >= 4 and _common(m.group().lower())]
    capital = sum(w[0].isupper() for w in common)
    return len(words) >= MIN_WORDS and capital >= 1 and capital >= TITLE_SHARE * len(common)


def recase(text: str) -> str | None:
    """Return ``text`` with the common words of its title-case lines in lower case (same length), or None when
    no line is in title case."""
    out: list[str] = []
    changed = False
    for line in text.splitlines(keepends=True):
        if not _title_case(line):
            out.append(line)
            continue
        fixed = _WORD.sub(lambda m: m.group().lower() if m.group()[0].isupper() and _common(m.group().lower())
                          else m.group(), line)
        changed = changed or fixed != line
        out.append(fixed)
    return "".join(out) if changed else None


def restore(parsed: Doc, text: str) -> Doc:
    """Return the parse of recased text carried onto the original ``text`` (same tokens, original strings)."""
    words = [text[t.idx : t.idx + len(t.text)] for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed])
    doc.from_array(_ATTRS, parsed.to_array(_ATTRS))  # type: ignore[arg-type]  # spaCy's stub types the array as floats
    return doc
