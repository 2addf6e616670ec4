"""The compiled third-party votes (accord/forecast/smp/kernel.py) equal the NumPy formulation bit for bit,
for every voting rule the kernel takes and every commitment, on generated states (batched or not)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.forecast.smp import pce
from accord.forecast.smp import state as smp_state
from accord.forecast.smp.kernel import COMMITS, RULES
from accord.forecast.smp.params import SMPParams


@st.composite
def cases(draw):
    n = draw(st.integers(2, 9))
    d = draw(st.integers(1, 3))
    batch = draw(st.sampled_from([(), (1,), (3,)]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    positions = rng.uniform(0, 1, (*batch, n, d))
    if draw(st.booleans()):  # ties: actors sharing a position, or on the bounds
        positions[..., 1, :] = positions[..., 0, :]
        positions[..., -1, :] = np.round(positions[..., -1, :])
    salience = rng.uniform(0.05, 1, (*batch, n, d))
    capability = rng.uniform(0.1, 10, (*batch, n))
    rule = draw(st.sampled_from(sorted(RULES, key=str)))
    commit = draw(st.sampled_from(sorted(COMMITS, key=str)))
    big_r = draw(st.sampled_from(["Min", "Mid", "Max"]))
    return positions, salience, capability, SMPParams.from_names(VotingRule=rule.value, ThirdPartyCommit=commit.value,
                                                                 BigRRange=big_r)


@settings(max_examples=150, deadline=None)
@given(cases())
def test_compiled_third_parties_equal_numpy_bit_for_bit(case):
    positions, salience, capability, params = case
    actors = smp_state.Actors(salience, capability, None)
    state = smp_state.State(positions, positions.copy())
    utils = smp_state.utilities(state, actors, params)
    n = capability.shape[-1]
    i_all, j_all = np.nonzero(~np.eye(n, dtype=bool))
    weight = actors.capability * actors.total_salience
    for h in (i_all, j_all):
        ours = smp_state._compiled_third_parties(utils, weight, params, h, i_all, j_all)
        theirs = smp_state._third_parties(utils, weight, params, h, i_all, j_all)
        for a, b in zip(ours, theirs):
            assert a.shape == b.shape
            assert np.array_equal(a, b)
            assert np.array_equal(np.signbit(a), np.signbit(b))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 9), st.integers(1, 12), st.sampled_from([(), (1,), (4,)]), st.integers(0, 2**32 - 1),
    st.sampled_from(sorted(RULES, key=str)), st.booleans(),
)
def test_compiled_coalitions_equal_numpy_bit_for_bit(n, m, batch, seed, rule, ties):
    rng = np.random.default_rng(seed)
    weights = rng.uniform(0, 5, (*batch, n))
    utils = rng.uniform(-1, 1, (*batch, n, m))
    if ties:  # equal utilities: zero votes, the binary rule's steep middle
        utils[..., :, -1] = utils[..., :, 0]
        utils[..., 0, :] += rng.uniform(-1e-9, 1e-9, m)
    ours = pce.coalitions(weights, utils, rule)
    theirs = pce._coalitions(weights, utils, rule)
    assert ours.shape == theirs.shape
    assert np.array_equal(ours, theirs)
