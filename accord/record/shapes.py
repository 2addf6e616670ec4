"""The record classes' fields as plain data, for reading stored JSON without building the classes.

A record is stored as its JSON without its defaults (``accord.store.store.encode``). To show it as the
model does (``model_dump(mode="json", by_alias=True, exclude_none=True)``) a reader needs, per class, the
fields in order, each one's default as JSON, and which fields hold other models (citations among them).
To build a plain record from it (accord.record.plain) a reader needs besides each field's attribute name,
how a JSON value becomes the model's value (a date, a float), and the behaviours of the class
(accord.record.behaviour). That is all this module holds: ``shapes.json`` beside it, derived from
accord.record.model by ``derive`` and read by ``load`` without importing pydantic (building the 37
classes was most of a read command's start-up: docs/benchmarks.md). tests/record/test_shapes.py keeps the
file equal to the model; after changing a class run ``python -m accord.record.shapes``.

Each class maps to a list of fields ``[key, default, model, many, name, convert]``: the key as stored (its
alias), the default as JSON (the mark ``REQUIRED`` when there is none), the name of the class its value
holds (or None) and how: ``"one"``, ``"list"`` or ``"dict"`` of them; the attribute's name; how a value
other than a model converts (``CONVERTS``), or None when JSON's value is the model's. A default the
model holds in another form than its JSON (an int default of a float field: pydantic does not convert
defaults) is under ``"defaults"``, as the model holds it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

PATH = Path(__file__).with_name("shapes.json")
#: the default of a field that has none (a stored record always holds it)
REQUIRED = "<required>"
#: how a JSON value becomes the model's: a float (JSON may write 3 for 3.0), a FuzzyDate or a datetime
#: from its text; ``["list", c]`` each item, ``["dict", k, v]`` each key and value (None: as is)
CONVERTS = ("float", "fuzzydate", "datetime")


@functools.cache
def load() -> dict[str, Any]:
    """``{"kinds": {record kind: class name}, "classes": {class name: [[key, default, model, many, name,
    convert], ...]}, "behaviours": {class name: [behaviour name, ...]}, "defaults": {...}, "files": {record
    kind: its bundle file, in a bundle's order}}``"""
    return json.loads(PATH.read_text(encoding="utf-8"))


def derive() -> dict[str, Any]:
    """The shapes of every record class and every class they hold, from the model."""
    from accord.record.behaviour import BEHAVIOURS
    from accord.record.model import KINDS, RECORD_TYPES

    classes: dict[str, list[list[Any]]] = {}
    behaviours: dict[str, list[str]] = {}
    held_defaults: dict[str, dict[str, Any]] = {}
    todo = list(KINDS.values())
    while todo:
        cls = todo.pop()
        if cls.__name__ in classes:
            continue
        classes[cls.__name__] = fields = []
        behaviours[cls.__name__] = [c.__name__ for c in cls.__mro__ if BEHAVIOURS.get(c.__name__) is c]
        blank = cls.model_construct()  # every field at its default (required ones left unset)
        for name, info in cls.model_fields.items():
            held, many = _held(info.annotation, f"{cls.__name__}.{name}")
            if info.is_required():
                default: Any = REQUIRED
            else:
                default = blank.model_dump(mode="json", by_alias=True, include={name})[info.alias or name]
            convert = None if held else _convert(info.annotation, f"{cls.__name__}.{name}")
            if default != REQUIRED and held is None:
                python = getattr(blank, name)
                if not _same_json(python, default):
                    if not _same_json(python, json.loads(json.dumps(python))):
                        raise TypeError(f"{cls.__name__}.{name}: a default of no JSON form ({python!r})")
                    held_defaults.setdefault(cls.__name__, {})[info.alias or name] = python
            fields.append([info.alias or name, default, held.__name__ if held else None, many, name, convert])
            if held is not None:
                todo.append(held)
    return {"kinds": {kind: cls.__name__ for kind, cls in sorted(KINDS.items())}, "classes": dict(sorted(classes.items())),
            "behaviours": dict(sorted(behaviours.items())), "defaults": dict(sorted(held_defaults.items())),
            "files": {cls.record_kind: cls.bundle_file for cls in RECORD_TYPES}}


def _same_json(a: Any, b: Any) -> bool:
    """Equal and of the same JSON types throughout (0 and 0.0 are not)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same_json(a[k], b[k]) for k in a)
    return a == b


def _bare(t: Any) -> Any:
    """A type without its Annotated metadata, and without None when it is optional."""
    while get_origin(t) is Annotated:
        t = get_args(t)[0]
    if get_origin(t) in (Union, UnionType):
        arms = [a for a in get_args(t) if a is not type(None)]
        if len(arms) == 1:
            return _bare(arms[0])
    return t


def _convert(ann: Any, where: str) -> Any:
    """How a stored JSON value of this type becomes the model's value (``CONVERTS``). A type the plain
    reader would not know how to rebuild (a union of two types, a tuple, a set, a date without its
    precision) is refused, so that a change to the model cannot make plain records differ silently."""
    import datetime as dt

    from accord.record.dates import FuzzyDate

    t = _bare(ann)
    if t is float:
        return "float"
    if t is FuzzyDate:
        return "fuzzydate"
    if t is dt.datetime:
        return "datetime"
    if t in (str, int, bool) or get_origin(t) is Literal:
        return None
    if get_origin(t) is list:
        inner = _convert(get_args(t)[0], where)
        return None if inner is None else ["list", inner]
    if get_origin(t) is dict:
        k, v = (_convert(a, where) for a in get_args(t))
        return None if k is None and v is None else ["dict", k, v]
    raise TypeError(f"{where}: values of type {ann!r}; accord.record.shapes converts {', '.join(CONVERTS)}, "
                    "lists and dicts of them, and JSON's own types")


def _held(ann: Any, where: str) -> tuple[type | None, str | None]:
    """The model class a field's values are (or None) and how it holds them: one, a list or a dict of them.
    Any other place for a model (a union of models, a list of lists) is refused: the reader would not
    know how to fill it."""
    from pydantic import BaseModel

    bare = _bare

    def is_model(t: Any) -> bool:
        return isinstance(t, type) and issubclass(t, BaseModel)

    def models_in(t: Any) -> bool:
        return is_model(t) or any(models_in(a) for a in get_args(t))

    ann = bare(ann)
    if is_model(ann):
        return ann, "one"
    origin, args = get_origin(ann), [bare(a) for a in get_args(ann)]
    if origin is list and is_model(args[0]):
        return args[0], "list"
    if origin is dict and is_model(args[1]) and not models_in(args[0]):
        return args[1], "dict"
    if models_in(ann):
        raise TypeError(f"{where}: a model held as {ann!r}; accord.record.shapes reads one, a list or a dict of them")
    return None, None


def text() -> str:
    """``derive`` as shapes.json holds it: a line a field."""
    shapes = derive()
    dump = functools.partial(json.dumps, ensure_ascii=False)
    classes = ",\n".join(
        f"  {dump(name)}: [\n" + ",\n".join(f"   {dump(field)}" for field in fields) + "\n  ]"
        for name, fields in shapes["classes"].items()
    )
    behaviours = ",\n".join(f"  {dump(name)}: {dump(names)}" for name, names in shapes["behaviours"].items())
    return (f'{{\n "kinds": {dump(shapes["kinds"])},\n "classes": {{\n{classes}\n }},\n'
            f' "behaviours": {{\n{behaviours}\n }},\n "defaults": {dump(shapes["defaults"])},\n'
            f' "files": {dump(shapes["files"])}\n}}\n')


if __name__ == "__main__":
    PATH.write_text(text(), encoding="utf-8")
    print(f"wrote {PATH}")
