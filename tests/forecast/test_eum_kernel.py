"""The compiled EUM against the NumPy formulation it replaced, and its arithmetic against NumPy's.

Bit-identical results are not possible: NumPy's vectorised ``power`` (AVX-512 here) and libm's differ in
about 5 % of calls, so the old formulation's own results already depended on the machine. A Monte Carlo
draw whose inputs put two offers within rounding of a tie can take a different path. The tolerance
(docs/forecast.md, "Speed and exactness"): at least 85 % of draws equal the reference within 1e-9 of the
scale, and the 5 %, 50 % and 95 % quantiles within 1 % of the scale.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.forecast import eum_kernel
from accord.forecast.base import Stakeholders
from accord.forecast.eum import _canonical
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.registry import make

from .conftest import DATA

VARIANTS = {
    "default": {}, "pairwise": {"probability": "pairwise"}, "linear": {"vote_risk": "linear"},
    "own": {"perspective": "own"}, "least-move": {"offer": "least-move"}, "q": {"Q": 0.5, "T": 0.2, "mu": "mean"},
    "scale": {"range": "scale"}, "positions": {"stop": "positions"},
}
SHARE_EQUAL, QUANTILE_SLACK = 0.85, 1.0  # on the 0..100 scale


def generated(n: int) -> Stakeholders:
    """bench/forecast_montecarlo.py's inputs (the reference was made from them)."""
    rng = np.random.default_rng(n)
    return Stakeholders(
        tuple(f"a{i}" for i in range(n)), rng.uniform(0, 100, (n, 1)), rng.uniform(0.1, 1, (n, 1)), rng.uniform(0.1, 1, n),
        position_sd=np.full((n, 1), 10.0), salience_sd=np.full((n, 1), 0.1), capability_sd=np.full(n, 0.05),
    )


@pytest.fixture(scope="module")
def reference():
    with np.load(DATA / "eum-numpy-reference.npz") as f:
        return dict(f)


@pytest.mark.parametrize("n", [7, 30])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_monte_carlo_matches_the_numpy_formulation(reference, variant, n):
    ours = monte_carlo(make("eum", **VARIANTS[variant]), generated(n), draws=300, seed=5).samples[:, 0]
    old = reference[f"{variant}-{n}"]
    assert np.mean(np.abs(ours - old) <= 1e-9 * 100) >= SHARE_EQUAL
    for q in (0.05, 0.5, 0.95):
        assert abs(np.quantile(ours, q) - np.quantile(old, q)) <= QUANTILE_SLACK


def test_a_draw_is_the_single_run(eu):
    """forecast_many (parallel over draws) and simulate_one (the reported run) are one computation."""
    rng = np.random.default_rng(2)
    pos = np.clip(eu.positions[None] + rng.normal(0, 1, (40, *eu.positions.shape)), 4, 10)
    model = make("eum")
    batch = model.forecast_batch(pos, np.repeat(eu.salience[None], 40, 0), np.repeat(eu.capability[None], 40, 0), eu.scale)
    for i in range(40):
        one = Stakeholders(eu.actors, pos[i], eu.salience, eu.capability, scale=eu.scale)
        assert batch[i, 0] == model.run(one).forecast[0]


def _each(scalar, values: np.ndarray) -> np.ndarray:
    """A scalar kernel function (the kernel inlines it into its loops) over an array, from Python."""
    return np.array([scalar(v) for v in values], dtype=float)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0, allow_subnormal=False), min_size=1, max_size=300))
def test_log_is_within_two_ulp_of_numpy(values):
    x = np.array(values)
    out = _each(eum_kernel._log1, x)
    finite = x > 0
    ref = np.log(x[finite])
    assert np.all(out[~finite] == -np.inf)
    assert np.all(np.abs(out[finite] - ref) <= 2 * np.spacing(np.abs(ref)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-800.0, 0.0), min_size=1, max_size=300))
def test_exp_is_within_one_ulp_of_libm(values):
    a = np.array(values)
    out = _each(eum_kernel._exp1, a)
    for v, got in zip(a, out):
        want = math.exp(v) if v >= -708.0 else 0.0
        assert got == want or abs(got - want) <= np.spacing(want)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=0, max_size=2000))
