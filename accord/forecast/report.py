"""One issue, every model side by side: what `accord forecast issue` and the briefing show.

Each model's forecast comes with a 90 % Monte Carlo interval; the weighted mean is always included as the
baseline. "Influential" ranks actors by their sensitivity effect summed over the models, each model's
effects divided by the scale's width so that no model dominates by its units.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from accord.forecast import cache, parallel
from accord.forecast.base import Model, Run, Stakeholders
from accord.forecast.issue import TOLERANCE, IssueForecast, with_baseline
from accord.forecast.limits import check
from accord.forecast.montecarlo import Claims as TwoWaysClaims
from accord.forecast.montecarlo import TwoWays, monte_carlo
from accord.forecast.registry import BASELINE, make
from accord.forecast.sensitivity import sensitivity


def forecast_issue(
    issue: str, on: dt.date | None, data: Stakeholders, models: list[Model], draws: int = 1000, seed: int = 0,
    tolerance: float | None = TOLERANCE, processes: int = 1,
) -> IssueForecast:
    """Every model's run, 90 % interval and sensitivity; kept on disk under its inputs (cache.py), so the
    same snapshot asked again, by any process, is read back instead of recomputed.

    ``processes`` > 1 lets a second process (``Helper``, forked once the forecast is known not to be in
    the cache) compute the compiled models: the same numbers, in less wall-clock time on a machine with
    a second core. The CLI asks for it; a server, whose workers already share the cores, does not. The
    helper is started and ended here, whatever happens."""
    helper = None
    try:
        names = [m.name for m in models]
        if with_baseline(names) != names:
            models = [make(BASELINE), *models]
        for m in models:  # refuse before any model runs
            check(m.name, data, draws=draws, sensitivity=True, where=f"issue {issue}")
        k = cache.key("issue", data, models, draws=draws, seed=seed, tolerance=tolerance)
        kept = cache.load(k)
        if kept is not None:
            return IssueForecast.from_cache(issue, on, data.scale, kept, draws, seed)
        if processes > 1:
            helper = Helper.start([m.name for m in models])
        report = _compute(issue, on, data, models, draws, seed, tolerance, helper)
    finally:
        if helper is not None:
            helper.cancel()
    cache.save(k, report.to_cache())
    cache.remember_default_models()
    return report


#: the models a helper process computes: those with compiled kernels, so this process need not load
#: Numba. The SMP (the costliest here by far: its Monte Carlo steps every draw through n³ work per
#: state) shares its Monte Carlo with this process (TwoWays); the EUM is computed whole there.
_SHARED, _HELPED = "smp", ("eum",)


class Helper:
    """A second process for an issue forecast, forked once the forecast is known not to be cached: it
    loads Numba and the kernels (≈ 0.4 s of CPU) while this process computes the models in NumPy, then
    computes its share of the models (``_compute``). It only saves time: whatever it fails to return, this
    process computes itself."""

    def __init__(self, child: parallel.Child, claims: TwoWaysClaims):
        self.child, self.claims = child, claims

    @classmethod
    def start(cls, names: list[str]) -> Helper | None:
        """A helper for these models, or None (no second CPU, forking off, or nothing compiled to run)."""
        if not parallel.available() or not (_SHARED in names or any(n in _HELPED for n in names)):
            return None
        claims = TwoWaysClaims()
        child = parallel.worker(_warm_kernels, lambda job: _helper_work(claims, *job))
        return None if child is None else cls(child, claims)

    def cancel(self) -> None:
        parallel.cancel(self.child)


def _warm_kernels() -> None:
    """Load the compiled kernels (Numba's CPU target and the cached code) on tiny inputs of the types
    the models use; it changes no number, only when the loading is paid."""
    from accord.forecast.eum import ExpectedUtility
    from accord.forecast.smp import kernel

    tiny = Stakeholders(("a", "b", "c"), np.array([[0.0], [50.0], [100.0]]), np.ones((3, 1)), np.ones(3))
    eum = ExpectedUtility()
    eum.run(tiny)
    eum.forecast_batch(tiny.positions[None], tiny.salience[None], tiny.capability[None], tiny.scale)
    ones = np.ones((1, 3, 3))
    index = np.array([0], dtype=np.int64)
    kernel.third_party_votes(ones, ones, np.ones((1, 3)), index, index + 1, index + 2, 0, 0, 1e-10)
    kernel.coalitions(np.ones((1, 3)), np.ones((1, 3, 2)), 0, 1e-8)


def _influence(m: Model, data: Stakeholders) -> dict[str, float]:
    """Each actor's largest sensitivity effect on the model's forecast, as a share of the scale."""
    width = data.scale[1] - data.scale[0]
    per_actor: dict[str, float] = {}
    for e in sensitivity(m, data).effects:
        per_actor[e.actor] = max(per_actor.get(e.actor, 0.0), e.effect / width)
    return per_actor


def _one(m: Model, data: Stakeholders, draws: int, seed: int, tolerance: float | None) -> _Part:
    run = m.run(data, seed=seed)
    mc = monte_carlo(m, data, draws=draws, seed=seed, tolerance=tolerance)
    return _Part(run, mc.interval(0.9)[0], mc.draws, _influence(m, data))


def _helper_work(
    claims: TwoWaysClaims, data: Stakeholders, helped: list[Model], shared: Model | None, draws: int, seed: int,
    tolerance: float | None,
) -> tuple[dict[str, _Part], tuple[Any, ...] | None]:
    """In the helper: the helped models whole; the shared model's run, sensitivity and Monte Carlo
    draws from the first forward."""
    parts = {m.name: _one(m, data, draws, seed, tolerance) for m in helped}
    if shared is None:
        return parts, None
    run, per_actor = shared.run(data, seed=seed), _influence(shared, data)
    head, head_settled = TwoWays(shared, data, draws, seed, tolerance, claims, first=False).forward()
    return parts, (run, per_actor, head, head_settled)


def _compute(
    issue: str, on: dt.date | None, data: Stakeholders, models: list[Model], draws: int, seed: int,
    tolerance: float | None, helper: Helper | None = None,
) -> IssueForecast:
    shared = next((m for m in models if m.name == _SHARED), None) if helper is not None else None
    helped = [m for m in models if m.name in _HELPED] if helper is not None else []
    here = [m for m in models if m is not shared and m not in helped]
    parts: dict[str, _Part] = {}
    tail: dict[int, np.ndarray] = {}
    two = None
    if helper is not None:
        if shared is not None:  # the counters set before the helper can take up its share
            two = TwoWays(shared, data, draws, seed, tolerance, helper.claims)
        parallel.send(helper.child, (data, helped, shared, draws, seed, tolerance))
    parts.update((m.name, _one(m, data, draws, seed, tolerance)) for m in here)
    if two is not None:
        tail = two.backward()  # the shared Monte Carlo from its last draw, until the helper's part
    if helper is not None:
        got = parallel.finish(helper.child)
        theirs, mine = ({}, None) if got is parallel.FAILED else got
        for m in helped:  # what the helper did not return is computed here
            parts[m.name] = theirs.get(m.name) or _one(m, data, draws, seed, tolerance)
        if shared is not None:
            mc = None if mine is None else two.result(mine[2], mine[3], tail)
            parts[shared.name] = (
                _one(shared, data, draws, seed, tolerance) if mc is None
                else _Part(mine[0], mc.interval(0.9)[0], mc.draws, mine[1])
            )
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
