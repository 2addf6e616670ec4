"""Record store benchmark: bulk load of a generated case, point and as-of reads.

    python -m bench store                      # 100k actors, 5 issues, 1M positions; SQLite and PostgreSQL
    python -m bench store --actors 10000 --positions 100000 --no-write   # a quick run

What it measures, each backend in a fresh process (so peak RSS is that backend's alone):

1. Load: ``read_bundle`` of a generated bundle folder (YAML parse and validation), then ``store.load``
   of the validated records into an empty store: records/s end to end, and of each part.
2. Reload: the same case with a share of positions changed and some added (``--changed``): the diff
   path of ``store.load`` (every record compared, changed ones closed and appended).
3. Reads, with the store then holding every version (more than 1M with the default sizes):
   ``store.get`` of random ids (current), ``store.get(..., as_known_on=T)`` with T between the two
   loads (ids sampled among the changed ones, so the answer is the older version), and a
   ``store.snapshot`` plus ``Snapshot.positions`` for one issue.

Results go to the "## Record store" section of docs/benchmarks.md (other sections are left alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "benchmarks.md"
SECTION = "## Record store"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
CASE = "bench"
KINDS = ("state", "armed_group", "political_group", "organisation", "person", "government")


# ---------------------------------------------------------------------------------------- the case


def _month(i: int) -> str:
    y, m = divmod(i, 12)
    return f"{2015 + y}-{m + 1:02d}"


def _value(n: int, salt: int = 0) -> float:
    """A deterministic 'random' value on 0..100 with one decimal."""
    return ((n * 7919 + salt * 104729) % 1001) / 10


def generate_bundle(folder: Path, actors: int, issues: int, positions: int) -> int:
    """Write a canonical bundle (the text ``write_bundle`` would write, formatted here directly: the
    YAML dumper would take longer than the load it prepares). Returns the number of records."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in folder.glob("*.yaml"):
        p.unlink()
    (folder / "case.yaml").write_text(f"id: {CASE}\nname: Generated benchmark case\nformat: 1\n")
    (folder / "documents.yaml").write_text(
        "- id: memo\n  title: Analysts' coding memo\n  url: https://example.org/memo\n"
    )
    with open(folder / "actors.yaml", "w", encoding="utf-8") as f:
        for i in range(actors):
            kind = KINDS[i % len(KINDS)]
            f.write(f"- id: a{i:06d}\n  kind: {kind}\n  name: Actor {i}\n")
            if i % 10 == 0:
                f.write(f"  aliases:\n  - A{i}\n  - Party {i}\n")
            f.write(f"  cite:\n  - https://example.org/actors/{i}\n")
    with open(folder / "issues.yaml", "w", encoding="utf-8") as f:
        for k in range(issues):
            f.write(
                f"- id: issue-{k:02d}\n  name: Issue {k}\n  anchors:\n    '0.0': none\n    '100.0': all\n"
                f"  cite:\n  - memo\n"
            )
    with open(folder / "positions.yaml", "w", encoding="utf-8") as f:
        f.writelines(_position_yaml(n, actors, issues, positions) for n in range(positions))
    return 2 + actors + issues + positions


