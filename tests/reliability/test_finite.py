"""No number field takes NaN or infinity: they have no JSON form and would poison every later read."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.record.model import RECORD_TYPES, number
from tests.reliability.conftest import bundle_refused, one_error_line


def _float_schemas(schema, seen=None):
    """Every float schema reachable in a pydantic core schema."""
    seen = set() if seen is None else seen
    if isinstance(schema, dict):
        if id(schema) in seen:
            return
        seen.add(id(schema))
        if schema.get("type") == "float":
            yield schema
        for v in schema.values():
            yield from _float_schemas(v, seen)
    elif isinstance(schema, list):
        for v in schema:
            yield from _float_schemas(v, seen)


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.record_kind)
def test_every_float_field_of_every_record_refuses_non_finite(cls):
    # a field added later as a bare float would show up here
    for schema in _float_schemas(cls.__pydantic_core_schema__):
        assert schema.get("allow_inf_nan") is False, (cls.record_kind, schema)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_number_takes_exactly_the_finite_floats(x):
    if math.isfinite(x):
        assert number(x) == x and number(repr(x)) == x
    else:
        with pytest.raises(ValueError):
            number(x)
        with pytest.raises(ValueError):
            number(repr(x))


@pytest.mark.parametrize("text", ["-.inf", ".nan", ".inf", "1e999"])
def test_a_bundle_with_a_non_finite_number_is_refused(accord, bundle, text):
    issues = bundle / "issues.yaml"
    issues.write_text(issues.read_text().replace("  anchors:", f"  scale_min: {text}\n  anchors:"))
    bundle_refused(accord("case", "load", str(bundle), ok=False), "issues.yaml:3", "scale_min", "finite")
    assert accord.json("case", "list")["stored"] == []


@pytest.mark.parametrize("text", [".inf", ".nan", "-.inf"])
def test_edit_set_of_a_non_finite_number_is_refused_and_the_case_still_reads(mini, text):
    r = mini("edit", "vote-timing", "--set", f"scale_max={text}", "--cite", "https://e.org", ok=False)
    one_error_line(r, "scale_max", "finite")
    assert mini.json("positions", "vote-timing")[0]["actor"] == "alpha"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_position_set_of_a_non_finite_value_is_refused(mini, value):
    r = mini("position", "set", "--cite", "https://e.org", "--", "vote-timing", "alpha", value, ok=False)
    one_error_line(r, "finite")


def test_a_forecast_csv_with_a_non_finite_number_is_refused(accord, tmp_path):
    f = tmp_path / "s.csv"
    f.write_text("Actor,Capability,Position,Salience\nA,1,inf,0.5\nB,1,10,0.5\n")
    one_error_line(accord("forecast", "run", "eum", str(f), ok=False), f"{f}:2", "Position")
