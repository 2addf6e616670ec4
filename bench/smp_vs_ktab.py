"""The SMP against KTAB's own ``smpc`` on the same KTAB scenario files: same results, and how fast.

    python -m bench smp                                  # SOE-Pol-Comp (the test fixture)
    KTAB_SMP_BIN=/path/to/smpc python -m bench smp --input a.csv --input b.xml --ktab-note "-O2"

KTAB is not part of accord and is never built here: point ``KTAB_SMP_BIN`` at an ``smpc`` you built
yourself (KAPSARC's KTAB, MIT licence). Without it only our side is measured.

What is timed, each the median of ``--repeat`` runs:

- ours, model: reading the scenario and ``SMP.run`` in this process (one warm-up run first);
- ours, process: a fresh ``python -c`` that reads the scenario and runs it, and separately a fresh
  ``python -c`` that only imports (interpreter and library start-up), so the difference is the work;
- KTAB, process: ``smpc --logmin`` with SQLite logging into a temporary folder (its least logging);
- KTAB, model: the "Elapsed time" its own log reports, median over the runs (wall clock from its
  start-up message to its end: reading the scenario, its model, its SQLite logging; no process
  loading).

Two ratios, each counted the same way on both sides: process ÷ process (what a user waits for, start-up
and reading included) and model ÷ model (our ``SMP.run`` against KTAB's own figure). Give a small and a
large input (``--input``, repeatable) to see both ends: start-up dominates small inputs.

"Identical" compares KTAB's printed history (every actor, dimension and state at one decimal, every
win probability at four) and state count with ours, printed the same way.

Results replace the "## SMP vs KTAB" section of docs/benchmarks.md (other sections are left alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from accord.forecast.smp import read_scenario
from accord.forecast.smp.ktab_log import KtabLog, first_difference, parse_log

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "benchmarks.md"
SECTION = "## SMP vs KTAB"
DEFAULT_INPUT = REPO / "tests" / "forecast" / "smp" / "data" / "SOE-Pol-Comp.csv"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _median_wall(command: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float, list[str]]:
    """Median wall-clock and CPU seconds (user + system, all threads) of a command, and each run's output."""
    walls, cpus, outs = [], [], []
    for _ in range(repeat):
        c0, t0 = _children_cpu(), time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, errors="replace", check=True)
        walls.append(time.perf_counter() - t0)
        cpus.append(_children_cpu() - c0)
        outs.append(done.stdout + done.stderr)
    return statistics.median(walls), statistics.median(cpus), outs


def _ours_in_process(path: Path, repeat: int):
    scenario = read_scenario(path)
    model = scenario.model()
    run = model.run(scenario.stakeholders, seed=scenario.seed)  # warm-up, and the run we compare
    walls = []
    for _ in range(repeat):
        # reading the scenario counted too, as KTAB's own "Elapsed time" counts its reading
        t0 = time.perf_counter()
        again = read_scenario(path)
        again.model().run(again.stakeholders, seed=again.seed)
        walls.append(time.perf_counter() - t0)
    return scenario, run, statistics.median(walls)


def _ours_process(path: Path, repeat: int) -> tuple[float, float, float]:
    """Wall and CPU seconds of a fresh Python reading and running the scenario; wall of one only importing."""
    work = (
        "from accord.forecast.smp import read_scenario; "
        f"s = read_scenario({str(path)!r}); s.model().run(s.stakeholders, seed=s.seed)"
    )
    startup = "from accord.forecast.smp import SMP, read_scenario"  # the model and the reader: what the work imports
    wall, cpu, _ = _median_wall([sys.executable, "-c", work], repeat)
    return wall, cpu, _median_wall([sys.executable, "-c", startup], repeat)[0]


def _ktab(binary: str, path: Path, repeat: int) -> tuple[float, float, float | None, KtabLog]:
    """KTAB's whole process (median wall, median CPU), the median of its own "Elapsed time", its last log."""
    with tempfile.TemporaryDirectory(prefix="smp-bench-") as tmp:
        local = Path(tmp) / path.name
        shutil.copy(path, local)
        kind = "--xml" if path.suffix.lower() == ".xml" else "--csv"
        command = [binary, "--logmin", "--connstr", f"Driver=QSQLITE;Database={Path(tmp) / 'ktab'}", kind, local.name]
        wall, cpu, outs = _median_wall(command, repeat, cwd=Path(tmp))
    logs = [parse_log(out) for out in outs]
    elapsed = [log.elapsed for log in logs if log.elapsed is not None]
    return wall, cpu, statistics.median(elapsed) if elapsed else None, logs[-1]


def _identical(scenario, run, log: KtabLog) -> tuple[bool, str]:
    """Whether KTAB's printed history equals ours printed alike; else where they first part."""
    actors, dims = scenario.stakeholders.actors, scenario.stakeholders.dimensions
    where = first_difference(log, run, actors, dims, scenario.stakeholders.scale)
    return where is None, where or "positions and win probabilities, every state"


def _commit() -> str:
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or "(not a git checkout)"


