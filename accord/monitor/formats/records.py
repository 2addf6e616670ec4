"""The reports of an import, kept as columns: made into ``Report`` objects without validating each again
(``build`` has checked every constraint of the record first), and encoded for the store column by
column: each distinct value is serialised once, by pydantic's own serialiser, and a row's JSON is
its fields' pieces joined — the same text, byte for byte, as ``accord.store.store.encode`` gives of
the validated report (tests/monitor/test_columns_equivalence.py proves it on generated files).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from operator import itemgetter
from typing import Any

from pydantic_core import to_json

from accord.record.model import Casualties, Place, Report

#: the report's fields an import sets, in the model's order (the others keep their defaults)
FIELDS = (
    "id", "source", "source_kind", "dataset", "source_id", "reliability", "credibility", "reported_at", "event_time",
    "time_precision", "time_zone", "place", "type", "sub_type", "perpetrator", "perpetrator_text", "target",
    "target_text", "casualties", "summary", "synthetic",
)
PLACE = ("name", "country", "admin1", "admin2", "lat", "lon", "geo_precision")
CASUALTIES = ("low", "best", "high")


class Records:
    """The good rows' fields as columns (``place`` a tuple in PLACE's order, ``casualties`` (low, best,
    high))."""

    def __init__(self, columns: dict[str, list[Any]]):
        self.columns = columns

    @classmethod
    def of(cls, good: list[int], validated: dict[int, Report], **full: list[Any]) -> Records:
        """The rows at positions ``good`` of full-length columns (named as the report's fields, the place's
        as ``place_name``, ``country``, ... ``geo_precision``); a validated report's own values replace its
        row's (pydantic may have converted them)."""
        names = {"name": "place_name"}
        place = list(zip(*(full[names.get(f, f)] for f in PLACE)))
        n = len(place)
        if len(good) == n:  # every row good (the usual file): the columns as they are
            columns = {f: place if f == "place" else full[f] for f in FIELDS}
        else:
            take = itemgetter(*good) if len(good) > 1 else (lambda col: [col[i] for i in good])
            columns = {f: list(take(place if f == "place" else full[f])) for f in FIELDS}
        for k, i in enumerate(good):
            rep = validated.get(i)
            if rep is not None:
                for f in FIELDS:
                    columns[f][k] = getattr(rep, f)
                columns["place"][k] = tuple(getattr(rep.place, f) for f in PLACE)
                columns["casualties"][k] = tuple(getattr(rep.casualties, f) for f in CASUALTIES)
        return cls(columns)

    def __len__(self) -> int:
        return len(self.columns["id"])

    def reports(self) -> list[Report]:
        # every field given (the rest at their defaults, fresh lists each): model_construct then asks no
        # field for its default, which pydantic works out slowly for a default_factory (an inspect of
        # ``list`` per call); fields_set as validation would have left it
        out = []
        fields_set = set(FIELDS)
        for values in zip(*(self.columns[f] for f in FIELDS)):
            v = dict(zip(FIELDS, values))
            v["place"] = Place.model_construct(**dict(zip(PLACE, v["place"])))
            v["casualties"] = Casualties.model_construct(**dict(zip(CASUALTIES, v["casualties"])))
            out.append(Report.model_construct(fields_set, note=None, source_actor=None, claims=[], cite=[], **v))
        return out

    def encoded(self) -> list[tuple[str, str]]:
        """(id, the report's JSON as the store keeps it) for each report, in order."""
        template, values = self.template()
        return list(zip(self.columns["id"], map(template.__mod__, zip(*values))))

    def template(self) -> tuple[str, list[list[Any]]]:
        """The reports' JSON as one format string and its columns: row k's JSON is ``template % (the
        columns' k-th cells)``. A field every row gives as plain text or a plain number is a slot its
        value goes in as it is (``%s``, ``%r``, ``%d``); any other field a slot for its cells' pieces,
        written value by value (each distinct one once). The store keeps an import this way (a batch,
        accord.store.batches) and writes each row's JSON only when it is read."""
        cols = self.columns
        slots = [_slot(Report, f, cols[f]) for f in FIELDS]
        if not slots[0][0]:  # an id needing escapes (no real file): the fields' pieces joined
            pieces = [_pieces(f, cols[f]) for f in FIELDS]
            return "%s", [["{" + "".join(parts)[:-1] + "}" for parts in zip(*pieces)]]
        template, values = "{" + slots[0][0][1:], [cols["id"]]
        for f, (fmt, col) in zip(FIELDS[1:], slots[1:]):
            if f == "place" and cols["place"]:
                inner = [_slot(Place, g, list(c)) for g, c in zip(PLACE, zip(*cols["place"]))]
                if inner[0][0]:  # every place named: its fields are slots of the row's
                    template += ',"place":{' + inner[0][0][1:]
                    values.append(inner[0][1])
                    for g, (gfmt, gcol) in zip(PLACE[1:], inner[1:]):
                        template += gfmt or "%s"
                        values.append(gcol if gfmt else _leading(_values(Place, g, gcol)))
                    template += "}"
                    continue
            if fmt is None:
                template += "%s"
                values.append(_leading(_pieces(f, col)))
            elif fmt:
                template += fmt
                values.append(col)
        return template + "}", values


