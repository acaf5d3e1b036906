"""The API's answers on a store whose every record is known, and on the seeds through the real pipeline."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient


def test_articles_list_filters_and_pages(tiny: TestClient) -> None:
    body = tiny.get("/api/articles").json()
    assert body["total"] == 3 and [a["id"] for a in body["items"]] == ["a3", "a2", "a1"]  # newest first
    assert body["items"][0]["events"] == 2 and body["items"][0]["quotes"] == 1
    assert tiny.get("/api/articles?outlet=veska post").json()["total"] == 2
    assert [a["id"] for a in tiny.get("/api/articles?since=2024-03-12&until=2024-03").json()["items"]] == ["a2"]
    assert [a["id"] for a in tiny.get("/api/articles?q=prime minister").json()["items"]] == ["a3"]
    assert [a["id"] for a in tiny.get("/api/articles?story=s1").json()["items"]] == ["a2", "a1"]
    page = tiny.get("/api/articles?limit=1&offset=1").json()
    assert page["total"] == 3 and [a["id"] for a in page["items"]] == ["a2"]


def test_one_article_has_every_record_as_offsets(tiny: TestClient) -> None:
    art = tiny.get("/api/articles/a2").json()
    text = art["text"]
    for m in art["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert [text[t["start"]:t["end"]] for t in art["timexes"]] == ["Monday"]
    assert text[art["events"][0]["start"]:art["events"][0]["end"]] == art["events"][0]["sentence"]
    assert {e["event_type"]: e["score"] for e in art["events"]} == {"CONSULT": 4.0, "ACCUSE": -3.0}
    assert art["quotes"][0]["text"] == "We will reopen the border"
    assert art["boilerplate"][0] == "Subscribe now"
    assert [c["id"] for c in art["copies"]] == ["a1"]
    assert art["story"]["label"] == "Veska–Norland talks" and [a["id"] for a in art["story"]["articles"]] == ["a1"]
    assert tiny.get("/api/articles/a").status_code == 404  # ambiguous prefix
    assert [c["id"] for c in tiny.get("/api/articles/a1").json()["copies"]] == ["a2"]


def test_quotes_search_and_speaker_facet(tiny: TestClient) -> None:
    body = tiny.get("/api/quotes?speaker=person:ilse-darrow").json()
    assert body["total"] == 3
    first = body["items"][0]
    assert first["article_id"] == "a3" and first["outlet"] == "Veska Post"
    merged = next(q for q in body["items"] if q["article_id"] == "a1")
    assert sorted(merged["outlets"]) == ["Norland Daily", "Veska Post"] and merged["sources"] == 2
    assert tiny.get("/api/quotes?speaker=ilse darrow&until=2024-03-11").json()["total"] == 1
    assert tiny.get("/api/quotes?q=REOPEN&outlet=Norland Daily").json()["total"] == 1
    assert tiny.get("/api/quotes?q=closed").json()["total"] == 0
    facet = tiny.get("/api/quotes/speakers").json()["items"]
    assert facet == [{"speaker_id": "person:ilse-darrow", "speaker": "Ilse Darrow", "country": "X-VESKA", "quotes": 3}]


def test_events_by_actor_type_dyad_family_and_date(tiny: TestClient) -> None:
    assert tiny.get("/api/events").json()["total"] == 6
    assert tiny.get("/api/events?type=accuse").json()["total"] == 3
    assert tiny.get("/api/events?family=cooperation").json()["total"] == 3
    assert tiny.get("/api/events?source=X-NORLAND").json()["total"] == 3
    assert tiny.get("/api/events?dyad=X-NORLAND,X-VESKA").json()["total"] == 6
    assert tiny.get("/api/events?dyad=X-NORLAND,USA").json()["total"] == 0
    assert tiny.get("/api/events?since=2024-04").json()["total"] == 2  # '2024-04' and '2024-04-02'
    item = tiny.get("/api/events?type=CONSULT&limit=1").json()["items"][0]
    assert item["source_label"] == "Veska" and item["target_label"] == "Norland" and item["score"] == 4.0


def test_timeline_counts_per_day_and_dyad_scores(tiny: TestClient) -> None:
    body = tiny.get("/api/timeline").json()
    days = {b["date"]: b for b in body["buckets"]}
    assert days["2024-03-11"]["events"] == {"CONSULT": 1, "ACCUSE": 1} and days["2024-03-11"]["quotes"] == 1
    assert days["2024-04-02"]["events"] == {"CONSULT": 1}  # the month-only ACCUSE is not charted per day
    assert body["undated"] == 1
    (dyad,) = tiny.get("/api/timeline/dyads").json()["dyads"]
    assert (dyad["a"], dyad["b"], dyad["events"]) == ("X-NORLAND", "X-VESKA", 6)  # charted: the 5 dated to the day
    point = next(p for p in dyad["series"] if p["date"] == "2024-03-11")
    assert point["score"] == 4.0 - 3.0 and point["events"] == 2
    months = tiny.get("/api/timeline?interval=month").json()
    assert {b["date"]: b["events_total"] for b in months["buckets"]} == {"2024-03": 4, "2024-04": 2}


def test_network_edges_from_events_and_quotes(tiny: TestClient) -> None:
    body = tiny.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("X-VESKA", "X-NORLAND")]["events"] == 3 and edges[("X-VESKA", "X-NORLAND")]["mean_score"] == 4.0
    assert edges[("X-NORLAND", "X-VESKA")]["types"] == {"ACCUSE": 3}
    assert {n["id"] for n in body["nodes"]} == {"X-VESKA", "X-NORLAND"}  # the quote mentions no other actor
    conflict = tiny.get("/api/network?family=conflict").json()
    assert [(e["source"], e["target"]) for e in conflict["edges"]] == [("X-NORLAND", "X-VESKA")]
    assert tiny.get("/api/network?min_weight=4").json()["edges"] == []


def test_actors_with_counts_roles_and_partners(tiny: TestClient) -> None:
    body = tiny.get("/api/actors?q=darrow").json()
    assert body["total"] == 1 and body["items"][0]["quotes"] == 3 and body["items"][0]["mentions"] == 3
    actor = tiny.get("/api/actors/person:ilse-darrow").json()
    roles = {r["role"]: (r["first_seen"], r["last_seen"]) for r in actor["roles"]}
    assert roles == {"Foreign Minister": ("2024-03-11", "2024-03-12"), "Prime Minister": ("2024-04-02", "2024-04-02")}
    veska = tiny.get("/api/actors/X-VESKA").json()
    assert veska["counts"]["events_as_source"] == 3 and veska["targets"][0]["id"] == "X-NORLAND"
    assert veska["sources"][0]["types"] == {"ACCUSE": 3} and veska["sources"][0]["mean_score"] == -3.0
    assert [a["id"] for a in tiny.get("/api/actors?sort=name&kind=state").json()["items"]] == ["X-NORLAND", "X-VESKA"]


def test_stories_errors_summary(tiny: TestClient) -> None:
    assert tiny.get("/api/stories").json()["items"][0]["articles"] == 2
    assert [a["id"] for a in tiny.get("/api/stories/s1").json()["articles"]] == ["a1", "a2"]
    errors = tiny.get("/api/errors").json()
    assert errors["total"] == 1 and errors["items"][0]["error_code"] == "NG102"
    summary = tiny.get("/api/summary").json()
    assert summary["counts"]["events"] == 6 and summary["failed_documents"] == 1


def test_csv_download_neutralises_formulas(tiny: TestClient) -> None:
    r = tiny.get("/api/articles?format=csv&limit=1000")
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and rows[0]["id"] == "a3"
    art = tiny.get("/api/articles/a1").json()
    assert art["boilerplate"][1].startswith("=")  # JSON keeps the data as it is
    quotes = list(csv.DictReader(io.StringIO(tiny.get("/api/quotes?format=csv").text)))
    assert quotes and all(not v.startswith(("=", "+", "@")) for row in quotes for v in row.values())


def test_seed_store_through_the_real_pipeline(seeds: TestClient) -> None:
    summary = seeds.get("/api/summary").json()
    assert summary["counts"]["articles"] >= 7 and summary["failed_documents"] >= 1
    errors = seeds.get("/api/errors?status=error").json()["items"]
    assert any(e["source_name"] == "empty-page.txt" and e["error_code"] for e in errors)
    arts = seeds.get("/api/articles?q=Blinken").json()
    assert arts["total"] >= 3
    art = seeds.get(f"/api/articles/{arts['items'][0]['id']}").json()
    assert art["mentions"] and all(art["text"][m["start"]:m["end"]] == m["text"] for m in art["mentions"])
    assert all(art["text"][e["start"]:e["end"]] == e["sentence"] for e in art["events"])
    for url in ("/api/timeline", "/api/network", "/api/actors", "/api/quotes", "/api/events", "/api/stories"):
        assert seeds.get(url).status_code == 200


def test_pages_of_a_newest_first_list_join_up(tiny: TestClient) -> None:
    whole = [e["id"] for e in tiny.get("/api/events?limit=6").json()["items"]]
    paged = [e["id"] for off in range(6) for e in tiny.get(f"/api/events?limit=1&offset={off}").json()["items"]]
    assert paged == whole and len(set(whole)) == 6
    dates = [e["date"] for e in tiny.get("/api/events?limit=6").json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_answers_are_cached_because_the_store_is_read_only(tiny_db: object) -> None:
    from newsgraph.api import create_app

    with TestClient(create_app(tiny_db)) as client:  # type: ignore[arg-type]
        first, second = client.get("/api/timeline?actor=X-VESKA"), client.get("/api/timeline?actor=X-VESKA")
        assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit"
        assert first.json() == second.json() and second.headers["content-security-policy"]
        assert client.get("/api/articles/nope").headers["x-cache"] == "miss"
        assert client.get("/api/articles/nope").headers["x-cache"] == "miss"  # errors are not kept
    with TestClient(create_app(tiny_db, cache_entries=0)) as client:  # type: ignore[arg-type]
        client.get("/api/timeline")
        assert "x-cache" not in client.get("/api/timeline").headers


def test_unresolved_dates_are_not_charted() -> None:
    from newsgraph.api.routes.timeline import _bucket

    assert _bucket("2024-03-11", 10) == "2024-03-11" and _bucket("2024-03-11", 7) == "2024-03"
    assert _bucket("XXXX-WXX-5", 10) is None and _bucket("2022-W03", 7) is None and _bucket("2022-03", 10) is None
    assert _bucket(None, 10) is None


def test_unresolved_dates_sort_last_and_match_no_date_range(tiny_db: object, tmp_path: object) -> None:
    import shutil
    from pathlib import Path

    from newsgraph.api import create_app
    from newsgraph.store import open_store

    db = Path(str(tmp_path)) / "copy.duckdb"
    shutil.copy(str(tiny_db), db)
    with open_store(db) as store:
        store.con.execute("""INSERT INTO events (id, article_id, event_type, sentence, start, "end", source, target,
                               date) VALUES ('x1', 'a1', 'CONSULT', 'Ministers met.', 0, 14, 'X-VESKA', 'X-NORLAND',
                               'XXXX-WXX-5')""")
    with TestClient(create_app(db)) as client:
        items = client.get("/api/events?limit=7").json()["items"]
        assert items[0]["date"] == "2024-04-02" and items[-1]["id"] == "x1"
        assert "x1" not in {e["id"] for e in client.get("/api/events?since=2024-01-01").json()["items"]}
        assert client.get("/api/timeline").json()["undated"] == 2
