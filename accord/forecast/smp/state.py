"""One state of the SMP: utilities, challenges, bargains, and the step to the next state.

Positions live on [0, 1] per dimension here, as in KTAB; the model converts from and to the issue scale.
A step follows KTAB's "bargain, compromise, nothing" (BCN) cycle:

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
# a tiny extra weight on the initiator's side so that equal weights never divide zero by zero
_MIN_INTERP_WEIGHT = 1e-6
# positions closer than this (on [0, 1]) count as the same position
_SAME_POSITION = 1e-3


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
class Bargain:
    """A proposal between initiator and receiver: where each of them would move.

    win_odds: the initiator's estimate that it would win the challenge; gain: its expected gain.
    """

    initiator: int
    receiver: int
    initiator_position: np.ndarray
    receiver_position: np.ndarray
    win_odds: float
    gain: float


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

    @property
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
    close = np.linalg.norm(state.positions[:, None, :] - state.positions[None, :, :], axis=2) < _SAME_POSITION
    representatives: list[int] = []
    for i in range(n):
        if not any(close[i, r] for r in representatives):
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
    own = u_own
    if commit is ThirdPartyCommit.FULL_COMMIT:
        return 3 * u_i, 3 * u_j, 3 * u_i, 3 * u_j
    if commit is ThirdPartyCommit.SEMI_COMMIT:
        return 2 * u_i + own, 3 * u_j, 3 * u_i, 2 * u_j + own
    return 2 * u_i + own, 2 * u_j + own, 2 * u_i + own, 2 * u_j + own


def interpolate(
    a: np.ndarray, b: np.ndarray, sal_a: np.ndarray, sal_b: np.ndarray, p_a: float, p_b: float, how: InterVecBrgn
) -> tuple[np.ndarray, np.ndarray]:
    """Where a and b would each move in a bargain, dimension by dimension."""
    if how is InterVecBrgn.S2PMAX:
        # only the side more likely to lose concedes, by how much more likely it is to lose
        d_a, d_b = max(0.0, p_b - p_a), max(0.0, p_a - p_b)
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


def bargains(utils: Utilities, actors: Actors, state: State, params: SMPParams) -> list[Bargain]:
    """Every actor's best challenge, turned into bargains by the chosen bargaining model."""
    n = len(actors.capability)
    i_all, j_all = np.nonzero(~np.eye(n, dtype=bool))
    p_by_i, gain = challenge(utils, actors, params, i_all, i_all, j_all)  # initiators' own estimates
    p_by_j, _ = challenge(utils, actors, params, j_all, i_all, j_all)  # receivers' estimates of the same
    gains = np.full((n, n), -np.inf)
    gains[i_all, j_all] = gain
    odds_i, odds_j = np.zeros((n, n)), np.zeros((n, n))
    odds_i[i_all, j_all] = p_by_i
    odds_j[i_all, j_all] = p_by_j

    found: list[Bargain] = []
    for i in range(n):
        j = int(np.argmax(gains[i]))  # the first of equal gains, as in KTAB
        if not gains[i, j] > _MIN_GAIN:
            continue
        found.extend(_bargain(i, j, odds_i[i, j], odds_j[i, j], float(gains[i, j]), actors, state, params))
    return found


def _bargain(
    i: int, j: int, p_i: float, p_j: float, gain: float, actors: Actors, state: State, params: SMPParams
) -> list[Bargain]:
    """p_i, p_j: the initiator's and the receiver's estimates that the initiator would win."""
    pos, sal = state.positions, actors.salience
    by_i = interpolate(pos[i], pos[j], sal[i], sal[j], p_i, 1 - p_i, params.InterVecBrgn)
    if params.BargnModel is BargnModel.INIT_ONLY_INTERP:
        return [Bargain(i, j, *by_i, win_odds=p_i, gain=gain)]
    by_j = interpolate(pos[i], pos[j], sal[i], sal[j], p_j, 1 - p_j, params.InterVecBrgn)
    if params.BargnModel is BargnModel.INIT_RCVR_INTERP:
        return [Bargain(i, j, *by_i, win_odds=p_i, gain=gain), Bargain(i, j, *by_j, win_odds=p_i, gain=gain)]
    # KTAB weighs the receiver's view by the initiator's capability times the receiver's salience
    w_i = actors.capability[i] * actors.total_salience[i]
    w_j = actors.capability[i] * actors.total_salience[j]
    return [
        Bargain(
            i,
            j,
            (w_i * by_i[0] + w_j * by_j[0]) / (w_i + w_j),
            (w_i * by_i[1] + w_j * by_j[1]) / (w_i + w_j),
            win_odds=p_i,
            gain=gain,
        )
    ]


