"""The bodies of the peace-and-security field by the names texts give them: UN peace operations, political
missions, agencies, courts, regional organisations, international NGOs and Red Cross and Red Crescent societies, and
the ministries and devolved governments the guideline links to their state (issue 12, round 16); and the common
words that look like their names are not taken for them."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest.world import WORLD_DIR, world
from tests.ingest.conftest import actors


@pytest.mark.parametrize(("text", "expected"), [
    # a peace operation by its acronym in capitals and capitalised
    ("MONUSCO said on Monday that its patrols around the town would go on. A week later Monusco sent more troops, and "
     "UNIFIL asked both sides to respect the line.",
     [("MONUSCO", "monusco"), ("Monusco", "monusco"), ("UNIFIL", "unifil")]),
    # missions by their full names
    ("The United Nations Assistance Mission in Afghanistan reported a rise in civilian casualties, and the UN Office "
     "for West Africa and the Sahel welcomed the vote.",
     [("United Nations Assistance Mission in Afghanistan", "unama"), ("UN Office for West Africa and the Sahel", "unowas")]),
    # agencies, courts and regional bodies
    ("The Food and Agriculture Organization warned of hunger. The International Court of Justice will rule next month. "
     "The Council of Europe and the Shanghai Cooperation Organisation issued statements, and the CSTO said it was "
     "watching.",
     [("Food and Agriculture Organization", "fao"), ("International Court of Justice", "icj"),
      ("Council of Europe", "council-of-europe"), ("Shanghai Cooperation Organisation", "sco"), ("CSTO", "csto")]),
    # aid agencies and think tanks by name and short name
    ("Oxfam said the roads must open. Crisis Group warned that the deal could collapse, and the International Rescue "
     "Committee and the Norwegian Refugee Council called for access. Mercy Corps and the IFRC said their teams were "
     "ready.",
     [("Oxfam", "oxfam"), ("Crisis Group", "international-crisis-group"), ("International Rescue Committee", "irc"),
      ("Norwegian Refugee Council", "nrc"), ("Mercy Corps", "mercy-corps"), ("IFRC", "ifrc")]),
])
def test_bodies_of_the_field_by_name_and_short_name(run, text, expected):
    found = actors(run(text))
    assert [e for e in expected if e not in found] == []


def test_a_national_society_is_not_the_icrc_nor_its_state(run):
    r = run("The Turkish Red Crescent and the British Red Cross sent convoys on Sunday.")
    found = actors(r)
    assert ("Turkish Red Crescent", "turkish-red-crescent") in found
    assert ("British Red Cross", "british-red-cross") in found
    assert not [a for _, a in found if a in ("icrc", "turkey", "uk")]


def test_ministries_and_a_devolved_government_the_guideline_links(run):
    r = run("We have made it clear to the Home Office that the Welsh Government stands ready. Kenya's Ministry of "
            "Foreign Affairs and International Trade issued a note.")
    found = actors(r)
    assert ("Home Office", "uk") in found
    assert ("Welsh Government", "welsh-government") in found
    assert ("Ministry of Foreign Affairs and International Trade", "kenya") in found


def test_common_words_that_look_like_names_are_no_bodies(run):
    r = run("Care workers in the camp said the caritas of neighbours kept them alive. The friendship between Alba "
            "and her cousin held. Mercy and care were in short supply, and the crisis group of villagers met again.")
    assert actors(r) == []


def test_no_alias_of_a_body_is_a_common_word_capitalised():
    # the matcher also takes an acronym of four letters or more capitalised ('Monusco'): none may be an English word
    common = {"care", "alba", "pace", "arcs", "cis", "sco", "stl", "icg", "imo", "upu"}
    orgs = yaml.safe_load((WORLD_DIR / "organisations.yaml").read_text(encoding="utf-8"))
    forms = {f for o in orgs for f in (o["name"], *o.get("aliases", []))}
    assert {f for f in forms if f.isupper() and f.lower() in {"care", "alba", "pace", "arcs"}} == set()
    assert {f for f in forms if not f.isupper() and f.lower() in common} == set()


def test_every_name_names_one_body():
    owners: dict[str, set[str]] = {}
    for e in world().entries.values():
        if e.kind in ("organisation", "forum"):
            for f in (e.name, *e.aliases):
                owners.setdefault(f, set()).add(e.id)
    assert {f: o for f, o in owners.items() if len(o) > 1} == {}


_BODIES = [(o["name"], o["id"]) for o in yaml.safe_load((WORLD_DIR / "organisations.yaml").read_text(encoding="utf-8"))
           if o["id"] in {"monusco", "minusca", "unmil", "unsom", "icty", "saarc", "amisom", "oxfam", "nrc",
                          "international-crisis-group", "world-vision", "ifrc", "sant-egidio", "carter-center"}]
_OTHER = ["Rain fell over the coast for most of the week.", "The market reopened after the holiday.",
          "Prices of bread rose again in March."]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_BODIES), st.sampled_from(_OTHER), st.booleans())
def test_a_body_of_the_field_keeps_its_id_whatever_sentence_is_added(run, body, extra, before):
    name, actor = body
    said = f"The {name} said on Friday that it would not take part."
    r = run(f"{extra} {said}" if before else f"{said} {extra}")
    assert (name, actor) in actors(r)
