"""The third parties' votes of the SMP's challenge step, compiled with Numba.

``state.challenge`` weighs, for every challenge (h estimating i against j) and every third party k, what
k expects from joining either side: (inputs × challenges × actors) values, n³ per input, built in NumPy
from some twenty full-size temporaries. Here one loop computes each value once, with the same
operations in the same order as the NumPy expressions, so the numbers are the same to the bit
(tests/forecast/smp/test_smp_kernel.py compares both on generated inputs). The sums over third parties
stay in NumPy, on this kernel's output, so that they add in NumPy's order as before.

The Cubic and PropCbc voting rules raise to the third power, which NumPy's vectorised ``power`` rounds
differently from a scalar one: those stay in NumPy (``RULES`` lists what the kernel takes).

Compiled code is cached on disk (``cache=True``: ``__pycache__`` beside this file, or Numba's user cache
when that is not writable, ``$NUMBA_CACHE_DIR`` if set).
"""

from __future__ import annotations

import numpy as np
from accord.forecast.jit import njit

from accord.forecast.smp import pce
from accord.forecast.smp.params import ThirdPartyCommit, VotingRule

#: voting rules the kernel computes, by code
RULES = {VotingRule.PROP: 0, VotingRule.BINARY: 1, VotingRule.PROP_BIN: 2, VotingRule.ASYM_PROSP: 3}
COMMITS = {ThirdPartyCommit.FULL_COMMIT: 0, ThirdPartyCommit.SEMI_COMMIT: 1, ThirdPartyCommit.NO_COMMIT: 2}

# the constants as pce.vote computes them, so that they round alike
_BINARY_SCALE = pce._BINARY_SCALE
_BIN_KEEP = 1 - pce._PROPBIN_SHARE
_BIN_SHARE = pce._PROPBIN_SHARE


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _vote(rule, weight, du):
    if rule == 0:
        return weight * du
    binary = min(max(du / _BINARY_SCALE, -1.0), 1.0)
    if rule == 1:
        return weight * binary
    if rule == 2:
        return weight * (_BIN_KEEP * du + _BIN_SHARE * binary)
    if du < 0:
        return weight * du
    return 2.0 * weight * du / 3.0


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _utility(distance, risk):
    return (1.0 - distance) * (1.0 + min(distance, 1.0) * risk)


@njit(cache=True, nogil=True, error_model="numpy")
def third_party_votes(distance, estimated_risk, weight, h, i, j, rule, commit, min_coalition):
    """For inputs b, challenges p = (h[p], i[p], j[p]) and actors k: third[b, p, k], k's vote (zero for
    the two principals); and the principals' coalitions before any third party, for_i and for_j [b, p].

    distance (B, n, n), estimated_risk (B, n, n), weight (B, n) = capability × total salience."""
    nb, n = weight.shape
    m = h.shape[0]
    third = np.empty((nb, m, n))
    for_i = np.empty((nb, m))
    for_j = np.empty((nb, m))
    for b in range(nb):
        for p in range(m):
            hp, ip, jp = h[p], i[p], j[p]
            # h's estimates of the principals' utilities for i's and j's positions
            u_ii = _utility(distance[b, ip, ip], estimated_risk[b, hp, ip])
            u_ij = _utility(distance[b, ip, jp], estimated_risk[b, hp, ip])
            u_ji = _utility(distance[b, jp, ip], estimated_risk[b, hp, jp])
            u_jj = _utility(distance[b, jp, jp], estimated_risk[b, hp, jp])
            by_i = _vote(rule, weight[b, ip], u_ii - u_ij)
            by_j = _vote(rule, weight[b, jp], u_ji - u_jj)
            fi = min_coalition + max(by_i, 0.0) + max(by_j, 0.0)
            fj = min_coalition - min(by_i, 0.0) - min(by_j, 0.0)
            for_i[b, p], for_j[b, p] = fi, fj
            for k in range(n):
                if k == ip or k == jp:
                    third[b, p, k] = 0.0
                    continue
                r = estimated_risk[b, hp, k]
                u_i = _utility(distance[b, k, ip], r)
                u_j = _utility(distance[b, k, jp], r)
                u_own = _utility(distance[b, k, k], r)
                lean = _vote(rule, weight[b, k], u_i - u_j)
                odds_i = (fi + max(lean, 0.0)) / (fi + fj + abs(lean))
                odds_j = 1.0 - odds_i
                if commit == 0:
                    join_i, j_beats, i_beats, join_j = 3 * u_i, 3 * u_j, 3 * u_i, 3 * u_j
                elif commit == 1:
                    join_i, j_beats, i_beats, join_j = 2 * u_i + u_own, 3 * u_j, 3 * u_i, 2 * u_j + u_own
                else:
                    join_i, j_beats, i_beats, join_j = 2 * u_i + u_own, 2 * u_j + u_own, 2 * u_i + u_own, 2 * u_j + u_own
                with_i = odds_i * join_i + odds_j * j_beats
                with_j = odds_i * i_beats + odds_j * join_j
                third[b, p, k] = _vote(rule, weight[b, k], with_i - with_j)
    return third, for_i, for_j


@njit(cache=True, nogil=True, error_model="numpy")
def coalitions(weights, utils, rule, min_coalition):
    """pce.coalitions for inputs b: c[b, x, y], the strength of the coalition for option x against y.

    weights (B, n), utils (B, n, m). Voters are added in order, one after another, as NumPy reduces over
    a leading axis; each unordered pair is voted once, "higher index against lower", as there."""
    nb, n, m = utils.shape
    c = np.empty((nb, m, m))
    acc = np.empty((m, m))
    for b in range(nb):
        for x in range(m):
            for y in range(m):
                acc[x, y] = 0.0
        for v in range(n):
            w = weights[b, v]
            for x in range(m):
                for y in range(x):
                    # the vote for x over y, counted for x (x > y) as pce.coalitions's for_first
                    acc[x, y] += max(_vote(rule, w, utils[b, v, x] - utils[b, v, y]), 0.0)
                    # for y over x, counted from the vote on (y, x) as its for_second: max(-vote, 0)
                    acc[y, x] += max(-_vote(rule, w, utils[b, v, x] - utils[b, v, y]), 0.0)
        for x in range(m):
            for y in range(m):
                c[b, x, y] = (acc[x, y] if x != y else 0.0) + min_coalition
    return c
