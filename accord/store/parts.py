"""Narrow reads: only the records a view needs, as they stood at a transaction time.

A snapshot reads and decodes the whole case (seconds at a million versions); a record page needs the
record and the documents it cites, an issue's positions the issue, its positions and their actors. The
version of a record known at T is the one with known_from <= T < known_to (versions of one record never
overlap in transaction time), so each read below is one indexed query (plain SQL, see ``Store.reading``): by id (``ux_record_version``)
or by parent and kind (``ix_record_parent_kind``). A small ``Snapshot`` of what they return answers the
view exactly as the full one would (tests/store/test_parts.py compares them on generated histories).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from accord.gcpause import gc_paused

if TYPE_CHECKING:
    from accord.record.model import Record
    from accord.store.store import Store

#: ids per IN (...) list: within SQLite's and PostgreSQL's bound-parameter limits
_CHUNK = 500


def _rows(store: Store, case_id: str, ids: Iterable[str], as_known_on: dt.datetime | None) -> list[tuple[str, str]]:
    """(kind, stored JSON) of the records with these ids that existed at ``as_known_on``."""
    from accord.store.store import in_list

    wanted = sorted(set(ids))
    rows = []
    with store.reading() as read:
        for i in range(0, len(wanted), _CHUNK):
            params: dict[str, Any] = {"case_id": case_id}
            sql = (f"SELECT kind, data FROM record WHERE case_id = :case_id"
                   f" AND id IN ({in_list(params, 'id', wanted[i : i + _CHUNK])}) AND data IS NOT NULL"
                   f" AND {store.known(as_known_on, params)}")
            rows.extend(read(sql, params))
        if len(rows) < len(wanted):
            rows.extend((m.kind, data) for m, data in store._members(read, case_id, as_known_on, ids=wanted))
    return rows


def records(store: Store, case_id: str, ids: Iterable[str], as_known_on: dt.datetime | None = None) -> list[Record]:
    """The records with these ids that existed at ``as_known_on`` (now if None); missing ids are left out."""
    from accord.store.store import decode

    rows = _rows(store, case_id, ids, as_known_on)
    with gc_paused():
        return [decode(kind, data) for kind, data in rows]


def stored(store: Store, case_id: str, ids: Iterable[str], as_known_on: dt.datetime | None = None) -> list[tuple[str, dict[str, Any]]]:
    """``records`` as the stored JSON, parsed, with each record's kind: for a view that needs a few
    fields and no record class (accord.views.positions)."""
    return [(kind, json.loads(data)) for kind, data in _rows(store, case_id, ids, as_known_on)]


def _children(store: Store, case_id: str, parent: str, kind: str, as_known_on: dt.datetime | None) -> list[str]:
    params: dict[str, Any] = {"case_id": case_id, "parent": parent, "kind": kind}
    sql = ("SELECT data FROM record WHERE case_id = :case_id AND parent = :parent AND kind = :kind"
           f" AND data IS NOT NULL AND {store.known(as_known_on, params)}")
    with store.reading() as read:
        return [row[0] for row in read(sql, params)]


def children(store: Store, case_id: str, parent: str, kind: str, as_known_on: dt.datetime | None = None) -> list[Record]:
    """The records of a kind that belonged to ``parent`` at ``as_known_on`` (an issue's positions)."""
    from accord.store.store import decode

    rows = _children(store, case_id, parent, kind, as_known_on)
    with gc_paused():
        return [decode(kind, data) for data in rows]


def latest_stored_positions(store: Store, case_id: str, issue: str, on: dt.date | None = None,
                            as_known_on: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Each actor's latest position on an issue dated on or before ``on``, as known then: the rule of
    ``Snapshot.positions``, applied to the stored JSON (a plain parse, about a fifth of a record's
    validation), each as its stored JSON parsed (accord.views.positions)."""
    from accord.record.dates import FuzzyDate

    rows = _children(store, case_id, issue, "position", as_known_on)
    dates: dict[str, FuzzyDate] = {}
    latest: dict[str, tuple[FuzzyDate, str, dict[str, Any]]] = {}
    for data in rows:
        raw = json.loads(data)
        text = str(raw["date"])
        date = dates.get(text)
        if date is None:
            date = dates[text] = FuzzyDate.parse(raw["date"])
        if on is not None and date.start > on:
            continue
        cur = latest.get(raw["actor"])
        if cur is None or (date, raw["id"]) > cur[:2]:
            latest[raw["actor"]] = (date, raw["id"], raw)
    return [raw for _, _, raw in latest.values()]

