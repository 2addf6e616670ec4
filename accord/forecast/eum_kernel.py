"""The EUM's rounds compiled with Numba: one draw at a time, in parallel over draws.

The model is the one ``accord.forecast.eum`` documents; this module only makes it fast. Per round and draw
it does O(n²) work in buffers allocated once per draw, never per round, in the sorted order of the
positions:

- the win probabilities from prefix sums over the sorted voters, with a pointer sweep over the pair
  midpoints (the voters strictly below / at or below each midpoint) instead of a search, done once a
  round for both of its win probabilities, on one column per distinct position (``_positions``: actors
  at one position have the same numbers; after the first round about a third of them share one);
- the powers (the voters' weighted distances, n × columns, and each target's utilities of winning and
  losing against every challenger's position) as exp(r·log v) in loops LLVM vectorises (libm's ``pow``
  is a scalar call: it was most of the time); the logarithms depend only on two positions, and a round's
  positions are nearly all the last round's, so they are kept in tables by position across a draw's
  rounds and taken only for a new position (``_column_table``);
- the offers only to the targets that may accept one (``_targets``: a bound shows the others' expected
  utility of every challenge is negative, about 57 % of targets in the benchmark), with challengers'
  positions in the outer loop and those targets, gathered into rows, in the inner one, so that the inner
  loop reads rows and vectorises; what depends on the challenger's position alone is computed once for
  all the challengers there.

Results agree with the vectorised NumPy formulation this replaced to within floating-point rounding, not
bit for bit (see docs/forecast.md, "Speed and exactness", for the tolerance and why;
tests/forecast/test_eum_kernel.py holds it against that formulation's outputs). Since commit 6b04246 they
are fixed bit for bit: later speed work must give the same numbers (the same operations on the same
values, in the same order; tests/forecast/data/eum-kernel-reference.npz).

Compiled functions are cached on disk (``cache=True``, in ``__pycache__`` beside this file or Numba's
user cache): the first use on a machine compiles (about 10 s of CPU), later processes load the code.
"""

from __future__ import annotations

import numpy as np
from llvmlite import ir as llvm_ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

# njit and prange from accord.forecast.jit, as every kernel: it sets up Numba's CPU target without SciPy
from accord.forecast.jit import njit, prange

# offer kinds, as eum.KINDS
CONFRONT, COMPROMISE, CAPITULATE = 0, 1, 2
_HALF_SLACK = 1e-12  # as accord.forecast.weights
_SKIP_SLACK, _SKIP_GAP = 1e-6, 1e-6  # see _targets
_LN2_HI, _LN2_LO, _INV_LN2, _SQRT2 = 6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.4426950408889634, 2**0.5
_ROUND_BITS = 1.5 * 2**52
#: Numba's default error model checks every division for zero (and then cannot vectorise a loop)
_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}


@intrinsic
def _as_float(typingctx, bits):
    """The float64 whose IEEE-754 bits are the int64 ``bits`` (a bit cast, not a conversion)."""

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.DoubleType())

    return types.float64(types.int64), codegen


@intrinsic
def _as_int(typingctx, value):
    """The int64 holding the IEEE-754 bits of the float64 ``value``."""

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.IntType(64))

    return types.int64(types.float64), codegen


@njit(**_JIT, inline="always")
def _exp1(a):
    """exp(a) for a <= 0, within 1 ulp of libm (a below -708 gives 0).

    Plain arithmetic that LLVM vectorises in the loops that call it, which libm's scalar ``exp``/``pow``
    calls are not: the utilities and weighted distances need 3n² powers a round, the bulk of the work
    otherwise. Cody-Waite reduction a = k·ln2 + r, |r| <= ln2/2, a degree-13 Taylor polynomial, 2^k from
    its bits. The kernel's results depend on these exact operations (tests/forecast/test_eum_kernel.py
    pins them bit for bit): do not reorder them, nor let fastmath do it.
    """
    v = a if a > -708.0 else -708.0
    k = np.rint(v * _INV_LN2)
    # 2^k from k's bits after adding 1.5·2^52, which puts the integer k in the low bits exactly: AVX2 has no
    # vector conversion of a float to an int64, so np.int64(k) took four scalar ones
    scale = _as_float((_as_int(k + _ROUND_BITS) + 1023) << 52)
    r = (v - k * _LN2_HI) - k * _LN2_LO
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
    return 0.0 if a < -708.0 else (1.0 + p) * scale


