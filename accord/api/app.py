"""The server: the REST API under /api/v1, the dashboard at /, one store. ``create_app(db)``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
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
    app.add_middleware(RefuseNul)
    app.include_router(reads.router)
    app.include_router(writes.router)
    app.include_router(dashboard.router)
    dashboard.mount_static(app)

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, e: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes each error's input, which a lone surrogate in it made unencodable (a 500)
        return JSONResponse({"detail": jsonable_encoder([{k: v for k, v in err.items() if k != "input"}
                                                         for err in e.errors()])}, 422)

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


class RefuseNul:
    """A request whose path or query holds a NUL character is refused (400, one line) before any route runs:
    no stored id or value holds one, and PostgreSQL cannot even be asked for one (it raised from inside the
    review queue's query: the API fuzzer's `?kind=%00`). A plain ASGI wrapper: no cost per request beyond two
    membership tests."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and ("\x00" in scope["path"] or b"%00" in scope["query_string"]):
            refusal = JSONResponse({"detail": "the request's path or query holds a NUL character (%00)"}, 400)
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)


def from_environment() -> Any:
    """The app for a process manager (``uvicorn --factory accord.api.app:from_environment``): the store
    from $ACCORD_DB, public reads when $ACCORD_PUBLIC_READ is 1."""
    import os

    app = create_app(os.environ.get("ACCORD_DB", "accord.db"), os.environ.get("ACCORD_PUBLIC_READ") == "1")
    long_lived_heap()
    return app


def long_lived_heap() -> None:
    """A worker's garbage collector told what lives as long as the worker does.

    Under load a worker ran a full collection every two seconds or so (objects of requests in flight
    promoted to the oldest generation make it look as if it grew by a quarter), each one walking every
    object the process holds: 90 to 360 ms on the shared machine, in which the fifty readers of that
    worker waited (docs/benchmarks.md, Serving: the p95's tail). So what exists once the app is made
    (modules, the framework, the store's engine) is frozen: never walked again. And the oldest
    generation is collected a hundred times less often (after 1,000 collections of the middle one
    instead of 10): what dies young is freed by reference counting or the young collections anyway; only
    garbage cycles that reached the oldest generation wait longer to be freed."""
    import gc

    gc.collect()  # frozen objects are never collected: leave no garbage among them
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1000)
