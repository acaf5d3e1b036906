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
    """Print rows as a rich table with the given columns, or as one block per row where a table would not fit.

    A table wider than the terminal folds every column into slivers a few letters wide; a block per row
    (field name, then value) reads well at any width.
    """
    cells = [[fmt(row.get(c)) for c in columns] for row in rows]
    if _table_width(columns, cells) <= console.width:
        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for line in cells:
            table.add_row(*line)
        console.print(table)
        return
    if title:
        console.print(f"[bold]{title}[/bold]", highlight=False)
    for n, line in enumerate(cells, 1):
        console.rule(f"{n}", align="left", style="dim")
        block = Table.grid(padding=(0, 2))
        block.add_column(style="dim", no_wrap=True)
        block.add_column(overflow="fold")
        for col, value in zip(columns, line, strict=True):
            block.add_row(col, value)
        console.print(block)


_CELL_CAP = 24  # a column this wide reads well folded; a narrower one with longer values needs its own width


def _table_width(columns: Sequence[str], cells: Sequence[Sequence[str]]) -> int:
    """Return the width a readable table of these cells takes: each column its longest value, at most the cap."""
    widths = [max([len(col)] + [len(line[i]) for line in cells]) for i, col in enumerate(columns)]
    return sum(min(w, _CELL_CAP) + 3 for w in widths) + 1
