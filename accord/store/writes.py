"""Writing one record built from what the writer read: checked against the case as any write is,
and refused when its record changed after the read (no writer silently replaces another's change).

A writer reads (``read``), builds its record from that snapshot, then ``write``s it: the write
compares, in its own transaction, the record's current version with the version the writer read.
Two writers that read the same version of one record cannot both write it: the second is refused
with one line naming the version it would have overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accord.record.bundle import check_records
from accord.record.model import Citation, Record
from accord.record.snapshot import Snapshot


@dataclass
class Read:
    """The case as a writer saw it, and the version of each of its records then."""

    case_id: str
    snapshot: Snapshot
    versions: dict[str, int]

    def version_of(self, record_id: str) -> int:
        """0 for a record the writer did not see (a write then creates it, or is refused)."""
        return self.versions.get(record_id, 0)


def read(store: Any, case_id: str) -> Read:
    snapshot, versions = store.read_for_write(case_id)
    return Read(case_id, snapshot, versions)


def check(seen: Read, rec: Record) -> None:
    """The checks of any write: the bundle's cross-record checks over the case with this record in it
    (references resolve, a position lies on its issue's scale, …); AccordError for what it breaks."""
    before = list(seen.snapshot.records.values())
    check_records(list({**seen.snapshot.records, rec.id: rec}.values()), before=before)


def put(uow: Any, seen: Read, rec: Record, if_version: int | None = None) -> int:
    """Write rec in an open unit of work if it is still at the version read (or at ``if_version``)."""
    return uow.put(rec, expected_version=seen.version_of(rec.id) if if_version is None else if_version)


def write(store: Any, seen: Read, rec: Record, by: str, operation: str, cite: Iterable[Citation] | None = None,
          note: str | None = None, if_version: int | None = None) -> int:
    """Check rec, then write it in one audited transaction; StaleWrite if it changed since ``seen``."""
    check(seen, rec)
    with store.unit_of_work(seen.case_id, by, operation=operation, cite=cite, note=note) as uow:
        return put(uow, seen, rec, if_version)
