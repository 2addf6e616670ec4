"""The one interface every bargaining model implements (scikit-learn style: configure, then run).

Inputs are plain arrays, never the store: ``Stakeholders`` holds n actors × d dimensions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from accord.errors import AccordError

if TYPE_CHECKING:  # the arrays' type only: what names a model or holds a run read back needs no NumPy
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


class ParameterError(AccordError):
    """A model parameter that is unknown or has a value the model does not accept."""


def choice(model: str, name: str, value: Any, allowed: tuple[str, ...]) -> str:
    """Check a named option; the error lists what is accepted."""
    if value not in allowed:
        raise ParameterError(f"{model}: parameter {name!r} is {value!r}; expected one of {', '.join(allowed)}")
    return str(value)


def number(model: str, name: str, value: Any, lo: float, hi: float) -> float:
    from accord.record.model import number as finite

    try:
        v = finite(value)
    except (TypeError, ValueError):
        raise ParameterError(f"{model}: parameter {name!r} is {value!r}; expected a number") from None
    if not lo <= v <= hi:
        raise ParameterError(f"{model}: parameter {name!r} is {v}; expected {lo}..{hi}")
    return v


def reject_unknown(model: str, given: dict[str, Any], known: tuple[str, ...]) -> None:
    unknown = sorted(set(given) - set(known))
    if unknown:
        accepted = ", ".join(known) if known else "none"
        raise ParameterError(f"{model}: unknown parameter {unknown[0]!r} (accepted: {accepted})")


class BatchModel:
    """A model that can forecast many perturbed copies of the inputs at once (Monte Carlo, sensitivity).

    ``forecast_batch`` takes positions (B, n, d), salience (B, n, d), capability (B, n) and returns the
    forecast (B, d). ``run`` is the single, fully reported run.
    """

    name: str = ""
    parameters: dict[str, Any]

    def forecast_batch(
        self, positions: np.ndarray, salience: np.ndarray, capability: np.ndarray, scale: tuple[float, float]
    ) -> np.ndarray:
        raise NotImplementedError

    def expect(self, inputs: int, actors: int) -> None:
        """Told before ``inputs`` inputs of ``actors`` actors are forecast, in however many batches: a
        model whose speed depends on loading something (a compiled kernel) decides once, for the whole
        job, rather than batch by batch. It must not change any number."""

    def run(self, data: Stakeholders, *, rounds: int | None = None, seed: int | None = None) -> Run:
        raise NotImplementedError