def _pieces(name: str, column: list[Any]) -> list[str]:
    """Each cell as ``"name":value,`` or "" where it equals the field's default (left out, as
    ``exclude_defaults`` does), each distinct value serialised once (a place, field by field)."""
    info = Report.model_fields[name]
    key = f'"{info.serialization_alias or info.alias or name}":'
    if name == "place":
        inner = [_values(Place, f, list(c)) for f, c in zip(PLACE, zip(*column))] if column else []
        return ["" if not body else key + "{" + body[:-1] + "}," for body in map("".join, zip(*inner))]
    if name == "casualties":
        done = {v: "" if v == (0, 0, 0) else key + Casualties.model_construct(
            **dict(zip(CASUALTIES, v))).model_dump_json(by_alias=True, exclude_defaults=True) + "," for v in set(column)}
        return [done[v] for v in column]
    return _values(Report, name, column)


def _values(model: Any, name: str, column: list[Any]) -> list[str]:
    """``"name":value,`` for each cell of one field of ``model``, "" for its default. Cells are told apart
    by more than equality where equal values are written differently: two equal instants in different
    zones; 0.0 and -0.0. (Every column holds one type, or None: str, int, bool, float or datetime.)"""
    info = model.model_fields[name]
    key = f'"{info.serialization_alias or info.alias or name}":'
    default = info.get_default(call_default_factory=True)
    types = set(map(type, column))
    types.discard(type(None))
    if types == {str}:
        return _texts(key, default, column)
    if types == {float}:
        return _floats(key, default, column)
    keyed = _KEYS.get(name)
    if keyed is _time and all(isinstance(v.tzinfo, dt.timezone) for v in set(column) if v is not None) \
            and len({v.utcoffset() for v in column if v is not None}) <= 1:
        keyed = None  # one fixed offset: equal instants are written alike
    if keyed is None and len(types) <= 1:
        # one type: equality tells the cells apart, so the distinct values are a set's
        done = {v: "" if v == default else key + to_json(v).decode() + "," for v in set(column)}
        return list(map(done.__getitem__, column))
    keys = column if keyed is None else [keyed(v) for v in column]
    done: dict[Any, str] = {}
    for k, v in zip(keys, column):
        if k not in done:
            done[k] = "" if v == default else key + to_json(v).decode() + ","
    return [done[k] for k in keys]


#: what a JSON string must escape (pydantic's serialiser escapes these and nothing else), and lone
#: surrogates (which it refuses): a text holding none is written as itself between quotes
_UNSAFE = re.compile('[\x00-\x1f"\\\\\ud800-\udfff]')


def _texts(key: str, default: Any, column: list[Any]) -> list[str]:
    """A text column: each cell written by template where it needs no escaping (most files: all of
    them, found by one search of the whole column), else by pydantic's serialiser; a column of few
    distinct texts through a table of them."""
    none = "" if default is None else key + "null,"

    def one(v: Any) -> str:
        if v is None:
            return none
        if v == default:
            return ""
        return key + (to_json(v).decode() if _UNSAFE.search(v) else '"' + v + '"') + ","

    distinct = set(column)
    if len(distinct) * 2 < len(column):
        done = {v: one(v) for v in distinct}
        return list(map(done.__getitem__, column))
    if default is not None or _UNSAFE.search("a".join(v for v in distinct if v is not None)):
        return list(map(one, column))
    return [none if v is None else f'{key}"{v}",' for v in column]


def _floats(key: str, default: Any, column: list[Any]) -> list[str]:
    """A float column: ``repr`` where it is the text pydantic writes (shortest round trip; both use plain
    decimals from 1e-4 up to 1e16, and differ outside it), else pydantic's serialiser (zeros, signs of
    zero, tiny or huge values, inf and nan)."""
    if column and None not in column and default not in column:
        sizes = list(map(abs, column))
        if not any(map(math.isnan, sizes)) and min(sizes) >= 1e-4 and max(sizes) < 1e16:
            return [f"{key}{v!r}," for v in column]
    out = []
    for v in column:
        if v is None:
            out.append("" if default is None else key + "null,")
        elif v == default:
            out.append("")
        elif 1e-4 <= abs(v) < 1e16:
            out.append(f"{key}{v!r},")
        else:
            out.append(key + to_json(v).decode() + ",")
    return out


def _slot(model: Any, name: str, column: list[Any]) -> tuple[str | None, list[Any]]:
    """How a field goes into the row's format string: ``(',"name":%s', column)`` where every cell is
    written as it is (a text needing no escapes; a float ``repr`` writes as pydantic does; an int),
    ``("", column)`` where every cell is the default (left out), ``(None, column)`` otherwise."""
    info = model.model_fields[name]
    key = f',"{info.serialization_alias or info.alias or name}":'
    if not column or name in ("place", "casualties"):
        return None, column
    default = info.get_default(call_default_factory=True)
    types = set(map(type, column))
    if (type(None) in types) if default is None else (default in column):
        return ("", column) if len(set(column)) == 1 and types == {type(default)} else (None, column)
    if types == {str} and not _UNSAFE.search("a".join(column)):
        return key + '"%s"', column
    if types == {float}:
        sizes = list(map(abs, column))
        if not any(map(math.isnan, sizes)) and min(sizes) >= 1e-4 and max(sizes) < 1e16:
            return key + "%r", column
    if types == {int}:
        return key + "%d", column
    return None, column


def _leading(pieces: list[str]) -> list[str]:
    """Pieces ``"name":value,`` made ``,"name":value`` (the format string's fields start with a comma)."""
    done = {p: "," + p[:-1] if p else "" for p in set(pieces)}
    return list(map(done.__getitem__, pieces))


def _time(v: Any) -> Any:
    return (v, v.utcoffset()) if v is not None else None


def _float(v: Any) -> Any:
    return (v, repr(v)) if v == 0 else v


#: how a column's values are told apart (event times are naive wall times: equal ones are written alike)
_KEYS = {"reported_at": _time, "lat": _float, "lon": _float}
