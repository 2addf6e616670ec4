"""`accord monitor ...`: ceasefire monitoring (docs/monitor.md) — import reports, list incidents, judge
violations, count compliance, review merges, the daily report, export."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import (
    AsKnownOnOpt, CaseOpt, DateOpt, JsonOpt, console, current_user, date_or_today, emit, err_console, fail, guard,
    open_snapshot, open_store, parse_date_opt,
)

monitor_app = typer.Typer(help="Ceasefire monitoring: reports, incidents, violations, compliance.", no_args_is_help=True)
merge_app = typer.Typer(help="Merges of reports into incidents: run, review, accept, reject.", no_args_is_help=True)
monitor_app.add_typer(merge_app, name="merge")

CeasefireArg = Annotated[str, typer.Argument(metavar="CEASEFIRE", help="The ceasefire's process id (e.g. coh-2016).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD), in the ceasefire's time zone.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day (default: --date, else today).")]
ByOpt = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: $ACCORD_USER, else the OS user).")]


def register(app: typer.Typer) -> None:
    app.add_typer(monitor_app, name="monitor")


def _period(date: str | None, first: str | None, last: str | None) -> tuple[dt.date | None, dt.date]:
    to = parse_date_opt(last, "--to") or date_or_today(date)
    frm = parse_date_opt(first, "--from")
    if frm is not None and frm > to:
        fail(f"--from {frm} is after --to {to}")
    return frm, to


# ------------------------------------------------------------------------------------------ import


@monitor_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The file to import.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled | ucdp-ged | ushahidi | geojson")] = "acled",
    strict: Annotated[bool, typer.Option("--strict", help="Any bad row: import nothing.")] = False,
    grade: Annotated[str, typer.Option("--grade", help="Admiralty grade of the rows: reliability A-F, credibility 1-6.")] = "F6",
    tz: Annotated[str | None, typer.Option("--tz", help="IANA time zone of rows that give none (default: their country's).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Country (ISO alpha-3) of rows that give none.")] = None,
    tolerance_hours: Annotated[float, typer.Option("--tolerance-hours", help="How far an event may follow its report's time.")] = 24.0,
    gazetteer: Annotated[list[Path] | None, typer.Option("--gazetteer", help="An extra gazetteer file (repeatable).")] = None,
    case: CaseOpt = None, by: ByOpt = None, as_json: JsonOpt = False,
) -> None:
    """Import reports: one line per bad row (file, row, field) on stderr, the good rows stored in one
    audited transaction. Exits 2 when any row was bad; with --strict nothing is then written."""
    from accord.gcpause import gc_paused
    from accord.monitor import grading
    from accord.monitor.importer import read_file
    from accord.record.model import Actor

    try:
        graded = grading.parse(grade)
    except ValueError as e:
        fail(f"--grade: {e}")
    store = open_store()
    case_id = guard(lambda: store.resolve_case(case))
    # the names resolve through the case's actors only: its reports (200,000 after one big file) are not read
    snap = guard(lambda: store.snapshot(case_id, kinds=[Actor.record_kind]))
    parsed = guard(lambda: read_file(snap, file, fmt, grade=graded, time_zone=tz, country=country,
                                     tolerance=dt.timedelta(hours=tolerance_hours), gazetteers=gazetteer))
    for line in parsed.errors:
        err_console.print(line, highlight=False, soft_wrap=True, markup=False)
    written = None
    if len(parsed.records) and not (strict and parsed.errors):
        # the reports as the store keeps them: one batch, their JSON as a format string and its columns
        # (accord.monitor.formats.records, accord.store.batches); one transaction: an import interrupted
        # at any point leaves nothing of itself
        def write() -> Any:
            template, columns = parsed.records.template()
            with gc_paused(), store.unit_of_work(case_id, current_user(by), operation="monitor import",
                                                 note=f"{fmt} from {file.name}") as uow:
                return uow.add_batch("report", list(parsed.records.columns["id"]), template, columns), uow.appended
        written, appended = guard(write)
        # rows appended to `record` (an id given twice in the file): PostgreSQL's planner needs fresh
        # statistics for the next import's id lookups; a batch adds none to that table
        guard(lambda: store.refresh_statistics(appended))
    result = {
        "file": str(file), "format": fmt, "rows": parsed.rows, "bad_rows": len(parsed.errors),
        "imported": len(written.created) + len(written.updated) if written else 0,
        "unchanged": written.unchanged if written else 0, "strict": strict,
        "unresolved_names": dict(sorted(parsed.unresolved.items())),
    }

    def render(r: dict[str, Any]) -> None:
        what = "nothing imported (--strict)" if strict and r["bad_rows"] else f"{r['imported']} report(s) imported"
        console.print(f"{r['rows']} row(s): {what}, {r['unchanged']} unchanged, {r['bad_rows']} bad", highlight=False)
        if r["unresolved_names"]:
            console.print("unresolved names (kept as text): "
                          + "; ".join(f"{n or '(blank)'} ×{c}" for n, c in r["unresolved_names"].items()), highlight=False)

    emit(result, as_json, render)
    if parsed.errors:
        raise typer.Exit(2)


@monitor_app.command("report-from-candidate")
def report_from_candidate(
    candidate: Annotated[int, typer.Argument(metavar="CANDIDATE", help="The id of an accepted event candidate (accord review list).")],
    ceasefire: Annotated[str, typer.Option("--ceasefire", help="The ceasefire the report is for (its time zone and area).")],
    grade: Annotated[str, typer.Option("--grade", help="Admiralty grade of the source: reliability A-F, credibility 1-6.")] = "F6",
    incident_type: Annotated[str | None, typer.Option("--type", help="ACLED event type (default: battles for FIGHT, "
                                                      "explosions-remote-violence for ASSAULT).")] = None,
    case: CaseOpt = None, by: ByOpt = None, as_json: JsonOpt = False,
) -> None:
    """An accepted event candidate about an attack as a monitoring report citing the document span it was
    read from; any other candidate is refused with one line."""
    import typing

    from accord.monitor import grading
    from accord.monitor.from_candidate import make_report
    from accord.record.model import IncidentType

    try:
        graded = grading.parse(grade)
    except ValueError as e:
        fail(f"--grade: {e}")
    if incident_type is not None and incident_type not in typing.get_args(IncidentType):
        fail(f"--type {incident_type!r}: expected one of {', '.join(typing.get_args(IncidentType))}")
    store = open_store()
    case_id = guard(lambda: store.resolve_case(case))
    rec = guard(lambda: make_report(store, case_id, candidate, ceasefire, current_user(by), grade=graded,
                                    incident_type=incident_type))
    data = rec.model_dump(mode="json", exclude_none=True)

    def render(r: dict[str, Any]) -> None:
        c = r["cite"][0]
        console.print(f"report {r['id']}: {r['type']} on {r['event_time'][:10]} ({r['time_zone']}), "
                      f"by {r.get('perpetrator') or 'unknown'} against {r.get('target') or 'unknown'}, "
                      f"citing {c['document']}:{c['start']}-{c['end']}", highlight=False, markup=False, soft_wrap=True)

    emit(data, as_json, render, markup=False)


# ------------------------------------------------------------------------------------------ reads


def _incident_table(rows: list[dict[str, Any]], verdicts: bool) -> None:
    t = Table(show_edge=False)
    for c in ("incident", "time", "place", "type", "by", "against", "status", *(("counts", "reason") if verdicts else ()), "sources"):
        t.add_column(c)
    for r in rows:
        place = r["place"].get("name") or r["place"].get("admin1") or ""
        counts = {True: "[red]yes[/]", False: "no", None: "[yellow]?[/]"}
        t.add_row(
            r["id"], r["time"].replace("T", " ")[:16], place, r["type"], r["perpetrator"] or f"? {r['perpetrator_text'] or ''}",
            r["target"] or r["target_text"] or "", r["status"],
            *((counts[r["counts_as_violation"]], r["reason"]) if verdicts else ()),
            ", ".join(s.get("source_id") or s["report"] for s in r["sources"]),
        )
    console.print(t)


@monitor_app.command("incidents")
def incidents_cmd(
    first: FromOpt = None, last: ToOpt = None, date: DateOpt = None, case: CaseOpt = None,
    as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False,
) -> None:
    """Incidents (reports joined by accepted merges) of a period, with their sources and status."""
    from accord.views.monitor import incident_rows

    frm, to = _period(date, first, last)
    snap = open_snapshot(case, as_known_on, plain=True)
    data = guard(lambda: incident_rows(snap, frm, to))
    emit(data, as_json, lambda d: _incident_table(d["incidents"], False))


@monitor_app.command("violations")
def violations_cmd(
    ceasefire: CeasefireArg, first: FromOpt = None, last: ToOpt = None, date: DateOpt = None, case: CaseOpt = None,
    as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False,
) -> None:
    """Every incident of the period, each with counts_as_violation (yes / no / unknown) and its reason."""
    from accord.views.monitor import violations

    frm, to = _period(date, first, last)
    snap = open_snapshot(case, as_known_on, plain=True)
    data = guard(lambda: violations(snap, ceasefire, frm, to))

    def render(d: dict[str, Any]) -> None:
        c = d["counts"]
        console.print(f"[bold]{d['ceasefire']}[/] {d['from'] or '…'} to {d['to']}: {c['incidents']} incidents, "
                      f"{c['violations']} violations, {c['not_violations']} not, {c['unknown']} unknown", highlight=False)
        _incident_table(d["incidents"], True)

    emit(data, as_json, render)


def _compliance_table(d: dict[str, Any]) -> None:
    t = Table(title=f"{d['name']}: violations per {d['period']}", title_justify="left", show_edge=False)
    for c in ("period", "incidents", "violations", "±", "unknown by", "verified", "by party", "by area"):
        t.add_column(c)
    for p in d["periods"]:
        change = "" if p["change"] is None else f"{p['change']:+d}"
        share = "" if p["verified_share"] is None else f"{p['verified_share']:.0%}"
        t.add_row(p["period"], str(p["incidents"]), str(p["violations"]), change, str(p["unknown_perpetrator"]), share,
                  ", ".join(f"{k} {v}" for k, v in p["by_party"].items()), ", ".join(f"{k} {v}" for k, v in p["by_area"].items()))
    console.print(t)
    tr = d["trend"]
    console.print(f"trend: {tr['direction']} ({tr['slope']:+.2f} violations per {d['period']})", highlight=False)


@monitor_app.command("compliance")
def compliance_cmd(
    ceasefire: CeasefireArg,
    period: Annotated[str, typer.Option("--period", help="day | week")] = "day",
    first: FromOpt = None, last: ToOpt = None, date: DateOpt = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Also write a PNG chart of violations per period.")] = None,
    case: CaseOpt = None, as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False,
) -> None:
    """Violations by period, party and area against the previous period; the share verified; the trend."""
    from accord.views.monitor import compliance

    if period not in ("day", "week"):
        fail(f"--period {period!r}: day or week")
    frm, to = _period(date, first, last)
    snap = open_snapshot(case, as_known_on, plain=True)
    data = guard(lambda: compliance(snap, ceasefire, period, to, frm))
    if chart is not None:
        from accord.monitor.chart import compliance_chart

        guard(lambda: compliance_chart(data, chart))
    emit(data, as_json, _compliance_table)


@monitor_app.command("ceasefire")
def ceasefire_cmd(
    ceasefire: CeasefireArg, date: DateOpt = None, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A ceasefire's terms on a day: start, deadline, area, terms, who had accepted, who was excluded."""
    from accord.views.monitor import ceasefire_status

    snap = open_snapshot(case, as_known_on, plain=True)
    data = guard(lambda: ceasefire_status(snap, ceasefire, date_or_today(date)))

    def render(d: dict[str, Any]) -> None:
        console.print(f"[bold]{d['name']}[/] ({d['id']}) on {d['date']}: {d['state']}", highlight=False)
        console.print(f"  starts {d['start']} {d['time_zone']}; acceptance deadline {d['acceptance_deadline'] or '-'};"
                      f" area {', '.join(d['area']) or 'unbounded'}; terms {', '.join(d['terms']) or '-'}", highlight=False)
        console.print(f"  accepted: {', '.join(d['accepted']) or '-'}", highlight=False)
        for actor, why in d["excluded"].items():
            console.print(f"  excluded: {actor} — {why}", highlight=False)

    emit(data, as_json, render)


