"""Write stakeholders as KTAB SMP scenarios (its CSV and its XML), so that KTAB's own ``smpc`` runs on
an issue of a case. The inverse of ``readers``: positions go onto KTAB's 0..100 from the issue's scale,
saliences to percent; ``readers`` reads back what is written here (tested as a round trip).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import numpy as np

from accord.forecast.base import Stakeholders
from accord.forecast.smp.params import KTAB_DEFAULT_SEED, SMPParams
from accord.forecast.smp.readers import SMPInputError

_PARAMETER_ORDER = ("VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule", "BigRAdjust", "BigRRange",
                    "ThirdPartyCommit", "InterVecBrgn", "BargnModel")


def _ktab_values(data: Stakeholders) -> tuple[np.ndarray, np.ndarray]:
    """Positions on 0..100 and saliences in percent, checked as KTAB checks them."""
    lo, hi = data.scale
    if not hi > lo:
        raise SMPInputError(f"scale {lo:g}..{hi:g}: KTAB needs a scale of some width")
    pos = (np.asarray(data.positions, dtype=float) - lo) * (100.0 / (hi - lo))
    sal = np.asarray(data.salience, dtype=float) * 100.0
    for i, actor in enumerate(data.actors):
        if not data.capability[i] > 0:
            raise SMPInputError(f"actor {actor!r}: field 'capability': KTAB needs a positive capability, "
                                f"got {data.capability[i]:g}")
        if not sal[i].sum() > 0:
            raise SMPInputError(f"actor {actor!r}: field 'salience': KTAB needs a salience above zero")
        if any("," in s or "\n" in s for s in (actor, *data.dimensions)):
            raise SMPInputError(f"actor {actor!r}: names written for KTAB hold no comma or line break")
    return np.clip(pos, 0.0, 100.0), sal


def _num(v: float) -> str:
    return f"{float(v):.12g}"  # 12 digits: the value, without the noise of the rescaling


def to_csv(data: Stakeholders, name: str, description: str = "") -> str:
    """KTAB's CSV: ``name, description, #actors, #dims`` / header / one row per actor."""
    pos, sal = _ktab_values(data)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([name, description, len(data.actors), len(data.dimensions)])
    w.writerow(["Actor", "Description", "Influence", *[c for d in data.dimensions for c in (d, f"{d} Salience")]])
    for i, actor in enumerate(data.actors):
        w.writerow([actor, actor, _num(data.capability[i]),
                    *[_num(v) for k in range(len(data.dimensions)) for v in (pos[i, k], sal[i, k])]])
    return out.getvalue()


def to_xml(data: Stakeholders, name: str, description: str = "", seed: int = KTAB_DEFAULT_SEED,
           params: SMPParams | None = None) -> str:
    """KTAB's XML scenario (smpSchema.xsd), with its run options (KTAB's defaults unless given)."""
    pos, sal = _ktab_values(data)
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
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
