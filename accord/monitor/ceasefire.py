"""A ceasefire as the violation rule reads it: its terms, who had accepted it by a day, who was excluded.

Exclusions are never copied into the ceasefire: they are derived on each day through the designation
lists' rules (``accord.rules.eligibility``), so a group listed after the start is excluded from that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError
from accord.monitor import timing
from accord.rules.eligibility import TAKING_PART, eligibility, stance_on

if TYPE_CHECKING:
    from accord.record.model import CeasefireTerms, Process, ProcessParty
    from accord.record.snapshot import Snapshot


@dataclass
class Ceasefire:
    process: Process

    @property
    def id(self) -> str:
        return self.process.id

    @property
    def name(self) -> str:
        return self.process.name

    @property
    def terms(self) -> CeasefireTerms:
        assert self.process.ceasefire is not None
        return self.process.ceasefire

    @cached_property
    def start(self) -> int:
        return timing.seconds(self.terms.start, self.terms.time_zone)

    @cached_property
    def end(self) -> int | None:
        return timing.seconds(self.terms.end, self.terms.time_zone) if self.terms.end else None

    @property
    def time_zone(self) -> str:
        return self.terms.time_zone

    @cached_property
    def parties(self) -> list[str]:
        return sorted({p.actor for p in self.process.parties})

    def stance(self, actor: str, day: dt.date) -> ProcessParty | None:
        """The party's latest stance dated by the day (the eligibility rule's reading)."""
        return stance_on(self.process, actor, day)

    def accepted(self, actor: str, day: dt.date) -> ProcessParty | None:
        s = self.stance(actor, day)
        return s if s is not None and s.status in TAKING_PART else None

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
            "parties": [{"actor": p.actor, "status": p.status, "date": str(p.date), "to": p.to}
                        for p in sorted(self.process.parties, key=lambda p: (p.date, p.actor))],
        }


def ceasefire(snap: Snapshot, process_id: str) -> Ceasefire:
    """The ceasefire process with this id, with its terms checked against the decisions they cite."""
    proc = snap.get(process_id, "process")
    if proc.kind != "ceasefire" or proc.ceasefire is None:
        raise AccordError(f"process {process_id!r} is not a ceasefire with terms (kind {proc.kind}; give it a ceasefire: block)")
    for ref in proc.ceasefire.terms:
        decision = snap.get(ref.decision, "decision")
        if not any(p.id == ref.provision for p in decision.provisions):
            raise AccordError(f"process {process_id!r}: field 'ceasefire.terms': decision {ref.decision!r} has no provision {ref.provision!r}")
    return Ceasefire(proc)


def excluded(snap: Snapshot, cf: Ceasefire, day: dt.date) -> dict[str, str]:
    """Actor -> why it is excluded from the ceasefire on that day, by the designation lists' rules."""
    return {e["actor"]: e["reason"] for e in eligibility(snap, cf.id, day).excluded}
