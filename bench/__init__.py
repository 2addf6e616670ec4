"""Benchmarks: ``python -m bench NAME [options]``; each writes its section of docs/benchmarks.md.

Never run by the test suite and never asserted on: numbers depend on the machine (reported with them).
"""
