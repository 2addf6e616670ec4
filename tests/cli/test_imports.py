"""What each command imports: heavy libraries only where the command needs them, so that `accord --help`
and a read command start in a fraction of a second (docs/cli.md, "Adding a command").

Every registered command is found by walking the Typer app, so a new command is covered the day it lands.
Each check runs in a fresh interpreter and reads ``sys.modules`` afterwards: what was imported, not how
long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer.main

from accord.cli.main import app

#: the libraries that cost start-up time and that most commands do not need
HEAVY = (
    "numpy", "scipy", "matplotlib", "spacy", "thinc", "sqlalchemy", "alembic", "psycopg", "dateparser",
    "trafilatura", "yaml", "dask", "distributed", "pandas", "fastapi", "uvicorn", "starlette", "jinja2",
)
#: what a read command may load of them: the driver of a PostgreSQL store, YAML where it prints YAML (show);
#: not SQLAlchemy (the store reads through the driver: docs/python-api.md), the models, the reader or the migrations
READ_ALLOWED = ("psycopg", "yaml")
READ_FORBIDDEN = tuple(m for m in HEAVY if m not in READ_ALLOWED)


def _commands(group=None, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    group = typer.main.get_command(app) if group is None else group
    out = []
    for name, sub in getattr(group, "commands", {}).items():
        out += _commands(sub, (*path, name)) if hasattr(sub, "commands") else [(*path, name)]
    return out


# Imports the CLI, then runs each command's --help in turn in one interpreter and reports, per command, the
# heavy modules that were first loaded by it.
_HELP_PROBE = """
import json, sys
from accord.cli.main import app
heavy, paths = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def loaded():
    return {m for m in heavy if m in sys.modules}
before = loaded()
out = {"(start-up)": sorted(before)}
for path in paths:
    try:
        app([*path, "--help"], standalone_mode=False)
    except SystemExit:
        pass
    now = loaded()
    out[" ".join(path)] = sorted(now - before)
    before = now
print(json.dumps(out))
"""


def _probe(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_walk_finds_every_command_group():
    found = _commands()
    assert ("forecast", "issue") in found and ("case", "load") in found and ("show",) in found
    assert len(found) >= 30


def test_no_command_help_imports_a_heavy_library():
    paths = [list(p) for p in _commands()]
    loaded = _probe(_HELP_PROBE, json.dumps(HEAVY), json.dumps(paths))
    assert set(loaded) == {"(start-up)", *(" ".join(p) for p in paths)}
    offenders = {cmd: mods for cmd, mods in loaded.items() if mods}
    assert offenders == {}, f"move these imports into the command function: {offenders}"


_RUN_PROBE = """
import json, sys
from accord.cli.main import app
try:
    app(json.loads(sys.argv[2]), standalone_mode=False)
except SystemExit as e:
    assert not e.code, e.code
