"""Batches (accord.store.batches): records written as one batch row read back, by every read path, as
the same versions one row of ``record`` per record gives: current and as known at any time, one by one
and as a snapshot, their history, their versions for a writer; and later writes on them (an edit, a
deletion, a re-import, a case load) behave as on rows."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.record.bundle import read_bundle
from accord.record.model import Report
from accord.store import Store, batches
from accord.store.batches import pack, unpack
from accord.store.store import encode

_BASE = next(r for r in read_bundle("syria-2015").records if isinstance(r, Report))


def _report(rid: str, summary: str) -> Report:
    # no references: a case load checks the records it keeps against the (empty) bundle
    return _BASE.model_copy(update={"id": rid, "summary": summary, "perpetrator": None, "target": None, "cite": []})


def _rows(spec: dict[str, str]) -> list[tuple[str, str]]:
    return [(rid, encode(_report(rid, text))) for rid, text in spec.items()]


# each step: ("import", {id: summary}) written as one batch or one put per row; ("put", id, summary);
# ("delete", id)
STEPS = [
    ("import", {"r0": "zero", "r1": "one", "r2": "two", "r3": "three"}),
    ("put", "r1", "one, edited"),
    ("delete", "r2"),
    ("import", {"r0": "zero", "r1": "one", "r2": "two again", "r3": "three, changed", "r4": "four"}),
    ("import", {"r3": "three, changed", "r4": "four", "r5": "five"}),
    ("delete", "r4"),
    ("put", "r5", "five, edited"),
    ("import", {"r5": "five", "r6": "six"}),
]


def _write(store: Store, case_id: str, step: tuple, batch: bool) -> dict:
    with store.unit_of_work(case_id, by="t", operation="monitor import" if step[0] == "import" else "edit") as uow:
        if step[0] == "import":
            rows = _rows(step[1])
            if batch:
                uow.add_batch("report", [r[0] for r in rows], "%s", [[r[1] for r in rows]])
            else:
                for rid, data in rows:
                    uow._put("report", rid, None, data)
        elif step[0] == "put":
            uow.put(_report(step[1], step[2]))
        else:
            uow.delete(step[1])
        s = uow.summary
        return {"created": sorted(s.created), "updated": sorted(s.updated), "deleted": sorted(s.deleted),
                "unchanged": s.unchanged}


def _view(store: Store, case_id: str, at: dt.datetime | None) -> dict:
    ids = [f"r{i}" for i in range(7)]
    snap = store.snapshot(case_id, as_known_on=at)
    got = {}
    for rid in ids:
        try:
            rec, version = store.get_versioned(case_id, rid, as_known_on=at)
            got[rid] = (encode(rec), version)
        except Exception as e:  # noqa: BLE001 (the same refusal both ways)
            got[rid] = type(e).__name__
    history = {}
    for rid in ids:
        if not isinstance(got[rid], str) or at is None:
            try:
                history[rid] = [(e.op, e.version, e.after, e.operation) for e in store.history(case_id, rid, as_known_on=at)]
            except Exception as e:  # noqa: BLE001 (an id never written: the same refusal both ways)
                history[rid] = type(e).__name__
    return {
        "snapshot": sorted((r.id, encode(r)) for r in snap.all(Report)),
        "get": got,
        "records": sorted((r.id, encode(r)) for r in store.records(case_id, ids, as_known_on=at)),
        "history": history,
    }


@pytest.fixture(params=[5000, 2], ids=["one-row", "rows-of-2"])
def rows_per_batch(request, monkeypatch):
    """Members per row of ``batch``: an import of a few reports is one row, or several."""
    monkeypatch.setattr(batches, "ROWS", request.param)
    return request.param


def test_a_history_written_as_batches_reads_as_one_row_per_record(db_url, rows_per_batch):
    store = Store.open(db_url)
    try:
        store.load("syria-2015", [], by="t", source="none", prune=True)
        times: dict[str, list[dt.datetime]] = {"batch": [], "rows": []}
        for step in STEPS:
            done = [_write(store, case_id, step, case_id == "batch") for case_id in ("batch", "rows")]
            assert done[0] == done[1], step
            for case_id in times:
                times[case_id].append(_last_tx(store, case_id))
        for k in range(len(STEPS)):
            assert _view(store, "batch", times["batch"][k]) == _view(store, "rows", times["rows"][k]), STEPS[k]
        assert _view(store, "batch", None) == _view(store, "rows", None)
        for case_id in times:
            _, versions = store.read_for_write(case_id)
            times[case_id] = sorted(versions.items())
        assert times["batch"] == times["rows"]
    finally:
        store.close()


def _last_tx(store: Store, case_id: str) -> dt.datetime:
    with store.engine.connect() as conn:
        at = conn.exec_driver_sql(f"SELECT max(at) FROM tx WHERE case_id = '{case_id}'").scalar()
    return dt.datetime.fromisoformat(at) if isinstance(at, str) else at


def test_an_import_is_one_batch_row_and_the_same_file_again_writes_nothing(db_url):
    store = Store.open(db_url)
    try:
        rows = _rows({f"r{i}": f"report {i}" for i in range(50)})
        for expected in (50, 0):
            with store.unit_of_work("c", by="t", operation="monitor import") as uow:
                s = uow.add_batch("report", [r[0] for r in rows], "%s", [[r[1] for r in rows]])
            assert (len(s.created), s.unchanged) == (expected, 50 - expected)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*), sum(rows) FROM batch").one() == (1, 50)
            assert conn.exec_driver_sql("SELECT count(*) FROM record").scalar() == 0
        assert store.count_versions() == 50
    finally:
        store.close()


def test_a_case_load_deletes_or_keeps_members_as_it_does_rows(db_url):
    store = Store.open(db_url)
    try:
        rows = _rows({"r0": "zero", "r1": "one"})
        with store.unit_of_work("c", by="t", operation="monitor import") as uow:
            uow.add_batch("report", [r[0] for r in rows], "%s", [[r[1] for r in rows]])
        kept = store.load("c", [], by="t", source="none")
        assert sorted(kept.kept) == ["r0", "r1"] and kept.written_by == {"r0": "monitor import", "r1": "monitor import"}
        gone = store.load("c", [], by="t", source="none", prune=True, keep_user=False)
        assert sorted(gone.deleted) == ["r0", "r1"]
        assert store.snapshot("c").all(Report) == []
        assert [e.op for e in store.history("c", "r0")] == ["create", "delete"]
    finally:
        store.close()


#: a text cell as a slot holds them: no control character (JSON would escape it), no lone surrogate
_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 40), st.lists(st.sampled_from(["text", "few", "float", "int", "same"]), min_size=1, max_size=6),
       st.data())
def test_pack_gives_back_every_row(n, kinds, data):
    """Every column form (one value, few texts, many texts, numbers) gives back the rows' text."""
    columns, template = [], ""
    for kind in kinds:
        if kind == "text":
            col = data.draw(st.lists(_cell, min_size=n, max_size=n))
        elif kind == "few":
            col = data.draw(st.lists(st.sampled_from(["a", "b", "", ",\"k\":1"]), min_size=n, max_size=n))
        elif kind == "float":
            col = data.draw(st.lists(st.sampled_from([0.0, -0.0, 1e-300, 36.2181]) | st.floats(allow_nan=False,
                                     allow_infinity=False), min_size=n, max_size=n))
        elif kind == "int":
            col = data.draw(st.lists(st.integers(-10**12, 10**12), min_size=n, max_size=n))
        else:
            col = [data.draw(_cell)] * n
        columns.append(col)
        template += "|%r" if kind == "float" else "|%d" if kind == "int" else "|%s"
    expected = [template % row for row in zip(*columns)]
    stored = pack(template, columns)
    assert unpack(stored) == expected
    picked = data.draw(st.lists(st.integers(0, n - 1), max_size=5))
    assert unpack(stored, picked) == [expected[k] for k in picked]


