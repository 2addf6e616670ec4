"""Record and user text is printed as written: markup in a name neither crashes nor styles the output."""

from __future__ import annotations

import pytest

from tests.reliability.conftest import bundle_refused, one_error_line

EVIL = "[/bold]Ev[red]il"
EVIL_ISSUE = "[bold]When[/] [/]"


@pytest.fixture
def hostile(accord, bundle):
    for name, old, new in (("actors.yaml", "name: Beta", f"name: '{EVIL}'"),
                           ("actors.yaml", "name: Contact Group", "name: '[/]Group[/i]'"),
                           ("issues.yaml", "name: When to hold the vote", f"name: '{EVIL_ISSUE}'"),
                           ("decisions.yaml", "title: First statement", "title: '[/]First[x'"),
                           ("documents.yaml", "title: Contact group memo (fictional)", "title: '[/u]Memo'")):
        f = bundle / name
        f.write_text(f.read_text().replace(old, new))
    accord("case", "load", str(bundle))
    return accord


@pytest.mark.parametrize("args, shows", [
    (["actors", "list"], [EVIL]),
    (["positions", "vote-timing", "--date", "2020-04-01"], [EVIL, EVIL_ISSUE]),
    (["body", "members", "group", "--date", "2020-04-01"], [EVIL, "[/]Group[/i]"]),
    (["relations", "beta"], [EVIL]),
    (["show", "beta"], [EVIL]),
    (["show", "vote-timing.alpha.2020-03"], ["[/u]Memo"]),
    (["history", "beta"], []),
    (["brief", "--date", "2020-04-01"], ["[/]Group[/i]"]),
    (["vote", "tally", "statement-1"], []),
])
def test_hostile_names_print_as_written(hostile, args, shows):
    r = hostile(*args, env={"COLUMNS": "250"})
    assert r.exit_code == 0, (r.stderr, r.exception)
    for text in shows:
        assert text in r.stdout, (text, r.stdout)


def test_an_error_message_keeps_its_brackets(accord, bundle):
    actors = bundle / "actors.yaml"
    actors.write_text(actors.read_text().replace("id: beta", "id: Beta Land"))
    bundle_refused(accord("case", "load", str(bundle), ok=False), "actors.yaml:6", "^[a-z0-9][a-z0-9._:-]*$")


def test_a_hostile_argument_is_echoed_as_written(mini):
    one_error_line(mini("show", "[/bold]nope", ok=False), "[/bold]nope")
