"""A generated set of reports with known duplicates, for measuring merge quality and speed.

``generate(n_incidents)`` draws incidents uniformly over a box (default: Syria's extent) at
``per_day`` incidents a day (ACLED records roughly a hundred a day for Syria in busy years), each
with one of the six event types, a perpetrator and a target from a few actors. Each incident is told
by 1 to 4 reports (geometric, mean about 2) from different sources; each report moves the time by up to
``time_jitter_hours`` and the place by a normal error of ``km_jitter`` km, drops the perpetrator with
probability ``p_unknown`` and the sub-type with probability ``p_no_subtype``. Everything it produces
is synthetic and says so.
"""

from __future__ import annotations

import numpy as np

from accord.monitor.merging import Features

BOX = (32.3, 37.3, 35.7, 42.4)  # lat min, lat max, lon min, lon max
START = 1451606400  # 2016-01-01T00:00Z


def generate(n_incidents: int, *, seed: int = 0, per_day: float = 100.0, sources: int = 12,
             time_jitter_hours: float = 6.0, km_jitter: float = 1.5, p_unknown: float = 0.2,
             p_no_subtype: float = 0.3, actors: int = 8, box: tuple[float, float, float, float] = BOX,
             ) -> tuple[Features, np.ndarray]:
    """Features of the reports and, per report, the index of the incident it tells of."""
    rng = np.random.default_rng(seed)
    days = max(n_incidents / per_day, 1.0)
    t = START + rng.uniform(0, days * 86400, n_incidents)
    lat = rng.uniform(box[0], box[1], n_incidents)
    lon = rng.uniform(box[2], box[3], n_incidents)
    typ = rng.choice(6, n_incidents, p=[0.35, 0.35, 0.1, 0.1, 0.05, 0.05]).astype(np.int32)
    sub = (typ * 4 + rng.integers(0, 4, n_incidents)).astype(np.int32)
    perp = rng.integers(0, actors, n_incidents).astype(np.int32)
    targ = rng.integers(0, actors, n_incidents).astype(np.int32)
    copies = np.minimum(rng.geometric(0.5, n_incidents), 4)
    truth = np.repeat(np.arange(n_incidents), copies)
    n = len(truth)
    # each copy from a different source: a random start and consecutive sources
    first = rng.integers(0, sources, n_incidents)
    rank = np.arange(n) - np.repeat(np.cumsum(copies) - copies, copies)
    source = ((np.repeat(first, copies) + rank) % sources).astype(np.int32)
    mid = t[truth] + rng.uniform(-time_jitter_hours, time_jitter_hours, n) * 3600
    km = rng.normal(0, km_jitter, (2, n))
    r_lat = lat[truth] + km[0] / 110.57
    r_lon = lon[truth] + km[1] / (111.32 * np.cos(np.radians(lat[truth])))
    r_perp = np.where(rng.random(n) < p_unknown, -1, perp[truth]).astype(np.int32)
    r_sub = np.where(rng.random(n) < p_no_subtype, -1, sub[truth]).astype(np.int32)
    features = Features(
        mid=mid, half=np.zeros(n), lat=r_lat, lon=r_lon, geo_precision=np.ones(n, np.int8), type=typ[truth],
        sub_type=r_sub, perpetrator=r_perp, target=targ[truth], source=source,
    )
    return features, truth
