"""The expected utility model (EUM) of Bueno de Mesquita as formulated by Scholz, Calbert & Smith (2011).

One round, on one dimension (dimensions are run independently):

1. Every actor's risk exponent r_i comes from how much the others stand to gain by challenging it
   (its "danger"), computed first with r = 1.
2. With those exponents, each actor i judges, for every other actor j, the expected utility of j
   challenging i (E1) and of i challenging j (E2).
3. j's challenge is an offer to i when E1 > 0. Both positive and E1 > E2: i loses the confrontation
   and moves to x_j. E2 <= 0: i gives way by the fraction min(1, |E2| / E1) of the distance to x_j
   (a compromise below 1, a capitulation at 1). Each actor accepts one offer; all move at once.
4. The forecast after the round is the weighted (Condorcet) median of the new positions.

The published equations leave several choices open; each is a parameter (see ``OPTIONS`` and
docs/forecast.md for what each choice means and which implementation makes it). The defaults reproduce
the figures Scholz et al. publish for the EU car-emissions example.

The rounds run in a compiled kernel (``accord.forecast.eum_kernel``), one draw at a time; this module
holds the options, the canonical actor order and the reporting.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.forecast.base import BatchModel, Run, Stakeholders, choice, number, reject_unknown
from accord.forecast.limits import MAX_ACTORS, TooLarge, check_run
from accord.forecast.weights import weighted_median

OPTIONS: dict[str, tuple[str, ...]] = {
    # denominator of the win probability: the votes cast on this pair (the paper's equation) or on all pairs
    "probability": ("all-pairs", "pairwise"),
    # exponent of each voter's utility in that vote: its own risk exponent, or 1
    "vote_risk": ("voter", "linear"),
    # whose risk exponent values the challenger's expected utility: the target's (who decides to give
    # way) or each challenger's own
    "perspective": ("target", "own"),
    # which of several offers an actor accepts
    "offer": ("scholz-code", "least-move"),
    # the "median" mu of the better/worse-if-no-challenge utilities (matters only when Q < 1)
    "mu": ("median", "mean"),
    # what |x_i - x_j| is divided by: the spread of the initial positions or the scale
    "range": ("positions", "scale"),
    # when to stop before the last round: once the forecast repeats, or only once nobody moves
    "stop": ("outcome", "positions"),
}
DEFAULTS: dict[str, Any] = {
    "probability": "all-pairs",
    "vote_risk": "voter",
    "perspective": "target",
    "offer": "scholz-code",
    "mu": "median",
    "range": "positions",
    "stop": "outcome",
    "Q": 1.0,
    "T": 1.0,
}
DEFAULT_ROUNDS = 10

#: offer kinds by the kernel's codes, in the order the Scholz-code choice prefers them
KINDS = ("confrontation", "compromise", "capitulation")


def eum_parameters(name: str, parameters: dict[str, Any]) -> dict[str, Any]:
    """The model's parameters checked and completed with their defaults (shared with the NumPy reference)."""
    reject_unknown(name, parameters, tuple(DEFAULTS))
    p = {**DEFAULTS, **parameters}
    for key, allowed in OPTIONS.items():
        p[key] = choice(name, key, p[key], allowed)
    p["Q"] = number(name, "Q", p["Q"], 0.0, 1.0)
    p["T"] = number(name, "T", p["T"], 0.0, 1.0)
    return p


