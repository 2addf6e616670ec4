"""A brief run of bench/fuzz.py's targets under hypothesis: mutated inputs of every kind a user gives
(bundle YAML, edit --set, review edits, forecast CSV/XML, ingest inputs, the format and monitor
importers) go to the function the CLI calls, and the only exception that may come out is the one-line
user error; a refused input writes nothing. ``python -m bench fuzz`` runs the same targets for minutes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import OPS, TARGETS, Env, mutate, run

#: examples per target in `make test` (the suite stays fast; the bench runs thousands)
EXAMPLES = 20

steps = st.lists(st.tuples(st.integers(0, len(OPS) - 1), st.integers(0, 1 << 20), st.integers(0, 1 << 20)),
                 min_size=1, max_size=5)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    env = Env(tmp_path_factory.mktemp("fuzz"))
    yield env
    env.close()


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_mutated_inputs_are_accepted_or_refused_in_one_line(env, name):
    target = TARGETS[name]
    seeds = target.seeds()
    for s in seeds:
        assert run(target, env, s) in ("accepted", "refused")

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.integers(0, len(seeds) - 1), steps)
    def check(seed, mutation):
        # run() raises for anything but acceptance or the one-line refusal (and for a write on refusal)
        assert run(target, env, mutate(seeds[seed], mutation, target.tokens, seeds)) in ("accepted", "refused")

    check()


def test_the_mutator_reaches_every_kind_of_change():
    seed = b"abc: [1, 2]\n"
    outs = {mutate(seed, [(op, 3, 5)], [b"&a "], [b"xyz"]) for op in range(len(OPS))}
    assert len(outs) == len(OPS) and seed not in outs
