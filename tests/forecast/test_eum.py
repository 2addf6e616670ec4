from __future__ import annotations

import numpy as np
import pytest

from accord.errors import AccordError
from accord.forecast.base import ParameterError, Stakeholders
from accord.forecast.eum import ExpectedUtility
from accord.forecast.registry import make

#: the medians one open reimplementation prints for rounds 0-3 of the EU example (Scholz et al. report
#: about 8.4 after round 1, settling near 9.9)
PUBLISHED = [7.0, 8.42, 9.61, 9.96]


def outcomes(run):
    return [o[0] for o in run.outcomes]


def test_eu_trajectory_matches_the_published_figures(eu):
    run = make("eum").run(eu)
    assert [round(v, 2) for v in outcomes(run)[:4]] == PUBLISHED
    assert round(run.forecast[0], 2) == 9.96
    # it stops once the forecast repeats: state 4 repeats state 3
    assert run.states == 5
    assert run.detail["settled"] is True


def test_running_out_of_rounds_is_reported(eu):
    assert make("eum").run(eu, rounds=2).detail["settled"] is False


def test_eu_who_moved_whom(eu):
    moves = make("eum").run(eu).detail["moves"]
    first = {(m["actor"], m["by"], m["kind"]) for m in moves if m["round"] == 1}
    assert ("Belgium", "France", "compromise") in first
    assert all(m["kind"] in ("confrontation", "compromise", "capitulation") for m in moves)


def test_the_papers_pairwise_probability_leaves_the_median_at_7(eu):
    run = make("eum", probability="pairwise").run(eu)
    assert set(outcomes(run)) == {7.0}


def test_without_the_outcome_stop_the_model_keeps_moving(eu):
    run = make("eum", stop="positions").run(eu, rounds=8)
    assert run.states == 9
    assert round(outcomes(run)[6], 2) != 9.96


def test_rounds_zero_returns_the_start(eu):
    run = make("eum").run(eu, rounds=0)
    assert run.states == 1 and run.forecast == [7.0]


@pytest.mark.parametrize(
    "params",
    [
        {"vote_risk": "linear"},
        {"perspective": "own"},
        {"offer": "least-move"},
        {"Q": 0.5},
        {"Q": 0.5, "T": 0.2, "mu": "mean"},
        {"range": "scale"},
    ],
)
def test_every_variant_runs_and_the_batch_agrees_with_the_single_run(eu, params):
    model = make("eum", **params)
    run = model.run(eu)
    batch = model.forecast_batch(eu.positions[None], eu.salience[None], eu.capability[None], eu.scale)
    assert batch[0, 0] == pytest.approx(run.forecast[0])
    assert eu.positions.min() <= run.forecast[0] <= eu.positions.max()


def test_batch_rows_are_independent(eu):
    model = make("eum")
    other = eu.positions.copy()
    other[0, 0] = 10.0
    both = model.forecast_batch(
        np.stack([eu.positions, other]), np.stack([eu.salience] * 2), np.stack([eu.capability] * 2), eu.scale
    )
    alone = model.forecast_batch(eu.positions[None], eu.salience[None], eu.capability[None], eu.scale)
    assert both[0, 0] == alone[0, 0]


def test_dimensions_run_independently(eu):
    two = Stakeholders(
        eu.actors, np.hstack([eu.positions, 14 - eu.positions]), np.hstack([eu.salience] * 2), eu.capability,
        dimensions=("a", "b"), scale=(4.0, 10.0),
    )
    run = make("eum").run(two)
    assert round(run.forecast[0], 2) == 9.96
    assert len(run.trajectory[0][0]) == 2


@pytest.mark.parametrize(
    "params", [{"probability": "sometimes"}, {"Q": "lots"}, {"Q": 2}, {"colour": "red"}]
)
def test_bad_parameters_are_user_errors(params):
    with pytest.raises(ParameterError) as e:
        ExpectedUtility(**params)
    assert isinstance(e.value, AccordError)
    assert "eum" in str(e.value)


def test_unknown_model():
    with pytest.raises(ParameterError, match="unknown model"):
        make("oracle")


def test_eu_trajectory_on_the_shared_copy(shared):
    from accord.forecast.inputs import read_csv

    run = make("eum").run(read_csv(shared / "forecast" / "eum" / "eu-car-emissions.csv"))
    assert [round(v, 2) for v in outcomes(run)[:4]] == PUBLISHED
