"""`accord serve`: the REST API and the dashboard over HTTP (docs/api.md, docs/deploy.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.common import common_db, fail


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Worker processes.")] = 1,
    public_read: Annotated[bool, typer.Option(
        "--public-read", help="Let anyone who reaches the server read (no token); writes still need their role.")] = False,
) -> None:
    """Serve the API (/api/v1, OpenAPI at /openapi.json, docs at /docs) and the dashboard (/) from the
    store given by --db or $ACCORD_DB (a SQLite file by default; postgresql://… for a team)."""
    import os

    import uvicorn

    from accord.cli.common import guard
    from accord.store import Store

    db = common_db()
    guard(lambda: Store.open(db).close())  # a bad store is one line here, not a trace in every worker
    _check_port(host, port)
    os.environ["ACCORD_DB"] = db
    os.environ["ACCORD_PUBLIC_READ"] = "1" if public_read else "0"
    uvicorn.run("accord.api.app:from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def _check_port(host: str, port: int) -> None:
    """One line, not a server's log, when the address cannot be had."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(infos[0][4])
    except OSError as e:
        fail(f"--host {host} --port {port}: cannot listen there ({e.strerror or e})")
