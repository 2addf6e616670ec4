"""Rich rendering of the briefing (accord.views.brief): one renderer per section, a plain one otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.panel import Panel

from accord.cli.common import console


def _heading(text: str) -> None:
    console.print(f"[bold underline]{text}[/]")


def _bodies(rows: list[dict[str, Any]]) -> None:
    _heading("Bodies")
    for b in rows:
        veto = f"; permanent: {', '.join(b['permanent'])}" if b["permanent"] else ""
        console.print(f"  {b['name']} ({b['rule'] or 'no rule'}): {b['members']} members{veto}", highlight=False)


def _mediation(rows: list[dict[str, Any]]) -> None:
    _heading("Mediation: third parties' roles")
    for r in rows:
        where = f" in {r['process']}" if r["process"] else ""
        console.print(f"  {r['actor']} {r['role']} {r['target']}{where} (since {r['since'] or '?'})", highlight=False)


def _disputes(rows: list[dict[str, Any]]) -> None:
    _heading("Open disputes: who stands where (low → high)")
    for d in rows:
        console.print(f"  [bold]{d['name']}[/]: " + ", ".join(f"{p['actor']} {p['value']:g}" for p in d["positions"]),
                      highlight=False)


def _short(text: str, width: int = 70) -> str:
    """The text cut at a word boundary to fit ``width`` characters (a one-screen briefing)."""
    import textwrap

    return textwrap.shorten(text, width, placeholder=" …")


def _decisions(rows: list[dict[str, Any]]) -> None:
    _heading("Latest decisions")
    for d in rows:
        v = d.get("votes")
        vote = f" {v['yes']}-{v['no']}-{v['abstain']}" if v else ""
        console.print(f"  {d['date']} {d['id']} ({d['body']}): {d['status']}{vote} — {_short(d['title'], 40)}",
                      highlight=False)


def _list_disputes(rows: list[dict[str, Any]]) -> None:
    _heading("Designation lists")
    for lst in rows:
        console.print(f"  [bold]{lst['name']}[/]: listed {', '.join(lst['listed']) or '-'}")
        for e in lst["disputed"]:
            console.print(f"    {e['actor']} {e['status']}: objectors {', '.join(e['objectors']) or '-'};"
                          f" supporters {', '.join(e['supporters']) or '-'}", highlight=False)


def _eligibility(data: dict[str, Any]) -> None:
    _heading("Eligibility")
    for e in data.values():
        contested = "; ".join(f"{c['actor']} (by {', '.join(c['by'])})" for c in e["contested"])
        not_accepted = ", ".join(e["not_accepted"])
        console.print(f"  [bold]Out of {e['name']}:[/] {', '.join(e['excluded']) or '-'}"
                      + (f"  [yellow]not accepted:[/] {not_accepted}" if not_accepted else "")
                      + (f"  [yellow]contested:[/] {contested}" if contested else ""), highlight=False)


def _deadlines(rows: list[dict[str, Any]]) -> None:
    _heading("Next deadlines")
    for d in rows:
        console.print(f"  {d['due_by']} {d['status']}: {_short(d['name'])}", highlight=False)


def _plain(name: str, data: Any) -> None:
    console.print(f"[bold]{name}[/]")
    items = data if isinstance(data, list) else [data]
    for item in items:
        console.print(f"  {item}")


def _forecasts(rows: list[dict[str, Any]]) -> None:
    _heading("Forecasts: each model beside the weighted-mean baseline [90 % interval]")
    for f in rows:
        if "error" in f:
            console.print(f"  {f['name']}: [yellow]{f['error']}[/]")
            continue
        models = " · ".join(f"{name} {m['forecast']:.0f} [{m['interval'][0]:.0f}–{m['interval'][1]:.0f}]"
                            for name, m in f["models"].items())
        console.print(f"  [bold]{f['name']}[/]: {models}; moved most by {', '.join(f['influential'])}", highlight=False)


def _ceasefires(rows: list[dict[str, Any]]) -> None:
    _heading("Ceasefires")
    for c in rows:
        console.print(f"  [bold]{c['name']}[/] ({c['id']}): {c['state']}, from {c['start'].replace('T', ' ')[:16]} {c['time_zone']};"
                      f" accepted: {', '.join(c['accepted']) or '-'}; excluded: {', '.join(c['excluded']) or '-'}", highlight=False)
        comp = c.get("compliance")
        if not comp:
            continue
        console.print(f"    {'day':<11} {'incidents':>9} {'violations':>10} {'±':>4} {'unknown':>8} {'verified':>9}  by party", highlight=False)
        for p in comp["periods"]:
            change = "" if p["change"] is None else f"{p['change']:+d}"
            share = "" if p["verified_share"] is None else f"{p['verified_share']:.0%}"
            parties = ", ".join(f"{k} {v}" for k, v in p["by_party"].items())
            console.print(f"    {p['period']:<11} {p['incidents']:>9} {p['violations']:>10} {change:>4} {p['unknown_perpetrator']:>8} {share:>9}  {parties}",
                          highlight=False)
        t = comp["trend"]
        console.print(f"    trend: {t['direction']} ({t['slope']:+.2f} a day); verified share {comp['totals']['verified_share'] or 0:.0%}", highlight=False)


RENDERERS: dict[str, Callable[[Any], None]] = {
    "ceasefires": _ceasefires,
    "bodies": _bodies,
    "mediation": _mediation,
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
