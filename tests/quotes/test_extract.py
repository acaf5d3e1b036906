"""The quotes stage on text written for each pattern and on seed paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.actors import find_actors
from newsgraph.nlp import analyse
from newsgraph.quotes import extract_quotes
from newsgraph.quotes.extract import find_quotes
from newsgraph.records import ActorAnalysis, Article, Quote, TimeAnalysis


def _quotes(text: str, actors: bool = False) -> list[Quote]:
    doc = analyse(text)
    art = Article(id="t", source="test", source_name="test", text=text)
    found = find_actors(art, doc) if actors else ActorAnalysis()
    return extract_quotes(art, doc, found, TimeAnalysis(published="2022-01-21"))


def _one(text: str) -> Quote:
    quotes = _quotes(text)
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    return quotes[0]


def test_direct_cue_after() -> None:
    q = _one("“We will not back down,” the minister said.")
    assert (q.kind, q.text, q.cue, q.speaker) == ("direct", "We will not back down", "said", "the minister")
    assert (q.start, q.end) == (0, 43) and q.speaker_start == 25 and q.rule.startswith("quotes.v1:direct")


def test_direct_cue_before_with_colon_and_inversion() -> None:
    q = _one("The spokesman said: \"Talks will resume on Monday.\"")
    assert q.kind == "direct" and q.text == "Talks will resume on Monday." and q.speaker == "The spokesman"
    inv = _one("\"Nothing has changed,\" said Maria Lopez, the party's leader.")
    assert inv.speaker is not None and "Maria Lopez" in inv.speaker and inv.text == "Nothing has changed"


def test_split_quote_is_one_quote() -> None:
    q = _one("“The guns are quiet,” he said, “and negotiations are going on.”")
    assert q.kind == "direct" and q.text == "The guns are quiet and negotiations are going on."


def test_guillemets_and_single_quotes() -> None:
    assert _one("«We will stay», the mayor said.").text == "We will stay"
    q = _one("'We have done nothing wrong,' the company said in a statement.")
    assert q.text == "We have done nothing wrong" and q.cue == "said in a statement"


def test_multi_paragraph_quote_follows_its_speaker() -> None:
    text = ("“The first part is here,” the senator said. “It goes on.\n\n"
            "“And it ends in the next paragraph.”\n\nThe vote is on Tuesday.")
    q = _one(text)
    assert q.kind == "direct" and q.speaker == "the senator"
    assert q.text.endswith("And it ends in the next paragraph.") and q.end > text.index("\n\n")


def test_follow_on_paragraph_after_narrative_keeps_the_speaker() -> None:
    text = ("“Talks are good,” Alexei Bokarev told AFP.\n\nHe lives in Donetsk.\n\n"
            "“The guns are quiet and negotiations are going on.”")
    quotes = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Alexei Bokarev", "Alexei Bokarev"]
    assert quotes[1].rule == "quotes.v1:direct-follow-on" and quotes[1].cue is None


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The minister said that the border would stay closed.", "said", "the border would stay closed"),
    ("The minister said the border would stay closed.", "said", "the border would stay closed"),
    ("Officials told reporters the talks had failed.", "told reporters", "the talks had failed"),
    ("The Kremlin warned that sanctions would backfire.", "warned", "sanctions would backfire"),
    ("Moscow denied that its troops had crossed the border.", "denied", "its troops had crossed the border"),
    ("The talks had failed, officials insisted.", "insisted", "The talks had failed"),
])
def test_indirect(text: str, cue: str, content: str) -> None:
    q = _one(text)
    assert (q.kind, q.cue, q.text) == ("indirect", cue, content)


def test_according_to() -> None:
    q = _one("According to the Institute for the Study of War, Moscow's strategy could backfire.")
    assert q.rule == "quotes.v1:according-to" and q.speaker == "the Institute for the Study of War"
    assert q.text == "Moscow's strategy could backfire"


def test_mixed_quote() -> None:
    q = _one("Peskov said the talks in Geneva were \"extremely important\" for Moscow.")
    assert q.kind == "mixed" and q.text == "the talks in Geneva were extremely important for Moscow"


def test_not_quotes_scare_quotes_titles_single_words() -> None:
    assert _quotes("The so-called \"peace plan\" was published on Friday.") == []
    assert _quotes("She read \"War and Peace\" twice last summer.") == []
    assert _quotes("The \"experts\" were wrong again.") == []


def test_sign_inscription_is_not_a_quote() -> None:
    text = ("“Talks are good,” Alexei Bokarev told AFP in the city, where signs on buildings read "
            "\"Glory to the Warriors of Liberation.\"")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Talks are good"]


def test_first_person_cue_inside_a_quote_is_part_of_it() -> None:
    q = _one("“I think we will win,” Blinken said.")
    assert q.text == "I think we will win" and q.speaker == "Blinken"


def test_unresolved_pronoun_gives_no_speaker() -> None:
    q = _one("He said the plan would work.")
    assert q.speaker is None and q.speaker_start == 0 and q.speaker_end == 2


def test_ids_are_deterministic_and_content_spans_found() -> None:
    text = "“We will not back down,” the minister said."
    doc = analyse(text)
    art = Article(id="t", source="test", source_name="test", text=text)
    a = find_quotes(art, doc, ActorAnalysis(), TimeAnalysis())
    b = find_quotes(art, doc, ActorAnalysis(), TimeAnalysis())
    assert [f.quote.id for f in a] == [f.quote.id for f in b] and a[0].content == [(0, 24)]


@pytest.fixture(scope="module")
def seed001(seeds_dir: Path) -> list[Quote]:
    path = next(seeds_dir.glob("001_*.txt"))
    return _quotes(path.read_text(encoding="utf-8"), actors=True)


def test_seed_speakers_resolved(seed001: list[Quote]) -> None:
    by_text = {q.text[:30]: q for q in seed001}
    blinken = by_text["I strongly, strongly hope that"]
    assert blinken.kind == "direct" and blinken.speaker_id == "person:antony-blinken"
    bokarev = by_text["Talks are good, at least it's "]
    assert bokarev.speaker == "Alexei Bokarev" and bokarev.cue == "told AFP"
    follow = by_text["The guns are quiet and negotia"]  # '… Nobody can say," he said.'
    assert follow.speaker_id == "person:alexei-bokarev"
    peskov = [q for q in seed001 if q.speaker_id == "person:dmitry-peskov"]
    assert {q.kind for q in peskov} == {"indirect", "mixed"}
    assert not any("Glory to the Warriors" in q.text for q in seed001)
    psaki = [q for q in seed001 if q.cue == "warned" and "dangerous" in q.text]
    assert psaki and psaki[0].speaker is not None and "Psaki" in psaki[0].speaker


def test_seed_unnamed_official_quoted(seed001: list[Quote]) -> None:
    official = [q for q in seed001 if q.text.startswith("We are committed to Ukraine's sovereignty")]
    assert len(official) == 1 and official[0].speaker_start is not None


def test_phrasal_speech_verb_and_as_clause() -> None:
    q = _one("“You know, it happens, right?” Trump went on.")
    assert q.kind == "direct" and q.speaker == "Trump" and q.cue == "went on"
    r = _one("As the International Business Times noted, Clinton raised more than $1.1 million.")
    assert r.speaker == "the International Business Times" and r.text == "Clinton raised more than $1.1 million"


def test_colon_label_headline_and_transcript() -> None:
    q = _one("Bernie Sanders: Clinton Email Story Has Moved\n\nThe senator spoke on Sunday.")
    assert q.rule == "quotes.v1:headline-colon" and q.speaker == "Bernie Sanders"
    assert q.text == "Clinton Email Story Has Moved"
    assert _quotes("Related: The Last Pour of an Old Brewery\n\nHistoric Moment: Latvia Swears In a President") == []
    t = _one("TAPPER: Do you think he has campaigned as a healer?")
    assert t.speaker == "TAPPER"


def test_quote_signed_after_a_dash() -> None:
    text = ("“He represents our greatest shame.” ― Sonya Herridge\n"
            "”Fear. I am truly afraid.” ― Edwin G. Monroy")
    quotes = _quotes(text)
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("direct", "Sonya Herridge", "He represents our greatest shame."),
        ("direct", "Edwin G. Monroy", "Fear. I am truly afraid."),
    ]


def test_physical_action_is_no_statement() -> None:
    assert _quotes("Russia attacks Kyiv for the sixth consecutive day.") == []
    assert _quotes("Air defense systems shot down \"several Ukrainian drones\" overnight in Kursk.") == []


def test_subject_inside_the_quotation_is_no_speaker() -> None:
    q = _one("“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Florida activist.")
    assert q.speaker is not None and q.speaker.startswith("Leslie Wimes")
    r = _one("“My reaction, that was outrageous,” the former campaign strategist said in an interview.")
    assert r.speaker == "the former campaign strategist"


def test_no_break_space_does_not_cut_the_speaker_off() -> None:
    q = _one("Dr. Connie Mariano, who retired from the service\xa0as a rear admiral, said that the leg was fine.")
    assert q.speaker is not None and "Mariano" in q.speaker and q.text == "the leg was fine"


def test_quote_joins_its_cue_across_the_speakers_relative_clause() -> None:
    quotes = _quotes("“His knowledge is about 20 years old,” said a longtime adviser, who declined to be identified. "
                     "“He doesn’t know the new media.”")
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.endswith("He doesn’t know the new media.")


@pytest.mark.parametrize(("text", "content"), [
    ("Adelson said during a news conference that he may wait until February.", "he may wait until February"),
    ("Clinton is calling for the United States to take a stronger role.",
     "for the United States to take a stronger role"),
    ("Instead, Trump told CNN, his policy would be to go after them.", "his policy would be to go after them"),
    ("He noted that he is the only other candidate to win a state: he also captured Iowa.",
     "he is the only other candidate to win a state: he also captured Iowa"),
    ("Carter stressed bipartisan support for continued engagement.", "bipartisan support for continued engagement"),
    ("Three-quarters said the same of Sanders.", "the same of Sanders"),
])
def test_frames_the_parser_hides(text: str, content: str) -> None:
    assert _one(text).text == content


def test_raising_verb_holds_its_subject() -> None:
    q = _one("Enthusiasm for Clinton appears to have plummeted since 2008.")
    assert q.text == "Enthusiasm for Clinton to have plummeted since 2008"


def test_stance_verbs_only_when_finite() -> None:
    q = _one("Senator Graham supported the bill.")
    assert (q.text, q.rule) == ("the bill", "quotes.v1:attitude")
    assert _quotes("Voters may come to support the bill.") == []


def test_one_word_headline_label_and_tallies() -> None:
    q = _one("Sanders: Brexit’s message could draw Trump support in US.\n\nThe vote was in June.")
    assert q.speaker == "Sanders" and q.rule == "quotes.v1:headline-colon"
    assert _quotes("Clinton: 1,769\n\nSanders: 1,501") == []


def test_dash_signature_glued_to_the_mark() -> None:
    text = ("“He is ignorant of our culture and lives.”― Pamela Padilla\xa0\n"
            "“I’m so ashamed to be an American.”\xa0― Jacklyn Ashley\n")
    quotes = _quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Pamela Padilla"), ("direct", "Jacklyn Ashley")]


def test_no_topic_for_conditions_and_infinitives() -> None:
    quotes = _quotes("The official, speaking on condition of anonymity, confirmed the plan.")
    assert not any("condition" in q.text for q in quotes)
    assert not any(q.cue == "comment" for q in _quotes("Clinton declined to comment on the report."))


def test_a_bare_pronoun_is_no_quotation() -> None:
    text = ("Estonia, Latvia and Lithuania said on Friday they would send anti-tank missiles to allow Ukraine to "
            "defend itself, while the Czech government said it was considering Ukraine's request for ammunition.")
    contents = [q.text for q in _quotes(text, actors=True)]
    assert "itself" not in contents
    assert any(c.startswith("it was considering") for c in contents)


def test_speaker_named_in_an_apposition_to_the_title() -> None:
    text = "The US secretary of state, Antony Blinken, said Washington was ready to respond in writing next week."
    (quote,) = _quotes(text, actors=True)
    assert (quote.speaker, quote.speaker_id) == ("Antony Blinken", "person:antony-blinken")


def test_a_quote_is_dated_by_its_cue_or_article_and_never_by_an_unresolved_weekday() -> None:
    text = "\"Talks will resume,\" the minister said on Wednesday."
    doc = analyse(text)
    art = Article(id="t", source="test", source_name="test", text=text)
    dated = TimeAnalysis(published="2022-01-21", anchors=[(0, len(text), "2022-01-19")])
    assert [q.date for q in extract_quotes(art, doc, ActorAnalysis(), dated)] == ["2022-01-19"]
    undated = TimeAnalysis(anchors=[(0, len(text), "XXXX-WXX-3")])  # an undated page: "Wednesday" of no week
    assert [q.date for q in extract_quotes(art, doc, ActorAnalysis(), undated)] == [None]
