"""The briefing's forecast line per issue: each quick model beside the weighted-mean baseline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.errors import AccordError
from accord.forecast.inputs import from_snapshot
from accord.forecast.registry import make
from accord.forecast.report import forecast_issue
from accord.record.model import Issue
from accord.record.snapshot import Snapshot

#: fast enough for a one-screen view; `accord forecast issue` runs every model
BRIEF_MODELS = ("weighted-mean", "weighted-median", "nash")
BRIEF_DRAWS = 300


def forecasts(snap: Snapshot, on: dt.date) -> list[dict[str, Any]]:
    out = []
    for issue in snap.all(Issue):
        if not snap.positions(issue.id, on):
            continue
        try:
            data = from_snapshot(snap, issue.id, on)
            # an issue beyond the models' limits (accord.forecast.limits) says so in its line
            report = forecast_issue(issue.id, on, data, [make(m) for m in BRIEF_MODELS], draws=BRIEF_DRAWS).to_json()
        except AccordError as e:
            out.append({"issue": issue.id, "name": issue.name, "error": str(e)})
            continue
        out.append({
            "issue": issue.id, "name": issue.name, "baseline": report["baseline"],
            "models": {name: {"forecast": m["forecast"], "interval": m["interval"]} for name, m in report["models"].items()},
            "influential": report["influential"],
        })
    return out
