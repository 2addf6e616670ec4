"""docs/reliability.md names, for each promise, the test that proves it: every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NAMED = re.compile(r"(tests/[\w/]+\.py)::(\w+)")


def test_every_test_named_in_reliability_md_exists():
    named = NAMED.findall((REPO / "docs" / "reliability.md").read_text())
    assert len(named) >= 20, named
    missing = [f"{file}::{name}" for file, name in named
               if not (REPO / file).is_file()
               or not re.search(rf"^(async )?def {name}\(", (REPO / file).read_text(), flags=re.M)]
    assert not missing, f"docs/reliability.md names tests that do not exist: {missing}"
