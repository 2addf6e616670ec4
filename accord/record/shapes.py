"""The record classes' fields as plain data, for reading stored JSON without building the classes.

A record is stored as its JSON without its defaults (``accord.store.store.encode``). To show it as the
model does (``model_dump(mode="json", by_alias=True, exclude_none=True)``) a reader needs, per class, the
fields in order, each one's default as JSON, and which fields hold other models (citations among them).
That is all this module holds: ``shapes.json`` beside it, derived from accord.record.model by
``derive`` and read by ``load`` without importing pydantic (building the 37 classes was most of
`accord show`'s start-up: docs/benchmarks.md). tests/record/test_shapes.py keeps the file equal to the
model; after changing a class run ``python -m accord.record.shapes``.

Each class maps to a list of fields ``[key, default, model, many]``: the key as stored (its alias), the
default as JSON (the mark ``REQUIRED`` when there is none), the name of the class its value holds (or
None) and how: ``"one"``, ``"list"`` or ``"dict"`` of them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

PATH = Path(__file__).with_name("shapes.json")
#: the default of a field that has none (a stored record always holds it)
REQUIRED = "<required>"


@functools.cache
def load() -> dict[str, Any]:
    """``{"kinds": {record kind: class name}, "classes": {class name: [[key, default, model, many], ...]}}``"""
    return json.loads(PATH.read_text(encoding="utf-8"))


def derive() -> dict[str, Any]:
    """The shapes of every record class and every class they hold, from the model."""
    from accord.record.model import KINDS

    classes: dict[str, list[list[Any]]] = {}
    todo = list(KINDS.values())
    while todo:
        cls = todo.pop()
        if cls.__name__ in classes:
            continue
        classes[cls.__name__] = fields = []
        blank = cls.model_construct()  # every field at its default (required ones left unset)
        for name, info in cls.model_fields.items():
            held, many = _held(info.annotation, f"{cls.__name__}.{name}")
            if info.is_required():
                default: Any = REQUIRED
            else:
                default = blank.model_dump(mode="json", by_alias=True, include={name})[info.alias or name]
            fields.append([info.alias or name, default, held.__name__ if held else None, many])
            if held is not None:
                todo.append(held)
    return {"kinds": {kind: cls.__name__ for kind, cls in sorted(KINDS.items())}, "classes": dict(sorted(classes.items()))}


def _held(ann: Any, where: str) -> tuple[type | None, str | None]:
    """The model class a field's values are (or None) and how it holds them: one, a list or a dict of them.
    Any other place for a model (a union of models, a list of lists) is refused: the reader would not
    know how to fill it."""
    from pydantic import BaseModel

    def bare(t: Any) -> Any:
        while get_origin(t) is Annotated:
            t = get_args(t)[0]
        if get_origin(t) in (Union, UnionType):
            arms = [a for a in get_args(t) if a is not type(None)]
            if len(arms) == 1:
                return bare(arms[0])
        return t

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
    return f'{{\n "kinds": {dump(shapes["kinds"])},\n "classes": {{\n{classes}\n }}\n}}\n'


if __name__ == "__main__":
    PATH.write_text(text(), encoding="utf-8")
    print(f"wrote {PATH}")
