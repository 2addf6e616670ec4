"""The asymmetric Nash bargaining solution, one dimension at a time.

Formulation (documented in docs/forecast.md): the outcome y maximises

    sum_i  w_i · log(u_i(y) − u_i(D))        w_i = capability_i × salience_i (normalised)

with u_i(y) = 1 − |y − x_i| / L (``utility="linear"``) or 1 − ((y − x_i) / L)² (``"quadratic"``), L the
width of the issue's scale, and the disagreement point D worth 0 to everyone: failing to agree is as bad
as the far end of the scale. The objective is concave, so its maximiser is unique up to flat stretches
and lies between the lowest and highest positions; it is found by bisection on the (sub)gradient.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.forecast.base import BatchModel, Run, Stakeholders, choice, reject_unknown
from accord.forecast.baselines import static_run
from accord.forecast.weights import actor_weights

#: halvings of the search interval: 2**-60 of the range is below float resolution
_BISECTIONS = 60


def _slope(y: np.ndarray, x: np.ndarray, w: np.ndarray, width: float, quadratic: bool) -> np.ndarray:
    """d/dy of sum_i w_i log u_i(y) at y (...,), for positions x and weights w (..., n)."""
    gap = (y[..., None] - x) / width
    if quadratic:
        return (w * (-2 * gap / width) / (1 - gap**2)).sum(axis=-1)
    return (w * (-np.sign(gap) / width) / (1 - np.abs(gap))).sum(axis=-1)


def nash_solution(x: np.ndarray, w: np.ndarray, width: float, quadratic: bool) -> np.ndarray:
    """Maximiser of the weighted Nash product for positions x and weights w (..., n)."""
    lo, hi = x.min(axis=-1), x.max(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for _ in range(_BISECTIONS):
            mid = (lo + hi) / 2
            rising = _slope(mid, x, w, width, quadratic) > 0
            lo, hi = np.where(rising, mid, lo), np.where(rising, hi, mid)
    return (lo + hi) / 2


class Nash(BatchModel):
    name = "nash"

    def __init__(self, **parameters: Any):
        reject_unknown(self.name, parameters, ("utility",))
        self.utility = choice(self.name, "utility", parameters.get("utility", "linear"), ("linear", "quadratic"))
        self.parameters = {"utility": self.utility, "disagreement": "worst"}

    def forecast_batch(
        self, positions: np.ndarray, salience: np.ndarray, capability: np.ndarray, scale: tuple[float, float]
    ) -> np.ndarray:
        w = actor_weights(salience, capability)
        total = w.sum(axis=-2, keepdims=True)
        w = np.where(total > 0, w / np.where(total > 0, total, 1.0), 1.0 / w.shape[-2])
        width = scale[1] - scale[0]
        return nash_solution(
            np.moveaxis(positions, -1, -2), np.moveaxis(w, -1, -2), width, self.utility == "quadratic"
        )

    def run(self, data: Stakeholders, *, rounds: int | None = None, seed: int | None = None) -> Run:
        return static_run(self, data, seed)
