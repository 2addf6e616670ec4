"""Properties of the whole pipeline on arbitrary text: it never fails, and every span is the text's own."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest.document import Article

WORDS = ["Kerry", "Lavrov", "said", "told", "he", "she", "Russia", "Moscow", "the", "Syrian", "army", "on",
         "Friday", "18", "December", "2015", "last", "week", "early", "January", "in", "Geneva", "met", "rejected",
         "Assad", "must", "go", "according", "to", "a", "senior", "official", "-", ",", ".", ":", '"', "\u201c",
         "\u201d", "'", "\u2018", "\u2019", "\n\n", "Daesh", "UN", "envoy", "12-13", "March", "Foreign", "Minister"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))))
def test_any_text_gives_candidates_on_its_own_spans(pipeline, words, published):
    text = " ".join(words)
    result = pipeline(Article(text=text, published=published)).result()
    for c in result["candidates"]:
        assert 0 <= c["start"] <= c["end"] <= len(text)
        assert c["text"] == text[c["start"]:c["end"]]
        if c["kind"] == "date" and published is None:
            assert c["value"] is None or c["precision"] in ("day", "month", "year", "early", "mid", "late")
