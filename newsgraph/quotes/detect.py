"""Cues over the dependency parse: reporting verbs, 'according to X', nouns of saying, headline colons.

Each rule yields a Candidate: the cue, the content spans its frame governs and the speaker noun phrase.
Quotation marks are attached afterwards (assemble.py); a speech verb with no complement is kept as a bare
candidate, so that an adjacent direct quote ('"A," he said.', 'He added:') can still find its cue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import doc_text
from newsgraph.quotes.lexicon import Lexicon
from newsgraph.quotes.marks import Region, find_regions

_SKIP_DEPS = {"conj", "cc", "punct", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "advmod", "npadvmod",
              "prt", "dep", "csubj", "advcl", "parataxis"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_EDGE_PUNCT = {"punct"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_REASON_MARKS = {"because", "since", "although", "though", "if", "unless", "so"}
_OPEN_MARKS = {"“", "\"", "``", "‘", "«"}
_FRAME_MAX = 8  # tokens of a cue's own phrase before the clause it was parsed under ('Instead, Trump told CNN,')
_ATTITUDE_TAGS = {"VBD", "VBZ", "VBP", "VBN"}
_ADDRESSEE = {"tell", "inform", "assure", "notify", "remind", "warn", "urge", "ask", "advise", "order", "instruct",
              "answer", "accuse", "charge", "promise", "threaten", "guarantee"}  # their object is the one addressed
_NO_OBJECT = {"find", "post", "maintain", "add", "write", "learn", "believe", "think", "recognize", "recognise",
              "counter", "clarify", "worry", "feel", "agree", "conclude", "point", "concede", "yell", "hope", "fear"}
_LABEL_TOPIC = {"on", "about", "to"}
_RAISING = {"seem", "appear"}
_CLOSE_MARKS = ("”", "\"", "’", "''")
_LEMMA_FIXES = {"hop": "hope"}
_CUE_ADVCL = {"say", "add", "note", "argue", "explain", "insist", "warn", "claim"}


@dataclass
class Candidate:
    """A cue with the content it governs and its speaker phrase."""

    cue: Token | None
    cue_text: str | None
    content: list[tuple[int, int]]  # token index ranges [i, j)
    speaker: Span | None
    rule: str
    regions: list[Region] = field(default_factory=list)
    inherited: Candidate | None = None  # the quote a follow-on continues

    @property
    def signature(self) -> bool:
        """Return whether the cue is a dash signing the quotation before it ('”― Pamela Padilla')."""
        return self.cue is not None and self.rule == "bare" and bool(self.cue_text) and self.cue.text[-1] in "―—–-"

    @property
    def bare(self) -> bool:
        """Return whether the cue governs no content of its own."""
        return not self.content


def _runs(indices: Iterable[int], doc: Doc) -> list[tuple[int, int]]:
    """Return sorted token indices as contiguous [i, j) runs, without punctuation at the edges."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(indices)):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    trimmed = []
    for i, j in out:
        while i < j and (doc[i].dep_ in _EDGE_PUNCT and doc[i].text not in "\"“‘'«" or doc[i].is_space):
            i += 1
        while j > i and (doc[j - 1].dep_ in _EDGE_PUNCT and doc[j - 1].text not in "\"”’'»" or doc[j - 1].is_space):
            j -= 1
        if j > i:
            trimmed.append((i, j))
    return trimmed


def lemma_of(tok: Token) -> str:
    """Return the lower-cased lemma, repairing the small model's 'hoped', 'hoping' → 'hop' (not 'hopping')."""
    lemma = tok.lemma_.lower()
    return _LEMMA_FIXES[lemma] if lemma in _LEMMA_FIXES and not tok.lower_.startswith(lemma + lemma[-1]) else lemma


def _subtree(tok: Token) -> set[int]:
    """Return the token indices of ``tok``'s subtree."""
    return {t.i for t in tok.subtree}


