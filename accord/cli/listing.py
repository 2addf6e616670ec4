"""The top-level commands and groups as `accord --help` lists them: each name, in the full app's order,
with the first paragraph of its help.

`accord --help` (and `accord`, `accord --version`) needs only these, not the command modules that make
the commands: importing the eight of them was a quarter of the help's time. The list is written from
the full app by `python -m accord.cli.listing`; tests/cli/test_entry.py fails when it differs from what
the modules register, and compares the help page with the full app's, character for character.
"""

from __future__ import annotations

from typing import Any

# written by `python -m accord.cli.listing`: do not edit by hand
LISTING: tuple[tuple[str, str], ...] = (
    ('show', 'Any record, with its citations.'),
    ('relations', 'Relations of an actor (both directions), optionally those in force on a date.'),
    ('positions', "Each actor's position on an issue as of a date (its latest coding on or before that day)."),
    ('edit', 'Change fields of any record; the evidence is added to its citations and the change is audited.'),
    ('history', "Every change to a record (and to the records that belong to it, e.g. an issue's positions)."),
    ('brief', 'A one-screen briefing: bodies, mediation, disputes, decisions, lists, eligibility, deadlines, forecasts.'),
    ('eligible', 'Who may take part in a process on a date (sit at the talks, be covered by a ceasefire); who is\nexcluded, not accepted, contested, flagged.'),
    ('roadmap', "Each milestone's status on a date: pending, due, at risk, met (late or not), missed, not started."),
    ('ingest', 'Read articles into cited candidates (actors, quotes, dates, events, stances).'),
    ('serve', 'Serve the API (/api/v1, OpenAPI at /openapi.json, docs at /docs) and the dashboard (/) from the\nstore given by --db or $ACCORD_DB (a SQLite file by default; postgresql://… for a team).'),
    ('case', 'Load, export and list cases.'),
    ('actors', 'Actors of a case.'),
    ('body', 'Bodies that decide, and their members.'),
    ('position', 'Change positions on an issue.'),
    ('decision', 'Decisions of a body, tallied under its rule.'),
    ('vote', 'Tally a vote, recorded or hypothetical; predict one from positions.'),
    ('list', 'Designation lists: who is listed on a date, and who disputes it.'),
    ('review', 'Review what ingest found: list, show, accept, reject, edit candidates.'),
    ('eval', 'Measure accuracy against gold annotations.'),
    ('forecast', 'Forecast where a negotiation settles: baselines, models, Monte Carlo, backtests.'),
    ('monitor', 'Ceasefire monitoring: reports, incidents, violations, compliance.'),
    ('user', 'Users of the API: add (prints a token once), list, disable.'),
)
# end of the written list


def listing(app: Any) -> tuple[tuple[str, str], ...]:
    """(name, first paragraph of help) of each command and group of the full app, in its order."""
    import inspect

    import typer.main

    group = typer.main.get_command(app)
    return tuple((name, inspect.cleandoc(cmd.short_help or cmd.help or "").split("\n\n")[0])
                 for name, cmd in group.commands.items())


def _write() -> None:
    from pathlib import Path

    from accord.cli.main import app

    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    start, end = "# written by `python -m accord.cli.listing`: do not edit by hand\n", "# end of the written list\n"
    head, rest = text.split(start)
    _, tail = rest.split(end)
    rows = "".join(f"    ({name!r}, {help_!r}),\n" for name, help_ in listing(app))
    path.write_text(f"{head}{start}LISTING: tuple[tuple[str, str], ...] = (\n{rows})\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    _write()