def test_pairwise_sum_is_numpys(values):
    a = np.array(values, dtype=float)
    assert eum_kernel._pairwise_sum(a, 0, len(a)) == a.sum()


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300), st.integers(0, 2**32 - 1))
def test_the_all_pairs_total_is_numpys(actors, seed):
    """The all-pairs total sums n² values (thousands: many levels of halves) by a plan made once a draw,
    from any offset (the plan counts from it)."""
    a = np.random.default_rng(seed).uniform(-1e3, 1e3, actors * actors + 5)
    plan = eum_kernel._sum_plan(actors * actors)
    assert eum_kernel._planned_sum(a, 5, plan) == a[5:].sum()
    assert eum_kernel._planned_sum(a, 5, plan) == eum_kernel._planned_sum(a, 5, plan)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_order_from_any_earlier_order_is_the_stable_argsort(data):
    """_sort_order starts from the last round's order: from any permutation (few or many actors out of
    place, so both the insertion and the merge sort past its budget) it gives the stable argsort."""
    x = np.array(data.draw(st.lists(st.sampled_from([0.0, -0.0, 1.5, 2.0, 7.25]) | st.floats(-100, 100),
                                    min_size=1, max_size=120)))
    order = np.array(data.draw(st.permutations(range(len(x)))), dtype=np.int64)
    eum_kernel._sort_order(x, order)
    assert order.tolist() == np.argsort(x, kind="stable").tolist()


@pytest.fixture(scope="module")
def kernel_reference():
    with np.load(DATA / "eum-kernel-reference.npz") as f:
        return dict(f)


@pytest.mark.parametrize("n", [7, 30, 100])
@pytest.mark.parametrize("ties", [False, True], ids=["spread", "ties"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_results_are_the_kernel_of_6b04246_bit_for_bit(kernel_reference, variant, n, ties):
    """The speed work changed no result: Monte Carlo forecasts and every state of a run (positions, who
    moved whom, the offer's kind) equal what the kernel of commit 6b04246 gave, bit for bit. ``ties``:
    positions on a grid of 5, so equal positions and midpoints on a position occur (bench/eum_kernel_reference.py
    wrote the file and says how)."""
    from bench.eum_kernel_reference import VARIANTS as REF_VARIANTS, generated as ref_generated

    tag = f"{variant}-{n}" + ("-ties" if ties else "")
    data = ref_generated(n, ties)
    draws = len(kernel_reference[f"mc-{tag}"])
    samples = monte_carlo(make("eum", **REF_VARIANTS[variant]), data, draws=draws, seed=5).samples[:, 0]
    assert np.array_equal(samples, kernel_reference[f"mc-{tag}"])
    model = make("eum", **{**REF_VARIANTS[variant], "stop": "positions"})
    x, s, c, _ = _canonical(data.positions[None, :, 0], data.salience[None, :, 0], data.capability[None])
    states, movers, kinds, going = model.simulate(x[0], s[0], c[0], data.scale, 10)
    assert np.array_equal(states, kernel_reference[f"run-{tag}-positions"])
    assert np.array_equal(movers, kernel_reference[f"run-{tag}-movers"])
    assert np.array_equal(kinds, kernel_reference[f"run-{tag}-kinds"])
    assert going == bool(kernel_reference[f"run-{tag}-going"])


def test_the_benchmark_case_is_the_kernel_of_6b04246_bit_for_bit(kernel_reference):
    """bench forecast's own case: 1000 draws × 100 actors, stop=positions, seed 1."""
    from bench.forecast_montecarlo import stakeholders

    samples = monte_carlo(make("eum", stop="positions"), stakeholders(100, np.random.default_rng(100)), draws=1000, seed=1)
    assert np.array_equal(samples.samples[:, 0], kernel_reference["bench"])


def test_the_bound_on_rho_that_skips_targets_holds():
    """eum_kernel._targets leaves a target out when s·(1 - p) >= max(0.5, 0.5^r) + slack, because the share
    rho = (su - sq) / (su - fa) of its utilities never exceeds max(0.5, 0.5^r) (exact values, on a dense
    grid of exponents and gaps; below 1e-6 of a gap, rounding of this check swamps rho)."""
    gaps = np.concatenate([np.logspace(-6, 0, 2000), np.linspace(0, 1, 4001)[1:], np.linspace(1, 3, 400)])
    for r in np.linspace(0.5, 2.0, 301):
        lose, win = np.maximum(0.5 - 0.5 * gaps, 0) ** r, (0.5 + 0.5 * gaps) ** r
        rho = (0.5**r - lose) / (win - lose)
        assert np.all(rho <= max(0.5, 0.5**r) + 1e-10)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 25).flatmap(
        lambda n: st.tuples(
            st.lists(st.sampled_from([0.0, 1e-7, 0.3, 0.3 + 1e-6, 0.5, 1.0]) | st.floats(0, 1), min_size=n, max_size=n),
            # saliences at the skip threshold max(0.5, 0.5^r) + 1e-6 for r >= 1 and r = 0.5, and anywhere
            st.lists(st.sampled_from([0.5 + 1e-6, 0.5**0.5 + 1e-6]) | st.floats(0.3, 1.0), min_size=n, max_size=n),
            st.lists(st.sampled_from([0.5, 1.0, 2.0, 1 - 1e-12]) | st.floats(0.5, 2.0), min_size=n, max_size=n),
            st.lists(st.floats(0.0, 1e-3) | st.floats(0.0, 1.0), min_size=n * n, max_size=n * n),
        )
    )
)
def test_a_skipped_target_has_no_offer_to_accept(case):
    """Every target eum_kernel._targets leaves out has E1 <= 0 against every challenger, computed as the
    kernel computes it (its exp and log), so skipping it changes no result."""
    xs, saliences, exponents, probs = case
    n = len(xs)
    xv, sv, r = np.sort(np.array(xs)), np.array(saliences), np.array(exponents)
    p = np.array(probs).reshape(n, n)
    np.fill_diagonal(p, 0.0)
    width = 1.0
    active = np.empty(n, np.int64)
    count = eum_kernel._targets(xv, sv, r, p.max(axis=0), width, 1.0, True, active)
    assert list(active[:count]) == sorted(set(active[:count]))
    sq = 2 - 4 * 0.5**r
    for i in sorted(set(range(n)) - set(active[:count])):
        g = np.abs(xv - xv[i]) / width
        logs = np.array([_each(eum_kernel._log1, np.maximum(0.5 - 0.5 * g, 0.0)), _each(eum_kernel._log1, 0.5 + 0.5 * g)])
        powers = np.array([_each(eum_kernel._exp1, r[i] * logs[0]), _each(eum_kernel._exp1, r[i] * logs[1])])
        su, fa = 2 - 4 * powers[0], 2 - 4 * powers[1]
        e1 = su - sv[i] * (1 - p[:, i]) * (su - fa) - 1.0 * sq[i]
        assert np.all(e1[xv != xv[i]] <= 0)


