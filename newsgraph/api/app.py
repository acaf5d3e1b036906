"""The FastAPI application: routes under /api, the browser UI at /, OpenAPI docs at /docs.

The store is opened read-only once; each request takes its own cursor (DuckDB connections are not
thread-safe). At startup the app builds in-memory indexes of the store (``newsgraph/api/index.py``: events and
quotations as integer codes, per-actor and per-article counts) that the list, timeline and actor calls use; the
list calls run the same query functions as the CLI (``newsgraph/{quotes,events,actors}/query.py``). Every response
carries a strict Content-Security-Policy: scripts and styles only from this server, nothing inline, no eval.
"""

from __future__ import annotations

import gc
import logging
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph import __version__
from newsgraph.api.cache import ResponseCache
from newsgraph.api.index import StoreIndex
from newsgraph.api.routes import actors, articles, events, meta, network, quotes, timeline
from newsgraph.errors import BadParameterError, NewsgraphError, NotFoundError
from newsgraph.store import open_store

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
WEB = Path(str(resources.files("newsgraph") / "web"))


class SecurityHeaders:
    """ASGI middleware adding the CSP and related headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str | Path, cache_entries: int = 1024) -> FastAPI:
    """Return the app serving the store ``db`` read-only (``cache_entries=0`` turns the response cache off)."""
    store = open_store(db, read_only=True)
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  description="Who said and did what to whom, when, according to which outlet: "
                              "articles, quotes, PLOVER events, actors, timeline and network of a newsgraph store.")
    app.state.store = store
    app.state.cursor_lock = threading.Lock()
    app.state.index = StoreIndex(store)
    for module in (articles, quotes, events, actors, timeline, network, meta):
        app.include_router(module.router, prefix="/api")
    _add_error_handlers(app)
    _add_ui(app)
    app.add_middleware(ResponseCache, entries=cache_entries)
    app.add_middleware(SecurityHeaders)
    # the in-memory indexes are built before the first request is accepted (a few seconds for a million events)
    app.router.add_event_handler("startup", lambda: _warm(app.state.index))
    app.router.add_event_handler("shutdown", gc.unfreeze)  # let the indexes go with the app
    app.router.add_event_handler("shutdown", store.close)
    return app


def _warm(index: StoreIndex) -> None:
    """Build the indexes, then exempt them from garbage collection: a full collection would otherwise walk their
    hundreds of thousands of objects now and then, a pause of a hundred milliseconds in some request."""
    index.warm()
    gc.collect()
    gc.freeze()


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """Return the JSON body of an error response."""
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    return body


def _add_error_handlers(app: FastAPI) -> None:
    """Map errors to clear JSON: newsgraph errors by their http_status, bad parameters to 400, never a bare 500."""

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(_: Request, exc: NewsgraphError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
                    for e in exc.errors()]
        details = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": e.get("msg"),
                    "value": e.get("input") if isinstance(e.get("input"), str | int | float) else None}
                   for e in exc.errors()]
        return JSONResponse(error_body(BadParameterError.code, "; ".join(problems), details), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = NotFoundError.code if exc.status_code == 404 else f"HTTP{exc.status_code}"
        message = f"no such page: {request.url.path}" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse(error_body(code, message), status_code=exc.status_code)

    @app.exception_handler(duckdb.Error)
    async def store_error(_: Request, exc: duckdb.Error) -> JSONResponse:
        # a query the parameters could not make valid: say so rather than leak a stack trace
        log.warning("store query failed: %s", exc)
        return JSONResponse(error_body("NG200", f"the store could not answer this query: {exc}"), status_code=400)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(error_body("NG000", f"internal error: {exc!r} (please report it)"), status_code=500)


def _add_ui(app: FastAPI) -> None:
    """Serve the single-page UI, its static files, and offline OpenAPI docs."""
    app.mount("/static", StaticFiles(directory=WEB), name="static")
    docs_assets = _docs_assets()
    if docs_assets:
        app.mount("/docs-assets", StaticFiles(directory=docs_assets), name="docs-assets")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        if docs_assets:
            return FileResponse(WEB / "docs.html", media_type="text/html; charset=utf-8")
        return HTMLResponse("<!doctype html><title>newsgraph API</title><h1>newsgraph API</h1>"
                            "<p>Install <code>fastapi-offline</code> for interactive docs; the OpenAPI schema is at "
                            "<a href='/openapi.json'>/openapi.json</a>.</p>")


def _docs_assets() -> Path | None:
    """Return the folder of Swagger UI assets shipped by the fastapi-offline package, if installed."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None
