"""Descriptive and group mentions: noun phrases without a name that denote an actor ("the Government",
"his government", "the opposition", "the rebels", "the participants", "the Special Envoy", "his Iranian
counterpart", "twenty countries and organisations"), each a ``description`` candidate with a type and,
where the article fixes it, the actor it stands for (docs/gold-format.md, *Descriptive mentions*).

Linking is coreference by the article's own words: a title alone is the holder coref settled (or the one
holder serving the state the article is about); a government is that of the state a demonym or a capital
beside it names, of the state of the leader "his" refers to, else of the state the article is about; a
definite "the opposition", "the rebels" or "the participants" is the political group, armed group or
body of that kind named last before it. An indefinite group ("armed factions") and a set of parties
("the parties", "both sides") stay unlinked: the words name a kind, not one actor.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER

from accord.ingest.components.actors import PLACE_NEXT, PLACE_WORDS
from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.words import finditer_at, literal_spans, merged_matches
from accord.ingest.world import Entry, Lexicon

# head noun -> (type, how it is linked)
HEADS: dict[str, tuple[str, str]] = {
    "government": ("government", "government"), "authorities": ("government", "government"),
    "administration": ("government", "government"),
    "opposition": ("political_group", "political_group"),
    "rebels": ("armed_group", "armed_group"), "insurgents": ("armed_group", "armed_group"),
    "militants": ("armed_group", "armed_group"), "separatists": ("armed_group", "armed_group"),
    "factions": ("armed_group", "armed_group"),
    "participants": ("body", "body"), "members": ("body", "body"), "monitors": ("body", "body"),
    "mission": ("body", "body"),
    "co-chairs": ("group", None), "parties": ("group", None), "sides": ("group", None),
    "force": ("body", None),  # "the task force": a body of its own, rarely named
    "delegation": ("political_group", "delegation"), "group": ("group", "group"),
}
# the same at a word's start, written to open with one character class (then the word boundary looked back
# at from the second character, the rest by the first): the engine skips to those characters, where a
# leading \b made it try the whole pattern at every character
_DETS_AT_WORD = r"[TtHhIiBbA-Z](?<!\w.)(?:(?<=[Tt])he|(?<=[Hh])is|(?<=[Hh])er|(?<=[Ii])ts|(?<=[Bb])oth|(?<=[A-Z])[a-z]+'s)"
# determiner, at most two modifiers (a demonym, "government", "warring", "armed"), the head
_PHRASE = re.compile(
    rf"(?P<det>{_DETS_AT_WORD})\s+(?P<mods>(?:(?:[A-Z][\w'-]+|government|opposition|warring|armed|rebel|task)\s+){{0,2}})"
    r"(?P<head>(?i:government)|authorities|administration|(?i:opposition)|rebels|insurgents|militants|separatists|"
    r"factions|participants|members|monitors|mission|co-chairs|parties|sides|force|delegation|group)\b"
    # "the government side", "the opposition's demands": a modifier of another noun, not the phrase's head
    r"(?!'s| side| forces| troops| army| officials| spokes| positions| offensive| areas| territory| control)")
# the phrase from the words its determiner may be, each its own pattern opening with the word, which the engine
# finds by its fast search for a literal (the class of first letters above made it test every character: the
# phrase's scan was 2.6 % of the pipeline's instructions); a possessive ('Yemen's') from each "'s"
_PHRASE_REST = _PHRASE.pattern[len(f"(?P<det>{_DETS_AT_WORD})"):]
_PHRASE_BY_DET = [re.compile(f"(?P<det>{w}(?<!\\w.{{{len(w)}}}))" + _PHRASE_REST)
                  for w in ("the", "The", "his", "His", "her", "Her", "its", "Its", "both", "Both")]
# without a determiner: a kind of armed group, and counted sets of states
_BARE = re.compile(r"\b(?:armed|rival|rebel) (?:factions|groups)\b|(?<![\w-] )\b(?:rebels|insurgents|separatists)\b")
_COUNTED = re.compile(
    r"\b(?:(?:[Ss]ome|[Aa]bout|[Mm]ore than|[Nn]early|[Aa]lmost) )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens of|a dozen) (?:countries|states|nations|governments)"
    r"(?: and (?:international )?(?:organi[sz]ations|bodies))?\b")
# A phrase is found from its head noun: each pattern's head alone (a scan the regex engine runs fast: it
# knows the characters a match can open with) finds where to try the whole pattern, in a window around it;
# scanning the whole text with patterns that open with an optional word costs as much as the rest of the
# component. The windows hold the longest count or modifier before a head.
# (the heads found as ``(?:countries|states|...)\b`` would find them, by a substring search for each word: their
# first letters are frequent ones, at which the engine would try the alternation)
_COUNTED_HEADS = ("countries", "states", "nations", "governments")
_BARE_HEADS = ("factions", "groups", "rebels", "insurgents", "separatists")


def _phrases(norm: str) -> list[re.Match[str]]:
    """``list(_PHRASE.finditer(norm))``, each determiner's phrases found on their own."""
    return merged_matches(_PHRASE, norm, [*(p.finditer(norm) for p in _PHRASE_BY_DET),
                                          finditer_at(_PHRASE, norm, _possessive_starts(norm))])


