"""The audit trail of a record as readable changes: who, when, what, before and after."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.record.dates import FuzzyDate
from accord.store import AuditEntry, Store


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, list[Any]]:
    """field -> [before, after] for every field that changed."""
    before, after = before or {}, after or {}
    return {k: [before.get(k), after.get(k)] for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)}


def _superseded(store: Store, case_id: str, e: AuditEntry) -> dict[str, Any] | None:
    """For a new dated position: the coding it replaces from its date on, as the record stood just before."""
    if e.kind != "position" or e.op != "create" or e.after is None:
        return None
    snap = store.snapshot(case_id, e.at - dt.timedelta(microseconds=1))
    on = FuzzyDate.parse(e.after["date"]).start
    prev = {p.actor: p for p in snap.positions(e.after["issue"], on)}.get(e.after["actor"])
    return prev.model_dump(mode="json", exclude_defaults=True) if prev else None


def history(store: Store, case_id: str, record_id: str, as_known_on: dt.datetime | None = None) -> list[dict[str, Any]]:
    out = []
    for e in store.history(case_id, record_id, as_known_on):
        row = e.to_json()
        changes = diff(e.before, e.after)
        if e.op == "create":
            row["supersedes"] = _superseded(store, case_id, e) if e.operation != "case load" else None
            prev = row["supersedes"]
            summary = (f"value {prev['value']:g} (as of {prev['date']}) → {e.after['value']:g} (as of {e.after['date']})"
                       if prev else "created")
        elif e.op == "delete":
            summary = "deleted"
        else:
            parts = [f"{k}: {_short(a)} → {_short(b)}" for k, (a, b) in changes.items() if k != "cite"]
            if "cite" in changes:
                added = len(changes["cite"][1] or []) - len(changes["cite"][0] or [])
                parts.append(f"{added:+d} citation(s)" if added else "citations changed")
            summary = "; ".join(parts)
        row["changes"] = changes
        row["summary"] = summary
        out.append(row)
    return out
