"""The records that flow between stages (see DESIGN.md and schema/export.md).

Every extracted record carries its provenance: ``article_id``, character offsets into the
article's clean ``text``, the ``rule`` (or model) that produced it and a ``confidence``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """One input document as read from a file, stdin, a WARC record or a JSONL line."""

    id: str  # sha256 of the content (hex, first 16 bytes)
    uri: str  # path or URL it came from ("file.warc.gz#record-3" for members)
    data: bytes
    media_type: str  # "text/plain" or "text/html"
    hints: dict[str, str] = field(default_factory=dict)  # url, date, outlet given by the container
    error: str | None = None  # set when the reader already knows the document is bad
    error_code: str | None = None


@dataclass
class Article:
    """Clean text and metadata of one document (the export contract's ``article``)."""

    id: str
    source: str
    source_name: str
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    original_outlet: str | None = None
    page_date: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    # an undated (or re-posted) page's bounds, from the offices its text states as current (ISO dates)
    written_from: str | None = None
    written_until: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    media_type: str = "text/plain"
    extractor: str = ""
    duplicate_of: str | None = None
    story_id: str | None = None
    error: str | None = None
    error_code: str | None = None


@dataclass
class Actor:
    """A canonical actor: a state, IGO, person, organisation or group."""

    id: str  # "USA", "NATO", "person:antony-blinken", "org:…", "state:x-veska"
    name: str
    kind: str  # state, igo, person, organisation, group
    country: str | None = None  # ISO 3166 alpha-3 or IGO code
    sector: str | None = None  # GOV, MIL, REB, CVL, MED, BUS, IGO, …
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """A surface form in an article resolved to an actor."""

    article_id: str
    start: int
    end: int
    text: str
    actor_id: str
    rule: str  # how it was resolved: "registry", "ner+role", "coref:pronoun", …
    confidence: float = 1.0
    role: str | None = None  # role stated at this mention, if any


@dataclass
class Timex:
    """A temporal expression normalised to a TIMEX3 value."""

    article_id: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: "2022-01-21", "2022-W03", "P15M", "PAST_REF", "XXXX-WXX-5"
    rule: str = ""
    confidence: float = 1.0


@dataclass
class Quote:
    """A direct, indirect or mixed quotation with its speaker."""

    id: str
    article_id: str
    text: str
    kind: str  # direct, indirect, mixed
    start: int
    end: int
    cue: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_country: str | None = None
    speaker_role: str | None = None
    speaker_start: int | None = None  # offsets of the speaker mention in the text
    speaker_end: int | None = None
    date: str | None = None
    rule: str = ""
    confidence: float = 1.0
    sources: int = 1
    canonical_id: str | None = None  # set by cross-document merging


@dataclass
class Event:
    """A PLOVER event with its dyad and evidence sentence."""

    id: str
    article_id: str
    event_type: str
    sentence: str
    start: int
    end: int
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    date: str | None = None
    location: str | None = None
    trigger: str | None = None
    negated: bool = False
    hypothetical: bool = False
    rule: str = ""
    confidence: float = 1.0
    sources: int = 1
    canonical_id: str | None = None  # set by cross-document merging


@dataclass
class DocResult:
    """Everything the per-document pipeline produced for one RawDocument."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stage_errors: list[str] = field(default_factory=list)  # non-fatal stage failures


def to_dict(record: Any) -> dict[str, Any]:
    """Return a record as a plain dict."""
    return asdict(record)


@dataclass
class ActorAnalysis:
    """Output of the actors stage for one article: canonical actors and their mentions."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """Return the mention overlapping the span [start, end) best (longest overlap), if any."""
        best: Mention | None = None
        best_overlap = 0
        for m in self.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def actor_at(self, start: int, end: int) -> Actor | None:
        """Return the actor mentioned in the span [start, end), if any."""
        mention = self.mention_at(start, end)
        return self.actors.get(mention.actor_id) if mention else None


@dataclass
class TimeAnalysis:
    """Output of the temporal stage: timexes, and the article's real date with its evidence."""

    timexes: list[Timex] = field(default_factory=list)
    published: str | None = None
    evidence: str | None = None
    written_from: str | None = None  # bounds of an undated page (temporal/tenure.py)
    written_until: str | None = None
    # char span of each sentence → value of the timex governing it; filled by the temporal stage
    anchors: list[tuple[int, int, str]] = field(default_factory=list)

    def date_for(self, start: int, end: int) -> str | None:
        """Return the date of the text at [start, end): its narrowest dated clause, else the article date.

        A clause containing the span wins (the narrowest one: "launching ... in February 2022" inside "said
        Friday"); failing that, the clause overlapping it most; failing that, the article's real date.
        """
        containing = [a for a in self.anchors if a[0] <= start and end <= a[1]]
        if containing:
            return min(containing, key=lambda a: a[1] - a[0])[2]
        best, best_overlap = None, 0
        for a_start, a_end, value in self.anchors:
            overlap = min(end, a_end) - max(start, a_start)
            if overlap > best_overlap:
                best, best_overlap = value, overlap
        return best if best is not None else self.published

    def day_for(self, start: int, end: int) -> str | None:
        """Return the calendar date of the text at [start, end) as the export gives it: its phrase's or clause's
        ("said Friday", "the 1998 bombing"), else the article's real date; None when neither is a calendar date
        (an undated article's "Wednesday" is XXXX-WXX-3, which is no date)."""
        return calendar_day(self.date_for(start, end)) or calendar_day(self.published)


_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?($|T)")


def calendar_day(value: str | None) -> str | None:
    """Return a TIMEX3 value's calendar part (YYYY, YYYY-MM, YYYY-MM-DD), None for "XXXX-WXX-3" or a week."""
    return value[:10] if value and _CALENDAR.match(value) else None
