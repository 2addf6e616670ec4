"""Transcript layouts of houses and press offices the rules met late: a label alone on its line with the time of the
turn after it (or before it), a chair seated by a sentence of the record's preamble, the record's own business lines
after the last turn, and a chair's order to an interjecting member (speech, not a stage line). Every text here is
written for the test: no record's words."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def turns(result: dict) -> list[tuple[str, str | None, str]]:
    return [(q["content"], q["speaker"], q["speaker_text"]) for q in of(result, "quote") if q["direct"]]


def test_labels_alone_on_their_line_with_the_time_after_them_open_turns(run):
    # a monitoring site's layout of a house's official report: 'Mr Speaker 11:05 a.m.', an office with the holder
    # in brackets, then the holder by style and surname
    text = ("Debates of 21 Jun 2016\n\nSTATEMENTS 11:05 a.m.\n\n"
            "Mr Speaker 11:05 a.m.\nHon Members, I have admitted a Statement. Hon Member?\n\n"
            "Mr Kwabena Asante-Mensah 11:06 a.m.\nMr Speaker, I thank you for the opportunity.\n\n"
            "We want to know that our soldiers are safe.\n\n"
            "Minister for Defence Affairs (Ms Efua Owusu-Dankwa) 11:15 a.m.\nMr Speaker, I thank the Hon Member.\n\n"
            "Mr Kwabena Asante-Mensah 11:20 a.m.\nMr Speaker, can she tell us where they are?\n\n"
            "Ms Owusu-Dankwa 11:25 a.m.\nMr Speaker, I will not give locations on the floor.\n\n"
            "Mr Speaker 11:30 p.m.\nThank you, Hon Minister.")
    got = turns(run(text, dt.date(2016, 6, 21)))
    assert [(c[:24], s) for c, s, _ in got] == [
        ("Hon Members, I have admi", None),
        ("Mr Speaker, I thank you ", "kwabena-asante-mensah"), ("We want to know that our", "kwabena-asante-mensah"),
        ("Mr Speaker, I thank the ", "efua-owusu-dankwa"),
        ("Mr Speaker, can she tell", "kwabena-asante-mensah"),
        ("Mr Speaker, I will not g", "efua-owusu-dankwa"), ("Thank you, Hon Minister.", None)]
    # the labels are no actor mentions
    assert not [a for a in of(run(text, dt.date(2016, 6, 21)), "actor") if "Asante" in a["text"]]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["11:05 a.m.", "11.05 am", "2:31 PM", "(14:31)", "[11:05]", "11:05"]),
       st.booleans())
def test_a_time_before_or_after_a_label_alone_on_its_line_never_changes_the_turns(run, time, before):
    def label(who: str) -> str:
        return f"{time} {who}" if before else f"{who} {time}"

    text = (f"{label('Mr Speaker')}\nOrder. I call the Hon Member.\n\n"
            f"{label('Mr Kwabena Asante-Mensah')}\nMr Speaker, I rise to ask one question.\n\n"
            f"{label('Mr Speaker')}\nThe Minister may respond.\n\n"
            f"{label('Ms Efua Owusu-Dankwa')}\nMr Speaker, we will answer in writing.")
    assert [s for _, s, _ in turns(run(text, dt.date(2016, 6, 21)))] == [
        None, "kwabena-asante-mensah", None, "efua-owusu-dankwa"], text


def test_a_preamble_sentence_seats_the_chair_named_in_brackets_after_the_office(run):
    text = ("THE SENATE\nOFFICIAL REPORT\n\n"
            "The Senate met in the Senate Hall at four in the evening with Mr. Chairman (Mian Tariq Hussain "
            "Qureshi) in the Chair.\n\n"
            "Mr. Chairman: Senator Wali Khan Jadoon to call the attention of the Minister.\n\n"
            "Senator Wali Khan Jadoon: Thank you, Mr. Chairman. I want the Minister to tell this House.\n\n"
            "Mr. Chairman: Thank you. The House stands adjourned.")
    assert [s for _, s, _ in turns(run(text, dt.date(2016, 2, 29)))] == [
        "tariq-hussain-qureshi", "wali-khan-jadoon", "tariq-hussain-qureshi"]


def test_the_record_s_closing_business_after_the_last_turn_is_nobody_s_words(run):
    for close in ("The debate is closed. The votes on the motions will be held on Tuesday.",
                  "The deliberation was closed.", "The sitting is suspended at 12.40."):
        text = ("The Chair:\nI give the floor to the Minister.\n\n"
                "Minister Vermeulen:\nI will be brief. We will hold Moscow to its vote.\n\n"
                "Mr Dekker (CDA):\nWill the Minister raise the sieges?\n\n"
                "Minister Vermeulen:\nI will raise them.\n\n" + close)
        got = [c for c, _, _ in turns(run(text, dt.date(2016, 2, 10)))]
        assert got[-1] == "I will raise them.", close
    # said by the chair in his own turn, the same words are his
    text = ("President. – I give the floor to Mr Dekker.\n\nDekker (EPP). – Mr President, we will vote for it.\n\n"
            "President. – The debate is closed. The vote will take place tomorrow.")
    assert turns(run(text, dt.date(2016, 2, 10)))[-1][0] == "The debate is closed. The vote will take place tomorrow."


def test_a_chair_s_order_to_an_interjecting_member_is_his_speech_not_a_stage_line(run):
    text = ("Mr HALLORAN (Page) (14:31): My question is to the Minister. Will she inform the House?\n\n"
            "Ms ROWE (Curtin) (14:32): I thank the member for his question. We are under no illusion.\n\n"
            "Mr Dreyfus interjecting—\n\n"
            "The SPEAKER: The member for Isaacs will cease interjecting.\n\n"
            "Ms ROWE: I would have thought the House agreed.")
    got = [(c, t) for c, _, t in turns(run(text, dt.date(2016, 2, 24)))]
    assert ("The member for Isaacs will cease interjecting.", "The SPEAKER") in got
    assert not [c for c, _ in got if c.startswith("Mr Dreyfus")]


def test_a_chair_s_label_with_the_holder_in_brackets_is_the_holder_whatever_the_house_calls_its_chair(run):
    # a temporary speaker, a deputy presiding officer, a Welsh Llywydd: the person the note names
    for chair, who in (("The Temporary Speaker (Hon. Wanjiku Odhiambo)", "wanjiku-odhiambo"),
                       ("The Deputy Presiding Officer (Aled Rhun)", "aled-rhun"),
                       ("The Llywydd (Ceri Pughe)", "ceri-pughe")):
        text = (f"{chair}: Order. Question 1, Rhys ab Owain.\n\n"
                "Rhys ab Owain: Will the Minister set out what we are doing for refugees?\n\n"
                "The First Minister (Gareth Llewellyn): We have taken more than four hundred so far.\n\n"
                f"{chair}: Thank you.")
        assert [s for _, s, _ in turns(run(text, dt.date(2016, 2, 10)))] == [
            who, "rhys-ab-owain", "gareth-llewellyn", who], chair


def test_a_style_in_brackets_after_hon_is_no_part_of_the_member_s_name(run):
    text = ("Hon. Speaker: Order, Members. Next Question.\n\n"
            "Hon. (Ms.) Mwende Kilonzo (Kitui Rural, WDM-K): Thank you, Hon. Speaker. I rise to ask about our troops.\n\n"
            "Hon. (Dr.) Otieno Wambura (Gem, ODM): Hon. Speaker, we will table the answer on Tuesday.\n\n"
            "Hon. (Ms.) Mwende Kilonzo: Hon. Speaker, I am not satisfied.")
    assert [s for _, s, _ in turns(run(text, dt.date(2016, 2, 10)))] == [
        None, "mwende-kilonzo", "otieno-wambura", "mwende-kilonzo"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["14:31", "11.05 a.m.", "2:31 PM", "[14:31]", "(14:31)"]))
def test_a_bare_time_before_a_colon_label_never_changes_the_turns(run, time):
    text = (f"{time} Mr Speaker: Order. I call the Member for Kumasi.\n\n"
            f"{time} Mr Kojo Appiah-Kubi: Mr Speaker, I want to ask the Minister about Mali.\n\n"
            f"{time} Ms Efua Owusu-Dankwa: Mr Speaker, we will answer in writing.\n\n"
            f"{time} Mr Speaker: Thank you.")
    assert [s for _, s, _ in turns(run(text, dt.date(2016, 2, 10)))] == [
        None, "kojo-appiah-kubi", "efua-owusu-dankwa", None], time


def test_a_live_page_s_times_with_a_zone_open_no_labels(run):
    text = ("14:31 GMT Lavrov: the talks in Geneva will go on.\n\n"
            "14:40 GMT Kerry: no agreement yet on the convoys.")
    assert not turns(run(text, dt.date(2016, 2, 10)))


def test_a_synopsis_of_debates_labels_each_turn_with_the_member_in_capitals_and_said(run):
    text = ("SYNOPSIS OF DEBATES\n\n"
            "SHRI RAVINDRAN PILLAI (KOLLAMPETTAI) initiating the discussion said: We want our nationals back from "
            "Yemen, and the Government has been slow.\n\n"
            "The evacuation must go on by sea.\n\n"
            "SHRI TAPAN KUMAR GHOSH said: The House must know the cost.\n\n"
            "THE MINISTER OF EXTERNAL AFFAIRS (SHRIMATI LAKSHMI VARADAN) replying to the discussion, said: We have "
            "brought back four thousand of them.")
    assert [(c[:20], s) for c, s, _ in turns(run(text, dt.date(2015, 4, 20)))] == [
        ("We want our national", "ravindran-pillai"), ("The evacuation must ", "ravindran-pillai"),
        ("The House must know ", "tapan-kumar-ghosh"), ("We have brought back", "lakshmi-varadan")]
    # one such paragraph in a report is no record
    assert not turns(run("NEW DELHI: SHRI RAVINDRAN PILLAI said: We want them back.", dt.date(2015, 4, 20)))


def test_a_time_alone_on_the_line_above_a_label_alone_on_its_line_keeps_both_lines_apart(run):
    text = ("11:05 a.m.\nMr Speaker\nOrder. I call the Member for Kumasi.\n\n"
            "11:06 a.m.\nMr Kojo Appiah-Kubi\nMr Speaker, I want to ask the Minister about Mali.\n\n"
            "11:10 a.m.\nMs Efua Owusu-Dankwa\nMr Speaker, we will answer in writing.\n\n"
            "11:12 a.m.\nMr Speaker\nThank you.")
    assert [(c, s) for c, s, _ in turns(run(text, dt.date(2016, 2, 10)))] == [
        ("Order. I call the Member for Kumasi.", None),
        ("Mr Speaker, I want to ask the Minister about Mali.", "kojo-appiah-kubi"),
        ("Mr Speaker, we will answer in writing.", "efua-owusu-dankwa"), ("Thank you.", None)]


def test_a_programme_s_host_label_is_the_host_its_introduction_names(run):
    for intro in ("In this episode, host Yusuf Karimi talks to two guests.",
                  "A debate moderated by Yusuf Karimi, with two guests."):
        text = (f"{intro}\n\nHost: Good evening. Is the government right to be optimistic?\n\n"
                "Leyla Nurzad: I would like to be. But we have heard this before.\n\n"
                "Host: We will take a short break.")
        assert [s for _, s, _ in turns(run(text, dt.date(2016, 2, 9)))] == [
            "yusuf-karimi", "leyla-nurzad", "yusuf-karimi"], intro


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["It was 5:02 p.m.", "It was 11:40 a.m.", "It was 4.15 pm.", "It was 16:05.", "5:02 p.m."]))
def test_a_record_s_time_line_after_the_last_turn_is_nobody_s_words(run, line):
    text = ("THE DEPUTY SPEAKER (Rep. Salonga). The Gentleman from Cebu has the floor.\n\n"
            "REP. MENDOZA. Thank you, Mr. Speaker. Will the Gentleman yield to a few questions?\n\n"
            "REP. TORRES. Willingly, Mr. Speaker.\n\n"
            "REP. MENDOZA. Mr. Speaker, I move that we suspend the session.\n\n"
            "THE DEPUTY SPEAKER (Rep. Salonga). The session is suspended.\n\n"
            f"{line}")
    got = [q["content"] for q in of(run(text, dt.date(2016, 1, 26)), "quote") if q["direct"]]
    assert len(got) == 5 and got[-1] == "The session is suspended."


@settings(max_examples=15, deadline=None)
@given(st.sampled_from([("LEILA HADDAD", "Leila", "leila-haddad"), ("Leila Haddad", "Leila", "leila-haddad"),
                        ("MARCO FERRI", "Marco", "marco-ferri")]),
       st.sampled_from([("SAMIR OUALI", "Samir", "samir-ouali"), ("Tomas Berger", "Tomas", "tomas-berger")]))
def test_labels_alone_on_their_lines_of_an_interview_that_reports_others_are_turns(run, host, guest):
    (h, hf, hid), (g, gf, gid) = host, guest
    text = ("THE WEEKLY BRIEF \u2014 EPISODE 12\n\nRecorded 30 March 2016.\n\n"
            f"{h}\n\nWelcome to the programme. I'm {hf}. The new cabinet reached the capital by sea this afternoon. "
            f"{gf}, welcome.\n\n"
            f"{g}\n\nThanks, {hf}. The cabinet came by sea because the airport was closed to it twice last week.\n\n"
            f"{h}\n\nAnd who protects it now?\n\n"
            f"{g}\n\nSeveral of the big brigades have said that they will. The government depends on armed groups "
            "that it does not command.\n\n"
            f"{h}\n\nThe parliament in the east has still not voted on the cabinet.\n\n"
            f"{g}\n\nIts speaker has said that any cabinet entering the capital without that vote has no legitimacy.\n\n"
            f"{h}\n\n{g.title()}, thank you. That's all for this week.")
    got = [(q["content"], q["speaker"]) for q in of(run(text, dt.date(2016, 3, 30)), "quote") if q["direct"]]
    assert [s for _, s in got] == [hid, gid, hid, gid, hid, gid, hid]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Copyright \u00a9 2016. All rights reserved. Transcripts are made on a deadline; the audio is "
                        "the record.", "\u00a9 2016 Example Radio. All rights reserved.",
                        "ALL RIGHTS RESERVED (c) Copyright Example Radio", "Copyright 2016 Example Radio",
                        "Copyright (c) Example Radio Ltd", "COPYRIGHT \u00a9 EXAMPLE RADIO",
                        "Copyright Example Radio Ltd. All rights reserved."]))
def test_a_page_s_copyright_line_after_the_last_turn_is_nobody_s_words(run, line):
    text = ("MARA OSEI, HOST: Good morning. The talks resume today. Jonas Weber, will they hold?\n\n"
            "JONAS WEBER: I think they will, but slowly. We have seen this before.\n\n"
            "MARA OSEI: Jonas Weber, thank you.\n\n"
            "JONAS WEBER: Thank you, Mara. It was a pleasure to be here.\n\n"
            f"{line}")
    got = [q["content"] for q in of(run(text, dt.date(2016, 2, 23)), "quote") if q["direct"]]
    assert got[-1] == "Thank you, Mara. It was a pleasure to be here."


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([("Northern Front", "The Siege"), ("Aleppo Offensive", "Madaya Siege"),
                        ("Hama Offensive", "Homs Siege"), ("The River Crossing", "The Hills")]))
def test_a_page_s_repeated_subheadings_over_third_person_reports_are_no_turns(run, heads):
    # the first word of one subheading ('The', a town's name) found in the report under the other is no speaker
    # addressed by name: only a label that looks like a person's counts so
    a, b = heads
    wa, wb = a.split()[0], b.split()[0]
    text = ("FRONT LINES\n\nPosted 2 March 2016.\n\n"
            f"{a}\n\nThe army advanced two kilometres near {wb} overnight, the monitor said.\n\n"
            f"{b}\n\n{wa} residents reported new shelling on the road, a local council said.\n\n"
            f"{a}\n\nThe rebels lost three positions, according to the monitor.\n\n"
            f"{b}\n\nThe convoy turned back at {wa} checkpoint, officials said.")
    assert not [q for q in of(run(text, dt.date(2016, 3, 2)), "quote") if q["direct"]]


def test_labels_alone_on_their_lines_with_a_style_count_the_name_after_it(run):
    # 'DR NADIA KARIM': her first name is 'Nadia', not the style 'Dr.'
    text = ("THE WEEKLY BRIEF \u2014 EPISODE 13\n\nRecorded 30 March 2016.\n\n"
            "OMAR HADI\n\nThe new cabinet reached the capital by sea this afternoon. Nadia, welcome.\n\n"
            "DR NADIA KARIM\n\nThanks, Omar. The cabinet came by sea because the airport was closed.\n\n"
            "OMAR HADI\n\nThe parliament in the east has still not voted on the cabinet, Nadia.\n\n"
            "DR NADIA KARIM\n\nIts speaker has said that any such cabinet has no legitimacy.")
    got = [q["speaker"] for q in of(run(text, dt.date(2016, 3, 30)), "quote") if q["direct"]]
    assert got == ["omar-hadi", "nadia-karim", "omar-hadi", "nadia-karim"]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Copyright holders will be pleased, but we will appeal the ruling.",
                        "Copyright is the subject that brings us together this morning, and we will come back to it.",
                        "\u00a9 marks on the old posters were forged, we found, and we said so."]))
def test_a_turn_s_paragraph_opening_with_the_word_copyright_is_still_his_words(run, words):
    # only a copyright line (a year, a sign, 'All rights reserved') is a page's own: the word alone opens speech
    text = ("MARA OSEI, HOST: Good morning. The court ruled today. Jonas Weber, what now?\n\n"
            "JONAS WEBER: We have read the ruling and we are not happy with it.\n\n"
            f"{words}\n\n"
            "MARA OSEI: Jonas Weber, thank you.\n\n"
            "JONAS WEBER: Thank you, Mara.")
    got = [(q["content"], q["speaker"]) for q in of(run(text, dt.date(2016, 2, 23)), "quote") if q["direct"]]
    assert (words, "jonas-weber") in got
