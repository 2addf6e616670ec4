"""The quick bundle reader builds what PyYAML's safe loader (with the bundle's resolvers) builds, and
keeps the line numbers of errors, also deep in a large file."""

from pathlib import Path

import pytest
import yaml

from accord.errors import BundleError
from pydantic import BaseModel

from accord.record.bundle import _items, _Loader, read_bundle
from accord.record.model import _refs_in, references

MINI = Path(__file__).parent / "data" / "mini"


class _Reference(yaml.SafeLoader):
    """PyYAML's own pure-Python safe loader, with the bundle's implicit resolvers."""


_Reference.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

CASES = {
    "scalars": "- [1.5, -.5, +2., .inf, -.Inf, .NaN, 1_000.5, 190:20:30.15, 1.5E+3, 1.5e3, 012, 0x1F, 0o17, 3_000,"
               " yes, On, off, y, n, True, FALSE, null, Null, ~, '', a1, 'quoted 1.5', \"2\", 2015-12, 2015-12-18]\n",
    "block": "- id: a\n  n: 1\n  f: 2.5\n  b: true\n  no: no\n  d: 2015-12-18\n  z: ~\n  l: [x, 'y', \"z\"]\n",
    "flow": "[{id: a, v: 0x1F}, {id: b, v: 1_000}]\n",
    "anchors": "- &x {id: a, tags: [p, q]}\n- id: b\n  same: *x\n",
    "merge": "- &base {kind: state, cite: [u]}\n- <<: *base\n  id: b\n",
    "tags": "- id: !!str 12\n  v: !!float 3\n  s: !!set {a, b}\n",
    "quoted keys": "- 'id': a\n  \"1\": one\n  2: two\n  null: n\n",
    "block scalars": "- id: a\n  text: |\n    line one\n    line two\n  folded: >\n    a\n    b\n",
    "empty": "",
    "null document": "~\n",
    "empty list": "[]\n",
    "tagged list": "!!seq\n- {id: a}\n",
    "anchored list": "&all\n- {id: a}\n",
    "late alias": "- {id: a}\n- {id: b}\n- &x {id: c}\n- *x\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_data_as_pyyaml(name, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(CASES[name])
    expected = yaml.load(CASES[name], Loader=_Reference)
    items = list(_items(path, "thing"))
    assert repr([item for item, _ in items]) == repr(expected or [])  # repr: nan == nan, 1 is not 1.0
    lines = [line for _, line in items]
    assert lines == sorted(lines) and all(line >= 1 for line in lines)


@pytest.mark.parametrize("text, line", [
    ("- id: a\n- id: b\n  x: [unclosed\n", 4),  # where the stream ends, as PyYAML says
    ("- {id: a}\n---\n- {id: b}\n", 2),
    ("- {id: a}\n- *nowhere\n", 2),
    ("- id: a\n  x: 1\n  x: {[1]: 2}\n", 3),
])
def test_invalid_yaml_names_the_line(text, line, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(text)
    with pytest.raises(BundleError, match="invalid YAML") as e:
        list(_items(path, "thing"))
    assert e.value.line == line


def test_not_a_list(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("id: a\n")
    with pytest.raises(BundleError, match="expected a list of thing records"):
        list(_items(path, "thing"))


def test_errors_deep_in_a_large_file_keep_their_line(tmp_path):
    bundle = tmp_path / "b"
    bundle.mkdir()
    for p in MINI.iterdir():
        (bundle / p.name).write_text(p.read_text())
    actors = "".join(f"- id: x{i}\n  kind: state\n  name: X{i}\n  cite: [https://e.org/{i}]\n" for i in range(3000))
    bad = actors.replace("  name: X2500\n", "  name: X2500\n  colour: red\n")
    (bundle / "actors.yaml").write_text((MINI / "actors.yaml").read_text() + bad)
    with pytest.raises(BundleError) as e:
        read_bundle(bundle)
    offset = len((MINI / "actors.yaml").read_text().splitlines())
    assert (e.value.id, e.value.field, e.value.line) == ("x2500", "colour", offset + 2500 * 4 + 4)
    # and an alias late in the file sends the rest to PyYAML's composer, lines unchanged
    aliased = actors + "- &y {id: y1, kind: state, name: Y, cite: [https://e.org/y]}\n- {id: y2, kind: *y, name: Y, cite: [https://e.org/y]}\n"
    (bundle / "actors.yaml").write_text((MINI / "actors.yaml").read_text() + aliased)
    with pytest.raises(BundleError) as e:
        read_bundle(bundle)
    assert (e.value.id, e.value.field, e.value.line) == ("y2", "kind", offset + 3000 * 4 + 2)


@pytest.mark.parametrize("case", ["syria-2015", "yemen-2018", str(MINI)])
def test_planned_references_are_what_a_walk_of_every_field_finds(case):
    for rec in read_bundle(case).records:
        assert list(references(rec)) == list(_walk(rec))


def _walk(record: BaseModel, path: str = ""):
    """The unplanned walk: every field through its type hints."""
    for name, field in type(record).model_fields.items():
        value = getattr(record, name)
        if isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            for i, item in enumerate(value):
                yield from _walk(item, f"{path}{name}[{i}].")
        else:
            yield from _refs_in(field.annotation, field.metadata, value, f"{path}{name}")
