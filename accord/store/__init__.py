"""Persistence of the record (see store.py)."""

from accord.store.store import AuditEntry, Store, UnitOfWork, WriteSummary

__all__ = ["AuditEntry", "Store", "UnitOfWork", "WriteSummary"]
