"""Properties of list status and roadmap status over generated stances and dates (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from accord.record.model import DesignationList
from accord.record.snapshot import Snapshot
from accord.rules.lists import list_status
from accord.rules.roadmap import roadmap_status
from tests.rules.world import CITE, ELECTED, PERMANENT, world

WORLD = world()
BASE = [r for r in WORLD.records.values() if r.id != "list"]
MEMBERS = ["p1", "p2", "e01", "e02"]
ON = dt.date(2020, 6, 1)
STANCES = [None, "supports", "opposes", "undecided"]
stances = st.fixed_dictionaries({m: st.sampled_from(STANCES) for m in MEMBERS})
#: the council on ON (5 permanent, 10 elected): the permanent members support, so whether an entry is
#: listed turns on how many elected members do
COUNCIL = PERMANENT + ELECTED
council_stances = st.fixed_dictionaries(
    {m: st.just("supports") if m in PERMANENT else st.sampled_from(STANCES) for m in COUNCIL}
)


def status(given_stances: dict[str, str | None], body: str = "group") -> str:
    lst = DesignationList(id="list", name="L", body=body, cite=CITE, entries=[{
        "actor": "grey", "cite": CITE,
        "stances": [{"member": m, "stance": s, "date": "2020-05-01", "cite": CITE} for m, s in given_stances.items() if s],
    }])
    return list_status(Snapshot([*BASE, lst]), "list", ON).entries[0].status


@given(stances)
def test_consensus_lists_only_what_every_member_supports(given_stances):
    listed = status(given_stances) == "listed"
    assert listed == all(s == "supports" for s in given_stances.values())


@given(stances)
def test_contested_iff_both_sides_and_not_listed(given_stances):
    values = set(given_stances.values())
    assert (status(given_stances) == "contested") == ({"supports", "opposes"} <= values)


@given(council_stances, st.sampled_from(ELECTED))
def test_more_support_never_unlists(given_stances, member):
    # under the group's consensus "listed" means every member already supports, so adding support
    # would change nothing: the council, where nine votes list an entry, is where this can fail
    before = status(given_stances, "council")
    after = status({**given_stances, member: "supports"}, "council")
    if before == "listed":
        assert after == "listed"


@given(st.dates(dt.date(2020, 1, 1), dt.date(2023, 1, 1)))
def test_roadmap_status_follows_the_calendar(on):
    r = roadmap_status(WORLD, "rm", on)
    talks, gov = r.milestone("talks"), r.milestone("gov")
    # talks were met on 20 July 2020; governance runs six months from them
    assert (talks.status == "met") == (on >= dt.date(2020, 7, 20))
    assert (gov.status == "not-started") == (on < dt.date(2020, 7, 20))
    assert (gov.status == "missed") == (on > dt.date(2021, 1, 20))
    # due by 10 July: missed from the 11th until the talks open on the 20th, then met (late)
    assert (talks.status == "missed") == (dt.date(2020, 7, 10) < on < dt.date(2020, 7, 20))
