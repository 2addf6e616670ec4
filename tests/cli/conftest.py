from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app

MINI = Path(__file__).resolve().parents[1] / "record" / "data" / "mini"


class Accord:
    """Runs `accord --db URL …` in-process and gives back exit code, stdout, stderr and parsed JSON."""

    def __init__(self, db: str):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True, env: dict[str, str] | None = None):
        result = self.runner.invoke(app, ["--db", self.db, *args], env=env)
        if ok and result.exit_code != 0:
            raise AssertionError(f"accord {' '.join(args)} exited {result.exit_code}: {result.stderr}{result.exception!r}")
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def accord(db_url):
    return Accord(db_url)


@pytest.fixture
def mini(accord):
    accord("case", "load", str(MINI), "--by", "loader")
    return accord