@njit(**_JIT, inline="always")
def _log1(x):
    """log(x) for x >= 0 (0 gives -inf), within 2 ulp of libm: x = m·2^e with m in [√½, √2),
    log(m) = 2·atanh(f/(2+f)) by its series (f = m - 1); vectorisable and exact in the same way as
    ``_exp1``."""
    b = _as_int(x)
    e = np.float64((b >> 52) - 1023)
    m = _as_float((b & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000)
    big = m > _SQRT2
    mm = m * 0.5 if big else m
    ee = e + 1.0 if big else e
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
    out = ee * _LN2_HI + ((f - half_f2 + s * (half_f2 + 2.0 * z * p)) + ee * _LN2_LO)
    return -np.inf if x <= 0.0 else out


@njit(**_JIT)
def _sort_order(x, order):
    """Turns ``order``, a permutation of x's indices (the last round's order), into x's stable argsort:
    by insertion, which costs a step per pair out of order. A round moves about four actors in ten, most
    a few places, so this is a fraction of a merge sort (which also allocates); where they are far out of
    order (over 8 steps an actor) the merge sort takes over. Both give the one stable order."""
    n = x.shape[0]
    budget = 8 * n
    for i in range(1, n):
        v = order[i]
        xi = x[v]
        j = i - 1
        while j >= 0 and (x[order[j]] > xi or (x[order[j]] == xi and order[j] > v)):
            order[j + 1] = order[j]
            j -= 1
        order[j + 1] = v
        budget -= i - 1 - j
        if budget < 0:
            order[:] = np.argsort(x, kind="mergesort")
            return


@njit(**_JIT)
def _weighted_median(x, w, order):
    """accord.forecast.weights.weighted_median of one row; ``order`` (a permutation of x's indices on
    entry) is made x's stable argsort."""
    n = x.shape[0]
    _sort_order(x, order)
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


@intrinsic
def _lane_sums(typingctx, a, lo, stop):
    """NumPy's 8-accumulator sum of a[lo:lo+stop] (stop a multiple of 8, at least 8): accumulator j
    adds a[lo+j], a[lo+j+8], ... in order, then ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)). The accumulators
    are the lanes of one vector of 8: LLVM did not vectorise them written as 8 scalars (nor as a row of 8
    in memory), and the scalar adds were most of the all-pairs total's time. The same adds on the same
    values, lane by lane."""

    def codegen(context, builder, signature, args):
        data = context.make_array(signature.args[0])(context, builder, args[0]).data
        start, stop = args[1], args[2]
        vector = llvm_ir.VectorType(llvm_ir.DoubleType(), 8)
        i64 = llvm_ir.IntType(64)

        def load(offset):
            return builder.load(builder.bitcast(builder.gep(data, [offset]), vector.as_pointer()), align=8)

        acc = cgutils.alloca_once(builder, vector)
        builder.store(load(start), acc)
        with cgutils.for_range_slice(builder, llvm_ir.Constant(i64, 8), stop, llvm_ir.Constant(i64, 8), intp=i64) as (i, _):
            builder.store(builder.fadd(builder.load(acc), load(builder.add(start, i))), acc)
        lanes = builder.load(acc)
        r = [builder.extract_element(lanes, llvm_ir.Constant(llvm_ir.IntType(32), j)) for j in range(8)]
        left = builder.fadd(builder.fadd(r[0], r[1]), builder.fadd(r[2], r[3]))
        return builder.fadd(left, builder.fadd(builder.fadd(r[4], r[5]), builder.fadd(r[6], r[7])))

    return types.float64(a, types.int64, types.int64), codegen


@intrinsic
def _lane_sums4(typingctx, a, lo0, lo1, lo2, lo3, stop0, stop1, stop2, stop3):
    """``_lane_sums`` of four blocks at once (a[lo_k:lo_k+stop_k], each stop a multiple of 8, at least 8):
    each block's adds are its own, in its own order, so each result is ``_lane_sums``'s bit for bit. One
    block's adds form one chain of dependent vector adds, about a hundred cycles a block; four chains side
    by side overlap their latencies."""

    def codegen(context, builder, signature, args):
        data = context.make_array(signature.args[0])(context, builder, args[0]).data
        starts, stops = args[1:5], args[5:9]
        vector = llvm_ir.VectorType(llvm_ir.DoubleType(), 8)
        i64 = llvm_ir.IntType(64)
        eight = llvm_ir.Constant(i64, 8)

        def load(offset):
            return builder.load(builder.bitcast(builder.gep(data, [offset]), vector.as_pointer()), align=8)

        accs = []
        for start in starts:
            acc = cgutils.alloca_once(builder, vector)
            builder.store(load(start), acc)
            accs.append(acc)
        common = stops[0]
        for stop in stops[1:]:
            common = builder.select(builder.icmp_signed("<", stop, common), stop, common)
        with cgutils.for_range_slice(builder, eight, common, eight, intp=i64) as (i, _):
            loaded = [load(builder.add(start, i)) for start in starts]
            for acc, value in zip(accs, loaded):
                builder.store(builder.fadd(builder.load(acc), value), acc)
        sums = []
        for acc, start, stop in zip(accs, starts, stops):
            # the longer blocks' rest, each on its own
            with cgutils.for_range_slice(builder, common, stop, eight, intp=i64) as (i, _):
                builder.store(builder.fadd(builder.load(acc), load(builder.add(start, i))), acc)
            lanes = builder.load(acc)
            r = [builder.extract_element(lanes, llvm_ir.Constant(llvm_ir.IntType(32), j)) for j in range(8)]
            left = builder.fadd(builder.fadd(r[0], r[1]), builder.fadd(r[2], r[3]))
            sums.append(builder.fadd(left, builder.fadd(builder.fadd(r[4], r[5]), builder.fadd(r[6], r[7]))))
        return context.make_tuple(builder, signature.return_type, sums)

    return types.UniTuple(types.float64, 4)(a, *([types.int64] * 8)), codegen


@njit(**_JIT)
def _block_sum(a, lo, n):
    """NumPy's sum of at most 128 contiguous values: 8 accumulators (``_lane_sums``), then the rest in order."""
    if n < 8:
        res = 0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    stop = n - (n % 8)
    res = _lane_sums(a, lo, stop)
    for i in range(lo + stop, lo + n):
        res += a[i]
    return res


@njit(**_JIT)
def _sum_plan(n):
    """NumPy's pairwise order for summing n values, as a plan ``_planned_sum`` follows: halves (cut at a
    multiple of 8) down to blocks of at most 128 (starts, sizes), then the additions of the halves' sums
    (values[o[0]] = values[o[1]] + values[o[2]] for each row o of ops, in order; leaves[k]: where block
    k's sum goes). The all-pairs total sums n² values twice a round: walking the halves each time, with
    its stack, cost as much as the adds. Walked with an explicit stack: Numba's on-disk cache does not
    reload self-recursive functions safely."""
    most = n // 32 + 2
    starts, sizes, leaves = np.empty(most, np.int64), np.empty(most, np.int64), np.empty(most, np.int64)
    ops = np.empty((most, 3), np.int64)
    lo, size, stage, node = np.empty(64, np.int64), np.empty(64, np.int64), np.zeros(64, np.int64), np.empty(64, np.int64)
    top, nblocks, nops, nodes, nvalues = 0, 0, 0, 0, 0
    lo[0], size[0] = 0, n
    while top >= 0:
        if size[top] <= 128:
            starts[nblocks], sizes[nblocks], leaves[nblocks] = lo[top], size[top], nodes
            node[nvalues] = nodes
            nblocks, nodes, nvalues, top = nblocks + 1, nodes + 1, nvalues + 1, top - 1
            continue
        if stage[top] == 2:
            ops[nops, 0], ops[nops, 1], ops[nops, 2] = nodes, node[nvalues - 2], node[nvalues - 1]
            node[nvalues - 2] = nodes
            nops, nodes, nvalues, top = nops + 1, nodes + 1, nvalues - 1, top - 1
            continue
        half = size[top] // 2
        half -= half % 8
        stage[top] += 1
        child_lo, child_size = (lo[top], half) if stage[top] == 1 else (lo[top] + half, size[top] - half)
        top += 1
        lo[top], size[top], stage[top] = child_lo, child_size, 0
    return starts[:nblocks], sizes[:nblocks], leaves[:nblocks], ops[:nops], np.empty(nodes)


@njit(**_JIT)
def _planned_sum(a, lo, plan):
    """Sum of a[lo:] in the order of ``plan`` (``_sum_plan``)."""
    starts, sizes, leaves, ops, values = plan
    nblocks = starts.shape[0]
    k = 0
    while k + 4 <= nblocks and min(sizes[k], sizes[k + 1], sizes[k + 2], sizes[k + 3]) >= 8:
        # four blocks' vector parts side by side (_lane_sums4), then each block's rest in order as _block_sum
        s0, s1, s2, s3 = sizes[k], sizes[k + 1], sizes[k + 2], sizes[k + 3]
        lo0, lo1, lo2, lo3 = lo + starts[k], lo + starts[k + 1], lo + starts[k + 2], lo + starts[k + 3]
        r0, r1, r2, r3 = _lane_sums4(a, lo0, lo1, lo2, lo3, s0 - s0 % 8, s1 - s1 % 8, s2 - s2 % 8, s3 - s3 % 8)
        for i in range(lo0 + s0 - s0 % 8, lo0 + s0):
            r0 += a[i]
        for i in range(lo1 + s1 - s1 % 8, lo1 + s1):
            r1 += a[i]
        for i in range(lo2 + s2 - s2 % 8, lo2 + s2):
            r2 += a[i]
        for i in range(lo3 + s3 - s3 % 8, lo3 + s3):
            r3 += a[i]
        values[leaves[k]], values[leaves[k + 1]], values[leaves[k + 2]], values[leaves[k + 3]] = r0, r1, r2, r3
        k += 4
    for k in range(k, nblocks):
        values[leaves[k]] = _block_sum(a, lo + starts[k], sizes[k])
    for o in range(ops.shape[0]):
        values[ops[o, 0]] = values[ops[o, 1]] + values[ops[o, 2]]
    return values[values.shape[0] - 1]


@njit(**_JIT)
def _pairwise_sum(a, lo, n):
    """Sum of a[lo:lo+n] in NumPy's pairwise order."""
    if n <= 128:
        return _block_sum(a, lo, n)
    return _planned_sum(a, lo, _sum_plan(n))


@njit(**_JIT)
def _positions(xv, ud, grp, first, past):
    """The columns the win probabilities are computed on, one per distinct position (``ud``, ascending)
    but for the exception below. grp[a]: actor a's column; first[c]: the first actor in column c
    (first[nd] = n); past[c]: the first actor above column c's position. Returns the number of columns.
    Actors at one position have the same distances to every voter, so their columns of prefix sums and
    win probabilities are the same numbers: computed once, for about a quarter fewer columns after the
    first round (capitulations and confrontations move actors onto others' positions).

    The exception: before columns were grouped, each actor's sweep over the voters (``_pointers``)
    started at itself, so when a midpoint equals its own position (the next position a float or two
    above it: a capitulation lands within rounding of its challenger, in about one round in eight
    here) it counted the actors at its position before it as below, and the actors there got different
    numbers. Such a position with several actors keeps one column per actor. Its midpoints with the
    positions above grow with them, so only the next position's can fall on it."""
    n = xv.shape[0]
    nd = 0
    a = 0
    while a < n:
        b = a + 1
        while b < n and xv[b] == xv[a]:
            b += 1
        split = b - a > 1 and b < n and (xv[a] + xv[b]) / 2 == xv[a]
        for k in range(a, b):
            if k == a or split:
                ud[nd], first[nd], past[nd] = xv[a], k, b
                nd += 1
            grp[k] = nd - 1
        a = b
    first[nd] = n
    return nd


@njit(**_JIT)
def _pointers(ud, first, past, nd, lowest, strictly_below, not_above):
    """For each pair of columns l < m (``_positions``), how many voters lie strictly below their
    midpoint and how many at or below it (``[l, m]``; pairs at one position are not read), each times n:
    the offset of that row of the flattened prefix sums, which both win probabilities of a round read.
    The voters are the columns' actors in order, so the counts are column starts: first[c] for the first
    column c at or above the midpoint, past[c] if c lies on it.

    The midpoint of (l, m) grows with l, so column l - 1's c for m is where l's search starts
    (``lowest[m]``), usually one step or none away. Each pair's search is then independent of the
    others' (a pointer swept along m made one chain of data-dependent branches, mispredicted about once
    a pair: 20 µs a round, 12 % of it); two steps are taken without a branch, and the rare longer
    ones in a loop (7 % of pairs in the benchmark). Indices are unsigned where they can be: Numba wraps
    negative signed indices around, a test and two instructions on every access.

    A midpoint equal to column l's position counts only the actors before l's first as below, as the
    sweep per actor did before columns were grouped (``_positions`` gives such an actor a column of its
    own). A pair at one position (such actors' columns) has its midpoint there too: its c stays put."""
    for m in range(nd):
        lowest[m] = 0
    one = np.uint64(1)
    stride = first[nd]
    for l in range(nd):
        ul, first_l, past_l = ud[l], first[l] * stride, past[l] * stride
        below_row, above_row = strictly_below[l], not_above[l]
        for m in range(np.uint64(l) + one, np.uint64(nd)):
            mid = (ul + ud[m]) / 2
            c = lowest[m]
            c += np.uint64(ud[c] < mid)
            c += np.uint64(ud[c] < mid)
            # ud[m] >= mid stops it at m or before
            while ud[c] < mid:
                c += one
            lowest[m] = c
            on_l = mid == ul
            fc = first[c] * stride
            pc = past[c] * stride
            below_row[m] = first_l if on_l else fc
            above_row[m] = past_l if on_l else (pc if ud[c] == mid else fc)


@njit(**_JIT)
def _support_linear(wv, gap, grp, nd, below):
    """below[k, l]: the weighted distances to column l of the voters before k (prefix sums over sorted
    voters); gap[c, l]: the distance between columns c and l (voter k's is its column's, grp[k])."""
    n = wv.shape[0]
    for l in range(nd):
        below[0, l] = 0.0
    for k in range(n):
        wk, gap_k = wv[k], gap[grp[k]]
        for l in range(nd):
            below[k + 1, l] = below[k, l] + wk * gap_k[l]


@njit(**_JIT)
def _column_table(ud, nd, gap, vote_voter, known, old_ud, old_id, cid, live, fresh, pick, vals, logs, log_gap,
                  log_win, log_lose):
    """The logarithms the round's powers need, of values that depend only on two positions (and are
    symmetric): the gaps (when voters use their exponents) and the bases of the utilities of winning
    (0.5 - 0.5·gap, at least 0) and losing (0.5 + 0.5·gap). They are kept across a draw's rounds in
    tables indexed by position: cid[c] is column c's row and column there. A round's positions are
    nearly all the last round's (capitulations and confrontations move actors onto positions already
    held; only a compromise makes a new one: 1-2 % of a round's columns in the benchmark), so only a
    new position's logarithms are taken, against every column (in the first round every pair, once).
    known[0]: how many of old_ud (the last round's columns' positions) and old_id (their rows) there are;
    a row whose position is gone is taken for a new one. gap[c, d]: the round's gap between columns."""
    n = live.shape[0]
    nd_old = known[0]
    for i in range(n):
        live[i] = 0
    nfresh = 0
    j = 0
    for c in range(nd):
        u = ud[c]
        while j < nd_old and old_ud[j] < u:
            j += 1
        if j < nd_old and old_ud[j] == u:
            cid[c] = old_id[j]
            live[cid[c]] = 1
        else:
            cid[c] = -1
            # a position with a column per actor (_positions) gets one row
            if c == 0 or ud[c - 1] != u:
                fresh[nfresh] = c
                nfresh += 1
    i = 0
    for f in range(nfresh):
        while live[i]:
            i += 1
        live[i] = 1
        cid[fresh[f]] = i
    for c in range(nd):
        if cid[c] < 0:
            cid[c] = cid[c - 1]
    # a new position against every column but the new ones before it (their rows hold the pair already)
    for f in range(nfresh):
        c = fresh[f]
        ic = cid[c]
        count = 0
        earlier = 0
        for d in range(nd):
            if earlier < f and d == fresh[earlier]:
                earlier += 1
                continue
            pick[count] = d
            count += 1
        gap_c = gap[c]
        for k in range(count):
            vals[k] = gap_c[pick[k]]
        count8 = _padded(count)
        if vote_voter:
            for k in range(count8):
                logs[k] = _log1(vals[k])
            for k in range(count):
                at = cid[pick[k]]
                log_gap[ic, at] = logs[k]
                log_gap[at, ic] = logs[k]
        for k in range(count8):
            h = 0.5 - 0.5 * vals[k]
            logs[k] = _log1(h if h > 0.0 else 0.0)
        for k in range(count):
            at = cid[pick[k]]
            log_win[ic, at] = logs[k]
            log_win[at, ic] = logs[k]
        for k in range(count8):
            logs[k] = _log1(0.5 + 0.5 * vals[k])
        for k in range(count):
            at = cid[pick[k]]
            log_lose[ic, at] = logs[k]
            log_lose[at, ic] = logs[k]
    for c in range(nd):
        old_ud[c], old_id[c] = ud[c], cid[c]
    known[0] = nd


@njit(**_JIT)
def _support_powered(wv, r, grp, nd, below, row, log_row, log_gap, cid):
    """As ``_support_linear`` with each voter k's distances raised to its exponent: exp(r_k · log gap),
    the logarithms from the table of ``_column_table``. The first voter of each column gathers its
    column's row into ``log_row``, the other voters there reuse it. The powers go through ``row``:
    written straight into the running sums, the loop did not vectorise."""
    n = wv.shape[0]
    for l in range(nd):
        below[0, l] = 0.0
    for k in range(n):
        wk, rk, c = wv[k], r[k], grp[k]
        if k == 0 or c != grp[k - 1]:
            logs_c = log_gap[cid[c]]
            for l in range(nd):
                log_row[l] = logs_c[cid[l]]
        for l in range(_padded(nd)):
            row[l] = _exp1(rk * log_row[l])
        for l in range(nd):
            below[k + 1, l] = below[k, l] + wk * row[l]


@njit(**_JIT)
def _win_probability(ud, nd, grp, first, below, strictly_below, not_above, all_pairs, prob, cast, plan, rest):
    """prob[l, m]: the probability that column l's position beats column m's, from the prefix sums of the
    voters' weighted distances (``below``). Voters strictly below the midpoint of l < m vote for l, those
    above it for m. ``cast`` (n × n, row by row) gets the votes cast on each pair of actors, both halves:
    the all-pairs total adds them in NumPy's order. The pairs' loop writes them straight to the first
    actors of the two columns; the actors after the first at a position copy them after (about a third of
    actors share a position after the first round): gathered per column pair and actor, as they were
    before, the copy into the actors' rows cost as much as the pairs' loop."""
    n = grp.shape[0]
    one = np.uint64(1)
    everyone = below[n]
    votes = cast.reshape((n, n))
    first_u = first.view(np.uint64)
    # flat arrays and row offsets (the pointers hold voter counts times n): fewer live arrays and no
    # multiplication per access in the pairs' loop, which spilled its registers to the stack
    flat = below.ravel()
    prob_flat = prob.ravel()
    width = np.uint64(prob.shape[1])
    un = np.uint64(n)
    for l in range(nd):
        ul, lu, everyone_l = ud[l], np.uint64(l), everyone[l]
        fl = first_u[l]
        sb_row, na_row, prob_row, cast_row = strictly_below[l], not_above[l], prob[l], votes[fl]
        prob_row[l] = 0.0
        cast_row[fl] = 0.0
        column = (lu + one) * width + lu
        # unsigned indices: no wrap-around test on every access (see _pointers)
        for m in range(lu + one, np.uint64(nd)):
            sb, na = sb_row[m], na_row[m]
            low = flat[sb + m] - flat[sb + lu]
            high = (everyone_l - flat[na + lu]) - (everyone[m] - flat[na + m])
            low = low if low > 0.0 else 0.0
            high = high if high > 0.0 else 0.0
            same = ud[m] == ul
            low = 0.0 if same else low
            high = 0.0 if same else high
            prob_row[m] = low
            prob_flat[column] = high
            column += width
            fm = first_u[m]
            cast_row[fm] = low + high
            cast[fm * un + fl] = low + high
    if all_pairs:
        # the actors after the first of their column, each a copy of the actor before it
        nrest = 0
        for b in range(1, n):
            if grp[b] == grp[b - 1]:
                rest[nrest] = b
                nrest += 1
        for l in range(nd):
            row = votes[first[l]]
            for k in range(nrest):
                row[rest[k]] = row[rest[k] - 1]
            for a in range(first[l] + 1, first[l + 1]):
                copy = votes[a]
                for b in range(n):
                    copy[b] = row[b]
        total = _planned_sum(cast, 0, plan)
        for l in range(nd):
            for m in range(_padded(nd)):
                prob[l, m] = prob[l, m] / total if total > 0 else 0.0
        return
    for l in range(nd):
        for m in range(l + 1, nd):
            c = votes[first[l], first[m]]
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
def _targets(xv, sv, r, most, width, q, target_view, active):
    """The targets that may accept an offer this round, in sorted order, into ``active``; returns how many.
    most[i]: the largest p[j, i], the probability of any challenger j winning against target i.

    A target i can be left out only when, for every challenger j, E1 (the target's expected utility of
    j's challenge) is not positive, whatever the rounding: then none of j's offers is valid and i stays.
    With the target's view and Q = 1, E1 = (su - sq) - c·(su - fa) with c = s_i·(1 - p[j, i]) and su, sq,
    fa the target's utilities of winning, of the status quo and of losing (su >= sq >= fa). So E1 <= 0 iff
    c >= rho = (su - sq) / (su - fa), and rho <= max(0.5, 0.5^r_i) for any gap (convexity of t^r for
    r >= 1; for r < 1 it grows with the gap up to 0.5^r at gap 1; tests/forecast/test_eum_kernel.py
    checks the bound). The slack _SKIP_SLACK on c, and a least gap _SKIP_GAP to any other position, keep
    the exact E1 below -_SKIP_SLACK·_SKIP_GAP/2 ≈ -5e-13, far beyond the computed E1's rounding (≈ 1e-14):
    the results are the same bit for bit as computing every target (which other options still do)."""
    n = xv.shape[0]
    if not target_view or q < 1:
        for i in range(n):
            active[i] = i
        return n
    count = 0
    for i in range(n):
        # the nearest other position, as a gap (equal positions make no offer to each other)
        near = np.inf
        k = i - 1
        while k >= 0 and xv[k] == xv[i]:
            k -= 1
        if k >= 0:
            near = xv[i] - xv[k]
        k = i + 1
        while k < n and xv[k] == xv[i]:
            k += 1
        if k < n and xv[k] - xv[i] < near:
            near = xv[k] - xv[i]
        rho = 0.5 if r[i] >= 1 else 0.5 ** r[i]
        if not (sv[i] * (1 - most[i]) >= rho + _SKIP_SLACK and near / width >= _SKIP_GAP):
            active[count] = i
            count += 1
    return count


@njit(**_JIT, inline="always")
def _choose(na8, order_j, xj, s_j, cj, q, sq_j, xa, sa, e1_col, su, su_fa, q_sqa, pa, pta, su_own, fa_own, quo1,
            quo2, best_kind, best_key, best_to, best_order, was, now, target_view, partial, scholz):
    """Challenger j's offer to each gathered target k (_round's step 3), kept where the target prefers it to
    the best so far: the best offers read from row ``was`` of the best_* arrays and written to row ``now``.
    Written back in place, LLVM made the stores masked ones (slow here); ``partial``: Q < 1."""
    for k in range(na8):
        xi = xa[k]
        if target_view:
            e1 = e1_col[k]
        else:
            e1 = su_own[k] - sa[k] * pa[cj, k] * (su_own[k] - fa_own[k]) - q * sq_j
        e2 = su[k] - s_j * pta[cj, k] * su_fa[k] - q_sqa[k]
        if partial:
            e1 = e1 - quo1[k]
            e2 = e2 - quo2[k]
        confront = (e2 > 0) & (e1 > e2)
        fraction = 1.0 if confront else min(1.0, abs(e2) / e1)
        kind = CONFRONT if confront else (COMPROMISE if fraction < 1 else CAPITULATE)
        valid = (xi != xj) & (e1 > 0) & (confront | ((e2 <= 0) & (fraction > 0)))
        to = xi + fraction * (xj - xi)
        key = abs(to - xi)
        if scholz and kind == COMPROMISE:
            stakes = abs(e1) + abs(e2)
            key = (abs(e2) * xi + abs(e1) * xj) / (stakes if stakes > 0 else 1.0)
        kind0, key0, to0, order0 = best_kind[was, k], best_key[was, k], best_to[was, k], best_order[was, k]
        better = (key < key0) | ((key == key0) & ((to < to0) | ((to == to0) & (order_j < order0))))
        if scholz:
            take = valid & ((kind < kind0) | ((kind == kind0) & better))
        else:
            take = valid & better
        # written whether taken or not, so that the loop has no branch to stop it vectorising
        best_kind[now, k] = kind if take else kind0
        best_key[now, k] = key if take else key0
        best_to[now, k] = to if take else to0
        best_order[now, k] = order_j if take else order0


@njit(**_JIT)
def _round(x, s, w, width, opts, q, t, buf, new, mover, kind_out):
    """One round for one draw, in the sorted order of the positions: the new positions in ``new``, whose
    offer moved each actor in ``mover`` (-1: none) and its kind in ``kind_out`` (canonical order).
    Returns whether anyone moved."""
    all_pairs, vote_voter, target_view, scholz, mu_median = opts[0], opts[1], opts[2], opts[3], opts[4]
    (order, rank, xv, wv, sv, gap_mu, danger, r, sq, below, gap, pa, pta, p, cast, strictly_below,
     not_above, best_kind, best_key, best_to, best_order, wx, row, su, su_fa, su_own, fa_own, quo1, quo2,
     log_gap, log_win, active, xa, sa, ra, q_sqa, gap_mu_a, ga, log_su, log_fa, ud, grp, first, log_lose,
     cid, col_a, e1_col, past, lowest, tid, log_row, known, old_ud, old_id, live, fresh, pick, vals, term, win_c, stake_c, lose_c,
     plan, rest) = buf
    n = x.shape[0]
    if mu_median:
        mu = _weighted_median(x, w, order)
    else:
        total_w = _pairwise_sum(w, 0, n)
        for a in range(n):
            wx[a] = w[a] * x[a]
        mu = _pairwise_sum(wx, 0, n) / total_w if total_w > 0 else _pairwise_sum(x, 0, n) / n
        _sort_order(x, order)
    for a in range(n):
        rank[order[a]] = a
        xv[a], wv[a], sv[a] = x[order[a]], w[order[a]], s[order[a]]
        gap_mu[a] = abs(xv[a] - mu) / width
    nd = _positions(xv, ud, grp, first, past)
    _pointers(ud, first, past, nd, lowest, strictly_below, not_above)
    for c in range(nd):
        for d in range(_padded(nd)):
            gap[c, d] = abs(ud[c] - ud[d]) / width

    # 1. risk exponents from the danger each actor faces, all at r = 1 (summed over challengers in the
    # canonical order, as the sum over actors must not depend on the input's row order)
    _support_linear(wv, gap, grp, nd, below)
    _win_probability(ud, nd, grp, first, below, strictly_below, not_above, all_pairs, p, cast, plan, rest)
    for b in range(n):
        danger[b] = 0.0
    if q >= 1:
        # then a challenge's expected utility depends on the challenger's column and the target alone:
        # once per challenger column and target (term), from what depends on the two columns (win_c, the
        # utility of winning, stake_c, of winning less that of losing, lose_c, the chance of losing),
        # then added up row by row. An actor's own term, left out, is +0.0 here (gap and p are 0), and a
        # sum that starts at +0.0 never becomes -0.0, so adding it changes nothing
        for ca in range(nd):
            gap_a, p_a, term_a = gap[ca], p[ca], term[ca]
            for cb in range(_padded(nd)):
                g = gap_a[cb]
                win_c[cb] = 2 - 4 * (0.5 - 0.5 * g)
                stake_c[cb] = win_c[cb] - (2 - 4 * (0.5 + 0.5 * g))
                lose_c[cb] = 1 - p_a[cb]
            for b in range(n):
                cb = grp[b]
                term_a[b] = win_c[cb] - sv[b] * lose_c[cb] * stake_c[cb]
        for c in range(n):
            term_a = term[grp[rank[c]]]
            for b in range(n):
                danger[b] += term_a[b]
    else:
        for c in range(n):
            a = rank[c]
            ca = grp[a]
            for b in range(n):
                if b != a:
                    g = gap[ca, grp[b]]
                    danger[b] += _eu(2 - 4 * (0.5 - 0.5 * g), 2 - 4 * (0.5 + 0.5 * g), g, gap_mu[a], p[ca, grp[b]],
                                     sv[b], 1.0, 0.0, q, t)
    hi, lo = danger.max(), danger.min()
    for a in range(n):
        big_r = (2 * danger[a] - hi - lo) / (hi - lo) if hi > lo else 0.0
        r[a] = (1 - big_r / 3) / (1 + big_r / 3)
        sq[a] = 2 - 4 * 0.5 ** r[a]

    # 2. win probabilities with those exponents (or the same as in step 1)
    _column_table(ud, nd, gap, vote_voter, known, old_ud, old_id, cid, live, fresh, pick, vals, row, log_gap,
                  log_win, log_lose)
    if vote_voter:
        _support_powered(wv, r, grp, nd, below, row, log_row, log_gap, cid)
        _win_probability(ud, nd, grp, first, below, strictly_below, not_above, all_pairs, p, cast, plan, rest)

    # 3. every challenger j's offer to every target i that may accept one (_targets), and the one i
    # accepts: the least (kind, key, target position, j's canonical index). The targets' values are
    # gathered into rows (entry k for target active[k]) so that the inner loops run over targets on
    # contiguous memory and vectorise; each target still meets the challengers in the same order. su, fa:
    # i's utilities of winning and losing against j valued with i's exponent, from the logarithms of
    # their bases (each the same value, and so the same logarithm, for i against j as for j against i).
    # What the expected utilities share is computed once, as the same operations on the same values:
    # pa, pta hold 1 - p (the challenger's and the target's chance of losing), su_fa su - fa, q_sqa Q·sq.
    # the most likely win of any challenger over each target (p's diagonal is 0), read along rows
    for m in range(nd):
        row[m] = 0.0
    for l in range(nd):
        for m in range(nd):
            row[m] = p[l, m] if p[l, m] > row[m] else row[m]
    for i in range(n):
        su[i] = row[grp[i]]
    na = _targets(xv, sv, r, su, width, q, target_view, active)
    for k in range(na):
        i = active[k]
        xa[k], sa[k], ra[k], q_sqa[k], gap_mu_a[k] = xv[i], sv[i], r[i], q * sq[i], gap_mu[i]
        best_kind[0, k], best_key[0, k], best_to[0, k], best_order[0, k] = CAPITULATE + 1, np.inf, np.inf, -1
    na8 = _padded(na)
    for k in range(na, na8):
        col_a[k] = 0  # the padding lanes' columns index the tables: any valid column
    for k in range(na):
        col_a[k] = grp[active[k]]
    for k in range(na8):
        tid[k] = cid[col_a[k]]
    for k in range(na):
        c = col_a[k]
        for l in range(nd):
            pa[l, k] = 1 - p[l, c]
            pta[l, k] = 1 - p[c, l]
    for cj in range(nd):
        # what depends only on the challenger's position: the target's utilities (and, with the target's
        # view, its E1), the same for every challenger at that position
        xj = ud[cj]
        win_cj, lose_cj, gap_cj = log_win[cid[cj]], log_lose[cid[cj]], gap[cj]
        for k in range(na8):
            log_su[k], log_fa[k] = win_cj[tid[k]], lose_cj[tid[k]]
        if q < 1:
            for k in range(na):
                ga[k] = gap_cj[col_a[k]]
        for k in range(na8):
            su[k] = 2 - 4 * _exp1(ra[k] * log_su[k])
        for k in range(na8):
            su_fa[k] = su[k] - (2 - 4 * _exp1(ra[k] * log_fa[k]))
        if target_view:
            for k in range(na8):
                e1_col[k] = su[k] - sa[k] * pa[cj, k] * su_fa[k] - q_sqa[k]
        for j in range(first[cj], first[cj + 1]):
            gap_mu_j, s_j, order_j, r_j, sq_j = gap_mu[j], sv[j], order[j], r[j], sq[j]
            if not target_view:
                # j's own utilities, valued with j's exponent
                for k in range(na8):
                    su_own[k] = 2 - 4 * _exp1(r_j * log_su[k])
                for k in range(na8):
                    fa_own[k] = 2 - 4 * _exp1(r_j * log_fa[k])
            if q < 1:
                # what the challenger and the target expect without a challenge (scalar powers: libm's pow)
                for k in range(na):
                    g = ga[k]
                    r1 = ra[k] if target_view else r_j
                    better, worse = _utility((gap_mu_j + g) / 2, r1), _utility(-(gap_mu_j + g) / 2, r1)
                    quo1[k] = (1 - q) * (t * better + (1 - t) * worse)
                    better, worse = _utility((gap_mu_a[k] + g) / 2, ra[k]), _utility(-(gap_mu_a[k] + g) / 2, ra[k])
                    quo2[k] = (1 - q) * (t * better + (1 - t) * worse)
            if target_view and q >= 1 and scholz:
                # the default options, as their own loop: LLVM does not unswitch the flags out of it, and
                # masked loads and stores for them made it twice as slow
                _choose(na8, order_j, xj, s_j, cj, q, sq_j, xa, sa, e1_col, su, su_fa, q_sqa, pa, pta, su_own,
                        fa_own, quo1, quo2, best_kind, best_key, best_to, best_order, j & 1, (j + 1) & 1, True, False, True)
            else:
                _choose(na8, order_j, xj, s_j, cj, q, sq_j, xa, sa, e1_col, su, su_fa, q_sqa, pa, pta, su_own,
                        fa_own, quo1, quo2, best_kind, best_key, best_to, best_order, j & 1, (j + 1) & 1, target_view,
                        q < 1, scholz)
    for i in range(n):
        actor = order[i]
        new[actor], mover[actor], kind_out[actor] = xv[i], -1, -1
    moved = False
    last = n & 1
    for k in range(na):
        # every challenger had its turn, the last (n - 1) wrote row n & 1
        if best_order[last, k] >= 0:
            actor = order[active[k]]
            new[actor], mover[actor], kind_out[actor] = best_to[last, k], best_order[last, k], best_kind[last, k]
            moved = moved or best_to[last, k] != xa[k]
    return moved


@njit(**_JIT, inline="always")
def _padded(k):
    """k rounded up to a multiple of 8, the vector width: loops over the padded range run as vectors only.
    Over 100 actors, a loop of 43 targets or 70 columns otherwise ends with 3-7 scalar iterations, a third
    of its time where the body is an exp or the offers' choice. The padding lanes compute on whatever
    the buffers hold there and are never read back."""
    return (k + 7) & ~7


@njit(**_JIT)
def _buffers(n):
    """Everything a round needs, allocated once per draw; rows padded (``_padded``)."""
    n8 = _padded(n)
    return (
        np.arange(n), np.empty(n, np.int64), np.empty(n), np.empty(n), np.empty(n), np.empty(n), np.empty(n),
        np.empty(n), np.empty(n), np.empty((n + 1, n)), np.empty((n, n8)), np.empty((n, n8)), np.empty((n, n8)),
        np.empty((n, n8)), np.empty(n * n), np.empty((n, n), np.uint64), np.empty((n, n), np.uint64),
        np.empty((2, n8), np.int64), np.empty((2, n8)), np.empty((2, n8)), np.empty((2, n8), np.int64), np.empty(n),
        np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8),
        np.empty((n, n)), np.empty((n, n)), np.empty(n, np.int64), np.empty(n8), np.empty(n8), np.empty(n8),
        np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n8), np.empty(n, np.int64),
        np.empty(n + 1, np.int64), np.empty((n, n)), np.empty(n, np.int64), np.empty(n8, np.int64), np.empty(n8),
        np.empty(n + 1, np.int64), np.empty(n, np.uint64), np.empty(n8, np.int64), np.empty(n8), np.zeros(1, np.int64),
        np.empty(n), np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64),
        np.empty(n8), np.empty((n, n)), np.empty(n8), np.empty(n8), np.empty(n8), _sum_plan(n * n),
        np.empty(n, np.int64),
    )


@njit(**_JIT)
def simulate_one(x0, s, w, width, rounds, opts, q, t, positions, movers, kinds):
    """Rounds of one draw until the stop rule: ``positions[k]`` is state k (positions[0] = x0), movers and
    kinds row k-1 the round that led to it. Returns (states, still going when the rounds ran out)."""
    n = x0.shape[0]
    buf = _buffers(n)
    positions[0, :] = x0
    order = np.arange(n)
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
        out[row] = _weighted_median(positions[states - 1], w[row], np.arange(n))
    return out
