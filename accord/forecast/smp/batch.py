"""The SMP's forecast for many inputs at once (Monte Carlo draws, sensitivity nudges).

``SMP.run`` steps one input and reports every state; forecasting 1000 draws that way pays Python's
overhead per state per draw. Here one pass steps every draw still going, through the same functions
(state.py, pce.py) on arrays with a leading draw axis. Each draw's bargains sit in a fixed layout of
slots, one per initiator, with a mask for the actors that propose none; a masked slot takes part in no
vote and no election. A draw stops by its own stopping rule and leaves the batch, so its forecast is
what ``SMP.run`` gives it, up to the order of floating-point sums (tests/forecast/smp/test_smp_batch.py
holds them together within 1e-9 of the scale).
"""

from __future__ import annotations

import numpy as np

from accord.forecast.smp import pce
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
        new = _step(state, utils, actors, params, draw)
        utils = smp_state.utilities(new, actors, params)
        steps += 1
        moved = np.linalg.norm(state.positions - new.positions, axis=-1).sum(axis=-1)
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


def _step(
    state: smp_state.State, utils: smp_state.Utilities, actors: smp_state.Actors, params: SMPParams, draw: np.ndarray | None
) -> smp_state.State:
    """smp_state.step for a batch: every actor picks among its status quo and the bargains it is party to."""
    b, n, _ = state.positions.shape
    found, proposed = smp_state.offers(utils, actors, state, params)
    init, rcvr = found.initiator, found.receiver  # (K,) and (B, K)
    own = utils.own
    base = own.sum(axis=-1)
    risk = utils.risk[..., None]
    u_init = pce.utility(smp_state.distances(state.ideals, actors.salience, found.initiator_position), risk)
    u_rcvr = pce.utility(smp_state.distances(state.ideals, actors.salience, found.receiver_position), risk)
    own_rcvr = np.take_along_axis(own, np.broadcast_to(rcvr[:, None, :], u_rcvr.shape), axis=-1)
    value = (base[..., None] - own[..., init] - own_rcvr + u_init + u_rcvr) / n
    options = np.concatenate([base[..., None] / n, value], axis=-1)
    c = pce.coalitions(actors.capability, options, params.VotingRule)
    pv = pce.victory_probabilities(c, params.VictoryProbModel)
    k = np.arange(n)[None, :, None]
    party = ((init[None, None, :] == k) | (rcvr[:, None, :] == k)) & proposed[:, None, :]
    offered = np.concatenate([np.ones((b, n, 1), dtype=bool), party], axis=-1)
    p = pce.pce_among(c, pv, offered, params.PCEModel)
    adopted = smp_state.choose(p, offered, draw) - 1
    slot = np.maximum(adopted, 0)[..., None]
    as_initiator = (init[slot[..., 0]] == np.arange(n))[..., None]
    take = np.broadcast_to(slot, state.positions.shape)
    moved_to = np.where(
        as_initiator,
        np.take_along_axis(found.initiator_position, take, axis=-2),
        np.take_along_axis(found.receiver_position, take, axis=-2),
    )
    positions = np.where((adopted >= 0)[..., None], moved_to, state.positions)
    return smp_state.State(positions, smp_state.new_ideals(state.ideals, positions, actors.accommodation))


def expected_outcome(positions: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """The probability-weighted position on [0, 1]: each distinct position counted once, by its win
    probability. Actors that share a position share its probability, so each is weighted by its share."""
    share = probs / smp_state.close_positions(positions).sum(axis=-1)
    return (share[..., None] * positions).sum(axis=-2) / share.sum(axis=-1)[..., None]
