"""The examples in the docs run: shell commands in order against a fresh store, Python blocks as code,
the bundle example loads, and the published JSON Schema matches the model."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.record.bundle import bundle_schema, read_bundle

REPO = Path(__file__).resolve().parents[1]
COMMAND_DOCS = ["README.md", "docs/cli.md", "docs/tour-yemen.md", "docs/formats.md", "docs/monitor.md"]
#: files the examples read, copied to the same place under the folder the examples run in
EXAMPLE_FILES = REPO / "docs" / "examples"
PYTHON_DOCS = ["docs/python-api.md"]


def blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(), flags=re.S)


def commands(path: Path) -> list[list[str]]:
    out = []
    for block in blocks(path, "console"):
        for line in block.splitlines():
            # `accord serve` runs until stopped: tests/service/test_api_docs.py serves and queries it
            if line.startswith("$ accord ") and not line.startswith("$ accord serve"):
                out.append(shlex.split(line[len("$ accord "):], comments=True))
    return out


@pytest.mark.parametrize("doc", COMMAND_DOCS)
def test_documented_commands_run_in_order(doc, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE_FILES, tmp_path / "docs" / "examples")
    runner = CliRunner()
    cmds = commands(REPO / doc)
    assert cmds, f"{doc} shows no commands"
    for args in cmds:
        result = runner.invoke(app, ["--db", str(tmp_path / "docs.db"), *args])
        assert result.exit_code == 0, f"accord {shlex.join(args)}: {result.stderr}{result.exception!r}"
        if "--json" in args:
            json.loads(result.stdout)


@pytest.mark.parametrize("doc", PYTHON_DOCS)
def test_documented_python_runs(doc, capsys):
    code = blocks(REPO / doc, "python")
    assert code
    for block in code:
        exec(compile(block, doc, "exec"), {})


def test_bundle_format_example_loads(tmp_path):
    for block in blocks(REPO / "docs" / "bundle-format.md", "yaml"):
        name = re.match(r"# file: (\S+)\n", block)
        assert name, block[:40]
        (tmp_path / name[1]).write_text(block)
    b = read_bundle(tmp_path)
    assert b.id == "example" and len(b.records) == 14


def test_published_schema_is_current():
    published = json.loads((REPO / "docs" / "bundle-schema.json").read_text())
    assert published == json.loads(json.dumps(bundle_schema())), "run: accord case schema --out docs/bundle-schema.json"
