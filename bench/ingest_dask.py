"""Ingest throughput: the local engine (--workers 1 and 2) beside Dask (1 and 2 workers), in one run.

Whole process against whole process: each configuration is `accord ingest ARCHIVE --case bench --json`
into a fresh SQLite store, timed by the wall clock from start to exit (cluster start-up included), the
peak resident memory of the client and of each worker process sampled with psutil every 0.1 s, and the
CPU time of the whole process tree (each process's last reading, within 0.1 s of its exit). Each is run
--repeat times and the median kept: the machine is shared with other engineers' work.

    python -m bench ingest-dask [--articles 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

CONFIGS = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]


def _case(db: str) -> None:
    from accord.record.model import Case
    from accord.store import Store

    store = Store.open(db)
    with store.unit_of_work("bench", by="bench") as uow:
        uow.put(Case(id="bench", name="Benchmark"))
    store.close()


def _sample(proc: psutil.Process, peaks: dict[int, tuple[str, int]], cpu: dict[int, float],
            stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            family = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for p in family:
            try:
                rss = p.memory_info().rss
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system  # the last reading before it exits (within 0.1 s)
                name = "client" if p.pid == proc.pid else " ".join(p.cmdline()[-2:])[-40:]
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            if rss > peaks.get(p.pid, ("", 0))[1]:
                peaks[p.pid] = (name, rss)
        stop.wait(0.1)


def run_one(archive: Path, engine: str, workers: int, folder: Path) -> dict:
    db = str(folder / f"{engine}-{workers}-{time.monotonic_ns()}.db")
    _case(db)
    cmd = [sys.executable, "-c", "from accord.cli.main import main; main()", "--db", db, "ingest", str(archive),
           "--case", "bench", "--json", "--engine", engine, "--workers", str(workers)]
    peaks: dict[int, tuple[str, int]] = {}
    cpu: dict[int, float] = {}
    stop = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = threading.Thread(target=_sample, args=(psutil.Process(proc.pid), peaks, cpu, stop))
    sampler.start()
    assert proc.stdout is not None
    lines = sum(1 for _ in proc.stdout)
    proc.wait()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    client = next(rss for pid, (name, rss) in peaks.items() if name == "client")
    others = sorted((rss for name, rss in peaks.values() if name != "client"), reverse=True)
    return {"wall_s": wall, "cpu_s": sum(cpu.values()), "lines": lines, "client_mb": client / 2**20,
            "worker_peak_mb": [round(r / 2**20) for r in others[:workers]] if others else []}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench ingest-dask", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--configs", default=",".join(f"{e}x{w}" for e, w in CONFIGS),
                    help="which to run, e.g. daskx1,daskx2 (default: all four)")
    args = ap.parse_args(argv)
    names = {f"{e}x{w}": (e, w) for e, w in CONFIGS}
    wanted = args.configs.split(",")
    unknown = [c for c in wanted if c not in names]
    if unknown:
        raise SystemExit(f"--configs: unknown {', '.join(unknown)}; choose from {', '.join(names)}")
    configs = [names[c] for c in wanted]
    from accord.ingest.synthetic import write_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = folder / "archive.jsonl"
        size = write_jsonl(str(archive), args.articles, seed=21)
        rows = {}
        for engine, workers in configs:
            load = round(os.getloadavg()[0], 2)
            runs = [run_one(archive, engine, workers, folder) for _ in range(args.repeat)]
            wall = statistics.median(r["wall_s"] for r in runs)
            cpu = statistics.median(r["cpu_s"] for r in runs)
            assert all(r["lines"] == args.articles for r in runs)
            rows[f"{engine} x{workers}"] = {
                "wall_s": round(wall, 1), "articles_per_s": round(args.articles / wall, 1),
                "cpu_s": round(cpu, 1), "cpu_ms_per_article": round(1000 * cpu / args.articles, 2),
                "load_average_at_start": load,
                "client_peak_mb": round(max(r["client_mb"] for r in runs)),
                "worker_peak_mb": max((r["worker_peak_mb"] for r in runs), key=lambda x: sum(x))}
            print(f"{engine} x{workers}: {rows[f'{engine} x{workers}']}", file=sys.stderr, flush=True)
    if "local x1" in rows:
        base = rows["local x1"]["wall_s"]
        for row in rows.values():
            row["speed_vs_local_x1"] = round(base / row["wall_s"], 2)
    out = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "articles": args.articles,
           "archive_mb": round(size / 2**20, 1), "repeat": args.repeat, "cpus": os.cpu_count(),
           "load_average_at_end": [round(x, 2) for x in os.getloadavg()], "runs": rows}
    one = rows.get("dask x1")
    if one:
        out["dask_per_worker_articles_per_s"] = one["articles_per_s"]
        out["estimate_16_workers_articles_per_hour"] = round(16 * one["articles_per_s"] * 3600)
        # the same from CPU time, which the machine's other work does not inflate: what 16 busy cores do
        out["estimate_16_workers_articles_per_hour_from_cpu"] = round(16 * 3600 * 1000 / one["cpu_ms_per_article"])
    print(json.dumps(out, indent=2))
    return 0
