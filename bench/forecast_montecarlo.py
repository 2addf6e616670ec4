"""Monte Carlo speed of the forecast models (run: .venv/bin/python -m bench forecast).

Times the models' own work (the interpreter's start-up and imports are left out), median of 3 repeats,
wall-clock and CPU time: on a shared machine CPU time is the steadier figure. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import time

import numpy as np

from accord.forecast.base import Stakeholders
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.registry import make
from bench.smp_vs_ktab import machine

REPEATS = 3


def stakeholders(n: int, rng: np.random.Generator) -> Stakeholders:
    return Stakeholders(
        tuple(f"a{i}" for i in range(n)),
        rng.uniform(0, 100, (n, 1)),
        rng.uniform(0.1, 1, (n, 1)),
        rng.uniform(0.1, 1, n),
        position_sd=np.full((n, 1), 10.0),
        salience_sd=np.full((n, 1), 0.1),
        capability_sd=np.full(n, 0.05),
    )


def timed(model: str, n: int, draws: int, **params: str) -> tuple[float, float]:
    data = stakeholders(n, np.random.default_rng(n))
    walls, cpus = [], []
    for _ in range(REPEATS):
        w0, c0 = time.perf_counter(), time.process_time()
        monte_carlo(make(model, **params), data, draws=draws, seed=1)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m bench forecast", description=__doc__.splitlines()[0]).parse_args(argv)
    cases = [
        ("weighted-mean", 10, 1000, {}),
        ("weighted-median", 10, 1000, {}),
        ("nash", 10, 1000, {}),
        ("eum", 10, 1000, {}),
        ("eum", 100, 1000, {"stop": "positions"}),
    ]
    print(f"{dt.date.today().isoformat()} · {machine()} · Python {platform.python_version()} · NumPy {np.__version__}\n")
    print("| model | actors | draws | wall s | CPU s |")
    print("|---|---:|---:|---:|---:|")
    for model, n, draws, params in cases:
        wall, cpu = timed(model, n, draws, **params)
        label = model + (f" ({', '.join(f'{k}={v}' for k, v in params.items())}, 10 rounds)" if params else "")
        print(f"| {label} | {n} | {draws} | {wall:.3f} | {cpu:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
