"""Views kept per process (accord.views.cache): a write between two reads changes the answer, in the
process that wrote and in any other, because the key comes from the store, not from memory. On SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from accord.record.dates import FuzzyDate
from accord.record.model import Citation
from accord.store import Store
from accord.views.brief import kept
from accord.views.cache import Views
from accord.views.edits import set_position
from tests.service.conftest import Served, prepare

DAY = dt.date(2020, 3, 5)


def alpha(brief: dict) -> float:
    (dispute,) = [d for d in brief["sections"]["disputes"] if d["issue"] == "vote-timing"]
    return next(p["value"] for p in dispute["positions"] if p["actor"] == "alpha")


def set_alpha(store: Store, value: float) -> None:
    set_position(store, "mini", "vote-timing", "alpha", value, by="test", when=FuzzyDate.parse("2020-03"),
                 cites=[Citation.model_validate(f"https://example.org/{value}")])


def test_a_repeated_read_is_kept_and_a_write_between_two_reads_changes_it(db_url):
    prepare(db_url)
    store = Store.open(db_url)
    views = Views(store)
    first = kept(views, "mini", DAY)
    assert kept(views, "mini", DAY) is first  # kept: built once
    assert kept(views, "mini", DAY, dt.datetime(2099, 1, 1)) is not first  # another as_known_on, another view
    set_alpha(store, 40)
    again = kept(views, "mini", DAY)
    assert alpha(first) == 10 and alpha(again) == 40
    store.close()


CHILD = """
import datetime as dt, json, sys
from accord.store import Store
from accord.views.brief import kept
from accord.views.cache import Views
from tests.service.test_cache import DAY, alpha, set_alpha

store = Store.open(sys.argv[1])
views = Views(store)
for line in sys.stdin:
    if line.startswith("write"):
        set_alpha(store, float(line.split()[1]))
    print(json.dumps(alpha(kept(views, "mini", DAY))), flush=True)
"""


def test_two_processes_writing_see_each_others_writes_through_their_kept_views(db_url):
    """Each process keeps its own views; each writes in turn; each read after the other's write sees it."""
    prepare(db_url)
    store = Store.open(db_url)
    views = Views(store)
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, cwd=Path(__file__).resolve().parents[2])

    def ask(line: str) -> float:
        child.stdin.write(line + "\n")
        child.stdin.flush()
        return json.loads(child.stdout.readline())

    try:
        assert alpha(kept(views, "mini", DAY)) == 10 and ask("read") == 10  # both keep the view
        set_alpha(store, 20)  # this process writes...
        assert ask("read") == 20  # ...the other's kept view is not served
        assert ask("write 30") == 30  # the other writes...
        assert alpha(kept(views, "mini", DAY)) == 30  # ...and this one's is not served either
    finally:
        child.stdin.close()
        child.wait(timeout=60)
        store.close()


def test_the_brief_answers_304_to_its_etag_until_the_case_changes(served: Served):
    viewer, editor = served.client("viewer"), served.client("editor")
    url = "/api/v1/cases/mini/brief?date=2020-03-05"
    first = viewer.get(url)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and alpha(first.json()) == 10
    again = viewer.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == tag
    assert viewer.get(url, headers={"If-None-Match": f'"other", W/{tag}'}).status_code == 304
    assert viewer.get("/api/v1/cases/mini/brief?date=2020-03-06", headers={"If-None-Match": tag}).status_code == 200
    r = editor.post("/api/v1/cases/mini/positions", json={"issue": "vote-timing", "actor": "alpha", "value": 40,
                                                          "date": "2020-03", "cite": ["https://example.org/40"]})
    assert r.status_code == 200, r.text
    changed = viewer.get(url, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag and alpha(changed.json()) == 40
