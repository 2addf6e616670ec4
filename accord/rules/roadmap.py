"""Roadmap milestones on a date: pending, due, at risk, met (by which event, late or not), missed, or
not started (a relative deadline whose anchor has not happened: its date would be a guess).

A deadline is a window of days: "early January 2016" is 1-10 January, and a deadline counts as missed
only after its last day. A relative one ("within six months after the start of talks") runs from its
anchor's date: a milestone of the same roadmap (its meeting event), an event or a decision. An event
counts as having happened on a day only once its whole (fuzzy) date lies on or before it.

A milestone is *disputed* when, by the day, an actor denies or disputes that it was met, or that the
event meeting it happened as recorded (their claims: accord.record.model.Claim). Its status stays
what the record says; the dispute is shown beside it, with who disputes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from accord.record.dates import FuzzyDate, add_months
from accord.record.plain import dump
from accord.record.terms import disputes
from accord.rules.errors import RuleInputError

if TYPE_CHECKING:  # read plain or through the model alike (accord.record.plain): no class needed to run
    from accord.record.model import Claim, Deadline, Event, Milestone, Roadmap
    from accord.record.snapshot import Snapshot

Status = Literal["met", "missed", "at-risk", "due", "pending", "not-started"]
#: a milestone whose deadline falls within this many days, and is not met, is at risk
AT_RISK_DAYS = 30


@dataclass(frozen=True)
class Window:
    """The days within which a deadline falls; missed only after ``end``."""

    start: dt.date
    end: dt.date


@dataclass
class MilestoneStatus:
    id: str
    name: str
    deadline: str
    status: Status
    reason: str
    window: Window | None = None
    met_by: str | None = None
    met_on: str | None = None
    #: True: met after the deadline's last day; False: on time; None: no deadline, or the dates overlap
    late: bool | None = None
    #: denials and disputes, by the day, of the milestone or of the event that met it
    disputes: list[Claim] = field(default_factory=list)

    @property
    def disputed(self) -> bool:
        return bool(self.disputes)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "deadline": self.deadline, "status": self.status, "reason": self.reason,
            "due_from": self.window.start.isoformat() if self.window else None,
            "due_by": self.window.end.isoformat() if self.window else None,
            "met_by": self.met_by, "met_on": self.met_on, "late": self.late, "disputed": self.disputed,
            "disputed_by": sorted({c.by for c in self.disputes}),
            "claims": [dump(c, exclude_defaults=True) for c in self.disputes],
        }


@dataclass
class RoadmapStatus:
    roadmap: str
    name: str
    decision: str | None
    date: dt.date
    milestones: list[MilestoneStatus]

    def milestone(self, milestone_id: str) -> MilestoneStatus:
        return next(m for m in self.milestones if m.id == milestone_id)

    def to_json(self) -> dict[str, Any]:
        return {"roadmap": self.roadmap, "name": self.name, "decision": self.decision, "date": self.date.isoformat(),
                "milestones": [m.to_json() for m in self.milestones]}


def find_roadmap(snap: Snapshot, ref: str) -> Roadmap:
    """A roadmap by its id, or by the id of the decision that set it."""
    if snap.has(ref, "roadmap"):
        return snap.get(ref, "roadmap")
    if snap.has(ref, "decision"):
        found = [r for r in snap.roadmaps() if r.decision == ref]
        if len(found) == 1:
            return found[0]
        if not found:
            raise RuleInputError(f"decision {ref!r} set no roadmap")
        raise RuleInputError(f"decision {ref!r} has {len(found)} roadmaps; give the roadmap id")
    raise RuleInputError(f"no roadmap, nor decision with a roadmap, with id {ref!r}")


def add_duration(day: dt.date, within: str) -> dt.date:
    n_text, unit = within.split()
    n, unit = int(n_text), unit.rstrip("s")
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    return add_months(day, n * (12 if unit == "year" else 1))


class _Resolver:
    """Anchor dates of one roadmap on one day; detects milestones that anchor on each other."""

    def __init__(self, snap: Snapshot, roadmap: Roadmap, on: dt.date):
        self.snap, self.on = snap, on
        self.milestones = {m.id: m for m in roadmap.milestones}
        self.roadmap = roadmap
        self._resolving: set[str] = set()

    def met_event(self, m: Milestone) -> Event | None:
        if m.met_by is None:
            return None
        ev = self.snap.get(m.met_by, "event")
        return ev if ev.date.end <= self.on else None

    def anchor(self, ref: str) -> FuzzyDate | None:
        """The anchor's date if it has happened by the day, else None."""
        if ref in self.milestones:
            ev = self.met_event(self.milestones[ref])
            return ev.date if ev else None
        rec = self.snap.records.get(ref)
        if rec is not None and rec.record_kind in ("event", "decision"):
            return rec.date if rec.date.end <= self.on else None
        raise RuleInputError(
            f"roadmap {self.roadmap.id!r}: deadline after {ref!r}, which is neither a milestone, an event nor a decision"
        )

    def _label(self, ref: str) -> str:
        rec = self.snap.records.get(ref)
        return rec.symbol or rec.title if rec is not None and rec.record_kind == "decision" else self.snap.name(ref)

    def window(self, m: Milestone) -> tuple[Window | None, str]:
        """The deadline's window (None when it has none yet) and its description."""
        d: Deadline = m.deadline
        if d.by is not None:
            return Window(d.by.start, d.by.end), str(d.by)
        if d.within is not None and d.after is not None:
            anchor_name = self.milestones[d.after].name if d.after in self.milestones else self._label(d.after)
            text = f"within {d.within} after {anchor_name}"
            if m.id in self._resolving:
                raise RuleInputError(f"roadmap {self.roadmap.id!r}: milestone {m.id!r} depends on itself")
            self._resolving.add(m.id)
            try:
                anchor = self.anchor(d.after)
            finally:
                self._resolving.discard(m.id)
            if anchor is None:
                return None, text
            return Window(add_duration(anchor.start, d.within), add_duration(anchor.end, d.within)), text
        return None, f"condition: {d.condition}"


