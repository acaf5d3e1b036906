"""Trigger detection: match the lexicon's patterns against the tokens of a parsed sentence."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.events.clause import anchor, to_infinitive
from newsgraph.events.lexicon import Lexicon, Pattern

_OBJ_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative", "acomp"}
_SKIP_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LAW", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT"}
_PERSONISH = {"minister", "secretary", "president", "delegation", "official", "envoy", "diplomat", "leader",
              "chancellor", "premier", "king", "emir", "negotiator", "ambassador", "representative", "head",
              "counterpart"}
_SPANS = {"day", "week", "month", "year", "hour", "night", "decade"}
_BODYISH = {"government", "junta", "regime", "military", "army", "authority", "leadership", "administration", "cabinet"}
_MILISH = {"troop", "soldier", "force", "peacekeeper", "peacekeeping", "contingent", "unit", "army", "marine", "tank",
           "battalion", "brigade", "observer", "monitor", "missile", "rocket", "shell", "drone", "bomb", "mortar",
           "projectile", "warplane", "jet"}
_VOW_VERBS = {"vow", "promise", "pledge", "threaten", "warn", "swear"}
_ARMED = {"militant", "gunman", "fighter", "rebel", "insurgent", "guerrilla", "jihadist", "militiaman", "attacker"}
_PARTY_ENTS = {"GPE", "ORG", "NORP", "PERSON"}
_DOUBLED_E = re.compile(r"([bdfgklmnprtvz])\1e$")  # a doubled consonant before a final "e"
_DIRECTIONS = {"away", "back", "off", "out", "down", "up"}  # adverbs that carry a verb's preposition
_CLAUSE_DEPS = {"conj", "ccomp", "advcl", "xcomp", "relcl", "acl", "parataxis"}
_SCORE = re.compile(r"(?<![\d.,$])\b\d{1,3} ?[-–] ?\d{1,3}\b(?![-–]?\d|%| percent)")  # "2-0", "5–0", "2 - 1"
_WHEN = {"DATE", "TIME"}  # entity types the small model mistakes for an object predicate
_DASHES = {"—", "--", "–", "_"}  # a wire dateline's dash ("HANOI, Vietnam (AP) — …")


def pos_of(tok: Token) -> str | None:
    """Return the lexicon part of speech of a token (VERB, NOUN, ADJ), or None."""
    if tok.tag_.startswith("VB"):
        if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
                c.dep_ in ("det", "amod", "poss", "nummod") for c in tok.children):
            return "NOUN"  # "staged joint live-fire drills": a tagger's verb that the parse uses as a noun
        return "VERB"
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children) and any(
            c.dep_ in ("dobj", "prt") for c in tok.children):
        return "VERB"  # "EU and UN hand over medical supplies": a headline's verb the tagger took for a noun
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in ("talks", "summit")):
        return "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return None


def lemma_of(tok: Token) -> str:
    """Return the lower-case lemma, with plural nouns the tagger left unlemmatised singularised."""
    lemma = tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NNPS") and lemma == tok.lower_ and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    if _d_dropped(tok, lemma):
        if _DOUBLED_E.search(lemma):
            return lemma[:-2]
        if lemma.endswith("cke"):
            return lemma[:-1]
    return lemma


def _d_dropped(tok: Token, lemma: str) -> bool:
    """Tell whether ``lemma`` is a past form with its "d" dropped: the small model's rules lemmatise unknown past
    forms so ("backpedalled" -> "backpedalle", "deadlocked" -> "deadlocke", "waterboarded" -> "waterboarde")."""
    return tok.tag_ in ("VBD", "VBN") and tok.lower_.endswith("ed") and lemma == tok.lower_[:-1]


def _unknown_past(tok: Token) -> str:
    """Return the other reading of a past form the small model lemmatised by dropping its "d" ("waterboarded" ->
    "waterboarde": "waterboard"), else "" (a fallback only: "decided" -> "decide" is right)."""
    lemma = lemma_of(tok)
    return lemma[:-1] if _d_dropped(tok, lemma) and lemma.endswith("de") else ""


def _misread_object(tok: Token) -> list[Token]:
    """Return a name the small model made the object predicate of an active verb that has no object: it is the
    object ("called Lavrov on Tuesday" is a call, not a naming)."""
    if tok.dep_ == "acl" or any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]


def _objects(tok: Token) -> list[Token]:
    """Return the object-like children of a trigger, with the objects of 'of'/'in' attached to them."""
    objs = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    # "accept refugees fleeing X" parses as a clause whose subject is the object
    objs += [s for c in tok.children if c.dep_ == "ccomp" and c.tag_ == "VBG" for s in c.children if s.dep_ == "nsubj"]
    # "allowed inspectors to enter" parses as a to-clause whose subject is the object
    to_clauses = [c for c in tok.children if c.dep_ == "ccomp" and to_infinitive(c)]
    objs += [s for c in to_clauses for s in c.children if s.dep_ == "nsubj"]
    # "allowed only one [shot] on goal": a clause headed by a bare noun is an object the parser misread
    objs += [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"]
    # "called off [its weekly demonstrations]": the small model hangs the object on the particle
    objs += [o for c in tok.children if c.dep_ == "prt" for o in c.children if o.dep_ == "pobj"]
    out = list(objs)
    for obj in objs:
        mods = [c for c in obj.children if c.dep_ in ("compound", "amod", "nmod")]
        out.extend(mods + [g for m in mods if m.dep_ == "nmod" for g in m.children if g.dep_ in ("compound", "amod")])
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "for")):
            out.extend(p for p in prep.children if p.dep_ == "pobj")
        for conj in (c for c in obj.children if c.dep_ in ("conj", "appos")):  # "Sylvain Itte, France's ambassador"
            out.append(conj)
            if conj.dep_ == "conj":  # "used water cannon and tear gas": the conjunct's own modifiers too
                out.extend(c for c in conj.children if c.dep_ in ("compound", "amod"))
    return out


def _clause_text(tok: Token) -> str:
    """Return the text of a verb's own clause: its subtree without the clauses hung on it."""
    inner = {t.i for c in tok.children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
    return "".join(t.text_with_ws for t in tok.subtree if t.i not in inner)


def _predicates(tok: Token) -> list[Token]:
    """Return what a verb calls its object: "called Putin a killer", "described the attacks as senseless"."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    # the small model also calls a date or a participle an object predicate ("called Thursday on Arabs to ...")
    # and a lone name it makes the predicate of an active verb ("called Lavrov on Tuesday": see _misread_object)
    misread = _misread_object(tok)
    found = [c for c in tok.children if c.dep_ == "oprd" and c.pos_ != "VERB" and c.ent_type_ not in _WHEN
             and c not in misread] + [
        w for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
        for w in c.children if w.dep_ in ("pobj", "amod", "acomp")]
    return found + [c for w in found for c in w.children if c.dep_ == "conj"]  # "as delusional and a liar"


def _pledged(clause: Token) -> bool:
    """Tell whether a clause commits its subject to something ("Israel has committed to clearing out the
    settlements"), which is a promise, not a crime committed."""
    return clause.lemma_ == "commit" and any(c.dep_ == "prep" and c.lower_ == "to" for c in clause.children)


def mandative(clause: Token) -> bool:
    """Tell whether a that-clause is in the mandative subjunctive: a bare verb with a subject and no auxiliary
    ("insisted that President Kagame accept the changes", "that its partners withhold recognition").

    The small model tags the bare verb as a present or even a past one, so the form decides: a verb written as
    its lemma where a fact could not be: after a singular subject, or under a past verb (whose reported facts
    take the past)."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if clause.pos_ != "VERB" or clause.lower_ != clause.lemma_ or clause.lemma_ in ("be", "have", "do") or \
            not subjects or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "not" for c in clause.children):
        return False
    return clause.tag_ == "VB" or clause.head.tag_ == "VBD" or subjects[0].tag_ in ("NN", "NNP")


def _asks_question(tok: Token) -> bool:
    """Tell whether a verb's complement is a question ("asked whether ...", "asked why ...", 'asked, "Could ...?"')."""
    for c in tok.children:
        if c.dep_ == "punct" and c.text == "?":
            return True
        if c.dep_ == "ccomp":
            first = next(iter(c.subtree))
            if first.lower_ in ("whether", "if") or first.tag_ in ("WP", "WRB", "WDT", "WP$"):
                return True
    return False


def _owned_by_entity(tok: Token) -> bool:
    """Tell whether a body noun belongs to a named party ("Fiji's military government", "the Chinese army")."""
    owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
    return lemma_of(tok) in _BODYISH and any(c.ent_type_ in ("GPE", "NORP", "ORG") for c in owners)


def _bare_gerund(tok: Token) -> bool:
    """Tell whether an adjunct is a gerund right after its verb, a complement the parser hung as advcl
    ("ruled out stepping down"), not a comma-set participle ("said on Monday, adding that")."""
    between = tok.doc[tok.head.i + 1:tok.i]
    return (tok.tag_ == "VBG" and tok.i > tok.head.i and not any(t.is_punct for t in between)
            and not any(c.dep_ in ("mark", "nsubj") for c in tok.children))


def subject_of(tok: Token, depth: int = 0) -> Token | None:
    """Return the (logical) subject head of a verb, climbing xcomp/conj/relcl chains."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        return _past_dateline(subjects)
    for child in tok.children:
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in tok.children):  # "were killed and [nine] wounded by artillery fire"
        for conj in (c for c in tok.children if c.dep_ == "conj"):
            agent = next((a for a in conj.subtree if a.dep_ == "agent" and a.head.tag_ == "VBN"), None)
            if agent is not None:
                return next((p for p in agent.children if p.dep_ == "pobj"), None)
    if depth > 4 or tok.dep_ == "ROOT":
        return None
    if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
        return tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in tok.children):
        return tok.head  # a past verb with an object is no reduced relative: "an outbreak of plague [killed] a couple"
    if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "attr") and tok.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(tok.head.head, depth + 1)  # "Russia has no plans to invade"
    if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") or (tok.dep_ == "ccomp" and tok.head.pos_ == "ADJ"):
        return subject_of(tok.head, depth + 1)
    return None


def noun_subject(tok: Token) -> Token | None:
    """Return a verb's subject, a relative pronoun read as the noun it stands for ("citizens who have voted")."""
    subj = subject_of(tok)
    return tok.head if subj is not None and subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" else subj


def _a_person(subj: Token) -> bool:
    """Tell whether a subject names a person: "he", a name as its head or beside it ("the Cuban exile Jorge Mas",
    "the boy's father, Juan Miguel Gonzalez"), or such an antecedent of "who"."""
    if subj.lower_ in ("who", "that") and subj.head.dep_ == "relcl":
        subj = subj.head.head
    named = [subj, *(c for c in subj.children if c.dep_ in ("appos", "compound"))]  # "the boy's father, Juan ..."
    return subj.lower_ in ("he", "she", "i") or any(t.ent_type_ == "PERSON" for t in named)


def _thing_subject(verb: Token, lex: Lexicon) -> bool:
    """Tell whether a verb's active subject is a thing, not someone who acts: a noun of the `thing_subjects` list
    ("the merger would allow"), "this"/"that", "which" after such a noun, or "it" that no actor's statement
    introduces ("It allows him to ..." but not "China said it would allow ...")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and (verb.dep_ in ("conj", "xcomp") or verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return _thing_subject(verb.head, lex)  # "The weather should ease, allowing crews to ..."
    if subj is None:
        return False
    if subj.dep_ == "csubj":
        return True  # "Keeping the talks going allows ..."
    word = subj.lower_
    if word in ("which", "that") and verb.dep_ == "relcl":
        return verb.head.pos_ != "PROPN" and lex.has("thing_subjects", lemma_of(verb.head))
    if word in ("this", "that", "what"):
        return True
    if word == "it":
        speech = verb
        while speech.dep_ in ("ccomp", "conj", "xcomp") and speech.head is not speech:
            speech = speech.head
            said_by = next((c for c in speech.children if c.dep_ == "nsubj"), None)
            if lex.has("speech_verbs", lemma_of(speech)) and said_by is not None and said_by.lower_ != "it":
                return False
        return True
    return subj.pos_ != "PROPN" and lex.has("thing_subjects", lemma_of(subj))


def _past_dateline(subjects: list[Token]) -> Token:
    """Return the subject a wire dateline hides: "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused
    China" parses the dateline's city as the subject and Esper as its apposition after the dash, "MOSCOW (AP) —
    Ukraine's president accused" as a second subject. The dateline keeps its sentence: its city sets the scene."""
    subj = subjects[0]
    dash = next((c for c in subj.children if c.dep_ == "punct" and c.text in _DASHES), None)
    if dash is None or subj.i != subj.sent.start:  # "the candidate, Andy Beshear — whose father … —": no dateline
        return subj
    after = [c for c in subj.children if c.dep_ == "appos" and c.i > dash.i] + subjects[1:]
    return after[0] if after else subj



def _irrealis(tok: Token) -> bool:
    """Return whether the clause governing a noun is future or conditional ("would face severe costs"), or a
    vow's object ("vowed a crushing response")."""
    head = tok
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "'ll", "could", "wo") for c in
               head.children):
            return True
        if head is not tok and head.lemma_.lower() in _VOW_VERBS:
            return True
        if head.head == head:
            return False
        head = head.head
    return False


