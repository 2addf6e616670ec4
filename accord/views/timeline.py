"""The case over time: its events, decisions and statements in date order; an issue's positions per actor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.record.model import Decision, Event, Issue, Position, Statement
from accord.record.snapshot import Snapshot

KINDS = {"event": Event, "decision": Decision, "statement": Statement}


def _title(rec: Any) -> str:
    if isinstance(rec, Event):
        return rec.name
    if isinstance(rec, Decision):
        return rec.title
    who = rec.speaker or rec.speaker_text or "?"
    return f"{who}: {rec.content[:160]}"


def timeline(snap: Snapshot, on: dt.date | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Latest first; up to ``on`` when given."""
    rows = []
    for name, cls in KINDS.items():
        if kind is not None and kind != name:
            continue
        for rec in snap.all(cls):
            if on is not None and rec.date.start > on:
                continue
            rows.append({"kind": name, "id": rec.id, "date": str(rec.date), "start": rec.date.start.isoformat(),
                         "title": _title(rec), "type": getattr(rec, "type", None) or getattr(rec, "status", None)})
    return sorted(rows, key=lambda r: (r["start"], r["id"]), reverse=True)


def positions_over_time(snap: Snapshot, issue: str) -> dict[str, Any]:
    """Every coding of every actor on the issue, in date order per actor."""
    iss = snap.get(issue, Issue)
    series: dict[str, list[dict[str, Any]]] = {}
    for p in sorted(snap.all(Position), key=lambda p: (p.date.start, p.id)):
        if p.issue == issue:
            series.setdefault(p.actor, []).append({"date": p.date.start.isoformat(), "value": p.value,
                                                   "salience": p.salience})
    return {"issue": iss.id, "name": iss.name, "scale": [iss.scale_min, iss.scale_max],
            "series": {a: {"name": snap.name(a), "points": pts} for a, pts in sorted(series.items())}}
