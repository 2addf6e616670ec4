"""Ingest outputs unchanged: this checkout's pipeline and another revision's (default ``main``) read the
same articles, and every document's JSON output is compared by its SHA-256.

    python -m bench ingest-same [REV] [--mb 1.0]

The articles: every development split (tests/ingest/corpus/dev*.jsonl; never the held-out or blind
ones), each read by the bench's pipeline (world dictionary and the syria-2015 case's words) and by the
pipeline of the article's own case as ``accord eval ingest`` builds it; and the speed bench's corpora
(``--mb`` of the recombined gold articles and of the template articles, bench/ingest_speed.py). The
other revision runs from a ``git archive`` of it in a second process, so a speed change is checked
against the rules as they are on main now, whoever changed them last. Exit 1 when a document differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "ingest" / "corpus"
WORKER = Path(__file__).with_name("ingest_same_worker.py")


def inputs(folder: Path, mb: float) -> list[Path]:
    """The development splits, and the speed bench's corpora written as gold-format lines into folder."""
    from bench.ingest_speed import corpus

    paths = sorted(p for p in CORPUS.glob("dev*.jsonl") if p.stat().st_size)
    for kind in ("gold", "synthetic"):
        path = folder / f"bench-{kind}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for a in corpus(mb, kind):
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def digests(tree: Path, paths: list[Path], out: Path) -> dict[str, str]:
    """Each document's output digest, computed by the code in tree (a checkout or an exported revision)."""
    subprocess.run([sys.executable, str(WORKER), str(out), *map(str, paths)], check=True, cwd=tree,
                   env={**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"})
    return json.loads(out.read_text(encoding="utf-8"))


def export(rev: str, folder: Path) -> Path:
    """The revision's files (tracked, as committed) in folder/tree."""
    tree = folder / "tree"
    tree.mkdir()
    got = subprocess.run(["git", "archive", "--format=tar", rev], cwd=REPO, capture_output=True)
    if got.returncode:
        sys.exit(f"bench ingest-same: revision {rev!r}: {' '.join(got.stderr.decode(errors='replace').split())}")
    archive = got.stdout
    tar = folder / "tree.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as t:
        t.extractall(tree, filter="data")
    return tree


def differing(ours: dict[str, str], theirs: dict[str, str]) -> list[str]:
    """The documents whose outputs differ, or that only one side read."""
    return sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench ingest-same", description=__doc__.split("\n\n")[0])
    ap.add_argument("rev", nargs="?", default="main", help="the revision to compare with (default: main)")
    ap.add_argument("--mb", type=float, default=1.0, help="size of each speed-bench corpus read (MB of text)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = inputs(folder, args.mb)
        ours = digests(REPO, paths, folder / "ours.json")
        theirs = digests(export(args.rev, folder), paths, folder / "theirs.json")
    differ = differing(ours, theirs)
    print(f"{len(ours)} document outputs compared with {args.rev} over {len(paths)} files: "
          f"{len(ours) - len(differ)} identical, {len(differ)} differ")
    for key in differ[:20]:
        print(f"  differs: {key}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
