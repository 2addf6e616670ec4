"""A reload never deletes silently: `case load` on a stored case shows its diff, refuses deletions
unless --prune, keeps what users entered outside the bundle, and --dry-run writes nothing.
On SQLite and PostgreSQL."""

import shutil

import pytest

from tests.cli.conftest import MINI

POSITIONS = ["vote-timing.alpha.2020-03", "vote-timing.beta.2020-03"]


@pytest.fixture
def bundle(tmp_path):
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    return dst


def _load(accord, bundle, *flags, ok=True):
    import json

    r = accord("case", "load", str(bundle), "--json", *flags, ok=ok)
    return r, json.loads(r.stdout)


def _position_ids(accord):
    return sorted(p["id"] for p in accord.json("positions", "vote-timing"))


def test_the_diff_by_kind_before_anything_is_written(mini, bundle):
    (bundle / "actors.yaml").write_text((bundle / "actors.yaml").read_text().replace("name: Beta", "name: Betaland"))
    (bundle / "issues.yaml").write_text((bundle / "issues.yaml").read_text()
                                        + "- id: venue\n  name: Where to meet\n  cite: [memo]\n")
    _, d = _load(mini, bundle)
    assert (d["created"], d["updated"], d["deleted"], d["kept"]) == (1, 1, 0, 0)
    assert d["diff"]["created"] == {"issue": ["venue"]} and d["diff"]["updated"] == {"actor": ["beta"]}
    text = mini("case", "load", str(bundle)).stdout
    assert "loaded mini: 17 records (0 created, 0 updated, 0 deleted, 0 kept, 17 unchanged)" in text


def test_an_emptied_file_is_refused_with_what_would_go(mini, bundle):
    before = mini.json("history", "vote-timing")
    (bundle / "positions.yaml").write_text("")
    r, d = _load(mini, bundle, ok=False)
    assert r.exit_code == 2 and d["refused"] is True
    assert d["diff"]["refused_deletions"] == {"position": POSITIONS} and d["deleted"] == 0
    assert "would delete 2 records the bundle no longer holds (--prune to delete them); nothing was written" in r.stderr
    assert _position_ids(mini) == POSITIONS and mini.json("history", "vote-timing") == before
    text = mini("case", "load", str(bundle), ok=False).stdout
    assert f"would delete (refused) position: 2: {', '.join(POSITIONS)}" in text


def test_a_truncated_file_is_refused(mini, bundle):
    lines = (bundle / "positions.yaml").read_text().splitlines(keepends=True)
    (bundle / "positions.yaml").write_text(lines[0])  # cut after its first record
    r, d = _load(mini, bundle, ok=False)
    assert r.exit_code == 2 and d["diff"]["refused_deletions"] == {"position": POSITIONS[1:]}
    assert _position_ids(mini) == POSITIONS


def test_prune_deletes_what_the_bundle_no_longer_holds(mini, bundle):
    (bundle / "positions.yaml").write_text("")
    _, d = _load(mini, bundle, "--prune")
    assert d["deleted"] == 2 and d["diff"]["deleted"] == {"position": POSITIONS}
    assert _position_ids(mini) == []


def test_dry_run_shows_the_diff_and_writes_nothing(mini, bundle):
    (bundle / "positions.yaml").write_text("")
    (bundle / "actors.yaml").write_text((bundle / "actors.yaml").read_text().replace("name: Beta", "name: Betaland"))
    before = mini.json("history", "beta")
    _, d = _load(mini, bundle, "--dry-run", "--prune")
    assert d["dry_run"] is True and (d["updated"], d["deleted"]) == (1, 2)
    assert mini.json("history", "beta") == before and _position_ids(mini) == POSITIONS
    assert mini.json("show", "beta")["record"]["name"] == "Beta"
    assert "would load (dry run, nothing written) mini" in mini("case", "load", str(bundle), "--dry-run", "--prune").stdout


def test_records_entered_by_users_are_kept_even_with_prune(mini, bundle):
    mini("position", "set", "vote-timing", "beta", "60", "--date", "2021-01-01", "--cite", "https://e.org/b", "--by", "analyst")
    mine = "vote-timing.beta.2021-01-01"
    _, d = _load(mini, bundle)
    assert d["diff"]["kept"] == {"position": [mine]} and d["written_by"] == {mine: "position set"}
    (bundle / "positions.yaml").write_text("")
    _, d = _load(mini, bundle, "--prune")
    assert d["diff"]["deleted"] == {"position": POSITIONS} and d["diff"]["kept"] == {"position": [mine]}
    assert _position_ids(mini) == [mine]
    text = mini("case", "load", str(bundle)).stdout
    assert f"kept (entered outside the bundle) position: 1: {mine} (position set)" in text
    # only when asked: both flags together make the store hold exactly the bundle
    _, d = _load(mini, bundle, "--prune", "--discard-user-changes")
    assert d["diff"]["deleted"] == {"position": [mine]} and _position_ids(mini) == []


def test_a_change_made_outside_the_bundle_is_not_overwritten_unasked(mini, bundle):
    mini("edit", "beta", "--set", "name=Beta Republic", "--cite", "https://e.org/b", "--by", "analyst")
    r, d = _load(mini, bundle, ok=False)
    assert r.exit_code == 2 and d["diff"]["refused_overwrites"] == {"actor": ["beta"]}
    assert d["written_by"] == {"beta": "edit"} and "--discard-user-changes" in r.stderr
    assert mini.json("show", "beta")["record"]["name"] == "Beta Republic"
    _, d = _load(mini, bundle, "--discard-user-changes")
    assert d["diff"]["updated"] == {"actor": ["beta"]} and mini.json("show", "beta")["record"]["name"] == "Beta"


def test_once_a_bundle_holds_the_change_later_loads_update_it(mini, bundle, tmp_path):
    mini("edit", "beta", "--set", "name=Beta Republic", "--cite", "https://e.org/b")
    out = tmp_path / "exported"
    mini("case", "export", "mini", str(out))
    _load(mini, out)  # the bundle now holds the change: a load takes it in
    text = (out / "actors.yaml").read_text().replace("name: Beta Republic", "name: Beta State")
    (out / "actors.yaml").write_text(text)
    _, d = _load(mini, out)
    assert d["diff"]["updated"] == {"actor": ["beta"]}


def test_a_kept_record_must_still_fit_the_bundle(mini, bundle):
    mini("position", "set", "vote-timing", "beta", "60", "--date", "2021-01-01", "--cite", "https://e.org/b")
    # the bundle narrows the scale: the user's position (60) now lies outside it
    (bundle / "issues.yaml").write_text((bundle / "issues.yaml").read_text().replace(
        "anchors: {0: at once, 100: never}", "scale_max: 50"))
    (bundle / "positions.yaml").write_text((bundle / "positions.yaml").read_text().replace("value: 95", "value: 45"))
    r = mini("case", "load", str(bundle), ok=False)
    assert r.exit_code == 2
    assert ("(kept: entered by position set): vote-timing.beta.2021-01-01: value: 60 lies outside the scale of "
            "vote-timing (0..50)") in r.stderr
    assert mini.json("show", "vote-timing")["record"]["scale_max"] == 100
