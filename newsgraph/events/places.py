"""Fallback actor resolution for event arguments: country, capital, demonym and IGO names → codes.

Used only where the actor stage gives no country for an argument (its baseline resolves named entities
without countries); the actor stage's answer always wins.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Doc

from newsgraph.actors.lexicon import lexicon
from newsgraph.actors.matching import in_place_name, names_no_state
from newsgraph.events.lexicon import DATA

MAX_NGRAM = 6


@dataclass(frozen=True)
class PlaceHit:
    """A country / IGO name found in a doc: token span and code."""

    start: int  # token index
    end: int
    code: str
    kind: str  # state, capital (a seat of government, also used as a metonym), igo


@dataclass(frozen=True)
class Gazetteer:
    """Surface forms (as token tuples) → (code, kind), and sector keywords."""

    names: dict[tuple[str, ...], tuple[str, str]]
    sectors: dict[str, str]
    first_words: frozenset[str] = frozenset()  # first token of every name: a cheap pre-filter


def _split(text: str) -> list[str]:
    """Split a ';'-separated CSV cell."""
    return [t.strip() for t in text.split(";") if t.strip()]


def _tokens(name: str) -> tuple[str, ...]:
    """Tokenise a name the way spaCy splits the common cases (spaces, possessive-free)."""
    return tuple(name.replace("-", " - ").split())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load countries.csv, igos.csv and sectors.yaml once."""
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    with (DATA / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for name in _split(row["names"]) + _split(row["demonyms"]):
                names.setdefault(_tokens(name), (row["code"], "state"))
            for name in _split(row["capitals"]):
                names.setdefault(_tokens(name), (row["code"], "capital"))
    with (DATA / "igos.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for name in _split(row["names"]):
                names[_tokens(name)] = (row["code"], "igo")
    raw = yaml.safe_load((DATA / "sectors.yaml").read_text(encoding="utf-8"))
    sectors = {str(word): sector for sector, words in raw.items() for word in words}
    firsts = frozenset(k[0] for k in names) | frozenset(k[0] + "s" for k in names if len(k) == 1)
    return Gazetteer(names=names, sectors=sectors, first_words=firsts)


def find_places(doc: Doc) -> list[PlaceHit]:
    """Return the longest non-overlapping gazetteer matches in ``doc`` (case-sensitive, plural-tolerant)."""
    gaz = load_gazetteer()
    hits: list[PlaceHit] = []
    texts = [t.text for t in doc]
    i, n = 0, len(texts)
    while i < n:
        found = None
        if texts[i] not in gaz.first_words:
            i += 1
            continue
        for size in range(min(MAX_NGRAM, n - i), 0, -1):
            words = tuple(texts[i : i + size])
            entry = gaz.names.get(words)
            if entry is None and size == 1 and words[0].istitle() and words[0].endswith("s"):
                entry = gaz.names.get((words[0][:-1],))  # "Serbs", "Kurds" style plurals of demonyms
            if entry is not None:
                found = PlaceHit(i, i + size, entry[0], entry[1])
                break
        if found:
            # "the South China Sea", "Amazonian Indians", "the Niger Delta" name no party
            if not in_place_name(doc, found.start, found.end) and not names_no_state(doc[found.start:found.end]):
                hits.append(found)
            i = found.end
        else:
            i += 1
    return hits


@lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    """Return the codes of the IGOs in the gazetteer."""
    return frozenset(code for code, kind in load_gazetteer().names.values() if kind == "igo")


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    """Return the ISO 3166 alpha-3 codes of the states in the gazetteer."""
    return frozenset(code for code, kind in load_gazetteer().names.values() if kind != "igo")


@lru_cache(maxsize=1)
def _leader_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return data/leaders.csv as (code, name tokens) pairs."""
    with (DATA / "leaders.csv").open(encoding="utf-8") as fh:
        return tuple((row["code"], _tokens(name)) for row in csv.DictReader(fh) for name in _split(row["names"]))


@lru_cache(maxsize=1)
def load_leaders() -> dict[tuple[str, ...], str]:
    """Load data/leaders.csv: full names and unambiguous surnames (as token tuples) → country or IGO code.

    A name or surname listed under two codes is dropped: the lexicon only answers when it is sure.
    """
    seen: dict[tuple[str, ...], set[str]] = {}
    for code, toks in _leader_names():
        seen.setdefault(toks, set()).add(code)
        if len(toks) > 1:
            seen.setdefault(toks[-1:], set()).add(code)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@lru_cache(maxsize=1)
def _leader_first_names() -> dict[str, frozenset[str]]:
    """Return the first words of the listed office holders by surname ("Gonzalez" → {"Felipe"})."""
    firsts: dict[str, set[str]] = {}
    for _, toks in _leader_names():
        if len(toks) > 1:
            firsts.setdefault(toks[-1], set()).add(toks[0])
    return {k: frozenset(v) for k, v in firsts.items()}


def someone_else(full_name: str) -> bool:
    """Tell whether the full name an article gives a person is not that of the listed office holder who shares
    the surname: "Juan Miguel Gonzalez", later "Gonzalez", is not Felipe González."""
    toks = _tokens(full_name)
    while len(toks) > 1 and _is_title(toks[0]):  # "Army chief Prayuth Chan-ocha"
        toks = toks[1:]
    if len(toks) < 2 or toks in load_leaders():
        return False
    return toks[0] not in _leader_first_names().get(toks[-1], frozenset())


def find_leaders(doc: Doc) -> list[tuple[int, int, str]]:
    """Return (start, end, code) token spans of PERSON names that are listed office holders.

    The whole name is tried first, then without its leading title words ("Lt. Gen. Prosper Avril"), then the
    surname alone ("Putin", "President Bush"); a dropped word must be a title, so "Chris Bryant" is not
    the Liberian Gyude Bryant.
    """
    leaders = load_leaders()
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not (ent.label_ in ("ORG", "GPE", "NORP") and len(ent) <= 4):
            continue
        words = [t.text for t in ent if not t.is_punct or t.text in ("-", ".")]
        words = [w for w in words if w not in ("'s", "’s")]
        code = None
        for i in range(len(words)):
            if i and not _is_title(words[i - 1]):
                break  # a first name of someone else
            code = leaders.get(_tokens(" ".join(words[i:])))
            if code:
                break
        if code is not None:
            out.append((ent.start, ent.end, code))
    return out


def _is_title(word: str) -> bool:
    """Tell whether a word before a name is a title ("President", "Gen.", "Mr"), not a first name."""
    low = word.lower()
    honorifics = lexicon().names.get("honorifics", {})
    return word.endswith(".") or low in honorifics or low in _title_words() or not word[:1].isupper()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Return every word of the actor stage's role lexicon ("secretary", "minister", "gen")."""
    return frozenset(w for phrase in lexicon().roles for w in phrase.split())


def sector_for(lemmas: list[str]) -> str | None:
    """Return the sector named by the first sector keyword among ``lemmas``."""
    sectors = load_gazetteer().sectors
    for lemma in lemmas:
        if lemma in sectors:
            return sectors[lemma]
    return None
