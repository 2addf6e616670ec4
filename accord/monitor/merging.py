"""Candidate duplicates: reports that may tell of the same incident, scored, never merged silently.

Two reports are compared when they fall in neighbouring cells of a grid of ``window_hours`` by
``distance_km`` (blocking, so a million reports cost a few million comparisons, not 10^12). A pair
is a candidate only if all of these hold:

- different sources (a source does not report its own incident twice as two events);
- times at most ``window_hours`` apart, beyond what the reports' time precisions allow;
- places at most ``distance_km`` apart, beyond what their geo precisions allow (2: +10 km, 3: +50 km);
- no two different known perpetrators (unknown matches anything), and the same event type.

Its score is a weighted mean of four parts in 0..1: time (1 at the same moment, 0 at the window's
edge), distance (likewise), actors (1 same perpetrator and target, less for each unknown) and type
(1 same sub-type, 0.7 same type). A pair at or above ``accept`` is merged automatically and recorded
as such; between ``review`` and ``accept`` it waits for a person (`accord monitor merge review`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.monitor import timing
from accord.monitor.columns import UNKNOWN, Coder
from accord.record.model import Report

#: extra distance a place of each geo precision may be off by (km)
GEO_SLACK = np.array([0.0, 0.0, 10.0, 50.0])
WEIGHTS = {"time": 0.3, "distance": 0.3, "actors": 0.25, "type": 0.15}


@dataclass(frozen=True)
class Thresholds:
    window_hours: float = 24.0
    distance_km: float = 10.0
    review: float = 0.5
    accept: float = 0.7


@dataclass
class Features:
    """What merging compares, one array entry per report."""

    mid: np.ndarray  # float64 UTC seconds, the middle of the event interval
    half: np.ndarray  # float64 seconds, half the interval's width
    lat: np.ndarray  # float64, NaN when unknown
    lon: np.ndarray
    geo_precision: np.ndarray  # int8 1..3
    type: np.ndarray  # int32 codes
    sub_type: np.ndarray  # int32 codes, UNKNOWN for none
    perpetrator: np.ndarray  # int32 codes, UNKNOWN for none
    target: np.ndarray
    source: np.ndarray  # int32 codes

    def __len__(self) -> int:
        return len(self.mid)


def features(reports: list[Report]) -> Features:
    codes = {k: Coder() for k in ("type", "sub", "actor", "source")}
    n = len(reports)
    mid, half, lat, lon = (np.empty(n) for _ in range(4))
    geo = np.empty(n, np.int8)
    typ, sub, perp, targ, src = (np.empty(n, np.int32) for _ in range(5))
    for i, r in enumerate(reports):
        lo, hi = timing.interval(r.event_time, r.time_precision, r.time_zone)
        mid[i], half[i] = (lo + hi) / 2, (hi - lo) / 2
        lat[i] = np.nan if r.place.lat is None else r.place.lat
        lon[i] = np.nan if r.place.lon is None else r.place.lon
        geo[i] = r.place.geo_precision
        typ[i], sub[i] = codes["type"](r.type), codes["sub"](r.sub_type)
        perp[i], targ[i] = codes["actor"](r.perpetrator), codes["actor"](r.target)
        src[i] = codes["source"](r.source)
    return Features(mid, half, lat, lon, geo, typ, sub, perp, targ, src)


@dataclass
class Pairs:
    """Scored candidate pairs (indexes into the features, i < j)."""

    i: np.ndarray
    j: np.ndarray
    score: np.ndarray
    parts: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.i)


def _neighbour_pairs(cell: np.ndarray, dims: tuple[int, int, int]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Index pairs (i < j) of items in the same or neighbouring grid cells, one chunk per offset."""
    order = np.argsort(cell, kind="stable")
    keys = cell[order]
    _, ny, nz = dims
    out = []
    for dt_ in (0, 1):
        for dy in (-1, 0, 1):
            for dz in (-1, 0, 1):
                if dt_ == 0 and (dy, dz) < (0, 0):
                    continue  # the mirror offset finds the same pairs
                shift = (dt_ * ny + dy) * nz + dz
                lo = np.searchsorted(keys, keys + shift, "left")
                hi = np.searchsorted(keys, keys + shift, "right")
                if shift == 0:
                    lo = np.arange(len(keys)) + 1  # later items of the same cell only
                counts = np.maximum(hi - lo, 0)
                total = int(counts.sum())
                if not total:
                    continue
                a = np.repeat(np.arange(len(keys)), counts)
                starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
                b = starts + np.arange(total)
                out.append((order[a], order[b]))
    return out


