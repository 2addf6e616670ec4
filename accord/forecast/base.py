"""The one interface every bargaining model implements (scikit-learn style: configure, then run).

Inputs are plain arrays, never the store: ``Stakeholders`` holds n actors × d dimensions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np


@dataclass(frozen=True)
class Stakeholders:
    """n actors on d issue dimensions.

    positions: (n, d) on each dimension's scale; salience: (n, d) in 0..1; capability: (n,) >= 0.
    ``uncertainty`` (same shapes, optional) gives a ± spread per value for Monte Carlo.
    """

    actors: tuple[str, ...]
    positions: np.ndarray
    salience: np.ndarray
    capability: np.ndarray
    dimensions: tuple[str, ...] = ("0",)
    scale: tuple[float, float] = (0.0, 100.0)
    position_sd: np.ndarray | None = None
    salience_sd: np.ndarray | None = None
    capability_sd: np.ndarray | None = None


@dataclass
class Run:
    """What a model returns. ``trajectory[t][i][k]``: actor i's position on dimension k in state t."""

    model: str
    forecast: list[float]
    final_positions: dict[str, list[float]]
    trajectory: list[list[list[float]]]
    parameters: dict[str, Any] = field(default_factory=dict)
    seed: int | None = None
    #: per state, the forecast (collective outcome) on each dimension
    outcomes: list[list[float]] = field(default_factory=list)
    #: free-form detail: who moved whom, probabilities...
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def states(self) -> int:
        return len(self.trajectory)

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "forecast": self.forecast,
            "states": self.states,
            "final_positions": self.final_positions,
            "trajectory": self.trajectory,
            "outcomes": self.outcomes,
            "parameters": self.parameters,
            "seed": self.seed,
            **({"detail": self.detail} if self.detail else {}),
        }


class Model(Protocol):
    name: str

    def run(self, data: Stakeholders, *, rounds: int | None = None, seed: int | None = None) -> Run: ...
