"""A committee record's closing formula after the last turn is nobody's words (texts written for these tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["is closed", "was closed", "is now closed"]),
       st.sampled_from(["Jane Roe (Greens)", "Richard Poe (Party)"]))
def test_the_incident_is_closed_after_the_last_turn_is_no_speech(run, closed, last):
    # Belgian and French committee records end a question's exchange so ('L'incident est clos.'), in translation
    text = ("Committee on External Relations\n\n"
            "01.01 Richard Poe (Party): Minister, what is the view of the Government on the truce?\n\n"
            "01.02 Jane Roe (Greens): Minister, what is Belgium doing for the talks?\n\n"
            "01.03 John Doe, Minister: The truce is fragile, but it is holding in most of the country.\n\n"
            f"01.04 {last}: Thank you, Minister.\n\n"
            f"The incident {closed}.")
    said = [q["content"] for q in of(run(text), "quote")]
    assert "Thank you, Minister." in said
    assert not [c for c in said if "incident" in c]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Reached by our correspondent", "Asked by our reporter", "Speaking to our correspondent"]))
def test_the_outlets_own_our_after_the_last_answer_is_no_speakers_first_person(run, lead):
    # an interview's page goes on in its own narrative after the last answer, naming its correspondent as 'our'
    text = ("Jane Roe in conversation with Richard Poe\n\n"
            "Jane Roe: Will the agreement hold?\n\n"
            "Richard Poe: We are satisfied that there is a timetable. We will judge in July.\n\n"
            "Jane Roe: Will you attend the next meeting?\n\n"
            "Richard Poe: Yes. Our delegation will be there.\n\n"
            f'{lead}, a spokesman for the ministry said the government was "fully committed" to it.')
    turns = [q for q in of(run(text), "quote") if q["direct"] and q["cue"] is None]
    assert turns and not [q for q in turns if "spokesman" in q["content"]]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["agency", "station", "channel", "newspaper", "website", "own agency"]))
def test_a_speaker_s_our_before_his_own_body_after_the_last_answer_is_his_first_person(run, body):
    # only the outlet's correspondent or reporter is the page's own 'our': an agency's, a station's head speaks
    # of his own body so in his answer's second paragraph
    text = ("Jane Roe in conversation with Richard Poe\n\n"
            "Jane Roe: Will the camps take more people?\n\n"
            "Richard Poe: No. They were full before the winter.\n\n"
            "Jane Roe: What did you tell the donors?\n\n"
            "Richard Poe: The same thing.\n\n"
            f"Our {body} said in January that the camps were full, and the donors were told so at the meeting.")
    turns = [(q["content"], q["speaker"]) for q in of(run(text), "quote") if q["direct"]]
    assert any(c.startswith(f"Our {body} said") and s == "richard-poe" for c, s in turns)
