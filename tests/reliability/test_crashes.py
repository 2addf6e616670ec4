"""The corpus of inputs that once crashed accord (tests/reliability/corpus/, and anything the fuzzer
finds), each run through the CLI: exit 2 (1 for ingest, whose good documents go on: docs/ingest.md),
one line naming the file and the place, and the store exactly as it was."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine

from accord.store import Store
from tests.cli.conftest import MINI
from tests.reliability.conftest import bundle_refused, one_error_line

CORPUS = Path(__file__).with_name("corpus")


def corpus(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).iterdir())


def store_state(db: str) -> str:
    """Every row of every table, in order: two states equal only if nothing was written in between."""
    url = db if "://" in db else f"sqlite:///{db}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
            return json.dumps({t: sorted(map(repr, conn.execute(text(f'SELECT * FROM "{t}"')))) for t in tables})
    finally:
        engine.dispose()


@pytest.mark.parametrize("case", corpus("bundle"), ids=lambda p: p.name)
def test_bundle_corpus_is_refused_with_its_place(accord, tmp_path, case):
    name, _, file = case.name.partition("__")
    bundle = tmp_path / "bundle"
    shutil.copytree(MINI, bundle)
    shutil.copy(case, bundle / file)
    Store.open(accord.db).close()  # the store made, empty
    before = store_state(accord.db) if "://" not in accord.db else None
    lines = bundle_refused(accord("case", "load", str(bundle), ok=False), f"{file}:")
    assert all(":" in line for line in lines)
    assert accord.json("case", "list")["stored"] == []
    if before is not None:
        assert store_state(accord.db) == before


@pytest.mark.parametrize("case", corpus("forecast"), ids=lambda p: p.name)
def test_forecast_corpus_is_one_line(accord, case):
    engine = "smp" if case.name.startswith("ktab") or case.suffix == ".xml" else "eum"
    err = one_error_line(accord("forecast", "run", engine, str(case), ok=False), f"{case}:")
    assert err.split(f"{case}:", 1)[1][:1].isdigit(), err  # a line number follows the file


@pytest.mark.parametrize("case", corpus("ingest"), ids=lambda p: p.name)
def test_ingest_corpus_is_one_line_per_document_and_stores_nothing(mini, case):
    before = store_state(mini.db) if "://" not in mini.db else None
    r = mini("ingest", str(case), "--case", "mini", "--json", ok=False)
    assert r.exit_code == 1 and "Traceback" not in r.stderr, (r.exit_code, r.stderr, r.exception)
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(out) == 1 and len(out[0]["errors"]) == 1 and "\n" not in out[0]["errors"][0]
    assert out[0]["errors"][0].startswith((f"{case}:1", f"{case}: row 1", f"{case}: record 1")), out
    if before is not None:
        assert store_state(mini.db) == before


def test_formats_corpus_is_one_line(accord):
    accord("case", "load", "syria-2015")
    before = store_state(accord.db) if "://" not in accord.db else None
    for case in corpus("formats"):
        args = {"unsc": ["case", "import-unsc", str(case), "--list", "issg-terrorist-list", "--designated-by", "unsc"],
                "pax": ["case", "import-pax", str(case), "--body", "issg"],
                "ktab": ["case", "import-ktab", str(case), "--date", "2016-02-01"]}[case.name.split("-")[0]]
        r = accord(*args, ok=False)
        if "nothing was written" in r.stderr:  # an importer lists one line per bad cell, then the count
            bundle_refused(r, f"{case}:")
        else:
            one_error_line(r, f"{case}:")
    if before is not None:
        assert store_state(accord.db) == before


@pytest.mark.parametrize("args, needle", [
    (["show", "vote-timing", "--as-known-on", "9999-12-31T23:59-14:00"], "--as-known-on"),
    (["positions", "vote-timing", "--as-known-on", "0001-01-01T00:00+14:00"], "outside the years"),
    (["review", "show", "99999999999999999999", "--case", "mini"], "no candidate 99999999999999999999"),
    (["review", "accept", "99999999999999999999", "--case", "mini"], "no candidate"),
    (["review", "edit", "99999999999999999999", "name=x", "--case", "mini"], "no candidate"),
    (["edit", "vote-timing", "--set", "name=!!int memo", "--cite", "https://e.org"], "--set name:1:1"),
    (["edit", "vote-timing", "--set", "note=!!int ", "--cite", "https://e.org"], "--set note:1:1"),  # bench/fuzz.py
])
def test_arguments_that_once_crashed_are_one_line(mini, args, needle):
    before = store_state(mini.db) if "://" not in mini.db else None
    one_error_line(mini(*args, ok=False), needle)
    if before is not None:
        assert store_state(mini.db) == before


def test_export_to_a_place_that_cannot_be_written_is_one_line_and_writes_nothing(mini, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    one_error_line(mini("case", "export", "mini", str(blocker / "bundle"), ok=False), str(blocker), "cannot write")
    assert blocker.read_text() == ""


def test_export_that_fails_midway_leaves_the_old_bundle(mini, tmp_path, monkeypatch):
    out = tmp_path / "out"
    mini("case", "export", "mini", str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    mini("edit", "vote-timing", "--set", "name=Renamed", "--cite", "https://e.org")
    import accord.record.bundlewrite as bundle

    real, calls = bundle._stage, []

    def full_after_two(path, text):  # the disk fills up on the third file
        calls.append(path)
        if len(calls) > 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, text)

    monkeypatch.setattr(bundle, "_stage", full_after_two)
    one_error_line(mini("case", "export", "mini", str(out), ok=False), "No space left")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no file half-new, no temp left


@pytest.fixture
def full_sqlite():
    """Every SQLite connection opened while this is on may not grow its file: SQLite's own max_page_count,
    which fails a write with SQLITE_FULL, the code a full disk gives."""
    import sqlite3

    def cap(dbapi_conn, _record):
        if isinstance(dbapi_conn, sqlite3.Connection):
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    def on():
        event.listen(Engine, "connect", cap)

    yield on
    if event.contains(Engine, "connect", cap):
        event.remove(Engine, "connect", cap)


def test_a_full_disk_during_ingest_is_one_line_and_stores_nothing(sqlite_url, tmp_path, full_sqlite):
    from tests.cli.conftest import Accord

    accord = Accord(sqlite_url)
    accord("case", "load", str(MINI))
    article = tmp_path / "a.txt"
    article.write_text("GENEVA - The foreign ministers of alpha and beta met in Geneva on Monday. " * 400)
    before = store_state(sqlite_url)
    full_sqlite()
    r = accord("ingest", str(article), "--case", "mini", "--json", ok=False)
    errors = [line for line in r.stderr.splitlines() if not line.startswith("warning:")]  # the case has no stance cues
    assert r.exit_code == 2 and len(errors) == 1 and "Traceback" not in r.stderr, (r.stderr, r.exception)
    assert sqlite_url in errors[0] and "no space left" in errors[0] and "nothing of it stored" in errors[0]
    assert store_state(sqlite_url) == before


def _candidates(tmp_path, kind: str):
    """A case whose review queue holds candidates of ``kind`` (from one article)."""
    from tests.ingest.test_cli import ARTICLE, make_case

    from tests.cli.conftest import Accord

    db = tmp_path / "r.db"
    make_case(db)
    (tmp_path / "a.txt").write_text(ARTICLE)
    accord = Accord(str(db))
    accord("ingest", str(tmp_path / "a.txt"), "--case", "t", "--published", "2015-12-18")
    return accord, accord.json("review", "list", "--kind", kind)


def test_a_review_edit_value_takes_its_fields_type(tmp_path):
    # name=123 once became the number 123 and accept failed with "'int' object has no attribute 'lower'"
    accord, actors = _candidates(tmp_path, "actor")
    cid = str(actors[0]["id"])
    accord("review", "edit", cid, "name=123", "actor=null")
    accepted = accord.json("review", "accept", cid)
    assert accord.json("show", accepted["record_id"])["record"]["name"] == "123"


@pytest.mark.parametrize("change, needle", [("value=abc", "value=abc: not a number"),
                                            ("direct=maybe", "direct=maybe: expected true or false"),
                                            ("salience=nan", "not a finite number")])
def test_a_review_edit_value_not_of_its_fields_type_is_one_line(tmp_path, change, needle):
    accord, quotes = _candidates(tmp_path, "quote")
    cid = str(quotes[0]["id"])
    before = store_state(accord.db)
    one_error_line(accord("review", "edit", cid, change, ok=False), needle)
    assert store_state(accord.db) == before


def test_html_with_too_many_elements_is_refused_before_extraction(tmp_path):
    from accord.ingest.reader import MAX_HTML_ELEMENTS
    from tests.cli.conftest import Accord

    page = tmp_path / "cells.html"
    # html, body, table, tr and the cells: 5 more than the limit
    page.write_text("<html><body><table><tr>" + "<td>x</td>" * (MAX_HTML_ELEMENTS + 1) + "</tr></table></body></html>")
    r = Accord(str(tmp_path / "h.db"))("ingest", str(page), "--json", ok=False)
    (out,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 1 and out["errors"] == [f"{page}: HTML too large: {MAX_HTML_ELEMENTS + 5:,} elements "
                                                  f"(accord reads pages of at most {MAX_HTML_ELEMENTS:,}; a news "
                                                  "article's page has a few thousand)"]
