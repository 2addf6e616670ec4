"""`accord monitor` through the CLI, on SQLite and PostgreSQL: import, incidents, merges."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Accord
from tests.monitor.conftest import DATA

SAMPLE = DATA / "acled-sample.csv"


@pytest.fixture
def syria(db_url):
    accord = Accord(db_url)
    accord("case", "load", "syria-2015", "--by", "loader")
    return accord


def test_import_prints_one_line_per_bad_row_and_imports_the_rest(syria):
    r = syria("monitor", "import", str(SAMPLE), "--format", "acled", "--json", ok=False)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 5 and all(line.startswith(f"{SAMPLE}: row ") and "field '" in line for line in lines)
    assert "Traceback" not in r.stderr
    out = json.loads(r.stdout)
    assert (out["rows"], out["imported"], out["bad_rows"]) == (9, 4, 5)
    assert out["unresolved_names"] == {"Harakat Nour al-Din al-Zenki": 1}
    data = syria.json("monitor", "incidents", "--date", "2016-03-31")
    imported = [s for i in data["incidents"] for s in i["sources"] if s.get("dataset") == "acled"]
    assert sorted(s["source_id"] for s in imported) == ["SYN1", "SYN2", "SYN3", "SYN4"]
    # importing the same file again changes nothing
    again = json.loads(syria("monitor", "import", str(SAMPLE), "--json", ok=False).stdout)
    assert (again["imported"], again["unchanged"]) == (0, 4)


def test_an_import_refreshes_postgresql_statistics_only_for_rows_it_appends(syria, monkeypatch):
    """The next import looks its ids up in ``record``: without statistics after a large append
    PostgreSQL's planner chose another index (a re-import of 200,000 rows took minutes of its CPU). An
    import's reports are a batch (accord.store.batches) and append nothing to ``record``: no refresh;
    an id given twice in a file goes the way of rows, and is counted."""
    from accord.store import Store

    if not syria.db.startswith("postgresql"):
        pytest.skip("SQLite's plans need no statistics")
    store = Store.open(syria.db)

    def analyses() -> int:
        with store.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'record' "
                                        "AND schemaname = current_schema()").scalar_one()

    before = analyses()
    monkeypatch.setattr(Store, "ANALYZE_AFTER", 4)
    syria("monitor", "import", str(SAMPLE), "--format", "acled", ok=False)  # its 4 good rows: one batch
    assert analyses() == before
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT sum(rows) FROM batch").scalar_one() == 4
    store.close()


def test_strict_import_writes_nothing(syria):
    before = syria("history", "syria-government").stdout
    r = syria("monitor", "import", str(SAMPLE), "--strict", ok=False)
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert not [i for i in syria.json("monitor", "incidents", "--date", "2016-03-31")["incidents"] if i["id"].startswith("acled")]
    assert syria("history", "syria-government").stdout == before


@pytest.mark.parametrize("args, message", [
    (["--format", "excel"], "--format 'excel': unknown"),
    (["--grade", "Z9"], "--grade: grading 'Z9' is not a letter A-F and a digit 1-6"),
    (["--tz", "Mars/Olympus"], "--tz 'Mars/Olympus': unknown time zone"),
])
def test_bad_options_are_one_line(syria, args, message):
    r = syria("monitor", "import", str(SAMPLE), *args, ok=False)
    assert r.exit_code == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_missing_file_and_missing_column(syria, tmp_path):
    r = syria("monitor", "import", str(tmp_path / "nope.csv"), ok=False)
    assert r.exit_code == 2 and "cannot read" in r.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date\nX1,2016-03-01\n")
    r = syria("monitor", "import", str(bad), ok=False)
    assert r.exit_code == 2 and f"{bad}: row 1: missing column(s) event_type, actor1, country" in r.stderr


def test_merge_run_review_accept_and_reject(syria, tmp_path):
    csv = tmp_path / "two.csv"
    header = SAMPLE.read_text().splitlines()[0]
    csv.write_text(header + "\n" + "\n".join([
        "DUP1,2016-03-05,2016,1,Battles,Armed clash,Military Forces of Syria (2000-),Jaysh al-Islam,Syria,Rural Damascus,,Douma,33.572,36.402,1,Synthetic,Synthetic.,1,",
    ]) + "\n")
    geo = tmp_path / "two.geojson"
    geo.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [36.41, 33.58]},
        "properties": {"id": "G1", "time": "2016-03-05T11:00", "type": "battles", "country": "SYR",
                       "perpetrator": "syria-government", "target": "jaysh-al-islam", "source": "synthetic outlet"}}]}))
    syria("monitor", "import", str(csv))
    syria("monitor", "import", str(geo), "--format", "geojson")
    out = syria.json("monitor", "merge", "run", "--accept", "0.99")
    assert out == {"accepted": 0, "proposed": 1}
    (m,) = syria.json("monitor", "merge", "review")
    assert m["reports"] == ["acled-dup1", "geojson-g1"] and 0.5 <= m["score"] < 0.99
    def ours():
        return [i for i in syria.json("monitor", "incidents", "--from", "2016-03-05", "--to", "2016-03-05")["incidents"]
                if not i["id"].startswith("ex-")]

    assert len(ours()) == 2
    syria("monitor", "merge", "accept", m["id"], "--by", "analyst")
    (inc,) = ours()
    assert {s["source_id"] for s in inc["sources"]} == {"DUP1", "G1"}
    assert syria.json("monitor", "merge", "run") == {"accepted": 0, "proposed": 0}  # decided pairs stay decided
    syria("monitor", "merge", "reject", m["id"], "--by", "analyst")
    assert len(ours()) == 2
    history = syria.json("history", m["id"])
    assert [e["after"].get("status", "proposed") for e in history][-3:] == ["proposed", "accepted", "rejected"]
    r = syria("monitor", "merge", "accept", "merge:nope", ok=False)
    assert r.exit_code == 2 and "no merge with id 'merge:nope'" in r.stderr


def test_export_geojson_and_acled(syria, tmp_path):
    syria("monitor", "import", str(SAMPLE), ok=False)
    out = tmp_path / "x.geojson"
    syria("monitor", "export", "--format", "geojson", "--out", str(out), "--date", "2016-03-31")
    doc = json.loads(out.read_text())
    imported = [f for f in doc["features"] if f["properties"]["id"].startswith("acled-")]
    assert len(imported) == 4 and imported[0]["geometry"]["type"] == "Point"
    examples = [f for f in doc["features"] if f["properties"]["id"].startswith("ex-")]
    assert examples and all(f["properties"]["synthetic"] for f in examples)
    text = syria("monitor", "export", "--format", "acled", "--date", "2016-03-31").stdout
    assert text.splitlines()[0].startswith("event_id_cnty,event_date") and "Government of Syria" in text
