"""Every example in docs/rules.md runs, and each field it shows is in the output with that value."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Accord

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
BLOCK = re.compile(r"```console\n\$ accord (?P<cmd>[^\n]+)\n(?P<out>.*?)```", re.S)
EXAMPLES = [(m["cmd"], m["out"]) for m in BLOCK.finditer(DOC.read_text())]


@pytest.fixture(scope="module")
def accord(tmp_path_factory) -> Accord:
    run = Accord(str(tmp_path_factory.mktemp("docs") / "accord.db"))
    run("case", "load", "syria-2015", "--by", "tests")
    return run


def shown_in(expected: Any, actual: Any) -> bool:
    """Dicts: each shown key matches; lists: each shown item matches some item; else equal."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and shown_in(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and all(any(shown_in(e, a) for a in actual) for e in expected)
    return expected == actual


def test_every_command_has_an_example():
    commands = {" ".join(cmd.split()[:2]) for cmd, _ in EXAMPLES}
    for command in ("decision show", "vote tally", "vote predict", "list status", "eligible talks",
                    "eligible ceasefire", "roadmap unscr-2254"):
        assert command in commands


@pytest.mark.parametrize("cmd, out", EXAMPLES, ids=[cmd for cmd, _ in EXAMPLES])
def test_example(accord, cmd, out):
    args = shlex.split(cmd)
    result = accord(*args, ok=False)
    if "--json" in args:
        assert result.exit_code == 0, result.stderr
        actual = json.loads(result.stdout)
        assert shown_in(json.loads(out), actual), json.dumps(actual, indent=1)[:3000]
    else:
        assert result.exit_code == 2
        assert " ".join(out.split()) in " ".join(result.stderr.split())
