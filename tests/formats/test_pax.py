"""PA-X agreements into decisions with provisions: every code present becomes a provision, for any
generated file; one line per bad cell, and nothing written."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import AccordError, BundleErrors
from accord.formats.pax import import_pax
from accord.record.model import Actor, Decision
from accord.record.snapshot import Snapshot

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "examples" / "pax-agreements.csv"
URL = ["https://example.org/x"]
BASE = [Actor(id="forum", kind="forum", name="Forum", cite=URL)]
CODES = ["GeWom", "HrGen", "Pol", "Ce"]


def write_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, ["Con", "AgtId", "Agt", "Dat", "Stage", *CODES], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


@st.composite
def agreements(draw):
    n = draw(st.integers(1, 6))
    ids = draw(st.lists(st.integers(1, 99999), min_size=n, max_size=n, unique=True))
    return [{"Con": "Ruritania", "AgtId": str(i), "Agt": f"Agreement {i}",
             "Dat": draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))).isoformat(), "Stage": "Cea",
             **{c: str(draw(st.integers(0, 3))) for c in CODES}} for i in ids]


@settings(max_examples=40, deadline=None)
@given(agreements())
def test_every_code_present_is_a_provision(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pax.csv"
        path.write_text(write_csv(rows))
        out = import_pax(Snapshot(BASE), path, "forum")
        decisions = {r.id: r for r in out.records if isinstance(r, Decision)}
        for row in rows:
            d = decisions[f"pax-{row['AgtId']}"]
            assert (str(d.date), d.title, d.body) == (row["Dat"], row["Agt"], "forum")
            assert {p.id: p.text for p in d.provisions} == {
                c.lower(): f"PA-X {c} = {row[c]}" for c in CODES if row[c] != "0"}
        again = import_pax(Snapshot([*BASE, *out.records]), path, "forum")
        assert again.records == out.records  # a second import changes nothing


def test_bad_cells_one_line_each(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("AgtId,Agt,Dat,GeWom\n1,A,2016-13-01,1\nx,B,2016-01-01,4\n3,C,2016-01-01,1,9\n1,D,01/02/2016,0\n")
    with pytest.raises(BundleErrors) as e:
        import_pax(Snapshot(BASE), path, "forum")
    assert e.value.lines() == [
        f"{path}:2: -: Dat: expected a date YYYY-MM-DD or DD/MM/YYYY, got '2016-13-01'",
        f"{path}:3: -: AgtId: expected a whole number, got 'x'",
        f"{path}:3: -: GeWom: expected 0, 1, 2 or 3, got '4'",
        f"{path}:4: -: -: 5 cells, the header has 4",
    ]
    path.write_text("AgtId,Agt,Date\n")
    with pytest.raises(AccordError, match=r"bad\.csv:1: field 'Dat': the header has no such column"):
        import_pax(Snapshot(BASE), path, "forum")


def test_cli_imports_the_example_and_refuses_a_bad_file(accord, tmp_path):
    accord("case", "load", "syria-2015")
    dry = accord.json("case", "import-pax", str(EXAMPLE), "--body", "issg", "--dry-run")
    assert dry["dry_run"] and dry["agreements"] == 2 and dry["created"] == []
    assert accord("show", "pax-90002", ok=False).exit_code != 0  # a dry run writes nothing
    r = accord.json("case", "import-pax", str(EXAMPLE), "--body", "issg")
    assert (r["agreements"], r["provisions"], len(r["created"])) == (2, 4, 3)
    d = accord.json("show", "pax-90002")["record"]
    assert d["date"] == "2015-12-18" and [p["id"] for p in d["provisions"]] == ["gewom", "hrgen", "pol"]
    bad = tmp_path / "bad.csv"
    bad.write_text(EXAMPLE.read_text().replace(",0,1,0\n", ",0,x,0\n"))
    r = accord("case", "import-pax", str(bad), "--body", "issg", ok=False)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"{bad}:2: -: HrGen: expected 0, 1, 2 or 3, got 'x'"
    assert accord.json("case", "import-pax", str(EXAMPLE), "--body", "issg")["unchanged"] == 3
