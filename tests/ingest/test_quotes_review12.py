"""Quotes: the defects a review of issue 12's ingest round found, each from its reproducing input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest.components.quotes import _that_clauses
from tests.ingest.conftest import of


def indirect(result: dict) -> list[str]:
    return [q["content"] for q in of(result, "quote") if not q["direct"]]


def test_three_and_four_and_that_clauses_are_each_a_report(run):
    r = run("Anna Berg said the road was closed, and that the bridge was down, and that the convoy turned back, and "
            "that nobody was hurt in the town.")
    assert indirect(r) == ["the road was closed", "the bridge was down", "the convoy turned back",
                           "nobody was hurt in the town"]
    r = run("Anna Berg said that the road was closed, and that the bridge was down, and that was why the convoy "
            "turned back.")
    assert indirect(r) == ["the road was closed", "the bridge was down"]


_CLAUSES = ["the road was closed", "that was all", "the bridge, and the ford, were down", "x", ""]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab ,.", max_size=8), st.lists(st.sampled_from(_CLAUSES), max_size=5),
       st.sampled_from([", and that ", " and that ", " but that ", ", but that "]), st.text(alphabet="ab .", max_size=8))
def test_that_clauses_lie_inside_the_words_in_order(head, clauses, joint, tail):
    words = joint.join(clauses)
    norm = head + words + tail
    start, end = len(head), len(head) + len(words)
    spans = _that_clauses(norm, start, end)
    assert spans and all(start <= s <= e <= end for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_report_after_and_with_a_definite_noun_in_small_letters_keeps_its_unnamed_speaker(run):
    for text, who, words in [
            ("The strike ended on Monday, and the union said that its members would return.", "the union",
             "its members would return"),
            ("Sources say the vote failed, and the chairman has said that he will resign.", "the chairman",
             "he will resign"),
            ("The strike ended on Monday, and the mayor said that the workers would return.", "the mayor",
             "the workers would return")]:
        got = [(q["speaker"], q["speaker_text"], q["content"]) for q in of(run(text), "quote") if not q["direct"]]
        assert (None, who, words) in got, text
