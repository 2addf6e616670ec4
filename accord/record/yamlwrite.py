"""The one writer of YAML: bundle files, and records as `accord show` prints them.

Kept apart from the bundle reader (accord.record.bundle) so that printing a record does not import the
reader, its JSON Schema and the record model's bundle machinery.
"""

from __future__ import annotations

from typing import Any

import yaml

from accord.record.yamlread import Loader


class _Dumper(yaml.SafeDumper):
    """Writes what the reader (accord.record.yamlread) reads: quotes only what it would read as something
    else (so a vote is written ``no``, a date ``2015-12-18``), and multi-line text as a literal block."""


_Dumper.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers


def _str_rep(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_rep)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
