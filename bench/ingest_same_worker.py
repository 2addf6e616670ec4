"""Run by bench/ingest_same.py in a process of its own, with the code under test first on the path:
``python ingest_same_worker.py OUT GOLD.jsonl...`` writes {document key: SHA-256 of its JSON output}
to OUT. Uses only the pipeline's public names, so it runs against older revisions too (``Pipeline.pipe``
where the revision has it: the grouped run is what is compared)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any


def main(out: str, paths: list[str]) -> None:
    import accord
    from accord.ingest.evaluate import case_pipeline, load_gold
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.world import world
    from accord.record.bundle import read_bundle
    from accord.record.model import Vocabulary

    print(f"  outputs of {Path(accord.__file__).parents[1]}", file=sys.stderr)
    words = [r for r in read_bundle("syria-2015").records if isinstance(r, Vocabulary)]
    bench = Pipeline(world().merged([], vocabulary=words))
    cases: dict = {}
    found: dict[str, str] = {}
    for path in map(Path, paths):
        rows = list(enumerate(load_gold(path), 1))
        runs: dict[str, list[tuple[int, Any, Any]]] = {}  # pipeline name -> (n, article, pipeline)
        for n, (article, row) in rows:
            runs.setdefault("bench", []).append((n, article, bench))
            if path.name.startswith("dev"):
                runs.setdefault("case", []).append((n, article, case_pipeline(row.get("case"), cases)))
        for name, todo in runs.items():
            for n, doc in _outputs(todo):
                result = json.dumps(doc.result(), sort_keys=True, ensure_ascii=False)
                found[f"{path.name}:{n}:{name}"] = hashlib.sha256(result.encode("utf-8")).hexdigest()
    Path(out).write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")


def _outputs(todo: list[tuple[int, Any, Any]]) -> list[tuple[int, Any]]:
    """Each article's document: through ``Pipeline.pipe`` (groups of articles, as `accord ingest` runs them)
    where the revision has it, each run of articles sharing a pipeline together; else one article at a time."""
    out = []
    k = 0
    while k < len(todo):
        pipeline = todo[k][2]
        j = k
        while j < len(todo) and todo[j][2] is pipeline:
            j += 1
        run = todo[k:j]
        if hasattr(pipeline, "pipe"):
            docs = list(pipeline.pipe([article for _, article, _ in run]))
            for doc in docs:
                if isinstance(doc, Exception):
                    raise doc
        else:
            docs = [pipeline(article) for _, article, _ in run]
        out += [(n, doc) for (n, _, _), doc in zip(run, docs)]
        k = j
    return out


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
