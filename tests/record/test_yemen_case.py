"""The second built-in case, yemen-2018: what a case that is not the first one says, and that the
record, the rules and the reader answer it right.

The bundle is read from the repo (accord/cases/yemen-2018) and queried through a Snapshot; the
commands run against a store it is loaded into, as a user would run them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from accord.record.bundle import read_bundle
from accord.record.model import (
    MEDIATION_ROLES, Actor, Decision, DesignationList, Document, Event, Fact, Process, Relation, Roadmap, Statement,
    Vocabulary, citations,
)
from accord.record.snapshot import Snapshot
from accord.rules.eligibility import eligibility
from accord.rules.lists import list_status
from accord.rules.roadmap import roadmap_status
from accord.rules.votes import show_decision
from tests.cli.conftest import Accord

D = dt.date
FIXTURES = Path(__file__).parent / "data" / "yemen"
P5 = {"china", "france", "russia", "uk", "us"}
COUNCIL_2015 = P5 | {"chad", "chile", "jordan", "lithuania", "nigeria", "angola", "malaysia", "new-zealand", "spain",
                     "venezuela"}
COUNCIL_2018 = P5 | {"bolivia", "ethiopia", "kazakhstan", "sweden", "netherlands", "cote-divoire", "equatorial-guinea",
                     "kuwait", "peru", "poland"}
COUNCIL_2019 = P5 | {"cote-divoire", "equatorial-guinea", "kuwait", "peru", "poland", "belgium", "dominican-republic",
                     "germany", "indonesia", "south-africa"}
PARTIES = ["ansar-allah", "yemen-government"]
PROCESSES = ["stockholm-consultations", "hodeidah-ceasefire", "prisoner-exchange-2018", "taiz-understanding"]


@pytest.fixture(scope="module")
def bundle():
    return read_bundle("yemen-2018")


@pytest.fixture(scope="module")
def snap(bundle) -> Snapshot:
    return Snapshot(bundle.records, bundle.id)


@pytest.fixture(scope="module")
def accord(tmp_path_factory) -> Accord:
    run = Accord(str(tmp_path_factory.mktemp("yemen") / "accord.db"))
    run("case", "load", "yemen-2018", "--by", "tests")
    return run


def members(snap: Snapshot, body: str, on: dt.date) -> set[str]:
    return {r.source for r in snap.memberships(body, on)}


# ------------------------------------------------------------------------------------------ the bundle


def test_every_fact_is_cited_and_every_document_has_a_url(bundle, snap):
    facts = [r for r in bundle.records if isinstance(r, Fact)]
    assert len(facts) > 150 and all(r.cite for r in facts)
    assert all(d.url and d.url.startswith("http") for d in snap.all(Document))
    for rec in bundle.records:
        for _, c in citations(rec):
            assert c.url or snap.has(c.document, Document), (rec.id, c)


def test_the_case_says_what_is_coding_and_what_is_fact(bundle):
    note = bundle.case.coding_note or ""
    assert "analyst codings" in note and "not facts" in note and "competing claims" in note.lower()


def test_it_holds_its_own_vocabulary_for_both_of_its_issues(snap):
    words = {v.id: v for v in snap.all(Vocabulary)}
    assert set(words) == {"hodeidah-control.words", "prisoner-release.words", "retreat.words"}
    assert words["retreat.words"].event == "RETREAT" and "redeployment" in words["retreat.words"].nouns


# -------------------------------------------------------------------------------- the Security Council


@pytest.mark.parametrize("on, expected", [(D(2015, 4, 14), COUNCIL_2015), (D(2018, 12, 21), COUNCIL_2018),
                                          (D(2019, 1, 16), COUNCIL_2019)])
def test_the_council_has_its_fifteen_of_the_day(snap, on, expected):
    assert members(snap, "unsc", on) == expected


def test_italy_and_the_netherlands_split_their_term(snap):
    assert "italy" in members(snap, "unsc", D(2017, 6, 1)) and "netherlands" not in members(snap, "unsc", D(2017, 6, 1))
    assert "netherlands" in members(snap, "unsc", D(2018, 6, 1)) and "italy" not in members(snap, "unsc", D(2018, 6, 1))


def test_2216_adopted_14_0_1_with_russia_abstaining(snap):
    d = show_decision(snap, "unscr-2216")
    assert (d["adopted"], d["yes"], d["no"], d["abstain"], d["absent"]) == (True, 14, 0, 1, 0)
    assert d["votes"]["russia"] == "abstain" and "not a veto" in d["reason"] and d["consistent"] is True


@pytest.mark.parametrize("decision", ["unscr-2451", "unscr-2452", "unscr-2402"])
def test_the_stockholm_resolutions_are_unanimous(snap, decision):
    d = show_decision(snap, decision)
    assert (d["adopted"], d["yes"], d["no"], d["abstain"]) == (True, 15, 0, 0) and d["consistent"] is True


def test_the_2018_sanctions_draft_fell_to_a_russian_veto_not_to_the_count(snap):
    d = show_decision(snap, "draft-2018-02-26-uk")
    assert (d["adopted"], d["yes"], d["no"], d["abstain"]) == (False, 11, 2, 2)
    assert "vetoed by Russia" in d["reason"] and d["consistent"] is True
    # Bolivia's "no" alone would not have stopped it: eleven is more than nine
    assert snap.get("draft-2018-02-26-uk", Decision).votes["bolivia"] == "no"


def test_recorded_tallies_are_the_press_releases(snap):
    tallies = {d.id: (d.tally.yes, d.tally.no, d.tally.abstain) for d in snap.all(Decision)}
    assert tallies == {"unscr-2216": (14, 0, 1), "draft-2018-02-26-uk": (11, 2, 2), "unscr-2402": (15, 0, 0),
                       "unscr-2451": (15, 0, 0), "unscr-2452": (15, 0, 0)}


def test_a_recorded_veto_on_an_adopted_resolution_does_not_load(tmp_path):
    import shutil

    from accord.errors import BundleError
    from accord.record.bundle import BUILTIN_CASES

    folder = tmp_path / "yemen-2018"
    shutil.copytree(BUILTIN_CASES / "yemen-2018", folder)
    text = (folder / "decisions.yaml").read_text()
    (folder / "decisions.yaml").write_text(text.replace("    russia: abstain\n", "    russia: no\n", 1))
    with pytest.raises(BundleError) as e:
        read_bundle(folder)
    found = [line.split("decisions.yaml:", 1)[1] for line in str(e.value).splitlines() if "decisions.yaml:" in line]
    assert [f.split(": ", 3)[1:3] for f in found] == [
        ["unscr-2216", "status"], ["unscr-2216", "tally.no"], ["unscr-2216", "tally.abstain"]]
    assert "recorded as adopted" in found[0] and "vetoed by Russia" in found[0]


# ---------------------------------------------------------------------------------- mediation roles


def test_the_special_envoy_mediates_from_february_2018(snap):
    held = [r for r in snap.relations("martin-griffiths", D(2018, 12, 10)) if r.type == "mediates"]
    assert {(r.target, r.process) for r in held} == {
        ("yemen-government", None), ("ansar-allah", None),
        ("yemen-government", "stockholm-consultations"), ("ansar-allah", "stockholm-consultations"),
    }
    assert not [r for r in snap.relations("martin-griffiths", D(2018, 1, 31)) if r.type == "mediates"]
    (role,) = snap.get("martin-griffiths", Actor).roles
    assert role.of == "un" and str(role.start) == "2018-02-16"


def test_each_mediation_role_is_dated_cited_and_of_a_known_type(snap):
    roles = [r for r in snap.all(Relation) if r.type in MEDIATION_ROLES]
    assert {r.type for r in roles} == {"mediates", "hosts", "observes", "sponsors"}
    assert all(r.start is not None and r.cite for r in roles)


def test_sweden_hosts_stockholm_and_unmha_observes_the_ceasefire(snap):
    (host,) = [r for r in snap.all(Relation) if r.type == "hosts"]
    assert (host.source, host.target, host.process) == ("sweden", "un", "stockholm-consultations")
    assert (str(host.start), str(host.end)) == ("2018-12-06", "2018-12-13")
    observing = {(r.source, r.target) for r in snap.all(Relation)
                 if r.type == "observes" and r.process == "hodeidah-ceasefire" and r.in_force(D(2019, 5, 12))}
    assert observing == {("unmha", "ansar-allah"), ("unmha", "yemen-government")}


def test_the_uk_drafts_the_stockholm_resolutions(snap):
    sponsored = {(r.source, str(r.start)) for r in snap.all(Relation) if r.type == "sponsors"}
    assert {("uk", "2018-12-21"), ("uk", "2019-01-16"), ("jordan", "2015-04-14"), ("russia", "2018-02-26")} <= sponsored
    # each on the day of the Council's vote on the text
    decided = {str(d.date) for d in snap.all(Decision)}
    assert {day for _, day in sponsored} <= decided


# ----------------------------------------------------------------------------------------- processes


def test_four_processes_each_of_its_own_kind_under_the_consultations(snap):
    ps = {p.id: p for p in snap.all(Process)}
    assert set(ps) == set(PROCESSES)
    assert {p.id: p.kind for p in ps.values()} == {
        "stockholm-consultations": "talks", "hodeidah-ceasefire": "ceasefire",
        "prisoner-exchange-2018": "prisoner_exchange", "taiz-understanding": "other"}
    assert all(ps[p].parent == "stockholm-consultations" for p in PROCESSES[1:])


def test_the_hodeidah_ceasefire_starts_at_midnight_aden_time(snap):
    terms = snap.get("hodeidah-ceasefire", Process).ceasefire
    assert terms.time_zone == "Asia/Aden" and terms.start == dt.datetime(2018, 12, 18, 0, 0)
    assert terms.area == ["YEM/Al Hudaydah"]
    assert {(t.decision, t.provision) for t in terms.terms} == {("unscr-2451", "ceasefire"), ("unscr-2451", "redeployment")}


@pytest.mark.parametrize("process, on", [("stockholm-consultations", D(2018, 12, 10)),
                                         ("hodeidah-ceasefire", D(2018, 12, 20)),
                                         ("prisoner-exchange-2018", D(2018, 12, 20))])
def test_only_the_signatories_are_in_each_process(snap, process, on):
    e = eligibility(snap, process, on)
    assert e.eligible == PARTIES and e.lists == [] and e.excluded == []
    # the others who could be parties are out for want of acceptance, with no stance to show
    assert {(x["actor"], x["status"]) for x in e.not_accepted} == {("aqap", None), ("stc", None)}


def test_before_signing_nobody_is_in_the_prisoner_exchange(snap):
    e = eligibility(snap, "prisoner-exchange-2018", D(2018, 12, 10))
    assert e.eligible == [] and {x["actor"] for x in e.not_accepted} == {"aqap", "stc", *PARTIES}


# --------------------------------------------------------------------------------- designation lists


def effects_on(snap: Snapshot, actor: str, on: dt.date) -> set[str]:
    """What the actor's listings entail on the day, across every list of the case."""
    out: set[str] = set()
    for lst in snap.all(DesignationList):
        entry = list_status(snap, lst.id, on).entry(actor)
        if entry is not None and entry.status == "listed":
            out |= set(lst.effects)
    return out


