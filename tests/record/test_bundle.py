"""Bundles: every kind of bad input gets one line naming file, line, field and id; writing is canonical."""

import shutil
from pathlib import Path

import pytest

from accord.errors import BundleError
from accord.record.bundle import bundle_schema, read_bundle
from accord.record.bundlewrite import write_bundle
from accord.record.model import Position

MINI = Path(__file__).parent / "data" / "mini"


@pytest.fixture
def bundle(tmp_path):
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    return dst


def test_reads_and_checks_the_mini_case():
    b = read_bundle(MINI)
    assert b.id == "mini"
    pos = {r.id: r for r in b.records if isinstance(r, Position)}
    assert set(pos) == {"vote-timing.alpha.2020-03", "vote-timing.beta.2020-03"}


def _error(path) -> BundleError:
    with pytest.raises(BundleError) as e:
        read_bundle(path)
    assert "\n" not in str(e.value)
    return e.value


def test_unknown_reference(bundle):
    (bundle / "relations.yaml").write_text(
        (bundle / "relations.yaml").read_text() + "- {type: supports, source: alpha, target: delta, cite: [memo]}\n"
    )
    e = _error(bundle)
    assert (Path(e.file).name, e.line, e.field, e.id) == ("relations.yaml", 4, "target", "alpha.supports.delta")
    assert "unknown reference 'delta'" in str(e)


def test_reference_to_the_wrong_kind(bundle):
    text = (bundle / "positions.yaml").read_text().replace("actor: alpha", "actor: vote-timing")
    (bundle / "positions.yaml").write_text(text)
    e = _error(bundle)
    assert e.field == "actor" and "is a issue, expected actor" in str(e)


def test_duplicate_id(bundle):
    (bundle / "issues.yaml").write_text(
        (bundle / "issues.yaml").read_text() + "- id: alpha\n  name: Duplicate\n  cite: [memo]\n"
    )
    e = _error(bundle)
    assert (Path(e.file).name, e.line, e.field, e.id) == ("issues.yaml", 5, "id", "alpha")
    assert "actors.yaml:1" in str(e)


def test_malformed_date(bundle):
    text = (bundle / "decisions.yaml").read_text().replace("date: 2020-03-01", "date: 2020-02-30")
    (bundle / "decisions.yaml").write_text(text)
    e = _error(bundle)
    assert (Path(e.file).name, e.line, e.field, e.id) == ("decisions.yaml", 3, "date", "statement-1")
    assert "malformed date '2020-02-30'" in str(e)


def test_position_outside_its_scale(bundle):
    text = (bundle / "positions.yaml").read_text().replace("value: 95", "value: 120")
    (bundle / "positions.yaml").write_text(text)
    e = _error(bundle)
    assert (Path(e.file).name, e.line, e.field, e.id) == ("positions.yaml", 2, "value", "vote-timing.beta.2020-03")
    assert "outside the scale" in str(e)


def test_invalid_yaml(bundle):
    (bundle / "actors.yaml").write_text("- id: alpha\n  name: [unclosed\n")
    e = _error(bundle)
    assert Path(e.file).name == "actors.yaml" and e.line is not None and "invalid YAML" in str(e)


def test_missing_citation(bundle):
    text = (bundle / "actors.yaml").read_text().replace("  cite: [https://example.org/beta]\n", "")
    (bundle / "actors.yaml").write_text(text)
    e = _error(bundle)
    assert (e.id, e.field) == ("beta", "cite")


def test_unknown_field_and_unknown_file(bundle, tmp_path):
    text = (bundle / "actors.yaml").read_text().replace("name: Beta", "name: Beta\n  colour: red")
    (bundle / "actors.yaml").write_text(text)
    e = _error(bundle)
    assert (e.id, e.field, e.line) == ("beta", "colour", 9)
    (bundle / "actors.yaml").write_text(text.replace("\n  colour: red", ""))
    (bundle / "people.yaml").write_text("[]\n")
    assert "unknown bundle file" in str(_error(bundle))


def test_votes_of_no_stay_strings(bundle):
    (bundle / "decisions.yaml").write_text(
        "- {id: d, body: group, date: 2020-03-02, title: T, status: rejected, votes: {alpha: yes, beta: no}, cite: [memo]}\n"
    )
    d = [r for r in read_bundle(bundle).records if r.id == "d"][0]
    assert d.votes == {"alpha": "yes", "beta": "no"}


def test_write_read_write_is_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_bundle(read_bundle(MINI).records, first)
    write_bundle(read_bundle(first).records, second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_schema_covers_every_file_and_validates_the_bundle():
    import jsonschema
    import yaml

    schema = bundle_schema()
    assert set(schema["files"]) >= {"case.yaml", "actors.yaml", "positions.yaml", "roadmaps.yaml"}
    for path in MINI.glob("*.yaml"):
        # the schema describes the canonical JSON form, where dates are strings
        data = yaml.load(path.read_text(), Loader=yaml.BaseLoader)
        jsonschema.validate(_numbers(data), schema["files"][path.name])


def _numbers(value):
    """BaseLoader reads every scalar as text; give numbers and booleans back their types."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if value in ("true", "false"):
        return value == "true"
    try:
        return float(value) if "." in value else int(value)
    except (TypeError, ValueError):
        return value
