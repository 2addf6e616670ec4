"""From ingestion to monitoring: an accepted event candidate about an attack becomes a report, citing the
span of the ingested document the candidate was read from (docs/monitor.md, "From ingestion").

Only a candidate that a reviewer accepted (so its event is a record of the case), that is an event of an
attack (PLOVER ``ASSAULT`` or ``FIGHT``) and that happened (no mood: not threatened, intended or
conditional) becomes a report; any other is refused with one line saying why.

The report takes the accepted event's date (``time_precision`` day, week or month as the date is
precise), its source participant as the alleged perpetrator and its target as the target, its place
(located through the gazetteer when the ceasefire covers one country), the ceasefire's time zone, and
the document's outlet as its source, graded as given (default F6: cannot be judged). Its type follows
the PLOVER type unless given: ``FIGHT`` (conventional military force) is ACLED's battles, ``ASSAULT``
(unconventional violence: bombings, strikes on people) its explosions/remote violence. Its
``source_id`` is the candidate's id, so a second conversion of the same candidate is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.errors import AccordError, NotFound
from accord.record.model import Citation, Document, Event, Report
from accord.record.snapshot import Snapshot

ATTACKS = {"FIGHT": "battles", "ASSAULT": "explosions-remote-violence"}
DATASET = "ingest"


def report_id(candidate: int) -> str:
    return f"ingest-candidate-{candidate}"


def report_for(cand: dict[str, Any], snap: Snapshot, ceasefire: str, *, grade: tuple[str, int] = ("F", 6),
               incident_type: str | None = None) -> Report:
    """The report an accepted attack candidate becomes; AccordError (one line) for any other candidate."""
    from accord.monitor.ceasefire import ceasefire as load_ceasefire
    from accord.monitor.gazetteer import Gazetteer

    cid = cand["id"]
    if cand["kind"] != "event":
        raise AccordError(f"candidate {cid} is not an event but {_a(cand['kind'])} candidate: only an attack becomes a report")
    if cand["status"] != "accepted":
        raise AccordError(f"candidate {cid} is {cand['status']}, not accepted: `accord review accept {cid}` first")
    etype = cand.get("event_type")
    if etype not in ATTACKS:
        raise AccordError(f"candidate {cid} is {_a(str(etype))} event, not an attack (only {' or '.join(ATTACKS)})")
    if cand.get("mood"):
        raise AccordError(f"candidate {cid} is {_a(cand['mood'])} attack, not one reported as having happened")
    if report_id(cid) in snap.records:
        raise AccordError(f"candidate {cid} is already the report {report_id(cid)!r}")
    record = cand.get("record_id")
    if not record or not snap.has(record, Event):
        raise AccordError(f"candidate {cid}: its event {record!r} is no longer in case {snap.case_id!r}")
    event = snap.get(record, Event)
    doc = snap.get(cand["document"], Document)
    terms = load_ceasefire(snap, ceasefire).terms
    countries = {a.split("/")[0] for a in terms.area}
    country = next(iter(countries)) if len(countries) == 1 else None
    place = None
    if event.place and country:
        place = Gazetteer.load().find(event.place, country)
    days = (event.date.end - event.date.start).days
    side = {p.role: p.actor for p in reversed(event.participants)}
    reliability, credibility = grade
    return Report(
        id=report_id(cid), source=doc.outlet or doc.url or doc.id, source_kind="outlet", dataset=DATASET,
        source_id=str(cid), reliability=reliability, credibility=credibility,
        event_time=dt.datetime.combine(event.date.start, dt.time()),
        time_precision="day" if days == 0 else "week" if days < 7 else "month", time_zone=terms.time_zone,
        place=(place.model_dump() if place else {"name": event.place, "country": country}),
        type=incident_type or ATTACKS[etype], perpetrator=side.get("source"), target=side.get("target"),
        cite=[Citation(document=doc.id, start=cand["start"], end=cand["end"])],
        note=f"from ingest candidate {cid} (event {event.id}, {etype})",
    )


def make_report(store: Any, case_id: str, cid: int, ceasefire: str, by: str, *, grade: tuple[str, int] = ("F", 6),
                incident_type: str | None = None) -> Report:
    """Write the report of an accepted attack candidate, checked as any write is."""
    from accord.ingest import queue_read
    from accord.store import writes

    seen = writes.read(store, case_id)
    cand = queue_read.one(store, case_id, cid)
    if cand is None:
        raise NotFound(f"no candidate {cid} in case {case_id!r}")
    rec = report_for(cand, seen.snapshot, ceasefire, grade=grade, incident_type=incident_type)
    writes.write(store, seen, rec, by, operation="monitor report-from-candidate", note=f"ingest candidate {cid}")
    return rec


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
