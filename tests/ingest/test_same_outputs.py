"""The equal-output check of speed work (``python -m bench ingest-same``): its worker's digests and the comparison."""

from __future__ import annotations

import json
from pathlib import Path

from bench.ingest_same import REPO, differing, digests

CORPUS = Path(__file__).resolve().parent / "corpus"


def test_digests_are_per_document_and_repeatable(tmp_path):
    rows = [json.loads(line) for line in (CORPUS / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:2]]
    source = tmp_path / "dev-two.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first = digests(REPO, [source], tmp_path / "a.json")
    again = digests(REPO, [source], tmp_path / "b.json")
    # a development split is read by the bench's pipeline and by its case's
    assert sorted(first) == ["dev-two.jsonl:1:bench", "dev-two.jsonl:1:case", "dev-two.jsonl:2:bench",
                             "dev-two.jsonl:2:case"]
    assert first == again and differing(first, again) == []


def test_a_changed_or_missing_output_is_reported():
    ours = {"a:1:bench": "x", "a:2:bench": "y"}
    assert differing(ours, {"a:1:bench": "x", "a:2:bench": "z"}) == ["a:2:bench"]
    assert differing(ours, {"a:1:bench": "x"}) == ["a:2:bench"]
