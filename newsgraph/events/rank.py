"""The main event of a sentence: its asserted candidates ranked, the classifier's pick among them, and the coder's
findings as pseudo-tokens for that classifier."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.events.classifier import PENTA
from newsgraph.events.clause import anchor
from newsgraph.events.code import Candidate, penta_of
from newsgraph.events.lexicon import load_lexicon


def _explains(tok: Token, top: Token) -> bool:
    """Tell whether ``tok`` heads an adverbial clause of ``top`` ("killed when a bomb hit"), not a conjunct."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "advcl" and cur.head == top:
            return True
        if cur.head == cur or cur.dep_ == "conj":
            return False
        cur = cur.head
    return False


def ranked_asserted(cands: list[Candidate]) -> list[Candidate]:
    """Return the asserted candidates (not negated, not hypothetical), highest in the tree and surest first."""
    ranked = sorted(cands, key=lambda c: (c.depth, c.pattern.pos != "VERB", -c.confidence, c.trigger.i))
    ranked = [c for c in ranked if not c.negated and not c.hypothetical]
    if ranked and not any(a.code and a.via != "context" for a in ranked[0].sources):
        # "12 people were killed when a Russian bomb hit a supermarket": the clause below names the author (an
        # author the scene implied yields to it)
        top = ranked[0]
        told = next((c for c in ranked[1:] if c.type == top.type and _explains(c.trigger, top.trigger) and
                     any(a.code for a in c.sources)), None)
        if told is not None:
            if not any(a.code for a in told.targets):  # "four soldiers were killed when a mine laid by FARC exploded"
                told.targets = list(top.targets)
            ranked = [told] + [c for c in ranked if c is not told]
    # "Bowing to opposition demands, Eyadema agreed to convene a conference", "sacked the police chief, meeting a
    # key demand of the protesters": the act is the concession (a resignation stays a retreat, as the GSR codes it)
    lex = load_lexicon()
    if ranked and ranked[0].type not in ("CONCEDE", "RETREAT"):
        ranked = _promoted(ranked, lambda c: c.type == "CONCEDE" and lex.has("concession_frames",
                                                                           c.trigger.lemma_.lower()))
    # "blew up a tanker loaded with chlorine, killing two": property destroyed with a toll is an attack
    if ranked and ranked[0].type == "COERCE":
        ranked = _promoted(ranked, lambda c: lex.has("toll_patterns", c.pattern.id))
    return ranked


def _promoted(ranked: list[Candidate], kind: Callable[[Candidate], bool]) -> list[Candidate]:
    """Return ``ranked`` with the first candidate of ``kind`` that is a participle adjunct of the top one first."""
    first = next((c for c in ranked[1:] if kind(c) and _adjunct_of(c, ranked[0])), None)
    return ranked if first is None else [first] + [c for c in ranked if c is not first]


def _adjunct_of(cand: Candidate, top: Candidate) -> bool:
    """Tell whether ``cand`` is a participle adjunct ("..., bowing to demands", "..., killing two") of the clause
    of ``top``'s act."""
    tok = cand.trigger
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i in {t.i for t in anchor(top.trigger).subtree}


def rule_tokens(cands: list[Candidate]) -> str:
    """Return the coder's findings for one sentence as pseudo-tokens (features of the sentence classifier)."""
    ranked = ranked_asserted(cands)
    toks = [] if cands else ["NOCAND"]
    if not ranked:
        toks.append("NOASSERTED")
    else:
        top = ranked[0]
        toks += [f"MAIN_{top.type}", f"MAINP_{penta_of(top)}", f"MAINPOS_{top.pattern.pos}"]
        toks += [flag for flag, on in (("MAINSRC", any(a.code for a in top.sources)),
                                       ("MAINTGT", any(a.code for a in top.targets)), ("MAINREP", top.reported)) if on]
    for c in cands:
        state = "NEG" if c.negated else "HYP" if c.hypothetical else "ASS"
        toks += [f"ANY_{c.type}", f"ANYP_{penta_of(c)}", f"{state}_{penta_of(c)}", f"{state}_{c.type}",
                 "PID_" + c.pattern.id.replace(".", "_").replace("-", "_"), "TRIG_" + c.trigger.lemma_.lower()]
        toks += [f"FUT_{penta_of(c)}"] if c.future else []
        toks += [f"ABS_{a.type}" for a in c.absorbed if a.type in PENTA]
    return " ".join(t.replace(" ", "_") for t in toks)


def sentence_label(proba: dict[str, float]) -> str:
    """Return the sentence classifier's penta label (the likeliest class)."""
    return max(proba, key=lambda k: proba[k])


def main_event(cands: list[Candidate], proba: dict[str, float] | None = None,
               allow_statement: bool = True) -> Candidate | None:
    """Return the candidate that best stands for the whole sentence (asserted, highest in the tree).

    With ``proba`` (the sentence classifier's penta probabilities) the classifier's label decides: None for
    "statement" (unless ``allow_statement`` is False), else the best candidate of that class, else the
    rules' own choice.
    """
    ranked = ranked_asserted(cands)
    if not ranked:
        return None
    if proba is None:
        return ranked[0]
    label = sentence_label(proba)
    fitting = next((c for c in ranked if penta_of(c) == label), None)
    if label == "statement" and allow_statement:
        return fitting  # an appeal, or no event at all
    return fitting or ranked[0]
