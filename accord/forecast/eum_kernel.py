"""The EUM's rounds compiled with Numba: one draw at a time, in parallel over draws.

The model is the one ``accord.forecast.eum`` documents; this module only makes it fast. Per round and draw
it does O(n²) work in buffers allocated once per draw, never per round, in the sorted order of the
positions:

- the win probabilities from prefix sums over the sorted voters, with a two-pointer sweep over the pair
  midpoints (the voters strictly below / at or below each midpoint) instead of a search;
- the 3n² powers (each actor's utilities of winning and losing against every other, and the voters'
  weighted distances) as exp(r·log v) in loops LLVM vectorises (libm's ``pow`` is a scalar call: it was
  most of the time);
- each target's offers judged pair by pair, the accepted one chosen in the same pass.

Results agree with the vectorised NumPy formulation this replaced to within floating-point rounding, not
bit for bit (see docs/forecast.md, "Speed and exactness", for the tolerance and why;
tests/forecast/test_eum_kernel.py holds it against that formulation's outputs).

Compiled functions are cached on disk (``cache=True``, in ``__pycache__`` beside this file or Numba's
user cache): the first use on a machine compiles (about 10 s of CPU), later processes load the code.
"""

from __future__ import annotations

import numpy as np
from accord.forecast.jit import njit, prange

# offer kinds, as eum.KINDS
CONFRONT, COMPROMISE, CAPITULATE = 0, 1, 2
_HALF_SLACK = 1e-12  # as accord.forecast.weights
_LN2_HI, _LN2_LO, _INV_LN2, _SQRT2 = 6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.4426950408889634, 2**0.5
#: Numba's default error model checks every division for zero (and then cannot vectorise a loop)
_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}


@njit(**_JIT)
def _exp(a, out, bits, k):
    """out = exp(a) for a <= 0, within 1 ulp of libm (a below -708 gives 0).

    Written as plain loops that LLVM vectorises, which libm's scalar ``exp``/``pow`` calls are not: the
    utilities and weighted distances need 3n² powers a round, the bulk of the work otherwise.
    Cody-Waite reduction a = k·ln2 + r, |r| <= ln2/2, a degree-13 Taylor polynomial, 2^k from its bits.
    """
    for i in range(a.shape[0]):
        v = a[i] if a[i] > -708.0 else -708.0
        k[i] = np.rint(v * _INV_LN2)
        bits[i] = (np.int64(k[i]) + 1023) << 52
    scale = bits.view(np.float64)
    for i in range(a.shape[0]):
        v = a[i] if a[i] > -708.0 else -708.0
        r = (v - k[i] * _LN2_HI) - k[i] * _LN2_LO
        p = 1.0 / 6227020800.0
        p = p * r + 1.0 / 479001600.0
        p = p * r + 1.0 / 39916800.0
        p = p * r + 1.0 / 3628800.0
        p = p * r + 1.0 / 362880.0
        p = p * r + 1.0 / 40320.0
        p = p * r + 1.0 / 5040.0
        p = p * r + 1.0 / 720.0
        p = p * r + 1.0 / 120.0
        p = p * r + 1.0 / 24.0
        p = p * r + 1.0 / 6.0
        p = p * r + 0.5
        p = p * r * r + r
        out[i] = 0.0 if a[i] < -708.0 else (1.0 + p) * scale[i]


