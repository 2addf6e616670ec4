"""A UN mission's press-conference labels: an office and the holder's name in square brackets, a compound rank
before it ('Military Spokesperson [Lt.-Col. Jane Roe]:'), and the floor's questions labelled with the
questioner's name before the outlet ('Question [Jane Roe, Radio X]:'); a question's note naming only an outlet
names nobody."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of

NAMES = ["Paul Ndiaye", "Ines Okafor", "Tomas Vidal", "Marta Kowalczyk"]
RANKS = ["Lt.-Col.", "Lieutenant-Colonel", "Brig.-Gen.", "Maj.-Gen.", "Lt. Col.", "Colonel", "Capt."]


def turns(result: dict) -> list[tuple[str, str | None]]:
    return [(q["content"], q["speaker"]) for q in of(result, "quote") if q["direct"]]


def _briefing(rank: str, officer: str, asker: str, outlet: str) -> str:
    return ("Transcript of the press conference of Wednesday 13 April 2016\n\n"
            "Acting Spokesperson of the Mission [Aminata Sorel]: Good morning and welcome to this press "
            "conference.\n\n"
            f"Military Spokesperson [{rank} {officer}]: Thank you, Aminata. The patrols went on over the weekend.\n\n"
            "Acting Spokesperson of the Mission [Aminata Sorel]: Thank you. We will now take your questions.\n\n"
            f"Question [{asker}, {outlet}]: A question for the officer. Can you confirm the reports?\n\n"
            f"Military Spokesperson [{rank} {officer}]: I cannot confirm that information.")


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(RANKS), st.sampled_from(NAMES), st.sampled_from(NAMES),
       st.sampled_from(["Radio Amani", "Kin Matin FM", "Example Daily", "the Evening Post"]))
def test_a_ranked_officer_in_an_office_s_brackets_and_a_named_questioner_are_those_people(run, rank, officer, asker,
                                                                                           outlet):
    got = dict(turns(run(_briefing(rank, officer, asker, outlet), dt.date(2016, 4, 13))))
    oid = officer.lower().replace(" ", "-")
    assert got["Thank you, Aminata. The patrols went on over the weekend."] == oid
    assert got["I cannot confirm that information."] == oid
    assert got["A question for the officer. Can you confirm the reports?"] == asker.lower().replace(" ", "-")
    assert got["Good morning and welcome to this press conference."] == "aminata-sorel"


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Example Radio, Bogota", "Example Daily", "spoke in French", "Radio Kivu, Goma",
                        "interpreted from Arabic"]))
def test_a_question_s_note_naming_an_outlet_or_a_language_names_nobody(run, note):
    text = ("Spokesperson [Aminata Sorel]: Good morning.\n\n"
            f"Question ({note}): Is there a new date?\n\n"
            "Spokesperson [Aminata Sorel]: Not yet.")
    got = dict(turns(run(text, dt.date(2016, 4, 13))))
    assert got["Is there a new date?"] is None
    assert got["Not yet."] == "aminata-sorel"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["Le Monde", "Ouest Matin", "Le Soir", "Die Woche", "El Heraldo", "Le Courrier", "Nova Gazeta"]),
       st.sampled_from(["Rennes", "Lorvane", "Brussels", "Paris", "Santa Ilda", "Kessel", "Geneva", "Munich", "New York",
                        "Moscow", "Kinshasa", "Bonn", "Goma"]),
       st.sampled_from(["", ", France", ", Belgium", ", Norland"]))
def test_a_question_s_note_naming_an_outlet_then_any_town_or_its_country_names_nobody(run, outlet, town, country):
    # the town listed or not, and its country may follow it: a person the dictionary does not know is read
    # from the note only when the part after the comma looks like an outlet's name
    text = ("Spokesperson [Aminata Sorel]: Good morning.\n\n"
            f"Question [{outlet}, {town}{country}]: Is there a new date?\n\n"
            "Spokesperson [Aminata Sorel]: Not yet.")
    got = dict(turns(run(text, dt.date(2016, 4, 13))))
    assert got["Is there a new date?"] is None
    assert got["Not yet."] == "aminata-sorel"


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(NAMES), st.sampled_from(["AFP", "Radio Amani", "Kin Matin FM", "the Evening Post",
                                                "Example Daily, Goma"]))
def test_a_question_s_note_naming_a_person_then_an_outlet_names_that_person(run, asker, outlet):
    text = ("Spokesperson [Aminata Sorel]: Good morning.\n\n"
            f"Question [{asker}, {outlet}]: Is there a new date?\n\n"
            "Spokesperson [Aminata Sorel]: Not yet.")
    got = dict(turns(run(text, dt.date(2016, 4, 13))))
    assert got["Is there a new date?"] == asker.lower().replace(" ", "-")
