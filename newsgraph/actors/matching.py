"""PhraseMatchers over the registry and the role lexicon, built once per spaCy vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from newsgraph.actors.lexicon import Entry, Role, lexicon, regions


@dataclass
class Matchers:
    """The two matchers: registry names as written (ORTH: 'US' is not 'us') and roles in lowercase."""

    registry: PhraseMatcher
    roles: PhraseMatcher


_CACHE: dict[int, Matchers] = {}


def matchers(vocab: Vocab) -> Matchers:
    """Return the matchers for ``vocab``, building them on first use (tokenising ~3k phrases once)."""
    key = id(vocab)
    if key not in _CACHE:
        lex = lexicon()
        registry = PhraseMatcher(vocab, attr="ORTH")
        tokenizer = _tokenizer(vocab)
        for surface in lex.entries:
            registry.add(surface, [_pattern(tokenizer, surface)])
        roles = PhraseMatcher(vocab, attr="LOWER")
        for phrase in lex.roles:
            roles.add(phrase, [_pattern(tokenizer, phrase)])
        _CACHE[key] = Matchers(registry, roles)
    return _CACHE[key]


def _pattern(tokenizer, phrase: str) -> Doc:  # type: ignore[no-untyped-def]
    """Tokenise a phrase as it reads inside a sentence: a final 'Sen.' stays one token as before a name."""
    if "." not in phrase:
        return tokenizer(phrase)  # type: ignore[no-any-return]
    if phrase.islower():  # abbreviations are tokenizer exceptions only as written: 'Gen.', not 'gen.'
        phrase = phrase.title()
    return tokenizer(phrase + " x")[:-1].as_doc()  # type: ignore[no-any-return]


def _tokenizer(vocab: Vocab):  # type: ignore[no-untyped-def]
    """Return a tokenizer for ``vocab`` (the pipeline's own, so phrases split as article text does)."""
    from newsgraph.nlp import load_nlp

    nlp = load_nlp()
    if nlp.vocab is vocab:
        return nlp.tokenizer
    from spacy.lang.en import English

    return English(vocab=vocab).tokenizer


def registry_spans(doc: Doc) -> list[tuple[Span, Entry]]:
    """Return the non-overlapping registry matches in ``doc`` (longest match wins)."""
    lex = lexicon()
    spans = [Span(doc, s, e, label=mid) for mid, s, e in matchers(doc.vocab).registry(doc)]
    out: list[tuple[Span, Entry]] = []
    for span in filter_spans(spans):
        entry = lex.entries[span.label_]
        if not _in_longer_name(span, entry, _entity_around(doc, span.start, span.end)) and not _located(span) \
                and not _owned_by_other_state(span, entry, out) and not names_no_state(span) \
                and not _qualified_common_noun(span):
            out.append((span, entry))
    return out


def _qualified_common_noun(span: Span) -> bool:
    """Tell whether a common-noun alias is qualified as another thing: "the bloc" is the EU, "the 27-nation bloc"
    too, but not "the settlement bloc" or "the Soviet bloc"."""
    if not span.text.islower():
        return False
    head = span[-1]
    return any(c.dep_ in ("compound", "amod", "nmod") and c.i < span.start
               and not any(ch.isdigit() for t in c.subtree for ch in t.text) for c in head.children)


def names_no_state(span: Span) -> bool:
    """Tell whether a state word here names no state: native peoples, a region of the Americas, a language or
    the start of a region's name."""
    return _after_word_of(span, ("Indian", "Indians"), "americas_words") \
        or _after_word_of(span, ("American", "Americans"), "americas_regions") \
        or _region_ahead(span) or _language(span)


def _after_word_of(span: Span, forms: tuple[str, ...], key: str) -> bool:
    """Tell whether ``span`` is one of ``forms`` right after a word of the names list ``key``, hyphen or not
    ('Amazonian Indians', 'Latin American', 'the Inter-American Court')."""
    doc, start = span.doc, span.start
    if span.text not in forms or start == 0:
        return False
    before = doc[start - 2] if doc[start - 1].text == "-" and start > 1 else doc[start - 1]
    return before.lower_ in lexicon().names.get(key, ())


def _language(span: Span) -> bool:
    """Tell whether a people's word names a language ('the English-speaking regions', 'Russian-language media')."""
    after = [t.lower_ for t in span.doc[span.end:span.end + 2]]
    return len(after) == 2 and after[0] == "-" and after[1] in lexicon().names.get("language_words", ())


def _region_ahead(span: Span) -> bool:
    """Tell whether a name begins a region of ``regions.csv`` the entity tagger did not cover ('Niger' in
    'Niger Delta militants')."""
    doc = span.doc
    return any(doc[span.start:span.end + k].text.removeprefix("the ") in regions() for k in (1, 2)
               if span.end + k <= len(doc))


def _owned_by_other_state(span: Span, entry: Entry, before: list[tuple[Span, Entry]]) -> bool:
    """Tell whether a national body is named by another state right before it ("the Belarusian KGB",
    "Pakistan's Foreign Office"): the registry's body of one state is then the namesake of the other's."""
    if entry.kind != "organisation" or not entry.country or not before:
        return False
    prev, owner = before[-1]
    gap = span.doc[prev.end:span.start]
    adjacent = len(gap) == 0 or len(gap) == 1 and gap[0].text in ("'s", "’s")
    return adjacent and owner.kind == "state" and owner.country is not None and owner.country != entry.country


def _in_longer_name(span: Span, entry: Entry, ent: Span | None) -> bool:
    """Tell whether a match is part of a longer name ``ent`` that names something else: a place (see
    ``in_place_name``), a person ('Lima' in 'Leila de Lima') or, for a seat of power, another body ('Congress'
    in 'African National Congress' or 'Congress of South African Trade Unions')."""
    if ent is None or (ent.start, ent.end) == (span.start, span.end):
        return False
    if ent.label_ in _PLACE_ENTS:
        return _place_inside(ent, span.end) or _other_states_place(ent, span, entry)
    if ent.label_ == "PERSON":
        return True
    if ent.label_ != "ORG" or entry.form != "seat":
        return False
    before = ent.start < span.start and span.doc[span.start - 1].pos_ == "PROPN"
    return before or ent.end > span.end and span.doc[span.end].lower_ == "of"


def _located(span: Span) -> bool:
    """Tell whether a state word only says where something is based ('a US-based cleric', 'British-born')."""
    doc, k = span.doc, span.end
    return k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in _LOCATING


_LOCATING = {"based", "born", "registered", "headquartered", "educated", "raised", "listed"}
_PLACE_ENTS = ("LOC", "FAC", "GPE")


def in_place_name(doc: Doc, start: int, end: int) -> bool:
    """Tell whether tokens [start, end) are part of a longer place name: a sea or river ('China' in 'the South
    China Sea') or a region of ``regions.csv`` ('British' in 'British Columbia', 'Mexico' in 'New Mexico')."""
    ent = _entity_around(doc, start, end)
    return ent is not None and ent.label_ in _PLACE_ENTS and (ent.start, ent.end) != (start, end) and \
        _place_inside(ent, end)


def _place_inside(ent: Span, end: int) -> bool:
    """Tell whether the place entity ``ent`` is a region name or a sea or river going on past token ``end``."""
    if ent.text.removeprefix("the ") in regions():
        return True
    return ent.end > end and ent[-1].lower_ in lexicon().names.get("water_bodies", ())


def _other_states_place(ent: Span, span: Span, entry: Entry) -> bool:
    """Tell whether a state's name ends the name of a place of another state ('Jersey' in 'a New Jersey home',
    'Mexico' in 'New Mexico')."""
    from newsgraph.actors.places import gazetteer  # here: the gazetteer module builds on this one

    states = {code for _, code in gazetteer().get(ent.text.removeprefix("the "), [])}
    return span.start > ent.start and bool(states) and entry.country not in states


def _entity_around(doc: Doc, start: int, end: int) -> Span | None:
    """Return the named entity that covers tokens [start, end), if any."""
    if not doc[start].ent_type_:
        return None
    return next((e for e in doc.ents if e.start <= start and end <= e.end), None)


def role_spans(doc: Doc) -> list[tuple[Span, Role]]:
    """Return the non-overlapping role-lexicon matches in ``doc`` (longest match wins)."""
    lex = lexicon()
    spans = [Span(doc, s, e, label=mid) for mid, s, e in matchers(doc.vocab).roles(doc)]
    return [(span, lex.roles[span.label_]) for span in filter_spans(spans)]