@monitor_app.command("report")
def report_cmd(
    ceasefire: CeasefireArg, date: DateOpt = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Also write a PNG chart of violations per day.")] = None,
    case: CaseOpt = None, as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False,
) -> None:
    """The daily report: the ceasefire's state, the day against the day before, the day's incidents."""
    from accord.views.monitor import compliance, daily_report

    day = date_or_today(date)
    snap = open_snapshot(case, as_known_on, plain=True)
    data = guard(lambda: daily_report(snap, ceasefire, day))
    if chart is not None:
        from accord.monitor.chart import compliance_chart

        guard(lambda: compliance_chart(compliance(snap, ceasefire, "day", day), chart))

    def render(d: dict[str, Any]) -> None:
        cf = d["ceasefire"]
        console.print(f"[bold]Daily report — {cf['name']}, {cf['date']}[/] ({cf['state']})", highlight=False)
        if d["compliance"]:
            _compliance_table(d["compliance"])
        _incident_table(d["incidents"], True)

    emit(data, as_json, render)


@monitor_app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="geojson | acled")] = "geojson",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")] = None,
    first: FromOpt = None, last: ToOpt = None, date: DateOpt = None, case: CaseOpt = None,
    as_known_on: AsKnownOnOpt = None,
) -> None:
    """Incidents as GeoJSON or ACLED-shaped CSV."""
    import json

    from accord.monitor.formats import export, geojson
    from accord.views.monitor import all_incidents

    if fmt not in ("geojson", "acled"):
        fail(f"--format {fmt!r}: geojson or acled")
    frm, to = _period(date, first, last)
    snap = open_snapshot(case, as_known_on, plain=True)
    items = [i for i in guard(lambda: all_incidents(snap)) if (frm is None or i.day >= frm) and i.day <= to]
    if fmt == "geojson":
        text = json.dumps(geojson.write(items), ensure_ascii=False, indent=1) + "\n"
    else:
        text = export.acled_csv(items, {a.id: a.name for a in snap.all("actor")})
    if out is None:
        sys.stdout.write(text)
        return
    from accord.record.bundlewrite import atomic_write

    guard(lambda: _write_file(atomic_write, out, text))


