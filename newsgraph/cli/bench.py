"""`newsgraph bench NAME` and `newsgraph train NAME`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.bench import available, run_bench, train
from newsgraph.cli.app import app
from newsgraph.cli.common import print_table, user_errors


@app.command("bench")
def bench_cmd(
    name: Annotated[str, typer.Argument(help="Benchmark name; 'list' lists them.")],
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N items (smoke test).")] = None,
    split: Annotated[str | None, typer.Option("--split", help="Data split, where the benchmark has several.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Run a benchmark against the gold data in ../shared/bench and print its figures."""
    if name == "list":
        print_table([{"name": k, "what": getattr(m, "DESCRIPTION", "")} for k, m in available().items()],
                    ["name", "what"])
        return
    with user_errors():
        figures = run_bench(name, limit=limit, split=split)
    if as_json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        print_table([{"metric": k, "value": _fmt(v)} for k, v in figures.items()], ["metric", "value"], title=name)


@app.command("train")
def train_cmd(name: Annotated[str, typer.Argument(help="Benchmark whose learned component to retrain.")]) -> None:
    """Retrain a learned component from its benchmark's train split and save it in the package."""
    with user_errors():
        figures = train(name)
    print_table([{"metric": k, "value": _fmt(v)} for k, v in figures.items()], ["metric", "value"], title=name)


def _fmt(value: object) -> str:
    """Format a figure for the table."""
    return f"{value:.4f}" if isinstance(value, float) else str(value)
