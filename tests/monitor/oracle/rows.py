"""The old per-row checks and report making (rows.build, rows.parse before the column path)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from accord.monitor.formats.rows import LABELS, TYPES, Context, Row, RowError, slug
from accord.monitor.timing import zone
from accord.record.model import Casualties, Place, Report


def build(row: Row, ctx: Context) -> Report:
    """A report from a row, or a RowError naming the first bad field."""
    if row.event_time is None:
        raise RowError("event_time", "missing")
    given = row.country or ctx.country
    country = ctx.gazetteer.country(given)
    iso = country.iso if country else (given.strip().upper() if given and re.fullmatch(r"[A-Za-z]{3}", given.strip()) else None)
    if given and iso is None:
        raise RowError("country", f"{given!r} is neither an ISO 3166 alpha-3 code nor a country the gazetteer knows")
    tz = row.time_zone or ctx.time_zone or (country.time_zone if country else None) or "UTC"
    try:
        zone(tz)
    except Exception:
        raise RowError("time_zone", f"unknown time zone {tz!r} (expected an IANA name such as Asia/Damascus)") from None
    when = row.event_time
    if when.tzinfo is not None:
        when = when.astimezone(zone(tz)).replace(tzinfo=None)
    reported = row.reported_at
    if reported is not None:
        if reported.tzinfo is None:
            reported = reported.replace(tzinfo=zone(tz))
        earliest = when.replace(tzinfo=zone(tz)) if row.time_precision == "exact" else dt.datetime(when.year, when.month, when.day, tzinfo=zone(tz))
        if earliest - reported > ctx.tolerance:
            raise RowError("event_time", f"the event ({when:%Y-%m-%d %H:%M} {tz}) comes after its report ({reported:%Y-%m-%d %H:%M %Z}) by more than the tolerance ({_span(ctx.tolerance)})")
    kind = TYPES.get((row.type or "").strip().lower())
    if kind is None:
        raise RowError("type", f"{row.type!r} is not one of ACLED's six event types ({', '.join(LABELS.values())})")
    lat, lon, admin1, geo = row.lat, row.lon, row.admin1, row.geo_precision
    if (lat is None) != (lon is None):
        raise RowError("latitude" if lat is None else "longitude", "coordinates need both latitude and longitude")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError("latitude", f"({lat}, {lon}) are not coordinates")
    if lat is not None and country is not None and not country.contains(lat, lon):
        raise RowError("latitude", f"({lat}, {lon}) lies outside {country.name}")
    if country is not None:
        if admin1:
            admin1 = country.admin1(admin1) or admin1.strip()
        if lat is None and row.place_name:
            found = ctx.gazetteer.find(row.place_name, country.iso)
            if found is not None:
                lat, lon, admin1, geo = found.lat, found.lon, admin1 or found.admin1, max(geo, 2)
    perp = _actor(row.perpetrator_id, row.perpetrator, "perpetrator", ctx)
    targ = _actor(row.target_id, row.target, "target", ctx)
    low, best, high = row.casualties or (0, 0, 0)
    if not low <= best <= high:
        raise RowError("fatalities", f"low {low} <= best {best} <= high {high} does not hold")
    reliability, credibility = row.grade or ctx.grade
    sid = row.source_id or f"row{row.number}"
    return Report(
        id=f"{ctx.dataset}-{slug(sid)}", source=row.source or ctx.dataset, source_kind=row.source_kind,
        dataset=ctx.dataset, source_id=sid, reliability=reliability, credibility=credibility,
        reported_at=reported, event_time=when, time_precision=row.time_precision, time_zone=tz,
        place=Place(name=row.place_name or None, country=iso, admin1=admin1 or None, admin2=row.admin2 or None,
                    lat=lat, lon=lon, geo_precision=geo),
        type=kind, sub_type=row.sub_type or None, perpetrator=perp, perpetrator_text=row.perpetrator or None,
        target=targ, target_text=row.target or None, casualties=Casualties(low=low, best=best, high=high),
        summary=row.summary or None, synthetic=row.synthetic,
    )


def _span(d: dt.timedelta) -> str:
    hours = d.total_seconds() / 3600
    return f"{hours / 24:g} day(s)" if hours >= 24 else f"{hours:g} hour(s)"


def _actor(given_id: str | None, name: str | None, fieldname: str, ctx: Context) -> str | None:
    if given_id:
        if given_id not in ctx.names.case_ids:
            raise RowError(fieldname, f"unknown party {given_id!r}: no actor with that id in the case")
        return given_id
    return ctx.names.resolve(name).actor if name else None


@dataclass
class Parsed:
    reports: list[Report]
    errors: list[str]
    unresolved: dict[str, int]
    rows: int


def parse(rows: Iterator[Row | tuple[int, RowError]], ctx: Context) -> Parsed:
    """Build every row; errors as 'FILE:row N: field F: message' lines, duplicates of an id refused."""
    reports, errors, seen, count = [], [], set(), 0
    for item in rows:
        count += 1
        if isinstance(item, tuple):
            number_, err = item
            errors.append(f"{ctx.path}: row {number_}: {err}")
            continue
        try:
            rep = build(item, ctx)
            if rep.id in seen:
                raise RowError("id", f"{item.source_id!r} appears twice in the file")
        except RowError as err:
            errors.append(f"{ctx.path}: row {item.number}: field {ctx.columns.get(err.field, err.field)!r}: {err.message}")
            continue
        except ValueError as err:  # a value the record refuses (pydantic)
            first = str(err).splitlines()
            errors.append(f"{ctx.path}: row {item.number}: {first[1] if len(first) > 1 else first[0]}: {first[2].strip() if len(first) > 2 else ''}".rstrip(": "))
            continue
        seen.add(rep.id)
        reports.append(rep)
    return Parsed(reports, errors, dict(ctx.names.unresolved), count)
