"""Tallies, prediction, lists, eligibility and roadmaps on the small generated world (tests/rules/world.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import AccordError
from accord.record.model import Decision
from accord.record.snapshot import Snapshot
from accord.rules.eligibility import eligibility
from accord.rules.lists import list_status
from accord.rules.predict import default_threshold, draft_of, predict
from accord.rules.roadmap import next_deadlines, roadmap_status
from accord.rules.votes import hypothesis, show_decision, tally
from tests.rules.world import CITE, ELECTED, PERMANENT, council_records, world

JUNE = dt.date(2020, 6, 1)


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    return world()


# ---------------------------------------------------------------------------------------- tallies


def test_recorded_tally(snap):
    t = show_decision(snap, "res-1")
    assert (t["adopted"], t["yes"], t["no"], t["abstain"], t["consistent"]) == (True, 15, 0, 0, True)


def test_hypothetical_veto_and_abstention(snap):
    assert not tally(snap, "res-1", {"p2": "no"}).adopted
    t = tally(snap, "res-1", {"p2": "abstain"}).to_json()
    assert t["adopted"] and t["yes"] == 14 and t["changed"] == {"p2": "abstain"}


def test_seven_elected_no_leaves_eight(snap):
    t = tally(snap, "res-1", {e: "no" for e in ELECTED[:7]}).to_json()
    assert not t["adopted"] and t["yes"] == 8 and "only 8 affirmative votes of the 9 needed" in t["reason"]


def test_decision_without_a_vote_keeps_its_recorded_status(snap):
    s = Snapshot(list(snap.records.values()) + [
        Decision(id="stmt", body="group", date="2020-06-01", title="Not agreed", status="pending", cite=CITE)])
    t = show_decision(s, "stmt")
    assert not t["adopted"] and "no vote recorded" in t["reason"] and t["votes"] == {} and t["absent"] == 0
    assert tally(s, "stmt", {"p1": "no"}).to_json()["reason"] == "no consensus: objection by P1"


@pytest.mark.parametrize("given, message", [
    ({"no": ["nobody"]}, "no actor with id 'nobody'"),
    ({"no": ["p1"], "abstain": ["p1"]}, "'p1' is given two votes"),
])
def test_bad_hypotheses(snap, given, message):
    with pytest.raises(AccordError, match=message):
        hypothesis(snap, given)


def test_vote_by_a_non_member_is_an_error(snap):
    with pytest.raises(AccordError, match="'n01' was not a member of 'council' on 2020-06-01"):
        tally(snap, "res-1", {"n01": "yes"})


def test_date_outside_the_body_is_an_error(snap):
    early = Snapshot(list(snap.records.values()) + [
        Decision(id="old", body="group", date="2019-01-01", title="Too early", status="draft", cite=CITE)])
    with pytest.raises(AccordError, match="'group' did not exist or had no members on 2019-01-01"):
        tally(early, "old")


def test_membership_changes_with_the_year():
    recs = council_records() + [Decision(id="res-2", body="council", date="2021-02-01", title="R2", status="adopted",
                                         votes={m: "yes" for m in PERMANENT + ELECTED[5:] + ["n01", "n02", "n03", "n04", "n05"]},
                                         cite=CITE)]
    s = Snapshot(recs)
    assert tally(s, "res-2").to_json()["yes"] == 15
    with pytest.raises(AccordError, match="'e01' was not a member"):
        tally(s, "res-2", {"e01": "no"})


# ---------------------------------------------------------------------------------------- prediction


def test_default_threshold_narrows_with_salience(snap):
    issue = snap.get("talks")
    assert default_threshold(issue, 0) == 50 and default_threshold(issue, 1) == pytest.approx(10)


def test_prediction_names_the_veto_and_the_ninth_vote(snap):
    p = predict(snap, "council", JUNE, draft_of(snap, "res-1")).to_json()
    # p2 (at 80, threshold 30) rejects a draft at 30: its no is a veto
    assert not p["adopted"] and "vetoed by P2" in p["reason"] and p["votes"]["p2"] == "no"
    veto = {x["actor"]: x for x in p["pivotal"] if x["role"] == "veto"}
    assert set(veto) == set(PERMANENT) and veto["p2"]["distance"] == 20
    ninth = [x for x in p["pivotal"] if x["role"] == "decisive-vote"]
    assert ninth[0]["rank"] == 9


def test_prediction_with_an_edited_threshold(snap):
    p = predict(snap, "council", JUNE, {"talks": 30}, thresholds={"p2": 60}).to_json()
    assert p["votes"]["p2"] == "yes"
    with pytest.raises(AccordError, match="a threshold is a distance"):
        predict(snap, "council", JUNE, {"talks": 30}, thresholds={"p2": -1})
    with pytest.raises(AccordError, match="outside its scale"):
        predict(snap, "council", JUNE, {"talks": 130})


def test_prediction_with_exactly_nine_names_who_could_block(snap):
    # elected members e05..e10 sit 20+ points from a draft at 30: with no tolerance they vote no
    tight = {"p2": 60, **{e: 0 for e in ELECTED[4:]}}
    p = predict(snap, "council", JUNE, {"talks": 30}, thresholds=tight).to_json()
    assert p["adopted"] and p["yes"] == 9
    assert {x["actor"] for x in p["pivotal"] if x["role"] == "could-block"} == {"e01", "e02", "e03", "e04"}


def test_prediction_without_a_position_uses_the_unknown_vote(snap):
    s = Snapshot(r for r in snap.records.values() if r.id != "talks.e10.2020-05-01")
    p = predict(s, "council", JUNE, {"talks": 30}, unknown="absent").to_json()
    assert p["unknown"] == ["e10"] and p["votes"]["e10"] == "absent"


# ---------------------------------------------------------------------------------------- lists


def test_list_status(snap):
    s = list_status(snap, "list", JUNE)
    assert s.entry("worse").status == "listed" and s.entry("worse").designated_by == "council"
    assert s.entry("bad").status == "listed"
    grey = s.entry("grey")
    assert grey.status == "contested" and grey.objectors == ["p2"] and grey.supporters == ["p1"]
    silent = s.entry("silent")
    # proposing is not supporting: the proposer may only relay others' nominations
    assert silent.status == "pending" and silent.supporters == [] and silent.proposed_by == ["e01"]


def test_list_status_over_time(snap):
    march = list_status(snap, "list", dt.date(2020, 3, 15))
    assert march.entry("bad").status == "not-proposed" and march.entry("worse").status == "listed"
    april = list_status(snap, "list", dt.date(2020, 4, 15))
    assert april.entry("grey").status == "pending"  # p2's objection is dated May


def test_list_before_its_body_is_an_error(snap):
    with pytest.raises(AccordError, match="did not exist"):
        list_status(snap, "list", dt.date(2020, 1, 1))


# ---------------------------------------------------------------------------------------- eligibility


def test_eligibility(snap):
    e = eligibility(snap, "peace-talks", JUNE).to_json()
    assert {"gov", "opp", "grey", "friend"} <= set(e["eligible"])
    assert {x["actor"] for x in e["excluded"]} == {"worse", "bad"}
    assert e["contested"] == [{"actor": "grey", "by": ["p1"], "defended_by": ["p2"], "list": "list", "reported": False}]
    flagged = {f["actor"]: f["reasons"] for f in e["flagged"]}
    assert flagged["friend"] == ["allied with WORSE (listed)"] and "friend" in e["eligible"]
    assert flagged["opp"] == ["has as a member GREY (listing contested)"]


def test_no_list_binds_before_its_body_exists(snap):
    e = eligibility(snap, "truce", dt.date(2020, 1, 1)).to_json()
    assert e["lists"] == [] and e["excluded"] == []


# ---------------------------------------------------------------------------------------- roadmaps


def test_roadmap_by_decision_id(snap):
    r = roadmap_status(snap, "res-1", dt.date(2021, 2, 1))
    talks = r.milestone("talks")
    assert (talks.status, talks.met_by, talks.late) == ("met", "talks-open", True)
    assert r.milestone("gov").status == "missed" and r.milestone("gov").window.end == dt.date(2021, 1, 20)
    assert r.milestone("vote").status == "pending"
    assert r.milestone("truce").status == "pending" and r.milestone("truce").window is None


def test_relative_deadline_before_its_anchor_is_not_started(snap):
    r = roadmap_status(snap, "rm", dt.date(2020, 7, 5))
    assert r.milestone("talks").status == "at-risk"  # due by 10 July, not met yet
    assert r.milestone("gov").status == "not-started"
    assert r.milestone("report").status == "missed"  # one month after 1 June


def test_at_risk_and_due():
    s = world()
    assert roadmap_status(s, "rm", dt.date(2021, 1, 1)).milestone("gov").status == "at-risk"
    assert roadmap_status(s, "rm", dt.date(2021, 1, 1), at_risk_days=5).milestone("gov").status == "pending"
    assert roadmap_status(s, "rm", dt.date(2020, 6, 15)).milestone("report").status == "at-risk"


def test_next_deadlines(snap):
    rows = next_deadlines(snap, dt.date(2020, 8, 1))
    assert [r["id"] for r in rows] == ["gov", "vote"]


def test_unknown_roadmap(snap):
    with pytest.raises(AccordError, match="no roadmap"):
        roadmap_status(snap, "nothing", JUNE)


def test_decision_that_set_no_roadmap():
    with pytest.raises(AccordError, match="decision 'res-1' set no roadmap"):
        roadmap_status(Snapshot(council_records()), "res-1", JUNE)


def test_a_list_of_a_body_without_members_binds_no_one_and_the_brief_still_prints():
    import datetime as dt
    from pathlib import Path

    from accord.record.bundle import read_bundle
    from accord.record.model import DesignationList, Process
    from accord.record.snapshot import Snapshot
    from accord.rules.eligibility import eligibility
    from accord.views.brief import brief

    mini = Path(__file__).resolve().parents[1] / "record" / "data" / "mini"
    lst = DesignationList(id="l", name="L", body="group", effects=["excluded-from:talks"],
                          entries=[{"actor": "gamma", "cite": ["memo"]}], cite=["memo"])
    talks = Process(id="talks", name="Talks", kind="talks", cite=["memo"])
    snap = Snapshot([*read_bundle(mini).records, lst, talks], "mini")
    before_members = dt.date(2020, 1, 5)  # the group's first member joins on 10 January
    assert eligibility(snap, "talks", before_members).lists == []
    assert "list_disputes" not in brief(snap, before_members)["sections"]
    assert eligibility(snap, "talks", dt.date(2020, 3, 5)).lists == ["l"]
