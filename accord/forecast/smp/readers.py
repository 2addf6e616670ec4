"""Read KTAB's SMP scenario files: its CSV (no run options) and its XML (run options, seed, ideal adjustment).

Both formats give positions and saliences on 0..100; we keep positions on that scale and saliences on
0..1, as ``Stakeholders`` wants. Every problem is reported as one line naming the file and the line
(CSV) or the element (XML).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.userfiles import FileError, parse_xml, read_text
from accord.forecast.base import Stakeholders
from accord.forecast.smp.errors import SMPInputError
from accord.forecast.smp.model import SMP
from accord.forecast.smp.params import SMPParameterError, SMPParams
from accord.record.model import number

_PARAMETER_TAGS = (
    "VictoryProbModel",
    "PCEModel",
    "StateTransitions",
    "VotingRule",
    "BigRAdjust",
    "BigRRange",
    "ThirdPartyCommit",
    "InterVecBrgn",
    "BargnModel",
)


@dataclass(frozen=True)
class Scenario:
    """A KTAB scenario: who, where, run options (XML only), seed (XML only), ideal adjustment (XML only)."""

    name: str
    description: str
    stakeholders: Stakeholders
    params: SMPParams | None = None
    seed: int | None = None
    accommodation: np.ndarray | None = None

    def model(self, params: SMPParams | None = None) -> SMP:
        """An SMP with the scenario's own options unless others are given."""
        return SMP(params or self.params or SMPParams(), accommodation=self.accommodation)


def read_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".xml":
        return read_xml(path)
    raise SMPInputError(f"{path}: expected a KTAB .csv or .xml scenario, got {suffix or 'no extension'!r}")


def read_csv(path: str | Path) -> Scenario:
    """KTAB's CSV: ``name, description, #actors, #dims`` / a header / one row per actor:
    ``name, description, capability`` then ``position, salience`` per dimension."""
    path = Path(path)
    try:
        text = read_text(path)
    except FileError as err:
        raise SMPInputError(str(err)) from None
    try:
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as err:
        raise SMPInputError(f"{path}: not CSV: {err}") from None
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        raise SMPInputError(f"{path}: expected a scenario line and a header line")
    head = rows[0]
    n_actors = _number(path, 1, "number of actors", head[2] if len(head) > 2 else "", integer=True)
    n_dims = _number(path, 1, "number of dimensions", head[3] if len(head) > 3 else "", integer=True)
    if n_dims < 1:
        raise SMPInputError(f"{path}:1: number of dimensions must be at least 1, got {n_dims}")
    header = rows[1]
    if len(header) < 3 + 2 * n_dims:
        raise SMPInputError(f"{path}:2: header needs Actor, Description, Influence and 2 columns per dimension")
    dimensions = tuple(header[3 + 2 * k] for k in range(n_dims))
    body = rows[2:]
    if len(body) != n_actors:
        raise SMPInputError(f"{path}: line 1 announces {n_actors} actors, the file has {len(body)}")
    names: list[str] = []
    capability: list[float] = []
    positions: list[list[float]] = []
    salience: list[list[float]] = []
    for offset, row in enumerate(body):
        line = offset + 3
        if len(row) < 3 + 2 * n_dims or not row[0]:
            raise SMPInputError(f"{path}:{line}: expected name, description, capability and {n_dims} position/salience pairs")
        names.append(row[0])
        capability.append(_number(path, line, "capability", row[2]))
        positions.append([_number(path, line, f"position {k}", row[3 + 2 * k]) for k in range(n_dims)])
        salience.append([_number(path, line, f"salience {k}", row[4 + 2 * k]) for k in range(n_dims)])
    stakeholders = _stakeholders(path, names, capability, positions, salience, dimensions, where=lambda i: f":{i + 3}")
    return Scenario(name=head[0], description=head[1] if len(head) > 1 else "", stakeholders=stakeholders)


def read_xml(path: str | Path) -> Scenario:
    """KTAB's XML scenario (smpSchema.xsd): dimensions, actors, optional ModelParameters and IdealAdjustment."""
    path = Path(path)
    try:
        root = parse_xml(path)
    except FileError as err:
        raise SMPInputError(str(err)) from None
    if root.tag != "Scenario":
        raise SMPInputError(f"{path}: root element must be <Scenario>, got <{root.tag}>")
    seed_text = _text(path, root, "prngSeed")
    try:
        seed = int(seed_text)
        if seed < 0:
            raise ValueError
    except ValueError:
        raise SMPInputError(f"{path}: <prngSeed> must be a non-negative integer, got {seed_text!r}") from None
    params = None
    options = root.find("ModelParameters")
    if options is not None:
        try:
            params = SMPParams.from_names(**{tag: _text(path, options, tag) for tag in _PARAMETER_TAGS})
        except SMPParameterError as err:
            raise SMPInputError(f"{path}: <ModelParameters>: {err}") from None
    dims_el = _child(path, root, "Dimensions")
    dimensions = tuple(_nonempty(path, el, "dName") for el in dims_el.findall("dName"))
    if not dimensions:
        raise SMPInputError(f"{path}: <Dimensions> has no <dName>")
    names: list[str] = []
    capability: list[float] = []
    positions: list[list[float]] = []
    salience: list[list[float]] = []
    for index, actor in enumerate(_child(path, root, "Actors").findall("Actor")):
        name = _text(path, actor, "name")
        where = f"actor {index} ({name})"
        names.append(name)
        capability.append(_number(path, where, "capability", _text(path, actor, "capability")))
        coords = [_number(path, where, "dCoord", el.text or "") for el in _child(path, actor, "Position").findall("dCoord")]
        sals = [_number(path, where, "dSal", el.text or "") for el in _child(path, actor, "Salience").findall("dSal")]
        if len(coords) != len(dimensions) or len(sals) != len(dimensions):
            raise SMPInputError(
                f"{path}: {where}: {len(coords)} dCoord and {len(sals)} dSal for {len(dimensions)} dimensions"
            )
        positions.append(coords)
        salience.append(sals)
    stakeholders = _stakeholders(
        path, names, capability, positions, salience, dimensions, where=lambda i: f": actor {i} ({names[i]})"
    )
    return Scenario(
        name=(root.findtext("name") or "").strip(),
        description=(root.findtext("desc") or "").strip(),
        stakeholders=stakeholders,
        params=params,
        seed=seed,
        accommodation=_accommodation(path, root, names),
    )


