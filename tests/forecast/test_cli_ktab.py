"""`accord forecast run smp` reads KTAB scenarios directly, with their own options and seed."""

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli.main import app

DATA = Path(__file__).parent / "smp" / "data"


def run(*args: str):
    result = CliRunner().invoke(app, ["forecast", "run", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_ktab_csv_runs_like_the_reference_log():
    out = run("smp", str(DATA / "SOE-Pol-Comp.csv"))
    assert out["states"] == 28
    assert [round(v, 1) for v in out["final_positions"]["WY"]] == [15.0, 60.0]


def test_ktab_xml_uses_its_own_seed_unless_told_otherwise():
    own = run("smp", str(DATA / "smpExample.xml"))
    assert own["seed"] == run("smp", str(DATA / "smpExample.xml"), "--seed", str(own["seed"]))["seed"]
    assert run("smp", str(DATA / "smpExample.xml"), "--seed", "7")["seed"] == 7
    assert len(own["forecast"]) == 3


def test_the_baselines_read_ktab_scenarios_too():
    out = run("weighted-mean", str(DATA / "SOE-Pol-Comp.csv"))
    assert out["states"] == 1 and len(out["forecast"]) == 2


def test_a_negative_seed_is_one_line_not_a_traceback(tmp_path):
    xml = (DATA / "smpExample.xml").read_text()
    seed = xml.split("<prngSeed>")[1].split("</prngSeed>")[0]
    bad = tmp_path / "negative.xml"
    bad.write_text(xml.replace(f"<prngSeed>{seed}</prngSeed>", "<prngSeed>-5</prngSeed>"))
    result = CliRunner().invoke(app, ["forecast", "run", "smp", str(bad)])
    assert result.exit_code == 2 and "<prngSeed> must be a non-negative integer" in result.stderr
    result = CliRunner().invoke(app, ["forecast", "run", "smp", str(DATA / "smpExample.xml"), "--seed", "-1"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit) and "--seed" in result.stderr
