"""A statement's speaker after a long opening clause, its paragraphs after 'said:' (texts written for these tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def direct(result: dict) -> list[dict]:
    return [q for q in of(result, "quote") if q["direct"]]


def test_the_person_set_off_after_a_long_opening_clause_speaks_the_paragraphs_after_his_colon(run):
    # an NGO release's lead: a circumstance with a list of its own, then 'Name, office of the body, said:'
    r = run("Oslo, March 3, 2016 - As donors meet in Oslo today for a pledging conference, co-hosted by Norway, "
            "Germany, Kuwait and the United Nations, David Miliband, President and CEO of the International Rescue "
            "Committee (IRC), said:\n\n"
            '"The camps are full and the winter is long. Nobody should pretend otherwise.\n\n'
            '"We ask the donors for three years of money, not one.\n\n'
            '"The children in the camps cannot wait for the next conference."\n')
    qs = direct(r)
    assert len(qs) == 3
    assert all(q["speaker"] == "david-miliband" for q in qs)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["As", "While", "When", "Because"]),
       st.sampled_from(["Norway, Germany, Kuwait and the United Nations", "Jordan, Lebanon, Turkey and Iraq",
                        "the United Kingdom, Germany and Norway"]),
       st.sampled_from(["President and CEO of the International Rescue Committee (IRC)",
                        "head of the International Rescue Committee", "the charity's president"]))
def test_any_opening_clause_leaves_the_speaker_after_it(run, opener, hosts, office):
    text = (f"{opener} ministers gather in London today for a conference with {hosts} and many other "
            f"governments and agencies of the region, David Miliband, {office}, said:\n\n"
            '"Refugees need jobs and schools now, not next year."\n')
    (q,) = direct(run(text))
    assert q["speaker"] == "david-miliband"


def test_a_long_sentence_with_no_person_set_off_names_no_speaker(run):
    r = run("As ministers gather in London today for a conference co-hosted by Norway, Germany, Kuwait and the "
            "United Nations and attended by many other governments and agencies of the region, the hall said:\n\n"
            '"Refugees need jobs and schools now, not next year."\n')
    assert all(q["speaker"] != "david-miliband" for q in direct(r))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["insisted", "stressed", "warned", "added"]), st.sampled_from(["Jordan", "Lebanon", "Turkey"]))
def test_a_second_verb_after_but_shares_the_first_verbs_subject(run, verb, state):
    # 'X said that <a state> ..., but insisted that ... "words"': the state inside the first report is no subject
    r = run(f"Foreign Minister Sergei Lavrov said on Monday that {state} backs the talks, but {verb} that the "
            'refugees must be "a first item" on the agenda.')
    (q,) = direct(r)
    assert q["speaker"] == "sergei-lavrov"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["supports", "welcomes", "backs"]), st.sampled_from(["but", "and"]))
def test_a_verb_inside_the_first_report_is_not_the_second_verbs(run, inner, conj):
    # 'X said that <a state> supports ..., but insisted that ... "words"': 'supports' is the state's verb inside X's
    # report; 'insisted' shares the subject of 'said'
    r = run(f"Foreign Minister Sergei Lavrov said on Tuesday that Lebanon {inner} the peace talks due to open in "
            f'Geneva on Friday, {conj} insisted that the return of refugees must be "a clear item" on the agenda.')
    (q,) = direct(r)
    assert q["speaker"] == "sergei-lavrov"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Amman Compact", "Friends of the Region", "Vienna Process", "Lakeside Framework"]))
def test_a_things_name_in_marks_inside_a_report_is_no_quote(run, name):
    r = run(f'Kofi Annan told reporters that the "{name}" to be signed today could be "a model for others".')
    said = [q["content"] for q in direct(r)]
    assert name not in said and "a model for others" in said


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Americans Are Not Serious", "Talks Will Fail", "Rebels Have No Place", "Nobody Is Listening",
                        "Impossible", "Hypocrites"]))
def test_words_in_title_case_that_make_a_clause_or_one_word_after_the_article_stay_a_quote(run, words):
    # a thing's name has two words or more and no verb of a clause ('Are', 'Not', 'Will'): a headline's title case
    # or one word in marks after 'the' is the speaker's
    r = run(f'Sergei Lavrov said the "{words}" line of the envoys would not help the ceasefire.')
    assert [q["content"] for q in direct(r)] == [words]


def test_a_name_in_marks_after_a_verb_naming_it_stays_a_quote(run):
    r = run('Kofi Annan described the plan as the "Road of No Return" on Monday.')
    assert [q["content"] for q in direct(r)] == ["Road of No Return"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["told", "had told", "has told"]))
def test_according_to_one_the_other_told_them_a_fragment_is_the_tellers(run, told):
    # 'According to X, the envoy had told ministers that ... "words"': the envoy's words, X only reports them
    r = run("Ministers spoke with the UN Special Envoy for Syria, Staffan de Mistura, by video link. According to "
            f"Mogherini, the envoy {told} ministers that the first days would deal with procedures and that real "
            'talks would start "later in the week".')
    (q,) = direct(r)
    assert q["speaker"] == "staffan-de-mistura"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Reached by our correspondent", "Contacted by this agency", "Reached by telephone"]))
def test_a_lead_clause_of_how_the_outlet_reached_the_speaker(run, lead):
    r = run(f'Bamako, 20 June\n\n{lead}, a spokesman for the ministry said the government was "fully committed".')
    (q,) = direct(r)
    assert q["content"] == "fully committed" and q["speaker_text"] == "a spokesman for the ministry"
