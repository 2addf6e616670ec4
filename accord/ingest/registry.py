"""Named pipeline components, spaCy-style: a factory per name, built once per pipeline from its settings.

A component is a callable ``IngestDoc -> IngestDoc`` that does one job. Factories receive the shared
``Context`` (tokenizer vocabulary, actor dictionary) and the component's settings from the config.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from accord.errors import AccordError
from accord.ingest.document import IngestDoc
from accord.ingest.words import WordTable
from accord.ingest.world import Lexicon


class Component(Protocol):
    def __call__(self, doc: IngestDoc) -> IngestDoc: ...


@dataclass
class Context:
    nlp: Any  # spacy.Language (blank English: tokenizer and vocabulary only)
    lexicon: Lexicon
    #: the components' word sets, looked up together in each document
    words: WordTable = field(init=False)

    def __post_init__(self) -> None:
        self.words = WordTable(self.nlp.vocab)


Factory = Callable[..., Component]
FACTORIES: dict[str, Factory] = {}


def component(name: str) -> Callable[[Factory], Factory]:
    def register(factory: Factory) -> Factory:
        if name in FACTORIES:
            raise ValueError(f"ingest component {name!r} is registered twice")
        FACTORIES[name] = factory
        return factory

    return register


def create(name: str, ctx: Context, settings: dict[str, Any]) -> Component:
    try:
        factory = FACTORIES[name]
    except KeyError:
        raise AccordError(f"unknown ingest component {name!r} (known: {', '.join(sorted(FACTORIES))})") from None
    try:
        inspect.signature(factory).bind(ctx, **settings)
    except TypeError as e:
        raise AccordError(f"settings of ingest component {name!r}: {e}") from None
    return factory(ctx, **settings)
