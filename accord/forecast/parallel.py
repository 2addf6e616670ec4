"""Work done in a forked child while this process does other work: the second core, for a user waiting.

``start(fn)`` forks; the child computes ``fn()``, sends the pickled result up a pipe and exits at once
(``os._exit``: no atexit handlers, no flushing of the parent's buffers, no closing of the parent's
store connections). ``finish`` waits for it and returns the result, or ``FAILED`` when the child raised,
died or sent something unreadable; the caller then does the work itself, so an error surfaces from the
parent exactly as it would without a child. The pipe links a process to its own fork, so unpickling
what comes through it runs no one else's code.

Only where ``os.fork`` exists and this process may use more than one CPU; otherwise ``start`` returns
None and ``finish(None)`` is ``FAILED`` (the caller computes inline). ``ACCORD_FORECAST_FORK=0`` turns
it off (to measure one process, or where forking is unwelcome).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any

#: what ``finish`` returns when the child's result is not available
FAILED = object()


def cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def available() -> bool:
    return hasattr(os, "fork") and os.environ.get("ACCORD_FORECAST_FORK", "1") != "0" and cpus() > 1


def start(fn: Callable[[], Any]) -> tuple[int, int] | None:
    """Fork a child computing ``fn()``: (its pid, the pipe's read end), or None when not available."""
    if not available():
        return None
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process slots left: compute inline
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: whatever happens, it ends here
        status = 1
        try:
            os.close(read)
            try:
                payload = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # the parent repeats the work and reports the error itself
                payload = b""
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def finish(child: tuple[int, int] | None) -> Any:
    """The child's result (waiting for it), or ``FAILED``."""
    if child is None:
        return FAILED
    pid, read = child
    try:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
    finally:
        os.waitpid(pid, 0)
    if not payload:
        return FAILED
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a truncated payload (the child was killed mid-write)
        return FAILED


def cancel(child: tuple[int, int] | None) -> None:
    """Stop and reap the child (the parent failed or was interrupted: its result is not wanted)."""
    if child is None:
        return
    pid, read = child
    os.close(read)  # a child still writing gets a broken pipe
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
