"""The cue lexicon (data/cues.yaml): reporting verbs by frame, speaker phrases, rule confidences; loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
RULESET = "quotes.v1"


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs by the frame in which each introduces content, and the other cue words."""

    clause: frozenset[str]
    object: frozenset[str]
    infinitive: frozenset[str]
    preposition: dict[str, frozenset[str]]
    speech: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    according: tuple[tuple[str, ...], ...]
    statement_nouns: frozenset[str]
    nouns: frozenset[str]
    pronouns: frozenset[str]
    not_speakers: frozenset[str]
    confidence: dict[str, float]
    attitude: frozenset[str] = frozenset()
    finite_only: frozenset[str] = frozenset()

    def is_cue(self, lemma: str) -> bool:
        """Return whether ``lemma`` is a reporting verb in any frame."""
        return (lemma in self.clause or lemma in self.object or lemma in self.infinitive
                or lemma in self.preposition or lemma in self.speech or lemma in self.phrasal)


def _words(raw: Any) -> frozenset[str]:
    """Return a YAML list as a lower-cased set."""
    return frozenset(str(w).lower() for w in raw or [])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load data/cues.yaml once."""
    raw = yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        clause=_words(raw["clause"]),
        object=_words(raw["object"]),
        infinitive=_words(raw["infinitive"]),
        preposition={k: _words(v) for k, v in (raw.get("preposition") or {}).items()},
        speech=_words(raw["speech"]),
        phrasal={k: _words(v) for k, v in (raw.get("phrasal") or {}).items()},
        according=tuple(tuple(p.lower().split()) for p in raw["according"]),
        statement_nouns=_words(raw["statement_nouns"]),
        nouns=_words(raw["nouns"]),
        pronouns=_words(raw["pronouns"]),
        not_speakers=_words(raw.get("not_speakers")),
        confidence={str(k): float(v) for k, v in raw["confidence"].items()},
        attitude=_words(raw.get("attitude")),
        finite_only=_words(raw.get("finite_only")),
    )