def _speaker_token(verb: Token, quotes: Quoted | None = None) -> Token | None:
    """Return the subject of ``verb``, inherited from the governing verb for 'adding', 'and said', 'to say'."""
    cur: Token | None = verb
    for _ in range(3):
        if cur is None:
            return None
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")
                    and c.ent_type_ not in ("DATE", "TIME")]  # 'Saturday, Warren said' parsed as a subject
        if quotes is not None:  # '"Full panic mode," said Wimes': a subject inside another's quotation is none
            subjects = [c for c in subjects if not quotes.apart(c, verb)]
        near = sorted(subjects, key=lambda c: abs(c.i - cur.i) if cur is not None else 0)
        for child in near:  # the nearest first: 'THE BORROWING Back when …, Mr. McKinley said'
            if not _across_line(child, cur):
                return _antecedent(child)
            appos = next((a for a in child.children if a.dep_ == "appos" and not _across_line(a, cur)), None)
            if appos is not None:
                return appos  # 'WASHINGTON -- President Obama, …, said': the dateline took the subject's place
        for child in cur.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            return None  # 'it was reported that': no speaker
        if cur.dep_ == "pcomp" and cur.head.head != cur.head:
            cur = cur.head.head  # 'He explained it by saying: …'
            continue
        if cur.dep_ in ("advcl", "conj", "xcomp", "relcl", "acl") and cur.head != cur:
            if cur.dep_ in ("relcl", "acl"):
                return cur.head  # 'Graham, who said …' / 'officials saying …'
            cur = cur.head
            continue
        return None
    return None


class Quoted:
    """The spans between quotation marks of a document, to tell a quotation's words from its frame."""

    def __init__(self, regions: list[Region]) -> None:
        self.spans = [(r.start, r.end) for r in regions]

    def region(self, tok: Token) -> tuple[int, int] | None:
        """Return the quotation holding ``tok``, if any."""
        return next(((a, b) for a, b in self.spans if a <= tok.idx < b), None)

    def apart(self, tok: Token, cue: Token) -> bool:
        """Return whether ``tok`` lies inside a quotation that does not hold the cue."""
        held = self.region(tok)
        return held is not None and held != self.region(cue)


def _across_line(a: Token, b: Token) -> bool:
    """Return whether a line break separates two tokens (a crosshead the parser joined to the next line)."""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.whitespace_ or "\n" in t.text for t in a.doc[lo:hi])


def _antecedent(subject: Token) -> Token | None:
    """Return the subject, or None for a dateline the parser took for one ('CLEVELAND — …')."""
    nxt = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
    if subject.is_upper and len(subject) > 2 and nxt is not None and nxt.text in ("—", "–", "-", "(", "--"):
        return None
    return subject


