"""Browser-test fixtures: the real server (uvicorn in a thread) on the shared test store, and Debian's chromium
driven by Playwright. Screenshots go to test-artifacts/."""

from __future__ import annotations

import importlib.util
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

_FIXTURE = Path(__file__).parents[1] / "api" / "store_fixture.py"
_spec = importlib.util.spec_from_file_location("ng_store_fixture", _FIXTURE)
assert _spec and _spec.loader
store_fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_fixture)


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, examples_dir: Path) -> Path:
    """The seeds, examples and hostile pages ingested by the real pipeline (once per session)."""
    return store_fixture.session_store(tmp_path_factory.getbasetemp(), seeds_dir, examples_dir)


@contextmanager
def running_server(db: Path) -> Iterator[str]:
    """Run the app of `newsgraph serve` with uvicorn in a thread on a free loopback port; yield its base URL."""
    import uvicorn

    from newsgraph.api import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(web_store: Path) -> Iterator[str]:
    """The real server over the seed store."""
    with running_server(web_store) as url:
        yield url


@pytest.fixture(scope="session")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real server over a store with nothing ingested."""
    from newsgraph.store import open_store

    db = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    open_store(db).close()
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright (never a downloaded browser); skips when it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium is not installed at {CHROMIUM} (run `make browser`, or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@contextmanager
def browser_page(browser: Any, server: str, width: int, height: int) -> Iterator[Any]:
    """A fresh page that records script errors, dialogs and console errors in ``page.problems``."""
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.problems.append(f"page error: {exc}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.base = server  # type: ignore[attr-defined]
    pg.open_view = lambda route, view=None, base=None: open_view(pg, route, view, base)  # type: ignore[attr-defined]
    pg.shot = lambda name: shot(pg, name)  # type: ignore[attr-defined]
    pg.wait_ready = lambda name: wait_ready(pg, name)  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh 1280 px page."""
    with browser_page(browser, server, 1280, 900) as pg:
        yield pg


@pytest.fixture
def laptop_page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh 1024 px page."""
    with browser_page(browser, server, 1024, 700) as pg:
        yield pg


def shot(pg: Any, name: str) -> None:
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_view(pg: Any, route: str, view: str | None = None, base: str | None = None) -> None:
    """Go to ``#/route`` and wait until the view has rendered (or shown its error)."""
    pg.goto(f"{base or pg.base}/#/{route}")
    name = view or route.split("/")[0].split("?")[0]
    wait_ready(pg, name)


def wait_ready(pg: Any, name: str) -> None:
    """Wait until the view for the current hash (not an earlier one) has rendered, or shown its error."""
    pg.wait_for_function(
        "() => { const v = document.getElementById('view');"
        " return v.dataset.hash === location.hash && ['" + name + "', 'error'].includes(v.dataset.ready); }",
        timeout=15000)
    assert pg.get_attribute("#view", "data-ready") == name, pg.inner_text("#view")
