"""GeoJSON: a FeatureCollection of Point features (or features without geometry), one per incident,
with the incident's fields as properties. ``write`` makes one from incidents; ``read`` reads one back
(or anyone's with the same property names: ``id``, ``time``, ``time_precision``, ``time_zone``,
``type``, ``perpetrator``/``perpetrator_text``, ``target``/``target_text``, ``country``, ``admin1``...).
A ``perpetrator`` id must be an actor of the case; ``perpetrator_text`` is a name to resolve.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from accord.errors import AccordError
from accord.monitor.formats.rows import LABELS, Batch, Row, RowError, number, timestamp
from accord.record.plain import dump

#: the file's column for each of the common fields (for error messages)
COLUMNS_OF = {"event_time": "time", "latitude": "geometry", "longitude": "geometry", "fatalities": "casualties", "id": "id"}


def read(path: Path) -> Batch:
    """The features as one batch (read one at a time: a feature is a nested object, not a row of cells)."""
    return Batch.from_rows(_features(path))


def _features(path: Path) -> Iterator[Row | tuple[int, RowError]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise AccordError(f"{path}: cannot read ({e.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise AccordError(f"{path}: not JSON ({e})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise AccordError(f"{path}: not a GeoJSON FeatureCollection")
    for i, feature in enumerate(data["features"], start=1):
        try:
            yield _row(i, feature)
        except RowError as e:
            yield i, e


def _row(i: int, feature: Any) -> Row:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        raise RowError("properties", "a feature needs a properties object")
    p = feature["properties"]
    lat = lon = None
    geom = feature.get("geometry")
    if geom is not None:
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if not isinstance(geom, dict) or geom.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
            raise RowError("geometry", "expected a Point [longitude, latitude] or null")
        lon, lat = number(coords[0], "geometry"), number(coords[1], "geometry")
    cas = p.get("casualties") or {}
    if not isinstance(cas, dict):
        raise RowError("casualties", "expected {low, best, high}")
    best = number(cas.get("best"), "casualties", int, 0)
    text = lambda k: (str(p[k]).strip() or None) if p.get(k) is not None else None  # noqa: E731
    grade = text("grade")
    from accord.monitor import grading

    try:
        parsed_grade = grading.parse(grade) if grade else None
    except ValueError as e:
        raise RowError("grade", str(e)) from None
    return Row(
        number=i, source_id=text("source_id") or text("id"), event_time=timestamp(text("time"), "time"),
        time_precision=text("time_precision") or "day", time_zone=text("time_zone"),
        reported_at=timestamp(text("reported_at"), "reported_at"), type=text("type"), sub_type=text("sub_type"),
        perpetrator_id=text("perpetrator"), perpetrator=text("perpetrator_text"),
        target_id=text("target"), target=text("target_text"), place_name=text("place"), country=text("country"),
        admin1=text("admin1"), admin2=text("admin2"), lat=lat, lon=lon,
        geo_precision=number(p.get("geo_precision"), "geo_precision", int, 1),
        casualties=(number(cas.get("low"), "casualties", int, best), best, number(cas.get("high"), "casualties", int, best)),
        source=text("source"), summary=text("summary"), grade=parsed_grade, synthetic=bool(p.get("synthetic")),
    )


def write(incidents: list, verdicts: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A FeatureCollection of incidents (``accord.monitor.incidents.Incident``), with each one's verdict
    against a ceasefire when given (incident id -> {counts_as_violation, reason})."""
    features = []
    for inc in incidents:
        pl = inc.place
        props = {
            "id": inc.id, "time": inc.when.isoformat(), "time_precision": inc.time_precision, "time_zone": inc.time_zone,
            "type": inc.type, "sub_type": inc.sub_type, "type_label": LABELS[inc.type],
            "perpetrator": inc.perpetrator, "perpetrator_text": inc.perpetrator_text,
            "target": inc.target, "target_text": inc.target_text, "place": pl.name, "country": pl.country,
            "admin1": pl.admin1, "admin2": pl.admin2, "geo_precision": pl.geo_precision,
            "casualties": dump(inc.casualties), "status": inc.status, "grade": _best_grade(inc),
            "sources": inc.sources(), **((verdicts or {}).get(inc.id, {})),
            **({"synthetic": True} if all(r.synthetic for r in inc.reports) else {}),
        }
        geometry = {"type": "Point", "coordinates": [pl.lon, pl.lat]} if pl.lat is not None else None
        features.append({"type": "Feature", "geometry": geometry, "properties": {k: v for k, v in props.items() if v is not None}})
    return {"type": "FeatureCollection", "features": features}


def _best_grade(inc: Any) -> str:
    best = min(inc.reports, key=lambda r: (r.reliability, r.credibility))
    return f"{best.reliability}{best.credibility}"
