"""Ingest on a Dask cluster (imported only for ``--engine dask``): the archive streamed in partitions to the workers, results back in input order.

Who does what (docs/ingest.md, "On a cluster"):

- the client reads the archive as a stream and cuts it into partitions of ``partition`` inputs; at most
  ``window`` partitions are out at once, so memory stays bounded whatever the archive's size;
- each worker holds one pipeline, built by a worker plugin from the lexicon and the config (so a worker
  that dies and comes back builds it again); a partition's task is a pure function of its inputs;
- the client alone writes the store: one transaction per partition (``Sink.put_many``). A worker that
  dies loses only results the client has not yet received; the scheduler runs those tasks again, and a
  task run twice is still stored once, since only what reaches the client is written. A client killed
  mid-partition leaves that partition's transaction uncommitted; run again, every document already
  stored is skipped by its content hash.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from distributed import WorkerPlugin, get_worker

from accord.ingest import batch
from accord.ingest.config import IngestConfig
from accord.ingest.world import Lexicon

class PipelinePlugin(WorkerPlugin):
    """A ``dask.distributed`` worker plugin: the pipeline of one ingest run, built on each worker."""

    def __init__(self, lexicon: Lexicon, config: IngestConfig, run_id: str):
        self.lexicon, self.config, self.run_id = lexicon, config, run_id
        self._local = threading.local()  # a worker with several threads gets one pipeline per thread

    def __getstate__(self) -> dict[str, Any]:
        return {"lexicon": self.lexicon, "config": self.config, "run_id": self.run_id}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["lexicon"], state["config"], state["run_id"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.pipeline()  # built before the first task, not inside it

    def pipeline(self) -> Any:
        if getattr(self._local, "pipeline", None) is None:
            from accord.ingest.pipeline import Pipeline

            self._local.pipeline = Pipeline(self.lexicon, self.config)
        return self._local.pipeline


def _work_partition(run_id: str, items: list[batch.Item]) -> list[str]:
    """On a worker: each input's result as one JSON line."""
    pipeline = get_worker().plugins[_plugin_name(run_id)].pipeline()
    return [json.dumps(result, ensure_ascii=False) for _, result in batch.results(pipeline, items)]


def run(items: Iterable[batch.Item], lexicon: Lexicon, config: IngestConfig, client: Any,
        partition: int = 32, window: int | None = None) -> Iterator[list[batch.Done]]:
    """Each partition's inputs with their results, partitions in input order."""
    run_id = uuid.uuid4().hex
    name = _plugin_name(run_id)  # one per run: two runs may share a scheduler
    client.register_plugin(PipelinePlugin(lexicon, config, run_id), name=name)
    try:
        yield from _stream(items, client, run_id, partition, window)
    finally:
        client.unregister_worker_plugin(name)


def _plugin_name(run_id: str) -> str:
    return f"accord-ingest-{run_id}"


def _stream(items: Iterable[batch.Item], client: Any, run_id: str, partition: int,
            window: int | None) -> Iterator[list[batch.Done]]:
    # enough partitions out to keep every worker busy while the client stores the oldest one
    window = window or 2 * max(1, len(client.scheduler_info(n_workers=-1)["workers"])) + 1
    out: deque[tuple[list[batch.Item], Any]] = deque()
    stream = iter(items)
    n = 0
    while True:
        while len(out) < window:
            part = list(islice(stream, partition))
            if not part:
                break
            out.append((part, client.submit(_work_partition, run_id, part, key=f"accord-ingest-{run_id}-{n}",
                                            retries=1)))
            n += 1
        if not out:
            return
        part, future = out.popleft()
        lines = future.result()
        future.release()
        yield [batch.Done(item, line) for item, line in zip(part, lines)]