class ExpectedUtility(BatchModel):
    name = "eum"

    def __init__(self, **parameters: Any):
        self.parameters = eum_parameters(self.name, parameters)

    def _options(self) -> tuple[np.ndarray, float, float]:
        """The options as the kernel takes them: a flag per option, 1 where its first allowed value (the
        default) is chosen, then Q and T."""
        p = self.parameters
        keys = ("probability", "vote_risk", "perspective", "offer", "mu", "stop")
        return np.array([p[k] == OPTIONS[k][0] for k in keys], dtype=np.int64), p["Q"], p["T"]

    def _width(self, x: np.ndarray, scale: tuple[float, float]) -> np.ndarray:
        """What |x_i - x_j| is divided by, per batch row."""
        if self.parameters["range"] == "scale":
            width = np.full(x.shape[0], float(scale[1] - scale[0]))
        else:
            width = x.max(axis=1) - x.min(axis=1)
        # everyone at one position: nothing to bargain over; any positive width leaves them there
        return np.where(width > 0, width, 1.0)

    def simulate(
        self, x: np.ndarray, s: np.ndarray, c: np.ndarray, scale: tuple[float, float], rounds: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """One input on one dimension (x, s, c: (n,) in canonical order) until the ``stop`` rule or the
        last round: the positions per state (T, n), per round whose offer moved each actor (-1: none) and
        its kind (T - 1, n), and whether it was still going when the rounds ran out."""
        from accord.forecast.eum_kernel import simulate_one

        n = x.shape[0]
        codes, q, t = self._options()
        positions = np.empty((rounds + 1, n))
        movers = np.empty((max(rounds, 1), n), dtype=np.int64)
        kinds = np.empty((max(rounds, 1), n), dtype=np.int64)
        width = float(self._width(x[None], scale)[0])
        states, going = simulate_one(x, s, s * c, width, rounds, codes, q, t, positions, movers, kinds)
        return positions[:states], movers[: states - 1], kinds[: states - 1], bool(going)

    def forecast_batch(
        self, positions: np.ndarray, salience: np.ndarray, capability: np.ndarray, scale: tuple[float, float]
    ) -> np.ndarray:
        from accord.forecast.eum_kernel import forecast_many

        if positions.shape[1] > MAX_ACTORS[self.name]:
            raise TooLarge(f"the input: {positions.shape[1]:,} actors; the eum model takes at most {MAX_ACTORS[self.name]:,}")
        codes, q, t = self._options()
        out = np.empty(positions.shape[0:1] + positions.shape[2:])
        for k in range(positions.shape[2]):
            x, s, c, _ = _canonical(positions[:, :, k], salience[:, :, k], capability)
            x, s, w = (np.ascontiguousarray(a, dtype=float) for a in (x, s, s * c))
            out[:, k] = forecast_many(x, s, w, self._width(x, scale), DEFAULT_ROUNDS, codes, q, t)
        return out

    def run(self, data: Stakeholders, *, rounds: int | None = None, seed: int | None = None) -> Run:
        rounds = DEFAULT_ROUNDS if rounds is None else rounds
        check_run(self.name, data, rounds)
        per_dim, outcomes_dim, moved, settled = [], [], [], []
        for k in range(data.positions.shape[1]):
            x, s, c, order = _canonical(data.positions[None, :, k], data.salience[None, :, k], data.capability[None])
            states, movers, kinds, going = self.simulate(x[0], s[0], c[0], data.scale, rounds)
            settled.append(not going)
            back = np.argsort(order[0])
            per_dim.append([st[back] for st in states])
            outcomes_dim.append(weighted_median(states, np.broadcast_to(s * c, states.shape)).tolist())
            moved.append(_who_moved_whom(states, movers, kinds, order[0], data.actors, data.dimensions[k]))
        states_n = max(len(p) for p in per_dim)
        # a dimension that settled early keeps its last positions in the later states
        traj = np.stack(
            [np.stack([p[min(t, len(p) - 1)] for p in per_dim], axis=-1) for t in range(states_n)]
        )  # (T, n, d)
        outcomes = [[o[min(t, len(o) - 1)] for o in outcomes_dim] for t in range(states_n)]
        return Run(
            model=self.name,
            forecast=outcomes[-1],
            final_positions={str(a): traj[-1, i].tolist() for i, a in enumerate(data.actors)},
            trajectory=traj.tolist(),
            outcomes=outcomes,
            parameters={**self.parameters, "rounds": rounds},
            seed=seed,
            # settled: every dimension stopped by the stop rule before the rounds ran out
            detail={"settled": all(settled), "moves": [m for dim in moved for m in dim]},
        )


def _canonical(
    x: np.ndarray, s: np.ndarray, c: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Actors sorted by (position, salience, capability) in every batch row, and the sorting order.

    Sums over actors then run in the same order whatever the input order, so a permutation of the input
    rows gives bit-identical results.
    """
    order = np.lexsort((c, s, x), axis=-1)
    xs, ss, cs = (np.take_along_axis(a, order, axis=-1) for a in (x, s, c))
    return xs, ss, cs, order


def _who_moved_whom(
    states: np.ndarray, movers: np.ndarray, kinds: np.ndarray, order: np.ndarray, actors: tuple[str, ...], dim: str
) -> list[dict[str, Any]]:
    out = []
    for t in range(1, len(states)):
        for i, j in enumerate(movers[t - 1]):
            if j >= 0:
                out.append(
                    {
                        "round": t,
                        "dimension": dim,
                        "actor": str(actors[order[i]]),
                        "by": str(actors[order[j]]),
                        "kind": KINDS[int(kinds[t - 1, i])],
                        "to": float(states[t, i]),
                    }
                )
    return out
