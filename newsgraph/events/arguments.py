"""Event arguments: the actor phrases around a trigger, resolved to country/IGO-level actors."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.actors.setting import PLACE_PREPS
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.places import (
    PlaceHit,
    find_leaders,
    find_places,
    igo_codes,
    sector_for,
    someone_else,
    state_codes,
)
from newsgraph.records import Actor, ActorAnalysis

# children that belong to an actor phrase ("Taiwan's Vice Foreign Minister", "rebels in the Ivory Coast")
_CORE_DEPS = {"compound", "amod", "poss", "nmod", "det", "appos", "prep", "pobj", "nummod", "quantmod", "case",
              "npadvmod", "punct", "cc", "conj", "acl"}
_CORE_PREPS = PLACE_PREPS | {"of", "from", "for"}
# prepositions that belong to the phrase only under a participle or adjective ("based in", "loyal to")
_MODIFIER_PREPS = frozenset({"with", "to", "in", "by", "from"})
_SPAN_PREPS = frozenset({"of", "in", "from"})  # the evidence span keeps "police in Gaza", "officials from Kansas"
_STATE_KINDS = {"state", "igo"}
_TITLE_DEPS = {"compound", "amod", "poss", "nmod"}
_NAME_ENTS = {"GPE", "NORP", "ORG", "LOC"}  # a named place or body, not a title word the gazetteer lists


def _dated(tok: Token, head: Token) -> bool:
    """Return whether ``tok`` is part of a date or time expression other than the phrase head."""
    return tok.i != head.i and tok.ent_type_ in ("DATE", "TIME")


@dataclass(frozen=True)
class ArgActor:
    """One resolved argument: actor id (country/IGO-level), named person/organisation, sector, phrase span."""

    code: str | None
    name: str | None
    sector: str | None
    start: int  # char offsets of the argument phrase in the doc text
    end: int
    head: int  # token index of the phrase head
    via: str  # "actors" (actor stage), "gazetteer" (fallback) or "context" (domestic default)
    kind: str | None = None  # state or igo (of the coded actor)
    guessed: bool = False  # the code is the sentence's setting, not a word of the phrase ('doctors' in a Cuba story)


class ArgResolver:
    """Resolves argument heads of one doc; built once per doc (gazetteer matches computed once)."""

    def __init__(self, doc: Doc, actors: ActorAnalysis) -> None:
        """Index the doc's gazetteer matches by token."""
        self.doc = doc
        self.actors = actors
        self.place_at: dict[int, PlaceHit] = {}
        for hit in find_places(doc):
            for i in range(hit.start, hit.end):
                self.place_at[i] = hit
        # the actor stage's answer for each token inside one of its mentions (asked once per token)
        self.stage_at: dict[int, Actor | None] = {}
        self.weak: set[int] = set()  # tokens whose stage country is only the sentence's setting
        self.towns: set[int] = set()  # tokens of a town or region the stage placed in its state ("Geneva")
        for mention in actors.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for tok in span or []:
                if tok.i not in self.stage_at:
                    self.stage_at[tok.i] = actors.actor_at(tok.idx, tok.idx + len(tok.text))
                    if "setting" in mention.rule:
                        self.weak.add(tok.i)
                    if mention.rule.endswith(":place"):
                        self.towns.add(tok.i)
        # well-known office holders (data/leaders.csv): their country beats a country guessed from the setting
        self.leader_at: dict[int, str] = {}
        for start, end, code in find_leaders(doc):
            for i in range(start, end):
                self.leader_at[i] = code

    def core(self, head: Token, preps: frozenset[str] = _CORE_PREPS, coordinated: bool = True) -> list[Token]:
        """Return the tokens of the actor phrase headed by ``head`` (modifiers and of/in attachments)."""
        out: list[Token] = [head]
        stack = [c for c in head.children if c.dep_ in _CORE_DEPS and c.dep_ != "conj"]
        while stack:
            tok = stack.pop()
            if tok.dep_ == "prep" and tok.lower_ not in preps and not (
                    tok.head.dep_ in ("acl", "amod") and tok.lower_ in _MODIFIER_PREPS and preps is _CORE_PREPS):
                continue
            if tok.dep_ == "acl" and (tok.tag_ != "VBN" or preps is not _CORE_PREPS):
                continue  # "workers affiliated with the union", "a newspaper based in Beirut"
            if not coordinated and tok.dep_ in ("conj", "cc"):
                continue
            if self.third_party(tok):
                continue  # "a UN-brokered deal": the broker is a third party, not the deal's party
            out.append(tok)
            stack.extend(c for c in tok.children if c.dep_ in _CORE_DEPS or c.dep_ == "pobj")
        return sorted(out, key=lambda t: t.i)

    @staticmethod
    def third_party(tok: Token) -> bool:
        """Tell whether a token is, or names the agent of, a broker's participle ("UN-brokered", "Qatar-mediated")."""
        part = tok if tok.dep_ == "amod" else tok.head
        return part.dep_ == "amod" and load_lexicon().has("third_party_participles", part.lemma_.lower())

    def is_place(self, tok: Token) -> bool:
        """Return whether the token is a town, or a venue before a noun: where, not who (for fallback parties)."""
        before_noun = tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "NOUN"
        return tok.i in self.towns or self.is_venue(tok) and before_noun

    def is_venue(self, tok: Token) -> bool:
        """Return whether the token names a capital or a town ("the Minsk talks", "the Geneva meeting": a venue,
        not a party)."""
        hit = self.place_at.get(tok.i)
        return hit is not None and hit.kind == "capital" or tok.i in self.towns

    def span(self, head: Token) -> tuple[int, int]:
        """Return char offsets of the phrase headed by ``head``: its noun phrase with of-attachments only."""
        toks = self.core(head, _SPAN_PREPS, coordinated=False)
        while len(toks) > 1 and (toks[-1].is_punct and toks[-1].text != ")" or _dated(toks[-1], head)):
            toks.pop()  # "airstrikes this month": a date is no part of the actor
        while len(toks) > 1 and (toks[0].is_punct or _dated(toks[0], head)):
            toks.pop(0)
        toks = [t for t in toks if t.i >= toks[0].i] or [head]
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def _stage_actor(self, tok: Token) -> Actor | None:
        """Return the actor stage's actor for one token, if it resolved one."""
        return self.stage_at.get(tok.i)

    def _token_code(self, tok: Token) -> tuple[str | None, Actor | None, str, str | None]:
        """Return (code, stage actor, via, kind) for one token of a phrase (via "setting" marks a weak guess)."""
        actor = self._stage_actor(tok)
        leader = self.leader_at.get(tok.i)
        if leader is not None and (actor is None or actor.kind == "person" and not someone_else(actor.name)):
            return leader, actor, "leaders", "igo" if leader in igo_codes() else "state"
        if actor is not None:
            code = actor.country or (actor.id if actor.kind in _STATE_KINDS else None)
            if code:
                # a person's affiliation may be an IGO of the article ("Arab League Secretary-General X")
                body = self.actors.actors.get(code)
                kind = "igo" if actor.kind == "igo" or (actor.sector == "IGO" and code == actor.id) or (
                    body is not None and body.kind == "igo") else "state"
                return code, actor, "setting" if tok.i in self.weak else "actors", kind
        hit = self.place_at.get(tok.i)
        if hit is not None:
            return hit.code, actor, "gazetteer", "igo" if hit.kind == "igo" else "state"
        return None, actor, "", None

    def resolve(self, head: Token) -> list[ArgActor]:
        """Return the actors of the phrase headed by ``head``: one per coordinated country/IGO, head-near first."""
        core = self.core(head)
        if load_lexicon().has("relational_nouns", head.lemma_.lower()):  # "its neighbour" is not the "it"
            owners = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
            core = [t for t in core if t.i not in owners]
        # where, not who: "host the talks in Brussels", and a paper's town: "signed protocols in Zurich"
        meeting = is_meeting(head)
        if meeting or load_lexicon().has("document_nouns", head.lemma_.lower()):
            wheres = [c for c in head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
            if not meeting:  # a paper drops only a town, not a land it covers ("an accord in Kosovo")
                wheres = [c for c in wheres if any(self.is_venue(t) for t in c.subtree)]
            places = {t.i for c in wheres for t in c.subtree}
            core = [t for t in core if t.i not in places]
        order = sorted(core, key=lambda t: (self._rank(t, head), abs(t.i - head.i)))
        start, end = self.span(head)
        name = self._name(core)
        sector = self._sector(core, head)
        found: list[ArgActor] = []
        coded = [(tok, *self._token_code(tok)) for tok in order]
        ids = {t.i for t in core}
        stated = {code for tok, code, actor, via, _ in coded if code and tok.dep_ in _TITLE_DEPS and tok.head.i in ids
                  and (via == "gazetteer" and tok.ent_type_ in _NAME_ENTS
                       or via == "actors" and actor is not None and actor.kind in _STATE_KINDS)}
        if stated:  # "U.N. mediator Diego Cordovez": the affiliation in the title beats the person's guessed country
            coded = [c for c in coded if c[1] in stated or not (
                c[3] == "leaders" or c[2] is not None and c[2].kind == "person" and c[3] == "actors"
                and c[1] in state_codes())]
        if any(code and via != "setting" for _, code, _, via, _ in coded):  # a stated country beats the setting's
            coded = [c for c in coded if c[3] != "setting"]
        for tok, code, actor, via, kind in coded:
            if not code or any(a.code == code for a in found):
                continue
            if found and not self._coordinated(tok, core):
                continue
            if actor is not None and actor.sector and not sector:
                sector = actor.sector
            found.append(ArgActor(code, name, sector, start, end, head.i, "actors" if via == "setting" else via, kind,
                                  guessed=via == "setting"))
        if not found and (name or sector):  # an actor phrase the gazetteer cannot place: keep its span
            found.append(ArgActor(None, name, sector, start, end, head.i, ""))
        return found

    @staticmethod
    def _rank(tok: Token, head: Token) -> int:
        """Rank a phrase token: the head, its owner, its other modifiers, then attached phrases."""
        if tok.i == head.i:
            return 0
        if tok.head.i == head.i and tok.dep_ == "poss":  # "Sweden's NATO membership bid" is Sweden's
            return 1
        if tok.head.i == head.i and tok.dep_ in ("compound", "amod", "nmod", "appos"):
            return 2
        return 3

    @staticmethod
    def _coordinated(tok: Token, core: list[Token]) -> bool:
        """Return whether ``tok`` is coordinated with another token of the phrase ("US and British forces")."""
        ids = {t.i for t in core}
        if tok.dep_ == "conj" and tok.head.i in ids:
            return True
        return any(c.dep_ == "conj" and c.i in ids for c in tok.children) or any(
            c.dep_ == "conj" for c in tok.head.children if c.i in ids and tok.dep_ == c.dep_)

    def _name(self, core: list[Token]) -> str | None:
        """Return the named person or organisation of the phrase (actor stage first, then NER)."""
        for tok in core:
            actor = self._stage_actor(tok)
            if actor is not None and actor.kind in ("person", "organisation", "group") and tok.ent_type_ in (
                    "PERSON", "ORG"):
                return actor.name
        for tok in core:
            if tok.ent_type_ in ("PERSON", "ORG") and tok.ent_iob_ == "B":
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                if ent is not None and tok.i not in self.place_at:
                    return ent.text
        return None

    @staticmethod
    def _sector(core: list[Token], head: Token) -> str | None:
        """Return the sector the phrase's words name (head first)."""
        lemmas = [head.lemma_.lower()] + [t.lemma_.lower() for t in core if t.i != head.i]
        return sector_for(lemmas)


def is_meeting(tok: Token) -> bool:
    """Return whether the token is a noun the lexicon codes as a meeting (CONSULT: talks, summit, visit)."""
    if tok.pos_ != "NOUN":
        return False
    return any(p.type == "CONSULT" for p in load_lexicon().candidates("NOUN", tok.lemma_.lower()))


def meeting_venue(tok: Token) -> bool:
    """Return whether the token is where a meeting is held ("the talks in Brussels"), not a party to it."""
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS and is_meeting(tok.head.head)
