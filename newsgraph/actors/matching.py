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
    return [(span, lex.entries[span.label_]) for span in filter_spans(spans)
            if not in_place_name(doc, span.start, span.end) and not _in_longer_body(span, lex.entries[span.label_])
            and not _in_person_name(span) and not _located(span)]


def _in_longer_body(span: Span, entry: Entry) -> bool:
    """Tell whether a seat of power is part of a longer organisation name ('Congress' in 'All Progressives
    Congress', 'African National Congress', 'Congress of South African Trade Unions'): another body."""
    if entry.form != "seat":
        return False
    ent = _entity_around(span.doc, span.start, span.end)
    if ent is None or ent.label_ != "ORG":
        return False
    before = ent.start < span.start and span.doc[span.start - 1].pos_ == "PROPN"
    return before or ent.end > span.end and span.doc[span.end].lower_ == "of"


def _in_person_name(span: Span) -> bool:
    """Tell whether a match lies inside a longer person's name ('Lima' in 'Leila de Lima')."""
    ent = _entity_around(span.doc, span.start, span.end)
    return ent is not None and ent.label_ == "PERSON" and (ent.start, ent.end) != (span.start, span.end)


def _located(span: Span) -> bool:
    """Tell whether a state word only says where something is based ('a US-based cleric', 'British-born')."""
    doc, k = span.doc, span.end
    return k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in _LOCATING


_LOCATING = {"based", "born", "registered", "headquartered", "educated", "raised", "listed"}


def in_place_name(doc: Doc, start: int, end: int) -> bool:
    """Tell whether tokens [start, end) are part of a longer place name: a sea or river ('China' in 'the South
    China Sea') or a region of ``regions.csv`` ('British' in 'British Columbia', 'Mexico' in 'New Mexico')."""
    ent = _entity_around(doc, start, end)
    if ent is None or ent.label_ not in ("LOC", "FAC", "GPE") or (ent.start, ent.end) == (start, end):
        return False
    if ent.text.removeprefix("the ") in regions():
        return True
    return ent.end > end and ent[-1].lower_ in lexicon().names.get("water_bodies", ())


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
