"""The article's real date (dateline, body dates, page date, re-posts) and date anchors for clauses."""

from __future__ import annotations

from pathlib import Path

from newsgraph.nlp import analyse
from newsgraph.records import Article, TimeAnalysis
from newsgraph.temporal import resolve_times
from newsgraph.temporal.dating import find_dateline


def resolve(text: str, page_date: str | None = None) -> TimeAnalysis:
    """Run the time stage on ``text`` with ``page_date``."""
    article = Article(id="a1", source="test", source_name="test", text=text, page_date=page_date)
    return resolve_times(article, analyse(text))


def test_dateline_parsing() -> None:
    assert find_dateline("VESKAGRAD, March 14 — The minister said ...") == (3, 14, None)
    assert find_dateline("KYIV, Jan 19 (Reuters) - Blinken arrived ...") == (1, 19, None)
    assert find_dateline("WASHINGTON, August 11, 2022 (Xinhua) -- Officials ...") == (8, 11, 2022)
    assert find_dateline("Kyiv, Ukraine — U.S. Secretary of State Antony Blinken said Friday ...") is None


def test_dateline_gives_the_date_and_the_page_date_its_year() -> None:
    result = resolve("KYIV, Jan 19 (Reuters) - Blinken on Wednesday urged Putin to choose peace.",
                     page_date="2022-01-20")
    assert (result.published, result.evidence) == ("2022-01-19", "dateline")
    (timex,) = [t for t in result.timexes if t.text == "Wednesday"]
    assert timex.value == "2022-01-19"


def test_page_date_when_nothing_contradicts_it() -> None:
    result = resolve("Blinken said Friday that talks had failed.", page_date="2023-06-03 08:00:00")
    assert (result.published, result.evidence) == ("2023-06-03", "page date")
    assert result.timexes[0].value == "2023-06-02"


def test_reposted_page_is_dated_from_the_body() -> None:
    text = ("Kyiv, Ukraine — Blinken said Friday that peace was not possible. Russia launched its full-scale "
            "invasion in February 2022, he said. Kyiv plans a counteroffensive 15 months after their full-scale "
            "invasion.")
    result = resolve(text, page_date="2025-04-26 07:14:31")
    assert result.published == "2023-05"
    assert result.evidence is not None and "page date 2025-04-26" in result.evidence
    assert "latest body date" in result.evidence
    friday = next(t for t in result.timexes if t.text == "Friday")
    assert friday.value.startswith("2023-05")


def test_seed_content_farm_copy_is_not_dated_2025(seeds_dir: Path) -> None:
    text = (seeds_dir / "000_7bcc7a4864d0607a.txt").read_text(encoding="utf-8")
    result = resolve(text, page_date="2025-04-26 07:14:31")
    assert result.published is not None and result.published.startswith("2023")
    assert result.evidence is not None and "2025-04-26" in result.evidence


def test_page_date_kept_when_background_dates_are_old() -> None:
    text = "Blinken landed in Kyiv on Wednesday. Russia annexed Crimea in March 2014, a year after the crisis."
    result = resolve(text, page_date="2022-01-19")
    assert (result.published, result.evidence) == ("2022-01-19", "page date")


def test_no_date_leaves_weekdays_underspecified() -> None:
    result = resolve("Blinken landed in Kyiv on Wednesday for crisis talks.")
    assert result.published is None
    assert [t.value for t in result.timexes] == ["XXXX-WXX-3"]
    landed = "Blinken landed in Kyiv on Wednesday".index("landed")
    assert result.date_for(landed, landed + 6) == "XXXX-WXX-3"


def test_clause_anchors_give_quotes_and_events_their_dates() -> None:
    text = ("Kremlin spokesman Dmitry Peskov said Friday that talks were over. "
            "China on Thursday urged countries to stop sending weapons. "
            "Russia must pay for launching its invasion in February 2022, Blinken said.")
    result = resolve(text, page_date="2023-06-03")
    said = text.index("said Friday")
    assert result.date_for(said, said + 4) == "2023-06-02"
    urged = text.index("urged")
    assert result.date_for(urged, urged + 5) == "2023-06-01"
    launching = text.index("launching")
    assert result.date_for(launching, launching + 9) == "2022-02"
    last_said = text.rindex("said")
    assert result.date_for(last_said, last_said + 4) == "2023-06-03"  # no timex on "said": the article date


def test_a_date_modifying_a_noun_dates_that_noun_not_its_clause() -> None:
    text = ("Eric Rudolph has been on the run since the January 1998 bombing of an abortion clinic that killed "
            "an officer. Amir is serving a life sentence for the November 1995 assassination of Rabin. "
            "On Tuesday, Israeli jets bombed targets in Lebanon. The attacks on Aug. 7 wounded 500 people. "
            "The blast occurred at about 10:35 a.m. Monday.")
    result = resolve(text, page_date="2000-04-20")
    for word, day in (("run", "2000-04-20"), ("bombing", "1998-01"), ("killed", "1998-01"),
                      ("serving", "2000-04-20"), ("assassination", "1995-11"), ("bombed", "2000-04-18"),
                      ("attacks", "1999-08-07"), ("occurred", "2000-04-17")):
        at = text.index(word)
        assert result.date_for(at, at + len(word)) == day, word


def test_header_date_among_dropped_lines() -> None:
    from newsgraph.temporal.dating import header_date

    assert header_date(["KazPost", "Kazakhstan News", "Saturday, Apr 20, 2024"]) == "2024-04-20"
    assert header_date(["Date:2025-04-26 07:14:31"]) == "2025-04-26"
    assert header_date(["Talks on Jan. 21, 2022 failed in Geneva"]) is None


def test_header_date_stands_in_for_a_missing_page_date() -> None:
    text = "Blinken said Friday that talks had failed."
    article = Article(id="a1", source="test", source_name="test", text=text,
                      boilerplate=["Kazakhstan News", "Saturday, Apr 20, 2024"])
    result = resolve_times(article, analyse(text))
    assert (result.published, result.evidence) == ("2024-04-20", "header date")
    assert article.page_date is None  # the page date is kept as found


def test_article_about_history_keeps_its_page_date() -> None:
    text = ("FULTON, Mo. (AP) _ Winston Churchill warned of an iron curtain here on March 5, 1946. "
            "Poland, Hungary and the Czech Republic joined NATO on Friday.")
    result = resolve(text, page_date="1999-03-13")
    assert (result.published, result.evidence) == ("1999-03-13", "page date")
