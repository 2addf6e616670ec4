"""Backtest on real EU legislative decisions: the DEU III data set (run: python -m bench deu).

DEU III (Arregui & Perarnaud 2021, "A new dataset on legislative decision-making in the European Union:
the DEU III dataset", Journal of European Public Policy; data doi:10.34810/data53) records, for each
controversial issue of EU legislative proposals 1996–2019, every actor's favoured position and its
salience on a 0–100 scale and the decision's outcome, from interviews with insiders. It is not shipped
with accord and not fetched: download it yourself and point ``ACCORD_DEU_DIR`` at the folder holding
``Dataset_DEU_III.csv`` (semicolon-separated; one row per issue; ``out`` the outcome, ``p<actor>`` and
``s<actor>`` each actor's position and salience; values outside 0–100, such as 999, mean missing).
Without it the benchmark says so and exits 0.

DEU records no capabilities: every actor gets the same, so the weighted mean is the salience-weighted
mean. Issues with fewer than three actors or no outcome are left out.
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

import numpy as np

from accord.forecast.backtest import Case, backtest
from accord.forecast.base import Stakeholders
from accord.forecast.registry import make

FILE = "Dataset_DEU_III.csv"
MODELS = ("weighted-median", "nash", "eum", "smp")


def _value(cell: str) -> float | None:
    try:
        v = float(cell.strip().replace(",", "."))
    except ValueError:
        return None
    return v if 0.0 <= v <= 100.0 else None


def read_deu(path: Path, min_actors: int = 3) -> list[Case]:
    with path.open(newline="", encoding="utf-8", errors="replace") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = [h.strip() for h in rows[0]]
    col = {h: i for i, h in enumerate(header)}
    actors = [h[1:] for h in header if h.startswith("p") and "s" + h[1:] in col]
    cases = []
    for number, row in enumerate(rows[1:], start=2):
        outcome = _value(row[col["out"]]) if col.get("out") is not None and col["out"] < len(row) else None
        present = []
        for a in actors:
            p, s = col["p" + a], col["s" + a]
            pos = _value(row[p]) if p < len(row) else None
            sal = _value(row[s]) if s < len(row) else None
            if pos is not None and sal is not None:
                present.append((a, pos, sal / 100))
        if outcome is None or len(present) < min_actors:
            continue
        issue = row[col["isnr"]].strip() if "isnr" in col else f"row {number}"
        data = Stakeholders(
            tuple(a for a, _, _ in present), np.array([[p] for _, p, _ in present]),
            np.array([[s] for _, _, s in present]), np.ones(len(present)), scale=(0.0, 100.0),
        )
        cases.append(Case(issue, data, outcome))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench deu", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    folder = os.environ.get("ACCORD_DEU_DIR", "")
    path = Path(folder) / FILE
    if not folder or not path.is_file():
        print(f"DEU backtest skipped: set ACCORD_DEU_DIR to a folder holding {FILE} (doi:10.34810/data53)")
        return 0
    cases = read_deu(path)
    scores = backtest([make(m) for m in MODELS], cases, seed=args.seed)
    print(f"DEU III: {len(cases)} issues with an outcome and at least 3 actors ({path})\n")
    print("| model | MAE | − weighted mean | 95 % bootstrap interval |")
    print("|---|---:|---:|---|")
    for s in scores:
        lo, hi = s.interval
        print(f"| {s.model} | {s.mae:.2f} | {s.difference:+.2f} | {lo:+.2f} .. {hi:+.2f} |")
    losers = [s.model for s in scores[1:] if s.interval[0] > 0]
    print("\nworse than the weighted mean (interval above 0): " + (", ".join(losers) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