def _matches(p: Pattern, tok: Token, lex: Lexicon) -> bool:
    """Return whether ``tok`` satisfies the argument constraints of ``p``."""
    kids = list(tok.children)
    if p.active and p.pos == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return False
    if p.active and p.pos == "NOUN" and not _irrealis(tok):
        return False
    if p.present and tok.tag_ not in ("VBP", "VBZ"):
        return False
    if p.bare and tok.tag_ != "VB":
        return False
    if p.score and not (_SCORE.search(_clause_text(tok)) or any(lex.has("contest_words", w) for t in tok.sent
                                                                 if t.pos_ != "PROPN"  # the Awami League
                                                                 for w in (lemma_of(t), t.lower_))):
        return False
    if p.question and not _asks_question(tok):
        return False
    if p.subjunctive and not any(mandative(c) for c in kids if c.dep_ == "ccomp"):
        return False
    if p.to_clause and not any(c.dep_ in ("xcomp", "ccomp", "advcl") and to_infinitive(c) for c in kids):
        return False
    if p.subj_agent and _thing_subject(tok, lex):
        return False
    predicates = _predicates(tok) if p.predicate else []
    if p.predicate and not predicates:
        return False
    # "pressed X on Monday to ...": a to-clause the parser calls advcl is a complement too
    if p.comp and not any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and (to_infinitive(c) or _bare_gerund(c))
                          for c in kids):
        return False
    if p.that_clause and not any(c.dep_ == "ccomp" for c in kids):
        return False
    if p.comp_cond and not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for c in kids if c.dep_ == "ccomp"
                               for a in c.subtree if a.dep_ == "advcl" for m in a.children):
        return False
    if p.transitive and not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "nsubjpass") or (
            c.dep_ == "prep" and c.lower_ == "for") for c in kids):
        return False
    if p.comp_lemma and not any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in p.comp_lemma
                                and not (c.dep_ == "advcl" and c.tag_ == "VBG")  # "refused ..., saying": no comment
                                and not _passive_state(c) and not _pledged(c) for c in kids):
        return False
    if p.obj or p.obj_not or p.obj_ent:
        objs = _objects(tok) + predicates
        if p.type == "AID" and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "rice [donated] by Beijing arrived": what was given; "tariffs imposed by China have hurt farmers"
            # names a measure in passing, so only a gift counts
            objs = objs + [tok.head] + [c for c in tok.head.children if c.dep_ in ("compound", "amod")]
        lemmas = {lemma_of(o) for o in objs} | {o.lower_ for o in objs}
        if p.obj and not lemmas & p.obj:
            return False
        # a name is no excluded thing: "detained supporters of the African National Congress" holds no congress
        if p.obj_not and {w for o in objs if o.pos_ != "PROPN" for w in (lemma_of(o), o.lower_)} & p.obj_not:
            return False
        named = [o for o in objs if o.dep_ in ("dobj", "nsubjpass")] + _misread_object(tok)
        if p.obj_ent and not any(o.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or o.pos_ in ("PRON", "PROPN")
                                 or lemma_of(o) in _PERSONISH or _owned_by_entity(o) for o in named):
            return False
    preps = _frame_preps(kids)
    # the small model hangs the verb's preposition on a named object: "warned [Finland of consequences]"
    preps |= {c.lower_ for o in kids if o.dep_ == "dobj" and (o.pos_ == "PROPN" or o.ent_type_ in _PARTY_ENTS)
              for c in o.children if c.dep_ == "prep" and c.i > o.i}
    # a pattern that names the preposition's object may find it on the verb's object ("lifted [curbs on imports]",
    # also a passive subject) or on a preposition the parser calls a dative ("sent tanks [to] the border")
    obj_preps = [c for o in kids if o.dep_ in ("dobj", "nsubjpass") for c in o.children if c.dep_ == "prep"] + [
        c for c in kids if _dative_prep(c)] if p.pobj else []
    if p.prep and not (preps | {c.lower_ for c in obj_preps}) & p.prep:
        return False
    if p.prep_not and preps & p.prep_not:
        return False
    if p.pobj:  # the preposition may hang on the object: "stripped [94 opponents of their citizenship]"
        # "spoke [by] telephone": an agent; "backed away [from] his pledge": hung on the verb's adverb
        preps_of = [c for c in kids if c.dep_ in ("prep", "agent")] + _adverb_preps(kids) + obj_preps
        if p.prep:  # "pulled out of Jenin under the peace accord": the accord is not what was left
            preps_of = [c for c in preps_of if c.lower_ in p.prep]
        preps_of += [g for c in preps_of for g in c.children if g.dep_ == "prep"]  # "pulled out [of] the talks"
        # or a compound ("group Memorial"), or a gerund ("summoned him for questioning")
        heads = [o for c in preps_of for o in c.children if o.dep_ in ("pobj", "pcomp")]
        # "gave in to [striking workers]": the parser makes the participle the object and the noun its object
        heads += [g for c in preps_of for o in c.children if o.dep_ == "pcomp" for g in o.children if g.dep_ == "dobj"]
        heads += [g for o in heads if lemma_of(o) in _SPANS for of in o.children if of.lower_ == "of"
                  for g in of.children if g.dep_ == "pobj"]  # "gave in to [weeks of] sit-ins"
        if not any(lemma_of(w) in p.pobj for o in heads for w in [o, *o.children] if w is o or w.dep_ == "compound"):
            return False
    if p.mod or p.mod_not:
        mods = {w for c in kids if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod")
                for w in (lemma_of(c), c.lower_)}  # "crushing" as written, not only its lemma "crush"
        if p.pos == "NOUN":  # "joint construction works": the modifier may qualify the compound
            mods |= {lemma_of(m) for c in kids if c.dep_ == "compound" for m in c.children if m.dep_ == "amod"}
        else:  # a verb's resultative adjective, wherever the parser hangs it: "set [free] the prime minister",
            # "set the hostages [free]", "let [free] activists"
            mods |= {c.lower_ for c in kids if c.pos_ == "ADJ" and c.dep_ in ("advcl", "acomp", "oprd", "xcomp")}
            mods |= {m.lower_ for c in kids if c.dep_ == "dobj" for m in c.children
                     if m.dep_ == "amod" and m.i == tok.i + 1}
        if p.mod and not mods & p.mod:
            return False
        if p.mod_not and mods & p.mod_not:
            return False
    if p.subj_person or p.subj_not_person or p.subj_mil or p.subj_crowd or p.subj_not_crowd:
        light = anchor(tok)  # a noun's subject is its light verb's ("rioters went on a rampage")
        subj = noun_subject(tok) if pos_of(tok) != "NOUN" else subject_of(light) if light.i != tok.i else None
        words = {lemma_of(t) for t in subj.subtree} if subj is not None else set()
        person = subj is not None and (bool(words & _PERSONISH) or _a_person(subj))
        if p.subj_person and not person:
            return False
        if p.subj_not_person and person:
            return False
        if p.subj_mil and not words & _MILISH:
            return False
        crowd = subj is not None and not _named_group(subj) and (lex.has("crowd_words", lemma_of(subj)) or (
            subj.ent_type_ == "NORP" and subj.tag_ in ("NNS", "NNPS")))  # "Argentines banged pots"
        if crowd and subj is not None and any(lemma_of(o) in _MILISH | _ARMED for p_ in subj.children
                                              if p_.lower_ == "of" for o in p_.children):
            crowd = False  # "hundreds of armed militants" are no crowd
        if p.subj_crowd and not crowd:
            return False
        if p.subj_not_crowd and crowd:
            return False
    return True


