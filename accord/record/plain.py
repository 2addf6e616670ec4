"""Records read from the store as plain objects: the model's fields, values and behaviour without pydantic.

A read command pays, before it decodes anything, for pydantic's import, the machinery of the model's 37
classes and a validator per class it decodes: ≈ 0.15 s of CPU, more than half of `accord actors list`
(docs/benchmarks.md, issue 13 item 3). A stored record was validated when it was written (``Store``
writes only records of the model, ``encode`` leaves their defaults out), so reading it back needs no
validation, only its defaults and its values' types: accord/record/shapes.json holds both, derived from
the model, and accord.record.behaviour the classes' methods and the fields a record derives from others. A plain record has the attributes of the
model's record of the same JSON, equal values of the same types, the same methods, ``record_kind``,
equality, ``str`` and ``repr`` (tests/record/test_plain.py, on every record of the built-in cases and on
generated bundles of every kind); it cannot be changed, and has no pydantic methods (``model_dump``…):
what needs those reads through the model (``Store.snapshot(..., plain=False)``).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from typing import Any

from accord.errors import AccordError


class Plain:
    """Base of the plain classes: fields in the model's order, read-only, compared as the model compares."""

    _fields: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a {type(self).__name__} read from the store does not change: edit it through the model")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]  # as the model's: records are not hashable

    def __repr_args(self) -> str:
        return ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__repr_args()})"

    def __str__(self) -> str:
        return " ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)


@functools.cache
def _classes() -> dict[str, type[Plain]]:
    """A plain class for every class of shapes.json, with the model class's name and behaviours."""
    from accord.record.behaviour import BEHAVIOURS
    from accord.record.shapes import load

    shapes = load()
    kind_of = {name: kind for kind, name in shapes["kinds"].items()}
    out = {}
    for name, fields in shapes["classes"].items():
        bases = tuple(BEHAVIOURS[b] for b in shapes["behaviours"][name]) + (Plain,)
        attrs: dict[str, Any] = {"_fields": tuple(f[4] for f in fields), "__module__": __name__}
        if name in kind_of:
            attrs["record_kind"] = kind_of[name]
        out[name] = type(name, bases, attrs)
    return out


def _converter(how: Any):
    """The function that makes the model's value of a JSON value (shapes.CONVERTS)."""
    if how is None:
        return None
    if how == "float":
        return float
    if how == "fuzzydate":
        from accord.record.dates import FuzzyDate

        return FuzzyDate.parse
    if how == "datetime":
        return _datetime
    if how[0] == "list":
        item = _converter(how[1])
        return lambda v: [item(x) for x in v]
    key, value = _converter(how[1]) or _same, _converter(how[2]) or _same
    return lambda v: {key(k): value(x) for k, x in v.items()}


def _same(value: Any) -> Any:
    return value


def _datetime(value: str) -> dt.datetime:
    """An ISO time as the model reads it (JSON holds pydantic's own ISO text), its offset as pydantic's
    own time zone class, so that the value's repr is the model's too."""
    out = dt.datetime.fromisoformat(value)
    if out.tzinfo is None:
        return out
    from pydantic_core import TzInfo  # the compiled core only (not pydantic): an aware time is a report's

    return out.replace(tzinfo=TzInfo(int(out.utcoffset().total_seconds())))  # type: ignore[union-attr]


@functools.cache
def _plan(name: str) -> tuple[type[Plain], tuple[tuple[str, str, Any, Any, Any], ...]]:
    """The class of ``name`` and, per field, (key, attribute, default, how a stored value is read,
    whether the default must be copied)."""
    from accord.record.shapes import REQUIRED, load

    shapes = load()
    plan = []
    for key, default, held, many, attr, convert in shapes["classes"][name]:
        if held is not None:
            read = functools.partial(_held, held, many)
            if default != REQUIRED:
                default = read(default)
        else:  # the default as the model holds it: pydantic does not validate defaults
            read = _converter(convert)
            default = shapes["defaults"].get(name, {}).get(key, default)
        plan.append((key, attr, default, read, isinstance(default, (list, dict, Plain))))
    return _classes()[name], tuple(plan)


def _held(name: str, many: str, value: Any) -> Any:
    if value is None:
        return None
    if many == "list":
        return [build(name, v) for v in value]
    if many == "dict":
        return {k: build(name, v) for k, v in value.items()}
    return build(name, value)


