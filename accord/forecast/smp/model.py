"""The SMP as an accord model: configure with KTAB's options, run on ``Stakeholders``, get a ``Run``."""

from __future__ import annotations

from typing import Any

import numpy as np

from accord.forecast.base import BatchModel, Run, Stakeholders
from accord.forecast.limits import check_run
from accord.forecast.smp import pce
from accord.forecast.smp import state as smp_state
from accord.forecast.smp.batch import expected_outcome, forecast_units
from accord.forecast.smp.params import KTAB_DEFAULT_SEED, SMPParameterError, SMPParams, StateTransitions


class SMP(BatchModel):
    """KTAB's spatial model of politics, multi-dimensional.

    ``accommodation[i, j]``: how far actor i's ideal follows actor j's position each step (KTAB's
    "IdealAdjustment"); None keeps ideals equal to positions. Unknown option names or values raise
    ``SMPParameterError``.
    """

    name = "smp"

    def __init__(self, params: SMPParams | None = None, *, accommodation: np.ndarray | None = None, **options: Any):
        if params is not None and options:
            raise SMPParameterError("give either an SMPParams or option names, not both")
        self.params = params if params is not None else SMPParams.from_names(**options)
        self.accommodation = None if accommodation is None else np.asarray(accommodation, dtype=float)

    def forecast_batch(
        self, positions: np.ndarray, salience: np.ndarray, capability: np.ndarray, scale: tuple[float, float]
    ) -> np.ndarray:
        """What ``run`` forecasts for each of B inputs (positions (B, n, d)), stepped together (batch.py)."""
        lo, hi = scale
        names = tuple(str(i) for i in range(positions.shape[1]))
        check_run(self.name, Stakeholders(names, positions[0], salience[0], capability[0], scale=scale))
        for row in range(positions.shape[0]):
            self._check(Stakeholders(names, positions[row], salience[row], capability[row], scale=scale))
        units = forecast_units(
            self.params, self.accommodation, (positions - lo) / (hi - lo), salience, capability, KTAB_DEFAULT_SEED
        )
        return lo + units * (hi - lo)

    def expect(self, inputs: int, actors: int) -> None:
        """Load the compiled kernel when the whole job pays for it (pce.use_kernel). Batch by batch, a
        Monte Carlo's first chunks (100 draws) look too small to pay for loading Numba, run in NumPy,
        and a later chunk loads it anyway; the numbers are the same either way (the kernel equals
        NumPy to the bit), only the time differs."""
        if pce.use_kernel(self.params.VotingRule, inputs * actors * (actors - 1) * actors):
            from accord.forecast.smp import kernel  # noqa: F401  (Numba in sys.modules: the kernel is used)

    def run(self, data: Stakeholders, *, rounds: int | None = None, seed: int | None = None) -> Run:
        """Run until a step moves the actors less than ``stop_fraction`` of the first step.

        ``rounds`` caps the number of steps (KTAB: 100); ``seed`` only matters for stochastic transitions.
        """
        params = self.params
        max_steps = params.max_steps if rounds is None else rounds
        if max_steps < 1:
            raise SMPParameterError(f"rounds must be at least 1, got {max_steps}")
        check_run(self.name, data, max_steps)
        seed = KTAB_DEFAULT_SEED if seed is None else seed
        rng = np.random.default_rng(seed)
        stochastic = params.StateTransitions is StateTransitions.STOCHASTIC
        actors, first = self._start(data)
        lo, hi = data.scale

        # a batch of one: the arithmetic of forecast_batch, so a run and its draw in a batch agree
        states = [first]
        utils = [smp_state.utilities(first, actors, params)]
        transitions: list[smp_state.Transition] = []
        first_step = 0.0
        settled = False
        while len(states) - 1 < max_steps:
            draw = rng.uniform(size=(len(data.actors), 1)) if stochastic else None
            nxt, slots = smp_state.step(states[-1], utils[-1], actors, params, draw)
            states.append(nxt)
            transitions.append(slots.transition(0))
            utils.append(smp_state.utilities(nxt, actors, params))
            moved = float(smp_state.state_distance(states[-2], nxt)[0])
            steps = len(states) - 1
            if steps == 1:
                # KTAB adds a small constant so that a first step of zero does not divide by zero
                first_step = moved + 1e-4
            if steps >= params.min_steps and moved / first_step < params.stop_fraction:
                settled = True
                break

        probs = [smp_state.win_probabilities(s, actors, u, params)[0] for s, u in zip(states, utils)]
        trajectory = [(lo + s.positions[0] * (hi - lo)).tolist() for s in states]
        outcomes = [(lo + expected_outcome(s.positions, p[None])[0] * (hi - lo)).tolist() for s, p in zip(states, probs)]
        return Run(
            model=self.name,
            forecast=outcomes[-1],
            final_positions={a: trajectory[-1][i] for i, a in enumerate(data.actors)},
            trajectory=trajectory,
            parameters={**params.to_json(), "max_steps": max_steps},
            seed=seed,
            outcomes=outcomes,
            detail={
                # settled: stopped by the stopping rule, not by running out of steps
                "settled": settled,
                "moves": _moves(transitions, data.actors, lo, hi),
                "win_probabilities": [p.tolist() for p in probs],
                "risk_attitudes": [u.risk[0].tolist() for u in utils],
                "bargains": [_describe(t, data.actors, lo, hi) for t in transitions],
            },
        )

    def _check(self, data: Stakeholders) -> None:
        positions = np.asarray(data.positions, dtype=float)
        n = len(data.actors)
        if n < 2:
            raise SMPParameterError(f"the SMP needs at least two actors, got {n}")
        if positions.ndim != 2 or positions.shape[0] != n:
            raise SMPParameterError(f"positions must be actors × dimensions, got shape {positions.shape}")
        if self.accommodation is not None and self.accommodation.shape != (n, n):
            raise SMPParameterError(f"accommodation must be {n} × {n}, got {self.accommodation.shape}")
        salience = np.asarray(data.salience, dtype=float).reshape(positions.shape)
        silent = np.nonzero(~(salience.sum(axis=1) > 0))[0]
        if silent.size:
            # a distance weighted by nothing is undefined: KTAB refuses such an actor too
            raise SMPParameterError(f"smp: actor {data.actors[silent[0]]!r} has zero salience on every dimension")

    def _start(self, data: Stakeholders) -> tuple[smp_state.Actors, smp_state.State]:
        self._check(data)
        positions = np.asarray(data.positions, dtype=float)
        lo, hi = data.scale
        unit = (positions - lo) / (hi - lo)
        # one input as a batch of one (leading axis of length 1), as forecast_batch steps its draws
        actors = smp_state.Actors(
            salience=np.asarray(data.salience, dtype=float).reshape(positions.shape)[None],
            capability=np.asarray(data.capability, dtype=float)[None],
            accommodation=self.accommodation,
        )
        return actors, smp_state.State(positions=unit[None], ideals=unit[None].copy())


