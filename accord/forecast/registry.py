"""Model names → factories. ``make("eum", probability="pairwise")`` builds a configured model.

Every factory takes the model's parameters as keywords and raises ParameterError for unknown ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.forecast.base import Model, ParameterError
from accord.forecast.baselines import WeightedMean, WeightedMedian
from accord.forecast.eum import ExpectedUtility
from accord.forecast.nash import Nash
from accord.forecast.smp import SMP

#: the baseline every forecast is shown beside
BASELINE = "weighted-mean"

MODELS: dict[str, Callable[..., Model]] = {
    "weighted-mean": WeightedMean,
    "weighted-median": WeightedMedian,
    "nash": Nash,
    "eum": ExpectedUtility,
    "smp": SMP,
    # further models register here, one line each
}


def make(name: str, **parameters: Any) -> Model:
    factory = MODELS.get(name)
    if factory is None:
        raise ParameterError(f"unknown model {name!r} (known: {', '.join(MODELS)})")
    return factory(**parameters)
