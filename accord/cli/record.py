"""Commands over the record: cases, actors, bodies, relations, positions, edits, history, the brief."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import (
    AsKnownOnOpt, CaseOpt, DateOpt, JsonOpt, console, current_user, date_or_today, emit, escape, fail, guard,
    open_case, open_snapshot, open_store, parse_date_opt, parse_timestamp, store_missing,
)

case_app = typer.Typer(help="Load, export and list cases.", no_args_is_help=True)
actors_app = typer.Typer(help="Actors of a case.", no_args_is_help=True)
body_app = typer.Typer(help="Bodies that decide, and their members.", no_args_is_help=True)
position_app = typer.Typer(help="Change positions on an issue.", no_args_is_help=True)

ByOpt = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: $ACCORD_USER, else the OS user).")]
CiteOpt = Annotated[
    list[str], typer.Option("--cite", help="Evidence for the change: a URL, or DOC:START-END in a case document.")
]
NoteOpt = Annotated[str | None, typer.Option("--note", help="A short note on the change.")]
IfVersionOpt = Annotated[
    int | None, typer.Option("--if-version", help="Fail unless the record is still at this version (default: the version "
                                   "this command read; a change made since is never silently replaced).")
]


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")
    app.add_typer(actors_app, name="actors")
    app.add_typer(body_app, name="body")
    app.add_typer(position_app, name="position")
    for fn in (show, relations, positions, edit, history, brief):
        app.command()(fn)


def _table(rows: list[dict[str, Any]], columns: list[str], title: str | None = None) -> None:
    t = Table(title=title, title_justify="left", show_edge=False)
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    console.print(t)


# ---------------------------------------------------------------------------------------- case


@case_app.command("list")
def case_list(as_json: JsonOpt = False, as_known_on: AsKnownOnOpt = None) -> None:
    """Built-in case bundles, and the cases held in the store."""
    from accord.record.builtin import builtin_cases

    stored = [] if store_missing() else open_store().cases(parse_timestamp(as_known_on))
    data = {"builtin": builtin_cases(), "stored": stored}
    emit(data, as_json, lambda d: (
        console.print(f"[bold]built-in bundles:[/] {', '.join(d['builtin']) or '-'}"),
        console.print(f"[bold]in the store:[/] {', '.join(d['stored']) or '-'}"),
    ))


@case_app.command("load")
def case_load(
    path: Annotated[str, typer.Argument(metavar="PATH|NAME", help="A bundle folder, or a built-in case name.")],
    prune: Annotated[bool, typer.Option("--prune", help="Delete the records the bundle no longer holds.")] = False,
    discard_user_changes: Annotated[bool, typer.Option(
        "--discard-user-changes",
        help="Treat records entered or changed outside the bundle (position set, edit, review accept) like the "
             "bundle's own: overwritten, and deleted with --prune.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what the load would change; write nothing.")] = False,
    by: ByOpt = None, as_json: JsonOpt = False,
) -> None:
    """Validate a bundle completely, show what it changes in the stored case, then write it in one
    transaction. A reload never deletes silently: see --prune."""
    from accord.record.bundle import read_bundle
    from accord.store import ReloadRefused

    bundle = guard(lambda: read_bundle(path))
    store = open_store()
    def load() -> Any:
        try:
            return store.load(bundle.id, bundle.records, current_user(by), source=str(path), prune=prune,
                              keep_user=not discard_user_changes, dry_run=dry_run)
        except ReloadRefused as e:
            return e

    with console.status(f"writing {len(bundle.records)} records…", spinner="dots"):
        summary = guard(load)
    if isinstance(summary, ReloadRefused):
        _show_load(bundle.id, len(bundle.records), summary.summary, as_json, "refused")
        fail(str(summary))
    _show_load(bundle.id, len(bundle.records), summary, as_json, "dry run" if dry_run else None)


#: ids listed per kind and kind of change before "and N more"
_LISTED_IDS = 8


def _show_load(case: str, n: int, summary: Any, as_json: bool, mode: str | None) -> None:
    data = {"case": case, "records": n, "dry_run": mode == "dry run", "refused": mode == "refused", **summary.to_json()}

    def render(d: dict[str, Any]) -> None:
        verb = {"dry run": "would load (dry run, nothing written)", "refused": "refused to load"}.get(mode or "", "loaded")
        console.print(f"{verb} [bold]{d['case']}[/]: {d['records']} records ({d['created']} created, {d['updated']} updated, "
                      f"{d['deleted']} deleted, {d['kept']} kept, {d['unchanged']} unchanged)", highlight=False,
                      soft_wrap=True)
        labels = {"created": "created", "updated": "updated", "deleted": "deleted", "kept": "kept (entered outside the bundle)",
                  "refused_deletions": "would delete (refused)", "refused_overwrites": "would overwrite (refused)"}
        for name, label in labels.items():
            for kind, ids in d["diff"][name].items():
                shown = ", ".join(f"{i} ({d['written_by'][i]})" if i in d["written_by"] else i for i in ids[:_LISTED_IDS])
                more = f" and {len(ids) - _LISTED_IDS} more" if len(ids) > _LISTED_IDS else ""
                console.print(f"  {label} {kind}: {len(ids)}: {shown}{more}", highlight=False, markup=False, soft_wrap=True)

    emit(data, as_json, render)


@case_app.command("export")
def case_export(case: Annotated[str, typer.Argument(help="Case id in the store.")],
                folder: Annotated[Path, typer.Argument(help="Folder to write the bundle into.")],
                as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False) -> None:
    """Write a stored case back as a bundle (canonical: export, load, export is byte-identical)."""
    from accord.record.bundlewrite import write_bundle

    snap = open_snapshot(case, as_known_on, plain=True)
    written = guard(lambda: write_bundle(list(snap.records.values()), folder))
    emit({"case": snap.case_id, "files": [str(p) for p in written]}, as_json,
         lambda d: console.print(f"wrote {len(d['files'])} files to {escape(str(folder))}"))


@case_app.command("schema")
def case_schema(out: Annotated[Path | None, typer.Option("--out", help="Write to this file.")] = None) -> None:
    """Print the JSON Schema of the bundle files (derived from the model)."""
    # the copy derived from the model when it changed (accord/record/reference.py, PACKAGED, kept equal by
    # the tests): read, so that printing it imports neither pydantic nor the model
    from importlib.resources import files

    text = files("accord.record").joinpath("bundle-schema.json").read_text(encoding="utf-8")
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)


# ---------------------------------------------------------------------------------------- reads


@actors_app.command("list")
def actors_list(kind: Annotated[str | None, typer.Option("--kind", "-k", help="state, person, armed_group…")] = None,
                date: DateOpt = None, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None,
                as_json: JsonOpt = False) -> None:
    """Actors of the case, optionally of one kind and existing on a date."""
    from accord.views import record as views

    snap = open_snapshot(case, as_known_on, plain=True)
    rows = views.actors(snap, kind, parse_date_opt(date))
    emit(rows, as_json, lambda r: _table(r, ["id", "name", "kind"], f"{len(r)} actors"))


def show(record_id: Annotated[str, typer.Argument(metavar="ID")], case: CaseOpt = None,
         as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False) -> None:
    """Any record, with its citations."""
    from accord.views.show import show_record

    store, case_id, ts = open_case(case, as_known_on)
    data = guard(lambda: show_record(store, case_id, record_id, ts))

    def render(d: dict[str, Any]) -> None:
        from accord.record.yamlwrite import dump_yaml  # not for --json

        disputed = f" [yellow](disputed by {escape(', '.join(d['disputed_by']))})[/]" if d.get("disputed_by") else ""
        console.print(f"[bold]{d['kind']}[/] {escape(record_id)}{disputed}")
        body = {k: v for k, v in d["record"].items() if k not in ("id", "cite")}
        console.print(dump_yaml(body).rstrip(), highlight=False, markup=False)
        console.print("[bold]citations[/]")
        for c in d["citations"]:
            what = c.get("title") or c.get("url") or c.get("document")
            extra = " · ".join(str(c[k]) for k in ("outlet", "published", "url") if c.get(k) and c[k] != what)
            console.print(f"  - {what}" + (f" ({extra})" if extra else "") + (f" — {c['note']}" if c.get("note") else ""),
                          highlight=False, markup=False)
            if c.get("quote") is not None:
                console.print(f"    {c['document']}:{c['start']}-{c['end']}: “{' '.join(c['quote'].split())}”",
                              highlight=False, markup=False)

    emit(data, as_json, render, markup=False)


@body_app.command("members")
def body_members(body: Annotated[str, typer.Argument(metavar="ID")], date: DateOpt = None, case: CaseOpt = None,
                 as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False) -> None:
    """Members of a body on a date (today when none is given); permanent members and vetoes flagged."""
    from accord.views import record as views

    snap = open_snapshot(case, as_known_on, plain=True)
    on = date_or_today(date)
    rows = guard(lambda: views.body_members(snap, body, on))
    for r in rows:
        r["flags"] = " ".join(f for f in ("permanent", "veto") if r[f])
    emit(rows, as_json, lambda r: _table(r, ["id", "name", "kind", "flags", "start", "end"],
                                         escape(f"{snap.name(body)}: {len(r)} members on {on.isoformat()}")))


def relations(actor: Annotated[str, typer.Argument(metavar="ID")], date: DateOpt = None, case: CaseOpt = None,
              as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False) -> None:
    """Relations of an actor (both directions), optionally those in force on a date."""
    from accord.views import record as views

    snap = open_snapshot(case, as_known_on, plain=True)
    rows = guard(lambda: views.relations(snap, actor, parse_date_opt(date)))
    emit(rows, as_json, lambda r: _table(r, ["source", "type", "target", "process", "start", "end", "reported"],
                                         escape(f"{len(r)} relations of {snap.name(actor)}")))


def positions(issue: Annotated[str, typer.Argument(metavar="ISSUE")], date: DateOpt = None, case: CaseOpt = None,
              as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False) -> None:
    """Each actor's position on an issue as of a date (its latest coding on or before that day)."""
    from accord.views.positions import issue_positions

    store, case_id, ts = open_case(case, as_known_on)
    on = parse_date_opt(date)
    data = guard(lambda: issue_positions(store, case_id, issue, on, ts))
    emit(data["positions"], as_json, lambda r: (
        console.print(f"[bold]{escape(data['name'])}[/] ({data['scale'][0]:g}..{data['scale'][1]:g}; "
                      + escape("; ".join(f"{k} = {v}" for k, v in data["anchors"].items())) + ")"),
        _table(r, ["actor", "name", "value", "salience", "date"]),
    ))


