"""Narrow as-of reads (accord.store.parts) and the snapshot of plain records (accord.record.plain) answer
exactly what the full snapshot of the model's records answers, at every transaction time of generated
histories: positions created, changed, deleted and moved between issues, actors renamed and deleted,
issues and documents changed and deleted."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from accord.errors import NotFound
from accord.record.bundle import read_bundle
from accord.record.model import Issue, Position
from accord.store import Store
from accord.views import record as views
from accord.views.positions import SCALE_DEFAULT, issue_positions
from accord.views.show import show_record
from tests.record.strategies import bundles
from tests.record.test_plain import assert_same

MINI = Path(__file__).resolve().parents[1] / "record" / "data" / "mini"
BASE = read_bundle(MINI).records
ACTORS = ("alpha", "beta", "gamma", "ghost")  # ghost: never an actor record
ISSUES = ("vote-timing", "second", "nowhere")  # nowhere: never an issue record
DATES = ("2020-01", "2020-03-15", "2020-06")
_cases = itertools.count()

ops = st.lists(
    st.one_of(
        st.tuples(st.just("position"), st.sampled_from(ACTORS), st.sampled_from(ISSUES), st.sampled_from(DATES),
                  st.one_of(st.integers(0, 2), st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 2))),
                  st.sampled_from([None, 0, 2.5])),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("rename"), st.sampled_from(ACTORS[:3]), st.sampled_from(["A", "B", "[/bold]"])),
        st.tuples(st.just("issue"), st.sampled_from(ISSUES[:2]), st.sampled_from(["First", "Second"]),
                  st.sampled_from(["template", "options", "scale"])),
        st.tuples(st.just("memo"), st.sampled_from(["Alpha wants an early vote.", "A different text, longer."])),
    ),
    max_size=12,
)


def _apply(store: Store, case: str, op: tuple) -> None:
    by_id = {r.id: r for r in store.snapshot(case).records.values()}
    with store.unit_of_work(case, by="tester") as uow:
        kind = op[0]
        if kind == "position":
            _, actor, issue, date, value, uncertainty = op
            uow.put(Position(issue=issue, actor=actor, value=value, salience=0.5, date=date, uncertainty=uncertainty,
                             cite=["memo"]))
        elif kind == "delete":
            ids = sorted(by_id)
            uow.delete(ids[op[1] % len(ids)])
        elif kind == "rename" and op[1] in by_id:
            uow.put(by_id[op[1]].model_copy(update={"name": op[2]}))
        elif kind == "issue" and op[3] == "template":
            template = next(r for r in BASE if r.id == "vote-timing")
            uow.put(template.model_copy(update={"id": op[1], "name": op[2]}))
        elif kind == "issue":  # an issue of ordered options, or on a scale of its own with anchors
            shape = {"options": ["none", "some", "all"]} if op[3] == "options" else {
                "scale_min": -5, "scale_max": 95.5, "anchors": {-5: "against", 12.5: "an eighth", 0: "neutral"}}
            uow.put(Issue(id=op[1], name=op[2], cite=["memo"], **shape))
        elif kind == "memo" and "memo" in by_id:
            uow.put(by_id["memo"].model_copy(update={"text": op[1]}))


def _answer(read):
    try:
        return read()
    except NotFound as e:
        return ("not found", str(e))


def _same(narrow, model) -> bool:
    """The two reads answer alike, keys in the same order (`accord show` prints them in it)."""
    return json.dumps(_answer(narrow)) == json.dumps(_answer(model))


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    yield s
    s.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=ops)
def test_narrow_reads_equal_the_snapshot(store, history):
    case = f"c{next(_cases)}"
    times = _written(store, case, history)
    ids = sorted({r.id for r in BASE} | {"nothing-here"})
    for t in times:
        snap = store.snapshot(case, t)
        every = sorted(set(ids) | set(snap.records))
        for rid in every:
            assert _same(lambda: show_record(store, case, rid, t), lambda: views.show(snap, rid)), rid
        for issue in ISSUES:
            for on in (None, dt.date(2020, 2, 1), dt.date(2020, 12, 31)):
                narrow = _answer(lambda: issue_positions(store, case, issue, on, t))
                assert narrow == _answer(lambda: views.positions(snap, issue, on)), (issue, on, t)
        flat = store.snapshot(case, t, plain=True)
        assert sorted(flat.records) == sorted(snap.records)  # PostgreSQL returns rows in no set order
        for rid, rec in snap.records.items():
            assert_same(flat.records[rid], rec, rid)
        for actor in ACTORS:
            for on in (None, dt.date(2020, 2, 1)):
                assert _same(lambda: views.relations(flat, actor, on), lambda: views.relations(snap, actor, on))
        assert views.actors(flat) == views.actors(snap)


@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=bundles())
def test_show_from_stored_json_equals_the_model_view_for_every_kind(store, data):
    """accord.views.show fills in each class's defaults at every depth: on bundles of every record kind
    (tests/record/strategies.py), each record shows as the model's dump shows it."""
    case = f"b{next(_cases)}"
    store.load(case, [r.model_copy(update={"id": case}) if r.record_kind == "case" else r for r in data],
               by="tester", source="generated")
    snap = store.snapshot(case)
    for rid in sorted(snap.records):
        assert _same(lambda: show_record(store, case, rid), lambda: views.show(snap, rid)), rid


