"""Monitor speed: merge 1M generated reports, compliance over 1M incidents (after load), import rows/s.

Run: .venv/bin/python -m bench monitor [--reports 1000000] [--import-rows 200000] [--parts merge,compliance,import]
[--pg [URL]]
Merge and compliance are timed in-process on one core (numpy/scipy, no threads asked for). Import, from
an ACLED-shaped CSV written by ``acled_csv`` (below): parse + validate into reports in-process (no store
write), then the whole command, ``accord monitor import FILE --format acled``, as a process of its own
into a fresh SQLite store holding the built-in case (start-up, reading, checks, encoding, the store
write and its commit). With ``--pg``, the whole command again into a fresh schema of that PostgreSQL
server holding the built-in case. Wall clock and CPU time (user + system) both: the machine is shared;
on PostgreSQL the server's own CPU time is not in the command's.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np


GOAL = 50_000  # rows/s (issue 8)
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
PG_SCHEMA = "accord_bench_monitor"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--import-rows", type=int, default=200_000)
    ap.add_argument("--parts", default="merge,compliance,import", help="which measures, comma-separated")
    ap.add_argument("--pg", nargs="?", const=DEFAULT_PG, default=None, metavar="URL",
                    help=f"also import into PostgreSQL (a schema accord_bench_monitor is made there; default {DEFAULT_PG})")
    args = ap.parse_args(argv)
    parts = set(args.parts.split(","))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if parts & {"merge", "compliance"}:
        _merge_and_compliance(args, parts)
    if "import" in parts:
        _import(args.import_rows, args.pg)
    return 0


def _merge_and_compliance(args: argparse.Namespace, parts: set[str]) -> None:
    from accord.monitor import merging, synthetic
    from accord.monitor.ceasefire import ceasefire
    from accord.monitor.columns import Columns
    from accord.monitor.compliance import compliance
    from accord.monitor.violations import Judgement
    from accord.record.bundle import read_bundle
    from accord.record.snapshot import Snapshot

    if "merge" in parts:
        n_inc = int(args.reports / 1.87)  # the generator averages ~1.87 reports an incident
        f, truth = synthetic.generate(n_inc, seed=1)
        t0 = time.perf_counter()
        pairs = merging.candidates(f)
        acc = pairs.score >= merging.Thresholds().accept
        labels = merging.clusters(len(f), pairs.i[acc], pairs.j[acc])
        merge_s = time.perf_counter() - t0
        p, r = merging.pair_quality(labels, truth)
        print(f"merge: {len(f):,} reports in {merge_s:.2f} s; precision {p:.4f} recall {r:.4f}")
    if "compliance" not in parts:
        return

    b = read_bundle("syria-2015")
    snap = Snapshot(b.records, b.id)
    cf = ceasefire(snap, "coh-2016")
    rng = np.random.default_rng(2)
    n = args.reports
    start = cf.start
    lo = start + rng.integers(-86400 * 3, 86400 * 60, n)
    actors = ["syria-government", "hnc", "al-nusra", "isil", "armed-opposition", "jaysh-al-islam"]
    cols = Columns(lo, lo + 86400, rng.integers(-1, len(actors), n).astype(np.int32),
                   rng.integers(-1, len(actors), n).astype(np.int32), np.zeros(n, np.int32),
                   rng.integers(1, 15, n).astype(np.int32), rng.integers(0, 5, n).astype(np.int8), actors,
                   ["SYR", *[f"SYR/area{k}" for k in range(14)]])
    t0 = time.perf_counter()
    j = Judgement(snap, cf, cols)
    out = compliance(j, "week", dt.date(2016, 2, 27), dt.date(2016, 4, 26))
    comp_s = time.perf_counter() - t0
    print(f"compliance: {n:,} incidents judged and counted by week in {comp_s:.2f} s ({out['totals']['violations']:,} violations)")



#: actors as ACLED names them (two no case of ours knows: listed as unresolved, as in real files)
ACTORS = [
    "Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", "Jaysh al-Islam", "Ahrar al-Sham",
    "Jabhat al-Nusra", "Islamic State (Syria)", "Unidentified Armed Group (Syria)", "Civilians (Syria)",
    "Harakat Nour al-Din al-Zenki", "Faylaq al-Rahman", "Police Forces of Syria (2000-)", "Free Syrian Army",
]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Strategic developments", "Looting/property destruction")]


def acled_csv(path: Path, n: int, seed: int = 3) -> None:
    """An ACLED-shaped export (ACLED's own columns, in its order) of n synthetic rows: 60 days from
    the start of the 2016 cessation, Syria's towns from the gazetteer with coordinates to 4 places,
    a dozen actor names, every row its own id and notes, ``timestamp`` a Unix time after the event."""
    from accord.monitor.gazetteer import Gazetteer

    rng = np.random.default_rng(seed)
    towns = sorted({(p.name, p.admin1, p.lat, p.lon) for p in Gazetteer.load().country("SYR").places.values()})
    day0 = dt.date(2016, 2, 20)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                    "actor2", "country", "iso", "admin1", "admin2", "location", "latitude", "longitude",
                    "geo_precision", "source", "notes", "fatalities", "timestamp"])
        days, town, a1, a2, kind = (rng.integers(0, k, n) for k in (60, len(towns), len(ACTORS), len(ACTORS), len(TYPES)))
        jitter = rng.normal(0, 0.02, (n, 2))
        deaths = rng.poisson(2, n)
        for k in range(n):
            day = day0 + dt.timedelta(days=int(days[k]))
            name, admin1, lat, lon = towns[town[k]]
            t, sub = TYPES[kind[k]]
            w.writerow([f"SYR{k + 1}", day.isoformat(), day.year, 1 + k % 3 // 2, t, sub, ACTORS[a1[k]], ACTORS[a2[k]],
                        "Syria", 760, admin1, "", name, round(lat + jitter[k, 0], 4), round(lon + jitter[k, 1], 4),
                        1 + k % 2, "SANA; SOHR", f"On {day:%d %B}, event {k} near {name}.", int(deaths[k]),
                        int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()) + 86400 * 2])


def _import(rows: int, pg_url: str | None = None) -> None:
    from accord.monitor.importer import read_file
    from accord.record.bundle import read_bundle
    from accord.record.snapshot import Snapshot

    b = read_bundle("syria-2015")
    snap = Snapshot(b.records, b.id)
    accord = [str(Path(sys.executable).with_name("accord"))]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acled.csv"
        acled_csv(path, rows)
        w0, c0 = time.perf_counter(), time.process_time()
        parsed = read_file(snap, path, "acled")
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        assert not parsed.errors and len(parsed.records) == rows, parsed.errors[:3]
        print(f"import, parse + validate: {rows:,} ACLED rows in {wall:.2f} s wall, {cpu:.2f} s CPU = "
              f"{rows / wall:,.0f} rows/s wall, {rows / cpu:,.0f} rows/s CPU (goal {GOAL:,} rows/s)")
        _whole_command(accord, str(Path(tmp) / "store.db"), path, rows, "SQLite")
        if pg_url:
            from bench.store_bench import _drop_pg_schema, _pg_target

            try:
                _whole_command(accord, _pg_target(pg_url, PG_SCHEMA), path, rows, "PostgreSQL")
            finally:
                _drop_pg_schema(pg_url, PG_SCHEMA)


def _whole_command(accord: list[str], db: str, path: Path, rows: int, backend: str) -> None:
    """The built-in case loaded into a fresh store, then the import as a user runs it, twice."""
    subprocess.run([*accord, "--db", db, "case", "load", "syria-2015"], check=True, capture_output=True)
    done, result, wall, cpu = _import_command(accord, db, path)
    assert done.returncode == 0 and result["imported"] == rows, (done.returncode, done.stderr[-500:])
    print(f"import, whole command (accord monitor import, into {backend}): {rows:,} rows in {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU = {rows / wall:,.0f} rows/s wall, {rows / cpu:,.0f} rows/s CPU (goal {GOAL:,} rows/s); "
          f"load average {os.getloadavg()[0]:.2f}")
    # the same file again: every report found unchanged (a set-based read of the current versions)
    done, result, wall, cpu = _import_command(accord, db, path)
    assert result["imported"] == 0 and result["unchanged"] == rows, (done.returncode, done.stderr[-500:])
    print(f"import, the same file again into {backend} (all unchanged): {rows:,} rows in {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU = {rows / cpu:,.0f} rows/s CPU")


def _import_command(accord: list[str], db: str, path: Path) -> tuple[Any, dict, float, float]:
    """`accord monitor import PATH --format acled --json` as a user runs it: its result, wall and CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    done = subprocess.run([*accord, "--db", db, "monitor", "import", str(path), "--format", "acled", "--json"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, json.loads(done.stdout), wall, cpu


if __name__ == "__main__":
    sys.exit(main())
