"""Kept responses: the overview's two reads (the API's brief, the dashboard's page) answered from memory,
in front of the framework, while nothing they depend on has changed.

Through FastAPI a warm read of them costs about 0.7 ms (brief) and 2 ms (page) of CPU: routing past
every route, checking parameters, a hop to a thread, rendering the template, each time for the same
bytes. This layer (pure ASGI) keeps the routes' own responses (status, headers and body as they were
sent) under everything they depend on:

- the request: path, query string, ``If-None-Match`` (the brief's 304);
- who asks: the user's name and role (the page shows them), found from the token by the routes' own
  rules (``accord.api.auth.token``, ``accord.store.users.enabled``) and held to the same role;
- the record: the case's last transaction time and the store's last transaction, the markers the views
  the routes use are kept under (accord.views.cache), and today's date (``date``'s default).

The user and both markers are read by a query that starts after the request arrived, so a disabled
user, a new token or a write from any process is seen by the very next request; requests arriving
together share one such query (accord.api.checks). Whatever this layer is not sure of
goes to the framework: no token or one it does not know, too low a role, a page not naming its case, a
method other than GET, a miss. The framework's answer to a miss is kept if it is a 200 or 304 that sets
no cookie and the markers did not move while it was made. Nothing is decided here that the routes do
not decide themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import Request

from accord.api.auth import bearer, token
from accord.store import users

# the brief's route is /api/v1/cases/{case}/brief, whose {case} matches what [^/]+ does
BRIEF = re.compile(r"/api/v1/cases/([^/]+)/brief")
KEPT = ("http.response.start", "http.response.body")


class KeptReads:
    def __init__(self, app: Any, state: Any):
        self.app, self.responses = app, state.responses
        self.checks = state.checks

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        key = await self._key(scope) if scope["type"] == "http" and scope["method"] == "GET" else None
        if key is None:
            return await self.app(scope, receive, send)
        kept = self.responses.peek(key)
        if kept is not None:
            start, body = kept
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        sent: list[dict[str, Any]] = []

        async def keep(message: dict[str, Any]) -> None:
            if message["type"] in KEPT:
                sent.append(message)
            await send(message)

        await self.app(scope, receive, keep)
        if _keepable(sent) and await self._key(scope) == key:
            start = {"type": "http.response.start", "status": sent[0]["status"], "headers": list(sent[0]["headers"])}
            self.responses.put(key, (start, b"".join(m.get("body", b"") for m in sent[1:])))

    async def _key(self, scope: dict[str, Any]) -> tuple | None:
        """What the response depends on, or None when this layer leaves the request to the routes."""
        path = scope["path"]
        if scope.get("root_path"):
            return None  # mounted under a prefix: the routes see another path than this one
        request = Request(scope)
        if path == "/":
            case = QueryParams(scope["query_string"]).get("case") or None  # as the page reads it
            found = token(request, None)  # the page reads the session cookie only
        elif (m := BRIEF.fullmatch(path)) is not None:
            case = m.group(1)
            found = token(request, await bearer(request))
        else:
            return None
        if case is None or found is None:
            return None
        row, case_version, store_version = await self.checks.check(users.token_hash(found), case)
        user = users.enabled(row)
        if user is None or not user.can("viewer"):
            return None  # the route answers: 401, 403, the login form, or a public read
        validators = tuple(v for k, v in scope["headers"] if k == b"if-none-match")
        return (path, scope["query_string"], validators, user.name, user.role, dt.date.today(), case_version,
                store_version)


def _keepable(sent: list[dict[str, Any]]) -> bool:
    """A whole 200 or 304 response that sets no cookie."""
    if not sent or sent[0]["type"] != "http.response.start" or sent[0]["status"] not in (200, 304):
        return False
    if any(name.lower() == b"set-cookie" for name, _ in sent[0]["headers"]):
        return False
    return not sent[-1].get("more_body", False) if len(sent) > 1 else False