def _write_file(write: Any, path: Path, text: str) -> None:
    from accord.errors import AccordError

    try:
        write(path, text)
    except OSError as e:
        raise AccordError(f"--out {path}: cannot write ({e.strerror})") from None


# ------------------------------------------------------------------------------------------ merges


@merge_app.command("run")
def merge_run(
    accept: Annotated[float, typer.Option("--accept", help="Score from which a merge is accepted automatically.")] = 0.7,
    review: Annotated[float, typer.Option("--review", help="Score from which a pair is proposed for review.")] = 0.5,
    window_hours: Annotated[float, typer.Option("--window-hours")] = 24.0,
    distance_km: Annotated[float, typer.Option("--distance-km")] = 10.0,
    case: CaseOpt = None, by: ByOpt = None, as_json: JsonOpt = False,
) -> None:
    """Find candidate duplicates among the reports; record each as a merge, accepted (score ≥ --accept)
    or proposed for review. A pair already decided is left as it is."""
    from accord.monitor.merging import Thresholds
    from accord.monitor.review import propose

    if not 0 <= review <= accept <= 1:
        fail("--review and --accept must satisfy 0 <= review <= accept <= 1")
    store = open_store()
    case_id = guard(lambda: store.resolve_case(case))
    who = current_user(by)

    def run() -> dict[str, Any]:
        with store.unit_of_work(case_id, who, operation="monitor merge run") as uow:
            snap = store.snapshot(case_id)
            new = propose(snap, Thresholds(window_hours, distance_km, review, accept), who)
            uow.add(new)
        return {"accepted": sum(m.status == "accepted" for m in new), "proposed": sum(m.status == "proposed" for m in new)}

    data = guard(run)
    emit(data, as_json, lambda d: console.print(f"{d['accepted']} merge(s) accepted automatically, {d['proposed']} proposed for review"))


