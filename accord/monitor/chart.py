"""A PNG of compliance: violations per period, with the incidents of unknown perpetrator stacked apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.errors import AccordError


def compliance_chart(data: dict[str, Any], path: str | Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display needed: the chart goes to a file
    import matplotlib.pyplot as plt

    periods = [p["period"].split("..")[0] for p in data["periods"]]
    violations = [p["violations"] for p in data["periods"]]
    unknown = [p["unknown_perpetrator"] for p in data["periods"]]
    fig, ax = plt.subplots(figsize=(7, 3.5), dpi=120)
    xs = range(len(periods))
    ax.bar(xs, violations, label="violations", color="#b03a2e")
    ax.bar(xs, unknown, bottom=violations, label="unknown perpetrator", color="#aab7b8")
    ax.set_xticks(list(xs), periods, rotation=45, ha="right", fontsize=7)
    ax.set_ylabel(f"incidents per {data['period']}")
    ax.set_title(f"{data['name']}: {data['from']} to {data['to']}", fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    try:
        fig.savefig(path)
    except OSError as e:
        raise AccordError(f"--chart {path}: cannot write ({e.strerror})") from None
    finally:
        plt.close(fig)
