"""``python -m bench forecast`` prints the SMP side-by-side and the real backtest (issue 13), or says
plainly why each is skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import forecast_montecarlo, smp_vs_ktab
from tests.forecast.test_deu_reader import issue_row, published

SMPC = os.environ.get("KTAB_SMP_BIN", "")


def test_without_ktab_or_the_data_both_sections_say_they_were_skipped(monkeypatch, capsys):
    monkeypatch.delenv("KTAB_SMP_BIN", raising=False)
    monkeypatch.delenv("ACCORD_DEU_DIR", raising=False)
    assert forecast_montecarlo.main(["--only", "smp", "--only", "backtest"]) == 0
    out = capsys.readouterr().out
    assert "### 5. SMP vs KTAB" in out and "SMP vs KTAB skipped: set KTAB_SMP_BIN" in out
    assert "### 6. Backtest on real EU decisions" in out
    assert "DEU backtest skipped: set ACCORD_DEU_DIR to a folder holding Dataset_DEU_III.csv or deu3.csv" in out


def test_a_folder_without_the_file_is_named(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("ACCORD_DEU_DIR", str(tmp_path))
    assert forecast_montecarlo.main(["--only", "backtest"]) == 0
    assert f"ACCORD_DEU_DIR={tmp_path} holds neither Dataset_DEU_III.csv nor deu3.csv" in capsys.readouterr().out


def test_with_the_data_the_backtest_table_is_printed(monkeypatch, capsys, tmp_path):
    rows = [issue_row(n, f"p{n % 2}", str(15 * n), {"com": ("0", "80"), "de": (str(9 * n), "50"), "fr": ("100", "60")})
            for n in range(1, 5)]
    (tmp_path / "deu3.csv").write_text(published(rows))
    monkeypatch.setenv("ACCORD_DEU_DIR", str(tmp_path))
    assert forecast_montecarlo.main(["--only", "backtest", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "DEU III (deu3.csv): 4 issues of 2 proposals scored" in out
    assert "| weighted-mean |" in out and "| smp |" in out and "Worse than the weighted mean" in out
    assert "(seed 2)" in out


def test_our_side_is_measured_without_ktab():
    text = smp_vs_ktab.section([smp_vs_ktab.DEFAULT_INPUT], 1, "", command="python -m bench smp")
    row = [line for line in text.splitlines() if line.startswith("| SOE-Pol-Comp.csv |")]
    assert len(row) == 1 and row[0].endswith("KTAB_SMP_BIN not set |")
    assert "| 13×2 | 28 |" in row[0]  # KTAB's reference run ends after 28 states


@pytest.mark.skipif(not (SMPC and Path(SMPC).is_file()), reason="KTAB_SMP_BIN does not point at KTAB's smpc")
def test_with_ktab_the_histories_are_identical_and_both_ratios_are_given(capsys):
    assert forecast_montecarlo.main(["--only", "smp", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "--smp-input tests/forecast/smp/data/dummyData_3Dim.csv --smp-input tests/forecast/smp/data/SOE-Pol-Comp.csv`" in out
    rows = [line for line in out.splitlines() if line.startswith("| dummyData_3Dim.csv") or line.startswith("| SOE-Pol")]
    assert len(rows) == 2
    for row in rows:
        assert row.endswith("| yes: positions and win probabilities, every state |")
        assert "×" in row.split(" | ")[-4] and "×" in row.split(" | ")[-3]
