"""Backtest on real EU legislative decisions: the DEU III data set (run: python -m bench deu).

DEU III (Arregui & Perarnaud 2021, "A new dataset on legislative decision-making in the European Union:
the DEU III dataset", Journal of European Public Policy; data doi:10.34810/data53) records, for 364
controversial issues of 141 EU legislative proposals (1996–2019; it includes the DEU I and II waves),
every actor's favoured position and its salience on a 0–100 scale and the decision's outcome, from
interviews with insiders. It is not shipped with accord: point ``ACCORD_DEU_DIR`` at a folder holding
one of

- ``Dataset_DEU_III.csv``: the file as published (semicolon-separated);
- ``deu3.csv``: the same table re-exported tab-separated, with a line of GDP figures under the header
  and blank outcomes where the published one was invalid (github.com/blksv/predictioneers_game,
  commit 21b9737; the GDP line is not DEU's and is not read).

Both have one row per issue: ``isnr`` the issue, ``prnr`` the proposal, ``out`` the outcome, ``p<actor>``
and ``s<actor>`` each actor's position and salience (actors: ``com``, ``ep`` and the member states).
A blank cell, or a value outside 0–100 such as 999, is missing. Without the folder the benchmark says so
and exits 0.

Which actors take part in an issue: those with a position and a salience above 0 (DEU gives the
member states that had not joined, or took no part, salience 0; the SMP refuses an actor who cares about
nothing, and every model here weighs an actor by its salience, so leaving them out changes no
weighted statistic). Issues with no outcome or fewer than three such actors are left out and counted.
DEU records no capabilities: every actor gets the same, so the weighted mean is the salience-weighted
mean.

The 95 % intervals resample proposals, not issues (a cluster bootstrap): the issues of one proposal are
decided together, so resampling them one by one would claim more certainty than 351 issues carry.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from accord.forecast.backtest import Case, Score, backtest
from accord.forecast.base import Stakeholders
from accord.forecast.inputs import ForecastInputError
from accord.forecast.registry import BASELINE, make
from accord.userfiles import FileError, read_text

FILES = ("Dataset_DEU_III.csv", "deu3.csv")
MODELS = ("weighted-median", "nash", "eum", "smp")
MIN_ACTORS = 3
SCALE = (0.0, 100.0)


@dataclass
class DEU:
    """The issues read from a DEU file, what was left out, and each issue's proposal."""

    cases: list[Case]
    proposals: list[str]
    rows: int = 0
    no_outcome: int = 0
    few_actors: int = 0
    not_issues: int = 0
    actors: dict[str, int] = field(default_factory=dict)  # actors taking part, over all issues kept


def _delimiter(first_line: str) -> str:
    """The published file uses semicolons, the re-export tabs; a comma file is taken too."""
    return max(";\t,", key=first_line.count)


def _number(cell: str, file: str, line: int, column: str) -> float | None:
    """A 0–100 value, or None for missing (blank, or outside 0–100 as DEU's 999 is)."""
    text = cell.strip().strip('"').replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ForecastInputError(file, f"{cell.strip()!r} is not a number", line=line, field=column) from None
    if not np.isfinite(value):
        raise ForecastInputError(file, f"{cell.strip()!r} is not a finite number", line=line, field=column)
    return value if SCALE[0] <= value <= SCALE[1] else None


def read_deu(path: str | Path, min_actors: int = MIN_ACTORS) -> DEU:
    """The issues of a DEU file with an outcome and at least ``min_actors`` actors taking part."""
    file = str(path)
    try:
        text = read_text(path)
    except FileError as e:
        raise ForecastInputError(e.file, e.problem, line=e.line, column=e.column) from None
    first = text.partition("\n")[0]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first)))
    if not rows:
        raise ForecastInputError(file, "empty file", line=1)
    header = [h.strip().strip('"') for h in rows[0]]
    col = {h: i for i, h in enumerate(header)}
    for need in ("isnr", "out"):
        if need not in col:
            raise ForecastInputError(file, f"missing column {need!r} (not a DEU file?)", line=1)
    actors = [h[1:] for h in header if h.startswith("p") and len(h) > 1 and "s" + h[1:] in col]
    if not actors:
        raise ForecastInputError(file, "no actor columns (p<actor> beside s<actor>)", line=1)
    deu = DEU([], [])
    for line, row in enumerate(rows[1:], start=2):
        def cell(name: str) -> str:
            i = col[name]
            return row[i] if i < len(row) else ""

        issue = cell("isnr").strip()
        if not issue:  # a line that is not an issue, such as the re-export's GDP line
            deu.not_issues += 1
            continue
        deu.rows += 1
        outcome = _number(cell("out"), file, line, "out")
        present = []
        for a in actors:
            pos = _number(cell("p" + a), file, line, "p" + a)
            sal = _number(cell("s" + a), file, line, "s" + a)
            if pos is not None and sal is not None and sal > 0:
                present.append((a, pos, sal / 100))
        if outcome is None:
            deu.no_outcome += 1
            continue
        if len(present) < min_actors:
            deu.few_actors += 1
            continue
        data = Stakeholders(
            tuple(a for a, _, _ in present), np.array([[p] for _, p, _ in present]),
            np.array([[s] for _, _, s in present]), np.ones(len(present)), scale=SCALE,
        )
        deu.cases.append(Case(issue, data, outcome))
        deu.proposals.append(cell("prnr").strip() if "prnr" in col else issue)
        for a, _, _ in present:
            deu.actors[a] = deu.actors.get(a, 0) + 1
    return deu


