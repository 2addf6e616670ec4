"""Peers' formats: files other tools read and write (KTAB scenarios, the UN Security Council
Consolidated List, PA-X agreements, PLOVER events) turned into records of a case, and back.

A module per format, each a pure function from a file and the case as read (a ``Snapshot``) to the
records to write (import), or from the case to text (export). They sit beside ``accord.ingest`` as
sources: they use the record model (and, for KTAB, the forecaster's scenario readers), and nothing
below them imports them. Writing is ``common.write_import``: every record checked as any write is,
all of them in one audited transaction, or nothing.
"""
