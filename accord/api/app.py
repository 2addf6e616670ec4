"""The server: the REST API under /api/v1, the dashboard at /, one store. ``create_app(db)``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from accord.errors import AccordError, BundleErrors, NotFound, StaleWrite


def create_app(db: str, public_read: bool = False) -> FastAPI:
    from accord.api import dashboard, reads, writes
    from accord.api.kept import KeptReads
    from accord.api.state import THREADS, State

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        app.state.accord.close()

    app = FastAPI(title="accord", version="1", lifespan=lifespan,
                  description="Follow, check and forecast multilateral peace processes: the record, its rules and "
                              "forecasts over HTTP. Reads need a viewer token (unless the server reads publicly); "
                              "each write names the role it needs in `x-required-role`.")
    app.state.accord = State(db, public_read)
    # the overview's reads answered from memory while unchanged, in front of the routes (accord.api.kept)
    app.add_middleware(KeptReads, state=app.state.accord)
    app.include_router(reads.router)
    app.include_router(writes.router)
    app.include_router(dashboard.router)
    dashboard.mount_static(app)

    @app.exception_handler(AccordError)
    def _user_error(request: Request, e: AccordError) -> JSONResponse:
        if isinstance(e, NotFound):
            return JSONResponse({"detail": str(e)}, 404)
        if isinstance(e, StaleWrite):
            return JSONResponse({"detail": str(e)}, 412)
        if isinstance(e, BundleErrors):
            return JSONResponse({"detail": e.summary(), "errors": e.lines()}, 400)
        return JSONResponse({"detail": str(e)}, 400)

    return app


def from_environment() -> Any:
    """The app for a process manager (``uvicorn --factory accord.api.app:from_environment``): the store
    from $ACCORD_DB, public reads when $ACCORD_PUBLIC_READ is 1."""
    import os

    return create_app(os.environ.get("ACCORD_DB", "accord.db"), os.environ.get("ACCORD_PUBLIC_READ") == "1")
