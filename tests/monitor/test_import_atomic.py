"""kill -9 in the middle of `accord monitor import`: the process is killed after its reports were
written to the store (one batch) but before the transaction committed; the store then holds nothing of the import
(no report, no transaction), opens as before, and the same import run again writes every row."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

from accord.record.model import Report
from accord.store import Store
from tests.monitor.conftest import DATA

SAMPLE = DATA / "acled-sample.csv"

# the import as the CLI runs it, with a write that kills its own process once its rows are in
KILLED = textwrap.dedent("""
    import os, signal, sys
    from accord.store.store import UnitOfWork
    from accord.cli.main import main

    real = UnitOfWork.add_batch

    def add_then_die(self, *args):
        real(self, *args)
        os.kill(os.getpid(), signal.SIGKILL)

    UnitOfWork.add_batch = add_then_die
    sys.argv = ["accord", "--db", sys.argv[1], "monitor", "import", sys.argv[2], "--format", "acled"]
    main()
""")


def _accord(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from accord.cli.main import main; main()", *args],
                          capture_output=True, text=True)


def test_kill_9_mid_import_leaves_nothing_half_written(tmp_path):
    db = str(tmp_path / "store.db")
    assert _accord("--db", db, "case", "load", "syria-2015").returncode == 0
    store = Store.open(db)
    before = {r.id for r in store.snapshot("syria-2015").all(Report)}
    store.close()

    killed = subprocess.run([sys.executable, "-c", KILLED, db, str(SAMPLE)], capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL

    store = Store.open(db)
    assert {r.id for r in store.snapshot("syria-2015").all(Report)} == before
    with store.engine.connect() as conn:
        ops = [op for (op,) in conn.exec_driver_sql("SELECT operation FROM tx")]
    store.close()
    assert "monitor import" not in ops

    again = _accord("--db", db, "monitor", "import", str(SAMPLE), "--format", "acled", "--json")
    assert again.returncode == 2  # the sample's bad rows; its good ones are written this time
    assert json.loads(again.stdout)["imported"] == 4
