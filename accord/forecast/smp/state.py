"""One state of the SMP: utilities, challenges, bargains, and the step to the next state.

Positions live on [0, 1] per dimension here, as in KTAB; the model converts from and to the issue scale.
A step follows KTAB's BCN step (SMPState::doBCN):

1. utilities: each actor's utility for every actor's position, with risk attitudes from the win
   probabilities of the positions (big R), as each actor h estimates them for every other actor;
2. challenges: each actor i finds the actor j whose position it most profitably challenges, counting
   how third parties would side;
3. bargains: i proposes a compromise to j, interpolated per dimension;
4. choice: each actor weighs its status quo and every bargain it is party to by a PCE among all
   actors, and adopts the winner (deterministic) or a draw (stochastic).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from accord.forecast.smp import pce
from accord.forecast.smp.params import (
    BargnModel,
    InterVecBrgn,
    SMPParams,
    StateTransitions,
    ThirdPartyCommit,
)

# KTAB's floor on a challenge coalition and its smallest expected gain worth a challenge
_MIN_CHALLENGE_COALITION = 1e-10
_MIN_GAIN = 1e-5
# a tiny extra weight each party keeps on its own position, so that two zero weights never give 0/0
_MIN_INTERP_WEIGHT = 1e-6
# positions closer than this (on [0, 1]) count as the same position
SAME_POSITION = 1e-3


@dataclass(frozen=True)
class Actors:
    """What does not change from state to state. salience: (n, d) in 0..1; capability: (n,) > 0."""

    salience: np.ndarray
    capability: np.ndarray
    accommodation: np.ndarray | None  # None: ideals follow positions (KTAB's identity matrix)

    @property
    def total_salience(self) -> np.ndarray:
        return self.salience.sum(axis=1)


@dataclass(frozen=True)
class State:
    """positions and ideals: (n, d) on [0, 1]."""

    positions: np.ndarray
    ideals: np.ndarray


@dataclass(frozen=True)
class Bargains:
    """B proposals, as arrays: initiator and receiver (B,), where each would move (B, d), and the
    initiator's estimate that it would win the challenge and of its expected gain (B,)."""

    initiator: np.ndarray
    receiver: np.ndarray
    initiator_position: np.ndarray
    receiver_position: np.ndarray
    win_odds: np.ndarray
    gain: np.ndarray

    def __len__(self) -> int:
        return len(self.initiator)


def distances(ideals: np.ndarray, salience: np.ndarray, points: np.ndarray) -> np.ndarray:
    """d[i, j]: salience-weighted distance from actor i's ideal to point j, normalised to [0, 1]."""
    gaps = salience[:, None, :] * (ideals[:, None, :] - points[None, :, :])
    return np.sqrt((gaps**2).sum(axis=2) / (salience**2).sum(axis=1)[:, None])


@dataclass(frozen=True)
class Utilities:
    """The utilities of one state.

    distance[i, j]: from i's ideal to j's position; risk[i]: i's own risk attitude;
    estimated_risk[h, i]: h's estimate of i's risk attitude.
    """

    distance: np.ndarray
    risk: np.ndarray
    estimated_risk: np.ndarray

    def seen_by(self, h: np.ndarray, j: np.ndarray) -> np.ndarray:
        """u[p, a]: h[p]'s estimate of actor a's utility for the position of actor j[p]."""
        return pce.utility(self.distance[:, j].T, self.estimated_risk[h, :])

    def own_estimates(self, h: np.ndarray) -> np.ndarray:
        """u[p, a]: h[p]'s estimate of actor a's utility for a's own position."""
        return pce.utility(np.diagonal(self.distance)[None, :], self.estimated_risk[h, :])

    @cached_property
    def own(self) -> np.ndarray:
        """own[i, j]: actor i's utility for actor j's position."""
        return pce.utility(self.distance, np.diagonal(self.estimated_risk)[:, None])


def utilities(state: State, actors: Actors, params: SMPParams) -> Utilities:
    distance = distances(state.ideals, actors.salience, state.positions)
    neutral = pce.utility(distance, np.zeros((len(distance), 1)))
    # win probabilities of the positions under risk neutrality set everyone's risk attitude
    p = pce.scalar_pce(actors.capability, neutral, params.VotingRule, params.VictoryProbModel, params.PCEModel)
    risk = pce.big_r(p, params.BigRRange)
    estimated = pce.estimated_risk(risk[:, None], risk[None, :], params.BigRAdjust)
    return Utilities(distance=distance, risk=risk, estimated_risk=estimated)


