"""Every view in a real browser (Debian's chromium) on the seed corpus: content, navigation, evidence, layout."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_timeline_click_through_to_article_evidence(page: Any) -> None:
    page.open_view("timeline")
    bars = page.locator("svg.chart g.bar")
    assert bars.count() >= 3
    assert page.locator(".legend-item").count() >= 2
    page.shot("timeline")
    # the busiest day: its events are listed under the chart
    dates = [bars.nth(i).get_attribute("data-date") for i in range(bars.count())]
    bars.nth(0).click()
    page.wait_for_selector("#bucket-detail .event-card")
    assert dates[0] in page.inner_text("#bucket-detail h2")
    card = page.locator("#bucket-detail .event-card").first
    sentence = card.locator(".sentence").inner_text().strip()
    card.locator("a.evidence").click()
    page.wait_ready("article")
    focus = page.locator("#article-text mark.hl-focus")
    assert focus.count() >= 1
    shown = "".join(focus.nth(i).inner_text() for i in range(focus.count())).strip()
    assert shown == sentence.strip()
    assert page.locator("#inspector .record").count() >= 1
    page.shot("timeline-evidence")
    assert page.problems == []


def test_timeline_filters_by_type(page: Any) -> None:
    page.open_view("timeline?type=CONSULT")
    assert page.locator(".legend-item").all_inner_texts()[0].strip() == "CONSULT"
    page.select_option("#f-timeline-type", "ASSAULT")
    page.click(".filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=ASSAULT')")
    page.wait_ready("timeline")
    assert page.locator("svg.chart").count() == 1 or page.locator(".empty").count() == 1


def test_quotes_search_and_speaker_facet(page: Any) -> None:
    page.open_view("quotes")
    cards = page.locator(".quote-card")
    assert cards.count() >= 3
    assert page.locator(".quote-card .outlets").count() == cards.count()
    assert "source" in cards.first.inner_text()
    page.shot("quotes")
    speaker = page.locator(".facet li a").first
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_function("location.hash.includes('speaker=')")
    page.wait_ready("quotes")
    speakers = page.locator(".quote-card .speaker").all_inner_texts()
    assert speakers and all(s.strip() == name for s in speakers)
    assert page.problems == []


def test_actor_list_and_page(page: Any) -> None:
    page.open_view("actors?q=Blinken")
    link = page.locator("table a.actor-link").first
    assert "Blinken" in link.inner_text()
    link.click()
    page.wait_ready("actor")
    text = page.inner_text("#view")
    for heading in ("Roles by date", "Activity by month", "To whom", "What it said", "What it did"):
        assert heading in text
    assert "mentions in" in text
    page.shot("actor")
    assert page.problems == []


def test_network_draws_actors_and_links_to_them(page: Any) -> None:
    page.open_view("network")
    assert page.locator("svg.network circle").count() >= 3
    assert page.locator("svg.network line.edge").count() >= 2
    page.shot("network")
    page.open_view("network?family=conflict")
    conflict_edges = page.locator("svg.network line.edge")
    assert conflict_edges.count() >= 1 and page.locator("svg.network line.edge.coop").count() == 0
    page.locator("svg.network a.node").first.click()
    page.wait_ready("actor")
    assert page.problems == []


def test_article_highlights_boilerplate_and_links(page: Any) -> None:
    page.open_view("articles?q=Blinken")
    rows = page.locator("table tbody tr")
    assert rows.count() >= 3
    rows.first.locator("a").first.click()
    page.wait_ready("article")
    assert page.locator("#article-text mark.hl-actor").count() >= 3
    details = page.locator("details.boilerplate")
    if details.count():  # dropped lines are collapsed until asked for
        assert details.get_attribute("open") is None
        assert not page.locator("details.boilerplate li").first.is_visible()
        page.click("details.boilerplate summary")
        assert page.locator("details.boilerplate li").first.is_visible()
    assert "Copies" in page.inner_text(".related") and "Same story" in page.inner_text(".related")
    page.locator("#article-text mark.hl-actor").first.click()
    assert "actor" in page.inner_text("#inspector")
    page.shot("article")
    assert page.problems == []


def test_ingest_lists_failed_documents(page: Any) -> None:
    page.open_view("ingest")
    text = page.inner_text("table.errors")
    assert "empty-page.txt" in text and "NG101" in text
    page.shot("ingest")


def test_laptop_width_has_no_horizontal_scroll(laptop_page: Any) -> None:
    pg = laptop_page
    for route in ("timeline", "quotes", "network", "articles"):
        pg.open_view(route)
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), route
    pg.shot("laptop-articles")


def test_empty_store_says_what_to_do(page: Any, empty_server: str) -> None:
    for route in ("timeline", "quotes", "network", "articles", "ingest"):
        page.open_view(route, base=empty_server)
        empty = page.locator(".empty")
        assert empty.count() == 1, route
        assert "newsgraph ingest" in empty.inner_text(), route
    page.shot("empty-timeline")
    assert page.problems == []


def test_api_docs_render_under_the_csp(page: Any) -> None:
    page.goto(f"{page.base}/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 10
    assert page.problems == []
