from __future__ import annotations

import numpy as np
import pytest

from accord.forecast.inputs import read_csv
from accord.forecast.registry import make
from accord.forecast.weights import weighted_median


def test_eu_weighted_mean_and_median(eu):
    assert round(make("weighted-mean").run(eu).forecast[0], 2) == 7.39
    assert round(make("weighted-median").run(eu).forecast[0], 2) == 7.0


def test_eu_shared_copy_gives_the_same(shared):
    data = read_csv(shared / "forecast" / "eum" / "eu-car-emissions.csv")
    assert round(make("weighted-mean").run(data).forecast[0], 2) == 7.39
    assert make("weighted-median").run(data).forecast[0] == 7.0


def test_median_is_where_cumulative_weight_crosses_half():
    x = np.array([0.0, 10.0, 20.0, 30.0])
    assert weighted_median(x, np.array([1.0, 1.0, 1.0, 4.0])) == 30.0
    assert weighted_median(x, np.array([3.0, 1.0, 1.0, 1.0])) == 0.0
    # exactly half at 10: 10 and 20 tie, the lower is returned
    assert weighted_median(x, np.array([1.0, 1.0, 1.0, 1.0])) == 10.0


def test_baselines_do_not_move_anyone(eu):
    run = make("weighted-mean").run(eu)
    assert run.states == 1
    assert run.final_positions["UK"] == [10.0]


@pytest.mark.parametrize("utility", ["linear", "quadratic"])
def test_nash_lies_between_the_positions_and_leans_to_weight(eu, utility):
    f = make("nash", utility=utility).run(eu).forecast[0]
    assert 4 < f < 10
    heavy = make("nash", utility=utility).run(
        type(eu)(("a", "b"), np.array([[0.0], [100.0]]), np.ones((2, 1)), np.array([9.0, 1.0]))
    ).forecast[0]
    assert heavy < 50


def test_nash_quadratic_two_actors_closed_form():
    # maximise 0.75·log(1 − y²) + 0.25·log(1 − (1 − y)²) on a unit scale: stationary point solves a cubic
    from accord.forecast.base import Stakeholders

    data = Stakeholders(("a", "b"), np.array([[0.0], [1.0]]), np.ones((2, 1)), np.array([3.0, 1.0]), scale=(0.0, 1.0))
    y = make("nash", utility="quadratic").run(data).forecast[0]
    slope = 0.75 * (-2 * y) / (1 - y**2) + 0.25 * (2 * (1 - y)) / (1 - (1 - y) ** 2)
    assert abs(slope) < 1e-9
