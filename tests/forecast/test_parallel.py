"""An issue forecast computed with a second process (accord/forecast/parallel.py) is the one computed in
one process, field for field; a child that fails only means the parent does the work, and a parent
that fails stops its child."""

from __future__ import annotations

import dataclasses
import json
import os

import numpy as np
import pytest

from accord.forecast import parallel, report
from accord.forecast.base import Stakeholders
from accord.forecast.registry import make
from accord.forecast.report import forecast_issue
from accord.forecast.smp.params import SMPParameterError


@pytest.fixture(autouse=True)
def _forking(monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", "")  # every report computed, none read back
    monkeypatch.setenv("ACCORD_FORECAST_FORK", "1")
    monkeypatch.setattr(parallel, "cpus", lambda: 2)  # fork even where the test runs on one CPU
    monkeypatch.setattr(parallel, "idle_cpus", lambda: 2.0)  # or on a busy machine


def _noisy() -> Stakeholders:
    rng = np.random.default_rng(7)
    n = 8
    return Stakeholders(
        tuple(f"a{i}" for i in range(n)), rng.uniform(0, 100, (n, 1)), rng.uniform(0.3, 1, (n, 1)),
        rng.uniform(0.5, 3, n), position_sd=np.full((n, 1), 5.0), capability_sd=np.full(n, 0.2),
    )


def _everything(r: report.IssueForecast) -> str:
    return json.dumps([r.to_json(), r.to_cache()], sort_keys=True)


def test_two_processes_give_the_one_process_report(monkeypatch):
    forked = []
    worker = parallel.worker
    monkeypatch.setattr(parallel, "worker", lambda *a, **k: forked.append(worker(*a, **k)) or forked[-1])
    models = ["weighted-median", "nash", "eum", "smp"]
    two = forecast_issue("x", None, _noisy(), [make(m) for m in models], draws=300, processes=2)
    assert len(forked) == 1 and forked[0] is not None  # a helper computed the EUM and shared the SMP
    one = forecast_issue("x", None, _noisy(), [make(m) for m in models], draws=300, processes=1)
    assert len(forked) == 1
    assert _everything(two) == _everything(one)


def test_a_forecast_in_the_cache_forks_no_helper(monkeypatch, tmp_path):
    """The helper is forked once the forecast is known not to be cached: reading one back costs no fork."""
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    forked = []
    worker = parallel.worker
    monkeypatch.setattr(parallel, "worker", lambda *a, **k: forked.append(worker(*a, **k)) or forked[-1])
    models = ["nash", "eum"]
    first = forecast_issue("x", None, _noisy(), [make(m) for m in models], draws=100, processes=2)
    assert len(forked) == 1
    again = forecast_issue("x", None, _noisy(), [make(m) for m in models], draws=100, processes=2)
    assert len(forked) == 1 and _everything(again) == _everything(first)


def _fork(fn) -> parallel.Child | None:
    """A worker given its job at once, computing ``fn()``."""
    child = parallel.worker(lambda: None, lambda job: fn())
    parallel.send(child, "go")
    return child


def test_a_child_that_fails_or_dies_gives_way_to_the_parent():
    assert parallel.finish(_fork(lambda: {"a": [1.5]})) == {"a": [1.5]}
    assert parallel.finish(_fork(lambda: 1 / 0)) is parallel.FAILED
    assert parallel.finish(_fork(lambda: os._exit(3))) is parallel.FAILED
    assert parallel.finish(_fork(lambda: lambda: 0)) is parallel.FAILED  # cannot be pickled
    assert parallel.finish(parallel.worker(lambda: 1 / 0, lambda job: job)) is parallel.FAILED  # no job: it ends


def test_off_or_on_one_cpu_nothing_forks(monkeypatch):
    monkeypatch.setenv("ACCORD_FORECAST_FORK", "0")
    assert _fork(lambda: 1) is None and parallel.finish(None) is parallel.FAILED
    monkeypatch.setenv("ACCORD_FORECAST_FORK", "1")
    monkeypatch.setattr(parallel, "cpus", lambda: 1)
    assert _fork(lambda: 1) is None
    monkeypatch.setattr(parallel, "cpus", lambda: 2)
    monkeypatch.setattr(parallel, "idle_cpus", lambda: 0.5)  # busy: the second process would only queue
    assert _fork(lambda: 1) is None


def test_the_models_error_is_raised_by_the_parent():
    data = _noisy()
    silent = dataclasses.replace(data, salience=np.where(np.arange(8)[:, None] == 3, 0.0, data.salience))
    with pytest.raises(SMPParameterError, match="zero salience"):
        forecast_issue("x", None, silent, [make("nash"), make("smp")], draws=100, processes=2)


def test_a_parent_that_fails_stops_and_reaps_its_child(monkeypatch):
    started = []
    worker = parallel.worker
    monkeypatch.setattr(parallel, "worker", lambda *a, **k: started.append(worker(*a, **k)) or started[-1])

    def broken(self, data, **kw):
        raise RuntimeError("nash broke")

    monkeypatch.setattr(type(make("nash")), "run", broken)
    with pytest.raises(RuntimeError, match="nash broke"):
        forecast_issue("x", None, _noisy(), [make("nash"), make("smp")], draws=100, processes=2)
    pid = started[0].pid
    with pytest.raises(ChildProcessError):  # already reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.parametrize("model", ["eum", "smp", "nash"])
@pytest.mark.parametrize("tolerance", [None, 0.005, 0.5])
@pytest.mark.parametrize("order", ["child first", "parent first", "taking turns"])
def test_two_ways_make_the_one_way_monte_carlo(model, tolerance, order, monkeypatch):
    # the two sides' claims interleaved in one process, in every order they can meet: the draws used and
    # the samples are monte_carlo's, bit for bit
    from accord.forecast.montecarlo import TwoWays, monte_carlo

    data, draws = _noisy(), 650
    want = monte_carlo(make(model), data, draws=draws, seed=4, tolerance=tolerance)
    two = TwoWays(make(model), data, draws, 4, tolerance)
    if order == "child first":
        head, ok = two.forward()
        tail = two.backward()
    elif order == "parent first":
        tail = two.backward()
        head, ok = two.forward()
    else:  # each chunk the child forecasts, the parent claims one from the back meanwhile
        tail = {}
        forecast = two._part

        def turn(lo, hi):
            if lo < two.draws // 2 and not two._counters[2]:
                with two._lock:
                    front, back = int(two._counters[0]), int(two._counters[1])
                    start = max(front, ((back - 1) // 100) * 100)
                    if start < back:
                        two._counters[1] = start
                        tail[start] = forecast(start, back)
            return forecast(lo, hi)

        monkeypatch.setattr(two, "_part", turn)
        head, ok = two.forward()
        assert tail  # the parent did take part while the child went
        tail.update(two.backward())
    got = two.result(head, ok, tail)
    assert got.draws == want.draws
    assert np.array_equal(got.samples, want.samples)
    assert got.interval(0.9) == want.interval(0.9)


def test_a_gap_between_the_two_parts_means_computing_it_whole():
    from accord.forecast.montecarlo import TwoWays

    two = TwoWays(make("nash"), _noisy(), 300, 0, None)
    head = two._part(0, 100)
    assert two.result(head, False, {200: two._part(200, 300)}) is None
