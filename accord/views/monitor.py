"""What the monitor commands (and an API) show: incidents, violations, compliance, merges, the daily
report and the briefing's ceasefire section. Each a function of a snapshot, returning JSON-ready data.

A snapshot of the model's records (the API's) or of plain ones (accord.record.plain: the CLI's) alike;
NumPy is imported by the violation rule and the counts over many incidents (accord.monitor.columns.VECTORISED),
not by the reads that list incidents, merges or a ceasefire's terms, nor by the rule over a few."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError
from accord.monitor.ceasefire import Ceasefire, ceasefire, excluded
from accord.monitor.incidents import Incident, incidents

if TYPE_CHECKING:
    from accord.monitor.violations import Judgement
    from accord.record.model import Report
    from accord.record.snapshot import Snapshot


def all_incidents(snap: Snapshot) -> list[Incident]:
    return incidents(snap.all("report"), snap.all("merge"))


def _in_period(items: list[Incident], tz: str, first: dt.date | None, last: dt.date | None) -> list[Incident]:
    if not items or (first is None and last is None):
        return items
    from accord.monitor.columns import VECTORISED, day_code, local_days

    lo = [i.lo for i in items]
    if len(items) >= VECTORISED:
        import numpy as np

        lo = np.array(lo, np.int64)
    days = local_days(lo, tz)
    d0 = day_code(first) if first is not None else None
    d1 = day_code(last) if last is not None else None
    return [i for i, d in zip(items, days) if (d0 is None or d >= d0) and (d1 is None or d <= d1)]


def incident_rows(snap: Snapshot, first: dt.date | None = None, last: dt.date | None = None) -> dict[str, Any]:
    """Every incident (each in its own zone's days), with its sources."""
    rows = [i for i in all_incidents(snap) if (first is None or i.day >= first) and (last is None or i.day <= last)]
    return {"from": first.isoformat() if first else None, "to": last.isoformat() if last else None,
            "incidents": [i.to_json() for i in rows]}


def judge(snap: Snapshot, cf_id: str, first: dt.date | None, last: dt.date | None) -> tuple[Ceasefire, list[Incident], Judgement]:
    from accord.monitor.columns import from_incidents
    from accord.monitor.violations import Judgement

    cf = ceasefire(snap, cf_id)
    items = _in_period(all_incidents(snap), cf.time_zone, first, last)
    return cf, items, Judgement(snap, cf, from_incidents(items))


def violations(snap: Snapshot, cf_id: str, first: dt.date | None = None, last: dt.date | None = None) -> dict[str, Any]:
    """Every incident of the period, each with counts_as_violation (true, false, or null where it cannot
    be said: an unknown perpetrator, a time that spans the start), its rule, reason and sources."""
    cf, items, j = judge(snap, cf_id, first, last)
    rows = []
    for k, inc in enumerate(items):
        rows.append({**inc.to_json(), "counts_as_violation": j.verdict(k), "rule": j.rule(k), "reason": j.reason(k, inc)})
    verdicts = [r["counts_as_violation"] for r in rows]
    return {
        "ceasefire": cf.id, "from": first.isoformat() if first else None, "to": last.isoformat() if last else None,
        "counts": {"incidents": len(rows), "violations": verdicts.count(True), "not_violations": verdicts.count(False),
                   "unknown": verdicts.count(None)},
        "incidents": rows,
    }


def compliance(snap: Snapshot, cf_id: str, period: str, last: dt.date, first: dt.date | None = None) -> dict[str, Any]:
    from accord.monitor import compliance as comp

    cf = ceasefire(snap, cf_id)
    start = cf.terms.start.date()
    first = first or start
    if last < first:
        raise AccordError(f"ceasefire {cf_id!r}: --date {last} is before {first}: nothing to count yet")
    _, _, j = judge(snap, cf_id, first, last)
    return {"ceasefire": cf.id, "name": cf.name, **comp.compliance(j, period, first, last)}


def merges(snap: Snapshot, status: str | None = "proposed") -> list[dict[str, Any]]:
    reports = {r.id: r for r in snap.all("report")}
    out = []
    for m in snap.all("merge"):
        if status is not None and m.status != status:
            continue
        a, b = (reports.get(i) for i in m.reports)
        out.append({"id": m.id, "reports": m.reports, "score": m.score, "parts": m.parts, "status": m.status,
                    "decided_by": m.decided_by,
                    "summary": [_one_line(r) for r in (a, b) if r is not None]})
    return sorted(out, key=lambda m: (-m["score"], m["id"]))


def _one_line(r: Report) -> str:
    who = r.perpetrator or r.perpetrator_text or "unknown"
    return f"{r.id}: {r.event_time:%Y-%m-%d %H:%M} {r.place.name or r.place.admin1 or '?'} {r.type} by {who} ({r.source})"


def ceasefire_status(snap: Snapshot, cf_id: str, on: dt.date) -> dict[str, Any]:
    """The ceasefire on a day: its terms, who had accepted, who was excluded."""
    cf = ceasefire(snap, cf_id)
    accepted = [a for a in cf.parties if cf.accepted(a, on)]
    state = ("not yet in force" if on < cf.terms.start.date()
             else "ended" if cf.terms.end and on > cf.terms.end.date() else "in force")
    return {**cf.to_json(), "date": on.isoformat(), "state": state, "accepted": accepted,
            "excluded": excluded(snap, cf, on)}


def daily_report(snap: Snapshot, cf_id: str, day: dt.date) -> dict[str, Any]:
    """The day's report: the ceasefire's state, the day's counts against the day before, and the incidents."""
    status = ceasefire_status(snap, cf_id, day)
    first = max(day - dt.timedelta(days=1), ceasefire(snap, cf_id).terms.start.date())
    counts = compliance(snap, cf_id, "day", day, first) if day >= first else None
    today = violations(snap, cf_id, day, day)
    return {"ceasefire": status, "compliance": counts, "incidents": today["incidents"], "counts": today["counts"]}


def brief_section(snap: Snapshot, on: dt.date) -> list[dict[str, Any]] | None:
    """The briefing's ceasefires: each one's state on the day and, once it has begun, the last seven
    days' compliance."""
    out = []
    for proc in snap.all("process"):
        if proc.kind != "ceasefire" or getattr(proc, "ceasefire", None) is None:
            continue
        status = ceasefire_status(snap, proc.id, on)
        entry: dict[str, Any] = {"id": proc.id, "name": proc.name, "state": status["state"], "start": status["start"],
                                 "time_zone": status["time_zone"], "accepted": status["accepted"],
                                 "excluded": sorted(status["excluded"])}
        start = proc.ceasefire.start.date()
        if on >= start:
            entry["compliance"] = compliance(snap, proc.id, "day", on, max(start, on - dt.timedelta(days=6)))
        out.append(entry)
    return out or None
