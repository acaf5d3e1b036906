"""The Typer application that every command module registers with."""

import typer

app = typer.Typer(
    name="newsgraph",
    help="Turn raw news pages into a sourced knowledge base of who said and did what to whom, when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