def _command(binary: str, argv: list[str]) -> str:
    """The command line that reproduces the table, with paths shown relative to the repository."""
    def short(a: str) -> str:
        try:
            return str(Path(a).resolve().relative_to(REPO))
        except ValueError:
            return a
    env = "KTAB_SMP_BIN=/path/to/smpc " if binary else ""
    return env + "python -m bench smp " + shlex.join(short(a) for a in argv)


def _ratio(r: float) -> str:
    """KTAB ÷ ours; below 1 also said the other way round, so a slower accord reads as such."""
    return f"{r:.2g}× (accord {1 / r:.1f}× slower)" if r < 1 else f"{r:.2g}×" if r < 10 else f"{r:.0f}×"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return f"{names[0] if names else platform.machine()}, {os.cpu_count()} CPUs"


def _write(section: str) -> None:
    """Replace our section of docs/benchmarks.md, or add it at the end; leave the rest as it is."""
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    start = text.find(SECTION + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        after = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + ("\n" + text[after + 1 :] if after >= 0 else "")
    DOC.write_text(text)


def section(inputs: list[Path], repeat: int, binary: str, ktab_note: str = "", command: str = "") -> str:
    """The "## SMP vs KTAB" section: every input measured on both sides (ours only without ``binary``)."""
    load_start = os.getloadavg()[0]
    rows = []
    for path in inputs:
        scenario, run, model_s = _ours_in_process(path, repeat)
        process_s, process_cpu, startup_s = _ours_process(path, repeat)
        if binary:
            ktab_s, ktab_cpu, elapsed, log = _ktab(binary, path, repeat)
            same, why = _identical(scenario, run, log)
            ktab_model = f"{elapsed:.3f}" if elapsed is not None else "–"
            by_model = _ratio(elapsed / model_s) if elapsed is not None else "–"
            ktab_cells = (
                f"{log.states} | {ktab_model} | {ktab_s:.3f} | {ktab_cpu:.3f} | {by_model}"
                f" | {_ratio(ktab_s / process_s)} | {_ratio(ktab_cpu / process_cpu)} | {'yes' if same else 'no'}: {why}"
            )
        else:
            ktab_cells = "– | – | – | – | – | – | – | KTAB_SMP_BIN not set"
        n, d = scenario.stakeholders.positions.shape
        rows.append(
            f"| {path.name} | {n}×{d} | {run.states} | {model_s:.4f} | {process_s:.3f} | {process_cpu:.3f}"
            f" | {startup_s:.3f} | {ktab_cells} |"
        )

    note = f" ({ktab_note})" if ktab_note else ""
    lines = [
        SECTION,
        "",
        f"{dt.date.today().isoformat()} · {machine()} · Python {platform.python_version()} · NumPy {np.__version__}"
        f" · KTAB smpc{note}: {'`' + Path(binary).name + '` --logmin' if binary else 'not run'} · median of {repeat}"
        f" · load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end · accord {_commit()}",
        "",
        f"Command: `{command}`",
        "",
        "Seconds. *ours model*: reading the scenario and `SMP.run`, in process; *ours process*: a fresh Python reading and running the"
        " scenario; *start-up*: a fresh Python importing accord's SMP only; *KTAB model*: the run time KTAB's"
        " own log reports (\"Elapsed time\", wall clock from its start-up message to its end: reading the scenario,"
        " the model and its SQLite logging; not the process's loading and start-up), median over the runs;"
        " *ours CPU*, *KTAB CPU*: user + system seconds of the whole process over its threads."
        " Ratios, KTAB ÷ ours, each counted alike on both sides: *model ÷ model*, *process ÷"
        " process* (wall) and *CPU ÷ CPU* (whole processes; above 1: accord is faster; below 1: slower)."
        " Inputs not in tests/forecast/smp/data are KTAB's own examples (examples/smp/doc in its repository).",
        "",
        "| input | actors×dims | states | ours model | ours process | ours CPU | Python start-up | KTAB states"
        " | KTAB model | KTAB process | KTAB CPU | model ÷ model | process ÷ process | CPU ÷ CPU | identical |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    return "\n".join(lines)


def ktab_binary() -> str:
    """``KTAB_SMP_BIN`` if it names a file, else "" (with a word on stderr when it is set but wrong)."""
    binary = os.environ.get("KTAB_SMP_BIN", "")
    if binary and not Path(binary).is_file():
        print(f"KTAB_SMP_BIN={binary} is not a file; measuring our side only", file=sys.stderr)
        return ""
    return binary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench smp", description=__doc__.split("\n")[0])
    parser.add_argument("--input", action="append", type=Path, help="KTAB scenario (.csv/.xml); repeatable")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ktab-note", default="", help="how the KTAB binary was built, for the record")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    binary = ktab_binary()
    command = _command(binary, argv if argv is not None else sys.argv[1:])
    text = section(args.input or [DEFAULT_INPUT], args.repeat, binary, args.ktab_note, command)
    print(text)
    if not args.no_write:
        _write(text)
        print(f"(written to {DOC.relative_to(REPO)})")
    return 0

if __name__ == "__main__":
    sys.exit(main())
