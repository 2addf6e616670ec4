"""Fault injection: kill -9 a writing command at a random moment, then check the store and rerun it.

    python -m bench faults                     # 5 trials per command per backend, SQLite and PostgreSQL
    python -m bench faults --trials 20 --backends sqlite

For each command (`case load` of a generated bundle of ~35k records, `ingest` of a JSONL corpus into a
case, `position set`, `review accept`) and each backend:

1. Prepare the store the command starts from (a SQLite file copied, a PostgreSQL database cloned from a
   template), and a reference: the same start with the command run to its end, undisturbed.
2. Per trial: start the command, kill it with SIGKILL after a random delay (uniform between a quarter
   of the reference run's duration and all of it, so that most kills land after the imports, while it
   reads, computes or writes; a command that ends first is checked the same way, does not count as a
   trial, and shortens the delays to its duration), then check the store:
   - every version chain well formed (``check_store``): versions 1..n of each record, every one but the
     last closed by the transaction that opened the next, at the same time; no current version after a
     deletion's; every transaction a version names exists and belongs to the case; an accepted candidate
     names a record that exists, a pending one none;
   - no half transaction: the store is exactly the start or exactly the reference (for ingest, which
     commits a document at a time, a prefix of the reference's documents is also whole);
3. rerun the command to its end: the store must then be exactly the reference (exactly once: nothing
   lost, nothing written twice).

"Exactly" compares every version of every record (id, version, operation, data, open or closed) and
every review candidate (document, kind, span, text, status, record), not times or transaction numbers.
Results go to the "Fault injection" part of docs/reliability.md (other text is left alone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "reliability.md"
START, END = "<!-- faults: start -->", "<!-- faults: end -->"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
CORPUS = REPO / "tests" / "ingest" / "corpus" / "dev.jsonl"
COMMANDS = ("case load", "ingest", "position set", "review accept")


# ---------------------------------------------------------------------------------------- the store


def _engine(target: str):
    import sqlalchemy as sa

    url = target if "://" in target else f"sqlite:///{target}"
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def digest(target: str) -> dict[str, Any]:
    """What the store holds, without times or transaction numbers: comparable across runs."""
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            versions = sorted(
                tuple(r) for r in conn.exec_driver_sql(
                    "SELECT case_id, id, version, op, coalesce(data, ''), known_to IS NULL FROM record")
            )
            candidates = sorted(
                tuple(str(v) for v in r) for r in conn.exec_driver_sql(
                    'SELECT case_id, document_id, kind, start, "end", text, status, coalesce(record_id, \'\') '
                    "FROM ingest_candidate")
            )
    finally:
        engine.dispose()
    return {"versions": versions, "candidates": candidates}


def check_store(target: str) -> list[str]:
    """Problems with the version chains and the review queue; empty when the store is well formed."""
    engine = _engine(target)
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            txs = {r[0]: r[1] for r in conn.exec_driver_sql("SELECT id, case_id FROM tx")}
            rows = conn.exec_driver_sql(
                "SELECT case_id, id, version, op, data IS NULL, tx_from, known_from, tx_to, known_to "
                "FROM record ORDER BY case_id, id, version").all()
            live = {(r[0], r[1]) for r in rows if r[8] is None and not r[4]}
            queue = conn.exec_driver_sql(
                "SELECT id, case_id, status, record_id FROM ingest_candidate").all()
    finally:
        engine.dispose()
    chains: dict[tuple[str, str], list[Any]] = {}
    for r in rows:
        chains.setdefault((r[0], r[1]), []).append(r)
    for (case, rid), chain in chains.items():
        where = f"{case}/{rid}"
        if [r[2] for r in chain] != list(range(1, len(chain) + 1)):
            problems.append(f"{where}: versions {[r[2] for r in chain]}, not 1..{len(chain)}")
            continue
        if chain[0][3] != "create":
            problems.append(f"{where}: version 1 is a {chain[0][3]}")
        for a, b in zip(chain, chain[1:]):
            if a[7] != b[5] or a[8] != b[6]:
                problems.append(f"{where}: version {a[2]} not closed by the transaction that opened {b[2]}")
            if a[4] and b[3] != "create":
                problems.append(f"{where}: version {b[2]} after a deletion is a {b[3]}")
        if chain[-1][8] is not None or chain[-1][7] is not None:
            problems.append(f"{where}: the last version is closed")
        for r in chain:
            if (r[3] == "delete") != r[4]:
                problems.append(f"{where}: version {r[2]} ({r[3]}) {'has no' if r[4] else 'has'} data")
            for t in (r[5], r[7]):
                if t is not None and txs.get(t) != case:
                    problems.append(f"{where}: version {r[2]} names transaction {t}, not one of the case")
    for cid, case, status, record_id in queue:
        if status == "accepted" and record_id is not None and (case, record_id) not in live:
            problems.append(f"candidate {cid}: accepted as {record_id}, which is not in the case")
        if status == "pending" and record_id is not None:
            problems.append(f"candidate {cid}: pending but names record {record_id}")
    return problems


# ---------------------------------------------------------------------------------------- backends


class Sqlite:
    name = "SQLite"

    def __init__(self, workdir: Path):
        self.workdir = workdir

    def fresh(self, label: str) -> str:
        path = self.workdir / f"{label}.db"
        for p in self.workdir.glob(path.name + "*"):
            p.unlink()
        return str(path)

    def copy(self, template: str, label: str) -> str:
        import sqlite3

        with sqlite3.connect(template) as conn:  # everything in the main file: the copy is whole
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        out = self.fresh(label)
        shutil.copyfile(template, out)
        return out

    def drop(self, target: str) -> None:
        for p in Path(target).parent.glob(Path(target).name + "*"):
            p.unlink()


class Postgres:
    name = "PostgreSQL"

    def __init__(self, url: str):
        self.url = url
        self.base = url.rsplit("/", 1)[0]

    def _admin(self, sql: str) -> None:
        import sqlalchemy as sa

        engine = sa.create_engine(self.url.replace("postgresql://", "postgresql+psycopg://", 1),
                                  isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
        engine.dispose()

    def fresh(self, label: str) -> str:
        name = f"accord_faults_{label}".replace(" ", "_").replace("-", "_")
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self._admin(f"CREATE DATABASE {name}")
        return f"{self.base}/{name}"

    def copy(self, template: str, label: str) -> str:
        name = f"accord_faults_{label}".replace(" ", "_").replace("-", "_")
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self._admin(f"CREATE DATABASE {name} TEMPLATE {template.rsplit('/', 1)[1]}")
        return f"{self.base}/{name}"

    def drop(self, target: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {target.rsplit('/', 1)[1]} WITH (FORCE)")


# ---------------------------------------------------------------------------------------- commands


def _accord() -> list[str]:
    exe = Path(sys.executable).with_name("accord")
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from accord.cli.main import main; main()"]


def run(target: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([*_accord(), "--db", target, *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise SystemExit(f"accord {' '.join(args)}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return proc


def _bundle(workdir: Path) -> Path:
    from bench.store_bench import generate_bundle

    folder = workdir / "bundle"
    if not (folder / "positions.yaml").exists():
        generate_bundle(folder, 3000, 3, 30_000)
    return folder


def prepare(command: str, target: str, workdir: Path) -> list[str]:
    """Bring a fresh store to where the command starts; return the command's arguments."""
    if command == "case load":
        return ["case", "load", str(_bundle(workdir)), "--by", "faults"]
    run(target, "case", "load", "syria-2015", "--by", "faults")
    if command == "ingest":
        return ["ingest", str(CORPUS), "--case", "syria-2015"]
    if command == "position set":
        return ["position", "set", "assad-role", "russia", "70", "--date", "2016-02-01",
                "--cite", "https://example.org/faults", "--by", "faults"]
    run(target, "ingest", str(CORPUS), "--case", "syria-2015")
    pending = json.loads(run(target, "review", "list", "--case", "syria-2015", "--kind", "quote", "--json").stdout)
    return ["review", "accept", str(pending[0]["id"]), "--case", "syria-2015", "--by", "faults"]


