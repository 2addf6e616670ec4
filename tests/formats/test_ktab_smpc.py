"""accord's KTAB export (`accord forecast ktab`) run through our KTAB readers and, where ``KTAB_SMP_BIN``
points at one, through KTAB's own ``smpc``: the built-in case and a user's case (docs/examples/basin-talks: a
signed scale, ordered options, positions that move), each issue as CSV and as XML.

Without KTAB (CI, most machines): export → our reader → our SMP gives the run our SMP gives on the case
itself. With KTAB: smpc accepts each file and its printed history (every state's positions and win
probabilities) is ours. KTAB is never built by the project; docs/formats.md says how it was built and run.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from accord.forecast.inputs import from_snapshot
from accord.forecast.smp import SMP, read_scenario, writers
from accord.forecast.smp.ktab_log import first_difference, parse_log
from accord.record.bundle import read_bundle
from accord.record.snapshot import Snapshot

BASIN = Path(__file__).resolve().parents[2] / "docs" / "examples" / "basin-talks"
CASES = [  # (bundle, issue, date)
    ("syria-2015", "assad-role", dt.date(2015, 12, 18)),
    (str(BASIN), "dry-season-release", dt.date(2024, 5, 1)),
    (str(BASIN), "monitoring", dt.date(2024, 5, 1)),
]
SMPC = os.environ.get("KTAB_SMP_BIN", "")
needs_smpc = pytest.mark.skipif(not (SMPC and Path(SMPC).is_file()),
                                reason="KTAB_SMP_BIN does not point at KTAB's smpc (built outside the repo)")

_snapshots: dict[str, Snapshot] = {}


def _snapshot(bundle: str) -> Snapshot:
    if bundle not in _snapshots:
        read = read_bundle(bundle)
        _snapshots[bundle] = Snapshot(read.records, read.id)
    return _snapshots[bundle]


def _export(bundle: str, issue: str, on: dt.date, fmt: str, folder: Path):
    """What `accord forecast ktab ISSUE --date ON --format FMT --out FILE` writes (the same two calls)."""
    data = from_snapshot(_snapshot(bundle), issue, on)
    name = f"{issue} on {on.isoformat()}"
    path = folder / f"{issue}.{fmt}"
    path.write_text(writers.to_csv(data, name) if fmt == "csv" else writers.to_xml(data, name), encoding="utf-8")
    return data, path


@pytest.mark.parametrize("fmt", ["csv", "xml"])
@pytest.mark.parametrize(("bundle", "issue", "on"), CASES, ids=[c[1] for c in CASES])
def test_an_exported_issue_read_back_gives_the_smp_run_of_the_case(tmp_path, bundle, issue, on, fmt):
    data, path = _export(bundle, issue, on, fmt, tmp_path)
    on_case = SMP().run(data)
    scenario = read_scenario(path)
    assert scenario.stakeholders.actors == data.actors
    on_file = scenario.model().run(scenario.stakeholders, seed=scenario.seed)
    assert on_file.states == on_case.states
    lo, hi = data.scale
    np.testing.assert_allclose(np.array(on_file.trajectory), (np.array(on_case.trajectory) - lo) * 100 / (hi - lo),
                               rtol=0, atol=1e-6)
    np.testing.assert_allclose(on_file.detail["win_probabilities"], on_case.detail["win_probabilities"],
                               rtol=0, atol=1e-9)


def _smpc(path: Path) -> str:
    """KTAB's smpc on one scenario, least logging, its SQLite log beside the file; its printed log."""
    kind = "--xml" if path.suffix == ".xml" else "--csv"
    done = subprocess.run([SMPC, "--logmin", "--connstr", f"Driver=QSQLITE;Database={path.with_suffix('.db')}",
                           kind, path.name], cwd=path.parent, capture_output=True, text=True, errors="replace",
                          timeout=300)
    return done.stdout + done.stderr


@needs_smpc
@pytest.mark.parametrize("fmt", ["csv", "xml"])
@pytest.mark.parametrize(("bundle", "issue", "on"), CASES, ids=[c[1] for c in CASES])
def test_ktab_smpc_accepts_the_export_and_runs_it_as_our_smp(tmp_path, bundle, issue, on, fmt):
    data, path = _export(bundle, issue, on, fmt, tmp_path)
    text = _smpc(path)
    # smpc exits 0 even when it refuses a file; a refusal leaves no "There were N states" line
    errors = [line for line in text.splitlines() if "Error" in line or "missing" in line]
    log = parse_log(text) if "There were" in text else pytest.fail(f"smpc refused {path.name}: {errors}")
    assert log.positions and set(log.win_probabilities) == set(data.actors)
    scenario = read_scenario(path)
    on_file = scenario.model().run(scenario.stakeholders, seed=scenario.seed)
    assert first_difference(log, on_file, data.actors, data.dimensions) is None
    # our SMP on the case itself runs as on the file to 1e-6 (the test above), but printed at one decimal
    # a position within that of a rounding boundary (98.25 on the 0..3 scale's 2.9475) may print either way
    on_case = SMP().run(data)
    lo, hi = data.scale
    ktab = np.array([[log.positions[(a, d)] for d in data.dimensions] for a in data.actors]).transpose(2, 0, 1)
    assert on_case.states == log.states
    np.testing.assert_allclose((np.array(on_case.trajectory) - lo) * 100 / (hi - lo), ktab, rtol=0, atol=0.05 + 1e-6)


@needs_smpc
def test_ktab_smpc_refuses_what_the_exporter_refuses(tmp_path):
    """The writer's limits are KTAB's: two actors, or a CSV actor name past 25 characters, are refused by
    smpc too (so refusing to write them loses nothing)."""
    two = tmp_path / "two.csv"
    two.write_text("two,,2,1\nActor,Description,Influence,q,q Salience\na,a,1,10,50\nb,b,1,90,50\n")
    long = tmp_path / "long.csv"
    long.write_text("long,,3,1\nActor,Description,Influence,q,q Salience\n"
                    f"{'x' * 26},x,1,10,50\nb,b,1,90,50\nc,c,1,50,50\n")
    for path, why in ((two, "Invalid number of actors"), (long, "name is either not there or too long")):
        text = _smpc(path)
        assert "There were" not in text and why in text, path.name


def test_an_issue_ktab_would_refuse_is_not_written(accord, tmp_path):
    from tests.cli.conftest import MINI

    accord("case", "load", str(MINI))  # a user's case with two actors on its issue: KTAB takes three or more
    out = tmp_path / "vote.csv"
    r = accord("forecast", "ktab", "vote-timing", "--date", "2020-04-01", "--format", "csv", "--out", str(out),
               ok=False)
    assert r.exit_code == 2 and not out.exists() and not list(tmp_path.glob("vote.csv*"))
    assert r.stderr.strip() == "error: issue vote-timing on 2020-04-01: 2 actors: KTAB's smpc takes 3 to 250"
