"""Title-case headlines are parsed in lower case and carried back onto the original text."""

from __future__ import annotations

from newsgraph.actors import find_actors
from newsgraph.events import extract_events
from newsgraph.nlp import analyse
from newsgraph.nlp.headline import recase
from newsgraph.records import Article, TimeAnalysis


def test_title_case_headline_is_recased_keeping_names_and_length() -> None:
    line = "Japan Signs Landmark Nuclear Deal With Washington"
    fixed = recase(line)
    assert fixed is not None and len(fixed) == len(line)
    assert fixed.startswith("Japan signs") and "with Washington" in fixed


def test_headline_opening_with_a_name_and_one_listed_word_is_recased() -> None:
    line = "Dominican Republic Deports Thousands of Haitians"
    assert recase(line) == "Dominican Republic deports Thousands of Haitians"


def test_running_text_full_of_names_is_left_alone() -> None:
    assert recase("Egyptian President Hosni Mubarak received Israeli Foreign Minister Shimon Peres in Cairo.") is None
    assert recase("Blinken says no peace is possible until Kyiv can defend itself") is None


def test_parse_of_a_recased_headline_keeps_the_original_text() -> None:
    text = "Iran Seizes British Tanker In Strait Of Hormuz\nThe tanker was taken on Friday."
    doc = analyse(text)
    assert doc.text == text
    assert doc[1].text == "Seizes" and doc[1].pos_ == "VERB"
    assert {e.text for e in doc.ents} >= {"Iran", "British"}


def test_title_case_headline_yields_its_event() -> None:
    text = "U.S. Accuses Russia Of Meddling In Election"
    article = Article(id="h1", source="test", source_name="test", text=text)
    doc = analyse(text)
    events = extract_events(article, doc, find_actors(article, doc), TimeAnalysis(published="2018-07-13"))
    assert [(e.event_type, e.source, e.target) for e in events][:1] == [("ACCUSE", "USA", "RUS")]
    assert text[events[0].start:events[0].end] == events[0].sentence
