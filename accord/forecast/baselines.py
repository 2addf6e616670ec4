"""The honest baselines every forecast is shown beside: capability × salience weighted mean and median.

Both treat each dimension on its own and do not move anyone: the trajectory has one state.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.forecast.base import BatchModel, Run, Stakeholders, reject_unknown
from accord.forecast.weights import actor_weights, weighted_mean, weighted_median


def static_run(model: BatchModel, data: Stakeholders, seed: int | None) -> Run:
    """A run of a model that forecasts without moving anyone."""
    forecast = model.forecast_batch(data.positions[None], data.salience[None], data.capability[None], data.scale)[0]
    positions = data.positions.tolist()
    return Run(
        model=model.name,
        forecast=forecast.tolist(),
        final_positions={str(a): p for a, p in zip(data.actors, positions)},
        trajectory=[positions],
        outcomes=[forecast.tolist()],
        parameters=dict(model.parameters),
        seed=seed,
        detail={"settled": True},
    )


class _Weighted(BatchModel):
    """A baseline: one weighted statistic of the positions per dimension, weights capability × salience."""

    name: str
    statistic: Any  # (positions, weights) -> centre, over the last axis

    def __init__(self, **parameters: Any):
        reject_unknown(self.name, parameters, ())
        self.parameters = {}

    def forecast_batch(
        self, positions: np.ndarray, salience: np.ndarray, capability: np.ndarray, scale: tuple[float, float]
    ) -> np.ndarray:
        w = actor_weights(salience, capability)
        return type(self).statistic(np.moveaxis(positions, -1, -2), np.moveaxis(w, -1, -2))

    def run(self, data: Stakeholders, *, rounds: int | None = None, seed: int | None = None) -> Run:
        return static_run(self, data, seed)


class WeightedMean(_Weighted):
    name = "weighted-mean"
    statistic = staticmethod(weighted_mean)


class WeightedMedian(_Weighted):
    """The Condorcet winner under the same weights, on each dimension."""

    name = "weighted-median"
    statistic = staticmethod(weighted_median)
