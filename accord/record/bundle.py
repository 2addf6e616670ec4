"""Case bundles: a folder of human-editable YAML files, one per kind of record.

    case.yaml          the case (a mapping, with ``format: 1``)
    documents.yaml     actors.yaml   relations.yaml   processes.yaml   events.yaml   statements.yaml
    issues.yaml        positions.yaml   capabilities.yaml   decisions.yaml   lists.yaml   roadmaps.yaml

Every file but case.yaml is a YAML list of records; any may be absent. Reading validates everything
(syntax, fields, unique ids, references, citation spans, recorded votes) before anything is written,
and reports every problem (up to MAX_LISTED, all counted), each as file:line, id, field. Writing is canonical: a bundle written, read and written again is
byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic.json_schema import GenerateJsonSchema
from yaml.events import (
    MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent, StreamEndEvent,
)
from yaml.nodes import ScalarNode, SequenceNode

from accord.gcpause import gc_paused
from accord.errors import MAX_LISTED, AccordError, BundleError, BundleErrors
from accord.record import yamlread
from accord.record.bundlewrite import FORMAT_VERSION
from accord.record.builtin import BUILTIN_CASES, builtin_cases
from accord.record.model import (
    RECORD_TYPES, Case, Citation, Decision, Document, Issue, Position, Record, Roadmap, citations, references,
)

FILES: dict[str, type[Record]] = {t.bundle_file: t for t in RECORD_TYPES}
#: files a bundle folder may hold beside its records, for people: a README, say
NOTES = (".md", ".txt")


@dataclass
class Bundle:
    case: Case
    records: list[Record]  # the case record first, then by file order

    @property
    def id(self) -> str:
        return self.case.id


# ---------------------------------------------------------------------------------------- reading


MAX_DEPTH = yamlread.MAX_DEPTH
#: the bounded YAML reader every user YAML goes through (see yamlread)
_Loader = yamlread.Loader


def resolve_bundle_path(path_or_name: str) -> Path:
    p = Path(path_or_name)
    if p.is_dir():
        return p
    builtin = BUILTIN_CASES / path_or_name
    if (builtin / "case.yaml").is_file():
        return builtin
    raise BundleError(path_or_name, f"no such bundle folder, and no built-in case of that name (built-in: {', '.join(builtin_cases())})")


def _read(path: Path) -> bytes:
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BundleError(str(path), f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    return raw


def _yaml_error(path: Path, e: yaml.YAMLError) -> BundleError:
    line, column, problem = yamlread.where(e)
    return BundleError(str(path), f"invalid YAML: {problem}", line=line, column=column)


def _parse(path: Path) -> tuple[Any, yaml.Node | None]:
    """The whole document of a (small) file and its node."""
    loader = _Loader(_read(path))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as e:
        raise _yaml_error(path, e) from None
    finally:
        loader.dispose()
    return data, node


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SIMPLE = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float")}
_FLOAT = "tag:yaml.org,2002:float"


class _Unusual(Exception):
    """Something the quick reader leaves to PyYAML's composer and constructor: anchors and aliases,
    explicit tags, merge keys, collection keys, a top level that is not a plain list."""


def _quick_items(loader: _Loader, count: list[int]) -> Iterator[tuple[Any, int]]:
    """(item, line) for each item of a plain list, built straight from the parser's events, as
    PyYAML's safe loader would build it but without nodes. Raises _Unusual at the first construct it
    does not handle; ``count[0]`` then says how many items it yielded."""
    get, resolve, constructors = loader.get_event, loader.resolve, loader.yaml_constructors
    keys: dict[tuple[str, Any], Any] = {}

    # a plain scalar whose first character starts no implicit resolver is a string (Resolver.resolve)
    plain_str = None if None in loader.yaml_implicit_resolvers or loader.yaml_path_resolvers else \
        set(loader.yaml_implicit_resolvers)

    def scalar(ev: ScalarEvent) -> Any:
        if ev.anchor is not None:
            raise _Unusual
        tag, text = ev.tag, ev.value
        if tag is None or tag == "!":
            if plain_str is not None and ev.implicit[0] and text and text[0] not in plain_str:
                return text
            tag = resolve(ScalarNode, text, ev.implicit)
        if tag == _STR:
            return text
        if tag == _FLOAT and "_" not in text:
            try:
                return float(text)  # what construct_yaml_float makes of a plain decimal; else it decides
            except ValueError:
                pass
        if tag in _SIMPLE:
            try:
                return constructors[tag](loader, ScalarNode(tag, text, ev.start_mark, ev.end_mark, ev.style))
            except Exception:  # noqa: BLE001 - a value its tag cannot make: the composer's path says where and why
                raise _Unusual from None  # the composer's path says where and why
        raise _Unusual

    def value(ev: Any, depth: int = 1) -> Any:
        cls = type(ev)
        if cls is ScalarEvent:
            return scalar(ev)
        if ev.anchor is not None or depth >= MAX_DEPTH:
            raise _Unusual  # too deep: the composer's path refuses it, at its place
        if cls is MappingStartEvent and ev.tag in (None, "!", _MAP):
            out = {}
            while True:
                k = get()
                kc = type(k)
                if kc is MappingEndEvent:
                    return out
                if kc is not ScalarEvent:
                    raise _Unusual  # a collection as a key: SafeConstructor's to refuse
                cache = (k.value, k.implicit) if k.anchor is None and k.tag is None else None
                key = keys.get(cache) if cache else None
                if key is None:
                    key = scalar(k)
                    if cache and len(keys) < 1000:
                        keys[cache] = key
                out[key] = value(get(), depth + 1)
        if cls is SequenceStartEvent and ev.tag in (None, "!", _SEQ):
            seq = []
            while True:
                item = get()
                if type(item) is SequenceEndEvent:
                    return seq
                seq.append(value(item, depth + 1))
        raise _Unusual  # aliases, other tags

    get()  # stream start
    if loader.check_event(StreamEndEvent):
        return
    get()  # document start
    start = get()
    if type(start) is not SequenceStartEvent or start.anchor is not None or start.tag is not None:
        raise _Unusual
    while True:
        ev = get()
        if type(ev) is SequenceEndEvent:
            break
        line = ev.start_mark.line + 1
        item = value(ev)
        count[0] += 1
        yield item, line
    get()  # document end
    if not loader.check_event(StreamEndEvent):
        raise _Unusual  # a second document: the composer says so, with its line


def _node_items(path: Path, kind: str) -> Iterator[tuple[Any, yaml.Node]]:
    """(item, node) for each item of a file holding a list, composed one item at a time."""
    loader = _Loader(_read(path))
    try:
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return
        loader.get_event()  # document start
        start = loader.peek_event()
        items_node = None
        if isinstance(start, SequenceStartEvent) and start.anchor is None and start.tag is None:
            loader.get_event()
            while not loader.check_event(SequenceEndEvent):
                node = loader.compose_node(None, None)
                yield loader.construct_document(node), node
            loader.get_event()
        else:  # not a plain list: compose it whole, as any YAML loader would
            items_node = loader.compose_node(None, None)
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            event = loader.get_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", None, "but found another document", event.start_mark
            )
        if items_node is not None:
            items = loader.construct_document(items_node)
            if items is None:
                return
            if not isinstance(items, list):
                raise BundleError(str(path), f"expected a list of {kind} records", line=1)
            assert isinstance(items_node, SequenceNode)
            yield from zip(items, items_node.value)
    except yaml.YAMLError as e:
        raise _yaml_error(path, e) from None
    finally:
        loader.dispose()


def _items(path: Path, kind: str) -> Iterator[tuple[Any, int]]:
    """(item, line) for each item of a file holding a list; nothing for an empty file or a null
    document; BundleError for invalid YAML or anything but a list. The quick reader does the common
    case, PyYAML's composer the rest (from where the quick one stopped). For an item's node, to find
    the line of an error inside it, see ``_item_node``."""
    count = [0]
    loader = _Loader(_read(path))
    try:
        yield from _quick_items(loader, count)
        return
    except _Unusual:
        pass
    except yaml.YAMLError as e:
        raise _yaml_error(path, e) from None
    finally:
        loader.dispose()
    for i, (item, node) in enumerate(_node_items(path, kind)):
        if i >= count[0]:
            yield item, node.start_mark.line + 1


def _item_node(path: Path, kind: str, index: int, line: int, item: Any) -> yaml.Node | None:
    """The node of one item, to find the line of an error inside it. Composed from the item's own line
    on when it starts a block list item there (the lines before it left blank, so numbers hold) and
    comes out as the same data; else by composing the file from its start up to the item."""
    raw = path.read_bytes()
    offset = _line_offset(raw, line)
    if offset is not None:
        loader = _Loader(b"\n" * (line - 1) + raw[offset:])
        try:
            loader.get_event()  # stream start
            loader.get_event()  # document start
            start = loader.get_event()
            if isinstance(start, SequenceStartEvent) and not start.flow_style and start.start_mark.column == 0:
                node = loader.compose_node(None, None)
                if node.start_mark.line + 1 == line and loader.construct_document(node) == item:
                    return node
        except yaml.YAMLError:
            pass  # an alias to an earlier anchor, say
        finally:
            loader.dispose()
    for i, (_, node) in enumerate(_node_items(path, kind)):
        if i == index:
            return node
    return None


def _line_offset(text: bytes, line: int) -> int | None:
    """Where a line (from 1) starts in the text; None past the end."""
    need, pos, step = line - 1, 0, 1 << 20
    while need:
        n = text.count(b"\n", pos, pos + step)
        if n < need:
            if pos + step >= len(text):
                return None
            need, pos = need - n, pos + step
            continue
        for _ in range(need):
            pos = text.index(b"\n", pos) + 1
        need = 0
    return pos


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


def _validation_errors(cls: type[Record], raw: Any, file: str, node: yaml.Node | None) -> list[BundleError]:
    """Every problem pydantic finds in one item, each located on its line."""
    if not isinstance(raw, dict):
        return [BundleError(file, f"expected a mapping (a {cls.record_kind}), found {type(raw).__name__}",
                            line=_line_of(node, ()))]
    rid = cls.id_of(raw)
    try:
        cls.model_validate(raw)
    except ValidationError as e:
        out = []
        for err in e.errors():
            loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
            field = ".".join(str(x) for x in loc) or None
            msg = err["msg"].removeprefix("Value error, ")
            out.append(BundleError(file, msg, line=_line_of(node, loc), field=field, id=rid))
        return out
    except TypeError as e:  # an unhashable key, say
        return [BundleError(file, str(e), line=_line_of(node, ()), id=rid)]
    return []


class _Errors:
    """The errors found so far: all counted, the first MAX_LISTED by (file, line) kept."""

    def __init__(self) -> None:
        #: (error, whether its line is its record's: the field's own line is looked up for those listed)
        self.kept: list[tuple[BundleError, bool]] = []
        self.total = 0

    def add(self, e: BundleError, in_record: bool = False) -> None:
        self.total += 1
        self.kept.append((e, in_record))
        if len(self.kept) > 4 * MAX_LISTED:  # bounded memory however broken the bundle
            self._trim()

    def _trim(self) -> None:
        self.kept.sort(key=lambda k: (k[0].file, k[0].line or 0))
        del self.kept[MAX_LISTED:]

    def __bool__(self) -> bool:
        return self.total > 0

    def raise_if_any(self) -> None:
        if self.total:
            self._trim()
            for e, in_record in self.kept:
                if in_record:
                    e.line = _field_line(Path(e.file), e.line, e.field) or e.line
            listed = sorted((e for e, _ in self.kept), key=lambda e: (e.file, e.line or 0))
            raise BundleErrors(listed, self.total)


def _field_line(path: Path, line: int | None, field: str | None) -> int | None:
    """The line of a field (``votes.gamma``, ``cite[0]``) inside the record that starts on ``line``."""
    if not field or not line or not path.is_file():
        return None
    loc = tuple(int(x) if x.isdigit() else x for x in re.findall(r"[^.\[\]]+", field))
    raw = path.read_bytes()
    offset = _line_offset(raw, line)
    if offset is None:
        return None
    loader = _Loader(b"\n" * (line - 1) + raw[offset:])
    try:
        loader.get_event()  # stream start
        loader.get_event()  # document start
        if not isinstance(loader.get_event(), SequenceStartEvent):
            return None
        return _line_of(loader.compose_node(None, None), loc)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def read_bundle(path_or_name: str | Path) -> Bundle:
    """Read and fully validate a bundle. Raises BundleErrors listing every problem (up to MAX_LISTED,
    all counted), each naming file, line, id and field."""
    root = resolve_bundle_path(str(path_or_name))
    errors = _Errors()
    case_file = root / "case.yaml"
    if not case_file.is_file():
        raise BundleErrors([BundleError(str(case_file), "missing: every bundle has a case.yaml")])
    for p in sorted(root.iterdir()):
        if p.name not in FILES and not p.name.startswith(".") and p.suffix.lower() not in NOTES:
            errors.add(BundleError(str(p), f"unknown bundle file (known: {', '.join(FILES)}; "
                                           f"notes ({', '.join(NOTES)}) and hidden files are left alone)"))

    records: list[Record] = []
    where: dict[str, tuple[str, int | None]] = {}
    #: ids of records that failed to validate, and their kind: references to them are not errors too
    invalid: dict[str, str] = {}
    complete = True  # every file was read to its end: references can be checked
    case = _read_case(case_file, errors)
    if case is not None:
        records.append(case)
        where[case.id] = (str(case_file), 1)
    with gc_paused():
        for name, cls in FILES.items():
            file = root / name
            if cls is Case or not file.is_file():
                continue
            fname = str(file)
            try:
                for i, (raw, line) in enumerate(_items(file, cls.record_kind)):
                    try:
                        rec = cls.model_validate(raw)
                    except (ValidationError, TypeError):
                        # find where: compose the file again, up to this item, with its nodes
                        node = _item_node(file, cls.record_kind, i, line, raw)
                        for e in _validation_errors(cls, raw, fname, node):
                            errors.add(e)
                        rid = cls.id_of(raw) if isinstance(raw, dict) else None
                        if rid is not None:
                            invalid.setdefault(rid, cls.record_kind)
                        continue
                    if rec.id in where:
                        first = where[rec.id]
                        errors.add(BundleError(fname, f"duplicate id (first defined at {first[0]}:{first[1]})",
                                               line=line, field="id", id=rec.id))
                        continue
                    where[rec.id] = (fname, line)
                    records.append(rec)
            except BundleError as e:  # the file cannot be read on (YAML syntax, not a list)
                errors.add(e)
                complete = False
        if complete and case is not None:
            for e in record_errors(records, where, invalid):
                errors.add(e, in_record=True)
    errors.raise_if_any()
    assert case is not None
    return Bundle(case, records)


def _read_case(case_file: Path, errors: _Errors) -> Case | None:
    try:
        data, node = _parse(case_file)
    except BundleError as e:
        errors.add(e)
        return None
    if not isinstance(data, dict):
        errors.add(BundleError(str(case_file), "expected a mapping with id, name and format"))
        return None
    fmt = data.pop("format", None)
    if fmt != FORMAT_VERSION:
        errors.add(BundleError(str(case_file), f"format {fmt!r} is not supported (this accord reads format {FORMAT_VERSION})",
                               line=_line_of(node, ("format",)), field="format"))
        return None
    try:
        return Case.model_validate(data)
    except ValidationError:
        for e in _validation_errors(Case, data, str(case_file), node):
            errors.add(e)
        return None


def check_records(records: list[Record], before: list[Record] | None = None) -> None:
    """Cross-record checks (see ``record_errors``): raises a one-line AccordError naming the first
    problem's id and field. With ``before`` (the records as they were), only problems the change
    brings are raised: a write is refused for what it breaks, anywhere, not for what was already so."""
    known = {(e.id, e.field, e.message) for e in record_errors(before, {})} if before is not None else set()
    for e in record_errors(records, {}):
        if (e.id, e.field, e.message) not in known:
            raise AccordError(f"{e.id}: field {e.field!r}: {e.message}")


def record_errors(records: list[Record], where: dict[str, tuple[str, int | None]],
                  invalid: dict[str, str] | None = None) -> Iterator[BundleError]:
    """Cross-record checks: references resolve to the right kind, positions lie on their issue's scale,
    citation spans lie within their document's text, recorded votes agree with the body's membership
    and rule. ``invalid``: ids (and kinds) of records that failed on their own, not to be reported again."""
    by_id = {r.id: r for r in records}
    invalid = invalid or {}

    def error(rec: Record, field: str, message: str) -> BundleError:
        file, line = where.get(rec.id, ("<records>", None))
        return BundleError(file, message, line=line, field=field, id=rec.id)

    decisions: list[Decision] = []
    for rec in records:
        broken = False
        for path, ref, kinds in references(rec):
            target = by_id.get(ref)
            kind = target.record_kind if target is not None else invalid.get(ref)
            if kind is None:
                broken = True
                yield error(rec, path, f"unknown reference {ref!r}")
            elif kinds and kind not in kinds:
                broken = True
                yield error(rec, path, f"{ref!r} is a {kind}, expected {' or '.join(kinds)}")
            elif target is None:
                broken = True  # refers to a record that failed on its own: its checks cannot run
        # what a check needs may have failed on its own: then that check waits for the fix
        for path, c in citations(rec):
            doc = by_id.get(c.document) if c.end is not None and c.document is not None else None
            if isinstance(doc, Document) and doc.text is not None and c.end is not None and c.end > len(doc.text):
                yield error(rec, path, f"citation span {c.start}-{c.end} runs past the end of "
                                       f"{c.document}'s text ({len(doc.text)} characters)")
        if isinstance(rec, Roadmap):
            own = {m.id for m in rec.milestones}
            for i, m in enumerate(rec.milestones):
                anchor = m.deadline.after
                if anchor is not None and anchor not in own and anchor not in by_id and anchor not in invalid:
                    yield error(rec, f"milestones[{i}].deadline.after",
                                f"unknown reference {anchor!r} (neither a milestone of this roadmap nor a record)")
        elif isinstance(rec, Position):
            issue = by_id.get(rec.issue)
            if isinstance(issue, Issue) and not issue.scale_min <= rec.value <= issue.scale_max:
                yield error(rec, "value", f"{rec.value:g} lies outside the scale of {issue.id} "
                                          f"({issue.scale_min:g}..{issue.scale_max:g})")
        elif isinstance(rec, Decision) and (rec.votes or rec.tally is not None) and not broken:
            decisions.append(rec)
    # a membership that failed on its own would make members look like non-members
    if decisions and not {"actor", "relation"} & set(invalid.values()):
        from accord.record.snapshot import Snapshot
        from accord.rules.votes import recorded_vote_errors

        snap = Snapshot(records)
        for d in decisions:
            for field, message in recorded_vote_errors(snap, d):
                yield error(d, field, message)


class _Schema(GenerateJsonSchema):
    """Shows an empty list as the default of a field made fresh per record (``default_factory=list``, so
    that pydantic need not deep-copy a shared default on every record it builds)."""

    def get_default_value(self, schema: Any) -> Any:
        factory = schema.get("default_factory")
        return factory() if factory in (list, dict) else super().get_default_value(schema)


def bundle_schema() -> dict[str, Any]:
    """JSON Schema of every bundle file, derived from the model."""
    files: dict[str, Any] = {}
    for name, cls in FILES.items():
        schema = cls.model_json_schema(by_alias=True, schema_generator=_Schema)
        if cls.id_from or cls.id_default:
            schema["required"] = [f for f in schema.get("required", []) if f != "id"]
            derived = cls.id_default or ".".join(cls.id_from)
            schema["properties"]["id"]["description"] += f" When absent: {derived} (derived)."
        if cls is Case:
            schema["properties"]["format"] = {"const": FORMAT_VERSION, "description": "The bundle format's version."}
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


__all__ = ["Bundle", "Citation", "bundle_schema", "builtin_cases", "check_records", "read_bundle", "record_errors"]
