"""A Dask client for bulk work: a scheduler the user runs, or a LocalCluster of worker processes.

Dask is imported here only, and only when ``--engine dask`` asks for it: the CLI's start-up never pays
for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from accord.errors import AccordError

class ClusterError(AccordError):
    """A scheduler that cannot be reached."""


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 1) -> Iterator[Any]:
    """A ``dask.distributed.Client``: on ``scheduler`` (tcp://HOST:PORT) when given, else on a LocalCluster
    of ``workers`` processes with one thread each (the pipeline and the models are CPU-bound Python)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as e:
            raise ClusterError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({e})") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=50) as cluster, Client(cluster) as client:
        yield client