def antecedent(subject: Token) -> Token | None:
    """Return the noun a relative pronoun subject stands for ('Graham, who said' → Graham), else None."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return None


def speaker_span(tok: Token) -> Span:
    """Return the speaker phrase of head ``tok``: its left modifiers, the head and any name continuation."""
    doc = tok.doc
    start = tok.left_edge.i
    for k in range(tok.i - 1, start - 1, -1):  # never across a line break (a crosshead parsed into the sentence)
        if "\n" in doc[k].whitespace_ or "\n" in doc[k].text:
            start = k + 1
            break
    end = tok.i + 1
    if tok.ent_iob_ in ("B", "I"):  # 'the Institute for the Study of War': the whole named entity
        end = max(end, next(e.end for e in doc.ents if e.start <= tok.i < e.end))
    while end < len(doc) and doc[end].dep_ in ("compound", "flat", "appos") and doc[end].head.i in range(start, end) \
            and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


_NAME_POS = {"PROPN", "NOUN", "PRON"}
_NAME_PARTS = _NAME_POS | {"DET", "ADJ", "NUM", "PART"}


def _adjacent_speaker(verb: Token) -> Span | None:
    """Return the name right beside a subjectless cue ('"…," Trump barked' parsed with Trump as a compound)."""
    if verb.dep_ in ("xcomp", "advcl", "conj", "relcl", "acl", "amod", "pcomp", "csubj") or verb.tag_ in ("VBG", "VB"):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    doc = verb.doc
    for step in (-1, 1):
        start = verb.i + step
        if step == -1 and start > 0 and doc[start].text == ",":
            start -= 1  # 'Jake Sullivan, said' after an appositive the parser lost
        k = start
        while 0 <= k < len(doc) and doc[k].pos_ in _NAME_PARTS and "\n" not in doc[k].whitespace_:
            k += step
        if k == start:
            continue
        lo, hi = sorted((start, k - step))
        span = doc[lo: hi + 1]
        if any(t.pos_ in _NAME_POS for t in span):
            return span
    return None


def _cue_text(verb: Token, lex: Lexicon) -> str:
    """Return the cue phrase: the verb, its particle, 'told reporters', 'said in a statement'."""
    words = [(verb.i, verb.text)]
    statement: list[str] = []
    for child in verb.children:
        addressee = child.dep_ == "dobj" and verb.lemma_ == "tell" and child.n_lefts + child.n_rights < 2
        if child.dep_ == "prt" or addressee:
            words += [(t.i, t.text) for t in child.subtree]
        elif child.dep_ == "prep" and child.lower_ in ("in", "on", "during") and not statement:
            noun = next((g for g in child.children if g.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in lex.statement_nouns:
                statement = [t.text for t in verb.doc[child.i: noun.i + 1]]  # 'said in a statement'
        elif child.dep_ == "aux" and child.i == verb.i - 1 and child.lemma_ in ("have", "be"):
            words.append((child.i, child.text))
    return " ".join([w for _, w in sorted(words)] + statement)


def _right_part(verb: Token, stop_at: set[str]) -> set[int]:
    """Return the verb's dependents to its right (objects, complements), not its conjuncts or punctuation."""
    out: set[int] = set()
    for child in verb.rights:
        if child.dep_ == "advcl" and _reason(child):
            out |= _subtree(child)  # '… for "having a tough night" because he did not win any states'
        elif child.dep_ not in _SKIP_DEPS and child.dep_ not in stop_at:
            out |= _subtree(child)
    return out


def _reason(clause: Token) -> bool:
    """Return whether an adverbial clause gives a reason or condition ('because …', 'though …')."""
    return clause.lemma_.lower() not in _CUE_ADVCL and any(
        g.dep_ == "mark" and g.lower_ in _REASON_MARKS for g in clause.children)


