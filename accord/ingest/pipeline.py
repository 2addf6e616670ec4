"""The pipeline: components from the config, run in order over each article."""

from __future__ import annotations

import gc
from typing import Any

import spacy

from accord.ingest import components as _components  # noqa: F401  (registers the built-in components)
from accord.ingest.config import IngestConfig
from accord.ingest.document import Article, IngestDoc
from accord.ingest.registry import Context, create
from accord.ingest.world import Lexicon, world


class Pipeline:
    def __init__(self, lexicon: Lexicon | None = None, config: IngestConfig | None = None):
        self.config = config or IngestConfig()
        self.lexicon = lexicon or world()
        ctx = Context(nlp=spacy.blank("en"), lexicon=self.lexicon)
        self.components = [(name, create(name, ctx, self.config.settings.get(name, {})))
                           for name in self.config.components]

    @classmethod
    def for_case(cls, snapshot: Any = None, config: IngestConfig | None = None) -> Pipeline:
        """The built-in world merged with a case's actors and issues (an ``accord.record.snapshot.Snapshot``)."""
        if snapshot is None:
            return cls(world(), config)
        from accord.record.model import Issue

        return cls(world().merged(snapshot.actors(), [i.id for i in snapshot.all(Issue)]), config)

    def __call__(self, article: Article) -> IngestDoc:
        # A document makes thousands of small objects (matches, mentions, candidates), none of them in a
        # cycle worth collecting mid-document; with the collector on, each few hundred of them set off a
        # young collection and every hundredth of those a walk of all that the caller holds (a batch of
        # results): about a tenth of the run. It collects between documents instead.
        enabled = gc.isenabled()
        gc.disable()
        try:
            doc = IngestDoc.from_article(article)
            if doc.published is None:
                doc.warnings.append("no publication date: relative dates are left unresolved")
            for _, proc in self.components:
                doc = proc(doc)
            return doc
        finally:
            if enabled:
                gc.enable()
