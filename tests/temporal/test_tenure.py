"""Terms of office as date evidence: a page dated outside the offices the text states is a re-post."""

from __future__ import annotations

from pathlib import Path

from newsgraph.actors import find_actors
from newsgraph.nlp import analyse
from newsgraph.pipeline import process_document
from newsgraph.records import Article, RawDocument, TimeAnalysis
from newsgraph.temporal import resolve_times
from newsgraph.temporal.tenure import load_terms

TWO_OFFICES = ("Nato rejected the demand on Friday. On Thursday, Liz Truss, the UK foreign secretary, warned "
               "Russia against an invasion. The UK defence secretary, Ben Wallace, is likely to go to Moscow.")


def resolve(text: str, page_date: str) -> TimeAnalysis:
    """Run the actors and time stages on ``text`` with ``page_date``."""
    article = Article(id="a1", source="test", source_name="test", text=text, page_date=page_date)
    doc = analyse(text)
    return resolve_times(article, doc, find_actors(article, doc))


def test_two_offices_out_of_term_mark_a_repost() -> None:
    result = resolve(TWO_OFFICES, "2024-04-20")
    assert result.published is None
    assert "terms of office" in result.evidence and "Liz Truss" in result.evidence
    assert "2021-09-15–2022-09-06" in result.evidence
    friday = next(t for t in result.timexes if t.text == "Friday")
    assert friday.value == "XXXX-WXX-5"  # no longer dated against the copier's day


def test_offices_in_term_keep_the_page_date() -> None:
    assert resolve(TWO_OFFICES, "2022-01-21").published == "2022-01-21"


def test_one_office_history_and_former_titles_are_no_evidence() -> None:
    one = "On Thursday, Liz Truss, the UK foreign secretary, warned Russia against an invasion."
    assert resolve(one, "2024-04-20").published == "2024-04-20"
    history = ("In 2022, Liz Truss, the UK foreign secretary, warned Russia. In 2022 the UK defence secretary, "
               "Ben Wallace, went to Moscow.")
    assert resolve(history, "2024-04-20").published == "2024-04-20"
    former = ("Former foreign secretary Liz Truss said on Thursday that the former defence secretary Ben Wallace "
              "was right.")
    assert resolve(former, "2024-04-20").published == "2024-04-20"


def test_a_later_body_date_outweighs_the_offices() -> None:
    text = TWO_OFFICES + " The inquiry will report on 5 March 2024."
    assert resolve(text, "2024-04-20").published == "2024-04-20"


def test_seed_with_a_later_header_date_is_a_repost(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("004_*.txt"))
    result = process_document(RawDocument(id="s4", uri=str(path), data=path.read_bytes(), media_type="text/plain"))
    assert result.article.page_date == "2024-04-20"
    assert result.article.published is None and "terms of office" in (result.article.published_evidence or "")


def test_terms_are_well_formed() -> None:
    for person, terms in load_terms().items():
        assert person.startswith("person:") and terms
        assert all(t.roles and (t.end is None or t.start < t.end) for t in terms)


def test_an_undated_page_is_bounded_by_the_offices_it_states() -> None:
    text = ("As Blinken left Washington, White House Press Secretary Jen Psaki warned of an extremely dangerous "
            "situation. U.S. Secretary of State Antony Blinken on Wednesday urged Putin to choose peace.")
    result = resolve(text, "")
    assert result.published is None
    assert (result.written_from, result.written_until) == ("2020-12-26", "2022-06-13")  # both terms, ± 31 days
    assert "Jen Psaki" in result.evidence and result.evidence.startswith("no date; written 2020-12-26")


def test_a_dated_page_or_a_former_title_gives_no_bounds() -> None:
    dated = resolve("White House Press Secretary Jen Psaki spoke on Friday.", "2022-01-21")
    assert dated.published == "2022-01-21" and dated.written_from is None
    former = resolve("Former White House press secretary Jen Psaki spoke on Friday.", "")
    assert former.written_from is None and former.written_until is None
