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
        return self.salience.sum(axis=-1)


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
    """d[i, j]: salience-weighted distance from actor i's ideal to point j, normalised to [0, 1].

    Leading axes, if any, are a batch of independent inputs (batch.py); so in every function here."""
    gaps = salience[..., :, None, :] * (ideals[..., :, None, :] - points[..., None, :, :])
    return np.sqrt((gaps**2).sum(axis=-1) / (salience**2).sum(axis=-1)[..., :, None])


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
        return pce.utility(np.swapaxes(self.distance[..., j], -1, -2), self.estimated_risk[..., h, :])

    def own_estimates(self, h: np.ndarray) -> np.ndarray:
        """u[p, a]: h[p]'s estimate of actor a's utility for a's own position."""
        own = np.diagonal(self.distance, axis1=-2, axis2=-1)[..., None, :]
        return pce.utility(own, self.estimated_risk[..., h, :])

    @cached_property
    def own(self) -> np.ndarray:
        """own[i, j]: actor i's utility for actor j's position."""
        return pce.utility(self.distance, np.diagonal(self.estimated_risk, axis1=-2, axis2=-1)[..., :, None])


def utilities(state: State, actors: Actors, params: SMPParams) -> Utilities:
    distance = distances(state.ideals, actors.salience, state.positions)
    neutral = pce.utility(distance, np.zeros((*distance.shape[:-1], 1)))
    # win probabilities of the positions under risk neutrality set everyone's risk attitude
    p = pce.scalar_pce(actors.capability, neutral, params.VotingRule, params.VictoryProbModel, params.PCEModel)
    risk = pce.big_r(p, params.BigRRange)
    estimated = pce.estimated_risk(risk[..., :, None], risk[..., None, :], params.BigRAdjust)
    return Utilities(distance=distance, risk=risk, estimated_risk=estimated)


def close_positions(positions: np.ndarray) -> np.ndarray:
    """close[i, j]: actors i and j hold what counts as the same position."""
    return np.linalg.norm(positions[..., :, None, :] - positions[..., None, :, :], axis=-1) < SAME_POSITION


def win_probabilities(state: State, actors: Actors, utils: Utilities, params: SMPParams) -> np.ndarray:
    """Each actor's position's chance to prevail, as KTAB logs it: one PCE over the distinct positions."""
    own = utils.own
    n = own.shape[-1]
    close = close_positions(state.positions)
    # the first actor holding each distinct position represents it (KTAB's order-dependent grouping)
    representative = np.zeros(close.shape[:-1], dtype=bool)
    for i in range(n):
        representative[..., i] = ~(close[..., i, :] & representative).any(axis=-1)
    c = pce.coalitions(actors.capability, own, params.VotingRule)
    pv = pce.victory_probabilities(c, params.VictoryProbModel)
    p = pce.pce_among(c, pv, representative[..., None, :], params.PCEModel)[..., 0, :]
    # KTAB credits an actor with the last distinct position it is close to
    close_rep = (close & representative[..., None, :])[..., ::-1]
    last_close = n - 1 - np.argmax(close_rep, axis=-1)
    return np.take_along_axis(p, last_close, axis=-1)


