"""Timex detection and TIMEX3 values, one test per expression family, on text written like news."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.temporal.tagger import tag

DCT = date(2013, 3, 22)  # a Friday


def values(text: str, dct: date = DCT) -> dict[str, tuple[str, str]]:
    """Return {timex text: (type, value)} for ``text``."""
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The talks were held on 21 January 2022 in Geneva.", "21 January 2022", "2022-01-21"),
    ("Talks opened on Jan. 21, 2022, in Geneva.", "Jan. 21, 2022", "2022-01-21"),
    ("The file is dated 2022-01-21 in the registry.", "2022-01-21", "2022-01-21"),
    ("The treaty was signed in February 2022 by both sides.", "February 2022", "2022-02"),
    ("The war began in 2014 in the east.", "2014", "2014"),
    ("The filing is dated 3/22/13 in New York.", "3/22/13", "2013-03-22"),
    ("The filing is dated 22/03/2013 in London.", "22/03/2013", "2013-03-22"),
    ("Prices rose through the 1990s.", "the 1990s", "199"),
])
def test_absolute_dates(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == ("DATE", value)


def test_date_without_year_takes_the_document_year() -> None:
    assert values("The minister arrived on March 14 for talks.")["March 14"] == ("DATE", "2013-03-14")
    # a date months after the document date in a past-tense report is last year's
    assert values("The company said it was founded on Nov. 25 in Ohio.")["Nov. 25"] == ("DATE", "2012-11-25")


def test_year_is_not_a_count() -> None:
    found = values("Russia sent 2000 troops and 1500 tanks to the border.")
    assert not any(v[1] in ("2000", "1500") for v in found.values())


@pytest.mark.parametrize(("text", "expr", "value"), [
    # news convention: a bare weekday is the latest one on or before the document date
    ("Blinken said Friday that talks had failed.", "Friday", "2013-03-22"),
    ("The minister landed in Kyiv on Wednesday.", "Wednesday", "2013-03-20"),
    ("China on Saturday urged restraint.", "Saturday", "2013-03-16"),
    ("Officials met last Friday in Geneva.", "last Friday", "2013-03-15"),
    # the future tense and "next" point forward
    ("Blinken will travel to Berlin on Thursday.", "Thursday", "2013-03-28"),
    ("The ministers meet again next Friday.", "next Friday", "2013-03-29"),
])
def test_weekdays_prefer_the_past(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == ("DATE", value)


def test_weekday_with_part_of_day_and_clock_time() -> None:
    found = values("Drones attacked on Thursday night. A second wave came at 10 p.m. Wednesday.")
    assert found["Thursday night"] == ("TIME", "2013-03-21TNI")
    assert found["10 p.m. Wednesday"] == ("TIME", "2013-03-20T22:00")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("After talks last week failed, both sides left.", "last week", "2013-W11"),
    ("The summit is planned for next month.", "next month", "2013-04"),
    ("He visited Kyiv earlier this month.", "earlier this month", "2013-03"),
    ("Sales fell last year.", "last year", "2012"),
    ("He resigned three years ago.", "three years ago", "2010"),
    ("The plant closed yesterday.", "yesterday", "2013-03-21"),
    ("Results are due in the third quarter.", "the third quarter", "2012-Q3"),
])
def test_relative_to_the_document_date(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == ("DATE", value)


def test_relative_to_the_date_in_focus() -> None:
    found = values("The deal was signed on March 5. A day earlier, the army had withdrawn.")
    assert found["A day earlier"] == ("DATE", "2013-03-04")
    found = values("Talks stalled on March 5. The previous day, the army had withdrawn. Two days later it left.")
    assert found["The previous day"] == ("DATE", "2013-03-04")
    assert found["Two days later"] == ("DATE", "2013-03-06")  # counted from the latest date named


@pytest.mark.parametrize(("text", "expr", "typ", "value"), [
    ("Kyiv has pushed back for 15 months.", "15 months", "DURATION", "P15M"),
    ("A two-day visit ended.", "two-day", "DURATION", "P2D"),
    ("Over the past two years the army grew.", "the past two years", "DURATION", "P2Y"),
    ("The fighting lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("Protesters rally every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
    ("The pipeline carries 100,000 barrels a day.", "a day", "SET", "P1D"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
])
def test_durations_and_sets(text: str, expr: str, typ: str, value: str) -> None:
    assert values(text)[expr] == (typ, value)


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The army is now on the border.", "now", "PRESENT_REF"),
    ("He recently met the president.", "recently", "PAST_REF"),
    ("Talks may resume in the future.", "the future", "FUTURE_REF"),
])
def test_vague_references(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == ("DATE", value)


def test_names_are_not_months() -> None:
    found = values("Theresa May met June Carter in London.")
    assert not any(v[1].startswith("2013-0") for v in found.values())


def test_offsets_point_into_the_text() -> None:
    text = "Peskov said Friday that talks failed."
    (t,) = tag(text, DCT)
    assert text[t.start:t.end] == "Friday" and t.rule.endswith(":weekday") and 0 < t.confidence <= 1


def test_part_of_day_before_the_weekday() -> None:
    found = values("Drones attacked overnight Thursday in Kursk. It took half an hour.")
    assert found["overnight Thursday"] == ("TIME", "2013-03-21TNI")
    assert found["half an hour"] == ("DURATION", "PT30M")


def test_holidays() -> None:
    found = values("Pilgrims will gather on Good Friday. Parades were held on St Patrick's Day.")
    assert found["Good Friday"] == ("DATE", "2013-03-29")
    assert found["St Patrick's Day"] == ("DATE", "2013-03-17")
    assert values("Talks resume after Christmas 2012.")["Christmas 2012"] == ("DATE", "2012-12-25")


@pytest.mark.parametrize(("text", "expr", "value"), [
    # a weekday the day after the document date, with nothing pointing back, is tomorrow
    ("Albright heads to Nairobi; her first stop Saturday is the embassy.", "Saturday", "2013-03-23"),
    ("Protesters planned a march on Saturday in the capital.", "Saturday", "2013-03-23"),
    # a past verb beside the weekday outweighs a future cue further back in the sentence
    ("Exiles will now fight the ruling with all their resources and lawyers, Havana predicted Wednesday.",
     "Wednesday", "2013-03-20"),
])
def test_weekday_direction_from_context(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == ("DATE", value)


def test_tense_cue_is_not_cut_off_by_initials() -> None:
    found = values("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", date(1989, 10, 26))
    assert found["Feb. 1"] == ("DATE", "1990-02-01")


def test_month_after_a_deadline_preposition_lies_ahead() -> None:
    found = values("KKR plans to pay down $5 billion of the loan by February.", date(1989, 10, 30))
    assert found["February"] == ("DATE", "1990-02")


@pytest.mark.parametrize(("text", "expr", "typ", "value"), [
    ("Revenue for the year ended Sept. 30 rose.", "the year", "DURATION", "P1Y"),
    ("In the fiscal year ended Jan. 31, the company earned $2 million.", "the fiscal year", "DURATION", "P1Y"),
    ("Losses mounted over the past two quarters.", "the past two quarters", "DURATION", "P2Q"),
])
def test_periods_closed_by_a_date(text: str, expr: str, typ: str, value: str) -> None:
    assert values(text, date(1989, 10, 26))[expr] == (typ, value)


def test_quarters_in_earnings_reports() -> None:
    text = ("Sun reported a fiscal first-quarter loss. Sales for the quarter ended Sept. 29 rose. "
            "For the quarter a year ago, it earned $20 million.")
    found = values(text, date(1989, 10, 26))
    assert found["the quarter"] == ("DATE", "1989-Q3")  # the three months up to Sept. 29, not the fiscal label
    assert found["the quarter a year ago"] == ("DATE", "1988-Q3")
    # the latest quarter is one that is over, not the fourth quarter still running
    text = "Analysts expect a weak fourth quarter. Profit fell 59% in the latest quarter."
    assert values(text, date(1989, 11, 2))["the latest quarter"] == ("DATE", "1989-Q3")


@pytest.mark.parametrize(("text", "expr", "typ", "value"), [
    ("The talks resume this weekend.", "this weekend", "DATE", "2013-W12-WE"),
    ("Talks stalled over the weekend.", "the weekend", "DATE", "2013-W11-WE"),
    ("Sales fell in 2011 from $4 million the year before.", "the year before", "DATE", "2010"),
    ("Costs rose in the prior year.", "the prior year", "DATE", "2012"),
    ("Islam will one day be the largest faith there.", "one day", "DATE", "FUTURE_REF"),
    ("The band played this summer in Belfast.", "this summer", "DATE", "2013-SU"),
    ("The market closed at 3 p.m. that day.", "3 p.m.", "TIME", "2013-03-22T15:00"),
])
def test_relative_expressions(text: str, expr: str, typ: str, value: str) -> None:
    assert values(text)[expr] == (typ, value)


def test_stretch_before_an_event_is_no_duration() -> None:
    found = values("His car was seen in the weeks before the shooting.")
    assert "the weeks" not in found and "weeks" not in found


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("He served two-and-a-half years in jail.", "two-and-a-half years", "P2Y6M"),
    ("The siege lasted a year and a half.", "a year and a half", "P1Y6M"),
])
def test_durations_with_a_half(text: str, expr: str, value: str) -> None:
    assert values(text)[expr] == ("DURATION", value)


def test_quarter_abbreviations() -> None:
    found = values("Apple posted weak Q3 earnings and expects Q4 2013 to be strong. Q12 is a form.", date(2013, 10, 22))
    assert found["Q3"] == ("DATE", "2013-Q3") and found["Q4 2013"] == ("DATE", "2013-Q4") and "Q12" not in found
