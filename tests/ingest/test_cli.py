"""The CLI end to end: inputs of every kind, bad inputs, storing into a case, review, exactly-once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.ingest.synthetic import write_jsonl
from tests.ingest.conftest import syria_words

runner = CliRunner()
ARTICLE = ("VIENNA - Sergei Lavrov met John Kerry on Friday.\n\n"
           '"We are closer than we were last week," Kerry told reporters.')
HTML = ("<html><head><title>Talks resume</title><meta property=\"article:published_time\" content=\"2015-12-18\">"
        "</head><body><nav>Home | World</nav><article><h1>Talks resume</h1><p>" + ARTICLE.replace("\n\n", "</p><p>") +
        "</p><p>The envoy said the next round would open in early January, after the holidays.</p></article>"
        "<footer>Copyright</footer></body></html>")


def lines(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.strip()]


def make_case(db: Path, case_id: str = "t", actors: tuple[str, ...] = ()) -> None:
    from accord.record.model import Actor, Case
    from accord.store import Store

    store = Store.open(str(db))
    with store.unit_of_work(case_id, by="test") as uow:
        uow.put(Case(id=case_id, name="Test case"))
        for a in actors:
            uow.put(Actor(id=a, kind="person", name=a.replace("-", " ").title(), cite=["https://example.org/fixture"]))
    store.close()


def test_text_html_jsonl_and_stdin(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(HTML)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "published": "2015-12-18", "text": ARTICLE}) + "\n")
    r = runner.invoke(app, ["ingest", str(tmp_path), "--published", "2015-12-18", "--json"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = lines(r.output)
    assert [o["document"]["published"] for o in out] == ["2015-12-18"] * 3
    assert all(any(c["kind"] == "quote" for c in o["candidates"]) for o in out)
    r = runner.invoke(app, ["ingest", "-", "--published", "2015-12-18", "--json"], input=ARTICLE)
    assert r.exit_code == 0 and lines(r.output)[0]["document"]["sha256"] == out[0]["document"]["sha256"]


def test_html_date_from_metadata(tmp_path):
    (tmp_path / "b.html").write_text(HTML)
    (o,) = lines(runner.invoke(app, ["ingest", str(tmp_path / "b.html"), "--json"]).output)
    assert o["document"]["published"] == "2015-12-18" and not o["errors"]


def test_bad_inputs_one_error_line_each_and_the_batch_goes_on(tmp_path):
    (tmp_path / "bytes.txt").write_bytes(b"caf\xe9 \xff\xfe")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "big.txt").write_text("word " * 300)
    (tmp_path / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "Kerry met Lavrov on 18 December 2015."}\n{"id": broken\n')
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "config.yaml").write_text("max_bytes: 1000\n")
    r = runner.invoke(app, ["ingest", str(tmp_path / "bytes.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "big.txt"),
                            str(tmp_path / "nav.html"), str(tmp_path / "lines.jsonl"), str(tmp_path / "good.txt"),
                            "--config", str(tmp_path / "config.yaml"), "--json"])
    assert r.exit_code == 1
    out = lines(r.output)
    errors = [o["errors"] for o in out]
    assert len(out) == 7
    assert "not UTF-8" in errors[0][0] and "empty" in errors[1][0] and "too large" in errors[2][0]
    assert "no article text" in errors[3][0] and errors[4] == [] and "malformed JSON" in errors[5][0]
    assert errors[6] == []
    # no publication date: the weekday stays unresolved, with a warning; the dated one resolves
    assert [c["value"] for c in out[6]["candidates"] if c["kind"] == "date"] == [None, None]
    assert out[6]["warnings"]
    assert [c["value"] for c in out[4]["candidates"] if c["kind"] == "date"] == ["2015-12-18"]


@pytest.mark.parametrize("config, says", [
    (None, "No such file"),
    ("{bad: [\n", "config.yaml:2:1: invalid YAML"),
    ("colour: red\n", "colour"),
    ("components: [segmenter, nosuch]\n", "unknown ingest component 'nosuch'"),
    ("settings: {dates: {nosuch: 1}}\n", "settings of ingest component 'dates'"),
])
def test_a_bad_config_is_one_error_line(tmp_path, config, says):
    (tmp_path / "a.txt").write_text(ARTICLE)
    if config is not None:
        (tmp_path / "config.yaml").write_text(config)
    r = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--config", str(tmp_path / "config.yaml")])
    assert r.exit_code == 2, r.output
    assert says in r.output and "Traceback" not in r.output


def test_eval_ingest_on_a_gold_line_that_is_no_object(tmp_path):
    (tmp_path / "gold.jsonl").write_text("[1, 2]\n")
    r = runner.invoke(app, ["eval", "ingest", str(tmp_path / "gold.jsonl")])
    assert r.exit_code == 2 and "line 1: not a JSON object" in r.output


def test_store_review_and_idempotent_reingest(tmp_path):
    db = tmp_path / "s.db"
    make_case(db, actors=("john-kerry",))
    (tmp_path / "a.txt").write_text(ARTICLE)
    base = ["--db", str(db)]
    r = runner.invoke(app, [*base, "ingest", str(tmp_path / "a.txt"), "--case", "t", "--published", "2015-12-18", "--json"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, [*base, "ingest", str(tmp_path / "a.txt"), "--case", "t", "--published", "2015-12-18", "--json"])
    assert lines(r.output)[0]["document"]["already_ingested"] is True
    rows = json.loads(runner.invoke(app, [*base, "review", "list", "--case", "t", "--kind", "quote", "--json"]).output)
    assert len(rows) == 1
    qid = str(rows[0]["id"])
    r = runner.invoke(app, [*base, "review", "edit", qid, "cue=told", "--case", "t", "--json"])
    assert json.loads(r.output)["status"] == "edited"
    r = runner.invoke(app, [*base, "review", "accept", qid, "--case", "t", "--by", "alice", "--json"])
    accepted = json.loads(r.output)
    assert accepted["status"] == "accepted" and accepted["reviewed_by"] == "alice"

    from accord.store import Store

    rec = Store.open(str(db)).get("t", accepted["record_id"])
    assert rec.speaker == "john-kerry" and rec.cite[0].document == rows[0]["document"]
    assert (rec.cite[0].start, rec.cite[0].end) == (rows[0]["start"], rows[0]["end"])
    r = runner.invoke(app, [*base, "review", "reject", qid, "--case", "t"])
    assert r.exit_code == 2 and "already accepted" in r.output


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_accepting_an_edited_value_the_record_does_not_take_is_one_error_line(tmp_path):
    db = tmp_path / "s.db"
    make_case(db)
    (tmp_path / "a.txt").write_text(ARTICLE)
    base = ["--db", str(db)]
    runner.invoke(app, [*base, "ingest", str(tmp_path / "a.txt"), "--case", "t", "--published", "2015-12-18"])
    (quote,) = json.loads(runner.invoke(app, [*base, "review", "list", "--kind", "quote", "--json"]).output)
    runner.invoke(app, [*base, "review", "edit", str(quote["id"]), "date=garbage"])
    r = runner.invoke(app, [*base, "review", "accept", str(quote["id"])])
    assert r.exit_code == 2, r.output
    assert "field 'date'" in r.output and "malformed date 'garbage'" in r.output
    (quote,) = json.loads(runner.invoke(app, [*base, "review", "list", "--kind", "quote", "--status", "all",
                                              "--json"]).output)
    assert quote["status"] == "edited"


def test_kill_midway_then_rerun_ingests_every_article_exactly_once(tmp_path):
    db, data = tmp_path / "k.db", tmp_path / "batch.jsonl"
    make_case(db)
    n = 60
    write_jsonl(str(data), n, seed=3)
    cmd = [sys.executable, "-c", "from accord.cli.main import main; main()", "--db", str(db), "ingest", str(data), "--case", "t", "--json"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert proc.stdout is not None
    for _ in range(20):  # each line is printed after its document is committed
        assert proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    out = lines(done.stdout)
    assert len(out) == n and sum(bool(o["document"].get("already_ingested")) for o in out) >= 20

    from sqlalchemy import func, select

    from accord.ingest.queue import candidate
    from accord.store import Store
    from accord.store.schema import record as R

    store = Store.open(str(db))
    with store.engine.connect() as conn:
        docs = conn.execute(select(func.count()).where(R.c.kind == "document", R.c.known_to.is_(None))).scalar()
        per_doc = {d: k for d, k in conn.execute(select(candidate.c.document_id, func.count()).group_by(candidate.c.document_id))}
    assert docs == n and len(per_doc) == n

    from accord.ingest.document import Article
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.reader import read

    pipeline = Pipeline.for_case(store.snapshot("t"))
    for a in read([str(data)]):
        assert isinstance(a, Article)
        assert per_doc[a.doc_id] == len(pipeline(a).candidates)


def test_eval_ingest_on_a_small_gold_file(tmp_path):
    text = 'Sergei Lavrov met John Kerry on Friday. "We are close," Kerry said.'
    gold = {"actors": [{"start": 0, "end": 13, "text": "Sergei Lavrov", "actor": "sergei-lavrov"},
                       {"start": 18, "end": 28, "text": "John Kerry", "actor": "john-kerry"},
                       {"start": 57, "end": 62, "text": "Kerry", "actor": "john-kerry"}],
            "quotes": [{"start": 41, "end": 54, "content": "We are close,", "direct": True, "speaker": "john-kerry",
                        "speaker_text": "Kerry", "cue": "said"}],
            "dates": [{"start": 32, "end": 38, "text": "Friday", "value": "2015-12-18", "range": None, "precision": "day"}],
            "events": [], "stances": []}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "g1", "published": "2015-12-18T12:00:00+00:00", "case": None, "text": text,
                                "gold": gold}) + "\n")
    r = runner.invoke(app, ["eval", "ingest", str(path), "--json", "--no-baseline"])
    assert r.exit_code == 0, r.output
    kinds = json.loads(r.output)["kinds"]
    assert kinds["actors"]["precision"] == 1.0 and kinds["actors"]["recall"] == 1.0
    assert kinds["direct_quotes"]["speaker_right"] == 1.0 and kinds["dates"]["resolved_exactly"] == 1.0


def test_two_workers_give_the_same_lines_in_the_same_order(tmp_path):
    data = tmp_path / "w.jsonl"
    write_jsonl(str(data), 12, seed=9)
    one = runner.invoke(app, ["ingest", str(data), "--json"]).output
    two = runner.invoke(app, ["ingest", str(data), "--json", "--workers", "2"]).output
    assert one == two and len(lines(one)) == 12


def test_accepting_actors_events_and_stances(tmp_path):
    from accord.record.model import Actor, Case, Citation, Issue
    from accord.store import Store

    db = tmp_path / "r.db"
    store = Store.open(str(db))
    cite = [Citation(url="https://example.org/fixture")]
    with store.unit_of_work("t", by="test") as uow:
        uow.put(Case(id="t", name="Test case"))
        uow.put(Issue(id="assad-role", name="Assad's role", cite=cite))
        uow.put(next(w for w in syria_words() if w.issue == "assad-role"))  # the issue's stance cues
        uow.put(Actor(id="russia", kind="state", name="Russia", cite=cite))
        uow.put(Actor(id="john-kerry", kind="person", name="John Kerry", cite=cite))
    store.close()
    text = ("Fighters of the Sham Legion Brigade shelled the town. Russia rejected the plan on Friday.\n\n"
            '"The Syrian people alone will decide," a Russian official said.')
    (tmp_path / "a.txt").write_text(text)
    base = ["--db", str(db)]
    assert runner.invoke(app, [*base, "ingest", str(tmp_path / "a.txt"), "--case", "t", "--published",
                               "2015-12-18", "--json"]).exit_code == 0

    def pending(kind: str) -> list[dict]:
        return json.loads(runner.invoke(app, [*base, "review", "list", "--case", "t", "--kind", kind, "--json"]).output)

    unknown = next(c for c in pending("actor") if c["actor"] is None)
    r = runner.invoke(app, [*base, "review", "accept", str(unknown["id"]), "--case", "t", "--json"])
    assert json.loads(r.output)["record_id"] == "sham-legion-brigade"
    event = next(c for c in pending("event") if c["event_type"] == "REJECT")
    r = runner.invoke(app, [*base, "review", "accept", str(event["id"]), "--case", "t", "--json"])
    assert json.loads(r.output)["record_id"].startswith("event-")
    (stance,) = pending("stance")
    r = runner.invoke(app, [*base, "review", "accept", str(stance["id"]), "--case", "t"])
    assert r.exit_code == 2 and "needs a value" in r.output
    runner.invoke(app, [*base, "review", "edit", str(stance["id"]), "value=85", "--case", "t"])
    r = runner.invoke(app, [*base, "review", "accept", str(stance["id"]), "--case", "t", "--json"])
    position = Store.open(str(db)).get("t", json.loads(r.output)["record_id"])
    assert (position.actor, position.issue, position.value) == ("russia", "assad-role", 85.0)
    assert position.cite[0].start == stance["start"]


def test_an_unreadable_input_is_one_error_not_a_traceback(tmp_path):
    from pathlib import Path

    from accord.ingest.reader import _read_file

    errors = list(_read_file(Path(tmp_path), (None, None, None), 10**6))
    assert len(errors) == 1 and "cannot read" in errors[0].message


def test_two_workers_read_the_input_a_window_ahead_not_whole(tmp_path):
    """multiprocessing's imap takes its whole input ahead of the workers: a 100k-article archive held
    706 MB in the client. The runner hands out a bounded window at a time, same results, same order."""
    from accord.ingest import batch
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.reader import read

    data = tmp_path / "w.jsonl"
    write_jsonl(str(data), 150, seed=3)
    pulled = 0

    def counted():
        nonlocal pulled
        for item in read([str(data)]):
            pulled += 1
            yield item

    pipeline = Pipeline.for_case()
    window = batch.window_size(2, 1)
    assert window < 150
    results = batch.run(counted(), pipeline, workers=2, chunksize=1)
    first = next(results)
    assert pulled <= window
    two = [first.line, *(d.line for d in results)]
    one = [d.line for d in batch.run(read([str(data)]), pipeline, workers=1)]
    assert two == one and pulled == 150
