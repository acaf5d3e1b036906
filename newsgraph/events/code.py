"""The PLOVER coder proper: triggers → typed, flagged event candidates with their argument actors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.events.arguments import PLACE_PREPS, ArgActor, ArgResolver, meeting_venue
from newsgraph.events.classifier import PENTA
from newsgraph.events.clause import (
    CIRCUMSTANCE_PREPS,
    anchor,
    depth,
    governor,
    holder,
    modality,
    pobjs,
    speech_head,
    time_clause_root,
    to_infinitive,
    with_conj,
)
from newsgraph.events.detect import find_triggers, known_trigger, lemma_of, mandative, noun_subject, subject_of
from newsgraph.events.learned import KNOWN_WORD_THRESHOLD, learned_pattern, learned_trigger, sentence_types
from newsgraph.events.lexicon import (
    JUDGEMENT_CLAUSE,
    MUST_CLAUSE,
    NON_EVENT,
    PRAISE_CLAUSE,
    RULESET,
    Lexicon,
    Pattern,
    load_lexicon,
)
from newsgraph.events.places import state_codes
from newsgraph.records import ActorAnalysis

# dependency relations along which a trigger is part of the event of the trigger above it
_LOC_ENTS = {"GPE", "LOC", "FAC"}
_ANSWERED = {"demand": "REQUEST", "request": "REQUEST", "call": "REQUEST", "appeal": "REQUEST", "ultimatum": "REQUEST",
             "offer": "AGREE", "proposal": "AGREE", "invitation": "AGREE", "plan": "AGREE", "initiative": "AGREE"}
# types that mostly link states: an unplaced named person there is likelier foreign than domestic
_DIPLOMATIC = {"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID"}
_CONFLICT = {"verbal_conflict", "material_conflict"}
# a name inside these stands for the phrase it modifies ("Palestinian lorries", "the Gaza Strip")
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "punct", "nummod"}
_OWNER_DEPS = ("compound", "amod", "poss", "nmod")
_TOWARD = {"to", "toward", "towards", "into", "near", "along"}
_BORDERS = {"border", "frontier", "boundary"}
_REFLEXIVES = {"himself", "herself", "itself", "themselves", "oneself"}
FRAME_DEPTH = 10  # a report's audience or setting ranks below every act the report carries
_PROTESTED_PREPS = {"against", "at", "over", "of"}  # "in protest at NATO's air strikes"
_SCENE_MARKS = {"as", "while", "whilst", "when"}  # subordinators of a clause that sets the scene of the main one
_ANCHOR_PREPS = {"after", "before", "since", "following", "until", "till"}  # those that only date by an event
# the acts a story keeps referring back to as its background ("the crater left by the embassy blast"); a
# reference to a march or an investigation is mostly a report of taking part in it, which is the event
_RESTATED_TYPES = frozenset({"ASSAULT"})
_CASUALTY_LEMMAS = frozenset({"die", "kill", "injure", "wound", "hurt", "cut", "maim", "burn", "hospitalize", "perish",
                              "dead", "toll", "occur", "happen"})
_SEATED_SECTORS = frozenset({"BUS", "MED"})
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# what makes a definite phrase a new event of the same kind: "the second attack", "the latest blast"
_NEW_MARKERS = frozenset({"another", "new", "latest", "fresh", "second", "third", "further", "separate", "other",
                          "renewed", "next", "more"})
# attacks and coercions whose unnamed authors take the country of the scene (ICEWS: "unidentified forces")
_UNATTRIBUTED = {"ASSAULT", "COERCE"}
# ... and a crowd that no phrase places: "truck drivers blocked the Beira corridor near Chimoio" (Mozambicans)
_SCENE_AUTHORED = _UNATTRIBUTED | {"PROTEST"}
_SCENE_PREPS = frozenset({"in", "near", "at", "outside", "across", "off", "through"})  # where an act happened
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
        named = [a for a in self.targets if a.end > a.start]  # an implied recipient names no phrase
        return (named[0].start, named[0].end) if named else None


def _reversed_between(inner: Token, outer: Token, lex: Lexicon) -> bool:
    """Return whether a verb like "stop" or "prevent" lies between two triggers ("ready to stop the war")."""
    cur = inner.head
    for _ in range(6):
        if cur == outer or cur.head == cur:
            return False
        if lex.has("reversing_verbs", cur.lemma_.lower()):
            return True
        cur = cur.head
    return False


def _describes(inner: Token, outer: Token) -> bool:
    """Tell whether ``inner`` lies in a clause that describes a noun below ``outer`` ("promised to free fishermen
    [held in Gujarat jails]"): what is promised is not that act."""
    cur = inner
    for _ in range(8):
        if cur == outer or cur.head == cur:
            return False
        if cur.dep_ in ("acl", "relcl"):
            return True
        cur = cur.head
    return False


def _acl_agents(tok: Token, lex: Lexicon) -> list[Token]:
    """Return the agents of participles describing ``tok`` ("the ban announced by Beijing"), not its brokers
    ("a ceasefire brokered by Turkey")."""
    acts = [c for c in tok.children if c.dep_ == "acl" and not lex.has("third_party_participles", lemma_of(c))]
    return [p for c in acts for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def _makers(tok: Token, lex: Lexicon) -> list[Token]:
    """Return who owns, makes or sends what a phrase names: "Israel's campaign", "an offer by the EC", "the barrier
    Israel is building", "cartoons published by a Danish newspaper", "monitors from the OSCE"."""
    out = [c for c in tok.children if c.dep_ == "poss"] + pobjs(tok, {"by", "from"}) + _acl_agents(tok, lex)
    return out + [s for c in tok.children if c.dep_ == "relcl" for s in c.children
                  if s.dep_ == "nsubj" and s.tag_ not in ("WP", "WDT")]


def _occasion(tok: Token) -> bool:
    """Tell whether a token heads a time or circumstance phrase ("after meeting Vucic", "after Jaishankar met")."""
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in CIRCUMSTANCE_PREPS:
        return True
    if tok.dep_ in ("pobj", "pcomp") and (tok.head.lower_, tok.head.head.lower_) in (("of", "ahead"), ("to", "prior")):
        return True  # "deployed thousands of officers ahead of the opposition rally": when, not what
    # a clause opened by "after" (the small model makes a clause-opening "once" an adverb: "Once Annan arrives, Iraq
    # will ...", and may hang an "after" clause on the reporting verb as its complement), or an adverbial clause
    # opened by "as" or "while" ("as attempts were deadlocked, the army prepared to ...") only sets the scene
    return tok.dep_ in ("advcl", "ccomp") and any(
        (m.dep_ == "mark" or m.dep_ == "advmod" and m.i < tok.i) and m.lower_ in CIRCUMSTANCE_PREPS
        or m.dep_ == "mark" and m.lower_ in _SCENE_MARKS and tok.dep_ == "advcl" for m in tok.children)


def _admitted(cand: Candidate) -> list[Token]:
    """Return who an access lets in, best first: the object ("admitted U.N. inspectors to a compound in Baghdad": the
    inspectors, not the compound), or first the "to" object of a frame that names it ("opened the region to WFP
    convoys"); the "to" object last otherwise ("granted access to the Red Cross")."""
    tok = cand.trigger
    objs = [o for o in tok.children if o.dep_ == "dobj"]
    opened = pobjs(tok, {"to"})
    first = opened if cand.pattern.prep and "to" in cand.pattern.prep else []
    heads = first + objs + [p for o in objs for p in pobjs(o, {"of"})] + opened  # "a team of Swedish monitors"
    return list(dict.fromkeys(heads))


def _own_clause_between(tok: Token, top: Token) -> bool:
    """Tell whether a finite clause of its own (relative, complement) lies between ``tok`` and ``top`` above it."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "ccomp", "csubj", "parataxis"):
            return True
        cur = cur.head
    return False


def _anti(tok: Token) -> bool:
    """Tell whether a modifier is an "anti-X" one ("anti-Japanese riots"), which names the side opposed."""
    doc = tok.doc
    return tok.lower_.startswith("anti-") or tok.i >= 2 and doc[tok.i - 1].text == "-" and \
        doc[tok.i - 2].lower_ == "anti"


def _of_several(head: Token) -> bool:
    """Tell whether a phrase spans several parties ("urged both navies", "all sides"): no one state's."""
    return any(c.dep_ in ("det", "predet", "nummod") and c.lower_ in ("both", "all", "each", "two")
               for c in head.children)


def _part_of_same(cand: Candidate, cands: dict[int, Candidate]) -> Candidate | None:
    """Return the candidate of ``cand``'s own type that ``cand`` is part of: its purpose ("met to discuss"), its
    outcome ("shelled the town, killing 12") or its object ("received 10 billion yen in loans"), else None."""
    tok = cand.trigger
    via_prep = tok.dep_ == "pobj" and tok.head.dep_ == "prep"
    head = cands.get(tok.head.head.i if via_prep else tok.head.i)
    if head is None or head is cand or head.type != cand.type or head.trigger.pos_ not in ("VERB", "AUX"):
        return None
    purpose = tok.dep_ in ("advcl", "xcomp") and to_infinitive(tok)
    outcome = tok.dep_ == "advcl" and tok.tag_ == "VBG"  # "blew himself up on a bus, killing 18 Israelis"
    return head if purpose or outcome or tok.dep_ == "dobj" or via_prep else None


def _first_resolved(heads: list[Token], res: ArgResolver) -> list[ArgActor]:
    """Return the actors of the first argument head (with its conjuncts) that resolves to a country/IGO.

    Failing that, the first phrase that looks like an actor (a name or a sector word), else the first phrase.
    """
    groups = [[a for h in with_conj([head]) for a in res.resolve(h)] for head in heads]
    # a phrase that names its party beats one the sentence's setting placed ("sent doctors to Haiti")
    for group in sorted(groups, key=lambda g: all(a.guessed for a in g if a.code)):
        if any(a.code for a in group):
            return [a for a in group if a.code]
    for group in groups:
        if any(a.name or a.sector for a in group):
            return group
    return groups[0] if groups else []


def _author_verbs(tok: Token, lex: Lexicon) -> set[int]:
    """Return the verbs whose subject may be the author of the attack ``tok``: its light verb ("warships
    launched war games") and the verbs that share that verb's subject (conjuncts, open complements, a subjectless
    participle clause: "Russia ratcheted up the pressure, announcing naval exercises"). A verb that only
    mentions the attack gives none ("Psaki warned of any invasion", "any invasion would be met with
    counter-measures")."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            break
        cur = cur.head
    if cur != tok and not lex.has("light_verbs", cur.lemma_.lower()):
        return set()
    out = {cur.i}
    for _ in range(12):
        shared = cur.dep_ in ("conj", "xcomp") or cur.dep_ == "advcl" and cur.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        if not shared or cur.head == cur:
            break
        cur = cur.head
        out.add(cur.i)
    return out


def _scope(tok: Token) -> set[int]:
    """Return the token indexes a non-event trigger speaks about: its clause, less coordinated clauses.

    "denied charges he ran a hit squad, and accused the government of persecution": the accusation is an
    act of its own, the hit squad is not.
    """
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj":  # "blew himself up at an election rally": a setting, not the topic
        return {t.i for t in tok.subtree} - {tok.i}
    head = anchor(tok)
    skip = {t.i for c in head.children if c.dep_ == "conj" for t in c.subtree}
    return {t.i for t in head.subtree} - skip - {tok.i}


def _said_clause(cand: Candidate) -> bool:
    """Tell whether a candidate is a clause a speaker's words make an act (a demand, a judgement of a party)."""
    return any(cand.pattern is p for p in (MUST_CLAUSE, JUDGEMENT_CLAUSE, PRAISE_CLAUSE))


def _scene_objects(sent: Span) -> list[Token]:
    """Return the objects of a sentence's place prepositions ("in Nairobi", "outside the embassy")."""
    return [t for t in sent if t.dep_ == "pobj" and t.head.lower_ in _SCENE_PREPS]


class _Coder:
    """Codes the sentences of one doc (lexicon and argument resolver built once)."""

    def __init__(self, doc: Doc, actors: ActorAnalysis, lex: Lexicon | None = None, learned: bool = True) -> None:
        """Prepare the per-doc resolver (``learned``: let the type classifier code sentences no pattern matched)."""
        self.doc = doc
        self.learned = learned
        self.types: dict[int, tuple[str, float] | None] | None = None  # the classifier's, by sentence start
        self.lex = lex or load_lexicon()
        self.res = ArgResolver(doc, actors)
        self.last_source: dict[str, list[ArgActor]] = {}  # latest coded source per type, for "rejected the demand"
        self.acts: dict[int, Pattern] = {}  # the current sentence's triggers: is an object itself an act?
        self.home = _story_state(actors)

    def sentence(self, sent: Span) -> list[Candidate]:
        """Return the top-level event candidates of one sentence (absorbed complements folded in)."""
        if _imperative(sent):  # "VISIT the horse show", "Join us in Washington": the page asks, nobody acts
            return []
        found = find_triggers(sent, self.lex)
        self.acts = {tok.i: pat for tok, pat in found}
        cands = {tok.i: Candidate(trigger=tok, pattern=pat, type=pat.type, mode=pat.mode) for tok, pat in found}
        for tok in sent:  # "Russia said Sudan must return the helicopter": a demand by the speaker
            if self._must_clause(tok):
                inner = cands.get(tok.i)
                cands[tok.i] = Candidate(trigger=tok, pattern=MUST_CLAUSE, type="REQUEST",
                                         absorbed=[inner] if inner else [])
            elif tok.i not in cands and (judged := self._judgement_clause(tok)) is not None:
                cands[tok.i] = Candidate(trigger=tok, pattern=judged, type=judged.type, mode=judged.mode)
        if not cands:
            return self._learned(sent)
        # "pushed ahead with the offensive": a transparent non-event neither absorbs nor blocks what it governs
        cands = {i: c for i, c in cands.items() if not self.lex.has("transparent_nones", c.pattern.id)}
        for cand in cands.values():
            wrappers = {i: bool(c.pattern.wrapper) for i, c in cands.items()}
            parent_i = governor(cand.trigger, wrappers, self.lex)
            if parent_i is not None and parent_i != cand.trigger.i:
                cand.parent = cands[parent_i]
            elif (whole := _part_of_same(cand, cands)) is not None:  # "met in Helsinki to discuss Syria": one
                cand.parent = whole
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
        # a comment (denial, condolence, scepticism) is the sentence's act: what it is about is no event of its own
        blocked = {i for c in cands.values() if c.type == NON_EVENT for i in _scope(c.trigger)}
        tops = [c for c in tops if c.type != NON_EVENT and c.trigger.i not in blocked]
        for cand in tops:
            self._finish(cand)
        tops = [c for c in tops if c.type != NON_EVENT]
        for cand in tops:
            self._comment_on_act(cand, tops)
            # last of all the ways to a recipient (a reaction's is the act's author, a warning's who is warned)
            self._domestic_recipient(cand, self.lex.words["self_directed_types"])
        return self._tolls_told(tops)

    def _learned(self, sent: Span) -> list[Candidate]:
        """Return the type classifier's event for a sentence no pattern matched in (none when it is unsure)."""
        if not self.learned:
            return []
        if self.types is None:  # one batch for the whole doc, at the first sentence that needs it
            sents = list(self.doc.sents)
            self.types = dict(zip((s.start for s in sents), sentence_types([s.text for s in sents]), strict=True))
        found = self.types.get(sent.start)
        if found is None:
            return []
        etype, proba = found
        tok = learned_trigger(sent, etype, self.lex)
        if known_trigger(tok, self.lex) and proba < KNOWN_WORD_THRESHOLD:
            return []  # "the alarm went off", "the deal allows": the patterns judged this word
        cand = Candidate(trigger=tok, pattern=learned_pattern(etype, "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN"),
                         type=etype)
        self._finish(cand)
        if cand.type == NON_EVENT:
            return []
        cand.confidence = round(min(cand.confidence, proba), 3)  # no surer than the classifier
        self._domestic_recipient(cand, self.lex.words["self_directed_types"])  # as sentence() gives its own
        return [cand]

    def _tolls_told(self, tops: list[Candidate]) -> list[Candidate]:
        """Drop the toll of an attack on a state's premises abroad, told by the attack as its subject ("the car bomb
        attack at the U.S. embassy in Nairobi killed 253 people"): one event, whose dyad the attack's phrase gives
        (the embassy's state struck), not the toll's (the embassy as the killer)."""
        attacks = {c.trigger.i: c for c in tops if c.pattern.pos == "NOUN"}
        kept = []
        for cand in tops:
            subj = subject_of(cand.trigger) if self.lex.has("toll_patterns", cand.pattern.id) else None
            attack = attacks.get(subj.i) if subj is not None else None
            if subj is not None and attack is not None and attack.type == cand.type and any(
                    self._premises(t) for t in subj.subtree if t.dep_ == "pobj" and t.head.lower_ in _SCENE_PREPS):
                continue
            kept.append(cand)
        return kept

    def _comment_on_act(self, cand: Candidate, tops: list[Candidate]) -> None:
        """Give a reaction to an act its author as recipient: "moved two batteries closer, a step Norland
        condemned" (the relative clause of a "step" in apposition to the act's clause)."""
        tok = cand.trigger
        noun = tok.head
        if any(a.code for a in cand.targets) or tok.dep_ != "relcl" or noun.dep_ not in ("npadvmod", "appos") or \
                not self.lex.has("act_nouns", lemma_of(noun)):
            return
        act = next((c for c in tops if c is not cand and anchor(c.trigger).i == noun.head.i), None)
        if act is not None and any(a.code for a in act.sources):
            cand.targets = [a for a in act.sources if a.code]

    def _reported(self, tok: Token) -> bool:
        """Tell whether ``tok`` heads the clause a speech verb reports ("said [X must ...]", "said [X is unfit]")."""
        return tok.dep_ == "ccomp" and self.lex.has("speech_verbs", tok.head.lemma_.lower())

    def _must_clause(self, tok: Token) -> bool:
        """Return whether ``tok`` heads an obligation clause reported by a speech verb ("said X must ...")."""
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                    and not self.lex.has("forecast_subjects", lemma_of(c))]  # "the weather should ease": a forecast
        # "should Hamas take part" before its subject is a condition, not an obligation
        return self._reported(tok) and any(
            c.dep_ == "aux" and self.lex.has("obligation_aux", c.lower_) and c.i > s.i
            for c in tok.children for s in subjects)

    def _judgement_clause(self, tok: Token) -> Pattern | None:
        """Return the pattern of a speaker's judgement of a party that ``tok`` heads: damning ("said Trump is unfit",
        "said Clinton would be a disaster") or approving ("said the INS acted appropriately"); a subject that
        reports an act of its own keeps that act."""
        if not self._reported(tok):
            return None
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("there", "it", "this", "that") or any(
                t.i in self.acts for t in subj.subtree):
            return None
        if any(c.dep_ == "auxpass" for c in tok.children):  # "might be biased", parsed as a passive
            preds = [tok]
        else:  # "is unfit", "would be a disaster"
            preds = [c for c in tok.children if c.dep_ in ("attr", "acomp")] if tok.lemma_ == "be" else []
        # "is the leader of a terrorist organization": the words of the predicate and of what it is of
        preds += [o for p in preds for of in p.children if of.dep_ == "prep" and of.lower_ == "of"
                  for o in of.children if o.dep_ == "pobj"]
        words = [w for p in preds for w in (p, *(m for m in p.children if m.dep_ in ("amod", "compound")))]
        if any(self.lex.has("disparaging_words", lemma_of(w)) or self.lex.has("disparaging_words", w.lower_)
               for w in words):
            return JUDGEMENT_CLAUSE
        # "was right", "acted appropriately", "did the right thing" (not "legitimate targets": what a party is called)
        approving = [p for p in preds if p.dep_ == "acomp"]
        if self.lex.has("conduct_verbs", tok.lemma_.lower()):
            approving += [c for c in tok.children if c.dep_ == "advmod"]
            approving += [m for o in tok.children if o.dep_ == "dobj" for m in o.children if m.dep_ == "amod"]
        return PRAISE_CLAUSE if any(self.lex.has("approving_words", w.lower_) for w in approving) else None

    def _finish(self, cand: Candidate) -> None:
        """Type, flag, argue and score one top-level candidate."""
        lex, tok = self.lex, cand.trigger
        if cand.pattern.pos == "VERB" and self._poll_result(tok):
            cand.type = NON_EVENT
            return
        cand.negated, cand.future, cand.hypothetical = modality(tok, lex)
        if _said_clause(cand):
            cand.hypothetical = cand.future = False  # the demand, the judgement itself is asserted
        light = anchor(tok)
        cand.conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                                         for m in c.children) for c in light.children)
        cand.reported = speech_head(tok, lex) is not None
        cand.depth = depth(light) + int(self._background(tok) or self._background(light)) + int(self._prompted(tok))
        # "Eight years after the two countries fought a war, Argentina said it was ready to ...": a dating clause
        # ranks below the acts of the clause it dates, however deep they lie
        cand.depth += int(_occasion(tok) or _occasion(light))
        if time_clause_root(light):
            cand.depth += 2  # "A day after Soleimani was killed …, Iran accused …": a time clause parsed as the root
        if cand.pattern.pos == "NOUN" and self._report_frame(tok):
            cand.depth += FRAME_DEPTH
            if tok.dep_ == "pobj" and tok.head.lower_ == "at" and not any(
                    c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children):
                cand.type = NON_EVENT  # "Trump said at a rally in Monroe": where a statement was made, no act
                return
        cand.rule = f"{RULESET}:{cand.pattern.id}"
        self._retype(cand)
        if cand.type == "ASSAULT" and self._raid_as_coercion(tok):
            cand.type, cand.mode, cand.rule = "COERCE", "seize", cand.rule + "+raid"
        self._arguments(cand)
        warners = self._own_side_warning(cand)
        if warners is not None:  # "Erdogan warned that Turkey could send troops": a threat
            cand.type, cand.hypothetical, cand.rule = "THREATEN", False, cand.rule + "+warned"
            if not any(a.code for a in cand.sources):  # "warned that parties could be dissolved": by the warner
                cand.sources = warners or cand.sources
        elif cand.type == "THREATEN" and cand.pattern.bare and cand.hypothetical and not cand.negated:
            warned = [a for a in self._warner(cand) or [] if a.code]  # "the judiciary chief warned that protest
            if warned:  # leaders could face the death penalty": the warner threatens whoever could face it
                cand.targets, cand.sources, cand.hypothetical = cand.sources, warned, False
                cand.rule += "+warned"
        if cand.type == "MOBILIZE" and self.lex.has("shared_exercises", cand.pattern.id) and \
                len({a.code for a in cand.sources if a.code}) > 1:  # "French and Egyptian warships began war games"
            cand.type, cand.mode, cand.rule = "COOPERATE", None, cand.rule + "+joint"
        src_codes = {a.code for a in cand.sources if a.code}
        if cand.type == "AID" and self.lex.has("troop_aid", cand.pattern.id) and src_codes and \
                {a.code for a in cand.targets if a.code} == src_codes:  # "Nigeria sent troops to the Niger Delta
            cand.type, cand.mode, cand.rule = "MOBILIZE", "troops", cand.rule + "+home"  # to protect pipelines"
        if cand.type in ("REQUEST", "AGREE") and any(a.code for a in cand.sources):
            self.last_source[cand.type] = [a for a in cand.sources if a.code]
        cand.mode = cand.mode or self._mode(cand)
        cand.location = self._location(cand)
        cand.confidence = self._confidence(cand)

    def _poll_result(self, tok: Token) -> bool:
        """Tell whether a verb states a poll's result: its subject or a measure phrase counts a share of people
        ("19 percent of students polled support Clinton", "backed Trump, 57 percent to 22 percent")."""
        subj = noun_subject(tok)  # "the respondents who support Sanders"
        phrases = [subj] if subj is not None else []
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        phrases += [c for w in (tok, *objs) for c in w.children if c.dep_ in ("npadvmod", "appos")]
        return any(self.lex.has("poll_words", t.lemma_.lower()) or
                   (t.dep_ == "acl" and t.lower_ in ("polled", "surveyed")) for p in phrases for t in p.subtree)

    def _raid_as_coercion(self, tok: Token) -> bool:
        """Tell whether a raid is coercion: on premises ("raided the offices of a newspaper"), by the police, or
        with an arrest, a seizure or a closure in its clause ("raided a farmhouse and detained 12 insurgents"),
        and no killing ("stormed a police headquarters, killing 11 officers")."""
        lex = self.lex
        if not lex.has("raid_verbs", lemma_of(tok)):
            return False
        conjuncts = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        acts = {c.i: self.acts[c.i].type for c in conjuncts + [c for c in tok.children if c.dep_ == "advcl"]
                if c.i in self.acts}  # the acts of its clause
        if "ASSAULT" in acts.values():
            return False  # "stormed the prison, killing 111 inmates": a violent assault, whatever was stormed
        if any(acts.get(c.i) == "COERCE" for c in conjuncts):
            return True
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        subj = subject_of(tok)
        return any(lex.has("raided_premises", lemma_of(o)) for o in objs) or (
            subj is not None and any(lex.has("police_words", t.lower_) for t in (subj, *subj.children)))

    def _warner(self, cand: Candidate) -> list[ArgActor] | None:
        """Return who says the warning whose complement holds ``cand`` ("X warned that ..."); None for no warning."""
        warner = speech_head(cand.trigger, self.lex)
        if warner is None or not self.lex.has("warning_verbs", warner.lemma_.lower()):
            return None
        subj = subject_of(warner)
        return self.res.resolve(subj) if subj is not None else []

    def _own_side_warning(self, cand: Candidate) -> list[ArgActor] | None:
        """Return who warns of a possible hostile act of their own side ("X warned that X could strike"), or None:
        a third party's warning ("Blinken warned that Russia could attack") leaves it a mere possibility."""
        if not cand.hypothetical or cand.negated or cand.type not in self.lex.words["material_conflict"]:
            return None
        said_by = self._warner(cand)
        if said_by is None:
            return None
        if not any(a.code for a in cand.sources) and any(c.dep_ == "auxpass" for c in cand.trigger.children):
            return said_by  # "warned that parties inciting violence could be dissolved": by the warner's own side
        own = {a.code for a in said_by if a.code} & {a.code for a in cand.sources if a.code}
        return said_by if own else None

    def _report_frame(self, tok: Token) -> bool:
        """Tell whether a noun trigger frames a report that carries its own act: its audience ("..., witnesses
        told the inquest") or its setting ("the minister said during a visit to Doha" + the reported clause)."""
        if tok.dep_ not in ("dobj", "dative", "pobj"):
            return False
        head = holder(tok)
        if tok.dep_ != "pobj" and not self.lex.has("audience_verbs", head.lemma_.lower()):
            return False  # "reiterated its demand that Israel ease ...": the object is the act
        return self.lex.has("speech_verbs", head.lemma_.lower()) and any(
            c.dep_ in ("ccomp", "parataxis") for c in head.children)

    def _prompted(self, tok: Token) -> bool:
        """Tell whether a trigger is only what prompted its clause's act ("Answering an appeal from Honiara,
        Canberra said it was ready to send troops"): the object of an answering participle."""
        answering = holder(tok)
        return tok.dep_ in ("pobj", "dobj") and answering.dep_ == "advcl" and answering.tag_ == "VBG" and (
            self.lex.has("answer_verbs", lemma_of(answering)) or self.lex.has("concession_frames", lemma_of(answering)))

    def _background(self, tok: Token) -> bool:
        """Tell whether a trigger only sets the scene of its clause: "said after a two-day meeting", "the agency
        said, defying warnings" (a circumstance of the report, below the reported act)."""
        if _occasion(tok):  # "said after meeting Vucic", "the ministry said after Jaishankar met Wang Yi"
            return True
        if tok.dep_ == "acl" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return True  # "Truckers opposed to vaccine mandates blocked the bridge": who they are
        return tok.dep_ == "advcl" and tok.tag_ == "VBG" and self.lex.has("speech_verbs", tok.head.lemma_.lower())

    def _retype(self, cand: Candidate) -> None:
        """Apply PLOVER's intent rules: offers/promises of acts are AGREE, of hostile acts THREATEN; a handover of
        someone wanted is extradition."""
        lex = self.lex
        if cand.type == "RETREAT" and cand.pattern.mode == "release" and lex.has("handover_verbs", lemma_of(
                cand.trigger)) and any(lex.has("wanted_words", t.lower_) for t in cand.trigger.subtree):
            cand.type, cand.mode, cand.rule = "COOPERATE", "legal", cand.rule + "+wanted"  # promised: AGREE below
        direct = [c for c in cand.absorbed if c.parent is cand and not self._reversed(c.trigger, cand.trigger)
                  and not _describes(c.trigger, cand.trigger)]
        for c in [cand, *direct]:  # troops sent to keep the peace are aid, offered or sent
            if c.type == "MOBILIZE" and any(lex.has("peacekeeping_words", lemma_of(t))
                                            for t in anchor(c.trigger).subtree):
                c.type, c.mode, c.rule = "AID", "peacekeeping", c.rule + "+peacekeeping"
        inner = {c.type for c in direct}
        hostile = bool(inner & (lex.words["material_conflict"] | {"THREATEN"}))
        if cand.pattern.wrapper == "order" and hostile:  # "ordered the paper to suspend publication"
            first = next(c for c in direct if c.type in lex.words["material_conflict"] | {"THREATEN"})
            cand.type, cand.mode, cand.rule = first.type, first.pattern.mode, cand.rule + "+ordered-act"
            return
        if cand.pattern.wrapper == "order" and "RETREAT" in inner and any(  # "ordered troops to pull out of Kherson"
                c.dep_ == "dobj" and lex.has("armed_forces_words", lemma_of(c)) for c in cand.trigger.children):
            cand.type, cand.mode, cand.rule = "RETREAT", "withdraw", cand.rule + "+ordered-act"
            return
        if cand.pattern.wrapper == "intent":
            decided = {c.type for c in direct if c.trigger.dep_ == "xcomp" and c.trigger.head == cand.trigger
                       and not lex.has("weak_concessions", c.pattern.id)}  # "agreed to a truce to allow ..."
            imposed = any(c.type == "SANCTION" and c.trigger.dep_ == "pobj" and c.trigger.head.lower_ == "to"
                          and c.trigger.head.head == cand.trigger for c in direct)  # "agreed to an oil embargo"
            imposed = imposed or "SANCTION" in decided  # "the bloc agreed to extend sanctions on Russia"
            if not cand.future and lex.has("decision_verbs", lemma_of(cand.trigger)) and (
                    "CONCEDE" in decided or imposed):
                kind, tag = ("CONCEDE", "+conceded") if "CONCEDE" in decided else ("SANCTION", "+imposed")
                cand.type, cand.mode, cand.rule = kind, None, cand.rule + tag  # "agreed to scrap the cut": conceded
                return
            if hostile or "REJECT" in inner:  # "vowed to shun the elections": a threat of a refusal too
                cand.type, cand.rule = "THREATEN", cand.rule + "+hostile-intent"
                cand.mode = next((c.mode or c.pattern.mode for c in cand.absorbed if c.type != "AGREE"), None)
            elif not cand.absorbed and lex.has("empty_intents", cand.pattern.id):
                cand.type = NON_EVENT  # a plan with no act in it
            return
        if cand.pattern.wrapper == "threaten":
            cand.mode = cand.mode or next((c.pattern.mode for c in cand.absorbed if c.pattern.mode), None)
            return
        declined = (cand.trigger.dep_ == "xcomp" and lex.has("decision_verbs", cand.trigger.head.lemma_.lower())) or (
            lex.has("refused_when_negated", lemma_of(cand.trigger))  # "did not accept the offer"; not "not yet"
            and not any(c.lower_ in ("yet", "still") for c in cand.trigger.children))
        if cand.negated and (cand.future or declined) and cand.type in lex.words["cooperative_types"] and \
                not cand.pattern.wrapper:  # "will not accept refugees", "decided not to cooperate": declines
            cand.type, cand.mode, cand.negated = "REJECT", None, False
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

    def _reversed(self, inner: Token, outer: Token) -> bool:
        """Return whether a verb like "stop" or "prevent" lies between two triggers ("ready to stop the war")."""
        return _reversed_between(inner, outer, self.lex)

    def _arguments(self, cand: Candidate) -> None:
        """Fill source and target actors from the dependency structure around the trigger."""
        tok, res = cand.trigger, self.res
        src_heads, tgt_heads = self._argument_heads(cand)
        if cand.pattern.reverse and cand.type != "REJECT":  # "Refugees received food from Islamic Relief", "received
            # yen in loans from Japan" (but who "would not accept aid from the US" declines it: the subject acts)
            things = [o for o in tok.children if o.dep_ == "dobj"] + pobjs(tok, {"in"})
            givers = pobjs(tok, {"from"}) + [g for o in things for w in [o, *pobjs(o, {"in", "of"})]
                                             for g in pobjs(w, {"from"})]
            src_heads, tgt_heads = givers + src_heads[1:], src_heads[:1]
        cand.sources = _first_resolved(src_heads, res)
        if not any(a.code for a in cand.sources) and src_heads and src_heads[0].tag_ in ("WP", "WDT"):
            # 'Lavrov, who rejected the demand': the relative pronoun stands for the noun its clause modifies
            clause = src_heads[0].head
            if clause.dep_ == "relcl":
                cand.sources = _first_resolved([clause.head], res) or cand.sources
        if not any(a.code for a in cand.sources) and src_heads and src_heads[0].pos_ == "PRON":
            cand.sources = self._antecedent(tok) or cand.sources
        if not any(a.code for a in cand.sources) and self._speaker_may_act(cand, src_heads):
            speech = speech_head(tok, self.lex)
            subj = subject_of(speech) if speech is not None else None
            if subj is not None:
                cand.sources = _first_resolved([subj], res) or cand.sources
        cand.targets = _first_resolved(tgt_heads, res)
        for inner in cand.absorbed:
            if any(a.code for a in cand.targets):
                break
            cand.targets = _first_resolved(pobjs(inner.trigger, self.lex.words["noun_target_preps"]), res) or \
                cand.targets
        own = {a.code for a in cand.sources if a.code}
        if cand.type == "PROTEST" and {a.code for a in cand.targets if a.code} <= own:
            # what a protest phrase names outranks the protesters' own place ("gathered on Belgrade's bridges in
            # protest at NATO's air strikes"), not the premises of another state ("marched on the U.S. embassy")
            cand.targets = [a for a in self._protested_party(cand) if a.code not in own] or cand.targets
        if {a.code for a in cand.targets if a.code} <= own and not any(
                a.name and a.code and not a.guessed for a in cand.targets):
            # "refused to allow monitors from the OSCE", "against cartoons published by a Danish newspaper": a
            # phrase that names no party may name who owns, sends or made what it names
            found = _first_resolved([m for h in tgt_heads for m in _makers(h, self.lex)], res)
            cand.targets = [a for a in found if a.code and a.code not in own] or cand.targets
        # coordinated sources of a two-sided act act on each other ("Saudi and Iranian officials met in
        # Beijing"): no fallback party
        # (also two sides of one state: "government negotiators and FMLN rebels resumed talks in Mexico City")
        mutual = len([a for a in cand.sources if a.code]) > 1 and cand.type in self.lex.words["mutual_types"]
        if not any(a.code for a in cand.targets) and cand.type in _LAST_RESORT_IN and not mutual:
            root = tok.sent.root  # "told a briefing in Geneva": where a speaker spoke is not where aid went
            scene = {"in", "across", "throughout"}
            places = pobjs(anchor(tok), scene) + ([] if self.lex.has("speech_verbs", root.lemma_.lower()) else
                                                  pobjs(root, scene))
            places += [p for a in cand.targets for p in pobjs(self.doc[a.head], scene)]  # "targets in Basra"
            cand.targets = _first_resolved(places, res) or cand.targets
        if cand.type in ("REJECT", "CONCEDE", "AGREE") and not any(a.code for a in cand.targets):
            self._answered_party(cand)
        if not any(a.code for a in cand.targets) and any(a.code for a in cand.sources) and not mutual:
            cand.targets = self._sentence_party(cand) or cand.targets
        if cand.type in _UNATTRIBUTED and not any(a.code for a in cand.targets) and any(a.code for a in cand.sources):
            seat = self._scene_state(tok)  # "a landmine planted by UNITA blew up a truck … in Huambo province"
            if seat is not None:
                cand.targets = [ArgActor(seat[1].code, None, None, tok.idx, tok.idx, seat[0].i, "context",
                                         seat[1].kind)]
        if not any(a.code or a.name or a.sector for a in cand.sources):
            cand.sources = self._clause_source(cand) or cand.sources
        self._domestic_default(cand)
        self._unattributed_attack(cand)
        self._story_default(cand)
        self._implied_authority(cand)
        self._domestic_recipient(cand, self.lex.words["domestic_types"])
        src_codes = {a.code for a in cand.sources if a.code}
        # "U.S. and Russian chiefs met to discuss Syria": parties who meet meet each other; a third is the topic
        if len(src_codes) > 1 and (mutual and ({a.code for a in cand.targets} <= src_codes or cand.type == "CONSULT"
                                               and not self._met_party(cand))
                                   or not any(a.code for a in cand.targets)):
            cand.targets = []  # "Hungary and Romania agreed": each source is the other's target (see records)
        if cand.sources and cand.targets and src_codes and src_codes == {a.code for a in cand.targets} and \
                cand.sources[0].head == cand.targets[0].head:
            cand.targets = []

    def _protested_party(self, cand: Candidate) -> list[ArgActor]:
        """Return the party a protest is against, named by a protest phrase on its clause: "gathered on the bridges
        in protest at NATO's air strikes", "blocked roads, protesting against imports of Ukrainian grain"."""
        clause = anchor(cand.trigger)
        for tok in clause.subtree:
            # the protest phrase may hang on a participle adjunct ("..., smashing windows in protest") or on a time
            # phrase ("for a ninth day in protest"), not inside a clause of its own
            if lemma_of(tok) != "protest" or tok.i == cand.trigger.i or _own_clause_between(tok, clause):
                continue
            objs = pobjs(tok, _PROTESTED_PREPS) + [c for c in tok.children if c.dep_ == "dobj"]
            # "China's deployment of a rig", "imports of Ukrainian grain"
            found = _first_resolved(objs + [g for o in objs for g in pobjs(o, {"of"})], self.res)
            if any(a.code for a in found):
                return [a for a in found if a.code]
        return []

    def _met_party(self, cand: Candidate) -> bool:
        """Tell whether a meeting's recipient is met by its parties ("met with the U.S. envoy", "visited Iran")."""
        heads = [self.doc[a.head] for a in cand.targets if a.code]
        verb = anchor(cand.trigger)
        return any(h.head in (cand.trigger, verb) and h.dep_ in ("dobj", "dative") or
                   h.dep_ == "pobj" and h.head.lower_ == "with" for h in heads)

    def _speaker_may_act(self, cand: Candidate, src_heads: list[Token]) -> bool:
        """Tell whether the speaker of the sentence may stand in for the event's missing source.

        "Washington warned that ... would meet severe counter-measures": the speaker acts; but "drones
        attacked ..., officials said" and "civilians were killed and 42 wounded, Kyiv said" name no attacker.
        """
        tok = cand.trigger
        verbal = cand.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT")
        if not (tok.pos_ in ("VERB", "AUX") or verbal):
            return False
        if cand.type not in self.lex.words["material_conflict"]:
            return True
        verb = anchor(tok)
        clauses = [verb, verb.head] if verb.dep_ == "conj" else [verb]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for v in clauses for c in v.children)
        return not (src_heads or passive)

    def _sentence_party(self, cand: Candidate) -> list[ArgActor]:
        """Return the nearest other coded party of the sentence, outside the source and the attribution.

        The dependency rules miss recipients that sit in modifiers and adjuncts ("opened an embassy in
        Tehran", "lines leading into Kabul", "a blockade on Palestinian lorries"): a state or IGO named in
        the event's own clause is then the likeliest recipient.
        """
        tok, sent = cand.trigger, cand.trigger.sent
        src = cand.sources[0]
        src_span = self.doc.char_span(src.start, src.end, alignment_mode="expand")
        banned = set(range(src_span.start, src_span.end)) if src_span is not None else set()
        for t in sent:  # the attribution: "..., Benin police said", "according to the Canadian Press"
            if self.lex.has("speech_verbs", t.lemma_.lower()) and t.i != tok.i:
                heard = ("dobj", "dative") if self.lex.has("audience_verbs", t.lemma_.lower()) else ()
                for subj in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", *heard)):
                    banned.update(x.i for x in subj.subtree)  # who said it, and whom it was told ("told AFP")
                if cand.type in self.lex.words["domestic_types"]:  # and, for an act within a state, where:
                    banned.update(x.i for c in t.children if c.dep_ == "prep" and tok not in c.subtree  # "…, a group
                                  for x in c.subtree)  # said in Ramallah" (the state's own recipient comes later)
            if t.lower_ == "according" or t.dep_ == "agent" and t.head.lemma_.lower() in ("report", "quote"):
                banned.update(x.i for x in t.subtree)
            if t.dep_ in ("npadvmod", "appos") and self.lex.has("act_nouns", lemma_of(t)) and tok not in t.subtree:
                banned.update(x.i for x in t.subtree)  # "..., a step Norland condemned": who reacts is no party
        if cand.type in self.lex.words["cooperative_types"]:  # "help it push back against the Kremlin's forces"
            banned.update(x.i for t in sent if t.dep_ == "prep" and t.lower_ == "against" for x in t.subtree)
        if cand.type in self.lex.words["domestic_types"]:  # "imposed a curfew on Srinagar after separatists called
            banned.update(x.i for t in sent if _occasion(t) and tok not in t.subtree  # for a march to the U.N.
                          for x in t.subtree)  # observers' office": the occasion's parties are not the act's
        src_codes = {a.code for a in cand.sources if a.code}
        after = [t for t in sent if t.i > tok.i and t.i not in banned]
        before = [t for t in sent if t.i < tok.i and t.i not in banned][::-1]
        for t in after + before:
            code, _, via, kind = self.res._token_code(t)
            if code and via != "setting" and (code not in src_codes or t.i > tok.i) and not self.res.is_place(t) \
                    and not meeting_venue(t) and not self.res.third_party(t):
                head = t
                while head.dep_ in _MODIFIER_DEPS and head.head != head:
                    head = head.head  # the phrase the name modifies ("Palestinian lorries")
                start, end = self.res.span(head)
                return [ArgActor(code, None, None, start, end, head.i, "sentence", kind)]
        return []

    def _clause_source(self, cand: Candidate) -> list[ArgActor]:
        """Return the nearest coded party before the trigger that belongs to its clause, for a subjectless event.

        Parses leave noun triggers without a subject ("warships launched 10 days of war games", "the Party
        issued a declaration demanding ..."): the coded name before it, reached without crossing a preposition
        other than "of" or a speech verb's subject, is then the actor.
        """
        tok, sent = cand.trigger, cand.trigger.sent
        taken = {a.head for a in cand.targets}
        # an attack's author is stated in its own clause; a verbal act may take the nearest party before it
        verbs = _author_verbs(tok, self.lex) if cand.type in self.lex.words["material_conflict"] else None
        for t in reversed([t for t in sent if t.i < tok.i]):
            code, _, via, kind = self.res._token_code(t)
            if not code or via == "setting" or self.res.is_place(t):
                continue
            verb = self._clause_verb(t)
            if verb is None or verbs is not None and verb.i not in verbs:
                continue
            head = t
            while head.dep_ in _MODIFIER_DEPS | {"conj"} and head.head != head:
                head = head.head
            if head.i in taken:
                continue
            start, end = self.res.span(head)
            return [ArgActor(code, None, None, start, end, head.i, "sentence", kind)]
        return []

    def _clause_verb(self, tok: Token) -> Token | None:
        """Return the verb ``tok`` depends on, reached without crossing a preposition other than "of" or
        being a speech verb's subject (None when it crosses one)."""
        cur = tok
        for _ in range(12):
            if cur.dep_ == "prep" and cur.lower_ != "of" or cur.dep_ == "agent":
                return None
            if cur.dep_ in ("nsubj", "nsubjpass") and self.lex.has("speech_verbs", cur.head.lemma_.lower()):
                return None
            if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
                return cur
            cur = cur.head
        return None

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
        if tgt and not src and cand.sources and self._abroad(tgt):
            # "people rallied outside the French consulate in Karachi": the crowd is of the host state, not France
            host = self._scene_state(cand.trigger)
            if host is not None:
                s = cand.sources[0]
                cand.sources = [ArgActor(host[1].code, s.name, s.sector, s.start, s.end, s.head, "context",
                                         host[1].kind)]
            return
        actorish = [a for a in cand.targets if (a.name or a.sector) and not (a.name and cand.type in _DIPLOMATIC)
                    and a.head != cand.trigger.i  # "gave military assistance": the aid is no recipient
                    and not _of_several(self.doc[a.head])]
        if src and not tgt and actorish:
            t = actorish[0]
            cand.targets = [ArgActor(src.code, t.name, t.sector, t.start, t.end, t.head, "context", src.kind)]
        elif tgt and not src and cand.sources and (cand.sources[0].name or cand.sources[0].sector) and not (
                cand.sources[0].name and cand.type in _DIPLOMATIC):
            s = cand.sources[0]
            # a crowd protests where it stands: "thousands marched through London against Israel's campaign" (GBR)
            host = self._scene_state(cand.trigger) if cand.type == "PROTEST" else None
            code, kind = (host[1].code, host[1].kind) if host is not None else (tgt.code, tgt.kind)
            cand.sources = [ArgActor(code, s.name, s.sector, s.start, s.end, s.head, "context", kind)]

    def _abroad(self, arg: ArgActor) -> bool:
        """Tell whether an actor phrase is a state's premises abroad ("the U.S. embassy in Nairobi")."""
        head = self.doc[arg.head]
        return self._premises(head) or self._premises(head.head)

    def _premises(self, tok: Token) -> bool:
        """Tell whether a noun names a state's premises abroad (an embassy, a consulate)."""
        return self.lex.has("extraterritorial", lemma_of(tok))

    def _unattributed_attack(self, cand: Candidate) -> None:
        """Give an attack whose author no phrase places the country where it happened.

        Also a coercion (a curfew clamped on a city, an arrest by unnamed agents) and a protest by a crowd that no
        phrase places ("coca growers blocked the highway near Cochabamba"). ICEWS codes such authors as the
        unidentified forces of the scene's country, and so does the PLOVER GSR
        ("A roadside bombing near Samarra killed a U.S. soldier": IRQ → USA).
        """
        if cand.type not in _SCENE_AUTHORED or any(a.code for a in cand.sources):
            return
        tok = cand.trigger
        subj = subject_of(tok)
        means = [tok, *(c for c in tok.children if c.dep_ in ("compound", "amod")), *([subj] if subj else []),
                 *(self.doc[a.head] for a in cand.sources)]
        if any(self.lex.has("remote_weapons", t.lemma_.lower()) for t in means):
            return  # "two drones attacked facilities in Russia's Smolensk region": fired from anywhere
        found = self._scene_state(tok)
        if found is None:
            return
        place, state = found
        s, at = (cand.sources[0] if cand.sources else None), tok.idx
        cand.sources = [ArgActor(state.code, s.name if s else None, s.sector if s else None, s.start if s else at,
                                 s.end if s else at, s.head if s else tok.i, "context", state.kind)]
        if not any(a.code for a in cand.targets):  # "a car bomb exploded outside a mosque in Benghazi": LBY → LBY
            # but "outside the U.S. embassy in Nairobi": the embassy's state was struck
            premises = [a for t in _scene_objects(tok.sent) if self._premises(t) for a in self.res.resolve(t) if a.code]
            cand.targets = premises[:1] or [ArgActor(state.code, None, None, at, at, place.i, "context", state.kind)]

    def _story_default(self, cand: Candidate) -> None:
        """Place the parties of a domestic act that no phrase of its sentence places in the state the story is set
        in ("Officers arrested Christopher Battin", "He also is charged in three Atlanta attacks" in a story whose
        places and people are all American). ICEWS codes such actors by the story's location, too; the code is
        marked as guessed, and only a person, a pronoun for one, or a sector phrase ("officers") gets it."""
        if self.home is None or cand.type not in self.lex.words["story_types"] or cand.pattern.pos != "VERB" or \
                any(a.code for a in cand.sources + cand.targets):  # a bare noun ("months of protests") names no act
            return
        code, at = self.home, cand.trigger.idx

        def placeable(a: ArgActor) -> bool:  # a person or a state's people; a firm's or a paper's seat is its own
            head = self.doc[a.head]
            return a.sector not in _SEATED_SECTORS and (a.sector is not None or head.ent_type_ == "PERSON"
                                                          or head.lower_ in _PERSONAL
                                                          or self.lex.has("kin_nouns", lemma_of(head)))

        def placed(args: list[ArgActor]) -> list[ArgActor]:
            return [ArgActor(code, a.name, a.sector, a.start, a.end, a.head, "context", "state", guessed=True)
                    if placeable(a) else a for a in args]

        cand.sources, cand.targets = placed(cand.sources), placed(cand.targets)
        if not any(a.code for a in cand.sources + cand.targets):
            return
        if not cand.sources and not cand.pattern.reverse:  # an agentless act of the story's state: its authorities
            cand.sources = [ArgActor(code, None, None, at, at, cand.trigger.i, "context", "state", guessed=True)]

    def _implied_authority(self, cand: Candidate) -> None:
        """Give a state's legal act done to a named party, in the passive and by no named agent, the state the
        party belongs to ("Kopp was indicted in the shooting": USA → USA; "five Iraqis were deported" after a
        scene in Tanzania took that scene's state already). Arrests and charges are mostly domestic."""
        if any(a.code for a in cand.sources) or not self.lex.has("authority_acts", lemma_of(cand.trigger)):
            return
        tok = cand.trigger
        if not any(c.dep_ == "nsubjpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
            return
        tgt = next((a for a in cand.targets if a.code and a.kind == "state"), None)
        if tgt is not None:
            s, at = (cand.sources[0] if cand.sources else None), tok.idx
            cand.sources = [ArgActor(tgt.code, s.name if s else None, s.sector if s else None,
                                     s.start if s else at, s.end if s else at, s.head if s else tok.i, "context",
                                     tgt.kind)]

    def _scene_state(self, tok: Token) -> tuple[Token, ArgActor] | None:
        """Return the place nearest ``tok`` where the sentence sets its act, with the state it lies in."""
        # where, anywhere in the sentence ("tore through a building in Oklahoma City, killing …"); "the town of
        # Samarra" is Samarra. A place within another actor's phrase is that actor's seat ("the tribunal in The
        # Hague found … guilty for his role in the massacre"), unless the phrase is itself an act ("a bombing near
        # Samarra killed")
        seats = {t.i for s in tok.sent if s.dep_ in ("nsubj", "nsubjpass") and s.i not in self.acts
                 and tok not in s.subtree for t in s.subtree}
        places = [t for t in _scene_objects(tok.sent) if t.i not in seats and not self._premises(t)]
        places = sorted(places + [o for t in places for o in pobjs(t, {"of"})], key=lambda t: abs(t.i - tok.i))
        return next(((p, a) for p in places for a in self.res.resolve(p) if a.code and a.kind == "state"), None)

    def _domestic_recipient(self, cand: Candidate, types: frozenset[str]) -> None:
        """Give an event of ``types`` that names no recipient its source's own state: a protest, a coercion or a
        concession (``domestic_types``), or a resignation, a promise, a threat, an inquiry, a refusal, praise or an
        attack on no named victim (``self_directed_types``).

        PLOVER codes these as acts within a state ("French unions held a nationwide strike": FRA → FRA; the PLOVER
        GSR gives 19 of its 30 such development events a recipient of the source's country and none an empty one).
        Of the self-directed events coded with a source and no recipient, the labels of the written development
        sentences give 148 the source's country, 31 no recipient and 36 another party; the real-news annotators 16, 4
        and 6; the GSR development lines leave both of theirs empty.
        The implied recipient has an empty span: no phrase of the text names it.
        """
        codes = {a.code for a in cand.sources if a.code}
        if cand.type not in types or len(codes) != 1 or any(a.code for a in cand.targets) or self._kin_object(cand):
            return
        src = next(a for a in cand.sources if a.code)
        holders = [self.doc[src.head], *pobjs(self.doc[src.head], {"of"})]  # "hundreds of prisoners in Israeli jails"
        held = [a for h in holders for p in pobjs(h, PLACE_PREPS) for a in self.res.resolve(p) if a.code]
        if held and held[0].code != src.code:  # "Palestinian prisoners in Israeli jails began a hunger strike"
            cand.targets = held[:1]
            return
        if src.kind == "state":
            at = cand.trigger.idx
            cand.targets = [ArgActor(src.code, None, None, at, at, cand.trigger.i, "context", src.kind)]

    def _kin_object(self, cand: Candidate) -> bool:
        """Tell whether the act is aimed at a party named only by its tie to the source ("its invasion of its
        neighbour", "attacked its rival"): another party, though no code names it."""
        tok = cand.trigger
        objects = [c for c in tok.children if c.dep_ == "dobj"] + pobjs(tok, self.lex.words["noun_target_preps"])
        return any(self.lex.has("relational_nouns", lemma_of(o)) and any(c.dep_ == "poss" for c in o.children)
                   for o in objects)

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
        if cand.type in lex.words["cooperative_types"]:
            tpreps = tpreps - {"against"}  # "arms to help Kyiv push back against the Kremlin": the foe is no recipient
        if cand.pattern.pos == "NOUN":
            self._nominal_heads(cand, tpreps, src, tgt)
        elif _said_clause(cand):
            speaker = subject_of(tok.head)
            src.extend([speaker] if speaker is not None else [])
            tgt.extend(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
        else:
            self._verbal_heads(cand, tpreps, src, tgt)
        light = anchor(tok)
        tgt[:0] = self._framed_targets(cand, light)
        for purpose in (c for c in light.children if c.dep_ in ("advcl", "xcomp") and to_infinitive(c)):
            # "... to demand the removal of X"
            for obj in (c for c in purpose.children if c.dep_ == "dobj"):
                tgt.extend(pobjs(obj, {"of", "from", "by"}) + [obj])
            tgt.extend(pobjs(purpose, {"against"}))  # "took to the streets to protest against the U.S. presence"
        # "marched ... to demand that Beijing honour its promise", "demanding that the prime minister step down"
        tgt.extend(s for claim in light.children if claim.dep_ in ("advcl", "xcomp") for comp in claim.children
                   if comp.dep_ == "ccomp" and mandative(comp) for s in comp.children if s.dep_ == "nsubj")
        return src, tgt

    def _framed_targets(self, cand: Candidate, light: Token) -> list[Token]:
        """Return the recipients a frame names outside the usual slots, to be tried first: the accused of a complaint
        filed at a forum, the drafter of a vetoed text, the state across the border troops face."""
        tok, lex = cand.trigger, self.lex
        if cand.type == "ACCUSE":  # "filed a case at the ICJ accusing Israel", "a lawsuit at the ICJ against Colombia"
            against = [h for w in (tok, *(c for c in tok.children if c.dep_ == "dobj")) for h in pobjs(w, {"against"})]
            named = any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children)  # "criticized Tokyo over …"
            over = [] if named else [o for p in pobjs(tok, {"over"}) for o in p.children if o.dep_ == "poss"]
            accused = [o for c in tok.children if c.dep_ == "advcl" and lex.has("accusing_verbs", lemma_of(c))
                       for o in c.children if o.dep_ == "dobj"]
            return against + over + accused  # "… over China's export curbs": the accused, not the forum
        if cand.type == "REJECT":  # "vetoed an Egyptian-drafted resolution": the drafter, not the Council
            return [d for o in tok.children if o.dep_ == "dobj" for m in o.children if m.dep_ == "amod"
                    and lex.has("drafting_verbs", m.lemma_.lower()) for d in m.children if d.dep_ == "npadvmod"]
        if cand.type == "RETREAT" and cand.pattern.mode == "access":
            return _admitted(cand)
        if cand.type == "MOBILIZE":  # "massed troops along its border with Syria", not "moved troops from its
            return [w for t in light.subtree if lemma_of(t) in _BORDERS and t.head.lower_ != "from"  # border with
                    for w in pobjs(t, {"with"})]  # Afghanistan"
        return []

    def _nominal_heads(self, cand: Candidate, tpreps: frozenset[str], src: list[Token],
                       tgt: list[Token]) -> None:
        """Add the source and target heads of a noun trigger ("Russia's naval exercises", "talks with X")."""
        tok, lex = cand.trigger, self.lex
        src.extend(c for c in tok.children if c.dep_ == "poss")
        src.extend(pobjs(tok, {"by"}))
        # "the handover of rifles by MNLF fighters", "the killing of civilians by troops": the agent the parser hung
        # on what the act is of
        src.extend(by for of_obj in pobjs(tok, {"of"}) for by in pobjs(of_obj, {"by"}))
        src.extend(_acl_agents(tok, lex))  # "the joint exercise held by Australia and Indonesia"
        kinds = lex.modes.get(cand.type, {})  # "military aid", "naval exercises": a kind, not an actor
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                and not self.res.is_venue(c) and lemma_of(c) not in kinds]
        src.extend(c for c in mods if not _anti(c))
        tgt.extend(c for c in mods if _anti(c))  # "anti-Japanese riots" address Japan
        if cand.type == "RETREAT":  # "the withdrawal of its peacekeepers from Mali": left, not what left
            tgt.extend(pobjs(tok, {"from"}))
        for deed in pobjs(tok, lex.words["noun_target_preps"]):  # "a probe into massacres by Rwandan troops"
            if deed.i in self.acts:
                tgt.extend(pobjs(deed, {"by"}))
        tgt.extend(pobjs(tok, lex.words["noun_target_preps"]))
        for of_obj in pobjs(tok, {"of"}):  # "a suspension of air links with Serbia"
            tgt.extend(pobjs(of_obj, lex.words["noun_target_preps"] - {"of"}))
        if cand.pattern.wrapper:  # "its demand that Israel ease restrictions"
            for clause in (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")):
                tgt.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
        light = anchor(tok)
        if light != tok:
            subj = subject_of(light)
            passive = [c for c in light.children if c.dep_ == "nsubjpass"]
            undergoes = cand.type == "THREATEN" and lex.has("undergo_verbs", lemma_of(light))
            # "Israel drew sharp criticism from Egypt", "Merkel won the backing of the SPD": the subject receives
            receives = cand.type in lex.words["received_types"] and lex.has("receiving_verbs", lemma_of(light)) and (
                lemma_of(light) != "come" or tok.head.lower_ == "under")
            if subj is not None and subj != tok and receives:
                givers = pobjs(tok, {"from", "of"} if cand.type == "SUPPORT" else {"from"}) + pobjs(light, {"from"})
                src[:0] = givers
                tgt[:] = [subj, *(t for t in tgt if t not in givers)]
            elif subj is not None and subj != tok and undergoes:
                tgt.append(subj)  # "Lebanon would pay a heavy price": who pays is threatened, not threatening
            elif subj is not None and subj != tok:
                src.append(subj)
            tgt.extend(c for c in light.children if c.dep_ == "dative")
            tgt.extend(p for p in passive if p != tok)
            tgt.extend(pobjs(light, tpreps))
        if cand.type in lex.words["mutual_types"] | {"RETREAT", "ASSAULT"}:
            src.extend(pobjs(tok, {"between"}))  # "a ceasefire between India and Pakistan": both act
        if cand.type in ("RETREAT", "MOBILIZE"):
            src.extend(pobjs(tok, {"of"}))  # "the withdrawal of Russian troops from Gori": the forces act

    def _verbal_heads(self, cand: Candidate, tpreps: frozenset[str], src: list[Token],
                      tgt: list[Token]) -> None:
        """Add the source and target heads of a verb trigger: subject, passive, objects, obliques, clauses."""
        tok, lex = cand.trigger, self.lex
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        subj = subject_of(tok)
        if subj is not None:
            src.append(subj)
            src.extend(_acl_agents(subj, lex))  # "a mortar shell fired by Bosnian Serb gunners slammed into"
        elif passive:  # "Cuba was hit with new U.S. sanctions": the instrument's owner acts
            # "was threatened with further action by President Bush": the parser hangs the agent on the instrument
            held = pobjs(tok, {"with", "for", "over"}) + [c for c in tok.children if c.dep_ == "dobj"]
            src.extend(a for w in held for a in pobjs(w, {"by"}))  # also "was promised a grant by Finland"
            src.extend(m for w in pobjs(tok, {"with"}) for m in w.children if m.dep_ in _OWNER_DEPS)
            if cand.type == "SANCTION" or cand.pattern.mode == "deport":
                src.extend(pobjs(tok, {"from"}))  # "were expelled from Britain": who puts them out acts
        if passive and cand.type == "MOBILIZE" and subj is None:  # "Thai troops were placed on alert"
            src.extend(passive)
            passive = []
        if passive and cand.pattern.wrapper == "intent" and not src:  # "Vietnam is committed to ...": a stative
            # passive; "Seoul was promised a credit by the IMF" names its promiser
            src.extend(passive)
            passive = []
        tgt.extend(passive)
        for dative in (c for c in tok.children if c.dep_ == "dative"):  # "gave aid to Ukraine": the object
            tgt.extend([p for p in dative.children if p.dep_ == "pobj"] if dative.pos_ == "ADP" else [dative])
        if cand.pattern.wrapper == "request":
            tgt.extend(c for c in tok.children if c.dep_ == "dobj")
            for comp in (c for c in tok.children if c.dep_ in ("ccomp", "xcomp")):
                tgt.extend(c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass"))
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            # "reaffirmed America's support for Israel", "welcomed the release by Venezuela": the object is an
            # act, not a party; its own parties come first
            act = self.acts.get(obj.i)  # an offer or a demand is the party's own: "rejected the US proposal"
            if cand.type == "ACCUSE" and act is not None:  # "condemned Israel's air strikes on Lebanon": its author
                tgt.extend([c for c in obj.children if c.dep_ == "poss"] + pobjs(obj, {"by"}))
            if lemma_of(obj) in cand.pattern.obj or act is not None and not act.wrapper:
                # "expelled Iranian diplomats from London": the place they leave is the expeller's own
                away = {"from"} if cand.pattern.mode in ("expel", "deport") else set()
                tgt.extend(pobjs(obj, lex.words["noun_target_preps"] - {"of"} - away | {"by"}))
        objects = [c for c in tok.children if c.dep_ in ("dobj", "attr")  # "invited Wallace to Moscow"
                   and c.lower_ not in _REFLEXIVES]  # "blew himself up on a bus in Jerusalem"
        if cand.pattern.predicate and not objects:  # "called [Britain's ambassador] a stupid guy", parsed as the
            objects = [c for c in tok.children if c.dep_ == "oprd"]  # predicate
        if cand.type == "MOBILIZE" and pobjs(tok, _TOWARD):  # "moved two divisions towards the border": the forces
            objects = [o for o in objects if o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "NORP")]  # are its own
            tgt.extend(w for p in pobjs(tok, _TOWARD) for w in pobjs(p, {"with"}))  # "near its border with Kuwait"
        if cand.type == "PROTEST":  # "rallied outside the U.S. embassy in Jakarta": the mission's state
            places = pobjs(tok, PLACE_PREPS | {"to", "on"})
            tgt.extend(p for p in places if lex.has("mission_nouns", lemma_of(p)))
        # "withdrew its troops from Gedo": what the source owns comes after the other parties
        owned = [c for c in objects if any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)]
        # a named object is the party ("invited Wallace to Moscow"), but what is given or returned is not:
        # "will send 1,000 peacekeepers to Haiti", "handed Hong Kong back to China"
        given = cand.type in ("AID", "SUPPORT", "AGREE", "RETREAT")
        named = [c for c in objects if c not in owned and c.pos_ == "PROPN" and cand.type != "RETREAT"]
        back = [a for a in tok.children if a.dep_ in ("advmod", "prt")]  # "handed it back to China"
        if cand.type == "CONSULT":  # "discussed the Kosovo crisis with Chirac": the topic is no party
            tgt.extend(pobjs(tok, {"with"}) + [p for o in objects for p in pobjs(o, {"with", "between"})])
        if cand.type == "RETREAT":  # "pulling its peacekeepers out of Rwanda"
            tgt.extend(p for a in tok.children if a.lower_ == "out" for p in pobjs(a, {"of"}))
        if cand.type == "COOPERATE":  # "extradited the cartel leader to the United States": who receives him
            tgt.extend(pobjs(tok, {"to"}) + [p for a in back for p in pobjs(a, {"to"})])
        tgt.extend(named + (pobjs(tok, {"to"}) + [p for a in back for p in pobjs(a, {"to"})] if given else []))
        tgt.extend(c for c in objects if c not in owned and c not in named)
        tgt.extend(pobjs(tok, tpreps))
        tgt.extend(self._complement_targets(cand, tpreps))
        for obj in (c for c in tok.children if c.dep_ == "dobj"):  # "demanded an admission by Moscow"
            tgt.extend(pobjs(obj, lex.words["noun_target_preps"] | {"by"}))
        if cand.type == "THREATEN":  # "threatened to ... if the United States goes ahead"
            for cond in (c for c in tok.subtree if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)):
                tgt.extend(c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass"))
        if cand.type != "RETREAT":  # "withdrew its forces": never the recipient of the withdrawal
            tgt.extend(owned)

    def _complement_targets(self, cand: Candidate, tpreps: frozenset[str]) -> list[Token]:
        """Return the target heads inside a verb trigger's complement clauses ("agreed to return X to Y")."""
        tok, lex = cand.trigger, self.lex
        out: list[Token] = []
        for comp in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "acomp")):
            objects = [c for c in comp.children if c.dep_ == "dobj"]
            # "charged that Eritrean forces had", "allowed inspectors to enter"
            if cand.type == "ACCUSE" and comp.dep_ == "ccomp" or to_infinitive(comp):
                out.extend(c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass"))
            if cand.type in lex.words["cooperative_types"]:  # "offered to enrich uranium for Iran"
                out.extend(pobjs(comp, {"for"}))
            out.extend(c for c in comp.children if c.dep_ == "dative")
            if lex.has("deployment_verbs", lemma_of(comp)):  # "refused to deploy peacekeepers in Iraq": where they
                out.extend(p for w in (comp, *objects) for p in pobjs(w, {"in", "to", "into"}))  # would go
            # "to sever relations with Israel over its offensive in Gaza", "to walk out of talks with Israel": the
            # party of the ties or talks at stake comes before the topic
            preps = [c for c in comp.children if c.dep_ == "prep"]
            nouns = objects + [
                o for p in preps + [g for c in preps for g in c.children if g.dep_ == "prep"]
                for o in p.children if o.dep_ == "pobj" and o.i in self.acts]  # not "stand by X in a dispute"
            out.extend(p for n in nouns for p in pobjs(n, {"with", "between"}))
            out.extend(pobjs(comp, tpreps))  # "agreed to return four villages to Azerbaijan"
            for obj in objects:  # "to lift the U.S. embargo against
                parties = pobjs(obj, lex.words["noun_target_preps"])  # Vietnam": an act object's own party first
                out.extend(parties + [obj] if obj.i in self.acts else [obj] + parties)
        return out

    def _mode(self, cand: Candidate) -> str | None:
        """Return the PLOVER mode named by words around the trigger, if the mode table has one."""
        table = self.lex.modes.get(cand.type)
        if not table:
            return None
        words = [lemma_of(cand.trigger)]
        for inner in (c for c in cand.absorbed if c.type == cand.type):  # "authorized $200 million in security aid"
            words += [lemma_of(t) for t in inner.trigger.subtree]
        words += [lemma_of(t) for t in cand.trigger.subtree if t.i != cand.trigger.i]
        for inner in cand.absorbed:
            words.append(lemma_of(inner.trigger))
        light = anchor(cand.trigger)
        if light != cand.trigger:
            words.append(lemma_of(light))
        words += [t.text for t in cand.trigger.subtree if t.text == "$"]
        return next((table[w] for w in words if w in table), None)

    def _location(self, cand: Candidate) -> str | None:
        """Return the place name attached to the event by in/at/near, if any."""
        for head in (cand.trigger, anchor(cand.trigger)):
            for pobj in pobjs(head, PLACE_PREPS):
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
        if any(a.code and a.end > a.start for a in cand.targets):  # a named recipient, not an implied one
            conf += 0.05
        if cand.hypothetical:
            conf *= 0.7
        if cand.reported:
            conf *= 0.95
        return round(max(0.05, min(0.99, conf)), 3)


def penta_of(cand: Candidate) -> str:
    """Return the CAMEO quad class of a candidate ("statement" for an appeal: "urged", "called on")."""
    lex = load_lexicon()
    if cand.type == "REQUEST" and cand.pattern is not MUST_CLAUSE and \
            lex.has("appeal_lemmas", cand.trigger.lemma_.lower()) and not any(  # "called for sanctions" demands
                penta_of(a) in _CONFLICT and not _reversed_between(a.trigger, cand.trigger, lex)
                for a in cand.absorbed if a.parent is cand):
        return "statement"
    return PENTA[cand.type]


def speaker_span(doc: Doc, actors: ActorAnalysis) -> tuple[int, int] | None:
    """Return char offsets of the first sentence's main subject: the source of a mere statement (CAMEO 01).

    "The Government has strongly rejected accusations ...", "Jewish leaders said they hoped ...": a sentence
    that codes no event still has an actor who speaks; pronouns are left out (no antecedent in one sentence).
    """
    sent = next(iter(doc.sents), None)
    if sent is None:
        return None
    subj = subject_of(sent.root)
    if subj is None or subj.pos_ == "PRON":
        return None
    return ArgResolver(doc, actors).span(subj)


def code_sentences(doc: Doc, actors: ActorAnalysis, lex: Lexicon | None = None, learned: bool = True
                   ) -> list[tuple[Span, list[Candidate]]]:
    """Return each sentence of ``doc`` with its top-level event candidates (``learned``: the type classifier's
    events of sentences no pattern matched in too)."""
    coder = _Coder(doc, actors, lex, learned)
    coded: list[tuple[Span, list[Candidate]]] = []
    told: set[str] = set()  # the types of the events the article has already reported
    for sent in doc.sents:
        cands = coder.sentence(sent)
        given = {c.trigger.i for c in cands if c.type in told and c.type in _RESTATED_TYPES
                 and c.pattern.pos == "NOUN" and _definite(c.trigger) and _aside(c.trigger)}
        cands = [c for c in cands if not (c.type in told and (_time_anchor(c) or _restated(c, given)))]
        told.update(c.type for c in cands if not c.negated and any(a.code for a in c.sources + c.targets))
        coded.append((sent, cands))
    return coded


def _imperative(sent: Span) -> bool:
    """Tell whether a sentence is an imperative: it opens with its main verb, bare and without a subject."""
    root = sent.root
    first = next((t for t in sent if not t.is_punct), root)
    return root.i == first.i and root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "expl") for c in root.children)


