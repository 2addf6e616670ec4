"""Who is asking: a bearer token (the API) or the dashboard's session cookie holding the same token.

Each route declares the least role it needs (``x-required-role`` in the OpenAPI spec, which the tests
read): no token is 401, too low a role 403.
"""

from __future__ import annotations

from typing import Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accord.store import users
from accord.store.users import User

COOKIE = "accord_token"
bearer = HTTPBearer(auto_error=False, description="A token from `accord user add NAME --role ROLE`.")

#: what an anonymous reader is, when the server lets anyone read (``accord serve --public-read``)
ANONYMOUS = User("anonymous", "viewer", "", False)


def token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str | None:
    """The token a request carries: the bearer's (the API), else the session cookie's (the dashboard)."""
    return (credentials.credentials if credentials is not None else request.cookies.get(COOKIE)) or None


def _user(request: Request, credentials: HTTPAuthorizationCredentials | None) -> User | None:
    found = token(request, credentials)
    if found is None:
        return None
    return users.authenticate(request.app.state.accord.store, found)


def require(role: str) -> Any:
    """A dependency giving the user if it holds ``role``; 401 without a valid token, 403 below the role."""

    # async: the check is one indexed query, cheaper on the event loop than a hop to a thread and back
    async def dependency(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> User:
        user = _user(request, credentials)
        if user is None:
            if role == "viewer" and request.app.state.accord.public_read:
                return ANONYMOUS
            raise HTTPException(401, "a valid token is needed: Authorization: Bearer TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
        if not user.can(role):
            raise HTTPException(403, f"{user.name} is {user.role}; this needs {role}")
        return user

    return dependency


def role(name: str) -> dict[str, Any]:
    """The route's OpenAPI extension naming the role it needs."""
    return {"x-required-role": name}