def test_targets_are_skipped_only_under_the_targets_view_and_q_1():
    xv, sv, r = np.array([0.0, 0.5, 1.0]), np.full(3, 1.0), np.ones(3)
    most, active = np.zeros(3), np.empty(3, np.int64)
    assert eum_kernel._targets(xv, sv, r, most, 1.0, 1.0, True, active) == 0
    assert eum_kernel._targets(xv, sv, r, most, 1.0, 1.0, False, active) == 3
    assert eum_kernel._targets(xv, sv, r, most, 1.0, 0.5, True, active) == 3


def _columns(xv):
    n = len(xv)
    ud, grp, first, past = np.empty(n), np.empty(n, np.int64), np.empty(n + 1, np.int64), np.empty(n + 1, np.int64)
    unset = np.iinfo(np.uint64).max  # the kernel's own dtype, so the tests run the specialisation it runs
    below, at_or_below = np.full((n, n), unset, np.uint64), np.full((n, n), unset, np.uint64)
    nd = eum_kernel._positions(xv, ud, grp, first, past)
    eum_kernel._pointers(ud, first, past, nd, np.empty(n, np.uint64), below, at_or_below)
    # the kernel keeps each count times n (a row offset into the flattened prefix sums)
    assert not np.any(below[:nd, :nd][np.triu_indices(nd, 1)] % np.uint64(n))
    return nd, list(grp), list(first[: nd + 1]), below // np.uint64(n), at_or_below // np.uint64(n)


def _actor_sweep(xv):
    """The counts as each actor's own sweep over the voters found them before columns were grouped:
    from the actor a, voters before it counted as strictly below whatever the midpoint."""
    n = len(xv)
    below, at_or_below = np.full((n, n), -1, np.int64), np.full((n, n), -1, np.int64)
    for a in range(n):
        for b in range(a + 1, n):
            if xv[a] != xv[b]:
                mid = (xv[a] + xv[b]) / 2
                below[a, b] = a + int(np.sum(xv[a:] < mid))
                at_or_below[a, b] = int(np.sum(xv <= mid))
    return below, at_or_below


