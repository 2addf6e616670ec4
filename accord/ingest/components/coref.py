"""Who a short mention stands for: a surname alone ("Kerry"), a title alone ("the foreign minister", "the
UN envoy"), a pronoun ("he"). Then the settled mentions become actor candidates.

A surname counts when its full name came earlier or a title or honorific stands before it (or, for a
surname that is no common word, on its own with less confidence). A title alone names whoever held that
office on the publication date, preferring someone the article already named. Pronouns are resolved to
the last person named within three sentences (gender-checked when known) and kept for quote speakers
only: they are not actor mentions.
"""

from __future__ import annotations

from bisect import bisect_left
import re

from accord.ingest.components.actors import HONORIFICS, START
from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.timex import MONTHS, WEEKDAYS
from accord.ingest.world import Lexicon
from accord.ingest.components.proposed import ROLES, _one_owner, not_people, spans_of

# "he", "she" as words, each in a scan of its own that opens with it (the engine skips to the word, not to each 'h'
# and 's'); a match is a whole word, so no two overlap and their union in order is every pronoun of the text
_PRONOUNS = tuple(re.compile(rf"({word})(?<!\w{word})\b") for word in ("he", "He", "she", "She"))


def _pronoun_matches(text: str) -> list[re.Match[str]]:
    return sorted((m for rx in _PRONOUNS for m in rx.finditer(text)), key=lambda m: m.start())
# Titles too generic to name one office-holder without a name beside them.
_GENERIC = {"official", "diplomat", "minister", "leader", "commander", "general", "negotiator", "adviser",
            "ambassador", "spokesman", "spokeswoman", "spokesperson", "coordinator", "mediator"}
# Unnamed officials of a state keep their demonym as a mention ("a senior Turkish official"); an office
# does not ("the Russian envoy").
_ANONYMOUS_TITLES = {"official", "officials", "diplomat", "diplomats"}
# a capitalised name right after a title ('Foreign Minister Fumio Kishida', 'Minister Datuk Seri Anifah Aman'); a known
# name there is a mention of its own and the title goes with it before this is asked
_UNKNOWN_NAME_AFTER = re.compile(r" (?:[A-Z][\w'\u00c0-\u024f-]+ ){0,3}[A-Z][\w'\u00c0-\u024f-]*[a-z][\w'\u00c0-\u024f-]*\b")
# a capitalised word right after or before a first name: part of another name ('Paolo Rossi', 'Via Paolo')
_CAPITAL_NEXT = re.compile(r"[ -][A-Z\u00c0-\u00de]")
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:;\"\n] )(?<![.!?:;\"\n]  )\b[A-Z\u00c0-\u00de][\w'\u00c0-\u024f.-]* $")
_GAP_ADJACENT = re.compile(r"^[ ,]{0,2}$")
_GAP_OF = re.compile(r"^(?:'s)?\s?$")
# a past holder's office before a title ('the former President', 'ex-Prime Minister', 'the late King')
# a capitalised word and a space before a title (a demonym, perhaps)
_DEMONYM_BEFORE = re.compile(r"([A-Z][\w'-]*) $")
_FORMER = re.compile(r"(?:\b[Ff]ormer|\b[Ll]ate|\b[Ee]x-|\b[Oo]ne-time|\b[Ee]rstwhile)\s*$")


def _office_word(word: str) -> bool:
    """Whether a word is an office's or a style's, written as a title before a name ('Minister', 'Senator')."""
    return word[:1].isupper() and word.rstrip(".").lower() in ROLES


_LED = {"administration", "government", "regime", "cabinet", "presidency", "authority", "authorities", "camp", "new"}
_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+)\b")


# what follows a first name used to address someone: a comma and a word in small letters, or a question mark
_VOCATIVE_AFTER = re.compile(r",[^\S\n][a-z]|\?")