def _moves(
    transitions: list[smp_state.Transition], names: tuple[str, ...], lo: float, hi: float
) -> list[dict[str, Any]]:
    """Who moved whom: each actor that adopted a bargain, where to, and whose challenge it answered."""
    moves = []
    for t, transition in enumerate(transitions, start=1):
        b = transition.bargains
        for k in np.nonzero(transition.adopted >= 0)[0]:
            x = transition.adopted[k]
            to = b.initiator_position[x] if b.initiator[x] == k else b.receiver_position[x]
            to = (lo + to * (hi - lo)).tolist()
            moves.append(
                {
                    "round": t,
                    "actor": names[k],
                    "to": to[0] if len(to) == 1 else to,
                    "kind": "bargain",
                    "by": names[b.initiator[x]],
                    "with": names[b.receiver[x]],
                }
            )
    return moves


def _describe(transition: smp_state.Transition, names: tuple[str, ...], lo: float, hi: float) -> list[dict[str, Any]]:
    """One step's bargains, each with who adopted it: the "who moved whom" of that step."""
    b = transition.bargains
    adopters: dict[int, list[str]] = {}
    for k, x in enumerate(transition.adopted.tolist()):
        if x >= 0:
            adopters.setdefault(x, []).append(names[k])
    columns = zip(
        b.initiator.tolist(),
        b.receiver.tolist(),
        (lo + b.initiator_position * (hi - lo)).tolist(),
        (lo + b.receiver_position * (hi - lo)).tolist(),
        b.win_odds.tolist(),
        b.gain.tolist(),
    )
    return [
        {
            "initiator": names[i],
            "receiver": names[j],
            "initiator_position": at_i,
            "receiver_position": at_j,
            "initiator_win_odds": odds,
            "initiator_gain": gain,
            "adopted_by": adopters.get(x, []),
        }
        for x, (i, j, at_i, at_j, odds, gain) in enumerate(columns)
    ]
