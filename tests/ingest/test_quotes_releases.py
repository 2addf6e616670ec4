"""Direct quotes in the forms of ministry releases and agency reports (texts written for these tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def direct(result: dict) -> list[dict]:
    return [q for q in of(result, "quote") if q["direct"]]


def test_an_unnamed_states_ministry_after_the_quote(run):
    # an agency's '"...," the foreign ministry said in a statement': a definite body in small letters, modifiers first
    (q,) = direct(run('"No military road leads out of this war," the foreign ministry said in a statement.'))
    assert q["content"].startswith("No military road") and q["speaker_text"] == "the foreign ministry"
    assert q["cue"] == "said"


def test_the_definite_speakers_after_a_comma_outside_the_mark(run):
    # the comma after the closing mark, as several agencies set it; the speakers a plural nobody names
    (q,) = direct(run('"Twelve million people have left their homes", the conference participants noted.'))
    assert q["speaker"] is None and q["speaker_text"] == "the conference participants" and q["cue"] == "noted"


def test_a_bodys_verb_right_before_the_opening_mark(run):
    # 'underlined' reports a clause only with 'that', but with the words right after it in marks it quotes them
    (q,) = direct(run("The Russian Foreign Ministry underlined \u201cThis approach shows the politics behind the aid.\u201d"))
    assert q["speaker"] == "russia" and q["cue"] == "underlined"


def test_a_bodys_verb_before_a_fragment_is_no_quote_of_it(run):
    r = run('The Council reaffirmed the communique "in full".')
    assert [q for q in direct(r) if q["cue"] == "reaffirmed"] == []


def test_a_paragraph_of_quoted_words_after_a_titled_subject(run):
    # the paragraph before opens with the title and name of the one whose words follow, with no cue at all
    r = run("Foreign Minister John Kerry welcomed the agreement on Tuesday.\n\n"
            '"This is a step we have waited for. The parties must now keep their word."')
    (q,) = direct(r)
    assert q["speaker"] == "john-kerry" and q["cue"] is None


def test_a_parenthesis_inside_the_subject_names_no_speaker(run):
    (q,) = direct(run('John Kerry (who spoke after Sergei Lavrov) said: "The plan is ambitious."'))
    assert q["speaker"] == "john-kerry"


def test_a_right_mark_used_to_open(run):
    # some sites set a right double mark where the left one belongs, after the cue
    (q,) = direct(run("Posting on Twitter, Riad Hijab said, \u201dHow can anyone talk of a truce while the bombs fall?\u201d"))
    assert q["content"].startswith("How can anyone") and q["speaker"] == "riyad-hijab"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["The weather in Geneva was cold.", "Talks resumed at noon.", "The hall was full."]))
def test_an_unrelated_sentence_never_removes_a_release_quote(run, extra):
    text = '"No military road leads out of this war," the foreign ministry said in a statement.'
    assert len(direct(run(extra + " " + text))) == len(direct(run(text))) == 1


def test_the_speaker_given_at_the_next_paragraphs_start(run):
    # a report opening on a quote, one sentence of comment, then 'It came from X' opening the next paragraph
    r = run('GENEVA: "Unless both sides give ground, there will be no deal." The line drew long applause in the hall.'
            "\n\nIt came from Staffan de Mistura, who opened the round on Monday.")
    (q,) = direct(r)
    assert q["speaker"] == "staffan-de-mistura" and q["cue"] is None


def test_a_statement_from_a_states_ministry_named_without_the_state(run):
    # the ministry named without its state: the state the report is about speaks through it
    r = run('Turkey welcomed the conference. A spokesman for the Foreign Ministry said: "We support a process led '
            'by the Syrians themselves."')
    (q,) = direct(r)
    assert q["speaker"] == "turkey" and q["cue"] == "said"


def test_a_statement_from_the_ministry_holds_its_fragment(run):
    r = run('Russia welcomed the conference. A statement from the Foreign Ministry said Moscow supported "a process '
            'led by the Syrians".')
    assert [q["speaker"] for q in of(r, "quote")] == ["russia", "russia"]


def test_according_to_a_source_then_a_report_of_its_own(run):
    # the source opens the sentence; the clause after it reports someone's words with its own verb and 'that'
    r = run('According to a statement on the ministry\'s website, Wang Yi told his guest that the resolution was '
            '"a good starting point" and that the Syrians should decide their future.')
    assert {q["speaker"] for q in of(r, "quote")} == {"wang-yi"}
    assert any(q["content"] == "a good starting point" for q in direct(r))


def test_a_list_of_states_in_a_joint_statement_is_no_one_of_them(run):
    r = run('The US, Britain and Norway, the guarantors of the peace deal, said in a joint statement that they were '
            '"deeply concerned" at the delay.')
    assert [q["speaker"] for q in of(r, "quote")] == [None, None]


def test_a_title_alone_after_the_title_and_name_in_apposition(run):
    # a release names the official once with his full title, then calls him by the title alone
    r = run("The Special Representative of the Secretary-General and Head of UNSMIL, Martin Kobler, attended the "
            'ceremony.\n\n"Libyans voted for peace, and their leaders must follow," the Special Representative said.')
    (q,) = direct(r)
    assert q["speaker"] == "martin-kobler" and q["speaker_text"] == "the Special Representative"


def test_the_offices_of_international_bodies_as_epithets(run):
    r = run('Filippo Grandi visited Lebanon on Monday. "The needs are enormous," the High Commissioner added.')
    (q,) = direct(r)
    assert q["speaker"] == "filippo-grandi"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Statement attributable to", "Statement by"]),
       st.sampled_from(["", "AMMAN/NEW YORK, 18 February 2016 \u2013 ", "GENEVA, 3 March 2016 - ",
                        "NAIROBI (Example News) -- ", "GENEVA, Feb. 18, 2016 \u2013 ", "WASHINGTON, D.C. \u2013 "]))
def test_a_statement_under_a_heading_naming_its_speaker_is_his_a_dateline_before_its_mark_or_not(run, kind, dateline):
    text = (f"{kind} Dr. Tobias Lindqvist, Regional Director of the Example Fund for Children\n\n"
            f"{dateline}\u201cOver the past day our teams reached three besieged towns with food and medicine.\n\n"
            "\u201cIn one of them we found cases of severe malnutrition among young children.\n\n"
            "\u201cWe call on all parties to allow regular access to every child in need.\u201d\n\n"
            "###")
    got = direct(run(text))
    assert len(got) == 3 and {q["speaker"] for q in got} == {"tobias-lindqvist"}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Iran", "Gaza", "Doha", "Oslo", "Rome"]))
def test_a_sentence_ending_in_a_short_place_name_after_a_dateline_is_no_part_of_it(run, town):
    # a dot after one capital or a month's abbreviation is a dateline's ('D.C.', 'Feb.'); after a short name, a
    # sentence's end: the mark after the next sentence is not the heading's speaker's by the dateline
    text = ("Statement by Dr. Tobias Lindqvist, Regional Director of the Example Fund for Children\n\n"
            f"GENEVA, 18 February 2016 - Aid left {town}. In short - \u201cWe will come back next week.\u201d")
    got = direct(run(text))
    assert not [q for q in got if q["speaker"] == "tobias-lindqvist"]
