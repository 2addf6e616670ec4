from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import accord.cli.forecast as cli_forecast
from accord.cli.main import app

from .conftest import DATA, EU_CSV, record_snapshot

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["forecast", *args])


def test_run_json_shape():
    result = invoke("run", "eum", str(EU_CSV), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert {"model", "forecast", "states", "final_positions", "trajectory", "parameters", "seed"} <= set(out)
    assert out["model"] == "eum" and out["states"] == len(out["trajectory"]) == 5
    assert len(out["trajectory"][0]) == 10 and len(out["trajectory"][0][0]) == 1
    assert round(out["forecast"][0], 2) == 9.96
    assert out["parameters"]["probability"] == "all-pairs"


def test_run_with_parameters_rounds_and_table():
    result = invoke("run", "eum", str(EU_CSV), "--param", "probability=pairwise", "--rounds", "3")
    assert result.exit_code == 0, result.output
    assert "eum" in result.stdout and "Germany" in result.stdout


@pytest.mark.parametrize("model", ["weighted-mean", "weighted-median", "nash"])
def test_run_every_model(model):
    result = invoke("run", model, str(EU_CSV), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["states"] == 1


@pytest.mark.parametrize(
    "args, expected",
    [
        (("run", "oracle", str(EU_CSV)), "unknown model"),
        (("run", "eum", str(EU_CSV), "--param", "probability=sometimes"), "probability"),
        (("run", "eum", str(EU_CSV), "--param", "nonsense"), "KEY=VALUE"),
        (("run", "eum", "missing.csv"), "cannot read"),
        (("montecarlo", "nash", str(EU_CSV), "--range", "8"), "--range"),
        (("run", "nash", str(EU_CSV), "--scale", "5,9"), "outside the scale"),
    ],
)
def test_user_errors_are_one_line(args, expected):
    result = invoke(*args)
    assert result.exit_code == 2
    lines = [line for line in result.output.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0], result.output


def test_bad_csv_names_file_line_field(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,1,5,2\n")
    result = invoke("run", "weighted-mean", str(bad))
    assert result.exit_code == 2
    assert "bad.csv:3" in result.output and "Salience" in result.output


def test_montecarlo_json():
    result = invoke("montecarlo", "weighted-mean", str(EU_CSV), "--draws", "50", "--seed", "4", "--range", "7,8", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["draws"] == 50 and out["seed"] == 4 and out["p_within"] == [1.0]


def test_sensitivity_json():
    result = invoke("sensitivity", "weighted-mean", str(EU_CSV), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["influential"][0] == "Germany"


def test_backtest_json():
    result = invoke("backtest", str(DATA / "backtest-example.csv"), "--models", "nash,eum", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["baseline"] == "weighted-mean"
    assert [m["model"] for m in out["models"]] == ["weighted-mean", "nash", "eum"]


@pytest.fixture
def case(monkeypatch):
    monkeypatch.setattr(cli_forecast, "open_snapshot", lambda case, as_known_on, plain=False: record_snapshot())


def test_issue_json_and_chart(case, tmp_path):
    chart = tmp_path / "chart.png"
    models = "weighted-median,nash,eum"
    result = invoke(
        "issue", "assad-role", "--date", "2015-12-18", "--models", models, "--draws", "200", "--chart", str(chart), "--json"
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["issue"] == "assad-role" and out["date"] == "2015-12-18"
    assert out["baseline"] == "weighted-mean"
    assert set(out["models"]) >= {"weighted-mean", "weighted-median", "nash", "eum"}
    for m in out["models"].values():
        lo, hi = m["interval"]
        assert 0 <= lo <= hi <= 100
        assert m["settled"] in (True, False)
        assert 100 <= m["draws"] <= 200
    assert set(out["influential"]) <= {"us", "russia"} and out["influential"]
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_issue_table_and_errors(case):
    result = invoke("issue", "assad-role", "--models", "nash", "--draws", "10")
    assert result.exit_code == 0, result.output
    assert "weighted-mean" in result.stdout and "nash" in result.stdout
    assert invoke("issue", "no-such-issue").exit_code == 2
    assert "--date" in invoke("issue", "assad-role", "--date", "2015-13-45").output


def test_issue_chart_that_cannot_be_written_is_one_line(case, tmp_path):
    chart = tmp_path / "no-such-folder" / "chart.png"
    result = invoke("issue", "assad-role", "--models", "nash", "--draws", "10", "--chart", str(chart))
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "cannot write the chart" in result.stderr


def test_issue_tolerance_zero_uses_every_draw(case):
    out = json.loads(invoke("issue", "assad-role", "--models", "nash", "--draws", "300", "--tolerance", "0", "--json").stdout)
    assert {m["draws"] for m in out["models"].values()} == {300}