def milestone_status(res: _Resolver, m: Milestone, at_risk_days: int) -> MilestoneStatus:
    """The milestone's status on the day, with any dispute of it."""
    status = _status(res, m, at_risk_days)
    claims = list(m.claims)
    if m.met_by is not None:
        claims += res.snap.get(m.met_by, "event").claims
    found = disputes(claims, res.on)
    if not found:
        return status
    who = ", ".join(sorted({res.snap.name(c.by) for c in found}))
    return replace(status, disputes=found, reason=f"{status.reason}; disputed by {who}")


def _status(res: _Resolver, m: Milestone, at_risk_days: int) -> MilestoneStatus:
    on = res.on
    window, text = res.window(m)
    ev = res.met_event(m)
    if ev is not None:
        late = None
        if window is not None:
            late = True if ev.date.start > window.end else (False if ev.date.end <= window.end else None)
        timing = {True: ", late", False: ", on time", None: ""}[late]
        return MilestoneStatus(m.id, m.name, text, "met", f"met by {ev.name} ({ev.date}){timing}", window,
                               ev.id, str(ev.date), late)
    if window is None:
        if m.deadline.within is not None:
            return MilestoneStatus(m.id, m.name, text, "not-started",
                                   f"its anchor ({m.deadline.after}) has not happened yet")
        return MilestoneStatus(m.id, m.name, text, "pending", "no dated deadline: awaits its condition")
    if on > window.end:
        return MilestoneStatus(m.id, m.name, text, "missed", f"not met by {window.end.isoformat()}", window)
    left = (window.end - on).days
    if left <= at_risk_days:
        return MilestoneStatus(m.id, m.name, text, "at-risk", f"not met, {left} days left", window)
    if on >= window.start:
        return MilestoneStatus(m.id, m.name, text, "due", f"due by {window.end.isoformat()}", window)
    return MilestoneStatus(m.id, m.name, text, "pending", f"not yet due: deadline {window.end.isoformat()}", window)


def roadmap_status(snap: Snapshot, ref: str, on: dt.date, at_risk_days: int = AT_RISK_DAYS) -> RoadmapStatus:
    rm = find_roadmap(snap, ref)
    res = _Resolver(snap, rm, on)
    return RoadmapStatus(rm.id, rm.name, rm.decision, on, [milestone_status(res, m, at_risk_days) for m in rm.milestones])


def next_deadlines(snap: Snapshot, on: dt.date, limit: int = 5) -> list[dict[str, Any]]:
    """Unmet milestones of every roadmap whose deadline is still ahead, soonest first (for the brief)."""
    rows = []
    for rm in snap.roadmaps():
        for m in roadmap_status(snap, rm.id, on).milestones:
            if m.window is not None and m.status in ("at-risk", "due", "pending"):
                rows.append({"roadmap": rm.id, **m.to_json()})
    return sorted(rows, key=lambda r: (r["due_by"], r["id"]))[:limit]
