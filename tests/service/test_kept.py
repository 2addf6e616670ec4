"""Kept responses (accord.api.kept): the overview's two reads answered in front of the framework are the
routes' own answers, byte for byte (status, headers, body), for every kind of request: kept or not,
with and without If-None-Match, with a good, bad, missing or revoked token, before and after a write
that moves the case's version, and in another process's. On SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from accord.api.kept import KeptReads
from accord.store import Store, users
from tests.service.conftest import Served
from tests.service.test_cache import alpha, set_alpha

BRIEF = "/api/v1/cases/mini/brief?date=2020-03-05"
PAGE = "/?case=mini&date=2020-03-05"


@pytest.fixture
def routes(served: Served):
    """The same store served by the routes alone (the layer taken out before the app first runs)."""
    from accord.api.app import create_app

    app = create_app(served.db)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not KeptReads]
    yield app
    app.state.accord.close()


def answer(app, path: str, token: str | None = None, how: str = "bearer", **headers: str) -> tuple:
    """Everything a client gets: status, every header in order, the body."""
    if token is not None:
        headers["Authorization" if how == "bearer" else "Cookie"] = (
            f"Bearer {token}" if how == "bearer" else f"accord_token={token}")
    r = TestClient(app).get(path, headers=headers, follow_redirects=False)
    return r.status_code, r.headers.raw, r.content


def same(served: Served, routes, path: str, token: str | None = None, how: str = "bearer", **headers: str) -> tuple:
    """Asked of the layer twice (a miss, then a hit if kept) and of the routes alone: the same each time."""
    first = answer(served.app, path, token, how, **headers)
    assert answer(served.app, path, token, how, **headers) == first
    assert answer(routes, path, token, how, **headers) == first
    return first


def kept(served: Served) -> int:
    return len(served.app.state.accord.responses)


def test_the_brief_and_the_page_are_the_routes_answers_and_are_kept(served: Served, routes):
    viewer = served.tokens["viewer"]
    status, headers, body = same(served, routes, BRIEF, viewer)
    assert status == 200 and dict(headers)[b"etag"] and kept(served) == 1
    status, headers, page = same(served, routes, PAGE, viewer, how="cookie")
    assert status == 200 and b"Mini contact group" in page and b"viewer (viewer)" in page and kept(served) == 2
    # every role reads, each under its own name (the page shows who is logged in)
    for role in users.ROLES:
        assert same(served, routes, PAGE, served.tokens[role], how="cookie")[0] == 200
        assert same(served, routes, BRIEF, served.tokens[role])[0] == 200
    # the default date (today) and other queries: the routes' answers too
    assert same(served, routes, "/api/v1/cases/mini/brief", viewer)[0] == 200
    assert same(served, routes, "/?case=mini", viewer, how="cookie")[0] == 200
    assert same(served, routes, "/?case=mini&date=2020-03-05&extra=1", viewer, how="cookie")[0] == 200


def test_if_none_match_is_answered_as_the_route_answers_it(served: Served, routes):
    viewer = served.tokens["viewer"]
    tag = dict(same(served, routes, BRIEF, viewer)[1])[b"etag"].decode()
    status, headers, body = same(served, routes, BRIEF, viewer, **{"If-None-Match": tag})
    assert status == 304 and body == b"" and dict(headers)[b"etag"].decode() == tag
    for other in ('"stale"', f"W/{tag}", f'"x", {tag}', "*"):
        same(served, routes, BRIEF, viewer, **{"If-None-Match": other})


def test_no_bad_or_revoked_token_is_answered_from_memory(served: Served, routes):
    viewer = served.tokens["viewer"]
    same(served, routes, BRIEF, viewer)
    same(served, routes, PAGE, viewer, how="cookie")
    before = kept(served)
    assert same(served, routes, BRIEF)[0] == 401
    assert same(served, routes, BRIEF, "not-a-token")[0] == 401
    assert same(served, routes, BRIEF, None, Authorization=f"Basic {viewer}")[0] == 401
    # a bearer token the page does not read: the login form, as for a stranger
    login = same(served, routes, PAGE, viewer)
    assert login[0] == 200 and b'action="/login"' in login[2] and b"Mini contact group" not in login[2]
    assert same(served, routes, PAGE, "not-a-token", how="cookie")[2] == login[2]
    assert kept(served) == before  # none of these kept
    assert same(served, routes, BRIEF, viewer, how="cookie")[0] == 200  # the API takes the cookie too
    # revoked after its answers were kept: refused at once
    store = Store.open(served.db)
    users.disable(store, "viewer")
    store.close()
    assert same(served, routes, BRIEF, viewer)[0] == 401
    assert same(served, routes, PAGE, viewer, how="cookie")[2] == login[2]


def test_a_write_from_elsewhere_moves_the_answers(served: Served, routes):
    """Written through another store (as another process writes): the next read is the new answer."""
    viewer = served.tokens["viewer"]
    old = same(served, routes, BRIEF, viewer)
    old_page = same(served, routes, PAGE, viewer, how="cookie")
    tag = dict(old[1])[b"etag"].decode()
    assert same(served, routes, BRIEF, viewer, **{"If-None-Match": tag})[0] == 304
    store = Store.open(served.db)
    set_alpha(store, 40)
    store.close()
    new = same(served, routes, BRIEF, viewer, **{"If-None-Match": tag})  # the old ETag no longer matches
    assert new[0] == 200 and dict(new[1])[b"etag"].decode() != tag and new[2] != old[2]
    assert alpha(json.loads(new[2])) == 40 and alpha(json.loads(old[2])) == 10
    assert same(served, routes, PAGE, viewer, how="cookie")[2] != old_page[2]


def test_what_the_layer_leaves_to_the_routes(served: Served, routes):
    viewer = served.tokens["viewer"]
    before = kept(served)
    assert same(served, routes, "/api/v1/cases/nope/brief", viewer)[0] == 404
    assert same(served, routes, "/api/v1/cases/mini/brief?date=2020-13-45", viewer)[0] == 400
    assert same(served, routes, "/?case=nope", viewer, how="cookie")[0] == 404
    assert same(served, routes, "/", viewer, how="cookie")[0] == 200  # no case named: the routes resolve it
    assert kept(served) == before
    r = TestClient(served.app).head(BRIEF, headers={"Authorization": f"Bearer {viewer}"})
    assert r.status_code == TestClient(routes).head(BRIEF, headers={"Authorization": f"Bearer {viewer}"}).status_code



def test_a_kept_answer_does_not_reach_the_routes(served: Served, routes, monkeypatch):
    from accord.api import dashboard, reads

    viewer = served.tokens["viewer"]
    brief = answer(served.app, BRIEF, viewer)
    page = answer(served.app, PAGE, viewer, how="cookie")

    def unreachable(*args, **kwargs):
        raise AssertionError("the route ran")

    monkeypatch.setattr(reads.params, "matches", unreachable)  # the brief's route calls it on every request
    monkeypatch.setattr(dashboard.templates, "TemplateResponse", unreachable)  # every page renders through it
    assert answer(served.app, BRIEF, viewer) == brief
    assert answer(served.app, PAGE, viewer, how="cookie") == page
