"""The REST API: reads call the CLI's views, writes are audited as the authenticated user, ETags and
If-Match guard against lost updates, and every route's role is enforced, read from the OpenAPI spec."""

from __future__ import annotations

import pytest

from accord.store.users import ROLES
from tests.service.conftest import Served

SAMPLE = {"case": "mini", "record_id": "vote-timing.alpha.2020-03", "issue": "vote-timing", "actor": "alpha",
          "body": "group", "candidate": "1", "name": "viewer", "decision": "statement-1", "list_id": "x",
          "process": "x", "roadmap": "x", "ceasefire": "x", "document": "memo"}


def operations(spec: dict) -> list[tuple[str, str, str]]:
    """(method, path, required role) of every operation in the spec."""
    out = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if path.startswith("/api/"):
                out.append((method, path, op.get("x-required-role")))
    return out


def test_every_api_route_declares_its_role(served: Served):
    ops = operations(served.client().get("/openapi.json").json())
    assert len(ops) > 30
    missing = [(m, p) for m, p, r in ops if r not in ROLES]
    assert missing == []
    writes = {(m, p) for m, p, r in ops if m != "get"}
    assert ("post", "/api/v1/cases/{case}/positions") in writes and all(r != "viewer" for m, p, r in ops if m != "get")


def _call(client, method: str, path: str):
    url = path.format(**SAMPLE)
    body = {"issue": "vote-timing", "actor": "alpha", "value": 1, "cite": ["https://example.org"], "set": {"note": "x"},
            "changes": {"value": "1"}, "text": "Alpha met Beta.", "name": "newuser", "role": "viewer", "bundle": "mini"}
    return client.request(method.upper(), url, json=body if method != "get" else None)


def test_every_route_refuses_without_a_token_and_below_its_role(served: Served):
    """From the spec, not a hand list: no token -> 401; each role below the one required -> 403."""
    anonymous = served.client()
    checked = 0
    for method, path, required in operations(anonymous.get("/openapi.json").json()):
        response = _call(anonymous, method, path)
        assert response.status_code == 401, (method, path, response.text)
        assert response.headers["WWW-Authenticate"] == "Bearer"
        for lower in ROLES[: ROLES.index(required)]:
            response = _call(served.client(lower), method, path)
            assert response.status_code == 403, (method, path, lower, response.text)
            checked += 1
    assert checked > 20


def test_a_bad_or_disabled_token_is_401(served: Served):
    from fastapi.testclient import TestClient

    bad = TestClient(served.app, headers={"Authorization": "Bearer nope"})
    assert bad.get("/api/v1/cases").status_code == 401
    admin = served.client("admin")
    assert admin.post("/api/v1/users/viewer/disable").json()["disabled"] is True
    assert served.client("viewer").get("/api/v1/cases").status_code == 401


def test_a_nul_in_a_path_or_query_is_one_400_on_either_store(served: Served):
    """The fuzzer's '/review?kind=%00' was a 500 on PostgreSQL (text cannot hold NUL)."""
    c = served.client("viewer")
    for url in ("/api/v1/cases/mini/review?kind=%00", "/api/v1/cases/mini/review?document=a%00b",
                "/api/v1/cases/mi%00ni/actors"):
        r = c.get(url)
        assert (r.status_code, r.json()) == (400, {"detail": "the request's path or query holds a NUL character (%00)"})
    assert c.get("/api/v1/cases/mini/review?kind=quote").status_code == 200


