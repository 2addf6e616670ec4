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
    assert pce.use_kernel(rule, 1)  # loaded by this module: the kernel answers at any size
    ours = pce.coalitions(weights, utils, rule)
    theirs = pce._coalitions(weights, utils, rule)
    assert ours.shape == theirs.shape
    assert np.array_equal(ours, theirs)


def test_the_kernel_takes_the_rules_pce_sends_it():
    assert pce.KERNEL_RULES == set(RULES)


_PROBE = """
import sys
import numpy as np
from accord.forecast.smp import SMP
from accord.forecast.base import Stakeholders
n, draws = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(0)
data = Stakeholders(tuple(map(str, range(n))), rng.uniform(0, 100, (n, 1)), rng.uniform(0.2, 1, (n, 1)), rng.uniform(1, 5, n))
if draws:
    b = lambda a: np.repeat(a[None], draws, axis=0)
    SMP().forecast_batch(b(data.positions), b(data.salience), b(data.capability), data.scale)
else:
    SMP().run(data)
print("numba" in sys.modules)
"""


def test_a_small_run_does_not_load_numba_a_monte_carlo_does():
    """Loading Numba costs a fresh process ≈ 0.5 s of CPU, more than a small input's whole run."""
    import subprocess
    import sys

    def loads(n: int, draws: int) -> bool:
        out = subprocess.run([sys.executable, "-c", _PROBE, str(n), str(draws)], capture_output=True, text=True, check=True)
        return out.stdout.strip() == "True"

    assert not loads(7, 0)
    assert loads(15, 100)