def test_a_midpoint_on_a_position_gives_its_actors_a_column_each():
    """The sweep per actor started at the actor, which counts differently from its column's first actor
    only when a midpoint equals the position (the next position a float apart): such a position with
    several actors keeps a column per actor, and the counts are the actors' own."""
    xv = np.array([0.0, 0.0, 5e-324, 1.0])
    nd, grp, first, below, at_or_below = _columns(xv)
    assert nd == 4 and grp == [0, 1, 2, 3] and first == [0, 1, 2, 3, 4]
    assert below[1, 2] == 1 and below[0, 2] == 0  # the second actor at 0 counted the first as below
    assert at_or_below[0, 2] == at_or_below[1, 2] == 2
    # a single actor below a position a float above: its own column anyway, no split needed
    xv = np.array([0.0, 5e-324, 5e-324, 1.0])
    nd, grp, first, below, at_or_below = _columns(xv)
    assert nd == 3 and grp == [0, 1, 1, 2] and below[0, 1] == 0 and at_or_below[0, 1] == 1
    # spread positions group
    xv = np.array([0.0, 0.2, 0.2, 0.7])
    nd, grp, first, below, at_or_below = _columns(xv)
    assert nd == 3 and grp == [0, 1, 1, 2] and first == [0, 1, 3, 4]
    assert below[0, 1] == 1 and at_or_below[1, 2] == 3


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0.0, 5e-324, 1e-323, 0.3, 0.30000000000000004, 0.5, 1.0]) | st.floats(0, 1), min_size=1, max_size=30))
def test_column_counts_are_each_actors_own(values):
    """For every pair of actors at different positions, the counts of their columns are the ones each
    actor's own sweep found (so the win probabilities are the same numbers as one column per actor)."""
    xv = np.sort(np.array(values))
    nd, grp, first, below, at_or_below = _columns(xv)
    want_below, want_at = _actor_sweep(xv)
    for a in range(len(xv)):
        for b in range(a + 1, len(xv)):
            if xv[a] != xv[b]:
                assert below[grp[a], grp[b]] == want_below[a, b]
                assert at_or_below[grp[a], grp[b]] == want_at[a, b]



class _Table:
    """eum_kernel._column_table's state over one draw's rounds, for n actors."""

    def __init__(self, n):
        n8 = (n + 7) // 8 * 8
        self.n = n
        self.known, self.old_ud, self.old_id = np.zeros(1, np.int64), np.empty(n), np.empty(n, np.int64)
        self.cid, self.live = np.empty(n, np.int64), np.empty(n, np.int64)
        self.fresh, self.pick, self.vals, self.logs = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n8), np.empty(n8)
        self.tables = np.empty((n, n)), np.empty((n, n)), np.empty((n, n))

    def round(self, positions, width=1.0):
        """The three logarithms of every pair of the round's columns, as (nd, nd) matrices."""
        n8 = len(self.vals)
        xv = np.sort(np.asarray(positions, dtype=float))
        ud, grp = np.zeros(n8), np.empty(self.n, np.int64)
        first, past = np.empty(self.n + 1, np.int64), np.empty(self.n + 1, np.int64)
        nd = eum_kernel._positions(xv, ud, grp, first, past)
        gap = np.abs(ud[:nd, None] - ud[None, :]) / width
        eum_kernel._column_table(ud, nd, gap, True, self.known, self.old_ud, self.old_id, self.cid, self.live,
                                 self.fresh, self.pick, self.vals, self.logs, *self.tables)
        ids = self.cid[:nd]
        return [t[np.ix_(ids, ids)] for t in self.tables]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0.0, 5e-324, 0.1, 0.25, 0.3, 0.30000000000000004, 0.7, 1.0]) | st.floats(0, 1),
                         min_size=8, max_size=8), min_size=1, max_size=6))
def test_the_logarithms_kept_across_rounds_are_the_ones_taken_afresh(rounds):
    """_column_table keeps the logarithms of the last rounds' positions and takes them only for new ones:
    whatever positions come and go (recurring, new, at one position, a midpoint on a position), every
    pair of a round's columns reads what a first round on those positions computes, bit for bit."""
    kept = _Table(8)
    for positions in rounds:
        got = kept.round(positions)
        want = _Table(8).round(positions)
        for a, b in zip(got, want):
            assert np.array_equal(a, b)
