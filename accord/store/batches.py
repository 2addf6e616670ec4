"""Batches: records of one kind written by one transaction and kept as one row (``schema.batch``), read
back as the versions they are. A monitor import's 200,000 reports are one batch: writing them as rows
of ``record`` (each a JSON document in a table with five indexes) was most of the import's time.

A member is a version of its record like a row of ``record``: version ``versions[k]`` of ``ids[k]``,
made by the batch's transaction. It is known from the batch's ``known_from`` until a later version of
its id is written, a row of ``record`` (an edit, a deletion) or a member of a later batch, so nothing is
written to close it: the version known at T is the highest one written by T. (A row of ``record``
superseded by a member is closed as any row is: ``known_to``.)

The members' JSON is kept as one format string and its columns (``pack``): row k's JSON is
``template % (the columns' k-th cells)``, the text ``accord.store.store.encode`` gives of the record.
The readers here run plain SQL through the store's ``reading`` (the driver's connection, no SQLAlchemy)
or a unit of work's connection; they return what ``record`` rows give: kind, id, version, JSON.
"""

from __future__ import annotations

import base64
import json
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Read = Callable[[str, dict[str, Any]], list[Any]]

#: ids per IN (...) list: within SQLite's and PostgreSQL's bound-parameter limits
_CHUNK = 500
#: members per row of ``batch``: a read of one record unpacks one row (5,000 ACLED reports: ~5 ms)
ROWS = 5000


# Separators of the stored text: no cell holds them (a text slot's cells need no JSON escapes, so hold no
# control character; every other cell is JSON text, which escapes them).
_COLUMN, _CELL, _PART = "\x1d", "\x1f", "\x1e"


def pack(template: str, columns: list[list[Any]]) -> str:
    """The members' JSON as stored: the format string, then each column (of str, int or finite float
    cells, one type a column): one value and the row count where every cell is the same; the distinct
    texts and each row's index into them (base64) where a text column holds at most 256; the floats'
    bytes (base64; ``%r`` of a float read back is the same text); else the texts joined, or the ints as
    a JSON array. Texts are joined as they are (a text slot's cells need no escaping): a tenth of
    what JSON would write, in a tenth of the time."""
    out = [json.dumps(template, ensure_ascii=False)]
    for col in columns:
        # a column whose first rows already hold many values is not counted (hashing 200,000 new texts
        # costs more than joining them)
        if isinstance(col[0], float):  # (not counted: 0.0 and -0.0 are equal, and written apart)
            out.append("f" + base64.b64encode(array("d", col).tobytes()).decode())
            continue
        distinct = dict.fromkeys(col) if len(set(col[:_FEW * 4])) <= _FEW else None
        if distinct is not None and len(distinct) == 1:
            out.append("1" + json.dumps([col[0], len(col)], ensure_ascii=False))
        elif not isinstance(col[0], str):
            out.append("j" + json.dumps(col, allow_nan=False))
        elif distinct is not None and len(distinct) <= _FEW:
            index = {v: i for i, v in enumerate(distinct)}
            out.append("b" + _CELL.join(distinct) + _PART + base64.b64encode(bytes(map(index.__getitem__, col))).decode())
        else:
            out.append("s" + _CELL.join(col))
    return _COLUMN.join(out)


#: the most distinct texts a column is stored as a table of (each row's index is one byte)
_FEW = 256


def _column(text: str) -> list[Any]:
    how, body = text[0], text[1:]
    if how == "1":
        value, n = json.loads(body)
        return [value] * n
    if how == "f":
        return array("d", base64.b64decode(body)).tolist()
    if how == "j":
        return json.loads(body)
    if how == "b":
        values, index = body.split(_PART)
        return list(map(values.split(_CELL).__getitem__, base64.b64decode(index)))
    return body.split(_CELL)


def unpack(data: str, positions: Iterable[int] | None = None) -> list[str]:
    """The members' JSON texts (those at ``positions``, in that order; all if None)."""
    template, *texts = data.split(_COLUMN)
    template = json.loads(template)
    cols = list(map(_column, texts))
    if positions is None:
        return list(map(template.__mod__, zip(*cols)))
    return [template % tuple(c[k] for c in cols) for k in positions]


@dataclass
class Member:
    kind: str
    id: str
    version: int
    batch: int
    position: int
    tx_from: int


def _in(params: dict[str, Any], name: str, values: list[Any]) -> str:
    for i, v in enumerate(values):
        params[f"{name}{i}"] = v
    return ", ".join(f":{name}{i}" for i in range(len(values))) or "NULL"


