"""The trigger lexicon (data/triggers.yaml): PLOVER patterns indexed by part of speech and lemma, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
RULESET = "plover.v1"
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NON_EVENT = "NONE"  # a pattern of this type blocks the triggers of its complement and yields no event
_CONSTRAINTS = ("active", "present", "bare", "transitive", "comp", "that_clause", "comp_cond", "comp_lemma", "obj",
                "obj_not", "prep", "prep_not", "pobj", "mod", "mod_not", "obj_ent", "subj_person", "subj_mil",
                "subj_crowd", "subj_not_crowd", "subj_not_person", "predicate", "score", "question", "subjunctive",
                "to_clause")


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a lemma set of one part of speech, constraints on its arguments, a PLOVER type."""

    id: str
    pos: str
    lemmas: frozenset[str]
    type: str
    mode: str | None = None
    wrapper: str | None = None
    obj: frozenset[str] = frozenset()
    obj_not: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    prep_not: frozenset[str] = frozenset()
    pobj: frozenset[str] = frozenset()  # a preposition's object has one of these lemmas ("took to the streets")
    mod: frozenset[str] = frozenset()
    mod_not: frozenset[str] = frozenset()
    obj_ent: bool = False
    subj_person: bool = False
    subj_mil: bool = False
    subj_crowd: bool = False
    subj_not_crowd: bool = False
    subj_not_person: bool = False  # verbs: whoever returns is a state or a body, not a person going home
    comp_lemma: frozenset[str] = frozenset()  # the clausal complement's verb must have one of these lemmas
    transitive: bool = False  # needs an object, a clausal complement or a for-phrase
    reverse: bool = False  # the subject receives: source and target swap
    that_clause: bool = False  # the trigger must have a finite clausal complement ("agree with X that ...")
    comp: bool = False  # the trigger must have a clausal complement ("failed to reach", "ordered X to")
    active: bool = False  # verbs: not in the passive ("would be met with" is no meeting); nouns: future only
    present: bool = False  # verbs: in the simple present ("they agree with the decision": an opinion, not a deal)
    bare: bool = False  # verbs: in the base form ("or face air strikes", "would face"; not "has faced attacks")
    comp_cond: bool = False  # the that-clause has a condition ("warned that X would be shut down if ...")
    predicate: bool = False  # verbs: with an object predicate ("called Putin a killer", "branded the vote a farce")
    score: bool = False  # their clause gives a match score ("Wales beat Hungary 2-0") or their sentence a contest
    question: bool = False  # verbs: their complement is a question ("asked whether ...": no request)
    subjunctive: bool = False  # verbs: their that-clause is a bare verb ("insisted that Kagame accept ...")
    to_clause: bool = False  # verbs: with a to-infinitive complement ("told Iraq to withdraw", not "told reporters")
    # verbs: an active subject must be someone who can act, not a thing ("the merger would allow the company to
    # pay down debt"); left out of the specificity, which orders a lemma's patterns by what they require
    subj_agent: bool = False

    @property
    def specificity(self) -> int:
        """Return how many constraints the pattern sets (more specific patterns are tried first)."""
        positive = sum(2 for name in _CONSTRAINTS if getattr(self, name) and not name.endswith("_not"))
        return positive + sum(1 for name in _CONSTRAINTS if getattr(self, name) and name.endswith("_not"))


@dataclass
class Lexicon:
    """All patterns by (pos, lemma), plus the word lists that steer negation, modality and typing."""

    by_key: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    modes: dict[str, dict[str, str]] = field(default_factory=dict)

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        """Return the patterns for ``lemma`` as ``pos`` (VERB, NOUN or ADJ), most specific first."""
        return self.by_key.get((pos, lemma), [])

    def has(self, name: str, word: str) -> bool:
        """Return whether ``word`` is in the word list ``name`` (e.g. speech_verbs)."""
        return word in self.words.get(name, frozenset())


