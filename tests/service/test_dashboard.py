"""The dashboard's address as a stranger and as a reader see it."""

from __future__ import annotations

from tests.service.conftest import Served


def test_the_site_address_answers_a_stranger_with_the_login_page(served: Served):
    anonymous = served.client()
    r = anonymous.get("/?case=mini&date=2020-03-05", follow_redirects=False)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<form method="post" action="/login">' in r.text
    assert 'name="next" value="/?case=mini&amp;date=2020-03-05"' in r.text
    # nothing a viewer's token is needed for: no case, no actor, no name
    assert "Mini contact group" not in r.text and "Alpha" not in r.text
    # the other pages still send a stranger to the login form
    assert anonymous.get("/votes", follow_redirects=False).headers["location"] == "/login?next=%2Fvotes"


def test_the_site_address_shows_a_reader_the_overview(served: Served):
    from fastapi.testclient import TestClient

    reader = TestClient(served.app, cookies={"accord_token": served.tokens["viewer"]})
    r = reader.get("/?case=mini&date=2020-03-05")
    assert r.status_code == 200 and "Mini contact group" in r.text and "name=\"token\"" not in r.text