@njit(**_JIT)
def _log(x, out, bits, e):
    """out = log(x) for x >= 0 (0 gives -inf), within 2 ulp of libm: x = m·2^e with m in [√½, √2),
    log(m) = 2·atanh(f/(2+f)) by its series (f = m - 1), as vectorisable loops (see ``_exp``)."""
    xi = x.view(np.int64)
    for i in range(x.shape[0]):
        b = xi[i]
        e[i] = (b >> 52) - 1023
        bits[i] = (b & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000
    m = bits.view(np.float64)
    for i in range(x.shape[0]):
        big = m[i] > _SQRT2
        mm = m[i] * 0.5 if big else m[i]
        ee = e[i] + 1.0 if big else e[i]
        f = mm - 1.0
        s = f / (2.0 + f)
        z = s * s
        p = 1.0 / 23.0
        p = p * z + 1.0 / 21.0
        p = p * z + 1.0 / 19.0
        p = p * z + 1.0 / 17.0
        p = p * z + 1.0 / 15.0
        p = p * z + 1.0 / 13.0
        p = p * z + 1.0 / 11.0
        p = p * z + 1.0 / 9.0
        p = p * z + 1.0 / 7.0
        p = p * z + 1.0 / 5.0
        p = p * z + 1.0 / 3.0
        half_f2 = 0.5 * f * f
        out[i] = ee * _LN2_HI + ((f - half_f2 + s * (half_f2 + 2.0 * z * p)) + ee * _LN2_LO)
    for i in range(x.shape[0]):
        if x[i] <= 0.0:
            out[i] = -np.inf


@njit(**_JIT)
def _weighted_median(x, w, order):
    """accord.forecast.weights.weighted_median of one row; ``order`` is filled with x's stable argsort."""
    n = x.shape[0]
    order[:] = np.argsort(x, kind="mergesort")
    total = 0.0
    for k in range(n):
        total += w[order[k]]
    half = total / 2 * (1 - _HALF_SLACK)
    acc = 0.0
    for k in range(n):
        acc += w[order[k]]
        if acc >= half:
            return x[order[k]]
    return x[order[n - 1]]


@njit(**_JIT)
def _block_sum(a, lo, n):
    """NumPy's sum of at most 128 contiguous values: 8 accumulators, then the rest in order."""
    if n < 8:
        res = 0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i = 8
    stop = n - (n % 8)
    while i < stop:
        r0 += a[lo + i]
        r1 += a[lo + i + 1]
        r2 += a[lo + i + 2]
        r3 += a[lo + i + 3]
        r4 += a[lo + i + 4]
        r5 += a[lo + i + 5]
        r6 += a[lo + i + 6]
        r7 += a[lo + i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


@njit(**_JIT)
def _pairwise_sum(a, lo, n):
    """Sum of a[lo:lo+n] in NumPy's pairwise order: halves (cut at a multiple of 8) down to blocks of 128.

    Walked with an explicit stack: Numba's on-disk cache does not reload self-recursive functions safely.
    """
    if n <= 128:
        return _block_sum(a, lo, n)
    starts, sizes, stage = np.empty(64, np.int64), np.empty(64, np.int64), np.zeros(64, np.int64)
    values = np.empty(64)
    top, nvalues = 0, 0
    starts[0], sizes[0], stage[0] = lo, n, 0
    while top >= 0:
        start, size = starts[top], sizes[top]
        if size <= 128:
            values[nvalues] = _block_sum(a, start, size)
            nvalues += 1
            top -= 1
            continue
        half = size // 2
        half -= half % 8
        if stage[top] == 2:
            values[nvalues - 2] = values[nvalues - 2] + values[nvalues - 1]
            nvalues -= 1
            top -= 1
            continue
        stage[top] += 1
        child_start, child_size = (start, half) if stage[top] == 1 else (start + half, size - half)
        top += 1
        starts[top], sizes[top], stage[top] = child_start, child_size, 0
    return values[0]


@njit(**_JIT)
def _win_probability(xv, wv, dist, all_pairs, below, prob, cast):
    """prob[l, m]: the probability that sorted position l beats m, from every voter k's weighted distance
    ``dist[k, l]`` (|x_k - x_l| / width, raised to k's exponent or not).

    Voters strictly below the midpoint of l < m vote for l, those above for m: prefix sums over the
    sorted voters (``below``) give each side's support, and the midpoints of (l, m) grow with m, so two
    pointers find each side's voters in one sweep per l.
    """
    n = xv.shape[0]
    for l in range(n):
        below[0, l] = 0.0
    for k in range(n):
        for l in range(n):
            below[k + 1, l] = below[k, l] + wv[k] * dist[k, l]
    for l in range(n):
        prob[l, l] = 0.0
        # every voter up to l lies below any midpoint of l and a position above it
        strictly_below = l
        not_above = l
        for m in range(l + 1, n):
            if xv[l] == xv[m]:
                prob[l, m] = 0.0
                prob[m, l] = 0.0
                continue
            mid = (xv[l] + xv[m]) / 2
            while strictly_below < n and xv[strictly_below] < mid:
                strictly_below += 1
            if not_above < strictly_below:
                not_above = strictly_below
            while not_above < n and xv[not_above] <= mid:
                not_above += 1
            low = below[strictly_below, m] - below[strictly_below, l]
            high = (below[n, l] - below[not_above, l]) - (below[n, m] - below[not_above, m])
            prob[l, m] = low if low > 0.0 else 0.0
            prob[m, l] = high if high > 0.0 else 0.0
    if all_pairs:
        for l in range(n):
            for m in range(n):
                cast[l * n + m] = prob[l, m] + prob[m, l]
        total = _pairwise_sum(cast, 0, n * n)
        flat = prob.ravel()
        for a in range(n * n):
            flat[a] = flat[a] / total if total > 0 else 0.0
        return
    for l in range(n):
        for m in range(l + 1, n):
            c = prob[l, m] + prob[m, l]
            if c > 0:
                prob[l, m], prob[m, l] = prob[l, m] / c, prob[m, l] / c
            else:
                prob[l, m], prob[m, l] = 0.0, 0.0


@njit(**_JIT)
def _utility(gap, r):
    base = 0.5 - 0.5 * gap
    return 2 - 4 * (base if base > 0.0 else 0.0) ** r


@njit(**_JIT)
def _eu(success, failure, gap, gap_mu, p_win, s_target, r, sq, q, t):
    """A challenger's expected utility (eum.py's step 2); r is the exponent that values it."""
    eu = success - s_target * (1 - p_win) * (success - failure) - q * sq
    if q < 1:
        better, worse = _utility((gap_mu + gap) / 2, r), _utility(-(gap_mu + gap) / 2, r)
        eu = eu - (1 - q) * (t * better + (1 - t) * worse)
    return eu


@njit(**_JIT)
def _powers(logs, r, out, flat_tmp, bits, k):
    """out[a, b] = exp(r[a] · logs[a, b]): row a's values raised to a's exponent."""
    n = r.shape[0]
    tmp = flat_tmp.reshape((n, n))
    for a in range(n):
        for b in range(n):
            tmp[a, b] = r[a] * logs[a, b]
    _exp(flat_tmp, out.ravel(), bits, k)


@njit(**_JIT)
def _round(x, s, w, width, opts, q, t, buf, new, mover, kind_out):
    """One round for one draw, in the sorted order of the positions: the new positions in ``new``, whose
    offer moved each actor in ``mover`` (-1: none) and its kind in ``kind_out`` (canonical order).
    Returns whether anyone moved."""
    all_pairs, vote_voter, target_view, scholz, mu_median = opts[0], opts[1], opts[2], opts[3], opts[4]
    order, rank, xv, wv, sv, gap_mu, danger, r, sq, below, gap, logs, p1, p, cast, su, fa, bits, k = buf
    n = x.shape[0]
    if mu_median:
        mu = _weighted_median(x, w, order)
    else:
        total_w = _pairwise_sum(w, 0, n)
        wx = np.empty(n)
        for a in range(n):
            wx[a] = w[a] * x[a]
        mu = _pairwise_sum(wx, 0, n) / total_w if total_w > 0 else _pairwise_sum(x, 0, n) / n
        order[:] = np.argsort(x, kind="mergesort")
    for a in range(n):
        rank[order[a]] = a
        xv[a], wv[a], sv[a] = x[order[a]], w[order[a]], s[order[a]]
        gap_mu[a] = abs(xv[a] - mu) / width
    for a in range(n):
        for b in range(n):
            gap[a, b] = abs(xv[a] - xv[b]) / width

    # 1. risk exponents from the danger each actor faces, all at r = 1 (summed over challengers in the
    # canonical order, as the sum over actors must not depend on the input's row order)
    _win_probability(xv, wv, gap, all_pairs, below, p1, cast)
    for b in range(n):
        danger[b] = 0.0
    for c in range(n):
        a = rank[c]
        for b in range(n):
            if b != a:
                g = gap[a, b]
                danger[b] += _eu(2 - 4 * (0.5 - 0.5 * g), 2 - 4 * (0.5 + 0.5 * g), g, gap_mu[a], p1[a, b], sv[b],
                                 1.0, 0.0, q, t)
    hi, lo = danger.max(), danger.min()
    for a in range(n):
        big_r = (2 * danger[a] - hi - lo) / (hi - lo) if hi > lo else 0.0
        r[a] = (1 - big_r / 3) / (1 + big_r / 3)
        sq[a] = 2 - 4 * 0.5 ** r[a]

    # 2. win probabilities with those exponents; each actor's utilities of winning (su) and losing (fa)
    # against each other, valued with its own exponent
    if vote_voter:
        _log(gap.ravel(), logs.ravel(), bits, k)
        _powers(logs, r, su, cast, bits, k)  # su as scratch: the weighted distances
        _win_probability(xv, wv, su, all_pairs, below, p, cast)
        pw = p
    else:
        pw = p1
    for a in range(n):
        for b in range(n):
            g = 0.5 - 0.5 * gap[a, b]
            su[a, b] = g if g > 0.0 else 0.0
    _log(su.ravel(), logs.ravel(), bits, k)
    _powers(logs, r, su, cast, bits, k)
    for a in range(n):
        for b in range(n):
            fa[a, b] = 0.5 + 0.5 * gap[a, b]
    _log(fa.ravel(), logs.ravel(), bits, k)
    _powers(logs, r, fa, cast, bits, k)
    for a in range(n):
        for b in range(n):
            su[a, b] = 2 - 4 * su[a, b]
            fa[a, b] = 2 - 4 * fa[a, b]

    # 3. for each target i, every challenger j's offer, and the one i accepts: the least (kind, key,
    # target position, j's canonical index)
    moved = False
    for i in range(n):
        best_kind, best_key, best_to, best_j = CAPITULATE + 1, np.inf, np.inf, -1
        for j in range(n):
            if i == j or xv[i] == xv[j]:
                continue
            g = gap[i, j]
            if target_view:
                e1 = _eu(su[i, j], fa[i, j], g, gap_mu[j], pw[j, i], sv[i], r[i], sq[i], q, t)
            else:
                e1 = _eu(su[j, i], fa[j, i], g, gap_mu[j], pw[j, i], sv[i], r[j], sq[j], q, t)
            if not e1 > 0:
                continue
            e2 = _eu(su[i, j], fa[i, j], g, gap_mu[i], pw[i, j], sv[j], r[i], sq[i], q, t)
            if e2 > 0 and e1 > e2:
                fraction, kind = 1.0, CONFRONT
            elif e2 <= 0:
                fraction = min(1.0, abs(e2) / e1)
                if not fraction > 0:
                    continue
                kind = COMPROMISE if fraction < 1 else CAPITULATE
            else:
                continue
            to = xv[i] + fraction * (xv[j] - xv[i])
            key = abs(to - xv[i])
            if scholz:
                if kind > best_kind:
                    continue
                if kind == COMPROMISE:
                    stakes = abs(e1) + abs(e2)
                    key = (abs(e2) * xv[i] + abs(e1) * xv[j]) / (stakes if stakes > 0 else 1.0)
                if kind < best_kind:
                    best_kind, best_key, best_to, best_j = kind, key, to, j
                    continue
            if key < best_key or (key == best_key and (to < best_to or (to == best_to and order[j] < order[best_j]))):
                best_kind, best_key, best_to, best_j = kind, key, to, j
        actor = order[i]
        if best_j >= 0:
            new[actor], mover[actor], kind_out[actor] = best_to, order[best_j], best_kind
            moved = moved or best_to != xv[i]
        else:
            new[actor], mover[actor], kind_out[actor] = xv[i], -1, -1
    return moved


@njit(**_JIT)
def _buffers(n):
    """Everything a round needs, allocated once per draw."""
    return (
        np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n), np.empty(n), np.empty(n), np.empty(n),
        np.empty(n), np.empty(n), np.empty(n), np.empty((n + 1, n)), np.empty((n, n)), np.empty((n, n)),
        np.empty((n, n)), np.empty((n, n)), np.empty(n * n), np.empty((n, n)), np.empty((n, n)),
        np.empty(n * n, np.int64), np.empty(n * n),
    )


@njit(**_JIT)
def simulate_one(x0, s, w, width, rounds, opts, q, t, positions, movers, kinds):
    """Rounds of one draw until the stop rule: ``positions[k]`` is state k (positions[0] = x0), movers and
    kinds row k-1 the round that led to it. Returns (states, still going when the rounds ran out)."""
    n = x0.shape[0]
    buf = _buffers(n)
    positions[0, :] = x0
    order = np.empty(n, np.int64)
    tolerance = 1e-9 * width
    states = 1
    for _ in range(rounds):
        old, new = positions[states - 1], positions[states]
        if not _round(old, s, w, width, opts, q, t, buf, new, movers[states - 1], kinds[states - 1]):
            return states, False
        states += 1
        # stop "outcome": once the forecast repeats
        if opts[5] and not abs(_weighted_median(new, w, order) - _weighted_median(old, w, order)) > tolerance:
            return states, False
    return states, True


@njit(cache=True, parallel=True, error_model="numpy")
def forecast_many(x, s, w, width, rounds, opts, q, t):
    """The forecast (weighted median of the last state) of every draw: rows of x, s, w (B, n), width (B,)."""
    b, n = x.shape
    out = np.empty(b)
    for row in prange(b):
        positions = np.empty((rounds + 1, n))
        movers = np.empty((max(rounds, 1), n), np.int64)
        kinds = np.empty((max(rounds, 1), n), np.int64)
        states, _ = simulate_one(x[row], s[row], w[row], width[row], rounds, opts, q, t, positions, movers, kinds)
        out[row] = _weighted_median(positions[states - 1], w[row], np.empty(n, np.int64))
    return out