def challenge(
    utils: Utilities, actors: Actors, params: SMPParams, h: np.ndarray, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each triple (h, i, j): h's estimate that i beats j, and of i's expected gain from challenging j.

    Each third party n sides by comparing what it expects from joining i against joining j.
    """
    rule = params.VotingRule
    rows = np.arange(len(h))
    weight = actors.capability * actors.total_salience
    if pce.use_kernel(rule, int(np.prod(weight.shape[:-1])) * len(h) * weight.shape[-1]):
        third, for_i, for_j = _compiled_third_parties(utils, weight, params, h, i, j)
    else:
        third, for_i, for_j = _third_parties(utils, weight, params, h, i, j)
    for_i = for_i + np.maximum(third, 0).sum(axis=-1)
    for_j = for_j - np.minimum(third, 0).sum(axis=-1)
    p_i = for_i / (for_i + for_j)

    # the gain is valued by h's estimate of i's own utilities (KTAB's k = i)
    u_i_i = pce.utility(utils.distance[..., i, i], utils.estimated_risk[..., h, i])
    u_i_j = pce.utility(utils.distance[..., i, j], utils.estimated_risk[..., h, i])
    status_quo = u_i_i + u_i_j
    victory = 2 * u_i_i
    contest = p_i * 2 * u_i_i + (1 - p_i) * 2 * u_i_j
    s_j = actors.total_salience[..., j]
    gain = (1 - s_j) * victory + s_j * contest - status_quo
    return p_i, gain


def _compiled_third_parties(
    utils: Utilities, weight: np.ndarray, params: SMPParams, h: np.ndarray, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_third_parties by the compiled kernel (kernel.py): the same numbers, one pass instead of twenty."""
    from accord.forecast.smp.kernel import COMMITS, RULES, third_party_votes

    lead = weight.shape[:-1]
    n = weight.shape[-1]
    third, for_i, for_j = third_party_votes(
        np.ascontiguousarray(utils.distance, dtype=float).reshape(-1, n, n),
        np.ascontiguousarray(utils.estimated_risk, dtype=float).reshape(-1, n, n),
        np.ascontiguousarray(weight, dtype=float).reshape(-1, n),
        np.asarray(h, dtype=np.int64), np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64),
        RULES[params.VotingRule], COMMITS[params.ThirdPartyCommit], _MIN_CHALLENGE_COALITION,
    )
    m = len(h)
    return third.reshape(*lead, m, n), for_i.reshape(*lead, m), for_j.reshape(*lead, m)


