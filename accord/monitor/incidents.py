"""Incidents: the reports that accepted merges join, with one value per field chosen by a stated rule.

- the incident's id is the smallest id among its reports (stable while that report stays in it);
- time: the most precise report's interval (ties: the better graded); place: the most precise
  coordinates (lowest geo_precision; ties: better graded);
- type, perpetrator and target: from the best graded report that gives one (reliability first, then
  credibility); the others' differing perpetrators are kept as ``alleged_perpetrators``;
- casualties: the lowest low, the best graded report's best, the highest high;
- claims: every report's claims (a party's own report is a source, graded like any other).

Verification status (first that applies):
  disputed      a claim denies or disputes it;
  confirmed     a claim confirms it, a report is graded credibility 1, or two independent sources are
                both graded reliability A-B and credibility 1-2;
  corroborated  two or more independent sources (different ``source``);
  unverifiable  its one source cannot be judged (reliability F or credibility 6), or one says it
                cannot confirm;
  reported      otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from accord.monitor import grading, timing
from accord.record.plain import build, dump
from accord.record.terms import disputes

if TYPE_CHECKING:
    from accord.record.model import Casualties, Claim, Merge, Place, Report

Status = Literal["reported", "corroborated", "confirmed", "unverifiable", "disputed"]


@dataclass
class Incident:
    id: str
    reports: list[Report]
    lo: int  # UTC seconds, the event interval [lo, hi]
    hi: int
    when: dt.datetime
    time_precision: str
    time_zone: str
    place: Place
    type: str
    sub_type: str | None
    perpetrator: str | None
    perpetrator_text: str | None
    target: str | None
    target_text: str | None
    casualties: Casualties
    claims: list[Claim]
    status: Status
    alleged_perpetrators: list[str] = field(default_factory=list)

    def sources(self) -> list[dict[str, Any]]:
        return [
            {"report": r.id, "source": r.source, "source_kind": r.source_kind,
             **({"dataset": r.dataset} if r.dataset else {}), **({"source_id": r.source_id} if r.source_id else {}),
             "grade": f"{r.reliability}{r.credibility}", **({"synthetic": True} if r.synthetic else {})}
            for r in self.reports
        ]

    @property
    def day(self) -> dt.date:
        """The local day the event (or the start of its interval) falls on."""
        return timing.local(self.lo, self.time_zone).date()

    def to_json(self) -> dict[str, Any]:
        """The incident as JSON, alike from the model's reports and from plain ones (accord.record.plain)."""
        return {
            "id": self.id, "time": self.when.isoformat(), "time_precision": self.time_precision,
            "time_zone": self.time_zone, "place": dump(self.place, exclude_none=True), "type": self.type,
            **({"sub_type": self.sub_type} if self.sub_type else {}),
            "perpetrator": self.perpetrator, "perpetrator_text": self.perpetrator_text,
            "target": self.target, "target_text": self.target_text,
            **({"alleged_perpetrators": self.alleged_perpetrators} if self.alleged_perpetrators else {}),
            "casualties": dump(self.casualties), "status": self.status,
            "claims": [dump(c, exclude_none=True, exclude_defaults=True) for c in self.claims],
            "sources": self.sources(),
        }


def _grade_key(r: Report) -> tuple[str, int, str]:
    return (r.reliability, r.credibility, r.id)


def clusters(report_ids: Iterable[str], merges: Iterable[Merge]) -> list[list[str]]:
    """Groups of report ids joined by accepted merges (each group sorted; groups by their first id)."""
    parent = {r: r for r in report_ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in merges:
        if m.status == "accepted" and all(r in parent for r in m.reports):
            a, b = root(m.reports[0]), root(m.reports[1])
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for r in parent:
        groups.setdefault(root(r), []).append(r)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def status(reports: list[Report], claims: list[Claim]) -> Status:
    stances = {c.stance for c in claims}
    if disputes(claims):
        return "disputed"
    independent = {r.source for r in reports}
    strong = {r.source for r in reports if grading.trusted(r.reliability, r.credibility)}
    if "confirms" in stances or any(r.credibility == 1 for r in reports) or len(strong) >= 2:
        return "confirmed"
    if len(independent) >= 2:
        return "corroborated"
    if "cannot_confirm" in stances or all(grading.unjudgeable(r.reliability, r.credibility) for r in reports):
        return "unverifiable"
    return "reported"


def incident(reports: list[Report]) -> Incident:
    """One incident from its reports (at least one)."""
    graded = sorted(reports, key=_grade_key)
    spans = {r.id: timing.interval(r.event_time, r.time_precision, r.time_zone) for r in reports}
    timed = min(graded, key=lambda r: spans[r.id][1] - spans[r.id][0])
    placed = min(graded, key=lambda r: (r.place.lat is None, r.place.geo_precision))
    best = graded[0]
    named = [r for r in graded if r.perpetrator]
    perp = named[0] if named else best
    targeted = next((r for r in graded if r.target), best)
    claims = [c for r in graded for c in r.claims]
    lows, highs = [r.casualties.low for r in reports], [r.casualties.high for r in reports]
    low, high = min(lows), max(highs)
    return Incident(
        id=min(r.id for r in reports), reports=sorted(reports, key=lambda r: r.id),
        lo=spans[timed.id][0], hi=spans[timed.id][1], when=timed.event_time, time_precision=timed.time_precision,
        time_zone=timed.time_zone, place=placed.place, type=best.type, sub_type=best.sub_type,
        perpetrator=perp.perpetrator, perpetrator_text=perp.perpetrator_text,
        target=targeted.target, target_text=targeted.target_text,
        # a value of the model's shape, ordered by construction (each report's are), built without pydantic
        casualties=build("Casualties", {"low": low, "best": min(max(best.casualties.best, low), high), "high": high}),
        claims=claims, status=status(reports, claims),
        alleged_perpetrators=sorted({r.perpetrator for r in named if r.perpetrator != perp.perpetrator}),
    )


def incidents(reports: Iterable[Report], merges: Iterable[Merge]) -> list[Incident]:
    by_id = {r.id: r for r in reports}
    return [incident([by_id[i] for i in group]) for group in clusters(by_id, merges)]
