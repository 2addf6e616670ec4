"""What the record classes do beyond holding their fields, written once for both forms of a record: the
model's classes (accord.record.model: pydantic, validated, what writers build) and the plain records a
read builds from stored JSON without pydantic (accord.record.plain). Nothing here imports pydantic.

A behaviour's ``_derived(values)``, where it has one, sets the fields a record derives from its others
(the model's validator calls it, and so does the plain reader, which runs no validator).

Each model class lists its behaviour first among its bases (before pydantic's ``BaseModel``, whose own
``__str__`` would otherwise win); accord/record/shapes.json records which behaviours each class has, in
its method resolution order, so that the plain class of the same name has the same ones.
"""

from __future__ import annotations

import datetime as dt


class RecordBehaviour:
    @property
    def parent(self) -> str | None:
        """The record this one belongs to (positions to their issue), used to index the store."""
        return None

    def label(self) -> str:
        return getattr(self, "name", None) or self.id  # type: ignore[attr-defined]


class IntervalBehaviour:
    def in_force(self, on: dt.date | None) -> bool:
        """True when it held on that day; an open end holds. A fuzzy end holds through its last day."""
        if on is None:
            return True
        start, end = self.start, self.end  # type: ignore[attr-defined]
        if start is not None and on < start.start:
            return False
        if end is not None and on > end.end:
            return False
        return True


class CitationBehaviour:
    def __str__(self) -> str:
        if self.url:  # type: ignore[attr-defined]
            return self.url + (f" ({self.note})" if self.note else "")  # type: ignore[attr-defined]
        span = f":{self.start}-{self.end}" if self.start is not None else ""  # type: ignore[attr-defined]
        return f"{self.document}{span}" + (f" ({self.note})" if self.note else "")  # type: ignore[attr-defined]


class ActorBehaviour:
    @property
    def is_body(self) -> bool:
        return self.rule is not None  # type: ignore[attr-defined]

    def names(self) -> list[str]:
        return [self.name, *self.aliases]  # type: ignore[attr-defined]


class RelationBehaviour:
    @property
    def parent(self) -> str | None:
        return self.target if self.type == "member_of" else None  # type: ignore[attr-defined]


class ProcessBehaviour:
    @property
    def parent(self) -> str | None:
        return self.parent_process  # type: ignore[attr-defined]


class IssueBehaviour:
    @staticmethod
    def _derived(values: dict) -> None:
        """With options, an issue's scale is their indexes, 0..len-1 (ints: a position takes an option's index)."""
        if values.get("options") is not None:
            values["scale_min"], values["scale_max"] = 0, len(values["options"]) - 1


class OfIssueBehaviour:
    """Positions and capabilities belong to their issue."""

    @property
    def parent(self) -> str | None:
        return self.issue  # type: ignore[attr-defined]


class MergeBehaviour:
    @property
    def parent(self) -> str | None:
        return self.reports[0]  # type: ignore[attr-defined]


#: every behaviour by name, as shapes.json names them
BEHAVIOURS: dict[str, type] = {c.__name__: c for c in (
    RecordBehaviour, IntervalBehaviour, CitationBehaviour, ActorBehaviour, RelationBehaviour, ProcessBehaviour,
    IssueBehaviour, OfIssueBehaviour, MergeBehaviour,
)}
