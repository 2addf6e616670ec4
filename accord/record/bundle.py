"""Case bundles: a folder of human-editable YAML files, one per kind of record.

    case.yaml          the case (a mapping, with ``format: 1``)
    documents.yaml     actors.yaml   relations.yaml   events.yaml   statements.yaml
    issues.yaml        positions.yaml   capabilities.yaml   decisions.yaml   lists.yaml   roadmaps.yaml

Every file but case.yaml is a YAML list of records; any may be absent. Reading validates everything
(syntax, fields, unique ids, references) before anything is written, and reports the first problem
as file:line, id, field. Writing is canonical: a bundle written, read and written again is
byte-identical.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from accord.errors import BundleError
from accord.record.model import (
    RECORD_TYPES, Case, Citation, Issue, Position, Record, Roadmap, references,
)

FORMAT_VERSION = 1
BUILTIN_CASES = Path(__file__).resolve().parent.parent / "cases"
FILES: dict[str, type[Record]] = {t.bundle_file: t for t in RECORD_TYPES}


@dataclass
class Bundle:
    case: Case
    records: list[Record]  # the case record first, then by file order

    @property
    def id(self) -> str:
        return self.case.id


# ---------------------------------------------------------------------------------------- reading


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans (only true/false, so a vote of ``no`` stays the string "no"), and dates left
    as text for FuzzyDate to read with its own precision and errors."""


_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in _DROPPED]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def builtin_cases() -> list[str]:
    return sorted(p.name for p in BUILTIN_CASES.iterdir() if (p / "case.yaml").is_file())


def resolve_bundle_path(path_or_name: str) -> Path:
    p = Path(path_or_name)
    if p.is_dir():
        return p
    builtin = BUILTIN_CASES / path_or_name
    if (builtin / "case.yaml").is_file():
        return builtin
    raise BundleError(path_or_name, f"no such bundle folder, and no built-in case of that name (built-in: {', '.join(builtin_cases())})")