def test_a_nul_in_a_json_body_is_one_4xx_naming_the_field_and_writes_nothing(served: Served):
    """PostgreSQL's text cannot hold NUL: a body's string with one (at any depth, key or value) is refused
    before any route runs, on SQLite too, with the field's place."""
    editor, admin = served.client("editor"), served.client("admin")
    rid = "vote-timing.alpha.2020-03"
    before = editor.get("/api/v1/cases/mini/records/vote-timing/history").json()["total"]
    writes = [
        ("post", "/api/v1/cases/mini/positions", {"issue": "vote-timing", "actor": "alpha", "value": 5,
                                                  "cite": ["https://e.org/\x00"], "note": "n"}, "cite.0"),
        ("post", "/api/v1/cases/mini/positions", {"issue": "vote-timing", "actor": "alpha", "value": 5,
                                                  "cite": ["https://e.org"], "note": "a\x00b"}, "note"),
        ("patch", f"/api/v1/cases/mini/records/{rid}", {"set": {"note": {"deep": ["ok", "x\x00"]}},
                                                        "cite": ["https://e.org"]}, "set.note.deep.1"),
        ("patch", f"/api/v1/cases/mini/records/{rid}", {"set": {"no\x00te": "x"}, "cite": ["https://e.org"]}, "set"),
        ("post", "/api/v1/cases/mini/documents", {"text": "Alpha said \x00 so.", "title": "t"}, "text"),
        ("post", "/api/v1/users", {"name": "da\x00na", "role": "viewer"}, "name"),
    ]
    for method, url, body, where in writes:
        client = admin if url.endswith("/users") else editor
        r = getattr(client, method)(url, json=body)
        assert r.status_code == 422, (url, r.status_code, r.text)
        assert f"{where} holds a NUL character" in r.text, (url, r.text)
    assert editor.get("/api/v1/cases/mini/records/vote-timing/history").json()["total"] == before
    assert editor.get(f"/api/v1/cases/mini/records/{rid}").json()["version"] == 1
    assert "da\x00na" not in [u["name"] for u in admin.get("/api/v1/users").json()]


def test_a_lone_surrogate_or_a_deep_body_is_one_4xx_not_a_500(served: Served):
    """A lone surrogate cannot be stored as UTF-8 on either store; a body nested deeper than Python's recursion
    limit must not crash the check that walks it."""
    editor = served.client("editor")
    raw = '{"issue": "vote-timing", "actor": "alpha", "value": 5, "cite": ["https://e.org"], "note": "a\\ud800b"}'
    r = editor.post("/api/v1/cases/mini/positions", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "note holds a lone surrogate" in r.text, r.text
    deep = '{"set": {"note": ' + "[" * 5000 + "]" * 5000 + '}, "cite": ["https://e.org"]}'
    r = editor.patch("/api/v1/cases/mini/records/vote-timing.alpha.2020-03", content=deep,
                     headers={"Content-Type": "application/json"})
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:200])


