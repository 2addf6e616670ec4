"""KTAB export: a case issue's positions on a date as KTAB's CSV and XML, read back by our KTAB readers
(the ones checked against KTAB's own files) to the same stakeholders."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from accord.cli.main import app
from accord.forecast.base import Stakeholders
from accord.forecast.smp import read_scenario
from accord.forecast.smp.params import SMPParams
from accord.forecast.smp.writers import to_csv, to_xml


@st.composite
def stakeholders(draw) -> Stakeholders:
    n = draw(st.integers(3, 6))  # KTAB takes 3 actors or more
    d = draw(st.integers(1, 3))
    lo = draw(st.floats(-1000, 1000))
    hi = lo + draw(st.floats(1, 1000))
    unit = st.floats(0, 1)
    pos = np.array([[lo + draw(unit) * (hi - lo) for _ in range(d)] for _ in range(n)])
    sal = np.array([[draw(st.floats(0.01, 1)) / d for _ in range(d)] for _ in range(n)])
    cap = np.array([draw(st.floats(0.001, 1e6)) for _ in range(n)])
    return Stakeholders(actors=tuple(f"actor-{i}" for i in range(n)), positions=pos, salience=sal, capability=cap,
                        dimensions=tuple(f"dim-{k}" for k in range(d)), scale=(lo, hi))


@settings(max_examples=60, deadline=None)
@given(data=stakeholders(), seed=st.integers(0, 2**64 - 1))
def test_csv_and_xml_read_back_as_the_same_stakeholders_on_ktab_scale(tmp_path_factory, data, seed):
    folder = tmp_path_factory.mktemp("ktab")
    (folder / "s.csv").write_text(to_csv(data, "round trip"))
    (folder / "s.xml").write_text(to_xml(data, "round trip", seed=seed, params=SMPParams.from_names(VotingRule="PropCbc")))
    lo, hi = data.scale
    want = (data.positions - lo) * 100 / (hi - lo)
    for name in ("s.csv", "s.xml"):
        got = read_scenario(folder / name)
        s = got.stakeholders
        assert s.actors == data.actors and s.dimensions == data.dimensions and s.scale == (0.0, 100.0)
        np.testing.assert_allclose(s.positions, want, rtol=1e-9, atol=1e-8)
        np.testing.assert_allclose(s.salience, data.salience, rtol=1e-9)
        np.testing.assert_allclose(s.capability, data.capability, rtol=1e-9)
    xml = read_scenario(folder / "s.xml")
    assert xml.seed == seed and xml.params == SMPParams.from_names(VotingRule="PropCbc")


def test_a_case_issue_exported_runs_in_the_smp(tmp_path):
    db = str(tmp_path / "k.db")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "case", "load", "syria-2015"]).exit_code == 0
    for fmt in ("csv", "xml"):
        out = tmp_path / f"assad.{fmt}"
        r = runner.invoke(app, ["--db", db, "forecast", "ktab", "assad-role", "--date", "2015-12-18", "--format", fmt,
                                "--out", str(out)])
        assert r.exit_code == 0, r.output
        scenario = read_scenario(out)
        assert "russia" in scenario.stakeholders.actors and scenario.stakeholders.scale == (0.0, 100.0)
        run = runner.invoke(app, ["forecast", "run", "smp", str(out), "--json"])
        assert run.exit_code == 0, run.output
    r = runner.invoke(app, ["--db", db, "forecast", "ktab", "assad-role", "--format", "yaml"])
    assert r.exit_code == 2 and "--format 'yaml': expected csv or xml" in r.output
    r = runner.invoke(app, ["--db", db, "forecast", "ktab", "no-such-issue"])
    assert r.exit_code == 2 and not (tmp_path / "no.xml").exists()


def _three(**overrides) -> Stakeholders:
    values = dict(actors=("a", "b", "c"), positions=np.array([[10.0], [50.0], [90.0]]),
                  salience=np.array([[0.5], [0.5], [0.5]]), capability=np.array([1.0, 2.0, 3.0]),
                  dimensions=("q",), scale=(0.0, 100.0))
    return Stakeholders(**{**values, **overrides})


def test_the_xml_carries_the_identity_ideal_adjustment_ktab_requires():
    # KTAB's smpc refuses an XML scenario without <IdealAdjustment> (its schema calls it optional)
    import xml.etree.ElementTree as ET

    root = ET.fromstring(to_xml(_three(), "s"))
    pairs = [(p.findtext("adjustingIdeal"), p.findtext("referencePos"), p.findtext("adjust"))
             for p in root.iter("iaPair")]
    assert pairs == [("a", "a", "1"), ("b", "b", "1"), ("c", "c", "1")]


def test_what_ktab_would_refuse_is_not_written():
    import pytest

    from accord.forecast.smp.readers import SMPInputError

    two = _three(actors=("a", "b"), positions=np.array([[10.0], [90.0]]), salience=np.array([[0.5], [0.5]]),
                 capability=np.array([1.0, 2.0]))
    for write in (to_csv, to_xml):
        with pytest.raises(SMPInputError, match="2 actors: KTAB's smpc takes 3 to 250"):
            write(two, "s")
    long = _three(actors=("a", "b", "an-actor-id-of-26-letters-"))
    with pytest.raises(SMPInputError, match="actor 'an-actor-id-of-26-letters-': field 'name': .* at most 25"):
        to_csv(long, "s")
    assert "<name>an-actor-id-of-26-letters-</name>" in to_xml(long, "s")  # KTAB's XML reader takes it


def _written(make, issue_name: str) -> tuple[str, ...]:
    """Both formats as written from ``make()``, or the one-line error either step gives."""
    from accord.errors import AccordError

    try:
        data = make()
        return to_csv(data, issue_name), to_xml(data, issue_name, seed=7)
    except AccordError as e:
        return (type(e).__name__, str(e))


@settings(max_examples=80, deadline=None)
@given(n=st.integers(1, 6), lo=st.floats(-100, 100), width=st.sampled_from([0.0, 1.0, 10.0, 250.0]),
       name=st.sampled_from(["assad-role", "a,b", "x" * 30]), data=st.data())
def test_an_issues_rows_write_alike_as_plain_numbers_and_as_arrays(n, lo, width, name, data):
    """`accord forecast ktab` writes from plain numbers (no NumPy): the same text, or the same error, as
    from the arrays ``IssueRows.stakeholders`` makes."""
    from accord.forecast.inputs import IssueRows

    weight = st.sampled_from([0.0, 0.5, 1.0]) | st.floats(0, 1)
    rows = IssueRows(
        name, f"issue {name}", [data.draw(st.sampled_from(["russia", "us", "a,b", "y" * 30])) + f"-{i}" for i in range(n)],
        [(data.draw(weight) * 1e3, data.draw(st.sampled_from([0.0, 2.0]))) for _ in range(n)],
        [(lo + data.draw(st.floats(0, 1)) * width, 0.0) for _ in range(n)],
        [(data.draw(weight), 0.0) for _ in range(n)], (lo, lo + width))
    assert _written(rows.plain_stakeholders, name) == _written(rows.stakeholders, name)