def _parse(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise BundleError(str(path), f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise BundleError(str(path), f"invalid YAML: {e.problem or e.context}", line=line) from None
    except yaml.YAMLError as e:
        raise BundleError(str(path), f"invalid YAML: {e}") from None
    return data, node


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest node along a pydantic error location."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == str(key)), None)
            if nxt is None:
                break
            key_node = next(k for k, v in node.value if v is nxt)
            line, node = key_node.start_mark.line + 1, nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _validate(cls: type[Record], raw: Any, file: str, node: yaml.Node | None) -> Record:
    rid = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(raw, dict):
        raise BundleError(file, f"expected a mapping (a {cls.record_kind}), found {type(raw).__name__}", line=_line_of(node, ()))
    try:
        return cls.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        field = ".".join(str(x) for x in loc) or None
        msg = err["msg"].removeprefix("Value error, ")
        raise BundleError(file, msg, line=_line_of(node, loc), field=field, id=rid) from None


def read_bundle(path_or_name: str | Path) -> Bundle:
    """Read and fully validate a bundle. Raises BundleError naming file, line, field and id."""
    root = resolve_bundle_path(str(path_or_name))
    case_file = root / "case.yaml"
    if not case_file.is_file():
        raise BundleError(str(case_file), "missing: every bundle has a case.yaml")
    unknown = sorted(p.name for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in FILES)
    if unknown:
        raise BundleError(str(root / unknown[0]), f"unknown bundle file (known: {', '.join(FILES)})")

    data, node = _parse(case_file)
    if not isinstance(data, dict):
        raise BundleError(str(case_file), "expected a mapping with id, name and format")
    fmt = data.pop("format", None)
    if fmt != FORMAT_VERSION:
        raise BundleError(str(case_file), f"format {fmt!r} is not supported (this accord reads format {FORMAT_VERSION})",
                          line=_line_of(node, ("format",)), field="format")
    case = _validate(Case, data, str(case_file), node)

    records: list[Record] = [case]
    where: dict[str, tuple[str, int | None]] = {case.id: (str(case_file), 1)}
    for name, cls in FILES.items():
        file = root / name
        if cls is Case or not file.is_file():
            continue
        items, node = _parse(file)
        if items is None:
            continue
        if not isinstance(items, list):
            raise BundleError(str(file), f"expected a list of {cls.record_kind} records", line=1)
        for i, raw in enumerate(items):
            item_node = node.value[i] if isinstance(node, yaml.SequenceNode) else None
            rec = _validate(cls, raw, str(file), item_node)
            line = item_node.start_mark.line + 1 if item_node is not None else None
            if rec.id in where:
                first = where[rec.id]
                raise BundleError(str(file), f"duplicate id (first defined at {first[0]}:{first[1]})", line=line,
                                  field="id", id=rec.id)
            where[rec.id] = (str(file), line)
            records.append(rec)
    check_records(records, where)
    return Bundle(case, records)


def check_records(records: list[Record], where: dict[str, tuple[str, int | None]] | None = None) -> None:
    """Cross-record checks: references resolve to the right kind, positions lie on their issue's scale."""
    by_id = {r.id: r for r in records}
    where = where or {}

    def fail(rec: Record, field: str, message: str) -> None:
        file, line = where.get(rec.id, ("<records>", None))
        raise BundleError(file, message, line=line, field=field, id=rec.id)

    for rec in records:
        for path, ref, kinds in references(rec):
            target = by_id.get(ref)
            if target is None:
                fail(rec, path, f"unknown reference {ref!r}")
            elif kinds and target.record_kind not in kinds:
                fail(rec, path, f"{ref!r} is a {target.record_kind}, expected {' or '.join(kinds)}")
        if isinstance(rec, Roadmap):
            own = {m.id for m in rec.milestones}
            for i, m in enumerate(rec.milestones):
                anchor = m.deadline.after
                if anchor is not None and anchor not in own and anchor not in by_id:
                    fail(rec, f"milestones[{i}].deadline.after", f"unknown reference {anchor!r} (neither a milestone of this roadmap nor a record)")
        if isinstance(rec, Position):
            issue = by_id[rec.issue]
            assert isinstance(issue, Issue)
            if not issue.scale_min <= rec.value <= issue.scale_max:
                fail(rec, "value", f"{rec.value:g} lies outside the scale of {issue.id} ({issue.scale_min:g}..{issue.scale_max:g})")


# ---------------------------------------------------------------------------------------- writing

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


def to_bundle_dict(rec: Record) -> dict[str, Any]:
    data = rec.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["id"] = rec.id
    ordered = {"id": data.pop("id")}
    tail = {k: data.pop(k) for k in _LAST if k in data}
    ordered.update(data)
    ordered.update(tail)
    return _compact_cites(ordered)


class _Dumper(yaml.SafeDumper):
    pass


def _str_rep(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_rep)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def write_bundle(records: list[Record], folder: Path) -> list[Path]:
    """Write records as a canonical bundle; each file is replaced atomically."""
    cases = [r for r in records if isinstance(r, Case)]
    if len(cases) != 1:
        raise BundleError(str(folder), "a bundle holds exactly one case record")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    case_data = {**to_bundle_dict(cases[0]), "format": FORMAT_VERSION}
    written.append(_atomic_write(folder / Case.bundle_file, _dump(case_data)))
    for name, cls in FILES.items():
        if cls is Case:
            continue
        items = sorted((r for r in records if type(r) is cls), key=lambda r: r.id)
        target = folder / name
        if items:
            written.append(_atomic_write(target, _dump([to_bundle_dict(r) for r in items])))
        elif target.exists():
            target.unlink()
    return written


def _atomic_write(path: Path, text: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def bundle_schema() -> dict[str, Any]:
    """JSON Schema of every bundle file, derived from the model."""
    files: dict[str, Any] = {}
    for name, cls in FILES.items():
        schema = cls.model_json_schema(by_alias=True)
        if cls.id_from:
            schema["required"] = [f for f in schema.get("required", []) if f != "id"]
            schema["properties"]["id"]["description"] = "default: " + ".".join(cls.id_from)
        if cls is Case:
            schema["properties"]["format"] = {"const": FORMAT_VERSION}
            schema.setdefault("required", []).append("format")
            files[name] = schema
        else:
            defs = schema.pop("$defs", {})
            files[name] = {"type": "array", "items": schema, **({"$defs": defs} if defs else {})}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"accord case bundle, format {FORMAT_VERSION}",
        "files": files,
    }


__all__ = ["Bundle", "Citation", "bundle_schema", "builtin_cases", "check_records", "read_bundle", "write_bundle"]