def test_show_from_stored_json_equals_the_model_view_on_the_built_in_cases(store):
    from accord.record.builtin import BUILTIN_CASES, builtin_cases

    for case in builtin_cases():
        store.load(case, read_bundle(BUILTIN_CASES / case).records, by="tester", source=case)
        snap = store.snapshot(case)
        for rid in sorted(snap.records):
            assert _same(lambda: show_record(store, case, rid), lambda: views.show(snap, rid)), rid


def _written(store: Store, case: str, history) -> list[dt.datetime | None]:
    """Load the base records as ``case``, apply the generated history: the transaction times to read at
    (None: now)."""
    store.load(case, [r.model_copy(update={"id": case}) if r.record_kind == "case" else r for r in BASE],
               by="tester", source="mini")
    times = [None, _last_tx(store, case)]
    for op in history:
        _apply(store, case, op)
        times.append(_last_tx(store, case))
    return times


def _last_tx(store: Store, case: str) -> dt.datetime:
    from sqlalchemy import func, select

    from accord.store.schema import tx

    with store.engine.connect() as conn:
        return conn.execute(select(func.max(tx.c.at)).where(tx.c.case_id == case)).scalar_one()


def test_the_positions_view_knows_the_issues_defaults():
    """accord.views.positions reads an issue stored without its scale at the class's defaults."""
    assert SCALE_DEFAULT == (Issue.model_fields["scale_min"].default, Issue.model_fields["scale_max"].default)


def test_children_at_a_past_time(store):
    store.load("mini", BASE, by="tester", source="mini")
    before = _last_tx(store, "mini")
    with store.unit_of_work("mini", by="tester") as uow:
        uow.put(Position(issue="vote-timing", actor="gamma", value=50, salience=0.5, date="2020-04", cite=["memo"]))
    now = {p.actor for p in store.children("mini", "vote-timing", "position")}
    then = {p.actor for p in store.children("mini", "vote-timing", "position", before)}
    assert now == {"alpha", "beta", "gamma"} and then == {"alpha", "beta"}
    assert [r.id for r in store.records("mini", ["alpha", "nothing"], before)] == ["alpha"]


def test_a_bulk_load_refreshes_postgresql_statistics(store, monkeypatch):
    """Without statistics PostgreSQL reads an issue's positions through the wrong index (100x slower)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's plans need no statistics")
    monkeypatch.setattr(Store, "ANALYZE_AFTER", 1)
    store.load("mini", BASE, by="tester", source="mini")
    with store.engine.connect() as conn:
        analyzed = conn.exec_driver_sql(
            "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'record' "
            "AND schemaname = current_schema()").scalar_one()
    assert analyzed


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=ops)
def test_a_store_opened_for_reading_answers_as_the_engine_does(store, db_url, history):
    """``Store.open`` of an existing store reads through the driver's connection, without SQLAlchemy
    (docs/python-api.md, "How the store reads"): every read answers as the store that wrote the history (its engine's connections),
    at every transaction time, and times and citations come back typed as SQLAlchemy gave them."""
    case = f"d{next(_cases)}"
    times = _written(store, case, history)
    reader = Store.open(db_url)
    try:
        assert reader._direct is not None and reader._engine is None
        ids = sorted({r.id for r in BASE} | {"nothing-here", "c-vote"})
        for t in times:
            assert reader.cases(t) == store.cases(t)
            assert reader.snapshot(case, t).records == store.snapshot(case, t).records
            assert reader.snapshot(case, t, kinds=["actor", "issue"]).records == store.snapshot(case, t, kinds=["actor", "issue"]).records
            for rid in ids:
                assert _answer(lambda: reader.get_versioned(case, rid, t)) == _answer(lambda: store.get_versioned(case, rid, t))
                assert _answer(lambda: reader.history(case, rid, t)) == _answer(lambda: store.history(case, rid, t))
            for issue in ISSUES:
                assert _answer(lambda: issue_positions(reader, case, issue, None, t)) == _answer(
                    lambda: issue_positions(store, case, issue, None, t))
        last = [e for e in reader.history(case, case) if e.op == "create"]
        assert last and isinstance(last[0].at, dt.datetime) and last[0].at == times[1]
        assert reader._engine is None  # no read made the engine
        assert reader.read_for_write(case)[1] == store.read_for_write(case)[1]
        assert reader.count_versions() == store.count_versions()
    finally:
        reader.close()


def test_a_store_not_at_the_newest_migration_is_opened_the_engine_way(db_url):
    """Only a store already at the head is read through the driver alone: a new one is made (and an
    old one migrated) by SQLAlchemy and Alembic, as before."""
    first = Store.open(db_url)  # new: made and migrated through the engine
    try:
        assert first._engine is not None and first._direct is None
        first.load("mini", BASE, by="tester", source="mini")
    finally:
        first.close()
    again = Store.open(db_url)
    try:
        assert again._direct is not None
        assert again.cases() == ["mini"]
        again.load("mini", BASE, by="tester", source="mini")  # a write makes the engine then
        assert again._engine is not None and again.cases() == ["mini"]
    finally:
        again.close()
