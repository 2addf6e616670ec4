"""One racer of a concurrency test: a real process that runs accord in rounds, each started at a barrier.

    python -m tests.reliability.racer DB cli ARGS...          the accord CLI, in-process (one round)
    python -m tests.reliability.racer DB cli-each V1,V2,.. ARGS...  one round per value; {} in ARGS is the value
    python -m tests.reliability.racer DB set CASE ISSUE ACTOR VALUE BY ROUNDS
        read the case (accord.store.writes.read), build the position, wait at the barrier, write it:
        both racers have read the same version before either writes

The barrier is a pipe: before each round the racer prints ``ready`` and waits for a line on stdin.
After each round it prints one JSON line: {"exit": code, "out": stdout, "err": stderr}.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys


def _barrier() -> None:
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        sys.exit(3)


def _report(code: int, out: str, err: str) -> None:
    print(json.dumps({"exit": code, "out": out, "err": err}), flush=True)


def _cli(db: str, args: list[str]) -> tuple[int, str, str]:
    from accord.cli.main import app

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            app(["--db", db, *args], prog_name="accord")
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def _set(db: str, case: str, issue: str, actor: str, value: str, by: str, rounds: int) -> None:
    from accord.errors import AccordError
    from accord.record.dates import FuzzyDate
    from accord.record.model import Citation, Position
    from accord.store import Store, writes

    store = Store.open(db)
    cite = [Citation(url="https://example.org/race")]
    for i in range(rounds):
        seen = writes.read(store, case)
        rec = Position(issue=issue, actor=actor, value=float(value), salience=0.5, date=FuzzyDate.parse("2020-06-01"),
                       cite=cite, note=f"{by} round {i}")
        _barrier()
        try:
            version = writes.write(store, seen, rec, by, "position set", cite)
            _report(0, str(version), "")
        except AccordError as e:
            _report(2, "", str(e))


def main(argv: list[str]) -> None:
    db, mode, *rest = argv
    if mode == "cli":
        _barrier()
        _report(*_cli(db, rest))
    elif mode == "cli-each":
        values, *args = rest
        _cli(db, ["case", "list"])  # imports and the first connection before the first barrier
        for v in values.split(","):
            _barrier()
            _report(*_cli(db, [a.replace("{}", v) for a in args]))
    elif mode == "set":
        case, issue, actor, value, by, rounds = rest
        _set(db, case, issue, actor, value, by, int(rounds))
    else:
        sys.exit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])


# ------------------------------------------------------------------------------------- the parent side

REPO = __import__("pathlib").Path(__file__).resolve().parents[2]


def race(db: str, *racers: list[str], rounds: int = 1, timeout: float = 300) -> list[list[dict]]:
    """Start one process per racer (its arguments after DB), release them together at each round's
    barrier; per round, each racer's {"exit", "out", "err"}."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-m", "tests.reliability.racer", db, *args], cwd=REPO, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for args in racers]
    results: list[list[dict]] = []
    try:
        for _ in range(rounds):
            for p in procs:
                line = p.stdout.readline()
                if line != "ready\n":
                    raise AssertionError(f"racer not ready: {line!r} {p.stderr.read()}")
            for p in procs:  # both are waiting: release them together
                p.stdin.write("go\n")
                p.stdin.flush()
            results.append([json.loads(p.stdout.readline() or "null") or {"exit": None, "err": p.stderr.read()}
                            for p in procs])
        for p in procs:
            p.stdin.close()
            p.wait(timeout=timeout)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    return results
