"""A case as one immutable, in-memory view: what rules, forecasts and views read.

A snapshot is taken from the store as known on a moment (transaction time); its queries take the
valid date they ask about (``on``). Nothing here touches a database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import TypeVar

from accord.errors import NotFound
from accord.record.model import (
    Actor, Capability, Case, Decision, DesignationList, Event, Issue, Position, Process, Record, Relation, Roadmap,
)

R = TypeVar("R", bound=Record)


class UnknownRecord(NotFound):
    """Raised for an id the snapshot does not hold (or not of the kind asked for)."""


class Snapshot:
    def __init__(self, records: Iterable[Record], case_id: str | None = None):
        self.records: dict[str, Record] = {r.id: r for r in records}
        self.case_id = case_id

    # ------------------------------------------------------------------------------ lookups

    def get(self, record_id: str, cls: type[R] = Record) -> R:  # type: ignore[assignment]
        rec = self.records.get(record_id)
        if rec is None or not isinstance(rec, cls):
            what = cls.record_kind if cls is not Record else "record"
            raise UnknownRecord(f"no {what} with id {record_id!r}" + (f" in case {self.case_id!r}" if self.case_id else ""))
        return rec

    def has(self, record_id: str, cls: type[Record] = Record) -> bool:
        return isinstance(self.records.get(record_id), cls)

    def all(self, cls: type[R]) -> list[R]:
        return [r for r in self._by_kind[cls.record_kind] if isinstance(r, cls)]

    @cached_property
    def _by_kind(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = defaultdict(list)
        for r in sorted(self.records.values(), key=lambda r: r.id):
            out[r.record_kind].append(r)
        return out

    @property
    def case(self) -> Case | None:
        cases = self.all(Case)
        return cases[0] if cases else None

    def name(self, record_id: str) -> str:
        rec = self.records.get(record_id)
        return rec.label() if rec else record_id

    # ------------------------------------------------------------------------------ actors

    def actors(self, kind: str | None = None, on: dt.date | None = None) -> list[Actor]:
        return [a for a in self.all(Actor) if (kind is None or a.kind == kind) and a.in_force(on)]

    def bodies(self) -> list[Actor]:
        return [a for a in self.all(Actor) if a.is_body]

    def relations(
        self, actor: str | None = None, on: dt.date | None = None, type: str | None = None
    ) -> list[Relation]:
        return [
            r
            for r in self.all(Relation)
            if (actor is None or actor in (r.source, r.target))
            and (type is None or r.type == type)
            and r.in_force(on)
        ]

    def memberships(self, body: str, on: dt.date | None) -> list[Relation]:
        """The member_of relations of a body in force on a day, in member order."""
        self.get(body, Actor)
        rels = [r for r in self.relations(type="member_of", on=on) if r.target == body]
        return sorted(rels, key=lambda r: r.source)

    def members(self, body: str, on: dt.date | None) -> list[Actor]:
        return [self.get(r.source, Actor) for r in self.memberships(body, on)]

    # ------------------------------------------------------------------------------ negotiations

    def positions(self, issue: str, on: dt.date | None = None) -> list[Position]:
        """Each actor's latest position on an issue dated on or before the day (all latest if None)."""
        self.get(issue, Issue)
        latest: dict[str, Position] = {}
        for p in self.all(Position):
            if p.issue != issue or (on is not None and p.date.start > on):
                continue
            cur = latest.get(p.actor)
            if cur is None or (p.date, p.id) > (cur.date, cur.id):
                latest[p.actor] = p
        return sorted(latest.values(), key=lambda p: p.actor)

    def capability(self, actor: str, on: dt.date | None = None, issue: str | None = None) -> Capability | None:
        """The latest capability of an actor on or before the day; an issue-specific one wins."""
        best: Capability | None = None
        for c in self.all(Capability):
            if c.actor != actor or (on is not None and c.date.start > on):
                continue
            if c.issue not in (None, issue):
                continue
            key = (c.issue is not None, c.date, c.id)
            if best is None or key > (best.issue is not None, best.date, best.id):
                best = c
        return best

    # ------------------------------------------------------------------------------ decisions

    def decisions(self, body: str | None = None, on: dt.date | None = None) -> list[Decision]:
        return sorted(
            (d for d in self.all(Decision) if (body is None or d.body == body) and (on is None or d.date.start <= on)),
            key=lambda d: (d.date, d.id),
        )

    def events(self, on: dt.date | None = None) -> list[Event]:
        return sorted((e for e in self.all(Event) if on is None or e.date.start <= on), key=lambda e: (e.date, e.id))

    def processes(self, kind: str | None = None) -> list[Process]:
        return [p for p in self.all(Process) if kind is None or p.kind == kind]

    def lists(self) -> list[DesignationList]:
        return self.all(DesignationList)

    def roadmaps(self) -> list[Roadmap]:
        return self.all(Roadmap)
