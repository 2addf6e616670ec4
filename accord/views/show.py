"""A record as ``accord.views.record.show`` shows it, read from its stored JSON and the stored JSON of the
documents it cites, without the record model: `accord show` and the API's record page.

Building the record classes (pydantic's import and the 37 classes' machinery) was two thirds of
`accord show`'s CPU time. A record is stored validated and without its defaults (``Store`` writes only
records, ``encode`` leaves defaults out); what the model's dump adds back is each class's defaults, in
its fields' order, at every depth, which accord/record/shapes.json holds. tests/store/test_parts.py
checks on generated histories that the answer equals the model view's over a snapshot, key order
included, at every transaction time, on SQLite and PostgreSQL, and on every record of the built-in cases; tests/cli/test_imports.py that the command builds no record class.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

from accord.errors import AccordError
from accord.record.terms import DISPUTING


def dump(classes: dict[str, Any], name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The stored JSON of a ``name`` as the model dumps it: ``model_dump(mode="json", by_alias=True,
    exclude_none=True)``, each field in the class's order, defaults filled in, Nones left out."""
    from accord.record.shapes import REQUIRED

    out = {}
    for key, default, held, many, *_ in classes[name]:
        if key in raw:
            value = raw[key]
        elif default == REQUIRED:  # not stored: the model would refuse the record too
            raise AccordError(f"a stored {name} lacks its {key!r}: written by another version of accord")
        else:
            value = copy.deepcopy(default)  # the answer is the caller's to change
        if value is None:
            continue
        if held is not None:
            if many == "list":
                value = [dump(classes, held, v) for v in value]
            elif many == "dict":
                value = {k: dump(classes, held, v) for k, v in value.items()}
            else:
                value = dump(classes, held, value)
        out[key] = value
    return out


def _citations(classes: dict[str, Any], name: str, data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every citation inside a dumped record, in ``accord.record.model.citations``' order."""
    for key, _, held, many, *_ in classes[name]:
        if held is None or key not in data:
            continue
        value = data[key]
        for item in value if many == "list" else value.values() if many == "dict" else [value]:
            if held == "Citation":
                yield item
            else:
                yield from _citations(classes, held, item)


def _resolve(c: dict[str, Any], doc: dict[str, Any] | None) -> dict[str, Any]:
    """``accord.views.record.resolve_citation`` of a dumped citation and the stored JSON of the document
    it names (None when it names none or none of that kind)."""
    out = dict(c)
    if doc is not None:
        out.update(title=doc["title"], **{k: doc[k] for k in ("url", "outlet") if doc.get(k)})
        if doc.get("published") is not None:
            out["published"] = doc["published"]  # stored as str() of the date
        if doc.get("text") is not None and c.get("start") is not None:
            out["quote"] = doc["text"][c["start"] : c["end"]]
    return out


def show_record(store: Any, case_id: str, record_id: str, as_known_on: dt.datetime | None = None) -> dict[str, Any]:
    """``show`` of one record as known then, reading the record and the documents it cites only."""
    from accord.record.shapes import load
    from accord.store import parts

    found = parts.stored(store, case_id, [record_id], as_known_on)
    if not found:  # the model view says there is no such record, in its words
        from accord.record.snapshot import Snapshot
        from accord.views.record import show

        return show(Snapshot([], case_id=case_id), record_id)
    shapes = load()
    kind, raw = found[0]
    name = shapes["kinds"].get(kind)
    if name is None:
        raise AccordError(f"record {record_id!r} is of kind {kind!r}, unknown to this version of accord")
    record = dump(shapes["classes"], name, raw)
    cited: list[dict[str, Any]] = []
    for c in _citations(shapes["classes"], name, record):
        if c not in cited:
            cited.append(c)
    wanted = {c["document"] for c in cited if c.get("document")}
    docs = {raw["id"]: raw for k, raw in [*found, *parts.stored(store, case_id, wanted - {record_id}, as_known_on)]
            if k == "document"}
    disputed_by = sorted({c["by"] for c in record.get("claims", []) if c["stance"] in DISPUTING})
    return {
        "kind": kind,
        "record": record,
        "citations": [_resolve(c, docs.get(c.get("document"))) for c in cited],
        **({"disputed_by": disputed_by} if disputed_by else {}),
    }
