"""Turning reviewed candidates into records, each cited to its span in the ingested document.

- actor: a known actor gains the mention as an alias (when it is a new name); an unknown one becomes a
  new Actor of the guessed (or edited) kind, with the id the candidate proposes (a person the document named in
  full, ``proposed``) or else one made from its name (``slug``).
- quote: a Statement (speaker or speaker_text, content, direct, cue, the document's date).
- event: an Event with its PLOVER type and CAMEO code, source and target as participants.
- stance: a Position on the issue (a direction needs a value: edit the candidate to give one).
- date: no record of its own (dates belong to the facts above); accepting marks it reviewed.
"""

from __future__ import annotations

import math
from typing import Any, NoReturn

from pydantic import ValidationError

from accord.errors import AccordError, NotFound
from accord.ingest import queue
from accord.ingest.slug import slug
from accord.record.model import (
    Actor, Citation, Document, Event, Participant, Position, Record, Statement,
)
from accord.record.snapshot import Snapshot
from accord.store import writes

_EVENT_KIND = {"CONSULT": "meeting", "AGREE": "agreement", "FIGHT": "strike", "ASSAULT": "strike",
               "COERCE": "strike"}


def record_for(cand: dict[str, Any], doc: Document, snap: Snapshot) -> Record | None:
    """The record an accepted candidate becomes (None for a date)."""
    cite = [Citation(document=doc.id, start=cand["start"], end=cand["end"])]
    date = cand.get("date") or (str(doc.published) if doc.published else None)
    short = doc.id.removeprefix("doc-")[:8]
    kind = cand["kind"]
    proposed = set(cand.get("proposed") or ())
    for field in sorted(proposed - {"actor"}):
        if cand.get(field) and not snap.has(cand[field], Actor):
            raise AccordError(f"candidate {cand.get('id')}: its {field} {cand[field]!r} is a proposed actor, not yet in "
                              f"case {snap.case_id!r}: accept that person's actor candidate first, or edit {field}")
    if kind == "actor":
        if cand.get("actor") and "actor" in proposed and not snap.has(cand["actor"], Actor):
            # a person the document named in full whom the case does not hold yet: the Actor under the proposed id
            return Actor(id=cand["actor"], kind=cand.get("actor_kind") or "person", name=cand.get("name") or cand["text"],
                         cite=cite)
        if cand.get("actor"):
            if not snap.has(cand["actor"], Actor):
                raise AccordError(f"actor {cand['actor']!r} is not in case {snap.case_id!r}: edit the candidate's "
                                  "actor or accept it as a new actor (actor=null)")
            actor = snap.get(cand["actor"], Actor)
            if cand["text"] in actor.names():
                return None
            return actor.model_copy(update={"aliases": [*actor.aliases, cand["text"]], "cite": [*actor.cite, *cite]})
        return Actor(id=slug(cand.get("name") or cand["text"]), kind=cand.get("actor_kind") or "other",
                     name=cand.get("name") or cand["text"], cite=cite)
    if date is None:
        raise AccordError(f"candidate {cand['id']}: the document has no publication date; edit the candidate's date")
    if kind == "quote":
        return Statement(id=f"stmt-{short}-{cand['start']}", speaker=cand.get("speaker"),
                         speaker_text=cand.get("speaker_text"), content=cand.get("content") or cand["text"],
                         direct=bool(cand.get("direct", True)), cue=cand.get("cue"), date=date, cite=cite,
                         reported=True)
    if kind == "event":
        parts = [Participant(actor=cand[r], role=r) for r in ("source", "target") if cand.get(r)]
        return Event(id=f"event-{short}-{cand['start']}", type=_EVENT_KIND.get(cand["event_type"], "other"),
                     name=cand["text"][:120], date=date, participants=parts, place=cand.get("place"),
                     plover=cand["event_type"], cameo=cand.get("cameo"), cite=cite, reported=True)
    if kind == "stance":
        if cand.get("value") is None:
            raise AccordError(f"candidate {cand['id']}: a stance with only a direction needs a value: "
                              f"`accord review edit {cand['id']} value=N` first")
        return Position(issue=cand["issue"], actor=cand["actor"], value=cand["value"],
                        salience=cand.get("salience", 0.5), date=date, cite=cite, reported=True)
    return None


#: the statuses a reviewer can still act on (accepted is final)
_OPEN = ("pending", "edited", "rejected")


def _refuse(conn: Any, case_id: str, cid: int) -> NoReturn:
    """Why a claim found nothing to claim: no such candidate, or it is already reviewed."""
    cand = queue.get(conn, case_id, cid)
    if cand is None:
        raise NotFound(f"no candidate {cid} in case {case_id!r}")
    record = f" (its record is {cand['record_id']})" if cand.get("record_id") else ""
    raise AccordError(f"candidate {cid} is already {cand['status']}{record}")


