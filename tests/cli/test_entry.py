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


def test_the_written_listing_is_the_apps():
    """accord/cli/listing.py lists what the command modules register; after adding a command or changing
    the first paragraph of its help, run `python -m accord.cli.listing`."""
    from accord.cli.listing import LISTING, listing

    assert LISTING == listing(app)


def test_the_top_level_help_imports_no_command_module():
    import subprocess
    import sys

    from accord.cli.main import MODULES

    code = ("import sys\nfrom accord.cli.main import main\nsys.argv = ['accord', '--help']\ntry:\n    main()\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.startswith('accord.cli.')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "positions" in done.stdout
    loaded = done.stderr.strip().splitlines()[-1]
    assert not [m for m in MODULES if f"'accord.cli.{m}'" in loaded], loaded


def test_version_from_the_listing():
    out = runner.invoke(_for(["--version"]), ["--version"])
    assert out.exit_code == 0 and out.output.startswith("accord ")


def test_an_unknown_command_gets_the_full_app():
    assert _for(["posit"]) is app
    assert "Did you mean" in runner.invoke(_for(["posit"]), ["posit"]).output


_TREE = """
import json, sys
import typer.main
from accord.cli.main import _for
def tree(cmd):
    subs = getattr(cmd, "commands", None)
    if subs is None:
        return sorted(p.name for p in cmd.params)
    return {name: tree(sub) for name, sub in subs.items()}
out = {}
for name in sys.argv[1:]:
    out[name] = tree(typer.main.get_command(_for([name])).commands[name])
print(json.dumps(out))
"""


def test_a_command_line_imports_only_its_modules_and_they_make_the_whole_command():
    """COMMAND_MODULES names every top-level command and group, and the modules it names for one make it
    whole (every subcommand and parameter the full app has), in an interpreter that imported nothing
    else: a command added to a module, or to a group by another module, without saying so here fails."""
    import json
    import subprocess
    import sys

    from accord.cli.main import COMMAND_MODULES

    full = typer.main.get_command(app)
    assert set(COMMAND_MODULES) == set(full.commands)

    def tree(cmd):
        subs = getattr(cmd, "commands", None)
        return sorted(p.name for p in cmd.params) if subs is None else {n: tree(s) for n, s in subs.items()}

    by_modules: dict[tuple[str, ...], list[str]] = {}
    for name, modules in COMMAND_MODULES.items():
        by_modules.setdefault(modules, []).append(name)
    for modules, names in by_modules.items():
        done = subprocess.run([sys.executable, "-c", _TREE, *names], capture_output=True, text=True, check=True)
        alone = json.loads(done.stdout)
        for name in names:
            assert alone[name] == tree(full.commands[name]), (name, modules)