def latest(read: Read, case_id: str, known_at: Any = None, kinds: Iterable[str] | None = None,
           ids: Iterable[str] | None = None) -> dict[str, Member]:
    """For each id, the case's member of highest version among the batches written by ``known_at``
    (all if None; a time as ``Store._time`` gives it), dropped where a row of ``record`` written by then
    holds a higher version (that row, or a later one of ``record``, is the version known then)."""
    params: dict[str, Any] = {"case_id": case_id}
    sql = "SELECT pk, kind, ids, versions, tx_from FROM batch WHERE case_id = :case_id"
    if known_at is not None:
        sql += " AND known_from <= :known_at"
        params["known_at"] = known_at
    if kinds is not None:
        sql += f" AND kind IN ({_in(params, 'kind', sorted(set(kinds)))})"
    batches = read(sql + " ORDER BY pk", params)
    if not batches:
        return {}
    wanted = None if ids is None else set(ids)
    # a few ids: a row none of them is in is passed over by a search of its text (each id is written in
    # the array as json.dumps writes it alone)
    needles = None if wanted is None or len(wanted) > 50 else [json.dumps(i, ensure_ascii=False) for i in wanted]
    found: dict[str, Member] = {}
    for pk, kind, ids_json, versions_json, tx_from in batches:
        if needles is not None and not any(n in ids_json for n in needles):
            continue
        members = json.loads(ids_json)
        versions = json.loads(versions_json) if versions_json else None
        for k, rid in enumerate(members):
            if wanted is not None and rid not in wanted:
                continue
            version = versions[k] if versions else 1
            cur = found.get(rid)
            if cur is None or version > cur.version:
                found[rid] = Member(kind, rid, version, pk, k, tx_from)
    # a few ids: looked up; many (a re-import): every record of their kinds, one query
    few = wanted is not None and len(found) <= 20 * _CHUNK
    for rid, version in _record_versions(read, case_id, known_at, {m.kind for m in found.values()},
                                         sorted(found) if few else None):
        cur = found.get(rid)
        if cur is not None and version > cur.version:
            del found[rid]
    return found


def _record_versions(read: Read, case_id: str, known_at: Any, kinds: set[str], ids: list[str] | None) -> list[Any]:
    """(id, highest version) of the rows of ``record`` written by ``known_at``: of these ids, or (None) of
    every record of these kinds (an id keeps its kind)."""
    base = "SELECT id, max(version) FROM record WHERE case_id = :case_id"
    params: dict[str, Any] = {"case_id": case_id}
    if known_at is not None:
        base += " AND known_from <= :known_at"
        params["known_at"] = known_at
    if ids is None:
        return read(f"{base} AND kind IN ({_in(params, 'kind', sorted(kinds))}) GROUP BY id", params)
    out: list[Any] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = dict(params)
        out.extend(read(f"{base} AND id IN ({_in(chunk, 'id', ids[i : i + _CHUNK])}) GROUP BY id", chunk))
    return out


def texts(read: Read, members: Iterable[Member]) -> list[tuple[Member, str]]:
    """Each member with its JSON, batch by batch."""
    by_batch: dict[int, list[Member]] = {}
    for m in members:
        by_batch.setdefault(m.batch, []).append(m)
    out: list[tuple[Member, str]] = []
    for pk, group in sorted(by_batch.items()):
        ((data, rows),) = read("SELECT data, rows FROM batch WHERE pk = :pk", {"pk": pk})
        if len(group) == rows:
            group.sort(key=lambda m: m.position)
            out.extend(zip(group, unpack(data)))
        else:
            out.extend(zip(group, unpack(data, [m.position for m in group])))
    return out


def history(read: Read, case_id: str, record_id: str, known_at: Any = None) -> list[tuple[Any, ...]]:
    """The members that are versions of ``record_id`` as ``Store.history`` reads rows: (id, kind,
    version, data, tx id, at, by, operation, cite, note, os_user, api_user)."""
    params: dict[str, Any] = {"case_id": case_id}
    sql = ('SELECT b.pk, b.kind, b.ids, b.versions, t.id, t."at", t."by", t.operation, t.cite, t.note, t.os_user,'
           ' t.api_user FROM batch b JOIN tx t ON t.id = b.tx_from WHERE b.case_id = :case_id')
    if known_at is not None:
        sql += " AND b.known_from <= :known_at"
        params["known_at"] = known_at
    out = []
    needle = json.dumps(record_id, ensure_ascii=False)
    for pk, kind, ids_json, versions_json, *tx in read(sql, params):
        if needle not in ids_json:
            continue
        members = json.loads(ids_json)
        versions = json.loads(versions_json) if versions_json else None
        for k, rid in enumerate(members):
            if rid == record_id:
                member = Member(kind, rid, versions[k] if versions else 1, pk, k, tx[0])
                ((_, data),) = texts(read, [member])
                out.append((rid, kind, member.version, data, *tx))
    return out


def count(read: Read) -> int:
    """How many versions the batches hold."""
    return read("SELECT coalesce(sum(rows), 0) FROM batch", {})[0][0]