print(json.dumps(sorted(m for m in json.loads(sys.argv[1]) if m in sys.modules)))
"""

#: beyond READ_FORBIDDEN: `case list` prints case ids, so builds no record class, reads no YAML and needs no pydantic;
#: `positions` reads the fields it shows from the stored JSON (accord/views/positions.py), so builds no record class;
#: `show` reads the record and the documents it cites from the stored JSON (accord/views/show.py), so builds
#: no record class, and prints YAML through the writer alone, not the bundle reader;
#: `actors list`, `relations`, `body members`, `eligible` and `list status` read the snapshot as plain records
#: (accord/record/plain.py); the rules they ask look kinds up by name, not by importing the model; so do
#: `vote tally`, `vote predict`, `decision show` and `roadmap`, whose answers dump what they show of a record (a provision,
#: a claim) through accord.record.plain.dump; and a repeatable text option (`--no russia`) or a number
#: option left at its default (`--at-risk-days`) reaches the command without Typer's pydantic adapter
#: (`vote predict` with a --threshold or --issue reads that number through the model's reader: pydantic);
#: `review list` reads the queue through the store's plain SQL (accord/ingest/queue_read.py): no record at all;
#: the monitor's reads take a snapshot of plain records (accord/views/monitor.py answers from either form),
#: and the violation rule and the counts run over Python lists below 100,000 incidents, not NumPy's arrays
#: (accord/monitor/columns.py)
PLAIN = ("yaml", "pydantic", "pydantic_core", "accord.record.model", "accord.record.bundle")
READ_ALSO_FORBIDDEN = {
    "actors list": PLAIN,
    "actors list --kind state --date 2016-01-01 --json": PLAIN,
    "relations russia --date 2016-01-01": PLAIN,
    "body members unsc --date 2015-12-18 --json": PLAIN,
    "eligible talks --date 2015-12-18": PLAIN,
    "list status issg-terrorist-list --date 2016-01-01": PLAIN,
    "vote tally unscr-2254 --no russia --no china": PLAIN,
    "decision show unscr-2254 --json": PLAIN,
    "vote predict --draft unscr-2254 --unknown no": PLAIN,
    "roadmap unscr-2254 --date 2016-08-01": PLAIN,
    "show assad-role": ("pydantic", "pydantic_core", "accord.record.model", "accord.record.bundle"),
    "case list": ("yaml", "pydantic", "accord.record.model", "accord.record.bundle"),
    "positions assad-role --date 2015-12-18": ("yaml", "pydantic", "pydantic_core", "accord.record.model"),
    # --json writes the same data through json alone: no model to dump, so no pydantic to ask
    "show assad-role --json --as-known-on 2100-01-01": ("yaml", "pydantic", "pydantic_core", "accord.record.model"),
    "history assad-role --json": ("yaml", "pydantic", "pydantic_core", "accord.record.model"),
    "user list": ("yaml", "pydantic", "accord.record.model"),
    "review list": ("yaml", "pydantic", "pydantic_core", "accord.record.model"),
    "review list --status all --kind date --json": ("yaml", "pydantic", "pydantic_core", "accord.record.model"),
    "monitor incidents --from 2016-02-26 --to 2016-03-07": PLAIN,
    "monitor ceasefire coh-2016 --date 2016-03-01 --json": PLAIN,
    "monitor merge review --all": PLAIN,
    "monitor violations coh-2016 --from 2016-02-26 --to 2016-03-07": PLAIN,
    "monitor compliance coh-2016 --from 2016-02-26 --to 2016-03-07": PLAIN,
    "monitor compliance coh-2016 --period week --from 2016-02-26 --to 2016-03-07 --json": PLAIN,
    "monitor report coh-2016 --date 2016-03-01": PLAIN,
    "monitor export --from 2016-02-26 --to 2016-03-07": PLAIN,
    "monitor export --format acled --from 2016-02-26 --to 2016-03-07": PLAIN,
    # the events as PLOVER records from plain records (accord/formats/plover.py)
    "case export-plover syria-2015": ("pydantic", "pydantic_core", "accord.record.model", "accord.record.bundle"),
    # an issue's numbers written as KTAB's scenario: not the SMP model, its reader or NumPy (accord/forecast/smp/writers.py)
    "forecast ktab assad-role --date 2015-12-18": (*PLAIN, "accord.forecast.smp.model", "accord.forecast.smp.readers"),
    "forecast ktab assad-role --date 2015-12-18 --format csv": (*PLAIN, "accord.forecast.smp.model", "accord.forecast.smp.readers"),
}

READ_COMMANDS = [
    ["show", "assad-role"],
    ["case", "list"],
    ["actors", "list"],
    ["actors", "list", "--kind", "state", "--date", "2016-01-01", "--json"],
    ["relations", "russia", "--date", "2016-01-01"],
    ["body", "members", "unsc", "--date", "2015-12-18", "--json"],
    ["history", "assad-role"],
    ["positions", "assad-role", "--date", "2015-12-18"],
    ["eligible", "talks", "--date", "2015-12-18"],
    ["list", "status", "issg-terrorist-list", "--date", "2016-01-01"],
    ["vote", "tally", "unscr-2254", "--no", "russia", "--no", "china"],
    ["decision", "show", "unscr-2254", "--json"],
    ["vote", "predict", "--draft", "unscr-2254", "--unknown", "no"],
    ["roadmap", "unscr-2254", "--date", "2016-08-01"],
    ["show", "assad-role", "--json", "--as-known-on", "2100-01-01"],
    ["history", "assad-role", "--json"],
    ["user", "list"],
    ["review", "list"],
    ["review", "list", "--status", "all", "--kind", "date", "--json"],
    ["monitor", "incidents", "--from", "2016-02-26", "--to", "2016-03-07"],
    ["monitor", "ceasefire", "coh-2016", "--date", "2016-03-01", "--json"],
    ["monitor", "merge", "review", "--all"],
    ["monitor", "violations", "coh-2016", "--from", "2016-02-26", "--to", "2016-03-07"],
    ["monitor", "compliance", "coh-2016", "--from", "2016-02-26", "--to", "2016-03-07"],
    ["monitor", "compliance", "coh-2016", "--period", "week", "--from", "2016-02-26", "--to", "2016-03-07", "--json"],
    ["monitor", "report", "coh-2016", "--date", "2016-03-01"],
    ["monitor", "export", "--from", "2016-02-26", "--to", "2016-03-07"],
    ["monitor", "export", "--format", "acled", "--from", "2016-02-26", "--to", "2016-03-07"],
    ["case", "export-plover", "syria-2015"],
    ["forecast", "ktab", "assad-role", "--date", "2015-12-18"],
    ["forecast", "ktab", "assad-role", "--date", "2015-12-18", "--format", "csv"],
]


@pytest.fixture(scope="module")
def syria_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("imports") / "accord.db")
    load = "from accord.cli.main import main; main()"
    subprocess.run([sys.executable, "-c", load, "--db", db, "case", "load", "syria-2015"], check=True, capture_output=True)
    return db


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_read_commands_load_neither_sqlalchemy_nor_models_nor_reader_nor_migrations(syria_db, command):
    also = READ_ALSO_FORBIDDEN.get(" ".join(command), ())
    loaded = _probe(_RUN_PROBE, json.dumps([*HEAVY, *also, "sqlite3"]), json.dumps(["--db", syria_db, *command]))
    assert "sqlite3" in loaded  # the probe sees what the command loads: the store's driver
    assert not set(loaded) & {*READ_FORBIDDEN, *also}, loaded


#: what a forecast computed before costs to read back (accord.forecast.issue.kept): the cache's JSON, not
#: NumPy, Numba, the models' code, the computation or the record model
COMPUTING = ("numba", "accord.forecast.report", "accord.forecast.baselines", "accord.forecast.smp",
             "accord.forecast.eum", *PLAIN)


def test_a_forecast_read_back_from_the_cache_loads_no_model(syria_db):
    command = ["--db", syria_db, "forecast", "issue", "assad-role", "--date", "2015-12-18", "--models", "nash", "--json"]
    computed = _probe(_RUN_PROBE, json.dumps(["numpy", "accord.forecast.report"]), json.dumps(command))
    assert computed == ["accord.forecast.report", "numpy"]  # the first ask computes: the probe sees it
    loaded = _probe(_RUN_PROBE, json.dumps([*HEAVY, *COMPUTING]), json.dumps(command))
    assert not set(loaded) & {*READ_FORBIDDEN, *COMPUTING}, loaded


@pytest.mark.parametrize("date", ["2016-01-01", "2016-03-06"])  # before the cessation of hostilities, and in it
def test_a_briefing_with_its_forecasts_kept_reads_plain_records_and_computes_nothing(syria_db, date):
    """`brief` builds the briefing once from plain records (no pydantic, no record model), not through the
    API's kept views (SQLAlchemy), and its forecasts, computed by the first briefing, are read back by the
    next (no NumPy, no model); a ceasefire's compliance is counted without NumPy."""
    command = ["--db", syria_db, "brief", "--date", date]
    _probe(_RUN_PROBE, "[]", json.dumps(command))  # the first briefing computes its forecasts
    loaded = _probe(_RUN_PROBE, json.dumps([*HEAVY, *COMPUTING]), json.dumps(command))
    assert not set(loaded) & {*READ_FORBIDDEN, *COMPUTING}, loaded


