"""The kept reads' check (accord.api.kept), coalesced: one query answers every request waiting for it.

Each request asks who holds its token and how far its case and the store have been written. Asked one
query per request on the event loop, a PostgreSQL round trip blocks the worker for most of its time
under load. So, as a database commits a group of transactions with one flush, the requests that arrive
while a check is running wait for the next one, which starts as soon as the running one ends and asks
for all their tokens and cases in one statement. It runs in a thread, so the loop keeps taking requests.

What a request gets is never older than the request itself: it joins a check that has not started yet,
so every write committed before it arrived, from any process, is seen (read your writes), and a token
revoked before it arrived is refused. A check that fails fails every request that waited for it, as
each one's own query would have failed it; the next check is asked afresh.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlalchemy import bindparam, func, literal, select
from sqlalchemy.engine import Engine

from accord.store.schema import api_user as U
from accord.store.schema import tx as TX
from accord.views.cache import STORE_VERSION


@dataclass
class Found:
    """What one check found: users by token hash, the last transaction time by case, the store's last."""

    users: dict[str, Any]
    cases: dict[str, Any]
    store_version: Any


@functools.lru_cache(maxsize=64)
def statement(cases: int) -> Any:
    """Users by ``:tokens`` (a list) and the last transaction of cases ``:case_0``… and of the store.

    One row per user found, or one with no user when none is: the markers are on every row. Built once
    per number of cases (a batch asks for few)."""
    anchor = select(literal(1).label("anchor")).subquery()
    # each case's is the indexed subquery the views are kept under (CASE_VERSION), its parameter per case
    markers = [select(func.max(TX.c.at)).where(TX.c.case_id == bindparam(f"case_{i}")).scalar_subquery()
               .label(f"case_{i}") for i in range(cases)]
    return (select(*U.columns, *markers, STORE_VERSION.scalar_subquery().label("store_version"))
            .select_from(anchor.outerjoin(U, U.c.token_hash.in_(bindparam("tokens", expanding=True)))))


def query(engine: Engine, tokens: list[str], cases: list[str]) -> Found:
    """One statement for these tokens and cases (blocking: run in the checks' thread)."""
    params: dict[str, Any] = {"tokens": tokens, **{f"case_{i}": c for i, c in enumerate(cases)}}
    with engine.connect() as conn:
        rows = conn.execute(statement(len(cases)), params).all()
    first = rows[0]  # the outer join gives at least one row
    return Found({r.token_hash: r for r in rows if r.token_hash is not None},
                 {c: first._mapping[f"case_{i}"] for i, c in enumerate(cases)}, first.store_version)


@dataclass
class _Batch:
    tokens: set[str] = field(default_factory=set)
    cases: set[str] = field(default_factory=set)
    done: asyncio.Future | None = None


class Checks:
    """Coalesced checks for one event loop (a worker's): at most one query running, one batch waiting."""

    def __init__(self, run: Callable[[list[str], list[str]], Found]):
        self.run = run
        # one thread: one query at a time is the point; a worker's loop never waits for it
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="accord-checks")
        self.loop: asyncio.AbstractEventLoop | None = None
        self.waiting: _Batch | None = None  # the requests that arrived while a check was running
        self.running = False

    async def check(self, token_hash: str, case: str) -> tuple[Any, Any, Any]:
        """The row of the user holding this token (None if none), the case's and the store's markers,
        from a query that started after this call."""
        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # a new loop (tests run one per client): nothing of the old one holds
            self.loop, self.waiting, self.running = loop, None, False
        if self.waiting is None:
            self.waiting = _Batch(done=loop.create_future())
            # its error is raised to every waiter; noted as seen even if every waiter has gone away
            self.waiting.done.add_done_callback(lambda f: f.cancelled() or f.exception())
        batch = self.waiting
        batch.tokens.add(token_hash)
        batch.cases.add(case)
        if not self.running:
            self._start()
        # shielded: a request that goes away does not cancel the answer of the others waiting with it
        found: Found = await asyncio.shield(batch.done)
        return found.users.get(token_hash), found.cases[case], found.store_version

    def _start(self) -> None:
        batch, self.waiting, self.running = self.waiting, None, True
        assert batch is not None and batch.done is not None
        self.loop.create_task(self._answer(batch))  # type: ignore[union-attr]

    async def _answer(self, batch: _Batch) -> None:
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(self.thread, self.run, sorted(batch.tokens), sorted(batch.cases))
        except Exception as e:  # noqa: BLE001 - every waiter gets it, as its own query would have raised it
            batch.done.set_exception(e)  # type: ignore[union-attr]
        else:
            batch.done.set_result(found)  # type: ignore[union-attr]
        finally:
            if loop is self.loop:
                self.running = False
                if self.waiting is not None:
                    self._start()

    def close(self) -> None:
        self.thread.shutdown(wait=False)