def candidates(f: Features, t: Thresholds = Thresholds()) -> Pairs:
    window = t.window_hours * 3600.0
    # km on a local plane; rows without coordinates share one far-away cell row per time bucket
    has_geo = ~np.isnan(f.lat)
    y = np.where(has_geo, f.lat, 0.0) * 110.57
    x = np.where(has_geo, f.lon, 0.0) * 111.32 * np.cos(np.radians(np.where(has_geo, f.lat, 0.0)))
    tb = np.floor(f.mid / window).astype(np.int64)
    cy = np.floor(y / t.distance_km).astype(np.int64)
    cx = np.floor(x / t.distance_km).astype(np.int64)
    tb -= tb.min() if len(tb) else 0
    cy -= cy.min() if len(cy) else 0
    cx -= cx.min() if len(cx) else 0
    ny, nz = int(cy.max(initial=0)) + 3, int(cx.max(initial=0)) + 3
    cell = (tb * ny + cy) * nz + cx
    chunks_i, chunks_j, scores, parts_acc = [], [], [], {k: [] for k in WEIGHTS}
    for a, b in _neighbour_pairs(cell, (int(tb.max(initial=0)) + 1, ny, nz)):
        parts, ok = _score(f, a, b, x, y, has_geo, t)
        if not ok.any():
            continue
        a, b = a[ok], b[ok]
        parts = {k: v[ok] for k, v in parts.items()}
        score = sum(WEIGHTS[k] * parts[k] for k in WEIGHTS)
        keep = score >= t.review
        chunks_i.append(np.minimum(a, b)[keep])
        chunks_j.append(np.maximum(a, b)[keep])
        scores.append(score[keep])
        for k in WEIGHTS:
            parts_acc[k].append(parts[k][keep])
    cat = lambda xs, dtype: np.concatenate(xs) if xs else np.empty(0, dtype)  # noqa: E731
    return Pairs(cat(chunks_i, np.int64), cat(chunks_j, np.int64), cat(scores, float),
                 {k: cat(v, float) for k, v in parts_acc.items()})


def _score(f: Features, a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray, has_geo: np.ndarray,
           t: Thresholds) -> tuple[dict[str, np.ndarray], np.ndarray]:
    window = t.window_hours * 3600.0
    gap = np.maximum(np.abs(f.mid[a] - f.mid[b]) - f.half[a] - f.half[b], 0.0)
    time = 1.0 - gap / window
    both_geo = has_geo[a] & has_geo[b]
    dist = np.hypot(x[a] - x[b], y[a] - y[b]) - GEO_SLACK[f.geo_precision[a]] - GEO_SLACK[f.geo_precision[b]]
    distance = np.where(both_geo, 1.0 - np.maximum(dist, 0.0) / t.distance_km, 0.5)
    pa, pb, ta, tb_ = f.perpetrator[a], f.perpetrator[b], f.target[a], f.target[b]
    perp_same = np.where((pa == UNKNOWN) | (pb == UNKNOWN), 0.5, (pa == pb).astype(float))
    targ_same = np.where((ta == UNKNOWN) | (tb_ == UNKNOWN), 0.5, (ta == tb_).astype(float))
    actors = (perp_same + targ_same) / 2
    same_type = f.type[a] == f.type[b]
    type_ = np.where(same_type & (f.sub_type[a] == f.sub_type[b]), 1.0, 0.7)
    ok = (f.source[a] != f.source[b]) & (time >= 0) & (distance >= 0) & (perp_same > 0) & same_type
    return {"time": time, "distance": distance, "actors": actors, "type": type_}, ok


def clusters(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """A cluster label per item, joining the given pairs (connected components)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(i), np.int8), (i, j)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def pair_quality(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true one (pairs of items put together)."""

    def pairs(*labels: np.ndarray) -> int:
        key = labels[0].astype(np.int64)
        for more in labels[1:]:
            key = key * (int(more.max(initial=0)) + 1) + more
        counts = np.unique(key, return_counts=True)[1].astype(np.int64)
        return int((counts * (counts - 1) // 2).sum())

    both, pred, true = pairs(predicted, truth), pairs(predicted), pairs(truth)
    return (both / pred if pred else 1.0), (both / true if true else 1.0)
