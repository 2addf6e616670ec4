"""Capitals as places and states as actors in forms blind17 showed (issue 12, round 15)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import actors, of


def test_a_capital_after_a_or_an_names_a_kind_of_place(run):
    r = run("Ana Ruiz, a fellow at a Madrid institute for security studies, and an Oslo think tank's director spoke. "
            "Madrid said on Friday that it agreed.")
    found = actors(r)
    assert found.count(("Madrid", "spain")) == 1
    assert ("Oslo", "norway") not in found


def test_a_capital_after_a_keeps_its_compound_with_a_state_acting(run):
    r = run("The monitors saw a Moscow-backed unit cross the line.")
    assert ("Moscow", "russia") in actors(r)


def test_a_capitals_airspace_and_streets_are_the_city(run):
    r = run("Cairo's airspace was shut on Sunday and Lima's streets were quiet. Cairo's position has not changed.")
    found = actors(r)
    assert found.count(("Cairo", "egypt")) == 1
    assert ("Lima", "peru") not in found


def test_a_dateline_of_capital_and_country_after_a_headline_byline_and_two_stamps(run):
    r = run("Vote slips to next week\n\nAna Cruz\nPublished 7:45 PM, March 02, 2016\n"
            "Updated 9:10 PM, March 02, 2016\n\nNAIROBI, Kenya - The assembly adjourned without a vote, and "
            "Nairobi said it would try again.")
    found = actors(r)
    assert ("NAIROBI", "kenya") not in found
    assert ("Nairobi", "kenya") in found


def test_a_demonym_before_a_single_troop_or_soldier_is_the_state(run):
    r = run("Before any Ghanaian troop is sent, the cabinet must vote. One Kenyan soldier was hurt.")
    found = actors(r)
    assert ("Ghanaian", "ghana") in found
    assert ("Kenyan", "kenya") in found


def test_a_state_something_depends_on_acts(run):
    r = run("According to the minister, the outcome depends first of all on Iran, which arms the militias.")
    assert ("Iran", "iran") in actors(r)


def test_a_body_named_like_a_dateline_place_after_a_stays_the_body(run):
    r = run("The fighters will hand their weapons to a United Nations mission within six months.")
    assert ("United Nations", "un") in actors(r)


# capitals the world dictionary gives their states, each also the state acting in a sentence of its own
_CAPITALS = {"Moscow": "russia", "Riyadh": "saudi-arabia", "Kinshasa": "dr-congo", "Tehran": "iran", "Ankara": "turkey",
             "Cairo": "egypt", "Paris": "france"}


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)))
def test_a_capital_where_a_thing_is_done_from_or_a_range_ends_is_the_town(run, town):
    r = run(f"The briefing was hosted from {town} by the mission's spokeswoman. The opposition said in a statement "
            f"from {town} that it would wait. \"We serve everyone, from Aleppo to {town},\" the mayor said. "
            f"{town} said on Friday that it agreed.")
    assert actors(r).count((town, _CAPITALS[town])) == 1


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)),
       medium=st.sampled_from(["statement", "interview", "video", "speech", "broadcast", "briefing"]))
def test_a_capital_a_speaker_speaks_from_in_a_medium_is_the_town(run, town, medium):
    r = run(f"The minister said in a {medium} from {town} that the talks would resume.")
    assert (town, _CAPITALS[town]) not in actors(r)


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), thing=st.sampled_from(["reply", "response", "warning", "rebuke"]))
def test_a_capital_after_in_a_and_a_thing_sent_acts(run, town, thing):
    r = run(f"The envoy said in a {thing} from {town} that the talks must go on.")
    assert (town, _CAPITALS[town]) in actors(r)


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), other=st.sampled_from(sorted(_CAPITALS)))
def test_capitals_naming_groups_people_and_centres_of_the_town_are_places(run, town, other):
    assume(town != other)
    r = run(f"The talks will include the so-called {town} and {other} groups. Shelling hit the countryside of "
            f"Latakia and {town}. A little-known {town} businessman heads the list, said the director of a {other} "
            f"research centre. {town} said on Friday that it agreed.")
    found = actors(r)
    assert found.count((town, _CAPITALS[town])) == 1
    assert (other, _CAPITALS[other]) not in found


_STATES = {"Algeria": "algeria", "Norway": "norway", "Qatar": "qatar", "Switzerland": "switzerland", "Kenya": "kenya"}


@settings(max_examples=10, deadline=None)
@given(state=st.sampled_from(sorted(_STATES)),
       act=st.sampled_from(["readiness", "willingness", "role", "commitment", "request", "offer", "position"]))
def test_a_state_after_its_own_act_and_of_acts(run, state, act):
    r = run(f"The minister welcomed the {act} of {state} to help the parties. The future of {state} was not discussed.")
    assert actors(r).count((state, _STATES[state])) == 1


@settings(max_examples=10, deadline=None)
@given(state=st.sampled_from([("Democratic Republic of the Congo", "dr-congo"), ("Central African Republic",
                                                                               "central-african-republic"),
                              ("Comoros", "comoros")]),
       where=st.sampled_from(["in", "across", "throughout", "inside"]))
def test_a_state_after_a_place_word_and_the_is_a_place(run, state, where):
    name, sid = state
    r = run(f"This is the weekly press conference of the United Nations {where} the {name}. The {name} said on "
            f"Monday that it agreed.")
    found = actors(r)
    assert found.count((name, sid)) == 1
    assert (name, None) not in found  # the land, no unknown person


@settings(max_examples=10, deadline=None)
@given(state=st.sampled_from([("Czech Republic", "czechia"), ("Central African Republic", "central-african-republic"),
                              ("United States", "united-states")]),
       lead=st.sampled_from(["Talks were held in", "Aid was sent into", "Refugees inside"]))
def test_a_state_with_its_article_as_a_place_is_no_unknown_person(run, state, lead):
    name, _ = state
    r = run(f"{lead} the {name} on Monday.")
    assert (name, None) not in actors(r)


@settings(max_examples=10, deadline=None)
@given(state=st.sampled_from([("Central African Republic", "central-african-republic"), ("Czech Republic", "czechia")]),
       form=st.sampled_from(["Since the {} signed the accord, it has gained aid.",
                             "The donors back the {} in its efforts to hold a vote."]))
def test_a_state_with_its_article_after_a_word_not_of_place_acts(run, state, form):
    name, sid = state
    found = actors(run(form.format(name)))
    assert (name, sid) in found
    assert (name, None) not in found


@settings(max_examples=6, deadline=None)
@given(leader=st.sampled_from([("Assad", "syria-government"), ("Hadi", "yemen-government")]),
       noun=st.sampled_from(["forces", "troops", "regime", "government"]))
def test_a_state_s_leader_naming_its_forces_is_its_government(run, leader, noun):
    name, gov = leader
    r = run(f"The town has been under siege by {name} {noun} since November.", dt.date(2016, 2, 20))
    assert actors(r) == [(f"{name} {noun}", gov)]


@settings(max_examples=10, deadline=None)
@given(leader=st.sampled_from([("Assad", "syria-government"), ("Hadi", "yemen-government")]),
       noun=st.sampled_from(["forces", "troops"]),
       prefix=st.sampled_from(["anti", "Anti", "pro"]),
       form=st.sampled_from(["The town is held by {}.", "{} advanced on the town."]))
def test_forces_against_or_for_a_leader_are_not_named_his_government(run, leader, noun, prefix, form):
    name, gov = leader
    r = run(form.format(f"{prefix}-{name} {noun}"), dt.date(2016, 2, 20))
    assert all(actor != gov for _, actor in actors(r))


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), body=st.sampled_from(["the EU", "NATO", "the United Nations"]))
def test_a_capital_a_message_goes_to_from_a_body_acts(run, town, body):
    r = run(f"A letter from {body} to {town} called for calm on Tuesday.")
    assert (town, _CAPITALS[town]) in actors(r)


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), start=st.sampled_from(["Sabha", "Ghadames", "Zinder", "Kindu"]))
def test_a_capital_ending_a_stretch_from_a_town_the_dictionary_lacks_is_the_town(run, town, start):
    r = run(f"\"We will serve every village, from {start} to {town},\" the mayor said.")
    assert (town, _CAPITALS[town]) not in actors(r)


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), sender=st.sampled_from(["Jane Roe", "Ms Roe", "Dr. Ana Ruiz"]),
       thing=st.sampled_from(["A letter", "A message", "An appeal"]))
def test_a_capital_a_message_goes_to_from_a_person_acts(run, town, sender, thing):
    r = run(f"{thing} from {sender} to {town} urged restraint on Tuesday.")
    assert (town, _CAPITALS[town]) in actors(r)


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), fellow=st.sampled_from(["the West Bank", "the Golan Heights",
                                                                        "New York", "the Middle East", "Aleppo"]),
       where=st.sampled_from(["in", "across", "near"]), joint=st.sampled_from(["and", "or"]))
def test_a_capital_beside_a_place_of_one_or_more_words_is_the_town(run, town, fellow, where, joint):
    r = run(f"Shelling went on {where} {fellow} {joint} {town} on Monday. {town} said on Friday that it agreed.")
    assert actors(r).count((town, _CAPITALS[town])) == 1


@settings(max_examples=10, deadline=None)
@given(town=st.sampled_from(sorted(_CAPITALS)), fellow=st.sampled_from(["Europe", "Geneva", "New York", "Munich"]),
       joint=st.sampled_from(["and", "or"]))
def test_a_capital_beside_a_place_as_subject_acts(run, town, fellow, joint):
    r = run(f"{fellow} {joint} {town} have agreed to share the cost of the aid.")
    assert (town, _CAPITALS[town]) in actors(r)


@pytest.mark.parametrize("state", ["Israel", "Iran", "Egypt", "Jordan"])
def test_a_state_rejected_is_no_actor(run, state):
    # 'the rejection of X by ...': the state is the act's object; 'the approval of X' is X's own approval
    for text in (f"The summit ended with a rejection of {state} by every delegation present.",
                 f"Delegates spoke of the rejection of {state} by the assembly."):
        assert [c["text"] for c in of(run(text, dt.date(2016, 3, 16)), "actor")] == []
    assert [c["text"] for c in of(run(f"The bill requires the approval of {state} before any sale.",
                                      dt.date(2016, 3, 16)), "actor")] == [state]
