"""What flows through the pipeline: an article in, an ``IngestDoc`` worked on by each component, candidates out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from accord.ingest.linebreaks import soft_breaks

# Same-length replacements so that every span found on the normalised text is a span of the original.
# Each to one ASCII character, so the normalised copy keeps every offset. Replaced one by one, only those
# present: str.translate looks every character up in a dict, fifty times slower on an article.
_NORMALISE = (
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'), ("\u2033", '"'),
    ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u2032", "'"),
    ("\u2013", "-"), ("\u2014", "-"), ("\u2012", "-"), ("\u2212", "-"),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "),
)


# TeX-style marks (``...'', as typed on old keyboards and by some wire systems) are two characters each:
# the pair becomes a space and a straight mark, so the offsets still hold and the words between are a quote.
_TEX_MARKS = (("``", ' "'), ("''", '" '))


_NEWLINE = re.compile("\n")
#: the fields of a candidate that hold an actor's id
_ACTOR_FIELDS = ("actor", "speaker", "source", "target", "reported_by")


def _plain(text: str) -> str:
    """Curly quotes, dashes and odd spaces made plain, one character for one (a TeX pair two for two)."""
    for odd, plain in _TEX_MARKS:
        if odd in text:
            text = text.replace(odd, plain)
    if not text.isascii():
        for odd, plain in _NORMALISE:
            if odd in text:
                text = text.replace(odd, plain)
    return text


def normalise(text: str) -> str:
    """The text made plain (``_plain``) and its hard-wrapped paragraphs' soft line breaks made spaces, decided
    break by break from the whole document (``linebreaks.soft_breaks``)."""
    return soft_breaks(_plain(text))


def _spaced(text: str, soft: str) -> str:
    """``text`` with a space for each line break that ``soft`` (its plain copy) has made a space."""
    pieces, at = [], 0
    for m in _NEWLINE.finditer(text):
        if soft[m.start()] == " ":
            pieces.append(text[at:m.start()])
            at = m.end()
    pieces.append(text[at:])
    return " ".join(pieces)


@dataclass
class Article:
    """One input document as read: nothing inferred yet."""

    text: str
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    #: the publication moment when the source gives one (then ``published`` is its UTC day until a
    #: dateline tells the local zone)
    published_at: dt.datetime | None = None
    title: str | None = None
    source: str | None = None  # file (and line) it came from, for error messages

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def doc_id(self) -> str:
        """Derived from the content so that the same text ingested twice is one document."""
        return f"doc-{self.sha256[:16]}"


@dataclass(slots=True)
class Mention:
    """An actor named in the text: by name, alias, title, surname, metonym, demonym or pronoun."""

    start: int
    end: int
    text: str
    actor: str | None
    kind: str | None
    via: str
    confidence: float
    sector: str | None = None


@dataclass(slots=True)
class Candidate:
    kind: str
    start: int
    end: int
    text: str
    confidence: float
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "confidence": round(self.confidence, 3), **self.data}


@dataclass
class IngestDoc:
    article: Article
    #: the article's text with its soft line breaks as spaces (what the components read words from)
    text: str
    norm: str
    published: dt.date | None
    tokens: Any = None  # spacy.tokens.Doc
    sents: list[tuple[int, int]] = field(default_factory=list)
    #: spans that name a place rather than an actor (datelines)
    places: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: the insides of quotation marks (set by the quote extractor)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    #: a transcript's speaker labels, and the paragraphs of speech after them (set by the transcript reader)
    labels: list[tuple[int, int]] = field(default_factory=list)
    turns: list[tuple[int, int]] = field(default_factory=list)
    #: where the text under a heading naming its speaker starts ('Statement by X'), that speaker and his words
    headed: tuple[int, str | None, str] | None = None
    #: people the dictionary does not know, named in full here: proposed id -> the name as first written
    proposed: dict[str, str] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _token_arrays: dict[Any, Any] = field(default_factory=dict)
    #: for coref: each body the article names -> who names it ("" for the body itself, else a person serving it)
    body_context: dict[str | None, set[str]] | None = None
    #: the starts of ``mentions`` (kept sorted by start), with the list object they were taken from and its length
    #: (the object itself, not its id(): a list made after that one was freed may get its id)
    _mention_starts: tuple[list[Mention] | None, int, list[int]] = (None, 0, [])

    @classmethod
    def from_article(cls, article: Article) -> IngestDoc:
        norm = normalise(article.text)
        # the soft breaks are spaces in the text the components read words from too (a name, a speaker's words),
        # so a wrapped article reads as its unwrapped self; the article's own text keeps them
        text = _spaced(article.text, norm) if "\n" in article.text else article.text
        return cls(article=article, text=text, norm=norm, published=article.published)

    def set_sents(self, sents: list[tuple[int, int]]) -> None:
        self.sents = sents
        self._sent_starts = [s for s, _ in sents]

    def sent_index(self, offset: int) -> int:
        i = bisect_right(self._sent_starts, offset) - 1  # (called tens of thousands of times a megabyte: no max())
        return i if i > 0 else 0

    def token_array(self, *attrs: int) -> Any:
        """``tokens.to_array(attrs)``, computed once per document for the components that share it."""
        if attrs not in self._token_arrays:
            self._token_arrays[attrs] = self.tokens.to_array(list(attrs))
        return self._token_arrays[attrs]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in [start, end), found by bisection rather than a scan of every mention."""
        held, size, starts = self._mention_starts
        if held is not self.mentions or size != len(self.mentions):
            starts = [m.start for m in self.mentions]
            self._mention_starts = (self.mentions, len(self.mentions), starts)
        return self.mentions[bisect_left(starts, start):bisect_left(starts, end)]

    def sent_of(self, offset: int) -> tuple[int, int]:
        if not self.sents:
            return 0, len(self.text)
        return self.sents[self.sent_index(offset)]

    def add(self, kind: str, start: int, end: int, confidence: float, **data: Any) -> Candidate:
        cand = Candidate(kind, start, end, self.article.text[start:end], confidence, data)  # as written
        self.candidates.append(cand)
        return cand

    def of_kind(self, kind: str) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == kind]

    def _marked(self, cand: dict[str, Any]) -> dict[str, Any]:
        """The candidate with ``proposed`` listing its fields that hold an id the dictionary does not know (a person
        named in full in this document, ``components.proposed``): a reviewer sees the actor is new."""
        if self.proposed:
            fields = [k for k in _ACTOR_FIELDS if cand.get(k) in self.proposed]
            if fields:
                cand["proposed"] = fields
        return cand

    def result(self, errors: list[str] | None = None) -> dict[str, Any]:
        """The output contract: one JSON object per document."""
        return {
            "document": {"id": self.article.id or self.article.doc_id, "published":
                         self.published.isoformat() if self.published else None, "sha256": self.article.sha256},
            "candidates": [self._marked(c.to_json()) for c in sorted(self.candidates, key=lambda c: (c.start, c.end, c.kind))],
            "errors": list(errors or []),
            **({"warnings": self.warnings} if self.warnings else {}),
        }
