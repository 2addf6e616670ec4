"""Tokens (spaCy's tokenizer), sentences, and the dateline, whose place names are not actors."""

from __future__ import annotations

import re
import zoneinfo

from accord.ingest.document import IngestDoc
from accord.ingest.registry import Context, component

# Words whose final period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "prof", "st", "jr",
    "sr", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "mt", "ft", "rev", "adm", "cmdr", "brig", "pres", "approx",
}
_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
# "VIENNA -", "BEIRUT, Lebanon (Reuters) -", "GENEVA, Jan. 29 (AP) -": the place and the outlet.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z.'/\- ]{2,30}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?|\d{1,2}/\d{1,2}/\d{4}))?"
    r"\s*(?:\((?P<outlet>[A-Za-z .&-]{1,40})\))?\s*(?:[-:]{1,2}\s|(?=\s{2})|(?=\s*\n))"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group() != "\n":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
            if w and (w.group(1).lower() in _ABBREV or len(w.group(1)) == 1):
                continue
        end = m.end()
        if text[start:end].strip():
            out.append(_strip(text, start, end))
        start = end
    if text[start:].strip():
        out.append(_strip(text, start, len(text)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@component("segmenter")
class Segmenter:
    def __init__(self, ctx: Context):
        self.tokenizer = ctx.nlp.tokenizer
        self.timezones = ctx.lexicon.timezones
        self.timezones_title = {k.title() for k in self.timezones}

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        doc.tokens = self.tokenizer(doc.norm)
        doc.set_sents(split_sentences(doc.norm))
        # a headline line (no final stop) is its own sentence already; only the first body paragraph has a dateline
        for s, e in doc.sents[:3]:
            m = _DATELINE.match(doc.norm, s)
            if m and (m.group("place").isupper() or m.group("place") in self.timezones_title):
                doc.places.append(m.span("place"))
                self._local_day(doc, m.group("place"))
                if m.group("region"):
                    doc.places.append(m.span("region"))
                if m.group("outlet"):
                    doc.places.append(m.span("outlet"))
                break
        return doc

    def _local_day(self, doc: IngestDoc, place: str) -> None:
        """The publication day where the story was filed (the first place of "ANKARA/MOSCOW")."""
        at = doc.article.published_at
        zone = self.timezones.get(place.split("/")[0].strip().upper())
        if at is not None and zone and at.tzinfo is not None:
            doc.published = at.astimezone(zoneinfo.ZoneInfo(zone)).date()
