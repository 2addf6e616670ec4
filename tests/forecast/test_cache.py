"""The forecast cache: a second ask reads back exactly what the first computed; any change computes anew."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from accord.forecast import cache
from accord.forecast.base import Stakeholders
from accord.forecast.registry import make
from accord.forecast.report import forecast_issue


def _data(shift: float = 0.0) -> Stakeholders:
    return Stakeholders(
        ("a", "b", "c"),
        np.array([[10.0 + shift], [50.0], [90.0]]),
        np.array([[0.9], [0.5], [0.7]]),
        np.array([1.0, 2.0, 1.5]),
        position_sd=np.full((3, 1), 5.0),
    )


def _report(data: Stakeholders, **kw):
    return forecast_issue("x", None, data, [make("nash"), make("smp")], draws=200, **kw)


def test_a_second_ask_reads_back_the_same_report(monkeypatch):
    first = _report(_data())
    entries = list(cache.folder().glob("*.json"))
    assert len(entries) == 1

    def no_compute(*a, **k):
        raise AssertionError("computed again")

    monkeypatch.setattr("accord.forecast.report._compute", no_compute)
    again = _report(_data())
    assert json.dumps(again.to_json()) == json.dumps(first.to_json())
    assert again.runs["smp"].to_json() == json.loads(json.dumps(first.runs["smp"].to_json()))


def test_other_inputs_options_or_models_miss():
    _report(_data())
    _report(_data(shift=1e-9))
    _report(_data(), seed=1)
    forecast_issue("x", None, _data(), [make("smp", VotingRule="Binary")], draws=200)
    assert len(list(cache.folder().glob("*.json"))) == 4


def test_a_damaged_entry_is_recomputed():
    first = _report(_data())
    (entry,) = cache.folder().glob("*.json")
    entry.write_text('{"runs": ', encoding="utf-8")
    assert _report(_data()).to_json() == first.to_json()
    assert json.loads(entry.read_text(encoding="utf-8"))["intervals"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only modes")
def test_a_read_only_folder_only_means_no_cache(tmp_path, monkeypatch):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(ro))
    assert _report(_data()).to_json()["models"]["smp"]["forecast"] is not None


def test_an_unwritable_folder_only_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(blocker))
    assert _report(_data()).to_json() == _report(_data()).to_json()


def test_empty_setting_turns_it_off(monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", "")
    assert cache.folder() is None
    _report(_data())
