"""Proper nouns that the dictionary does not know, proposed for review with a guessed kind.

A run of capitalised words that no other mention covers, that is not a date word and not only a
sentence's first word, becomes one candidate per name per document (``actor`` null). Places ("in
Aleppo") are left out: they are not actors.
"""

from __future__ import annotations

import re

from accord.ingest.components.actors import HONORIFICS, PLACE_WORDS
from accord.ingest.document import IngestDoc
from accord.ingest.registry import Context, component
from accord.ingest.world import Lexicon

# a capital first, and the boundary checked after it: a pattern that opens with one character class lets
# the regex engine skip to the next capital (three times faster than opening with the lookbehind)
# (a word in capitals ends where the word does: 'UNIFI' is no word of 'UNIFICATION')
_NAME = re.compile(
    r"[A-Z](?<![\w'-].)(?:[\w'-]*[a-z][\w'-]*|[A-Z]{1,4}(?![\w'-]))(?:(?:[ \t]|-)(?:(?:al-|el-|bin |ibn |de |of |of the |for |and )?"
    r"(?:[A-Z][\w'-]*[a-z][\w'-]*|[A-Z]{2,5}(?![\w'-]))))*"
)
_SKIP = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But", "And",
    "Or", "In", "On", "At", "By", "For", "From", "With", "As", "If", "When", "While", "After", "Before", "Since",
    "Asked", "Speaking", "According", "However", "Meanwhile", "Still", "Yet", "Some", "Many", "Most", "Both",
    "Mr", "Mrs", "Ms", "Dr", "There", "Here", "Their", "His", "Her", "Its", "Our", "Such", "Other", "Another",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "AP", "AFP", "Reuters",
    "No", "Not", "Under", "Without", "Instead", "Also", "Then", "Now", "Today", "Yesterday", "Tomorrow",
    "Western", "Arab", "Muslim", "Islamic", "Christian", "Sunni", "Shia", "Shiite", "Alawite", "Kurdish", "Kurds",
}
_KIND_WORDS = [
    ("armed_group", {"Front", "Brigade", "Brigades", "Army", "Battalion", "Battalions", "Militia", "Forces", "Legion",
                     "Division", "Guards"}),
    ("political_group", {"Party", "Movement", "Coalition", "Committee", "Platform", "Bloc", "Body", "Alliance",
                         "Opposition", "Council"}),
    ("organisation", {"Organisation", "Organization", "Agency", "Fund", "Commission", "Ministry", "Institute",
                      "Bank", "Office", "Programme", "Program", "Union", "League", "Association", "Foundation",
                      "Center", "Centre", "Observatory", "Red", "Crescent", "Watch", "Court", "Department"}),
]
# the words of an office or a style that end the text before a name, a comma and spaces after them allowed
# (what '(?:President|...)\s*,?\s*$' searched for: an end test of the stripped text, not a pattern tried at each character)
_TITLE_BEFORE = ("President", "Minister", "Secretary", "Envoy", "envoy", "spokesman", "spokeswoman", "Ambassador",
                 "ambassador", "General", "Gen.", "Sheikh", "King", "Emir", "Prince", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
                 "Dr", "Dr.", "leader", "commander", "negotiator", "coordinator", "official")


def _title_before(before: str) -> bool:
    rest = before.rstrip()
    if rest.endswith(","):
        rest = rest[:-1].rstrip()
    return rest.endswith(_TITLE_BEFORE)


_WORD_SPLIT = re.compile(r"[\s-]+")
# an abbreviated style's full stop, then the name it comes before ('Mr. Name', 'Col. Name')
_STYLE_NEXT = re.compile(r"\. [A-Z]")
# the words that make a name a place's or a building's, though it holds a person's name ('Nelson Mandela Square')
_PLACE_NOUNS = {"square", "street", "road", "avenue", "hotel", "palace", "hall", "building", "tower", "gate", "airport",
                "university", "college", "school", "hospital", "stadium", "museum", "mosque", "cathedral", "prison",
                "bridge", "camp", "village", "town", "city", "district", "province", "valley", "river", "port"}
_SAID_AFTER = re.compile(r"\s*,?\s*(said|says|told|added)\b")
# "Fighters of the Sham Legion": a capitalised sentence opener joined to the name
_LEAD = re.compile(r"[A-Z][a-z]+ (?:of the|of|for|and) ")


