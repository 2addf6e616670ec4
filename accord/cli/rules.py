"""CLI commands over accord.rules: decisions, votes, designation lists, eligibility, roadmaps (docs/rules.md)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import (
    AsKnownOnOpt, CaseOpt, DateOpt, JsonOpt, console, date_or_today, emit, fail, guard, open_snapshot, parse_date_opt,
)

decision_app = typer.Typer(help="Decisions of a body, tallied under its rule.", no_args_is_help=True)
vote_app = typer.Typer(help="Tally a vote, recorded or hypothetical; predict one from positions.", no_args_is_help=True)
list_app = typer.Typer(help="Designation lists: who is listed on a date, and who disputes it.", no_args_is_help=True)


def _voters(vote: str) -> Any:
    return Annotated[
        list[str] | None, typer.Option(f"--{vote}", help=f"A member voting {vote} (repeatable); replaces its recorded vote.")
    ]


YesOpt, NoOpt, AbstainOpt, AbsentOpt = _voters("yes"), _voters("no"), _voters("abstain"), _voters("absent")


def register(app: typer.Typer) -> None:
    app.add_typer(decision_app, name="decision")
    app.add_typer(vote_app, name="vote")
    app.add_typer(list_app, name="list")
    app.command()(eligible)
    app.command()(roadmap)


# ---------------------------------------------------------------------------------------- votes


def _render_tally(d: dict[str, Any]) -> None:
    head = f"{d.get('decision') or d.get('draft') or d['body']}" + (f": {d['title']}" if d.get("title") else "")
    verdict = "[green]adopted[/]" if d["adopted"] else "[red]not adopted[/]"
    console.print(f"[bold]{head}[/] — {d['body']}, {d['date']} ({d.get('matter', 'substantive')})")
    console.print(f"{verdict}: {d['yes']} yes, {d['no']} no, {d['abstain']} abstain, {d['absent']} absent")
    console.print(f"reason: {d['reason']}", highlight=False)
    t = Table(show_edge=False)
    for c in ("member", "vote", *(("changed",) if d.get("changed") else ())):
        t.add_column(c)
    for member, vote in d["votes"].items():
        t.add_row(member, vote, *(("←" if member in d.get("changed", {}) else "",) if d.get("changed") else ()))
    console.print(t)


@decision_app.command("show")
def decision_show(decision: Annotated[str, typer.Argument(help="Decision id, e.g. unscr-2254.")],
                  as_json: JsonOpt = False, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None) -> None:
    """A decision with its recorded vote, tallied under its body's rule on its date."""
    from accord.rules.votes import show_decision

    snap = open_snapshot(case, as_known_on, plain=True)
    emit(guard(lambda: show_decision(snap, decision)), as_json, _render_tally)


@vote_app.command("tally")
def vote_tally(
    decision: Annotated[str, typer.Argument(help="Decision id whose vote is tallied.")],
    yes: YesOpt = None, no: NoOpt = None, abstain: AbstainOpt = None, absent: AbsentOpt = None,
    party: Annotated[
        list[str] | None,
        typer.Option("--party", help="A member party to the dispute, bound to abstain under Chapter VI (repeatable)."),
    ] = None,
    as_json: JsonOpt = False, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None,
) -> None:
    """Tally a decision's vote; votes given here replace the recorded ones ("what if Russia voted no?")."""
    from accord.views.votes import simulate

    snap = open_snapshot(case, as_known_on, plain=True)

    def run() -> dict[str, Any]:
        return simulate(snap, decision, {"yes": yes or [], "no": no or [], "abstain": abstain or [], "absent": absent or []},
                        party or ())

    emit(guard(run), as_json, _render_tally)


def _render_prediction(d: dict[str, Any]) -> None:
    _render_tally(d)
    if d["unknown"]:
        console.print(f"no position recorded (voting {d['votes'][d['unknown'][0]]}): {', '.join(d['unknown'])}")
    t = Table(title="Pivotal members", title_justify="left", show_edge=False)
    for c in ("member", "role", "vote", "distance"):
        t.add_column(c)
    for p in d["pivotal"]:
        role = f"{p['role']} ({p['rank']})" if "rank" in p else p["role"]
        t.add_row(p["actor"], role, p["vote"], "" if p["distance"] is None else f"{p['distance']:g}")
    console.print(t)


@vote_app.command("predict")
def vote_predict(
    body: Annotated[str | None, typer.Option("--body", help="The deciding body (default: the draft's).")] = None,
    draft: Annotated[str | None, typer.Option("--draft", help="A decision whose provisions set issue values.")] = None,
    issue: Annotated[list[str] | None, typer.Option("--issue", help="ISSUE=VALUE the draft sets (repeatable).")] = None,
    threshold: Annotated[
        list[str] | None, typer.Option("--threshold", help="ACTOR=UNITS: a member's acceptance threshold (repeatable).")
    ] = None,
    unknown: Annotated[
        str, typer.Option("--unknown", help="Vote of a member with no recorded position: yes, no, abstain or absent.")
    ] = "abstain",
    matter: Annotated[str, typer.Option("--matter", help="substantive or procedural.")] = "substantive",
    date: DateOpt = None, as_json: JsonOpt = False, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None,
) -> None:
    """Predict each member's vote from its positions, the outcome, and who is pivotal."""
    from accord.views.votes import pairs, predict_vote

    snap = open_snapshot(case, as_known_on, plain=True)
    on = parse_date_opt(date)

    def run() -> dict[str, Any]:
        return predict_vote(snap, body=body, draft=draft, on=on, issues=pairs(issue or [], "--issue"),
                            thresholds=pairs(threshold or [], "--threshold"), unknown=unknown, matter=matter)

    emit(guard(run), as_json, _render_prediction)


