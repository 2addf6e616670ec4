"""The briefing's forecast line per issue: each quick model beside the weighted-mean baseline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.errors import AccordError
from accord.record.snapshot import Snapshot
from accord.views.forecasts import issue_report

#: fast enough for a one-screen view; `accord forecast issue` runs every model
BRIEF_MODELS = ("weighted-mean", "weighted-median", "nash")
BRIEF_DRAWS = 300


def forecasts(snap: Snapshot, on: dt.date) -> list[dict[str, Any]]:
    """Through the function `accord forecast issue` calls: a forecast computed before is read back."""
    out = []
    for issue in snap.all("issue"):
        if not snap.positions(issue.id, on):
            continue
        try:
            # an issue beyond the models' limits (accord.forecast.limits) says so in its line
            report = issue_report(snap, issue.id, on, ",".join(BRIEF_MODELS), BRIEF_DRAWS, 0).to_json()
        except AccordError as e:
            out.append({"issue": issue.id, "name": issue.name, "error": str(e)})
            continue
        out.append({
            "issue": issue.id, "name": issue.name, "baseline": report["baseline"],
            "models": {name: {"forecast": m["forecast"], "interval": m["interval"]} for name, m in report["models"].items()},
            "influential": report["influential"],
        })
    return out