@merge_app.command("review")
def merge_review(
    all_: Annotated[bool, typer.Option("--all", help="Every merge, not only those awaiting review.")] = False,
    case: CaseOpt = None, as_known_on: AsKnownOnOpt = None, as_json: JsonOpt = False,
) -> None:
    """Merges awaiting a decision (or all), best score first, with both reports."""
    from accord.views.monitor import merges

    snap = open_snapshot(case, as_known_on, plain=True)
    data = merges(snap, None if all_ else "proposed")

    def render(rows: list[dict[str, Any]]) -> None:
        if not rows:
            console.print("no merges awaiting review")
        for m in rows:
            parts = ", ".join(f"{k} {v:.2f}" for k, v in m["parts"].items())
            console.print(f"[bold]{m['id']}[/] {m['status']} score {m['score']:.2f} ({parts})", highlight=False)
            for line in m["summary"]:
                console.print(f"  {line}", highlight=False)

    emit(data, as_json, render)


def _decide(merge_id: str, status: str, case: str | None, by: str | None, note: str | None) -> None:
    from accord.errors import AccordError
    from accord.record.model import Merge

    store = open_store()
    case_id = guard(lambda: store.resolve_case(case))
    who = current_user(by)

    def run() -> None:
        with store.unit_of_work(case_id, who, operation=f"monitor merge {status}", note=note) as uow:
            snap = store.snapshot(case_id)
            if not snap.has(merge_id, Merge):
                raise AccordError(f"no merge with id {merge_id!r} (see `accord monitor merge review --all`)")
            m = snap.get(merge_id, Merge)
            uow.put(m.model_copy(update={"status": status, "decided_by": who}), expected_version=uow.version_of(m.id))

    guard(run)
    console.print(f"{merge_id}: {status}")


@merge_app.command("accept")
def merge_accept(merge_id: Annotated[str, typer.Argument(metavar="MERGE")], case: CaseOpt = None, by: ByOpt = None,
                 note: Annotated[str | None, typer.Option("--note")] = None) -> None:
    """Accept a merge: its two reports become one incident."""
    _decide(merge_id, "accepted", case, by, note)


@merge_app.command("reject")
def merge_reject(merge_id: Annotated[str, typer.Argument(metavar="MERGE")], case: CaseOpt = None, by: ByOpt = None,
                 note: Annotated[str | None, typer.Option("--note")] = None) -> None:
    """Reject a merge (or undo an accepted one): its reports are separate incidents again."""
    _decide(merge_id, "rejected", case, by, note)
