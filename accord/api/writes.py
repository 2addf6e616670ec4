"""POST/PATCH/DELETE /api/v1/…: every write the CLI has, each audited as made by the authenticated user.

A record write takes ``If-Match`` (the ETag of the read it was built from): stale, it is refused with
412 and the record's current version, and nothing is written. Without ``If-Match`` the write is still
compared with the version the server read for it, so two writers never silently replace each other.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from accord.api.auth import require, role
from accord.errors import AccordError, NotFound, StaleWrite
from accord.store.users import User

router = APIRouter(prefix="/api/v1")
IfMatch = Annotated[str | None, Header(alias="If-Match", description='The ETag read: "VERSION".')]
Text = Annotated[str, Field(max_length=10_000)]


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _named(bad: re.Match[str]) -> str:
    return "a NUL character" if bad.group() == "\x00" else "a lone surrogate"


def _unstorable_at(value: Any) -> tuple[str, str] | None:
    """The dotted place and the name of the first character no store can hold (NUL: PostgreSQL's text; a lone
    surrogate: UTF-8 on both) in a string of the body, key or value, at any depth. Walked with a stack, not by
    recursion: a body may nest deeper than Python's recursion limit."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            children = []
            for key, child in item.items():
                if (bad := _UNSTORABLE.search(str(key))) is not None:
                    return where or "body", _named(bad)
                children.append((f"{where}.{key}" if where else str(key), child))
            stack.extend(reversed(children))
        elif isinstance(item, list):
            stack.extend(reversed([(f"{where}.{i}" if where else str(i), child) for i, child in enumerate(item)]))
        elif isinstance(item, str) and (bad := _UNSTORABLE.search(item)) is not None:
            return where or "body", _named(bad)
    return None


class Body(BaseModel):
    """A request body: no string in it may hold a character no store can keep (NUL, which PostgreSQL's text
    cannot store and no record or id has; a lone surrogate, which is no UTF-8), so it is refused with its place
    before any route runs, on every store."""

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data: Any) -> Any:
        if (bad := _unstorable_at(data)) is not None:
            raise ValueError(f"{bad[0]} holds {bad[1]}")
        return data


class PositionIn(Body):
    issue: Annotated[str, Field(max_length=200)]
    actor: Annotated[str, Field(max_length=200)]
    value: float
    salience: float | None = None
    date: Annotated[str | None, Field(max_length=40, description="As of when it holds (default today).")] = None
    cite: Annotated[list[Text], Field(min_length=1, max_length=50, description="URLs or DOC:START-END.")]
    note: Text | None = None
    replace_cite: bool = False


class EditIn(Body):
    set: Annotated[dict[str, Any], Field(min_length=1, description="FIELD (dotted for nested) -> new value.")]
    cite: Annotated[list[Text], Field(min_length=1, max_length=50)]
    note: Text | None = None


class ReviewEditIn(Body):
    changes: Annotated[dict[str, Text], Field(min_length=1, description="FIELD -> VALUE, as `accord review edit`.")]


class DocumentIn(Body):
    text: Annotated[str, Field(min_length=1, max_length=5_000_000)]
    title: Text | None = None
    url: Text | None = None
    outlet: Text | None = None
    published: Annotated[str | None, Field(max_length=40)] = None
    id: Annotated[str | None, Field(max_length=200)] = None


class UserIn(Body):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    role: Annotated[str, Field(description="viewer, analyst, editor or admin")]


class CaseIn(Body):
    bundle: Annotated[str, Field(max_length=200, description="A built-in case bundle's name.")]


def _state(request: Request) -> Any:
    return request.app.state.accord


