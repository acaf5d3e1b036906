"""The app: clear 4xx errors for bad parameters (never a 500), no SQL injection, CSP, read-only store, docs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.api.app import CSP
from newsgraph.errors import NotFoundError

BAD = [
    ("/api/articles?limit=0", 400, "limit"),
    ("/api/articles?limit=501", 400, "at most 500"),
    ("/api/articles?limit=abc", 400, "limit"),
    ("/api/articles?offset=-1", 400, "offset"),
    ("/api/articles?since=2024-02-30", 400, "not a real date"),
    ("/api/articles?until=yesterday", 400, "ISO date"),
    ("/api/articles?format=xml", 400, "format"),
    ("/api/events?type=HUG", 400, "unknown event type"),
    ("/api/events?dyad=USA", 400, "dyad"),
    ("/api/events?family=peace", 400, "family"),
    ("/api/quotes?kind=shouted", 400, "kind"),
    ("/api/quotes?min_sources=0", 400, "min_sources"),
    ("/api/timeline?interval=year", 400, "interval"),
    ("/api/timeline/dyads?top=99", 400, "top"),
    ("/api/network?nodes=1", 400, "nodes"),
    ("/api/actors?sort=random", 400, "sort"),
    ("/api/errors?status=bad", 400, "status"),
    ("/api/articles/nope", 404, "matches no article"),
    ("/api/actors/nobody", 404, "no actor"),
    ("/api/stories/nothing", 404, "no story"),
    ("/api/nothing-here", 404, "no such page"),
]


@pytest.mark.parametrize(("url", "status", "words"), BAD)
def test_bad_parameters_get_a_clear_4xx(tiny: TestClient, url: str, status: int, words: str) -> None:
    r = tiny.get(url)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert words in error["message"] and error["code"].startswith("NG")


def test_not_found_uses_the_error_class_code(tiny: TestClient) -> None:
    r = tiny.get("/api/articles/zzz")
    assert r.json()["error"]["code"] == NotFoundError.code and r.status_code == NotFoundError.http_status


@pytest.mark.parametrize("evil", ["'; DROP TABLE articles; --", "%' OR '1'='1", "\" OR 1=1 --", "a\\'b", "_%_"])
def test_user_input_is_never_sql(tiny: TestClient, evil: str) -> None:
    for url in ("/api/articles", "/api/quotes", "/api/actors"):
        r = tiny.get(url, params={"q": evil})
        assert r.status_code == 200 and r.json()["total"] == 0
    assert tiny.get("/api/events", params={"actor": evil}).json()["total"] == 0
    assert tiny.get("/api/articles").json()["total"] == 3  # nothing was dropped


def test_security_headers_on_every_response(tiny: TestClient) -> None:
    for url in ("/", "/api/summary", "/static/js/app.js", "/api/articles/nope", "/docs"):
        r = tiny.get(url)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe" not in CSP


def test_ui_and_docs_are_served_without_inline_script(tiny: TestClient) -> None:
    for url in ("/", "/docs"):
        html = tiny.get(url).text
        assert "<script>" not in html and "onload=" not in html and "style=" not in html
    assert tiny.get("/openapi.json").json()["paths"]["/api/timeline"]


def test_web_files_never_use_inner_html_or_eval() -> None:
    web = Path(__file__).resolve().parents[2] / "newsgraph" / "web"
    for js in web.rglob("*.js"):
        code = js.read_text(encoding="utf-8")
        for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write"):
            assert banned not in code, f"{js.name} uses {banned}"


def test_the_store_is_opened_read_only(tiny_db: Path) -> None:
    app = create_app(tiny_db)
    cur = app.state.store.cursor()
    with pytest.raises(duckdb.Error):
        cur.execute("DELETE FROM articles")
    app.state.store.close()


def test_concurrent_requests_each_get_their_own_cursor(tiny: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/articles", "/api/events", "/api/quotes", "/api/timeline", "/api/network", "/api/actors"] * 10
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda u: tiny.get(u).status_code, urls))
    assert codes == [200] * len(urls)


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="newsgraph ingest"):
        create_app(tmp_path / "absent.duckdb")
