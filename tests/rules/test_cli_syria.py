"""The rules commands end to end, on a store loaded with the built-in syria-2015 case (the issue's "must show")."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Accord

ELECTED_2015_HALF = ["angola", "chad", "chile", "jordan", "lithuania", "malaysia", "new-zealand"]
ELECTED_2016_HALF = ["angola", "egypt", "japan", "malaysia", "new-zealand", "senegal", "spain"]


@pytest.fixture(scope="module")
def accord(tmp_path_factory) -> Accord:
    run = Accord(str(tmp_path_factory.mktemp("rules") / "accord.db"))
    run("case", "load", "syria-2015", "--by", "tests")
    return run


def entries(data: dict) -> dict[str, dict]:
    return {e["actor"]: e for e in data["entries"]}


# ---------------------------------------------------------------------------------------- decisions


def test_2254_adopted_15_0_0(accord):
    d = accord.json("decision", "show", "unscr-2254")
    assert (d["adopted"], d["yes"], d["no"], d["abstain"], d["absent"]) == (True, 15, 0, 0, 0)
    assert d["consistent"] is True and len(d["votes"]) == 15


@pytest.mark.parametrize("decision", ["unscr-2254", "unscr-2268"])
def test_a_russian_no_is_a_veto(accord, decision):
    d = accord.json("vote", "tally", decision, "--no", "russia")
    assert not d["adopted"] and "vetoed by Russia" in d["reason"] and d["blocked_by"] == ["russia"]


@pytest.mark.parametrize("decision", ["unscr-2254", "unscr-2268"])
def test_a_russian_abstention_is_not_a_veto(accord, decision):
    d = accord.json("vote", "tally", decision, "--abstain", "russia")
    assert d["adopted"] and d["yes"] == 14 and d["abstain"] == 1 and "not a veto" in d["reason"]


@pytest.mark.parametrize("decision, seven", [("unscr-2254", ELECTED_2015_HALF), ("unscr-2268", ELECTED_2016_HALF)])
def test_seven_elected_noes_leave_eight_votes(accord, decision, seven):
    d = accord.json("vote", "tally", decision, *[a for m in seven for a in ("--no", m)])
    assert not d["adopted"] and d["yes"] == 8 and d["no"] == 7
    assert "only 8 affirmative votes of the 9 needed" in d["reason"]


def test_a_party_to_the_dispute_cannot_veto(accord):
    d = accord.json("vote", "tally", "unscr-2254", "--no", "russia", "--party", "russia")
    assert d["adopted"] and "party to the dispute" in d["reason"]
    bad = accord("vote", "tally", "unscr-2254", "--party", "egypt", ok=False)
    assert bad.exit_code == 2 and "not a member" in bad.stderr


def test_case_and_as_known_on(accord):
    d = accord.json("decision", "show", "unscr-2254", "--case", "syria-2015", "--as-known-on", "2999-01-01T00:00:00Z")
    assert d["adopted"]


def test_2268_is_voted_by_the_2016_council(accord):
    d = accord.json("decision", "show", "unscr-2268")
    assert d["adopted"] and d["yes"] == 15 and {"egypt", "japan", "senegal", "ukraine", "uruguay"} <= set(d["votes"])
    assert "chad" not in d["votes"]


@pytest.mark.parametrize("args, message", [
    (["vote", "tally", "unscr-2268", "--no", "chad"], "'chad' was not a member of 'unsc' on 2016-02-26"),
    (["vote", "tally", "unscr-2254", "--no", "atlantis"], "no actor with id 'atlantis'"),
    (["vote", "tally", "unscr-2254", "--no", "russia", "--abstain", "russia"], "'russia' is given two votes"),
    (["vote", "tally", "no-such-resolution"], "no decision with id 'no-such-resolution'"),
    (["vote", "predict", "--body", "issg", "--issue", "assad-role=50", "--date", "2015-01-01"],
     "'issg' did not exist or had no members on 2015-01-01"),
    (["vote", "predict", "--body", "unsc", "--issue", "assad-role", "--date", "2015-12-18"], "expected NAME=NUMBER"),
    (["list", "status", "issg-terrorist-list", "--date", "2015-10-01"], "'issg' did not exist"),
    (["eligible", "parliament", "--date", "2016-01-29"],
     "no process with id or kind 'parliament' (processes: coh-2016, geneva-talks)"),
    (["roadmap", "unscr-2254", "--date", "2016-13-01"], "malformed date"),
])
def test_bad_input_is_one_line_and_a_non_zero_exit(accord, args, message):
    result = accord(*args, "--json", ok=False)
    assert result.exit_code == 2 and result.stdout == ""
    err = " ".join(result.stderr.split())
    assert message in err and len(result.stderr.strip().splitlines()) <= 2, result.stderr  # one line, maybe wrapped


# ---------------------------------------------------------------------------------------- lists and eligibility


def test_list_status_on_18_december(accord):
    e = entries(accord.json("list", "status", "issg-terrorist-list", "--date", "2015-12-18"))
    for listed in ("isil", "al-nusra"):
        assert e[listed]["status"] == "listed" and e[listed]["designated_by"] == "unsc"
    for group in ("ahrar-al-sham", "jaysh-al-islam"):
        assert e[group]["status"] == "contested"
        assert {"saudi-arabia", "turkey", "qatar"} <= set(e[group]["objectors"])
        assert {"russia", "iran"} <= set(e[group]["supporters"])


def test_list_status_differs_before_the_proposal(accord):
    e = entries(accord.json("list", "status", "issg-terrorist-list", "--date", "2015-11-01"))
    assert e["isil"]["status"] == "listed" and e["al-nusra"]["status"] == "listed"
    assert e["ahrar-al-sham"]["status"] == "not-proposed" and e["jaysh-al-islam"]["status"] == "not-proposed"


def test_eligible_for_talks_on_29_january(accord):
    d = accord.json("eligible", "talks", "--date", "2016-01-29")
    assert {"hnc", "syria-government"} <= set(d["eligible"])
    assert {"isil", "al-nusra"} <= {x["actor"] for x in d["excluded"]}
    assert not {"isil", "al-nusra"} & set(d["eligible"])
    contested = {c["actor"]: c for c in d["contested"]}
    assert "russia" in contested["ahrar-al-sham"]["by"] and "russia" in contested["jaysh-al-islam"]["by"]


def test_eligible_for_the_ceasefire_on_27_february(accord):
    d = accord.json("eligible", "ceasefire", "--date", "2016-02-27")
    assert (d["process"], d["kind"]) == ("coh-2016", "ceasefire")
    assert {"isil", "al-nusra"} <= {x["actor"] for x in d["excluded"]}
    assert {"hnc", "syria-government"} <= set(d["eligible"])


def test_eligible_by_process_id_is_the_same_as_by_its_kind(accord):
    assert accord.json("eligible", "geneva-talks", "--date", "2016-01-29") == \
        accord.json("eligible", "talks", "--date", "2016-01-29")


# ---------------------------------------------------------------------------------------- roadmap


def test_roadmap_of_2254_on_1_august_2016(accord):
    d = accord.json("roadmap", "unscr-2254", "--date", "2016-08-01")
    assert d["roadmap"] == "roadmap-2254"
    m = {x["id"]: x for x in d["milestones"]}
    talks = m["talks-start"]
    assert talks["status"] == "met" and talks["met_on"] == "2016-01-29" and talks["late"] is True
    assert talks["due_by"] == "2016-01-10"  # "early January" ends on the 10th
    assert m["governance"]["status"] == "missed"
    assert m["elections"]["status"] in ("pending", "not-started")


def test_roadmap_by_its_own_id(accord):
    assert accord.json("roadmap", "roadmap-2254", "--date", "2016-08-01")["roadmap"] == "roadmap-2254"


# ---------------------------------------------------------------------------------------- prediction and text output


def test_predict_from_issue_values(accord):
    d = accord.json("vote", "predict", "--body", "unsc", "--issue", "assad-role=40", "--date", "2015-12-18")
    assert set(d["votes"]) == set(accord.json("decision", "show", "unscr-2254")["votes"])
    assert {p["actor"] for p in d["pivotal"] if p["role"] == "veto"} == {"china", "france", "russia", "uk", "us"}


def test_predict_from_a_draft(accord):
    d = accord.json("vote", "predict", "--draft", "unscr-2254", "--unknown", "yes")
    assert d["draft"] == "unscr-2254" and d["body"] == "unsc" and d["date"] == "2015-12-18"
    provisions = accord.json("decision", "show", "unscr-2254")["provisions"]
    assert d["issues"] == {p["issue"]: p["value"] for p in provisions if "issue" in p and "value" in p}


@pytest.mark.parametrize("args", [
    ["decision", "show", "unscr-2254"],
    ["vote", "tally", "unscr-2254", "--no", "russia"],
    ["vote", "predict", "--draft", "unscr-2254"],
    ["list", "status", "issg-terrorist-list", "--date", "2015-12-18"],
    ["eligible", "talks", "--date", "2016-01-29"],
    ["roadmap", "unscr-2254", "--date", "2016-08-01"],
])
def test_text_output(accord, args):
    assert accord(*args).stdout.strip()


def test_as_known_on_before_the_load_has_no_case(accord):
    result = accord("decision", "show", "unscr-2254", "--as-known-on", "2000-01-01T00:00:00Z", ok=False)
    assert result.exit_code == 2


def test_brief_has_the_rules_sections(accord):
    sections = accord.json("brief", "--date", "2015-12-18")["sections"]
    disputed = {e["actor"]: e for e in sections["list_disputes"][0]["disputed"]}
    assert disputed["ahrar-al-sham"]["status"] == "contested" and "saudi-arabia" in disputed["ahrar-al-sham"]["objectors"]
    assert {"isil", "al-nusra"} <= set(sections["eligibility"]["geneva-talks"]["excluded"])
    assert {"isil", "al-nusra"} <= set(sections["eligibility"]["coh-2016"]["excluded"])
    assert sections["deadlines"][0]["id"] == "talks-start" and sections["deadlines"][0]["status"] == "at-risk"
