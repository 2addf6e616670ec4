"""Events as PLOVER records and back: export → JSON → read gives the same events (participants grouped
by role); events without a PLOVER type are left out and named."""

from __future__ import annotations

import json
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.formats.plover import read_plover, to_plover
from accord.record import plain
from accord.record.model import Actor, Event, PloverType
from accord.record.snapshot import Snapshot
from accord.store.store import encode

URL = ["https://example.org/x"]
ACTORS = [Actor(id="north", kind="state", name="North", country="NOR", cite=URL),
          Actor(id="rebels", kind="armed_group", name="The Rebels", cite=URL),
          Actor(id="envoy", kind="person", name="The Envoy", cite=URL)]
ROLE_ORDER = {"source": 0, "target": 1}
words = st.from_regex(r"[a-z][a-z-]{0,10}", fullmatch=True)


@st.composite
def events(draw):
    n = draw(st.integers(0, 5))
    out = []
    for i in range(n):
        parts = draw(st.lists(st.tuples(st.sampled_from([a.id for a in ACTORS]),
                                        st.sampled_from(["source", "target", "participant", "mediator"])),
                              max_size=4, unique=True))
        out.append(Event(
            id=f"e{i}", type=draw(st.sampled_from(["meeting", "strike", "agreement", "other"])),
            name=draw(st.text(min_size=1, max_size=30)),
            date=draw(st.sampled_from(["2016-02-27", "2016-02", "2016-03-01..2016-03-05"])),
            participants=[{"actor": a, "role": r} for a, r in parts],
            place=draw(st.none() | st.text(min_size=1, max_size=20)),
            summary=draw(st.none() | st.text(max_size=40)),
            plover=draw(st.none() | st.sampled_from(typing.get_args(PloverType))),
            cameo=draw(st.none() | st.sampled_from(["195", "036"])),
            plover_mode=draw(st.none() | words), plover_context=draw(st.lists(words, max_size=3)),
            cite=draw(st.sampled_from([URL, [{"url": "https://example.org/y", "note": "n"}]])),
            reported=draw(st.booleans())))
    return out


def grouped(ev: Event) -> Event:
    return ev.model_copy(update={"participants": sorted(ev.participants, key=lambda p: ROLE_ORDER.get(p.role, 2))})


@settings(max_examples=60, deadline=None)
@given(events())
def test_export_then_read_gives_the_same_events(evs):
    records, left_out = to_plover(Snapshot([*ACTORS, *evs]), "case-x")
    # from plain records (what `accord case export-plover` reads: no pydantic), the same records
    as_plain = [plain.decode(r.record_kind, encode(r)) for r in (*ACTORS, *evs)]
    assert to_plover(Snapshot(as_plain), "case-x") == (records, left_out)
    assert sorted(left_out) == sorted(e.id for e in evs if e.plover is None)
    back = read_plover(json.loads(json.dumps(records)), "case-x")
    coded = sorted((e for e in evs if e.plover is not None), key=lambda e: (e.date.start, e.id))
    assert back == [grouped(e) for e in coded]
    for r, e in zip(records, coded):
        assert r["event"] == e.plover and r["date"] == e.date.start.isoformat()
        assert [a["actor"] for a in r.get("source", [])] == [p.actor for p in e.participants if p.role == "source"]


def test_records_have_plover_shape():
    ev = Event(id="talk", type="meeting", name="The envoy meets the North", date="2016-02-01", plover="CONSULT",
               plover_mode="third-party", plover_context=["diplomatic", "military"], place="Geneva",
               participants=[{"actor": "envoy", "role": "source"}, {"actor": "north", "role": "target"}], cite=URL)
    (r,), _ = to_plover(Snapshot([*ACTORS, ev]), "c")
    assert {k: r[k] for k in ("id", "date", "event", "mode", "context", "eventLoc")} == {
        "id": "c:talk", "date": "2016-02-01", "event": "CONSULT", "mode": "third-party",
        "context": "diplomatic, military", "eventLoc": {"name": "Geneva"}}
    assert r["source"] == [{"actorText": "The Envoy", "actor": "envoy"}]
    assert r["target"] == [{"actorText": "North", "code": "NOR", "actor": "north"}]


def test_a_record_that_is_no_event_is_one_line():
    with pytest.raises(AccordError, match=r"^record 1 \(c:x\): field 'event': expected a PLOVER event type"):
        read_plover([{"id": "c:x", "date": "2016-01-01", "event": "dance", "text": "x"}], "c")
    with pytest.raises(AccordError, match=r"^record 1 \(c:y\): field 'source': an actor without an accord id"):
        read_plover([{"id": "c:y", "date": "2016-01-01", "event": "FIGHT", "source": [{"actorText": "X"}]}], "c")
    with pytest.raises(AccordError, match=r"^record 1 \(c:z\): field 'cite': "):
        read_plover([{"id": "c:z", "date": "2016-01-01", "event": "FIGHT", "text": "a fight"}], "c")


def test_cli_exports_the_case_events(accord, tmp_path):
    accord("case", "load", "syria-2015")
    r = accord("case", "export-plover", "syria-2015", "--out", str(tmp_path / "ev.json"))
    assert "without a PLOVER type left out: " in r.stderr
    records = json.loads((tmp_path / "ev.json").read_text())
    assert [x["id"] for x in records] == ["syria-2015:russian-air-campaign-start", "syria-2015:su24-shootdown"]
    assert all(x["event"] == "ASSAULT" for x in records)
    assert [e.id for e in read_plover(records, "syria-2015")] == ["russian-air-campaign-start", "su24-shootdown"]
