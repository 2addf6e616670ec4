"""The one YAML reader: no document a user gives crashes, hangs or escapes as a ValueError."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.record import yamlread
from accord.record.yamlread import MAX_ALIASED, MAX_DEPTH, YamlError, load
from tests.reliability.conftest import bundle_refused, one_error_line


def _laughs(levels: int, width: int = 9) -> str:
    """Nested anchors, each level an alias list of the one before: width**levels values expanded."""
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def test_depth_up_to_the_limit_reads_and_one_more_is_refused_at_its_place():
    assert load("[" * MAX_DEPTH + "]" * MAX_DEPTH, "t") is not None
    with pytest.raises(YamlError, match=rf"^t:1:{MAX_DEPTH + 1}: invalid YAML: nested deeper than {MAX_DEPTH}"):
        load("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "t")


def test_a_document_nested_100k_deep_is_refused_not_a_crash():
    # libyaml's composer recursed in C here: a segfault; PyYAML's a RecursionError
    for text in ("[" * 100_000, "a:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)), "{a: " * 100_000):
        with pytest.raises(YamlError, match="nested deeper"):
            load(text, "t")


def test_billion_laughs_is_refused_and_a_few_aliases_are_fine():
    assert len(_laughs(9)) < 1100
    with pytest.raises(YamlError, match="aliases expand to more than"):
        load(_laughs(9), "t")
    data = load(_laughs(3), "t")
    assert data["a3"][0][0][0] == ["lol"] and len(data["a3"][8]) == 9


def test_a_recursive_alias_is_refused():
    with pytest.raises(YamlError, match="contains it"):
        load("a: &x [1, *x]\n", "t")
    with pytest.raises(YamlError, match="contains it"):
        load("&x {a: *x}\n", "t")


@pytest.mark.parametrize("text, words", [
    ("!!int memo", "'memo' is not a valid !!int"),
    ("!!float https", "'https' is not a valid !!float"),
    ("!!timestamp 2015-02-30", "day is out of range"),
    ("!!float 1:2:x", "!!float"),
    ("0b_", "!!int"),
    ("0x_", "!!int"),
    ("!!int 12abc", "!!int"),
    ("[!!binary x]", "base64"),
    ("!!python/object:os.system x", "could not determine a constructor"),
    ("!!timestamp Alpha Front", "!!timestamp"),  # found by bench/fuzz.py: an AttributeError inside PyYAML
    ("!!int ''", "!!int"),  # found by bench/fuzz.py: an IndexError inside PyYAML
])
def test_a_value_its_tag_cannot_make_is_a_located_error(text, words):
    with pytest.raises(YamlError) as e:
        load(f"a: {text}\n", "f.yaml")
    msg = str(e.value)
    assert msg.startswith("f.yaml:1:") and words in msg and "\n" not in msg, msg
    assert not e.value.syntax


def test_a_syntax_error_says_so():
    with pytest.raises(YamlError) as e:
        load("a: [1, 2\n", "f.yaml")
    assert e.value.syntax and str(e.value).startswith("f.yaml:")


@given(st.text(max_size=200))
def test_any_text_reads_or_is_one_yaml_error(text):
    try:
        load(text, "t")
    except YamlError as e:
        assert "\n" not in str(e)


def test_yaml_booleans_are_yaml_1_2_and_dates_stay_text():
    assert load("[no, yes, true, 2015-12-18]", "t") == ["no", "yes", True, "2015-12-18"]
    assert yamlread.Loader is not None


@pytest.mark.parametrize("file, text, needle", [
    ("actors.yaml", "- " + "[" * 100_000 + "]" * 100_000 + "\n", "nested deeper"),
    ("case.yaml", "id: " + "[" * 100_000 + "]" * 100_000 + "\nformat: 1\n", "nested deeper"),
    ("actors.yaml", "- id: x\n  name: n\n  note:\n" + textwrap.indent(_laughs(9), "    "), "aliases expand"),
    ("issues.yaml", "- id: v\n  name: !!int memo\n", "issues.yaml:2:9"),
    ("issues.yaml", "- id: v\n  name: !!timestamp 2015-02-30\n", "issues.yaml:2:9"),
])
def test_a_bundle_beyond_the_reader_is_refused_with_its_place(accord, bundle, file, text, needle):
    (bundle / file).write_text(text)
    bundle_refused(accord("case", "load", str(bundle), ok=False), needle)
    assert accord.json("case", "list")["stored"] == []


@pytest.mark.parametrize("value, needle", [
    ("!!int memo", "--set name:1:1"), ("[" * 100_000, "nested deeper"), ("{" + ", ".join(_laughs(9).splitlines()) + "}", "aliases expand")])
def test_edit_set_beyond_the_reader_is_one_line(mini, value, needle):
    r = mini("edit", "vote-timing", "--set", f"name={value}", "--cite", "https://e.org", ok=False)
    one_error_line(r, needle)
    assert mini.json("show", "vote-timing")["record"]["name"] == "When to hold the vote"
