"""The one writer of YAML: bundle files, and records as `accord show` prints them.

Kept apart from the bundle reader (accord.record.bundle) so that printing a record does not import the
reader, its JSON Schema and the record model's bundle machinery.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from accord.record.yamlread import Loader


class _Dumper(yaml.SafeDumper):
    """Writes what the reader (accord.record.yamlread) reads: quotes only what it would read as something
    else (so a vote is written ``no``, a date ``2015-12-18``), and multi-line text as a literal block."""


def _str_rep(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


if hasattr(yaml, "CSafeDumper"):
    class _FastDumper(yaml.CSafeDumper):
        """``_Dumper`` over libyaml's emitter (C): four times faster (0.03 s of CPU against 0.12 s for the
        Syria case's 16 files, most of what `accord case export` cost)."""
else:  # a PyYAML built without libyaml
    _FastDumper = None  # type: ignore[assignment,misc]

for _dumper in (_Dumper, _FastDumper):
    if _dumper is not None:
        _dumper.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers
        _dumper.add_representer(str, _str_rep)

#: text both emitters write alike (tests/record/test_yamlwrite.py compares them on generated data):
#: printable characters of the Basic Multilingual Plane and line breaks; not tabs, other control
#: characters, line and paragraph separators, a byte order mark or characters beyond the BMP, which
#: the two escape or fold differently
_ALIKE = re.compile("[ -~\n\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


def _alike(value: Any) -> bool:
    """Whether libyaml's emitter writes this as PyYAML's does: mappings with non-empty text keys (not
    non-ASCII ones of 128 bytes or more), lists,
    text (as ``_ALIKE``; not one that ends in two line breaks, a literal block kept open), numbers,
    booleans and None; not dates, which the two quote differently."""
    if isinstance(value, str):
        return _ALIKE.fullmatch(value) is not None and not (value.endswith("\n") and value[-2:-1] in ("", "\n"))
    if isinstance(value, dict):
        # a key of 128 bytes or more is written as a complex key ('? ...') by libyaml, which counts bytes, while
        # PyYAML counts characters: a non-ASCII key that long is written by PyYAML
        return all(type(k) is str and k and _alike(k) and (k.isascii() or len(k.encode()) < 128) and _alike(v)
                   for k, v in value.items())
    if isinstance(value, list):
        return all(_alike(v) for v in value)
    return value is None or type(value) in (bool, int, float)


def dump_yaml(data: Any) -> str:
    dumper = _FastDumper if _FastDumper is not None and isinstance(data, (dict, list)) and _alike(data) else _Dumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