def _clause_content(verb: Token) -> set[int]:
    """Return the clausal complement of ``verb``, or the clause it is a parenthetical of ('…, he said')."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if comps:
        out: set[int] = set()
        for c in comps:
            out |= _subtree(c)
        last = max(c.i for c in comps)
        for c in verb.rights:  # 'said it did not include them because …': the reason the parser hung on the cue
            if c.dep_ == "advcl" and c.i > last and _reason(c):
                out |= _subtree(c)
            elif c.dep_ == "conj" and c.i > last and (_own_clause(c) or _modal_conj(c)):
                out |= _subtree(c) | {g.i for g in verb.rights if g.dep_ == "cc" and last < g.i < c.i}
        first = min(c.i for c in comps)
        for c in verb.lefts:  # 'If this fails, he argues, there are other tools': the condition opens the content
            if c.dep_ == "advcl" and c.i < first and c.left_edge.i == verb.sent.start \
                    and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
                out |= _subtree(c)
        if last < verb.i and verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
            own = _subtree(verb)  # 'A, but B, another source said': the parser made the cue A's conjunct
            out |= {t.i for t in verb.head.subtree if t.i not in own and t.i < verb.i}
        return out
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and verb.head.pos_ in ("VERB", "AUX"):
        own = _subtree(verb)  # 'As the Times noted, Clinton raised …'
        return {t.i for t in verb.head.subtree if t.i not in own}
    if verb.dep_ == "ccomp" and verb.i < verb.head.i and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" for c in verb.children) \
            and _comma_after(verb):
        own = _subtree(verb)  # 'Trump told CNN, his policy would be …': the parser made the cue the complement
        return {t.i for t in verb.head.subtree if t.i not in own and t.i > max(own)}
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        own = _subtree(verb)  # '…, he said.' and 'In his state, Christie said, offenders are …'
        return {t.i for t in verb.head.subtree if t.i not in own}
    return set()


def _stray_clause(verb: Token) -> set[int]:
    """Return a that-clause the parser hung on a phrase after the cue ('said at a news conference that he …')."""
    for child in verb.rights:
        if child.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        for tok in child.subtree:  # a noun's own that-clause ('the idea that …', acl) is no stray one
            if tok.dep_ == "mark" and tok.lower_ == "that" and tok.head.dep_ == "relcl" \
                    and tok.head.head.dep_ == "pobj" and tok.i > verb.i:
                return _subtree(tok.head)
    return set()


def _comma_after(verb: Token) -> bool:
    """Return whether a comma follows the verb's own short phrase ('Trump told CNN, …') and no cue governs it."""
    end = max(t.i for t in verb.subtree) + 1
    return end - verb.left_edge.i <= _FRAME_MAX and end < len(verb.doc) and verb.doc[end].text == "," \
        and verb.head.i > end and lemma_of(verb.head) not in _CUE_ADVCL | {"say", "tell"}


def _modal_conj(conj: Token) -> bool:
    """Return whether a subjectless conjunct of the cue is reported speech ('said X but would now root for Y')."""
    return conj.tag_ == "VB" and any(g.dep_ == "aux" and g.tag_ == "MD" for g in conj.children) \
        and not any(g.dep_ in _SUBJECT_DEPS for g in conj.children)


def _own_clause(conj: Token) -> bool:
    """Return whether a conjunct of the cue is a clause of the content ('said X but no meeting has been held')."""
    lemma = conj.lemma_.lower()
    return conj.pos_ in ("VERB", "AUX") and lemma not in _CUE_ADVCL and lemma not in ("say", "tell") \
        and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in conj.children)


def _verb_frames(verb: Token, lex: Lexicon) -> tuple[set[int], str]:
    """Return the content token indices of a reporting verb and the frame that gave them."""
    lemma = lemma_of(verb)
    if lemma in lex.clause:
        content = _clause_content(verb) or _stray_clause(verb)
        if content:
            return content, "indirect"
    children = {c.dep_ for c in verb.children}
    preps = lex.preposition.get(lemma, frozenset())
    for child in verb.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps and not _when(child) and not _to_infinitive(verb):
            part = _right_part(verb, set()) - {child.i}
            if part:
                return part, "indirect-preposition"
        if child.dep_ in ("advcl", "xcomp", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ in preps and g.i < child.i for g in child.children):
            return _subtree(child), "indirect-preposition"  # 'calling for the United States to take …'
    if lemma in lex.infinitive and "xcomp" in children:
        xcomp = next(c for c in verb.children if c.dep_ == "xcomp")
        if any(t.dep_ == "aux" and t.lower_ == "to" for t in xcomp.children):
            part = _right_part(verb, set())
            for c in verb.rights:  # 'pledged to enact reform, fix the system': the parser hung 'fix' on the cue
                if c.dep_ == "conj" and c.tag_ == "VB" and c.i > xcomp.i and verb.tag_ != "VB" \
                        and not any(g.dep_ in _SUBJECT_DEPS for g in c.children):
                    part |= _subtree(c) | {g.i for g in verb.rights if g.dep_ == "cc" and xcomp.i < g.i < c.i}
            return part, "indirect-infinitive"
    if lemma in lex.object and ("dobj" in children or "oprd" in children) and verb.dep_ != "amod":
        if lemma != "call" or "oprd" in children or "ccomp" in children or "xcomp" in children \
                or _quoted_object(verb):
            return _right_part(verb, set()), "indirect-object"
    if lemma in lex.clause and lemma not in _ADDRESSEE | _NO_OBJECT and "dobj" in children and verb.dep_ != "amod":
        return _right_part(verb, set()), "indirect-object"  # 'stressed support for …', 'showed less bias'
    return set(), "bare"