@pytest.mark.parametrize("actor, on, expected", [
    ("abdulmalik-al-houthi", D(2015, 4, 13), set()),
    ("abdulmalik-al-houthi", D(2015, 4, 14), {"travel-ban", "asset-freeze", "arms-embargo"}),
    ("abdulmalik-al-houthi", D(2018, 12, 20), {"travel-ban", "asset-freeze", "arms-embargo"}),
    ("abd-al-khaliq-al-houthi", D(2014, 11, 6), set()),
    ("abd-al-khaliq-al-houthi", D(2015, 1, 1), {"travel-ban", "asset-freeze"}),
    ("abd-al-khaliq-al-houthi", D(2015, 5, 1), {"travel-ban", "asset-freeze", "arms-embargo"}),
    ("martin-griffiths", D(2018, 12, 20), set()),
])
def test_list_effects_on_an_actor_on_a_day(snap, actor, on, expected):
    assert effects_on(snap, actor, on) == expected


def test_a_designation_is_dated_by_who_made_it(snap):
    early = list_status(snap, "sanctions-2140", D(2015, 1, 1))
    e = early.entry("abdulmalik-al-houthi")
    assert e.status == "not-proposed" and e.reason == "designated by United Nations Security Council only on 2015-04-14"
    e = early.entry("abd-al-khaliq-al-houthi")
    assert e.status == "listed" and e.designated_by == "committee-2140" and "on 2014-11-07" in e.reason


