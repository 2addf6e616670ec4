"""Concurrent readers of the case overview against `accord serve` on loopback.

``python -m bench serve [--users 200] [--requests 10] [--workers 4] [--client auto|wrk|python]
[--seconds 10] [--pg URL] [--datasette PATH]``

A fresh store (SQLite, and PostgreSQL when --pg is given) holds the built-in case; ``accord serve
--workers N`` serves it on 127.0.0.1; ``--users`` readers, one keep-alive connection each, read the
overview back to back (no think time: a closed loop): the API's brief (JSON) and the dashboard's page
(HTML), in turn. Reported: requests/s over the whole run and latency percentiles (from sending a
request to its last byte, as the client sees it: queueing in the server included), and the server's
CPU time per request (its processes' user + system time over the run, from /proc, divided by the
requests answered: what the load average of a shared machine does not change) with the requests/s one
core would give at that cost; on PostgreSQL also the CPU time of the machine's postgres processes
per request (theirs for this bench's queries, plus whatever else used that server meanwhile).

The readers: ``wrk`` (Debian's package ``wrk``; C, one thread, a Lua script naming the token and
alternating the two paths; bounded by --seconds) when it is installed, else one Python asyncio process
(bounded by users × requests), which itself takes a large share of a core. Which one ran is reported.
wrk's p95 is its own: every response's latency recorded (µs) and the 95th percentile of all of them;
the Python client's is ``statistics.quantiles`` of all latencies. In both a request waiting for a
reader's previous answer is not counted as waiting (a closed loop), so neither shows what an open
stream of arrivals would see.

``--revalidate``: the SQLite run again, each reader sending back the ETag it last got
(``If-None-Match``), as a browser revalidating a page does: the API's brief answers 304 without a body
while the case is unchanged (the dashboard's page has no ETag, and is read as before). With wrk every
reader sends the ETag the brief had before the run (what each would hold after its first read).

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
import resource
import shutil
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
        yield proc
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


def _wrk(base: str, paths: list[str], users: int, seconds: int, headers: dict[str, str],
         revalidate: bool = False) -> dict[str, float]:
    """The same readers as wrk connections (one thread), for --seconds."""
    import httpx

    per_path = [dict(headers) for _ in paths]
    if revalidate:
        for path, h in zip(paths, per_path):
            tag = httpx.get(base + path, headers=headers).headers.get("etag")
            if tag:
                h["If-None-Match"] = tag

    def lua(value: str) -> str:
        return json.dumps(value)  # a JSON string of ASCII is a Lua string literal

    formats = ", ".join(f"wrk.format('GET', {lua(p)}, {{{', '.join(f'[{lua(k)}] = {lua(v)}' for k, v in h.items())}}})"
                        for p, h in zip(paths, per_path))
    script = f"""
