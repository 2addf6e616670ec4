"""Writing a case as a bundle: its records as the canonical YAML files (export, load, export is byte-identical).

Kept apart from the bundle reader (accord.record.bundle) and the model: it writes records of either form,
the model's or plain ones read from the store (accord.record.plain), so `accord case export` imports
neither pydantic nor the record model. Which file holds each kind, in the bundle's order, comes from
accord/record/shapes.json (``files``, derived from the model).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from accord.errors import AccordError, BundleError
from accord.record.plain import dump
from accord.record.shapes import load
from accord.record.yamlwrite import dump_yaml

FORMAT_VERSION = 1
_LAST = ("start", "end", "reported", "note", "cite")


def _compact_cites(value: Any) -> Any:
    """Write a citation as the short string form when it has nothing but a URL or a document span."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k == "cite" and isinstance(v, list):
                out[k] = [_compact_cite(c) for c in v]
            else:
                out[k] = _compact_cites(v)
        return out
    if isinstance(value, list):
        return [_compact_cites(v) for v in value]
    return value


def _compact_cite(c: dict[str, Any]) -> Any:
    if set(c) == {"url"}:
        return c["url"]
    if set(c) <= {"document", "start", "end"} and "document" in c:
        span = f":{c['start']}-{c['end']}" if "start" in c else ""
        return f"{c['document']}{span}"
    return c


def to_bundle_dict(rec: Any) -> dict[str, Any]:
    """A record (of the model or plain) as its bundle file holds it."""
    data = dump(rec, by_alias=True, exclude_defaults=True)
    data["id"] = rec.id
    ordered = {"id": data.pop("id")}
    tail = {k: data.pop(k) for k in _LAST if k in data}
    ordered.update(data)
    ordered.update(tail)
    return _compact_cites(ordered)


def write_bundle(records: list[Any], folder: Path) -> list[Path]:
    """Write records as a canonical bundle. Every file is written beside its target first and only then
    renamed into place, so a folder that cannot be made or a disk that fills up leaves the bundle as it
    was (a one-line AccordError naming the folder); each rename is atomic."""
    files = load()["files"]
    cases = [r for r in records if r.record_kind == "case"]
    if len(cases) != 1:
        raise BundleError(str(folder), "a bundle holds exactly one case record")
    texts: dict[Path, str] = {folder / files["case"]: dump_yaml({**to_bundle_dict(cases[0]), "format": FORMAT_VERSION})}
    stale: list[Path] = []
    for kind, name in files.items():
        if kind == "case":
            continue
        items = sorted((r for r in records if r.record_kind == kind), key=lambda r: r.id)
        if items:
            texts[folder / name] = dump_yaml([to_bundle_dict(r) for r in items])
        else:
            stale.append(folder / name)
    staged: list[tuple[str, Path]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target, text in texts.items():
            staged.append((_stage(target, text), target))
        for tmp, target in staged:
            os.replace(tmp, target)
        for target in stale:
            target.unlink(missing_ok=True)
    except OSError as e:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise AccordError(f"{e.filename or folder}: cannot write the bundle: {e.strerror or e}") from None
    return list(texts)


def _stage(path: Path, text: str) -> str:
    """A temporary file beside ``path`` holding ``text`` (removed if writing it fails)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, text: str) -> Path:
    """Replace one file atomically (a reader sees the old or the new text, never a part)."""
    tmp = _stage(path, text)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
