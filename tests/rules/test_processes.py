"""Eligibility per process, and disputed milestones, on the small generated world (tests/rules/world.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.record.model import DesignationList, Event, Process, Roadmap
from accord.record.snapshot import Snapshot
from accord.rules.eligibility import eligibility, find_process
from accord.rules.roadmap import roadmap_status
from tests.rules.world import CITE, council_records, group_records, roadmap_records, world

JUNE = dt.date(2020, 6, 1)


def with_records(*extra) -> Snapshot:
    return Snapshot(council_records() + group_records() + roadmap_records() + list(extra), "test")


def test_a_list_excludes_only_from_the_processes_it_names():
    other = Process(id="exchange", name="Prisoner exchange", kind="prisoner_exchange", cite=CITE)
    snap = with_records(other)
    assert {"worse", "bad"} <= {x["actor"] for x in eligibility(snap, "peace-talks", JUNE).excluded}
    e = eligibility(snap, "exchange", JUNE)
    assert e.lists == [] and e.excluded == [] and {"worse", "bad"} <= set(e.eligible)


def test_sanctions_effects_exclude_from_nothing():
    sanctions = DesignationList(id="sanctions", name="Sanctions", body="group", cite=CITE,
                                effects=["travel-ban", "asset-freeze", "arms-embargo"],
                                entries=[{"actor": "opp", "designated_by": "council", "cite": CITE}])
    snap = with_records(sanctions)
    for process in ("peace-talks", "truce"):
        assert "opp" in eligibility(snap, process, JUNE).eligible


def test_party_kinds_are_the_process_own():
    talks = Process(id="track-2", name="Track two", kind="talks", party_kinds=["political_group"], cite=CITE)
    e = eligibility(with_records(talks), "track-2", JUNE)
    assert "opp" in e.eligible and "gov" not in e.eligible and "friend" not in e.eligible


def test_requires_acceptance_admits_only_the_parties_that_accepted_by_the_day():
    truce = Process(id="port-truce", name="Port truce", kind="ceasefire", requires_acceptance=True, cite=CITE, parties=[
        {"actor": "gov", "status": "accepted", "date": "2020-05-01", "cite": CITE},
        {"actor": "opp", "status": "conditional", "date": "2020-05-02", "to": ["p1"], "cite": CITE},
        {"actor": "grey", "status": "accepted", "date": "2020-05-01", "cite": CITE},
        {"actor": "grey", "status": "withdrawn", "date": "2020-05-20", "cite": CITE},
        {"actor": "silent", "status": "accepted", "date": "2020-07-01", "cite": CITE},
    ])
    e = eligibility(with_records(truce), "port-truce", JUNE).to_json()
    assert set(e["eligible"]) == {"gov", "opp"}
    out = {n["actor"]: n["status"] for n in e["not_accepted"]}
    assert out["grey"] == "withdrawn" and out["silent"] is None and out["friend"] is None
    assert "silent" in eligibility(with_records(truce), "port-truce", dt.date(2020, 7, 2)).eligible


def test_find_process_by_id_or_by_a_kind_held_once():
    snap = world()
    assert find_process(snap, "talks").id == "peace-talks"
    assert find_process(snap, "truce").id == "truce"
    second = Process(id="other-truce", name="Another truce", kind="ceasefire", cite=CITE)
    with pytest.raises(AccordError, match=r"2 processes of that kind \(other-truce, truce\); give one's id"):
        find_process(with_records(second), "ceasefire")
    with pytest.raises(AccordError, match=r"no process with id or kind 'humanitarian' \(processes: peace-talks, truce\)"):
        find_process(snap, "humanitarian")


# ---------------------------------------------------------------------------------------- disputed milestones


def disputed_world(event_claims=(), milestone_claims=()) -> Snapshot:
    records = [r for r in roadmap_records() if not isinstance(r, (Event, Roadmap))]
    records += [
        Event(id="talks-open", type="talks", name="Talks open", date="2020-07-20", cite=CITE, claims=list(event_claims)),
        Roadmap(id="rm", name="Roadmap", decision="res-1", cite=CITE, milestones=[
            {"id": "talks", "name": "Talks start", "deadline": {"by": "2020-07-early"}, "met_by": "talks-open",
             "claims": list(milestone_claims)},
        ]),
    ]
    return Snapshot(council_records() + group_records() + records, "test")


def claim(by: str, stance: str, date: str) -> dict:
    return {"by": by, "stance": stance, "date": date, "cite": CITE}


def test_a_milestone_met_by_a_disputed_event_is_met_and_disputed():
    snap = disputed_world(event_claims=[claim("opp", "denies", "2020-07-21"), claim("gov", "confirms", "2020-07-21")])
    m = roadmap_status(snap, "rm", dt.date(2020, 8, 1)).milestone("talks")
    assert (m.status, m.disputed) == ("met", True)
    assert m.to_json()["disputed_by"] == ["opp"] and m.reason.endswith("; disputed by OPP")
    # before the denial, nothing is disputed
    assert not roadmap_status(snap, "rm", dt.date(2020, 7, 20)).milestone("talks").disputed


def test_a_dispute_of_the_milestone_itself_counts_and_a_confirmation_does_not():
    snap = disputed_world(milestone_claims=[claim("gov", "confirms", "2020-07-22"), claim("bad", "disputes", "2020-07-23")])
    m = roadmap_status(snap, "rm", dt.date(2020, 8, 1)).milestone("talks").to_json()
    assert (m["status"], m["disputed"], m["disputed_by"]) == ("met", True, ["bad"])
    assert [c["stance"] for c in m["claims"]] == ["disputes"]
    calm = disputed_world(milestone_claims=[claim("gov", "confirms", "2020-07-22")])
    assert not roadmap_status(calm, "rm", dt.date(2020, 8, 1)).milestone("talks").disputed


# ---------------------------------------------------------------------------------------- properties

ACTORS = ["gov", "opp", "bad", "worse", "grey", "silent", "friend"]
STATUSES = st.sampled_from(["accepted", "refused", "conditional", "withdrawn"])
DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2020, 12, 31))


@given(st.lists(st.tuples(st.sampled_from(ACTORS), STATUSES, DAYS), max_size=10), DAYS)
def test_with_acceptance_required_eligible_means_latest_stance_accepted_and_not_listed(stances, on):
    truce = Process(id="t2", name="T2", kind="ceasefire", requires_acceptance=True, cite=CITE,
                    parties=[{"actor": a, "status": s, "date": d.isoformat(), "cite": CITE} for a, s, d in stances])
    lst = DesignationList(id="l2", name="L2", body="council", effects=["excluded-from:t2"], cite=CITE,
                          entries=[{"actor": "worse", "designated_by": "council", "cite": CITE}])
    e = eligibility(with_records(truce, lst), "t2", on)
    for actor in ACTORS:
        said = sorted(((d, i, s) for i, (a, s, d) in enumerate(stances) if a == actor and d <= on))
        latest = said[-1][2] if said else None
        if actor == "worse":
            assert actor not in e.eligible and actor in {x["actor"] for x in e.excluded}
        else:
            assert (actor in e.eligible) == (latest in ("accepted", "conditional"))
    shown = e.eligible + [x["actor"] for x in e.excluded + e.not_accepted]
    assert len(shown) == len(set(shown))  # each candidate in exactly one place
