"""Briefing sections that come from accord.rules: the list dispute, eligibility, the next deadlines.

Each is a brief section (snapshot, day -> JSON-ready data, or None to leave it out); see accord.views.brief.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.record.snapshot import Snapshot
from accord.rules.eligibility import eligibility as eligibility_on
from accord.rules.lists import in_force as list_in_force
from accord.rules.lists import list_status
from accord.rules.roadmap import next_deadlines


def list_disputes(snap: Snapshot, on: dt.date) -> list[dict[str, Any]] | None:
    """Per designation list: who is listed, and the entries in dispute with who objects and who supports."""
    out = []
    for lst in snap.lists():
        if not list_in_force(snap, lst, on):
            continue
        entries = list_status(snap, lst.id, on).entries
        out.append({
            "list": lst.id, "name": lst.name,
            "listed": [e.actor for e in entries if e.status == "listed"],
            "disputed": [
                {"actor": e.actor, "status": e.status, "objectors": e.objectors, "supporters": e.supporters}
                for e in entries if e.status in ("contested", "pending", "rejected")
            ],
        })
    return out or None


def eligibility(snap: Snapshot, on: dt.date) -> dict[str, Any] | None:
    """Per process: who is out of it, and whose place is contested (only processes a list excludes from,
    or that admit only the parties that accepted them)."""
    out = {}
    for process in snap.processes():
        e = eligibility_on(snap, process.id, on)
        if e.lists or process.requires_acceptance:
            out[process.id] = {"name": e.name, "kind": e.kind, "excluded": [x["actor"] for x in e.excluded],
                               "not_accepted": [x["actor"] for x in e.not_accepted],
                               "contested": [{"actor": c["actor"], "by": c["by"]} for c in e.contested]}
    return out or None


def deadlines(snap: Snapshot, on: dt.date) -> list[dict[str, Any]] | None:
    rows = next_deadlines(snap, on)
    return [{k: r[k] for k in ("roadmap", "id", "name", "deadline", "due_by", "status")} for r in rows] or None
