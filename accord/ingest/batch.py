"""Running the pipeline over a stream of inputs: in this process or in worker processes, and, with a
case, storing each document and its candidates in one transaction so that a batch stopped at any point
and run again ingests every document exactly once.
"""

from __future__ import annotations

import json
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import select

from accord.ingest.document import Article, IngestDoc
from accord.ingest.pipeline import GROUP, Pipeline
from accord.ingest.reader import ReadError

@dataclass
class Known:
    """An input whose content the case already holds: reported, not processed again."""

    doc_id: str
    sha256: str
    source: str | None
    id: str | None

    def result(self) -> dict[str, Any]:
        return {"document": {"id": self.id or self.doc_id, "published": None, "sha256": self.sha256,
                             "already_ingested": True}, "candidates": [], "errors": []}


Item = Article | ReadError | Known

# The pipeline of a worker process: set before the pool forks, so it is shared, not pickled.
_PIPELINE: Pipeline | None = None


def results(pipeline: Pipeline, items: Iterable[Item]) -> Iterator[tuple[Item, dict[str, Any]]]:
    """Each input with its output object (docs/ingest.md), in input order, the articles run through the
    pipeline a group at a time (``Pipeline.pipe``); a bug in a component fails that document only."""
    stream = iter(items)
    while group := list(islice(stream, GROUP)):
        docs = pipeline.pipe([item for item in group if isinstance(item, Article)], size=GROUP)
        for item in group:
            yield item, (_output(item, next(docs)) if isinstance(item, Article) else item.result())


def result_of(pipeline: Pipeline, item: Item) -> dict[str, Any]:
    """One input's output object (docs/ingest.md); a bug in a component fails that document only."""
    return next(results(pipeline, [item]))[1]


def _output(article: Article, doc: IngestDoc | Exception) -> dict[str, Any]:
    """The document's output object, or, where a component (or the output itself) raised, the error object: a bug
    in a component fails that document, the batch goes on."""
    if not isinstance(doc, Exception):
        try:
            return doc.result()
        except Exception as e:  # noqa: BLE001
            doc = e
    return {"document": {"id": article.id or article.doc_id, "published": None, "sha256": article.sha256},
            "candidates": [], "errors": [f"{article.source or article.doc_id}: internal error: {doc!r}"]}


def _work(items: list[Item]) -> list[str]:
    """In a worker: the results of a group of inputs as JSON lines (a string crosses processes far faster
    than a dict)."""
    assert _PIPELINE is not None
    return [json.dumps(result, ensure_ascii=False) for _, result in results(_PIPELINE, items)]


@dataclass
class Done:
    item: Item
    line: str  # the result as one JSON line
    _parsed: dict[str, Any] | None = None

    @property
    def result(self) -> dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self.line)
        return self._parsed


def run(items: Iterable[Item], pipeline: Pipeline, workers: int = 1, chunksize: int = GROUP) -> Iterator[Done]:
    """Each input with its result, in input order. With workers, inputs go out a window at a time:
    ``Pool.imap`` alone reads its whole input ahead (706 MB of client memory at 100k articles); each worker
    takes ``chunksize`` of them at once, the pipeline's group."""
    global _PIPELINE
    _PIPELINE = pipeline
    if workers <= 1:
        for item, result in results(pipeline, items):
            yield Done(item, json.dumps(result, ensure_ascii=False), result)
        return
    stream = iter(items)
    with mp.get_context("fork").Pool(workers) as pool:
        while window := list(islice(stream, window_size(workers, chunksize))):
            groups = [window[i:i + chunksize] for i in range(0, len(window), chunksize)]
            for group, lines in zip(groups, pool.imap(_work, groups)):
                for item, line in zip(group, lines):
                    yield Done(item, line)


def window_size(workers: int, chunksize: int) -> int:
    """Inputs out at once: enough chunks per worker that waiting for a window's last one costs little."""
    return workers * chunksize * 32


@dataclass
class Sink:
    """Stores documents and their candidates in a case's review queue; skips documents already there."""

    store: Any  # accord.store.Store
    case_id: str
    by: str
    known: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        from accord.store.schema import record as R

        q = select(R.c.id).where(R.c.case_id == self.case_id, R.c.kind == "document", R.c.known_to.is_(None),
                                 R.c.data.is_not(None))
        with self.store.engine.connect() as conn:
            self.known = {row[0] for row in conn.execute(q)}

    def seen(self, article: Article) -> bool:
        return article.doc_id in self.known

    def put(self, article: Article, result: dict[str, Any]) -> None:
        """The document record and its queued candidates, together or not at all."""
        self.put_many([(article, result)])

    def put_many(self, done: list[tuple[Article, dict[str, Any]]]) -> None:
        """Several documents and their candidates in one transaction: all of them or none."""
        from accord.ingest.queue import enqueue

        if not done:
            return
        first = done[0][0]
        note = f"ingested {first.source or first.id or first.doc_id}"
        if len(done) > 1:
            last = done[-1][0]
            note += f" .. {last.source or last.id or last.doc_id} ({len(done)} documents)"
        with self.store.unit_of_work(self.case_id, self.by, operation="ingest", note=note) as uow:
            for article, result in done:
                doc = _document(article)
                uow.put(doc)
                enqueue(uow.conn, self.case_id, doc.id, result["candidates"])
        self.known.update(article.doc_id for article, _ in done)


def _document(article: Article) -> Any:
    from accord.record.model import Document

    return Document(id=article.doc_id, title=(article.title or _first_line(article.text))[:300], url=article.url,
                    outlet=article.outlet, published=article.published, sha256=article.sha256, text=article.text)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "untitled")


def unseen(items: Iterable[Item], sink: Sink | None) -> Iterator[Item]:
    """Inputs with those the store already holds replaced by a ``Known`` marker, and so is a text met
    again in the same run (it is still in flight when the reader, running ahead, meets its copy)."""
    claimed: set[str] = set()
    for item in items:
        if sink is not None and isinstance(item, Article):
            if sink.seen(item) or item.doc_id in claimed:
                yield Known(item.doc_id, item.sha256, item.source, item.id)
                continue
            claimed.add(item.doc_id)
        yield item


def ingest_object(store: Any, case_id: str, obj: dict[str, Any], by: str, where: str = "request") -> dict[str, Any]:
    """One document given as fields (``text``, optionally ``id, url, outlet, published, title``):
    read, run through the case's pipeline and stored with its candidates, as `accord ingest --case`
    does for a JSON line. A text the case already holds is reported, not ingested again."""
    from accord.errors import AccordError
    from accord.ingest.reader import ReadError, from_object

    item = from_object(obj, where, (None, None))
    if isinstance(item, ReadError):
        raise AccordError(item.result()["errors"][0])
    sink = Sink(store, case_id, by)
    if sink.seen(item):
        return Known(item.doc_id, item.sha256, item.source, item.id).result()
    result = result_of(Pipeline.for_case(store.snapshot(case_id)), item)
    if result["errors"]:
        raise AccordError("; ".join(map(str, result["errors"])))
    sink.put(item, result)
    return result
