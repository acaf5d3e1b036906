"""Text-dump extraction: chrome removal, metadata (title, outlet, date, credit), duplicate paragraphs."""

from __future__ import annotations

import pytest

from newsgraph.errors import NoContentError
from newsgraph.extract import extract_article
from newsgraph.extract.dates import find_dates
from newsgraph.records import RawDocument

BODY = [
    "The city council voted on Tuesday to expand the northern tram line by four stations, ending a debate "
    "that had divided residents for more than two years.",
    "Supporters said the extension would cut commuting times for thousands of workers who now rely on crowded "
    "buses, while opponents warned that construction would close shops along the route for months.",
    "The mayor, who had backed the plan since her election, said the first trams could run on the new section "
    "by the end of next year if the national government releases the promised funds.",
    "Engineers will begin surveying the route next month, and the council expects to award the main building "
    "contract in the spring after a public tender.",
]


def _doc(lines: list[str]) -> RawDocument:
    """Return a text-dump RawDocument made of ``lines``."""
    data = "\n".join(lines).encode("utf-8")
    return RawDocument(id="t", uri="test.txt", data=data, media_type="text/plain")


def _page(header: list[str], footer: list[str]) -> RawDocument:
    """Return a page with ``header`` lines, the body, and ``footer`` lines."""
    return _doc(header + BODY + footer)


def test_chrome_is_dropped_and_body_kept() -> None:
    header = ["Support The Riverside Herald!", "Home", "News", "Sport", "Subscribe", "Sign in",
              "Council approves tram extension after two-year fight", "Published 14 March 2024"]
    footer = ["Related", "- Mayor opens new library in the old station", "- Bus fares to rise in April",
              "Leave a Reply", "Your email address will not be published.", "Tags: transport, council",
              "We use cookies to improve your experience. Accept all cookies"]
    article = extract_article(_page(header, footer))
    assert article.text.split("\n") == BODY
    for chrome in ("Home", "Leave a Reply", "- Bus fares to rise in April", "Tags: transport, council"):
        assert chrome in article.boilerplate
    assert article.title == "Council approves tram extension after two-year fight"
    assert article.outlet == "The Riverside Herald"
    assert article.page_date == "2024-03-14"


def test_title_suffix_names_outlet_and_iso_date() -> None:
    header = ["Current:Home > newsCouncil approves tram extension after two-year fight -Valley Daily Courier",
              "Council approves tram extension after two-year fight", "Date:2025-04-26 07:14:31"]
    article = extract_article(_page(header, []))
    assert article.outlet == "Valley Daily Courier"
    assert article.page_date == "2025-04-26"
    assert article.title == "Council approves tram extension after two-year fight"


def test_brand_line_and_weekday_date() -> None:
    article = extract_article(_page(["KazPost", "Saturday, Apr 20, 2024",
                                     "Council approves tram extension after two-year fight"], []))
    assert article.outlet == "KazPost"
    assert article.page_date == "2024-04-20"


def test_source_credit_and_not_told_afp() -> None:
    credited = extract_article(_page(["Council approves tram extension after two-year fight"], ["Source: CBS News"]))
    assert credited.original_outlet == "CBS News"
    told = BODY[:2] + ['"It is a good day," the mayor told AFP after the vote.'] + BODY[2:]
    assert extract_article(_doc(told)).original_outlet is None
    dateline = ["LONDON (Reuters) - " + BODY[0]] + BODY[1:]
    assert extract_article(_doc(dateline)).original_outlet == "Reuters"


def test_paragraph_printed_twice_is_kept_once() -> None:
    lines = BODY[:2] + [BODY[1]] + BODY[2:]
    article = extract_article(_doc(lines))
    assert article.text.split("\n").count(BODY[1]) == 1
    assert BODY[1] in article.boilerplate


@pytest.mark.parametrize(
    ("text", "value"),
    [("Date:2025-04-26 07:14:31", "2025-04-26"), ("Saturday, Apr 20, 2024", "2024-04-20"),
     ("Published 14 March 2024", "2024-03-14"), ("Updated 20.04.2024", "2024-04-20"),
     ("Posted 3/24/2022 at 5pm", "2022-03-24"), ("March 2024", "2024-03"), ("Nov 31, 2020", None)],
)
def test_displayed_date_formats(text: str, value: str | None) -> None:
    found = find_dates(text)
    assert (found[0].value if found else None) == value


@pytest.mark.parametrize("body", [b"", b"<nav><a href='/'>Home</a></nav>"])
def test_html_without_body_raises_no_content(body: bytes) -> None:
    data = b"<html><head><title>x</title></head><body>" + body + b"</body></html>"
    raw = RawDocument(id="h", uri="empty.html", data=data, media_type="text/html")
    with pytest.raises(NoContentError):
        extract_article(raw)


def test_single_prose_line_without_page_context_is_kept() -> None:
    article = extract_article(_doc([BODY[0]]))
    assert article.text == BODY[0]


def test_seed_pages_have_metadata(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = RawDocument(id=path.stem, uri=str(path), data=path.read_bytes(), media_type="text/plain")
        article = extract_article(raw)
        assert article.title and len(article.text) > 1000 and article.boilerplate
