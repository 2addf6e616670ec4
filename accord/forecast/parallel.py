"""Work done in a forked child while this process does other work: the second core, for a user waiting.

``worker(prepare, work)`` forks; the child runs ``prepare()`` while this process goes on, waits for its
job (``send``), computes ``work(job)``, sends the pickled result up a pipe and exits at once
(``os._exit``: no atexit handlers, no flushing of the parent's buffers, no closing of the parent's
store connections). ``finish`` waits for it and returns the result, or ``FAILED`` when the child raised,
died or sent something unreadable; the caller then does the work itself, so an error surfaces from the
parent exactly as it would without a child. The pipe links a process to its own fork, so unpickling
what comes through it runs no one else's code.

Only where ``os.fork`` exists, this process may use more than one CPU and the load average leaves one
idle; otherwise ``worker`` returns
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


def idle_cpus() -> float:
    """CPUs the 1-minute load average leaves idle."""
    try:
        return cpus() - os.getloadavg()[0]
    except OSError:
        return 0.0


def available() -> bool:
    """Whether a second process would run beside this one: more than one CPU and one of them idle. On a
    busy machine the two would share the cores with everyone else, and the forking and the SMP's slower
    NumPy half in the parent cost more wall time than they save (measured: 3.2-3.5 s against 2.1-2.6 s in
    one process at load average 4 on 2 CPUs)."""
    return (hasattr(os, "fork") and os.environ.get("ACCORD_FORECAST_FORK", "1") != "0" and cpus() > 1
            and idle_cpus() >= 1.0)


class Child:
    """A forked child: its pid, the pipe its job goes down (None once sent) and the one its result comes
    up."""

    def __init__(self, pid: int, job: int | None, result: int):
        self.pid, self.job, self.result = pid, job, result
        self.done = False


def worker(prepare: Callable[[], Any], work: Callable[[Any], Any]) -> Child | None:
    """Fork a child that runs ``prepare()`` (loading what the work will need, while this process goes
    on), then waits for a job (``send``) and computes ``work(job)``; a job of None ends it. None when
    not available."""
    if not available():
        return None
    try:
        job_read, job_write = os.pipe()
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:  # no memory or process slots left: compute inline
        for fd in (job_read, job_write, read, write):
            os.close(fd)
        return None
    if pid == 0:  # the child: whatever happens, it ends here
        status = 1
        try:
            os.close(read)
            os.close(job_write)
            try:
                prepare()
            except BaseException:  # noqa: BLE001 - the work will fail or go slower, and say so itself
                pass
            try:
                with os.fdopen(job_read, "rb") as pipe:
                    sent = pipe.read()
                task = pickle.loads(sent) if sent else None
                payload = b"" if task is None else pickle.dumps(work(task), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # the parent repeats the work and reports the error itself
                payload = b""
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    os.close(job_read)
    return Child(pid, job_write, read)


def send(child: Child | None, job: Any) -> None:
    """Give the waiting child its job (None: nothing to do, it ends)."""
    if child is None or child.job is None:
        return
    fd, child.job = child.job, None
    try:
        with os.fdopen(fd, "wb") as pipe:
            if job is not None:
                pipe.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # it died: finish finds no result
        pass


def finish(child: Child | None) -> Any:
    """The child's result (waiting for it), or ``FAILED``."""
    if child is None or child.done:
        return FAILED
    send(child, None)  # a child still waiting for a job gets none
    child.done = True
    try:
        with os.fdopen(child.result, "rb") as pipe:
            payload = pipe.read()
    finally:
        os.waitpid(child.pid, 0)
    if not payload:
        return FAILED
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a truncated payload (the child was killed mid-write)
        return FAILED


def cancel(child: Child | None) -> None:
    """Stop and reap the child (its result is not wanted: the parent failed, or found it elsewhere)."""
    if child is None or child.done:
        return
    child.done = True
    if child.job is not None:
        os.close(child.job)
        child.job = None
    os.close(child.result)  # a child still writing gets a broken pipe
    try:
        os.kill(child.pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(child.pid, 0)
