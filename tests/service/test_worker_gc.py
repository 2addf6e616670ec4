"""A worker made by the process managers' factory (accord.api.app.from_environment) has frozen what it
holds once made and collects its oldest generation rarely (accord.api.app.long_lived_heap). Run in its
own process: freezing is process-wide."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import gc, json
from accord.api.app import from_environment
before = gc.get_threshold()
from_environment()
print(json.dumps({"frozen": gc.get_freeze_count(), "before": before, "after": gc.get_threshold()}))
"""


def test_a_worker_freezes_what_it_holds_once_made_and_collects_the_oldest_generation_rarely(tmp_path):
    env = {**os.environ, "ACCORD_DB": str(tmp_path / "accord.db")}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["frozen"] > 10_000  # modules, the framework, the store: not walked by collections again
    assert seen["after"] == [seen["before"][0], seen["before"][1], 1000]
