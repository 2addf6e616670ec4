"""The UN Security Council Consolidated List into a designation list: listing dates and reference
numbers kept for any well-formed file; one line per bad element, and nothing written."""

from __future__ import annotations

import datetime as dt
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import AccordError, BundleErrors
from accord.formats.unsc import import_unsc
from accord.record.model import Actor, DesignationList
from accord.record.snapshot import Snapshot

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "examples" / "un-consolidated.xml"
URL = ["https://example.org/x"]
BASE = [
    Actor(id="council", kind="organisation", name="Council", rule={"procedure": "consensus"}, cite=URL),
    Actor(id="front", kind="armed_group", name="The Front", aliases=["Jabhat"], cite=URL),
    DesignationList(id="sanctions", name="Sanctions", body="council", cite=URL,
                    entries=[{"actor": "front", "stances": [], "cite": URL}]),
]


def write_list(entries: list[dict]) -> str:
    root = ET.Element("CONSOLIDATED_LIST", dateGenerated="2020-01-02T00:00:00")
    groups = {"INDIVIDUAL": ET.SubElement(root, "INDIVIDUALS"), "ENTITY": ET.SubElement(root, "ENTITIES")}
    for e in entries:
        el = ET.SubElement(groups[e["tag"]], e["tag"])
        for tag in ("DATAID", "FIRST_NAME", "SECOND_NAME", "UN_LIST_TYPE", "REFERENCE_NUMBER", "LISTED_ON"):
            if e.get(tag) is not None:
                ET.SubElement(el, tag).text = e[tag]
        for a in e.get("aliases", []):
            ET.SubElement(ET.SubElement(el, f"{e['tag']}_ALIAS"), "ALIAS_NAME").text = a
    return ET.tostring(root, encoding="unicode")


names = st.text(st.characters(codec="ascii", categories=("Lu", "Ll")), min_size=3, max_size=12)


@st.composite
def lists(draw):
    n = draw(st.integers(1, 8))
    out = []
    for i in range(n):
        tag = draw(st.sampled_from(["INDIVIDUAL", "ENTITY"]))
        out.append({"tag": tag, "DATAID": str(1000 + i), "FIRST_NAME": f"{draw(names)} {i}",
                    "UN_LIST_TYPE": "Al-Qaida", "REFERENCE_NUMBER": f"QD{tag[0].lower()}.{i:03d}",
                    "LISTED_ON": draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))).isoformat(),
                    "aliases": [f"{a} {i}" for a in draw(st.lists(names, max_size=2))]})
    return out


@settings(max_examples=40, deadline=None)
@given(lists())
def test_every_entry_keeps_its_listing_date_and_reference(entries):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "consolidated.xml"
        path.write_text(write_list(entries))
        out = import_unsc(Snapshot(BASE), path, "sanctions")
        snap = Snapshot([*BASE, *out.records])
        lst = snap.get("sanctions", DesignationList)
        got = {e.reference: (str(e.designated_on), e.designated_by) for e in lst.entries if e.reference}
        assert got == {e["REFERENCE_NUMBER"]: (e["LISTED_ON"], "council") for e in entries}
        assert lst.entries[0].actor == "front" and lst.entries[0].reference is None  # the case's own entry kept
        # importing again into the result changes nothing
        again = import_unsc(snap, path, "sanctions")
        assert again.records[-1] == out.records[-1] and again.counts["actors"] == 0


def test_example_file_matches_the_case_actors_by_alias():
    snap = Snapshot([*BASE, Actor(id="nusra", kind="armed_group", name="Nusra", aliases=["al-Nusrah Front"], cite=URL)])
    out = import_unsc(snap, EXAMPLE, "sanctions", list_types=["Al-Qaida"])
    lst = next(r for r in out.records if isinstance(r, DesignationList))
    nusra = next(e for e in lst.entries if e.actor == "nusra")
    assert (nusra.reference, str(nusra.designated_on)) == ("QDe.137", "2014-05-14")
    assert nusra.cite[0].document == "unsc-un-consolidated-xml"
    person = next(r for r in out.records if isinstance(r, Actor) and r.id == "example-person")
    assert person.kind == "person" and person.aliases == ["Abu Example"]


def test_bad_elements_one_line_each(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(write_list([
        {"tag": "ENTITY", "DATAID": "1", "FIRST_NAME": "A", "REFERENCE_NUMBER": "QDe.1", "LISTED_ON": "14 May 2014"},
        {"tag": "ENTITY", "DATAID": "2", "FIRST_NAME": "B", "LISTED_ON": "2014-05-14"},
        {"tag": "INDIVIDUAL", "DATAID": "3", "REFERENCE_NUMBER": "QDi.3", "LISTED_ON": "2014-05-14"},
    ]))
    with pytest.raises(BundleErrors) as e:
        import_unsc(Snapshot(BASE), path, "sanctions")
    assert e.value.lines() == [
        f"{path}: INDIVIDUALS/INDIVIDUAL[1] DATAID 3: FIRST_NAME: no name (FIRST_NAME … FOURTH_NAME all empty)",
        f"{path}: ENTITIES/ENTITY[1] DATAID 1: LISTED_ON: expected a date YYYY-MM-DD, got '14 May 2014'",
        f"{path}: ENTITIES/ENTITY[2] DATAID 2: REFERENCE_NUMBER: missing or empty",
    ]
    assert e.value.summary() == f"3 errors in {path}; nothing was written"
    with pytest.raises(AccordError, match="--list nope: no designation list"):
        import_unsc(Snapshot(BASE), path, "nope")


def test_cli_imports_into_the_case_and_refuses_a_bad_file(accord, tmp_path):
    accord("case", "load", "syria-2015")
    r = accord.json("case", "import-unsc", str(EXAMPLE), "--list", "issg-terrorist-list", "--designated-by", "unsc")
    assert r["entries"] == 4 and r["new_entries"] == 1 and r["actors"] == 1
    lst = accord.json("show", "issg-terrorist-list")["record"]
    nusra = next(e for e in lst["entries"] if e["actor"] == "al-nusra")
    assert nusra["reference"] == "QDe.137" and nusra["designated_on"] == "2014-05-14"
    bad = tmp_path / "bad.xml"
    bad.write_text(EXAMPLE.read_text().replace("<LISTED_ON>2014-05-14", "<LISTED_ON>May 2014"))
    r = accord("case", "import-unsc", str(bad), "--list", "issg-terrorist-list", ok=False)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0].startswith(f"{bad}: ENTITIES/ENTITY[3] DATAID 900004: LISTED_ON: expected a date")
    assert "nothing was written" in r.stderr
    assert accord.json("case", "import-unsc", str(EXAMPLE), "--list", "issg-terrorist-list",
                       "--designated-by", "unsc")["unchanged"] == 2
