"""Defects a review found in quotes and transcripts (review1 items 4, 5, 9, 10, 11): each input is of the reviewer's
form, in our own words."""

from __future__ import annotations

import datetime as dt

from tests.ingest.conftest import of

DAY = dt.date(2016, 4, 20)


def _direct(run, text):
    return [(q["content"], q["speaker"]) for q in of(run(text, DAY), "quote") if q["direct"]]


def test_a_common_body_noun_with_modifiers_names_the_body_only_opening_the_speaker_words(run):
    # 'a lawmaker from the ruling coalition': someone of an unnamed coalition, not the coalition named before
    text = ("The Saudi-led coalition shelled the harbour on Tuesday. \"We will not agree to it,\" a deputy from the "
            "governing coalition said.")
    assert [s for _, s in _direct(run, text)] == [None]
    text = ("Save the Children said the ward had shut. \"We ran out of medicine,\" a doctor at the nearby charity "
            "said.")
    assert [s for _, s in _direct(run, text)] == [None]


def test_a_that_only_cue_before_a_capitalised_title_quotes_nothing(run):
    # 'reaffirmed "The Hague Declaration"': a title in marks, not a sentence the body said
    assert _direct(run, "The Council reaffirmed \"The Geneva Communique\".") == []


def test_a_last_turn_keeps_its_later_paragraph_about_someone_else(run):
    text = ("CITY RADIO: Is the truce holding?\n\nYusuf Demirel: Partly. In the north it never held.\n\n"
            "CITY RADIO: And the president?\n\nDemirel: He will not leave quietly.\n\n"
            "Bashar al-Assad is a survivor, and Moscow knows it.")
    got = _direct(run, text)
    assert any(c.startswith("Bashar al-Assad is a survivor") for c, _ in got), got


def test_a_resolution_in_the_middle_of_a_turn_does_not_end_it(run):
    text = ("The Chair:\nI give the floor to the Minister.\n\nMinister Vermeulen:\nI will be short. We went to "
            "Geneva in January.\n\nIt was resolved that the parties would meet again in March.\n\n"
            "We will try again.\n\nMr Dekker (CDA):\nWill the Minister raise the sieges?\n\n"
            "Minister Vermeulen:\nI will raise them.")
    got = [c for c, _ in _direct(run, text)]
    assert any("We will try again" in c for c in got), got


def test_a_host_named_with_a_lower_case_particle_is_the_host_label(run):
    text = ("In this episode, host Ana dos Santos talks to two guests.\n\nHost: Good evening. Is the government "
            "right?\n\nLeyla Nurzad: I would like to be.\n\nHost: We will take a short break.")
    got = [(c, s) for c, s in _direct(run, text) if not c.startswith("I would")]
    # the host's label is the person the introduction names, with the name's small particle
    assert got and all(s == "ana-dos-santos" for _, s in got), got
