"""Users and tokens (accord user …), the audit's OS and API user, and the SQLite file's mode."""

from __future__ import annotations

import getpass
import os
import re
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.store import Store
from accord.store import users
from tests.cli.conftest import MINI, Accord


def test_user_add_prints_a_token_once_and_keeps_only_its_hash(db_url):
    accord = Accord(db_url)
    out = accord.json("user", "add", "alice", "--role", "editor")
    assert out["name"] == "alice" and out["role"] == "editor" and len(out["token"]) >= 40
    store = Store.open(db_url)
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM api_user").scalar_one()
    assert stored == users.token_hash(out["token"]) and out["token"] not in stored
    assert users.authenticate(store, out["token"]).role == "editor"
    assert users.authenticate(store, out["token"] + "x") is None
    listed = accord.json("user", "list")
    # the list reads through the driver, authenticate through SQLAlchemy: the same user, the same time
    assert listed == [users.authenticate(store, out["token"]).to_json()] == [users.get(store, "alice").to_json()]
    assert listed[0]["name"] == "alice" and listed[0]["disabled"] is False
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", listed[0]["created_at"])
    assert "token" not in accord("user", "list").stdout.lower().replace("tokens", "")
    store.close()


def test_user_disable_stops_the_token(db_url):
    accord = Accord(db_url)
    token = accord.json("user", "add", "bob", "--role", "viewer")["token"]
    accord("user", "disable", "bob")
    store = Store.open(db_url)
    assert users.authenticate(store, token) is None
    assert accord.json("user", "list")[0]["disabled"] is True
    store.close()


@pytest.mark.parametrize("args, message", [
    (["user", "add", "x", "--role", "boss"], "--role 'boss': expected one of viewer, analyst, editor, admin"),
    (["user", "disable", "nobody"], "no user 'nobody'"),
])
def test_bad_user_commands_fail_in_one_line(sqlite_url, args, message):
    result = Accord(sqlite_url)(*args, ok=False)
    assert result.exit_code == 2 and result.stderr.strip() == f"error: {message}"


def test_a_name_is_taken_once(sqlite_url):
    accord = Accord(sqlite_url)
    accord("user", "add", "alice", "--role", "viewer")
    result = accord("user", "add", "alice", "--role", "admin", ok=False)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert accord.json("user", "list")[0]["role"] == "viewer"


@settings(max_examples=25, deadline=None)
@given(role=st.sampled_from(users.ROLES), needed=st.sampled_from(users.ROLES), disabled=st.booleans())
def test_roles_are_ordered(role, needed, disabled):
    user = users.User("u", role, "2026-01-01T00:00:00Z", disabled)
    assert user.can(needed) == (not disabled and users.ROLES.index(role) >= users.ROLES.index(needed))


def test_the_audit_records_the_os_user_beside_the_declared_one(db_url):
    accord = Accord(db_url)
    accord("case", "load", str(MINI), "--by", "loader")
    accord("position", "set", "vote-timing", "alpha", "40", "--date", "2020-06-01", "--cite", "https://example.org/a",
           "--by", "declared-name")
    last = accord.json("history", "vote-timing")[-1]
    assert (last["by"], last["os_user"], last["api_user"]) == ("declared-name", getpass.getuser(), None)
    from accord.cli.record import _who

    assert _who(last) == f"declared-name (os: {getpass.getuser()})"
    assert _who({**last, "api_user": "alice"}) == "declared-name (api: alice)"


def test_an_api_users_writes_are_audited_as_theirs(db_url):
    from accord.record.bundle import read_bundle

    store = Store.open(db_url)
    bundle = read_bundle(MINI)
    store.acting("alice").load(bundle.id, bundle.records, "alice", source="test")
    entry = store.history(bundle.id, "vote-timing")[0]
    assert (entry.by, entry.api_user, entry.os_user) == ("alice", "alice", getpass.getuser())
    store.close()


def test_a_new_sqlite_store_is_private(tmp_path):
    old = os.umask(0o022)
    try:
        Store.open(tmp_path / "new.db").close()
    finally:
        os.umask(old)
    for name in ("new.db", "new.db-wal", "new.db-shm"):
        path = tmp_path / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_an_unusable_store_path_is_one_error(tmp_path):
    (tmp_path / "ro").write_text("a file, not a folder")
    with pytest.raises(AccordError, match="cannot create the store"):
        Store.open(tmp_path / "ro" / "x.db")
