"""`newsgraph serve --db FILE`: the REST API and the browser UI."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import console, err_console, user_errors
from newsgraph.store import DEFAULT_DB


def is_loopback(host: str) -> bool:
    """Return whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_cmd(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file (opened read-only).")] = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the REST API (OpenAPI docs at /docs) and the browser UI over a store, read-only."""
    import uvicorn

    from newsgraph.api import create_app

    if not is_loopback(host):
        err_console.print(f"[yellow]warning[/yellow] listening on {host}: anyone who can reach this address can "
                          "read the store (there is no authentication). Use --host 127.0.0.1 to keep it local.")
    with user_errors():
        api = create_app(db)
    console.print(f"newsgraph UI: http://{host}:{port}/  ·  API docs: http://{host}:{port}/docs  (Ctrl-C to stop)")
    # keep idle connections longer than clients usually do (httpx: 5 s), so that a client never sends a request on
    # a connection the server is closing at the same moment
    uvicorn.run(api, host=host, port=port, log_level="warning", timeout_keep_alive=15)
