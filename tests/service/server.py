"""A real `accord serve` in a child process, on a free loopback port, for tests and the bench."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from collections.abc import Iterator

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: str, workers: int = 2, public_read: bool = False, startup: float = 60.0) -> Iterator[str]:
    """Start the server, wait until it answers, yield its base URL, stop it."""
    port = free_port()
    args = [sys.executable, "-c", "from accord.cli.main import main; main()", "--db", db, "serve", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(workers), *(["--public-read"] if public_read else [])]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"accord serve exited {proc.returncode}: {proc.stdout.read().decode()[-2000:]}")
            try:
                if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("accord serve did not answer in time")
            time.sleep(0.2)  # waiting for start-up, not for a result
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
