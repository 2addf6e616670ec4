"""Processes, list effects, mediation roles and claims in a bundle: what loads, what is refused."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.errors import BundleError
from accord.record.bundle import read_bundle
from accord.record.bundlewrite import write_bundle
from accord.record.model import Claim, DesignationList, Event, Process, Relation, disputes

MINI = Path(__file__).parent / "data" / "mini"

PROCESSES = """\
- id: talks
  name: Contact group talks
  kind: talks
  convened_by: [group]
  cite: [memo]
- id: local-truce
  name: Local truce
  kind: ceasefire
  parent: talks
  requires_acceptance: true
  parties:
    - {actor: gamma, status: conditional, date: 2020-03-02, to: [alpha], cite: [memo]}
  cite: [memo]
"""


@pytest.fixture
def bundle(tmp_path):
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    (dst / "processes.yaml").write_text(PROCESSES)
    return dst


def add(path: Path, text: str) -> None:
    path.write_text((path.read_text() if path.exists() else "") + text)


def error(path: Path) -> str:
    with pytest.raises(BundleError) as e:
        read_bundle(path)
    return str(e.value)


def test_processes_load_with_their_parent_and_parties(bundle):
    records = {r.id: r for r in read_bundle(bundle).records}
    truce = records["local-truce"]
    assert isinstance(truce, Process)
    assert (truce.parent, truce.parent_process, truce.requires_acceptance) == ("talks", "talks", True)
    assert [(p.actor, p.status, p.to) for p in truce.parties] == [("gamma", "conditional", ["alpha"])]


def test_list_effects_beyond_exclusion_load(bundle):
    add(bundle / "lists.yaml", "- {id: l, name: L, body: group, effects: [travel-ban, asset-freeze, arms-embargo,"
                               " 'excluded-from:local-truce'], cite: [memo]}\n")
    lst = next(r for r in read_bundle(bundle).records if isinstance(r, DesignationList))
    assert lst.effects == ["travel-ban", "asset-freeze", "arms-embargo", "excluded-from:local-truce"]


@pytest.mark.parametrize("effect, message", [
    ("excluded-from:nowhere", "unknown reference 'nowhere'"),
    ("excluded-from:alpha", "'alpha' is a actor, expected process"),
    ("excluded-from-talks", "effects.0"),
    ("curfew", "effects.0"),
])
def test_a_bad_list_effect_is_refused(bundle, effect, message):
    add(bundle / "lists.yaml", f"- {{id: l, name: L, body: group, effects: ['{effect}'], cite: [memo]}}\n")
    text = error(bundle)
    assert "lists.yaml" in text and message in text


def test_a_process_parent_must_be_a_process(bundle):
    (bundle / "processes.yaml").write_text(PROCESSES.replace("parent: talks", "parent: alpha"))
    assert "'alpha' is a actor, expected process" in error(bundle)


def test_a_mediation_role_names_its_process(bundle):
    add(bundle / "relations.yaml", "- {type: mediates, source: alpha, target: gamma, process: talks, cite: [memo]}\n")
    rel = next(r for r in read_bundle(bundle).records if isinstance(r, Relation) and r.type == "mediates")
    assert (rel.id, rel.process) == ("alpha.mediates.gamma", "talks")
    add(bundle / "relations.yaml", "- {type: hosts, source: beta, target: alpha, process: elsewhere, cite: [memo]}\n")
    assert "unknown reference 'elsewhere'" in error(bundle)


def test_claims_on_an_event_load_and_write_back_byte_identical(bundle, tmp_path):
    add(bundle / "events.yaml", """\
- id: handover
  type: other
  name: Handover of the port
  date: 2020-03-05
  process: local-truce
  claims:
    - {by: alpha, stance: confirms, date: 2020-03-06, cite: [memo]}
    - {by: gamma, stance: disputes, date: 2020-03-07, note: says it never left, cite: [memo]}
  cite: [memo]
""")
    records = read_bundle(bundle).records
    event = next(r for r in records if isinstance(r, Event))
    assert [c.by for c in disputes(event.claims)] == ["gamma"]
    write_bundle(records, tmp_path / "a")
    write_bundle(read_bundle(tmp_path / "a").records, tmp_path / "b")
    for f in (tmp_path / "a").iterdir():
        assert f.read_text() == (tmp_path / "b" / f.name).read_text(), f.name


def test_a_claim_by_an_unknown_actor_is_refused(bundle):
    add(bundle / "events.yaml", "- {id: e, type: other, name: E, date: 2020-03-05, claims: [{by: nobody, stance: denies,"
                                " date: 2020-03-06, cite: [memo]}], cite: [memo]}\n")
    text = error(bundle)
    assert "claims[0].by" in text and "unknown reference 'nobody'" in text


STANCES = st.sampled_from(["alleges", "confirms", "denies", "disputes", "cannot_confirm"])
DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2020, 12, 31))


@given(st.lists(st.tuples(STANCES, DAYS), max_size=6), DAYS)
def test_disputed_exactly_when_a_denial_or_dispute_was_made_by_the_day(claims, on):
    made = [Claim(by="a", stance=s, date=d.isoformat(), cite=["memo"]) for s, d in claims]
    found = disputes(made, on)
    assert all(c.stance in ("denies", "disputes") and c.date.start <= on for c in found)
    assert len(found) == sum(1 for s, d in claims if s in ("denies", "disputes") and d <= on)
