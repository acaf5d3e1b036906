"""The country a sentence is set in, for actors whose own words name none ('President Mugabe', 'the rebels').

News names a domestic actor without its nationality when the story's country is plain from the sentence
or the dateline: 'Opposition groups in Zimbabwe are demanding that President Mugabe …', 'The Mozambique
government accepted demands from Shona rebels'. Each state named in a sentence scores by how the sentence
uses it: a place where things happen ('in Zimbabwe'), a modifier or possessor of another actor ('Zambian
people', "Haiti's elections") and a subject weigh most; a target ('action against Russia', 'sales to
Croatia') weighs least and alone never sets the scene. Failing the sentence, the article's best-scored state
is used when it clearly leads (a dateline story names its country again and again).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span, Token

from newsgraph.actors.context import Context
from newsgraph.actors.lexicon import lexicon

# the prepositions whose object is where something happens (the event coder places its events by them too)
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "within", "throughout", "across", "around"})
_SCENE_PREPS = PLACE_PREPS | {"from"}  # "reported from Kabul" sets the scene, but places no event there
_TARGET_PREPS = {"against", "to", "with", "toward", "towards", "into", "on", "over", "between", "for", "by"}
_SPONSOR_WORDS = {"backed", "allied", "funded", "supported", "sponsored", "trained", "armed", "aligned", "led",
                  "friendly", "leaning"}
_MIN_SCORE = 1.0  # below this a sentence's states are only targets: no scene


def _weight(span: Span) -> float:
    """Return how strongly one state mention sets the scene of its sentence."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:  # 'to the United States and Israel': as its first conjunct
        root = root.head
    dep = root.dep_
    if dep == "pobj":
        prep = root.head.lower_
        if prep in _SCENE_PREPS:
            return 3.0
        if prep == "of":  # 'the president of Armenia', 'the town of Cizre in Turkey': the 'of' phrase's head rules
            return 3.0 if root.head.head.lemma_.lower() in lexicon().names.get("bearings", ()) else 1.5
        return 0.5 if prep in _TARGET_PREPS else 1.0
    if dep in ("poss", "amod", "compound", "nmod"):
        head = root.head  # 'in the Bryansk region', "in Ukraine's east": the place's own modifier sets the scene
        if head.lemma_.lower() in lexicon().names.get("missions", ()):  # 'outside the U.S. embassy in Jakarta'
            return 0.5  # a state's mission abroad: the scene is where it stands
        while head.dep_ == "compound" and head.head != head:  # 'a U.S. Army Chinook helicopter': the phrase's head
            head = head.head
        if head.dep_ == "dobj":  # "shot down a U.S. helicopter west of Baghdad": what is acted on may be far from home
            return 1.0
        return 3.0 if head.dep_ == "pobj" and head.head.lower_ in _SCENE_PREPS else 2.0
    if dep in ("nsubj", "nsubjpass"):
        # "…, the Pentagon said": who reports after the fact is not where it happened
        return 1.0 if _trailing_speaker(root) else 2.0
    if dep in ("dobj", "dative", "attr"):
        return 0.5
    return 1.0


def _trailing_speaker(subj: Token) -> bool:
    """Tell whether ``subj`` is the speaker of an attribution that follows what it reports ("…, officials said")."""
    verb = subj.head
    return verb.dep_ == "ROOT" and verb.i > subj.i and verb.lemma_.lower() in lexicon().names.get(
        "attribution_verbs", ()) and any(c.dep_ in ("ccomp", "parataxis") and c.i < subj.i for c in verb.children)


def _state_spans(ctx: Context) -> list[tuple[Span, str]]:
    """Return each registry match of a state (or a body or place of one) with its country, in text order."""
    seen: dict[int, tuple[Span, str]] = {}
    for span, entry in ctx.registry.values():
        if span.start in seen or entry.kind == "igo" or entry.country is None:
            continue
        if entry.kind != "state" and entry.form not in ("seat", "place", "capital"):
            continue  # an armed group's home country ('Hamas') says little about where the sentence is set
        if ctx.lex.plover_of.get(entry.country, entry.country) != entry.country:
            continue
        if _backer(span):
            continue  # 'US-backed rebels', 'pro-Russian separatists' are not set in the US or Russia
        seen[span.start] = (span, entry.country)
    return [seen[k] for k in sorted(seen)]


def _backer(span: Span) -> bool:
    """Say whether a state word names a sponsor or side ('US-backed', 'pro-Russian', 'anti-American')."""
    doc = span.doc
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in _SPONSOR_WORDS:
        return True
    before = doc[max(0, span.start - 2):span.start]
    return any(t.lower_ in ("pro", "anti", "pro-", "anti-") for t in before)


class Setting:
    """Scores of the states named in each sentence of an article, and the article's leading state."""

    def __init__(self, ctx: Context) -> None:
        """Score every state mention by sentence."""
        self.sent_of: dict[int, int] = {}
        self.by_sent: dict[int, dict[str, float]] = {}
        self.first: dict[int, dict[str, int]] = {}
        k = -1
        for tok in ctx.doc:  # a line break also ends a sentence: the parser glues headings to the next line
            prev = ctx.doc[tok.i - 1] if tok.i else None
            if prev is None or tok.is_sent_start or "\n" in prev.whitespace_ or "\n" in prev.text:
                k += 1
            self.sent_of[tok.i] = k
        self.article: dict[str, float] = defaultdict(float)
        self.named_in: dict[str, int] = defaultdict(int)  # how many sentences name each state
        for span, country in _state_spans(ctx):
            k = self.sent_of[span.start]
            w = _weight(span)
            sent_scores = self.by_sent.setdefault(k, {})
            self.named_in[country] += country not in sent_scores
            sent_scores[country] = sent_scores.get(country, 0.0) + w
            self.first.setdefault(k, {}).setdefault(country, span.start)
            self.article[country] += w

    def country_at(self, token: int, exclude: str | None = None, sentence_only: bool = False) -> str | None:
        """Return the country the sentence of ``token`` is set in, else (unless ``sentence_only``) the
        article's clear leader."""
        k = self.sent_of.get(token)
        scores = self.by_sent.get(k) if k is not None else None
        if scores and exclude in scores:
            scores = {c: v for c, v in scores.items() if c != exclude}
        if scores:
            first = self.first[k]  # type: ignore[index]
            best = max(scores, key=lambda c: (scores[c], -first[c]))
            if scores[best] >= _MIN_SCORE:
                return best
        return None if sentence_only else self.leader(exclude)

    def leader(self, exclude: str | None = None, sentences: int = 1) -> str | None:
        """Return the state the article clearly leads with (a dateline story names its country again and again),
        named in at least ``sentences`` sentences."""
        if not self.article:
            return None
        ranked = sorted(((c, v) for c, v in self.article.items() if c != exclude), key=lambda kv: -kv[1])
        if not ranked:
            return None
        (top, top_score), *rest = ranked[:2]
        if top_score >= 3.0 and (not rest or top_score >= 2 * rest[0][1]) and self.named_in[top] >= sentences:
            return top
        return None