# ---------------------------------------------------------------------------------------- lists


def _render_list(d: dict[str, Any]) -> None:
    console.print(f"[bold]{d['name']}[/] ({d['body']}) on {d['date']} — effects: {', '.join(d['effects']) or 'none'}")
    t = Table(show_edge=False)
    for c in ("entry", "status", "objectors", "supporters", "reason"):
        t.add_column(c)
    for e in d["entries"]:
        t.add_row(e["actor"], e["status"] + (" (reported)" if e["reported"] else ""), ", ".join(e["objectors"]),
                  ", ".join(e["supporters"]), e["reason"])
    console.print(t)


@list_app.command("status")
def list_status(list_id: Annotated[str, typer.Argument(metavar="LIST", help="Designation list id.")],
                date: DateOpt = None, as_json: JsonOpt = False, case: CaseOpt = None,
                as_known_on: AsKnownOnOpt = None) -> None:
    """Each entry's status on a date under the list body's rule: listed, contested, rejected, pending, not proposed."""
    from accord.rules.lists import list_status as status

    snap = open_snapshot(case, as_known_on, plain=True)
    emit(guard(lambda: status(snap, list_id, date_or_today(date)).to_json()), as_json, _render_list)


# ---------------------------------------------------------------------------------------- eligibility


def _render_eligibility(d: dict[str, Any]) -> None:
    console.print(f"[bold]Eligible for {d['name']}[/] ({d['process']}, {d['kind']}) on {d['date']}"
                  f" (lists: {', '.join(d['lists']) or 'none'})", highlight=False)
    console.print("  " + ", ".join(d["eligible"]))
    for e in d["excluded"]:
        console.print(f"  [red]excluded[/] {e['actor']}: {e['reason']}", highlight=False)
    for n in d["not_accepted"]:
        said = f"{n['status']} on {n['date']}" if n["status"] else "no stance recorded"
        console.print(f"  [yellow]not accepted[/] {n['actor']}: {said}", highlight=False)
    for c in d["contested"]:
        console.print(f"  [yellow]contested[/] {c['actor']}: by {', '.join(c['by'])}; defended by {', '.join(c['defended_by'])}")
    for f in d["flagged"]:
        console.print(f"  [yellow]flagged[/] {f['actor']}: {'; '.join(f['reasons'])}", highlight=False)


def eligible(
    process: Annotated[str, typer.Argument(metavar="PROCESS", help="A process id, or a kind (talks, ceasefire, ...) "
                                           "when the case has one process of that kind.")],
    date: DateOpt = None, as_json: JsonOpt = False, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None,
) -> None:
    """Who may take part in a process on a date (sit at the talks, be covered by a ceasefire); who is
    excluded, not accepted, contested, flagged."""
    from accord.rules.eligibility import eligibility, find_process

    snap = open_snapshot(case, as_known_on, plain=True)
    emit(guard(lambda: eligibility(snap, find_process(snap, process).id, date_or_today(date)).to_json()), as_json,
         _render_eligibility)


# ---------------------------------------------------------------------------------------- roadmaps

_STYLE = {"met": "green", "missed": "red", "at-risk": "yellow", "due": "yellow", "pending": "white", "not-started": "dim"}


def _render_roadmap(d: dict[str, Any]) -> None:
    console.print(f"[bold]{d['name']}[/] on {d['date']}" + (f" (set by {d['decision']})" if d["decision"] else ""))
    t = Table(show_edge=False)
    for c in ("milestone", "deadline", "status", "reason"):
        t.add_column(c)
    for m in d["milestones"]:
        disputed = " [yellow](disputed)[/]" if m["disputed"] else ""
        t.add_row(m["name"], m["deadline"], f"[{_STYLE[m['status']]}]{m['status']}[/]{disputed}", m["reason"])
    console.print(t)


def roadmap(
    roadmap_id: Annotated[str, typer.Argument(metavar="ID", help="Roadmap id, or the id of the decision that set it.")],
    date: DateOpt = None,
    at_risk_days: Annotated[int, typer.Option("--at-risk-days", min=0, help="Unmet and due within this many days: at risk.")] = 30,
    as_json: JsonOpt = False, case: CaseOpt = None, as_known_on: AsKnownOnOpt = None,
) -> None:
    """Each milestone's status on a date: pending, due, at risk, met (late or not), missed, not started."""
    from accord.rules.roadmap import roadmap_status

    snap = open_snapshot(case, as_known_on, plain=True)
    emit(guard(lambda: roadmap_status(snap, roadmap_id, date_or_today(date), at_risk_days).to_json()), as_json, _render_roadmap)
