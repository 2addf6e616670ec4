"""The per-row import path as it stood before the column path (main at 48ed325): kept only as the oracle
the column path is proven against (tests/monitor/test_columns_equivalence.py). Not used by accord."""
