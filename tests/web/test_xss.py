"""Article text is untrusted: a page with <script>, <img onerror> and javascript: links, ingested through the real
pipeline, is shown in every view without anything running."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser
FLAG = "__ngPwned"


def _assert_nothing_ran(page: Any) -> None:
    """No injected script ran, no dialog opened, no injected element or link exists."""
    assert page.evaluate(f"typeof window.{FLAG}") == "undefined"
    assert not [p for p in page.problems if p.startswith("dialog")]
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    assert page.evaluate("document.querySelectorAll('#view img, #view [onerror], #view iframe').length") == 0
    assert page.evaluate("[...document.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i"
                         ".test(a.getAttribute('href'))).length") == 0


def test_hostile_article_is_shown_as_text(page: Any) -> None:
    page.open_view("articles?q=ngPwned")
    rows = page.locator("table tbody tr")
    assert rows.count() == 2
    _assert_nothing_ran(page)
    assert "<script>" in page.inner_text("table") or "<img" in page.inner_text("table")
    for i in range(rows.count()):
        page.open_view("articles?q=ngPwned")
        page.locator("table tbody tr").nth(i).locator("a").first.click()
        page.wait_ready("article")
        text = page.inner_text("#article-text")
        assert "onerror" in text or "<script>" in text  # the payload is visible, as text
        marks = page.locator("#article-text mark")
        for j in range(min(10, marks.count())):
            marks.nth(j).dispatch_event("click")  # opens each record in the inspector
        _assert_nothing_ran(page)
        page.shot(f"xss-article-{i}")


def test_hostile_records_in_lists_timeline_and_network(page: Any) -> None:
    for route in ("timeline?since=2024-03-15&until=2024-03-16", "quotes?q=Veska", "actors", "network",
                  "articles?outlet=Mallory Wire <script>window.__ngPwned=1</script>", "ingest"):
        page.open_view(route)
        bars = page.locator("svg.chart g.bar")
        for i in range(bars.count()):
            bars.nth(i).click()
            page.wait_for_selector("#bucket-detail h2")
        _assert_nothing_ran(page)
    page.shot("xss-timeline")


def test_the_csp_blocks_inline_script_even_if_one_got_in(page: Any) -> None:
    page.open_view("timeline")
    page.evaluate(f"""() => {{
        const s = document.createElement('script');
        s.textContent = 'window.{FLAG} = 1';
        document.body.appendChild(s);
        const i = document.createElement('img');
        i.setAttribute('src', 'x');
        i.setAttribute('onerror', 'window.{FLAG} = 1');
        document.body.appendChild(i);
    }}""")
    page.wait_for_timeout(300)
    assert page.evaluate(f"typeof window.{FLAG}") == "undefined"
    assert any("Content Security Policy" in p for p in page.problems)
