"""`newsgraph bench api`: latency of the REST API on a synthetic store of 1 M events and 200 k quotes.

The store is made by replicating and perturbing the records the real pipeline extracts from the seed corpus
(dates spread over two years, some actors and event types swapped), in DuckDB SQL. The server runs in its own
process (`newsgraph serve`); the client measures p50/p95 of each main call one at a time, then runs 100 concurrent
clients on loopback for 30 s and counts errors. Every measured request carries a parameter the API ignores, so the
response cache never answers it: the figures are cold queries against DuckDB (``cached_p50_ms`` shows a cache hit).
``--limit N`` makes N events (N/5 quotes) and a 3 s load phase.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from newsgraph.bench._api_store import build_synthetic_store

DESCRIPTION = "REST API p50/p95 latency on 1 M events / 200 k quotes, and 100 concurrent clients for 30 s"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LIST_CALLS = {
    "articles": "/api/articles",
    "articles_search": "/api/articles?q=talks",
    "events": "/api/events",
    "events_actor": "/api/events?actor=RUS",
    "events_type_range": "/api/events?type=ACCUSE,THREATEN&since=2022-06-01&until=2022-09-30",
    "events_dyad": "/api/events?dyad=USA,RUS",
    "quotes": "/api/quotes",
    "quotes_search": "/api/quotes?q=talks",
    "quotes_speakers": "/api/quotes/speakers",
    "actors": "/api/actors",
}
TIMELINE_CALLS = {
    "timeline": "/api/timeline",
    "timeline_actor": "/api/timeline?actor=USA",
    "timeline_month": "/api/timeline?interval=month&family=conflict",
}
DYAD_CALLS = {"timeline_dyads": "/api/timeline/dyads"}
OTHER_CALLS = {
    "network": "/api/network",
    "network_range": "/api/network?since=2022-03-01&until=2022-06-30&family=cooperation",
    "actor": "/api/actors/RUS",
    "article": "/api/articles/{article}",
    "errors": "/api/errors",
}


def _free_port() -> int:
    """Return a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start `newsgraph serve` on ``db`` in its own process (stderr to ``log``) and wait until it answers."""
    import httpx

    cmd = [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)]
    with log.open("wb") as err:  # a file, not a pipe: a pipe nobody reads would block the server when full
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


def _percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0..100) of ``values``, nearest-rank."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def _bust(url: str, n: int) -> str:
    """Add a parameter the API ignores, so that the response cache cannot answer (every request is cold)."""
    return f"{url}{'&' if '?' in url else '?'}_={n}"


def _sequential(base: str, calls: dict[str, str], reps: int) -> tuple[dict[str, list[float]], int]:
    """Time each call ``reps`` times, one request at a time, never from the cache; return ms per call and errors."""
    import httpx

    times: dict[str, list[float]] = {}
    errors = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url in calls.items():
            client.get(_bust(url, -1))  # warm-up: DuckDB loads the columns this call reads
            times[name] = []
            for rep in range(reps):
                started = time.perf_counter()
                r = client.get(_bust(url, rep))
                times[name].append((time.perf_counter() - started) * 1000)
                errors += r.status_code != 200
    return times, errors


async def _load(base: str, urls: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """Run ``clients`` concurrent clients, each cycling through ``urls`` (never cached), for ``seconds``."""
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=2.0)
    problems: list[str] = []

    async def client_loop(client: httpx.AsyncClient, offset: int) -> None:
        nonlocal errors
        i = offset
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                r = await client.get(_bust(urls[i % len(urls)], i * clients + offset))
                if r.status_code != 200:
                    errors += 1
                    problems.append(f"{r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                errors += 1
                problems.append(repr(exc))
            latencies.append((time.perf_counter() - started) * 1000)
            i += 1

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        await asyncio.gather(*(client_loop(client, k) for k in range(clients)))
    elapsed = time.perf_counter() - started
    return {"requests": len(latencies), "errors": errors, "seconds": elapsed, "latencies": latencies,
            "problems": problems}


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Build the synthetic store, serve it, and measure latency and errors under load."""
    events = limit or 1_000_000
    quotes = max(1, events // 5)
    seconds = 3.0 if limit else 30.0
    reps = 5 if limit else 20
    seeds = data.parent / "corpus" / "seeds"
    inputs = [p for p in (seeds, EXAMPLES) if p.exists()]
    figures: dict[str, Any] = {"events": events, "quotes": quotes, "cores": os.cpu_count() or 1}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api-bench.duckdb"
        started = time.perf_counter()
        counts = build_synthetic_store(inputs, db, events, quotes, Path(tmp))
        figures["build_s"] = round(time.perf_counter() - started, 1)
        figures.update({f"store_{k}": v for k, v in counts.items()})
        port = _free_port()
        server = _start_server(db, port, Path(tmp) / "server.log")
        try:
            figures.update(_measure(f"http://127.0.0.1:{port}", counts, reps, seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return figures


def _run_load(base: str, urls: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """Run the load phase in its own thread and event loop (the caller may already be inside one)."""
    result: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: result.update(asyncio.run(_load(base, urls, clients, seconds))))
    thread.start()
    thread.join()
    if not result:
        raise RuntimeError("the load phase failed")
    return result


def _cached(base: str, url: str, reps: int) -> float:
    """Median latency of a repeated call answered from the response cache (the store is read-only)."""
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:
        client.get(url)
        values = []
        for _ in range(reps):
            started = time.perf_counter()
            client.get(url)
            values.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(values), 1)


def _measure(base: str, counts: dict[str, Any], reps: int, seconds: float) -> dict[str, Any]:
    """Sequential latency per call, then the concurrent load phase."""
    other = {k: v.format(article=counts["sample_article"]) for k, v in OTHER_CALLS.items()}
    times, seq_errors = _sequential(base, {**LIST_CALLS, **TIMELINE_CALLS, **DYAD_CALLS, **other}, reps)
    out: dict[str, Any] = {}
    for name, values in times.items():
        out[f"{name}_p50_ms"] = round(statistics.median(values), 1)
        out[f"{name}_p95_ms"] = round(_percentile(values, 95), 1)
    out["list_calls_p95_ms"] = round(_percentile([t for k in LIST_CALLS for t in times[k]], 95), 1)
    out["timeline_calls_p95_ms"] = round(_percentile([t for k in TIMELINE_CALLS for t in times[k]], 95), 1)
    out["sequential_errors"] = seq_errors
    out["cached_p50_ms"] = _cached(base, TIMELINE_CALLS["timeline"], reps)
    mix = [*LIST_CALLS.values(), *TIMELINE_CALLS.values(), other["article"], other["actor"]]
    load = _run_load(base, mix, 100, seconds)
    out["concurrent_clients"] = 100
    out["concurrent_seconds"] = round(load["seconds"], 1)
    out["concurrent_requests"] = load["requests"]
    out["concurrent_requests_per_s"] = round(load["requests"] / load["seconds"], 1)
    out["concurrent_p50_ms"] = round(statistics.median(load["latencies"]), 1) if load["latencies"] else 0.0
    out["concurrent_p95_ms"] = round(_percentile(load["latencies"], 95), 1) if load["latencies"] else 0.0
    out["concurrent_errors"] = load["errors"]
    out["error_rate"] = round(load["errors"] / max(1, load["requests"]), 4)
    out["error_examples"] = " | ".join(sorted(set(load["problems"]))[:3]) or "none"
    return out
