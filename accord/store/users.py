"""Users of the API: a name, a role and a token, of which only a hash is kept.

Roles are ordered: each can do what the ones before it can. A viewer reads; an analyst also works the
ingest review queue; an editor also writes the record; an admin also manages users and cases.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from accord.errors import AccordError, NotFound

ROLES = ("viewer", "analyst", "editor", "admin")
#: the columns a User is made of, in its order (reads through the driver: `accord user list` imports no SQLAlchemy)
_COLUMNS = "name, role, created_at, disabled"


@functools.cache
def by_token() -> Any:
    """The statement finding the user holding a token (by its hash): built once, as every request runs it."""
    from sqlalchemy import bindparam, select

    from accord.store.schema import api_user as U

    return select(U).where(U.c.token_hash == bindparam("token_hash"))


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created_at: str
    disabled: bool

    def can(self, role: str) -> bool:
        """Whether this user has at least ``role``."""
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "created_at": self.created_at, "disabled": self.disabled}


def token_hash(token: str) -> str:
    # a token is 256 random bits, not a password: a fast hash cannot be searched back, and every request
    # checks one (scrypt's deliberate cost would be paid per request)
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _user(row: Any) -> User:
    """A User of a row of ``_COLUMNS`` as SQLAlchemy or the driver gives it (SQLite: the time as text, the flag 0/1)."""
    name, role, created_at, disabled = row[:4] if not hasattr(row, "_mapping") else (
        row.name, row.role, row.created_at, row.disabled)
    if isinstance(created_at, str):
        created_at = dt.datetime.fromisoformat(created_at)
    return User(name, role, created_at.isoformat() + "Z", bool(disabled))


def add(store: Any, name: str, role: str) -> tuple[User, str]:
    """Create a user; return it and its token (the only time the token exists in clear)."""
    from accord.store.store import now_utc

    if role not in ROLES:
        raise AccordError(f"--role {role!r}: expected one of {', '.join(ROLES)}")
    if not name or len(name) > 200 or not name.isprintable() or name != name.strip():
        raise AccordError(f"user name {name!r}: expected 1 to 200 printable characters, no surrounding spaces")
    from sqlalchemy.exc import IntegrityError

    from accord.store.schema import api_user as U

    token = secrets.token_urlsafe(32)
    try:
        with store.engine.begin() as conn:
            conn.execute(U.insert().values(name=name, role=role, token_hash=token_hash(token), created_at=now_utc(),
                                           disabled=False))
    except IntegrityError:
        raise AccordError(f"user {name!r} already exists") from None
    return get(store, name), token


def get(store: Any, name: str) -> User:
    with store.reading() as read:
        rows = read(f"SELECT {_COLUMNS} FROM api_user WHERE name = :name", {"name": name})
    if not rows:
        raise NotFound(f"no user {name!r}")
    return _user(rows[0])


def listing(store: Any) -> list[User]:
    with store.reading() as read:
        return [_user(r) for r in read(f"SELECT {_COLUMNS} FROM api_user ORDER BY name", {})]


def disable(store: Any, name: str) -> User:
    from sqlalchemy import update

    from accord.store.schema import api_user as U

    with store.engine.begin() as conn:
        if conn.execute(update(U).where(U.c.name == name).values(disabled=True)).rowcount == 0:
            raise NotFound(f"no user {name!r}")
    return get(store, name)


def authenticate(store: Any, token: str) -> User | None:
    """The enabled user holding this token, or None."""
    with store.engine.connect() as conn:
        return enabled(conn.execute(by_token(), {"token_hash": token_hash(token)}).first())


def enabled(row: Any) -> User | None:
    """The user of a row found by token, or None if there is none or it is disabled."""
    if row is None or row.disabled:
        return None
    return _user(row)
