"""The SMP's forecast for many inputs at once (Monte Carlo draws, sensitivity nudges).

``SMP.run`` steps one input and reports every state; forecasting 1000 draws that way pays Python's
overhead per state per draw. Here one pass steps every draw still going, through the same functions
(state.py, pce.py) on arrays with a leading draw axis. Each draw's bargains sit in a fixed layout of
slots, one per initiator, with a mask for the actors that propose none; a masked slot takes part in no
vote and no election. A draw stops by its own stopping rule and leaves the batch. ``SMP.run`` steps a
batch of one through the same functions, so a draw's forecast is its run's
(tests/forecast/smp/test_smp_batch.py).
"""

from __future__ import annotations

import numpy as np

from accord.forecast.smp import state as smp_state
from accord.forecast.smp.params import SMPParams, StateTransitions

#: draws stepped together: bounds the (draws × n² × n) arrays of the challenge step
_CELLS = 1_000_000


def forecast_units(
    params: SMPParams,
    accommodation: np.ndarray | None,
    positions: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    seed: int,
) -> np.ndarray:
    """The forecast (B, d) on [0, 1] of B inputs: positions (B, n, d) on [0, 1], salience (B, n, d),
    capability (B, n). ``seed`` starts each input's random stream (stochastic transitions), as in run()."""
    b, n, _ = positions.shape
    chunk = max(1, _CELLS // (2 * n**3))
    return np.concatenate(
        [
            _forecast_chunk(params, accommodation, positions[i : i + chunk], salience[i : i + chunk], capability[i : i + chunk], seed)
            for i in range(0, b, chunk)
        ]
    )


def _forecast_chunk(params, accommodation, positions, salience, capability, seed) -> np.ndarray:
    b, n, d = positions.shape
    out = np.empty((b, d))
    # every input draws the same uniforms at the same step, as separate runs seeded alike would
    rng = np.random.default_rng(seed)
    stochastic = params.StateTransitions is StateTransitions.STOCHASTIC
    going = np.arange(b)
    actors = smp_state.Actors(salience, capability, accommodation)
    state = smp_state.State(positions, positions.copy())
    utils = smp_state.utilities(state, actors, params)
    first_step = np.zeros(b)
    steps = 0
    while going.size:
        draw = rng.uniform(size=(n, 1)) if stochastic else None
        new, _ = smp_state.step(state, utils, actors, params, draw)
        utils = smp_state.utilities(new, actors, params)
        steps += 1
        moved = smp_state.state_distance(state, new)
        if steps == 1:
            # KTAB adds a small constant so that a first step of zero does not divide by zero
            first_step = moved + 1e-4
        done = (steps >= params.max_steps) | ((steps >= params.min_steps) & (moved / first_step < params.stop_fraction))
        if done.any():
            out[going[done]] = expected_outcome(new.positions[done], smp_state.win_probabilities(
                smp_state.State(new.positions[done], new.ideals[done]),
                _rows(actors, done),
                smp_state.Utilities(utils.distance[done], utils.risk[done], utils.estimated_risk[done]),
                params,
            ))
        keep = ~done
        going, first_step = going[keep], first_step[keep]
        state = smp_state.State(new.positions[keep], new.ideals[keep])
        actors = _rows(actors, keep)
        utils = smp_state.Utilities(utils.distance[keep], utils.risk[keep], utils.estimated_risk[keep])
    return out


def _rows(actors: smp_state.Actors, rows: np.ndarray) -> smp_state.Actors:
    return smp_state.Actors(actors.salience[rows], actors.capability[rows], actors.accommodation)


def expected_outcome(positions: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """The probability-weighted position on [0, 1]: each distinct position counted once, by its win
    probability. Actors that share a position share its probability, so each is weighted by its share."""
    share = probs / smp_state.close_positions(positions).sum(axis=-1)
    return (share[..., None] * positions).sum(axis=-2) / share.sum(axis=-1)[..., None]
