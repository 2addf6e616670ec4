"""The reports of an import, kept as columns: made into ``Report`` objects without validating each again
(``build`` has checked every constraint of the record first), and encoded for the store column by
column: each distinct value is serialised once, by pydantic's own serialiser, and a row's JSON is
its fields' pieces joined — the same text, byte for byte, as ``accord.store.store.encode`` gives of
the validated report (tests/monitor/test_columns_equivalence.py proves it on generated files).
"""

from __future__ import annotations

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
        pieces = [_pieces(f, self.columns[f]) for f in FIELDS]
        # every piece ends in a comma; the id is never left out, so no row is empty
        return [(rid, "{" + "".join(parts)[:-1] + "}") for rid, parts in zip(self.columns["id"], zip(*pieces))]


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
    keyed = _KEYS.get(name)
    keys = column if keyed is None else [keyed(v) for v in column]
    done: dict[Any, str] = {}
    for k, v in zip(keys, column):
        if k not in done:
            done[k] = "" if v == default else key + to_json(v).decode() + ","
    return [done[k] for k in keys]


def _time(v: Any) -> Any:
    return (v, v.utcoffset()) if v is not None else None


def _float(v: Any) -> Any:
    return (v, repr(v)) if v == 0 else v


#: how a column's values are told apart (event times are naive wall times: equal ones are written alike)
_KEYS = {"reported_at": _time, "lat": _float, "lon": _float}
