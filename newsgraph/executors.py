"""Where the per-document function runs: inline, a local process pool, or a Dask cluster.

The store is written by the driver only (DuckDB has one writer); workers run the pure
``process_batch`` function and send results back. For a crawl too big for one machine, start a Dask
scheduler and workers on the cluster and pass its address (``--scheduler tcp://host:8786``): the same
code runs there. Raw bytes are read by the driver and shipped to the workers.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from newsgraph.errors import ConfigError


class ResultFuture(Protocol):
    """The part of a future the batch runner uses (concurrent.futures and Dask futures both have it)."""

    def result(self) -> Any:
        """Wait for and return the result."""


class Executor:
    """Submit batches somewhere and collect their results in order."""

    def __init__(self, submit: Callable[..., ResultFuture], close: Callable[[], None], parallelism: int) -> None:
        self.submit = submit
        self.close = close
        self.parallelism = parallelism


def make_executor(workers: int = 1, scheduler: str | None = None) -> Executor | None:
    """Return an executor for ``scheduler`` (a Dask address) or ``workers`` processes; None means inline."""
    if scheduler:
        return _dask(scheduler)
    if workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        return Executor(pool.submit, lambda: pool.shutdown(cancel_futures=True), workers)
    return None


def _dask(address: str) -> Executor:
    """Connect to a Dask distributed scheduler."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("--scheduler needs Dask: pip install 'newsgraph[dask]'") from exc
    try:
        client = Client(address, timeout=5)  # a scheduler that does not answer in 5 s is down
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values())
    return Executor(client.submit, client.close, max(1, threads))
