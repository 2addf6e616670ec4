"""Backtests: forecast issues whose outcome is known, and compare each model's error with the baseline.

File format (CSV, one row per actor per issue; documented in docs/forecast.md)::

    Issue,Actor,Capability,Position,Salience,Outcome
    emissions,Germany,0.16,4,0.8,7.5
    emissions,France,0.16,10,0.6,
    fisheries,...

``Outcome`` is the value the issue settled at, on the positions' scale; give it on at least one row of
the issue (further rows may repeat it or stay empty). Optional ``ScaleMin`` and ``ScaleMax`` give the
issue's scale (default: the span of its positions and outcome). Values may carry ``±sd``; backtests use
the central values.

The score is the mean absolute error (MAE) over issues. Each model is set beside the weighted mean, with
a bootstrap interval (resampling issues) on the difference of MAEs: an interval below zero means the
model beats the baseline on these issues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from accord.forecast.base import Model, Stakeholders
from accord.forecast.inputs import (
    COLUMNS, ForecastInputError, add_actor_row, build_stakeholders, csv_rows, parse_value,
)
from accord.forecast.registry import BASELINE, make

BOOTSTRAP = 2000


@dataclass
class Case:
    issue: str
    data: Stakeholders
    outcome: float


@dataclass
class Score:
    model: str
    mae: float
    #: MAE of this model minus the baseline's, with its 95 % bootstrap interval
    difference: float
    interval: tuple[float, float]
    errors: list[float]

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "mae": self.mae,
            "baseline_mae_difference": self.difference,
            "interval95": list(self.interval),
        }


def read_backtest(path: str | Path) -> list[Case]:
    file = str(path)
    rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in csv_rows(path, ("Issue", *COLUMNS, "Outcome")):
        issue = (row.get("Issue") or "").strip()
        if not issue:
            raise ForecastInputError(file, "empty issue", line=line, field="Issue")
        rows.setdefault(issue, []).append((line, row))
    if not rows:
        raise ForecastInputError(file, "no issues")
    return [_case(file, issue, issue_rows) for issue, issue_rows in rows.items()]


def _case(file: str, issue: str, rows: list[tuple[int, dict[str, str]]]) -> Case:
    actors: list[str] = []
    cols: dict[str, list[tuple[float, float]]] = {c: [] for c in COLUMNS[1:]}
    outcomes: set[float] = set()
    bounds: dict[str, set[float]] = {"ScaleMin": set(), "ScaleMax": set()}
    for line, row in rows:
        add_actor_row(file, line, row, actors, cols, issue)
        for col, seen in (("Outcome", outcomes), ("ScaleMin", bounds["ScaleMin"]), ("ScaleMax", bounds["ScaleMax"])):
            if (row.get(col) or "").strip():
                seen.add(parse_value(row[col], file, line, col)[0])
    if len(outcomes) != 1:
        what = "no outcome" if not outcomes else f"conflicting outcomes {sorted(outcomes)}"
        raise ForecastInputError(file, f"issue {issue!r} has {what}", line=rows[0][0], field="Outcome")
    outcome = outcomes.pop()
    for col, seen in bounds.items():
        if len(seen) > 1:
            message = f"issue {issue!r} has conflicting {col} {sorted(seen)}"
            raise ForecastInputError(file, message, line=rows[0][0], field=col)
    spread = [p for p, _ in cols["Position"]] + [outcome]
    lo = bounds["ScaleMin"].pop() if bounds["ScaleMin"] else min(spread)
    hi = bounds["ScaleMax"].pop() if bounds["ScaleMax"] else max(spread)
    if not all(lo <= v <= hi for v in spread) or hi <= lo:
        message = f"issue {issue!r}: positions or outcome outside the scale {lo:g}..{hi:g}"
        raise ForecastInputError(file, message, line=rows[0][0])
    return Case(issue, build_stakeholders(actors, cols["Capability"], cols["Position"], cols["Salience"], (lo, hi)), outcome)


def backtest(
    models: Sequence[Model], cases: Sequence[Case], seed: int = 0, groups: Sequence[str] | None = None
) -> list[Score]:
    """Scores of each model (and of the baseline, which comes first whether asked for or not).

    ``groups`` (one label a case) makes the bootstrap resample whole groups rather than cases: cases
    decided together (the issues of one legislative proposal) are not independent draws, and resampling
    them one by one would give intervals narrower than the data support.
    """
    if BASELINE not in [m.name for m in models]:
        models = [make(BASELINE), *models]
    truth = np.array([c.outcome for c in cases])
    errors = {
        m.name: np.abs(np.array([m.run(c.data).forecast[0] for c in cases]) - truth) for m in models
    }
    base = errors[BASELINE]
    rng = np.random.default_rng(seed)
    if groups is None:
        resample = rng.integers(0, len(cases), size=(BOOTSTRAP, len(cases)))
    else:
        if len(groups) != len(cases):
            raise ValueError(f"{len(groups)} group labels for {len(cases)} cases")
        labels = sorted(set(groups))
        members = [np.array([i for i, g in enumerate(groups) if g == label]) for label in labels]
        picks = rng.integers(0, len(labels), size=(BOOTSTRAP, len(labels)))
        resample = [np.concatenate([members[k] for k in row]) for row in picks]
    scores = []
    for m in models:
        diff = errors[m.name] - base
        boot = diff[resample].mean(axis=1) if groups is None else np.array([diff[idx].mean() for idx in resample])
        lo, hi = np.quantile(boot, [0.025, 0.975])
        mae = float(errors[m.name].mean())
        scores.append(Score(m.name, mae, float(diff.mean()), (float(lo), float(hi)), errors[m.name].tolist()))
    scores.sort(key=lambda s: s.model != BASELINE)
    return scores
