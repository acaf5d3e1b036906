"""Load the timex grammar (data/rules.yaml) and its word lists (data/lexicon.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Rule:
    """One grammar rule: a compiled pattern, the normaliser that values it and its TIMEX3 type."""

    name: str
    regex: re.Pattern[str]
    norm: str
    type: str
    priority: int


@dataclass(frozen=True)
class Grammar:
    """The compiled rules with the lookup tables their normalisers need."""

    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, Any]]
    future_cue: re.Pattern[str]
    past_cue: re.Pattern[str]
    trigger: re.Pattern[str]  # words every timex contains: rules only run in windows around them


def _alternation(words: list[str], case_sensitive: bool) -> str:
    """Return a regex alternation of ``words``, longest first (so "a few" beats "a")."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _number_pattern(numbers: dict[str, Any], tens: list[str]) -> str:
    """Return the alternation for counts: digits, "twenty-five", word numbers, vague "several"."""
    words = _alternation(list(numbers), False)
    compound = f"(?:{'|'.join(tens)})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    return rf"(?:\d+(?:\.\d+| 1/2)?|(?:{compound}|{words})(?:[- ]and[- ]a[- ]half)?)"


def _placeholders(lex: dict[str, Any]) -> dict[str, str]:
    """Return the regex each {placeholder} of rules.yaml expands to (as a named group)."""
    subs = {
        "year": r"(?P<year>1[6-9]\d\d|20\d\d)",
        "day": r"(?P<day>3[01]|[12]\d|0?[1-9])",
        "num": rf"(?P<num>(?<![\w$.,/]){_number_pattern(lex['numbers']['words'], lex['tens'])})",
        "unit": r"(?P<unit>second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|century"
                r"|centurie)",
    }
    for key, table in (("month", "months"), ("weekday", "weekdays"), ("ordinal", "ordinals"), ("season", "seasons"),
                       ("daypart", "dayparts"), ("holiday", "holidays"), ("easter", "easter"), ("vague", "vague"),
                       ("set", "sets")):
        spec = lex[table]
        subs[key] = rf"(?P<{key}>\b{_alternation(list(spec['words']), bool(spec.get('case_sensitive')))})"
    return subs


def _cue(words: list[str]) -> re.Pattern[str]:
    """Return a word-bounded regex for tense cue words."""
    return re.compile(rf"(?<![\w']){_alternation(words, False)}(?!\w)", re.I)


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """Return the compiled grammar (cached: loaded once per process)."""
    lex = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    specs = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))
    subs = _placeholders(lex)
    rules = []
    for priority, spec in enumerate(specs):
        # a timex starts at a word start: failing mid-word positions first makes the scan several times faster
        pattern = r"(?<!\w)(?:" + re.sub(r"\{(\w+)\}", lambda m: subs[m.group(1)], spec["pattern"]) + ")"
        rules.append(Rule(spec["name"], re.compile(pattern, re.I), spec["norm"], spec.get("type", "DATE"), priority))
    tables = {name: {k.lower(): v for k, v in lex[name]["words"].items()}
              for name in ("months", "weekdays", "numbers", "units", "ordinals", "seasons", "dayparts", "holidays",
                           "easter", "vague", "sets")}
    return Grammar(tuple(rules), tables, _cue(lex["tense"]["future"]), _cue(lex["tense"]["past"]), _trigger(lex))


def _trigger(lex: dict[str, Any]) -> re.Pattern[str]:
    """Return the regex of anchor words: a digit, a month, weekday, unit, deictic, vague or frequency word."""
    words: list[str] = list(lex["trigger_words"])
    for table in ("months", "weekdays", "seasons", "holidays", "easter", "vague", "sets"):
        words.extend(w.split()[-1] for w in lex[table]["words"])
    units = "|".join(re.escape(w) for w in sorted(set(w.lower() for w in words), key=len, reverse=True))
    return re.compile(rf"\d|(?<!\w)(?:{units})", re.I)
