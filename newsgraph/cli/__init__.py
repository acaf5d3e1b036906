"""The command-line interface: one thin module per command, each calling one API function."""

import importlib
import pkgutil

from newsgraph.cli.app import app

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name not in ("app", "common"):
        importlib.import_module(f"{__name__}.{_mod.name}")

__all__ = ["app"]
