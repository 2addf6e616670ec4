"""The one-screen briefing on a case at a date: each section is a function snapshot, day -> data.

Sections are listed in ``SECTIONS``, in the order they print; each returns JSON-ready data (or None
to leave the section out). The CLI has a renderer per section name. The sections ask the snapshot for
kinds by name and only read records, so a snapshot of plain records (accord.record.plain) gives the same
briefing as the model's: the CLI reads one (its one briefing needs no pydantic), the API and the dashboard
keep theirs (``kept``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from accord.record.snapshot import Snapshot
from accord.record.terms import MEDIATION_ROLES
from accord.views import brief_forecast, brief_rules, monitor
from accord.views.record import body_members, positions

Section = Callable[[Snapshot, dt.date], Any]


def bodies(snap: Snapshot, on: dt.date) -> list[dict[str, Any]]:
    out = []
    for body in snap.bodies():
        if not body.in_force(on):
            continue
        members = body_members(snap, body.id, on)
        out.append({
            "id": body.id, "name": body.name, "rule": body.rule.procedure if body.rule else None,
            "members": len(members),
            "permanent": [m["id"] for m in members if m["permanent"]],
            "member_ids": [m["id"] for m in members],
        })
    return out


def disputes(snap: Snapshot, on: dt.date) -> list[dict[str, Any]]:
    """Who stands where on each issue: the extremes, the spread and the weighted centre."""
    out = []
    for issue in snap.all("issue"):
        rows = positions(snap, issue.id, on)["positions"]
        if not rows:
            continue
        lo, hi = rows[0], rows[-1]
        out.append({
            "issue": issue.id, "name": issue.name, "actors": len(rows),
            "low": {"actor": lo["actor"], "value": lo["value"]},
            "high": {"actor": hi["actor"], "value": hi["value"]},
            "spread": hi["value"] - lo["value"],
            "positions": [{"actor": r["actor"], "value": r["value"], "salience": r["salience"]} for r in rows],
        })
    return out


def decisions(snap: Snapshot, on: dt.date, latest: int = 4) -> list[dict[str, Any]]:
    out = []
    for d in snap.decisions(on=on)[-latest:][::-1]:
        counts = Counter(d.votes.values())
        out.append({
            "id": d.id, "body": d.body, "date": str(d.date), "title": d.title, "status": d.status,
            **({"votes": {v: counts.get(v, 0) for v in ("yes", "no", "abstain", "absent")}} if d.votes else {}),
        })
    return out


def mediation(snap: Snapshot, on: dt.date) -> list[dict[str, Any]]:
    """The third parties' roles in force on the day (mediates, hosts, guarantees, observes, sponsors),
    with the process each is held in, if any."""
    return [
        {"actor": r.source, "role": r.type, "target": r.target, "process": r.process,
         "since": str(r.start) if r.start else None}
        for r in snap.all("relation") if r.type in MEDIATION_ROLES and r.in_force(on)
    ]


SECTIONS: dict[str, Section] = {
    "bodies": bodies,
    "mediation": mediation,
    "disputes": disputes,
    "decisions": decisions,
    # from accord.rules (see accord.views.brief_rules)
    "list_disputes": brief_rules.list_disputes,
    "eligibility": brief_rules.eligibility,
    "deadlines": brief_rules.deadlines,
    "forecasts": brief_forecast.forecasts,
    # from accord.monitor (see accord.views.monitor)
    "ceasefires": monitor.brief_section,
}


def brief(snap: Snapshot, on: dt.date) -> dict[str, Any]:
    case = snap.case
    out: dict[str, Any] = {
        "case": snap.case_id, "name": case.name if case else snap.case_id, "date": on.isoformat(), "sections": {},
    }
    for name, section in SECTIONS.items():
        data = section(snap, on)
        if data:
            out["sections"][name] = data
    return out


def kept(views: Any, case: str | None, on: dt.date, as_known_on: dt.datetime | None = None,
         at: tuple[str, str] | None = None) -> dict[str, Any]:
    """The brief through ``views`` (an accord.views.cache.Views): built once per version of the case.
    What the API and the dashboard call; the CLI, which builds one briefing, calls ``brief``."""
    return views.get("brief", case, as_known_on, (on,), lambda snap: brief(snap, on), at)


def kept_json(views: Any, case: str | None, on: dt.date, as_known_on: dt.datetime | None = None,
              at: tuple[str, str] | None = None) -> tuple[bytes, str]:
    """The same, serialised, with its ETag (``views.kept_json("brief", as_known_on, (on,), at)`` once built)."""
    return views.json("brief", case, as_known_on, (on,), lambda snap: brief(snap, on), at)
