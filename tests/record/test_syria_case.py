"""The built-in case bundle syria-2015: the figures other parts of accord rely on.

Reads the bundle from the repo (accord/cases/syria-2015) with read_bundle and queries it through a
Snapshot, so these checks hold for any store the case is loaded into.
"""

from __future__ import annotations

import datetime as dt

import pytest

from accord.record.bundle import read_bundle
from accord.record.model import (
    Actor, Capability, Decision, DesignationList, Document, Event, Fact, Issue, Position, Process, Relation,
    Roadmap, Statement,
)
from accord.record.snapshot import Snapshot

D = dt.date
P5 = {"china", "france", "russia", "uk", "us"}
ELECTED_2015_16 = {"angola", "malaysia", "new-zealand", "spain", "venezuela"}
ELECTED_2014_15 = {"chad", "chile", "jordan", "lithuania", "nigeria"}
ELECTED_2016_17 = {"egypt", "japan", "senegal", "ukraine", "uruguay"}
ISSG_STATES = {
    "china", "egypt", "france", "germany", "iran", "iraq", "italy", "jordan", "lebanon", "oman", "qatar",
    "russia", "saudi-arabia", "turkey", "uae", "uk", "us",
}


@pytest.fixture(scope="module")
def bundle():
    return read_bundle("syria-2015")


@pytest.fixture(scope="module")
def snap(bundle) -> Snapshot:
    return Snapshot(bundle.records, bundle.id)


def ids(actors) -> set[str]:
    return {a.id for a in actors}


# ------------------------------------------------------------------------------------------ the bundle


def test_case_record(bundle):
    assert bundle.id == "syria-2015"
    assert bundle.case.name and bundle.case.description
    assert "coding" in (bundle.case.coding_note or "").lower()


REQUIRED = [
    "issg", "unsc", "hnc", "us", "russia", "syria-government", "isil", "al-nusra", "ahrar-al-sham",
    "jaysh-al-islam", "john-kerry", "sergei-lavrov", "unscr-2254", "unscr-2268", "issg-terrorist-list",
    "assad-role",
]
CONVENTION_ACTORS = [
    "uk", "france", "china", "germany", "italy", "iran", "iraq", "saudi-arabia", "turkey", "qatar", "uae",
    "jordan", "lebanon", "oman", "egypt", "angola", "malaysia", "new-zealand", "spain", "venezuela", "chad",
    "chile", "lithuania", "nigeria", "japan", "senegal", "ukraine", "uruguay", "syria", "un", "arab-league",
    "eu", "oic", "hezbollah", "sdf", "pyd", "national-coalition", "national-coordination-body",
    "us-led-coalition", "al-qaeda", "vladimir-putin", "bashar-al-assad", "barack-obama", "john-kirby",
    "samantha-power", "vitaly-churkin", "ban-ki-moon", "staffan-de-mistura", "ramzy-ezzeldin-ramzy",
    "nasser-judeh", "adel-al-jubeir", "mohammad-javad-zarif", "frank-walter-steinmeier", "philip-hammond",
    "federica-mogherini", "bashar-jaafari", "riyad-hijab", "mohammed-alloush", "fred-hof",
]


@pytest.mark.parametrize("rid", REQUIRED)
def test_required_ids_exist(snap, rid):
    assert snap.has(rid)


@pytest.mark.parametrize("rid", CONVENTION_ACTORS)
def test_convention_actor_ids_exist(snap, rid):
    assert snap.has(rid, Actor)


def test_required_kinds(snap):
    assert snap.has("unscr-2254", Decision) and snap.has("unscr-2268", Decision)
    assert snap.has("issg-terrorist-list", DesignationList)
    for issue in ("assad-role", "terrorist-list-scope", "talks-delegation", "ceasefire-timing"):
        assert snap.has(issue, Issue)
    assert snap.get("syria", Actor).kind == "state"
    assert snap.get("syria-government", Actor).kind == "government"


def test_every_fact_is_cited(bundle):
    for rec in bundle.records:
        if isinstance(rec, Fact):
            assert rec.cite, rec.id


