"""Canonical ids: deterministic from the surface form, so independent processes agree without shared state."""

from __future__ import annotations

import re
import unicodedata

from newsgraph.actors.lexicon import lexicon

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})


def ascii_fold(text: str) -> str:
    """Return ``text`` without accents (Zelenskyy's 'ý' and 'y' give the same key)."""
    return unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)).encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    """Return a lowercase ASCII slug: 'Institute for the Study of War' → 'institute-for-the-study-of-war'."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower().replace("'", "")).strip("-")


def name_parts(text: str) -> list[str]:
    """Split a person name into words without honorifics, a sentence adverb before it or a possessive ending."""
    text = re.sub(r"['’]s?$", "", text.strip())
    names = lexicon().names
    skip = set(names["honorifics"]) | set(names["name_openers"])
    parts = [p for p in re.split(r"\s+", text) if p]
    while parts and parts[0].lower() in skip:
        parts = parts[1:]
    return parts


def part_key(part: str) -> str:
    """Return the spelling-normalised key of one name word (Zelenskyy/Zelensky/Zelenskiy → 'zelensky')."""
    key = re.sub(r"[^a-z\-]", "", ascii_fold(part).lower())
    for pattern, repl in lexicon().translit:
        key = pattern.sub(repl, key)
    return key


def person_id(parts: list[str]) -> str:
    """Return the canonical id of a person from the words of their name."""
    keys = [part_key(p) for p in parts if part_key(p)]
    return "person:" + "-".join(k.strip("-") for k in keys)


def invented_code(name: str) -> str:
    """Return the stable invented code of a state absent from ISO 3166: 'Veska' → 'X-VESKA'."""
    return "X-" + slug(name).upper()


def demonym_stems(word: str) -> list[str]:
    """Return the state names a demonym may come from, in rule order: 'Veskan' → ['Veska', 'Veskaa'…]."""
    out = []
    for suffix, repl in lexicon().names["demonym_rules"]:
        if word.lower().endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: len(word) - len(suffix)] + repl)
    return out