def _pattern(raw: dict[str, Any]) -> Pattern:
    """Build a Pattern from one YAML mapping."""
    sets = {k: frozenset(str(x).lower() for x in raw.get(k, [])) for k in
            ("obj", "obj_not", "prep", "prep_not", "pobj", "mod", "mod_not", "comp_lemma")}
    if raw["type"] not in EVENT_TYPES and raw["type"] != NON_EVENT:
        raise ValueError(f"pattern {raw['id']}: unknown PLOVER type {raw['type']}")
    return Pattern(
        id=raw["id"], pos=raw["pos"], lemmas=frozenset(str(x).lower() for x in raw["lemmas"]), type=raw["type"],
        mode=raw.get("mode"), wrapper=raw.get("wrapper"),
        obj_ent=bool(raw.get("obj_ent")), subj_person=bool(raw.get("subj_person")),
        subj_mil=bool(raw.get("subj_mil")), subj_crowd=bool(raw.get("subj_crowd")),
        subj_not_crowd=bool(raw.get("subj_not_crowd")), subj_not_person=bool(raw.get("subj_not_person")),
        active=bool(raw.get("active")),
        present=bool(raw.get("present")),
        bare=bool(raw.get("bare")),
        comp_cond=bool(raw.get("comp_cond")), predicate=bool(raw.get("predicate")), score=bool(raw.get("score")),
        question=bool(raw.get("question")), subj_agent=bool(raw.get("subj_agent")),
        subjunctive=bool(raw.get("subjunctive")), to_clause=bool(raw.get("to_clause")),
        comp=bool(raw.get("comp")), that_clause=bool(raw.get("that_clause")),
        reverse=bool(raw.get("reverse")), transitive=bool(raw.get("transitive")), **sets,
    )


def _check_words(raw: dict[str, Any]) -> None:
    """Refuse a word list with a YAML boolean in it: unquoted on/off/no/yes load as True/False, not words."""
    lists = [(k, v) for k, v in raw.items() if isinstance(v, list) and k != "patterns"]
    lists += [(f"{p['id']}.{k}", v) for p in raw.get("patterns", []) for k, v in p.items() if isinstance(v, list)]
    for name, values in lists:
        if any(isinstance(v, bool) for v in values):
            raise ValueError(f"triggers.yaml {name}: quote the words on/off/no/yes (YAML reads them as booleans)")


@lru_cache(maxsize=1)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load and index the trigger lexicon (cached: built once per process)."""
    raw = yaml.safe_load(Path(path or DATA / "triggers.yaml").read_text(encoding="utf-8"))
    _check_words(raw)
    lex = Lexicon()
    for key, value in raw.items():
        if isinstance(value, list) and key != "patterns":
            lex.words[key] = frozenset(str(v) if str(v).isupper() else str(v).lower() for v in value)
    lex.modes = {k: {str(w): str(m) for w, m in v.items()} for k, v in raw.get("modes", {}).items()}
    order = {id(p): i for i, p in enumerate(raw["patterns"])}
    patterns = sorted(raw["patterns"], key=lambda p: order[id(p)])
    for pat in (_pattern(p) for p in patterns):
        for lemma in pat.lemmas:
            lex.by_key.setdefault((pat.pos, lemma), []).append(pat)
    for pats in lex.by_key.values():
        pats.sort(key=lambda p: -p.specificity)  # stable: file order within one specificity
    return lex


# the patterns not matched from the lexicon: an obligation clause under a speech verb ("said Sudan must return the
# helicopter"), a damning judgement of a party under one ("said Trump is unfit to be president") and an approving one
# ("said the INS acted appropriately")
MUST_CLAUSE = Pattern(id="request.must-clause.c", pos="VERB", lemmas=frozenset(), type="REQUEST", wrapper="request")
JUDGEMENT_CLAUSE = Pattern(id="accuse.say-judgement.c", pos="VERB", lemmas=frozenset(), type="ACCUSE",
                           mode="disapprove")
PRAISE_CLAUSE = Pattern(id="support.say-praise.c", pos="VERB", lemmas=frozenset(), type="SUPPORT")


def pattern_ids() -> list[str]:
    """Return every pattern id of the lexicon (for documentation and tests)."""
    seen: dict[str, None] = {}
    for pats in load_lexicon().by_key.values():
        for p in pats:
            seen.setdefault(p.id, None)
    return list(seen)