def _frame_preps(kids: list[Token]) -> set[str]:
    """Return the prepositions and particles of a verb's frame (its children ``kids``)."""
    # "on" that only dates the act is none of its frame: "called a strike on Thursday" is no "call on"
    # ("appealed on Sunday for troops": the small model hangs the next preposition on the day)
    dated = [c for c in kids if c.dep_ == "prep" and _dating(c)]
    preps = {c.lower_ for c in kids if c.dep_ in ("prep", "prt", "agent") and c not in dated}
    preps |= {c.lower_ for c in _adverb_preps(kids)}
    preps |= {g.lower_ for c in dated for o in c.children for g in o.children if g.dep_ == "prep"}
    # "called for Britain to stay", "worked with Interpol to track down": the parser makes the preposition a mark
    return preps | {m.lower_ for c in kids if c.dep_ == "advcl" for m in c.children
                    if m.dep_ == "mark" and m.lower_ in ("for", "with")}


def _adverb_preps(kids: list[Token]) -> list[Token]:
    """Return the prepositions the parser hangs on a verb's directional adverb ("backed [away] from his pledge")."""
    return [g for c in kids if c.dep_ == "advmod" and c.lower_ in _DIRECTIONS for g in c.children if g.dep_ == "prep"]


def _dative_prep(tok: Token) -> bool:
    """Tell whether a child is a preposition the parser labelled dative ("sent tanks [to] the border")."""
    return tok.dep_ == "dative" and tok.pos_ == "ADP"


