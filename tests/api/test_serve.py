"""`newsgraph serve`: loopback by default, a warning otherwise, a clear error without a store."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.cli.serve import is_loopback


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_serve_warns_off_loopback_and_needs_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    out = result.output
    assert "warning" in out and "0.0.0.0" in out and "NG204" in out and "newsgraph ingest" in out


def test_serve_is_loopback_by_default(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "warning" not in result.output
