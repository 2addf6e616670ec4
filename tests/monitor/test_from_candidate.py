"""An accepted attack candidate from ingestion becomes a monitoring report citing its document span;
every other candidate is refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Accord

ARTICLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "attack-report.txt"


@pytest.fixture
def ingested(db_url):
    accord = Accord(db_url)
    accord("case", "load", "syria-2015")
    accord("ingest", str(ARTICLE), "--case", "syria-2015", "--published", "2016-03-02")
    cands = accord.json("review", "list")
    event = next(c for c in cands if c["kind"] == "event")
    other = next(c for c in cands if c["kind"] != "event")
    return accord, event, other


def test_accepted_attack_becomes_a_cited_report_that_is_judged(ingested):
    accord, event, other = ingested
    cid = str(event["id"])
    r = accord("monitor", "report-from-candidate", cid, "--ceasefire", "coh-2016", ok=False)
    assert r.exit_code == 2 and r.stderr.strip() == (
        f"error: candidate {cid} is pending, not accepted: `accord review accept {cid}` first")
    accord("review", "accept", cid)
    rep = accord.json("monitor", "report-from-candidate", cid, "--ceasefire", "coh-2016", "--grade", "C3")
    assert rep["id"] == f"ingest-candidate-{cid}" and rep["type"] == "battles"
    assert (rep["perpetrator"], rep["target"]) == ("syria-government", "jaysh-al-islam")
    assert (rep["event_time"], rep["time_zone"], rep["time_precision"]) == ("2016-03-01T00:00:00", "Asia/Damascus", "day")
    assert (rep["reliability"], rep["credibility"], rep["source_id"]) == ("C", 3, cid)
    assert rep["cite"] == [{"document": event["document"], "start": event["start"], "end": event["end"]}]
    v = accord.json("monitor", "violations", "coh-2016", "--from", "2016-03-01", "--to", "2016-03-01")
    mine = next(i for i in v["incidents"] if i["sources"][0]["report"] == rep["id"])
    assert mine["counts_as_violation"] is True
    again = accord("monitor", "report-from-candidate", cid, "--ceasefire", "coh-2016", ok=False)
    assert again.exit_code == 2 and "is already the report" in again.stderr


def test_other_candidates_are_refused_with_one_line(ingested):
    accord, event, other = ingested
    r = accord("monitor", "report-from-candidate", str(other["id"]), "--ceasefire", "coh-2016", ok=False)
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1
    assert f"candidate {other['id']} is not an event but" in r.stderr
    accord("review", "accept", str(event["id"]))
    r = accord("monitor", "report-from-candidate", str(event["id"]), "--ceasefire", "geneva-talks", ok=False)
    assert r.exit_code == 2 and "not a ceasefire" in r.stderr
    r = accord("monitor", "report-from-candidate", "999", "--ceasefire", "coh-2016", ok=False)
    assert r.exit_code == 2 and "no candidate 999" in r.stderr


def test_a_non_attack_event_is_refused(db_url, tmp_path):
    accord = Accord(db_url)
    accord("case", "load", "syria-2015")
    art = tmp_path / "talks.txt"
    art.write_text("Russia and the United States agreed on a cessation of hostilities in Syria on 22 February 2016.\n")
    accord("ingest", str(art), "--case", "syria-2015", "--published", "2016-02-22")
    ev = next((c for c in accord.json("review", "list") if c["kind"] == "event"), None)
    if ev is None or ev["event_type"] in ("FIGHT", "ASSAULT"):
        pytest.skip("the coder found no non-attack event in the sentence")
    accord("review", "accept", str(ev["id"]))
    r = accord("monitor", "report-from-candidate", str(ev["id"]), "--ceasefire", "coh-2016", ok=False)
    assert r.exit_code == 2 and f"is {'an' if ev['event_type'][0] in 'AEIOU' else 'a'} {ev['event_type']} event, not an attack" in r.stderr
