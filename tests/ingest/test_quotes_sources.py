"""A source reporting who told whom ('According to X, Y told Z that ...'): the words are the one who told."""

from __future__ import annotations

import datetime as dt

from tests.ingest.conftest import of


def test_a_source_s_report_of_who_told_whom_gives_the_words_to_the_one_who_told(run):
    text = ("Foreign Minister Lin Daoming met his visitor in Beijing on Thursday.\n\n"
            "According to a statement on the ministry's website, Lin told his visitor that the plan was "
            "\"a useful beginning\" and that the vote should be held soon.")
    got = of(run(text, dt.date(2015, 12, 24)), "quote")
    assert [q["speaker"] for q in got if q["direct"]] == ["lin-daoming"]
    assert {q["speaker"] for q in got if not q["direct"]} == {"lin-daoming"}
    # the source's own report, with no reporting verb after it, stays the source's
    plain = text.replace("Lin told his visitor that the plan was", "the plan was")
    assert [(q["speaker"], q["speaker_text"]) for q in of(run(plain, dt.date(2015, 12, 24)), "quote")
            if q["direct"]] == [(None, "a statement on the ministry's website, the plan was")]