def _time_anchor(cand: Candidate) -> bool:
    """Tell whether a nominal trigger only dates its clause by an event told before ("Kopp vanished after the
    shooting", "on the run since the 1998 bombing"): a reference, not a new event."""
    tok = cand.trigger
    if cand.pattern.pos != "NOUN" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "to" and prep.head.lower_ == "prior":
        return True
    return prep.lower_ in _ANCHOR_PREPS


def _definite(tok: Token) -> bool:
    """Tell whether a nominal trigger is a definite phrase ("the bombing", "the embassy blast", "Rabin's killing"):
    given information, the event the article has told, unless marked as another one ("the second attack")."""
    kids = list(tok.children)
    if any(k.lower_ in _NEW_MARKERS for k in kids):
        return False
    return any((k.dep_ == "det" and k.lower_ in _DEFINITE) or k.dep_ == "poss" for k in kids)


def _aside(tok: Token) -> bool:
    """Tell whether a nominal trigger is only mentioned by a clause about something else ("the crater left by the
    embassy blast", "victims of the bombing were brought back"), not the topic that a clause or its casualties
    tell ("the blast occurred at 10:35", "eleven people died in the blast")."""
    if tok.dep_ not in ("pobj", "dobj"):
        return False
    return lemma_of(holder(tok)) not in _CASUALTY_LEMMAS  # "died in the blast": died; "toll in": toll


def _restated(cand: Candidate, given: set[int]) -> bool:
    """Tell whether a candidate only restates an event the article has told: a definite nominal trigger, or a verb
    whose subject or antecedent is one ("the Aug. 7 blasts killed 257", "the bombing that killed an officer")."""
    tok = cand.trigger
    if tok.i in given:
        return True
    if cand.pattern.pos != "VERB":
        return False
    if tok.dep_ == "relcl" and tok.head.i in given:
        return True
    return any(k.dep_ in ("nsubj", "nsubjpass") and k.i in given for k in tok.children)


def _story_state(actors: ActorAnalysis) -> str | None:
    """Return the state a story is set in: the one that at least half of its mentions of states and of their
    people and bodies ("U.S. officials", "the FBI") name, at least twice (None for a story across states)."""
    states = Counter(a.id if a.kind == "state" else a.country for m in actors.mentions
                     if (a := actors.actors.get(m.actor_id)) is not None and a.kind != "igo"
                     and (a.kind == "state" or a.country in state_codes()))
    if not states:
        return None
    code, count = states.most_common(1)[0]
    return code if count >= 2 and count * 2 >= sum(states.values()) else None
