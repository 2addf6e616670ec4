"""What every import shares: the file as a cited source document, actor names resolved against the case,
errors collected one line each (file, place, field), and the one write of everything an import makes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import BundleError, BundleErrors
from accord.record.model import Actor, Citation, Document, Record
from accord.record.snapshot import Snapshot


class FormatErrors(BundleErrors):
    """Every bad place of one imported file; nothing was written."""

    def summary(self) -> str:
        shown = f" (the first {len(self.errors)} listed)" if self.total > len(self.errors) else ""
        return f"{self.total} error{'s' if self.total != 1 else ''} in {self.file}{shown}; nothing was written"


@dataclass
class Problems:
    """Collects one error per bad place; ``raise_any`` raises them all at once (nothing is written)."""

    file: str
    errors: list[BundleError] = field(default_factory=list)

    def add(self, message: str, *, line: int | None = None, field: str | None = None, id: str | None = None) -> None:
        self.errors.append(BundleError(self.file, message, line=line, field=field, id=id))

    def raise_any(self) -> None:
        if self.errors:
            raise FormatErrors(self.errors[:50], total=len(self.errors))


def slug(text: str) -> str:
    """An id made from a name: lower case, runs of anything else as one dash."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:120] or "x"


def source_document(path: Path, kind: str, title: str, *, outlet: str | None = None, url: str | None = None,
                    published: Any = None) -> Document:
    """The imported file as a document of the case: what every imported record cites. Its id comes from
    the format and the file's name, so importing the file again updates one document; the SHA-256 of
    the file's bytes tells a changed copy apart."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Document(id=f"{kind}-{slug(path.name)}", title=title, outlet=outlet, url=url, published=published,
                    sha256=digest, note=f"imported from {path.name}")


def cite(doc: Document, where: str) -> Citation:
    return Citation(document=doc.id, note=f"{doc.note}, {where}")


class ActorNames:
    """A case's actors by id, name and alias (case-insensitive); actors an import adds join in."""

    def __init__(self, snap: Snapshot):
        self.index: dict[str, str] = {}
        for a in snap.all(Actor):
            for n in a.names():
                self.index.setdefault(n.strip().lower(), a.id)
        for a in snap.all(Actor):
            self.index[a.id] = a.id  # an id wins over another actor's alias

    def find(self, *names: str) -> str | None:
        for n in names:
            found = self.index.get(n.strip().lower())
            if found is not None:
                return found
        return None

    def add(self, actor: Actor) -> None:
        for n in actor.names():
            self.index.setdefault(n.strip().lower(), actor.id)
        self.index[actor.id] = actor.id


def merged_cite(old: list[Citation], new: Citation) -> list[Citation]:
    """The old citations with the new one, once (a re-import cites nothing twice)."""
    return old if new in old else [*old, new]


@dataclass
class Imported:
    """What an import makes: the records to write (the source document first) and counts to show."""

    file: str
    records: list[Record]
    counts: dict[str, int] = field(default_factory=dict)


def write_import(store: Any, case_id: str, imported: Imported, by: str, operation: str,
                 dry_run: bool = False) -> dict[str, Any]:
    """Check every record against the case as any write is (references resolve, positions on their
    scale), then write them all in one audited transaction; an AccordError and nothing written if any
    check fails. Returns the write's summary (created, updated, unchanged)."""
    from accord.record.bundle import check_records
    from accord.store import writes

    seen = writes.read(store, case_id)
    records = {**seen.snapshot.records, **{r.id: r for r in imported.records}}
    check_records(list(records.values()), before=list(seen.snapshot.records.values()))
    result: dict[str, Any] = {"file": imported.file, "case": case_id, "dry_run": dry_run, **imported.counts}
    if dry_run:
        return {**result, "created": [], "updated": [], "unchanged": 0}
    with store.unit_of_work(case_id, by, operation=operation, note=f"from {Path(imported.file).name}") as uow:
        for rec in imported.records:
            writes.put(uow, seen, rec)
        summary = uow.summary
    return {**result, "created": list(summary.created), "updated": list(summary.updated),
            "unchanged": summary.unchanged}
