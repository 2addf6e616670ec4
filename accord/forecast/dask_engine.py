"""Monte Carlo on a Dask cluster (imported only for ``--engine dask``).

The draws are made in the client, by the same generator in the same order as on the local engine; only
the model runs go to the workers, a slice of draws per task, and come back in order. So a seed gives the
same samples on either engine, whatever the number of workers. A worker that dies takes only its
unfinished slices with it; the scheduler runs them again elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from distributed import as_completed

from accord.forecast.base import Model, Stakeholders
from accord.forecast.montecarlo import Draws, MonteCarlo, forecast_draws
from accord.forecast.montecarlo import monte_carlo as local_monte_carlo

#: draws per task: enough to amortise a task's overhead on small models, few enough to spread the work
CHUNK = 2_000


def monte_carlo(client: Any, model: Model, data: Stakeholders, draws: int = 1000, seed: int = 0,
                within: tuple[float, float] | None = None, chunk: int = CHUNK,
                advance: Callable[[int], None] | None = None) -> MonteCarlo:
    """``accord.forecast.montecarlo.monte_carlo`` with the model runs spread over the cluster's workers;
    ``advance(n)`` hears of each slice of n draws done (a progress bar)."""
    return local_monte_carlo(model, data, draws, seed, within, run=partial(_on_cluster, client, chunk, advance))


def _on_cluster(client: Any, chunk: int, advance: Callable[[int], None] | None, model: Model, data: Stakeholders,
                batch: Draws) -> np.ndarray:
    b = batch.positions.shape[0]
    futures = [client.submit(forecast_draws, model, data,
                             Draws(batch.positions[i:i + chunk], batch.salience[i:i + chunk], batch.capability[i:i + chunk]),
                             pure=False, retries=1)
               for i in range(0, b, chunk)]
    for done in as_completed(futures):
        if advance is not None:
            advance(len(done.result()))
    return np.concatenate(client.gather(futures), axis=0)
