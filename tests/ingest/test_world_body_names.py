"""Bodies, governments and seats of power by names the world dictionary lacked (issue 12, round 15)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import actors


def test_a_childrens_charity_by_its_name(run):
    r = run("Save the Children is asking donors for more money. Nurses working with Save the Children's partners "
            "said the clinic had run out of fuel.")
    assert actors(r).count(("Save the Children", "save-the-children")) == 2


def test_the_taliban_by_the_name_they_give_themselves(run):
    r = run("A spokesman wrote on Monday that the Islamic Emirate would send nobody to the meeting.")
    assert ("Islamic Emirate", "taliban") in actors(r)


def test_libyas_rival_governments_by_their_own_names(run):
    """Only with the state's name: other states have had a 'Presidential Council' and a 'National Salvation
    Government' (test_dates_actors_misfires.py)."""
    r = run("Members of Libya's Presidential Council spent the night at the naval base. The head of Libya's National "
            "Salvation Government said the move was illegal.")
    found = [a for _, a in actors(r)]
    assert "libya-gna" in found
    assert "libya-gnc" in found


def test_a_seat_of_power_speaking_for_its_government(run):
    r = run("Malacañang said on Tuesday that it would wait for the next Congress.")
    assert ("Malacañang", "philippines-government") in actors(r)


def test_a_monitoring_commission_named_in_full_without_its_acronym(run):
    r = run("The chairman of the Joint Monitoring and Evaluation Commission asked both parties to keep their word.")
    assert ("Joint Monitoring and Evaluation Commission", "jmec") in actors(r)


def test_a_seat_of_power_ending_a_headers_address_is_a_place(run):
    r = run("BRIEFING BY THE SPOKESMAN | Briefing Room, East Wing Building, Malacañang | 12 Mar 2016\n\n"
            "Q: Will the talks resume?\n\nSPOKESMAN: We hope so.")
    assert not [t for t, a in actors(r) if a == "philippines-government"]


_OTHER = ["Rain fell over the coast for most of the week.", "The market reopened after the holiday.",
          "Prices of bread rose again in March."]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([("Save the Children", "save-the-children"), ("Libya's Presidential Council", "libya-gna"),
                        ("Libya's National Salvation Government", "libya-gnc"), ("Malacañang", "philippines-government"),
                        ("The Islamic Emirate", "taliban")]), st.sampled_from(_OTHER), st.booleans())
def test_a_new_name_keeps_its_id_whatever_sentence_is_added(run, named, extra, before):
    name, actor = named
    said = f"{name} said on Friday that it would not take part."
    r = run(f"{extra} {said}" if before else f"{said} {extra}")
    assert (name.removeprefix("The "), actor) in actors(r)
