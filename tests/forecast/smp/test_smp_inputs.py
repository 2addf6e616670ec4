"""Reading KTAB scenarios and refusing bad ones with one clear line."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.errors import AccordError
from accord.forecast.smp import SMP, SMPInputError, SMPParameterError, SMPParams, read_scenario
from accord.forecast.smp.params import PCEModel, StateTransitions, VotingRule

DATA = Path(__file__).resolve().parent / "data"

_CSV_HEAD = "Demo,Two actors,{n},1,\nActor,Description,Influence,Pos,Sal,\n"


def _csv(tmp_path: Path, rows: str, n: int = 2) -> Path:
    path = tmp_path / "scenario.csv"
    path.write_text(_CSV_HEAD.format(n=n) + rows)
    return path


def test_reads_ktab_csv():
    scenario = read_scenario(DATA / "SOE-Pol-Comp.csv")
    s = scenario.stakeholders
    assert len(s.actors) == 13 and s.actors[0] == "XJ" and s.actors[-1] == "WY"
    assert s.dimensions == ("Policy Position", "Competitive Position")
    assert s.positions[1].tolist() == [45.0, 65.0]
    assert s.salience[1].tolist() == pytest.approx([0.447, 0.413])
    assert s.capability[1] == pytest.approx(60.2)
    assert scenario.params is None and scenario.seed is None and scenario.accommodation is None


def test_reads_ktab_xml_with_parameters_seed_and_ideal_adjustment():
    scenario = read_scenario(DATA / "smpExample.xml")
    assert scenario.stakeholders.actors == ("Alice", "Bob", "Carol", "David", "Ellie")
    assert scenario.stakeholders.dimensions == ("FirstDim", "SecondDim", "YADN")
    assert scenario.params.VotingRule is VotingRule.PROP_CBC
    assert scenario.params.PCEModel is PCEModel.MARKOV_INCENTIVE
    assert scenario.params.StateTransitions is StateTransitions.STOCHASTIC
    assert scenario.seed == 3507583219545544127
    acc = scenario.accommodation
    assert acc[1, 0] == pytest.approx(0.07) and acc[1, 1] == pytest.approx(0.75)
    assert acc[4, 4] == 1.0 and acc[4].sum() == 1.0


@pytest.mark.parametrize(
    ("rows", "n", "message"),
    [
        ("A,a,10,50\nB,b,10,40,20\n", 2, "scenario.csv:3: expected name"),
        ("A,a,-1,50,20\nB,b,10,40,20\n", 2, "scenario.csv:3: capability must be positive"),
        ("A,a,10,50,120\nB,b,10,40,20\n", 2, "scenario.csv:3: salience on 'Pos' must be in [0, 100]"),
        ("A,a,10,150,20\nB,b,10,40,20\n", 2, "scenario.csv:3: position on 'Pos' must be in [0, 100]"),
        ("A,a,ten,50,20\nB,b,10,40,20\n", 2, "scenario.csv:3: capability must be a finite number"),
        ("", 0, "the SMP needs at least two actors"),
        ("A,a,10,50,20\n", 2, "line 1 announces 2 actors, the file has 1"),
        ("A,a,10,50,20\nA,b,10,40,20\n", 2, "actor 'A' appears twice"),
    ],
)
def test_bad_csv_is_one_clear_line(tmp_path, rows, n, message):
    with pytest.raises(SMPInputError) as caught:
        read_scenario(_csv(tmp_path, rows, n))
    text = str(caught.value)
    assert message in text and "\n" not in text
    assert isinstance(caught.value, AccordError)


def test_unknown_parameter_value_in_xml(tmp_path):
    text = (DATA / "smpExample.xml").read_text(encoding="utf-8-sig").replace(">PropCbc<", ">Plurality<")
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(SMPInputError, match=r"VotingRule: unknown value 'Plurality'; expected one of Binary"):
        read_scenario(path)


def test_missing_coordinate_in_xml(tmp_path):
    text = (DATA / "smpExample.xml").read_text(encoding="utf-8-sig").replace("<dCoord>39.8</dCoord>", "", 1)
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(SMPInputError, match=r"actor 0 \(Alice\): 2 dCoord and 3 dSal for 3 dimensions"):
        read_scenario(path)


def test_unknown_file_kind(tmp_path):
    with pytest.raises(SMPInputError, match="expected a KTAB .csv or .xml"):
        read_scenario(tmp_path / "scenario.json")


def test_parameters_by_name_and_their_errors():
    params = SMPParams.from_names(VotingRule="PropCbc", BigRAdjust="Half")
    assert params.VotingRule is VotingRule.PROP_CBC
    assert params.to_json()["BigRAdjust"] == "Half"
    with pytest.raises(SMPParameterError, match="unknown SMP parameter 'VoteRule'"):
        SMPParams.from_names(VoteRule="Prop")
    with pytest.raises(SMPParameterError, match="PCEModel: unknown value 'Markov'"):
        SMP(PCEModel="Markov")


def test_every_option_runs():
    """Each value of each option runs to an end, positions inside the input range."""
    scenario = read_scenario(DATA / "dummyData_3Dim.csv")
    lo = scenario.stakeholders.positions.min(axis=0) - 0.01
    hi = scenario.stakeholders.positions.max(axis=0) + 0.01
    defaults = SMPParams()
    for name in ("VictoryProbModel", "VotingRule", "PCEModel", "StateTransitions", "BigRRange", "BigRAdjust",
                 "ThirdPartyCommit", "InterVecBrgn", "BargnModel"):
        for value in type(getattr(defaults, name)):
            run = SMP(SMPParams.from_names(**{name: value.value})).run(scenario.stakeholders, rounds=8, seed=7)
            final = np.array(list(run.final_positions.values()))
            assert 2 <= run.states <= 9, (name, value)
            assert (final >= lo).all() and (final <= hi).all(), (name, value)
            assert run.parameters[name] == value.value
