from __future__ import annotations

import datetime as dt

import pytest

from accord.forecast.inputs import ForecastInputError, from_snapshot, parse_value, read_csv
from accord.record.model import Actor, Position

from .conftest import CITE, record_snapshot


def write(tmp_path, text: str):
    path = tmp_path / "in.csv"
    path.write_text(text)
    return path


def test_values_may_carry_uncertainty(tmp_path):
    data = read_csv(write(tmp_path, "Actor,Capability,Position,Salience\nA,10±2,70 ± 10,0.5\nB,5,20+-5,0.9±0.1\n"))
    assert data.positions[:, 0].tolist() == [70.0, 20.0]
    assert data.position_sd[:, 0].tolist() == [10.0, 5.0]
    assert data.capability_sd.tolist() == [2.0, 0.0]
    assert data.salience_sd[:, 0].tolist() == [0.0, 0.1]
    assert data.scale == (20.0, 70.0)


def test_no_uncertainty_leaves_the_spreads_empty(eu):
    assert eu.position_sd is None and eu.salience_sd is None and eu.capability_sd is None


@pytest.mark.parametrize(
    "text, where",
    [
        ("Actor,Capability,Salience\nA,1,0.5\n", ("in.csv:1", "'Position'")),
        ("Actor,Capability,Position,Salience\nA,1,high,0.5\n", ("in.csv:2", "'Position'")),
        ("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,-1,5,0.5\n", ("in.csv:3", "'Capability'", "negative")),
        ("Actor,Capability,Position,Salience\nA,1,5,1.5\n", ("in.csv:2", "'Salience'", "0..1")),
        ("Actor,Capability,Position,Salience\n", ("in.csv", "no actors")),
        ("Actor,Capability,Position,Salience\nA,1,5,0.5\nA,1,6,0.5\n", ("in.csv:3", "twice")),
        ("Actor,Capability,Position,Salience\nA,1,5±-2,0.5\n", ("in.csv:2",)),
        ("Actor,Capability,Position,Salience\nA,0,5,0.5\nB,1,6,0\n", ("in.csv", "zero capability")),
    ],
)
def test_bad_csv_is_one_line_naming_file_line_and_field(tmp_path, text, where):
    with pytest.raises(ForecastInputError) as e:
        read_csv(write(tmp_path, text))
    message = str(e.value)
    assert "\n" not in message
    for part in where:
        assert part in message


def test_a_position_outside_the_given_scale(tmp_path):
    with pytest.raises(ForecastInputError, match="outside the scale"):
        read_csv(write(tmp_path, "Actor,Capability,Position,Salience\nA,1,150,0.5\n"), scale=(0, 100))


def test_missing_file(tmp_path):
    with pytest.raises(ForecastInputError, match="cannot read"):
        read_csv(tmp_path / "nope.csv")


def test_parse_value():
    assert parse_value("3.5", "f", 1, "x") == (3.5, 0.0)
    assert parse_value("3.5±0.5", "f", 1, "x") == (3.5, 0.5)
    with pytest.raises(ForecastInputError):
        parse_value("nan", "f", 1, "x")


def test_from_snapshot_takes_what_held_on_the_date():
    data = from_snapshot(record_snapshot(), "assad-role", dt.date(2015, 12, 18))
    assert data.actors == ("russia", "us")
    assert data.positions[:, 0].tolist() == [90.0, 30.0]
    assert data.salience[:, 0].tolist() == [1.0, 0.8]
    # the issue-specific capability wins over the general one
    assert data.capability.tolist() == [80.0, 100.0]
    assert data.position_sd[:, 0].tolist() == [0.0, 5.0]
    assert data.scale == (0.0, 100.0)
    assert data.dimensions == ("assad-role",)


def test_from_snapshot_before_any_position():
    with pytest.raises(ForecastInputError, match="no positions"):
        from_snapshot(record_snapshot(), "assad-role", dt.date(2015, 1, 1))


def test_from_snapshot_needs_every_capability():
    extra = [
        Actor(id="iran", kind="state", name="Iran", cite=CITE),
        Position(issue="assad-role", actor="iran", value=100, salience=1.0, date="2015-11", cite=CITE),
    ]
    with pytest.raises(ForecastInputError, match="iran.*no capability"):
        from_snapshot(record_snapshot(extra), "assad-role", dt.date(2015, 12, 18))


def test_from_snapshot_position_outside_the_issue_scale():
    extra = [Position(issue="assad-role", actor="russia", value=120, salience=1.0, date="2015-12-01", cite=CITE)]
    with pytest.raises(ForecastInputError, match="outside the scale"):
        from_snapshot(record_snapshot(extra), "assad-role", dt.date(2015, 12, 18))
