"""Shared fixtures for the ingest tests: one pipeline per session (building it takes a moment)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.ingest.document import Article
from accord.ingest.pipeline import Pipeline


def syria_words() -> list:
    """The stance cues of the built-in syria-2015 case (the fixture texts are about its issues)."""
    from accord.record.bundle import read_bundle
    from accord.record.model import Vocabulary

    return [r for r in read_bundle("syria-2015").records if isinstance(r, Vocabulary)]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The world dictionary with the Syria case's words (not its actors: the world's own are tested)."""
    from accord.ingest.world import world

    return Pipeline(world().merged([], vocabulary=syria_words()))


@pytest.fixture(scope="session")
def run(pipeline):
    """run(text, published) -> the output object of one document."""
    def _run(text: str, published: dt.date | None = dt.date(2015, 12, 18)) -> dict:
        return pipeline(Article(text=text, published=published)).result()

    return _run


def of(result: dict, kind: str) -> list[dict]:
    return [c for c in result["candidates"] if c["kind"] == kind]


def actors(result: dict) -> list[tuple[str, str | None]]:
    """The actor mentions of one document's output, as (text, actor id) in order."""
    return [(c["text"], c["actor"]) for c in of(result, "actor")]
