"""The actor network on a date: every relation in force, grouped by type."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.record.snapshot import Snapshot


def network(snap: Snapshot, on: dt.date | None, type: str | None = None) -> dict[str, Any]:
    rels = snap.relations(on=on, type=type)
    nodes = sorted({a for r in rels for a in (r.source, r.target)})
    by_type: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(rels, key=lambda r: (r.type, r.source, r.target)):
        by_type.setdefault(r.type, []).append({"id": r.id, "source": r.source, "target": r.target,
                                               "start": str(r.start) if r.start else None,
                                               "end": str(r.end) if r.end else None, "reported": r.reported})
    return {"date": on.isoformat() if on else None, "nodes": [{"id": n, "name": snap.name(n)} for n in nodes],
            "types": by_type}
