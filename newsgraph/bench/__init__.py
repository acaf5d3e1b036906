"""Benchmarks: one module per benchmark command (``newsgraph bench NAME``).

A benchmark module defines ``DESCRIPTION`` and ``run(data: Path, limit: int | None, split: str | None)
-> dict``; it may define ``train(data: Path) -> dict`` for ``newsgraph train NAME``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.errors import BenchmarkDataError, ConfigError

_INTERNAL = {"data", "metrics"}


def available() -> dict[str, ModuleType]:
    """Return the benchmark modules by name."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if m.name not in _INTERNAL and not m.name.startswith("_")]
    return {name: importlib.import_module(f"{__name__}.{name}") for name in sorted(names)}


def bench_dir() -> Path:
    """Return the shared benchmark folder: $NEWSGRAPH_BENCH, else ../shared/bench from here or above."""
    if env := os.environ.get("NEWSGRAPH_BENCH"):
        return Path(env)
    for base in (Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[2]):
        for candidate in (base / "shared" / "bench", base.parent / "shared" / "bench"):
            if candidate.is_dir():
                return candidate
    raise BenchmarkDataError("benchmark data not found: set NEWSGRAPH_BENCH to the shared/bench folder")


def _module(name: str) -> ModuleType:
    """Return the benchmark module ``name`` or raise a ConfigError listing the known ones."""
    mods = available()
    if name not in mods:
        raise ConfigError(f"unknown benchmark {name!r}: choose one of {', '.join(mods)}")
    return mods[name]


def run_bench(name: str, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Run benchmark ``name`` and return its figures."""
    return dict(_module(name).run(bench_dir(), limit=limit, split=split))


def train(name: str) -> dict[str, Any]:
    """Retrain the learned component evaluated by benchmark ``name``."""
    mod = _module(name)
    if not hasattr(mod, "train"):
        raise ConfigError(f"benchmark {name!r} has no trainable component")
    return dict(mod.train(bench_dir()))