def guess_kind(name: str, before: str, after: str, armed: frozenset[str] = frozenset()) -> str | None:
    """The kind a name's words or the words around it give; ``armed`` the world's words of other languages that
    name armed groups (name_words.yaml, lower case: 'jaysh', 'liwa')."""
    words = set(_WORD_SPLIT.split(name))
    if armed and any(w.lower() in armed for w in words):
        return "armed_group"
    for kind, cues in _KIND_WORDS:
        if words & cues:
            return kind
    if _title_before(before) or (len(words) >= 2 and _SAID_AFTER.match(after)):
        return "person"
    prev = before.split()[-1].lower() if before.split() else ""
    if prev in PLACE_WORDS:
        return None  # a place
    return "person" if len(words) >= 2 and all(w[:1].isupper() for w in words) else None


def world_words(lex: Lexicon) -> set[str]:
    """Every word of an actor's name, alias or short form but the first word of a person's name or alias (his given
    name)."""
    return {w for e in lex.entries.values() for n in (e.name, *e.aliases, *e.short)
            for w in (n.split()[1:] if e.kind == "person" and n in (e.name, *e.aliases) else n.split())}


@component("unknown_actors")
class UnknownActors:
    def __init__(self, ctx: Context):
        lex = ctx.lexicon
        # a known state's or body's name the actors component left unclaimed is a place or a topic there ('in the
        # Czech Republic'), never an unknown actor
        self.places = set(lex.places) | {e.capital for e in lex.entries.values() if e.capital} \
            | {f for e in lex.entries.values() if e.kind != "person" for f in (e.name, *e.aliases)}
        self.armed = lex.name_words.get("armed_group_words", frozenset())
        self.world_words = world_words(lex)  # 'Obama' of 'Obama Square'
        from accord.ingest.components.proposed import ROLES  # proposed.py reads this module's words
        self.styles = ROLES | {h.rstrip(".").lower() for h in HONORIFICS}

    def _thing(self, name: str) -> bool:
        """Whether a name is a place's or a building's: a place's word ends it after two words or more ('Nelson Mandela
        Square') or after a word of the world's names ('Obama Square'); after one unknown word it may be a surname
        ('Jane Hall', 'Dave Camp')."""
        words = _WORD_SPLIT.split(name)
        if words[-1].lower() not in _PLACE_NOUNS:
            return False
        return len(words) >= 3 or words[0] in self.world_words or words[0] in self.places

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        # the characters other components already claimed, as a mask: one C-level search per name
        covered = bytearray(len(doc.norm))
        for s, e in [(m.start, m.end) for m in doc.mentions] + doc.places + doc.labels:
            covered[s:e] = b"\x01" * (e - s)
        sent_starts = set(doc._sent_starts)
        seen: set[str] = set()
        norm = doc.norm
        for m in _NAME.finditer(norm):
            start, end = m.span()
            if covered.find(0, start, end) < 0:
                continue  # wholly inside known mentions: so is any part of it the trimming below would keep
            name = m.group()
            while name.split(" ", 1)[0] in _SKIP and " " in name:
                first = name.split(" ", 1)[0]
                start += len(first) + 1
                name = name[len(first) + 1:]
            lead = _LEAD.match(name)
            if lead and start in sent_starts:  # "Fighters of the Sham Legion": the sentence's first word is no name
                start += lead.end()
                name = name[lead.end():]
            if name in _SKIP or name in seen or name in self.places or name.split()[0] in HONORIFICS:
                continue
            if covered.find(1, start, end) >= 0:
                continue
            if " " not in name and "-" not in name and start in sent_starts:
                continue
            if _STYLE_NEXT.match(norm, end) and name.rsplit(" ", 1)[-1].lower() in self.styles:
                continue  # 'His Excellency Mr. Name', 'Rebel Col. Name': styles before a name, no name of their own
            kind = guess_kind(name, norm[max(0, start - 30):start], norm[end:end + 20], self.armed)
            if kind is None or (kind == "person" and (name.isupper() or self._thing(name))):
                continue  # a heading in capitals ('COMMITTEE ON PEACE'): a person's name in capitals needs his style
            seen.add(name)
            doc.add("actor", start, end, 0.4, actor=None, name=name, actor_kind=kind)
        return doc
