"""Per-article working state shared by the resolution passes (persons, groups, coreference)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.actors.lexicon import Entry, Lexicon, Role, lexicon
from newsgraph.actors.matching import registry_spans, role_spans
from newsgraph.records import Actor, ActorAnalysis, Article, Mention

# sector → plain word used in the display name of a state's group actor ("Russian military")
SECTOR_WORDS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "CVL": "civilians", "MED": "media", "BUS": "business",
    "COP": "police", "LEG": "legislature", "JUD": "judiciary", "OPP": "opposition", "REF": "refugees",
    "SPY": "intelligence", "PRM": "militia", "UAF": "gunmen", "LAB": "labour", "EDU": "education",
    "AGR": "farmers", "ELI": "elites", "REL": "clergy", "HLH": "health workers", "SOC": "civil society",
    "CRM": "criminals", "PTY": "party", "IGO": "officials",
}


@dataclass
class PersonInfo:
    """What the article says about one person actor, accumulated over its mentions."""

    parts: list[str]
    roles: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    scene: Counter[str] = field(default_factory=Counter)  # countries of the sentences it is named in (fallback)
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Found:
    """A mention found by a pass, before it becomes a records.Mention."""

    start: int  # token indices [start, end)
    end: int
    actor_id: str
    rule: str
    confidence: float
    role: str | None = None
    kind: str = "named"  # named, nominal, pronoun: what coreference may point back to


@dataclass
class Context:
    """The article, its parse, the lexicon matches and everything resolved so far."""

    article: Article
    doc: Doc
    lex: Lexicon = field(default_factory=lexicon)
    registry: dict[int, tuple[Span, Entry]] = field(default_factory=dict)  # token → registry match covering it
    roles: dict[int, tuple[Span, Role]] = field(default_factory=dict)  # token → role match covering it
    taken: set[int] = field(default_factory=set)  # tokens already inside a mention or used as an affiliation
    found: list[Found] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    persons: dict[str, PersonInfo] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Index the registry and role matches by token."""
        for span, entry in registry_spans(self.doc):
            self.add_registry(span, entry)
        for rspan, role in role_spans(self.doc):
            for i in range(rspan.start, rspan.end):
                self.roles[i] = (rspan, role)

    def add_registry(self, span: Span, entry: Entry) -> None:
        """Record a registry match (also used for invented states found in this article)."""
        for i in range(span.start, span.end):
            self.registry[i] = (span, entry)

    def registry_ending(self, end: int) -> tuple[Span, Entry] | None:
        """Return the registry match that ends right before token ``end``."""
        hit = self.registry.get(end - 1)
        return hit if hit and hit[0].end == end and hit[0].start not in self.taken else None

    def role_ending(self, end: int) -> tuple[Span, Role] | None:
        """Return the role match that ends right before token ``end``."""
        hit = self.roles.get(end - 1)
        return hit if hit and hit[0].end == end else None

    def role_starting(self, start: int) -> tuple[Span, Role] | None:
        """Return the role match that starts at token ``start``."""
        hit = self.roles.get(start)
        return hit if hit and hit[0].start == start else None

    def add(self, found: Found) -> None:
        """Keep a resolved mention and mark its tokens as taken."""
        self.found.append(found)
        self.taken.update(range(found.start, found.end))

    def free(self, start: int, end: int) -> bool:
        """Say whether no token of [start, end) is taken yet."""
        return not any(i in self.taken for i in range(start, end))

    def actor_from_entry(self, entry: Entry) -> str:
        """Register the actor a registry entry stands for and return its id."""
        if entry.actor_id not in self.actors:
            self.actors[entry.actor_id] = Actor(
                id=entry.actor_id, name=entry.name, kind=entry.kind, country=entry.country, sector=entry.sector
            )
        return entry.actor_id

    def state_entry(self, code: str) -> Entry:
        """Return a registry entry standing for the state ``code`` (for groups placed by their sentence)."""
        return Entry(code, self.lex.states.get(code, code), "state", code, None, "name", code)

    def group_actor(self, entry: Entry, role: Role) -> str:
        """Return the id of the sector group of a state or IGO: 'Russian troops' → group:rus-mil."""
        country = entry.country or entry.actor_id
        sector = role.sector
        actor_id = f"group:{country.lower()}-{sector.lower()}"
        if actor_id not in self.actors:
            base = self.lex.demonym_of.get(country) or entry.name
            self.actors[actor_id] = Actor(actor_id, f"{base} {SECTOR_WORDS.get(sector, sector.lower())}", "group",
                                          country, sector)
        return actor_id

    def any_group(self, sector: str) -> str:
        """Return the id of the sector group whose state the article does not say: group:any-reb."""
        actor_id = f"group:any-{sector.lower()}"
        if actor_id not in self.actors:
            word = SECTOR_WORDS.get(sector, sector.lower())
            self.actors[actor_id] = Actor(actor_id, f"{word} (state unknown)", "group", None, sector)
        return actor_id

    def body_actor(self, entry: Entry, role: Role) -> str:
        """Return the id of a state body: 'Russian Foreign Ministry' → org:rus-foreign-ministry."""
        from newsgraph.actors.names import slug

        country = entry.country or entry.actor_id
        actor_id = f"org:{country.lower()}-{slug(role.role)}"
        if actor_id not in self.actors:
            base = self.lex.demonym_of.get(country) or entry.name
            self.actors[actor_id] = Actor(actor_id, f"{base} {role.role}", "organisation", country, role.sector,
                                          role=role.role)
        return actor_id

    def analysis(self) -> ActorAnalysis:
        """Return the records: actors with their aliases, mentions in text order."""
        result = ActorAnalysis()
        doc, aid = self.doc, self.article.id
        for f in sorted(self.found, key=lambda f: (f.start, f.end)):
            span = doc[f.start:f.end]
            result.mentions.append(Mention(aid, span.start_char, span.end_char, span.text, f.actor_id, f.rule,
                                           round(f.confidence, 3), f.role))
            actor = self.actors[f.actor_id]
            if f.kind == "named" and span.text not in actor.aliases:
                actor.aliases.append(span.text)
        used = {m.actor_id for m in result.mentions}
        result.actors = {k: v for k, v in self.actors.items() if k in used}
        return result
