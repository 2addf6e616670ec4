"""GET /api/v1/…: every read the CLI has. Each handler parses its parameters and calls the view the
CLI command calls; ``date`` is the valid date, ``as_known_on`` the transaction time."""

from __future__ import annotations

from typing import Annotated, Any

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from accord.api import params
from accord.api.auth import require, role

router = APIRouter(prefix="/api/v1", dependencies=[Depends(require("viewer"))])
R = role("viewer")

Date = Annotated[str | None, Query(description="Valid date: what was true on this day (YYYY-MM-DD); default today.")]
Known = Annotated[str | None, Query(description="Transaction time: the record as it stood then (ISO 8601).")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def state(request: Request) -> Any:
    return request.app.state.accord


def today_or(value: str | None) -> Any:
    import datetime as dt

    return params.day(value) or dt.date.today()


@router.get("/cases", openapi_extra=R, tags=["cases"])
def cases(request: Request, as_known_on: Known = None) -> dict[str, Any]:
    """The cases the store holds."""
    return {"cases": state(request).store.cases(params.moment(as_known_on))}


@router.get("/cases/{case}/brief", openapi_extra=R, tags=["cases"])
async def brief(request: Request, case: str, date: Date = None, as_known_on: Known = None) -> Any:
    """The one-screen briefing (`accord brief`). Its ETag changes with the answer: a client sending it
    back in `If-None-Match` gets 304 and no body while the case has not changed."""
    from starlette.concurrency import run_in_threadpool

    from accord.views.brief import kept_json

    # async: a kept brief costs one indexed query (the case's version), made here rather than in a
    # thread; building one (the forecasts: a second or more) goes to a thread
    views, on, known = state(request).views, today_or(date), params.moment(as_known_on)
    at = views.resolve(case, known)
    body, tag = views.kept_json("brief", known, (on,), at) or await run_in_threadpool(kept_json, views, case, on, known, at)
    headers = {"ETag": tag, "Cache-Control": "private, no-cache"}
    if params.matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/cases/{case}/records", openapi_extra=R, tags=["records"])
def records(request: Request, case: str, kind: str | None = None, as_known_on: Known = None, limit: Limit = 100,
            offset: Offset = 0) -> dict[str, Any]:
    """Record ids and kinds, optionally of one kind, in id order."""
    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    rows = [{"id": r.id, "kind": r.record_kind} for r in sorted(snap.records.values(), key=lambda r: r.id)
            if kind is None or r.record_kind == kind]
    return params.page(rows, limit, offset)


@router.get("/cases/{case}/records/{record_id}", openapi_extra=R, tags=["records"])
def record(request: Request, response: Response, case: str, record_id: str, as_known_on: Known = None) -> Any:
    """Any record with its citations resolved (`accord show`); the ETag is its version."""
    from accord.views.show import show_record

    st, known = state(request), params.moment(as_known_on)
    case_id = st.views.case_id(case, known)
    data = show_record(st.store, case_id, record_id, known)
    _, version = st.store.get_versioned(case_id, record_id, known)
    response.headers["ETag"] = f'"{version}"'
    return {**data, "version": version}


@router.get("/cases/{case}/records/{record_id}/history", openapi_extra=R, tags=["records"])
def history(request: Request, case: str, record_id: str, as_known_on: Known = None, limit: Limit = 100,
            offset: Offset = 0) -> dict[str, Any]:
    """Every change to the record and to those that belong to it (`accord history`): who (declared, OS
    and API user), when, what, before and after."""
    from accord.views.history import history as build

    st, known = state(request), params.moment(as_known_on)
    return params.page(build(st.store, st.views.case_id(case, known), record_id, known), limit, offset)


@router.get("/cases/{case}/actors", openapi_extra=R, tags=["actors"])
def actors(request: Request, case: str, kind: str | None = None, date: Date = None, as_known_on: Known = None,
           limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    from accord.views.record import actors as build

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return params.page(build(snap, kind, params.day(date)), limit, offset)


@router.get("/cases/{case}/actors/{actor}/relations", openapi_extra=R, tags=["actors"])
def relations(request: Request, case: str, actor: str, type: str | None = None, date: Date = None,
              as_known_on: Known = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    from accord.views.record import relations as build

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    rows = [r for r in build(snap, actor, params.day(date)) if type is None or r["type"] == type]
    return params.page(rows, limit, offset)


@router.get("/cases/{case}/network", openapi_extra=R, tags=["actors"])
def network(request: Request, case: str, type: str | None = None, date: Date = None, as_known_on: Known = None) -> Any:
    """Every relation in force on the date, by type: the actor network."""
    from accord.views.network import network as build

    on = params.day(date)
    return state(request).views.get("network", case, params.moment(as_known_on), (on, type), lambda s: build(s, on, type))


@router.get("/cases/{case}/bodies", openapi_extra=R, tags=["bodies"])
def bodies(request: Request, case: str, date: Date = None, as_known_on: Known = None) -> Any:
    from accord.views.brief import bodies as build

    return build(state(request).views.snapshot(case, params.moment(as_known_on)), today_or(date))


@router.get("/cases/{case}/bodies/{body}/members", openapi_extra=R, tags=["bodies"])
def members(request: Request, case: str, body: str, date: Date = None, as_known_on: Known = None) -> Any:
    from accord.views.record import body_members

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    snap.get(body)
    return body_members(snap, body, today_or(date))


@router.get("/cases/{case}/issues/{issue}/positions", openapi_extra=R, tags=["positions"])
def positions(request: Request, case: str, issue: str, date: Date = None, as_known_on: Known = None) -> Any:
    from accord.views.positions import issue_positions

    st, known = state(request), params.moment(as_known_on)
    return issue_positions(st.store, st.views.case_id(case, known), issue, params.day(date), known)


@router.get("/cases/{case}/issues/{issue}/forecast", openapi_extra=R, tags=["forecasts"])
def forecast(request: Request, case: str, issue: str, date: Date = None, as_known_on: Known = None,
             models: str | None = None, draws: Annotated[int, Query(ge=10, le=2000)] = 300,
             seed: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> Any:
    """Every model (or those named, comma-separated) on the issue, beside the weighted-mean baseline."""
    from accord.views.forecasts import issue_forecast

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return issue_forecast(snap, issue, params.day(date), models, draws, seed)


@router.get("/cases/{case}/issues/{issue}/timeline", openapi_extra=R, tags=["positions"])
def position_timeline(request: Request, case: str, issue: str, as_known_on: Known = None) -> Any:
    """Each actor's coded positions on the issue over time."""
    from accord.views.timeline import positions_over_time

    return positions_over_time(state(request).views.snapshot(case, params.moment(as_known_on)), issue)


@router.get("/cases/{case}/timeline", openapi_extra=R, tags=["cases"])
def timeline(request: Request, case: str, date: Date = None, as_known_on: Known = None, kind: str | None = None,
             limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Events, decisions and statements up to the date, latest first."""
    from accord.views.timeline import timeline as build

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return params.page(build(snap, params.day(date), kind), limit, offset)


@router.get("/cases/{case}/decisions/{decision}", openapi_extra=R, tags=["votes"])
def decision(request: Request, case: str, decision: str, as_known_on: Known = None) -> Any:
    from accord.rules.votes import show_decision

    return show_decision(state(request).views.snapshot(case, params.moment(as_known_on)), decision)


Members = Annotated[list[str], Query()]


@router.get("/cases/{case}/decisions/{decision}/tally", openapi_extra=R, tags=["votes"])
def tally(request: Request, case: str, decision: str, as_known_on: Known = None, yes: Members = [],  # noqa: B006
          no: Members = [], abstain: Members = [], absent: Members = [], party: Members = []) -> Any:  # noqa: B006
    """The decision's vote with these members voting otherwise: the outcome and the pivotal members."""
    from accord.views.votes import simulate

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return simulate(snap, decision, {"yes": yes, "no": no, "abstain": abstain, "absent": absent}, party)


@router.get("/cases/{case}/votes/predict", openapi_extra=R, tags=["votes"])
def predict(request: Request, case: str, body: str | None = None, draft: str | None = None, date: Date = None,
            issue: Annotated[list[str], Query(description="ISSUE=VALUE")] = [],  # noqa: B006
            threshold: Annotated[list[str], Query(description="ACTOR=UNITS")] = [],  # noqa: B006
            unknown: Literal["yes", "no", "abstain", "absent"] = "abstain",
            matter: Literal["substantive", "procedural"] = "substantive", as_known_on: Known = None) -> Any:
    from accord.views.votes import pairs, predict_vote

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return predict_vote(snap, body=body, draft=draft, on=params.day(date), issues=pairs(issue, "issue"),
                        thresholds=pairs(threshold, "threshold"), unknown=unknown, matter=matter)


@router.get("/cases/{case}/lists", openapi_extra=R, tags=["lists"])
def lists(request: Request, case: str, date: Date = None, as_known_on: Known = None) -> Any:
    """Every designation list on the date: member × entry."""
    from accord.views.lists import matrix

    on = today_or(date)
    return state(request).views.get("lists", case, params.moment(as_known_on), (on,), lambda s: matrix(s, on))


@router.get("/cases/{case}/lists/{list_id}", openapi_extra=R, tags=["lists"])
def list_status(request: Request, case: str, list_id: str, date: Date = None, as_known_on: Known = None) -> Any:
    from accord.rules.lists import list_status as build

    return build(state(request).views.snapshot(case, params.moment(as_known_on)), list_id, today_or(date)).to_json()


@router.get("/cases/{case}/processes/{process}/eligibility", openapi_extra=R, tags=["processes"])
def eligibility(request: Request, case: str, process: str, date: Date = None, as_known_on: Known = None) -> Any:
    from accord.rules.eligibility import eligibility as build
    from accord.rules.eligibility import find_process

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return build(snap, find_process(snap, process).id, today_or(date)).to_json()


@router.get("/cases/{case}/roadmaps/{roadmap}", openapi_extra=R, tags=["processes"])
def roadmap(request: Request, case: str, roadmap: str, date: Date = None, as_known_on: Known = None,
            at_risk_days: Annotated[int, Query(ge=0, le=3650)] = 30) -> Any:
    from accord.rules.roadmap import roadmap_status

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return roadmap_status(snap, roadmap, today_or(date), at_risk_days).to_json()


@router.get("/cases/{case}/review", openapi_extra=R, tags=["review"])
def review_queue(request: Request, case: str, status: Literal["pending", "accepted", "rejected", "all"] = "pending", kind: str | None = None,
                 document: str | None = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """The ingest review queue (`accord review list`); status pending, accepted, rejected or all."""
    from accord.views.review import queue_page

    st = state(request)
    return queue_page(st.store, st.views.case_id(case, None), status, kind, document, limit, offset)


@router.get("/cases/{case}/review/{candidate}", openapi_extra=R, tags=["review"])
def review_candidate(request: Request, case: str, candidate: Annotated[int, Path(ge=1, le=2**62)]) -> Any:
    from accord.views.review import candidate as build

    st = state(request)
    return build(st.store, st.views.case_id(case, None), candidate)


@router.get("/cases/{case}/documents/{document}", openapi_extra=R, tags=["records"])
def document(request: Request, case: str, document: str, as_known_on: Known = None) -> Any:
    """A document's text with the spans its extractions (review candidates) and citations point at."""
    from accord.views.review import document_reader

    st, known = state(request), params.moment(as_known_on)
    return document_reader(st.store, st.views.snapshot(case, known), document)


Period = Annotated[str | None, Query(alias="from", description="First day (YYYY-MM-DD).")]


@router.get("/cases/{case}/monitor/incidents", openapi_extra=R, tags=["monitor"])
def incidents(request: Request, case: str, first: Period = None, to: Date = None, as_known_on: Known = None,
              limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    from accord.views.monitor import incident_rows

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    data = incident_rows(snap, params.day(first, "from"), params.day(to, "to"))
    return {**params.page(data["incidents"], limit, offset), "from": data["from"], "to": data["to"]}


@router.get("/cases/{case}/monitor/{ceasefire}/violations", openapi_extra=R, tags=["monitor"])
def violations(request: Request, case: str, ceasefire: str, first: Period = None, to: Date = None,
               as_known_on: Known = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    from accord.views.monitor import violations as build

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    data = build(snap, ceasefire, params.day(first, "from"), params.day(to, "to"))
    return {**data, **params.page(data["incidents"], limit, offset)}


@router.get("/cases/{case}/monitor/{ceasefire}/compliance", openapi_extra=R, tags=["monitor"])
def compliance(request: Request, case: str, ceasefire: str, period: Literal["day", "week"] = "day", first: Period = None,
               date: Date = None, as_known_on: Known = None) -> Any:
    from accord.views.monitor import compliance as build

    snap = state(request).views.snapshot(case, params.moment(as_known_on))
    return build(snap, ceasefire, period, today_or(date), params.day(first, "from"))
