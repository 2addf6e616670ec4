"""Actor mentions in forms of real releases and records: styles and ranks before a name, a coalition's name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def _names(result: dict) -> list[tuple[str, str | None]]:
    return [(c["text"], c["actor"]) for c in of(result, "actor")]


def test_a_style_before_an_honorific_is_no_person(run):
    # 'His Excellency Mr. Name', 'Rebel Col. Name': the run of styles before the name names nobody
    names = _names(run("The chair welcomed His Excellency Mr. Odo Tembwe Lirani to the meeting."))
    assert ("Excellency Mr", None) not in names
    assert any(t == "Odo Tembwe Lirani" for t, _ in names)
    names = _names(run("Rebel Col. Ansel Moroku said the fighters would hold their fire."))
    assert ("Rebel Col", None) not in names
    assert any(t == "Ansel Moroku" for t, _ in names)


def test_a_name_ending_in_a_rank_word_without_a_full_stop_is_still_proposed(run):
    # only a style written as one (an abbreviation's full stop, then the name) ends the run
    names = _names(run("Dana Major said the talks would resume on Monday."))
    assert any(t == "Dana Major" for t, _ in names)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Mr.", "Col.", "Dr.", "Gen."]), st.sampled_from(["Excellency", "Rebel", "Retired", "Senior"]))
def test_no_proposed_person_ends_in_a_style_before_a_name(run, style, word):
    names = _names(run(f"The council heard {word} {style} Ansel Moroku on Monday."))
    assert all(not t.endswith(style.rstrip(".")) for t, a in names if a is None)


def test_seleka_is_an_armed_group(run):
    names = _names(run("The Seleka rebel coalition seized two more towns, a spokesman said."))
    assert ("Seleka", "seleka") in names


def test_a_signatory_coalition_named_in_full_and_by_acronym(run):
    names = _names(run("The Coordination of Azawad Movements (CMA) said the patrols would start in March. "
                       "The CMA added that the camps were ready."))
    assert ("Coordination of Azawad Movements", "cma") in names
    assert ("CMA", "cma") in names


def test_the_crown_s_government_is_the_united_kingdom(run):
    # a parliament's written question to the government in its formal style
    names = _names(run("Baroness Ormond asked Her Majesty's Government what support they give to the talks."))
    assert ("Her Majesty's Government", "uk") in names
    names = _names(run("HM Government said on Monday that it would fund the programme."))
    assert ("HM Government", "uk") in names


def test_a_state_s_forces_under_their_own_name(run):
    # Japan's armed forces named as they are officially, without the state's name
    names = _names(run("The cabinet ruled out sending Self-Defense Forces personnel to the mission."))
    assert ("Self-Defense Forces", "japan") in names
