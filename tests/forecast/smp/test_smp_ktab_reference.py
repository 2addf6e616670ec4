"""The SMP against KTAB's own reference runs (logs read from ../shared, never copied into the repo)."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from accord.forecast.smp import SMPParams, read_scenario
from accord.forecast.smp.ktab_log import KtabLog, parse_log
from accord.forecast.smp.params import StateTransitions

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "forecast" / "ktab"


def _log(name: str) -> str:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"KTAB reference log not available: {path}")
    return path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def soe_log() -> KtabLog:
    return parse_log(_log("20170530_ref-SOE-Pol-Comp.txt"))


@pytest.fixture(scope="module")
def soe_run():
    scenario = read_scenario(DATA / "SOE-Pol-Comp.csv")
    params = SMPParams.from_names(
        VictoryProbModel="Linear",
        VotingRule="Prop",
        PCEModel="Conditional",
        StateTransitions="Deterministic",
        BigRRange="Mid",
        BigRAdjust="OneThird",
        ThirdPartyCommit="SemiCommit",
        InterVecBrgn="S2P2",
        BargnModel="InitOnlyInterp",
        stop_fraction=0.02,
    )
    return scenario, scenario.model(params).run(scenario.stakeholders)


def test_soe_ends_after_28_states(soe_run, soe_log):
    _, run = soe_run
    assert soe_log.states == 28
    assert run.states == 28


def test_the_log_gives_ktabs_own_run_time(soe_log):
    assert soe_log.elapsed == 1.2092


def test_soe_every_turn_matches_the_log_history(soe_run, soe_log):
    scenario, run = soe_run
    trajectory = np.array(run.trajectory)
    actors, dims = scenario.stakeholders.actors, scenario.stakeholders.dimensions
    assert len(soe_log.positions) == len(actors) * len(dims)
    for (actor, dim), logged in soe_log.positions.items():
        ours = trajectory[:, actors.index(actor), dims.index(dim)]
        # KTAB prints with printf's %5.1f: compare the same rounding of the same numbers
        assert [f"{v:.1f}" for v in ours] == [f"{v:.1f}" for v in logged], (actor, dim)


def test_soe_final_positions_within_a_tenth(soe_run, soe_log):
    scenario, run = soe_run
    for (actor, dim), logged in soe_log.positions.items():
        k = scenario.stakeholders.dimensions.index(dim)
        assert abs(run.final_positions[actor][k] - logged[-1]) <= 0.1, (actor, dim)


def test_soe_win_probabilities_match_the_log(soe_run, soe_log):
    scenario, run = soe_run
    probs = np.array(run.detail["win_probabilities"])
    for actor, logged in soe_log.win_probabilities.items():
        ours = probs[:, scenario.stakeholders.actors.index(actor)]
        assert [f"{p:.4f}" for p in ours] == [f"{p:.4f}" for p in logged], actor


def test_soe_stopping_rule_sees_the_logged_fractional_changes(soe_run, soe_log):
    _, run = soe_run
    unit = np.array(run.trajectory) / 100.0
    moved = np.linalg.norm(np.diff(unit, axis=0), axis=2).sum(axis=1)
    fractions = moved[1:] / (moved[0] + 1e-4)
    assert [f"{f:.4f}" for f in fractions] == [f"{f:.4f}" for f in soe_log.fractional_changes[1:]]
    assert fractions[-1] < 0.02 <= fractions[:-1].min()


# --- smpExample.xml: stochastic transitions, so only the first state and first step are KTAB's exactly


@pytest.fixture(scope="module")
def example():
    scenario = read_scenario(DATA / "smpExample.xml")
    return scenario, scenario.model().run(scenario.stakeholders, seed=scenario.seed)


def test_example_first_state_matches_the_log(example):
    scenario, run = example
    log = parse_log(_log("20170530_ref-smpExample.txt"))
    assert log.seed == scenario.seed == 3507583219545544127
    first_probs = run.detail["win_probabilities"][0]
    for actor, logged in log.win_probabilities.items():
        assert f"{first_probs[scenario.stakeholders.actors.index(actor)]:.4f}" == f"{logged[0]:.4f}", actor
    for (actor, dim), logged in log.positions.items():
        k = scenario.stakeholders.dimensions.index(dim)
        assert f"{run.trajectory[0][scenario.stakeholders.actors.index(actor)][k]:.1f}" == f"{logged[0]:.1f}"


_TARGET = re.compile(r"In turn 0 actor (\d+) has most advantageous target (\d+) worth ([-\d.]+)")
_ESTIMATE = re.compile(r"Est by +(\d+) of prob ([\d.]+) that \[ *(\d+)> *(\d+)\], with expected gain to +(\d+) of ([-+\d.]+)")
_PROPOSAL = re.compile(r"^ +(\d+) proposes (\d+) adopt: +(.*)$")


def _first_step_challenges(text: str) -> dict[int, dict]:
    """Per initiator: its target, its estimate of winning, its gain and its proposal, from turn 0 of a full log."""
    found: dict[int, dict] = {}
    current: dict | None = None
    for line in text.splitlines():
        if m := _TARGET.search(line):
            current = {"initiator": int(m[1]), "target": int(m[2]), "proposal": {}}
            found[int(m[1])] = current
        elif line.startswith("In turn 1 "):
            break
        elif current is None:
            continue
        elif (m := _ESTIMATE.search(line)) and "odds" not in current:
            current["odds"], current["gain"] = float(m[2]), float(m[6])
        elif (m := _PROPOSAL.match(line)) and int(m[1]) == current["initiator"]:
            current["proposal"][int(m[2])] = [float(v) for v in m[3].split()]
    return found


def test_example_first_step_bargains_match_the_log(example):
    scenario, run = example
    logged = _first_step_challenges(_log("20170530_ref-smpExample.txt"))
    actors = scenario.stakeholders.actors
    ours = {actors.index(b["initiator"]): b for b in run.detail["bargains"][0]}
    assert logged and set(ours) == set(logged)
    for i, expected in logged.items():
        bargain = ours[i]
        j = actors.index(bargain["receiver"])
        assert j == expected["target"]
        assert f"{bargain['initiator_win_odds']:.4f}" == f"{expected['odds']:.4f}"
        assert f"{bargain['initiator_gain']:+.4f}" == f"{expected['gain']:+.4f}"
        assert [f"{v:.3f}" for v in bargain["initiator_position"]] == [f"{v:.3f}" for v in expected["proposal"][i]]
        assert [f"{v:.3f}" for v in bargain["receiver_position"]] == [f"{v:.3f}" for v in expected["proposal"][j]]


# --- an input we did not tune to: KTAB's dummyData_3Dim.csv, against figures from KTAB's own smpc run

# final positions printed by KTAB smpc (built from lsyaseen/KTAB 3b5b063, -O2) for dummyData_3Dim.csv
_DUMMY_3DIM_FINAL = {
    "SActor-00": (78.6, 31.8, 74.1),
    "SActor-01": (78.6, 31.8, 74.1),
    "SActor-02": (82.5, 90.9, 0.1),
    "SActor-03": (67.1, 50.1, 63.7),
    "SActor-04": (78.6, 31.6, 74.1),
    "SActor-05": (79.9, 34.4, 75.2),
    "SActor-06": (78.6, 31.6, 74.1),
}


def test_dummy_3dim_matches_ktab():
    scenario = read_scenario(DATA / "dummyData_3Dim.csv")
    run = scenario.model().run(scenario.stakeholders)
    assert run.states == 11
    for actor, expected in _DUMMY_3DIM_FINAL.items():
        assert [f"{v:.1f}" for v in run.final_positions[actor]] == [f"{v:.1f}" for v in expected], actor


# --- the other run options, against figures from KTAB's own smpc (see data/README.md)


_OPTION_NAMES = (
    "VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule", "BigRAdjust", "BigRRange",
    "ThirdPartyCommit", "InterVecBrgn", "BargnModel",
)


def _option_runs() -> dict[tuple[tuple[str, str], ...], tuple[int, dict[str, str]]]:
    runs: dict[tuple[tuple[str, str], ...], tuple[int, dict[str, str]]] = {}
    with (DATA / "ktab_soe_option_runs.csv").open() as handle:
        for row in csv.DictReader(handle):
            key = tuple((k, row[k]) for k in _OPTION_NAMES)
            runs.setdefault(key, (int(row["states"]), {}))[1][row["actor"]] = row["final"]
    return runs


_OPTION_RUNS = _option_runs()


@pytest.mark.parametrize("options", list(_OPTION_RUNS), ids=lambda o: "-".join(v for _, v in o))
def test_soe_under_other_options_matches_ktab(options):
    states, finals = _OPTION_RUNS[options]
    scenario = read_scenario(DATA / "SOE-Pol-Comp.csv")
    run = scenario.model(SMPParams.from_names(**dict(options))).run(scenario.stakeholders)
    assert run.states == states
    for actor, final in finals.items():
        assert " ".join(f"{v:.1f}" for v in run.final_positions[actor]) == final, actor


# smpExample.xml made deterministic: ideal adjustment, three dimensions, PropCbc and MarkovIncentive,
# against the final positions KTAB's smpc printed for the same file with StateTransitions Deterministic
_EXAMPLE_DETERMINISTIC_FINAL = {
    "Alice": (48.9, 47.2, 50.5),
    "Bob": (49.3, 48.3, 48.9),
    "Carol": (49.3, 48.3, 48.9),
    "David": (45.5, 33.2, 50.0),
    "Ellie": (48.9, 47.2, 50.5),
}


def test_example_made_deterministic_matches_ktab():
    scenario = read_scenario(DATA / "smpExample.xml")
    params = replace(scenario.params, StateTransitions=StateTransitions.DETERMINISTIC)
    run = scenario.model(params).run(scenario.stakeholders, seed=scenario.seed)
    assert run.states == 14
    for actor, expected in _EXAMPLE_DETERMINISTIC_FINAL.items():
        assert [f"{v:.1f}" for v in run.final_positions[actor]] == [f"{v:.1f}" for v in expected], actor
