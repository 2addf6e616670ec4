"""Quotes: direct (straight or curly marks, split, continued across paragraphs) and indirect ("X said
that ...", "according to X"), each with its speaker, the words naming the speaker and the cue verb.

The speaker is looked for after the closing mark (", Kerry said"), before the opening one ("Lavrov
said:"), then carried over from the previous quote of a continued or split quote, then in a sentence
ending with a colon just before, then at the start of the next sentence. Anonymous speakers ("a senior
official") keep their words and get no actor.
"""

from __future__ import annotations

import re

from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component

CUES = (r"said|says|say|told|tells|added|adds|stated|declared|warned|warns|insisted|insists|argued|stressed|noted|"
        r"announced|asserted|explained|urged|acknowledged|claimed|claims|suggested|replied|wrote|writes|tweeted|"
        r"complained|cautioned|conceded|emphasi[sz]ed|reiterated|repeated|remarked|observed|affirmed|confirmed|"
        r"denied|pledged|vowed|promised|predicted|recalled|maintained|contended|responded|countered|asked|"
        r"continued|quipped|admitted|objected|protested|told reporters|told journalists")
_CUE = re.compile(rf"\b(?:{CUES})\b")
_SPEAKER = r"[A-Za-z][\w.'\- ]{0,80}?"
_AFTER_CUE_FIRST = re.compile(rf"^\s*[,.!?-]*\s*(?P<cue>{CUES})\s+(?P<sp>{_SPEAKER})\s*(?=[,.;:]|$| on | in | at | after | before | during | when | as | to )")
_AFTER_SP_FIRST = re.compile(rf"^\s*[,.!?-]*\s*(?P<sp>{_SPEAKER})\s+(?P<cue>{CUES})\b")
_AFTER_ACCORDING = re.compile(rf"^\s*[,.!?-]*\s*according to\s+(?P<sp>[^,.;\"]{{2,80}})")
_BEFORE = re.compile(rf"(?P<sp>{_SPEAKER})\s+(?P<cue>{CUES})\b[^\"]{{0,60}}?\s*[:,]?\s*(?:that\s*)?$")
_BEFORE_ACCORDING = re.compile(r"according to\s+(?P<sp>[^,;\"]{2,80}?)\s*[:,]\s*$", re.I)
_BEFORE_COLON = re.compile(rf"(?P<sp>{_SPEAKER})\s*:\s*$")
_ANONYMOUS = re.compile(r"^(?:a|an|one|two|three|several|some|other|many|the)?\s*(?:\w+\s+){0,5}?"
                        r"(?:officials?|diplomats?|sources?|aides?|observers?|analysts?|residents?|activists?|"
                        r"witnesses?|people|commanders?|fighters?|negotiators?|delegates?|members?|someone|"
                        r"spokes(?:man|woman|person)|representatives?)\b", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|one|two|three|several|some|other|many|western|arab|senior|unnamed)\b", re.I)
_INDIRECT_SP_FIRST = re.compile(
    rf"^(?P<sp>[^,;\"]{{2,70}}?)\s+(?P<cue>said|says|told [\w ]{{3,30}}?|added|stated|warned|insisted|argued|"
    rf"stressed|announced|claimed|believes|believed|acknowledged|suggested)"
    r"(?:\s+(?:on|late on|earlier on)\s+\w+)?(?:\s+that)?\s+(?P<content>[^\"]{12,})$")
_INDIRECT_CONTENT_FIRST = re.compile(rf"^(?P<content>[^\"]{{12,}}?),\s*(?P<sp>[^,;\"]{{2,60}}?)\s+(?P<cue>said|says|added|told reporters)(?:\s+on\s+\w+)?\.?$")
_ACCORDING_FIRST = re.compile(r"^[Aa]ccording to\s+(?P<sp>[^,;\"]{2,70}),\s*(?P<content>[^\"]{12,})$")
_ACCORDING_LAST = re.compile(r"^(?P<content>[^\"]{12,}?),\s*according to\s+(?P<sp>[^,;\"]{2,70}?)\.?$")


