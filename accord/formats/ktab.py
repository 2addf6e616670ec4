"""A KTAB SMP scenario (its CSV or XML, read by ``accord.forecast.smp.readers``) into a case: each
dimension an issue, each actor an actor of the case, each actor's position, salience and capability a
dated record citing the file. The inverse of ``accord forecast ktab``: an issue exported on a date and
imported back gives the same positions (tested as a round trip).

- Issue: ``--issue`` names it (a one-dimension scenario), else the dimension's name made an id. An issue
  the case holds keeps its scale: KTAB's 0..100 goes back onto it; a new issue gets KTAB's 0..100.
- Actor: found by id, name or alias (case-insensitive); else a new actor of kind ``other``.
- Date: ``on``, else the date the scenario's name ends with (``assad-role on 2015-12-18``, as accord
  exports it); a scenario without either is refused.
- Position and capability: the case's own record for the same actor, issue and date is updated (its
  citations kept, the file's added), so a re-import changes nothing; a capability is written only
  where the case's capability on that date differs from the scenario's.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from accord.errors import AccordError
from accord.formats.common import ActorNames, Imported, cite, merged_cite, slug, source_document
from accord.record.model import Actor, Capability, Citation, Issue, Position, Record
from accord.record.snapshot import Snapshot

_DATED_NAME = re.compile(r"\bon (\d{4}-\d{2}-\d{2})\s*$")


def import_ktab(snap: Snapshot, path: str | Path, *, issue: str | None = None, on: dt.date | None = None) -> Imported:
    from accord.forecast.smp.readers import read_scenario

    path = Path(path)
    scenario = read_scenario(path)  # one line naming the file and the line or element
    data = scenario.stakeholders
    if on is None:
        m = _DATED_NAME.search(scenario.name)
        if m is None:
            raise AccordError(f"{path}: field 'name': the scenario {scenario.name!r} names no date "
                              "(…' on YYYY-MM-DD'); give --date")
        try:
            on = dt.date.fromisoformat(m[1])
        except ValueError:
            raise AccordError(f"{path}: field 'name': {m[1]!r} is not a date") from None
    if issue is not None and len(data.dimensions) != 1:
        raise AccordError(f"{path}: field 'Dimensions': {len(data.dimensions)} dimensions, but --issue names one "
                          "issue; leave --issue out to import each dimension as the issue of its name")
    try:
        return _records(snap, path, scenario, issue, on)
    except ValidationError as e:  # a name the record cannot take (an id over 200 characters, say): found by bench/fuzz.py
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"]) or "-"
        raise AccordError(f"{path}: field {field!r}: {err['msg']} (from the scenario's names: "
                          f"{str(err.get('input'))[:60]!r})") from None


def _records(snap: Snapshot, path: Path, scenario: Any, issue: str | None, on: dt.date) -> Imported:
    data = scenario.stakeholders
    doc = source_document(path, "ktab", f"KTAB scenario {scenario.name}", outlet="KTAB scenario file")
    names = ActorNames(snap)
    out: list[Record] = [doc]
    counts = {"issues": 0, "actors": 0, "positions": 0, "capabilities": 0}
    issue_ids = [issue] if issue is not None else [slug(d) for d in data.dimensions]
    for k, (dim, iid) in enumerate(zip(data.dimensions, issue_ids)):
        where = cite(doc, f"dimension {dim!r}")
        if snap.has(iid, Issue):
            target = snap.get(iid, Issue)
        elif iid in snap.records:
            raise AccordError(f"{path}: dimension {dim!r}: {iid!r} is a {snap.records[iid].record_kind} of the case, "
                              "not an issue; give --issue")
        else:
            target = Issue(id=iid, name=dim, cite=[where])
            out.append(target)
            counts["issues"] += 1
        lo, hi = float(target.scale_min), float(target.scale_max)
        for i, name in enumerate(data.actors):
            at = cite(doc, f"actor {name!r}")
            actor = names.find(name)
            if actor is None:
                new = Actor(id=slug(name), kind="other", name=name, cite=[at])
                if new.id in snap.records or any(r.id == new.id for r in out):
                    raise AccordError(f"{path}: actor {name!r}: the id {new.id!r} is taken by another record; "
                                      "give the actor a case name or alias first")
                out.append(new)
                names.add(new)
                counts["actors"] += 1
                actor = new.id
            # KTAB's 0..100 onto the issue's scale; clamped, since the rescaling (and an export's 12 digits)
            # can land a hair past an end of the scale, which the case would refuse (found by hypothesis)
            value = min(max(lo + float(data.positions[i, k]) * (hi - lo) / 100.0, lo), hi)
            out.append(_position(snap, iid, actor, on, value, float(data.salience[i, k]), at))
            counts["positions"] += 1
            cap = _capability(snap, actor, on, iid if len(data.dimensions) == 1 else None,
                              float(data.capability[i]), at)
            if cap is not None:
                out.append(cap)
                counts["capabilities"] += 1
    return Imported(str(path), _unique(out), counts)


def _position(snap: Snapshot, issue: str, actor: str, on: dt.date, value: float, salience: float,
              at: Citation) -> Position:
    same = next((p for p in snap.all(Position) if p.issue == issue and p.actor == actor
                 and p.date.start == on and p.date.end == on), None)
    if same is not None:
        return same.model_copy(update={"value": value, "salience": salience, "cite": merged_cite(same.cite, at)})
    return Position(issue=issue, actor=actor, value=value, salience=salience, date=on.isoformat(), cite=[at])


def _capability(snap: Snapshot, actor: str, on: dt.date, issue: str | None, value: float,
                at: Citation) -> Capability | None:
    current = snap.capability(actor, on, issue)
    if current is not None and abs(current.value - value) <= 1e-9 * max(1.0, abs(value)):
        return None
    same = next((c for c in snap.all(Capability) if c.actor == actor and c.issue == issue
                 and c.date.start == on and c.date.end == on), None)
    if same is not None:
        return same.model_copy(update={"value": value, "cite": merged_cite(same.cite, at)})
    rid = Capability.id_of({"actor": actor, "date": on.isoformat()}) + (f".{issue}" if issue else "")
    return Capability(id=rid, actor=actor, value=value, date=on.isoformat(), issue=issue, cite=[at])


def _unique(records: list[Record]) -> list[Record]:
    """One record per id, the last kept (an actor's capability met on two dimensions)."""
    return list({r.id: r for r in records}.values())
