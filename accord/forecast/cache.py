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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def inputs(data: Stakeholders) -> dict[str, Any]:
    """What a key holds of the stakeholders: names, scale and every array as lists of floats
    (accord.forecast.inputs.IssueRows.described gives the same of an issue's rows without NumPy)."""
    import numpy as np

    def one(a: np.ndarray | None) -> Any:
        return None if a is None else np.asarray(a, dtype=float).tolist()

    return {
        "actors": list(data.actors), "dimensions": list(data.dimensions), "scale": list(data.scale),
        "inputs": [one(data.positions), one(data.salience), one(data.capability),
                   one(data.position_sd), one(data.salience_sd), one(data.capability_sd)],
    }


def model_key(model: Any) -> Any:
    """A model's name and configuration as JSON (enums and arrays by value)."""
    import numpy as np

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
    return digest(kind, inputs(data), [model_key(m) for m in models], **options)


def digest(kind: str, described: dict[str, Any], model_keys: list[Any], **options: Any) -> str:
    """The key of the stakeholders as ``inputs`` describes them and of the models as ``model_key`` does:
    what ``key`` hashes, for a reader that has the descriptions but neither NumPy nor the models."""
    payload = {"kind": kind, "code": code_version(), **described, "models": model_keys, "options": options}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=repr).encode()).hexdigest()


def default_models() -> dict[str, Any] | None:
    """Each registered model's ``model_key`` as ``make(name)`` builds it, as this version of the code last
    recorded it (``remember_default_models``), or None: a pure function of the code, like a forecast,
    so kept under the code's hash and never stale."""
    where = folder()
    if where is None:
        return None
    try:
        return json.loads((where / "models" / f"{code_version()}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def remember_default_models() -> None:
    """Record ``default_models`` for this version of the code, if it is not yet: after a forecast was
    computed, so that reading it back needs no model made."""
    where = folder()
    if where is None or (where / "models" / f"{code_version()}.json").exists():
        return
    from accord.forecast.registry import MODELS, make

    _write(where / "models", code_version(), {name: model_key(make(name)) for name in MODELS})


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
    if where is not None:
        _write(where, k, value)


def _write(where: Path, name: str, value: Any) -> None:
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f"{name}.{os.getpid()}.part"
        tmp.write_text(json.dumps(value), encoding="utf-8")
        tmp.replace(where / f"{name}.json")  # readers see the whole entry or none
    except (OSError, TypeError, ValueError):
        pass  # no cache is slower, never wrong
