"""Votes, coalitions and the probabilistic Condorcet election (PCE) of KTAB's kernel, as array functions.

Every function works on whole matrices at once: the SMP calls them once per state and once per actor
per state, so no Python loop runs over actor pairs. Leading axes are a batch (Monte Carlo draws, see
batch.py): every reduction names its axis from the end, so one input alone gives the same numbers.
"""

from __future__ import annotations

import sys

import numpy as np

from accord.forecast.smp.params import BigRAdjust, BigRRange, PCEModel, VictoryProbModel, VotingRule

# KTAB's floor on a coalition's strength, so that an empty coalition never divides by zero
MIN_COALITION = 1e-8
# KTAB's scale for the "binary" vote: a utility difference of 1e-8 already casts the full weight
_BINARY_SCALE = 1e-8
_PROPBIN_SHARE = 0.2
_PROPCUBIC_SHARE = 0.5
_BINARY_VP_THRESHOLD = 1.10
_BINARY_VP_FLOOR = 1e-6


def vote(rule: VotingRule, weight: np.ndarray | float, du: np.ndarray) -> np.ndarray:
    """Influence an actor of ``weight`` casts for option a over b when it prefers a by ``du`` = u(a) - u(b)."""
    du = np.asarray(du, dtype=float)
    if rule is VotingRule.PROP:
        return weight * du
    binary = np.clip(du / _BINARY_SCALE, -1.0, 1.0)
    if rule is VotingRule.BINARY:
        return weight * binary
    if rule is VotingRule.PROP_BIN:
        return weight * ((1 - _PROPBIN_SHARE) * du + _PROPBIN_SHARE * binary)
    if rule is VotingRule.PROP_CBC:
        return weight * ((1 - _PROPCUBIC_SHARE) * du + _PROPCUBIC_SHARE * du**3)
    if rule is VotingRule.CUBIC:
        return weight * du**3
    # prospect theory: gains move an actor only two thirds as much as losses of the same size
    return np.where(du < 0, weight * du, 2.0 * weight * du / 3.0)


#: the rules the compiled kernel (kernel.py) computes
KERNEL_RULES = frozenset({VotingRule.PROP, VotingRule.BINARY, VotingRule.PROP_BIN, VotingRule.ASYM_PROSP})
#: work (array cells) from which the kernel pays for loading Numba, ≈ 0.5 s of CPU in a fresh process:
#: a Monte Carlo step of 100 draws is past it, a single run of a small input is not
KERNEL_CELLS = 200_000


def use_kernel(rule: VotingRule, cells: int) -> bool:
    """Whether to compute with the compiled kernel: its numbers are NumPy's to the bit, so this only
    decides the speed. Once Numba is loaded (the EUM loads it too) the kernel is always the faster."""
    return rule in KERNEL_RULES and (cells >= KERNEL_CELLS or "numba" in sys.modules)


def coalitions(weights: np.ndarray, utils: np.ndarray, rule: VotingRule) -> np.ndarray:
    """c[a, b]: strength of the coalition for option a against option b.

    weights: (..., n) per voter; utils: (..., n, m) voter × option. As in KTAB, each unordered pair is
    voted once, as "higher index against lower"; this only matters for the asymmetric rule ASymProsp.
    """
    n, m = utils.shape[-2:]
    lead = np.broadcast_shapes(weights.shape[:-1], utils.shape[:-2])
    if use_kernel(rule, int(np.prod(lead)) * n * m * m):
        # the same sums, voter after voter, without the (n × m × m) temporaries (kernel.py)
        from accord.forecast.smp import kernel

        c = kernel.coalitions(
            np.ascontiguousarray(np.broadcast_to(weights, (*lead, n)), dtype=float).reshape(-1, n),
            np.ascontiguousarray(np.broadcast_to(utils, (*lead, n, m)), dtype=float).reshape(-1, n, m),
            kernel.RULES[rule], MIN_COALITION,
        )
        return c.reshape(*lead, m, m)
    return _coalitions(weights, utils, rule)


def _coalitions(weights: np.ndarray, utils: np.ndarray, rule: VotingRule) -> np.ndarray:
    """coalitions in NumPy: every rule, and the reference the compiled one is tested against."""
    votes = vote(rule, weights[..., :, None, None], utils[..., :, :, None] - utils[..., :, None, :])
    for_first = np.maximum(votes, 0.0).sum(axis=-3)
    for_second = np.maximum(-votes, 0.0).sum(axis=-3)
    m = utils.shape[-1]
    lower = np.arange(m)[:, None] > np.arange(m)[None, :]
    return np.where(lower, for_first, np.swapaxes(for_second, -1, -2)) + MIN_COALITION


