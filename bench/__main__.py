"""``python -m bench`` lists the benchmarks; ``python -m bench NAME [options]`` runs one.

A benchmark is a module of this package with ``main(argv: list[str]) -> int``; name it in BENCHMARKS
(one line) to make it runnable here.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS: dict[str, tuple[str, str]] = {
    # name: (module, one-line description)
    "store": ("bench.store_bench", "record store: bulk load records/s, point and as-of read latency"),
    "ingest": ("bench.ingest_speed", "ingest pipeline speed"),
    "monitor": ("bench.monitor_speed", "monitor merge, compliance and import speed"),
    "smp": ("bench.smp_vs_ktab", "SMP forecast against KTAB"),
    "forecast": ("bench.forecast_montecarlo", "issue 13: forecast speed against its goals, SMP vs KTAB, backtest on real EU decisions"),
    "deu": ("bench.deu_backtest", "backtest on real EU decisions (DEU III, read from ACCORD_DEU_DIR)"),
    "serve": ("bench.serve_bench", "accord serve: 200 concurrent readers of the overview, p95 and requests/s"),
    "faults": ("bench.faults", "kill -9 during case load, ingest, position set, review accept; store checked, rerun exactly once"),
    "fuzz": ("bench.fuzz", "mutation fuzzing of every reader of user input: inputs, failures, hangs, crashes by target"),
    "ingest-dask": ("bench.ingest_dask", "ingest throughput: local engine beside Dask with 1 and 2 workers"),
    "speaker-model": ("bench.speaker_model", "a trained re-ranker of direct quotes' speakers against the rules: leave-one-split-out"),
    "ingest-same": ("bench.ingest_same", "ingest outputs unchanged: every dev split and the speed corpus, this checkout against main"),
}


def _usage() -> str:
    lines = ["usage: python -m bench NAME [options]   (python -m bench NAME --help for options)", "", "benchmarks:"]
    lines += [f"  {name:<8} {desc}" for name, (_, desc) in BENCHMARKS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(_usage())
        return 0
    name, rest = argv[0], argv[1:]
    if name not in BENCHMARKS:
        print(f"unknown benchmark {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    module_name = BENCHMARKS[name][0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name != module_name:
            raise
        print(f"benchmark {name!r}: module {module_name} is not there yet", file=sys.stderr)
        return 2
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