def _dating(prep: Token) -> bool:
    """Tell whether a preposition is "on" with a day for its object ("on Thursday", "on 12 May")."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return prep.lower_ == "on" and bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def _named_group(subj: Token) -> bool:
    """Tell whether a crowd word names an organisation ("the human rights group", "the European Union")."""
    if subj.pos_ == "PROPN" and subj.ent_type_ not in ("", "NORP"):  # "the European Union" is a body; a plural
        return True  # demonym ("Argentines") or a sentence-initial "Protesters" tagged PROPN are people
    return lemma_of(subj) == "group" and any(c.dep_ == "compound" for c in subj.children)


def _passive_state(verb: Token) -> bool:
    """Tell whether a passive verb with "to" names a state, not an act ("Vietnam is committed to opening up")."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def match_token(tok: Token, lex: Lexicon) -> Pattern | None:
    """Return the first pattern of the lexicon that ``tok`` triggers, or None."""
    pos = pos_of(tok)
    if pos is None or tok.ent_type_ in _SKIP_ENTS and not (tok.dep_ == "ROOT" and pos == "VERB"):
        return None  # a name is no trigger; but a main verb the NER swallowed is ("the Party of X called on")
    if pos == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return None  # "the alliance the Kremlin sees as a threat": a perception, not an act
    if pos == "NOUN" and tok.dep_ == "nsubj" and (lex.has("idle_verbs", lemma_of(tok.head)) or lex.has(
            "speech_verbs", lemma_of(tok.head)) and lemma_of(tok) in _PERSONISH | _MILISH):
        return None  # "our patrols will stay in port", "UN peacekeepers said": named, not done
    if pos == "VERB" and tok.dep_ in ("amod", "compound") and not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # "a Russia-backed offensive", "the internationally recognized government" (but "Iraq
        # alleged Ritter was a spy", a verb with its own subject the small model hung on the next name)
    if pos == "VERB" and lex.has("report_passives", lemma_of(tok)) and any(
            c.dep_ == "nsubjpass" and pos_of(c) == "NOUN" and match_token(c, lex) for c in tok.children):
        return None  # "the recall of the ambassador was ordered by the Kremlin": the report carries the recall
    if pos == "NOUN" and tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and not lex.has(
            "trigger_compound_heads", lemma_of(tok.head)):
        return None  # "attack drones", "peace talks committee": the noun modifies another noun
    if pos == "NOUN" and tok.dep_ == "conj" and tok.head.dep_ in ("compound", "amod", "nmod") and \
            tok.head.head.pos_ in ("NOUN", "PROPN") and not lex.has("trigger_compound_heads", lemma_of(tok.head.head)):
        return None  # "a savings and loan chief": coordinated with a modifier, the noun modifies the chief too
    patterns = _patterns_for(tok, pos, lex)
    if patterns and pos == "VERB" and (subj := subject_of(tok)) is not None and \
            lex.has("natural_forces", lemma_of(subj)):
        return None  # "the cyclone struck the Irrawaddy delta": no party acts
    carried = _carried_events(tok, lex) if patterns and pos == "VERB" else set()  # only a verb that could trigger
    # "offered a loan", "promised talks": a material act or a meeting offered is an offer, an apology offered is not
    offered = bool(carried & lex.words["offerable_types"])
    for pattern in patterns:
        if carried and not pattern.obj and not pattern.prep and not (offered and pattern.wrapper == "intent"):
            continue  # "held joint war games": the object is the event, the light verb no arrest
        if _matches(pattern, tok, lex):
            return pattern
    return None