@dataclass(frozen=True)
class Transition:
    """A step: the bargains proposed and, per actor, the index of the bargain it adopted (None: it kept its position)."""

    bargains: list[Bargain]
    adopted: list[int | None]


def step(
    state: State, utils: Utilities, actors: Actors, params: SMPParams, rng: np.random.Generator
) -> tuple[State, Transition]:
    """The next state: every actor picks among its status quo and the bargains it is party to."""
    n = len(actors.capability)
    found = bargains(utils, actors, state, params)
    adopted: list[int | None] = [None] * n
    if not found:
        return State(state.positions.copy(), _new_ideals(state.ideals, state.positions, actors.accommodation)), Transition(
            found, adopted
        )
    own = utils.own
    base = own.sum(axis=1)  # each actor's total utility over the current positions
    init = np.array([b.initiator for b in found])
    rcvr = np.array([b.receiver for b in found])
    risk = utils.risk[:, None]
    u_init = pce.utility(distances(state.ideals, actors.salience, np.array([b.initiator_position for b in found])), risk)
    u_rcvr = pce.utility(distances(state.ideals, actors.salience, np.array([b.receiver_position for b in found])), risk)
    # a bargain's value to a: a's mean utility with only the two parties' positions replaced
    value = (base[:, None] - own[:, init] - own[:, rcvr] + u_init + u_rcvr) / n
    # option 0 is "status quo"; pairwise coalitions do not depend on which other options compete,
    # so one coalition matrix over all options serves every actor's own choice
    options = np.column_stack([base / n, value])
    c = pce.coalitions(actors.capability, options, params.VotingRule)
    pv = pce.victory_probabilities(c, params.VictoryProbModel)
    new_positions = state.positions.copy()
    for k in range(n):
        mine = np.concatenate([[0], 1 + np.nonzero((init == k) | (rcvr == k))[0]])
        if len(mine) == 1:
            continue
        p = pce.pce(c[np.ix_(mine, mine)], pv[np.ix_(mine, mine)], params.PCEModel)
        choice = _choose(p, params.StateTransitions, rng)
        if choice == 0:
            continue
        b = int(mine[choice]) - 1
        adopted[k] = b
        chosen = found[b]
        new_positions[k] = chosen.initiator_position if chosen.initiator == k else chosen.receiver_position
    ideals = _new_ideals(state.ideals, new_positions, actors.accommodation)
    return State(positions=new_positions, ideals=ideals), Transition(found, adopted)


def _choose(p: np.ndarray, mode: StateTransitions, rng: np.random.Generator) -> int:
    if mode is StateTransitions.DETERMINISTIC:
        return int(np.argmax(p))
    hit = np.nonzero(rng.uniform() <= np.cumsum(p))[0]
    return int(hit[0]) if hit.size else len(p) - 1


def _new_ideals(ideals: np.ndarray, positions: np.ndarray, accommodation: np.ndarray | None) -> np.ndarray:
    """Ideals drift towards the positions the actor accommodates; what is not accommodated stays put."""
    if accommodation is None:
        return positions.copy()
    kept = 1.0 - np.minimum(accommodation.sum(axis=1), 1.0)
    return accommodation @ positions + kept[:, None] * ideals


def state_distance(a: State, b: State) -> float:
    """KTAB's step size: the sum over actors of how far each moved."""
    return float(np.linalg.norm(a.positions - b.positions, axis=1).sum())
