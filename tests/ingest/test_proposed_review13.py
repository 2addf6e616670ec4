"""The review of the thirteenth round's proposed people and coref (styles that are given names, a sentence's first
word before a listed surname, a party's word ending a full name, 'former' before a body's title)."""

from __future__ import annotations

from tests.ingest.conftest import of


def _speakers(r: dict) -> list[str | None]:
    return [q["speaker"] for q in of(r, "quote")]


def _ids(r: dict) -> set[str | None]:
    return {a["actor"] for a in of(r, "actor")}


def test_a_style_that_is_also_a_given_name_stays_in_the_name(run):
    r = run("India's ambassador, Syed Akbaruddin, said the council must act. \"We have waited long enough,\" "
            "Akbaruddin said.")
    assert _speakers(r) == ["syed-akbaruddin", "syed-akbaruddin"]
    assert "syed-akbaruddin" in _ids(r)
    assert "sri-mulyani-indrawati" in _ids(run("Finance Minister Sri Mulyani Indrawati said the budget would hold."))
    assert "imam-varoli" in _ids(run("Sports minister Imam Varoli said the games would go ahead."))


def test_a_style_that_is_never_a_given_name_is_still_cut_from_the_id(run):
    assert "jane-roe" in _ids(run("Maulvi Jane Roe said the talks would resume."))


def test_a_sentence_s_first_word_before_a_listed_surname_is_no_other_person_s_given_name(run):
    for opener in ("Even", "So", "Veteran"):
        r = run(f"Sergei Lavrov arrived in Geneva. {opener} Lavrov said the plan would fail.")
        assert _speakers(r) == ["sergei-lavrov"], opener
        assert f"{opener.lower()}-lavrov" not in _ids(r)


def test_a_given_name_written_inside_a_sentence_too_still_makes_another_person(run):
    r = run("Sergei Lavrov arrived in Geneva with his cousin Nikita Lavrov. Nikita Lavrov said the plan would fail.")
    assert _speakers(r) == ["nikita-lavrov"]


def test_a_party_s_word_ending_a_full_name_is_a_surname(run):
    r = run("Mayor John Tory said the city would take in more refugees.")
    assert _speakers(r) == ["john-tory"]
    r = run("Councillor Anna Republican said the vote was close.")
    assert _speakers(r) == ["anna-republican"]


def test_a_party_s_word_after_an_article_is_still_an_epithet(run):
    r = run("The Social Democrat said the vote was lost.")
    assert not {a for a in _ids(r) if a and "democrat" in a}


def test_former_before_a_body_s_or_state_s_title_names_no_sitting_holder(run):
    r = run('"The council has failed the people again and again," said the former UN Secretary-General.')
    assert _speakers(r) == [None]
    r = run('"The council has failed again," said the former US Secretary of State.')
    assert _speakers(r) == [None]
    r = run('"We failed," said the US Secretary of State.')
    assert _speakers(r) == ["john-kerry"]
