"""What every command shares: options, output (Rich or --json), one-line errors, opening the store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from accord.errors import AccordError

console = Console()
err_console = Console(stderr=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", help="Valid date: what was true on this day (YYYY-MM-DD).")
]
AsKnownOnOpt = Annotated[
    str | None,
    typer.Option("--as-known-on", help="Transaction time: what the record said at this moment (ISO timestamp; "
                                       "a day alone means the end of that day, UTC)."),
]
CaseOpt = Annotated[str | None, typer.Option(
    "--case", "-c", envvar="ACCORD_CASE", show_envvar=False,
    help="Case id (needed when the store holds several; default: $ACCORD_CASE).")]
EngineOpt = Annotated[str, typer.Option("--engine", help="local (this machine's processes) or dask (a Dask cluster).")]
SchedulerOpt = Annotated[
    str | None, typer.Option("--scheduler", help="With --engine dask: tcp://HOST:PORT of a running scheduler "
                             "(default: a LocalCluster of --workers processes).")
]


@dataclass
class Settings:
    db: str = "accord.db"


settings = Settings()


def common_db() -> str:
    """The store the command was given (--db or $ACCORD_DB)."""
    return settings.db


def fail(message: str, code: int = 2) -> NoReturn:
    """A user error: one line on stderr, a non-zero exit."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def to_jsonable(value: Any) -> Any:
    pydantic = sys.modules.get("pydantic")  # a value is a model only once pydantic is imported: a read that
    if pydantic is not None and isinstance(value, pydantic.BaseModel):  # built none does not import it to ask
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def escaped(value: Any) -> Any:
    """Every string inside (dict keys too) escaped for Rich markup: record and user text is printed
    as written (an actor named ``[/bold]`` neither breaks nor styles the output)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {escaped(k): escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escaped(v) for v in value]
    if isinstance(value, tuple):
        return tuple(escaped(v) for v in value)
    return value


def emit(data: Any, as_json: bool, render: Callable[[Any], None], markup: bool = True) -> None:
    """Print data as JSON (stdout, nothing else) or through a Rich renderer. The renderer gets the data
    with its text escaped (``escaped``), so it may put it into markup; one that prints with markup
    off says ``markup=False`` and gets the data as it is. Text a renderer takes from elsewhere (its
    command's arguments) it escapes itself."""
    if as_json:
        sys.stdout.write(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n")
    else:
        render(escaped(data) if markup else data)


def parse_date_opt(value: str | None, name: str = "--date") -> dt.date | None:
    from accord.record.dates import parse_day

    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as e:
        fail(f"{name}: {e}")


def date_or_today(value: str | None) -> dt.date:
    """The --date asked about; today when none is given."""
    return parse_date_opt(value) or dt.date.today()


def parse_timestamp(value: str | None, name: str = "--as-known-on") -> dt.datetime | None:
    """An ISO 8601 moment (UTC unless it says otherwise); a day alone means the end of that day (UTC),
    so ``--as-known-on 2026-01-31`` includes everything recorded on the 31st."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is not None:
        return dt.datetime.combine(day, dt.time.max, tzinfo=dt.timezone.utc)
    try:
        ts = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        fail(f"{name}: malformed timestamp {value!r} (expected ISO 8601, e.g. 2026-01-31T12:00:00Z)")
    from accord.record.dates import to_utc

    try:
        return to_utc(ts)
    except ValueError as e:
        fail(f"{name}: {e}")


def guard(fn: Callable[[], Any]) -> Any:
    """Run fn, turning a user error into one line (a line per error for a bundle) and a non-zero exit."""
    from accord.errors import BundleErrors

    try:
        return fn()
    except BundleErrors as e:
        for line in e.lines():
            err_console.print(line, highlight=False, markup=False, soft_wrap=True)
        fail(e.summary())
    except AccordError as e:
        fail(str(e))
    except Exception as e:
        from accord.errors import out_of_space

        if not out_of_space(e):
            raise
        fail(f"{settings.db}: no space left to write: this write was rolled back and nothing of it stored "
             "(free some space and run the command again)")


def check_engine(engine: str, scheduler: str | None) -> None:
    if engine not in ("local", "dask"):
        fail(f"--engine {engine!r}: expected local or dask")
    if scheduler is not None and engine != "dask":
        fail("--scheduler needs --engine dask")


_opened: list[Any] = []


def store_missing() -> bool:
    """Whether --db names a SQLite file that does not exist (a read must not create it: a mistyped path
    would leave an empty store behind and answer from it)."""
    from accord.store.store import sqlite_path

    path = sqlite_path(str(settings.db))
    return path is not None and not path.exists()


def open_store(create: bool = True):  # -> accord.store.Store (imported lazily: `accord --help` stays fast)
    """The store --db names; a read command passes ``create=False``: no store there is one error line,
    and no file is made."""
    from accord.store import Store

    if not create and store_missing():
        fail(f"--db {settings.db}: no store there (nothing was created); load a case first: "
             f"accord --db {settings.db} case load NAME|PATH")
    store = guard(lambda: Store.open(settings.db))
    _opened.append(store)
    return store


def close_stores() -> None:
    """Close the stores this command opened (their pooled connections)."""
    while _opened:
        _opened.pop().close()


def open_snapshot(case: str | None, as_known_on: str | None, plain: bool = False):  # -> Snapshot
    """The case as the record stood at ``as_known_on`` (now if None). ``plain``: its records read without
    pydantic (accord.record.plain), for a command whose views only read them."""
    store = open_store(create=False)
    ts = parse_timestamp(as_known_on)
    return guard(lambda: store.snapshot(store.resolve_case(case, ts), ts, plain=plain))


def open_case(case: str | None, as_known_on: str | None):  # -> (Store, case id, time or None)
    """The store, the case's id and the transaction time, for views that read only what they need."""
    store = open_store(create=False)
    ts = parse_timestamp(as_known_on)
    return store, guard(lambda: store.resolve_case(case, ts)), ts


def current_user(by: str | None) -> str:
    import getpass
    import os

    return by or os.environ.get("ACCORD_USER") or getpass.getuser()
