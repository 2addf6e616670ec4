"""Monte Carlo on a real Dask LocalCluster: the same samples as the local engine for the same seed."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.forecast import dask_engine
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.registry import make

from .conftest import EU_CSV


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


@pytest.mark.parametrize("model", ["eum", "weighted-median", "nash"])
def test_the_same_samples_as_the_local_engine(client, eu, model):
    noisy = dataclasses.replace(eu, position_sd=np.full((10, 1), 1.5), salience_sd=np.full((10, 1), 0.1),
                                capability_sd=np.full(10, 0.01))
    m = make(model)
    here = monte_carlo(m, noisy, draws=300, seed=7, within=(4.0, 6.0))
    told: list[int] = []
    there = dask_engine.monte_carlo(client, m, noisy, draws=300, seed=7, within=(4.0, 6.0), chunk=64,
                                    advance=told.append)
    assert np.array_equal(here.samples, there.samples)
    assert here.samples.std() > 0  # the draws did vary
    assert here.to_json() == there.to_json()
    assert sorted(told) == [44, 64, 64, 64, 64]  # the progress bar heard of every slice


def test_cli_engine_dask_prints_what_the_local_engine_prints():
    runner = CliRunner()
    args = ["forecast", "montecarlo", "weighted-mean", str(EU_CSV), "--draws", "40", "--seed", "3", "--json"]
    local = runner.invoke(app, args)
    dask = runner.invoke(app, [*args, "--engine", "dask", "--workers", "1"])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    assert json.loads(local.stdout) == json.loads(dask.stdout)


def test_a_scheduler_without_engine_dask_is_one_error_line():
    r = CliRunner().invoke(app, ["forecast", "montecarlo", "weighted-mean", str(EU_CSV), "--scheduler", "tcp://x:1"])
    assert r.exit_code == 2 and "--scheduler needs --engine dask" in r.output
