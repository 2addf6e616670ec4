"""The peer of the compiled EUM: its vectorised NumPy formulation as it stood at commit ebb0eae.

Kept in bench/ only, to be timed beside the kernel in the same run (``python -m bench forecast``) and
to show the two agree; accord itself runs ``accord.forecast.eum``. Same model, same options.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from accord.forecast.base import BatchModel
from accord.forecast.eum import DEFAULT_ROUNDS, eum_parameters
from accord.forecast.weights import weighted_mean, weighted_median

#: offer kinds, in the order the Scholz-code choice prefers them
CONFRONT, COMPROMISE, CAPITULATE = 0, 1, 2


@dataclass
class _Round:
    """What one round decided, per target actor i: the new position, and whose offer moved it."""

    positions: np.ndarray  # (B, n)
    mover: np.ndarray  # (B, n) index of the accepted challenger, -1 if none
    kind: np.ndarray  # (B, n) offer kind, -1 if none


def _utility(gap: np.ndarray, r: np.ndarray | float) -> np.ndarray:
    """2 − 4·(0.5 − 0.5·gap)^r: Scholz et al.'s utility family, gap in −1..1, risk exponent r."""
    base = np.clip(0.5 - 0.5 * gap, 0.0, None)
    # r = 1 (the risk step) is linear: skip the costly power
    return 2 - 4 * (base if isinstance(r, float) and r == 1.0 else base**r)


