"""Documentation that is tested: every CLI command and option, and every error code, is in the README."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import typer.main

from newsgraph import errors
from newsgraph.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, Any]:
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"newsgraph {name}" in README, f"`newsgraph {name}` is missing from the README"
    for param in _commands()[name].params:
        long_flags = [o for o in param.opts + param.secondary_opts if o.startswith("--")]
        if long_flags:
            assert any(flag in README for flag in long_flags), f"{name}: {long_flags} missing from the README"


def test_every_error_code_is_documented() -> None:
    for _, cls in inspect.getmembers(errors, inspect.isclass):
        if issubclass(cls, errors.NewsgraphError) and cls.code != "NG000":
            assert cls.code in README and cls.__name__ in README, f"{cls.__name__} ({cls.code}) not in README"
