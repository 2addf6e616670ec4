"""Run by bench/ingest_same.py in a process of its own, with the code under test first on the path:
``python ingest_same_worker.py OUT GOLD.jsonl...`` writes {document key: SHA-256 of its JSON output}
to OUT. Uses only the pipeline's public names, so it runs against older revisions too."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


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
        for n, (article, row) in enumerate(load_gold(path), 1):
            runs = {"bench": bench}
            if path.name.startswith("dev"):
                runs["case"] = case_pipeline(row.get("case"), cases)
            for name, pipeline in runs.items():
                result = json.dumps(pipeline(article).result(), sort_keys=True, ensure_ascii=False)
                found[f"{path.name}:{n}:{name}"] = hashlib.sha256(result.encode("utf-8")).hexdigest()
    Path(out).write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
