"""The built-in case bundles' names: a folder listing, kept apart from the bundle reader so that
`accord case list` does not import YAML, the record model and the reader to print them."""

from __future__ import annotations

from pathlib import Path

BUILTIN_CASES = Path(__file__).resolve().parent.parent / "cases"


def builtin_cases() -> list[str]:
    return sorted(p.name for p in BUILTIN_CASES.iterdir() if (p / "case.yaml").is_file())