@component("coref")
class Coref:
    def __init__(self, ctx: Context, pronoun_window: int = 3, keep_title_of: bool = False):
        self.lex: Lexicon = ctx.lexicon
        self.window = pronoun_window
        self.keep_title_of = keep_title_of
        # a capitalised word after a title that names no one: a wire's day or month ('the prime minister Monday
        # warned'), a place ('the president Aleppo would ...')
        self.dates = set(WEEKDAYS) | set(MONTHS)
        self.places = {p.lower() for p in self.lex.places} | {e.capital.lower() for e in self.lex.entries.values()
                                                                 if e.capital}
        # a person's first name that no other person of the world bears, nor any actor's name, alias or short form
        # holds as a word of its own: the person it names, when the text names him otherwise too
        firsts: dict[str, set[str]] = {}  # a full name's first word (of the name or an alias) -> the people
        # an alias's title or style is no first name ('Cardinal Pietro Parolin', 'Emir Tamim', 'Gen. Ali Saleh')
        styles = ROLES | {h.rstrip(".").lower() for h in HONORIFICS} | self.lex.styles \
            | {w.lower() for t in self.lex.titles for w in t.title.replace("-", " ").split()}
        for e in self.lex.entries.values():
            if e.kind == "person":
                for n in (e.name, *e.aliases):
                    if len(n.split()) > 1 and n.split()[0].rstrip(".").lower() not in styles:
                        firsts.setdefault(n.split()[0], set()).add(e.id)
        words = {w for e in self.lex.entries.values() for n in (e.name, *e.aliases, *e.short)
                 for w in (n.split()[1:] if e.kind == "person" and len(n.split()) > 1 else n.split())}
        # the words of a body's, a place's or a document's name after a surname, which then names that thing ('the
        # Carter Center'), but a government's ('the Obama Administration' is his)
        self.thing_words = not_people(self.lex) - _LED
        self.first_names: dict[str, list[str]] = {}  # person -> his first names no one else's
        for f, ids in firsts.items():
            if len(f) >= 3 and f[0].isupper() and f[1:].islower() and f not in words and f.lower() not in self.places:
                for pid in ids:
                    self.first_names.setdefault(pid, []).append(f)
        # first names that are a month's or a day's word too ('Jan', 'June'): his only as a vocative ('Jan, you ...')
        self.dated_firsts = {f for fs in self.first_names.values() for f in fs if f.lower() in self.dates}

    def _unknown_name_after(self, doc: IngestDoc, at: int) -> bool:
        """Whether a name the dictionary lacks follows a title ('Foreign Minister Fumio Kishida'): capitalised words,
        the first no day, month or place, and no actor's mention among them."""
        name = _UNKNOWN_NAME_AFTER.match(doc.norm, at)
        if not name:
            return False
        words = name.group().split()
        if words[0].rstrip(".").lower() in self.dates or " ".join(words).lower() in self.places:
            return False
        return not any(x.actor for x in doc.mentions_in(at + 1, name.end()))

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        mentions = doc.mentions
        settled: list[Mention] = []
        seen_full: set[str] = set()
        dropped: set[int] = set()
        norm = doc.norm
        for i, m in enumerate(mentions):
            if i in dropped:
                continue
            if m.via == "short":
                if self._named_after(norm, m.end):
                    continue  # a place or a body named after him ('the Carter Center', 'Mandela Square'): not he
                entry = self.lex.entries[m.actor or ""]
                before = norm[max(0, m.start - 12):m.start].split()
                # an office's word before it ('Minister Dion', 'Senator Downe') titles it as an honorific does
                titled = bool(before) and (before[-1] in HONORIFICS or _office_word(before[-1])
                                           or (settled and settled[-1].via == "title"
                                               and settled[-1].end >= m.start - 2))
                if m.actor in seen_full or titled:
                    m.confidence = 0.92
                elif entry.strict_short:
                    continue
                else:
                    m.confidence = 0.7
            elif m.via in ("title", "anonymous"):
                nxt = mentions[i + 1] if i + 1 < len(mentions) else None
                if nxt and nxt.kind == "person" and nxt.actor and _GAP_ADJACENT.match(norm[m.end:nxt.start]):
                    nxt.sector = m.sector
                    if not self.keep_title_of and m.text.lower() not in _ANONYMOUS_TITLES and settled \
                            and settled[-1].via == "demonym" \
                            and _GAP_OF.match(norm[settled[-1].end:m.start]):
                        settled.pop()
                    continue  # "Foreign Minister Sergei Lavrov": the name carries the mention
                if m.via == "title":
                    self._resolve_title(doc, m, settled, nxt)
                    if self._unknown_name_after(doc, m.end):
                        m.actor = None  # 'Foreign Minister Fumio Kishida', a name the dictionary lacks: his title
            if m.kind == "person" and m.via == "name" and m.actor:
                seen_full.add(m.actor)
            settled.append(m)
        doc.mentions = settled + self._pronouns(doc, settled) + self._first_names(doc, settled)
        doc.mentions.sort(key=START)
        for m in doc.mentions:
            if m.actor and m.via not in ("pronoun", "anonymous", "title", "described"):
                doc.add("actor", m.start, m.end, m.confidence, actor=m.actor,
                        name=self.lex.entries[m.actor].name, actor_kind=m.kind)
        return doc

    def _named_after(self, norm: str, end: int) -> bool:
        """Whether a capitalised word of a body's, a place's or a document's name follows a surname."""
        nxt = _NEXT_NAME_WORD.match(norm, end)
        return nxt is not None and nxt.group(1).lower() in self.thing_words

    def _former(self, norm: str, m: Mention, settled: list[Mention]) -> bool:
        """Whether 'former', 'late', 'ex-' ... stands before a title, the names or demonyms of the title's state or
        body between ('the former UN Secretary-General', 'former US Secretary of State', 'the late Russian envoy')."""
        at, i = m.start, len(settled) - 1
        for _ in range(4):
            if _FORMER.search(norm, max(0, at - 12), at):
                return True
            if i >= 0 and settled[i].kind != "person" and settled[i].end <= at \
                    and _GAP_OF.match(norm[settled[i].end:at]):
                at, i = settled[i].start, i - 1
                continue
            word = _DEMONYM_BEFORE.search(norm, max(0, at - 30), at)
            if word is None or word.group(1) not in self.lex.demonym_of:
                return False
            at = word.start()
        return False

    def _resolve_title(self, doc: IngestDoc, m: Mention, settled: list[Mention], nxt: Mention | None) -> None:
        norm = doc.norm
        if self._former(norm, m, settled):
            return  # 'the former President of Tanzania', 'the former UN Secretary-General': no holder on the day
        of = None
        if settled and settled[-1].kind != "person" and _GAP_OF.match(norm[settled[-1].end:m.start]):
            of = settled[-1].actor
            if not self.keep_title_of and settled[-1].via == "demonym" and m.text.lower() not in _ANONYMOUS_TITLES:
                settled.pop()
        elif nxt and nxt.kind != "person" and re.match(r"^ of (the )?$", norm[m.end:nxt.start]):
            of = nxt.actor
        else:
            # 'The American ambassador': a demonym the matcher did not keep as a mention still names the state
            before = norm[max(0, m.start - 20):m.start].split()
            of = self.lex.demonym_of.get(before[-1]) if before else None
        if of and of.endswith("-government"):
            of = of.removesuffix("-government")
        if m.text.lower() in _GENERIC:
            # "the Russian minister", "the ambassador": the last person named (of that state, when one
            # is given) who holds such an office, if named within the last few sentences
            word = m.text.lower().removesuffix("s")
            here = doc.sent_index(m.start)
            for x in reversed(settled):
                if x.kind != "person" or here - doc.sent_index(x.start) > self.window:
                    continue
                entry = self.lex.entries.get(x.actor or "")
                if entry and any((of is None or r.of == of) and word in r.title.lower() and r.holds_on(doc.published)
                                 for r in entry.roles):
                    m.actor, m.confidence = x.actor, 0.75
                    return
            if of:
                # "the American ambassador" with nobody named: the one person of that state holding such an
                # office on the day, if there is exactly one
                held = [e.id for e in self.lex.people_of(of) if any(
                    r.of == of and word in r.title.lower() and r.holds_on(doc.published) for r in e.roles)]
                if len(held) == 1:
                    m.actor, m.confidence = held[0], 0.65
            return
        holders = self.lex.holders(m.text, of, doc.published)
        named = [x.actor for x in reversed(settled) if x.kind == "person" and x.actor in holders]
        if not named and of is None:
            # a title alone names its one holder only inside that holder's conflict: 'the chief negotiator'
            # in a Yemen article is not the Syrian opposition's, so the body he serves must be in the article
            holders = [h for h in holders if self._in_context(doc, h)]
        pick = named[0] if named else (holders[0] if len(holders) == 1 else None)
        if pick:
            m.actor, m.confidence = pick, (0.85 if named else 0.7)

    def _in_context(self, doc: IngestDoc, holder: str) -> bool:
        """Whether the article names the body the holder serves, or someone else who serves it."""
        if doc.body_context is None:  # asked per title: the article's bodies gathered once
            named: dict[str | None, set[str]] = {}
            for x in doc.mentions:
                if x.actor:
                    named.setdefault(x.actor, set()).add("")
                    if x.kind == "person":
                        for r in self.lex.entries[x.actor].roles:
                            named.setdefault(r.of, set()).add(x.actor)
            doc.body_context = named
        return any(doc.body_context.get(r.of, set()) - {holder} for r in self.lex.entries[holder].roles if r.of)

    def _first_names(self, doc: IngestDoc, settled: list[Mention]) -> list[Mention]:
        """A person the text names by his full name, surname or title, named by his first name alone too, as a
        speaker addresses a colleague ('Thank you, Paolo,') or a writer his friend ('I passed it to Mevlüt'): the
        first name is no other person's of the world, and stands alone (no capitalised word next to it)."""
        # (first names of two people the text names: neither's alone)
        wanted = _one_owner((first, m.actor) for m in settled if m.kind == "person" and m.actor and m.via != "pronoun"
                            for first in self.first_names.get(m.actor, ()))
        norm = doc.norm
        if wanted:
            # only a first name written more often than inside its bearer's names is looked for (a substring count)
            inside = dict.fromkeys(wanted, 0)
            for m in settled:
                for first in self.first_names.get(m.actor or "", ()):
                    if first in inside:
                        inside[first] += m.text.count(first)
            wanted = {f: pid for f, pid in wanted.items() if norm.count(f) > inside[f]}
        if not wanted:
            return []
        taken = bytearray(len(norm))
        for m in settled:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        out = []
        for s, e in spans_of(norm, wanted):
            if taken.find(1, s, e) >= 0 or _CAPITAL_NEXT.match(norm, e):
                continue
            if norm[s:e] in self.dated_firsts and not _VOCATIVE_AFTER.match(norm, e):
                continue
            before = _CAPITAL_BEFORE.search(norm, max(0, s - 30), s)
            if before and before.group().strip().rstrip(".").lower() not in ROLES:
                continue  # another name's word, not a title ('Minister Retno' is hers)
            out.append(Mention(s, e, doc.text[s:e], wanted[norm[s:e]], "person", "short", 0.7))
        return out

    def _pronouns(self, doc: IngestDoc, settled: list[Mention]) -> list[Mention]:
        people = [m for m in settled if m.kind == "person" and m.actor]
        out: list[Mention] = []
        if not people:
            return out
        starts = [m.start for m in people]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        for p in _pronoun_matches(doc.norm):
            want = "f" if p.group(1).lower() == "she" else "m"
            sent = doc.sent_index(p.start())
            # the people named before the pronoun, nearest first (those after it skipped by a bisection, not one by
            # one; the test of each one's start only where the mentions came unordered)
            k = bisect_left(starts, p.start()) if ordered else len(people)
            for j in range(k - 1, -1, -1):
                m = people[j]
                if (not ordered and m.start >= p.start()) or doc.norm.startswith("'s", m.end):
                    continue  # later, or a possessive ("Assad's departure") rather than a subject
                if sent - doc.sent_index(m.start) > self.window:
                    break
                gender = self.lex.entries[m.actor or ""].gender
                if gender in (None, want):
                    out.append(Mention(p.start(), p.end(), p.group(1), m.actor, "person", "pronoun", 0.75))
                    break
        return out