def build(name: str, raw: dict[str, Any]) -> Plain:
    """The plain ``name`` of a stored JSON object (a record's, or a model's it holds)."""
    from accord.record.shapes import REQUIRED

    cls, plan = _plan(name)
    derived = getattr(cls, "_derived", None)
    out = object.__new__(cls)
    values = out.__dict__
    for key, attr, default, read, fresh in plan:
        if key in raw:
            value = raw[key]
            if value is not None and read is not None:
                try:
                    value = read(value)
                except (TypeError, ValueError) as e:  # the model would refuse the stored value too
                    raise AccordError(f"a stored {name} has a bad {key!r} ({value!r}: {e})") from None
        elif default == REQUIRED:  # not stored: the model would refuse the record too
            raise AccordError(f"a stored {name} lacks its {key!r}: written by another version of accord")
        else:
            value = copy.deepcopy(default) if fresh else default  # each record its own list, as the model's
        values[attr] = value
    if derived is not None:
        derived(values)
    return out


def decode(kind: str, data: str) -> Plain:
    """The plain record of a stored record's JSON (``accord.store.store.decode`` without the model)."""
    from accord.record.shapes import load

    name = load()["kinds"].get(kind)
    if name is None:
        raise AccordError(f"a stored record of kind {kind!r}, unknown to this version of accord")
    return build(name, json.loads(data))


def dump(rec: Any, *, by_alias: bool = False, exclude_none: bool = False, exclude_defaults: bool = False) -> dict[str, Any]:
    """``rec.model_dump(mode="json", ...)`` of a model's record, or of a plain one without pydantic: what a
    view shows of a record (or of a model it holds), alike from both forms, key order included."""
    if not isinstance(rec, Plain):
        return rec.model_dump(mode="json", by_alias=by_alias, exclude_none=exclude_none, exclude_defaults=exclude_defaults)
    return _dump(rec, (by_alias, exclude_none, exclude_defaults))


def _dump(rec: Plain, flags: tuple[bool, bool, bool]) -> dict[str, Any]:
    by_alias, exclude_none, exclude_defaults = flags
    values = rec.__dict__
    out = {}
    for key, attr, has_default, default, to_json in _dump_plan(type(rec).__name__):
        value = values[attr]
        if (exclude_none and value is None) or (exclude_defaults and has_default and value == default):
            continue
        out[key if by_alias else attr] = None if value is None else to_json(value, flags)
    return out


@functools.cache
def _dump_plan(name: str) -> tuple[tuple[str, str, bool, Any, Any], ...]:
    """Per field of ``name``: (key, attribute, whether it has a default, the default as the model holds it,
    how its value becomes JSON, given the dump's flags)."""
    from accord.record.shapes import REQUIRED, load

    _, read = _plan(name)
    out = []
    for (key, stored_default, held, many, attr, convert), (*_, default, _, _) in zip(load()["classes"][name], read):
        if held is not None:
            to_json = _held_json(many)
        else:
            plain_json = _to_json(convert)
            to_json = lambda v, _flags, f=plain_json: f(v)  # noqa: E731
        out.append((key, attr, stored_default != REQUIRED, default, to_json))
    return tuple(out)


def _held_json(many: str):
    if many == "list":
        return lambda v, flags: [_dump(x, flags) for x in v]
    if many == "dict":
        return lambda v, flags: {k: _dump(x, flags) for k, x in v.items()}
    return _dump


def _to_json(how: Any):
    """The function that makes JSON of the model's value (the inverse of ``_converter``): a copy, as a dump is."""
    if how is None:
        return _copy
    if how == "float":
        return float  # pydantic writes a float field's int (a default, a derived scale) as a float
    if how == "fuzzydate":
        return str
    if how == "datetime":
        return _iso
    if how[0] == "list":
        item = _to_json(how[1])
        return lambda v: [item(x) for x in v]
    key = str if how[1] is not None else _same  # a float key as pydantic writes it: its repr
    value = _to_json(how[2])
    return lambda v: {key(k): value(x) for k, x in v.items()}


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(x) for x in value]
    if isinstance(value, dict):
        return {k: _copy(x) for k, x in value.items()}
    return value


def _iso(value: dt.datetime) -> str:
    """A time as pydantic writes it: ISO, UTC as 'Z'."""
    text = value.isoformat()
    return text[:-6] + "Z" if value.tzinfo is not None and text.endswith("+00:00") else text
