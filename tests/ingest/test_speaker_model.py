"""bench/speaker_model.py: the candidates and features of a direct quote's speaker, and the re-ranker's fit
(the measured result, a model no better than the rules, is in docs/benchmarks.md)."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings, strategies as st

from accord.ingest.document import Article
from bench.speaker_model import FEATURES, INDEX, candidates, crossed, fit

TEXT = ('Talks on the ceasefire resumed in Geneva on Monday.\n\n'
        '"We will not leave the table before the guns fall silent," Sergei Lavrov told reporters. '
        'John Kerry did not answer.\n\n'
        '"The next round is set," he added.\n')


def _quotes(pipeline, text: str):
    doc = pipeline(Article(text=text, published=dt.date(2016, 2, 1)))
    return doc, sorted((c for c in doc.candidates if c.kind == "quote" and c.data.get("direct")), key=lambda c: c.start)


def test_features_of_a_hand_made_quote(pipeline):
    doc, quotes = _quotes(pipeline, TEXT)
    assert quotes[0].data["speaker"] == "sergei-lavrov"
    ids, x = candidates(doc, quotes[0], None)
    assert x.shape == (len(ids), len(FEATURES))
    assert ids[0] == "sergei-lavrov" and ids[-1] is None and "john-kerry" in ids
    lavrov, kerry, none = x[0], x[ids.index("john-kerry")], x[-1]
    assert lavrov[INDEX["rule"]] == lavrov[INDEX["rule_cue"]] == lavrov[INDEX["same_sent"]] == 1
    assert lavrov[INDEX["nearest_after"]] == lavrov[INDEX["cue_near"]] == lavrov[INDEX["kind_person"]] == 1
    assert kerry[INDEX["rule"]] == 0 and kerry[INDEX["next_sent"]] == 1 and kerry[INDEX["same_sent"]] == 0
    assert none[INDEX["none"]] == 1 and none[INDEX["rule"]] == 0
    # the second quote: the previous quote's speaker is a candidate, and marked so
    ids2, x2 = candidates(doc, quotes[1], quotes[0])
    assert x2[ids2.index("sergei-lavrov"), INDEX["prev_speaker"]] == 1


def test_fit_is_deterministic_and_learns_the_rule():
    rng = np.random.default_rng(0)
    rows = []
    for _ in range(40):
        x = rng.random((4, len(FEATURES)))
        x[:, INDEX["rule"]] = [1, 0, 0, 0]
        rows.append({"x": x, "y": np.array([1.0, 0, 0, 0])})
    w = fit(rows, 1.0)
    assert np.array_equal(w, fit(rows, 1.0))
    assert all(int(np.argmax(r["x"] @ w)) == 0 for r in rows)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=len(FEATURES), max_size=len(FEATURES)), st.sampled_from([0, 1]))
def test_the_choice_is_one_of_the_candidates_or_none(pipeline, weights, which):
    """Any weights pick a row of the candidates: one of the actors offered or none, never anyone else; with the
    weight on the rules' choice alone, the pick is the rules'."""
    doc, quotes = _quotes(pipeline, TEXT)
    ids, x = candidates(doc, quotes[which], quotes[which - 1] if which else None)
    assert crossed(x).shape[0] == len(ids)
    pick = ids[int(np.argmax(x @ np.array(weights)))]
    near = {m.actor for m in doc.mentions if m.actor}
    assert pick is None or pick in near or pick == quotes[which].data["speaker"]
    only_rule = np.zeros(len(FEATURES))
    only_rule[INDEX["rule"]] = 1
    assert ids[int(np.argmax(x @ only_rule))] == quotes[which].data["speaker"]
