"""The violation rule on the built-in case: the five documented examples, and its properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.monitor.ceasefire import ceasefire
from accord.monitor.columns import from_incidents
from accord.monitor.incidents import incident
from accord.monitor.violations import RULES, Judgement
from tests.cli.conftest import Accord
from tests.monitor.conftest import report


@pytest.fixture
def built_in(db_url):
    accord = Accord(db_url)
    accord("case", "load", "syria-2015", "--by", "loader")
    data = accord.json("monitor", "violations", "coh-2016", "--from", "2016-02-26", "--to", "2016-03-07")
    return {i["id"]: i for i in data["incidents"]}


def test_at_23_00_damascus_on_26_february_is_before_the_start(built_in):
    i = built_in["ex-01"]
    assert i["time"] == "2016-02-26T23:00:00" and i["time_zone"] == "Asia/Damascus"
    assert i["counts_as_violation"] is False and i["rule"] == "before-start"
    assert "before the start (2016-02-27 00:00 Asia/Damascus)" in i["reason"]


def test_the_government_against_an_accepting_group_on_1_march_is_a_violation(built_in):
    i = built_in["ex-06"]
    assert (i["perpetrator"], i["target"]) == ("syria-government", "jaysh-al-islam")
    assert i["counts_as_violation"] is True and i["rule"] == "violation"
    assert "a party since 2016-02-23" in i["reason"]
    # two sources merged into one incident, each kept
    assert [s["report"] for s in i["sources"]] == ["ex-06", "ex-07"]


def test_al_nusra_is_an_excluded_group_not_a_violation(built_in):
    i = built_in["ex-08"]
    assert i["counts_as_violation"] is False and i["rule"] == "excluded-group"
    assert i["reason"].startswith("excluded group: Al-Nusra Front was excluded on 2016-03-02")


def test_an_unknown_perpetrator_is_counted_apart(built_in):
    i = built_in["ex-09"]
    assert i["perpetrator"] is None and i["counts_as_violation"] is None and i["rule"] == "unknown-perpetrator"


def test_a_claim_and_its_denial_leave_the_incident_disputed(built_in):
    i = built_in["ex-10"]
    assert [c["stance"] for c in i["claims"]] == ["alleges", "denies"]
    assert i["status"] == "disputed"
    assert i["counts_as_violation"] is True and "self-defence claimed by Government of Syria" in i["reason"]


def test_every_incident_of_the_period_is_listed(built_in):
    assert len(built_in) == 12  # 14 reports, two merges
    assert all(i["sources"] and "reason" in i for i in built_in.values())


def test_unknown_ceasefire_and_a_process_that_is_no_ceasefire(db_url):
    accord = Accord(db_url)
    accord("case", "load", "syria-2015", "--by", "loader")
    r = accord("monitor", "violations", "nope", "--to", "2016-03-01", ok=False)
    assert r.exit_code == 2 and "no process with id 'nope'" in r.stderr
    r = accord("monitor", "violations", "geneva-talks", "--to", "2016-03-01", ok=False)
    assert r.exit_code == 2 and "is not a ceasefire with terms" in r.stderr


# ---------------------------------------------------------------------------------------- properties

ACTORS = [None, "syria-government", "hnc", "al-nusra", "isil", "armed-opposition", "jaysh-al-islam"]
_reports = st.builds(
    dict,
    event_time=st.datetimes(min_value=dt.datetime(2016, 2, 20), max_value=dt.datetime(2016, 3, 10)).map(lambda d: d.replace(microsecond=0)),
    time_precision=st.sampled_from(["exact", "day", "week"]),
    perpetrator=st.sampled_from(ACTORS), target=st.sampled_from(ACTORS),
    country=st.sampled_from(["SYR", "SYR", "LBN"]),
)


def _incidents(specs):
    out = []
    for k, s in enumerate(specs):
        country = s.pop("country")
        out.append(incident([report(f"r{k}", place={"country": country, "admin1": "Idleb"}, **s)]))
    return out


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(_reports, min_size=1, max_size=12))
def test_rule_properties(syria, specs):
    cf = ceasefire(syria, "coh-2016")
    items = _incidents(specs)
    j = Judgement(syria, cf, from_incidents(items))
    for k, inc in enumerate(items):
        verdict, rule = j.verdict(k), j.rule(k)
        assert (rule, verdict) in RULES
        if verdict is True:  # a violation: a party that had accepted, inside the time and the area
            assert inc.perpetrator in ("syria-government", "hnc")
            assert inc.lo >= cf.start and inc.place.country == "SYR"
            assert inc.perpetrator not in ("al-nusra", "isil") and inc.target not in ("al-nusra", "isil")
        if inc.hi < cf.start or (inc.hi == cf.start and inc.lo < inc.hi):
            assert rule == "before-start"
        if inc.perpetrator is None and rule not in ("before-start", "time-uncertain", "outside-area", "against-excluded"):
            assert verdict is None  # never dropped, never counted as a party's violation
        assert j.reason(k, inc)
        # judged alone or among others, an incident gets the same verdict
        alone = Judgement(syria, cf, from_incidents([inc]))
        assert alone.rule(0) == rule