def test_reads_answer_what_the_cli_views_answer(served: Served):
    from accord.store import Store
    from accord.views.record import positions, show

    c = served.client("viewer")
    store = Store.open(served.db)
    snap = store.snapshot("mini")
    assert c.get("/api/v1/cases").json() == {"cases": ["mini"]}
    got = c.get("/api/v1/cases/mini/issues/vote-timing/positions", params={"date": "2020-04-01"}).json()
    assert got == positions(snap, "vote-timing", __import__("datetime").date(2020, 4, 1))
    r = c.get("/api/v1/cases/mini/records/vote-timing.alpha.2020-03")
    assert r.headers["ETag"] == '"1"' and r.json()["citations"] == show(snap, "vote-timing.alpha.2020-03")["citations"]
    page = c.get("/api/v1/cases/mini/actors", params={"kind": "state", "limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and [a["id"] for a in page["items"]] == ["beta"]
    members = c.get("/api/v1/cases/mini/bodies/group/members", params={"date": "2020-02-01"}).json()
    assert [m["id"] for m in members] == ["alpha"]
    store.close()


def test_unknown_ids_and_bad_dates_are_one_clear_4xx(served: Served):
    c = served.client("viewer")
    r = c.get("/api/v1/cases/mini/records/nothing")
    assert r.status_code == 404 and r.json()["detail"] == "no record with id 'nothing' in case 'mini'"
    r = c.get("/api/v1/cases/mini/brief", params={"date": "2020-13-45"})
    assert r.status_code == 400 and r.json()["detail"].startswith("date:")
    r = c.get("/api/v1/cases/mini/brief", params={"as_known_on": "9999-12-31T23:59-14:00"})
    assert r.status_code in (200, 400)
    assert c.get("/api/v1/cases/nope/brief").status_code == 404


def test_a_write_is_audited_as_the_authenticated_user(served: Served):
    editor = served.client("editor")
    r = editor.post("/api/v1/cases/mini/positions", json={
        "issue": "vote-timing", "actor": "alpha", "value": 30, "date": "2020-06-01", "cite": ["https://example.org/a"]})
    assert r.status_code == 200 and r.headers["ETag"] == '"1"'
    last = editor.get("/api/v1/cases/mini/records/vote-timing/history").json()["items"][-1]
    assert (last["by"], last["api_user"], last["operation"]) == ("editor", "editor", "position set")


def test_a_stale_if_match_is_412_with_the_current_version_and_writes_nothing(served: Served):
    editor = served.client("editor")
    rid = "vote-timing.alpha.2020-03"
    etag = editor.get(f"/api/v1/cases/mini/records/{rid}").headers["ETag"]
    ok = editor.patch(f"/api/v1/cases/mini/records/{rid}", json={"set": {"note": "first"}, "cite": ["https://e.org/1"]},
                      headers={"If-Match": etag})
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = editor.patch(f"/api/v1/cases/mini/records/{rid}", json={"set": {"note": "second"}, "cite": ["https://e.org/2"]},
                         headers={"If-Match": etag})
    assert stale.status_code == 412 and stale.json()["current_version"] == 2 and stale.headers["ETag"] == '"2"'
    record = editor.get(f"/api/v1/cases/mini/records/{rid}").json()
    assert record["record"]["note"] == "first" and record["version"] == 2


def test_bad_writes_are_400_and_write_nothing(served: Served):
    editor = served.client("editor")
    before = editor.get("/api/v1/cases/mini/records/vote-timing/history").json()["total"]
    for body in ({"issue": "vote-timing", "actor": "alpha", "value": 500, "cite": ["https://e.org"]},
                 {"issue": "vote-timing", "actor": "nobody", "value": 5, "salience": 0.5, "cite": ["https://e.org"]},
                 {"issue": "vote-timing", "actor": "alpha", "value": 5, "cite": ["memo:0-99999"]}):
        r = editor.post("/api/v1/cases/mini/positions", json=body)
        assert r.status_code == 400, (body, r.text)
    assert editor.get("/api/v1/cases/mini/records/vote-timing/history").json()["total"] == before


def test_ingest_then_accept_through_the_api(served: Served):
    editor, analyst = served.client("editor"), served.client("analyst")
    text = "Alpha said on 2 March 2020 that the vote must come early. Beta met Gamma in Geneva."
    r = editor.post("/api/v1/cases/mini/documents", json={"text": text, "title": "A note", "published": "2020-03-02"})
    assert r.status_code == 200, r.text
    queue = analyst.get("/api/v1/cases/mini/review").json()
    assert queue["items"], queue
    cid = queue["items"][0]["id"]
    done = analyst.post(f"/api/v1/cases/mini/review/{cid}/accept")
    assert done.status_code == 200 and done.json()["status"] == "accepted"
    assert analyst.post(f"/api/v1/cases/mini/review/{cid}/accept").status_code == 400
    assert analyst.get(f"/api/v1/cases/mini/review/{cid}").json()["reviewed_by"] == "analyst"


def test_admin_manages_users_and_cases(served: Served):
    admin = served.client("admin")
    token = admin.post("/api/v1/users", json={"name": "dana", "role": "viewer"}).json()["token"]
    from fastapi.testclient import TestClient

    assert TestClient(served.app, headers={"Authorization": f"Bearer {token}"}).get("/api/v1/cases").status_code == 200
    assert [u["name"] for u in admin.get("/api/v1/users").json()] == ["admin", "analyst", "dana", "editor", "viewer"]
    assert admin.post("/api/v1/cases", json={"bundle": "no-such"}).status_code == 404
