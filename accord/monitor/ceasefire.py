"""A ceasefire as the violation rule reads it: its terms, who had accepted it by a day, who was excluded.

Exclusions are never copied into the ceasefire: they are derived on each day through the designation
lists' rules (``accord.rules.eligibility``), so a group listed after the start is excluded from that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from accord.errors import AccordError
from accord.monitor import timing
from accord.record.model import CeasefireTerms, Decision
from accord.record.snapshot import Snapshot
from accord.rules.eligibility import eligibility


@dataclass
class Stance:
    status: str
    date: dt.date
    to: list[str]


@dataclass
class Ceasefire:
    id: str
    name: str
    terms: CeasefireTerms
    #: each party's stances, in date order
    stances: dict[str, list[tuple[dt.date, Stance]]] = field(default_factory=dict)

    @cached_property
    def start(self) -> int:
        return timing.seconds(self.terms.start, self.terms.time_zone)

    @cached_property
    def end(self) -> int | None:
        return timing.seconds(self.terms.end, self.terms.time_zone) if self.terms.end else None

    @property
    def time_zone(self) -> str:
        return self.terms.time_zone

    def stance(self, actor: str, day: dt.date) -> Stance | None:
        """The party's latest stance dated by the day (an acceptance dated with a fuzzy date counts
        only once its last possible day has passed)."""
        latest = None
        for when, s in self.stances.get(actor, []):
            if when <= day:
                latest = s
        return latest

    def accepted(self, actor: str, day: dt.date) -> Stance | None:
        s = self.stance(actor, day)
        return s if s is not None and s.status in ("accepted", "conditional") else None

    def covers(self, country: str | None, admin1: str | None) -> bool:
        area = self.terms.area
        if not area or country is None:
            return True
        return country in area or (admin1 is not None and f"{country}/{admin1}" in area)

    def to_json(self) -> dict[str, Any]:
        t = self.terms
        return {
            "id": self.id, "name": self.name, "time_zone": t.time_zone, "start": t.start.isoformat(),
            "end": t.end.isoformat() if t.end else None,
            "acceptance_deadline": t.acceptance_deadline.isoformat() if t.acceptance_deadline else None,
            "area": t.area, "terms": [f"{p.decision}#{p.provision}" for p in t.terms],
            "parties": {a: [{"status": s.status, "date": d.isoformat(), "to": s.to} for d, s in ss]
                        for a, ss in sorted(self.stances.items())},
        }


def ceasefire(snap: Snapshot, process_id: str) -> Ceasefire:
    """The ceasefire process with this id, with its terms checked against the decisions they cite."""
    from accord.record.model import Process

    proc = snap.get(process_id, Process)
    if proc.kind != "ceasefire" or proc.ceasefire is None:
        raise AccordError(f"process {process_id!r} is not a ceasefire with terms (kind {proc.kind}; give it a ceasefire: block)")
    for ref in proc.ceasefire.terms:
        decision = snap.get(ref.decision, Decision)
        if not any(p.id == ref.provision for p in decision.provisions):
            raise AccordError(f"process {process_id!r}: field 'ceasefire.terms': decision {ref.decision!r} has no provision {ref.provision!r}")
    stances: dict[str, list[tuple[dt.date, Stance]]] = {}
    for p in sorted(proc.parties, key=lambda p: p.date):
        stances.setdefault(p.actor, []).append((p.date.end, Stance(p.status, p.date.end, list(p.to))))
    return Ceasefire(proc.id, proc.name, proc.ceasefire, stances)


def excluded(snap: Snapshot, cf: Ceasefire, day: dt.date) -> dict[str, str]:
    """Actor -> why it is excluded from the ceasefire on that day, by the designation lists' rules."""
    return {e["actor"]: e["reason"] for e in eligibility(snap, cf.id, day).excluded}
