"""Ceasefire monitoring: reports from many sources, graded, merged into incidents, judged against who
accepted the ceasefire and who is excluded from it on the day, and counted (docs/monitor.md).

Reports and merge decisions are records in the audited store (``accord.record.model.Report``,
``Merge``); incidents are derived from them here, never stored. Nothing in this package touches the
store: it reads a ``Snapshot`` or plain rows, like ``accord.rules``.
"""
