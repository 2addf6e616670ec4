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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), max_size=40),
                          st.one_of(st.none(), st.dates(dt.date(2014, 1, 1), dt.date(2017, 12, 31)))), max_size=9),
       st.integers(1, 5), st.integers(1, 400))
def test_articles_read_in_groups_give_what_each_alone_gives(pipeline, rows, size, chars):
    """Pipeline.pipe runs each component over a group of articles before the next component: every article's
    output is the one it has read alone, in input order, however the groups fall (by count or by characters)."""
    articles = [Article(text=" ".join(words), published=published) for words, published in rows]
    alone = [pipeline(a).result() for a in articles]
    grouped = [doc.result() for doc in pipeline.pipe(articles, size=size, chars=chars)]
    assert grouped == alone


def test_a_component_failing_on_one_article_of_a_group_fails_that_article_alone(pipeline, monkeypatch):
    """A bug met in one article (here: a component raising on one text) is that article's error; the others of
    its group come out whole, in order, from Pipeline.pipe and from the batch runner."""
    from accord.ingest import batch

    texts = ["Kerry met Lavrov in Geneva on Friday.", "BOOM", "Russia rejected the plan last week."]
    articles = [Article(text=t, published=dt.date(2015, 12, 18)) for t in texts]
    want = [pipeline(a).result() for a in (articles[0], articles[2])]
    name, dates = next((n, c) for n, c in pipeline.components if n == "dates")

    def failing(doc):
        if doc.norm == "BOOM":
            raise RuntimeError("bad day")
        return dates(doc)

    monkeypatch.setattr(pipeline, "components", [(n, failing if n == name else c) for n, c in pipeline.components])
    out = list(pipeline.pipe(articles))
    assert isinstance(out[1], RuntimeError) and [out[0].result(), out[2].result()] == want
    results = [r for _, r in batch.results(pipeline, articles)]
    assert "internal error: RuntimeError('bad day')" in results[1]["errors"][0] and results[1]["candidates"] == []
    assert [results[0], results[2]] == want
