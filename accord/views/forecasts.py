"""An issue's forecast by every model (or those named), as `accord forecast issue` and the API give it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.errors import AccordError
from accord.forecast.report import TOLERANCE
from accord.record.snapshot import Snapshot


def model_names(models: str | None) -> list[str]:
    from accord.forecast.registry import MODELS

    names = [n.strip() for n in models.split(",") if n.strip()] if models else list(MODELS)
    if not names:
        raise AccordError("--models: no model named")
    return names


def issue_report(snap: Snapshot, issue: str, on: dt.date | None, models: str | None, draws: int, seed: int,
                 tolerance: float | None = TOLERANCE, processes: int = 1) -> Any:
    """``tolerance``: the Monte Carlo's stopping rule (None: every draw); ``processes``: see
    ``accord.forecast.report.forecast_issue`` (the CLI's user waits alone and asks for 2; a server's
    request computes in its worker)."""
    from accord.forecast.inputs import from_snapshot
    from accord.forecast.registry import make
    from accord.forecast.report import forecast_issue

    ms = [make(n) for n in model_names(models)]
    data = from_snapshot(snap, issue, on)
    return forecast_issue(issue, on, data, ms, draws=draws, seed=seed, tolerance=tolerance, processes=processes)


def issue_forecast(snap: Snapshot, issue: str, on: dt.date | None, models: str | None, draws: int, seed: int) -> dict[str, Any]:
    return issue_report(snap, issue, on, models, draws, seed).to_json()
