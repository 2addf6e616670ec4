"""Coalesced checks (accord.api.checks) behind the kept reads: requests arriving while a check runs share
the next one, and what each gets is never older than itself. Driven through the app on one event loop,
the running check held after its query until the test lets it end, so which requests share which
query is decided by the test, not by timing. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import threading

import httpx
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from accord.store import Store, users
from tests.service.conftest import Served
from tests.service.test_cache import alpha, set_alpha

BRIEF = "/api/v1/cases/mini/brief?date=2020-03-05"
PAGE = "/?case=mini&date=2020-03-05"
WAIT = 60  # seconds a held check waits at most for the test to let it go: a bound, not a timing


class Held:
    """The checks' query, counted, and the first one held after it ran (its answer made, not yet
    given) until ``release`` is set; ``fail`` makes the queries from then on raise it instead."""

    def __init__(self, served: Served):
        self.checks = served.app.state.accord.checks
        self.real, self.checks.run = self.checks.run, self
        self.calls: list[tuple[list[str], list[str]]] = []
        self.ran, self.release = threading.Event(), threading.Event()
        self.fail: Exception | None = None

    def __call__(self, tokens: list[str], cases: list[str]):
        self.calls.append((tokens, cases))
        if self.fail is not None and len(self.calls) > 1:
            raise self.fail
        found = self.real(tokens, cases)
        if len(self.calls) == 1:
            self.ran.set()
            assert self.release.wait(WAIT)
        return found

    async def first_ran(self) -> None:
        assert await asyncio.to_thread(self.ran.wait, WAIT)

    async def waiting(self, tokens: int) -> None:
        """Until ``tokens`` different tokens wait for the next check (by letting the loop run)."""
        for _ in range(100_000):
            if self.checks.waiting is not None and len(self.checks.waiting.tokens) >= tokens:
                return
            await asyncio.sleep(0)
        raise AssertionError(f"{tokens} tokens never waited")


def client(served: Served) -> httpx.AsyncClient:
    # the app's own error answer (500), as a server gives it, instead of the exception raised here
    transport = httpx.ASGITransport(app=served.app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_write_committed_before_a_request_arrives_is_seen_while_an_older_check_runs(served: Served):
    viewer, editor = served.tokens["viewer"], served.tokens["editor"]
    for token in (viewer, editor):  # both answers kept under the old version: a hit needs no route
        assert alpha(TestClient(served.app).get(BRIEF, headers=bearer(token)).json()) == 10
    held = Held(served)

    async def run():
        async with client(served) as c:
            before = asyncio.create_task(c.get(BRIEF, headers=bearer(viewer)))
            await held.first_ran()  # its check has read the old version, and is not over
            store = Store.open(served.db)
            set_alpha(store, 40)  # committed by another process's store
            store.close()
            after = asyncio.create_task(c.get(BRIEF, headers=bearer(editor)))
            await held.waiting(1)
            held.release.set()
            return await before, await after

    before, after = asyncio.run(run())
    assert alpha(before.json()) == 10  # arrived before the write: the kept answer of its time
    assert alpha(after.json()) == 40  # arrived after: not the running check's answer, the next one's
    assert len(held.calls) >= 2 and held.calls[1][0] == [users.token_hash(editor)]


def test_a_token_revoked_before_a_request_arrives_is_refused_while_an_older_check_runs(served: Served):
    viewer = served.tokens["viewer"]
    assert TestClient(served.app).get(BRIEF, headers=bearer(viewer)).status_code == 200
    held = Held(served)

    async def run():
        async with client(served) as c:
            before = asyncio.create_task(c.get(BRIEF, headers=bearer(viewer)))
            await held.first_ran()
            store = Store.open(served.db)
            users.disable(store, "viewer")
            store.close()
            after = asyncio.create_task(c.get(BRIEF, headers=bearer(viewer)))
            # the same token: wait until its request has joined the next check
            for _ in range(100_000):
                if held.checks.waiting is not None:
                    break
                await asyncio.sleep(0)
            held.release.set()
            return await before, await after

    before, after = asyncio.run(run())
    assert before.status_code == 200 and after.status_code == 401


def test_requests_sharing_a_check_each_get_their_own_users_answer(served: Served):
    store = Store.open(served.db)
    people = {f"user{i}": users.add(store, f"user{i}", users.ROLES[i % 4])[1] for i in range(12)}
    users.disable(store, "user3")
    store.close()
    held = Held(served)
    asks = [(name, token, path) for name, token in people.items() for path in (BRIEF, PAGE)]
    asks.append(("stranger", "not-a-token", PAGE))

    async def run():
        async with client(served) as c:
            first = asyncio.create_task(c.get(BRIEF, headers=bearer(served.tokens["admin"])))
            await held.first_ran()
            tasks = [asyncio.create_task(c.get(path, headers=bearer(token) if path == BRIEF else
                                               {"Cookie": f"accord_token={token}"})) for _, token, path in asks]
            await held.waiting(len(people) + 1)
            held.release.set()
            return await first, await asyncio.gather(*tasks)

    first, answers = asyncio.run(run())
    assert first.status_code == 200
    # all the others asked by one query (a miss asks again once its answer is made: later queries)
    assert len(held.calls[1][0]) == len(people) + 1
    for (name, _, path), r in zip(asks, answers, strict=True):
        if name in ("user3", "stranger"):  # disabled, unknown: refused, the page asks them to log in
            assert r.status_code == 401 if path == BRIEF else b'action="/login"' in r.content
        elif path == BRIEF:
            assert r.status_code == 200 and alpha(json.loads(r.content)) == 10
        else:
            role = users.ROLES[int(name[4:]) % 4]
            assert r.status_code == 200 and f"{name} ({role})".encode() in r.content, name
    # and each answer is the one the same user gets alone
    for (name, token, path), r in zip(asks, answers, strict=True):
        alone = TestClient(served.app).get(path, headers=bearer(token) if path == BRIEF else
                                           {"Cookie": f"accord_token={token}"})
        assert (alone.status_code, alone.content) == (r.status_code, r.content), name


def test_a_failed_check_fails_the_requests_that_waited_for_it_and_no_others(served: Served):
    viewer, editor = served.tokens["viewer"], served.tokens["editor"]
    for token in (viewer, editor):  # kept: each request below asks one check, no route runs
        TestClient(served.app).get(BRIEF, headers=bearer(token))
    held = Held(served)
    held.fail = OperationalError("SELECT", {}, Exception("the server went away"))

    async def run():
        async with client(served) as c:
            first = asyncio.create_task(c.get(BRIEF, headers=bearer(viewer)))
            await held.first_ran()
            failing = [asyncio.create_task(c.get(BRIEF, headers=bearer(t))) for t in (viewer, editor)]
            await held.waiting(2)
            held.release.set()
            first, failing = await first, await asyncio.gather(*failing)
            held.fail = None
            return first, failing, await c.get(BRIEF, headers=bearer(editor))

    first, failing, later = asyncio.run(run())
    assert first.status_code == 200 and later.status_code == 200
    # as one request's own failed query answers: the server's error, for each of them
    assert [r.status_code for r in failing] == [500, 500]
    assert len(held.calls) == 3
