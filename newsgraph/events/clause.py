"""Clause analysis on the dependency parse: complements, speech verbs, modality, prepositional objects."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import Lexicon

_ABSORB_PREPS = {"to", "for", "of", "on", "upon", "with", "about", "into", "against", "over", "from", "by"}
_ABSORB_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "compound", "amod", "acl", "nmod", "attr", "oprd",
                "pcomp", "acomp", "agent", "dative", "nsubjpass", "appos"}
# the prepositions and subordinators of a time or circumstance phrase ("after meeting Vucic", "a day after X struck")
CIRCUMSTANCE_PREPS = {"after", "before", "during", "since", "following", "amid", "ahead", "despite", "once"}
_FUTURE_HEADS = {"plan", "intend", "prepare", "expect", "set", "go", "aim", "want", "hope", "seek", "wish", "mean"}


def to_infinitive(tok: Token) -> bool:
    """Tell whether ``tok`` heads a to-infinitive ("to demand", "allowed inspectors to enter")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def depth(tok: Token) -> int:
    """Return the distance from ``tok`` to its sentence root."""
    d = 0
    while tok.dep_ != "ROOT" and tok.head != tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def speech_head(tok: Token, lex: Lexicon) -> Token | None:
    """Return the speech verb whose complement contains ``tok``, if any ("X said Y attacked Z")."""
    cur = tok
    while cur.dep_ != "ROOT" and cur.head != cur:
        if cur.dep_ in ("ccomp", "parataxis", "xcomp") and lex.has("speech_verbs", cur.head.lemma_.lower()):
            return cur.head
        if cur.dep_ in ("ROOT", "relcl", "advcl"):
            return None
        cur = cur.head
    return None


def time_clause_root(tok: Token) -> bool:
    """Tell whether ``tok`` is a sentence root that is really a time clause ("X appealed for talks, a day after a
    bomber struck": the small model roots the sentence in "struck" and hangs the main clause below as a ccomp)."""
    return tok.dep_ == "ROOT" and any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_PREPS for m in tok.children)


def governor(tok: Token, triggers: dict[int, bool], lex: Lexicon) -> int | None:
    """Return the index of the trigger above ``tok`` that absorbs it (complement or object), if any.

    ``triggers`` maps each trigger's token index to whether it is a wrapper (offer, urge, refuse, threaten).
    Speech verbs stop the search: a statement about an act carries that act.
    """
    cur = tok
    for _ in range(8):
        to_inf = cur.dep_ == "advcl" and to_infinitive(cur)
        if to_inf and triggers.get(cur.head.i):
            return cur.head.i  # "have sworn to fight", parsed as a purpose clause
        if cur.dep_ not in _ABSORB_DEPS or cur.head == cur:
            return None
        if cur.dep_ == "prep" and cur.lower_ not in _ABSORB_PREPS and not (
                cur.lower_ == "in" and cur.head.tag_ in ("$", "CD")):
            return None  # "shot down missiles in Moscow's air attack" is a circumstance; "$200m in aid" is not
        head = cur.head
        if cur.dep_ in ("ccomp", "xcomp") and lex.has("speech_verbs", head.lemma_.lower()):
            return None
        if cur.dep_ == "ccomp" and time_clause_root(head):
            return None  # the main clause, not what the time clause says
        if head.i in triggers:
            return head.i
        cur = head
    return None