def victory_probabilities(c: np.ndarray, model: VictoryProbModel) -> np.ndarray:
    """pv[a, b]: probability that option a's coalition beats option b's; 0.5 on the diagonal."""
    mine, theirs = c, np.swapaxes(c, -1, -2)
    if model is VictoryProbModel.BINARY:
        ratio = mine / (mine + theirs)
        middle = (ratio * (_BINARY_VP_THRESHOLD + 1.0) - 1.0) / (_BINARY_VP_THRESHOLD - 1.0)
        x_mine = np.where(
            mine >= _BINARY_VP_THRESHOLD * theirs,
            1.0,
            np.where(theirs >= _BINARY_VP_THRESHOLD * mine, _BINARY_VP_FLOOR, middle),
        )
        x_theirs = np.where(
            mine >= _BINARY_VP_THRESHOLD * theirs,
            _BINARY_VP_FLOOR,
            np.where(theirs >= _BINARY_VP_THRESHOLD * mine, 1.0, 1.0 - middle),
        )
    else:
        power = {
            VictoryProbModel.LINEAR: 1,
            VictoryProbModel.SQUARE: 2,
            VictoryProbModel.QUARTIC: 4,
            VictoryProbModel.OCTIC: 8,
        }[model]
        x_mine, x_theirs = mine**power, theirs**power
    pv = x_mine / (x_mine + x_theirs)
    return np.where(np.eye(c.shape[-1], dtype=bool), 0.5, pv)


def pce(c: np.ndarray, pv: np.ndarray, model: PCEModel) -> np.ndarray:
    """Probability that each option wins the whole election, from coalitions c and pairwise pv."""
    return pce_among(c, pv, np.ones((1, c.shape[-1]), dtype=bool), model)[..., 0, :]


def pce_among(
    c: np.ndarray, pv: np.ndarray, offered: np.ndarray, model: PCEModel, max_iterations: int = 1000
) -> np.ndarray:
    """Many elections at once: row k runs a PCE among the options ``offered[k]`` only; others get 0.

    Pairwise coalitions do not depend on the other candidates, so all rows share c and pv (..., m, m);
    offered is (..., K, m). Iterative models stop each row at its own convergence, as one election
    alone would.
    """
    c, pv = c[..., None, :, :], pv[..., None, :, :]
    offered = np.broadcast_to(offered, np.broadcast_shapes(offered.shape, pv.shape[:-1]))
    if model is PCEModel.CONDITIONAL:
        # the chance that an option beats every other, conditional on exactly one doing so
        beats_all = np.where(offered[..., None, :], pv, 1.0).prod(axis=-1) * offered
        return beats_all / beats_all.sum(axis=-1, keepdims=True)
    size = offered.sum(axis=-1, keepdims=True)
    p = offered / size
    if model is PCEModel.MARKOV_INCENTIVE:
        incentive = np.where(offered[..., :, None], c * pv + np.eye(c.shape[-1]) * 1e-10, 0.0)
        challenge = incentive / np.where(offered[..., None, :], incentive.sum(axis=-2, keepdims=True), 1.0)
        tolerance = 1e-8
    else:
        tolerance = 1e-6
    active = np.ones(p.shape[:-1], dtype=bool)
    for _ in range(max_iterations):
        if model is PCEModel.MARKOV_INCENTIVE:
            flow = p[..., :, None] * np.swapaxes(challenge, -1, -2)  # flow[k, a, b]: a's mass challenged by b
            q = (pv * (flow + np.swapaxes(flow, -1, -2))).sum(axis=-1)
        else:
            q = (pv * (p[..., :, None] + p[..., None, :]) * offered[..., None, :]).sum(axis=-1) * offered / size
        change = np.abs(q - p).max(axis=-1)
        p = np.where(active[..., None], (p + q) / 2.0, p)
        active &= change > tolerance
        if not active.any():
            break
    return p


def scalar_pce(
    weights: np.ndarray,
    utils: np.ndarray,
    rule: VotingRule,
    vpm: VictoryProbModel,
    pcem: PCEModel,
) -> np.ndarray:
    """Win probability of each of m options when n voters of these weights hold these utilities (n, m)."""
    c = coalitions(weights, utils, rule)
    return pce(c, victory_probabilities(c, vpm), pcem)


def big_r(p: np.ndarray, scale: BigRRange) -> np.ndarray:
    """Risk attitude per actor from its position's win probability: likely winners are risk-seeking.

    If every probability is equal the range is empty; KTAB divides by zero there, we call all neutral.
    """
    lo, hi = p.min(axis=-1, keepdims=True), p.max(axis=-1, keepdims=True)
    flat = hi - lo <= 0.0
    span = np.where(flat, 1.0, hi - lo)
    if scale is BigRRange.MIN:
        r = (p - lo) / span
    elif scale is BigRRange.MID:
        r = (3 * p - (hi + 2 * lo)) / (2 * span)
    else:
        r = (2 * p - (hi + lo)) / span
    return np.where(flat, 0.0, r)


def estimated_risk(r_h: np.ndarray, r_i: np.ndarray, adjust: BigRAdjust) -> np.ndarray:
    """h's estimate of i's risk attitude: h's own, i's true one, or a blend (KTAB's formulas, for equal rounding)."""
    if adjust is BigRAdjust.NONE:
        return r_h + 0.0 * r_i
    if adjust is BigRAdjust.ONE_THIRD:
        return (2.0 * r_h + r_i) / 3.0
    if adjust is BigRAdjust.HALF:
        return (r_h + r_i) / 2.0
    if adjust is BigRAdjust.TWO_THIRDS:
        return (r_h + 2.0 * r_i) / 3.0
    return r_i + 0.0 * r_h


def utility(distance: np.ndarray, risk: np.ndarray) -> np.ndarray:
    """KTAB's spatial utility: 1 at the ideal, 0 at distance 1, concave for risk-averse (R < 0) actors."""
    clipped = np.minimum(distance, 1.0)
    return (1.0 - distance) * (1.0 + clipped * risk)
