"""Issue #2's must-shows on the built-in case, through the CLI (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def syria(accord):
    accord("case", "load", "syria-2015")
    return accord


def test_issg_membership_over_time(syria):
    dec = syria.json("body", "members", "issg", "--date", "2015-12-18")
    assert len(dec) == 20
    assert sum(m["kind"] == "state" for m in dec) == 17
    assert {"arab-league", "eu", "un"} <= {m["id"] for m in dec}
    oct30 = syria.json("body", "members", "issg", "--date", "2015-10-30")
    assert len(oct30) == 19 and "arab-league" not in {m["id"] for m in oct30}
    assert all({"id", "name", "kind"} <= set(m) for m in dec)


def test_security_council_2015_and_2016(syria):
    c2015 = {m["id"]: m for m in syria.json("body", "members", "unsc", "--date", "2015-12-18")}
    assert len(c2015) == 15
    assert {i for i, m in c2015.items() if m["permanent"] and m["veto"]} == {"china", "france", "russia", "uk", "us"}
    c2016 = {m["id"] for m in syria.json("body", "members", "unsc", "--date", "2016-01-15")}
    assert len(c2016) == 15
    assert c2016 - set(c2015) == {"egypt", "japan", "senegal", "ukraine", "uruguay"}
    assert set(c2015) - c2016 == {"chad", "chile", "jordan", "lithuania", "nigeria"}


def test_position_change_is_dated_audited_and_invisible_before_it_was_known(syria):
    before = dt.datetime.now(dt.timezone.utc).isoformat()
    dec = {r["actor"]: r for r in syria.json("positions", "assad-role", "--date", "2015-12-18")}["russia"]
    syria("position", "set", "assad-role", "russia", "70", "--date", "2016-02-01", "--cite",
          "https://example.org/x", env={"ACCORD_USER": "analyst"})
    feb = {r["actor"]: r for r in syria.json("positions", "assad-role", "--date", "2016-02-02")}["russia"]
    assert (feb["value"], feb["date"]) == (70, "2016-02-01")
    assert {"actor", "value", "salience", "date"} <= set(feb)
    still = {r["actor"]: r for r in syria.json("positions", "assad-role", "--date", "2015-12-18")}["russia"]
    assert still == dec
    change = [e for e in syria.json("history", "assad-role") if e["operation"] == "position set"]
    assert len(change) == 1 and change[0]["by"] == "analyst"
    assert change[0]["supersedes"]["value"] == dec["value"] and change[0]["after"]["value"] == 70
    known_before = {r["actor"]: r for r in syria.json("positions", "assad-role", "--date", "2016-02-02",
                                                      "--as-known-on", before)}["russia"]
    assert known_before["value"] == dec["value"]


def test_export_round_trip_is_byte_identical(syria, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    syria("case", "export", "syria-2015", str(a))
    assert syria.json("case", "load", str(a))["updated"] == 0
    syria("case", "export", "syria-2015", str(b))
    files = sorted(p.name for p in a.iterdir())
    assert len(files) == 16
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


def test_brief_for_18_december(syria):
    data = syria.json("brief", "syria-2015", "--date", "2015-12-18")
    sections = data["sections"]
    assert {"bodies", "disputes", "decisions", "list_disputes", "eligibility", "deadlines", "forecasts"} <= set(sections)
    assert sections["decisions"][0]["id"] == "unscr-2254"
    assessed = {f["issue"]: f for f in sections["forecasts"]}
    assad = assessed["assad-role"]
    assert "weighted-mean" in assad["models"] and len(assad["influential"]) == 3
    lo, hi = assad["models"]["weighted-mean"]["interval"]
    assert 0 <= lo <= assad["models"]["weighted-mean"]["forecast"] <= hi <= 100
