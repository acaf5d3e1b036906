"""Shared CLI helpers: options, error display, tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.errors import NewsgraphError

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="DuckDB store file.")]


@contextmanager
def user_errors() -> Iterator[None]:
    """Show a NewsgraphError as one red line with its code and exit 2, instead of a traceback."""
    try:
        yield
    except NewsgraphError as err:
        err_console.print(f"[red]error[/red] {err}")
        raise typer.Exit(2) from err


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None,
                fmt: Callable[[Any], str] = lambda v: "" if v is None else str(v)) -> None:
    """Print rows as a rich table with the given columns."""
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(fmt(row.get(c)) for c in columns))
    console.print(table)