def _alembic(store: Store, direction: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from accord.store.store import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, direction)(cfg, revision)


def test_the_migration_moves_reports_imported_as_rows_into_batches(db_url, rows_per_batch):
    """A store whose reports were imported as rows of ``record`` (imports, edits, deletions), taken
    back to 0005 (the schema before batches; its tables are as they were) and migrated: the imported
    versions are batch members, and every read gives what it gave before."""
    store = Store.open(db_url)
    try:
        times = []
        for step in STEPS:
            with store.unit_of_work("c", by="t", operation="monitor import" if step[0] == "import" else "edit") as uow:
                if step[0] == "import":
                    uow.add_encoded("report", [(rid, None, data) for rid, data in _rows(step[1])])
                elif step[0] == "put":
                    uow.put(_report(step[1], step[2]))
                else:
                    uow.delete(step[1])
            times.append(_last_tx(store, "c"))
        before = [_view(store, "c", at) for at in [*times, None]]
        _, versions = store.read_for_write("c")
        _alembic(store, "downgrade", "0005")
        _alembic(store, "upgrade", "head")
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(DISTINCT tx_from) FROM batch").scalar() == 4
            assert conn.exec_driver_sql("SELECT count(*) FROM record r JOIN tx t ON t.id = r.tx_from"
                                        " WHERE t.operation = 'monitor import'").scalar() == 0
        assert [_view(store, "c", at) for at in [*times, None]] == before
        assert store.read_for_write("c")[1] == versions
    finally:
        store.close()


