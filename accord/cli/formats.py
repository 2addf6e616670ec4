"""`accord case import-…` and `export-…`: peers' formats (docs/formats.md), each command one call of its
module in ``accord.formats``. An import writes everything it makes in one audited transaction, or,
on any bad place in the file, prints one line per place and writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Callable

import typer

from accord.cli.common import (
    AsKnownOnOpt, CaseOpt, JsonOpt, console, current_user, emit, fail, guard, open_snapshot, open_store,
    parse_date_opt,
)
from accord.cli.record import ByOpt, case_app

FileArg = Annotated[Path, typer.Argument(metavar="FILE", help="The file to import.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Check the whole file against the case; write nothing.")]


def register(app: typer.Typer) -> None:
    """The commands join ``accord case`` (registered by accord.cli.record)."""


def _import(file: Path, case: str | None, by: str | None, dry_run: bool, as_json: bool, operation: str,
            build: Callable[[Any], Any]) -> None:
    from accord.formats.common import write_import

    if not file.is_file():
        fail(f"{file}: no such file")
    store = open_store()
    case_id = guard(lambda: store.resolve_case(case))
    snap = guard(lambda: store.snapshot(case_id))
    imported = guard(lambda: build(snap))
    result = guard(lambda: write_import(store, case_id, imported, current_user(by), operation, dry_run=dry_run))

    def render(r: dict[str, Any]) -> None:
        made = ", ".join(f"{v} {k}" for k, v in r.items() if isinstance(v, int) and not isinstance(v, bool)
                         and k != "unchanged")
        verb = "checked (dry run, nothing written)" if r["dry_run"] else "imported"
        console.print(f"{verb} {r['file']} into {r['case']}: {made}", highlight=False, soft_wrap=True, markup=False)
        if not r["dry_run"]:
            console.print(f"  {len(r['created'])} record(s) created, {len(r['updated'])} updated, "
                          f"{r['unchanged']} unchanged", highlight=False, markup=False)

    emit(result, as_json, render, markup=False)


@case_app.command("import-ktab")
def import_ktab_cmd(
    file: FileArg,
    issue: Annotated[str | None, typer.Option("--issue", help="The issue a one-dimension scenario is about "
                                               "(default: each dimension's name as an issue id).")] = None,
    date: Annotated[str | None, typer.Option("--date", "-d", help="The day the positions hold on (default: the "
                                              "date the scenario's name ends with, as accord exports it).")] = None,
    case: CaseOpt = None, by: ByOpt = None, dry_run: DryRunOpt = False, as_json: JsonOpt = False,
) -> None:
    """A KTAB scenario (CSV or XML) as the case's issues, actors, positions and capabilities, each citing the file."""
    from accord.formats.ktab import import_ktab

    on = parse_date_opt(date)
    _import(file, case, by, dry_run, as_json, "import ktab", lambda snap: import_ktab(snap, file, issue=issue, on=on))


@case_app.command("import-unsc")
def import_unsc_cmd(
    file: FileArg,
    list_id: Annotated[str, typer.Option("--list", help="The case's designation list the entries go into.")],
    designated_by: Annotated[str | None, typer.Option(
        "--designated-by", help="The actor whose designation lists the entries (default: the list's body).")] = None,
    list_type: Annotated[list[str] | None, typer.Option(
        "--un-list-type", help="Only entries of this UN_LIST_TYPE (repeatable), e.g. Al-Qaida.")] = None,
    case: CaseOpt = None, by: ByOpt = None, dry_run: DryRunOpt = False, as_json: JsonOpt = False,
) -> None:
    """The UN Security Council Consolidated List (XML) into a designation list: each entry with its listing
    date and reference number, citing the file."""
    from accord.formats.unsc import import_unsc

    _import(file, case, by, dry_run, as_json, "import unsc",
            lambda snap: import_unsc(snap, file, list_id, designated_by=designated_by, list_types=list_type))


@case_app.command("import-pax")
def import_pax_cmd(
    file: FileArg,
    body: Annotated[str, typer.Option("--body", help="The actor the agreements are recorded as decided by "
                                      "(PA-X names signatories in free text, not a deciding body).")],
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="A column that is not a provision code (repeatable); PA-X's own descriptive columns "
                         "are known.")] = None,
    case: CaseOpt = None, by: ByOpt = None, dry_run: DryRunOpt = False, as_json: JsonOpt = False,
) -> None:
    """PA-X agreements (CSV) as decisions with a provision per PA-X code present, citing the file."""
    from accord.formats.pax import import_pax

    _import(file, case, by, dry_run, as_json, "import pax", lambda snap: import_pax(snap, file, body, ignore=ignore))


@case_app.command("export-plover")
def export_plover_cmd(
    case: Annotated[str, typer.Argument(metavar="CASE", help="The case whose events to export.")],
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file (default: print).")] = None,
    as_known_on: AsKnownOnOpt = None,
) -> None:
    """The case's events coded with a PLOVER type as PLOVER event records (a JSON array); the events without
    one are named on stderr."""
    import json

    from accord.cli.common import err_console
    from accord.formats.plover import to_plover

    snap = open_snapshot(case, as_known_on, plain=True)  # plain records: no pydantic (accord/record/plain.py)
    records, left_out = to_plover(snap, snap.case_id)
    if left_out:
        err_console.print(f"{len(left_out)} event(s) without a PLOVER type left out: {', '.join(left_out)}",
                          highlight=False, markup=False, soft_wrap=True)
    text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
        return
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)  # nothing half-written
    except OSError as e:
        fail(f"--out {out}: cannot write ({e.strerror})")
