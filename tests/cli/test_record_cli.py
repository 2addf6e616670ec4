"""The record's commands end to end, on the mini case (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from tests.cli.conftest import MINI


def test_case_list_shows_builtin_and_stored(mini):
    data = mini.json("case", "list")
    assert "mini" in data["stored"] and "syria-2015" in data["builtin"]


def test_actors_filtered_by_kind_and_date(mini):
    assert [a["id"] for a in mini.json("actors", "list", "--kind", "state")] == ["alpha", "beta"]
    ids_jan = {a["id"] for a in mini.json("actors", "list", "--date", "2020-01-15")}
    assert "gamma" not in ids_jan and "gamma" in {a["id"] for a in mini.json("actors", "list", "--date", "2020-02-15")}


def test_body_members_over_time(mini):
    assert [m["id"] for m in mini.json("body", "members", "group", "--date", "2020-02-01")] == ["alpha"]
    rows = mini.json("body", "members", "group", "--date", "2020-03-01")
    assert [(m["id"], m["name"], m["kind"]) for m in rows] == [("alpha", "Alpha", "state"), ("beta", "Beta", "state")]


def test_show_resolves_citations_to_document_spans(mini):
    data = mini.json("show", "vote-timing.alpha.2020-03")
    assert data["record"]["value"] == 10
    assert data["citations"][0]["quote"] == "Alpha wants an early vote"


def test_relations_in_both_directions(mini):
    rows = mini.json("relations", "gamma")
    assert [(r["source"], r["type"], r["direction"]) for r in rows] == [("beta", "supports", "in")]


def test_position_set_then_as_of_and_as_known_on(mini):
    before = dt.datetime.now(dt.timezone.utc).isoformat()
    out = mini.json("position", "set", "vote-timing", "alpha", "40", "--date", "2020-06-01",
                    "--cite", "https://example.org/x", "--by", "analyst")
    assert out["id"] == "vote-timing.alpha.2020-06-01"

    def alpha(*extra):
        rows = mini.json("positions", "vote-timing", *extra)
        return next(r for r in rows if r["actor"] == "alpha")

    assert (alpha("--date", "2020-06-02")["value"], alpha("--date", "2020-06-02")["salience"]) == (40, 0.8)
    assert alpha("--date", "2020-03-15")["value"] == 10
    assert alpha("--date", "2020-06-02", "--as-known-on", before)["value"] == 10

    hist = mini.json("history", "vote-timing")
    change = next(e for e in hist if e["operation"] == "position set")
    assert change["by"] == "analyst" and change["after"]["value"] == 40
    assert change["supersedes"]["value"] == 10 and change["cite"] == [{"url": "https://example.org/x"}]
    assert not any(e["operation"] == "position set" for e in mini.json("history", "vote-timing", "--as-known-on", before))


def test_every_change_needs_evidence(mini):
    r = mini("position", "set", "vote-timing", "alpha", "40", ok=False)
    assert r.exit_code == 2 and "--cite" in r.stderr


def test_position_outside_the_scale_is_refused(mini):
    r = mini("position", "set", "vote-timing", "alpha", "140", "--cite", "https://e.org", ok=False)
    assert r.exit_code == 2 and "outside the scale" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_edit_with_optimistic_lock(mini):
    mini("edit", "beta", "--set", "name=Beta Republic", "--cite", "https://example.org/b2", "--if-version", "1")
    assert mini.json("show", "beta")["record"]["name"] == "Beta Republic"
    r = mini("edit", "beta", "--set", "name=Other", "--cite", "https://e.org", "--if-version", "1", ok=False)
    assert r.exit_code == 2 and "version 2, not 1" in r.stderr
    hist = mini.json("history", "beta")
    assert hist[-1]["changes"]["name"] == ["Beta", "Beta Republic"]


def test_edit_rejects_bad_values_and_references(mini):
    r = mini("edit", "vote-timing.alpha.2020-03", "--set", "actor=nobody", "--cite", "https://e.org", ok=False)
    assert r.exit_code == 2 and "unknown reference 'nobody'" in r.stderr
    r = mini("edit", "statement-1", "--set", "status=maybe", "--cite", "https://e.org", ok=False)
    assert r.exit_code == 2 and "status" in r.stderr


def test_export_load_export_is_byte_identical(mini, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    mini("case", "export", "mini", str(a))
    loaded = mini.json("case", "load", str(a))
    assert (loaded["created"], loaded["updated"], loaded["deleted"]) == (0, 0, 0)
    mini("case", "export", "mini", str(b))
    for f in sorted(a.iterdir()):
        assert f.read_bytes() == (b / f.name).read_bytes(), f.name


def test_bad_bundle_leaves_the_store_as_it_was(mini, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    for f in MINI.iterdir():
        (bad / f.name).write_text(f.read_text())
    (bad / "positions.yaml").write_text((MINI / "positions.yaml").read_text().replace("value: 95", "value: 195"))
    (bad / "actors.yaml").write_text((MINI / "actors.yaml").read_text().replace("name: Beta", "name: Changed"))
    before = mini.json("show", "beta")
    r = mini("case", "load", str(bad), ok=False)
    assert r.exit_code == 2 and "positions.yaml:2" in r.stderr and "value" in r.stderr
    assert mini.json("show", "beta") == before


def test_brief_json_has_its_sections(mini):
    data = mini.json("brief", "--date", "2020-03-15")
    assert data["case"] == "mini"
    assert data["sections"]["bodies"][0]["members"] == 2
    assert data["sections"]["disputes"][0]["low"] == {"actor": "alpha", "value": 10.0}


def test_unknown_ids_are_one_line_errors(mini):
    for args in (["show", "nope"], ["body", "members", "nope"], ["positions", "nope"], ["history", "nope"]):
        r = mini(*args, ok=False)
        assert r.exit_code == 2 and "nope" in r.stderr and len(r.stderr.strip().splitlines()) == 1, args


def test_malformed_options(mini):
    assert "--date" in mini("positions", "vote-timing", "--date", "2020-14-01", ok=False).stderr
    assert "--as-known-on" in mini("positions", "vote-timing", "--as-known-on", "yesterday", ok=False).stderr


def test_an_unreachable_database_is_one_line(tmp_path):
    from tests.cli.conftest import Accord

    r = Accord("postgresql://nobody@127.0.0.1:1/none")("case", "list", ok=False)
    assert r.exit_code == 2 and "cannot open the store" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_citation_span_past_its_document_is_refused_on_write(mini):
    r = mini("position", "set", "vote-timing", "alpha", "40", "--cite", "memo:10-500", ok=False)
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "span 10-500 runs past the end of memo's text (82 characters)" in r.stderr


def test_an_edit_that_breaks_another_records_citation_is_refused(mini):
    # the positions cite memo:39-64 and memo:66-81: a shorter text would leave them pointing at nothing
    r = mini("edit", "memo", "--set", "text=Too short.", "--cite", "https://example.org/m", ok=False)
    assert r.exit_code == 2 and "runs past the end of memo's text (10 characters)" in r.stderr
    assert mini.json("show", "memo")["record"]["text"].startswith("The contact group met")


def test_commands_give_their_connections_back(db_url):
    """A command run in-process (as the API and tests run them) closes what it opened: a long-lived
    process running many commands must not pile up server connections until PostgreSQL refuses more."""
    import uuid

    import pytest
    import sqlalchemy as sa

    from tests.cli.conftest import Accord

    if not db_url.startswith("postgresql"):
        pytest.skip("counts server connections, which only PostgreSQL has")
    name = f"accord-conn-{uuid.uuid4().hex[:8]}"
    accord = Accord(f"{db_url}&application_name={name}")
    accord("case", "load", str(MINI), "--by", "loader")
    for _ in range(5):
        accord.json("actors", "list")
        accord.json("positions", "vote-timing", "--date", "2020-06-01")
    engine = sa.create_engine(db_url.split("?")[0].replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        left = conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :n"), {"n": name}).scalar()
    engine.dispose()
    assert left == 0
