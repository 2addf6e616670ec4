"""Write stakeholders as KTAB SMP scenarios (its CSV and its XML), so that KTAB's own ``smpc`` runs on
an issue of a case. The inverse of ``readers``: positions go onto KTAB's 0..100 from the issue's scale,
saliences to percent; ``readers`` reads back what is written here (tested as a round trip).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from accord.forecast.smp.errors import SMPInputError
from accord.forecast.smp.params import KTAB_DEFAULT_SEED, SMPParams

if TYPE_CHECKING:
    from accord.forecast.base import Stakeholders

_PARAMETER_ORDER = ("VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule", "BigRAdjust", "BigRRange",
                    "ThirdPartyCommit", "InterVecBrgn", "BargnModel")

# KTAB's own limits (kmodel.h, smp.h at KTAB 3b5b063): smpc refuses a scenario beyond them, so we refuse
# to write one. Its CSV reader checks the name lengths; its XML reader does not.
KTAB_MIN_ACTORS, KTAB_MAX_ACTORS = 3, 250
KTAB_CSV_MAX_ACTOR_NAME, KTAB_CSV_MAX_DIMENSION_NAME, KTAB_MAX_SCENARIO_NAME = 25, 256, 512


def _ktab_values(data: Stakeholders) -> tuple[list[list[float]], list[list[float]]]:
    """Positions on 0..100 and saliences in percent, checked as KTAB checks them. In Python floats, value
    by value (the same IEEE operations NumPy's arrays did), so that writing a scenario needs no NumPy:
    the stakeholders' arrays may be any rows of numbers (``IssueRows.plain_stakeholders``)."""
    lo, hi = data.scale
    if not hi > lo:
        raise SMPInputError(f"scale {lo:g}..{hi:g}: KTAB needs a scale of some width")
    if not KTAB_MIN_ACTORS <= len(data.actors) <= KTAB_MAX_ACTORS:
        raise SMPInputError(f"{len(data.actors)} actors: KTAB's smpc takes {KTAB_MIN_ACTORS} to {KTAB_MAX_ACTORS}")
    factor = 100.0 / (hi - lo)
    pos = [[min(max((float(v) - lo) * factor, 0.0), 100.0) for v in row] for row in data.positions]
    sal = [[float(v) * 100.0 for v in row] for row in data.salience]
    for i, actor in enumerate(data.actors):
        if not data.capability[i] > 0:
            raise SMPInputError(f"actor {actor!r}: field 'capability': KTAB needs a positive capability, "
                                f"got {data.capability[i]:g}")
        if not sum(sal[i]) > 0:
            raise SMPInputError(f"actor {actor!r}: field 'salience': KTAB needs a salience above zero")
        if any("," in s or "\n" in s for s in (actor, *data.dimensions)):
            raise SMPInputError(f"actor {actor!r}: names written for KTAB hold no comma or line break")
    return pos, sal


def _num(v: float) -> str:
    return f"{float(v):.12g}"  # 12 digits: the value, without the noise of the rescaling


def _check_names(data: Stakeholders, name: str, *, csv_limits: bool) -> None:
    if len(name) > KTAB_MAX_SCENARIO_NAME:
        raise SMPInputError(f"scenario name of {len(name)} characters: KTAB takes at most {KTAB_MAX_SCENARIO_NAME}")
    if not csv_limits:
        return
    for actor in data.actors:
        if len(actor) > KTAB_CSV_MAX_ACTOR_NAME:
            raise SMPInputError(f"actor {actor!r}: field 'name': KTAB's CSV reader takes names of at most "
                                f"{KTAB_CSV_MAX_ACTOR_NAME} characters, this has {len(actor)}; write XML instead")
    for dim in data.dimensions:
        if len(dim) > KTAB_CSV_MAX_DIMENSION_NAME:
            raise SMPInputError(f"dimension {dim!r}: KTAB's CSV reader takes names of at most "
                                f"{KTAB_CSV_MAX_DIMENSION_NAME} characters; write XML instead")


def to_csv(data: Stakeholders, name: str, description: str = "") -> str:
    """KTAB's CSV: ``name, description, #actors, #dims`` / header / one row per actor."""
    pos, sal = _ktab_values(data)
    _check_names(data, name, csv_limits=True)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([name, description, len(data.actors), len(data.dimensions)])
    w.writerow(["Actor", "Description", "Influence", *[c for d in data.dimensions for c in (d, f"{d} Salience")]])
    for i, actor in enumerate(data.actors):
        w.writerow([actor, actor, _num(data.capability[i]),
                    *[_num(v) for k in range(len(data.dimensions)) for v in (pos[i][k], sal[i][k])]])
    return out.getvalue()


def to_xml(data: Stakeholders, name: str, description: str = "", seed: int = KTAB_DEFAULT_SEED,
           params: SMPParams | None = None) -> str:
    """KTAB's XML scenario (smpSchema.xsd), with its run options (KTAB's defaults unless given)."""
    pos, sal = _ktab_values(data)
    _check_names(data, name, csv_limits=False)
    root = ET.Element("Scenario")
    ET.SubElement(root, "name").text = name
    ET.SubElement(root, "desc").text = description or name
    ET.SubElement(root, "prngSeed").text = str(seed)
    options = ET.SubElement(root, "ModelParameters")
    chosen = (params or SMPParams()).to_json()
    for tag in _PARAMETER_ORDER:
        ET.SubElement(options, tag).text = str(chosen[tag])
    dims = ET.SubElement(root, "Dimensions")
    for d in data.dimensions:
        ET.SubElement(dims, "dName").text = d
    actors = ET.SubElement(root, "Actors")
    for i, actor in enumerate(data.actors):
        a = ET.SubElement(actors, "Actor")
        ET.SubElement(a, "name").text = actor
        ET.SubElement(a, "description").text = actor
        ET.SubElement(a, "capability").text = _num(data.capability[i])
        p = ET.SubElement(a, "Position")
        for v in pos[i]:
            ET.SubElement(p, "dCoord").text = _num(v)
        s = ET.SubElement(a, "Salience")
        for v in sal[i]:
            ET.SubElement(s, "dSal").text = _num(v)
    # smpSchema.xsd makes IdealAdjustment optional, but KTAB's smpc refuses a file without it (and one
    # without an iaPair in it): "Following Element is missing in the input xml: IdealAdjustment". Each
    # actor's ideal following its own position fully is KTAB's default, what its CSV reader sets.
    adjust = ET.SubElement(root, "IdealAdjustment")
    for actor in data.actors:
        pair = ET.SubElement(adjust, "iaPair")
        ET.SubElement(pair, "adjustingIdeal").text = actor
        ET.SubElement(pair, "referencePos").text = actor
        ET.SubElement(pair, "adjust").text = "1"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