# ---------------------------------------------------------------------------------------- writes


def _citations(cite: list[str]):  # -> list[Citation]
    from pydantic import ValidationError

    from accord.record.model import Citation

    if not cite:
        fail("every change needs evidence: give --cite URL or --cite DOC:START-END")
    out = []
    for c in cite:
        try:
            out.append(Citation.model_validate(c))
        except ValidationError as e:
            fail(f"--cite {c}: {e.errors()[0]['msg'].removeprefix('Value error, ')}")
    return out


def _write(case: str | None, write: Any) -> tuple[Any, int]:
    store = open_store()
    case_id = guard(lambda: store.resolve_case(case))
    return guard(lambda: write(store, case_id))


@position_app.command("set")
def position_set(
    issue: Annotated[str, typer.Argument(metavar="ISSUE")],
    actor: Annotated[str, typer.Argument(metavar="ACTOR")],
    value: Annotated[float, typer.Argument(metavar="VALUE")],
    salience: Annotated[float | None, typer.Option("--salience", "-s", help="0..1; default: the actor's last.")] = None,
    date: Annotated[str | None, typer.Option("--date", "-d", help="As of when the position holds (default today).")] = None,
    cite: CiteOpt = [],  # noqa: B006 - typer reads the default
    replace_cite: Annotated[bool, typer.Option(
        "--replace-cite", help="Re-setting a position of the same date: its citations become only these.")] = False,
    note: NoteOpt = None, by: ByOpt = None, case: CaseOpt = None, if_version: IfVersionOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record where an actor stands on an issue from a date on (earlier codings stay as they were).

    Re-setting a position of the same date keeps its citations (the new ones are added), its note
    (unless --note gives another) and its uncertainty and threshold; --replace-cite drops the old
    citations."""
    from accord.record.dates import FuzzyDate
    from accord.views.edits import set_position

    cites = _citations(cite)
    try:
        when = FuzzyDate.parse(date) if date else FuzzyDate.day(dt.date.today())
    except ValueError as e:
        fail(f"--date: {e}")
    rec, version = _write(case, lambda store, case_id: set_position(
        store, case_id, issue, actor, value, by=current_user(by), cites=cites, when=when, salience=salience, note=note,
        replace_cite=replace_cite, if_version=if_version))
    emit({"id": rec.id, "version": version, "record": rec}, as_json,
         lambda d: console.print(f"{d['id']} is now at version {d['version']}: "
                                 + escape(f"{actor} {value:g} on {issue} from {when}")))


def _parse_assignment(text: str) -> tuple[list[str], Any]:
    from accord.record.yamlread import YamlError, load

    field, eq, raw = text.partition("=")
    if not eq or not field:
        fail(f"--set {text}: expected FIELD=VALUE")
    try:
        value = load(raw, f"--set {field}") if raw.strip() else None
    except YamlError as e:
        if not e.syntax:  # too deep, too many aliases, a value its tag cannot make
            fail(str(e))
        value = raw  # not YAML: the text as it is
    if isinstance(value, (dt.date, dt.datetime)):
        value = raw
    return field.split("."), value


def edit(
    record_id: Annotated[str, typer.Argument(metavar="ID")],
    set_: Annotated[list[str], typer.Option("--set", help="FIELD=VALUE (dotted for nested fields; YAML values).")],
    cite: CiteOpt = [],  # noqa: B006
    note: NoteOpt = None, by: ByOpt = None, case: CaseOpt = None, if_version: IfVersionOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Change fields of any record; the evidence is added to its citations and the change is audited."""
    from accord.views.edits import edit_record

    cites = _citations(cite)
    assignments = [_parse_assignment(s) for s in set_]
    rec, version = _write(case, lambda store, case_id: edit_record(
        store, case_id, record_id, assignments, by=current_user(by), cites=cites, note=note, if_version=if_version))
    emit({"id": rec.id, "version": version, "record": rec}, as_json,
         lambda d: console.print(f"{d['id']} is now at version {d['version']}"))


# ---------------------------------------------------------------------------------------- audit


def _who(e: dict[str, Any]) -> str:
    """The declared author, and beside it what the system knows: the API user, else the OS user."""
    if e.get("api_user"):
        return f"{e['by']} (api: {e['api_user']})" if e["api_user"] != e["by"] else f"{e['by']} (api)"
    if e.get("os_user") and e["os_user"] != e["by"]:
        return f"{e['by']} (os: {e['os_user']})"
    return e["by"]


def history(record_id: Annotated[str, typer.Argument(metavar="ID")], case: CaseOpt = None,
            as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False) -> None:
    """Every change to a record (and to the records that belong to it, e.g. an issue's positions)."""
    from accord.views.history import history as build_history

    store = open_store(create=False)
    ts = parse_timestamp(as_known_on)
    entries = guard(lambda: build_history(store, store.resolve_case(case, ts), record_id, ts))

    def render(rows: list[dict[str, Any]]) -> None:
        t = Table(title=f"history of {escape(record_id)}", title_justify="left", show_edge=False)
        for c in ("when (UTC)", "by", "operation"):
            t.add_column(c, overflow="fold")
        # ids are what tell the rows apart: never cut short, whatever the terminal's width
        t.add_column("record", min_width=max((len(e["id"]) for e in rows), default=6), no_wrap=True, overflow="fold")
        for c in ("v", "change", "evidence"):
            t.add_column(c, overflow="fold")
        for e in rows:
            t.add_row(e["at"][:19].replace("T", " "), _who(e), e["operation"], e["id"], str(e["version"]),
                      e["summary"], "; ".join(str(c.get("url") or c.get("document")) for c in e["cite"] or []))
        console.print(t)

    emit(entries, as_json, render)


def brief(
    case_arg: Annotated[str | None, typer.Argument(metavar="CASE", envvar="ACCORD_CASE", show_envvar=False,
                                                       help="Case id (default: $ACCORD_CASE, else the only one).")] = None,
    date: DateOpt = None, as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False,
) -> None:
    """A one-screen briefing: bodies, mediation, disputes, decisions, lists, eligibility, deadlines, forecasts."""
    from accord.cli.brief_render import render
    from accord.views.brief import brief as build

    on = date_or_today(date)
    # plain records: one briefing, built once, needs neither pydantic nor the API's kept views (SQLAlchemy)
    snap = open_snapshot(case_arg, as_known_on, plain=True)
    emit(guard(lambda: build(snap, on)), as_json, render)