class ExpectedUtility(BatchModel):
    name = "eum-numpy"

    def __init__(self, **parameters: Any):
        self.parameters = eum_parameters(self.name, parameters)

    # ------------------------------------------------------------------------------ the model

    def _win_probability(
        self, x: np.ndarray, w: np.ndarray, width: np.ndarray, r: np.ndarray | None
    ) -> np.ndarray:
        """P[b, i, j]: probability that i's position beats j's, from the weighted votes of every actor k.

        k's vote for i over j is w_k·(d_kj − d_ki) with d_kl = (|x_k − x_l| / range)^r_k (r_k = 1 when r
        is None). Its sign only depends on which of x_i, x_j is nearer to x_k, so on one dimension the
        voters for i are those on i's side of the midpoint of x_i and x_j: a prefix or suffix of the
        voters sorted by position. Prefix sums over sorted voters then give every pair's support in
        O(n²) rather than O(n³).
        """
        b, n = x.shape
        # work on positions sorted within each row (voters and candidates alike), unsort at the end
        order = np.argsort(x, axis=1, kind="stable")
        xv, wv = np.take_along_axis(x, order, axis=1), np.take_along_axis(w, order, axis=1)
        # cost[b, k, l]: voter k's weighted distance from position l; below: its prefix sums over k
        dist = np.abs(xv[:, :, None] - xv[:, None, :]) / width[:, None, None]
        if r is not None:
            dist = dist ** np.take_along_axis(r, order, axis=1)[:, :, None]
        below = np.concatenate([np.zeros((b, 1, n)), np.cumsum(wv[:, :, None] * dist, axis=1)], axis=1)
        # for sorted indices left < right, left's voters lie strictly below the midpoint, right's above it
        left, right = np.triu_indices(n, 1)
        strictly_below, not_above = _count_below((xv[:, left] + xv[:, right]) / 2, xv)
        rows = np.arange(b)[:, None]
        total = below[:, -1, :]
        support = np.zeros((b, n, n))
        support[:, left, right] = below[rows, strictly_below, right] - below[rows, strictly_below, left]
        support[:, right, left] = (total[:, left] - below[rows, not_above, left]) - (
            total[:, right] - below[rows, not_above, right]
        )
        support = np.where(xv[:, :, None] == xv[:, None, :], 0.0, np.clip(support, 0.0, None))
        cast = support + np.swapaxes(support, 1, 2)
        if self.parameters["probability"] == "all-pairs":
            cast = np.broadcast_to(cast.sum(axis=(1, 2))[:, None, None], cast.shape)
        p_sorted = np.divide(support, cast, out=np.zeros_like(support), where=cast > 0)
        rank = np.argsort(order, axis=1)
        return p_sorted[rows[:, :, None], rank[:, :, None], rank[:, None, :]]

    def _expected_utility(
        self,
        success: np.ndarray,
        failure: np.ndarray,
        gap: np.ndarray,
        gap_mu: np.ndarray,
        p_win: np.ndarray,
        s_target: np.ndarray,
        r: np.ndarray | float,
    ) -> np.ndarray:
        """A challenger's expected utility of challenging a target (all arguments broadcast together).

        success, failure: the challenger's utilities of winning and losing, U(gap) and U(−gap);
        gap: |x_challenger − x_target| / range; gap_mu: |x_challenger − mu| / range. The target resists
        with probability equal to its salience; without resistance the challenger succeeds.
        """
        q, t = self.parameters["Q"], self.parameters["T"]
        status_quo = _utility(np.zeros_like(r) if isinstance(r, np.ndarray) else np.zeros(1), r)
        eu = success - s_target * (1 - p_win) * (success - failure) - q * status_quo
        if q < 1:
            better, worse = _utility((gap_mu + gap) / 2, r), _utility(-(gap_mu + gap) / 2, r)
            eu = eu - (1 - q) * (t * better + (1 - t) * worse)
        return eu

    def _round(self, x: np.ndarray, s: np.ndarray, w: np.ndarray, width: np.ndarray) -> _Round:
        b, n = x.shape
        gap = np.abs(x[:, :, None] - x[:, None, :]) / width[:, None, None]
        mu = weighted_median(x, w) if self.parameters["mu"] == "median" else weighted_mean(x, w)
        gap_mu = (np.abs(x - mu[:, None]) / width[:, None])[:, :, None]  # row actor as challenger
        other = ~np.eye(n, dtype=bool)[None]

        # 1. risk: danger[b, i] = sum over j of j's expected utility of challenging i, all at r = 1
        p1 = self._win_probability(x, w, width, None)
        linear = _utility(gap, 1.0), _utility(-gap, 1.0)
        eu1 = self._expected_utility(*linear, gap, gap_mu, p1, s[:, None, :], 1.0)  # eu1[b, c, t]: c challenges t
        danger = np.where(other, eu1, 0.0).sum(axis=1)
        hi, lo = danger.max(axis=1, keepdims=True), danger.min(axis=1, keepdims=True)
        spread = np.where(hi > lo, hi - lo, 1.0)
        big_r = np.where(hi > lo, (2 * danger - hi - lo) / spread, 0.0)
        r = (1 - big_r / 3) / (1 + big_r / 3)

        # 2. expected utilities with those exponents, rows = target i, columns = challenger j
        p = self._win_probability(x, w, width, r) if self.parameters["vote_risk"] == "voter" else p1
        r_row = r[:, :, None]
        # success[b, a, o], failure: actor a's utilities of winning / losing against o, valued with r_a
        success, failure = _utility(gap, r_row), _utility(-gap, r_row)
        e2 = self._expected_utility(success, failure, gap, gap_mu, p, s[:, None, :], r_row)
        # E1 is j's challenge of i: valued with i's exponent (target) or j's (own: the transposed values)
        if self.parameters["perspective"] == "target":
            r1, s1, f1 = r_row, success, failure
        else:
            r1, s1, f1 = r[:, None, :], np.swapaxes(success, 1, 2), np.swapaxes(failure, 1, 2)
        e1 = self._expected_utility(s1, f1, gap, np.swapaxes(gap_mu, 1, 2), np.swapaxes(p, 1, 2), s[:, :, None], r1)

        # 3. offers to i: j's challenge when E1 > 0; what i would do about each
        offered = other & (gap > 0) & (e1 > 0)
        confront = offered & (e2 > 0) & (e1 > e2)
        yields = offered & (e2 <= 0)
        fraction = np.where(confront, 1.0, np.minimum(1.0, np.abs(e2) / np.where(e1 > 0, e1, 1.0)))
        valid = confront | (yields & (fraction > 0))
        kind = np.where(confront, CONFRONT, np.where(fraction < 1, COMPROMISE, CAPITULATE))
        target = x[:, :, None] + fraction * (x[:, None, :] - x[:, :, None])

        chosen = self._choose(x, valid, kind, target, e1, e2)
        has = valid.any(axis=2)
        rows = np.arange(b)[:, None], np.arange(n)[None, :]
        new = np.where(has, target[rows[0], rows[1], chosen], x)
        return _Round(new, np.where(has, chosen, -1), np.where(has, kind[rows[0], rows[1], chosen], -1))

    def _choose(
        self, x: np.ndarray, valid: np.ndarray, kind: np.ndarray, target: np.ndarray, e1: np.ndarray, e2: np.ndarray
    ) -> np.ndarray:
        """Index of the offer each target accepts (meaningless where it has none)."""
        move = np.abs(target - x[:, :, None])
        if self.parameters["offer"] == "least-move":
            return _first_minimum(np.where(valid, move, np.inf), target)
        # the choice in Scholz et al.'s code: confrontations first, then compromises, then capitulations;
        # among compromises the lowest position weighted by |E1| and |E2|, otherwise the least move
        first = np.where(valid, kind, CAPITULATE + 1).min(axis=2, keepdims=True)
        stakes = np.abs(e1) + np.abs(e2)
        weighted = (np.abs(e2) * x[:, :, None] + np.abs(e1) * x[:, None, :]) / np.where(stakes > 0, stakes, 1.0)
        key = np.where(kind == COMPROMISE, weighted, move)
        return _first_minimum(np.where(valid & (kind == first), key, np.inf), target)

    # ------------------------------------------------------------------------------ running it

    def simulate(
        self, x: np.ndarray, s: np.ndarray, c: np.ndarray, scale: tuple[float, float], rounds: int
    ) -> tuple[list[np.ndarray], list[_Round], np.ndarray]:
        """Positions per state (B, n) for one dimension, the moves, and which rows were still going
        when the rounds ran out: those did not settle (stop by the ``stop`` rule) within ``rounds``.

        A batch row that has stopped keeps its positions while the others go on, so a row's result never
        depends on the rest of the batch.
        """
        w = s * c
        if self.parameters["range"] == "scale":
            width = np.full(x.shape[0], float(scale[1] - scale[0]))
        else:
            width = x.max(axis=1) - x.min(axis=1)
        # everyone at one position: nothing to bargain over; any positive width leaves them there
        width = np.where(width > 0, width, 1.0)
        states, moves = [x], []
        active = np.ones(x.shape[0], dtype=bool)
        for _ in range(rounds):
            old = states[-1]
            step = self._round(old, s, w, width)
            new = np.where(active[:, None], step.positions, old)
            moved = (new != old).any(axis=1)
            active &= moved
            if not active.any():
                break
            states.append(new)
            moves.append(step)
            if self.parameters["stop"] == "outcome":
                tolerance = 1e-9 * width
                active &= np.abs(weighted_median(new, w) - weighted_median(old, w)) > tolerance
            if not active.any():
                break
        return states, moves, active

    def forecast_batch(
        self, positions: np.ndarray, salience: np.ndarray, capability: np.ndarray, scale: tuple[float, float]
    ) -> np.ndarray:
        out = np.empty(positions.shape[0:1] + positions.shape[2:])
        for k in range(positions.shape[2]):
            x, s, c, _ = _canonical(positions[:, :, k], salience[:, :, k], capability)
            states, _, _ = self.simulate(x, s, c, scale, DEFAULT_ROUNDS)
            out[:, k] = weighted_median(states[-1], s * c)
        return out


def _first_minimum(key: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per row of the last axis, the index of the smallest key; ties go to the lower target position,
    so that the order of the input rows never decides."""
    best = key.min(axis=-1, keepdims=True)
    return np.argmin(np.where(key == best, target, np.inf), axis=-1)


def _count_below(points: np.ndarray, sorted_x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per batch row, how many of sorted_x (B, n) lie strictly below / at or below each point (B, m).

    One searchsorted over all rows at once: each row is mapped to 0..1 and shifted by twice its row
    number, so the rows stay apart in one sorted array.
    """
    b, n = sorted_x.shape
    lo = sorted_x[:, :1]
    span = np.where(sorted_x[:, -1:] > lo, sorted_x[:, -1:] - lo, 1.0)
    shift = 2.0 * np.arange(b)[:, None]
    flat = ((sorted_x - lo) / span + shift).ravel()
    pts = (points - lo) / span + shift
    start = n * np.arange(b)[:, None]
    return np.searchsorted(flat, pts, "left") - start, np.searchsorted(flat, pts, "right") - start


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
