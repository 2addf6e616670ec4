"""Monitor speed: merge 1M generated reports, compliance over 1M incidents (after load), import rows/s.

Run: .venv/bin/python -m bench.monitor_speed [--reports 1000000]
Merge and compliance are timed in-process on one core (numpy/scipy, no threads asked for); import is
parse + validate into reports (no store write), from an ACLED CSV written from the generator.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--import-rows", type=int, default=100_000)
    args = ap.parse_args()
    from accord.monitor import merging, synthetic
    from accord.monitor.ceasefire import ceasefire
    from accord.monitor.columns import Columns
    from accord.monitor.compliance import compliance
    from accord.monitor.violations import Judgement
    from accord.record.bundle import read_bundle
    from accord.record.snapshot import Snapshot

    n_inc = int(args.reports / 1.87)  # the generator averages ~1.87 reports an incident
    f, truth = synthetic.generate(n_inc, seed=1)
    t0 = time.perf_counter()
    pairs = merging.candidates(f)
    acc = pairs.score >= merging.Thresholds().accept
    labels = merging.clusters(len(f), pairs.i[acc], pairs.j[acc])
    merge_s = time.perf_counter() - t0
    p, r = merging.pair_quality(labels, truth)
    print(f"merge: {len(f):,} reports in {merge_s:.2f} s; precision {p:.4f} recall {r:.4f}")

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

    from accord.monitor.importer import read_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acled.csv"
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities"])
            for k in range(args.import_rows):
                w.writerow([f"SYN{k}", "2016-03-0%d" % (1 + k % 9), 1, "Battles", "Armed clash",
                            "Military Forces of Syria (2000-)", "Jaysh al-Islam", "Syria", "Idleb", "Saraqib",
                            35.864, 36.805, 1, k % 4])
        t0 = time.perf_counter()
        parsed = read_file(snap, path, "acled")
        imp_s = time.perf_counter() - t0
    print(f"import: {len(parsed.reports):,} ACLED rows parsed and validated in {imp_s:.2f} s = {len(parsed.reports) / imp_s:,.0f} rows/s")


if __name__ == "__main__":
    main()
