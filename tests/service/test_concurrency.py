"""Two editors write the same record at once, each from its own process, to a server with two worker
processes: exactly one wins, the other gets 412, and the audit holds the winner's write only."""

from __future__ import annotations

import multiprocessing as mp

import httpx

from accord.store import Store, users
from tests.service.conftest import prepare
from tests.service.server import serving

RECORD = "vote-timing.alpha.2020-03"


def _editor(base: str, token: str, note: str, barrier, out) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as c:
        etag = c.get(f"/api/v1/cases/mini/records/{RECORD}").headers["ETag"]
        barrier.wait()
        r = c.patch(f"/api/v1/cases/mini/records/{RECORD}", headers={"If-Match": etag},
                    json={"set": {"note": note}, "cite": [f"https://example.org/{note}"]})
        out.put((note, r.status_code, r.json()))


def test_two_editors_at_once_one_wins_one_gets_412(db_url):
    tokens = prepare(db_url)
    store = Store.open(db_url)
    tokens["editor2"] = users.add(store, "editor2", "editor")[1]
    ctx = mp.get_context("spawn")
    rounds = 2
    with serving(db_url, workers=2) as base:
        for n in range(rounds):
            barrier, out = ctx.Barrier(2), ctx.Queue()
            procs = [ctx.Process(target=_editor, args=(base, tokens[who], f"{who}-{n}", barrier, out))
                     for who in ("editor", "editor2")]
            for p in procs:
                p.start()
            results = sorted((out.get(timeout=120) for _ in procs), key=lambda r: r[1])
            for p in procs:
                p.join(timeout=60)
            (won, ok, body), (lost, stale, refusal) = results
            assert (ok, stale) == (200, 412), results
            assert refusal["current_version"] == body["version"] == 2 + n
            entries = [e for e in store.history("mini", RECORD) if e.tx > 1]
            assert len(entries) == n + 1
            last = entries[-1]
            assert (last.after["note"], last.api_user, last.by) == (won, won.rsplit("-", 1)[0], won.rsplit("-", 1)[0])
            assert not any(e.after and e.after.get("note") == lost for e in entries)
            assert not any(lost in str(e.cite) for e in entries)
    store.close()
