"""The one spaCy loader: a cached English pipeline, shared by every later stage."""

from newsgraph.nlp.loader import MODEL_PREFERENCE, analyse, analyse_many, doc_text, load_nlp, model_name

__all__ = ["MODEL_PREFERENCE", "analyse", "analyse_many", "doc_text", "load_nlp", "model_name"]
