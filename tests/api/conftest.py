"""API test fixtures: the shared seed store (real pipeline) and a small hand-written store whose every record is
known, both served through FastAPI's TestClient."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.records import Actor, Article, DocResult, Event, Mention, Quote, RawDocument, Timex
from newsgraph.store import open_store

_spec = importlib.util.spec_from_file_location("ng_store_fixture", Path(__file__).parent / "store_fixture.py")
assert _spec and _spec.loader
store_fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_fixture)

TINY_TEXT = (
    "Ministers from Veska and Norland met in Brussels on Monday.\n"
    "\"We will reopen the border,\" Veskan Foreign Minister Ilse Darrow said.\n"
    "Norland accused Veska of moving artillery to the river."
)


def _span(text: str, part: str) -> tuple[int, int]:
    """Offsets of ``part`` in ``text``."""
    start = text.index(part)
    return start, start + len(part)


def _tiny_results() -> list[tuple[RawDocument, DocResult]]:
    """Three articles: one original, one syndicated copy (same story), one later article; known records."""
    out = []
    veska = Actor("X-VESKA", "Veska", "state", "X-VESKA", "GOV", None, ["Veska"])
    norland = Actor("X-NORLAND", "Norland", "state", "X-NORLAND", "GOV", None, ["Norland"])
    darrow = Actor("person:ilse-darrow", "Ilse Darrow", "person", "X-VESKA", "GOV", "Foreign Minister", ["Ilse Darrow"])
    specs = [("a1", "Veska Post", "2024-03-11", None, "Foreign Minister"),
             ("a2", "Norland Daily", "2024-03-12", "a1", "Foreign Minister"),
             ("a3", "Veska Post", "2024-04-02", None, "Prime Minister")]
    for aid, outlet, date, dup, role in specs:
        text = TINY_TEXT.replace("Foreign Minister", role)
        raw = RawDocument(aid, f"/in/{aid}.txt", text.encode(), "text/plain")
        art = Article(id=aid, source=raw.uri, source_name=f"{aid}.txt", text=text, title=f"Talks {aid}", outlet=outlet,
                      page_date=date, published=date, boilerplate=["Subscribe now", "=cmd|' /C calc'!A0"],
                      duplicate_of=dup, story_id="s1" if aid != "a3" else None)
        ms = [Mention(aid, *_span(text, "Veska"), "Veska", "X-VESKA", "registry"),
              Mention(aid, *_span(text, "Norland"), "Norland", "X-NORLAND", "registry"),
              Mention(aid, *_span(text, "Ilse Darrow"), "Ilse Darrow", "person:ilse-darrow", "ner+role", 0.9, role)]
        q0, q1 = _span(text, "\"We will reopen the border,\"")
        s2 = text.index("Norland accused")
        quote = Quote(f"{aid}-q", aid, "We will reopen the border", "direct", q0, text.index("said.") + 5, "said",
                      "Ilse Darrow", "person:ilse-darrow", "X-VESKA", role, date=date, rule="test", sources=2,
                      canonical_id="q-canon" if aid != "a3" else None)
        events = [Event(f"{aid}-e1", aid, "CONSULT", text[:text.index("\n")], 0, text.index("\n"), "visit", "X-VESKA",
                        "X-NORLAND", date=date, rule="test"),
                  Event(f"{aid}-e2", aid, "ACCUSE", text[s2:], s2, len(text), None, "X-NORLAND", "X-VESKA",
                        date=date[:7] if aid == "a3" else date, rule="test")]
        timex = Timex(aid, *_span(text, "Monday"), "Monday", "DATE", date, "test")
        out.append((raw, DocResult(article=art, actors=[veska, norland, darrow], mentions=ms, timexes=[timex],
                                   quotes=[quote], events=events)))
    bad = RawDocument("bad1", "/in/broken.bin", b"\x00\x01", "text/plain")
    failed = Article(id="bad1", source=bad.uri, source_name="broken.bin", error="binary data, not text",
                     error_code="NG102")
    out.append((bad, DocResult(article=failed)))
    return out


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with three known articles, their records, one story and one failed document."""
    db = tmp_path_factory.mktemp("tiny") / "tiny.duckdb"
    with open_store(db) as store:
        store.write_results(_tiny_results())
        store.con.execute("INSERT INTO stories (id, label, first_date, last_date, size)"
                          " VALUES ('s1', 'Veska–Norland talks', '2024-03-11', '2024-03-12', 2)")
    return db


@pytest.fixture(scope="session")
def tiny(tiny_db: Path) -> Iterator[TestClient]:
    """TestClient over the tiny store."""
    with TestClient(create_app(tiny_db), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, examples_dir: Path) -> Path:
    """The seeds, examples and hostile pages through the real pipeline (shared with the browser tests)."""
    return store_fixture.session_store(tmp_path_factory.getbasetemp(), seeds_dir, examples_dir)


@pytest.fixture(scope="session")
def seeds(seed_db: Path) -> Iterator[TestClient]:
    """TestClient over the seed store."""
    with TestClient(create_app(seed_db), raise_server_exceptions=False) as client:
        yield client
