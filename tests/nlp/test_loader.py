"""The spaCy loader's own component: a short unpunctuated line (headline, crosshead) ends its sentence."""

from __future__ import annotations

from newsgraph.nlp import analyse


def test_crosshead_is_its_own_sentence() -> None:
    doc = analyse("New U.S. military aid\nSpeaking at the embassy, Blinken warned that Russia could attack.")
    assert [s.text.strip() for s in doc.sents][0] == "New U.S. military aid"


def test_hard_wrapped_prose_is_not_cut_at_its_line_breaks() -> None:
    doc = analyse("The minister said on Monday that the talks with the rebels would resume\n"
                  "next week in Geneva.")
    assert len(list(doc.sents)) == 1


def test_dateline_stays_with_its_sentence() -> None:
    doc = analyse("Border talks to resume\nVESKAGRAD, March 14 — The Republic of Veska agreed on Wednesday to "
                  "reopen talks on the river border.")
    assert [s.text.strip() for s in doc.sents][1].startswith("VESKAGRAD, March 14 — The Republic")


def test_quote_closing_a_paragraph_ends_its_sentence() -> None:
    doc = analyse('"We have chosen dialogue," the minister said. "Our patrols will stay in port."\n'
                  "Brandt said Norland would send a delegation next month.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[-2].endswith('port."')
    assert sents[-1].startswith("Brandt said")


def test_abbreviation_at_a_line_end_does_not_end_the_sentence() -> None:
    doc = analyse("The minister met officials from the U.S.\nState Department on Monday to discuss the talks.")
    assert len(list(doc.sents)) == 1


def test_hyphenated_news_nouns_stay_whole() -> None:
    doc = analyse("Opposition supporters staged a sit-in after the cease-fire collapsed. Sit-ins spread.")
    words = {t.text: t for t in doc}
    assert words["sit-in"].pos_ == "NOUN" and words["cease-fire"].lemma_ == "cease-fire"
    assert words["Sit-ins"].lemma_ == "sit-in" and words["Sit-ins"].tag_ == "NNS"
    assert "Opposition" in words and "-" not in words  # other tokens untouched, no stray hyphen token


def test_verb_forms_the_lemmatiser_gets_wrong_are_corrected() -> None:
    doc = analyse("Workers staged a walkout and rebels waged war.")
    assert [t.lemma_ for t in doc if t.tag_.startswith("VB")] == ["stage", "wage"]
