"""Merging: quality on a generated set with known duplicates, and properties of the engine."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.monitor import merging, synthetic
from accord.monitor.merging import Thresholds


def _merge(features, t=Thresholds()):
    pairs = merging.candidates(features, t)
    accepted = pairs.score >= t.accept
    return pairs, merging.clusters(len(features), pairs.i[accepted], pairs.j[accepted])


def test_precision_and_recall_on_a_generated_set():
    features, truth = synthetic.generate(20_000, seed=11)
    _, labels = _merge(features)
    precision, recall = merging.pair_quality(labels, truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_pair_quality_counts_pairs():
    truth = np.array([0, 0, 0, 1])
    assert merging.pair_quality(truth, truth) == (1.0, 1.0)
    # split {0,1,2} into {0,1},{2}: all predicted pairs right, one of three true pairs found
    assert merging.pair_quality(np.array([0, 0, 1, 2]), truth) == (1.0, 1 / 3)
    # everything together: 3 of 6 predicted pairs right
    assert merging.pair_quality(np.zeros(4, int), truth) == (0.5, 1.0)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 300), seed=st.integers(0, 10_000), per_day=st.sampled_from([5.0, 50.0, 500.0]))
def test_candidates_are_well_formed_and_independent_of_order(n, seed, per_day):
    f, _ = synthetic.generate(n, seed=seed, per_day=per_day)
    pairs, labels = _merge(f)
    t = Thresholds()
    assert np.all(pairs.i < pairs.j)
    assert len(set(zip(pairs.i.tolist(), pairs.j.tolist()))) == len(pairs)  # each pair once
    assert np.all((pairs.score >= t.review) & (pairs.score <= 1.0 + 1e-12))
    assert not np.any(f.source[pairs.i] == f.source[pairs.j])  # a source never merges with itself
    assert np.all(f.type[pairs.i] == f.type[pairs.j])
    # the same reports in another order give the same pairs and the same incidents
    perm = np.random.default_rng(seed).permutation(len(f))
    shuffled = merging.Features(*(getattr(f, k)[perm] for k in merging.Features.__dataclass_fields__))
    pairs2, labels2 = _merge(shuffled)
    back = {tuple(sorted((int(perm[a]), int(perm[b])))) for a, b in zip(pairs2.i, pairs2.j)}
    assert back == set(zip(pairs.i.tolist(), pairs.j.tolist()))
    same = labels[perm]
    assert merging.pair_quality(labels2, same) == (1.0, 1.0)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_stricter_threshold_never_merges_more(seed):
    f, _ = synthetic.generate(200, seed=seed, per_day=200.0)
    loose, strict = Thresholds(accept=0.6), Thresholds(accept=0.8)
    _, a = _merge(f, loose)
    _, b = _merge(f, strict)
    # every pair strict puts together, loose does too
    assert merging.pair_quality(a, b)[1] == 1.0