def _carried_events(verb: Token, lex: Lexicon) -> set[str]:
    """Return the types of the event nouns a light verb carries as direct objects ("held joint war games")."""
    if not lex.has("light_verbs", verb.lemma_.lower()):
        return set()
    found = (match_token(c, lex) for c in verb.children if c.dep_ == "dobj" and pos_of(c) == "NOUN")
    return {p.type for p in found if p is not None}


def _patterns_for(tok: Token, pos: str, lex: Lexicon) -> list[Pattern]:
    """Return the lexicon's patterns for ``tok``'s word as ``pos`` (by its lemma, else its other past reading)."""
    return lex.candidates(pos, lemma_of(tok)) or lex.candidates(pos, _unknown_past(tok))


def known_trigger(tok: Token, lex: Lexicon) -> bool:
    """Tell whether the lexicon has patterns for ``tok``'s word, whether or not one of them matched it."""
    pos = pos_of(tok)
    return pos is not None and bool(_patterns_for(tok, pos, lex))


def find_triggers(sent: Span, lex: Lexicon) -> list[tuple[Token, Pattern]]:
    """Return every (trigger token, pattern) in a sentence."""
    found = []
    for tok in sent:
        pattern = match_token(tok, lex)
        if pattern is not None:
            found.append((tok, pattern))
    return found