@pytest.mark.parametrize("command", [
    ["case", "export", "syria-2015", "{out}"],
    ["monitor", "export", "--from", "2016-02-26", "--to", "2016-03-07", "--out", "{out}"],
    ["forecast", "ktab", "assad-role", "--date", "2015-12-18", "--out", "{out}"],
], ids=lambda c: " ".join(c[:2]))
def test_a_path_given_reaches_the_command_without_pydantic(syria_db, tmp_path, command):
    """A path's text becomes a Path without Typer's pydantic adapter (accord/cli/main.py), and `case export`
    writes the case as YAML from plain records: no pydantic, no record model, no bundle reader."""
    out = tmp_path / "out"
    args = [a.format(out=out) for a in command]
    loaded = _probe(_RUN_PROBE, json.dumps([*HEAVY, *PLAIN]), json.dumps(["--db", syria_db, *args]))
    assert out.exists()
    assert not set(loaded) & {*READ_FORBIDDEN, "pydantic", "pydantic_core", "accord.record.model", "accord.record.bundle"}, loaded


def test_the_schema_is_printed_without_the_model():
    """`case schema` prints the copy derived from the model when it changed (accord/record/bundle-schema.json,
    kept equal by tests/record/test_reference.py): no pydantic, no record model, no bundle reader."""
    loaded = _probe(_RUN_PROBE, json.dumps([*HEAVY, *PLAIN]), json.dumps(["case", "schema"]))
    assert not set(loaded) & {*READ_FORBIDDEN, *PLAIN}, loaded
