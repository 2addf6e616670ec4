"""What the record views show, as plain JSON-ready data. The CLI renders these; an API would return them.

Each function takes a Snapshot (and a valid date) and returns dicts and lists only. A record page and an
issue's positions are read from the stored JSON of the records they need, without the model
(accord.views.show, accord.views.positions): ``show`` and ``positions`` here are what they answer.
The others answer alike from the model's records and from plain ones (accord.record.plain: what the CLI
reads, without pydantic), so they import no record class (tests/record/test_plain.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.record.model import Actor, Citation, Record
    from accord.record.snapshot import Snapshot


def actor_row(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind, **({"aliases": a.aliases} if a.aliases else {})}


def actors(snap: Snapshot, kind: str | None = None, on: dt.date | None = None) -> list[dict[str, Any]]:
    return [actor_row(a) for a in snap.actors(kind=kind, on=on)]


def body_members(snap: Snapshot, body: str, on: dt.date | None) -> list[dict[str, Any]]:
    rows = []
    for rel in snap.memberships(body, on):
        member = snap.get(rel.source, "actor")
        rows.append({
            **actor_row(member),
            "permanent": rel.permanent,
            "veto": rel.veto,
            "start": str(rel.start) if rel.start else None,
            "end": str(rel.end) if rel.end else None,
        })
    return rows


def relations(snap: Snapshot, actor: str, on: dt.date | None = None) -> list[dict[str, Any]]:
    snap.get(actor, "actor")
    return [
        {
            "id": r.id, "type": r.type, "source": r.source, "target": r.target,
            "direction": "out" if r.source == actor else "in",
            "other": r.target if r.source == actor else r.source,
            "other_name": snap.name(r.target if r.source == actor else r.source),
            "start": str(r.start) if r.start else None, "end": str(r.end) if r.end else None,
            "process": r.process, "reported": r.reported,
        }
        for r in snap.relations(actor, on)
    ]


def positions(snap: Snapshot, issue: str, on: dt.date | None = None) -> dict[str, Any]:
    iss = snap.get(issue, "issue")
    rows = [
        {
            "actor": p.actor, "name": snap.name(p.actor), "value": p.value, "salience": p.salience,
            "date": str(p.date), "id": p.id, **({"uncertainty": p.uncertainty} if p.uncertainty is not None else {}),
        }
        for p in snap.positions(issue, on)
    ]
    return {
        "issue": iss.id, "name": iss.name, "date": on.isoformat() if on else None,
        "scale": [iss.scale_min, iss.scale_max], "anchors": {f"{k:g}": v for k, v in sorted(iss.anchors.items())},
        "positions": sorted(rows, key=lambda r: (r["value"], r["actor"])),
    }


def citations_of(rec: Record) -> list[Citation]:
    """Every citation inside a record, nested ones (stances, roles) included, each once."""
    from accord.record.model import citations

    found: list[Citation] = []
    for _, c in citations(rec):
        if c not in found:
            found.append(c)
    return found


def resolve_citation(snap: Snapshot, c: Citation) -> dict[str, Any]:
    out: dict[str, Any] = c.model_dump(exclude_none=True)
    if c.document and snap.has(c.document, "document"):
        doc = snap.get(c.document, "document")
        out.update(title=doc.title, **{k: v for k, v in (("url", doc.url), ("outlet", doc.outlet)) if v})
        if doc.published:
            out["published"] = str(doc.published)
        if doc.text is not None and c.start is not None:
            out["quote"] = doc.text[c.start : c.end]
    return out


def show(snap: Snapshot, record_id: str) -> dict[str, Any]:
    """A record, its citations resolved, and who disputes it (a record with claims: an event)."""
    from accord.record.terms import disputes

    rec: Record = snap.get(record_id)
    disputed_by = sorted({c.by for c in disputes(getattr(rec, "claims", []))})
    return {
        "kind": rec.record_kind,
        "record": rec.model_dump(mode="json", by_alias=True, exclude_none=True),
        "citations": [resolve_citation(snap, c) for c in citations_of(rec)],
        **({"disputed_by": disputed_by} if disputed_by else {}),
    }

