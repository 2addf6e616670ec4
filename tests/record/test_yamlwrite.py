"""The YAML writer takes libyaml's emitter only for what it writes as PyYAML's own emitter does: the same
text, byte for byte, on generated bundle-like data, so that `accord case export` is unchanged by it."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.record import yamlwrite

pytestmark = pytest.mark.skipif(yamlwrite._FastDumper is None, reason="PyYAML without libyaml")


def _pure(data) -> str:
    return yaml.dump(data, Dumper=yamlwrite._Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def _fast(data) -> str:
    return yaml.dump(data, Dumper=yamlwrite._FastDumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


#: characters of records' text, and the ones YAML treats specially
_chars = (st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("\n\t:#-'\"|>&*!%@`{}[],?éü—…“”’\u2028\x85\ufeff😀")
          | st.characters(min_codepoint=0xA0, max_codepoint=0xFFFD))
_text = (st.text(_chars, max_size=140)
         | st.sampled_from(["yes", "no", "on", "null", "~", "2015-12-18", "1e3", "0x1F", ".inf", "a: b", "- x", "#c",
                            " lead", "trail ", "a\n", "a\n\n", "\n", "a\n b\n", "word " * 40, "é" * 60 + " " + "é" * 60]))
_scalar = _text | st.integers() | st.floats() | st.booleans() | st.none() | st.dates()
_key = (st.text(_chars, max_size=14) | st.sampled_from(["id", "cite", "start", "end", "note", "yes"])
        | st.sampled_from(["\u00e9" * 63, "\u00e9" * 64, "\u00e9" * 100, "a" * 130]))
_value = st.recursive(_scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(_key, c, max_size=4), max_leaves=24)
_bundle = st.dictionaries(_key, _value, max_size=6) | st.lists(st.dictionaries(_key, _value, max_size=5), max_size=4)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=_bundle)
def test_what_takes_libyamls_emitter_is_written_as_by_pyyamls(data):
    if yamlwrite._alike(data):
        assert _fast(data) == _pure(data)
    assert yamlwrite.dump_yaml(data) == _pure(data)


@pytest.mark.parametrize("data", [
    {"note": "a \U0001F600"}, {"note": "tab\there"}, {"": "empty key"}, {"kept": "two breaks\n\n"},
    [{"date": dt.date(2016, 3, 1)}], {"sep": "line\u2028separator"}, {"\u00e9" * 64: "a key of 128 bytes"},
])
def test_what_libyaml_writes_otherwise_goes_to_pyyamls_emitter(data):
    assert not yamlwrite._alike(data)
    assert yamlwrite.dump_yaml(data) == _pure(data)


def test_the_syria_case_takes_libyamls_emitter():
    from accord.record.bundle import read_bundle
    from accord.record.bundlewrite import to_bundle_dict

    records = read_bundle("syria-2015").records
    assert yamlwrite._alike([to_bundle_dict(r) for r in records])
