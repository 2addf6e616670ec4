"""Shared fixtures for the ingest tests: one pipeline per session (building it takes a moment)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.ingest.document import Article
from accord.ingest.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def run(pipeline):
    """run(text, published) -> the output object of one document."""
    def _run(text: str, published: dt.date | None = dt.date(2015, 12, 18)) -> dict:
        return pipeline(Article(text=text, published=published)).result()

    return _run


def of(result: dict, kind: str) -> list[dict]:
    return [c for c in result["candidates"] if c["kind"] == kind]