def _third_parties(
    utils: Utilities, weight: np.ndarray, params: SMPParams, h: np.ndarray, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """third[p, k]: third party k's vote in challenge p (zero for the principals); for_i, for_j [p]: the
    principals' coalitions before any third party joins."""
    rule = params.VotingRule
    rows = np.arange(len(h))
    u_n_i = utils.seen_by(h, i)  # (m, n): h's estimate of every actor's utility for i's position
    u_n_j = utils.seen_by(h, j)
    u_n_n = utils.own_estimates(h)

    by_i = pce.vote(rule, weight[..., i], u_n_i[..., rows, i] - u_n_j[..., rows, i])
    by_j = pce.vote(rule, weight[..., j], u_n_i[..., rows, j] - u_n_j[..., rows, j])
    for_i = _MIN_CHALLENGE_COALITION + np.maximum(by_i, 0) + np.maximum(by_j, 0)
    for_j = _MIN_CHALLENGE_COALITION - np.minimum(by_i, 0) - np.minimum(by_j, 0)

    # a third party's first guess at the odds counts only the principals and itself
    lean = pce.vote(rule, weight[..., None, :], u_n_i - u_n_j)
    odds_i = (for_i[..., None] + np.maximum(lean, 0)) / (for_i[..., None] + for_j[..., None] + np.abs(lean))
    odds_j = 1.0 - odds_i
    join_i_wins, j_beats_joined_i, i_beats_joined_j, join_j_wins = _third_party_payoffs(
        params.ThirdPartyCommit, u_n_i, u_n_j, u_n_n
    )
    with_i = odds_i * join_i_wins + odds_j * j_beats_joined_i
    with_j = odds_i * i_beats_joined_j + odds_j * join_j_wins
    third = pce.vote(rule, weight[..., None, :], with_i - with_j)
    principal = np.zeros(third.shape[-2:], dtype=bool)
    principal[rows, i] = True
    principal[rows, j] = True
    return np.where(principal, 0.0, third), for_i, for_j


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


def offers(utils: Utilities, actors: Actors, state: State, params: SMPParams) -> tuple[Bargains, np.ndarray]:
    """Every actor's best challenge as a bargain slot (two per actor for InitRcvrInterp), in initiator
    order, and which slots are proposed: an actor whose best expected gain is too small proposes none.

    Slots keep one layout for every input of a batch; ``bargains`` keeps the proposed ones of one input.
    """
    n = actors.capability.shape[-1]
    i_all, j_all = np.nonzero(~np.eye(n, dtype=bool))
    # the initiators' own estimates; the receivers' estimates of the same challenges only where the
    # bargaining model uses them
    odds, gain = challenge(utils, actors, params, i_all, i_all, j_all)
    lead = odds.shape[:-1]
    gains, odds_i, gain_seen_by_j = np.full((*lead, n, n), -np.inf), np.zeros((*lead, n, n)), np.zeros((*lead, n, n))
    gains[..., i_all, j_all] = gain
    odds_i[..., i_all, j_all] = odds
    if params.BargnModel is not BargnModel.INIT_ONLY_INTERP:
        gain_seen_by_j[..., i_all, j_all] = challenge(utils, actors, params, j_all, i_all, j_all)[1]

    def at_target(a: np.ndarray) -> np.ndarray:
        return np.take_along_axis(a, target[..., None], axis=-1)

    def rows_at_target(a: np.ndarray) -> np.ndarray:
        return np.take_along_axis(a, np.broadcast_to(target[..., None], a.shape), axis=-2)

    target = np.argmax(gains, axis=-1)  # the first of equal gains, as in KTAB
    init = np.arange(n)
    best = at_target(gains)[..., 0]
    proposed = best > _MIN_GAIN
    p_i = at_target(odds_i)
    # KTAB's receiver-side interpolation takes, where its comment promises the receiver's estimate
    # that i wins, the receiver's estimate of i's expected gain; we keep that for identical results
    p_j = at_target(gain_seen_by_j)
    pos, sal, how = state.positions, actors.salience, params.InterVecBrgn
    pos_r, sal_r = rows_at_target(pos), rows_at_target(sal)
    by_i = interpolate(pos, pos_r, sal, sal_r, p_i, 1 - p_i, how)
    if params.BargnModel is BargnModel.INIT_ONLY_INTERP:
        return Bargains(init, target, by_i[0], by_i[1], p_i[..., 0], best), proposed
    by_j = interpolate(pos, pos_r, sal, sal_r, p_j, 1 - p_j, how)
    if params.BargnModel is BargnModel.INIT_RCVR_INTERP:
        # each initiator's two bargains side by side: its own interpolation, then the receiver's
        def twice(a: np.ndarray) -> np.ndarray:
            return np.repeat(a, 2, axis=-1)

        paired = [np.stack([x, y], axis=-2).reshape(*x.shape[:-2], -1, x.shape[-1]) for x, y in zip(by_i, by_j)]
        found = Bargains(twice(init), twice(target), paired[0], paired[1], twice(p_i[..., 0]), twice(best))
        return found, twice(proposed)
    # KTAB weighs the receiver's view by the initiator's capability times the receiver's salience
    total = actors.total_salience
    w_i = (actors.capability * total)[..., None]
    w_j = (actors.capability * np.take_along_axis(total, target, axis=-1))[..., None]
    compromise = [(w_i * x + w_j * y) / (w_i + w_j) for x, y in zip(by_i, by_j)]
    return Bargains(init, target, compromise[0], compromise[1], p_i[..., 0], best), proposed


@dataclass(frozen=True)
class Transition:
    """A step of one input: the bargains proposed and, per actor, the index of the bargain it adopted
    (-1: none)."""

    bargains: Bargains
    adopted: np.ndarray


@dataclass(frozen=True)
class Slots:
    """A step of a batch: every initiator's best challenge in a fixed layout of slots (``offers``), which
    slots were proposed (B, K), and per actor the slot it adopted (B, n; -1: none)."""

    offers: Bargains
    proposed: np.ndarray
    adopted: np.ndarray

    def transition(self, row: int) -> Transition:
        """One input's step as its own record: only the bargains proposed, numbered among themselves."""
        kept = np.nonzero(self.proposed[row])[0]
        o = self.offers
        proposed = Bargains(o.initiator[kept], o.receiver[row, kept], o.initiator_position[row, kept],
                            o.receiver_position[row, kept], o.win_odds[row, kept], o.gain[row, kept])
        adopted = self.adopted[row]
        return Transition(proposed, np.where(adopted >= 0, np.searchsorted(kept, adopted), -1))


def step(state: State, utils: Utilities, actors: Actors, params: SMPParams, draw: np.ndarray | None) -> tuple[State, Slots]:
    """The next state of B inputs (arrays with a leading input axis): every actor picks among its status
    quo and the bargains it is party to; ``draw`` (n, 1) uniforms for stochastic transitions, else None.

    A single run steps a batch of one, so that a run and a batch do the same arithmetic: with masked
    slots in one and not the other, sums of different lengths round differently, and where two options
    tie (actors that have converged on one position) such a difference in the last bit picks another
    option (tests/forecast/smp/test_smp_batch.py)."""
    b, n, _ = state.positions.shape
    found, proposed = offers(utils, actors, state, params)
    init, rcvr = found.initiator, found.receiver  # (K,) and (B, K)
    own = utils.own
    base = own.sum(axis=-1)  # each actor's total utility over the current positions
    risk = utils.risk[..., None]
    u_init = pce.utility(distances(state.ideals, actors.salience, found.initiator_position), risk)
    u_rcvr = pce.utility(distances(state.ideals, actors.salience, found.receiver_position), risk)
    own_rcvr = np.take_along_axis(own, np.broadcast_to(rcvr[:, None, :], u_rcvr.shape), axis=-1)
    # a bargain's value to a: a's mean utility with only the two parties' positions replaced
    value = (base[..., None] - own[..., init] - own_rcvr + u_init + u_rcvr) / n
    # option 0 is "status quo"; pairwise coalitions do not depend on which other options compete,
    # so one coalition matrix over all options serves every actor's own choice
    options = np.concatenate([base[..., None] / n, value], axis=-1)
    c = pce.coalitions(actors.capability, options, params.VotingRule)
    pv = pce.victory_probabilities(c, params.VictoryProbModel)
    k = np.arange(n)[None, :, None]
    # a slot not proposed takes part in no actor's election
    party = ((init[None, None, :] == k) | (rcvr[:, None, :] == k)) & proposed[:, None, :]
    offered = np.concatenate([np.ones((b, n, 1), dtype=bool), party], axis=-1)
    p = pce.pce_among(c, pv, offered, params.PCEModel)
    adopted = choose(p, offered, draw) - 1
    slot = np.maximum(adopted, 0)[..., None]
    as_initiator = (init[slot[..., 0]] == np.arange(n))[..., None]
    take = np.broadcast_to(slot, state.positions.shape)
    moved_to = np.where(
        as_initiator,
        np.take_along_axis(found.initiator_position, take, axis=-2),
        np.take_along_axis(found.receiver_position, take, axis=-2),
    )
    positions = np.where((adopted >= 0)[..., None], moved_to, state.positions)
    return State(positions, new_ideals(state.ideals, positions, actors.accommodation)), Slots(found, proposed, adopted)


def choose(p: np.ndarray, offered: np.ndarray, draw: np.ndarray | None) -> np.ndarray:
    """Per actor (row), the option it takes: the likeliest, or by a uniform ``draw`` (n, 1) per actor, as
    KTAB's stochastic transitions (None: deterministic)."""
    if draw is None:
        return np.argmax(np.where(offered, p, -1.0), axis=-1)
    hit = (draw <= np.cumsum(p, axis=-1)) & offered
    last = p.shape[-1] - 1 - np.argmax(offered[..., ::-1], axis=-1)
    return np.where(hit.any(axis=-1), np.argmax(hit, axis=-1), last)


def new_ideals(ideals: np.ndarray, positions: np.ndarray, accommodation: np.ndarray | None) -> np.ndarray:
    """Ideals drift towards the positions the actor accommodates; what is not accommodated stays put."""
    if accommodation is None:
        return positions.copy()
    kept = 1.0 - np.minimum(accommodation.sum(axis=1), 1.0)
    return accommodation @ positions + kept[:, None] * ideals


def state_distance(a: State, b: State) -> np.ndarray:
    """KTAB's step size, per input of a batch: the sum over actors of how far each moved."""
    return np.linalg.norm(a.positions - b.positions, axis=-1).sum(axis=-1)