def anchor(tok: Token) -> Token:
    """Return the verb that carries tense and modality for a trigger (a noun's light verb, else itself)."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        head = anchor(tok.head)  # "announced a military aid package": the package's verb carries the aid
        return head if head != tok.head else tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and tok.head.pos_ in (
            "VERB", "AUX"):
        return tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "in") and tok.head.head.dep_ in ("dobj", "nsubjpass") and \
            tok.head.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head.head  # "announced a package of military aid", "announced $5.5 billion in aid"
    return tok


def modality(tok: Token, lex: Lexicon) -> tuple[bool, bool, bool]:
    """Return (negated, future, hypothetical) for the clause of a trigger."""
    negated = future = hypo = False
    cur: Token | None = anchor(tok)
    path: list[Token] = [tok] + ([cur] if cur is not None and cur != tok else [])
    steps = 0
    while cur is not None and steps < 4:
        head_words = (cur.head.lemma_.lower(), cur.head.lower_)
        if cur.dep_ == "ccomp" and (lex.has("unverified_speech", head_words[0])
                                    or any(lex.has("wishing_verbs", w) for w in head_words)):
            hypo = True  # "claimed that they had attacked the base", "hoped she would bring aid": not established
        purpose = cur.dep_ == "advcl" and to_infinitive(cur)
        if (cur.dep_ in ("xcomp", "acl", "pcomp", "ccomp", "acomp") or purpose) and cur.head != cur and not lex.has(
                "speech_verbs", cur.head.lemma_.lower()):  # "considering sending aid to help": the help is considered
            cur = cur.head
            path.append(cur)
        else:
            cur = None
        steps += 1
    # "will lower tariffs and ease controls": a conjoined verb without its own auxiliary shares its head's
    shared = [node.head for node in path if node.dep_ == "conj" and node.head not in path and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in node.children) and not any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in node.head.children)]
    path += shared
    for node in path:
        lemma = node.lemma_.lower()
        for child in node.children:
            clemma = child.lemma_.lower()
            if child.dep_ == "neg" and node != tok and lex.has("litotes_heads", lemma):
                continue  # "would not hesitate to strike": the negation asserts the intent
            # "nobody was arrested" denies the arrest; "no one was hurt in the attack" not the attack
            if child.dep_ == "neg" or (child.dep_ == "det" and clemma in ("no", "neither")) or (
                    node == tok and _nobody(child)):
                negated = True
            if node == tok and child.dep_ in ("dobj", "nsubjpass") and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                negated = True  # "reached no agreement", "no agreement was reached"
            if child.dep_ in ("aux", "auxpass"):
                if lex.has("future_aux", clemma) or child.lower_ in ("will", "would", "'ll", "'d", "wo", "shall"):
                    future = True
                elif lex.has("hypothetical_aux", clemma) or child.lower_ in ("could", "may", "might", "can", "ca"):
                    hypo = True
            if child.dep_ == "det" and clemma in ("any",) and node == tok:
                hypo = True
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children):
                future = True
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and lex.has("conditional_marks", m.lower_)
                                        for m in node.children):
            hypo = True
        if node == tok:
            continue
        # a shared head lends no future of its own: "set tyres ablaze and pelted police" is no "set to"
        if node not in shared and (lemma in _FUTURE_HEADS or (lemma == "ready" and node.pos_ == "ADJ")):
            future = future or lemma != "go" or node.lower_ == "going"  # "going to", not "went on strike"
        if lemma in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.children):
            negated = True  # "has yet to apologize", "is yet to release the sailors": not done
        elif lemma == "be" and any(c.dep_ == "xcomp" and c in path and to_infinitive(c) for c in node.children):
            future = True  # "Jawara is to travel to Mauritania": a plan
        if lex.has("hypothetical_heads", lemma):
            hypo = True  # "is considering sending aid"
        # "denied plans to invade", "ruled out an attack" (a court that "ruled" negates nothing)
        if lex.has("negating_heads", lemma) or any(lex.has("negating_heads", f"{lemma} {c.lower_}")
                                                   for c in node.children if c.dep_ in ("prt", "prep")):
            negated = True
    return negated, future, hypo


def _nobody(tok: Token) -> bool:
    """Tell whether a subject denies that anyone did or underwent the act ("no one was hurt", "nobody was
    arrested", "none of the hostages was freed")."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    low = tok.lower_
    return low in ("nobody", "none", "noone", "nothing") or (
        low == "one" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children))


def holder(tok: Token) -> Token:
    """Return the word a noun is the object of: a preposition's head for a prepositional object ("died [in] the
    blast": died), else the noun's own head ("told [the inquest]": told)."""
    return tok.head.head if tok.dep_ == "pobj" else tok.head


def pobjs(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Return the objects of ``tok``'s prepositions in ``preps`` (in prepositional order)."""
    out: list[Token] = []
    kids = list(tok.children)
    kids += [g for c in kids if c.dep_ == "prt" for g in c.children]  # "kidnapped up to 16 advisers"
    for child in kids:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            out.extend(p for p in child.children if p.dep_ == "pobj")
    return out


def with_conj(heads: list[Token]) -> list[Token]:
    """Return the heads with their coordinated siblings ("Britain, France and Germany")."""
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(t for t in head.conjuncts if t.i > head.i and t.pos_ in ("NOUN", "PROPN", "PRON"))
    seen: set[int] = set()
    return [t for t in out if not (t.i in seen or seen.add(t.i))]  # type: ignore[func-returns-value]
