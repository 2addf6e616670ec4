"""Properties every model must have, checked on generated stakeholders."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.forecast.base import Stakeholders
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.registry import make

MODELS = ["weighted-mean", "weighted-median", "nash", "eum"]
STATIC = ["weighted-mean", "weighted-median", "nash"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def stakeholders(draw, min_actors=1, max_actors=7):
    n = draw(st.integers(min_actors, max_actors))
    # positions on a coarse grid, so that ties (several actors at one position) are common
    pos = draw(st.lists(st.integers(0, 20).map(lambda v: v * 5.0), min_size=n, max_size=n))
    sal = draw(st.lists(st.floats(0.05, 1.0), min_size=n, max_size=n))
    cap = draw(st.lists(st.floats(0.01, 100.0), min_size=n, max_size=n))
    return Stakeholders(
        tuple(f"a{i}" for i in range(n)), np.array(pos)[:, None], np.array(sal)[:, None], np.array(cap)
    )


def forecast(name: str, data: Stakeholders) -> float:
    return make(name).run(data).forecast[0]


@SETTINGS
@given(stakeholders(), st.sampled_from(MODELS))
def test_forecast_stays_inside_the_positions(data, name):
    f = forecast(name, data)
    assert data.positions.min() - 1e-9 <= f <= data.positions.max() + 1e-9


@SETTINGS
@given(stakeholders(), st.sampled_from(MODELS), st.randoms(use_true_random=False))
def test_permuting_actors_changes_nothing(data, name, rnd):
    order = list(range(len(data.actors)))
    rnd.shuffle(order)
    shuffled = Stakeholders(
        tuple(data.actors[i] for i in order), data.positions[order], data.salience[order], data.capability[order]
    )
    a, b = make(name).run(data), make(name).run(shuffled)
    assert abs(a.forecast[0] - b.forecast[0]) < 1e-9
    for actor, final in a.final_positions.items():
        assert abs(final[0] - b.final_positions[actor][0]) < 1e-9


@SETTINGS
@given(stakeholders(), st.sampled_from(MODELS))
def test_doubling_every_capability_changes_nothing(data, name):
    doubled = Stakeholders(data.actors, data.positions, data.salience, data.capability * 2)
    assert abs(forecast(name, data) - forecast(name, doubled)) < 1e-9


@SETTINGS
@given(stakeholders(min_actors=2), st.sampled_from(STATIC), st.data())
def test_an_actor_with_all_the_capability_gets_its_position(data, name, pick):
    i = pick.draw(st.integers(0, len(data.actors) - 1))
    cap = np.zeros(len(data.actors))
    cap[i] = 1.0
    alone = Stakeholders(data.actors, data.positions, data.salience, cap)
    assert abs(forecast(name, alone) - data.positions[i, 0]) < 1e-9


@SETTINGS
@given(stakeholders(), st.sampled_from(MODELS), st.integers(0, 2**32 - 1))
def test_a_fixed_seed_gives_identical_output(data, name, seed):
    noisy = Stakeholders(
        data.actors, data.positions, data.salience, data.capability,
        position_sd=np.full(data.positions.shape, 5.0), salience_sd=np.full(data.salience.shape, 0.1),
        capability_sd=data.capability * 0.2,
    )
    a = monte_carlo(make(name), noisy, draws=50, seed=seed)
    b = monte_carlo(make(name), noisy, draws=50, seed=seed)
    assert np.array_equal(a.samples, b.samples)
    assert make(name).run(data, seed=seed).to_json() == make(name).run(data, seed=seed).to_json()
