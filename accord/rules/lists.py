"""Designation lists: the status of each entry on a date, under the rule of the list's body.

Members' stances are read as ballots (supports = yes, opposes = no, undecided = abstain, nothing said =
absent). An entry is *listed* when the body's procedure adopts it even if every undecided or silent
member voted against, i.e. the record shows the decision was made; *rejected* when it fails even if
all of them voted for it and no member supports it any longer; *contested* when members object while
others support it (the objectors are named); *pending* otherwise. An entry that another body designates
(``designated_by``: the Security Council for ISIL) is listed by that designation, whatever the list's
body decides, from its ``designated_on`` day if one is given; *not proposed* before its proposal date
(or its designation date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from accord.rules.procedures import decide
from accord.rules.votes import ballots, body_rule

if TYPE_CHECKING:  # read plain or through the model alike (accord.record.plain): no class needed to run
    from accord.record.model import Actor, DesignationList, ListEntry, Stance, Vote
    from accord.record.snapshot import Snapshot

Status = Literal["listed", "contested", "rejected", "pending", "not-proposed"]
_AS_VOTE: dict[str, Vote] = {"supports": "yes", "opposes": "no", "undecided": "abstain"}


@dataclass
class EntryStatus:
    actor: str
    status: Status
    reason: str
    supporters: list[str] = field(default_factory=list)
    objectors: list[str] = field(default_factory=list)
    undecided: list[str] = field(default_factory=list)
    designated_by: str | None = None
    proposed_by: list[str] = field(default_factory=list)
    proposed_on: str | None = None
    #: any stance behind it is reported (a claim of its source), not settled
    reported: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "status": self.status, "reason": self.reason, "objectors": self.objectors,
            "supporters": self.supporters, "undecided": self.undecided, "reported": self.reported,
            **({"designated_by": self.designated_by} if self.designated_by else {}),
            **({"proposed_by": self.proposed_by} if self.proposed_by else {}),
            **({"proposed_on": self.proposed_on} if self.proposed_on else {}),
        }


@dataclass
class ListStatus:
    list: str
    name: str
    body: str
    date: dt.date
    effects: list[str]
    entries: list[EntryStatus]

    def entry(self, actor: str) -> EntryStatus | None:
        return next((e for e in self.entries if e.actor == actor), None)

    def to_json(self) -> dict[str, Any]:
        return {"list": self.list, "name": self.name, "body": self.body, "date": self.date.isoformat(),
                "effects": self.effects, "entries": [e.to_json() for e in self.entries]}


def stances_on(entry: ListEntry, on: dt.date) -> dict[str, Stance]:
    """Each member's latest stance dated on or before the day (a fuzzy date counts from its first day)."""
    latest: dict[str, Stance] = {}
    for s in sorted(entry.stances, key=lambda s: s.date):
        if s.date.start <= on:
            latest[s.member] = s
    return latest


def _names(snap: Snapshot, ids: list[str]) -> str:
    return ", ".join(snap.name(i) for i in ids)


def entry_status(snap: Snapshot, lst: DesignationList, entry: ListEntry, on: dt.date) -> EntryStatus:
    if entry.designated_by is not None and entry.designated_on is not None and entry.designated_on.start > on:
        return EntryStatus(entry.actor, "not-proposed",
                           f"designated by {snap.name(entry.designated_by)} only on {entry.designated_on}",
                           designated_by=entry.designated_by)
    if entry.designated_by is not None and snap.get(entry.designated_by, "actor").in_force(on):
        since = f" on {entry.designated_on}" if entry.designated_on is not None else ""
        return EntryStatus(entry.actor, "listed", f"designated by {snap.name(entry.designated_by)}{since}",
                           designated_by=entry.designated_by)
    if entry.proposed_on is not None and entry.proposed_on.start > on:
        return EntryStatus(entry.actor, "not-proposed", f"proposed only on {entry.proposed_on}",
                           proposed_by=list(entry.proposed_by), proposed_on=str(entry.proposed_on))
    _, rule = body_rule(snap, lst.body, on)
    members = [r.source for r in snap.memberships(lst.body, on)]
    said = {m: s for m, s in stances_on(entry, on).items() if m in members}
    # only recorded stances count: a proposer may merely relay others' nominations (Jordan compiled the
    # ISSG's list from the members' own), so proposing is not read as supporting
    votes: dict[str, Vote] = {m: _AS_VOTE[s.stance] for m, s in said.items()}
    supporters = sorted(m for m, v in votes.items() if v == "yes")
    objectors = sorted(m for m, v in votes.items() if v == "no")
    undecided = sorted(m for m, v in votes.items() if v == "abstain")
    reported = any(s.reported for s in said.values())
    #: members whose vote is open: undecided or silent
    awaited = [m for m in members if m not in supporters and m not in objectors]

    def outcome(open_vote: Vote):
        return decide(rule, ballots(snap, lst.body, on, {**votes, **{m: open_vote for m in awaited}}))

    worst, best = outcome("no"), outcome("yes")
    common = dict(supporters=supporters, objectors=objectors, undecided=undecided, reported=reported,
                  proposed_by=list(entry.proposed_by), proposed_on=str(entry.proposed_on) if entry.proposed_on else None)
    if worst.adopted:
        return EntryStatus(entry.actor, "listed", f"agreed under the rule of {snap.name(lst.body)}: {worst.reason}", **common)
    if objectors and supporters:
        return EntryStatus(entry.actor, "contested",
                           f"opposed by {_names(snap, objectors)}; supported by {_names(snap, supporters)}", **common)
    if not best.adopted and not supporters:
        return EntryStatus(entry.actor, "rejected", best.reason, **common)
    proposal = f"proposed by {_names(snap, entry.proposed_by)}" if entry.proposed_by else "proposed"
    when = f" on {entry.proposed_on}" if entry.proposed_on else ""
    return EntryStatus(entry.actor, "pending", f"{proposal}{when}; not agreed yet, no stance from {_names(snap, awaited)}",
                       **common)


def list_status(snap: Snapshot, list_id: str, on: dt.date) -> ListStatus:
    lst = snap.get(list_id, "designation-list")
    body_rule(snap, lst.body, on)  # the list's body must exist on the day
    return ListStatus(lst.id, lst.name, lst.body, on, list(lst.effects),
                      [entry_status(snap, lst, e, on) for e in lst.entries])


def in_force(snap: Snapshot, lst: DesignationList, on: dt.date) -> bool:
    """A list binds on a day only when its body exists and has members to decide it (a list of a body not
    yet formed binds no one)."""
    return snap.get(lst.body, "actor").in_force(on) and bool(snap.memberships(lst.body, on))
