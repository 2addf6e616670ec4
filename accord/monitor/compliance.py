"""Compliance: violations counted by period (day or week, from the ceasefire's first day), by party and
by area, each period against the one before (as the OSCE monitors' daily reports do), with the share
verified (confirmed or corroborated) and a trend (the least-squares slope of violations per period).
Incidents with an unknown perpetrator or an uncertain time are counted apart, never dropped.
Vectorised over a ``Judgement`` (one ``bincount`` per count), so a million incidents count in well
under a second.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from accord.monitor.columns import STATUSES, UNKNOWN, day_code, day_of
from accord.monitor.violations import CODE, Judgement

PERIOD_DAYS = {"day": 1, "week": 7}
VERIFIED = np.array([s in ("confirmed", "corroborated") for s in STATUSES])


def compliance(j: Judgement, period: str, first: dt.date, last: dt.date) -> dict[str, Any]:
    """Counts per period from ``first`` to ``last`` (local days in the ceasefire's zone)."""
    if period not in PERIOD_DAYS:
        raise ValueError(f"period {period!r}: day or week")
    size = PERIOD_DAYS[period]
    d0, d1 = day_code(first), day_code(last)
    n_periods = (d1 - d0) // size + 1
    inside = (j.days >= d0) & (j.days <= d1)
    bucket = ((j.days - d0) // size)[inside]
    codes, cols = j.codes[inside], j.cols
    perp = cols.perpetrator[inside]
    area = cols.admin1[inside]
    verified = VERIFIED[cols.status[inside]]
    is_v = codes == CODE["violation"]
    unknown = (codes == CODE["unknown-perpetrator"]) | (codes == CODE["time-uncertain"])

    def per_period(mask: np.ndarray) -> np.ndarray:
        return np.bincount(bucket[mask], minlength=n_periods)

    violations, unknowns = per_period(is_v), per_period(unknown)
    incidents, verified_v = per_period(np.ones(len(bucket), bool)), per_period(is_v & verified)
    by_party = _cross(bucket[is_v], perp[is_v], n_periods, cols.actors)
    by_area = _cross(bucket[is_v], area[is_v], n_periods, [p.partition("/")[2] or p for p in cols.places])
    rows = []
    for k in range(n_periods):
        start = day_of(d0 + k * size)
        rows.append({
            "period": start.isoformat() if size == 1 else f"{start.isoformat()}..{min(day_of(d0 + k * size + size - 1), last).isoformat()}",
            "incidents": int(incidents[k]), "violations": int(violations[k]),
            "change": int(violations[k] - violations[k - 1]) if k else None,
            "unknown_perpetrator": int(unknowns[k]),
            "verified_share": round(float(verified_v[k] / violations[k]), 3) if violations[k] else None,
            "by_party": by_party[k], "by_area": by_area[k],
        })
    slope = float(np.polyfit(np.arange(n_periods), violations, 1)[0]) if n_periods >= 2 else 0.0
    total_v = int(violations.sum())
    return {
        "period": period, "from": first.isoformat(), "to": last.isoformat(), "periods": rows,
        "totals": {"incidents": int(incidents.sum()), "violations": total_v, "unknown_perpetrator": int(unknowns.sum()),
                   "verified_share": round(float(verified_v.sum() / total_v), 3) if total_v else None,
                   "by_party": _totals(by_party), "by_area": _totals(by_area)},
        "trend": {"slope": round(slope, 3), "direction": "rising" if slope > 0.05 else "falling" if slope < -0.05 else "flat"},
    }


def _cross(bucket: np.ndarray, code: np.ndarray, n_periods: int, names: list[str]) -> list[dict[str, int]]:
    """Per period, counts per name (UNKNOWN codes under 'unknown')."""
    width = len(names) + 1
    idx = np.where(code == UNKNOWN, len(names), code)
    counts = np.bincount(bucket * width + idx, minlength=n_periods * width).reshape(n_periods, width)
    labels = [*names, "unknown"]
    return [{labels[c]: int(row[c]) for c in np.flatnonzero(row)} for row in counts]


def _totals(rows: list[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        for k, v in r.items():
            out[k] = out.get(k, 0) + v
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))
