"""The DEU III reader of the real-data backtest (bench/deu_backtest.py).

The files here are made up, but laid out as the real ones are: the published ``Dataset_DEU_III.csv``
(semicolon-separated, unquoted) and the tab-separated re-export ``deu3.csv`` (quoted text, a line of
GDP figures under the header, dates mangled by a spreadsheet). Both have DEU III's 75 columns in its
order; members that had not joined have a blank position and salience 0, as in the real file.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.forecast.backtest import Case, backtest
from accord.forecast.base import Stakeholders
from accord.forecast.inputs import ForecastInputError
from accord.forecast.registry import make
from bench.deu_backtest import main, read_deu, table

ACTORS = (
    "com ep at be bu cr cy cz dk ee fi fr de el hu ie it lv lt lu mt nl pl pt ro si sk es se uk".split()
)
HEADER = (
    "prnrnmc isnrnmc prnr prname isnr type council proc counvte proccde issues intro finact".split()
    + ["p" + a for a in ACTORS] + ["s" + a for a in ACTORS] + ["rp", "out"]
)
TEXT_COLUMNS = {"prnr", "prname", "isnr", "type", "council", "proc", "counvte", "intro", "finact"}


def issue_row(n: int, proposal: str, out: str, actors: dict[str, tuple[str, str]]) -> dict[str, str]:
    """One issue: ``actors`` maps an actor to (position, salience) cells; the rest are left out as DEU
    leaves out members that had not joined (blank position, salience 0)."""
    row = {h: "" for h in HEADER}
    row.update(prnrnmc=str(n), isnrnmc=str(n), prnr=proposal, prname="made up", isnr=f"{proposal}i{n}",
               type="Dir", council="IM", proc="COD", counvte="QMV", proccde="3", issues="2",
               intro="26-01-00", finact="04-07-01", rp="0", out=out)
    for a in ACTORS:
        row["s" + a] = "0"
    for a, (p, s) in actors.items():
        row["p" + a], row["s" + a] = p, s
    return row


ROWS = [
    # four actors take part: ep's salience is 0 and dk has a position but no salience
    issue_row(1, "d00032", "40", {"com": ("100", "80"), "de": ("0", "50"), "fr": ("40", "60"),
                                  "uk": ("100", "20"), "ep": ("50", "0"), "dk": ("70", "")}),
    # no outcome: 999, DEU's code for missing
    issue_row(2, "d00032", "999", {"com": ("0", "80"), "de": ("100", "50"), "fr": ("30", "60")}),
    # two actors only
    issue_row(3, "d00060", "10", {"com": ("0", "80"), "fr": ("30", "60")}),
    # a blank outcome, as the re-export has where the published one was invalid
    issue_row(4, "d00060", "", {"com": ("0", "80"), "de": ("100", "50"), "fr": ("30", "60")}),
    issue_row(5, "d00062", "55", {"com": ("20", "90"), "de": ("60", "40"), "it": ("70", "100"),
                                  "es": ("999", "50")}),
]


def published(rows: list[dict[str, str]]) -> str:
    return "\n".join(";".join(r[h] for h in HEADER) for r in [dict(zip(HEADER, HEADER)), *rows]) + "\n"


def reexported(rows: list[dict[str, str]]) -> str:
    def quoted(h: str, v: str) -> str:
        return f'"{v}"' if v and h in TEXT_COLUMNS else v

    gdp = ["" for _ in HEADER]
    for i, a in enumerate(ACTORS):
        gdp[HEADER.index("p" + a)] = f'"{0.1 * (i + 1):.2f}"'
    lines = ["\t".join(f'"{h}"' for h in HEADER), "\t".join(gdp)]
    for r in rows:
        r = dict(r, finact="1930-05-01" if r["finact"] else "")  # what the spreadsheet made of a date
        lines.append("\t".join(quoted(h, r[h]) for h in HEADER))
    return "\n".join(lines) + "\n"


def summary(cases: list[Case]) -> list[tuple]:
    return [(c.issue, c.outcome, c.data.actors, c.data.positions[:, 0].tolist(), c.data.salience[:, 0].tolist())
            for c in cases]


def test_reads_the_published_layout(tmp_path):
    path = tmp_path / "Dataset_DEU_III.csv"
    path.write_text(published(ROWS))
    deu = read_deu(path)
    assert summary(deu.cases) == [
        ("d00032i1", 40.0, ("com", "fr", "de", "uk"), [100.0, 40.0, 0.0, 100.0], [0.8, 0.6, 0.5, 0.2]),
        ("d00062i5", 55.0, ("com", "de", "it"), [20.0, 60.0, 70.0], [0.9, 0.4, 1.0]),
    ]
    assert deu.proposals == ["d00032", "d00062"]
    assert (deu.rows, deu.no_outcome, deu.few_actors, deu.not_issues) == (5, 2, 1, 0)
    assert all(c.data.scale == (0.0, 100.0) and c.data.capability.tolist() == [1.0] * len(c.data.actors)
               for c in deu.cases)
    assert [c.issue for c in read_deu(path, min_actors=2).cases] == ["d00032i1", "d00060i3", "d00062i5"]


def test_the_reexport_reads_as_the_published_file(tmp_path):
    a, b = tmp_path / "Dataset_DEU_III.csv", tmp_path / "deu3.csv"
    a.write_text(published(ROWS))
    b.write_text(reexported(ROWS))
    deu = read_deu(b)
    assert summary(deu.cases) == summary(read_deu(a).cases)
    assert deu.not_issues == 1  # the GDP line: not DEU's, not read


# blank, DEU's missing code and 0 (a salience of 0: no part taken) as often as any other value
cells = st.one_of(st.sampled_from(["", "999", "0"]), st.integers(0, 100).map(str))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p1", "p2", "p3"]), cells,
                          st.lists(st.tuples(cells, cells), min_size=len(ACTORS), max_size=len(ACTORS))),
                min_size=1, max_size=6))
def test_any_table_reads_alike_in_both_layouts_and_keeps_exactly_the_actors_taking_part(tmp_path_factory, issues):
    rows = [issue_row(n, prop, out, dict(zip(ACTORS, cells))) for n, (prop, out, cells) in enumerate(issues, 1)]
    folder = tmp_path_factory.mktemp("deu")
    (folder / "a.csv").write_text(published(rows))
    (folder / "b.csv").write_text(reexported(rows))
    deu = read_deu(folder / "a.csv")
    assert summary(deu.cases) == summary(read_deu(folder / "b.csv").cases)
    assert deu.rows == len(rows) == len(deu.cases) + deu.no_outcome + deu.few_actors
    kept = {c.issue: c for c in deu.cases}
    for n, (prop, out, cells_) in enumerate(issues, 1):
        taking_part = [a for a, (p, s) in zip(ACTORS, cells_) if p not in ("", "999") and s not in ("", "999", "0")]
        has_outcome = out not in ("", "999")
        case = kept.get(f"{prop}i{n}")
        assert (case is not None) == (has_outcome and len(taking_part) >= 3)
        if case is not None:
            assert case.data.actors == tuple(taking_part) and case.outcome == float(out)


@pytest.mark.parametrize(
    "column, value, message",
    [("out", "4O", "'4O' is not a number"), ("pde", "inf", "'inf' is not a finite number"), ("sfr", "6O%", "is not a number")],
)
def test_a_bad_cell_is_one_error_naming_file_line_and_field(tmp_path, column, value, message):
    rows = [dict(r) for r in ROWS]
    rows[2][column] = value
    path = tmp_path / "Dataset_DEU_III.csv"
    path.write_text(published(rows))
    with pytest.raises(ForecastInputError) as e:
        read_deu(path)
    assert str(e.value).startswith(f"{path}:4, field '{column}': ") and message in str(e.value)


@pytest.mark.parametrize("column", ["isnr", "out"])
def test_a_file_without_a_needed_column_is_an_error(tmp_path, column):
    path = tmp_path / "Dataset_DEU_III.csv"
    path.write_text(published(ROWS).replace(f";{column};", ";x;", 1).replace(f";{column}\n", ";x\n", 1))
    with pytest.raises(ForecastInputError, match=f"^{path}:1: missing column '{column}'"):
        read_deu(path)


def test_a_file_that_is_not_text_is_an_error(tmp_path):
    path = tmp_path / "Dataset_DEU_III.csv"
    path.write_bytes(published(ROWS).encode() + b"\xff\xfe;\x00\n")
    with pytest.raises(ForecastInputError, match=str(path)):
        read_deu(path)


def test_without_the_data_it_says_so_and_succeeds(monkeypatch, capsys):
    monkeypatch.delenv("ACCORD_DEU_DIR", raising=False)
    assert main([]) == 0
    assert "DEU backtest skipped" in capsys.readouterr().out


def test_a_bad_file_fails_with_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "deu3.csv").write_text(published(ROWS).replace(";40;", ";x;", 1))
    monkeypatch.setenv("ACCORD_DEU_DIR", str(tmp_path))
    assert main([]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("\n") == 1 and "'x' is not a number" in out.err


def test_the_table_scores_every_model_beside_the_weighted_mean(tmp_path):
    rows = [issue_row(n, f"p{n % 3}", str(10 * n), {"com": ("0", "80"), "de": (str(5 * n), "50"),
                                                    "fr": ("100", "60"), "it": ("30", "40")})
            for n in range(1, 7)]
    (tmp_path / "Dataset_DEU_III.csv").write_text(published(rows))
    lines = table(seed=0, folder=str(tmp_path))
    assert lines[0].startswith("DEU III (Dataset_DEU_III.csv): 6 issues of 3 proposals scored")
    models = [line.split(" | ")[0].strip("| ") for line in lines if line.startswith("| ") and "---" not in line]
    assert models == ["model", "weighted-mean", "weighted-median", "nash", "eum", "smp"]
    assert any(line.startswith("Worse than the weighted mean") for line in lines)


def _cases(n: int) -> list[Case]:
    rng = np.random.default_rng(3)
    return [Case(str(i), Stakeholders(("a", "b", "c"), rng.uniform(0, 100, (3, 1)), np.ones((3, 1)), np.ones(3)),
                 float(rng.uniform(0, 100))) for i in range(n)]


def test_the_bootstrap_resamples_whole_groups():
    cases = _cases(12)
    by_case = backtest([make("weighted-median")], cases, seed=1)[1]
    assert by_case.interval[0] < by_case.difference < by_case.interval[1]
    # one group: every resample is the whole set, so the interval is the difference itself
    one = backtest([make("weighted-median")], cases, seed=1, groups=["x"] * 12)[1]
    assert one.interval == pytest.approx((one.difference, one.difference))
    assert one.difference == pytest.approx(by_case.difference)
    # groups of four: wider than one group, and resampling the same groups again gives the same interval
    four = backtest([make("weighted-median")], cases, seed=1, groups=[str(i // 4) for i in range(12)])[1]
    assert four.interval[0] < four.interval[1]
    assert backtest([make("weighted-median")], cases, seed=1, groups=[str(i // 4) for i in range(12)])[1].interval \
        == four.interval
    with pytest.raises(ValueError, match="11 group labels for 12 cases"):
        backtest([make("weighted-median")], cases, groups=["x"] * 11)
