"""Forecast inputs: a stakeholder CSV, or a case issue as of a date; both become ``Stakeholders``.

CSV (one issue, one row per actor; extra columns are ignored)::

    Actor,Capability,Position,Salience
    Germany,0.16,4,0.8
    France,0.16±0.02,10,0.6

Any value may carry an uncertainty written ``value±sd`` (or ``value+-sd``): sd is one standard
deviation, used by Monte Carlo. Salience is 0..1, capability any non-negative number.
"""

from __future__ import annotations

import csv
import io
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.errors import BundleError

if TYPE_CHECKING:
    from accord.forecast.base import Stakeholders
    from accord.record.snapshot import Snapshot

# NumPy, the record model and the file reader are imported where used: an issue's rows (IssueRows), all a
# forecast read back from the cache needs of its inputs, are read without them

COLUMNS = ("Actor", "Capability", "Position", "Salience")
_VALUE = re.compile(r"^\s*([^±]+?)\s*(?:(?:±|\+-|\+/-)\s*(.+?))?\s*$")


class ForecastInputError(BundleError):
    """Forecast input that cannot be used: names file (or issue), line, field and actor."""


def parse_value(text: str, file: str, line: int, field: str) -> tuple[float, float]:
    """``"70±10"`` → (70.0, 10.0); ``"70"`` → (70.0, 0.0)."""
    from accord.record.model import number

    m = _VALUE.match(text or "")
    try:
        if not m:
            raise ValueError
        value = number(m[1])
        sd = number(m[2]) if m[2] else 0.0
    except ValueError:
        raise ForecastInputError(file, f"{text!r} is not a number (or number±sd)", line=line, field=field) from None
    if sd < 0:
        raise ForecastInputError(file, f"uncertainty in {text!r} is negative", line=line, field=field)
    return value, sd