def test_no_list_excludes_anyone_from_a_process(snap):
    assert not [e for lst in snap.all(DesignationList) for e in lst.effects if e.startswith("excluded-from:")]


# ---------------------------------------------------------------------------------- the roadmap


def test_the_port_redeployment_is_met_late_and_disputed(snap):
    r = roadmap_status(snap, "hodeidah-roadmap", D(2019, 6, 15))
    ms = {m.id: m for m in r.milestones}
    ports = ms["ports-redeployment"]
    assert (ports.status, ports.met_by, ports.late, ports.disputed) == ("met", "houthi-ports-redeployment", True, True)
    assert {c.by for c in ports.disputes} == {"yemen-government"}
    assert ports.reason.endswith("disputed by Government of Yemen")
    assert (ms["ceasefire"].status, ms["ceasefire"].late) == ("met", False)
    assert ms["city-redeployment"].status == "missed" and not ms["city-redeployment"].disputed
    assert (ms["unmha-established"].status, ms["unmha-established"].late) == ("met", False)


def test_the_claims_on_the_redeployment_compete(snap):
    ev = snap.get("houthi-ports-redeployment", Event)
    assert {(c.by, c.stance) for c in ev.claims} == {
        ("yemen-government", "disputes"), ("ansar-allah", "confirms"), ("unmha", "confirms")}
    m = next(m for m in snap.get("hodeidah-roadmap", Roadmap).milestones if m.id == "ports-redeployment")
    assert {(c.by, c.stance) for c in m.claims} == {("yemen-government", "disputes"), ("unmha", "confirms")}


