"""Weighted centres of a set of positions, batched: the building blocks of the baselines and the EUM.

Every function takes positions ``x`` (..., n) and weights ``w`` (..., n) and reduces the last axis.
"""

from __future__ import annotations

import numpy as np

#: relative slack when comparing a cumulative weight with half the total: sums taken in another actor
#: order differ in the last bits, and a forecast must not depend on the order of the input rows
_HALF_SLACK = 1e-12


def weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    total = w.sum(axis=-1)
    # all-zero weights (a Monte Carlo draw may zero every salience): fall back to the plain mean
    safe = np.where(total > 0, total, 1.0)
    return np.where(total > 0, (w * x).sum(axis=-1) / safe, x.mean(axis=-1))


def weighted_median(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The lowest position at which the cumulative weight reaches half the total.

    On one dimension with linear loss this is the Condorcet winner among the actors' positions: no
    other position is preferred by a weighted majority. When the cumulative weight hits exactly half at
    a position, that position and the next tie; the lower one is returned.
    """
    order = np.argsort(x, axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    cw = np.cumsum(np.take_along_axis(w, order, axis=-1), axis=-1)
    half = cw[..., -1:] / 2
    idx = np.argmax(cw >= half * (1 - _HALF_SLACK), axis=-1)
    return np.take_along_axis(xs, idx[..., None], axis=-1)[..., 0]


def actor_weights(salience: np.ndarray, capability: np.ndarray) -> np.ndarray:
    """capability × salience, (..., n, d) from salience (..., n, d) and capability (..., n)."""
    return salience * capability[..., None]
