"""The checks that make reports of a batch of rows, column by column.

A bad row gives one error naming the file, the row (the CSV line, or the GeoJSON feature index) and
the field; the other rows go on. Checks, in this order (a row's error is the first it fails): an event
time; a country the gazetteer knows or an ISO alpha-3 code; a known time zone; an event no later than
its report (beyond ``tolerance``); a type among ACLED's six; both coordinates or neither, in range and
inside the row's country; a ``perpetrator``/``target`` id that exists in the case; casualties low <=
best <= high; then the record's own constraints; an id the file has not given already.

Why columns: a check is worked out once per distinct value (a file of 200,000 ACLED rows has a few
hundred dates, places and actor names), and the records are made without validating each one again
(``records``), since every constraint of a report has been checked here first. A row that breaks one
of the record's constraints is the one row built with validation, so its error is pydantic's own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from accord.monitor.formats.records import Records
from accord.monitor.formats.rows import LABELS, TYPES, Batch, Context, RowError, _span, slug
from accord.monitor.timing import zone
from accord.record.model import ID_PATTERN, Casualties, Place, Report

_ID = re.compile(ID_PATTERN)
_ISO = re.compile(r"^[A-Z]{3}$")
_PRECISIONS = ("exact", "day", "week", "month")
_SOURCE_KINDS = ("outlet", "monitor", "party", "other")


@dataclass
class Parsed:
    records: Records
    errors: list[str]
    unresolved: dict[str, int]
    rows: int

    @cached_property
    def reports(self) -> list[Report]:
        return self.records.reports()


def build(batch: Batch, ctx: Context) -> Parsed:
    c, lines, n = batch.columns, batch.lines, len(batch.lines)
    failed: dict[int, str] = {i: f"{ctx.path}: row {lines[i]}: {e}" for i, e in batch.errors.items()}

    def fail(i: int, err: RowError) -> None:
        failed[i] = f"{ctx.path}: row {lines[i]}: field {ctx.columns.get(err.field, err.field)!r}: {err.message}"

    def check(rows: list[int], verdict: Any) -> list[int]:
        """The rows that pass; each that fails gets its error. ``verdict(i)`` is None or a RowError."""
        verdicts = list(map(verdict, rows))  # the loop in C: most files have no bad row to look for
        if not any(verdicts):
            return rows
        out = []
        for i, err in zip(rows, verdicts):
            if err is None:
                out.append(i)
            else:
                fail(i, err)
        return out

    event_time = c["event_time"]
    alive = check([i for i in range(n) if i not in failed],
                  lambda i: RowError("event_time", "missing") if event_time[i] is None else None)

    # the country: the gazetteer's, or a well-formed code it does not hold
    countries: dict[str | None, Any] = {}

    def country_of(given: str | None) -> Any:
        country = ctx.gazetteer.country(given)
        iso = country.iso if country else (given.strip().upper() if given and re.fullmatch(r"[A-Za-z]{3}", given.strip()) else None)
        if given and iso is None:
            return RowError("country", f"{given!r} is neither an ISO 3166 alpha-3 code nor a country the gazetteer knows")
        return iso, country

    given = [v or ctx.country for v in c["country"]]
    for v in {given[i] for i in alive}:
        countries[v] = country_of(v)
    alive = check(alive, lambda i: countries[given[i]] if isinstance(countries[given[i]], RowError) else None)
    iso: list[Any] = [None] * n
    country: list[Any] = [None] * n
    for i in alive:
        iso[i], country[i] = countries[given[i]]

    # the time zone, and the event's wall time in it
    row_tz = c["time_zone"]
    zones: dict[tuple, str | RowError] = {}
    tz: list[Any] = [None] * n
    for i in alive:
        key = (row_tz[i], iso[i])
        if key not in zones:
            name = row_tz[i] or ctx.time_zone or (country[i].time_zone if country[i] else None) or "UTC"
            try:
                zone(name)
                zones[key] = name
            except Exception:
                zones[key] = RowError("time_zone", f"unknown time zone {name!r} (expected an IANA name such as Asia/Damascus)")
        tz[i] = zones[key]
    alive = check(alive, lambda i: tz[i] if isinstance(tz[i], RowError) else None)
    walls: dict[tuple, dt.datetime] = {}
    when: list[Any] = [None] * n
    for i in alive:
        t = event_time[i]
        if t.tzinfo is None:
            when[i] = t
        else:
            key = (t, t.utcoffset(), tz[i])
            if key not in walls:
                walls[key] = t.astimezone(zone(tz[i])).replace(tzinfo=None)
            when[i] = walls[key]

    # no event later than its report, beyond the tolerance
    precision, reported_at = c["time_precision"], c["reported_at"]
    reported: list[Any] = [None] * n
    earliest: dict[tuple, dt.datetime] = {}
    aware: dict[tuple, dt.datetime] = {}
    tolerance = ctx.tolerance

    def late(i: int) -> RowError | None:
        r = reported_at[i]
        if r is None:
            return None
        z = tz[i]
        if r.tzinfo is None:
            key = (r, z)
            r = aware.get(key) or aware.setdefault(key, r.replace(tzinfo=zone(z)))
        reported[i] = r
        w, p = when[i], precision[i]
        key = (w, p == "exact", z)
        first = earliest.get(key)
        if first is None:
            first = earliest[key] = w.replace(tzinfo=zone(z)) if p == "exact" else dt.datetime(w.year, w.month, w.day, tzinfo=zone(z))
        if first - r > tolerance:
            return RowError("event_time", f"the event ({w:%Y-%m-%d %H:%M} {z}) comes after its report ({r:%Y-%m-%d %H:%M %Z}) by more than the tolerance ({_span(tolerance)})")
        return None

    if len(alive) == n:  # every row: one verdict per distinct (report time, event time, precision, zone)
        # keyed by the objects' identities, not equality: equal instants in two zones are written apart;
        # each cell's object is one per distinct text (``mapped``), so the distinct keys are few
        verdicts: dict[tuple, Any] = {}
        rows_of: dict[tuple, int] = {}
        for i, key in enumerate(zip(map(id, reported_at), map(id, when), precision, tz)):
            if key not in rows_of:
                rows_of[key] = i
                verdicts[key] = late(i), reported[i]
            else:
                reported[i] = verdicts[key][1]
        if any(err for err, _ in verdicts.values()):
            alive = check(alive, late)
    else:
        alive = check(alive, late)

    # one of ACLED's six types
    given_type = c["type"]
    kinds = {v: TYPES.get((v or "").strip().lower()) for v in {given_type[i] for i in alive}}
    alive = check(alive, lambda i: None if kinds[given_type[i]] is not None else RowError(
        "type", f"{given_type[i]!r} is not one of ACLED's six event types ({', '.join(LABELS.values())})"))

    # coordinates: both or neither, in range, inside the country
    lat, lon = c["lat"], c["lon"]

    def where(i: int) -> RowError | None:
        a, o = lat[i], lon[i]
        if (a is None) != (o is None):
            return RowError("latitude" if a is None else "longitude", "coordinates need both latitude and longitude")
        if a is not None and not (-90 <= a <= 90 and -180 <= o <= 180):
            return RowError("latitude", f"({a}, {o}) are not coordinates")
        if a is not None and country[i] is not None and not country[i].contains(a, o):
            return RowError("latitude", f"({a}, {o}) lies outside {country[i].name}")
        return None

    if not _all_inside(alive, n, lat, lon, country):  # else: no row to refuse, by columns
        alive = check(alive, where)

    # admin1 as the gazetteer spells it; a place without coordinates located by its name
    admin1_in, place_name, geo_in = c["admin1"], c["place_name"], c["geo_precision"]
    admin1, lat_out, lon_out, geo = list(admin1_in), list(lat), list(lon), list(geo_in)
    spelled: dict[tuple, str] = {}
    found: dict[tuple, Any] = {}
    for i in alive:
        cn = country[i]
        if cn is None:
            continue
        a1 = admin1_in[i]
        if a1:
            key = (cn.iso, a1)
            if key not in spelled:
                spelled[key] = cn.admin1(a1) or a1.strip()
            admin1[i] = a1 = spelled[key]
        if lat[i] is None and place_name[i]:
            key = (cn.iso, place_name[i])
            if key not in found:
                found[key] = ctx.gazetteer.find(place_name[i], cn.iso)
            f = found[key]
            if f is not None:
                lat_out[i], lon_out[i], admin1[i], geo[i] = f.lat, f.lon, a1 or f.admin1, max(geo_in[i], 2)

    # perpetrator and target: an id must be the case's; a name resolves, or is listed as unresolved
    perp, targ = [None] * n, [None] * n
    alive = _actors(alive, c["perpetrator_id"], c["perpetrator"], "perpetrator", perp, ctx, check)
    alive = _actors(alive, c["target_id"], c["target"], "target", targ, ctx, check)

    casualties = c["casualties"]

    def ordered(i: int) -> RowError | None:
        low, best, high = casualties[i] or (0, 0, 0)
        return None if low <= best <= high else RowError("fatalities", f"low {low} <= best {best} <= high {high} does not hold")

    alive = check(alive, ordered)

    # the record's constraints, then the ids: a row's id is refused when a good row before it has it
    grade, source_id, source, source_kind = c["grade"], c["source_id"], c["source"], c["source_kind"]
    sub_type, perp_text, targ_text, admin2, summary, synthetic = (
        c["sub_type"], c["perpetrator"], c["target"], c["admin2"], c["summary"], c["synthetic"])
    rid: list[Any] = [None] * n
    rel: list[Any] = [None] * n
    cred: list[Any] = [None] * n
    sid: list[Any] = [None] * n
    prefix = f"{ctx.dataset}-"
    for i in alive:
        rel[i], cred[i] = grade[i] or ctx.grade
        sid[i] = source_id[i] or f"row{lines[i]}"
        rid[i] = prefix + slug(sid[i])
    suspect: set[int] = set()

    every = len(alive) == n  # every row still good (the usual file): whole columns, no index per row

    def cells(column: list[Any]) -> list[Any]:
        return column if every else [column[i] for i in alive]

    def unless(column: list[Any], ok: Any) -> None:
        """The rows whose value in ``column`` is not ``ok``, judged once per distinct value, are suspect."""
        values = cells(column)
        bad = {v for v in set(zip(map(type, values), values)) if not ok(v[1])}
        if bad:
            suspect.update(i for i in alive if (type(column[i]), column[i]) in bad)

    unless(precision, lambda v: v in _PRECISIONS)
    unless(source_kind, lambda v: v in _SOURCE_KINDS)
    unless(rel, lambda v: v in ("A", "B", "C", "D", "E", "F"))
    unless(cred, lambda v: type(v) is int and 1 <= v <= 6)
    unless(iso, lambda v: v is None or bool(_ISO.match(v)))
    unless(geo, lambda v: type(v) is int and 1 <= v <= 3)
    unless(casualties, lambda v: all(type(x) is int and x >= 0 for x in v or (0, 0, 0)))
    # a slug is made of an id's characters: the id is well formed when the dataset's name is
    good_prefix = bool(_ID.match(prefix + "x"))
    if not (good_prefix and max(map(len, cells(rid)), default=0) <= 200):
        suspect.update(i for i in alive if not (good_prefix and len(rid[i]) <= 200))
    suspect.update(i for i in alive if not (
        (lat_out[i] is None or (type(lat_out[i]) is float and -90 <= lat_out[i] <= 90))
        and (lon_out[i] is None or (type(lon_out[i]) is float and -180 <= lon_out[i] <= 180))))

    # a suspect row is built with validation: its error is pydantic's own (or it is good after all);
    # then the ids: a row's id is refused when a good row before it has it
    good: list[int] = []
    validated: dict[int, Report] = {}
    seen: set[str] = set()
    for i in alive:
        if i in suspect:
            a, o, cas = lat_out[i], lon_out[i], casualties[i] or (0, 0, 0)
            try:
                validated[i] = Report(
                    id=rid[i], source=source[i] or ctx.dataset, source_kind=source_kind[i], dataset=ctx.dataset,
                    source_id=sid[i], reliability=rel[i], credibility=cred[i], reported_at=reported[i],
                    event_time=when[i], time_precision=precision[i], time_zone=tz[i],
                    place=Place(name=place_name[i] or None, country=iso[i], admin1=admin1[i] or None,
                                admin2=admin2[i] or None, lat=a, lon=o, geo_precision=geo[i]),
                    type=kinds[given_type[i]], sub_type=sub_type[i] or None, perpetrator=perp[i],
                    perpetrator_text=perp_text[i] or None, target=targ[i], target_text=targ_text[i] or None,
                    casualties=Casualties(low=cas[0], best=cas[1], high=cas[2]), summary=summary[i] or None,
                    synthetic=synthetic[i],
                )
            except ValueError as err:  # a value the record refuses (pydantic): its first error
                first = str(err).splitlines()
                failed[i] = (f"{ctx.path}: row {lines[i]}: {first[1] if len(first) > 1 else first[0]}: "
                             f"{first[2].strip() if len(first) > 2 else ''}").rstrip(": ")
                continue
        if rid[i] in seen:
            fail(i, RowError("id", f"{source_id[i]!r} appears twice in the file"))
            continue
        seen.add(rid[i])
        good.append(i)

    text = lambda col: [v or None for v in col]  # noqa: E731  (a blank text is no text, as in the record)
    records = Records.of(
        good, validated, id=rid, source=[v or ctx.dataset for v in source], source_kind=source_kind,
        dataset=[ctx.dataset] * n, source_id=sid, reliability=rel, credibility=cred, reported_at=reported,
        event_time=when, time_precision=precision, time_zone=tz, place_name=text(place_name), country=iso,
        admin1=text(admin1), admin2=text(admin2), lat=lat_out, lon=lon_out, geo_precision=geo,
        type=[kinds.get(t) for t in given_type], sub_type=text(sub_type), perpetrator=perp,
        perpetrator_text=text(perp_text), target=targ, target_text=text(targ_text),
        casualties=[v or (0, 0, 0) for v in casualties], summary=text(summary), synthetic=synthetic,
    )
    return Parsed(records, [failed[i] for i in sorted(failed)], dict(ctx.names.unresolved), n)


def _actors(alive: list[int], ids: list[Any], names: list[Any], field: str, out: list[Any], ctx: Context,
            check: Any) -> list[int]:
    """Resolve one column of parties, each distinct name once (counted as often as rows give it)."""
    case_ids = ctx.names.case_ids
    if len(alive) == len(out) and not any(ids):  # every row good so far, none giving an id (CSV files): by column
        counts = Counter(filter(None, names))
        resolved = {name: ctx.names.resolve(name, times).actor for name, times in counts.items()}
        resolved[None] = resolved[""] = None
        out[:] = map(resolved.__getitem__, names)
        return alive
    alive = check(alive, lambda i: RowError(field, f"unknown party {ids[i]!r}: no actor with that id in the case")
                  if ids[i] and ids[i] not in case_ids else None)
    counts = Counter(names[i] for i in alive if not ids[i] and names[i])
    resolved = {name: ctx.names.resolve(name, times).actor for name, times in counts.items()}
    for i in alive:
        out[i] = ids[i] or (resolved[names[i]] if names[i] else None)
    return alive


def _all_inside(alive: list[int], n: int, lat: list[Any], lon: list[Any], country: list[Any]) -> bool:
    """True when every row is still good and has both coordinates, in range and inside its one country's
    box, shown with NumPy over the whole columns; False to say "look row by row" (``where``)."""
    if len(alive) != n or not n or None in lat or None in lon:
        return False
    first = country[0]
    if first is None or country.count(first) != n:  # identity first: one country object, one pass in C
        return False
    a, o = np.array(lat, dtype=float), np.array(lon, dtype=float)
    lat0, lat1, lon0, lon1 = first.bbox
    inside = (a >= max(lat0, -90)) & (a <= min(lat1, 90)) & (o >= max(lon0, -180)) & (o <= min(lon1, 180))
    return bool(inside.all())
