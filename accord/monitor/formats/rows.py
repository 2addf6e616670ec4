"""The common form every reader maps its rows to, as columns (``Batch``), and the scalar readers of a
cell (a number, a date) the readers apply once per distinct value. The checks that make reports of a
batch are in ``build``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError

if TYPE_CHECKING:
    from accord.monitor.gazetteer import Gazetteer
    from accord.monitor.names import Names

#: ACLED's six event types: accord's slug -> ACLED's label
LABELS = {
    "battles": "Battles", "explosions-remote-violence": "Explosions/Remote violence",
    "violence-against-civilians": "Violence against civilians", "protests": "Protests", "riots": "Riots",
    "strategic-developments": "Strategic developments",
}
TYPES = {label.lower(): slug for slug, label in LABELS.items()} | {slug: slug for slug in LABELS}


class RowError(AccordError):
    def __init__(self, field: str, message: str):
        self.field, self.message = field, message
        super().__init__(f"field {field!r}: {message}")


@dataclass
class Row:
    """One incoming row in the common form (text as read; ``build`` checks and converts it)."""

    number: int
    source_id: str | None = None
    event_time: dt.datetime | None = None
    time_precision: str = "day"
    time_zone: str | None = None
    reported_at: dt.datetime | None = None
    type: str | None = None
    sub_type: str | None = None
    perpetrator: str | None = None  # a name, resolved through the case's names
    perpetrator_id: str | None = None  # an id given as such (GeoJSON written by accord): must exist
    target: str | None = None
    target_id: str | None = None
    place_name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 1
    casualties: tuple[int, int, int] | None = None
    source: str | None = None
    source_kind: str = "other"
    summary: str | None = None
    grade: tuple[str, int] | None = None
    synthetic: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    path: str
    dataset: str
    names: Names
    gazetteer: Gazetteer
    grade: tuple[str, int] = ("F", 6)
    time_zone: str | None = None
    tolerance: dt.timedelta = dt.timedelta(days=1)
    #: the country of rows that give none
    country: str | None = None
    #: the file's own column for each common field, to name it in errors
    columns: dict[str, str] = field(default_factory=dict)


def number(value: str | None, fieldname: str, kind: type = float, default: Any = None) -> Any:
    if value is None or not str(value).strip():
        return default
    try:
        return kind(str(value).strip())
    except ValueError:
        raise RowError(fieldname, f"{value!r} is not a {'whole number' if kind is int else 'number'}") from None


def timestamp(value: str | None, fieldname: str) -> dt.datetime | None:
    """ISO 8601 date or date-time, or ACLED's '27 February 2016', or a Unix time."""
    text = (value or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,11}", text):
        return dt.datetime.fromtimestamp(int(text), dt.timezone.utc)
    for parse in (dt.datetime.fromisoformat, lambda s: dt.datetime.strptime(s, "%d %B %Y"),
                  lambda s: dt.datetime.strptime(s, "%m/%d/%Y %H:%M"), lambda s: dt.datetime.strptime(s, "%m/%d/%Y")):
        try:
            return parse(text.replace("Z", "+00:00"))
        except ValueError:
            continue
    raise RowError(fieldname, f"{text!r} is not a date (expected YYYY-MM-DD, an ISO date-time or '27 February 2016')")


_SLUG = re.compile(r"[a-z0-9._:](?:[a-z0-9._:-]*[a-z0-9._:])?")


def slug(text: str) -> str:
    low = text.lower()
    if _SLUG.fullmatch(low):  # already a slug (most ids): as the substitution below would leave it
        return low
    return re.sub(r"[^a-z0-9._:-]+", "-", low).strip("-") or "x"


def _span(d: dt.timedelta) -> str:
    hours = d.total_seconds() / 3600
    return f"{hours / 24:g} day(s)" if hours >= 24 else f"{hours:g} hour(s)"




#: the fields of the common form a reader fills (``Row``'s, less its line number)
FIELDS = tuple(f.name for f in fields(Row) if f.name not in ("number", "extra"))
_DEFAULTS = {f.name: f.default for f in fields(Row) if f.name in FIELDS}


@dataclass
class Batch:
    """Rows in the common form as columns: one list per ``Row`` field, all as long as ``lines`` (the
    line, or feature index, each row was read from). ``errors`` are the rows the reader refused, by
    position; their cells are placeholders that nothing reads."""

    lines: list[int]
    errors: dict[int, RowError]
    columns: dict[str, list[Any]]

    @classmethod
    def of(cls, lines: list[int], errors: dict[int, RowError], **columns: list[Any]) -> Batch:
        n = len(lines)
        unknown = set(columns) - set(FIELDS)
        if unknown:
            raise TypeError(f"not fields of the common form: {sorted(unknown)}")
        return cls(lines, errors, {f: columns[f] if f in columns else [_DEFAULTS[f]] * n for f in FIELDS})

    @classmethod
    def from_rows(cls, items: Iterable[Row | tuple[int, RowError]]) -> Batch:
        """A batch of rows read one at a time (GeoJSON features)."""
        lines: list[int] = []
        errors: dict[int, RowError] = {}
        columns: dict[str, list[Any]] = {f: [] for f in FIELDS}
        for item in items:
            if isinstance(item, tuple):
                errors[len(lines)] = item[1]
                lines.append(item[0])
                for f in FIELDS:
                    columns[f].append(_DEFAULTS[f])
                continue
            lines.append(item.number)
            for f in FIELDS:
                columns[f].append(getattr(item, f))
        return cls(lines, errors, columns)


def mapped(column: list[Any], convert: Callable[[Any], Any], errors: dict[int, RowError]) -> list[Any]:
    """``convert`` applied to each distinct value of a column once; a value it refuses (RowError) is the
    error of every row holding it that has none yet — so checks applied in a row reader's order give
    each row the first error that reader would have raised."""
    done: dict[Any, Any] = {}
    bad: dict[Any, RowError] = {}
    for v in set(column):
        try:
            done[v] = convert(v)
        except RowError as e:
            done[v], bad[v] = None, e
    if bad:
        for i, v in enumerate(column):
            if v in bad and i not in errors:
                errors[i] = bad[v]
    return [done[v] for v in column]


def stripped(column: list[str | None]) -> list[str | None]:
    """Each cell without surrounding blanks; a blank or absent one None."""
    return [(v or "").strip() or None for v in column]
