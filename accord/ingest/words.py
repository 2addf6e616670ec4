"""Where any of a fixed set of words occurs in a document, from spaCy's token arrays; and word alternations
written for the regex engine's speed.

One vectorised lookup of the tokens' lower-case forms replaces a regular-expression alternation of
dozens or hundreds of words, which the regex engine tries at every character and which was the costliest
step of the components that need it. The offsets found are token starts: callers confirm each with their
own pattern there (case, boundaries, multi-word forms), so the result is what the alternation found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.vocab import Vocab

from accord.ingest.document import IngestDoc


class WordTable:
    """The word sets of one pipeline, looked up together: one binary search of every token's lower-case form
    in the union of the sets per document, each token then carrying a bit per set it belongs to. Each set
    searched on its own (and the document's distinct words sorted first) cost twice as much."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._words: list[set[int]] = []
        self._union: Any = None
        self._bits: Any = None

    def word_set(self, words: Iterable[str]) -> WordSet:
        if len(self._words) == 64:
            raise ValueError("a word table holds at most 64 word sets (one bit of a 64-bit mask each)")
        self._words.append({self.vocab.strings.add(w.lower()) for w in words})
        self._union = None  # built again at the next lookup
        return WordSet(self, 1 << (len(self._words) - 1))

    def tokens(self, doc: IngestDoc) -> tuple[list[int], list[int]]:
        """The character offsets of the tokens that are a word of some set, and their bits (the sets whose word
        each is), computed once per document: a few tokens in ten, which each set's offsets are then read from
        in plain Python (an array operation's fixed cost was most of reading a document's)."""
        key = ("word table", self)  # the table itself: an id() can be a freed table's
        got = doc._token_arrays.get(key)
        if got is None:
            if self._union is None:
                union = sorted(set().union(*self._words))
                bits = np.zeros(len(union), dtype=np.uint64)
                where = {h: i for i, h in enumerate(union)}
                for k, words in enumerate(self._words):
                    for h in words:
                        bits[where[h]] |= np.uint64(1 << k)
                self._union, self._bits = np.array(union, dtype=np.uint64), bits
            arr = doc.token_array(LOWER, IDX, LENGTH)
            lows = arr[:, 0]
            if len(self._union):
                at = np.searchsorted(self._union, lows)
                hit = np.flatnonzero(self._union.take(at, mode="clip") == lows)
                got = (arr[hit, 1].tolist(), self._bits[at[hit]].tolist())
            else:
                got = ([], [])
            doc._token_arrays[key] = got
        return got


class WordSet:
    """One set of a ``WordTable``: its bit."""

    def __init__(self, table: WordTable, bit: int):
        self.table, self.bit = table, bit

    def offsets(self, doc: IngestDoc) -> tuple[int, ...]:
        """Character offsets of the tokens that are one of the words (in any case), in order (one tuple per
        document, shared by every caller)."""
        if doc.tokens is None or not len(doc.tokens):
            return ()
        key = ("word set", self)  # kept for the components that ask again (the quote extractor, per quote)
        got = doc._token_arrays.get(key)
        if got is None:
            bit = self.bit
            idx, bits = self.table.tokens(doc)
            got = doc._token_arrays[key] = tuple([i for i, b in zip(idx, bits) if b & bit])
        return got


def alternation(words: Iterable[str]) -> str:
    """The literal words as a regular expression's alternatives, the longest first ('financial year' before 'year');
    none: an alternative that never matches (an empty group would match everywhere)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


def first_words(alternation: str) -> set[str]:
    """The first words of a regex alternation of plain phrases, character classes expanded:
    'said|[Aa]ccording to|emphasi[sz]ed|cease-fire' -> {said, according, emphasised, emphasized, cease}.
    (spaCy splits a hyphenated word: its first part is the token to look for.)"""
    out: set[str] = set()
    for alt in alternation.split("|"):
        word = re.split(r"[\s-]", alt, maxsplit=1)[0]
        forms = [""]
        for part in re.findall(r"\[[^\]]+\]|[^\[]", word):
            choices = list(part[1:-1]) if part.startswith("[") else [part]
            forms = [f + c for f in forms for c in choices]
        out.update(f.lower() for f in forms)
    return out


def tagged_alternation(alternatives: list[tuple[str, str | None]]) -> tuple[str, dict[int, str]]:
    """One regex alternation of ``(pattern, tag)`` pairs that matches what ``(?:p1)|(?:p2)|...`` matches, and
    the tag of each match's alternative by its ``lastindex``: each alternative is closed by an empty group
    (none for a tag None: a match object holds a slot per group of its pattern, and hundreds of them cost
    more than the match when only the matched text is wanted).

    The engine tries an alternation's branches one by one at each position, but rejects with one comparison a
    branch that opens with a plain character; a branch opening with a group (a named group per tag, as
    ``(?P<tag>a|b)|(?P<other>c|d)``) it enters every time. Here consecutive alternatives that open with a plain
    letter share one branch per letter (``a(?:bc()|d())``), so a position costs a comparison per distinct
    letter rather than an entry into every group. An alternative moves only past others that open with
    another letter, which cannot match where it does, so the first alternative that matches at a position is
    the same one (for patterns compiled without IGNORECASE, under which two letters may match one character)."""
    parts: list[str] = []
    tags: dict[int, str] = {}
    groups = 0
    run: dict[str, list[tuple[str, str | None]]] = {}

    def closed(pattern: str, tag: str | None) -> str:
        nonlocal groups
        groups += re.compile(pattern).groups
        if tag is None:
            return f"(?:{pattern})"
        groups += 1
        tags[groups] = tag
        return f"(?:{pattern})()"

    def flush(letters: list[str] | None) -> None:
        for letter in list(run) if letters is None else letters:
            rests = run.pop(letter)
            inner = "|".join(closed(rest, tag) for rest, tag in rests)
            parts.append(f"{re.escape(letter)}(?:{inner})" if len(rests) > 1 else f"{re.escape(letter)}{inner}")

    for pattern, tag in alternatives:
        if _opens_with_letter(pattern):
            run.setdefault(pattern[0], []).append((pattern[1:], tag))
        else:
            # a branch that opens otherwise: the letters it may open with keep their order around it (those
            # alternatives are written before it); the others move past it, which cannot match where they do
            opening = opening_class(pattern)
            flush(None if opening is None else [letter for letter in run if opening.match(letter)])
            parts.append(closed(pattern, tag))
    flush(None)
    return "|".join(parts), tags


def grouped(alternation: str) -> str:
    """``alternation`` (a regex's top-level alternatives, 'will|would|(?:could|may) be|wait and see') as the same
    alternation with its alternatives sharing a branch per first letter (``tagged_alternation``, untagged): at a
    position where none matches the engine rejects a letter's branch at one comparison, not each alternative."""
    return tagged_alternation([(a, None) for a in _alternatives(alternation)])[0]


def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives (split at each '|' outside groups and classes)."""
    out, depth, i, n, start = [], 0, 0, len(pattern), 0
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class; a ']' right after '[' or '[^' is one of its characters
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1 if pattern[i:i + 1] == "]" else 0
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def _opens_with_letter(pattern: str) -> bool:
    """Whether a pattern is a plain letter followed by the rest of one sequence (no quantifier on the letter,
    no '|' outside groups and classes): then the letter and the rest can be matched apart."""
    if not pattern[:1].isalnum() or pattern[1:2] in ("?", "*", "+", "{") or re.search(r"\\\d", pattern):
        return False  # (a back-reference: its group's number is the whole pattern's)
    return len(_alternatives(pattern)) == 1


def literal_spans(text: str, words: tuple[str, ...], word_end: bool = False) -> list[tuple[int, int]]:
    """The spans ``re.finditer("(?:w1|w2|...)" + (r"\\b" if word_end else ""), text)`` finds for these plain,
    non-empty words, by a substring search for each (a fraction of the pattern's cost when their first letters
    are common ones: the engine then tries the alternation at most characters): every place a word stands
    (with a word boundary after it if asked), then, as the engine takes them, the earliest, the first word of
    the list there, and none that starts inside the one taken before it."""
    found = []
    for k, word in enumerate(words):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not word_end or _is_word(text, end - 1) != _is_word(text, end):
                found.append((at, k, end))
            at = text.find(word, at + 1)
    out: list[tuple[int, int]] = []
    taken_to = 0
    for at, _k, end in sorted(found):
        if at >= taken_to:
            out.append((at, end))
            taken_to = end
    return out


def _is_word(text: str, i: int) -> bool:
    """Whether text[i] is a character ``\\w`` matches (none is, outside the text)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def opening_class(pattern: str) -> re.Pattern[str] | None:
    """A one-character pattern that matches every character a match of ``pattern`` may open with (more is
    harmless), or None when that may be any character (or the pattern may match nothing at all): read from the
    pattern's parse, zero-width assertions passed over as the engine does."""
    from re import _constants as c, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern)
    if tree.state.flags & re.IGNORECASE:
        return None
    parts, nullable = _opening(tree, c)
    return None if parts is None or nullable else re.compile(f"[{''.join(parts)}]")


def _opening(items: Any, c: Any) -> tuple[list[str] | None, bool]:
    """The class parts of what a sequence may open with (None: any character), and whether it may be empty."""
    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
    parts: list[str] = []
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item opens the match
        if op is c.LITERAL:
            got, nullable = [re.escape(chr(av))], False
        elif op is c.IN:
            got, nullable = [], False
            for kind, value in av:
                if kind is c.LITERAL:
                    got.append(re.escape(chr(value)))
                elif kind is c.RANGE:
                    got.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is c.CATEGORY and value in categories:
                    got.append(categories[value])
                else:
                    return None, False  # a negated class, ...: any character may open it
        elif op is c.BRANCH:
            got, nullable = [], False
            for branch in av[1]:
                more, empty = _opening(branch, c)
                if more is None:
                    return None, False
                got += more
                nullable = nullable or empty
        elif op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None, False
            got, nullable = _opening(av[3], c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            got, nullable = _opening(av[2], c)
            nullable = nullable or av[0] == 0
        elif op is c.ATOMIC_GROUP:
            got, nullable = _opening(av, c)
        else:
            return None, False  # any character, a back-reference, ...
        if got is None:
            return None, False
        parts += got
        if not nullable:
            return parts, False
    return parts, True


#: a character that may stand before a word's start other than a space: every one ``\w`` does not match, and more
#: (all beyond ASCII; ASCII's letters, digits and '_' are the only ones left out, with the space)
_NOR_WORD_NOR_SPACE = r"[\x00-\x1f!-/:-@\[-\^`{-\U0010ffff]"


class AtWordStarts:
    """``pattern.finditer`` for a pattern that matches only where no word character precedes it (it opens with
    ``(?<!\\w)``, say): the regex engine tries such a pattern at every character, and most are inside a word. Two
    scans find the places instead: after a space (a literal first character, which the engine finds by a fast
    search) and after any other character that is no word's (a class it skips to), each with the pattern in a
    lookahead; the pattern is then matched at each place found, in order, none inside the match before it, as
    ``finditer`` takes them. A pattern that opens with a word boundary ``\\b`` does not qualify (it may match
    after a word character, before a non-word one)."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        # (the look-behind left out of the scans, which hold the character before: each place they find is
        # matched with the whole pattern, and at a space the engine took a third longer with it)
        rest = pattern.pattern.removeprefix("(?<!\\w)")
        self._after_space = re.compile(f" (?={rest})", pattern.flags)
        self._after_other = re.compile(f"{_NOR_WORD_NOR_SPACE}(?={rest})", pattern.flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        pos = max(0, min(pos, len(text)))  # (the engine's own clamping, as finditer_at does)
        places = [m.start() + 1 for m in self._after_space.finditer(text, pos, end)]
        other = [m.start() + 1 for m in self._after_other.finditer(text, pos, end)]
        if other:
            places = sorted(places + other)
        return finditer_at(self.pattern, text, (pos, *places), pos, end)


def search_at_line_starts(pattern: re.Pattern[str], text: str, pos: int = 0,
                          endpos: int | None = None) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)`` for a pattern that opens with ``(?m)^``, matched at the starts of
    lines alone (the string's start and after each newline), where its '^' holds: a search gives the engine no
    first character to skip to, and it entered the pattern at every character."""
    end = len(text) if endpos is None else max(0, min(endpos, len(text)))
    at = max(0, min(pos, len(text)))  # (the engine's own clamping of pos and endpos)
    if at > end:
        return None
    if at > 0 and text[at - 1] != "\n":
        at = text.find("\n", at, end) + 1
        if at == 0:
            return None
    while True:
        m = pattern.match(text, at, end)
        if m is not None:
            return m
        at = text.find("\n", at, end) + 1
        if at == 0:
            return None


def finditer_at(pattern: re.Pattern[str], text: str, places: Iterable[int], pos: int = 0,
                endpos: int | None = None) -> list[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern that can open only at ``places`` (ascending; those
    before pos or after endpos are left out): the pattern matched at each, none inside the match before it, as
    finditer takes them. For a pattern that opens with '^' or look-behinds alone ('(?:^|(?<=\\n\\n))'), which
    the engine tried at every character, the places found by a scan that skips to them."""
    end = len(text) if endpos is None else max(0, min(endpos, len(text)))
    pos = max(0, min(pos, len(text)))
    out: list[re.Match[str]] = []
    taken_to = pos
    for at in places:
        if at < taken_to:
            continue
        if at > end:
            break
        m = pattern.match(text, at, end)
        if m is not None:
            if m.end() == at:  # an empty match: finditer's own rules for those
                return list(pattern.finditer(text, pos, end))
            out.append(m)
            taken_to = m.end()
    return out


def merged_matches(pattern: re.Pattern[str], text: str, found: Iterable[Iterable[re.Match[str]]]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` from the matches of its parts, each found by a scan of its own: for a
    pattern whose match at any place is the match there of the one part that may open at that place (the same
    span and groups: the parts open with different words), and whose every match is one of some part's. A part
    that opens with a literal word is found by the engine's fast search for it, where the whole pattern, opening
    with a class of first characters, had the engine test every character against the class (about six times
    the instructions of a literal's search). Each part's finditer passes over places inside its own last match,
    not inside another part's: the parts' matches in order are the pattern's when none overlaps another (a
    place inside a match is skipped by all alike); else the pattern's own finditer decides."""
    out = sorted((m for ms in found for m in ms), key=re.Match.start)
    for a, b in zip(out, out[1:]):
        if a.end() > b.start() or a.start() == a.end():
            return list(pattern.finditer(text))
    if out and out[-1].start() == out[-1].end():
        return list(pattern.finditer(text))
    return out
