"""An issue's positions as ``accord.views.record.positions`` shows them, read from the stored JSON of the
issue, its winning positions and their actors, without the record model.

`accord positions` is a read a user waits for: building the record classes it would decode (pydantic's
import, its model machinery and three validators) was about half the command's CPU time, for a table of
a dozen fields. The stored JSON was validated when it was written (``Store`` writes only records) and is
read here for those fields alone, each as the record class holds it: numbers as floats, an issue's scale
at the class's defaults when left out (records are stored without their defaults) and ``0..len - 1``
with options, an actor's name as ``Record.label`` gives it. tests/store/test_parts.py checks on generated
histories that the answer equals the model view's over a snapshot, at every transaction time, on SQLite
and PostgreSQL; tests/cli/test_imports.py that the command builds no record class.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

#: ``Issue.scale_min`` and ``Issue.scale_max`` when the stored issue leaves them out (tested against the class)
SCALE_DEFAULT = (0, 100)


def _label(raw: dict[str, Any]) -> str:
    return raw.get("name") or raw["id"]  # Record.label


def _scale(issue: dict[str, Any]) -> list[float]:
    options = issue.get("options")
    if options is not None:  # Issue._scale: the options' indices, whatever was stored
        return [0, len(options) - 1]
    return [float(issue[k]) if k in issue else d for k, d in zip(("scale_min", "scale_max"), SCALE_DEFAULT)]


def issue_positions(store: Any, case_id: str, issue: str, on: dt.date | None = None,
                    as_known_on: dt.datetime | None = None) -> dict[str, Any]:
    """``positions`` of an issue as known then, reading the issue, its positions and their actors only."""
    from accord.store import parts

    found = parts.stored(store, case_id, [issue], as_known_on)
    if not found or found[0][0] != "issue":  # the model view says there is no such issue, in its words
        from accord.record.snapshot import Snapshot
        from accord.views.record import positions

        return positions(Snapshot(store.records(case_id, [issue], as_known_on), case_id=case_id), issue, on)
    iss = found[0][1]
    shown = parts.latest_stored_positions(store, case_id, issue, on, as_known_on)
    # the records with the actors' ids, of whatever kind (ids are unique in a case), as Snapshot.name finds them
    named = {raw["id"]: _label(raw) for _, raw in parts.stored(store, case_id, {p["actor"] for p in shown}, as_known_on)}
    rows = [
        {
            "actor": p["actor"], "name": named.get(p["actor"], p["actor"]), "value": float(p["value"]),
            "salience": float(p["salience"]), "date": str(p["date"]).strip(), "id": p["id"],
            **({"uncertainty": float(p["uncertainty"])} if p.get("uncertainty") is not None else {}),
        }
        for p in shown
    ]
    return {
        "issue": iss["id"], "name": iss["name"], "date": on.isoformat() if on else None,
        "scale": _scale(iss),
        "anchors": {f"{k:g}": v for k, v in sorted((float(k), v) for k, v in iss.get("anchors", {}).items())},
        "positions": sorted(rows, key=lambda r: (r["value"], r["actor"])),
    }
