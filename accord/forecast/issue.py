"""An issue's forecast by every model, as `accord forecast issue`, the briefing and the API show it, and
the same read back from the forecast cache (accord.forecast.cache) without NumPy or any model's code.

Computing it is accord.forecast.report's work; a read of a forecast computed before (any process, the
same snapshot, models and options) needs only the inputs' numbers to find the cache entry (``kept``):
a read command asking again pays for its start-up and the entry's JSON, not for the models' imports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from accord.forecast import cache
from accord.forecast.base import Run
from accord.forecast.registry import BASELINE

if TYPE_CHECKING:
    from accord.forecast.inputs import IssueRows

#: Monte Carlo stops once both ends of the 90 % interval are known within ± this share of the scale's width
#: (see ``accord.forecast.montecarlo.monte_carlo``); the draws asked for are the most it uses
TOLERANCE = 0.01


@dataclass
class IssueForecast:
    issue: str
    date: dt.date | None
    scale: tuple[float, float]
    runs: dict[str, Run]
    intervals: dict[str, list[float]]
    #: the Monte Carlo draws each model's interval used (fewer than ``draws`` when it settled early)
    used: dict[str, int]
    influential: list[str]
    draws: int
    seed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "issue": self.issue,
            "date": self.date.isoformat() if self.date else None,
            "scale": list(self.scale),
            "models": {
                name: {
                    "forecast": run.forecast[0],
                    "interval": self.intervals[name],
                    "draws": self.used[name],
                    "states": run.states,
                    # False: the model was still moving when its rounds ran out (null: it does not say)
                    "settled": run.detail.get("settled"),
                    "outcomes": [o[0] for o in run.outcomes],
                }
                for name, run in self.runs.items()
            },
            "baseline": BASELINE,
            "influential": self.influential,
            "draws": self.draws,
            "seed": self.seed,
        }

    def to_cache(self) -> dict[str, Any]:
        return {
            "runs": {name: asdict(run) for name, run in self.runs.items()},
            "intervals": self.intervals, "used": self.used, "influential": self.influential,
        }

    @classmethod
    def from_cache(cls, issue: str, on: dt.date | None, scale: tuple[float, float], kept: dict[str, Any],
                   draws: int, seed: int) -> IssueForecast:
        runs = {name: Run(**fields) for name, fields in kept["runs"].items()}
        return cls(issue, on, scale, runs, kept["intervals"], kept["used"], kept["influential"], draws, seed)


def with_baseline(names: list[str]) -> list[str]:
    """The models an issue forecast runs: those named, after the baseline unless it is among them."""
    return names if BASELINE in names else [BASELINE, *names]


def kept(rows: IssueRows, on: dt.date | None, names: list[str], draws: int = 1000, seed: int = 0,
         tolerance: float | None = TOLERANCE) -> IssueForecast | None:
    """The forecast ``accord.forecast.report.forecast_issue`` gives of these inputs and of the models of
    these names as ``make`` builds them, if it was computed before and is in the cache; else None (then
    compute it). Its key is the one computing it saves under: the models' part comes from
    ``cache.default_models``, recorded by the first computation under this version of the code."""
    defaults = cache.default_models()
    if defaults is None or any(name not in defaults for name in names):
        return None
    models = [defaults[name] for name in with_baseline(names)]
    k = cache.digest("issue", rows.described(), models, draws=draws, seed=seed, tolerance=tolerance)
    entry = cache.load(k)
    if entry is None:
        return None
    return IssueForecast.from_cache(rows.issue, on, rows.scale, entry, draws, seed)
