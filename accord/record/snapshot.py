"""A case as one immutable, in-memory view: what rules, forecasts and views read.

A snapshot is taken from the store as known on a moment (transaction time); its queries take the
valid date they ask about (``on``). Nothing here touches a database.

Its records are the model's (accord.record.model) or, read without pydantic, plain records
(accord.record.plain): the same fields, values and behaviour. A kind is asked for by its model class or
by its name (``snap.all("actor")``), and matched by ``record_kind``, so that either form answers either
question and a reader of plain records need not import the model.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from accord.errors import NotFound

if TYPE_CHECKING:
    from accord.record.model import (
        Actor, Capability, Case, Decision, DesignationList, Event, Issue, Position, Process, Record, Relation, Roadmap,
    )

#: a kind asked for: its name, its model class, None for any record (or a class without a kind, such as
#: ``Record``: the model's records of that class)
Kind = Any


def _is(rec: Any, cls: Kind) -> bool:
    if cls is None:
        return True
    if isinstance(cls, str):
        return rec.record_kind == cls
    kind = getattr(cls, "record_kind", None)
    return rec.record_kind == kind if kind is not None else isinstance(rec, cls)


def _kind_name(cls: Kind) -> str:
    return cls if isinstance(cls, str) else getattr(cls, "record_kind", None) or "record"


class UnknownRecord(NotFound):
    """Raised for an id the snapshot does not hold (or not of the kind asked for)."""


class Snapshot:
    def __init__(self, records: Iterable[Record], case_id: str | None = None):
        self.records: dict[str, Record] = {r.id: r for r in records}
        self.case_id = case_id

    # ------------------------------------------------------------------------------ lookups

    def get(self, record_id: str, cls: Kind = None) -> Any:
        """The record of that id, of the kind asked for (any when None)."""
        rec = self.records.get(record_id)
        if rec is None or not _is(rec, cls):
            raise UnknownRecord(f"no {_kind_name(cls)} with id {record_id!r}" + (f" in case {self.case_id!r}" if self.case_id else ""))
        return rec

    def has(self, record_id: str, cls: Kind = None) -> bool:
        rec = self.records.get(record_id)
        return rec is not None and _is(rec, cls)

    def all(self, cls: Kind) -> list[Any]:
        """The records of a kind (by its name or its model class), by id."""
        return list(self._by_kind.get(cls if isinstance(cls, str) else cls.record_kind, ()))

    @cached_property
    def _by_kind(self) -> dict[str, list[Record]]:
        out: dict[str, list[Any]] = defaultdict(list)
        for r in sorted(self.records.values(), key=lambda r: r.id):
            out[r.record_kind].append(r)
        return out

    @property
    def case(self) -> Case | None:
        cases = self.all("case")
        return cases[0] if cases else None

    def name(self, record_id: str) -> str:
        rec = self.records.get(record_id)
        return rec.label() if rec else record_id

    # ------------------------------------------------------------------------------ actors

    def actors(self, kind: str | None = None, on: dt.date | None = None) -> list[Actor]:
        return [a for a in self.all("actor") if (kind is None or a.kind == kind) and a.in_force(on)]

    def bodies(self) -> list[Actor]:
        return [a for a in self.all("actor") if a.is_body]

    def relations(
        self, actor: str | None = None, on: dt.date | None = None, type: str | None = None
    ) -> list[Relation]:
        return [
            r
            for r in self.all("relation")
            if (actor is None or actor in (r.source, r.target))
            and (type is None or r.type == type)
            and r.in_force(on)
        ]

    def memberships(self, body: str, on: dt.date | None) -> list[Relation]:
        """The member_of relations of a body in force on a day, in member order."""
        self.get(body, "actor")
        rels = [r for r in self.relations(type="member_of", on=on) if r.target == body]
        return sorted(rels, key=lambda r: r.source)

    def members(self, body: str, on: dt.date | None) -> list[Actor]:
        return [self.get(r.source, "actor") for r in self.memberships(body, on)]

    # ------------------------------------------------------------------------------ negotiations

    def positions(self, issue: str, on: dt.date | None = None) -> list[Position]:
        """Each actor's latest position on an issue dated on or before the day (all latest if None)."""
        self.get(issue, "issue")
        latest: dict[str, Position] = {}
        for p in self.all("position"):
            if p.issue != issue or (on is not None and p.date.start > on):
                continue
            cur = latest.get(p.actor)
            if cur is None or (p.date, p.id) > (cur.date, cur.id):
                latest[p.actor] = p
        return sorted(latest.values(), key=lambda p: p.actor)

    def capability(self, actor: str, on: dt.date | None = None, issue: str | None = None) -> Capability | None:
        """The latest capability of an actor on or before the day; an issue-specific one wins."""
        best: Capability | None = None
        for c in self.all("capability"):
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
            (d for d in self.all("decision") if (body is None or d.body == body) and (on is None or d.date.start <= on)),
            key=lambda d: (d.date, d.id),
        )

    def events(self, on: dt.date | None = None) -> list[Event]:
        return sorted((e for e in self.all("event") if on is None or e.date.start <= on), key=lambda e: (e.date, e.id))

    def processes(self, kind: str | None = None) -> list[Process]:
        return [p for p in self.all("process") if kind is None or p.kind == kind]

    def lists(self) -> list[DesignationList]:
        return self.all("designation-list")

    def roadmaps(self) -> list[Roadmap]:
        return self.all("roadmap")