def find_quote_spans(text: str, norm: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of the inside of each double-quoted passage, paragraph by paragraph; a quote
    left open at a paragraph's end runs to it (the next paragraph reopens it)."""
    out: list[tuple[int, int, bool]] = []
    for para in re.finditer(r"[^\n]+", norm):
        s0, e0 = para.span()
        marks = [i for i in range(s0, e0) if norm[i] == '"']
        if not marks:
            marks = _single_marks(text, s0, e0)
        i = 0
        while i < len(marks):
            open_at = marks[i]
            if text[open_at] == "\u201d" and i + 1 < len(marks):  # a stray closing mark: skip it
                i += 1
                continue
            close_at = marks[i + 1] if i + 1 < len(marks) else None
            if close_at is None:
                out.append((open_at + 1, e0, False))
            else:
                out.append((open_at + 1, close_at, True))
            i += 2
    return out


def _single_marks(text: str, s0: int, e0: int) -> list[int]:
    """Curly single marks used as outer quotes (house styles that do): an opening one at a word's start,
    a closing one before punctuation or a space."""
    marks = []
    for i in range(s0, e0):
        c = text[i]
        if c == "\u2018" and (i == s0 or not text[i - 1].isalnum()):
            marks.append(i)
        elif c == "\u2019" and marks and len(marks) % 2 == 1 and (i + 1 == e0 or text[i + 1] in " ,.;:!?"):
            marks.append(i)
    return marks if len(marks) >= 2 else []


@component("quotes")
class QuoteExtractor:
    def __init__(self, ctx: Context, min_words: int = 3):
        self.lex = ctx.lexicon
        self.min_words = min_words

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        quotes = find_quote_spans(doc.text, norm)
        prev: dict | None = None
        for qs, qe, closed in quotes:
            content = norm[qs:qe].strip()
            if len(content.split()) < self.min_words:
                continue
            close_end = qe + 1 if closed else qe
            sent_start, _ = doc.sent_of(qs)
            para_start = norm.rfind("\n", 0, qs) + 1
            found = self._after(doc, close_end) if closed else None
            found = found or self._before(doc, max(sent_start, para_start), qs - 1)
            conf = 0.9
            if found is None and prev is not None and (qs - prev["end"] < 40 or
                                                       norm.count("\n", prev["end"], qs) <= 2):
                found = (prev["speaker"], prev["speaker_text"], prev["cue"], prev["sp_span"])
                conf = 0.75
            found = found or self._colon_before(doc, qs) or self._next_sentence(doc, close_end)
            if found is None:
                speaker, speaker_text, cue, sp_span, conf = None, None, None, None, 0.5
            else:
                speaker, speaker_text, cue, sp_span = found
            cand = doc.add("quote", qs, qe, conf, speaker=speaker, speaker_text=speaker_text,
                           content=doc.text[qs:qe].strip(), direct=True, cue=cue)
            prev = {"end": close_end, "speaker": speaker, "speaker_text": speaker_text, "cue": cue,
                    "sp_span": sp_span, "cand": cand}
        self._indirect(doc, quotes)
        return doc

    # ---------------------------------------------------------------------------- direct attribution

    def _after(self, doc: IngestDoc, at: int):
        tail = doc.norm[at:at + 120].split("\n", 1)[0]
        m = _AFTER_CUE_FIRST.match(tail)
        if m and not _CUE.fullmatch(m["sp"].strip()):
            return self._resolve(doc, at + m.start("sp"), at + m.end("sp"), m["cue"])
        m = _AFTER_SP_FIRST.match(tail)
        if m and len(m["sp"].split()) <= 9:
            return self._resolve(doc, at + m.start("sp"), at + m.end("sp"), m["cue"])
        m = _AFTER_ACCORDING.match(tail)
        if m:
            return self._resolve(doc, at + m.start("sp"), at + m.end("sp"), "according to")
        return None

    def _before(self, doc: IngestDoc, lo: int, at: int):
        head = doc.norm[lo:at]
        for rx in (_BEFORE, _BEFORE_ACCORDING):
            m = rx.search(head)
            if m:
                s, e = lo + m.start("sp"), lo + m.end("sp")
                s = self._clause_start(doc.norm, s, e)
                return self._resolve(doc, s, e, m.groupdict().get("cue") or "according to")
        return None

    @staticmethod
    def _clause_start(norm: str, s: int, e: int) -> int:
        """The speaker phrase starts after the last clause break before its cue ("On Friday, Kerry said")."""
        cut = max(norm.rfind(",", s, e), norm.rfind(";", s, e), norm.rfind('"', s, e))
        return cut + 1 if cut >= 0 else s

    def _colon_before(self, doc: IngestDoc, qs: int):
        i = doc.sent_index(qs)
        if i == 0:
            return None
        ps, pe = doc.sents[i - 1]
        m = _BEFORE_COLON.search(doc.norm, ps, pe)
        if m and doc.norm[pe - 1] == ":":
            cue = _CUE.search(doc.norm, ps, pe)
            return self._resolve(doc, ps, pe - 1, cue.group() if cue else None)
        return None

    def _next_sentence(self, doc: IngestDoc, at: int):
        i = doc.sent_index(at)
        if i + 1 >= len(doc.sents) or doc.sents[i][1] > at + 2:
            return None
        ns, ne = doc.sents[i + 1]
        m = _AFTER_SP_FIRST.match(doc.norm, ns, min(ne, ns + 100))
        if m and len(m["sp"].split()) <= 6:
            found = self._resolve(doc, m.start("sp"), m.end("sp"), m["cue"])
            if found and found[0]:
                return found
        return None

    # ---------------------------------------------------------------------------- indirect quotes

    def _indirect(self, doc: IngestDoc, quotes: list[tuple[int, int, bool]]) -> None:
        norm = doc.norm
        for s, e in doc.sents:
            if '"' in norm[s:e] or any(qs < e and s < qe for qs, qe, _ in quotes):
                continue
            sent = norm[s:e]
            for rx in (_ACCORDING_FIRST, _ACCORDING_LAST, _INDIRECT_SP_FIRST, _INDIRECT_CONTENT_FIRST):
                m = rx.match(sent)
                if not m:
                    continue
                found = self._resolve(doc, s + m.start("sp"), s + m.end("sp"), m.groupdict().get("cue") or "according to")
                if found is None or (found[0] is None and not _ANONYMOUS.match(found[1] or "")):
                    continue
                cs, ce = s + m.start("content"), s + m.end("content")
                while ce > cs and norm[ce - 1] in ". ":
                    ce -= 1
                speaker, speaker_text, cue, _ = found
                doc.add("quote", cs, ce, 0.6, speaker=speaker, speaker_text=speaker_text,
                        content=doc.text[cs:ce], direct=False, cue=cue.split()[0] if cue else None)
                break

    # ---------------------------------------------------------------------------- speakers

    def _resolve(self, doc: IngestDoc, s: int, e: int, cue: str | None):
        """(speaker id or None, speaker words, cue, span) for the phrase between s and e."""
        while s < e and doc.norm[s] in " ,":
            s += 1
        while e > s and doc.norm[e - 1] in " ,":
            e -= 1
        words = doc.text[s:e]
        if not words or len(words.split()) > 12:
            return None
        inside = [m for m in doc.mentions if s <= m.start and m.end <= e]
        speaker = _best(inside)
        if speaker is None or (_INDEFINITE.match(words) and not (speaker.kind == "person" and speaker.via == "name")):
            if not (inside or _ANONYMOUS.match(words) or words[:1].isupper() or words.lower() in ("he", "she")):
                return None
            return (None, words, cue, (s, e))
        return (speaker.actor, words, cue, (s, e))


def _best(mentions: list[Mention]) -> Mention | None:
    """The mention that speaks: a named person first, then a pronoun or title, then a body or state."""
    ranked = sorted((m for m in mentions if m.actor),
                    key=lambda m: (m.kind != "person", m.via not in ("name", "short"), -m.start))
    return ranked[0] if ranked else None
