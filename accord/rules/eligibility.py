"""Eligibility on a date, per process: who may sit at a talks track, who is covered by a ceasefire.

Each process has its own rule (accord.record.model.Process): actors of its ``party_kinds`` are
candidates, and so is any actor entered on a list that excludes from it or named among its parties.
A designation list excludes from a process when it has the effect ``excluded-from:<process id>``.
A listed actor is excluded, with the list and the reason. An actor whose listing is contested stays
eligible but is shown with who contests it (the members that support listing it) and who defends it.
A process that ``requires_acceptance`` admits only actors whose latest stance towards it, on the day,
is accepted or conditional; the others are shown as not accepted, with their stance if they have one.
An actor allied with, or having as a member, a listed or contested group is flagged, never silently
excluded: whether that taints it is a political judgement the record does not make.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from accord.record.terms import EXCLUDED_FROM
from accord.rules.errors import RuleInputError
from accord.rules.lists import EntryStatus, entry_status
from accord.rules.lists import in_force as list_in_force

if TYPE_CHECKING:  # read plain or through the model alike (accord.record.plain): no class needed to run
    from accord.record.model import DesignationList, Process, ProcessParty
    from accord.record.snapshot import Snapshot

#: a party with one of these latest stances takes part in a process that requires acceptance
TAKING_PART = ("accepted", "conditional")


@dataclass
class Eligibility:
    process: str
    name: str
    kind: str
    date: dt.date
    eligible: list[str]
    excluded: list[dict[str, Any]] = field(default_factory=list)
    contested: list[dict[str, Any]] = field(default_factory=list)
    flagged: list[dict[str, Any]] = field(default_factory=list)
    not_accepted: list[dict[str, Any]] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"process": self.process, "name": self.name, "kind": self.kind, "date": self.date.isoformat(),
                "lists": self.lists, "eligible": self.eligible, "excluded": self.excluded,
                "contested": self.contested, "flagged": self.flagged, "not_accepted": self.not_accepted}


def find_process(snap: Snapshot, ref: str) -> Process:
    """A process by its id, or by its kind when the case has exactly one process of that kind."""
    if snap.has(ref, "process"):
        return snap.get(ref, "process")
    of_kind = snap.processes(kind=ref)
    if len(of_kind) == 1:
        return of_kind[0]
    if of_kind:
        raise RuleInputError(f"process {ref!r}: the case has {len(of_kind)} processes of that kind "
                             f"({', '.join(p.id for p in of_kind)}); give one's id")
    known = ", ".join(p.id for p in snap.processes()) or "none"
    raise RuleInputError(f"no process with id or kind {ref!r} (processes: {known})")


def excluding_lists(snap: Snapshot, process_id: str, on: dt.date) -> list[DesignationList]:
    """Lists that exclude from the process and are in force on the day."""
    effect = EXCLUDED_FROM + process_id
    return [lst for lst in snap.lists() if effect in lst.effects and list_in_force(snap, lst, on)]


def stance_on(process: Process, actor: str, on: dt.date) -> ProcessParty | None:
    """An actor's latest stance towards the process dated on or before the day (of two on one day, the
    one given later)."""
    said = sorted((p for p in process.parties if p.actor == actor and p.date.start <= on), key=lambda p: p.date)
    return said[-1] if said else None


def eligibility(snap: Snapshot, process_id: str, on: dt.date) -> Eligibility:
    process = snap.get(process_id, "process")
    lists = excluding_lists(snap, process.id, on)
    statuses: dict[str, list[tuple[DesignationList, EntryStatus]]] = {}
    for lst in lists:
        for entry in lst.entries:
            statuses.setdefault(entry.actor, []).append((lst, entry_status(snap, lst, entry, on)))

    def having(status: str) -> dict[str, list[tuple[DesignationList, EntryStatus]]]:
        """The actors with an entry of this status, and those entries."""
        return {a: found for a, ss in statuses.items() if (found := [(l, s) for l, s in ss if s.status == status])}

    listed = having("listed")
    contested = {a: ss for a, ss in having("contested").items() if a not in listed}

    kinds = set(process.party_kinds)
    candidates = ({a.id for a in snap.actors(on=on) if a.kind in kinds} | set(statuses)
                  | {p.actor for p in process.parties if p.date.start <= on})
    result = Eligibility(process.id, process.name, process.kind, on, [], lists=[l.id for l in lists])
    for actor in sorted(candidates):
        if actor in listed:
            lst, s = listed[actor][0]
            result.excluded.append({"actor": actor, "reason": f"listed on {lst.name}: {s.reason}", "list": lst.id})
            continue
        if process.requires_acceptance:
            stance = stance_on(process, actor, on)
            if stance is None or stance.status not in TAKING_PART:
                result.not_accepted.append({"actor": actor, "status": stance.status if stance else None,
                                            "date": str(stance.date) if stance else None})
                continue
        result.eligible.append(actor)
        for lst, s in contested.get(actor, []):
            # who contests its place: the members that want it listed
            result.contested.append({"actor": actor, "by": s.supporters, "defended_by": s.objectors,
                                     "list": lst.id, "reported": s.reported})
        reasons = _ties(snap, actor, on, listed, contested)
        if reasons:
            result.flagged.append({"actor": actor, "reasons": reasons})
    return result


def _ties(snap: Snapshot, actor: str, on: dt.date, listed: dict[str, Any], contested: dict[str, Any]) -> list[str]:
    """Alliances with, and memberships of, listed or contested groups."""
    out = []
    for rel in snap.relations(actor, on):
        if rel.type == "allied_with":
            other, how = (rel.target if rel.source == actor else rel.source), "allied with"
        elif rel.type == "member_of" and rel.target == actor:
            other, how = rel.source, "has as a member"
        else:
            continue
        if other in listed:
            out.append(f"{how} {snap.name(other)} (listed)")
        elif other in contested:
            out.append(f"{how} {snap.name(other)} (listing contested)")
    return out
