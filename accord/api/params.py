"""Query parameters as the API reads them: dates, moments, pagination; a bad one is a 400 naming it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.errors import AccordError


def day(value: str | None, name: str = "date") -> dt.date | None:
    from accord.record.dates import parse_day

    if value is None or value == "":
        return None
    try:
        return parse_day(value)
    except (ValueError, OverflowError) as e:
        raise AccordError(f"{name}: {e}") from None


def moment(value: str | None, name: str = "as_known_on") -> dt.datetime | None:
    """An ISO 8601 moment, in UTC unless it says otherwise; a day alone is the end of that day (UTC)."""
    if value is None or value == "":
        return None
    try:
        if len(value) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time.max)
        ts = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if ts.tzinfo is not None:
            ts = ts.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return ts
    except (ValueError, OverflowError):
        raise AccordError(f"{name}: malformed timestamp {value!r} (expected ISO 8601, e.g. 2026-01-31T12:00:00Z)") from None


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset : offset + limit]}


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an If-None-Match header names this ETag (weak or strong, in a list, or ``*``)."""
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return tag in tags or "*" in tags
