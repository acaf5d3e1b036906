"""`python -m newsgraph`."""

from newsgraph.cli import app

app()
