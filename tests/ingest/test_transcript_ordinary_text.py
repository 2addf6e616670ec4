"""Transcripts: record-only forms kept out of ordinary news (formula lines, stage lines), labels by style and surname."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def turns(result: dict) -> list[tuple[str, str | None]]:
    return [(q["content"], q["speaker"]) for q in of(result, "quote") if q["direct"]]


def actors(result: dict) -> list[str | None]:
    return sorted(a["actor"] or "" for a in of(result, "actor"))


_NEWS = ["Asked whether John Kerry would attend, Sergei Lavrov replies:\n\nWe have invited everyone. The list is long "
         "and nobody is left out of it.",
         "The letter from John Kerry to Sergei Lavrov continues:\n\nThe convoys must reach every town before the "
         "winter closes the roads.",
         "John Kerry speaks:\n\nThe truce has held for a week and the convoys are moving again in the north."]
_UNRELATED = ["Workers on the factory floor were not consulted.", "The floor of the hall was wet after the rain.",
              "Nobody spoke of an intervention by the army."]


def test_a_news_line_ending_in_replies_or_continues_is_no_minutes_label(run):
    for text in _NEWS:
        r = run(text + "\n\n" + _UNRELATED[0], dt.date(2016, 3, 1))
        assert turns(r) == [], text
        assert {"john-kerry"} <= set(actors(r)), text


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_NEWS), st.lists(st.sampled_from(_UNRELATED), min_size=1, max_size=2))
def test_an_unrelated_paragraph_on_a_floor_never_changes_quotes_or_actors(run, text, extra):
    before = run(text, dt.date(2016, 3, 1))
    after = run("\n\n".join([text, *extra]), dt.date(2016, 3, 1))
    assert turns(after) == turns(before)
    assert [a for a in actors(after) if a] == [a for a in actors(before) if a]


def test_a_record_s_formula_line_drops_only_the_speaker_s_name_and_keeps_other_mentions(run):
    text = ("MINUTES OF THE PLENARY SESSION\n\n"
            "After the report on the visit of John Kerry, the Presidency gives the floor to the honourable Senator "
            "Lucía Fernanda Ospina Rey:\n\n"
            "Thank you, Mr President. We will vote for the law today.\n\n"
            "After the debate with Sergei Lavrov, the honourable Senator Tomás Echeverri Lara replies:\n\n"
            "Senator, the regions were heard. I was there myself.")
    r = run(text, dt.date(2016, 4, 12))
    assert [s for _, s in turns(r)] == ["lucia-fernanda-ospina-rey", "tomas-echeverri-lara"]
    assert not {"lucia-fernanda-ospina-rey", "tomas-echeverri-lara"} & set(actors(r))
    assert "john-kerry" in actors(r)



@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=8),
       st.lists(st.integers(0, 80), max_size=20))
def test_labels_drop_exactly_the_mentions_that_start_inside_one_of_them(spans, starts):
    from types import SimpleNamespace

    from accord.ingest.components.transcript import _drop_actors_in

    spans = [(s, s + n) for s, n in spans]
    mentions = [SimpleNamespace(start=x) for x in starts]
    doc = SimpleNamespace(labels=[], mentions=list(mentions), candidates=[])
    _drop_actors_in(doc, spans)
    assert doc.mentions == [x for x in mentions if not any(s <= x.start < e for s, e in spans)]
    assert doc.labels == spans


def test_a_long_record_s_labels_drop_exactly_the_mentions_inside_them():
    from types import SimpleNamespace

    from accord.ingest.components.transcript import _drop_actors_in

    spans = [(i * 100, i * 100 + 10) for i in range(4000)]
    mentions = [SimpleNamespace(start=i * 20) for i in range(20000)]
    doc = SimpleNamespace(labels=[], mentions=mentions, candidates=[])
    _drop_actors_in(doc, spans)
    assert len(doc.mentions) == 16000


def test_a_briefing_s_news_of_the_secretary_general_is_the_spokesman_s_and_a_secretariat_s_vote_report_is_nobody_s(run):
    text = ("NOON BRIEFING\n\nSPOKESMAN: Good afternoon. I will start with a trip.\n\n"
            "The Secretary General announces today that he will travel to Geneva on Monday for the talks.\n\n"
            "He will meet both delegations there and return on Wednesday.\n\n"
            "QUESTION: Will he meet the opposition?\n\n"
            "SPOKESMAN: Yes, he will meet everyone who comes.")
    got = [c for c, _ in turns(run(text, dt.date(2016, 3, 1)))]
    assert "The Secretary General announces today that he will travel to Geneva on Monday for the talks." in got
    for stage in ("The Secretariat reports the result of the vote: 91 votes in favour and 12 against.",
                  "The Secretary reads the order of the day.", "The Secretary calls the roll."):
        text = ("The Presidency gives the floor to the honourable Senator Lucía Fernanda Ospina Rey:\n\n"
                f"Thank you, Mr President. We will vote for the law today.\n\n{stage}")
        assert [c[:9] for c, _ in turns(run(text, dt.date(2016, 4, 12)))] == ["Thank you"], stage


def test_a_style_and_surname_label_is_the_namesake_written_with_that_style(run):
    text = ("MINUTES OF THE MEETING\n\nPRESENT:\n\n"
            "SEC. JANE ROE – Presidential Adviser\nATTY. TOM ROE – Legal Counsel\nGEN. PAUL STONE – Army\n\n"
            "SEC. ROE. Good morning. We open the session with the report of the panel.\n\n"
            "ATTY. ROE. Thank you. The panel met twice and agreed on the text of the annex.\n\n"
            "GEN. STONE. The army has nothing to add to the annex at this stage.\n\n"
            "SEC. ROE. Thank you. We adjourn until Tuesday.")
    assert [s for _, s in turns(run(text, dt.date(2016, 3, 1)))] == ["jane-roe", "tom-roe", "paul-stone", "jane-roe"]
    # two namesakes of one style: the label tells neither
    text = text.replace("ATTY. TOM ROE", "SEC. TOM ROE").replace("ATTY. ROE.", "SEC. ROE.")
    assert [s for _, s in turns(run(text, dt.date(2016, 3, 1)))] == [None, None, "paul-stone", None]


def test_a_style_before_a_body_s_or_a_seat_s_words_makes_no_person(run):
    text = ("OFFICIAL REPORT\n\nTHE SPEAKER: Order. The member for Arua.\n\n"
            "HON. MEMBER FOR ARUA: Thank you. Will the envoy report before the recess?\n\n"
            "THE SPEAKER: The minister.\n\nHON. WEST NILE REGION: We will report on Friday.\n\n"
            "DR. MAKERERE UNIVERSITY: The university agrees.\n\nAMB. CAROL WEST: So does the embassy.")
    r = run(text, dt.date(2016, 3, 1))
    assert [s for _, s in turns(r)] == [None, None, None, None, None, "carol-west"]
    assert not {"for-arua", "member-for-arua", "west-nile-region", "makerere-university"} & set(actors(r))
