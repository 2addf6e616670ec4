"""Persistence of the record (see store.py)."""

from typing import Any

from accord.store.store import AuditEntry, ReloadRefused, Store, WriteSummary


def __getattr__(name: str) -> Any:
    # imports SQLAlchemy: only when asked for (reading the record does not need it)
    if name == "UnitOfWork":
        from accord.store.unit import UnitOfWork

        return UnitOfWork
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["AuditEntry", "ReloadRefused", "Store", "UnitOfWork", "WriteSummary"]
