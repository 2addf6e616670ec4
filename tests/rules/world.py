"""A small generated world for unit tests of accord.rules: a 15-member council (5 with veto), a
consensus group, a designation list, a roadmap. Built in code, so tests do not wait for a case."""

from __future__ import annotations

from typing import Any

from accord.record.model import (
    Actor, Decision, DesignationList, Event, Issue, Position, Process, Relation, Roadmap,
)
from accord.record.snapshot import Snapshot

CITE = ["https://example.org/test"]
PERMANENT = ["p1", "p2", "p3", "p4", "p5"]
ELECTED = [f"e{i:02d}" for i in range(1, 11)]
#: e01..e05 leave the council at the end of 2020; n01..n05 join in 2021
NEW = [f"n{i:02d}" for i in range(1, 6)]


def actor(id: str, kind: str = "state", **kw: Any) -> Actor:
    return Actor(id=id, name=kw.pop("name", id.upper()), kind=kind, cite=CITE, **kw)


def member(source: str, body: str, start: str | None = None, end: str | None = None, **kw: Any) -> Relation:
    return Relation(type="member_of", source=source, target=body, start=start, end=end, cite=CITE, **kw)


def council_records() -> list[Any]:
    recs: list[Any] = [actor(a) for a in PERMANENT + ELECTED + NEW]
    recs.append(actor("council", "organisation", start="1950", rule={"procedure": "security-council", "votes_needed": 9}))
    recs += [member(p, "council", permanent=True, veto=True) for p in PERMANENT]
    recs += [member(e, "council", "2019-01-01", "2020-12-31") for e in ELECTED[:5]]
    recs += [member(e, "council", "2020-01-01", "2021-12-31") for e in ELECTED[5:]]
    recs += [member(n, "council", "2021-01-01", "2022-12-31") for n in NEW]
    everyone = PERMANENT + ELECTED
    recs.append(Decision(id="res-1", body="council", date="2020-06-01", title="Resolution 1", status="adopted",
                         votes={m: "yes" for m in everyone}, cite=CITE,
                         provisions=[{"id": "p1", "text": "talks", "issue": "talks", "value": 30}]))
    return recs


def group_records() -> list[Any]:
    recs: list[Any] = [
        actor("group", "forum", start="2020-03-01", rule={"procedure": "consensus"}),
        actor("gov", "government"), actor("opp", "political_group"),
        actor("bad", "armed_group"), actor("worse", "armed_group"), actor("grey", "armed_group"),
        actor("silent", "armed_group"), actor("friend", "armed_group"),
        Relation(type="allied_with", source="friend", target="worse", cite=CITE),
        Relation(type="member_of", source="grey", target="opp", cite=CITE),
        Process(id="peace-talks", name="Peace talks", kind="talks", convened_by=["group"], cite=CITE),
        Process(id="truce", name="Truce", kind="ceasefire", cite=CITE),
    ]
    recs += [member(m, "group", "2020-03-01") for m in ("p1", "p2", "e01", "e02")]
    stance = lambda m, s, d: {"member": m, "stance": s, "date": d, "cite": CITE}  # noqa: E731
    recs.append(DesignationList(
        id="list", name="The list", body="group", cite=CITE,
        effects=["excluded-from:peace-talks", "excluded-from:truce", "travel-ban"],
        entries=[
            {"actor": "worse", "designated_by": "council", "cite": CITE},
            {"actor": "bad", "proposed_by": ["e01"], "proposed_on": "2020-04-01", "cite": CITE,
             "stances": [stance(m, "supports", "2020-04-01") for m in ("p1", "p2", "e01", "e02")]},
            {"actor": "grey", "proposed_by": ["e01"], "proposed_on": "2020-04-01", "cite": CITE,
             "stances": [stance("p1", "supports", "2020-04-01"), stance("p2", "opposes", "2020-05-01")]},
            {"actor": "silent", "proposed_by": ["e01"], "proposed_on": "2020-04-01", "cite": CITE},
        ],
    ))
    return recs


def roadmap_records() -> list[Any]:
    return [
        Event(id="talks-open", type="talks", name="Talks open", date="2020-07-20", cite=CITE),
        Roadmap(id="rm", name="Roadmap", decision="res-1", cite=CITE, milestones=[
            {"id": "talks", "name": "Talks start", "deadline": {"by": "2020-07-early"}, "met_by": "talks-open"},
            {"id": "gov", "name": "Governance", "deadline": {"within": "6 months", "after": "talks"}},
            {"id": "report", "name": "Report", "deadline": {"within": "1 month", "after": "res-1"}},
            {"id": "vote", "name": "Elections", "deadline": {"within": "18 months", "after": "res-1"}},
            {"id": "truce", "name": "Truce", "deadline": {"condition": "once steps begin"}},
        ]),
    ]


def issue_records() -> list[Any]:
    recs: list[Any] = [Issue(id="talks", name="Talks", cite=CITE)]
    values = {"p1": 20, "p2": 80, "p3": 30, "p4": 25, "p5": 35}
    values.update({e: 30 + 5 * i for i, e in enumerate(ELECTED)})
    for a, v in values.items():
        recs.append(Position(issue="talks", actor=a, value=v, salience=0.5, date="2020-05-01", cite=CITE))
    return recs


def world() -> Snapshot:
    return Snapshot(council_records() + group_records() + roadmap_records() + issue_records(), "test")