def accept(store: Any, case_id: str, cid: int, by: str) -> dict[str, Any]:
    """Make the candidate a record, checked as any write is. Race-safe: the candidate is claimed by a
    conditional update in the writing transaction, so of two reviewers accepting it at once exactly one
    wins (the other's update finds it no longer pending, on PostgreSQL after waiting for the winner's
    row lock), and its record is written only if unchanged since it was read."""
    seen = writes.read(store, case_id)
    with store.unit_of_work(case_id, by, operation="review accept", note=f"ingest candidate {cid}") as uow:
        if not queue.claim(uow.conn, case_id, cid, ("pending", "edited"), "accepted", by):
            _refuse(uow.conn, case_id, cid)
        cand = queue.get(uow.conn, case_id, cid)
        assert cand is not None
        if not seen.snapshot.has(cand["document"], Document):
            raise AccordError(f"candidate {cid}: its document {cand['document']!r} is not in case {case_id!r}")
        try:
            rec = record_for(cand, seen.snapshot.get(cand["document"], Document), seen.snapshot)
        except ValidationError as e:  # an edited value the record does not take
            err = e.errors()[0]
            field = ".".join(str(x) for x in err["loc"])
            raise AccordError(f"candidate {cid}: the record's field {field!r}: "
                              f"{err['msg'].removeprefix('Value error, ')}; edit the candidate first") from None
        if rec is not None:
            if rec.id in seen.snapshot.records and not (cand["kind"] == "actor" and cand.get("actor")):
                raise AccordError(f"candidate {cid}: the case already has a record {rec.id!r}; edit the candidate "
                                  "(an existing actor: actor=ID)")
            try:
                writes.check(seen, rec)
            except AccordError as e:
                raise AccordError(f"candidate {cid}: the record {e}; edit the candidate first") from None
            writes.put(uow, seen, rec)
            queue.mark(uow.conn, cid, "accepted", by, record_id=rec.id)
        return queue.get(uow.conn, case_id, cid) or cand


def reject(store: Any, case_id: str, cid: int, by: str) -> dict[str, Any]:
    with store.engine.begin() as conn:
        if not queue.claim(conn, case_id, cid, _OPEN, "rejected", by):
            _refuse(conn, case_id, cid)
        return queue.get(conn, case_id, cid) or {}


#: the fields a reviewer may edit, by the type each holds (every one may be cleared with null)
_FIELD_TYPES: dict[str, type] = {
    **dict.fromkeys(("actor", "name", "actor_kind", "speaker", "speaker_text", "content", "cue", "range", "precision",
                     "event_type", "cameo", "source", "target", "date", "place", "issue", "direction"), str),
    "value": float, "salience": float, "direct": bool,
}
_EDITABLE = set(_FIELD_TYPES)


def edit(store: Any, case_id: str, cid: int, changes: dict[str, str], by: str) -> dict[str, Any]:
    bad = sorted(set(changes) - _EDITABLE)
    if bad:
        raise AccordError(f"cannot edit field {bad[0]!r} (editable: {', '.join(sorted(_EDITABLE))})")
    values = {k: _value(k, v) for k, v in changes.items()}
    with store.engine.begin() as conn:
        if not queue.claim(conn, case_id, cid, _OPEN, "edited", by):
            _refuse(conn, case_id, cid)
        cand = queue.get(conn, case_id, cid) or {}
        data = {k: v for k, v in cand.items() if k not in queue.ROW_KEYS}
        data.update(values)
        queue.mark(conn, cid, "edited", by, data=data)
        return queue.get(conn, case_id, cid) or cand


def _value(field: str, text: str) -> Any:
    """The value of ``field=text`` in the field's type: null clears it; a text field takes the text as
    written (``name=123`` is the name "123", not a number); a number field a finite number; a flag
    true or false. Anything else is one line."""
    if text in ("null", "none", "-"):
        return None
    kind = _FIELD_TYPES[field]
    if kind is str:
        return text
    if kind is bool:
        if text not in ("true", "false"):
            raise AccordError(f"{field}={text}: expected true or false")
        return text == "true"
    try:
        value = float(text)
    except ValueError:
        raise AccordError(f"{field}={text}: not a number") from None
    if not math.isfinite(value):
        raise AccordError(f"{field}={text}: not a finite number")
    if value.is_integer() and "." not in text and "e" not in text.lower():
        return int(text) if abs(value) < 2**53 else value
    return value
