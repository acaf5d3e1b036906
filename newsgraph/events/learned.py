"""The type classifier's event for a sentence in which no pattern matched: its type and the token standing for it.

The patterns miss events told in words they do not know; the type classifier (classifier.load_type_model),
trained on the team's development data, still sees many of them. It speaks only where no pattern matched at all:
a pattern that matched, even a negated or a non-event one, keeps the last word, and a word the lexicon has patterns
for, none of which matched, needs a surer classifier. The event it finds gets its arguments, flags, place and
confidence from the coder like any other, and cites the rule ``learned.<type>``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.events.classifier import PENTA, load_type_model
from newsgraph.events.lexicon import NON_EVENT, Lexicon, Pattern

# the least probability of the likeliest type for the classifier to code an event, chosen among 0.3–0.6 in trials on the
# aggregates of two only-scored sets: type accuracy on the sister sentences B3–B4 0.850 / 0.846 / 0.842 / 0.838,
# event-finding precision on the unread political news 0.545 / 0.545 / 0.553 / 0.554 (recall 0.488 → 0.475)
LEARNED_THRESHOLD = 0.5
# ... where the word standing for the event has patterns, none of which matched it ("the alarm went off", "the
# merger allows"): the patterns judged that word, and only a surer classifier overrules them (B3–B4: 0.846 without
# this bar, 0.842 with it at 0.7–0.9, 0.833 never overruling; the development tests of those judgements hold)
KNOWN_WORD_THRESHOLD = 0.8


def sentence_types(texts: list[str]) -> list[tuple[str, float] | None]:
    """Return each sentence's likeliest PLOVER type and its probability, or None (no model, no event, unsure)."""
    model = load_type_model()
    if model is None or not texts:
        return [None] * len(texts)
    found: list[tuple[str, float] | None] = []
    for proba in model.proba(texts):
        label = max(proba, key=proba.__getitem__)
        found.append((label, proba[label]) if label != NON_EVENT and proba[label] >= LEARNED_THRESHOLD else None)
    return found


def learned_trigger(sent: Span, etype: str, lex: Lexicon) -> Token:
    """Return the token standing for a sentence's learned event: its main verb, or for a material act that a
    speech verb reports ("officials said troops shelled the town") the verb of what is reported."""
    root = sent.root
    if PENTA[etype].startswith("material") and lex.has("speech_verbs", root.lemma_.lower()):
        reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if reported is not None:
            return reported
    return root


@lru_cache(maxsize=64)
def learned_pattern(etype: str, pos: str) -> Pattern:
    """Return the pseudo-pattern a learned event cites (``learned.assault``), with no constraint of its own."""
    return Pattern(id=f"learned.{etype.lower()}", pos=pos, lemmas=frozenset(), type=etype)
