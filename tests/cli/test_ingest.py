"""`newsgraph ingest` as a user runs it: exit codes, and resuming after SIGINT or SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph import open_store

NEWSGRAPH = [sys.executable, "-m", "newsgraph"]


def _corpus(folder: Path, seeds_dir: Path, copies: int) -> int:
    """Write ``copies`` distinct variants of each seed page; return the number of documents."""
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for i in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8") + f"\nPage view {i}.\n"
            (folder / f"{i:03d}_{seed.name}").write_text(text, encoding="utf-8")
    return copies * len(seeds)


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(NEWSGRAPH + args, capture_output=True, text=True, timeout=600)


def _interrupt_after_first_batch(args: list[str], sig: int) -> None:
    """Start an ingest, wait until a batch is stored, then send ``sig``."""
    proc = subprocess.Popen(NEWSGRAPH + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if " new · " in line and not line.startswith("0 read"):
            break
    os.kill(proc.pid, sig)
    proc.wait(timeout=120)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, seeds_dir: Path, sig: int) -> None:
    n = _corpus(tmp_path / "in", seeds_dir, copies=8)
    db = str(tmp_path / "s.duckdb")
    args = ["ingest", str(tmp_path / "in"), "--db", db, "--batch-size", "2", "--no-link"]
    _interrupt_after_first_batch(args, sig)
    with open_store(db) as store:
        kept = store.counts()["documents"]
    assert 0 < kept < n
    done = _run(args)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{kept} already stored" in done.stdout.replace("\n", " ")
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == counts["articles"] == n
        dupes = store.query("SELECT count(*) - count(DISTINCT id) AS d FROM articles")[0]["d"]
        assert dupes == 0


def test_exit_code_and_error_table_when_some_documents_fail(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes((seeds_dir / "002_99d83c1f32e66555.txt").read_bytes())
    (folder / "bad.bin").write_bytes(b"\x00" * 100)
    result = _run(["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")])
    assert result.returncode == 1
    assert "NG102" in result.stdout and "binary" in result.stdout


def test_unknown_store_error_is_one_clear_line(tmp_path: Path) -> None:
    result = _run(["export", "--db", str(tmp_path / "missing.duckdb"), "--out", str(tmp_path / "x.jsonl")])
    assert result.returncode == 2
    assert "NG204" in result.stderr and "Traceback" not in result.stderr
