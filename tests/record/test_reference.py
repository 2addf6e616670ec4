"""The bundle format reference: every field of every kind is described, and the published page and
schema are what the generator makes of the model today."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from accord.record import reference
from accord.record.bundle import FILES, bundle_schema
from accord.record.model import RECORD_TYPES

REPO = Path(__file__).resolve().parents[2]


def _properties(node, path=""):
    """(path, property schema) of every object property anywhere in a schema, nested objects included."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{path}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{path}[{i}]")


def test_every_kind_has_a_file_in_the_schema():
    files = bundle_schema()["files"]
    assert {cls.bundle_file for cls in RECORD_TYPES} == set(files) == set(FILES)
    assert {"reports.yaml", "merges.yaml", "processes.yaml"} <= set(files)


def test_every_field_in_the_schema_has_a_description():
    found = list(_properties(bundle_schema()))
    assert len(found) > 150  # nested objects (Place, CeasefireTerms, Citation...) are walked too
    missing = [path for path, prop in found if not prop.get("description", "").strip()]
    assert missing == []


def test_the_monitor_and_ceasefire_fields_say_their_units_and_values():
    files = bundle_schema()["files"]
    report = files["reports.yaml"]["items"]["properties"]
    assert "A (completely reliable)" in report["reliability"]["description"]
    assert "1 (confirmed" in report["credibility"]["description"]
    place = files["reports.yaml"]["$defs"]["Place"]["properties"]
    assert "decimal degrees" in place["lat"]["description"]
    terms = files["processes.yaml"]["$defs"]["CeasefireTerms"]["properties"]
    assert "wall time" in terms["start"]["description"]


def test_published_page_and_schema_are_current(tmp_path):
    page = tmp_path / "bundle-format.md"
    shutil.copy(REPO / "docs" / "bundle-format.md", page)
    assert reference.rewrite(page) is False, "run: python -m accord.record.reference docs/bundle-format.md"
    published = (REPO / "docs" / "bundle-schema.json").read_text(encoding="utf-8")
    assert published == reference.schema_text(), "run: python -m accord.record.reference ... --schema docs/bundle-schema.json"
    # and the copy `accord case schema` prints
    assert reference.PACKAGED.read_text(encoding="utf-8") == reference.schema_text(), "run: the same"


def test_the_page_has_a_table_per_file_and_per_nested_object():
    text = reference.reference_markdown()
    for name, cls in FILES.items():
        assert f"### `{name}`" in text and f"`{cls.record_kind}`" in text
    for nested in ("Citation", "Claim", "Place", "Casualties", "CeasefireTerms", "ProcessParty", "Milestone"):
        assert f"#### {nested}\n" in text and f"](#{nested.lower()})" in text
    # an id's kind comes from the model, a mapping's keys too
    assert "| `perpetrator` | actor id | no |" in text
    assert "| `votes` | map of actor id to `yes` \\| `no` \\| `abstain` \\| `absent` |" in text
    assert "| `reports` | list of report id (exactly 2) | yes |" in text


def test_a_stale_section_is_rewritten_and_the_rest_of_the_page_kept(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(f"# Title\n\nbefore\n\n{reference.BEGIN}\nold text\n{reference.END}\n\nafter\n")
    assert reference.rewrite(page) is True
    text = page.read_text()
    assert text.startswith("# Title\n\nbefore\n\n") and text.endswith(f"{reference.END}\n\nafter\n")
    assert "old text" not in text and "### `reports.yaml`" in text
    assert reference.rewrite(page) is False


def test_a_page_without_markers_is_refused_with_one_line(tmp_path, capsys):
    page = tmp_path / "p.md"
    page.write_text("# no markers\n")
    assert reference.main([str(page)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(page) in err and "reference" in err
    assert page.read_text() == "# no markers\n"


def test_every_table_row_has_four_cells():
    # every table row has four cells: a pipe inside a type or a description is escaped
    for line in reference.reference_markdown().splitlines():
        if line.startswith("| `"):
            cells = [c for c in line.replace("\\|", "").split("|")][1:-1]
            assert len(cells) == 4, line
    json.loads(reference.schema_text())
