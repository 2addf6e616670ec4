"""accord's entry point builds only the command a command line names (accord/cli/main.py, ``_for``):
the same command, the same help and errors as the full app."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from accord.cli.main import _command_name, _for, app
from tests.cli.test_imports import _commands

runner = CliRunner()


@pytest.mark.parametrize(
    "argv, name",
    [
        (["positions", "x"], "positions"),
        (["--db", "a.db", "case", "list"], "case"),
        (["--db=a.db", "show", "x"], "show"),
        (["--help"], None),
        (["--version"], None),
        ([], None),
        (["--db", "a.db"], None),
    ],
)
def test_the_named_command_is_found(argv, name):
    assert _command_name(argv) == name


def test_every_command_built_alone_is_the_same_command():
    full = typer.main.get_command(app)
    for path in _commands():
        alone = typer.main.get_command(_for(list(path)))
        assert list(alone.commands) == [path[0]]
        a, b = full.commands[path[0]], alone.commands[path[0]]
        for step in path[1:]:
            a, b = a.commands[step], b.commands[step]
        assert [p.name for p in a.params] == [p.name for p in b.params], path
        assert runner.invoke(_for(list(path)), [*path, "--help"]).output == runner.invoke(app, [*path, "--help"]).output


@pytest.mark.parametrize("argv", [["--help"], [], ["--db", "a.db", "--help"]])
def test_the_top_level_help_lists_as_the_full_app_does(argv):
    """`accord --help` is answered by the listing (no command's parameters read), word for word."""
    listing = _for(argv)
    assert listing is not app
    assert all(not typer.main.get_params_from_function(c.callback) for c in listing.registered_commands)
    full = runner.invoke(app, argv)
    assert full.output and "positions" in full.output
    assert runner.invoke(listing, argv).output == full.output


def test_version_from_the_listing():
    out = runner.invoke(_for(["--version"]), ["--version"])
    assert out.exit_code == 0 and out.output.startswith("accord ")


def test_an_unknown_command_gets_the_full_app():
    assert _for(["posit"]) is app
    assert "Did you mean" in runner.invoke(_for(["posit"]), ["posit"]).output
