"""The `accord` command: a thin shell over the record, the rules, ingest and forecasts."""

from __future__ import annotations

import copy
import importlib
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
import typer.main
import typer.models

from accord.cli import common

def _plain_help() -> None:
    """Help that reads like a man page. typer (0.29) labels every parameter with its Python type
    (``<bool>`` beside a flag, ``<list[str]>``) and wraps required arguments in braces (``{ISSUE}``);
    here a flag shows no type, an option a word for its value, an argument its name alone."""
    from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

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

    def light(format_help: Callable[..., None]) -> Callable[..., None]:
        def formatted(self: Any, ctx: Any, formatter: Any) -> None:
            from accord.cli import helptext

            helptext.load()  # Typer's help module without a Markdown parser for plain text (see there)
            format_help(self, ctx, formatter)
        return formatted

    TyperCommand.format_help = light(TyperCommand.format_help)  # type: ignore[method-assign]
    TyperGroup.format_help = light(TyperGroup.format_help)  # type: ignore[method-assign]
    TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    TyperArgument._usage_display_name = argument_usage  # type: ignore[method-assign]
    TyperArgument.display_name_raw = property(  # type: ignore[method-assign,assignment]
        lambda self: (self.metavar or self.name or "").strip("[]").upper())


_plain_help()


def _text_needs_no_adapter() -> None:
    """Typer (0.29) coerces each parameter's value through a pydantic TypeAdapter it builds for that
    parameter when the command runs: importing pydantic and building a schema per parameter, which is
    most of what `accord case list` costs besides its query. The value of a text parameter (``str``,
    ``str | None``: ids, dates, paths given as text) is the text the command line gave, and a flag's
    (``bool``) is a bool, which is what the adapter returns for them: such values are passed through as
    they are. So are a repeatable text option's (``list[str]``: the texts given, as a list, the adapter's
    answer) and a number option's default when the command line leaves it out (the command's own value:
    nothing to check). An option left out whose default is None (``--chart``, ``--tolerance``) is None,
    which Typer passes through before any adapter is asked: the adapter is built only when a value reaches
    it. A path's text (``Path``, ``Path | None``) becomes ``Path(text)``, what the adapter makes of a text.
    Anything else (numbers given, choices, files, a value of another type) goes to Typer's adapter."""
    from dataclasses import dataclass
    from pathlib import Path

    from typer import _coercion
    from typer.core import _TyperParameter

    plain = {str: str, str | None: str, bool: bool, bool | None: bool}
    paths = (Path, Path | None)
    texts = (list[str], list[str] | None)
    numbers = (int, float)

    @dataclass(frozen=True)
    class Plain(_coercion.RuntimeParam):
        descriptor: _coercion.TypeDescriptor | None = None
        #: whether a value may pass as it is (the types above); else every value goes to the adapter
        passes: bool = False

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.passes:
                if self.annotation in texts:
                    if isinstance(value, (tuple, list)) and all(type(v) is str for v in value):
                        return list(value)
                elif self.annotation in numbers:
                    if type(value) is self.annotation and type(param.default) is self.annotation and value == param.default:
                        return value
                elif self.annotation in paths:
                    if type(value) is str:
                        return Path(value)
                elif type(value) is plain[self.annotation]:
                    return value
            assert self.descriptor is not None
            return _coercion.build_runtime_param(self.descriptor).coerce(value, param=param, ctx=ctx)

    built = _TyperParameter.get_runtime_param

    def get_runtime_param(self: _TyperParameter) -> _coercion.RuntimeParam:
        d = self.type_descriptor
        if self._runtime_param is None:
            many = d.annotation in texts and self.multiple
            passes = (self.nargs == 1 and not (d.is_file or d.is_choice)
                      and (many or (d.annotation in plain or d.annotation in numbers or d.annotation in paths)
                           and not self.multiple))
            self._runtime_param = Plain(d.parameter_info, d.annotation, d, passes)
        return built(self)

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]


_text_needs_no_adapter()

#: the top level alone: its options, no command (the modules below register theirs)
_root = typer.Typer(
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


@_root.callback()
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


#: the command modules (accord/cli/NAME.py), each with a ``register(app)``
MODULES = ("record", "formats", "rules", "ingest", "forecast", "monitor", "users", "serve")
#: the modules that make each top-level command or group: a command line imports only those of the
#: command it names (formats adds its import commands to ``case``). tests/cli/test_entry.py checks it
#: against what the modules register.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("show", "relations", "positions", "edit", "history", "brief", "actors", "body", "position"),
                    ("record",)),
    "case": ("record", "formats"),
    **dict.fromkeys(("eligible", "roadmap", "decision", "vote", "list"), ("rules",)),
    **dict.fromkeys(("ingest", "review", "eval"), ("ingest",)),
    "forecast": ("forecast",), "monitor": ("monitor",), "user": ("users",), "serve": ("serve",),
}


def _registered(modules: tuple[str, ...]) -> typer.Typer:
    """The top level with the commands of these modules."""
    out = copy.copy(_root)
    out.registered_commands, out.registered_groups = [], []
    for name in modules:
        importlib.import_module(f"accord.cli.{name}").register(out)
    return out


_full: list[typer.Typer] = []


def _app() -> typer.Typer:
    """Every command (help, a typo's suggestions, tests)."""
    if not _full:
        _full.append(_registered(MODULES))
    return _full[0]


def __getattr__(name: str) -> Any:
    if name == "app":  # `from accord.cli.main import app`: the whole app, made when first asked for
        return _app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def _listed(name: str, text: str) -> typer.models.CommandInfo:
    """A command as the top level's help lists it (its name and help), with no parameters to read."""

    def listed() -> None:  # never run: `accord NAME` builds the real command (see _for)
        raise AssertionError(name)

    listed.__doc__ = text
    return typer.models.CommandInfo(name=name, callback=listed)


def _listing() -> typer.Typer:
    """The app for its own help (and --version, and a bare `accord`): every command and group listed by
    name and help as in the full app (accord/cli/listing.py), none of their modules imported. Building
    the full app read every command's signature and evaluated its type hints (≈ 60 commands), and
    importing its eight modules was a quarter of the help's time, for a list of names."""
    from accord.cli.listing import LISTING

    lean = copy.copy(_root)
    lean.registered_commands, lean.registered_groups = [_listed(name, text) for name, text in LISTING], []
    return lean


def _for(argv: list[str]) -> typer.Typer:
    """The app with only the command (or group) the command line names registered.

    Typer builds a Click command for every registered command before it parses anything, reading every
    command's signature (≈ 60 of them): about a third of a read command's CPU time after the imports. A
    command line names one, so only its modules are imported and only it is built; one that names none
    gets the listing (help, --version); the full app answers a name that matches no command (a typo's
    suggestions)."""
    name = _command_name(argv)
    if name is None:
        return _listing()
    if name not in COMMAND_MODULES:
        return _app()
    app = _registered(COMMAND_MODULES[name])
    commands = [c for c in app.registered_commands if (c.name or typer.main.get_command_name(c.callback.__name__)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return _app()
    narrowed = copy.copy(app)
    narrowed.registered_commands, narrowed.registered_groups = commands, groups
    return narrowed


def main() -> None:
    _for(sys.argv[1:])()