def test_before_the_redeployment_the_milestone_is_neither_met_nor_disputed(snap):
    ms = {m.id: m for m in roadmap_status(snap, "hodeidah-roadmap", D(2018, 12, 20)).milestones}
    assert (ms["ports-redeployment"].status, ms["ports-redeployment"].disputed) == ("at-risk", False)
    assert ms["ports-redeployment"].window.end == D(2019, 1, 8)
    # missed in January, met late in May: the dispute appears with the government's claim of 11 May
    ms = {m.id: m for m in roadmap_status(snap, "hodeidah-roadmap", D(2019, 5, 10)).milestones}
    assert ms["ports-redeployment"].status == "missed"


# ------------------------------------------------------------------------------ through the commands


def test_the_commands_answer_from_the_store(accord):
    members = accord.json("body", "members", "unsc", "--date", "2018-12-21")
    assert {m["id"] for m in members} == COUNCIL_2018
    tally = accord.json("vote", "tally", "unscr-2216")
    assert (tally["adopted"], tally["yes"], tally["abstain"]) == (True, 14, 1)
    elig = accord.json("eligible", "hodeidah-ceasefire", "--date", "2018-12-20")
    assert elig["eligible"] == PARTIES and elig["kind"] == "ceasefire"
    hosts = [r for r in accord.json("relations", "sweden") if r["type"] == "hosts"]
    assert [(r["target"], r["process"]) for r in hosts] == [("un", "stockholm-consultations")]
    road = accord.json("roadmap", "hodeidah-roadmap", "--date", "2019-06-15")
    ports = next(m for m in road["milestones"] if m["id"] == "ports-redeployment")
    assert ports["disputed"] and ports["disputed_by"] == ["yemen-government"]