def win_probabilities(state: State, actors: Actors, utils: Utilities, params: SMPParams) -> np.ndarray:
    """Each actor's position's chance to prevail, as KTAB logs it: one PCE over the distinct positions."""
    own = utils.own
    n = own.shape[0]
    close = np.linalg.norm(state.positions[:, None, :] - state.positions[None, :, :], axis=2) < SAME_POSITION
    # the first actor holding each distinct position represents it (KTAB's order-dependent grouping)
    representatives: list[int] = []
    near = close.tolist()
    for i in range(n):
        if not any(near[i][r] for r in representatives):
            representatives.append(i)
    reps = np.array(representatives)
    p = pce.scalar_pce(actors.capability, own[:, reps], params.VotingRule, params.VictoryProbModel, params.PCEModel)
    # KTAB credits an actor with the last distinct position it is close to
    last_close = close[:, reps].shape[1] - 1 - np.argmax(close[:, reps][:, ::-1], axis=1)
    return p[last_close]


def challenge(
    utils: Utilities, actors: Actors, params: SMPParams, h: np.ndarray, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each triple (h, i, j): h's estimate that i beats j, and of i's expected gain from challenging j.

    Each third party n sides by comparing what it expects from joining i against joining j.
    """
    rule = params.VotingRule
    rows = np.arange(len(h))
    u_n_i = utils.seen_by(h, i)  # (m, n): h's estimate of every actor's utility for i's position
    u_n_j = utils.seen_by(h, j)
    u_n_n = utils.own_estimates(h)
    weight = actors.capability * actors.total_salience

    by_i = pce.vote(rule, weight[i], u_n_i[rows, i] - u_n_j[rows, i])
    by_j = pce.vote(rule, weight[j], u_n_i[rows, j] - u_n_j[rows, j])
    for_i = _MIN_CHALLENGE_COALITION + np.maximum(by_i, 0) + np.maximum(by_j, 0)
    for_j = _MIN_CHALLENGE_COALITION - np.minimum(by_i, 0) - np.minimum(by_j, 0)

    # a third party's first guess at the odds counts only the principals and itself
    lean = pce.vote(rule, weight[None, :], u_n_i - u_n_j)
    odds_i = (for_i[:, None] + np.maximum(lean, 0)) / (for_i[:, None] + for_j[:, None] + np.abs(lean))
    odds_j = 1.0 - odds_i
    join_i_wins, j_beats_joined_i, i_beats_joined_j, join_j_wins = _third_party_payoffs(
        params.ThirdPartyCommit, u_n_i, u_n_j, u_n_n
    )
    with_i = odds_i * join_i_wins + odds_j * j_beats_joined_i
    with_j = odds_i * i_beats_joined_j + odds_j * join_j_wins
    third = pce.vote(rule, weight[None, :], with_i - with_j)
    principal = np.zeros_like(third, dtype=bool)
    principal[rows, i] = True
    principal[rows, j] = True
    third = np.where(principal, 0.0, third)
    for_i = for_i + np.maximum(third, 0).sum(axis=1)
    for_j = for_j - np.minimum(third, 0).sum(axis=1)
    p_i = for_i / (for_i + for_j)

    # the gain is valued by h's estimate of i's own utilities (KTAB's k = i)
    u_i_i, u_i_j = u_n_i[rows, i], u_n_j[rows, i]
    status_quo = u_i_i + u_i_j
    victory = 2 * u_i_i
    contest = p_i * 2 * u_i_i + (1 - p_i) * 2 * u_i_j
    s_j = actors.total_salience[j]
    gain = (1 - s_j) * victory + s_j * contest - status_quo
    return p_i, gain


def _third_party_payoffs(
    commit: ThirdPartyCommit, u_i: np.ndarray, u_j: np.ndarray, u_own: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Three-actor payoffs to a third party: (it joins i and wins, j beats it and i, i beats it and j, it joins j and wins).

    A committed third party gets the winner's position on all three counts; an uncommitted one keeps
    its own position as one third of the outcome.
    """
    if commit is ThirdPartyCommit.FULL_COMMIT:
        return 3 * u_i, 3 * u_j, 3 * u_i, 3 * u_j
    if commit is ThirdPartyCommit.SEMI_COMMIT:
        return 2 * u_i + u_own, 3 * u_j, 3 * u_i, 2 * u_j + u_own
    return 2 * u_i + u_own, 2 * u_j + u_own, 2 * u_i + u_own, 2 * u_j + u_own


def interpolate(
    a: np.ndarray, b: np.ndarray, sal_a: np.ndarray, sal_b: np.ndarray, p_a: np.ndarray, p_b: np.ndarray, how: InterVecBrgn
) -> tuple[np.ndarray, np.ndarray]:
    """Where a and b would each move in a bargain, dimension by dimension. Rows are bargains; p_* are (B, 1)."""
    if how is InterVecBrgn.S2PMAX:
        # only the side more likely to lose concedes, by how much more likely it is to lose
        d_a, d_b = np.maximum(0.0, p_b - p_a), np.maximum(0.0, p_a - p_b)
        share_a = d_a * sal_b**2 / (d_a * sal_b**2 + _MIN_INTERP_WEIGHT + (1 - d_a) * sal_a**2)
        share_b = d_b * sal_a**2 / (d_b * sal_a**2 + _MIN_INTERP_WEIGHT + (1 - d_b) * sal_b**2)
        return a + share_a * (b - a), b + share_b * (a - b)
    power = 1 if how is InterVecBrgn.S1P1 else 2
    w_a = sal_a**power * p_a**power
    w_b = sal_b**power * p_b**power
    total = w_a + _MIN_INTERP_WEIGHT + w_b
    new_a = ((w_a + _MIN_INTERP_WEIGHT) * a + w_b * b) / total
    new_b = (w_a * a + (w_b + _MIN_INTERP_WEIGHT) * b) / total
    return _round4(new_a), _round4(new_b)


def _round4(x: np.ndarray) -> np.ndarray:
    """KTAB rounds interpolated bargains to 1e-4 on [0, 1], half up: reproduce it to keep ties identical."""
    return np.floor(0.5 + x * 10000.0) / 10000.0


def bargains(utils: Utilities, actors: Actors, state: State, params: SMPParams) -> Bargains:
    """Every actor's best challenge, turned into bargains by the chosen bargaining model, in initiator order."""
    n = len(actors.capability)
    i_all, j_all = np.nonzero(~np.eye(n, dtype=bool))
    pairs = len(i_all)
    # the initiators' own estimates, then the receivers' estimates of the same challenges
    both = np.concatenate([i_all, j_all])
    odds, gain = challenge(utils, actors, params, both, np.tile(i_all, 2), np.tile(j_all, 2))
    gains, odds_i, gain_seen_by_j = np.full((n, n), -np.inf), np.zeros((n, n)), np.zeros((n, n))
    gains[i_all, j_all] = gain[:pairs]
    odds_i[i_all, j_all] = odds[:pairs]
    gain_seen_by_j[i_all, j_all] = gain[pairs:]

    target = np.argmax(gains, axis=1)  # the first of equal gains, as in KTAB
    init = np.nonzero(gains[np.arange(n), target] > _MIN_GAIN)[0]
    rcvr = target[init]
    p_i, best = odds_i[init, rcvr][:, None], gains[init, rcvr]
    # KTAB's receiver-side interpolation takes, where its comment promises the receiver's estimate
    # that i wins, the receiver's estimate of i's expected gain; we keep that for identical results
    p_j = gain_seen_by_j[init, rcvr][:, None]
    pos, sal, how = state.positions, actors.salience, params.InterVecBrgn
    by_i = interpolate(pos[init], pos[rcvr], sal[init], sal[rcvr], p_i, 1 - p_i, how)
    if params.BargnModel is BargnModel.INIT_ONLY_INTERP:
        return Bargains(init, rcvr, by_i[0], by_i[1], p_i[:, 0], best)
    by_j = interpolate(pos[init], pos[rcvr], sal[init], sal[rcvr], p_j, 1 - p_j, how)
    if params.BargnModel is BargnModel.INIT_RCVR_INTERP:
        # each initiator's two bargains side by side: its own interpolation, then the receiver's
        twice = np.repeat
        paired = [np.stack([x, y], axis=1).reshape(-1, x.shape[1]) for x, y in zip(by_i, by_j)]
        return Bargains(twice(init, 2), twice(rcvr, 2), paired[0], paired[1], twice(p_i[:, 0], 2), twice(best, 2))
    # KTAB weighs the receiver's view by the initiator's capability times the receiver's salience
    w_i = (actors.capability[init] * actors.total_salience[init])[:, None]
    w_j = (actors.capability[init] * actors.total_salience[rcvr])[:, None]
    compromise = [(w_i * x + w_j * y) / (w_i + w_j) for x, y in zip(by_i, by_j)]
    return Bargains(init, rcvr, compromise[0], compromise[1], p_i[:, 0], best)


@dataclass(frozen=True)
class Transition:
    """A step: the bargains proposed and, per actor, the index of the bargain it adopted (-1: none)."""

    bargains: Bargains
    adopted: np.ndarray


def step(
    state: State, utils: Utilities, actors: Actors, params: SMPParams, rng: np.random.Generator
) -> tuple[State, Transition]:
    """The next state: every actor picks among its status quo and the bargains it is party to."""
    n = len(actors.capability)
    found = bargains(utils, actors, state, params)
    init, rcvr = found.initiator, found.receiver
    own = utils.own
    base = own.sum(axis=1)  # each actor's total utility over the current positions
    risk = utils.risk[:, None]
    u_init = pce.utility(distances(state.ideals, actors.salience, found.initiator_position), risk)
    u_rcvr = pce.utility(distances(state.ideals, actors.salience, found.receiver_position), risk)
    # a bargain's value to a: a's mean utility with only the two parties' positions replaced
    value = (base[:, None] - own[:, init] - own[:, rcvr] + u_init + u_rcvr) / n
    # option 0 is "status quo"; pairwise coalitions do not depend on which other options compete,
    # so one coalition matrix over all options serves every actor's own choice
    options = np.column_stack([base / n, value])
    c = pce.coalitions(actors.capability, options, params.VotingRule)
    pv = pce.victory_probabilities(c, params.VictoryProbModel)
    k = np.arange(n)[:, None]
    offered = np.column_stack([np.ones(n, dtype=bool), (init[None, :] == k) | (rcvr[None, :] == k)])
    p = pce.pce_among(c, pv, offered, params.PCEModel)
    choice = _choose(p, offered, params.StateTransitions, rng)
    adopted = choice - 1
    movers = np.nonzero(adopted >= 0)[0]
    b = adopted[movers]
    new_positions = state.positions.copy()
    new_positions[movers] = np.where(
        (init[b] == movers)[:, None], found.initiator_position[b], found.receiver_position[b]
    )
    ideals = _new_ideals(state.ideals, new_positions, actors.accommodation)
    return State(positions=new_positions, ideals=ideals), Transition(found, adopted)


def _choose(p: np.ndarray, offered: np.ndarray, mode: StateTransitions, rng: np.random.Generator) -> np.ndarray:
    """Per actor (row), the option it takes: the likeliest, or a draw (one uniform per actor, as KTAB)."""
    if mode is StateTransitions.DETERMINISTIC:
        return np.argmax(np.where(offered, p, -1.0), axis=1)
    draw = rng.uniform(size=(p.shape[0], 1))
    hit = (draw <= np.cumsum(p, axis=1)) & offered
    last = p.shape[1] - 1 - np.argmax(offered[:, ::-1], axis=1)
    return np.where(hit.any(axis=1), np.argmax(hit, axis=1), last)


def _new_ideals(ideals: np.ndarray, positions: np.ndarray, accommodation: np.ndarray | None) -> np.ndarray:
    """Ideals drift towards the positions the actor accommodates; what is not accommodated stays put."""
    if accommodation is None:
        return positions.copy()
    kept = 1.0 - np.minimum(accommodation.sum(axis=1), 1.0)
    return accommodation @ positions + kept[:, None] * ideals


def state_distance(a: State, b: State) -> float:
    """KTAB's step size: the sum over actors of how far each moved."""
    return float(np.linalg.norm(a.positions - b.positions, axis=1).sum())
