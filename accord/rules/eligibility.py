"""Eligibility on a date: who may sit at the talks, who is covered by the ceasefire.

Derived from the designation lists whose effect excludes from the talks or the ceasefire. A listed
actor is excluded, with the list and the reason. An actor whose listing is contested stays eligible
but is shown with who contests it (the members that support listing it) and who defends it. An actor
allied with, or having as a member, a listed or contested group is flagged, never silently excluded:
whether that taints it is a political judgement the record does not make.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from accord.record.model import DesignationList, ListEffect
from accord.record.snapshot import Snapshot
from accord.rules.lists import EntryStatus, entry_status
from accord.rules.lists import in_force as list_in_force

Forum = Literal["talks", "ceasefire"]
EFFECT: dict[str, ListEffect] = {"talks": "excluded-from-talks", "ceasefire": "excluded-from-ceasefire"}
#: the kinds of actor that can be a party at the table or to a ceasefire
PARTY_KINDS = ("government", "armed_group", "political_group")


@dataclass
class Eligibility:
    forum: Forum
    date: dt.date
    eligible: list[str]
    excluded: list[dict[str, Any]] = field(default_factory=list)
    contested: list[dict[str, Any]] = field(default_factory=list)
    flagged: list[dict[str, Any]] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"forum": self.forum, "date": self.date.isoformat(), "lists": self.lists, "eligible": self.eligible,
                "excluded": self.excluded, "contested": self.contested, "flagged": self.flagged}


def _applicable_lists(snap: Snapshot, forum: Forum, on: dt.date) -> list[DesignationList]:
    """Lists with the forum's effect in force on the day."""
    return [lst for lst in snap.lists() if EFFECT[forum] in lst.effects and list_in_force(snap, lst, on)]


def eligibility(snap: Snapshot, forum: Forum, on: dt.date) -> Eligibility:
    lists = _applicable_lists(snap, forum, on)
    statuses: dict[str, list[tuple[DesignationList, EntryStatus]]] = {}
    for lst in lists:
        for entry in lst.entries:
            statuses.setdefault(entry.actor, []).append((lst, entry_status(snap, lst, entry, on)))

    def having(status: str) -> dict[str, list[tuple[DesignationList, EntryStatus]]]:
        """The actors with an entry of this status, and those entries."""
        return {a: found for a, ss in statuses.items() if (found := [(l, s) for l, s in ss if s.status == status])}

    listed = having("listed")
    contested = {a: ss for a, ss in having("contested").items() if a not in listed}

    candidates = {a.id for a in snap.actors(on=on) if a.kind in PARTY_KINDS} | set(statuses)
    result = Eligibility(forum, on, [], lists=[l.id for l in lists])
    for actor in sorted(candidates):
        if actor in listed:
            lst, s = listed[actor][0]
            result.excluded.append({"actor": actor, "reason": f"listed on {lst.name}: {s.reason}", "list": lst.id})
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
