"""Shared fixtures: the seed corpus, the examples and the benchmark folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLES = ROOT / "examples"
BENCH = ROOT.parent / "shared" / "bench"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed corpus (skips when the shared folder is absent)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The examples shipped with the repository."""
    return EXAMPLES


@pytest.fixture(scope="session")
def bench_data() -> Path:
    """The shared benchmark folder (skips when absent)."""
    if not BENCH.is_dir():
        pytest.skip("../shared/bench is absent")
    return BENCH


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A store built once per session by the real pipeline from the seeds and the examples."""
    from newsgraph import ingest

    db = tmp_path_factory.mktemp("seedstore") / "seeds.duckdb"
    ingest([seeds_dir, EXAMPLES], db)
    return db
