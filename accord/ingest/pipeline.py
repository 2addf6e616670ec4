"""The pipeline: components from the config, run in order over each article."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.attrs import LOWER

from accord.ingest import components as _components  # noqa: F401  (registers the built-in components)
from accord.ingest.config import IngestConfig
from accord.ingest.document import Article, IngestDoc
from accord.ingest.registry import Context, create
from accord.ingest.world import Lexicon, world


#: articles per group of Pipeline.pipe, and the characters of text that close a group early (a group's documents
#: are held at once: a few large inputs, not 128 of them). (32 before: each component's code and patterns are
#: fetched into the processor's caches once per group; 128 took 0-10 % less CPU time on the bench's 1 MB in five runs
#: of alternating passes on a loaded host, not settled; the same instructions either way)
GROUP = 128
GROUP_CHARS = 1_000_000


def _blank() -> Any:
    """spaCy's blank English, its vocabulary computing only the lexical attribute the components read
    (LOWER; ORTH and LENGTH it always sets): the other twenty (shape, stop word, like a number, like a
    URL, ...) cost two thirds of the time of each word the tokenizer meets for the first time."""
    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters = {LOWER: nlp.vocab.lex_attr_getters[LOWER]}
    return nlp


class Pipeline:
    def __init__(self, lexicon: Lexicon | None = None, config: IngestConfig | None = None):
        self.config = config or IngestConfig()
        self.lexicon = lexicon or world()
        #: what the reader should know before trusting the output (a case issue no stance can be found on)
        self.warnings: list[str] = []
        ctx = Context(nlp=_blank(), lexicon=self.lexicon)
        self.components = [(name, create(name, ctx, self.config.settings.get(name, {})))
                           for name in self.config.components]

    @classmethod
    def for_case(cls, snapshot: Any = None, config: IngestConfig | None = None) -> Pipeline:
        """The built-in world merged with a case's actors, issues and vocabulary (an
        ``accord.record.snapshot.Snapshot``). Warns of the case's issues that have no stance cues."""
        if snapshot is None:
            return cls(world(), config)
        from accord.record.model import Issue, Vocabulary

        issues = [i.id for i in snapshot.all(Issue)]
        words = snapshot.all(Vocabulary)
        pipeline = cls(world().merged(snapshot.actors(), issues, words), config)
        with_cues = {v.issue for v in words}
        silent = [i for i in issues if i not in with_cues]
        if silent:
            case = f" of case {snapshot.case_id!r}" if snapshot.case_id else ""
            pipeline.warnings.append(
                f"no stance will be found on {len(silent)} issue(s){case} without stance cues: {', '.join(silent)}"
                f" (give their topic and direction words in the bundle's {Vocabulary.bundle_file})")
        return pipeline

    def __call__(self, article: Article) -> IngestDoc:
        doc = self._run([article])[0]
        if isinstance(doc, Exception):
            raise doc
        return doc

    def pipe(self, articles: Iterable[Article], size: int = GROUP, chars: int = GROUP_CHARS
             ) -> Iterator[IngestDoc | Exception]:
        """Each article's document, in input order, the articles read ``size`` at a time (fewer when their texts
        pass ``chars`` characters) and each component run over the whole group before the next: the outputs of
        one article at a time, at about two thirds of its CPU time. A component's patterns, tables and code stay
        in the processor's caches across the group; one article at a time, the other components evict them
        between its steps, and those misses, not the instructions, were a third of the time (docs/ingest.md).
        An exception in a component fails its article alone: it comes out in the place of that document."""
        stream = iter(articles)
        while True:
            group: list[Article] = []
            held = 0
            for article in stream:
                group.append(article)
                held += len(article.text)
                if len(group) >= size or held >= chars:
                    break
            if not group:
                return
            yield from self._run(group)

    def _run(self, articles: list[Article]) -> list[IngestDoc | Exception]:
        # A document makes thousands of small objects (matches, mentions, candidates), none of them in a
        # cycle worth collecting mid-document; with the collector on, each few hundred of them set off a
        # young collection and every hundredth of those a walk of all that the caller holds (a batch of
        # results): about a tenth of the run. It collects between groups instead.
        enabled = gc.isenabled()
        gc.disable()
        try:
            docs: list[IngestDoc | Exception] = []
            for article in articles:
                try:
                    doc = IngestDoc.from_article(article)
                except Exception as e:  # noqa: BLE001  (that article fails, the group goes on)
                    docs.append(e)
                    continue
                if doc.published is None:
                    doc.warnings.append("no publication date: relative dates are left unresolved")
                docs.append(doc)
            for _, proc in self.components:
                for i, doc in enumerate(docs):
                    if not isinstance(doc, Exception):
                        try:
                            docs[i] = proc(doc)
                        except Exception as e:  # noqa: BLE001
                            docs[i] = e
            return docs
        finally:
            if enabled:
                gc.enable()
