"""Model names → factories. ``make("eum", probability="pairwise")`` builds a configured model.

Every factory takes the model's parameters as keywords and raises ParameterError for unknown ones. A
model's module is imported when a model is made, not when the models are named: a forecast read back
from the cache (accord.forecast.issue) names them without loading NumPy or any model's code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from accord.forecast.base import ParameterError

if TYPE_CHECKING:
    from accord.forecast.base import Model

#: the baseline every forecast is shown beside
BASELINE = "weighted-mean"

#: each model's factory as "module:name"
MODELS: dict[str, str] = {
    "weighted-mean": "accord.forecast.baselines:WeightedMean",
    "weighted-median": "accord.forecast.baselines:WeightedMedian",
    "nash": "accord.forecast.nash:Nash",
    "eum": "accord.forecast.eum:ExpectedUtility",
    "smp": "accord.forecast.smp:SMP",
    # further models register here, one line each
}


def known(name: str) -> str:
    """The name, if a model has it; else ParameterError naming those that do."""
    if name not in MODELS:
        raise ParameterError(f"unknown model {name!r} (known: {', '.join(MODELS)})")
    return name


def make(name: str, **parameters: Any) -> Model:
    module, factory = MODELS[known(name)].split(":")
    return getattr(import_module(module), factory)(**parameters)
