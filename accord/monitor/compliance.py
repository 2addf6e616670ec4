"""Compliance: violations counted by period (day or week, from the ceasefire's first day), by party and
by area, each period against the one before (as the OSCE monitors' daily reports do), with the share
verified (confirmed or corroborated) and a trend (the least-squares slope of violations per period).
Incidents with an unknown perpetrator or an uncertain time are counted apart, never dropped.
Vectorised over a ``Judgement`` of arrays (one ``bincount`` per count), so a million incidents count in
well under a second; counted one by one over the lists of a few (accord.monitor.columns.VECTORISED).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.monitor.columns import STATUSES, UNKNOWN, day_code, day_of
from accord.monitor.violations import CODE, Judgement

PERIOD_DAYS = {"day": 1, "week": 7}
VERIFIED = [s in ("confirmed", "corroborated") for s in STATUSES]


def compliance(j: Judgement, period: str, first: dt.date, last: dt.date) -> dict[str, Any]:
    """Counts per period from ``first`` to ``last`` (local days in the ceasefire's zone)."""
    if period not in PERIOD_DAYS:
        raise ValueError(f"period {period!r}: day or week")
    size = PERIOD_DAYS[period]
    d0, d1 = day_code(first), day_code(last)
    n_periods = (d1 - d0) // size + 1
    area_names = [p.partition("/")[2] or p for p in j.cols.places]
    counts = (_counted_one_by_one if j.cols.plain else _counted)(j, size, d0, d1, n_periods, area_names)
    violations, unknowns, incidents, verified_v, by_party, by_area = counts
    rows = []
    for k in range(n_periods):
        start = day_of(d0 + k * size)
        rows.append({
            "period": start.isoformat() if size == 1 else f"{start.isoformat()}..{min(day_of(d0 + k * size + size - 1), last).isoformat()}",
            "incidents": incidents[k], "violations": violations[k],
            "change": violations[k] - violations[k - 1] if k else None,
            "unknown_perpetrator": unknowns[k],
            "verified_share": round(verified_v[k] / violations[k], 3) if violations[k] else None,
            "by_party": by_party[k], "by_area": by_area[k],
        })
    slope = _slope(violations)
    total_v = sum(violations)
    return {
        "period": period, "from": first.isoformat(), "to": last.isoformat(), "periods": rows,
        "totals": {"incidents": sum(incidents), "violations": total_v, "unknown_perpetrator": sum(unknowns),
                   "verified_share": round(sum(verified_v) / total_v, 3) if total_v else None,
                   "by_party": _totals(by_party), "by_area": _totals(by_area)},
        "trend": {"slope": round(slope, 3), "direction": "rising" if slope > 0.05 else "falling" if slope < -0.05 else "flat"},
    }


Counts = tuple[list[int], list[int], list[int], list[int], list[dict[str, int]], list[dict[str, int]]]


def _counted(j: Judgement, size: int, d0: int, d1: int, n_periods: int, area_names: list[str]) -> Counts:
    """Per period: violations, unknown perpetrator or time, incidents, verified violations, and violations
    by party and by area, over arrays: one ``bincount`` per count."""
    import numpy as np

    inside = (j.days >= d0) & (j.days <= d1)
    bucket = ((j.days - d0) // size)[inside]
    codes, cols = j.codes[inside], j.cols
    perp = cols.perpetrator[inside]
    area = cols.admin1[inside]
    verified = np.array(VERIFIED)[cols.status[inside]]
    is_v = codes == CODE["violation"]
    unknown = (codes == CODE["unknown-perpetrator"]) | (codes == CODE["time-uncertain"])

    def per_period(mask: np.ndarray) -> list[int]:
        return np.bincount(bucket[mask], minlength=n_periods).tolist()

    def cross(code: np.ndarray, names: list[str]) -> list[dict[str, int]]:
        width = len(names) + 1
        idx = np.where(code == UNKNOWN, len(names), code)
        table = np.bincount(bucket[is_v] * width + idx, minlength=n_periods * width).reshape(n_periods, width)
        return _named(table.tolist(), names)

    return (per_period(is_v), per_period(unknown), per_period(np.ones(len(bucket), bool)), per_period(is_v & verified),
            cross(perp[is_v], cols.actors), cross(area[is_v], area_names))


def _counted_one_by_one(j: Judgement, size: int, d0: int, d1: int, n_periods: int, area_names: list[str]) -> Counts:
    """``_counted`` over lists, incident by incident."""
    cols = j.cols
    violations, unknowns, incidents, verified_v = ([0] * n_periods for _ in range(4))
    by_party = [[0] * (len(cols.actors) + 1) for _ in range(n_periods)]
    by_area = [[0] * (len(area_names) + 1) for _ in range(n_periods)]
    is_v, unknown = CODE["violation"], (CODE["unknown-perpetrator"], CODE["time-uncertain"])
    for i, day in enumerate(j.days):
        if not d0 <= day <= d1:
            continue
        b, code = (day - d0) // size, j.codes[i]
        incidents[b] += 1
        if code in unknown:
            unknowns[b] += 1
        elif code == is_v:
            violations[b] += 1
            verified_v[b] += VERIFIED[cols.status[i]]
            by_party[b][cols.perpetrator[i]] += 1  # UNKNOWN (-1) counts in the last column
            by_area[b][cols.admin1[i]] += 1
    return violations, unknowns, incidents, verified_v, _named(by_party, cols.actors), _named(by_area, area_names)


def _named(table: list[list[int]], names: list[str]) -> list[dict[str, int]]:
    """Per period, the counts above zero by name, in code order (the last column: 'unknown')."""
    labels = [*names, "unknown"]
    return [{labels[c]: n for c, n in enumerate(row) if n} for row in table]


def _slope(counts: list[int]) -> float:
    """The least-squares slope of the counts against 0, 1, 2…: from integer sums, one rounding only
    (0.0 for fewer than two periods)."""
    n = len(counts)
    if n < 2:
        return 0.0
    sx, sy = n * (n - 1) // 2, sum(counts)
    sxx, sxy = (n - 1) * n * (2 * n - 1) // 6, sum(k * c for k, c in enumerate(counts))
    return (n * sxy - sx * sy) / (n * sxx - sx * sx)


def _totals(rows: list[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        for k, v in r.items():
            out[k] = out.get(k, 0) + v
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))
