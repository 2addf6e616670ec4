"""Rich rendering of the briefing (accord.views.brief): one renderer per section, a plain one otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.panel import Panel
from rich.table import Table

from accord.cli.common import console


def _bodies(rows: list[dict[str, Any]]) -> None:
    t = Table(show_edge=False, title="Bodies", title_justify="left")
    for c in ("body", "rule", "members", "permanent"):
        t.add_column(c)
    for b in rows:
        t.add_row(b["name"], b["rule"] or "", str(b["members"]), ", ".join(b["permanent"]))
    console.print(t)


def _disputes(rows: list[dict[str, Any]]) -> None:
    t = Table(show_edge=False, title="Open disputes: who stands where", title_justify="left")
    for c in ("issue", "positions (low → high)"):
        t.add_column(c)
    for d in rows:
        t.add_row(d["name"], "  ".join(f"{p['actor']} {p['value']:g}" for p in d["positions"]))
    console.print(t)


def _decisions(rows: list[dict[str, Any]]) -> None:
    t = Table(show_edge=False, title="Latest decisions", title_justify="left")
    for c in ("date", "decision", "body", "status", "vote"):
        t.add_column(c)
    for d in rows:
        v = d.get("votes")
        vote = f"{v['yes']}-{v['no']}-{v['abstain']}" if v else ""
        t.add_row(d["date"], f"{d['id']}: {d['title']}", d["body"], d["status"], vote)
    console.print(t)


def _list_disputes(rows: list[dict[str, Any]]) -> None:
    for lst in rows:
        console.print(f"[bold]{lst['name']}[/]: listed {', '.join(lst['listed']) or '-'}")
        for e in lst["disputed"]:
            console.print(f"  {e['actor']} {e['status']}: objectors {', '.join(e['objectors']) or '-'};"
                          f" supporters {', '.join(e['supporters']) or '-'}", highlight=False)


def _eligibility(data: dict[str, Any]) -> None:
    for forum, e in data.items():
        contested = "; ".join(f"{c['actor']} (by {', '.join(c['by'])})" for c in e["contested"])
        console.print(f"[bold]Out of the {forum}:[/] {', '.join(e['excluded']) or '-'}"
                      + (f"  [yellow]contested:[/] {contested}" if contested else ""), highlight=False)


def _deadlines(rows: list[dict[str, Any]]) -> None:
    t = Table(show_edge=False, title="Next deadlines", title_justify="left")
    for c in ("due by", "milestone", "status"):
        t.add_column(c)
    for d in rows:
        t.add_row(d["due_by"], d["name"], d["status"])
    console.print(t)


def _plain(name: str, data: Any) -> None:
    console.print(f"[bold]{name}[/]")
    items = data if isinstance(data, list) else [data]
    for item in items:
        console.print(f"  {item}")


def _forecasts(rows: list[dict[str, Any]]) -> None:
    t = Table(show_edge=False, title="Forecasts (90 % interval); baseline: weighted mean", title_justify="left")
    for c in ("issue", "forecast by model", "most influential"):
        t.add_column(c)
    for f in rows:
        if "error" in f:
            t.add_row(f["name"], f"[yellow]{f['error']}[/]", "")
            continue
        models = "  ".join(f"{name} {m['forecast']:.0f} [{m['interval'][0]:.0f}–{m['interval'][1]:.0f}]"
                           for name, m in f["models"].items())
        t.add_row(f["name"], models, ", ".join(f["influential"]))
    console.print(t)


RENDERERS: dict[str, Callable[[Any], None]] = {
    "bodies": _bodies,
    "disputes": _disputes,
    "decisions": _decisions,
    "forecasts": _forecasts,
    "list_disputes": _list_disputes,
    "eligibility": _eligibility,
    "deadlines": _deadlines,
}


def render(data: dict[str, Any]) -> None:
    console.print(Panel.fit(f"[bold]{data['name']}[/] — briefing for {data['date']}", border_style="blue"))
    for name, section in data["sections"].items():
        renderer = RENDERERS.get(name)
        if renderer:
            renderer(section)
        else:
            _plain(name, section)
        console.print()
