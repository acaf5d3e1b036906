"""Entry point of the PLOVER event coder: triggers → typed events with dyads, flags, dates and evidence."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.events.arguments import ArgActor, ArgResolver
from newsgraph.events.classifier import PENTA, RULE_BONUS, load_model
from newsgraph.events.detect import find_triggers, lemma_of, subject_of
from newsgraph.events.lexicon import MUST_CLAUSE, NON_EVENT, RULESET, Lexicon, Pattern, load_lexicon
from newsgraph.records import ActorAnalysis, Article, Event, TimeAnalysis

# dependency relations along which a trigger is part of the event of the trigger above it
_ABSORB_PREPS = {"to", "for", "of", "on", "upon", "with", "about", "into", "against", "over", "from", "by"}
_ABSORB_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "compound", "amod", "acl", "nmod", "attr", "oprd",
                "pcomp", "acomp", "agent", "dative", "nsubjpass", "appos"}
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "around"}
_LOC_ENTS = {"GPE", "LOC", "FAC"}
_FUTURE_HEADS = {"plan", "intend", "prepare", "expect", "set", "go", "aim", "want", "hope", "seek", "wish", "mean"}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?($|T)")
_ANSWERED = {"demand": "REQUEST", "request": "REQUEST", "call": "REQUEST", "appeal": "REQUEST", "ultimatum": "REQUEST",
             "offer": "AGREE", "proposal": "AGREE", "invitation": "AGREE", "plan": "AGREE", "initiative": "AGREE"}
# types that mostly link states: an unplaced named person there is likelier foreign than domestic
_DIPLOMATIC = {"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"}
_LAST_RESORT_IN = {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "CONSULT", "AID", "SANCTION", "REQUEST"}


@dataclass
class Candidate:
    """One detected event before it becomes records (one per dyad)."""

    trigger: Token
    pattern: Pattern
    type: str
    mode: str | None = None
    sources: list[ArgActor] = field(default_factory=list)
    targets: list[ArgActor] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    reported: bool = False
    conditional: bool = False  # the clause carries an "unless" condition
    depth: int = 0
    rule: str = ""
    location: str | None = None
    confidence: float = 0.5
    parent: Candidate | None = None
    absorbed: list[Candidate] = field(default_factory=list)

    @property
    def source_span(self) -> tuple[int, int] | None:
        """Return char offsets of the first source phrase."""
        return (self.sources[0].start, self.sources[0].end) if self.sources else None

    @property
    def target_span(self) -> tuple[int, int] | None:
        """Return char offsets of the first target phrase."""
        return (self.targets[0].start, self.targets[0].end) if self.targets else None


def _depth(tok: Token) -> int:
    """Return the distance from ``tok`` to its sentence root."""
    d = 0
    while tok.dep_ != "ROOT" and tok.head is not tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def _speech_head(tok: Token, lex: Lexicon) -> Token | None:
    """Return the speech verb whose complement contains ``tok``, if any ("X said Y attacked Z")."""
    cur = tok
    while cur.dep_ != "ROOT" and cur.head is not cur:
        if cur.dep_ in ("ccomp", "parataxis", "xcomp") and lex.has("speech_verbs", cur.head.lemma_.lower()):
            return cur.head
        if cur.dep_ in ("ROOT", "relcl", "advcl"):
            return None
        cur = cur.head
    return None


def _governor(tok: Token, triggers: dict[int, Candidate], lex: Lexicon) -> Candidate | None:
    """Return the trigger above ``tok`` that absorbs it (complement or object), stopping at speech verbs."""
    cur = tok
    for _ in range(8):
        to_inf = cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if to_inf and cur.head.i in triggers and triggers[cur.head.i].pattern.wrapper:
            return triggers[cur.head.i]  # "have sworn to fight", parsed as a purpose clause
        if cur.dep_ not in _ABSORB_DEPS or cur.head is cur:
            return None
        if cur.dep_ == "prep" and cur.lower_ not in _ABSORB_PREPS and not (
                cur.lower_ == "in" and cur.head.tag_ in ("$", "CD")):
            return None  # "shot down missiles in Moscow's air attack" is a circumstance; "$200m in aid" is not
        head = cur.head
        if cur.dep_ in ("ccomp", "xcomp") and lex.has("speech_verbs", head.lemma_.lower()):
            return None
        if head.i in triggers:
            return triggers[head.i]
        cur = head
    return None


def _anchor(tok: Token) -> Token:
    """Return the verb that carries tense and modality for a trigger (a noun's light verb, else itself)."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and tok.head.pos_ in (
            "VERB", "AUX"):
        return tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return tok


