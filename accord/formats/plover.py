"""A case's events as PLOVER event records (JSON, in the form of PLOVER's own gold-standard records), and
those records read back into events.

Each event coded with a PLOVER type (``plover``) becomes one record:

- ``id``: ``<case>:<event id>``; ``date``: the event's day (the first day of a vaguer date);
- ``event``: its PLOVER type; ``mode`` and ``context`` when coded (``plover_mode``, ``plover_context``;
  context written as PLOVER's records write it, comma-separated);
- ``source`` and ``target``: the participants in those roles, each as ``actorText`` (the actor's name),
  ``code`` (its country, ISO alpha-3, when it has one) and ``actor`` (its id in the case);
- ``eventLoc``: ``{"name": place}``; ``text``: the event in a line (its name);
- ``accord``: what PLOVER has no field for (the event's own type, its date as written, other
  participants, summary, CAMEO code, process, claims, citations), so that ``read_plover`` gives back
  the same event (its participants grouped: sources, targets, then the others).

Events without a PLOVER type are left out and listed by ``to_plover``'s caller.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError
from accord.record.bundlewrite import to_bundle_dict
from accord.record.plain import dump

if TYPE_CHECKING:
    from accord.record.model import Event
    from accord.record.snapshot import Snapshot

#: the event's fields a PLOVER record carries in its own keys (the rest go under "accord")
_CARRIED = {"id", "plover", "plover_mode", "plover_context", "participants", "place", "name"}
_SIDES = ("source", "target")


def to_plover(snap: Snapshot, case_id: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The case's PLOVER-coded events as PLOVER records (by date, then id), and the ids left out: from the
    model's records or plain ones alike (accord.record.plain: `case export-plover` imports no pydantic)."""
    records, left_out = [], []
    for ev in sorted(snap.all("event"), key=lambda e: (e.date.start, e.id)):
        if ev.plover is None:
            left_out.append(ev.id)
            continue
        records.append(_record(snap, case_id, ev))
    return records, left_out


def _record(snap: Snapshot, case_id: str, ev: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"{case_id}:{ev.id}", "date": ev.date.start.isoformat(), "event": ev.plover}
    if ev.plover_mode:
        out["mode"] = ev.plover_mode
    if ev.plover_context:
        out["context"] = ", ".join(ev.plover_context)
    for side in _SIDES:
        actors = [_actor(snap, p.actor) for p in ev.participants if p.role == side]
        if actors:
            out[side] = actors
    if ev.place:
        out["eventLoc"] = {"name": ev.place}
    out["text"] = ev.name
    rest = {k: v for k, v in to_bundle_dict(ev).items() if k not in _CARRIED}
    others = [dump(p) for p in ev.participants if p.role not in _SIDES]
    if others:
        rest["participants"] = others
    out["accord"] = rest
    return out


def _actor(snap: Snapshot, actor_id: str) -> dict[str, Any]:
    a = snap.get(actor_id, "actor")
    return {"actorText": a.name, **({"code": a.country} if a.country else {}), "actor": a.id}


def read_plover(records: list[dict[str, Any]], case_id: str) -> list[Event]:
    """Events from PLOVER records written by ``to_plover``. A record from elsewhere needs at least the
    ``accord`` key's ``cite`` (every event is cited); its event's type is then ``other``. One AccordError
    naming the record and field for a record that is not an event."""
    from accord.record.model import Event, Participant

    events = []
    if not isinstance(records, list):
        raise AccordError(f"expected a list of PLOVER records, got {type(records).__name__}")
    for n, r in enumerate(records, start=1):
        if not isinstance(r, dict):
            raise AccordError(f"record {n}: expected an object, got {type(r).__name__}")
        where = f"record {n} ({r.get('id', 'no id')})"
        rid = str(r.get("id", ""))
        if not re.fullmatch(r"[A-Z]+", str(r.get("event", ""))):
            raise AccordError(f"{where}: field 'event': expected a PLOVER event type (CONSULT, ASSAULT, ...), "
                              f"got {r.get('event')!r}")
        prefix = f"{case_id}:"
        try:
            extra = dict(r.get("accord") or {})
            participants = [Participant(actor=_actor_id(a, where, side), role=side)
                            for side in _SIDES for a in (r.get(side) or [])]
            participants += [Participant.model_validate(p) for p in extra.pop("participants", [])]
            loc = r.get("eventLoc") or {}
            place = loc.get("name") if isinstance(loc, dict) else None
            context = [c.strip() for c in str(r.get("context") or "").split(",") if c.strip()]
        except (ValueError, TypeError, AttributeError) as e:  # a participant pydantic refuses, a list that is not
            err = e.errors()[0] if hasattr(e, "errors") else {"loc": (), "msg": str(e)}
            raise AccordError(f"{where}: participants: {'.'.join(map(str, err['loc']))} {err['msg']}".replace(": :", ":")) from None
        data = {
            "type": "other", "date": r.get("date"),
            **extra,
            "id": rid.removeprefix(prefix), "plover": r.get("event"), "name": r.get("text") or rid,
            "participants": [p.model_dump() for p in participants],
            "place": place,
            "plover_mode": r.get("mode") or None,
            "plover_context": context,
        }
        try:
            events.append(Event.model_validate(data))
        except (ValueError, TypeError) as e:
            err = e.errors()[0] if hasattr(e, "errors") else {"loc": (), "msg": str(e)}
            field = ".".join(str(x) for x in err["loc"])
            raise AccordError(f"{where}: field {field!r}: {err['msg']}") from None
    return events


def _actor_id(a: dict[str, Any], where: str, side: str) -> str:
    if not a.get("actor"):
        raise AccordError(f"{where}: field {side!r}: an actor without an accord id ('actor')")
    return a["actor"]