def find_file(folder: str) -> Path | None:
    for name in FILES:
        path = Path(folder) / name
        if folder and path.is_file():
            return path
    return None


def _mae_interval(score: Score, resample: list[np.ndarray]) -> tuple[float, float]:
    errors = np.array(score.errors)
    boot = [errors[idx].mean() for idx in resample]
    lo, hi = np.quantile(boot, [0.025, 0.975])
    return float(lo), float(hi)


def table(seed: int = 0, folder: str | None = None) -> list[str]:
    """The backtest table in Markdown lines (or one line saying why it was skipped)."""
    folder = os.environ.get("ACCORD_DEU_DIR", "") if folder is None else folder
    path = find_file(folder)
    if path is None:
        where = (f"ACCORD_DEU_DIR={folder} holds neither {' nor '.join(FILES)}" if folder
                 else f"set ACCORD_DEU_DIR to a folder holding {' or '.join(FILES)}")
        return [f"DEU backtest skipped: {where} (doi:10.34810/data53; bench/deu_backtest.py)"]
    deu = read_deu(path)
    w0, c0 = time.perf_counter(), time.process_time()
    scores = backtest([make(m) for m in MODELS], deu.cases, seed=seed, groups=deu.proposals)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    # the same proposal resampling for each model's own MAE interval
    groups = sorted(set(deu.proposals))
    members = {g: np.array([i for i, p in enumerate(deu.proposals) if p == g]) for g in groups}
    rng = np.random.default_rng(seed + 1)
    resample = [np.concatenate([members[groups[k]] for k in rng.integers(0, len(groups), len(groups))])
                for _ in range(2000)]
    n_proposals = len(groups)
    sizes = [c.data.positions.shape[0] for c in deu.cases]
    lines = [
        f"DEU III ({path.name}): {len(deu.cases)} issues of {n_proposals} proposals scored, of {deu.rows} issues"
        f" in the file ({deu.no_outcome} without an outcome, {deu.few_actors} with fewer than {MIN_ACTORS}"
        f" actors taking part); {min(sizes)}–{max(sizes)} actors an issue (median {int(np.median(sizes))});"
        " positions and outcomes on 0–100; equal capabilities.",
        "",
        "| model | MAE | MAE 95 % interval | − weighted mean | 95 % interval of the difference | verdict |",
        "|---|---:|---|---:|---|---|",
    ]
    for s in scores:
        lo, hi = _mae_interval(s, resample)
        if s.model == BASELINE:
            verdict, diff = "baseline", "–"
            between = "–"
        else:
            d_lo, d_hi = s.interval
            verdict = "worse" if d_lo > 0 else "better" if d_hi < 0 else "no different (interval spans 0)"
            diff, between = f"{s.difference:+.2f}", f"{d_lo:+.2f} .. {d_hi:+.2f}"
        lines.append(f"| {s.model} | {s.mae:.2f} | {lo:.2f} .. {hi:.2f} | {diff} | {between} | {verdict} |")
    losers = [s.model for s in scores if s.model != BASELINE and s.interval[0] > 0]
    winners = [s.model for s in scores if s.model != BASELINE and s.interval[1] < 0]
    lines += [
        "",
        "Worse than the weighted mean (the whole interval above 0): " + (", ".join(losers) or "none") + ".",
        "Better than the weighted mean (the whole interval below 0): " + (", ".join(winners) or "none") + ".",
        f"Intervals: 2000 bootstrap resamples of the {n_proposals} proposals (seed {seed}). Models run once an"
        f" issue with their default parameters: {wall:.1f} s wall, {cpu:.1f} s CPU.",
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench deu", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        print("\n".join(table(args.seed)))
    except ForecastInputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