def _when(prep: Token) -> bool:
    """Return whether a prepositional phrase gives a time or a condition ('spoke on Sunday', 'on condition of')."""
    return any(c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_ == "condition")
               for c in prep.children)


def _to_infinitive(verb: Token) -> bool:
    """Return whether the verb is a to-infinitive ('declined to comment on', 'to ask about'): a topic not yet spoken."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _progressive(verb: Token) -> bool:
    """Return whether an -ing verb is finite through 'be' ('Sanders is thanking Nevadans')."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _quoted_object(verb: Token) -> bool:
    """Return whether the verb's object holds a quotation mark ('called protesters “thugs”')."""
    return any(t.text in _OPEN_MARKS for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


def _phrasal(verb: Token, lex: Lexicon) -> bool:
    """Return whether the verb with its particle is a verb of speaking ('went on', 'shot back')."""
    particles = lex.phrasal.get(lemma_of(verb), frozenset())
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles
                                   for c in verb.children)


def _verb_candidate(verb: Token, lex: Lexicon, quotes: Quoted | None = None) -> Candidate | None:
    """Return the candidate of one reporting verb, or None when it governs nothing and is no speech verb."""
    lemma = lemma_of(verb)
    attitude = lemma in lex.attitude
    if (attitude or lemma in lex.finite_only) and verb.tag_ not in _ATTITUDE_TAGS and not _progressive(verb):
        return None  # 'to support', 'would want': a stance only where someone holds it, not a plan or a question
    subj = _speaker_token(verb, quotes)
    if subj is None and verb.tag_ == "VB" and verb.dep_ == "ROOT":
        return None  # an imperative ('Support us', 'Tell a friend') is an appeal to the reader
    content, rule = _verb_frames(verb, lex)
    if content:  # 'condemned what he called a "brazen breach"': the fronted object is part of what was said
        content |= {c.i for c in verb.lefts if c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.lower_ == "what"}
    speaker = speaker_span(subj) if subj is not None else _adjacent_speaker(verb)
    if rule == "indirect-infinitive" and (lemma in _RAISING or any(c.dep_ == "nsubjpass" for c in verb.children)):
        # 'X seems to …', 'X is expected to …': the subject belongs to what is held (and stays the one who seems)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        content |= {k for c in subjects for k in _subtree(c)}
    if speaker is not None and not (rule == "indirect-infinitive" and lemma in _RAISING):
        content -= set(range(speaker.start, speaker.end))
    content.discard(verb.i)
    if not content and lemma not in lex.speech and not _phrasal(verb, lex):
        return None
    if attitude:
        rule = "attitude"  # a stance or wish ('Trump wants …', 'she supports …'), no statement in words
    return Candidate(verb, _cue_text(verb, lex), _runs(content, verb.doc), speaker, rule if content else "bare")