def _position_key(n: int, actors: int, issues: int, positions: int) -> tuple[str, str, str]:
    """The n-th position in id order: by issue, then actor, then month (as many months as needed)."""
    months = -(-positions // (actors * issues))
    pair, m = divmod(n, months)
    k, a = divmod(pair, actors)
    return f"issue-{k:02d}", f"a{a:06d}", _month(m)


def _position_yaml(n: int, actors: int, issues: int, positions: int, salt: int = 0) -> str:
    issue, actor, month = _position_key(n, actors, issues, positions)
    return (
        f"- id: {issue}.{actor}.{month}\n  issue: {issue}\n  actor: {actor}\n  value: {_value(n, salt)}\n"
        f"  salience: {(n % 10) / 10 + 0.05:.2f}\n  date: {month}\n  cite:\n  - memo:{n % 5000}-{n % 5000 + 40}\n"
    )


def check_generator(tmp: Path) -> None:
    """The generated text is the canonical form: write_bundle writes it back byte for byte."""
    from accord.record.bundle import read_bundle
    from accord.record.bundlewrite import write_bundle

    src, dst = tmp / "gen", tmp / "canon"
    generate_bundle(src, actors=50, issues=3, positions=400)
    write_bundle(read_bundle(src).records, dst)
    for p in sorted(src.glob("*.yaml")):
        if p.read_bytes() != (dst / p.name).read_bytes():
            raise SystemExit(f"generator drifted from write_bundle's canonical form: {p.name}")
    shutil.rmtree(src)
    shutil.rmtree(dst)


# ---------------------------------------------------------------------------------------- one backend


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentiles(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return {"n": len(ms), "p50_ms": q[49], "p95_ms": q[94], "p99_ms": q[98], "max_ms": ms[-1]}


def _pg_target(url: str, schema: str) -> str:
    """A fresh schema on the server, and the URL that works in it (as the test suite does)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def run_backend(args: argparse.Namespace) -> dict[str, Any]:
    """Everything measured on one backend, in this (fresh) process."""
    from accord.record.bundle import read_bundle
    from accord.record.model import Position
    from accord.store import Store
    from accord.store.store import now_utc

    out: dict[str, Any] = {"backend": args.worker}
    if args.worker == "sqlite":
        db = Path(args.workdir) / "store.db"
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        target = str(db)
    else:
        target = _pg_target(args.pg_url, "accord_bench")
    store = Store.open(target)

    # 1. load: read and validate the bundle, then write it in one transaction
    folder = Path(args.workdir) / "bundle"
    t0 = time.perf_counter()
    records = read_bundle(folder).records
    t1 = time.perf_counter()
    out["rss_after_read_mb"] = _rss_mb()
    summary = store.load(CASE, records, by="bench", source=str(folder))
    t2 = time.perf_counter()
    n = len(records)
    assert len(summary.created) == n
    out["load"] = {
        "records": n, "read_s": t1 - t0, "store_s": t2 - t1, "total_s": t2 - t0,
        "read_rps": n / (t1 - t0), "store_rps": n / (t2 - t1), "total_rps": n / (t2 - t0),
    }
    out["rss_after_load_mb"] = _rss_mb()
    if args.worker == "sqlite":
        out["db_mb"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20

    # 2. reload with a share of positions changed: the diff path
    time.sleep(0.01)
    between = now_utc()
    time.sleep(0.01)
    step = max(1, round(1 / args.changed)) if args.changed > 0 else 0
    changed: list[str] = []
    if step:
        for i, rec in enumerate(records):
            if isinstance(rec, Position) and i % step == 0:
                records[i] = rec.model_copy(update={"value": round(100 - rec.value, 1) if rec.value != 50 else 49.0})
                changed.append(rec.id)
    t0 = time.perf_counter()
    summary = store.load(CASE, records, by="bench", source=f"{folder} with {len(changed)} positions changed")
    t1 = time.perf_counter()
    assert len(summary.updated) == len(changed) and summary.unchanged == n - len(changed)
    out["reload"] = {"records": n, "changed": len(changed), "s": t1 - t0, "rps": n / (t1 - t0)}
    out["versions"] = store.count_versions()

    # 3. reads over random ids: current, and as known between the two loads
    rng = random.Random(20151218)
    ids = [r.id for r in records]
    del records
    sample = rng.sample(ids, min(args.reads, len(ids)))
    asof_sample = rng.sample(changed, min(args.reads, len(changed))) if changed else sample
    for rid in sample[:200]:  # warm the connection pool and the caches
        store.get(CASE, rid)
    timings: dict[str, list[float]] = {"get": [], "get_as_known_on": []}
    for rid in sample:
        t = time.perf_counter()
        store.get(CASE, rid)
        timings["get"].append(time.perf_counter() - t)
    for rid in asof_sample:
        t = time.perf_counter()
        store.get(CASE, rid, as_known_on=between)
        timings["get_as_known_on"].append(time.perf_counter() - t)
    # the as-of read answers with the version before the reload
    _, version = store.get_versioned(CASE, asof_sample[0], as_known_on=between)
    assert version == 1 and (not changed or store.get_versioned(CASE, asof_sample[0])[1] == 2)
    out["reads"] = {k: _percentiles(v) for k, v in timings.items()}

    # 4. a snapshot of the whole case (every record decoded), then positions on one issue
    if args.snapshot:
        t0 = time.perf_counter()
        snap = store.snapshot(CASE)
        t1 = time.perf_counter()
        first = snap.positions("issue-00")
        t2 = time.perf_counter()
        again = []
        for _ in range(3):
            t = time.perf_counter()
            snap.positions("issue-00")
            again.append(time.perf_counter() - t)
        out["snapshot"] = {
            "records": len(snap.records), "snapshot_s": t1 - t0, "positions_first_s": t2 - t1,
            "positions_s": statistics.median(again), "positions_rows": len(first),
        }
    # 5. a record page and an issue's positions at a past transaction time: through the whole snapshot
    #    (how they were read before) and through the narrow reads `accord show` and `positions` now make
    if args.snapshot:
        from accord.views import record as views
        from accord.views.positions import issue_positions

        rid = asof_sample[0]
        t0 = time.perf_counter()
        snap = store.snapshot(CASE, between)
        t1 = time.perf_counter()
        full_show = views.show(snap, rid)
        t2 = time.perf_counter()
        full_positions = views.positions(snap, "issue-00")
        t_full = time.perf_counter()
        del snap  # (freeing a million records takes seconds: not the narrow reads' time)
        t3 = time.perf_counter()
        narrow_show = views.show_record(store, CASE, rid, between)
        t4 = time.perf_counter()
        narrow_positions = issue_positions(store, CASE, "issue-00", None, between)
        t5 = time.perf_counter()
        assert narrow_show == full_show and narrow_positions == full_positions
        out["as_of_views"] = {
            "show_snapshot_s": t2 - t0, "positions_snapshot_s": (t1 - t0) + (t_full - t2),
            "show_narrow_s": t4 - t3, "positions_narrow_s": t5 - t4, "positions_rows": len(narrow_positions["positions"]),
            "cli": _time_views_cli(target, rid, between),
        }
    out["peak_rss_mb"] = _rss_mb()
    store.close()
    if not args.keep:  # the bundle stays, for the next run; the databases go
        if args.worker == "sqlite":
            for p in db.parent.glob(db.name + "*"):
                p.unlink()
        else:
            _drop_pg_schema(args.pg_url, "accord_bench")
    return out


def _time_views_cli(target: str, rid: str, at: Any) -> dict[str, dict[str, float]]:
    """`accord show ID` and `accord positions ISSUE` at a past transaction time, timed from outside
    (process start and imports included), with their peak RSS."""
    exe = Path(sys.executable).with_name("accord")
    base = [str(exe)] if exe.exists() else [sys.executable, "-c", "from accord.cli.main import main; main()"]
    when = at.isoformat(timespec="microseconds") + "Z"
    out = {}
    for name, args in (("show", ["show", rid]), ("positions", ["positions", "issue-00"])):
        cmd = [*base, "--db", target, *args, "--as-known-on", when, "--json"]
        wrapper = (
            "import json, resource, subprocess, sys, time\n"
            "t = time.perf_counter(); p = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)\n"
            "print(json.dumps({'rc': p.returncode, 'err': p.stderr[-500:], 's': time.perf_counter() - t,"
            " 'rss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
        )
        res = json.loads(subprocess.run([sys.executable, "-c", wrapper, json.dumps(cmd)], capture_output=True,
                                        text=True, check=True).stdout)
        if res["rc"] != 0:
            raise SystemExit(f"accord {' '.join(args)} failed: {res['err']}")
        out[name] = {"s": res["s"], "peak_rss_mb": res["rss_kb"] / 1024}
    return out


def _drop_pg_schema(url: str, schema: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    engine.dispose()


def time_cli(workdir: Path) -> dict[str, Any]:
    """``accord case load`` of the bundle into a fresh SQLite file, as a user runs it: the process
    start, the imports, the reading and the writing, timed from outside."""
    db = workdir / "cli.db"
    for p in workdir.glob(db.name + "*"):
        p.unlink()
    exe = Path(sys.executable).with_name("accord")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from accord.cli.main import main; main()"]
    cmd += ["--db", str(db), "case", "load", str(workdir / "bundle"), "--by", "bench", "--json"]
    # a small parent of its own, so that the peak RSS of its children is the command's alone
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter(); p = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)\n"
        "print(json.dumps({'rc': p.returncode, 'out': p.stdout, 'err': p.stderr[-2000:], 's': time.perf_counter() - t,"
        " 'rss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", wrapper, json.dumps(cmd)], capture_output=True, text=True, check=True)
    res = json.loads(proc.stdout)
    if res["rc"] != 0:
        raise SystemExit(f"accord case load failed: {res['err'].strip().splitlines()[-1:]}")
    records = json.loads(res["out"])["records"]
    for p in workdir.glob(db.name + "*"):
        p.unlink()
    return {"command": "accord --db FILE case load FOLDER --json", "records": records, "s": res["s"],
            "rps": records / res["s"], "peak_rss_mb": res["rss_kb"] / 1024}


# ---------------------------------------------------------------------------------------- the machine


def machine(pg_url: str | None) -> dict[str, Any]:
    info: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "loadavg": os.getloadavg()[0],
    }
    try:
        info["nproc"] = int(subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout)
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name"))
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal:")))
        info["ram_gb"] = round(kb / 2**20, 1)
    except (OSError, StopIteration):
        info.setdefault("cpu", platform.processor() or "unknown")
    try:
        info["commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    if pg_url:
        try:
            import sqlalchemy as sa

            engine = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
            with engine.connect() as conn:
                info["postgresql"] = conn.exec_driver_sql("SHOW server_version").scalar()
            engine.dispose()
        except Exception as e:  # noqa: BLE001 - reported, not fatal
            info["postgresql_error"] = str(e).splitlines()[0]
    return info


# ---------------------------------------------------------------------------------------- report


def render(args: argparse.Namespace, command: str, info: dict[str, Any], results: list[dict[str, Any]],
           cli: dict[str, Any] | None = None) -> str:
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    lines = [
        SECTION,
        "",
        f"Generated case: {args.actors:,} actors, {args.issues} issues, {args.positions:,} positions "
        f"({results[0]['load']['records']:,} records with the case and a document); then a reload with "
        f"{results[0]['reload']['changed']:,} positions changed, so the store holds "
        f"{results[0]['versions']:,} versions (audit entries) when it is read.",
        "",
        f"- Date: {info['date']}; commit {info.get('commit', '?')}",
        f"- Machine: {info['nproc']} CPUs ({info.get('cpu', '?')}), {info.get('ram_gb', '?')} GB RAM; "
        f"load average {info['loadavg']:.1f} at the start (a shared machine: wall times are noisy)",
        f"- Python {info['python']}, SQLite {info['sqlite']}, PostgreSQL {info.get('postgresql', 'n/a')} "
        "(local server, default settings; SQLite file in /tmp, WAL)",
        f"- Command: `{command}`",
        "",
        "Bulk load, through the path a user takes (`accord case load`): `read_bundle` of the YAML folder "
        "(parse, validate every record, check every reference), then `store.load` in one transaction.",
        "",
        "| backend | records | read_bundle | store.load | end to end | reload (diff) | peak RSS (read + load) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ld, rl = r["load"], r["reload"]
        lines.append(
            f"| {names[r['backend']]} | {ld['records']:,} | {ld['read_s']:.1f} s ({ld['read_rps']:,.0f}/s) "
            f"| {ld['store_s']:.1f} s (**{ld['store_rps']:,.0f}/s**) | {ld['total_s']:.1f} s ({ld['total_rps']:,.0f}/s) "
            f"| {rl['s']:.1f} s ({rl['rps']:,.0f}/s) | {r['rss_after_load_mb'] / 1024:.1f} GB |"
        )
    if cli:
        lines += [
            "",
            f"The same through the command line, timed from outside (process start and imports included): "
            f"`{cli['command']}` into a fresh SQLite file: {cli['s']:.1f} s, {cli['rps']:,.0f} records/s, "
            f"peak RSS {cli['peak_rss_mb'] / 1024:.1f} GB.",
        ]
    lines += [
        "",
        f"Reads, with {results[0]['versions']:,} versions in the store: `store.get` of {args.reads:,} random ids "
        "(current version), and `store.get(..., as_known_on=T)` with T between the load and the reload, of "
        "ids the reload changed (so the answer is the older version). Each call opens a pooled connection, "
        "queries, and decodes the record.",
        "",
        "| backend | read | p50 | p95 | p99 | max |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        for key, label in (("get", "point read"), ("get_as_known_on", "as-of read")):
            q = r["reads"][key]
            lines.append(
                f"| {names[r['backend']]} | {label} | {q['p50_ms']:.2f} ms | **{q['p95_ms']:.2f} ms** "
                f"| {q['p99_ms']:.2f} ms | {q['max_ms']:.1f} ms |"
            )
    if all("snapshot" in r for r in results):
        lines += [
            "",
            "Snapshot: `store.snapshot(case)` decodes every current record; `Snapshot.positions(issue)` then "
            "answers in memory (first call builds the per-kind index).",
            "",
            "| backend | records | store.snapshot | positions(issue), first | positions(issue), then | peak RSS (whole run) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for r in results:
            sn = r["snapshot"]
            lines.append(
                f"| {names[r['backend']]} | {sn['records']:,} | {sn['snapshot_s']:.1f} s | {sn['positions_first_s']:.2f} s "
                f"| {sn['positions_s'] * 1000:.0f} ms ({sn['positions_rows']:,} rows) | {r['peak_rss_mb'] / 1024:.1f} GB |"
            )
    if all("as_of_views" in r for r in results):
        lines += [
            "",
            "A record page and an issue's positions at a past transaction time (between the load and the "
            "reload; the record is one the reload changed): through the whole snapshot as known then, and "
            "through the narrow reads `accord show` and `accord positions` make (accord/store/parts.py: the "
            "record and the documents it cites; the issue, its positions and the actors shown). Both answers "
            "are checked equal. In process, then the commands timed from outside (`accord show ID "
            "--as-known-on T --json`, `accord positions issue-00 --as-known-on T --json`).",
            "",
            "| backend | show: snapshot | show: narrow | show: command (RSS) "
            "| positions: snapshot | positions: narrow | positions: command (RSS) |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results:
            v, c = r["as_of_views"], r["as_of_views"]["cli"]
            lines.append(
                f"| {names[r['backend']]} | {v['show_snapshot_s']:.1f} s | **{v['show_narrow_s'] * 1000:.0f} ms** "
                f"| {c['show']['s']:.1f} s ({c['show']['peak_rss_mb']:.0f} MB) | {v['positions_snapshot_s']:.1f} s "
                f"| **{v['positions_narrow_s']:.1f} s** ({v['positions_rows']:,} rows) "
                f"| {c['positions']['s']:.1f} s ({c['positions']['peak_rss_mb']:.0f} MB) |"
            )
    sqlite = next((r for r in results if r["backend"] == "sqlite"), None)
    if sqlite:
        ok_load = sqlite["load"]["store_rps"] >= 50_000
        ok_read = sqlite["reads"]["get_as_known_on"]["p95_ms"] <= 5
        lines += [
            "",
            f"Goals (issue 2): ≥ 50k records/s into SQLite: {'met' if ok_load else 'NOT met'} "
            f"({sqlite['load']['store_rps']:,.0f}/s for `store.load`, {sqlite['load']['total_rps']:,.0f}/s end to end "
            f"from YAML); as-of point read ≤ 5 ms p95: {'met' if ok_read else 'NOT met'} "
            f"({sqlite['reads']['get_as_known_on']['p95_ms']:.2f} ms).",
        ]
        if "db_mb" in sqlite:
            lines.append(f"SQLite file after the first load: {sqlite['db_mb']:,.0f} MB.")
    lines += [
        "",
        "Where the time goes, and what keeps it down:",
        "",
        "- `read_bundle` builds each list item straight from libyaml's parse events, one item at a time (no "
        "node tree for the whole file: PyYAML's composer is used only for anchors, explicit tags and merge "
        "keys, and to find the line of an error), then validates it with pydantic. What remains is libyaml's "
        "events (about half) and pydantic validation. Memory is the validated records themselves, about "
        "2.5 KB each.",
        "- `store.load` encodes each record once (pydantic's JSON serializer) and streams the versions of new "
        "records to the database while it encodes the rest: `COPY` on PostgreSQL, `executemany` of plain "
        "tuples in chunks on SQLite; changed and deleted records are closed by key, then appended.",
        "- Bulk reads and writes pause Python's cyclic garbage collector: a million live records made each "
        "collection walk millions of objects (a snapshot of 1.1M records took 45 s with it, 11 s without). "
        "At the end of the pause, what was made goes straight to the oldest generation (`gc.freeze()` then "
        "`gc.unfreeze()`), or the young collections would walk it all again (4 s for 1.1M records).",
        "- The as-of read needs no index of its own: the unique index on (case_id, id, version) finds the "
        "few versions of an id, the current read uses the partial unique index on current versions.",
    ]
    return "\n".join(lines) + "\n"


INTRO = """# Benchmarks

Each section is written by one benchmark in `bench/` (`python -m bench` lists them), with the machine,
the date and the command that reproduces it. Numbers depend on the machine; they are never asserted
in the test suite.
"""


def write_section(text: str, path: Path = DOC) -> None:
    """Replace this benchmark's section of docs/benchmarks.md (or add it), leaving the others alone."""
    doc = path.read_text(encoding="utf-8") if path.exists() else INTRO
    lines = doc.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == SECTION), None)
    if start is None:
        doc = doc.rstrip("\n") + "\n\n" + text
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        tail = "".join(lines[end:])
        doc = "".join(lines[:start]) + text + ("\n" + tail if tail else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc, encoding="utf-8")


