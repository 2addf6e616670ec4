"""Bodies known only by an acronym the document never spells out ('the MILF will not accept', 'CNARED rejected').

An acronym the dictionary does not know is a body's when it acts: it stands as the subject of a verb of saying or
doing ('the MILF has waited', 'CNARED said', 'the MILF will not accept'). It then becomes a mention of the acronym in
small letters (the id ``proposed_bodies`` and the world data give groups: 'pkk', 'milf'), and so does each other use of
it in the document ('talks with CNARED'). Not read so: roman numerals ('III'), the words of a line in capitals (a
heading), a record's closing words ('ENDS'), an acronym the document defines in brackets (``proposed_bodies`` settled
it: a body's is taken, a law's or a plan's, 'the Basic Law (BBL)', is no body), and any acronym the dictionary knows.
"""

from __future__ import annotations

import re

from accord.ingest.components.actors import START
from accord.ingest.components.proposed import _ACRONYM, spans_of
from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.slug import slug

# an acronym of three to seven capitals standing alone, the word after it (its verb, or a helper before the verb)
# (the capital first, the boundary looked back at after it: the engine skips to the next capital)
_ACTING = re.compile(r"(?P<acr>[A-Z](?<![\w(/.-].)[A-Z]{2,6})(?![\w)/.-]) (?:(?:has|have|had|will|would|did|does|is|was|were|can|"
                     r"could|must|should|may|might|also|then|now|again|still|not|never|already)[ ,]+){0,2}(?P<verb>[a-z]+)")
# a numeral of a name's or a chapter's (below a hundred: 'Silvestre Bello III', 'Chapter XIV'); 'MDC', 'CDM' are parties
_ROMAN = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@component("acting_acronyms")
class ActingAcronyms:
    def __init__(self, ctx: Context):
        lex = ctx.lexicon
        self.lex = lex
        self.known = {f for e in lex.entries.values() for f in (e.name, *e.aliases, *e.short)}
        # common nouns' abbreviations and a release's marks ('CEO', 'ENDS'; titles.yaml, lower case): no body's
        self.not_bodies = lex.common_abbreviations | lex.release_marks
        self.verbs = lex.acting_verbs

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        acting: dict[str, str] = {}  # the acronym -> its proposed id
        defined: set[str] | None = None
        capitals: dict[int, bool] = {}  # a line's start -> whether it is written in capitals (a one-line text: once)
        for m in _ACTING.finditer(norm):
            acr = m.group("acr")
            if acr in acting or m.group("verb") not in self.verbs or not self._may_name_a_body(norm, acr, m.start(), capitals):
                continue
            if defined is None:
                defined = set(_ACRONYM.findall(norm))  # the acronyms proposed_bodies read
            if acr in defined:
                continue
            acting[acr] = slug(acr)
        if not acting:
            return doc
        taken = bytearray(len(norm))
        for x in doc.mentions:
            taken[x.start:x.end] = b"\x01" * (x.end - x.start)
        found = [Mention(s, e, doc.text[s:e], acting[norm[s:e]], "organisation", "alias", 0.7)
                 for s, e in spans_of(norm, {a: a for a in acting}) if taken.find(1, s, e) < 0
                 and not _in_a_line_of_capitals(norm, s, e, capitals)]
        if not found:
            return doc
        doc.proposed = {**doc.proposed, **{pid: acr for acr, pid in acting.items() if pid not in doc.proposed}}
        doc.mentions = sorted(doc.mentions + found, key=START)
        for x in found:
            doc.add("actor", x.start, x.end, x.confidence, actor=x.actor, name=x.text, actor_kind=x.kind)
        return doc

    def _may_name_a_body(self, norm: str, acr: str, start: int, capitals: dict[int, bool]) -> bool:
        """Whether an acronym may be a body the dictionary lacks: neither known nor a numeral nor a release's mark
        nor a word of a heading in capitals."""
        if acr in self.known or slug(acr) in self.lex.entries or acr.lower() in self.not_bodies or _ROMAN.fullmatch(acr):
            return False
        return not _in_a_line_of_capitals(norm, start, start + len(acr), capitals)


_WORD = re.compile(r"[A-Za-z]{2,}")


def _in_a_line_of_capitals(norm: str, start: int, end: int, seen: dict[int, bool]) -> bool:
    """Whether the words either side of a span on its line are in capitals too (a heading, a label); ``seen`` keeps
    each line's answer (a one-line document's many uses would each read the whole line again)."""
    line_start = norm.rfind("\n", 0, start) + 1
    if line_start in seen:
        return seen[line_start]
    line_end = norm.find("\n", end)
    words = _WORD.findall(norm, line_start, len(norm) if line_end < 0 else line_end)
    capitals = len(words) > 1 and sum(w.isupper() for w in words) * 2 > len(words)
    seen[line_start] = capitals
    return capitals
