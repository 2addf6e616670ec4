"""A person the dictionary lacks, named in full once and by part of his name elsewhere: the parts are his full name's
id, not a second person (texts and names written for these tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def _people(result: dict) -> set[str]:
    return {a["actor"] for a in of(result, "actor") if a["actor_kind"] == "person" and a["actor"]}


def _speakers(result: dict) -> list[str | None]:
    return [q["speaker"] for q in of(result, "quote")]


def test_a_name_without_its_last_word_is_the_full_names_person(run):
    # given name and father's name, the family name left off, as Arabic names often are
    r = run("Presidential Adviser Karim Youssef Haddad signed the text in Addis Ababa on Monday.\n\n"
            'Presidential Adviser Karim Youssef said the army was "keeping order" in the hills.')
    assert "karim-youssef" not in _people(r)
    assert set(_speakers(r)) == {"karim-youssef-haddad"}


def test_a_full_name_no_words_make_a_persons_is_his_when_its_last_words_speak(run):
    # 'the party of Jane Roe' says nothing of a person; 'El Nour said' does, and is the same man
    r = run("The Free Dawn Party of Abdel Karim El Nour walked out of the session on Sunday.\n\n"
            'El Nour said in a statement that the deal "closes every door".')
    assert "el-nour" not in _people(r)
    assert set(_speakers(r)) == {"abdel-karim-el-nour"}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Karim", "Samir", "Tarek", "Walid"]), st.sampled_from(["Youssef", "Hassan", "Mansour"]),
       st.sampled_from(["Haddad", "Nasser", "Khoury"]))
def test_any_three_word_name_shortened_to_its_first_two(run, given_name, father, family):
    r = run(f"Presidential Adviser {given_name} {father} {family} signed the text on Monday.\n\n"
            f'Presidential Adviser {given_name} {father} said the army was "keeping order".')
    full = f"{given_name}-{father}-{family}".lower()
    assert f"{given_name}-{father}".lower() not in _people(r)
    assert set(_speakers(r)) == {full}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Karim", "Samir", "Tarek"]), st.sampled_from(["Youssef", "Hassan"]),
       st.sampled_from(["Haddad", "Nasser", "Khoury"]))
def test_a_two_word_name_said_before_a_longer_one_it_opens_is_another_person(run, given_name, father, family):
    r = run(f"{given_name} {father} said he would stay in the town. His cousin {given_name} {father} {family} said "
            f"he would leave it on Monday.")
    short, full = f"{given_name}-{father}".lower(), f"{given_name}-{father}-{family}".lower()
    assert {short, full} <= _people(r)


def test_a_head_two_longer_names_share_names_neither(run):
    r = run("Presidential Adviser Karim Youssef Haddad signed the text on Monday. Presidential Adviser Karim Youssef "
            "Nasser signed it on Tuesday.\n\n"
            'Presidential Adviser Karim Youssef said the army was "keeping order".')
    people = _people(r)
    assert {"karim-youssef-haddad", "karim-youssef-nasser", "karim-youssef"} <= people


def test_two_different_people_who_share_no_name_stay_apart(run):
    r = run("Presidential Adviser Karim Youssef Haddad signed the text on Monday.\n\n"
            'Presidential Adviser Samir Nasser said the army was "keeping order".')
    assert {"karim-youssef-haddad", "samir-nasser"} <= _people(r)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Marta Bellini", "Paolo Ferri", "Lucia Orsini Conti"]))
def test_an_undersecretary_is_an_office_before_the_name_not_its_first_word(run, name):
    # a deputy minister's style in Italian, Mexican and Philippine usage, written as one word
    r = run(f'Undersecretary {name}, who met the mayors last week, said the towns showed "a broad willingness".')
    pid = name.lower().replace(" ", "-")
    assert pid in _people(r) and f"undersecretary-{pid}" not in _people(r)
    assert set(_speakers(r)) == {pid}


def test_a_host_introducing_herself_keeps_her_own_id(run):
    # "I'm Jane Roe" has her name's last words, but the words before them are no name
    r = run("Welcome back to the programme. I'm Lena Ortiz, and with me is Fred Hof.\n\n"
            'Lena Ortiz said the truce "may not last".')
    assert "lena-ortiz" in _people(r) and not [p for p in _people(r) if p.startswith("i-m")]
