"""Forecasts kept on disk under what they were computed from, so that asking again costs a file read.

A forecast is a pure function of its inputs (the actors' numbers, the models and their parameters, the
draws, seed and tolerance) and of the code that computes it. The key hashes all of these, the code as
the bytes of every source file of ``accord.forecast``: a snapshot read again, by any process, finds the
forecast made before; a changed input, option or line of model code misses and computes afresh. Nothing
is ever stale, so nothing needs invalidating.

The folder is ``$ACCORD_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/accord``, else
``~/.cache/accord``. Entries are JSON (never pickle: a file in a shared folder must not run code when
read). A folder that cannot be written (read-only install, full disk) only means no cache.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from accord.forecast.base import Stakeholders

_PACKAGE = Path(__file__).resolve().parent


def folder() -> Path | None:
    """Where forecasts are kept, or None when caching is off."""
    given = os.environ.get("ACCORD_CACHE_DIR")
    if given is not None:
        return Path(given) / "forecasts" if given else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "accord" / "forecasts"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the forecast code itself: editing any model changes every key."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _arrays(data: Stakeholders) -> list[Any]:
    def one(a: np.ndarray | None) -> Any:
        return None if a is None else np.asarray(a, dtype=float).tolist()

    return [one(data.positions), one(data.salience), one(data.capability),
            one(data.position_sd), one(data.salience_sd), one(data.capability_sd)]


def _model_key(model: Any) -> Any:
    """A model's name and configuration as JSON (enums and arrays by value)."""
    def plain(x: Any) -> Any:
        if isinstance(x, enum.Enum):
            return f"{type(x).__name__}.{x.name}"
        if isinstance(x, np.ndarray):
            return x.tolist()
        if isinstance(x, dict):
            return {str(k): plain(v) for k, v in sorted(x.items(), key=lambda kv: str(kv[0]))}
        if isinstance(x, (list, tuple)):
            return [plain(v) for v in x]
        if hasattr(x, "__dict__"):
            return plain(vars(x))
        return x if isinstance(x, (int, float, str, bool, type(None))) else repr(x)

    return [model.name, plain(vars(model))]


def key(kind: str, data: Stakeholders, models: list[Any], **options: Any) -> str:
    payload = {
        "kind": kind,
        "code": code_version(),
        "actors": list(data.actors),
        "dimensions": list(data.dimensions),
        "scale": list(data.scale),
        "inputs": _arrays(data),
        "models": [_model_key(m) for m in models],
        "options": options,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=repr).encode()).hexdigest()


def load(k: str) -> Any | None:
    where = folder()
    if where is None:
        return None
    try:
        return json.loads((where / f"{k}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent, unreadable or half-written by a crash: compute instead


def save(k: str, value: Any) -> None:
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f"{k}.{os.getpid()}.part"
        tmp.write_text(json.dumps(value), encoding="utf-8")
        tmp.replace(where / f"{k}.json")  # readers see the whole entry or none
    except (OSError, TypeError, ValueError):
        pass  # no cache is slower, never wrong
