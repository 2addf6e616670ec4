"""Incidents from reports and merges; the verification status rule."""

from __future__ import annotations

from accord.monitor.incidents import clusters, incident, incidents, status
from accord.record.model import Claim, Merge
from tests.monitor.conftest import report

CITE = ["https://example.org/synthetic"]


def claim(by: str, stance: str) -> Claim:
    return Claim(by=by, stance=stance, date="2016-03-02", cite=CITE)


def test_status_rule():
    one = report("a", reliability="C", credibility=3)
    assert status([one], []) == "reported"
    assert status([report("a")], []) == "unverifiable"  # F6: cannot be judged
    assert status([one, report("b", reliability="C", credibility=3)], []) == "corroborated"
    assert status([one, report("b", reliability="B", credibility=2)], []) == "corroborated"
    assert status([report("a", reliability="A", credibility=2), report("b", reliability="B", credibility=1)], []) == "confirmed"
    assert status([one], [claim("un", "confirms")]) == "confirmed"
    assert status([one], [claim("un", "cannot_confirm")]) == "unverifiable"
    # a claim and its denial leave it disputed, whatever the grades
    assert status([report("a", credibility=1)], [claim("russia", "alleges"), claim("hnc", "denies")]) == "disputed"


def test_merged_incident_keeps_every_source_and_takes_the_best_values():
    a = report("a", source="monitor-a", reliability="B", credibility=2, perpetrator="syria-government",
               casualties={"low": 1, "best": 2, "high": 3}, time_precision="day")
    b = report("b", source="outlet-b", reliability="D", credibility=4, perpetrator=None, time_precision="exact",
               event_time=a.event_time.replace(hour=14), casualties={"low": 0, "best": 5, "high": 9}, source_id="SYR42",
               dataset="acled")
    inc = incident([a, b])
    assert inc.id == "a" and [s["report"] for s in inc.sources()] == ["a", "b"]
    assert inc.sources()[1]["source_id"] == "SYR42"
    assert inc.perpetrator == "syria-government"
    assert inc.time_precision == "exact" and inc.when.hour == 14  # the most precise time
    assert (inc.casualties.low, inc.casualties.best, inc.casualties.high) == (0, 2, 9)
    assert inc.status == "corroborated"


def test_merges_join_and_a_rejected_merge_splits_again():
    reps = [report(i) for i in ("a", "b", "c")]
    m = Merge(id="merge:a:b", reports=["a", "b"], score=0.9, status="accepted")
    assert clusters(["a", "b", "c"], [m]) == [["a", "b"], ["c"]]
    assert [len(i.reports) for i in incidents(reps, [m])] == [2, 1]
    undone = m.model_copy(update={"status": "rejected"})
    assert [len(i.reports) for i in incidents(reps, [undone])] == [1, 1, 1]
