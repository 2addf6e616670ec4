"""Hard-wrapped text read as unwrapped: the soft line breaks of a paragraph become spaces.

Wire feeds, e-mailed releases and text taken from PDFs break a paragraph every ~70 characters with a single
"\\n" and separate paragraphs by a blank line. Every component reads a "\\n" as the end of a line (a sentence
end, the edge of a quote's paragraph, of a name), so a quote or a name across such a break was lost. A soft
break is a single "\\n" inside a paragraph that is not structural (a transcript label, a list item, a stage
line, a date line or a heading starting the next line; a heading, dateline or colon ending the line).
Each soft break becomes one space: the text keeps its length and every offset found on it holds on the
original. Whether breaks after a sentence's end are soft is decided from the document itself: its lines run
to a common width (a wrap), or not (one line to a paragraph).
"""

from __future__ import annotations

import re
import statistics

from accord.ingest.timex import MONTH_WORD

# a line ends a sentence: a stop, a question or exclamation mark, or a colon, before closing marks
_TERMINAL = re.compile(r"[.!?:][\"')\]]*$")
# ...unless the stop ends an abbreviation ('3 p.m.', 'U.N.'): then the sentence goes on
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Za-z]\.)+$|(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$")
# a line left open: it ends inside a clause (a lowercase word, a comma even before a closing mark, an article),
# so the next line goes on ('... to their own people,"' / 'Sergei Lavrov told reporters')
_OPEN_END = re.compile(r"(?:^|\s)(?:[a-z][\w'-]*|The|A|An)$|[,;][\"')\]]*$|\($")
# a line ending on a word that cannot end a title or heading ('President of', 'based on information received as')
_FUNCTION_END = re.compile(r"(?:^|\s)(?:of|on|in|at|to|for|from|by|with|as|and|or|the|a|an|de|al)$")
# a speaker's label ('MR TONER:', 'Staffan de Mistura:', 'QUESTION:', 'Q -'), starting a line of its own
_PARTICLE = r"(?:de|del|da|di|al|el|bin|ibn|van|von|der|of|the|and|for)"
_LABEL = re.compile(rf"(?:[A-Z][\w.'-]*\s+(?:{_PARTICLE}\s+)*){{0,7}}[A-Z][\w.'-]*\s*(?:\([^()\n]{{1,40}}\)\s*)?:"
                    r"(?=\s+[A-Z0-9\"'(\[]|\s*$)|[QA]\s*[-:]\s|[QA](?:\s{2,}|\t)")
# a speaker's label alone on its line with the time of the turn after it ('Mr Speaker 11:05 a.m.', 'Minister for X
# (Ms Jane Roe) 11.15 am'): capitalised words, notes in brackets, a clock's time
# (a clock's time: '11:05', '11.05 a.m.', '11:05:30 pm')
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
_TIMED_LABEL = re.compile(rf"(?:[A-Z][\w.'-]*\s+(?:{_PARTICLE}\s+)*){{0,11}}[A-Z][\w.'-]*\s*(?:\([^()\n]{{1,60}}\)\s*)?"
                          + _CLOCK)
# the time alone on its line above a label ('11:05 a.m.' over 'Mr Speaker' over his words)
_CLOCK_LINE = re.compile(_CLOCK)
# the last characters a clock's time may end with: no line ending otherwise is a time or a timed label
_CLOCK_ENDS = frozenset("0123456789mM.")

# a list item or numbered paragraph, a markdown heading or bold run
_ITEM = re.compile(r"(?:[-*\u2022>]|\d{1,3}[.)]|\([a-z0-9]{1,3}\)|[a-z][.)])\s|\*\*|#{1,6}\s")
# a stage line '(Laughter.)' or a date line ('Geneva, 3 February 2016') is a line of its own
_STAGE = re.compile(r"[(\[][^\n]*[A-Za-z]{3}[^\n]*[)\]]\.?\s*")
# a number closing a bracket ('118) expressing'): an item's number when it opens a list, the end of a reference
# when the line before left a bracket open ('... (H. Con. Res.' / '118) expressing ...')
_NUMBER_CLOSING = re.compile(r"\d{1,4}\)\s")
_DATE_LINE = re.compile(rf"(?:[^\n]{{0,50}},\s*)?(?:{MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_WORD}\s+\d{{4}}"
                        r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*")
# a dateline alone on its line ('RIYADH, Feb 21, 2016, ESA --') or a colon: the next line may start anew
_CLOSED_END = re.compile(r"(?:\s-{1,2}|:)$")
# a line opening with a dateline or a label in capitals ('GENEVA, Feb 1 (Wire) - ', 'MR. TONER: '): a story or a
# speaker starts there, whatever the line before left open
_CAPS_OPENING = re.compile(r"[A-Z][A-Z.'/-]+(?:\s+[A-Z][A-Z.'/-]+)*(?:,[^\n]{0,60}?\s-{1,2}\s|\s*\([^()\n]{1,40}\)\s*-{1,2}\s"
                           r"|\s+-{1,2}\s|:\s)")
# the opening of a speaker's label in capitals ('[20:02:40] NICK FARRANT, FNN SENIOR'): no lowercase letter
_LONG_LABEL_HEAD = re.compile(r"[^a-z\n]*[A-Z]{2}[^a-z\n]*")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")


def _clock_line(line: str) -> bool:
    """A clock's time alone on the (stripped) line."""
    return line[-1:] in _CLOCK_ENDS and bool(_CLOCK_LINE.fullmatch(line))


def _terminal(line: str) -> bool:
    return bool(_TERMINAL.search(line)) and not _ABBREVIATION.search(line)


def _clear(a: str, b: str) -> bool:
    """The break is inside a clause: the next line goes on in lowercase, or this one is left open."""
    return (b[:1].islower() and not _ITEM.match(b)) or bool(_OPEN_END.search(a))


def _ends(a: str) -> bool:
    """The line ends a sentence, a dateline or an introduction (a colon)."""
    return _terminal(a) or bool(_CLOSED_END.search(a))


def _full(a: str, b: str, longest: int) -> bool:
    """Line a is a full line of a wrap: the next line's first word would have run past the longest line."""
    return len(a) + 1 + len(b.split(None, 1)[0]) > longest


def _structural(a: str, b: str, first: bool, wrapped: bool, width: float, longest: int) -> bool:
    """Whether the break between line a and the next line b of one paragraph is a line of its own's edge."""
    s = a.strip()
    if s[-1:] in _CLOCK_ENDS and (_TIMED_LABEL.fullmatch(s) or _CLOCK_LINE.fullmatch(s)):
        return True  # the speech under the label opens a line of its own, whatever the time's 'am' leaves open
    if _CAPS_OPENING.match(b):
        # ...unless the line before is a speaker's label in capitals cut by the wrap ('BARACK OBAMA, PRESIDENT OF
        # THE UNITED' / 'STATES: We are ...'): a full line of a wrap, no lowercase, nothing ended
        return not (wrapped and _LONG_LABEL_HEAD.fullmatch(s) and not _ends(a) and _full(a, b, longest))
    if _clear(a, b) or (_NUMBER_CLOSING.match(b) and a.count("(") > a.count(")")):
        return False
    if _LABEL.fullmatch(s):  # a speaker's label alone on its line: the speech follows it
        return False
    if _DATE_LINE.fullmatch(b) or (_LABEL.match(b) and (_ends(a) or not wrapped)):
        return True
    if _ITEM.match(b) and (_ends(a) or _ITEM.match(a)):
        # a dash after a full line of a wrap, not after an item, is a speech's ('Name, on behalf of the Group.' /
        # '- Mr President, ...')
        return not (wrapped and b.startswith("-") and not _ITEM.match(a) and _full(a, b, longest))
    if _ends(a) or _STAGE.fullmatch(b):
        return not wrapped  # one paragraph to a line: the next line is the next paragraph
    if first:  # a heading above its text, unless it is a full line of a wrap: long, or short only because the
        # next word would not fit ('The African Union High-Level' / 'Implementation Panel ...' at 41)
        return not (wrapped and (len(a) >= 0.75 * width or _full(a, b, longest)))
    return False  # a capitalised run or a number across the break ('Spokesman Igor\nKonashenkov')


def soft_breaks(norm: str) -> str:
    """``norm`` with each soft line break replaced by a space (same length, same offsets)."""
    if "\n" not in norm:
        return norm
    # the paragraphs of more than one line that read as prose (their last line ends a sentence): a block of
    # short lines that does not (a header: name, title, place, date) keeps its breaks
    blocks, heads = [], []
    pos = 0
    for m in _BLOCK_BREAK.finditer(norm + "\n\n"):
        block = norm[pos:m.start()]
        if "\n" in block.strip("\n"):
            lines = block.split("\n")
            starts = [pos]
            for line in lines[:-1]:
                starts.append(starts[-1] + len(line) + 1)
            pairs = [(i, lines[i].rstrip(), lines[i + 1].strip()) for i in range(len(lines) - 1)
                     if lines[i].strip() and lines[i + 1].strip()]
            last = lines[-1].rstrip() or lines[-2].rstrip()
            if pairs and (_terminal(last) or (_TERMINAL.search(last) and block.count(" ") >= 15)):
                blocks.append((starts, lines, pairs))
            else:  # a wrapped heading: only where a line cannot end
                heads += [starts[i] + len(lines[i]) for i, a, b in pairs
                          if (b[:1].islower() or _FUNCTION_END.search(a)) and not (_LABEL.match(b) or _ITEM.match(b)
                                                                       or _CAPS_OPENING.match(b))]
        pos = m.end()
    if not blocks and not heads:
        return norm
    # a wrap: most breaks fall inside a sentence, few after its end (one line to a paragraph: all after it);
    # its width, how long the lines broken inside a sentence run
    pairs = [(a, b) for _, _, ps in blocks for _, a, b in ps]
    inside = [len(a) for a, b in pairs if _clear(a, b)]
    ended = sum(1 for a, b in pairs if not _clear(a, b) and _ends(a) and not (_LABEL.match(b) or _ITEM.match(b)))
    wrapped = bool(inside) and len(inside) >= ended
    width = statistics.median(inside) if inside else 0.0
    longest = max(inside, default=0)  # a wrap's width is at least that of its longest line broken mid-sentence
    soft = heads + [starts[i] + len(lines[i]) for starts, lines, pairs in blocks for i, a, b in pairs
            if not _structural(a, b, i == 0 or _clock_line(lines[i - 1].strip()), wrapped, width,
                               longest)]
    if not soft:
        return norm
    soft.sort()
    pieces, prev = [], 0
    for at in soft:
        pieces.append(norm[prev:at])
        prev = at + 1
    pieces.append(norm[prev:])
    return " ".join(pieces)