def csv_rows(path: str | Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV file with a header holding at least the required columns."""
    file = str(path)
    text = _text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    for col in required:
        if col not in header:
            raise ForecastInputError(file, f"missing column {col!r} (need {','.join(required)})", line=1)
    reader.fieldnames = header
    yield from enumerate(reader, start=2)


def _text(path: str | Path) -> str:
    from accord.userfiles import FileError, read_text

    try:
        return read_text(path)
    except FileError as e:
        raise ForecastInputError(e.file, e.problem, line=e.line, column=e.column) from None


def is_accord_csv(path: str | Path) -> bool:
    """True for an ``Actor,Capability,Position,Salience`` file (KTAB's CSV opens with a scenario line)."""
    first = _text(path).partition("\n")[0]
    return [c.strip() for c in first.split(",")][:1] == [COLUMNS[0]]


def read_csv(path: str | Path, scale: tuple[float, float] | None = None) -> Stakeholders:
    """Read an ``Actor,Capability,Position,Salience`` file.

    Without ``scale`` the issue's scale is taken to be the span of the positions given.
    """
    import numpy as np

    file = str(path)
    actors: list[str] = []
    values: dict[str, list[tuple[float, float]]] = {c: [] for c in COLUMNS[1:]}
    for line, row in csv_rows(path, COLUMNS):
        add_actor_row(file, line, row, actors, values)
    if not actors:
        raise ForecastInputError(file, "no actors")
    pos = np.array(values["Position"])
    if scale is None:
        scale = (float(pos[:, 0].min()), float(pos[:, 0].max()))
    for i, p in enumerate(pos[:, 0]):
        if not scale[0] <= p <= scale[1]:
            raise ForecastInputError(
                file,
                f"position {p:g} lies outside the scale {scale[0]:g}..{scale[1]:g}",
                line=i + 2,
                field="Position",
                id=actors[i],
            )
    data = build_stakeholders(actors, values["Capability"], values["Position"], values["Salience"], scale)
    _check_weight(file, data)
    return data


def add_actor_row(
    file: str,
    line: int,
    row: dict[str, str],
    actors: list[str],
    values: dict[str, list[tuple[float, float]]],
    issue: str | None = None,
) -> None:
    """Append one ``Actor,Capability,Position,Salience`` row to actors and values (per column), checked."""
    name = (row.get("Actor") or "").strip()
    if not name:
        raise ForecastInputError(file, "empty actor name", line=line, field="Actor", id=issue)
    if name in actors:
        where = f" in issue {issue!r}" if issue else ""
        raise ForecastInputError(file, f"actor {name!r} appears twice{where}", line=line, field="Actor")
    actors.append(name)
    for col in COLUMNS[1:]:
        values[col].append(parse_value(row.get(col) or "", file, line, col))
    check_row(file, line, name, values["Capability"][-1][0], values["Salience"][-1][0])


def check_row(file: str, line: int | None, actor: str, capability: float, salience: float) -> None:
    if capability < 0:
        raise ForecastInputError(file, f"capability {capability:g} is negative", line=line, field="Capability", id=actor)
    if not 0 <= salience <= 1:
        raise ForecastInputError(file, f"salience {salience:g} lies outside 0..1", line=line, field="Salience", id=actor)


def build_stakeholders(
    actors: list[str],
    capability: list[tuple[float, float]],
    position: list[tuple[float, float]],
    salience: list[tuple[float, float]],
    scale: tuple[float, float],
    dimension: str = "0",
) -> Stakeholders:
    import numpy as np

    from accord.forecast.base import Stakeholders

    cap, pos, sal = np.array(capability), np.array(position), np.array(salience)
    return Stakeholders(
        actors=tuple(actors),
        positions=pos[:, :1],
        salience=sal[:, :1],
        capability=cap[:, 0],
        dimensions=(dimension,),
        scale=scale,
        position_sd=pos[:, 1:] if pos[:, 1].any() else None,
        salience_sd=sal[:, 1:] if sal[:, 1].any() else None,
        capability_sd=cap[:, 1] if cap[:, 1].any() else None,
    )


@dataclass(frozen=True)
class IssueRows:
    """An issue's inputs on a date as the record gives them, per actor (value, sd), before any array is made."""

    issue: str
    where: str
    actors: list[str]
    capability: list[tuple[float, float]]
    position: list[tuple[float, float]]
    salience: list[tuple[float, float]]
    scale: tuple[float, float]

    def stakeholders(self) -> Stakeholders:
        data = build_stakeholders(self.actors, self.capability, self.position, self.salience, self.scale, self.issue)
        _check_weight(self.where, data)
        return data

    def plain_stakeholders(self) -> Stakeholders:
        """``stakeholders()`` without NumPy, checked alike: the values as tuples of floats where the arrays
        would be, no uncertainty; for what reads the values alone (accord.forecast.smp.writers)."""
        from accord.forecast.base import Stakeholders

        data = Stakeholders(
            actors=tuple(self.actors), positions=tuple((float(v),) for v, _ in self.position),
            salience=tuple((float(v),) for v, _ in self.salience), capability=tuple(float(v) for v, _ in self.capability),
            dimensions=(self.issue,), scale=self.scale)
        _check_weight(self.where, data)
        return data

    def described(self) -> dict[str, Any]:
        """``accord.forecast.cache.inputs(self.stakeholders())`` without NumPy: the arrays
        ``build_stakeholders`` makes, as lists of floats (an uncertainty column only if one is not zero)."""
        def column(rows: list[tuple[float, float]], wrap: bool) -> tuple[list[Any], list[Any] | None]:
            values = [[float(v)] if wrap else float(v) for v, _ in rows]
            sds = [[float(sd)] if wrap else float(sd) for _, sd in rows]
            return values, sds if any(sd for _, sd in rows) else None

        (pos, pos_sd), (sal, sal_sd), (cap, cap_sd) = (
            column(self.position, True), column(self.salience, True), column(self.capability, False))
        return {"actors": list(self.actors), "dimensions": [self.issue], "scale": [float(x) for x in self.scale],
                "inputs": [pos, sal, cap, pos_sd, sal_sd, cap_sd]}


def issue_rows(snapshot: Snapshot, issue_id: str, on_date: dt.date | None) -> IssueRows:
    """Each actor's latest position on the issue as of the date, with its capability as of the same date.

    An actor with a position but no capability is an error: a forecast must not guess anyone's weight.
    """
    issue = snapshot.get(issue_id, "issue")
    where = f"issue {issue_id}" + (f" on {on_date.isoformat()}" if on_date else "")
    positions = snapshot.positions(issue_id, on_date)
    if not positions:
        raise ForecastInputError(where, "no positions recorded")
    actors, caps, poss, sals = [], [], [], []
    for p in positions:
        cap = snapshot.capability(p.actor, on_date, issue_id)
        if cap is None:
            raise ForecastInputError(where, "no capability recorded", id=p.actor, field="capability")
        if not issue.scale_min <= p.value <= issue.scale_max:
            raise ForecastInputError(
                where,
                f"position {p.value:g} lies outside the scale {issue.scale_min:g}..{issue.scale_max:g}",
                id=p.id,
                field="value",
            )
        actors.append(p.actor)
        caps.append((cap.value, cap.uncertainty or 0.0))
        poss.append((p.value, p.uncertainty or 0.0))
        sals.append((p.salience, 0.0))
    return IssueRows(issue_id, where, actors, caps, poss, sals, (float(issue.scale_min), float(issue.scale_max)))


def from_snapshot(snapshot: Snapshot, issue_id: str, on_date: dt.date | None) -> Stakeholders:
    """The issue's stakeholders as of the date (``issue_rows``), checked that someone has weight."""
    return issue_rows(snapshot, issue_id, on_date).stakeholders()


def _check_weight(where: str, data: Stakeholders) -> None:
    # capabilities and saliences are finite and not negative (check_row, the record's model): their
    # products sum above zero when one of them is above zero, arrays or tuples alike
    if not any(c * s > 0 for c, row in zip(data.capability, data.salience) for s in row):
        raise ForecastInputError(where, "every actor has zero capability × salience: nobody has any weight")
