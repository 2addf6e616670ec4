"""The record's user writes, as the CLI and the API both make them: set a position, edit a record.

Each reads the case, builds the new record from what it read, checks it against the case and writes
it in one audited transaction if its record is still at the version read (or at ``if_version``);
StaleWrite otherwise, nothing written.
"""

from __future__ import annotations

from typing import Any

from accord.errors import AccordError
from accord.record.dates import FuzzyDate
from accord.record.model import Citation, Position, Record


def record_error(e: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(e, ValidationError):
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        return f"field {field!r}: {err['msg'].removeprefix('Value error, ')}"
    return str(e)


def _write(store: Any, case_id: str, operation: str, by: str, cites: list[Citation], note: str | None,
           build: Any, if_version: int | None) -> tuple[Record, int]:
    from accord.store import writes

    if not cites:
        raise AccordError("every change needs evidence: give a citation (a URL, or DOC:START-END)")
    seen = writes.read(store, case_id)
    rec = build(seen.snapshot)
    return rec, writes.write(store, seen, rec, by, operation, cites, note, if_version)


def position_id(issue: str, actor: str, when: FuzzyDate) -> str:
    return Position.id_of({"issue": issue, "actor": actor, "date": str(when)})


def set_position(store: Any, case_id: str, issue: str, actor: str, value: float, *, by: str, cites: list[Citation],
                 when: FuzzyDate, salience: float | None = None, note: str | None = None, replace_cite: bool = False,
                 if_version: int | None = None) -> tuple[Record, int]:
    """Record where an actor stands on an issue from a date on. Re-setting a position of the same date
    keeps its citations (the new ones added, or only these with ``replace_cite``), its note (unless
    another is given), its uncertainty and threshold."""

    def build(snap: Any) -> Position:
        previous = {p.actor: p for p in snap.positions(issue, when.start)}.get(actor)
        sal = salience if salience is not None else (previous.salience if previous else None)
        if sal is None:
            raise AccordError(f"{actor} has no earlier position on {issue}: give a salience")
        fields: dict[str, Any] = {"issue": issue, "actor": actor, "value": value, "salience": sal, "date": when}
        same = snap.records.get(position_id(issue, actor, when))
        if isinstance(same, Position):
            kept = [] if replace_cite else same.cite
            fields.update(cite=kept + [c for c in cites if c not in kept], note=note if note is not None else same.note,
                          uncertainty=same.uncertainty, threshold=same.threshold, reported=same.reported)
        else:
            fields.update(cite=cites, note=note)
        try:
            return Position(**fields)
        except ValueError as e:
            raise AccordError(f"position {issue}/{actor}: {record_error(e)}") from None

    return _write(store, case_id, "position set", by, cites, note, build, if_version)


def edit_record(store: Any, case_id: str, record_id: str, assignments: list[tuple[list[str], Any]], *, by: str,
                cites: list[Citation], note: str | None = None, if_version: int | None = None) -> tuple[Record, int]:
    """Change fields of any record (``(path, value)`` pairs, a path a list of keys); the evidence is
    added to its citations."""

    def build(snap: Any) -> Any:
        rec = snap.get(record_id)
        data = rec.model_dump(mode="json", by_alias=True, exclude_none=True)
        for path, value in assignments:
            if not path or path[0] == "id":
                raise AccordError(f"{record_id}: the id of a record cannot be edited (export, rename, load)")
            target = data
            for key in path[:-1]:
                target = target.setdefault(key, {})
                if not isinstance(target, dict):
                    raise AccordError(f"{record_id}: field {'.'.join(path)} is not a nested mapping")
            target[path[-1]] = value
        if "cite" in data:
            data["cite"] = data["cite"] + [c.model_dump(exclude_none=True) for c in cites
                                           if c.model_dump(exclude_none=True) not in data["cite"]]
        try:
            return type(rec).model_validate(data)
        except ValueError as e:
            raise AccordError(f"{record_id}: {record_error(e)}") from None

    return _write(store, case_id, "edit", by, cites, note, build, if_version)
