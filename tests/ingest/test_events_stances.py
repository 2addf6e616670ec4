"""Events (PLOVER type, CAMEO code, source, target, date, place) and stances on case issues."""

from __future__ import annotations

import datetime as dt

from tests.ingest.conftest import of


def test_event_type_source_target_date_place(run):
    r = run("Sergei Lavrov met John Kerry in Geneva on Friday.", dt.date(2015, 12, 18))
    (e,) = of(r, "event")
    assert (e["event_type"], e["cameo"], e["source"], e["target"], e["date"], e["place"]) == (
        "CONSULT", "040", "sergei-lavrov", "john-kerry", "2015-12-18", "Geneva")


def test_no_event_from_words_inside_a_name_or_a_quote(run):
    r = run('The International Syria Support Group spoke. "We will attack nobody," Lavrov said.')
    assert of(r, "event") == []


def test_reject_and_demand_follow_the_guidelines(run):
    r = run("Saudi Arabia cut diplomatic ties with Iran. John Kerry called on Russia to stop the bombing.")
    assert [(e["event_type"], e["source"], e["target"]) for e in of(r, "event")] == [
        ("REJECT", "saudi-arabia", "iran"), ("DEMAND", "john-kerry", "russia")]


def test_stance_held_by_the_speakers_state(run):
    r = run('"The Syrian people alone will decide who governs them," Sergei Lavrov said.')
    (s,) = of(r, "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("russia", "assad-role", "toward_max")


def test_stance_of_actors_opening_a_sentence(run):
    r = run("Moscow and Tehran want Ahrar al-Sham and Jaysh al-Islam included on the list.")
    assert sorted((s["actor"], s["direction"]) for s in of(r, "stance")) == [
        ("iran", "toward_max"), ("russia", "toward_max")]


def test_stances_only_for_the_case_issues():
    from accord.ingest.document import Article
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.world import world
    from tests.ingest.conftest import syria_words

    lex = world().merged([], issues=["ceasefire-timing"], vocabulary=syria_words())
    doc = Pipeline(lex)(Article(text='"Assad must go," Kerry said. "The fighting must stop now," he added.',
                                published=dt.date(2016, 2, 1)))
    assert [c.data["issue"] for c in doc.candidates if c.kind == "stance"] == ["ceasefire-timing"]


def test_no_event_under_a_modal_or_in_reported_speech(run):
    r = run("Russia would not attack the town. John Kerry said Russia attacked the town. "
            "Turkey shot down a Russian jet.")
    assert [(e["event_type"], e["source"]) for e in of(r, "event")] == [("FIGHT", "turkey")]


def test_stance_words_turned_by_a_negation(run):
    r = run("Riyadh insists that these factions should not be listed as terrorists.")
    (s,) = of(r, "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("saudi-arabia", "terrorist-list-scope", "toward_min")


def test_no_stance_without_a_position(run):
    assert of(run("Russian jets bombed Nusra Front positions near Idlib on Tuesday."), "stance") == []


def test_first_words_of_an_alternation():
    from accord.ingest.words import first_words

    assert first_words("said|[Aa]ccording to|emphasi[sz]ed|cease-fire") == {
        "said", "according", "emphasised", "emphasized", "cease"}


def test_a_verb_of_opposing_turns_what_it_governs(run):
    """Opposing a demand that Assad go is wanting him to stay, however many words lie between; the words
    after the governed one ('before an election') are not turned again."""
    for text in ("Moscow still opposed any demand that Assad step down.",
                 "Moscow still opposed any demand that Assad step down before an election.",
                 "Russia opposes any attempt to remove Assad from outside."):
        (s,) = of(run(text), "stance")
        assert (s["actor"], s["issue"], s["direction"]) == ("russia", "assad-role", "toward_max"), text


def test_a_negated_belief_turns_its_clause(run):
    (s,) = of(run("France did not believe that Assad could remain in power after the transition."), "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("france", "assad-role", "toward_min")


def test_two_negations_cancel(run):
    r = run("Turkey still refused to accept that the YPG was anything but a terrorist organisation.")
    (s,) = of(r, "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("turkey", "terrorist-list-scope", "toward_max")