def _possessive_starts(norm: str) -> list[int]:
    """Where a possessive determiner may open ('Yemen's'): a capital, small letters, then "'s"."""
    out = []
    at = norm.find("'s")
    while at >= 0:
        start = at - 1
        while start >= 0 and "a" <= norm[start] <= "z":
            start -= 1
        if 0 <= start < at - 1 and "A" <= norm[start] <= "Z":
            out.append(start)
        at = norm.find("'s", at + 2)
    return out


def _around_heads(full: re.Pattern[str], heads: tuple[str, ...], norm: str, before: int, after: int
                  ) -> list[re.Match[str]]:
    """``full.finditer(norm)``, tried only around the heads (words every match holds, a word boundary after each)."""
    out: list[re.Match[str]] = []
    for h_start, h_end in literal_spans(norm, heads, word_end=True):
        if out and out[-1].end() > h_start:
            continue  # this head is inside the last phrase
        lo = max(out[-1].end() if out else 0, h_start - before)
        m = next((c for c in full.finditer(norm, lo, min(len(norm), h_end + after))
                  if c.start() <= h_start < c.end()), None)
        if m is not None:
            out.append(m)
    return out


_HEAD_WORDS = set(HEADS) | {"countries", "states", "nations", "governments", "secretary", "counterpart", "rebel"}
# a state's title alone: "the Secretary" in a department's briefing is its Secretary of State
_SECRETARY = re.compile(r"\b[Tt]he Secretary\b(?![- ]General|-general| of| General)")
# (the H first and the boundary behind it, for '\b(?P<det>[Hh]is|[Hh]er)': a class the engine skips to)
_COUNTERPART = re.compile(r"(?P<det>[Hh](?<!\w.)(?:is|er))\s+(?:(?P<dem>[A-Z][\w-]+)\s+)?counterparts?\b")
_AFTER_GOVERNMENT = re.compile(r"^ (?:in|of) (?:the )?(?P<place>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)")
# offices that are a foreign minister's counterparts in another state
_FOREIGN = {"foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary"}
_NOT_BODY = {"person", "state", "government", "armed_group", "political_group"}
# titles that name one office of the one whose words a briefing gives: kept as person descriptions
_TITLE_DETS = {"the", "his", "her", "its", "their"}


# the last words of states' names that are common nouns of the text as well
_COMMON_LAST = {"state", "states", "government", "republic", "kingdom", "region", "islands", "union"}

#: what the dictionary knows of a proposed person: a person, and nothing else
_PROPOSED = Entry("", "person", "")


