"""Users of the API: a name, a role and a token, of which only a hash is kept.

Roles are ordered: each can do what the ones before it can. A viewer reads; an analyst also works the
ingest review queue; an editor also writes the record; an admin also manages users and cases.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError

from accord.errors import AccordError, NotFound
from accord.store.schema import api_user as U

ROLES = ("viewer", "analyst", "editor", "admin")

#: the user holding a token (by its hash): built once, as every request runs it
BY_TOKEN = select(U).where(U.c.token_hash == bindparam("token_hash"))


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
    return User(row.name, row.role, row.created_at.isoformat() + "Z", bool(row.disabled))


def add(store: Any, name: str, role: str) -> tuple[User, str]:
    """Create a user; return it and its token (the only time the token exists in clear)."""
    from accord.store.store import now_utc

    if role not in ROLES:
        raise AccordError(f"--role {role!r}: expected one of {', '.join(ROLES)}")
    if not name or len(name) > 200 or not name.isprintable() or name != name.strip():
        raise AccordError(f"user name {name!r}: expected 1 to 200 printable characters, no surrounding spaces")
    token = secrets.token_urlsafe(32)
    try:
        with store.engine.begin() as conn:
            conn.execute(U.insert().values(name=name, role=role, token_hash=token_hash(token), created_at=now_utc(),
                                           disabled=False))
    except IntegrityError:
        raise AccordError(f"user {name!r} already exists") from None
    return get(store, name), token


def get(store: Any, name: str) -> User:
    with store.engine.connect() as conn:
        row = conn.execute(select(U).where(U.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user {name!r}")
    return _user(row)


def listing(store: Any) -> list[User]:
    with store.engine.connect() as conn:
        return [_user(r) for r in conn.execute(select(U).order_by(U.c.name))]


def disable(store: Any, name: str) -> User:
    with store.engine.begin() as conn:
        if conn.execute(update(U).where(U.c.name == name).values(disabled=True)).rowcount == 0:
            raise NotFound(f"no user {name!r}")
    return get(store, name)


def authenticate(store: Any, token: str) -> User | None:
    """The enabled user holding this token, or None."""
    with store.engine.connect() as conn:
        return enabled(conn.execute(BY_TOKEN, {"token_hash": token_hash(token)}).first())


def enabled(row: Any) -> User | None:
    """The user of a row found by token, or None if there is none or it is disabled."""
    if row is None or row.disabled:
        return None
    return _user(row)