def _if_version(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip().removeprefix("W/").strip('"')
    if not text.isdigit() or len(text) > 9:
        raise AccordError(f'If-Match {value!r}: expected the ETag of a read, "VERSION"')
    return int(text)


def _citations(cite: list[str]) -> list[Any]:
    from pydantic import ValidationError

    from accord.record.model import Citation

    out = []
    for c in cite:
        try:
            out.append(Citation.model_validate(c))
        except ValidationError as e:
            raise AccordError(f"cite {c!r}: {e.errors()[0]['msg'].removeprefix('Value error, ')}") from None
    return out


def _written(store: Any, case_id: str, record_id: str, write: Any) -> Any:
    """Run a record write; a stale one answers 412 with the record's current version."""
    try:
        rec, version = write()
    except StaleWrite as e:
        try:
            _, current = store.get_versioned(case_id, record_id)
        except NotFound:
            current = 0
        return JSONResponse({"detail": str(e), "current_version": current}, 412, headers={"ETag": f'"{current}"'})
    return JSONResponse({"id": rec.id, "version": version,
                         "record": rec.model_dump(mode="json", by_alias=True, exclude_none=True)},
                        headers={"ETag": f'"{version}"'})


@router.post("/cases/{case}/positions", openapi_extra=role("editor"), tags=["positions"])
def position_set(request: Request, case: str, body: PositionIn, if_match: IfMatch = None,
                 user: User = Depends(require("editor"))) -> Any:
    """Where an actor stands on an issue from a date on (`accord position set`)."""
    import datetime as dt

    from accord.record.dates import FuzzyDate
    from accord.views.edits import position_id, set_position

    st = _state(request)
    case_id = st.views.case_id(case, None)
    try:
        when = FuzzyDate.parse(body.date) if body.date else FuzzyDate.day(dt.date.today())
    except (ValueError, OverflowError) as e:
        raise AccordError(f"date: {e}") from None
    cites, version = _citations(body.cite), _if_version(if_match)
    store = st.store.acting(user.name)
    return _written(store, case_id, position_id(body.issue, body.actor, when), lambda: set_position(
        store, case_id, body.issue, body.actor, body.value, by=user.name, cites=cites, when=when,
        salience=body.salience, note=body.note, replace_cite=body.replace_cite, if_version=version))


@router.patch("/cases/{case}/records/{record_id}", openapi_extra=role("editor"), tags=["records"])
def edit(request: Request, case: str, record_id: str, body: EditIn, if_match: IfMatch = None,
         user: User = Depends(require("editor"))) -> Any:
    """Change fields of any record (`accord edit`); the evidence joins its citations."""
    from accord.views.edits import edit_record

    st = _state(request)
    case_id = st.views.case_id(case, None)
    assignments = [(k.split("."), v) for k, v in body.set.items()]
    cites, version = _citations(body.cite), _if_version(if_match)
    store = st.store.acting(user.name)
    return _written(store, case_id, record_id, lambda: edit_record(
        store, case_id, record_id, assignments, by=user.name, cites=cites, note=body.note, if_version=version))


Candidate = Annotated[int, Path(ge=1, le=2**62)]


@router.post("/cases/{case}/review/{candidate}/accept", openapi_extra=role("analyst"), tags=["review"])
def review_accept(request: Request, case: str, candidate: Candidate, user: User = Depends(require("analyst"))) -> Any:
    """Make a candidate a record of the case, cited to its span (`accord review accept`)."""
    from accord.ingest import review

    st = _state(request)
    return review.accept(st.store.acting(user.name), st.views.case_id(case, None), candidate, user.name)


@router.post("/cases/{case}/review/{candidate}/reject", openapi_extra=role("analyst"), tags=["review"])
def review_reject(request: Request, case: str, candidate: Candidate, user: User = Depends(require("analyst"))) -> Any:
    from accord.ingest import review

    st = _state(request)
    return review.reject(st.store.acting(user.name), st.views.case_id(case, None), candidate, user.name)


@router.post("/cases/{case}/review/{candidate}/edit", openapi_extra=role("analyst"), tags=["review"])
def review_edit(request: Request, case: str, candidate: Candidate, body: ReviewEditIn,
                user: User = Depends(require("analyst"))) -> Any:
    from accord.ingest import review

    st = _state(request)
    return review.edit(st.store.acting(user.name), st.views.case_id(case, None), candidate, body.changes, user.name)


@router.post("/cases/{case}/documents", openapi_extra=role("editor"), tags=["records"])
def ingest(request: Request, case: str, body: DocumentIn, user: User = Depends(require("editor"))) -> Any:
    """Ingest one document into the case: stored with its candidates in the review queue."""
    from accord.ingest.batch import ingest_object

    st = _state(request)
    return ingest_object(st.store.acting(user.name), st.views.case_id(case, None), body.model_dump(exclude_none=True), user.name)


@router.get("/users", openapi_extra=role("admin"), tags=["admin"])
def users_list(request: Request, user: User = Depends(require("admin"))) -> Any:
    from accord.store import users

    return [u.to_json() for u in users.listing(_state(request).store)]


@router.post("/users", openapi_extra=role("admin"), tags=["admin"])
def users_add(request: Request, body: UserIn, user: User = Depends(require("admin"))) -> Any:
    """Create a user; the answer holds its token, shown this once."""
    from accord.store import users

    created, token = users.add(_state(request).store, body.name, body.role)
    return {**created.to_json(), "token": token}


@router.post("/users/{name}/disable", openapi_extra=role("admin"), tags=["admin"])
def users_disable(request: Request, name: str, user: User = Depends(require("admin"))) -> Any:
    from accord.store import users

    return users.disable(_state(request).store, name).to_json()


@router.post("/cases", openapi_extra=role("admin"), tags=["admin"])
def case_load(request: Request, body: CaseIn, user: User = Depends(require("admin"))) -> Any:
    """Load (or reload) a built-in case bundle (`accord case load NAME`); records users entered are kept."""
    from accord.record.bundle import builtin_cases, read_bundle

    if body.bundle not in builtin_cases():
        raise NotFound(f"no built-in case {body.bundle!r} (built-in: {', '.join(builtin_cases())})")
    bundle = read_bundle(body.bundle)
    st = _state(request)
    return st.store.acting(user.name).load(bundle.id, bundle.records, user.name, source=body.bundle).to_json()


#: the request body the upload route reads itself (FastAPI would parse a declared one before the role check)
_ZIP_BODY = {"requestBody": {"required": True, "content": {"application/zip": {"schema": {
    "type": "string", "format": "binary", "description": "A case bundle's YAML files, zipped (at the top or in one folder)."}}}}}


@router.post("/cases/bundle", openapi_extra={**role("admin"), **_ZIP_BODY}, tags=["admin"])
async def case_upload(request: Request, prune: bool = False, discard_user_changes: bool = False, dry_run: bool = False,
                      user: User = Depends(require("admin"))) -> Any:
    """Load (or reload) a case bundle sent as a zip archive, as `accord case load FOLDER` does (same checks,
    same options). A bundle that does not validate is 422 with one line per error (file:line: id: field:
    message); a reload that would delete or overwrite unasked is 409; in both, nothing is written."""
    from starlette.concurrency import run_in_threadpool

    from accord.errors import BundleError, BundleErrors, error_line
    from accord.record.archive import MAX_BYTES, read_archive
    from accord.store import ReloadRefused

    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BYTES:
            return JSONResponse({"detail": f"the archive is larger than {MAX_BYTES:,} bytes"}, 413)
    try:
        bundle = await run_in_threadpool(read_archive, bytes(data))
    except BundleErrors as e:
        return JSONResponse({"detail": e.summary(), "errors": e.lines()}, 422)
    except BundleError as e:
        return JSONResponse({"detail": error_line(e), "errors": [error_line(e)]}, 422)
    store = _state(request).store.acting(user.name)
    try:
        summary = await run_in_threadpool(lambda: store.load(
            bundle.id, bundle.records, user.name, source=f"upload by {user.name}", prune=prune,
            keep_user=not discard_user_changes, dry_run=dry_run))
    except ReloadRefused as e:
        return JSONResponse({"detail": str(e), **e.summary.to_json()}, 409)
    return {"case": bundle.id, "records": len(bundle.records), "dry_run": dry_run, **summary.to_json()}


@router.delete("/cases/{case}", openapi_extra=role("admin"), tags=["admin"])
def case_delete(request: Request, case: str, user: User = Depends(require("admin"))) -> Any:
    st = _state(request)
    return st.store.acting(user.name).delete_case(st.views.case_id(case, None), user.name).to_json()
