"""Inputs past a model's documented size are refused with one line naming the file and the count, before
the model runs (accord.forecast.limits); at the limit they run. The real limits are checked directly
(running the EUM on 2,000 actors takes seconds); the runs at and past a limit use small stand-in limits."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.forecast import limits
from accord.forecast.base import Stakeholders
from tests.reliability.conftest import one_error_line


def _csv(path: Path, n: int, sd: bool = False) -> Path:
    rng = np.random.default_rng(n)
    spread = "±5" if sd else ""
    rows = [f"a{i},{rng.uniform(0.1, 1):.3f},{rng.uniform(0, 100):.2f}{spread},{rng.uniform(0.1, 1):.2f}" for i in range(n)]
    path.write_text("Actor,Capability,Position,Salience\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _data(n: int, d: int = 1) -> Stakeholders:
    return Stakeholders(tuple(f"a{i}" for i in range(n)), np.zeros((n, d)), np.ones((n, d)), np.ones(n),
                        tuple(str(k) for k in range(d)))


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("model", sorted(limits.MAX_ACTORS))
def test_the_real_actor_limits(model, tmp_path):
    most = limits.MAX_ACTORS[model]
    limits.check(model, _data(most))  # at the limit: taken
    with pytest.raises(limits.TooLarge):
        limits.check(model, _data(most + 1))
    # one beyond, through the command: refused before the model starts (it would take minutes)
    path = _csv(tmp_path / "big.csv", most + 1)
    one_error_line(_run("forecast", "run", model, str(path)), str(path), f"{most + 1:,} actors", f"at most {most:,}")


def test_the_real_rounds_and_cells_limits():
    for model, most in limits.MAX_ROUNDS.items():
        limits.check(model, _data(3), rounds=most)
        with pytest.raises(limits.TooLarge, match="rounds"):
            limits.check(model, _data(3), rounds=most + 1)
    n = 1000
    limits.check("nash", _data(n), draws=limits.MAX_CELLS // n)
    with pytest.raises(limits.TooLarge, match="draws"):
        limits.check("nash", _data(n), draws=limits.MAX_CELLS // n + 1)
    fits = int((limits.MAX_CELLS / limits.SENSITIVITY_COPIES) ** 0.5)
    limits.check("nash", _data(fits), sensitivity=True)
    with pytest.raises(limits.TooLarge, match="sensitivity"):
        limits.check("nash", _data(fits + 1), sensitivity=True)


@pytest.mark.parametrize("model", ["eum", "smp"])
def test_a_run_at_the_limit_runs_and_one_beyond_is_refused(model, tmp_path, monkeypatch):
    monkeypatch.setitem(limits.MAX_ACTORS, model, 5)
    ok = _run("forecast", "run", model, str(_csv(tmp_path / "five.csv", 5)), "--json")
    assert ok.exit_code == 0, ok.stderr
    six = _csv(tmp_path / "six.csv", 6)
    one_error_line(_run("forecast", "run", model, str(six)), str(six), "6 actors", f"{model} model takes at most 5")
    # the model refuses too when called without the command (the API, a script)
    from accord.forecast.registry import make
    from accord.forecast.inputs import read_csv

    with pytest.raises(limits.TooLarge):
        make(model).run(read_csv(six))


def test_rounds_beyond_the_limit(tmp_path, monkeypatch):
    monkeypatch.setitem(limits.MAX_ROUNDS, "eum", 3)
    path = _csv(tmp_path / "a.csv", 4)
    assert _run("forecast", "run", "eum", str(path), "--rounds", "3").exit_code == 0
    one_error_line(_run("forecast", "run", "eum", str(path), "--rounds", "4"), str(path), "4 rounds", "at most 3")


def test_monte_carlo_and_sensitivity_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 6 * 4 * 4)
    path = _csv(tmp_path / "a.csv", 4, sd=True)
    assert _run("forecast", "montecarlo", "weighted-mean", str(path), "--draws", "24").exit_code == 0
    one_error_line(_run("forecast", "montecarlo", "weighted-mean", str(path), "--draws", "25"),
                   str(path), "25 draws × 4 actors", "at most 96")
    assert _run("forecast", "sensitivity", "nash", str(path)).exit_code == 0
    five = _csv(tmp_path / "five.csv", 5)
    one_error_line(_run("forecast", "sensitivity", "nash", str(five)), str(five), "5 actors", "sensitivity")


def test_an_issue_of_the_case_beyond_a_limit_is_named(mini, monkeypatch):
    monkeypatch.setitem(limits.MAX_ACTORS, "smp", 1)
    r = mini("forecast", "issue", "vote-timing", "--models", "smp", "--draws", "10", ok=False)
    one_error_line(r, "issue vote-timing", "the smp model takes at most 1")
