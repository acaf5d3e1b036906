"""`newsgraph ingest PATH... --db FILE`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.cli.app import app
from newsgraph.cli.common import console, print_table, user_errors
from newsgraph.pipeline import BATCH_SIZE, IngestReport, ingest
from newsgraph.sources import DEFAULT_MAX_BYTES
from newsgraph.store import DEFAULT_DB, open_store
from newsgraph.summary import summarise


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for stdin.")],
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address.")] = None,
    no_nlp: Annotated[bool, typer.Option("--no-nlp", help="Only extract text and metadata.")] = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Skip cross-document linking.")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Largest document accepted, in MB.")] = (
        DEFAULT_MAX_BYTES / 2**20
    ),
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = BATCH_SIZE,
    summary: Annotated[bool, typer.Option("--summary/--no-summary", help="Print a store summary.")] = False,
) -> None:
    """Ingest news pages (text dumps, HTML, WARC, JSONL; gzip too) into the store."""
    with user_errors(), _progress() as show:
        report = ingest(paths, db, workers=workers, nlp=not no_nlp, link=not no_link,
                        max_bytes=int(max_mb * 2**20), batch_size=batch_size, progress=show, scheduler=scheduler)
    console.print(
        f"[bold]{report.new}[/bold] new documents, {report.skipped} already stored, "
        f"[{'red' if report.failed else 'green'}]{report.failed} failed[/], "
        f"{report.seconds:.1f} s ({report.articles_per_second:.2f} docs/s) → {db}"
    )
    if report.errors:
        print_table([{"source": s, "code": c, "error": m} for s, c, m in report.errors],
                    ["source", "code", "error"], title="Documents that failed")
    if summary:
        with open_store(db, read_only=True) as store:
            summarise(store, console)
    if report.interrupted:
        console.print("[yellow]interrupted[/yellow]: run the same command again to finish; nothing is lost.")
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


def _line(r: IngestReport) -> str:
    """Return one progress line."""
    return (f"{r.seen} read · {r.new} new · {r.skipped} already stored · {r.failed} failed · "
            f"{r.articles_per_second:.1f} docs/s")


@contextmanager
def _progress() -> Iterator[Callable[[IngestReport], None]]:
    """Yield a progress callback: a live bar on a terminal, one line per stored batch in logs."""
    if not console.is_terminal:
        yield lambda r: print(_line(r), flush=True)
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("reading…")
        yield lambda r: progress.update(task, description=_line(r))