local reqs, n = {{}}, 0
init = function(args) reqs = {{{formats}}} end
request = function() n = n + 1; return reqs[n % #reqs + 1] end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %.0f %.0f %.0f\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as f:
        f.write(script)
        f.flush()
        done = subprocess.run(["wrk", "-t", "1", "-c", str(users), "-d", f"{seconds}s", "--timeout", "60s", "-s", f.name,
                               base + paths[0]], capture_output=True, text=True, timeout=seconds + 120)
    line = next((l for l in done.stdout.splitlines() if l.startswith("RESULT ")), None)
    if done.returncode != 0 or line is None:
        raise SystemExit(f"wrk failed: {done.stdout[-800:]} {done.stderr[-800:]}")
    n, duration_us, socket_errors, status_errors, p50, p95, p99 = (float(x) for x in line.split()[1:])
    wall = duration_us / 1e6
    return {"requests": int(n), "errors": int(socket_errors + status_errors), "wall_s": round(wall, 2),
            "rps": round(n / wall, 1), "p50_ms": round(p50 / 1000, 1), "p95_ms": round(p95 / 1000, 1),
            "p99_ms": round(p99 / 1000, 1)}


def _processes() -> dict[int, tuple[str, int, float]]:
    """Every process's name, parent and user + system CPU time (s), from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[str, int, float]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                name, rest = Path(f"/proc/{entry}/stat").read_text().split(" (", 1)[1].rsplit(")", 1)
            except (OSError, ValueError):
                continue  # gone meanwhile
            fields = rest.split()
            stats[int(entry)] = (name, int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    return stats


def _cpu_seconds(root: int) -> tuple[float, float]:
    """CPU time of a process and its descendants, and of the machine's PostgreSQL processes (which serve
    this bench's queries, and whatever else uses that server meanwhile)."""
    stats = _processes()
    tree = {root}
    for _ in range(4):  # the server, its workers, and anything they start
        tree |= {pid for pid, (_, parent, _) in stats.items() if parent in tree}
    return (sum(stats[pid][2] for pid in tree if pid in stats),
            sum(cpu for name, _, cpu in stats.values() if name == "postgres"))


def run_accord(db: str, workers: int, users: int, requests: int, revalidate: bool = False,
               client: str = "python", seconds: int = 10) -> dict[str, float]:
    token = _prepare(db)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-c", "from accord.cli.main import main; main()", "--db", db, "serve", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(workers)]
    paths = [f"/api/v1/cases/{CASE}/brief?date={DATE}", f"/?case={CASE}&date={DATE}"]
    headers = {"Authorization": f"Bearer {token}", "Cookie": f"accord_token={token}"}
    with _server(args, base + "/openapi.json") as server:
        _warm(base, paths, headers, workers)
        load = os.getloadavg()[0]
        before, own = _cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_CHILDREN)
        if client == "wrk":
            result = _wrk(base, paths, users, seconds, headers, revalidate)
        else:
            result = _client(base, paths, users, requests, headers, revalidate)
        cpu, db_cpu = (b - a for a, b in zip(before, _cpu_seconds(server.pid)))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    n = max(result["requests"], 1)
    per = cpu / n
    extra = {"postgres_cpu_ms_per_request": round(db_cpu / n * 1000, 3)} if db.startswith("postgresql") else {}
    return {"client": client, **result, "server_cpu_ms_per_request": round(per * 1000, 3),
            "rps_per_server_core": round(1 / per) if per else None, **extra,
            "client_cpu_s": round(after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime, 2),
            "load_average": f"{load:.1f} -> {os.getloadavg()[0]:.1f}"}


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
    p.add_argument("--client", choices=("auto", "wrk", "python"), default="auto",
                   help="the readers: wrk if installed (auto), or the Python asyncio client")
    p.add_argument("--seconds", type=int, default=10, help="how long wrk reads (1 to 120)")
    p.add_argument("--revalidate", action="store_true",
                   help="also measure readers sending back the ETag they got (If-None-Match: a 304 when unchanged)")
    a = p.parse_args(argv)
    if a.users < 1 or a.users > 1000 or a.requests < 1 or a.requests > 1000:
        p.error("--users and --requests: 1 to 1000")
    if not 1 <= a.seconds <= 120:
        p.error("--seconds: 1 to 120")
    client = ("wrk" if shutil.which("wrk") else "python") if a.client == "auto" else a.client
    if client == "wrk" and not shutil.which("wrk"):
        p.error("--client wrk: no wrk on PATH (Debian: apt-get install wrk)")
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    bound = f"for {a.seconds} s (wrk)" if client == "wrk" else f"x {a.requests} requests (Python asyncio client)"
    print(f"# {a.users} concurrent readers {bound} of the overview (API brief JSON, dashboard HTML)")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "accord.db")
        run = dict(client=client, seconds=a.seconds)
        print("accord sqlite    ", json.dumps(run_accord(db, a.workers, a.users, a.requests, **run)))
        if a.revalidate:
            print("accord sqlite, revalidating    ", json.dumps(run_accord(db, a.workers, a.users, a.requests, True, **run)))
        if a.pg:
            print("accord postgresql", json.dumps(run_accord(a.pg, a.workers, a.users, a.requests, **run)))
            if a.revalidate:
                print("accord postgresql, revalidating", json.dumps(run_accord(a.pg, a.workers, a.users, a.requests, True, **run)))
        if a.datasette:
            print("datasette sqlite ", json.dumps(run_datasette(a.datasette, db, a.users, a.requests)))
    return 0