_ids = st.sampled_from([f"r{i}" for i in range(7)])
_texts = st.sampled_from(["a", "b", "c, changed"])
_steps = st.lists(st.one_of(
    st.tuples(st.just("import"), st.dictionaries(_ids, _texts, min_size=1, max_size=5)),
    st.tuples(st.just("put"), _ids, _texts),
    st.tuples(st.just("delete"), _ids),
), min_size=1, max_size=7)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_steps, rows_per=st.sampled_from([2, 5000]))
def test_any_history_reads_the_same_written_as_batches_or_as_rows(db_url, steps, rows_per):
    """STEPS above, generalised: any sequence of imports, edits and deletions (of records that exist or
    not) gives, at every transaction time, the same reads and the same refusals as rows of ``record``."""
    example = next(_examples)
    old, batches.ROWS = batches.ROWS, rows_per
    store = Store.open(db_url)
    try:
        times: dict[str, list[dt.datetime]] = {f"batch-{example}": [], f"rows-{example}": []}
        for step in steps:
            done = []
            for case_id in times:
                try:
                    done.append(_write(store, case_id, step, case_id.startswith("batch")))
                    times[case_id].append(_last_tx(store, case_id))
                except Exception as e:  # noqa: BLE001 (the same refusal both ways, nothing written)
                    done.append(type(e).__name__)
            assert done[0] == done[1], step
        (b, batch_times), (r, row_times) = times.items()
        for at_batch, at_rows in zip(batch_times, row_times, strict=True):
            assert _view(store, b, at_batch) == _view(store, r, at_rows)
        assert _view(store, b, None) == _view(store, r, None)
    finally:
        batches.ROWS = old
        store.close()


_examples = itertools.count()


@pytest.mark.parametrize("how", ["put", "add", "batch", "case load"])
@pytest.mark.parametrize("first", ["batch", "row"])
def test_an_id_keeps_its_kind_while_its_record_lives(db_url, how, first):
    """A write of another kind under a live record's id is refused, whichever way each was written (the
    reads of one kind, a batch's included, would otherwise still see the old record); once the record
    is deleted the id is free, and every read sees the new one."""
    from accord.errors import AccordError
    from accord.record.model import Actor

    actor = next(r for r in read_bundle("syria-2015").records if isinstance(r, Actor)).model_copy(update={"id": "r1"})
    store = Store.open(db_url)
    try:
        _write(store, "c", ("import", {"r1": "one"}), batch=first == "batch")
        with pytest.raises(AccordError, match="^r1: the case holds a record of kind report with this id"):
            if how == "case load":
                store.load("c", [actor], by="t", source="none")
            else:
                with store.unit_of_work("c", by="t", operation="edit") as uow:
                    if how == "put":
                        uow.put(actor)
                    elif how == "add":
                        uow.add([actor])
                    else:
                        uow.add_batch("actor", ["r1"], "%s", [[encode(actor)]])
        assert [r.id for r in store.snapshot("c").all(Report)] == ["r1"]
        _write(store, "c", ("delete", "r1"), batch=False)
        with store.unit_of_work("c", by="t", operation="edit") as uow:
            uow.put(actor)
        assert store.snapshot("c").all(Report) == [] and [r.id for r in store.snapshot("c").all(Actor)] == ["r1"]
        assert [type(r) for r in store.records("c", ["r1"])] == [Actor]
    finally:
        store.close()
