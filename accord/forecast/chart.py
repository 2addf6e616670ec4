"""A PNG of each model's forecast state by state, with its 90 % interval at the end."""

from __future__ import annotations

from pathlib import Path

from accord.errors import AccordError
from accord.forecast.issue import IssueForecast
from accord.forecast.registry import BASELINE


def trajectory_chart(report: IssueForecast, path: str | Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display needed: the chart goes to a file
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    longest = max(run.states for run in report.runs.values())
    for i, (name, run) in enumerate(report.runs.items()):
        ys = [o[0] for o in run.outcomes]
        # a model that does not iterate holds its forecast across the chart
        xs = list(range(len(ys))) if len(ys) > 1 else [0, max(longest - 1, 1)]
        ys = ys if len(ys) > 1 else ys * 2
        style = "--" if name == BASELINE else "-"
        (line,) = ax.plot(xs, ys, style, marker="o", markersize=3, label=name)
        lo, hi = report.intervals[name]
        end = xs[-1] + 0.15 * (i + 1)
        ax.plot([end, end], [lo, hi], color=line.get_color(), linewidth=4, alpha=0.35)
    ax.set_ylim(*report.scale)
    ax.set_xlabel("state (round)")
    ax.set_ylabel(report.issue)
    title = f"{report.issue}" + (f" as of {report.date.isoformat()}" if report.date else "")
    ax.set_title(title + " — bars: 90 % Monte Carlo interval")
    ax.legend(fontsize=8)
    fig.tight_layout()
    try:
        fig.savefig(path)
    except OSError as e:
        raise AccordError(f"{path}: cannot write the chart: {e.strerror or e}") from None
    finally:
        plt.close(fig)
