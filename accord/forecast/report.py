"""One issue, every model side by side: what `accord forecast issue` and the briefing show.

Each model's forecast comes with a 90 % Monte Carlo interval; the weighted mean is always included as the
baseline. "Influential" ranks actors by their sensitivity effect summed over the models, each model's
effects divided by the scale's width so that no model dominates by its units.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from accord.forecast import cache, parallel
from accord.forecast.base import Model, Run, Stakeholders
from accord.forecast.limits import check
from accord.forecast.montecarlo import TwoWays, monte_carlo
from accord.forecast.registry import BASELINE, make
from accord.forecast.sensitivity import sensitivity

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


def forecast_issue(
    issue: str, on: dt.date | None, data: Stakeholders, models: list[Model], draws: int = 1000, seed: int = 0,
    tolerance: float | None = TOLERANCE, processes: int = 1,
) -> IssueForecast:
    """Every model's run, 90 % interval and sensitivity; kept on disk under its inputs (cache.py), so the
    same snapshot asked again, by any process, is read back instead of recomputed.

    ``processes`` > 1 lets the costliest model (the SMP) be computed in a forked child while this
    process computes the others (parallel.py): the same numbers, in less wall-clock time on a machine
    with a second core. The CLI asks for it; a server, whose workers already share the cores, does not."""
    if BASELINE not in [m.name for m in models]:
        models = [make(BASELINE), *models]
    for m in models:  # refuse before any model runs
        check(m.name, data, draws=draws, sensitivity=True, where=f"issue {issue}")
    k = cache.key("issue", data, models, draws=draws, seed=seed, tolerance=tolerance)
    kept = cache.load(k)
    if kept is not None:
        runs = {name: Run(**fields) for name, fields in kept["runs"].items()}
        return IssueForecast(issue, on, data.scale, runs, kept["intervals"], kept["used"], kept["influential"], draws, seed)
    report = _compute(issue, on, data, models, draws, seed, tolerance, processes)
    cache.save(k, report.to_cache())
    return report


def _compute(
    issue: str, on: dt.date | None, data: Stakeholders, models: list[Model], draws: int, seed: int,
    tolerance: float | None, processes: int = 1,
) -> IssueForecast:
    width = data.scale[1] - data.scale[0]

    def influence_of(m: Model) -> dict[str, float]:
        per_actor: dict[str, float] = {}
        for e in sensitivity(m, data).effects:
            per_actor[e.actor] = max(per_actor.get(e.actor, 0.0), e.effect / width)
        return per_actor

    def one(m: Model) -> _Part:
        run = m.run(data, seed=seed)
        mc = monte_carlo(m, data, draws=draws, seed=seed, tolerance=tolerance)
        return _Part(run, mc.interval(0.9)[0], mc.draws, influence_of(m))

    aside = _aside(models) if processes > 1 and parallel.available() else None
    child = two = None
    if aside is not None:
        # the child: the aside model's run and sensitivity, then its Monte Carlo draws from the first;
        # this process: the other models, then the same Monte Carlo's draws from the last (TwoWays)
        two = TwoWays(aside, data, draws, seed, tolerance)
        child = parallel.start(lambda: (aside.run(data, seed=seed), influence_of(aside), *two.forward()))
    try:
        parts = {m.name: one(m) for m in models if m is not aside}
        tail = two.backward() if two is not None and child is not None else {}
    except BaseException:
        parallel.cancel(child)
        raise
    if aside is not None:
        # the child's answer, or (it failed, crashed or could not be read) the same work done here: the
        # child only saves time, so an error is raised by this process as it would be without it
        got = parallel.finish(child)
        mc = None if got is parallel.FAILED else two.result(got[2], got[3], tail)
        if mc is None:
            parts[aside.name] = one(aside)
        else:
            parts[aside.name] = _Part(got[0], mc.interval(0.9)[0], mc.draws, got[1])
    runs, intervals, used = {}, {}, {}
    influence: dict[str, float] = {}
    for m in models:  # in the models' order, so that the influences add up in the same order
        part = parts[m.name]
        runs[m.name], intervals[m.name], used[m.name] = part.run, part.interval, part.used
        for actor, effect in part.per_actor.items():
            influence[actor] = influence.get(actor, 0.0) + effect
    ranked = sorted((a for a in influence if influence[a] > 0), key=lambda a: (-influence[a], a))
    return IssueForecast(issue, on, data.scale, runs, intervals, used, ranked[:3], draws, seed)


@dataclass
class _Part:
    """One model's share of an issue forecast."""

    run: Run
    interval: list[float]
    used: int
    per_actor: dict[str, float]


#: the model worth a process of its own: the costliest here by far (its Monte Carlo steps every draw
#: through n³ work per state); the others together cost about as much as it does
_ASIDE = "smp"


def _aside(models: list[Model]) -> Model | None:
    """The model to compute in a second process while this one computes the rest, if any."""
    found = [m for m in models if m.name == _ASIDE]
    return found[0] if found and len(models) > 1 else None