def test_forecast_issue_answers_between_the_two_sides(accord):
    f = accord.json("forecast", "issue", "hodeidah-control", "--date", "2018-12-20")
    assert {"weighted-mean", "nash", "eum", "smp"} <= set(f["models"])
    for model, row in f["models"].items():
        # between the government's 10 and the Houthis' 80, and no further out than the coalition's 15
        assert 15 <= row["forecast"] <= 50, model


def test_the_brief_on_20_december_2018(accord):
    b = accord.json("brief", "yemen-2018", "--date", "2018-12-20")
    s = b["sections"]
    assert s["bodies"][0]["id"] == "unsc" and s["bodies"][0]["members"] == 15
    # resolution 2451 came the next day: the latest decision is the February renewal
    assert [d["id"] for d in s["decisions"]][:2] == ["unscr-2402", "draft-2018-02-26-uk"]
    assert set(s["eligibility"]) == set(PROCESSES)
    assert all(e["not_accepted"] == ["aqap", "stc"] for e in s["eligibility"].values())
    assert [d["id"] for d in s["deadlines"]][:2] == ["city-redeployment", "ports-redeployment"]
    (cf,) = s["ceasefires"]
    assert (cf["id"], cf["state"], cf["time_zone"]) == ("hodeidah-ceasefire", "in force", "Asia/Aden")
    assert cf["accepted"] == PARTIES


def test_the_brief_names_the_mediation_roles_of_the_day(accord):
    def roles(day: str) -> set[tuple]:
        rows = accord.json("brief", "yemen-2018", "--date", day)["sections"].get("mediation", [])
        return {(r["actor"], r["role"], r["target"], r["process"]) for r in rows}

    assert ("sweden", "hosts", "un", "stockholm-consultations") in roles("2018-12-10")
    assert ("martin-griffiths", "mediates", "ansar-allah", "stockholm-consultations") in roles("2018-12-10")
    later = roles("2019-05-12")
    assert ("unmha", "observes", "ansar-allah", "hodeidah-ceasefire") in later
    assert not [r for r in later if r[3] == "stockholm-consultations"] and roles("2018-01-01") == set()


def test_export_load_export_is_identical(accord, tmp_path):
    accord("case", "export", "yemen-2018", str(tmp_path / "a"))
    again = Accord(str(tmp_path / "again.db"))
    again("case", "load", str(tmp_path / "a"), "--by", "tests")
    again("case", "export", "yemen-2018", str(tmp_path / "b"))
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert "vocabulary.yaml" in files and "processes.yaml" in files
    for name in files:
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text(), name


# -------------------------------------------------------------------------- reading the news with it


def test_ingest_with_the_case_finds_its_stances_and_the_redeployment(accord):
    r = accord("ingest", str(FIXTURES / "wire-2019-05-11.txt"), "--case", "yemen-2018", "--published", "2019-05-11",
               "--json")
    (doc,) = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    stances = {(c["actor"], c["issue"], c["direction"]) for c in doc["candidates"] if c["kind"] == "stance"}
    assert stances == {
        ("yemen-government", "hodeidah-control", "toward_min"),
        ("ansar-allah", "hodeidah-control", "toward_max"),
        ("ansar-allah", "prisoner-release", "toward_max"),
    }
    events = {(c["event_type"], c["source"]) for c in doc["candidates"] if c["kind"] == "event"}
    assert ("RETREAT", "ansar-allah") in events
    # the case's issues all have cues: no warning that stances will be missed
    assert "without stance cues" not in r.stderr


def test_without_the_case_the_same_article_gives_no_stance(accord):
    r = accord("ingest", str(FIXTURES / "wire-2019-05-11.txt"), "--published", "2019-05-11", "--json")
    (doc,) = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert not [c for c in doc["candidates"] if c["kind"] == "stance"]