# ---------------------------------------------------------------------------------------- main


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench store", description=__doc__.split("\n\n")[0])
    p.add_argument("--actors", type=int, default=100_000)
    p.add_argument("--issues", type=int, default=5)
    p.add_argument("--positions", type=int, default=1_000_000)
    p.add_argument("--changed", type=float, default=0.1, help="share of positions the reload changes (0.1)")
    p.add_argument("--reads", type=int, default=3000, help="random ids read, per kind of read (3000)")
    p.add_argument("--backends", default="sqlite,postgresql", help="sqlite,postgresql (both)")
    p.add_argument("--pg-url", default=os.environ.get("ACCORD_BENCH_PG_URL", DEFAULT_PG),
                   help=f"PostgreSQL server (a schema accord_bench is made there; default {DEFAULT_PG})")
    p.add_argument("--workdir", default="/tmp/accord-bench", help="bundle and SQLite file (/tmp/accord-bench)")
    p.add_argument("--no-snapshot", dest="snapshot", action="store_false", help="skip the snapshot timing")
    p.add_argument("--no-cli", dest="cli", action="store_false", help="skip timing `accord case load` itself")
    p.add_argument("--keep", action="store_true", help="keep the SQLite file and the accord_bench schema")
    p.add_argument("--no-write", dest="write", action="store_false", help=f"print, do not update {DOC.relative_to(REPO)}")
    p.add_argument("--worker", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.worker:
        print(json.dumps(run_backend(args)))
        return 0
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not set(backends) <= {"sqlite", "postgresql"}:
        raise SystemExit(f"--backends: sqlite and/or postgresql, not {args.backends!r}")
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    info = machine(args.pg_url if "postgresql" in backends else None)
    if "postgresql" in backends and "postgresql" not in info:
        print(f"PostgreSQL at {args.pg_url} does not answer ({info.get('postgresql_error')}); skipping it", file=sys.stderr)
        backends.remove("postgresql")

    check_generator(workdir)
    sizes = {"actors": args.actors, "issues": args.issues, "positions": args.positions, "v": 1}
    marker = workdir / "bundle-sizes.json"  # beside the bundle: a bundle folder holds bundle files only
    if not marker.exists() or json.loads(marker.read_text()) != sizes:
        t = time.perf_counter()
        n = generate_bundle(workdir / "bundle", args.actors, args.issues, args.positions)
        marker.write_text(json.dumps(sizes))
        print(f"generated {n:,} records in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    results = []
    for backend in backends:
        print(f"{backend}: loading, reloading, reading...", file=sys.stderr)
        cmd = [sys.executable, "-m", "bench", "store", *argv, "--worker", backend]
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"{backend}: the benchmark failed")
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    cli = time_cli(workdir) if "sqlite" in backends and args.cli else None
    info["loadavg_end"] = os.getloadavg()[0]

    command = "python -m bench store" + ("" if not argv else " " + " ".join(argv))
    text = render(args, command, info, results, cli)
    print(text)
    raw = workdir / "store_bench.json"
    raw.write_text(json.dumps({"command": command, "machine": info, "results": results, "cli": cli}, indent=1))
    print(f"all figures: {raw}", file=sys.stderr)
    if args.write:
        write_section(text)
        print(f"wrote the {SECTION!r} section of {DOC}", file=sys.stderr)
    return 0
