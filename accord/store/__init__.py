"""Persistence of the record (see store.py)."""

from accord.store.store import AuditEntry, ReloadRefused, Store, UnitOfWork, WriteSummary

__all__ = ["AuditEntry", "ReloadRefused", "Store", "UnitOfWork", "WriteSummary"]
