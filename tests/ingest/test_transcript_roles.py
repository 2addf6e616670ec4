"""Transcript labels by an initial and a surname or by a role alone ('Chair:', 'Host:', 'The Assembly Speaker:')
are the person the text names in full so: the same surname and initial, the role next to the name (a members'
list's '(Chair)', a lead's 'host Jane Roe'), the stage line seating the chair in the label's own words."""

from __future__ import annotations

import datetime as dt

from tests.ingest.conftest import of


def turns(result: dict) -> list[tuple[str, str | None]]:
    return [(q["content"], q["speaker"]) for q in of(result, "quote") if q["direct"]]


def test_an_initial_and_a_surname_in_capitals_is_the_person_named_in_full_before(run):
    text = ("Press briefing by Interior Ministry Spokesperson Dimitra Voulgaridou\n\n"
            "D. VOULGARIDOU: Good morning. I have two announcements.\n\n"
            "JOURNALIST: Will the border stay open?\n\n"
            "D. VOULGARIDOU: It will stay open.\n\n"
            "P. STAMATIS: And the camps?\n\n"
            "D. VOULGARIDOU: We are building two more.")
    got = turns(run(text, dt.date(2016, 2, 3)))
    assert [s for c, s in got if c.startswith(("Good", "It will", "We are"))] == ["dimitra-voulgaridou"] * 3
    # a correspondent the text never names in full is nobody it names
    assert [s for c, s in got if c == "And the camps?"] == ["p-stamatis"]
    # another initial is another person, though the surname is the same
    other = text.replace("D. VOULGARIDOU: It will", "T. VOULGARIDOU: It will")
    assert [s for c, s in turns(run(other, dt.date(2016, 2, 3))) if c.startswith("It will")] == ["t-voulgaridou"]


def test_a_chair_s_label_numbered_or_not_is_the_member_the_list_marks_chair(run):
    text = ("Defence Committee\n\nOral evidence: Training missions\n\n"
            "Members present: Harriet Okonedo (Chair); Paul Derwent; Sunita Rao.\n\n"
            "Witness: Colin Marsh, Director of Operations.\n\n"
            "Q1 Chair: Director, welcome. How many trainers are there now?\n\n"
            "Colin Marsh: Some forty, and the number will grow.\n\n"
            "Q2 Paul Derwent: Where are they based?\n\n"
            "Colin Marsh: In two camps in the north.\n\n"
            "Q3 Chair: We will come back to that.")
    got = turns(run(text, dt.date(2016, 1, 12)))
    assert [s for c, s in got if c.startswith(("Director", "We will"))] == ["harriet-okonedo"] * 2
    assert [s for c, s in got if c.startswith("Where")] == ["paul-derwent"]
    # a list marking nobody chair leaves the chair unknown
    unmarked = text.replace("Harriet Okonedo (Chair); ", "Harriet Okonedo; ")
    assert [s for c, s in turns(run(unmarked, dt.date(2016, 1, 12))) if c.startswith("Director")] == [None]


def test_a_host_s_label_is_the_person_the_lead_calls_host(run):
    text = ("Evening Forum - programme transcript\n\n"
            "Tonight, host Dariush Kamali talks about the border talks with Laleh Moradi, an economist.\n\n"
            "Host: Good evening. Ms Moradi, will the talks go ahead?\n\n"
            "Laleh Moradi: I think they will, but slowly.\n\n"
            "Host: We will leave it there.")
    got = turns(run(text, dt.date(2016, 2, 9)))
    assert [s for c, s in got if c.startswith(("Good evening", "We will"))] == ["dariush-kamali"] * 2
    assert [s for c, s in got if c.startswith("I think")] == ["laleh-moradi"]
    # a lead that names nobody as host leaves the host unknown
    plain = text.replace("host Dariush Kamali talks", "we talk")
    assert [s for c, s in turns(run(plain, dt.date(2016, 2, 9))) if c.startswith("Good evening")] == [None]


def test_a_presiding_officer_s_label_is_the_one_the_stage_line_seats_in_its_words(run):
    text = ("THE SENATE\n\nOFFICIAL REPORT\n\nThe Senate met at 10 a.m.\n\n"
            "The Senate President (Dr. Emeka Obiora Nwankwo) in the Chair.\n\n"
            "Sen. Tunde Bakare (Lagos East): Mr President, I move that the Senate notes the crisis, which "
            "President Pierre Nkurunziza began.\n\n"
            "The Senate President: Is there a seconder?\n\n"
            "Sen. Musa Danjuma (Kano North): I second the motion.\n\n"
            "The Senate President: I now put the question.")
    got = turns(run(text, dt.date(2015, 12, 22)))
    assert [s for c, s in got if c.startswith(("Is there", "I now"))] == ["emeka-obiora-nwankwo"] * 2


def test_a_record_s_resolution_after_the_question_is_put_is_nobody_s_turn(run):
    text = ("THE SENATE\n\nOFFICIAL REPORT\n\n"
            "Sen. Tunde Bakare (Lagos East): Mr President, I move that the Senate notes the crisis.\n\n"
            "Sen. Musa Danjuma (Kano North): I second the motion.\n\n"
            "The Senate President: I now put the question.\n\n"
            "Question put and agreed to.\n\nResolved:\n\nThat the Senate:\n\n"
            "(i) urges the Federal Government to support the mediation;\n\n"
            "(ii) calls on the parties to respect the ceasefire.\n\n"
            "Adjournment\n\nThe Senate adjourned at 2.10 p.m.")
    got = [c for c, _ in turns(run(text, dt.date(2015, 12, 22)))]
    assert got[-1] == "I now put the question."
    assert not [c for c in got if c.startswith(("Resolved", "(i)", "(ii)", "That"))]


def test_an_interview_s_closing_line_about_the_guest_is_nobody_s_answer(run):
    text = ("The ceasefire is fragile, analyst Yusuf Demirel told us.\n\n"
            "EXAMPLE RADIO: Is the ceasefire holding?\n\n"
            "Yusuf Demirel: Partly. In the north the fighting never stopped.\n\n"
            "EXAMPLE RADIO: And the talks?\n\n"
            "Demirel: They will open, but I expect little from them.\n\n"
            "Yusuf Demirel is a researcher at an institute for regional studies.")
    got = [c for c, _ in turns(run(text, dt.date(2016, 4, 16)))]
    assert got[-1] == "They will open, but I expect little from them."


def test_a_chair_seated_with_the_office_and_the_holder_s_name_in_brackets_is_that_person(run):
    text = ("Record of Proceedings\n\nTuesday, 9 February 2016\n\n"
            "The Assembly met at 13:30 with the Presiding Officer (Mair Hopkins) in the Chair.\n\n"
            "The Presiding Officer: Good afternoon. Question 1 is from Tom Evans.\n\n"
            "1. Tom Evans: Will the First Minister make a statement on housing?\n\n"
            "The First Minister: We have built more homes this year.\n\n"
            "The Presiding Officer: Thank you. Question 2, Tom Evans.")
    got = turns(run(text, dt.date(2016, 2, 9)))
    assert [s for c, s in got if c.startswith(("Good afternoon", "Thank you"))] == ["mair-hopkins"] * 2
    assert [s for c, s in got if c.startswith("Will")] == ["tom-evans"]
    # a seating line that names nobody leaves the chair unknown
    plain = text.replace(" (Mair Hopkins)", "")
    assert [s for c, s in turns(run(plain, dt.date(2016, 2, 9))) if c.startswith("Good afternoon")] == [None]