def _documents(d: dict[str, Any]) -> set[str]:
    return {c[1] for c in d["candidates"]}


def trial(backend: Any, template: str, args: list[str], start: dict[str, Any], done: dict[str, Any],
          duration: float, rng: random.Random, command: str) -> dict[str, Any]:
    target = backend.copy(template, "trial")
    try:
        delay = rng.uniform(0.25, 1.0) * duration
        proc = subprocess.Popen([*_accord(), "--db", target, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        problems = check_store(target)
        after = digest(target)
        if after == start:
            state = "start"
        elif after == done:
            state = "done"
        elif (command == "ingest" and set(after["versions"]) <= set(done["versions"]) | set(start["versions"])
              and set(after["candidates"]) <= set(done["candidates"])
              and all(c in after["candidates"] for c in done["candidates"] if c[1] in _documents(after))):
            state = "whole documents"  # ingest commits a document at a time
        else:
            state = "HALF"
            problems.append("the store is neither the start nor the end (nor whole documents)")
        again = run(target, *args, check=False)
        if again.returncode not in (0, 2):
            problems.append(f"the rerun exited {again.returncode}: {again.stderr.strip()[-300:]}")
        problems += check_store(target)
        if digest(target) != done:
            problems.append("after the rerun the store differs from the undisturbed run's")
        return {"delay_s": delay, "killed": not finished, "state": state, "problems": problems}
    finally:
        backend.drop(target)


def run_command(backend: Any, command: str, trials: int, workdir: Path, rng: random.Random) -> dict[str, Any]:
    from accord.store import Store

    template = backend.fresh("template")
    Store.open(template).close()  # the tables, as the command's first open makes them
    args = prepare(command, template, workdir)
    start = digest(template)
    reference = backend.copy(template, "reference")
    t = time.perf_counter()
    run(reference, *args)
    duration = time.perf_counter() - t
    done = digest(reference)
    assert not check_store(reference) and done != start, f"{command}: the reference run changed nothing"
    backend.drop(reference)
    results = []
    # a trial whose command ends before the kill is checked too but not counted: the machine is shared
    # and a run's length varies, so the delays then shrink to the shortest run seen
    while sum(r["killed"] for r in results) < trials and len(results) < 3 * trials:
        r = trial(backend, template, args, start, done, duration, rng, command)
        print(f"{backend.name} {command} #{len(results) + 1}: {'killed' if r['killed'] else 'finished'} after "
              f"{r['delay_s']:.2f} s, store {r['state']}, {len(r['problems'])} problems", file=sys.stderr)
        for p in r["problems"][:5]:
            print(f"    {p}", file=sys.stderr)
        if not r["killed"]:
            duration = min(duration, r["delay_s"])
        results.append(r)
    backend.drop(template)
    return {"backend": backend.name, "command": command, "duration_s": duration, "trials": results}


# ---------------------------------------------------------------------------------------- report


def render(results: list[dict[str, Any]], command: str, info: dict[str, Any]) -> str:
    lines = [
        START,
        "",
        f"`{command}` on {info['date']}, commit {info['commit']}, {info['nproc']} cores shared, load average "
        f"{info['loadavg']:.1f} at the start. Each trial kills the command with SIGKILL after a random delay "
        "(a quarter to all of an undisturbed run's duration), checks the store, reruns the command and "
        "compares the store with the undisturbed run's (bench/faults.py says exactly what is checked). A "
        "command that ended before its kill is checked the same way but not counted as a trial.",
        "",
        "| backend | command | undisturbed run | trials (killed) | also ended first | store after the kill: start / end / "
        "whole documents | failed |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for r in results:
        ts = r["trials"]
        states = [sum(t["state"] == s for t in ts if t["killed"]) for s in ("start", "done", "whole documents")]
        failed = sum(bool(t["problems"]) for t in ts)
        lines.append(
            f"| {r['backend']} | `{r['command']}` | {r['duration_s']:.1f} s | {sum(t['killed'] for t in ts)} "
            f"| {sum(not t['killed'] for t in ts)} | {' / '.join(map(str, states))} | **{failed}** |"
        )
    total = sum(t["killed"] for r in results for t in r["trials"])
    ended = sum(not t["killed"] for r in results for t in r["trials"])
    failed = sum(bool(t["problems"]) for r in results for t in r["trials"])
    lines += ["", f"{total} commands killed, {failed} failed (and {ended} that ended before their kill, "
              "checked the same way).", "", END]
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = DOC) -> None:
    doc = path.read_text(encoding="utf-8")
    if START in doc and END in doc:
        doc = doc[: doc.index(START)] + text.rstrip("\n") + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip("\n") + "\n\n### Fault injection\n\n" + text
    path.write_text(doc, encoding="utf-8")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench faults", description=__doc__.split("\n\n")[0])
    p.add_argument("--trials", type=int, default=5, help="trials per command per backend (5)")
    p.add_argument("--backends", default="sqlite,postgresql")
    p.add_argument("--commands", default=",".join(COMMANDS))
    p.add_argument("--pg-url", default=os.environ.get("ACCORD_BENCH_PG_URL", DEFAULT_PG))
    p.add_argument("--workdir", default="/tmp/accord-faults")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--no-write", dest="write", action="store_false", help=f"print, do not update {DOC.name}")
    args = p.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    backends = [Sqlite(workdir) if b == "sqlite" else Postgres(args.pg_url)
                for b in args.backends.split(",") if b.strip()]
    commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    unknown = set(commands) - set(COMMANDS)
    if unknown:
        raise SystemExit(f"--commands: unknown {sorted(unknown)}; known: {', '.join(COMMANDS)}")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    info = {"date": dt.date.today().isoformat(), "commit": commit or "?", "nproc": os.cpu_count(),
            "loadavg": os.getloadavg()[0]}
    results = [run_command(b, c, args.trials, workdir, rng) for b in backends for c in commands]
    command = "python -m bench faults" + ("" if not argv else " " + " ".join(argv))
    text = render(results, command, info)
    print(text)
    (workdir / "faults.json").write_text(json.dumps({"command": command, "info": info, "results": results}, indent=1))
    if args.write:
        write_section(text)
    failed = sum(bool(t["problems"]) for r in results for t in r["trials"])
    return 1 if failed else 0
