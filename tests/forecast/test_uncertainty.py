"""Monte Carlo, sensitivity and backtests."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.forecast.backtest import backtest, read_backtest
from accord.forecast.base import Run, Stakeholders
from accord.forecast.inputs import ForecastInputError, read_csv
from accord.forecast.montecarlo import STEP, monte_carlo, settled
from accord.forecast.registry import make
from accord.forecast.sensitivity import sensitivity

from .conftest import DATA, EU_CSV


@pytest.fixture
def noisy(eu):
    return dataclasses.replace(eu, position_sd=np.full((10, 1), 1.0), salience_sd=np.full((10, 1), 0.1))


def test_without_uncertainty_every_draw_is_the_point_forecast(eu):
    mc = monte_carlo(make("weighted-mean"), eu, draws=20, seed=3)
    assert np.allclose(mc.samples, make("weighted-mean").run(eu).forecast[0])


def test_quantiles_interval_and_probability(noisy):
    mc = monte_carlo(make("weighted-mean"), noisy, draws=2000, seed=1, within=(7.0, 8.0))
    q = mc.quantiles()
    assert q["0.05"][0] < q["0.5"][0] < q["0.95"][0]
    assert abs(q["0.5"][0] - 7.39) < 0.1
    lo, hi = mc.interval(0.9)[0]
    assert lo == pytest.approx(q["0.05"][0]) and hi == pytest.approx(q["0.95"][0])
    p = mc.probability_within()[0]
    assert 0.5 < p < 1.0
    out = mc.to_json()
    assert out["p_within"] == [p] and out["range"] == [7.0, 8.0] and out["seed"] == 1


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["weighted-mean", "weighted-median", "nash", "eum"]), st.floats(0.001, 0.2), st.integers(0, 50))
def test_stopping_early_uses_the_first_draws_once_the_interval_is_known(model, tolerance, seed):
    data = dataclasses.replace(
        read_csv(EU_CSV), position_sd=np.full((10, 1), 1.0), salience_sd=np.full((10, 1), 0.1)
    )
    full = monte_carlo(make(model), data, draws=600, seed=seed)
    early = monte_carlo(make(model), data, draws=600, seed=seed, tolerance=tolerance)
    n = early.draws
    assert n % STEP == 0 and STEP <= n <= 600
    # the draws used are the first of the full run, forecast alike
    assert np.array_equal(early.samples, full.samples[:n])
    slack = tolerance * (data.scale[1] - data.scale[0])
    # it stopped at the first look where both ends were known within the tolerance, or ran out of draws
    assert n == 600 or settled(early.samples, slack)
    assert all(not settled(full.samples[:k], slack) for k in range(STEP, n, STEP))


def test_settled_reads_the_order_statistics_around_each_end():
    tight = np.linspace(0.0, 1.0, 1000)[:, None]  # 95 % CI of each end: about ±0.014 wide
    assert settled(tight, 0.02) and not settled(tight, 0.01)
    assert not settled(tight[:10], 100.0)  # too few draws to bound the 5 % quantile at all


def test_draws_respect_the_scale_and_ranges(noisy):
    from accord.forecast.montecarlo import draw

    batch = draw(dataclasses.replace(noisy, position_sd=np.full((10, 1), 50.0)), 500, np.random.default_rng(0))
    assert batch.positions.min() >= 4.0 and batch.positions.max() <= 10.0
    assert batch.salience.min() >= 0.0 and batch.salience.max() <= 1.0


def test_models_without_a_batch_path_are_run_one_draw_at_a_time(noisy):
    class Plain:
        name = "plain"

        def run(self, data: Stakeholders, *, rounds=None, seed=None) -> Run:
            f = float(data.positions.mean())
            return Run(self.name, [f], {}, [data.positions.tolist()])

    mc = monte_carlo(Plain(), noisy, draws=30, seed=0)
    assert mc.samples.shape == (30, 1)


def test_different_seeds_differ(noisy):
    a = monte_carlo(make("nash"), noisy, draws=100, seed=1).samples
    b = monte_carlo(make("nash"), noisy, draws=100, seed=2).samples
    assert not np.array_equal(a, b)


def test_sensitivity_ranks_the_heavyweights_of_the_weighted_mean(eu):
    s = sensitivity(make("weighted-mean"), eu)
    assert s.influential()[0] == "Germany"
    assert len(s.effects) == 3 * len(eu.actors)
    assert s.effects == sorted(s.effects, key=lambda e: -e.effect)


def test_sensitivity_ignores_actors_that_move_nothing():
    data = Stakeholders(("a", "b", "c"), np.array([[0.0], [50.0], [100.0]]), np.ones((3, 1)), np.array([1.0, 100.0, 1.0]))
    s = sensitivity(make("weighted-median"), data)
    assert "b" in s.influential()


def test_backtest_file_and_scores():
    cases = read_backtest(DATA / "backtest-example.csv")
    assert [c.issue for c in cases] == ["alpha", "beta", "gamma", "delta"]
    assert cases[1].outcome == 60.0
    scores = backtest([make("eum"), make("nash")], cases, seed=0)
    assert [s.model for s in scores] == ["weighted-mean", "eum", "nash"]
    base = scores[0]
    assert base.difference == 0.0 and base.interval == (0.0, 0.0)
    for s in scores[1:]:
        assert s.interval[0] <= s.difference <= s.interval[1]
        assert s.mae == pytest.approx(np.mean(s.errors))
    again = backtest([make("eum"), make("nash")], cases, seed=0)
    assert [s.to_json() for s in again] == [s.to_json() for s in scores]


@pytest.mark.parametrize(
    "text, message",
    [
        ("Issue,Actor,Capability,Position,Salience\n", "missing column 'Outcome'"),
        ("Issue,Actor,Capability,Position,Salience,Outcome\nx,A,1,5,0.5,\n", "no outcome"),
        ("Issue,Actor,Capability,Position,Salience,Outcome\nx,A,1,5,0.5,3\nx,B,1,5,0.5,4\n", "conflicting"),
        ("Issue,Actor,Capability,Position,Salience,Outcome\n,A,1,5,0.5,3\n", "empty issue"),
        ("Issue,Actor,Capability,Position,Salience,Outcome\n", "no issues"),
        ("Issue,Actor,Capability,Position,Salience,Outcome,ScaleMax\nx,A,1,5,0.5,3,9\nx,B,1,5,0.5,3,10\n", "conflicting ScaleMax"),
    ],
)
def test_bad_backtest_files(tmp_path, text, message):
    path = tmp_path / "bt.csv"
    path.write_text(text)
    with pytest.raises(ForecastInputError, match=message):
        read_backtest(path)


@pytest.mark.parametrize("tolerance", [0.02, 0.2])
def test_stopping_early_with_the_smp_forecast_in_doubling_chunks(tolerance):
    # a batch model forecasts 100, 100, 200, 400, ... draws at a time but looks every 100 draws: the
    # same draws and stop as forecasting 100 at a time
    data = dataclasses.replace(read_csv(EU_CSV), position_sd=np.full((10, 1), 3.0))
    full = monte_carlo(make("smp"), data, draws=700, seed=2)
    early = monte_carlo(make("smp"), data, draws=700, seed=2, tolerance=tolerance)
    n = early.draws
    assert np.array_equal(early.samples, full.samples[:n])
    slack = tolerance * (data.scale[1] - data.scale[0])
    assert n == 700 or settled(early.samples, slack)
    assert all(not settled(full.samples[:k], slack) for k in range(STEP, n, STEP))