def _modality(tok: Token, lex: Lexicon) -> tuple[bool, bool, bool]:
    """Return (negated, future, hypothetical) for the clause of a trigger."""
    negated = future = hypo = False
    cur: Token | None = _anchor(tok)
    path: list[Token] = [tok] + ([cur] if cur is not None and cur is not tok else [])
    steps = 0
    while cur is not None and steps < 4:
        if cur.dep_ in ("xcomp", "acl", "pcomp", "ccomp") and cur.head is not cur and not lex.has(
                "speech_verbs", cur.head.lemma_.lower()):
            cur = cur.head
            path.append(cur)
        else:
            cur = None
        steps += 1
    for node in path:
        lemma = node.lemma_.lower()
        for child in node.children:
            clemma = child.lemma_.lower()
            if child.dep_ == "neg" or (child.dep_ == "det" and clemma in ("no", "neither")):
                negated = True
            if child.dep_ in ("aux", "auxpass"):
                if lex.has("future_aux", clemma) or child.lower_ in ("will", "would", "'ll", "'d", "wo", "shall"):
                    future = True
                elif lex.has("hypothetical_aux", clemma) or child.lower_ in ("could", "may", "might", "can", "ca"):
                    hypo = True
            if child.dep_ == "det" and clemma in ("any",) and node is tok:
                hypo = True
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children):
                future = True
        if node is not tok and (lemma in _FUTURE_HEADS or (lemma == "ready" and node.pos_ == "ADJ")):
            future = future or lemma != "go" or node.lower_ == "going"  # "going to", not "went on strike"
        if node is not tok and lex.has("hypothetical_heads", lemma):
            hypo = True  # "is considering sending aid"
        if node is not tok and lex.has("negating_heads", lemma):
            negated = True
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and lex.has("conditional_marks", m.lower_)
                                        for m in node.children):
            hypo = True
    return negated, future, hypo


