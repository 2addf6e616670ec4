"""Concurrent readers of the case overview against `accord serve` on loopback.

``python -m bench serve [--users 200] [--requests 10] [--workers 4] [--pg URL] [--datasette PATH]``

A fresh store (SQLite, and PostgreSQL when --pg is given) holds the built-in case; ``accord serve
--workers N`` serves it on 127.0.0.1; ``--users`` clients in one separate process (asyncio, one
connection each, keep-alive) each read the overview ``--requests`` times back to back: the API's
brief (JSON) and the dashboard's page (HTML), in turn. Reported: requests/s over the whole run and
latency percentiles (from sending a request to its last byte, as the client sees it: queueing in the
server included). Bounded: users × requests requests, then the server is stopped.

``--revalidate``: the SQLite run again, each reader sending back the ETag it last got
(``If-None-Match``), as a browser revalidating a page does: the API's brief answers 304 without a body
while the case is unchanged (the dashboard's page has no ETag, and is read as before).

``--datasette PATH``: the datasette program (installed apart, it is not a dependency of accord) is
started on the same SQLite file with the same number of workers... datasette has one process, so it
runs as one; its table page ``/accord/record.json?_size=20`` is read the same way, as a peer on the
same machine and data, not the same query.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

CASE = "syria-2015"
DATE = "2016-03-06"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _server(args: list[str], url: str, env: dict[str, str] | None = None):
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    import httpx

    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"server exited: {proc.stderr.read().decode()[-1500:]}")
            try:
                httpx.get(url, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start")
                time.sleep(0.3)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _prepare(db: str) -> str:
    from accord.record.bundle import read_bundle
    from accord.store import Store, users

    store = Store.open(db)
    bundle = read_bundle(CASE)
    store.load(bundle.id, bundle.records, "bench", source=CASE)
    token = users.add(store, f"bench-{os.getpid()}-{time.monotonic_ns()}", "viewer")[1]
    store.close()
    return token


async def _load(base: str, paths: list[str], users: int, requests: int, headers: dict[str, str],
                revalidate: bool = False) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0

    async def reader(k: int) -> None:
        nonlocal errors
        tags: dict[str, str] = {}  # with revalidate: the ETag each path last answered, sent back
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as c:
            for i in range(requests):
                path = paths[(k + i) % len(paths)]
                t = time.perf_counter()
                try:
                    r = await c.get(path, headers={"If-None-Match": tags[path]} if path in tags else None)
                except httpx.HTTPError:
                    errors += 1  # counted, not timed: a refused or timed-out request has no latency
                    continue
                latencies.append(time.perf_counter() - t)
                if r.status_code not in ((200, 304) if revalidate else (200,)):
                    errors += 1
                if revalidate and "etag" in r.headers:
                    tags[path] = r.headers["etag"]

    start = time.perf_counter()
    await asyncio.gather(*(reader(k) for k in range(users)))
    wall = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "errors": errors, "wall_s": round(wall, 2),
            "rps": round(len(latencies) / wall, 1), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1)}


def _client(base: str, paths: list[str], users: int, requests: int, headers: dict[str, str],
            revalidate: bool = False) -> dict[str, float]:
    """The load, from a separate process (the bench's own imports stay out of it)."""
    code = ("import asyncio, json, sys; from bench.serve_bench import _load; "
            "a = json.loads(sys.argv[1]); print(json.dumps(asyncio.run(_load(*a))))")
    done = subprocess.run([sys.executable, "-c", code, json.dumps([base, paths, users, requests, headers, revalidate])],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise SystemExit(f"the load process failed: {done.stderr[-1500:]}")
    return json.loads(done.stdout)


def run_accord(db: str, workers: int, users: int, requests: int, revalidate: bool = False) -> dict[str, float]:
    token = _prepare(db)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-c", "from accord.cli.main import main; main()", "--db", db, "serve", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(workers)]
    paths = [f"/api/v1/cases/{CASE}/brief?date={DATE}", f"/?case={CASE}&date={DATE}"]
    headers = {"Authorization": f"Bearer {token}", "Cookie": f"accord_token={token}"}
    with _server(args, base + "/openapi.json"):
        _warm(base, paths, headers, workers)
        return _client(base, paths, users, requests, headers, revalidate)


def _warm(base: str, paths: list[str], headers: dict[str, str], workers: int) -> None:
    """Until every worker has built the overview once (the first build runs the forecasts): batches of
    concurrent readers until one has no slow answer, at most 20."""
    for _ in range(20):
        if _client(base, paths, 4 * workers, 2, headers)["p99_ms"] < 1000:
            return


def run_datasette(program: str, db: str, users: int, requests: int) -> dict[str, float]:
    port = _port()
    base = f"http://127.0.0.1:{port}"
    name = Path(db).stem
    with _server([program, "serve", db, "--host", "127.0.0.1", "--port", str(port)], base + "/-/versions.json"):
        paths = [f"/{name}/record.json?_size=20", f"/{name}/record?_size=20"]
        _warm(base, paths, {}, 1)
        return _client(base, paths, users, requests, {})


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench serve", description=__doc__.splitlines()[0])
    p.add_argument("--users", type=int, default=200)
    p.add_argument("--requests", type=int, default=10, help="per user")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--pg", help="a PostgreSQL URL (an empty database or schema) to measure beside SQLite")
    p.add_argument("--datasette", help="path of a datasette program to measure beside accord")
    p.add_argument("--revalidate", action="store_true",
                   help="also measure readers sending back the ETag they got (If-None-Match: a 304 when unchanged)")
    a = p.parse_args(argv)
    if a.users < 1 or a.users > 1000 or a.requests < 1 or a.requests > 1000:
        p.error("--users and --requests: 1 to 1000")
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    print(f"# {a.users} concurrent readers x {a.requests} requests of the overview (API brief JSON, dashboard HTML)")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "accord.db")
        print("accord sqlite    ", json.dumps(run_accord(db, a.workers, a.users, a.requests)))
        if a.revalidate:
            print("accord sqlite, revalidating    ", json.dumps(run_accord(db, a.workers, a.users, a.requests, True)))
        if a.pg:
            print("accord postgresql", json.dumps(run_accord(a.pg, a.workers, a.users, a.requests)))
        if a.datasette:
            print("datasette sqlite ", json.dumps(run_datasette(a.datasette, db, a.users, a.requests)))
    return 0
