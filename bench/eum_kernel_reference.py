"""Write tests/forecast/data/eum-kernel-reference.npz: the compiled EUM's outputs at a given commit.

The speed work on ``accord.forecast.eum_kernel`` must leave its results unchanged, bit for bit
(docs/forecast.md, "Speed and exactness"); tests/forecast/test_eum_kernel.py compares the kernel with
this file using ``array_equal``. It was written by the kernel of commit 6b04246 (before that work):

    .venv/bin/python bench/eum_kernel_reference.py tests/forecast/data/eum-kernel-reference.npz

Run it again only to pin a deliberate change of results, and say so in the commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.forecast.base import Stakeholders  # noqa: E402
from accord.forecast.eum import _canonical  # noqa: E402
from accord.forecast.montecarlo import monte_carlo  # noqa: E402
from accord.forecast.registry import make  # noqa: E402

#: every option away from its default, one at a time (as tests/forecast/test_eum_kernel.py)
VARIANTS = {
    "default": {}, "pairwise": {"probability": "pairwise"}, "linear": {"vote_risk": "linear"},
    "own": {"perspective": "own"}, "least-move": {"offer": "least-move"}, "q": {"Q": 0.5, "T": 0.2, "mu": "mean"},
    "scale": {"range": "scale"}, "positions": {"stop": "positions"},
}


def generated(n: int, ties: bool = False) -> Stakeholders:
    """bench/forecast_montecarlo.py's inputs; ``ties``: positions on a grid of 5 and no position spread,
    so that equal positions and midpoints that fall on a position occur in every draw."""
    rng = np.random.default_rng(n)
    x = rng.uniform(0, 100, (n, 1))
    if ties:
        x = np.round(x / 5) * 5
    return Stakeholders(
        tuple(f"a{i}" for i in range(n)), x, rng.uniform(0.1, 1, (n, 1)), rng.uniform(0.1, 1, n),
        position_sd=None if ties else np.full((n, 1), 10.0), salience_sd=np.full((n, 1), 0.1),
        capability_sd=np.full(n, 0.05),
    )


def outputs() -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for name, params in VARIANTS.items():
        model = make("eum", **params)
        # the runs go on until nobody moves, so that they pass through many rounds
        runner = make("eum", **{**params, "stop": "positions"})
        for n, draws in ((7, 300), (30, 300), (100, 60)):
            for ties in (False, True):
                tag = f"{name}-{n}" + ("-ties" if ties else "")
                data = generated(n, ties)
                out[f"mc-{tag}"] = monte_carlo(model, data, draws=draws, seed=5).samples[:, 0]
                # one run, every state: positions, who moved whom and how (stop=positions)
                x, s, c, _ = _canonical(data.positions[None, :, 0], data.salience[None, :, 0], data.capability[None])
                states, movers, kinds, going = runner.simulate(x[0], s[0], c[0], data.scale, 10)
                out[f"run-{tag}-positions"], out[f"run-{tag}-movers"] = states, movers
                out[f"run-{tag}-kinds"], out[f"run-{tag}-going"] = kinds, np.array(going)
    bench = generated(100)
    out["bench"] = monte_carlo(make("eum", stop="positions"), bench, draws=1000, seed=1).samples[:, 0]
    return out


if __name__ == "__main__":
    np.savez_compressed(sys.argv[1], **outputs())