def _accommodation(path: Path, root: ET.Element, names: list[str]) -> np.ndarray | None:
    adjust = root.find("IdealAdjustment")
    if adjust is None:
        return None
    matrix = np.eye(len(names))
    for pair in adjust.findall("iaPair"):
        rows = []
        for tag in ("adjustingIdeal", "referencePos"):
            who = _text(path, pair, tag)
            if who not in names:
                raise SMPInputError(f"{path}: <IdealAdjustment>: unknown actor {who!r} in <{tag}>")
            rows.append(names.index(who))
        value = _number(path, "<IdealAdjustment>", "adjust", _text(path, pair, "adjust"))
        if not 0.0 <= value <= 1.0:
            raise SMPInputError(f"{path}: <IdealAdjustment>: adjust must be in [0, 1], got {value}")
        matrix[rows[0], rows[1]] = value
    over = np.nonzero(matrix.sum(axis=1) > 1.0 + 1e-10)[0]
    if over.size:
        raise SMPInputError(f"{path}: <IdealAdjustment>: adjustments of {names[over[0]]!r} add up to more than 1")
    return matrix


def _stakeholders(
    path: Path,
    names: list[str],
    capability: list[float],
    positions: list[list[float]],
    salience: list[list[float]],
    dimensions: tuple[str, ...],
    *,
    where: Callable[[int], str],
) -> Stakeholders:
    """Check the values as KTAB does and build Stakeholders (saliences from percent to 0..1)."""
    if len(names) < 2:
        raise SMPInputError(f"{path}: the SMP needs at least two actors, got {len(names)}")
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise SMPInputError(f"{path}: actor {duplicate!r} appears twice")
    cap = np.array(capability, dtype=float)
    pos = np.array(positions, dtype=float)
    sal = np.array(salience, dtype=float)
    for i in range(len(names)):
        if not cap[i] > 0:
            raise SMPInputError(f"{path}{where(i)}: capability must be positive, got {cap[i]:g}")
        for k in range(len(dimensions)):
            if not 0.0 <= pos[i, k] <= 100.0:
                raise SMPInputError(f"{path}{where(i)}: position on {dimensions[k]!r} must be in [0, 100], got {pos[i, k]:g}")
            if not 0.0 <= sal[i, k] <= 100.0:
                raise SMPInputError(f"{path}{where(i)}: salience on {dimensions[k]!r} must be in [0, 100], got {sal[i, k]:g}")
        if sal[i].sum() > 100.0:
            raise SMPInputError(f"{path}{where(i)}: saliences add up to {sal[i].sum():g}, more than 100")
        if not sal[i].sum() > 0.0:
            raise SMPInputError(f"{path}{where(i)}: every salience is zero")
    return Stakeholders(
        actors=tuple(names),
        positions=pos,
        salience=sal / 100.0,
        capability=cap,
        dimensions=dimensions,
        scale=(0.0, 100.0),
    )


def _number(path: Path, where: int | str, field: str, text: str, *, integer: bool = False) -> float:
    try:
        value = number(text)
    except ValueError:
        raise SMPInputError(f"{path}{_at(where)}: {field} must be a finite number, got {text!r}") from None
    if integer:
        if value != int(value):
            raise SMPInputError(f"{path}{_at(where)}: {field} must be a whole number, got {text!r}")
        return int(value)
    return value


def _at(where: int | str) -> str:
    return f":{where}" if isinstance(where, int) else f": {where}"


def _child(path: Path, parent: ET.Element, tag: str) -> ET.Element:
    child = parent.find(tag)
    if child is None:
        raise SMPInputError(f"{path}: <{parent.tag}> has no <{tag}>")
    return child


def _text(path: Path, parent: ET.Element, tag: str) -> str:
    return _nonempty(path, _child(path, parent, tag), tag)


def _nonempty(path: Path, element: ET.Element, tag: str) -> str:
    text = (element.text or "").strip()
    if not text:
        raise SMPInputError(f"{path}: <{tag}> is empty")
    return text
