"""Ingest on a real Dask LocalCluster: the local engine's output, and exactly once through a kill -9 of a
worker or of the client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.ingest.synthetic import write_jsonl

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
runner = CliRunner()


def make_case(db: str, case_id: str = "t") -> None:
    from accord.record.model import Case
    from accord.store import Store

    store = Store.open(db)
    with store.unit_of_work(case_id, by="test") as uow:
        uow.put(Case(id=case_id, name="Test case"))
    store.close()


def stored(db: str) -> dict[str, list[tuple]]:
    """Each stored document's candidates (kind, span, data), in order; and how many versions each has."""
    from sqlalchemy import func, select

    from accord.ingest.queue import candidate
    from accord.store import Store
    from accord.store.schema import record as R

    store = Store.open(db)
    with store.engine.connect() as conn:
        q = select(R.c.id, func.count()).where(R.c.kind == "document").group_by(R.c.id)
        versions = {doc: n for doc, n in conn.execute(q)}
        out: dict[str, list[tuple]] = {d: [] for d in versions}
        q = select(candidate).order_by(candidate.c.id)
        for row in conn.execute(q):
            out[row.document_id].append((row.kind, row.start, row.end, json.dumps(row.data, sort_keys=True)))
    store.close()
    assert set(versions.values()) <= {1}, "a document was written twice"
    return out


def accord(*args: str) -> list[str]:
    return [sys.executable, "-c", "from accord.cli.main import main; main()", *args]


def test_dask_engine_stores_and_prints_what_the_local_engine_does(tmp_path, sqlite_url):
    db_url = sqlite_url
    data = tmp_path / "a.jsonl"
    write_jsonl(str(data), 30, seed=5)
    with data.open("a") as f:  # a bad line and a copy of an article: the same report on both engines
        f.write("{not json\n" + data.read_text().splitlines()[3] + "\n")
    local_db = str(tmp_path / "local.db")
    make_case(local_db)
    make_case(db_url)
    local = runner.invoke(app, ["--db", local_db, "ingest", str(data), "--case", "t", "--json"])
    dask = subprocess.run(accord("--db", db_url, "ingest", str(data), "--case", "t", "--json", "--engine", "dask",
                                 "--workers", "2", "--partition", "4"), capture_output=True, text=True, env=ENV)
    assert local.exit_code == 1 and dask.returncode == 1, dask.stderr  # the bad line fails, the rest goes on
    assert dask.stdout == local.stdout
    out = [json.loads(x) for x in dask.stdout.splitlines()]
    assert len(out) == 32 and out[-1]["document"]["already_ingested"] and "a.jsonl:31" in out[30]["errors"][0]
    assert stored(db_url) == stored(local_db) and len(stored(db_url)) == 30


def test_a_worker_killed_midway_loses_and_duplicates_nothing(tmp_path, db_url):
    from distributed import Client, LocalCluster

    data = tmp_path / "k.jsonl"
    n = 160
    write_jsonl(str(data), n, seed=11)
    make_case(db_url)
    log = tmp_path / "stderr.txt"
    with log.open("w") as stderr, LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        proc = subprocess.Popen(accord("--db", db_url, "ingest", str(data), "--case", "t", "--json", "--engine", "dask",
                                       "--scheduler", cluster.scheduler_address, "--partition", "2"),
                                stdout=subprocess.PIPE, stderr=stderr, env=ENV, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the first partition is stored: the run is under way
        busy = [w for w, keys in client.has_what().items() if keys] + [w for w, keys in client.processing().items() if keys]
        assert busy, "no worker had a task to lose"
        pids = client.run(os.getpid)
        os.kill(pids[busy[0]], signal.SIGKILL)
        rest = proc.stdout.read()  # communicate() would drop what readline() left in the buffer
        proc.wait()
    assert proc.returncode == 0, log.read_text()
    out = [json.loads(x) for x in (first + rest).splitlines()]
    assert len(out) == n and not any(o["errors"] or o["document"].get("already_ingested") for o in out)
    local_db = str(tmp_path / "local.db")
    make_case(local_db)
    local = runner.invoke(app, ["--db", local_db, "ingest", str(data), "--case", "t", "--json"])
    assert local.stdout == first + rest
    assert stored(db_url) == stored(local_db)


def test_the_client_killed_midway_then_run_again_ingests_every_article_exactly_once(tmp_path):
    db, data = str(tmp_path / "c.db"), tmp_path / "c.jsonl"
    n = 120
    write_jsonl(str(data), n, seed=13)
    make_case(db)
    cmd = accord("--db", db, "ingest", str(data), "--case", "t", "--json", "--engine", "dask", "--workers", "1",
                 "--partition", "4")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV, text=True,
                            start_new_session=True)
    assert proc.stdout is not None
    for _ in range(12):  # each line is printed after its partition is committed
        assert proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    os.killpg(proc.pid, signal.SIGKILL)  # its LocalCluster's workers, orphaned
    done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    assert done.returncode == 0, done.stderr
    out = [json.loads(x) for x in done.stdout.splitlines()]
    assert len(out) == n and sum(bool(o["document"].get("already_ingested")) for o in out) >= 12
    local_db = str(tmp_path / "local.db")
    make_case(local_db)
    runner.invoke(app, ["--db", local_db, "ingest", str(data), "--case", "t"])
    assert stored(db) == stored(local_db) and len(stored(db)) == n


def test_engine_errors_are_one_line():
    r = runner.invoke(app, ["ingest", "x.txt", "--engine", "spark"])
    assert r.exit_code == 2 and "--engine 'spark': expected local or dask" in r.output
    r = runner.invoke(app, ["ingest", "x.txt", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 2 and "cannot reach a Dask scheduler" in r.output