def _according(tok: Token, lex: Lexicon) -> Candidate | None:
    """Return the candidate of 'according to X' (and 'as reported by X') at ``tok``."""
    doc = tok.doc
    for phrase in lex.according:
        if tok.i + len(phrase) > len(doc) or any(doc[tok.i + k].lower_ != w for k, w in enumerate(phrase)):
            continue
        last = doc[tok.i + len(phrase) - 1]
        objs = [c for c in last.children if c.dep_ == "pobj"] or [
            t for t in doc[last.i + 1: last.i + 6] if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if not objs:
            return None
        pp = tok if tok.dep_ == "prep" else tok.head if tok.head.dep_ == "prep" else tok
        own = _subtree(pp) | {t.i for t in doc[tok.i: last.i + 1]} | _subtree(objs[0])
        head = pp.head if pp.head != pp else None
        scope = head.subtree if head is not None and head.pos_ in ("VERB", "AUX") else tok.sent
        content = {t.i for t in scope if t.i not in own}
        if head is not None and head.pos_ in ("NOUN", "PROPN"):
            content = {t.i for t in tok.sent if t.i not in own}
        runs = _runs(content, doc)
        if not runs:
            return None
        cue = " ".join(t.text for t in doc[tok.i: last.i + 1])
        return Candidate(tok, cue, runs, speaker_span(objs[0]), "according-to")
    return None


_DASHES = {"-", "–", "—", "--"}
_LABEL_MAX = 8  # tokens of a 'Name:' label ('Former AG Mukasey at RNC:')


def _line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Return the token range of the line (paragraph) holding token ``i``."""
    lo = i
    while lo > 0 and "\n" not in doc[lo - 1].whitespace_ and not doc[lo - 1].is_space:
        lo -= 1
    hi = i + 1
    while hi < len(doc) and "\n" not in doc[hi - 1].whitespace_ and not doc[hi].is_space:
        hi += 1
    return lo, hi


def _label(doc: Doc, lo: int, colon: int, lex: Lexicon) -> Span | None:
    """Return the speaker label before a colon: the line's start or the name after a dash."""
    dash = max((k for k in range(lo, colon) if doc[k].text in _DASHES), default=None)
    start = dash + 1 if dash is not None else lo
    label = doc[start:colon]
    if not 0 < len(label) <= _LABEL_MAX or any(t.tag_ in _FINITE for t in label):
        return None
    if label.text.lower() in lex.not_speakers or label[-1].lower_ in lex.not_speakers:
        return None
    if dash is not None and not all(t.pos_ in ("PROPN", "CCONJ", "PUNCT") for t in label):
        return None
    named = [t for t in label if t.ent_type_ in ("PERSON", "ORG") or (t.is_upper and t.is_alpha and len(t) > 2)]
    return label if named or _title_label(label) else None


def _title_label(label: Span) -> bool:
    """Return whether a label is one capitalised word or 'Name on …' ('Sanders:', 'Poll:', 'Gillibrand on …:').

    A longer title-case label is a kicker ('Historic Moment: …'), not a speaker.
    """
    words = [t for t in label if t.is_alpha]
    if not words or not words[0].is_title:
        return False
    return len(words) == 1 or words[0].pos_ == "PROPN" and words[1].lower_ in _LABEL_TOPIC


def _label_speaker(label: Span) -> Span:
    """Return the speaker words of a label: its names, else the words before 'on' ('Gillibrand on …')."""
    names = [t for t in label if t.ent_type_ in ("PERSON", "ORG") or t.is_upper]
    if names:
        return label.doc[names[0].i: names[-1].i + 1]
    topic = next((t.i for t in label if t.lower_ in _LABEL_TOPIC), label.end)
    return label.doc[label.start: topic] if topic > label.start else label


def _colon_label(colon: Token, lex: Lexicon) -> Candidate | None:
    """Return 'Rubio: I Still Believe …', 'TAPPER: …' or '… - Mark Blumenthal: "…"' as a candidate."""
    doc = colon.doc
    lo, hi = _line_bounds(doc, colon.i)
    label = _label(doc, lo, colon.i, lex)
    if label is None or hi - colon.i < 3:
        return None
    runs = _runs(range(colon.i + 1, hi), doc)
    if not any(t.is_alpha for t in doc[colon.i + 1: hi]):
        return None  # 'Clinton: 1,769' is a tally, not a statement
    return Candidate(colon, ":", runs, _label_speaker(label), "headline-colon") if runs else None


def _dash_signature(dash: Token) -> Candidate | None:
    """Return '"…" ― Sonya Herridge' (a quotation signed after a dash) as a bare cue for that quotation."""
    doc = dash.doc
    before = dash.i - 1
    while before > 0 and doc[before].is_space and "\n" not in doc[before].text:
        before -= 1  # '”\xa0― Jacklyn Ashley'
    glued = dash.text[0] in _CLOSE_MARKS  # '”― Pamela Padilla': the tokenizer keeps the mark and the dash together
    if not glued and (before < 0 or doc[before].text not in _CLOSE_MARKS and not doc[before].text.endswith("”")):
        return None
    start = dash.i + 1
    if start < len(doc) and doc[start].is_space and "\n" not in doc[start].text:
        start += 1  # '― \xa0Steve Quinlan'
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and "\n" not in doc[end - 1].whitespace_ \
            and end - start < _LABEL_MAX:
        end += 1
    return Candidate(dash, dash.text, [], doc[start:end], "bare") if end > start else None


def _noun_clause(tok: Token) -> Candidate | None:
    """Return 'his claim that …' as a candidate: the noun's that-clause, spoken by its possessor."""
    for child in tok.rights:
        if child.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            runs = _runs(_subtree(child), tok.doc)
            if runs:
                return Candidate(tok, tok.text, runs, speaker_span(poss) if poss is not None else None, "noun-clause")
    return None


def paragraphs(doc: Doc) -> list[int]:
    """Return the paragraph (line) number of each token."""
    out, para = [], 0
    for tok in doc:
        out.append(para)
        para += (tok.text + tok.whitespace_).count("\n")
    return out


def _same_paragraph(cand: Candidate, para: list[int]) -> Candidate | None:
    """Keep only the content in the cue's paragraph (the parser sometimes runs a sentence over a break)."""
    if cand.cue is None:
        return cand
    home = para[cand.cue.i]
    cand.content = _runs([k for i, j in cand.content for k in range(i, j) if para[k] == home], cand.cue.doc) \
        if any(para[k] != home for i, j in cand.content for k in range(i, j)) else cand.content
    if cand.speaker is not None and para[cand.speaker.start] != home:
        cand.speaker = None
    if not cand.content and cand.cue.pos_ in ("VERB", "AUX"):
        cand.rule = "bare"  # 'He said:' over a paragraph break: the quotation below still finds this cue
    return cand if cand.content or cand.rule == "bare" else None


def find_candidates(doc: Doc, lex: Lexicon) -> list[Candidate]:
    """Return every cue of ``doc`` with its content and speaker phrase."""
    para = paragraphs(doc)
    regions = Quoted(find_regions(doc_text(doc)))
    return [c for c in _candidates(doc, lex, regions) if _same_paragraph(c, para) is not None]


def _candidates(doc: Doc, lex: Lexicon, quotes: Quoted) -> Iterator[Candidate]:
    """Yield the candidates of every cue rule."""
    for tok in doc:
        lower = tok.lower_
        cand: Candidate | None = None
        if tok.i and doc[tok.i - 1].text == "<":
            continue  # markup ('<tweet pic=…>') left in the text
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB") \
                and lex.is_cue(lemma_of(tok)):
            cand = _verb_candidate(tok, lex, quotes)
        elif lower in ("according", "as"):
            cand = _according(tok, lex)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns:
            cand = _noun_clause(tok)
        elif tok.text == ":":
            cand = _colon_label(tok, lex)
        elif tok.text in _DASHES or tok.text == "―" or len(tok) == 2 and tok.text[0] in _CLOSE_MARKS \
                and tok.text[1] in "―—–":
            cand = _dash_signature(tok)
        if cand is not None:
            yield cand


def finite_verbs(doc: Doc, i: int, j: int, allowed: set[int]) -> bool:
    """Return whether tokens [i, j) hold a finite verb not in ``allowed`` (a clause of its own)."""
    return any(doc[k].tag_ in _FINITE and k not in allowed for k in range(i, j))
