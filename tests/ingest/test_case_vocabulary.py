"""A case's own words for reading the news: its stance cues and trigger words, from its bundle, are
merged with the world dictionary by `accord ingest --case`; a case issue without cues is warned of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.errors import BundleError
from accord.record.bundle import read_bundle

runner = CliRunner()

CASE = """\
id: harbour
name: Harbour truce (fictional)
format: 1
"""
ACTORS = """\
- {id: north, kind: armed_group, name: Northern Brigades, cite: [https://example.org/n]}
- {id: south, kind: government, name: Southern Authority, cite: [https://example.org/s]}
"""
ISSUES = """\
- id: port-control
  name: Who holds the port
  anchors: {0: the brigades leave the port, 100: the brigades keep it}
  cite: [https://example.org/i]
- id: fishing-rights
  name: Fishing rights
  cite: [https://example.org/f]
"""
VOCABULARY = """\
- issue: port-control
  topic: ["port", "harbou?r", "quays?", "docks?"]
  toward_min: ["hand(ed|s)? over", "leave", "withdraw\\\\w*", "pull(ed)? out"]
  toward_max: ["keep", "stay", "hold (on|onto)", "never (leave|give up)"]
- event: RETREAT
  verbs: [redeploy]
  nouns: [redeployment]
"""
TEXT = ('PORT TOWN, March 3 - "The brigades must hand over the port and leave the quays," a Southern Authority '
        "spokesman said. The Northern Brigades redeployed from the docks on Tuesday.")


def bundle(tmp_path: Path, vocabulary: str | None = VOCABULARY) -> Path:
    folder = tmp_path / "harbour"
    folder.mkdir()
    for name, text in (("case.yaml", CASE), ("actors.yaml", ACTORS), ("issues.yaml", ISSUES),
                       ("vocabulary.yaml", vocabulary)):
        if text is not None:
            (folder / name).write_text(text)
    return folder


def ingest(tmp_path: Path, folder: Path):
    db = str(tmp_path / "h.db")
    assert runner.invoke(app, ["--db", db, "case", "load", str(folder), "--by", "test"]).exit_code == 0
    (tmp_path / "a.txt").write_text(TEXT)
    r = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "a.txt"), "--case", "harbour",
                            "--published", "2019-03-05", "--json"])
    assert r.exit_code == 0, r.output
    (doc,) = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    return doc["candidates"], r.stderr


def test_a_new_case_cues_give_stances_and_its_triggers_events(tmp_path):
    candidates, stderr = ingest(tmp_path, bundle(tmp_path))
    stances = [(c["actor"], c["issue"], c["direction"]) for c in candidates if c["kind"] == "stance"]
    assert stances == [("south", "port-control", "toward_min")]
    events = [(c["event_type"], c["source"]) for c in candidates if c["kind"] == "event"]
    assert ("RETREAT", "north") in events
    # the issue with no cues is named, the one with cues is not
    assert "fishing-rights" in stderr and "port-control" not in stderr


def test_a_case_without_vocabulary_is_warned_of_not_silently_empty(tmp_path):
    candidates, stderr = ingest(tmp_path, bundle(tmp_path, vocabulary=None))
    assert not [c for c in candidates if c["kind"] == "stance"]
    warning = " ".join(stderr.split())
    assert "warning: no stance will be found on 2 issue(s) of case 'harbour' without stance cues:" in warning
    assert "fishing-rights, port-control" in warning and "vocabulary.yaml" in warning


@pytest.mark.parametrize("entry, message", [
    ('- {issue: port-control, topic: ["port("], toward_min: [leave]}', "is not a regular expression"),
    ("- {issue: nowhere, topic: [port], toward_min: [leave]}", "unknown reference 'nowhere'"),
    ("- {issue: port-control, topic: [port]}", "need topic words and direction words"),
    ("- {event: SURRENDER, verbs: [yield]}", "event"),
    ("- {event: RETREAT, topic: [port]}", "give them under an issue"),
    ("- {issue: port-control, event: RETREAT, topic: [port], toward_min: [leave]}", "either issue"),
])
def test_bad_vocabulary_is_one_error_naming_the_file(tmp_path, entry, message):
    with pytest.raises(BundleError) as e:
        read_bundle(bundle(tmp_path, vocabulary=entry + "\n"))
    assert "vocabulary.yaml" in str(e.value) and message in str(e.value)


def test_the_installed_world_holds_no_case_issue():
    from accord.ingest.world import WORLD_DIR, world

    assert world().issues == [] and not (WORLD_DIR / "issues.yaml").exists()


def test_the_documented_vocabulary_example_is_valid():
    import re

    import yaml

    from accord.record.model import Vocabulary

    doc = (Path(__file__).resolve().parents[2] / "docs" / "ingest.md").read_text()
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", doc, flags=re.S) if "issue: port-control" in b]
    ids = [Vocabulary.model_validate(entry).id for entry in yaml.safe_load(block)]
    assert ids == ["port-control.words", "retreat.words"]


def test_a_case_actor_named_like_a_world_actor_takes_its_place(tmp_path):
    """A user's case names the Houthis `ansarullah`; the world dictionary knows them as `houthis`. The
    news must resolve to the case's id, names the world alone knows included, and the world's people
    whose role is with them now serve the case's actor; the shared world dictionary stays as it was."""
    from accord.ingest.world import world
    from accord.record.model import Actor

    ansarullah = Actor(id="ansarullah", kind="armed_group", name="Ansar Allah", cite=["https://example.org/a"])
    lexicon = world().merged([ansarullah])
    assert "houthis" not in lexicon.entries
    assert {"Houthis", "the Houthis", "Ansar Allah"} <= {lexicon.entries["ansarullah"].name,
                                                         *lexicon.entries["ansarullah"].aliases}
    assert lexicon.entries["mohammed-abdulsalam"].roles[0].of == "ansarullah"
    assert world().entries["mohammed-abdulsalam"].roles[0].of == "houthis" and "houthis" in world().entries
    # a world entry the case names under its own id is merged as before, not folded
    assert world().merged([Actor(id="houthis", kind="armed_group", name="Ansar Allah",
                                 cite=["https://example.org/a"])]).entries["houthis"].name == "Ansar Allah"


def test_folding_needs_a_name_and_the_same_kind_of_actor():
    from accord.ingest.world import world
    from accord.record.model import Actor

    person = Actor(id="houthi-person", kind="person", name="Houthis", cite=["https://example.org/p"])
    assert "houthis" in world().merged([person]).entries  # a person does not take a group's place
    two = [Actor(id=f"h{i}", kind="armed_group", name="Houthis", cite=["https://example.org/h"]) for i in (1, 2)]
    assert "houthis" in world().merged(two).entries  # claimed twice: ambiguous, left alone
