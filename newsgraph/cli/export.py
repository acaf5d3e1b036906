"""`newsgraph export --db FILE --format jsonl|parquet|csv --out PATH`."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import console, user_errors
from newsgraph.store import DEFAULT_DB, open_store
from newsgraph.store.export import export


@app.command("export")
def export_cmd(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (one file), parquet or csv (a folder).")] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", help="Output file (jsonl) or folder.")] = "export.jsonl",
) -> None:
    """Export articles, actors, quotes and events following the export contract."""
    with user_errors(), open_store(db, read_only=True) as store:
        counts = export(store, fmt, out)
    console.print(", ".join(f"{n} {k}" for k, n in counts.items()) + f" → {out}")
