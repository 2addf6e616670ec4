"""The DEU III reader of the real-data backtest (bench/deu_backtest.py), on a file we made in its layout."""

from __future__ import annotations

from bench.deu_backtest import main, read_deu

# two issues in DEU III's layout; the second lacks an outcome (999), the third has two actors only
TEXT = (
    "isnr;prnr;out;pcom;scom;pde;sde;pfr;sfr\n"
    "101;1;40;0;80;100;50;30;999\n"
    "102;1;999;0;80;100;50;30;60\n"
    "103;2;10;0;80;;;30;60\n"
    "104;2;55;20;90;60;40;70;;\n"
)


def test_reads_positions_saliences_and_outcomes(tmp_path):
    path = tmp_path / "Dataset_DEU_III.csv"
    path.write_text(TEXT)
    cases = read_deu(path, min_actors=2)
    assert [c.issue for c in cases] == ["101", "103", "104"]
    first = cases[0]
    assert first.outcome == 40.0
    assert first.data.actors == ("com", "de")  # fr's salience is missing
    assert first.data.positions[:, 0].tolist() == [0.0, 100.0]
    assert first.data.salience[:, 0].tolist() == [0.8, 0.5]
    assert [c.issue for c in read_deu(path)] == []  # none has three actors


def test_without_the_data_it_says_so_and_succeeds(monkeypatch, capsys):
    monkeypatch.delenv("ACCORD_DEU_DIR", raising=False)
    assert main([]) == 0
    assert "skipped" in capsys.readouterr().out
