"""The dashboard: server-rendered pages over the same views as the API and the CLI.

Every page takes ``case`` and ``date`` (the "as of" the date control sets) and keeps them in its links.
The pages read with the session cookie set at /login (the user's API token); the review queue's accept
and reject are forms posted with it (the cookie is SameSite=Strict, so another site cannot post them).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from accord.api import params
from accord.api.auth import COOKIE, _user
from accord.errors import AccordError, NotFound
from accord.store.users import User

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)

PAGES = [("overview", "/", "Overview"), ("timeline", "/timeline", "Timeline"), ("network", "/network", "Network"),
         ("positions", "/positions", "Positions"), ("lists", "/lists", "Lists"), ("votes", "/votes", "Vote simulator"),
         ("roadmap", "/roadmap", "Roadmap"), ("documents", "/documents", "Documents"), ("review", "/review", "Review"),
         ("monitor", "/monitor", "Monitor")]


def mount_static(app: Any) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


class _Login(Exception):
    """No session: the page sends the browser to /login."""


def _viewer(request: Request, role: str = "viewer") -> User:
    from accord.api.auth import ANONYMOUS

    user = _user(request, None)
    if user is None:
        if role == "viewer" and request.app.state.accord.public_read:
            return ANONYMOUS
        raise _Login()
    if not user.can(role):
        raise HTTPException(403, f"{user.name} is {user.role}; this needs {role}")
    return user


def _page(request: Request, name: str, build: Any, role: str = "viewer") -> Response:
    """Render a page: the common context (case, date, user, links) and what ``build(state, snapshot, (case,
    version), date, query)`` adds."""
    try:
        user = _viewer(request, role)
    except _Login:
        if request.url.path == "/":
            # the site's address answers a stranger with a page, not a redirect: the login form, which
            # shows nothing of the record and comes back here with the same query
            back = "/?" + request.url.query if request.url.query else "/"
            return templates.TemplateResponse(request, "login.html", {"request": request, "next": back, "error": None})
        return RedirectResponse("/login?" + urlencode({"next": str(request.url.path)}), 303)
    st = request.app.state.accord
    q = request.query_params
    context: dict[str, Any] = {"request": request, "page": name, "pages": PAGES, "user": user, "error": None}
    try:
        on = params.day(q.get("date")) or dt.date.today()
        at = st.views.resolve(q.get("case") or None)
        case = at[0]
        snap = st.views.snapshot(case, None, at)
        span = st.views.get("span", case, None, (on,), lambda s: _span(s, on), at)
        context.update(case=case, cases=st.views.cases(), date=on.isoformat(), snap=snap,
                       span=span, keep=urlencode({"case": case, "date": on.isoformat()}))
        context.update(build(st, snap, at, on, q) or {})
    except AccordError as e:
        context.setdefault("case", q.get("case"))
        context.setdefault("date", q.get("date") or dt.date.today().isoformat())
        context.update(error=str(e), keep=urlencode({k: v for k, v in q.items() if k in ("case", "date")}))
        return templates.TemplateResponse(request, "error.html", context, status_code=404 if isinstance(e, NotFound) else 400)
    return templates.TemplateResponse(request, f"{name}.html", context)


def _span(snap: Any, on: dt.date) -> dict[str, str]:
    """The date control's range: the case's first dated record to its last (or the date shown)."""
    from accord.views.timeline import timeline

    days = [r["start"] for r in timeline(snap)]
    first = min(days, default=on.isoformat())
    last = max([*days, on.isoformat()])
    return {"min": min(first, on.isoformat()), "max": last}


# ------------------------------------------------------------------------------------------ session


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    return templates.TemplateResponse(request, "login.html", {"request": request, "next": _local(next), "error": None})


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=200), next: str = Form("/", max_length=500)) -> Response:
    from accord.store import users

    if users.authenticate(request.app.state.accord.store, token) is None:
        return templates.TemplateResponse(request, "login.html", {"request": request, "next": _local(next),
                                                                  "error": "That token is not valid."}, status_code=401)
    response = RedirectResponse(_local(next), 303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", 303)
    response.delete_cookie(COOKIE)
    return response


def _local(path: str) -> str:
    """Only a path of this site to go back to (never another site's address)."""
    return path if path.startswith("/") and not path.startswith("//") else "/"


# ------------------------------------------------------------------------------------------ pages


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    from accord.views.brief import kept

    def build(st: Any, snap: Any, at: tuple[str, str], on: dt.date, q: Any) -> dict[str, Any]:
        return {"brief": kept(st.views, None, on, None, at)}

    return _page(request, "overview", build)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> Response:
    from accord.views.timeline import timeline

    return _page(request, "timeline", lambda st, snap, at, on, q: {
        "rows": timeline(snap, on, q.get("kind") or None)[:300], "kind": q.get("kind") or ""})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Response:
    from accord.views.network import network

    def build(st: Any, snap: Any, at: tuple[str, str], on: dt.date, q: Any) -> dict[str, Any]:
        kind = q.get("type") or None
        net = network(snap, on, kind)
        every = sorted({r.type for r in snap.relations()})
        return {"net": net, "type": kind or "", "types": every, "layout": _circle(net)}

    return _page(request, "network", build)


def _circle(net: dict[str, Any], size: int = 560) -> dict[str, Any]:
    """Nodes on a circle, edges between them: a layout that needs no script."""
    nodes = net["nodes"]
    r, c = size / 2 - 90, size / 2
    pos = {n["id"]: (c + r * math.cos(2 * math.pi * i / max(len(nodes), 1)),
                     c + r * math.sin(2 * math.pi * i / max(len(nodes), 1))) for i, n in enumerate(nodes)}
    types = sorted(net["types"])
    edges = [{"x1": pos[e["source"]][0], "y1": pos[e["source"]][1], "x2": pos[e["target"]][0], "y2": pos[e["target"]][1],
              "type": t, "colour": types.index(t) % 8} for t, es in net["types"].items() for e in es]
    return {"size": size, "nodes": [{**n, "x": pos[n["id"]][0], "y": pos[n["id"]][1]} for n in nodes], "edges": edges,
            "legend": [(t, types.index(t) % 8) for t in types]}


@router.get("/positions", response_class=HTMLResponse)
def positions_page(request: Request) -> Response:
    from accord.record.model import Issue
    from accord.views.brief import kept
    from accord.views.record import positions
    from accord.views.timeline import positions_over_time

    def build(st: Any, snap: Any, at: tuple[str, str], on: dt.date, q: Any) -> dict[str, Any]:
        issues = snap.all(Issue)
        if not issues:
            return {"issues": [], "issue": None}
        issue = q.get("issue") or issues[0].id
        series = positions_over_time(snap, issue)
        forecasts = kept(st.views, None, on, None, at)["sections"].get("forecasts", [])
        forecast = next((f for f in forecasts if f["issue"] == issue), None)
        return {"issues": issues, "issue": issue, "now": positions(snap, issue, on), "forecast": forecast,
                "chart": _series_chart(series, on, forecast)}

    return _page(request, "positions", build)


def _series_chart(series: dict[str, Any], on: dt.date, forecast: dict[str, Any] | None) -> dict[str, Any]:
    """Each actor's positions as a step line up to the date; the forecast and its baseline as marks."""
    w, h, pad = 640, 300, 40
    lo, hi = series["scale"]
    points = [p for s in series["series"].values() for p in s["points"]]
    days = [dt.date.fromisoformat(p["date"]) for p in points] or [on]
    first, last = min(days), max([*days, on])
    # room after the date for the forecasts
    last = max(last, on + dt.timedelta(days=max((on - first).days // 5, 7)))
    span = max((last - first).days, 1)

    def x(day: str) -> float:
        return pad + (w - 2 * pad) * (dt.date.fromisoformat(day) - first).days / span

    def y(v: float) -> float:
        return h - pad - (h - 2 * pad) * (v - lo) / ((hi - lo) or 1)

    lines = []
    for i, (actor, s) in enumerate(series["series"].items()):
        pts = [p for p in s["points"] if p["date"] <= on.isoformat()]
        if not pts:
            continue
        coords = []
        for k, p in enumerate(pts):
            coords.append((x(p["date"]), y(p["value"])))
            end = pts[k + 1]["date"] if k + 1 < len(pts) else on.isoformat()
            coords.append((x(end), y(p["value"])))
        lines.append({"actor": actor, "name": s["name"], "colour": i % 8,
                      "points": " ".join(f"{a:.1f},{b:.1f}" for a, b in coords), "last": coords[-1]})
    marks = []
    for name, m in (forecast or {}).get("models", {}).items():
        base = name == forecast["baseline"]
        marks.append({"label": f"{name} (baseline)" if base else name, "y": y(m["forecast"]), "baseline": base,
                      "value": m["forecast"]})
    return {"w": w, "h": h, "pad": pad, "lines": lines, "marks": marks, "lo": lo, "hi": hi,
            "first": first.isoformat(), "last": last.isoformat(), "x_on": x(on.isoformat())}


@router.get("/lists", response_class=HTMLResponse)
def lists_page(request: Request) -> Response:
    from accord.views.lists import matrix

    return _page(request, "lists", lambda st, snap, at, on, q: {"lists": matrix(snap, on)})


@router.get("/votes", response_class=HTMLResponse)
def votes_page(request: Request) -> Response:
    from accord.record.model import Decision
    from accord.views.votes import VOTES, simulate

    def build(st: Any, snap: Any, at: tuple[str, str], on: dt.date, q: Any) -> dict[str, Any]:
        decisions = [d for d in snap.decisions(on=on) if d.votes]
        if not decisions:
            return {"decisions": [], "result": None}
        chosen = q.get("decision") or decisions[-1].id
        d = snap.get(chosen, Decision)
        changed: dict[str, list[str]] = {v: [] for v in VOTES}
        for key, vote in q.items():
            if key.startswith("vote.") and vote in VOTES and d.votes.get(key[5:], "absent") != vote:
                changed[vote].append(key[5:])
        return {"decisions": decisions, "decision": d, "result": simulate(snap, chosen, changed), "votes": VOTES}

    return _page(request, "votes", build)


@router.get("/roadmap", response_class=HTMLResponse)
def roadmap_page(request: Request) -> Response:
    from accord.rules.roadmap import roadmap_status

    return _page(request, "roadmap", lambda st, snap, at, on, q: {
        "roadmaps": [roadmap_status(snap, rm.id, on).to_json() for rm in snap.roadmaps()]})


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> Response:
    from accord.record.model import Document
    from accord.views.review import document_reader

    def build(st: Any, snap: Any, at: tuple[str, str], on: dt.date, q: Any) -> dict[str, Any]:
        docs = sorted(snap.all(Document), key=lambda d: (str(d.published or ""), d.id), reverse=True)
        chosen = q.get("id")
        return {"docs": docs[:500], "doc": document_reader(st.store, snap, chosen) if chosen else None}

    return _page(request, "documents", build)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> Response:
    from accord.views.review import queue_page

    def build(st: Any, snap: Any, at: tuple[str, str], on: dt.date, q: Any) -> dict[str, Any]:
        status = q.get("status") or "pending"
        return {"queue": queue_page(st.store, at[0], status, None, None, 100), "status": status,
                "done": q.get("done")}

    return _page(request, "review", build)


@router.post("/review/{candidate}/{action}")
def review_action(request: Request, candidate: int, action: str, case: str = Form(..., max_length=200),
                  date: str = Form("", max_length=40)) -> Response:
    from accord.ingest import review

    if action not in ("accept", "reject"):
        raise HTTPException(404)
    try:
        user = _viewer(request, "analyst")
    except _Login:
        return RedirectResponse("/login?next=/review", 303)
    st = request.app.state.accord
    store = st.store.acting(user.name)
    try:
        getattr(review, action)(store, st.views.case_id(case, None), candidate, user.name)
        done = f"{action}ed {candidate}".replace("rejected", "rejected").replace("accepted", "accepted")
    except AccordError as e:
        done = f"error: {e}"
    return RedirectResponse("/review?" + urlencode({"case": case, "date": date, "done": done}), 303)


@router.get("/monitor", response_class=HTMLResponse)
def monitor_page(request: Request) -> Response:
    from accord.views.monitor import brief_section

    return _page(request, "monitor", lambda st, snap, at, on, q: {"ceasefires": brief_section(snap, on) or []})