@component("descriptions")
class Descriptions:
    def __init__(self, ctx: Context):
        self.lex: Lexicon = ctx.lexicon
        self.heads = ctx.words.word_set(_HEAD_WORDS)
        # one word that names a state alone (a demonym, or a name's last word no other state shares), by hash
        keys: dict[str, set[str]] = {}
        for e in self.lex.entries.values():
            if e.kind == "state":
                for form in [*e.demonyms, e.name, *e.aliases]:
                    # a common noun ending a name ('South West State') names no state alone
                    if form and form.split()[-1].lower() not in _COMMON_LAST:
                        keys.setdefault(form.split()[-1].lower(), set()).add(e.id)
        strings = self.strings = ctx.nlp.vocab.strings
        unique = {strings.add(w): ids.pop() for w, ids in keys.items() if len(ids) == 1 and len(w) > 3}
        self._state_hashes = np.array(sorted(unique), dtype=np.uint64)
        self._state_of_hash = unique
        # a capital's, a name's or an alias's word -> the first state (in the dictionary's order) it is of: a look-up,
        # where a scan of every entry per phrase was half a percent of the pipeline
        self._state_of_word: dict[str, str] = {}
        for e in self.lex.entries.values():
            if e.kind == "state":
                for word in (e.capital, e.name, *e.aliases):
                    if word:
                        self._state_of_word.setdefault(word, e.id)

    def _entry(self, actor: str) -> Entry:
        """The dictionary's entry of a mention's actor; a person the document proposed (``components.proposed``) has
        none, and is a person of no known office."""
        return self.lex.entries.get(actor) or _PROPOSED

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        if doc.tokens is None or not len(doc.tokens) or not self.heads.offsets(doc) and "ounterpart" not in doc.norm:
            return doc
        self._focus: str | None | bool = False  # computed when first needed
        # (this component adds no mention: the actors named and each title's one holder hold for the whole call)
        self._named: set[str] | None = None
        self._holder_of: dict[str, str | None] = {}
        found: list[tuple[int, int, str | None, str, str]] = []  # start, end, actor, type, head
        taken: list[tuple[int, int]] = list(doc.labels)
        norm = doc.norm
        for m in doc.mentions:
            if m.via == "title" and self._is_description(doc, m):
                start = self._with_det(norm, m.start)
                if start is not None:
                    actor = m.actor or self._one_holder(doc, m.text)
                    found.append((start, m.end, actor, "person", "title"))
        # each scan only where its words occur at all (a substring test costs a fraction of a regex scan)
        # (tried where 'he Secretary' stands, found by a substring search: a pattern opening with a word boundary is
        # tried at every character)
        for at, _ in literal_spans(norm, ("he Secretary",)) if "Secretary" in norm else ():
            s = _SECRETARY.match(norm, at - 1) if at else None
            if s is not None and not self._covered(doc, s.start(), s.end()):
                holders = [h for h in self.lex.holders("Secretary of State", None, doc.published)]
                holders = [h for h in holders if self._serves_focus(doc, h)] if len(holders) > 1 else holders
                found.append((s.start(), s.end(), holders[0] if len(holders) == 1 else None, "person", "title"))
        for c in _COUNTERPART.finditer(norm) if "ounterpart" in norm else ():
            found.append((c.start(), c.end(), self._counterpart(doc, c), "person", "title"))
        for p in _phrases(norm):  # (its heads are frequent: a window around each cost more)
            if (phrase := self._phrase(doc, p, found)) is not None:
                found.append(phrase)
        for m in doc.mentions:
            if m.via == "described":  # 'rebels accused government forces': the government of the state in question
                found.append((m.start, m.end, self._government(doc, "the", m.start, m.end), "government", "government"))
        for b in _around_heads(_BARE, _BARE_HEADS, norm, 10, 0):
            head = b.group().split()[-1]
            found.append((b.start(), b.end(), None, HEADS.get(head, ("armed_group", None))[0], head))
        for c in _around_heads(_COUNTED, _COUNTED_HEADS, norm, 45, 40):
            found.append((c.start(), c.end(), None, "group", "countries"))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        for start, end, actor, kind, _head in found:
            if any(s < end and start < e for s, e in taken) or self._holds_name(doc, start, end, kind):
                continue
            taken.append((start, end))
            entry = self.lex.entries.get(actor or "")
            doc.add("description", start, end, 0.6 if actor else 0.5, actor=actor, type=kind,
                    name=entry.name if entry else None)
        return doc

    # -- which titles are descriptions ---------------------------------------------------------------

    def _is_description(self, doc: IngestDoc, m: Mention) -> bool:
        """A title alone after a determiner, not in apposition to a name nor inside a mention's phrase."""
        before = doc.norm[max(0, m.start - 40):m.start]
        for x in reversed(doc.mentions_in(max(0, m.start - 40), m.start)):
            if x.via in ("pronoun", "title", "anonymous"):
                continue
            gap = doc.norm[x.end:m.start]
            # "Walid al-Moualem, the foreign minister", "Russia's foreign minister", "the UN envoy"
            if re.fullmatch(r"(?:'s)?\s*|,\s*(?:the\s+)?|\s+(?:the\s+)?", gap):
                return False
            break
        after = doc.mentions_in(m.end, m.end + 60)
        if after and after[0].kind == "person" and after[0].via == "name" and \
                re.fullmatch(r"(?:\s+(?:for|of|to|on)\s+[\w' -]+?)?,?\s*", doc.norm[m.end:after[0].start]):
            return False  # "The Special Envoy for Yemen, Ismail Ould Cheikh Ahmed": the name is the mention
        if m.text.lower().removesuffix("s") in _SPOKES and m.actor is None:
            return False  # "the Spokesperson" of a statement: nobody the article can name
        return not before.rstrip().endswith(("Mr", "Mr.", "Madam", "Madame", "Mrs", "Mrs.", "Ms", "Ms."))

    @staticmethod
    def _with_det(norm: str, start: int) -> int | None:
        """Where the phrase begins, its determiner included, or None when no determiner stands before it."""
        words = norm[max(0, start - 30):start].split()
        if words and words[-1].lower() in _TITLE_DETS:
            return start - len(norm[:start]) + len(norm[:start].rstrip()) - len(words[-1])
        return None

    def _covered(self, doc: IngestDoc, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in doc.mentions_in(max(0, start - 60), end))

    def _holds_name(self, doc: IngestDoc, start: int, end: int, kind: str) -> bool:
        """A phrase with a person's name in it is that person's mention, not a description."""
        return any(m.start < end and start < m.end and m.kind == "person" and m.via not in ("title", "pronoun")
                   for m in doc.mentions_in(max(0, start - 60), end))

    # -- linking -------------------------------------------------------------------------------------

    def _phrase(self, doc: IngestDoc, p: re.Match[str], found: list) -> tuple[int, int, str | None, str, str] | None:
        """The phrase's span, actor, type and head; None when the words are no description."""
        head, det = p.group("head").lower(), p.group("det").lower()
        mods = p.group("mods").split()
        kind, rule = HEADS[head]
        start, end = p.start(), p.end()
        if head == "force" and mods[-1:] != ["task"]:
            return None  # not a phrase this component reads
        if head == "group" and mods:
            return None  # "the Contact Group": a name, or a part of one
        if det.endswith("'s"):  # "Yemen's warring parties", "Russia's government"
            state = self._state_of_word.get(p.group("det")[:-2])
            if state is None:
                return None  # "Hijab's delegation": a person's, said by name
            if rule == "government":
                return (start, end, self.lex.government(state), kind, head)
            return (start, end, None, kind, head) if rule is None else None
        named = self._named_in(doc, start, end)
        if named is not None and rule in ("government", "delegation", "armed_group", "political_group"):
            entry = self._entry(named)
            if entry.kind == "state":
                return (start, end, self.lex.government(named), "government", head)
            return (start, end, named, entry.kind if entry.kind in ("armed_group", "political_group", "government")
                    else kind, head)
        if rule == "delegation":
            if "government" in mods:
                rule, kind = "government", "government"
            elif "opposition" in mods:
                rule = "political_group"
            else:  # "the delegation": whichever delegation the article described last
                prior = [f for f in found if f[4] == "delegation" and f[1] <= start]
                return (start, end, prior[-1][2] if prior else None, prior[-1][3] if prior else kind, head)
        if rule == "government":
            after = _AFTER_GOVERNMENT.match(doc.norm[end:end + 40])
            state = self._state_of_word.get(after.group("place")) if after else None
            if state:  # "the government in Kiev", "the Government of Yemen": the phrase runs to the place
                return (start, end + after.end(), self.lex.government(state), kind, head)
            return (start, end, self._government(doc, det, start, end), kind, head)
        if rule in ("armed_group", "political_group"):
            if det != "the":
                return (start, end, None, kind, head)
            # a definite "the rebels": the group of that kind named last, else the one named later in the sentence
            return (start, end, self._last_of(doc, start, {rule}) or self._next_of(doc, start, rule), kind, head)
        if rule == "body":
            return (start, end, self._last_of(doc, start, None), kind, head)
        if rule == "group":  # "the group": the set or body the sentence before spoke of
            prior = [f for f in found if f[1] <= start and doc.sent_index(start) - doc.sent_index(f[0]) <= 1]
            last = self._last_of(doc, start, None, window=1)
            if prior and (last is None or prior[-1][0] > self._last_start):
                return (start, end, prior[-1][2], prior[-1][3], head)
            if last is not None:
                return (start, end, last, self._entry(last).kind if self._entry(last).kind in
                        ("armed_group", "political_group") else "body", head)
            return (start, end, None, kind, head)
        return (start, end, None, kind, head)

    def _named_in(self, doc: IngestDoc, start: int, end: int) -> str | None:
        """The actor a mention inside the phrase names ("the Houthi delegation", "the Syrian government")."""
        for m in doc.mentions_in(start, end):
            if m.actor and m.end <= end and m.via not in ("title", "pronoun", "anonymous"):
                return m.actor
        words = doc.norm[start:end].split()
        for w in words[1:-1]:
            if w in self.lex.demonym_of:
                return self.lex.demonym_of[w]
        return None

    def _government(self, doc: IngestDoc, det: str, start: int, end: int) -> str | None:
        if det in ("his", "her"):
            for m in reversed(doc.mentions_in(0, start)):
                if m.kind == "person" and m.actor and m.via != "pronoun":
                    states = [r.of for r in self._entry(m.actor).roles
                              if r.of and r.holds_on(doc.published) and self.lex.entries.get(r.of, None)
                              and self.lex.entries[r.of].kind == "state"]
                    return self.lex.government(states[0]) if states else None
            return None
        if det == "its":
            for m in reversed(doc.mentions_in(0, start)):
                if m.actor and m.kind == "state":
                    return self.lex.government(m.actor)
            return None
        focus = self.focus(doc)
        return self.lex.government(focus) if focus else None

    _last_start = -1

    def _last_of(self, doc: IngestDoc, start: int, kinds: set[str] | None, window: int | None = None) -> str | None:
        """The actor of those kinds (None: a body, forum or organisation) named last before ``start``."""
        here = doc.sent_index(start)
        for m in reversed(doc.mentions_in(0, start)):
            if window is not None and here - doc.sent_index(m.start) > window:
                break
            if not m.actor or m.via in ("pronoun", "title", "anonymous"):
                continue
            entry = self._entry(m.actor)
            if (kinds is not None and entry.kind in kinds) or (kinds is None and entry.kind not in _NOT_BODY):
                self._last_start = m.start
                return m.actor
        return None

    def _next_of(self, doc: IngestDoc, start: int, kind: str) -> str | None:
        for m in doc.mentions_in(start, doc.sent_of(start)[1]):
            if m.actor and m.via not in ("pronoun", "title", "anonymous") and self._entry(m.actor).kind == kind:
                return m.actor
        return None

    def _counterpart(self, doc: IngestDoc, c: re.Match[str]) -> str | None:
        """'his Iranian counterpart': the person of that state in the same office as the one 'his' names."""
        state = self.lex.demonym_of.get(c.group("dem") or "")
        if state is None:
            return None
        owner_titles: set[str] = set()
        for m in reversed(doc.mentions_in(0, c.start())):
            if m.kind == "person" and m.actor and m.via != "pronoun":
                owner_titles = {r.title.lower() for r in self._entry(m.actor).roles if r.holds_on(doc.published)}
                break
        people = [e for e in self.lex.people_of(state)
                  if any(r.of == state and r.holds_on(doc.published) for r in e.roles)]
        named = {m.actor for m in doc.mentions if m.actor}
        for pick in ([e for e in people if e.id in named],
                     [e for e in people if owner_titles & _FOREIGN and {r.title.lower() for r in e.roles} & _FOREIGN],
                     [e for e in people if owner_titles & {r.title.lower() for r in e.roles}]):
            if len(pick) == 1:
                return pick[0].id
        return None

    # -- what the article is about --------------------------------------------------------------------

    def focus(self, doc: IngestDoc) -> str | None:
        """The state the article is most about: the one whose name or demonym its words give most often
        (as a place or a topic too: "a political process in Syria"), its government's mentions counted."""
        if self._focus is False:
            arr = doc.token_array(LOWER, IDX, LENGTH)  # the array the word sets and the actors read too
            at = np.searchsorted(self._state_hashes, arr[:, 0])
            at[at == len(self._state_hashes)] = 0
            strings = self.strings
            n = len(arr)
            counts: dict[str, int] = {}
            # (the neighbours' words read from the array's hashes: a spaCy Token made for each cost more)
            for i in np.flatnonzero(self._state_hashes[at] == arr[:, 0]).tolist():
                prev = strings[int(arr[i - 1, 0])] if i else ""
                nxt = strings[int(arr[i + 1, 0])] if i + 1 < n else ""
                state = self._state_of_hash[int(arr[i, 0])]
                idx = int(arr[i, 1])
                if prev in PLACE_WORDS or nxt in PLACE_NEXT or any(s <= idx < e for s, e in doc.places):
                    # a venue ("talks in Kuwait", "the Kuwait talks", a dateline) counts for a civil war's state only
                    if self.lex.government(state) == state:
                        continue
                counts[state] = counts.get(state, 0) + 1
            for m in doc.mentions:
                if m.actor and m.kind == "government" and m.actor.endswith("-government"):
                    state = m.actor.removesuffix("-government")
                    counts[state] = counts.get(state, 0) + 1
            # a state whose government is a party of its own (a civil war's) is what "the Government" means
            # in a report on that war, though the report names it mostly as a place
            self._focus = max(counts, key=lambda s: (self.lex.government(s) != s, counts[s])) if counts else None
        return self._focus  # type: ignore[return-value]

    def _one_holder(self, doc: IngestDoc, title: str) -> str | None:
        """A title coref left open ("the envoy": the UN has several): the holder who serves on the state
        the article is about, when exactly one does."""
        if title not in self._holder_of:
            self._holder_of[title] = self._holder(doc, title)
        return self._holder_of[title]

    def _holder(self, doc: IngestDoc, title: str) -> str | None:
        holders = self.lex.holders(title, None, doc.published)
        serving = [h for h in holders if self._serves_focus(doc, h)]
        for pick in ([h for h in serving if self._body_named(doc, h)], serving,
                     [h for h in holders if self._body_named(doc, h)]):
            if len(pick) == 1:
                return pick[0]
        return None

    def _body_named(self, doc: IngestDoc, holder: str) -> bool:
        if self._named is None:
            self._named = {m.actor for m in doc.mentions if m.actor}
        return body_named(self.lex, doc, holder, self._named)

    def _serves_focus(self, doc: IngestDoc, holder: str) -> bool:
        focus = self.focus(doc)
        return focus is not None and any(focus in (r.of, r.about) for r in self.lex.entries[holder].roles
                                         if r.holds_on(doc.published))


def body_named(lex: Lexicon, doc: IngestDoc, holder: str, actors: set[str] | None = None) -> bool:
    """Whether the article names the body the holder serves or one of its organs ("the UN Security
    Council" for the UN's Secretary-General: an organ's name begins with its body's). ``actors``: the actors
    the document's mentions name, when the caller has them."""
    bodies = {r.of for r in lex.entries[holder].roles if r.of and r.holds_on(doc.published)}
    if not bodies:
        return False
    if actors is None:
        actors = {m.actor for m in doc.mentions if m.actor}  # each actor once, however often it is named
    return not actors.isdisjoint(bodies) or any(not actors.isdisjoint(lex.organs(b)) for b in bodies)
