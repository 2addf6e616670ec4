"""What a new user trips on: --version, help that reads cleanly, ACCORD_CASE, show's quoted spans,
history's whole ids, body members today, --as-known-on a day, position set keeping its evidence."""

from __future__ import annotations

import datetime as dt
import json
import re

import click
import pytest
import typer
from typer.testing import CliRunner

from accord.cli.main import app
from tests.cli.conftest import Accord


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*path, name)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))


ALL = [()] + sorted(_commands(typer.main.get_command(app)))


def test_version():
    from importlib.metadata import version

    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout == f"accord {version('accord')}\n"


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "accord")
def test_every_help_reads_cleanly(path):
    r = CliRunner().invoke(app, [*path, "--help"], terminal_width=100)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "Usage: accord" in out
    # no Python types beside options (<bool>, <list[str]>), no braces or doubled brackets in usage
    assert not re.search(r"<\w+(\[\w+\])?>", out), out
    assert "{" not in out and "[[" not in out, out


def test_accord_case_is_the_default_case(tmp_path):
    from tests.cli.conftest import MINI, Accord

    accord = Accord(str(tmp_path / "two.db"))
    accord("case", "load", str(MINI))
    accord("case", "load", "syria-2015")
    r = accord("actors", "list", "--kind", "state", "--json", ok=False)
    assert r.exit_code == 2 and "several cases" in r.stderr
    r = accord("actors", "list", "--kind", "state", "--json", env={"ACCORD_CASE": "mini"})
    assert [a["id"] for a in json.loads(r.stdout)] == ["alpha", "beta"]
    assert accord("brief", ok=False).exit_code == 2
    assert accord("brief", "--date", "2020-03-02", env={"ACCORD_CASE": "mini"}).exit_code == 0
    # an explicit --case wins over the variable
    r = accord("actors", "list", "--case", "syria-2015", "--json", env={"ACCORD_CASE": "mini"})
    assert "russia" in r.stdout


def test_show_prints_the_cited_span(mini):
    out = mini("show", "vote-timing.alpha.2020-03").stdout
    assert "memo:39-64: “Alpha wants an early vote”" in out


def test_history_never_cuts_an_id_short(mini):
    mini("position", "set", "vote-timing", "alpha", "40", "--date", "2020-06-01", "--cite", "https://e.org/x")
    r = mini.runner.invoke(app, ["--db", mini.db, "history", "vote-timing"], terminal_width=60)
    assert r.exit_code == 0
    for rid in ("vote-timing.alpha.2020-03", "vote-timing.alpha.2020-06-01", "vote-timing.beta.2020-03"):
        assert rid in r.stdout
    assert "…" not in r.stdout


def test_body_members_without_a_date_means_today(mini, tmp_path):
    # both memberships are open-ended: today both are members, and the title says which day
    out = mini("body", "members", "group").stdout
    assert f"Contact Group: 2 members on {dt.date.today().isoformat()}" in out


def test_as_known_on_a_day_means_the_end_of_that_day(mini):
    today = dt.datetime.now(dt.timezone.utc).date()
    mini("position", "set", "vote-timing", "alpha", "40", "--date", "2020-06-01", "--cite", "https://e.org/x")
    ids = {r["id"] for r in mini.json("positions", "vote-timing", "--as-known-on", today.isoformat())}
    assert "vote-timing.alpha.2020-06-01" in ids  # recorded today: known by the end of today
    r = mini("positions", "vote-timing", "--as-known-on", (today - dt.timedelta(days=1)).isoformat(), ok=False)
    assert r.exit_code == 2 and "no case" in r.stderr  # yesterday the store held nothing


def test_re_setting_a_position_keeps_its_citations_and_note(mini):
    pid = "vote-timing.alpha.2020-06-01"
    mini("position", "set", "vote-timing", "alpha", "40", "--date", "2020-06-01", "--cite", "https://e.org/first",
         "--note", "after the June meeting")
    mini("position", "set", "vote-timing", "alpha", "45", "--date", "2020-06-01", "--cite", "memo:0-10")
    rec = mini.json("show", pid)["record"]
    assert rec["value"] == 45 and rec["note"] == "after the June meeting"
    assert rec["cite"] == [{"url": "https://e.org/first"}, {"document": "memo", "start": 0, "end": 10}]
    mini("position", "set", "vote-timing", "alpha", "50", "--date", "2020-06-01", "--cite", "https://e.org/third",
         "--replace-cite", "--note", "revised")
    rec = mini.json("show", pid)["record"]
    assert rec["cite"] == [{"url": "https://e.org/third"}] and rec["note"] == "revised"


@pytest.mark.parametrize("command", [["positions", "x"], ["brief"], ["history", "x"], ["show", "x"],
                                     ["monitor", "violations", "c"]])
@pytest.mark.parametrize("url", [False, True], ids=["path", "sqlite-url"])
def test_a_read_on_a_missing_store_says_so_and_creates_nothing(tmp_path, command, url):
    # a mistyped --db once left an empty store behind and answered from it
    path = tmp_path / "typo.db"
    db = f"sqlite:///{path}" if url else str(path)
    result = Accord(db)(*command, ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: --db {db}: no store there (nothing was created); load a case first: "
                                     f"accord --db {db} case load NAME|PATH")
    assert not path.exists()


def test_case_list_on_a_missing_store_lists_the_builtin_cases_and_creates_nothing(tmp_path):
    db = tmp_path / "none.db"
    out = Accord(str(db)).json("case", "list")
    assert out["stored"] == [] and "syria-2015" in out["builtin"]
    assert not db.exists()
