"""An issue's forecast by every model (or those named), as `accord forecast issue` and the API give it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError
from accord.forecast.issue import TOLERANCE, IssueForecast
from accord.record.snapshot import Snapshot

if TYPE_CHECKING:
    from accord.forecast.inputs import IssueRows


def model_names(models: str | None) -> list[str]:
    """The models named (comma-separated; all when None), each checked to exist."""
    from accord.forecast.registry import MODELS, known

    names = [known(n.strip()) for n in models.split(",") if n.strip()] if models else list(MODELS)
    if not names:
        raise AccordError("--models: no model named")
    return names


def issue_report(snap: Snapshot, issue: str, on: dt.date | None, models: str | None, draws: int, seed: int,
                 tolerance: float | None = TOLERANCE, processes: int = 1) -> IssueForecast:
    """``tolerance``: the Monte Carlo's stopping rule (None: every draw); ``processes``: see
    ``accord.forecast.report.forecast_issue`` (the CLI's user waits alone and asks for 2; a server's
    request computes in its worker). A forecast computed before is read back without NumPy or the models
    (accord.forecast.issue.kept); only one not in the cache loads them."""
    from accord.forecast.inputs import issue_rows
    from accord.forecast.issue import kept

    names = model_names(models)
    rows = issue_rows(snap, issue, on)
    return kept(rows, on, names, draws, seed, tolerance) or _computed(rows, on, names, draws, seed, tolerance, processes)


def _computed(rows: IssueRows, on: dt.date | None, names: list[str], draws: int, seed: int, tolerance: float | None,
              processes: int) -> IssueForecast:
    from accord.forecast.registry import make
    from accord.forecast.report import forecast_issue

    ms = [make(n) for n in names]
    return forecast_issue(rows.issue, on, rows.stakeholders(), ms, draws=draws, seed=seed, tolerance=tolerance,
                          processes=processes)


def issue_forecast(snap: Snapshot, issue: str, on: dt.date | None, models: str | None, draws: int, seed: int) -> dict[str, Any]:
    return issue_report(snap, issue, on, models, draws, seed).to_json()