def test_citations_name_documents_of_the_bundle(bundle, snap):
    """Each listed document is used; each cited document exists (read_bundle checks the latter too)."""
    cited: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            if "document" in value and value["document"]:
                cited.add(value["document"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for rec in bundle.records:
        walk(rec.model_dump(mode="json"))
    documents = {d.id for d in snap.all(Document)}
    assert cited <= documents
    unused = documents - cited
    assert not unused, f"documents never cited: {sorted(unused)}"


def test_documents_have_urls(snap):
    for doc in snap.all(Document):
        if doc.outlet == "accord":  # our own note on the synthetic example reports: its text is held
            assert doc.text and "synthetic" in doc.title.lower(), doc.id
            continue
        assert doc.url and doc.url.startswith(("http://", "https://")), doc.id


def test_reported_claims_are_marked(snap):
    hnc_members = snap.memberships("hnc", D(2016, 2, 1))
    assert hnc_members and all(r.reported for r in hnc_members)
    ahrar_nusra = [r for r in snap.relations("ahrar-al-sham", type="allied_with") if r.target == "al-nusra"]
    assert ahrar_nusra and all(r.reported for r in ahrar_nusra)
    strikes = [r for r in snap.relations("russia", type="targets") if r.target == "armed-opposition"]
    assert strikes and all(r.reported for r in strikes)


# ------------------------------------------------------------------------------------------ bodies


def test_body_rules(snap):
    issg, unsc, hnc = (snap.get(b, Actor) for b in ("issg", "unsc", "hnc"))
    assert issg.rule.procedure == "consensus"
    assert unsc.rule.procedure == "security-council"
    assert unsc.rule.votes_needed == 9
    assert unsc.rule.source == "UN Charter art. 27"
    assert hnc.rule is not None
    assert "assumption" in (hnc.rule.source or "") + (hnc.note or "")
    assert {b.id for b in snap.bodies()} >= {"issg", "unsc", "hnc"}


def test_issg_co_chairs(snap):
    chairs = {r.source for r in snap.relations("issg", on=D(2015, 12, 18), type="co_chairs")}
    assert chairs == {"us", "russia"}


def test_issg_members_2015_12_18(snap):
    members = ids(snap.members("issg", D(2015, 12, 18)))
    assert len(members) == 20
    assert members == ISSG_STATES | {"arab-league", "eu", "un"}
    assert sum(1 for a in snap.members("issg", D(2015, 12, 18)) if a.kind == "state") == 17


def test_issg_members_2015_10_30_without_arab_league(snap):
    members = ids(snap.members("issg", D(2015, 10, 30)))
    assert len(members) == 19
    assert "arab-league" not in members
    assert "arab-league" in ids(snap.members("issg", D(2015, 11, 14)))


def test_oic_took_part_in_munich_but_is_no_member(snap):
    assert "oic" not in ids(snap.members("issg", D(2016, 2, 11)))
    munich = snap.get("issg-munich-2016-02-11", Event)
    assert "oic" in {p.actor for p in munich.participants}


def test_unsc_members_2015_12_18(snap):
    rels = snap.memberships("unsc", D(2015, 12, 18))
    assert len(rels) == 15
    assert {r.source for r in rels} == P5 | ELECTED_2015_16 | ELECTED_2014_15
    assert {r.source for r in rels if r.permanent and r.veto} == P5
    assert not any(r.permanent or r.veto for r in rels if r.source not in P5)


def test_unsc_swaps_members_in_2016(snap):
    members = ids(snap.members("unsc", D(2016, 1, 15)))
    assert len(members) == 15
    assert members == P5 | ELECTED_2015_16 | ELECTED_2016_17
    assert not members & ELECTED_2014_15
    assert ids(snap.members("unsc", D(2015, 12, 31))) >= ELECTED_2014_15
    assert ids(snap.members("unsc", D(2016, 1, 1))) >= ELECTED_2016_17


def test_permanent_members_since_1945(snap):
    for rel in snap.memberships("unsc", D(2015, 12, 18)):
        if rel.source in P5:
            assert rel.start is not None and rel.start.start == D(1945, 10, 24) and rel.end is None


def test_hnc(snap):
    hnc = snap.get("hnc", Actor)
    assert hnc.start is not None and hnc.start.start <= D(2015, 12, 10)
    leads = [r for r in snap.relations("hnc", on=D(2015, 12, 17), type="leads") if r.target == "hnc"]
    assert [r.source for r in leads] == ["riyad-hijab"]
    assert not snap.relations("hnc", on=D(2015, 12, 16), type="leads")
    riyadh = snap.get("riyadh-conference", Event)
    assert str(riyadh.date) == "2015-12-09..2015-12-10"
    who = {p.actor: p.role for p in riyadh.participants}
    assert who["saudi-arabia"] == "host"
    assert {"ahrar-al-sham", "jaysh-al-islam", "national-coalition", "national-coordination-body"} <= set(who)
    alloush = snap.get("mohammed-alloush", Actor)
    role = next(r for r in alloush.roles if r.of == "hnc")
    assert "negotiator" in role.title.lower() and str(role.start) == "2016-01"


# ------------------------------------------------------------------------------------------ decisions


def test_resolution_2254(snap):
    d = snap.get("unscr-2254", Decision)
    assert (d.body, str(d.date), d.meeting, d.symbol, d.status) == (
        "unsc", "2015-12-18", "7588th", "S/RES/2254 (2015)", "adopted")
    assert set(d.votes) == ids(snap.members("unsc", D(2015, 12, 18)))
    assert set(d.votes.values()) == {"yes"}
    provisions = {p.id for p in d.provisions}
    assert {"negotiations", "governance", "constitution", "elections", "ceasefire", "monitoring-report",
            "designation"} <= provisions


def test_resolution_2268(snap):
    d = snap.get("unscr-2268", Decision)
    assert (d.body, str(d.date), d.meeting, d.status) == ("unsc", "2016-02-26", "7634th", "adopted")
    assert set(d.votes) == ids(snap.members("unsc", D(2016, 2, 26)))
    assert len(d.votes) == 15 and set(d.votes.values()) == {"yes"}
    assert "chad" not in d.votes and "egypt" in d.votes


def test_issg_decisions_are_consensus_without_votes(snap):
    issg = snap.decisions("issg")
    adopted = [d for d in issg if d.status == "adopted"]
    dates = {str(d.date) for d in adopted}
    assert {"2015-11-14", "2016-02-11"} <= dates
    assert all(not d.votes for d in issg)


def test_decision_provision_values_lie_on_their_scales(snap):
    for d in snap.all(Decision):
        for p in d.provisions:
            if p.issue is not None:
                issue = snap.get(p.issue, Issue)
                assert p.value is not None and issue.scale_min <= p.value <= issue.scale_max


# ------------------------------------------------------------------------------------------ the list


def _entry(snap, actor):
    lst = snap.get("issg-terrorist-list", DesignationList)
    return next(e for e in lst.entries if e.actor == actor)


def test_terrorist_list(snap):
    lst = snap.get("issg-terrorist-list", DesignationList)
    assert lst.body == "issg"
    assert set(lst.effects) == {"excluded-from:geneva-talks", "excluded-from:coh-2016"}
    for un_listed in ("isil", "al-nusra"):
        e = _entry(snap, un_listed)
        assert e.designated_by == "unsc" and e.cite


@pytest.mark.parametrize("group", ["ahrar-al-sham", "jaysh-al-islam"])
def test_contested_entries(snap, group):
    e = _entry(snap, group)
    assert e.designated_by is None
    assert e.proposed_by == ["jordan"] and str(e.proposed_on) == "2015-12-18"
    stances = {s.member: s.stance for s in e.stances}
    assert stances == {"russia": "supports", "iran": "supports", "saudi-arabia": "opposes",
                       "turkey": "opposes", "qatar": "opposes"}
    assert all(s.reported and str(s.date) == "2015-12-18" for s in e.stances)
    # not yet proposed on 1 November 2015: no stance or proposal then
    assert e.proposed_on.start > D(2015, 11, 1)
    assert all(s.date.start > D(2015, 11, 1) for s in e.stances)


def test_list_stance_takers_are_issg_members(snap):
    members = ids(snap.members("issg", D(2015, 12, 18)))
    for e in snap.get("issg-terrorist-list", DesignationList).entries:
        assert {s.member for s in e.stances} <= members


def test_al_nusra_is_al_qaedas_affiliate(snap):
    ties = [r for r in snap.relations("al-nusra") if r.target == "al-qaeda"]
    assert ties and ties[0].type in ("member_of", "allied_with")


# ------------------------------------------------------------------------------------------ events


EVENTS = {
    "issg-vienna-2015-10-30": ("meeting", "2015-10-30"),
    "issg-vienna-2015-11-14": ("meeting", "2015-11-14"),
    "issg-new-york-2015-12-18": ("meeting", "2015-12-18"),
    "issg-munich-2016-02-11": ("meeting", "2016-02-11..2016-02-12"),
    "riyadh-conference": ("meeting", "2015-12-09..2015-12-10"),
    "hnc-coordinator-election": ("meeting", "2015-12-17"),
    "russian-air-campaign-start": ("strike", "2015-09-30"),
    "su24-shootdown": ("strike", "2015-11-24"),
    "unsc-vote-2254": ("vote", "2015-12-18"),
    "unsc-vote-2268": ("vote", "2016-02-26"),
    "jordan-presents-list": ("other", "2015-12-18"),
    "geneva-talks-open": ("talks", "2016-01-29"),
    "geneva-talks-paused": ("talks", "2016-02-03"),
    "geneva-talks-resumed": ("talks", "2016-03-14"),
    "us-russia-joint-statement": ("agreement", "2016-02-22"),
    "cessation-of-hostilities": ("ceasefire", "2016-02-27"),
}


@pytest.mark.parametrize("eid", sorted(EVENTS))
def test_events(snap, eid):
    ev = snap.get(eid, Event)
    assert (ev.type, str(ev.date)) == EVENTS[eid]
    assert ev.participants


def test_issg_meetings_have_the_members_of_their_day(snap):
    for eid in ("issg-vienna-2015-10-30", "issg-vienna-2015-11-14", "issg-new-york-2015-12-18"):
        ev = snap.get(eid, Event)
        assert {p.actor for p in ev.participants} == ids(snap.members("issg", ev.date.start))


def test_su24_is_turkey_against_russia(snap):
    ev = snap.get("su24-shootdown", Event)
    roles = {p.role: p.actor for p in ev.participants}
    assert roles == {"source": "turkey", "target": "russia"}
    rel = [r for r in snap.relations("turkey", type="targets") if r.target == "russia"]
    assert len(rel) == 1 and rel[0].in_force(D(2015, 11, 24)) and not rel[0].in_force(D(2015, 11, 25))


# ------------------------------------------------------------------------------------------ roadmap


def test_roadmap(snap):
    rm = snap.get("roadmap-2254", Roadmap)
    assert rm.decision == "unscr-2254"
    ms = {m.id: m for m in rm.milestones}
    assert str(ms["talks-start"].deadline.by) == "2016-01-early"
    assert ms["talks-start"].met_by == "geneva-talks-open"
    assert ms["ceasefire"].deadline.condition and ms["ceasefire"].met_by == "cessation-of-hostilities"
    assert (ms["sg-monitoring-report"].deadline.within, ms["sg-monitoring-report"].deadline.after) == (
        "1 month", "unscr-2254")
    for mid in ("governance", "constitution-schedule"):
        d = ms[mid].deadline
        assert d.within == "6 months"
        # anchored on the start of the talks: the milestone, or the event that met it
        assert d.after in ("talks-start", ms["talks-start"].met_by)
    assert (ms["elections"].deadline.within, ms["elections"].deadline.after) == ("18 months", "unscr-2254")
    assert "18" in (ms["elections"].note or "")


# ------------------------------------------------------------------------------------------ relations


def _has(snap, source, type_, target, on):
    return any(r.source == source and r.target == target for r in snap.relations(source, on=on, type=type_))


def test_december_2015_relations(snap):
    on = D(2015, 12, 18)
    assert _has(snap, "russia", "supports", "syria-government", on)
    assert not _has(snap, "russia", "supports", "syria-government", D(2015, 9, 29))
    assert _has(snap, "iran", "supports", "syria-government", on)
    assert _has(snap, "hezbollah", "supports", "syria-government", on)
    for backer in ("us", "saudi-arabia", "turkey", "qatar"):
        assert any(_has(snap, backer, "supports", t, on) for t in ("hnc", "national-coalition", "armed-opposition"))
    assert _has(snap, "us", "supports", "sdf", on)
    assert _has(snap, "us-led-coalition", "targets", "isil", on)
    assert ids(snap.members("us-led-coalition", on)) >= {"us", "jordan", "saudi-arabia"}


# ------------------------------------------------------------------------------------------ people


ROLES = {
    "john-kerry": ("us", "2013-02-01", "2017-01-20"),
    "sergei-lavrov": ("russia", "2004-03-09", None),
}


@pytest.mark.parametrize("person", sorted(ROLES))
def test_key_roles(snap, person):
    of, start, end = ROLES[person]
    role = next(r for r in snap.get(person, Actor).roles if r.of == of)
    assert str(role.start) == start
    assert (str(role.end) if role.end else None) == end


def test_people_have_roles(snap):
    for person in snap.actors(kind="person"):
        assert person.roles, person.id


def test_kerry_in_office(snap):
    role = snap.get("john-kerry", Actor).roles[0]
    assert role.in_force(D(2015, 12, 18)) and not role.in_force(D(2017, 1, 21))


# ------------------------------------------------------------------------------------------ positions


def test_positions_cover_each_issue(snap):
    for issue in ("assad-role", "terrorist-list-scope", "talks-delegation", "ceasefire-timing"):
        pos = snap.positions(issue, D(2015, 12, 18))
        assert len(pos) >= 10, issue
        for p in pos:
            assert str(p.date) == "2015-12"
            assert 0 <= p.salience <= 1
            assert p.uncertainty is not None
            assert p.note


def test_assad_role_codings(snap):
    pos = {p.actor: p for p in snap.positions("assad-role", D(2015, 12, 18))}
    assert pos["syria-government"].value == 100
    assert pos["hnc"].value == 0
    assert pos["russia"].value == 85 and pos["iran"].value == 90
    assert pos["us"].value == 25
    assert 15 <= pos["uk"].value <= 20 and 15 <= pos["france"].value <= 20
    for high in ("syria-government", "saudi-arabia", "iran", "russia", "hnc"):
        assert 0.8 <= pos[high].salience <= 0.9, high
    for medium in ("us", "uk", "france"):
        assert 0.5 <= pos[medium].salience <= 0.6, medium


def test_no_positions_before_december(snap):
    assert snap.positions("assad-role", D(2015, 11, 30)) == []


def test_capabilities(snap):
    for actor in ("us", "russia", "saudi-arabia", "iran", "turkey", "syria-government", "hnc", "isil"):
        cap = snap.capability(actor, D(2015, 12, 18))
        assert cap is not None and 0 <= cap.value <= 100, actor
    assert snap.capability("us", D(2015, 12, 18)).value > snap.capability("jaysh-al-islam", D(2015, 12, 18)).value
    assert snap.capability("us", D(2015, 11, 30)) is None


def test_statements_are_indirect(snap):
    statements = snap.all(Statement)
    assert len(statements) >= 3
    assert all(not s.direct for s in statements)
    assert any(s.speaker == "sergei-lavrov" and str(s.date) == "2015-11-15" for s in statements)


def test_relations_and_positions_reference_known_records(bundle):
    """read_bundle validates references; this guards the counts that make the case useful."""
    kinds = {}
    for rec in bundle.records:
        kinds[rec.record_kind] = kinds.get(rec.record_kind, 0) + 1
    assert kinds["actor"] >= 70
    assert kinds["relation"] >= 60
    assert kinds["event"] >= 16
    assert kinds["position"] >= 40
    assert kinds["capability"] >= 25
    assert sum(1 for r in bundle.records if isinstance(r, (Position, Capability, Relation))) > 100


def test_processes(snap):
    talks, coh = snap.get("geneva-talks", Process), snap.get("coh-2016", Process)
    assert (talks.kind, str(talks.start), talks.convened_by) == ("talks", "2016-01-29", ["un"])
    assert (coh.kind, str(coh.start), coh.convened_by) == ("ceasefire", "2016-02-27", ["us", "russia"])
    assert [(p.actor, p.status, str(p.date)) for p in coh.parties] == [
        ("syria-government", "accepted", "2016-02-23"), ("hnc", "accepted", "2016-02-26")]
    terms = coh.ceasefire
    assert (terms.time_zone, terms.start.isoformat(), terms.acceptance_deadline.isoformat()) == (
        "Asia/Damascus", "2016-02-27T00:00:00", "2016-02-26T12:00:00")
    assert terms.area == ["SYR"] and [(t.decision, t.provision) for t in terms.terms] == [
        ("unscr-2268", "endorsement"), ("unscr-2268", "cessation")]


def test_the_special_envoy_mediates_between_the_parties_at_geneva(snap):
    mediated = {r.target for r in snap.relations("staffan-de-mistura", D(2016, 2, 1), type="mediates")
                if r.process == "geneva-talks"}
    assert mediated == {"syria-government", "hnc"}
