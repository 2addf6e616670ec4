"""The `accord` command: a thin shell over the record, the rules, ingest and forecasts."""

from __future__ import annotations

import copy
import sys
from typing import Annotated

import typer
import typer.main

from accord.cli import common, forecast, formats, ingest, monitor, record, rules, serve, users

def _plain_help() -> None:
    """Help that reads like a man page. typer (0.29) labels every parameter with its Python type
    (``<bool>`` beside a flag, ``<list[str]>``) and wraps required arguments in braces (``{ISSUE}``);
    here a flag shows no type, an option a word for its value, an argument its name alone."""
    from typer.core import TyperArgument, TyperOption

    words = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH", "file": "FILE", "directory": "FOLDER"}

    def option_type(self: TyperOption, ctx: object) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag or self.count:
            return None
        label = self.display_type(ctx).strip("<>").removeprefix("list[").removesuffix("]")
        return words.get(label, label.upper())

    def argument_usage(self: TyperArgument) -> str:
        name = self.display_name_raw
        return (name if self.required else f"[{name}]") + ("..." if self.nargs != 1 else "")

    TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    TyperArgument._usage_display_name = argument_usage  # type: ignore[method-assign]
    TyperArgument.display_name_raw = property(  # type: ignore[method-assign,assignment]
        lambda self: (self.metavar or self.name or "").strip("[]").upper())


_plain_help()

app = typer.Typer(
    name="accord",
    help="Follow, check and forecast multilateral peace processes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # paragraphs rewrap to the terminal; `code` reads as code
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"accord {version('accord')}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option("--db", envvar="ACCORD_DB", help="Store: a SQLite file path or a database URL."),
    ] = "accord.db",
    _show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print accord's version and exit.")
    ] = False,
) -> None:
    common.settings.db = db
    # a command run in-process (tests, a server) must not leave its database connections open
    ctx.call_on_close(common.close_stores)


for module in (record, formats, rules, ingest, forecast, monitor, users, serve):
    module.register(app)


def _command_name(argv: list[str]) -> str | None:
    """The command a command line names (``accord --db X positions ...`` → "positions"), None if it names
    none before an option of the top level itself (--help, --version)."""
    args = iter(argv)
    for arg in args:
        if arg == "--db":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
        elif not arg.startswith("--db="):
            return None
    return None


def _for(argv: list[str]) -> typer.Typer:
    """The app with only the command (or group) the command line names registered.

    Typer builds a Click command for every registered command before it parses anything, reading every
    command's signature (≈ 60 of them): about a third of a read command's CPU time after the imports. A
    command line names one, so only that one is built; the full app answers when it names none that
    exists (help, a typo's suggestions)."""
    name = _command_name(argv)
    if name is None:
        return app
    commands = [c for c in app.registered_commands if (c.name or typer.main.get_command_name(c.callback.__name__)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands, narrowed.registered_groups = commands, groups
    return narrowed


def main() -> None:
    _for(sys.argv[1:])()
