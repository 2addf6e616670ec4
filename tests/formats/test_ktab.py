"""KTAB scenarios into a case: `accord forecast ktab` export → `accord case import-ktab` → the same
positions, saliences and capabilities; a bad scenario gives one line and writes nothing."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.forecast.inputs import from_snapshot
from accord.forecast.smp import writers
from accord.formats.ktab import import_ktab
from accord.record.model import Actor, Capability, Issue, Position
from accord.record.snapshot import Snapshot

DAY = dt.date(2016, 2, 1)
URL = ["https://example.org/coding"]


@st.composite
def cases(draw):
    lo = draw(st.floats(-100, 100, allow_nan=False))
    hi = lo + draw(st.floats(0.5, 200, allow_nan=False))
    n = draw(st.integers(3, 6))  # KTAB takes 3 actors or more
    issue = Issue(id="q", name="Question", scale_min=lo, scale_max=hi, cite=URL)
    actors = [Actor(id=f"a{i}", kind="state", name=f"Actor {i}", cite=URL) for i in range(n)]
    facts = []
    for a in actors:
        facts.append(Position(issue="q", actor=a.id, value=draw(st.floats(lo, hi)), date="2016-01-15",
                              salience=draw(st.floats(0.01, 1)), cite=URL))
        facts.append(Capability(actor=a.id, value=draw(st.floats(0.1, 1000)), date="2016-01-10", cite=URL))
    return [issue, *actors], facts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from(["csv", "xml"]))
def test_export_then_import_gives_the_same_positions(case, fmt):
    base, facts = case
    exported = from_snapshot(Snapshot([*base, *facts]), "q", DAY)
    text = (writers.to_csv if fmt == "csv" else writers.to_xml)(exported, f"q on {DAY}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"q.{fmt}"
        path.write_text(text)
        # into the case without its positions and capabilities: they come back from the file
        imported = import_ktab(Snapshot(base), path)
        again = from_snapshot(Snapshot([*base, *imported.records]), "q", DAY)
        assert again.actors == exported.actors
        np.testing.assert_allclose(again.positions, exported.positions, rtol=1e-9, atol=1e-9 * (exported.scale[1] - exported.scale[0]))
        np.testing.assert_allclose(again.salience, exported.salience, rtol=1e-9)
        np.testing.assert_allclose(again.capability, exported.capability, rtol=1e-9)
        assert all(r.cite[0].document == f"ktab-q-{fmt}" for r in imported.records if hasattr(r, "cite"))
        # into the case as it was: capabilities already agree, so only the dated positions are written
        assert imported.counts["positions"] == len(base) - 1
        assert import_ktab(Snapshot([*base, *facts]), path).counts["capabilities"] == 0


def test_new_issue_and_actors_from_a_scenario(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Trial,,2,1\nActor,Description,Influence,Reform,Reform Salience\n"
                    "North,n,40,25,50\nSouth,s,60,75,80\n")
    snap = Snapshot([Actor(id="north", kind="state", name="The North", aliases=["North"], cite=URL)])
    out = import_ktab(snap, path, on=DAY)
    by_id = {r.id: r for r in out.records}
    assert out.counts == {"issues": 1, "actors": 1, "positions": 2, "capabilities": 2}
    assert isinstance(by_id["reform"], Issue) and isinstance(by_id["south"], Actor)
    assert by_id["reform.north.2016-02-01"].value == 25 and by_id["reform.south.2016-02-01"].salience == 0.8


def test_a_scenario_without_date_or_with_two_dimensions_for_one_issue_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Trial,,2,2\nActor,Description,Influence,A,A Salience,B,B Salience\n"
                    "x,x,1,10,10,20,20\ny,y,1,30,30,40,40\n")
    with pytest.raises(AccordError, match=r"s\.csv: field 'name': .* names no date"):
        import_ktab(Snapshot([]), path)
    with pytest.raises(AccordError, match=r"s\.csv: field 'Dimensions': 2 dimensions"):
        import_ktab(Snapshot([]), path, issue="q", on=DAY)


def test_cli_round_trip_and_bad_file_writes_nothing(accord, tmp_path):
    accord("case", "load", "syria-2015")
    out = tmp_path / "assad.xml"
    accord("forecast", "ktab", "assad-role", "--date", "2015-12-18", "--format", "xml", "--out", str(out))
    before = accord.json("positions", "assad-role", "--date", "2015-12-18")
    r = accord.json("case", "import-ktab", str(out))
    assert r["positions"] == 10 and r["issues"] == 0 and r["actors"] == 0
    after = accord.json("positions", "assad-role", "--date", "2015-12-18")
    key = lambda d: {p["actor"]: (round(p["value"], 6), round(p["salience"], 6)) for p in d}
    assert key(after) == key(before)
    assert accord.json("case", "import-ktab", str(out))["unchanged"] == 11  # a re-import changes nothing
    bad = tmp_path / "bad.xml"
    bad.write_text(out.read_text().replace("<capability>", "<capability>-", 1))
    r = accord("case", "import-ktab", str(bad), ok=False)
    assert r.exit_code == 2 and "bad.xml" in r.stderr and "capability" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert accord("show", "ktab-bad-xml", ok=False).exit_code != 0  # not even the source document
