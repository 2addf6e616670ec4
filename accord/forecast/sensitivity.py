"""Which actor's inputs move the forecast most: one input at a time, nudged down and up.

Nudges: a position by ±5 % of the scale's width (clipped to the scale), a salience by ±0.1 (clipped to
0..1), a capability by ±20 % of its value. The effect of an input is the larger of the two shifts of the
forecast, summed over dimensions; an actor's influence is the largest effect of any of its inputs. All
the nudged inputs are forecast in one batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from accord.forecast.base import Model, Stakeholders
from accord.forecast.limits import check_sensitivity
from accord.forecast.montecarlo import Draws, forecast_draws

POSITION_STEP = 0.05
SALIENCE_STEP = 0.1
CAPABILITY_STEP = 0.2
INPUTS = ("position", "salience", "capability")


@dataclass
class Effect:
    actor: str
    input: str
    low: list[float]
    high: list[float]
    effect: float

    def to_json(self) -> dict[str, Any]:
        return {"actor": self.actor, "input": self.input, "low": self.low, "high": self.high, "effect": self.effect}


@dataclass
class Sensitivity:
    model: str
    forecast: list[float]
    effects: list[Effect]  # largest first

    def influential(self, top: int = 3) -> list[str]:
        """Actors ranked by the largest effect of any of their inputs."""
        best: dict[str, float] = {}
        for e in self.effects:
            best[e.actor] = max(best.get(e.actor, 0.0), e.effect)
        ranked = sorted(best, key=lambda a: (-best[a], a))
        return [a for a in ranked if best[a] > 0][:top]

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "forecast": self.forecast,
            "influential": self.influential(),
            "effects": [e.to_json() for e in self.effects],
        }


def _nudged(data: Stakeholders) -> Draws:
    """2 × 3 × n copies of the inputs: for each actor and input, one nudged down and one up."""
    n = len(data.actors)
    lo, hi = data.scale
    copies = 6 * n
    pos = np.repeat(data.positions[None], copies, axis=0)
    sal = np.repeat(data.salience[None], copies, axis=0)
    cap = np.repeat(data.capability[None], copies, axis=0)
    for i in range(n):
        base = 6 * i
        for k, sign in enumerate((-1.0, 1.0)):
            pos[base + k, i] = np.clip(data.positions[i] + sign * POSITION_STEP * (hi - lo), lo, hi)
            sal[base + 2 + k, i] = np.clip(data.salience[i] + sign * SALIENCE_STEP, 0.0, 1.0)
            cap[base + 4 + k, i] = data.capability[i] * (1 + sign * CAPABILITY_STEP)
    return Draws(pos, sal, cap)


def sensitivity(model: Model, data: Stakeholders) -> Sensitivity:
    check_sensitivity(data)
    base = np.asarray(model.run(data).forecast, dtype=float)
    shifted = forecast_draws(model, data, _nudged(data)) - base  # (6n, d)
    effects = []
    for i, actor in enumerate(data.actors):
        for k, name in enumerate(INPUTS):
            low, high = shifted[6 * i + 2 * k], shifted[6 * i + 2 * k + 1]
            size = float(np.maximum(np.abs(low), np.abs(high)).sum())
            effects.append(Effect(str(actor), name, low.tolist(), high.tolist(), size))
    effects.sort(key=lambda e: (-e.effect, e.actor, e.input))
    return Sensitivity(model.name, base.tolist(), effects)