def _pobjs(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Return the objects of ``tok``'s prepositions in ``preps`` (in prepositional order)."""
    out: list[Token] = []
    kids = list(tok.children)
    kids += [g for c in kids if c.dep_ == "prt" for g in c.children]  # "kidnapped up to 16 advisers"
    for child in kids:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            out.extend(p for p in child.children if p.dep_ == "pobj")
    return out


def _with_conj(heads: list[Token]) -> list[Token]:
    """Return the heads with their coordinated siblings ("Britain, France and Germany")."""
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(t for t in head.conjuncts if t.i > head.i and t.pos_ in ("NOUN", "PROPN", "PRON"))
    seen: set[int] = set()
    return [t for t in out if not (t.i in seen or seen.add(t.i))]  # type: ignore[func-returns-value]


def _first_resolved(heads: list[Token], res: ArgResolver) -> list[ArgActor]:
    """Return the actors of the first argument head (with its conjuncts) that resolves to a country/IGO.

    Failing that, the first phrase that looks like an actor (a name or a sector word), else the first phrase.
    """
    groups = [[a for h in _with_conj([head]) for a in res.resolve(h)] for head in heads]
    for group in groups:
        if any(a.code for a in group):
            return [a for a in group if a.code]
    for group in groups:
        if any(a.name or a.sector for a in group):
            return group
    return groups[0] if groups else []


class _Coder:
    """Codes the sentences of one doc (lexicon and argument resolver built once)."""

    def __init__(self, doc: Doc, actors: ActorAnalysis, lex: Lexicon | None = None) -> None:
        """Prepare the per-doc resolver."""
        self.doc = doc
        self.lex = lex or load_lexicon()
        self.res = ArgResolver(doc, actors)
        self.last_source: dict[str, list[ArgActor]] = {}  # latest coded source per type, for "rejected the demand"

    def sentence(self, sent: Span) -> list[Candidate]:
        """Return the top-level event candidates of one sentence (absorbed complements folded in)."""
        found = find_triggers(sent, self.lex)
        cands = {tok.i: Candidate(trigger=tok, pattern=pat, type=pat.type, mode=pat.mode) for tok, pat in found}
        for tok in sent:  # "Russia said Sudan must return the helicopter": a demand by the speaker
            if self._must_clause(tok):
                inner = cands.get(tok.i)
                cands[tok.i] = Candidate(trigger=tok, pattern=MUST_CLAUSE, type="REQUEST",
                                         absorbed=[inner] if inner else [])
        for cand in cands.values():
            parent = _governor(cand.trigger, cands, self.lex)
            if parent is not None and parent is not cand:
                cand.parent = parent
        tops = []
        for cand in cands.values():
            root = cand
            for _ in range(10):
                if root.parent is None:
                    break
                root = root.parent
            if root is cand:
                tops.append(cand)
            else:
                root.absorbed.append(cand)
        tops = [c for c in tops if c.type != NON_EVENT]  # denials etc.: their complements go with them
        for cand in tops:
            self._finish(cand)
        return tops

    def _must_clause(self, tok: Token) -> bool:
        """Return whether ``tok`` heads an obligation clause reported by a speech verb ("said X must ...")."""
        return tok.dep_ == "ccomp" and self.lex.has("speech_verbs", tok.head.lemma_.lower()) and any(
            c.dep_ == "aux" and self.lex.has("obligation_aux", c.lower_) for c in tok.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in tok.children)

    def _finish(self, cand: Candidate) -> None:
        """Type, flag, argue and score one top-level candidate."""
        lex, tok = self.lex, cand.trigger
        cand.negated, cand.future, cand.hypothetical = _modality(tok, lex)
        if cand.pattern is MUST_CLAUSE:
            cand.hypothetical = cand.future = False  # the demand itself is asserted
        anchor = _anchor(tok)
        cand.conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                                         for m in c.children) for c in anchor.children)
        cand.reported = _speech_head(tok, lex) is not None
        cand.depth = _depth(_anchor(tok))
        cand.rule = f"{RULESET}:{cand.pattern.id}"
        self._retype(cand)
        self._arguments(cand)
        if cand.type in ("REQUEST", "AGREE") and any(a.code for a in cand.sources):
            self.last_source[cand.type] = [a for a in cand.sources if a.code]
        cand.mode = cand.mode or self._mode(cand)
        cand.location = self._location(cand)
        cand.confidence = self._confidence(cand)

    def _retype(self, cand: Candidate) -> None:
        """Apply PLOVER's intent rules: offers/promises of acts are AGREE, of hostile acts THREATEN."""
        lex = self.lex
        direct = [c for c in cand.absorbed if c.parent is cand]
        inner = {c.type for c in direct}
        hostile = bool(inner & (lex.words["material_conflict"] | {"THREATEN"}))
        if cand.pattern.wrapper == "order" and hostile:  # "ordered the paper to suspend publication"
            first = next(c for c in direct if c.type in lex.words["material_conflict"] | {"THREATEN"})
            cand.type, cand.mode, cand.rule = first.type, first.pattern.mode, cand.rule + "+ordered-act"
            return
        if cand.pattern.wrapper == "intent":
            if hostile:
                cand.type, cand.rule = "THREATEN", cand.rule + "+hostile-intent"
                cand.mode = next((c.mode or c.pattern.mode for c in cand.absorbed if c.type != "AGREE"), None)
            return
        if cand.pattern.wrapper == "threaten":
            cand.mode = cand.mode or next((c.pattern.mode for c in cand.absorbed if c.pattern.mode), None)
            return
        if cand.negated and cand.future and cand.type in lex.words["cooperative_types"] and not cand.pattern.wrapper:
            cand.type, cand.mode, cand.negated = "REJECT", None, False  # "will not accept refugees" declines
            cand.rule += "+declined"
            return
        if cand.negated or cand.hypothetical or not cand.future or cand.pattern.wrapper:
            return
        if cand.conditional and cand.type not in lex.words["cooperative_types"]:  # "will strike unless ...": a threat
            cand.type, cand.rule = "THREATEN", cand.rule + "+conditional"
        elif cand.type in lex.words["material_cooperation"]:
            cand.type, cand.mode, cand.rule = "AGREE", None, cand.rule + "+intent"
        elif cand.type in lex.words["material_conflict"]:
            cand.type, cand.rule = "THREATEN", cand.rule + "+intent"

    def _arguments(self, cand: Candidate) -> None:
        """Fill source and target actors from the dependency structure around the trigger."""
        tok, res = cand.trigger, self.res
        src_heads, tgt_heads = self._argument_heads(cand)
        if cand.pattern.reverse:  # "Refugees received food from Islamic Relief"
            src_heads, tgt_heads = _pobjs(tok, {"from"}) + src_heads[1:], src_heads[:1]
        cand.sources = _first_resolved(src_heads, res)
        if not any(a.code for a in cand.sources) and src_heads and src_heads[0].pos_ == "PRON":
            cand.sources = self._antecedent(tok) or cand.sources
        verbal = cand.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT")
        if not any(a.code for a in cand.sources) and (tok.pos_ in ("VERB", "AUX") or verbal):
            # "Washington warned that ... would meet severe counter-measures": the speaker acts
            speech = _speech_head(tok, self.lex)
            subj = subject_of(speech) if speech is not None else None
            if subj is not None:
                cand.sources = _first_resolved([subj], res) or cand.sources
        cand.targets = _first_resolved(tgt_heads, res)
        for inner in cand.absorbed:
            if any(a.code for a in cand.targets):
                break
            cand.targets = _first_resolved(_pobjs(inner.trigger, self.lex.words["noun_target_preps"]), res) or \
                cand.targets
        if not any(a.code for a in cand.targets) and cand.type in _LAST_RESORT_IN:
            places = _pobjs(_anchor(tok), {"in"}) + _pobjs(tok.sent.root, {"in"})
            cand.targets = _first_resolved(places, res) or cand.targets
        if cand.type in ("REJECT", "CONCEDE", "AGREE") and not any(a.code for a in cand.targets):
            self._answered_party(cand)
        self._domestic_default(cand)
        src_codes = {a.code for a in cand.sources if a.code}
        if len(src_codes) > 1 and not any(a.code for a in cand.targets):
            cand.targets = []  # "Hungary and Romania agreed": each source is the other's target (see records)
        if cand.sources and cand.targets and src_codes and src_codes == {a.code for a in cand.targets} and \
                cand.sources[0].head == cand.targets[0].head:
            cand.targets = []

    def _answered_party(self, cand: Candidate) -> None:
        """Target the author of the demand/offer a rejection or concession answers ("NATO rejected the demand")."""
        objects = [c for c in cand.trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        for obj in objects:
            asked = _ANSWERED.get(lemma_of(obj))
            if asked and asked in self.last_source and not (cand.type == "AGREE" and asked == "AGREE"):
                src = self.last_source[asked]
                mine = {a.code for a in cand.sources}
                others = [ArgActor(a.code, a.name, a.sector, obj.idx, obj.idx + len(obj.text), obj.i, "context", a.kind)
                          for a in src if a.code not in mine]
                if others:
                    cand.targets = others
                return

    def _domestic_default(self, cand: Candidate) -> None:
        """Give an uncoded actor phrase the other party's country (domestic events: "the army arrested rebels").

        A person the actor stage placed in a country is already coded; the default only fills what it left open.
        """
        src = next((a for a in cand.sources if a.code), None)
        tgt = next((a for a in cand.targets if a.code), None)
        actorish = [a for a in cand.targets if (a.name or a.sector) and not (a.name and cand.type in _DIPLOMATIC)]
        if src and not tgt and actorish:
            t = actorish[0]
            cand.targets = [ArgActor(src.code, t.name, t.sector, t.start, t.end, t.head, "context", src.kind)]
        elif tgt and not src and cand.sources and (cand.sources[0].name or cand.sources[0].sector):
            s = cand.sources[0]
            cand.sources = [ArgActor(tgt.code, s.name, s.sector, s.start, s.end, s.head, "context", tgt.kind)]

    def _antecedent(self, tok: Token) -> list[ArgActor]:
        """Return the actors of the sentence's main subject, or the previous sentence's, for a bare pronoun."""
        sent = tok.sent
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and t.i < tok.i]
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            subjects += [t for t in prev if t.dep_ == "nsubj" and t.pos_ != "PRON" and t.head.dep_ == "ROOT"]
        for subj in subjects:
            found = [a for a in self.res.resolve(subj) if a.code]
            if found:
                return found
        return []

    def _argument_heads(self, cand: Candidate) -> tuple[list[Token], list[Token]]:
        """Return candidate head tokens for source and target, best first."""
        tok, lex = cand.trigger, self.lex
        src: list[Token] = []
        tgt: list[Token] = []
        tpreps = lex.words["target_preps"]
        if tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN"):
            src.extend(c for c in tok.children if c.dep_ == "poss")
            src.extend(_pobjs(tok, {"by"}))
            src.extend(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                       and not self.res.is_capital(c))
            tgt.extend(_pobjs(tok, lex.words["noun_target_preps"]))
            for of_obj in _pobjs(tok, {"of"}):  # "a suspension of air links with Serbia"
                tgt.extend(_pobjs(of_obj, lex.words["noun_target_preps"] - {"of"}))
            if cand.pattern.wrapper:  # "its demand that Israel ease restrictions"
                for clause in (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")):
                    tgt.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
            anchor = _anchor(tok)
            if anchor is not tok:
                subj = subject_of(anchor)
                passive = [c for c in anchor.children if c.dep_ == "nsubjpass"]
                if subj is not None and subj is not tok:
                    src.append(subj)
                tgt.extend(c for c in anchor.children if c.dep_ == "dative")
                tgt.extend(p for p in passive if p is not tok)
                tgt.extend(_pobjs(anchor, tpreps))
        elif cand.pattern is MUST_CLAUSE:
            speaker = subject_of(tok.head)
            src.extend([speaker] if speaker is not None else [])
            tgt.extend(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
        else:
            passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
            subj = subject_of(tok)
            if subj is not None:
                src.append(subj)
            if passive and cand.pattern.wrapper == "intent":  # "Vietnam is committed to ...": a stative passive
                src.extend(passive)
                passive = []
            tgt.extend(passive)
            for dative in (c for c in tok.children if c.dep_ == "dative"):  # "gave aid to Ukraine": the object
                tgt.extend([p for p in dative.children if p.dep_ == "pobj"] if dative.pos_ == "ADP" else [dative])
            if cand.pattern.wrapper == "request":
                tgt.extend(c for c in tok.children if c.dep_ == "dobj")
                for comp in (c for c in tok.children if c.dep_ in ("ccomp", "xcomp")):
                    tgt.extend(c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass"))
            tgt.extend(_pobjs(tok, {"to"}) if cand.type in ("AID", "SUPPORT", "AGREE") else [])
            tgt.extend(c for c in tok.children if c.dep_ in ("dobj", "attr"))
            tgt.extend(_pobjs(tok, tpreps))
            for comp in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "acomp")):
                tgt.extend(c for c in comp.children if c.dep_ in ("dobj", "dative"))
                tgt.extend(_pobjs(comp, tpreps))
                for obj in (c for c in comp.children if c.dep_ == "dobj"):
                    tgt.extend(_pobjs(obj, lex.words["noun_target_preps"]))
            for obj in (c for c in tok.children if c.dep_ == "dobj"):  # "demanded an admission by Moscow"
                tgt.extend(_pobjs(obj, lex.words["noun_target_preps"] | {"by"}))
            if cand.type == "THREATEN":  # "threatened to ... if the United States goes ahead"
                for cond in (c for c in tok.subtree if c.dep_ == "advcl" and any(
                        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)):
                    tgt.extend(c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass"))
        anchor = _anchor(tok)
        for purpose in (c for c in anchor.children if c.dep_ in ("advcl", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):  # "... to demand the removal of X"
            for obj in (c for c in purpose.children if c.dep_ == "dobj"):
                tgt.extend(_pobjs(obj, {"of", "from", "by"}) + [obj])
        return src, tgt

    def _mode(self, cand: Candidate) -> str | None:
        """Return the PLOVER mode named by words around the trigger, if the mode table has one."""
        table = self.lex.modes.get(cand.type)
        if not table:
            return None
        words = [lemma_of(cand.trigger)] + [lemma_of(t) for t in cand.trigger.subtree if t.i != cand.trigger.i]
        for inner in cand.absorbed:
            words.append(lemma_of(inner.trigger))
        anchor = _anchor(cand.trigger)
        if anchor is not cand.trigger:
            words.append(lemma_of(anchor))
        words += [t.text for t in cand.trigger.subtree if t.text == "$"]
        return next((table[w] for w in words if w in table), None)

    def _location(self, cand: Candidate) -> str | None:
        """Return the place name attached to the event by in/at/near, if any."""
        for head in (cand.trigger, _anchor(cand.trigger)):
            for pobj in _pobjs(head, _LOC_PREPS):
                ent = next((e for e in self.doc.ents if e.start <= pobj.i < e.end and e.label_ in _LOC_ENTS), None)
                if ent is not None:
                    return ent.text
        return None

    @staticmethod
    def _confidence(cand: Candidate) -> float:
        """Return a 0..1 confidence from the evidence the rule had."""
        conf = 0.7 if cand.pattern.pos == "VERB" else 0.55
        conf += 0.05 * cand.pattern.specificity
        if any(a.code for a in cand.sources):
            conf += 0.1 if cand.sources[0].via == "actors" else 0.07
        else:
            conf -= 0.15
        if any(a.code for a in cand.targets):
            conf += 0.05
        if cand.hypothetical:
            conf *= 0.7
        if cand.reported:
            conf *= 0.95
        return round(max(0.05, min(0.99, conf)), 3)


def main_event(cands: list[Candidate], proba: dict[str, float] | None = None) -> Candidate | None:
    """Return the candidate that best stands for the whole sentence (asserted, highest in the tree).

    With ``proba`` (the sentence classifier's penta probabilities) the classifier chooses among the
    candidates, the rules' own choice getting a prior; it returns None when "statement" is likelier.
    """
    if not cands:
        return None
    ranked = sorted(cands, key=lambda c: (c.negated, c.hypothetical, c.depth, c.pattern.pos != "VERB",
                                          -c.confidence, c.trigger.i))
    ranked = [c for c in ranked if not c.negated and not c.hypothetical]  # not asserted: no event
    if not ranked:
        return None
    if proba is None:
        return ranked[0]
    scored = [(proba.get(PENTA[c.type], 0.0) + (RULE_BONUS if k == 0 else 0.0), -k, c) for k, c in enumerate(ranked)]
    best_score, _, best = max(scored, key=lambda t: (t[0], t[1]))
    return None if proba.get("statement", 0.0) > best_score else best


def code_sentences(doc: Doc, actors: ActorAnalysis, lex: Lexicon | None = None) -> list[tuple[Span, list[Candidate]]]:
    """Return each sentence of ``doc`` with its top-level event candidates."""
    coder = _Coder(doc, actors, lex)
    return [(sent, coder.sentence(sent)) for sent in doc.sents]


def _event_id(article_id: str, start: int, etype: str, source: str | None, target: str | None, trig: int) -> str:
    """Return a deterministic event id."""
    key = f"{article_id}|{start}|{etype}|{source}|{target}|{trig}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _dyads(cand: Candidate) -> list[tuple[ArgActor | None, ArgActor | None]]:
    """Return one (source, target) pair per dyad; coordinated sources without target target each other."""
    sources = [a for a in cand.sources if a.code] or cand.sources[:1]
    targets = [a for a in cand.targets if a.code] or cand.targets[:1]
    srcs: list[ArgActor | None] = list(sources) or [None]
    tgts: list[ArgActor | None] = list(targets) or [None]
    if len(sources) > 1 and not targets:
        return [(s, t) for s in srcs for t in srcs if s is not t][: 2 * len(sources)]
    return [(s, t) for s in srcs for t in tgts]


def candidate_events(article: Article, cand: Candidate, sent: Span, date: str | None) -> list[Event]:
    """Turn one candidate into Event records, one per dyad."""
    events = []
    for src, tgt in _dyads(cand):
        s_code, t_code = (src.code if src else None), (tgt.code if tgt else None)
        events.append(Event(
            id=_event_id(article.id, sent.start_char, cand.type, s_code, t_code, cand.trigger.i),
            article_id=article.id, event_type=cand.type, sentence=sent.text, start=sent.start_char,
            end=sent.end_char, mode=cand.mode, source=s_code, target=t_code,
            source_name=src.name if src else None, target_name=tgt.name if tgt else None,
            source_sector=src.sector if src else None, target_sector=tgt.sector if tgt else None,
            date=date, location=cand.location, trigger=cand.trigger.text, negated=cand.negated,
            hypothetical=cand.hypothetical, rule=cand.rule, confidence=cand.confidence,
        ))
    return events


def _calendar_date(value: str | None) -> str | None:
    """Return a TIMEX3 value if it is a calendar date (YYYY, YYYY-MM, YYYY-MM-DD), else None ("XXXX-WXX-3")."""
    return value[:10] if value and _ISO_DATE.match(value) else None


def _drop_subsumed(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate that another of the same sentence, type and source says more about (it has a target)."""
    def key(c: Candidate) -> tuple[str, str | None]:
        return c.type, next((a.code for a in c.sources if a.code), None)

    full = {key(c) for c in cands if any(a.code for a in c.targets)}
    return [c for c in cands if any(a.code for a in c.targets) or key(c) not in full]


def extract_events(article: Article, doc: Doc, actors: ActorAnalysis, times: TimeAnalysis) -> list[Event]:
    """Return the PLOVER events of ``doc``: asserted or flagged, with at least one resolved actor."""
    out: list[Event] = []
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    coded = [(sent, _drop_subsumed(cands)) for sent, cands in code_sentences(doc, actors)]
    coded = [(sent, cands) for sent, cands in coded if cands]
    model = load_model()
    probas = model.proba([sent.text for sent, _ in coded]) if model is not None and coded else [None] * len(coded)
    for (sent, cands), proba in zip(coded, probas, strict=True):
        date = _calendar_date(times.date_for(sent.start_char, sent.end_char)) or _calendar_date(times.published)
        for cand in cands:
            if not any(a.code for a in cand.sources + cand.targets):
                continue  # no actor: not a political event we can place in a dyad
            if proba is not None:  # the sentence classifier's belief in this kind of event tempers the rule's
                cand.confidence = round(0.6 * cand.confidence + 0.4 * proba.get(PENTA[cand.type], 0.0), 3)
            for event in candidate_events(article, cand, sent, date):
                key = (event.event_type, event.source, event.target, event.date)
                if key in seen and not event.negated:
                    continue  # a later sentence restating the same event adds nothing new
                seen.add(key)
                out.append(event)
    return out
