"""Shared by the reliability tests: a copy of the mini bundle to spoil, and the CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import MINI, Accord, accord, mini  # noqa: F401 - fixtures used by these tests


@pytest.fixture
def bundle(tmp_path) -> Path:
    """A writable copy of the mini bundle."""
    out = tmp_path / "bundle"
    shutil.copytree(MINI, out)
    return out


def one_error_line(result, *needles: str) -> str:
    """Assert a user error: exit 2, one line on stderr, no traceback, naming each needle."""
    err = result.stderr.strip()
    assert result.exit_code == 2, (result.exit_code, result.stdout, err, result.exception)
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    for n in needles:
        assert n in err, (n, err)
    return err


def bundle_refused(result, *needles: str) -> list[str]:
    """Assert a refused bundle: exit 2, no traceback, one line per error (each naming a file and a place),
    then the count and "nothing was written"; some error line names every needle."""
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert "Traceback" not in result.stderr and lines, result.stderr
    assert lines[-1].startswith("error: ") and "nothing was written" in lines[-1], lines
    assert any(all(n in line for n in needles) for line in lines[:-1]), (needles, lines)
    return lines[:-1]
