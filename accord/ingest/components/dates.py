"""Date expressions found by rule and resolved against the publication date (``accord.ingest.timex``).

Every expression becomes a candidate with its value and precision, or, when it needs a publication
date that the document lacks, a candidate with no value and a warning: a relative date is never guessed.
Numbers that only look like dates ("the four-year-old war", "resolution 2254") match no rule.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable

from accord.ingest import timex
from accord.ingest.document import Candidate, IngestDoc
from accord.ingest.registry import Context, component
from accord.ingest.words import (alternation, AtWordStarts, grouped, literal_spans, opening_class, search_at_line_starts,
                                 tagged_alternation)
from accord.record.dates import FuzzyDate, add_months

# and in capitals, as release headings and wire slugs write them ("FEBRUARY 24, 2016", "(JAN. 29)")
# (the lookaheads skip a case's alternatives at once: this pattern is in most rules, tried at every anchor)
_MONTH_FORMS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?")
_MON = (rf"(?:(?=[A-Z][a-z])(?:{_MONTH_FORMS})|(?=[A-Z][A-Z])(?:{_MONTH_FORMS.upper()}))(?![A-Za-z])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# a weekday cut short, as headers and feeds write it before a date ("Tue, 23 Feb 2016", "Thurs., Feb. 25")
_WD_SHORT = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
_TO = r"\s*(?:-|/|to|and|until|through)\s*"  # 'the night of 27/28 February' 
# the months of the Hijri calendar in their common English spellings, in order (the numbered ones, II before I)
_HIJRI_MONTHS = [r"Muharram", r"Safar", r"Rabi[’'`]?\s?(?:al-|ul-)?Awwal|Rabi[’'`]?\s(?:I|1)(?![I\w])",
                 r"Rabi[’'`]?\s?(?:al-|ath-|ul-)?(?:Thani|Akhir)|Rabi[’'`]?\s(?:II|2)",
                 r"Jumada\s(?:al-|ul-)?(?:Awwal|Ula|Oula)|Jumada\s(?:I|1)(?![I\w])",
                 r"Jumada\s(?:al-|ath-|ul-)?(?:Thani|Akhira|Akhirah)|Jumada\s(?:II|2)", r"Rajab", r"Sha[’'`]?ban",
                 r"Ramadh?an", r"Shawwal", r"Dhu[\s-]?al[\s-]?Qa[’'`]?dah?|Dhul[\s-]Qa[’'`]?dah?",
                 r"Dhu[\s-]?al[\s-]?Hijjah?|Dhul[\s-]Hijjah?"]
_HIJRI = "(?:" + "|".join(f"(?:{m})" for m in [_HIJRI_MONTHS[i] for i in (0, 1, 3, 2, 5, 4, 6, 7, 8, 9, 10, 11)]) + ")"
_HIJRI_RX = [re.compile(f"(?:{m})$") for m in _HIJRI_MONTHS]
_SAKA = "(?:" + "|".join(sorted((n.title() for n in timex.SAKA_MONTHS), key=len, reverse=True)) + ")"
# the counts written in words that a count of days, weeks, months or years before 'ago' or 'later' uses
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}
_COUNT_WORDS = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(_COUNTS, key=len, reverse=True))
# a year given relative to publication after a day or a month ('February 12 last year', 'in May next year',
# 'February 12th of last year')
_REL_YEAR = r"\s+(?:of\s+)?(?P<rel>last|next|this|that)\s+year\b"

# the full stop after a day ('Berlin, 18. February 2016', 'Thursday 18. February', 'Published 18. Feb 2016') only
# after a comma, a weekday or 'Published': after anything else the number ends a sentence ('rose to 18. May 2016 was')
_DOT_AFTER = "(?:" + "|".join(rf"(?<={w} \d\.)|(?<={w} \d\d\.)" for w in (",", "day", "ublished")) + ")"
# (name, pattern): tried in this order; where two overlap the longer wins.
_RULES: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:\b|(?=T\d\d:))"),  # '2016-03-14T10:00Z': the day
    ("dd_range", rf"\b(?:the\s+)?(?P<d1>{_DAY}){_TO}(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("mdd_range", rf"\b(?P<m>{_MON})\s+(?P<d1>{_DAY}){_TO}(?:the\s+)?(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("dm_range", rf"\b(?:the\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y1>{_YEAR}))?{_TO}(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("md_range", rf"\b(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?{_TO}(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),
    # "Monday (29 February)": one mention, the day in brackets
    ("wd_paren", rf"\b{_WD}\s+\((?:(?P<d>{_DAY})\s+(?P<m>{_MON})|(?P<m2>{_MON})\s+(?P<d2>{_DAY}))(?:,?\s+(?P<y>{_YEAR}))?\)"),
    # '14-Mar-2016' as registers and feeds stamp a day: a hyphen before a month only with a hyphen and a year after it
    ("dmy", rf"\b(?:(?:{_WD}|{_WD_SHORT})(?:,|\s+[-–])?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\.{_DOT_AFTER}(?=\s+{_MON},?\s+{_YEAR}))?(?:\s+(?:[Dd]ay\s+of\s+|of\s+)?|-(?=(?:{_MON})-{_YEAR}))(?P<m>{_MON})(?:(?:,?\s+|(?<=[A-Za-z.])-)(?P<y>{_YEAR})|{_REL_YEAR})?"),
    ("mdy", rf"\b(?:(?:{_WD}|{_WD_SHORT})(?:,|\s+[-–])?\s+)?(?P<m>{_MON})\s+(?:the\s+(?=\d+(?:st|nd|rd|th)))?(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR})|{_REL_YEAR})?"),
    ("part", rf"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:[Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)\s+of)"
             rf"[\s-]+(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR})|{_REL_YEAR})?"),
    ("my", rf"\b(?P<m>{_MON}),?\s+(?P<y>{_YEAR})"),
    ("month", rf"\b(?P<m>{_MON})(?!\s+\d)(?:{_REL_YEAR})?"),  # only after the words in _MONTH_AFTER (checked in code: faster)
    ("mod_month", rf"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming)\s+(?P<m>{_MON})(?!\s+\d)"),
    # "between Wednesday and Thursday last week", "from Friday to Sunday": a span of days in one week
    ("wd_range", rf"\b(?:(?:between|from)\s+)?(?P<wd1>{_WD}){_TO}(?P<wd2>{_WD})(?:\s+(?P<wk>last|next|this)\s+week)?"),
    # "Tuesday of last week", "Monday next week", "on Monday last" (not "Monday next to ...", "Friday last year")
    ("weekday", rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming|on|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Ff]rom|[Ss]ince)\s+)?(?P<wd>{_WD})"
                r"(?:\s+(?:morning|afternoon|evening|night))?"
                r"(?:\s+(?:of\s+)?(?P<wk>last|next|this)\s+week\b|\s+(?P<post>last|next)\b(?!\s+[a-z]))?"),
    # "this morning" names the day it is in (a clock time, "midnight", is no date; the day next to it is)
    ("deictic", r"\b(?P<deictic>[Tt]he day (?:before yesterday|after tomorrow)|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|(?:[Ee]arlier|[Ll]ater) in the day|"
                r"[Tt]his (?:morning|afternoon|evening))\b"),
    # "overnight": the night before publication, two days; not the adverb of speed ("cannot be built overnight"),
    # an adjective ("an overnight curfew"), or beside the day it names ("overnight into Sunday": that day is the date)
    ("overnight", r"\b[Oo]vernight\b(?!\s+(?:(?:into|to|from|of)\b|on\s+(?:the\b|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Christmas|New\s+Year|Easter)|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d))"),
    # "in the coming days": a time the text gives and that no day fixes; so are "these next few days", "the next
    # two weeks", "the next 10 days" (a count ahead, as releases and records write it)
    ("coming", r"\b(?:(?:[Tt]he(?:se)?\s+(?:coming|next\s+(?:few|several|couple\s+of|two|three|four|five|six|seven|eight|nine|ten|twelve|[1-9]\d?))|[Cc]oming)\s+(?P<span>days|weeks|months)\b|"
               r"[Tt]he\s+(?P<span2>days|weeks|months)\s+(?:to\s+come|ahead)\b)"),
    # "on the 15th", "around the 24th": a day of the month the story is in
    # "on the 15th", "on the 11th and 12th" (two days in a row, or 'to'/'-': a span)
    ("dom", rf"(?<=\b[Tt]he )(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b"
            rf"(?:\s*(?P<join>and|to|-)\s*(?:the\s+)?(?P<d2>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b)?"
            r"(?:\s+of\s+(?P<relm>last|this|next)\s+month\b)?"  # 'the 27th of last month'
            rf"(?!\s+(?:of\s+)?(?:{_MON}|century|anniversary|"
            r"round|time|meeting|session|day|week|month|year|floor|division|brigade|army|fleet|regiment|resolution|"
            r"(?:[Oo]rdinary|[Ee]xtraordinary|[Rr]egular|[Aa]nnual|[Pp]lenary|[Ss]pecial)\s+[A-Za-z]|"
            r"Session|Summit|Congress|Conference|Assembly|Meeting|Round|Anniversary|Edition|Amendment))"),
    ("unit", r"\b(?P<mod>[Ll]ast|[Tt]his(?: past| coming)?|[Tt]he past(?= weekend)|[Nn]ext|(?:[Ee]arlier|[Ll]ater) this|"
             r"(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater) (?:this|next|last)(?= week))\s+"
             r"(?P<unit>week|weekend|month|year)\b"),
    # "later in the week", "by the end of the week", "the middle of last week", "midweek": the week (precision week)
    ("part_week", r"\b(?:(?:[Ee]arl(?:y|ier)|[Ll]ater?)\s+in\s+the|(?:[Tt]he\s+)?(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle)\s+of"
                  r"\s+(?P<mod>the|this|next|last)|[Mm]id-?)\s*week\b"),
    # "early next month", "by the end of the month" (the month the story is in)
    ("part_unit", r"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he )?(?:[Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd) of)[\s-]+"
                  r"(?P<mod>this|next|last|the) month\b"),
    # "before the end of the year": its last ten days, as 'end of March' is March's (not 'early next year': a year);
    # "since the beginning of the year": its first ten days
    ("end_year", r"\b(?:[Tt]he )?(?P<part>[Ee]nd|[Bb]eginning|[Ss]tart) of (?P<mod>this|next|last|the) year\b"),
    # "before the New Year": its first day ('the Lunar New Year', 'the Persian New Year' name other calendars' days)
    ("holiday", r"\b(?P<holiday>New Year's Eve|New Year's Day|(?<=[Tt]he )New Year(?!'s)|Christmas Eve|Christmas Day|Christmas|Easter(?: Sunday| Monday)?)\b"),
    # "23/02/2016", and "27.02.2016" as Russian and German releases write it
    # and with two digits for the year: "(16.02.16)" as ministries head a statement, "2/22/16"
    # "2016/02/23" (year first, as East Asian and some agencies' releases write it)
    ("ymd", rf"\b(?P<y>{_YEAR})(?:/(?=[01]?\d/)|\.(?=[01]?\d\.))(?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)\b(?![./]\d)"),
    # "the week of March 7": the Monday-to-Sunday week that holds the day
    ("week_of", rf"\b[Tt]he\s+week\s+of\s+(?:(?P<d1>{_DAY})\s+(?P<m1>{_MON})|(?P<m2>{_MON})\s+(?P<d2>{_DAY}))(?:,?\s+(?P<y>{_YEAR}))?"),
    # "the first week of March": its first ten days; "the last week of April": its last ten days
    ("week_of_month", rf"\b[Tt]he\s+(?P<nth>first|last|final)\s+week\s+of\s+(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"),
    # "the week before last", "the weekend after next"; "the week after" only after "next week and" (else an
    # offset from an event: 'the week after the vote')
    # "another year like the last one", "a better month than the last one": the unit before it, the last one (the date
    # is 'last one'; not 'a week after the last one', counted from an event)
    # (not 'the same month as the last one': the last event's month, which the text does not give)
    ("last_one", r"\b(?<![Ss]ame )(?P<unit>year|month|week)\s+(?:like|than|as)\s+the\s+(?P<lo>last\s+one)\b"),
    ("unit2", r"\b[Tt]he\s+(?P<unit>week|weekend)\s+(?:(?P<rel>before\s+last|after\s+next)\b|"
              r"(?<=[Nn]ext week and the week )(?P<rel2>after)\b(?!\s+(?:the|a|an|his|her|its|their|that|next|[A-Z]|\d)))"),
    # "the day after", "two days later", "a day earlier": counted from the day the text has just given
    ("offset", r"\b(?:[Tt]he\s+day\s+after(?!\s+(?:the|a|an|his|her|its|their|that|[A-Z]|\d))|"
               rf"(?<![-,])(?P<n>{_COUNT_WORDS}|\d{{1,2}})\s+(?P<unit>days?)\s+(?P<dir>later|earlier))\b"
               r"(?!\s+than)"),
    ("numeric", r"(?<![\d.])(?P<d>[0-3]?\d)(?:(?P<sep>/)(?P<m>[0-3]?\d)/|\.(?P<sp> )?(?P<m_>[0-3]?\d)\. ?|-(?P<m__>[01]?\d)-(?=\d{4}))(?P<y>(?:19|20)\d\d|\d\d)\b(?![./]\d)"),
    # a count of units before 'ago' ('three weeks ago', 'a couple of days ago', 'a fortnight ago'), not the end of a
    # longer one ('twenty-five', '1,000': no date rather than a wrong one); a vague count
    # ('a few days ago', 'several weeks ago') is a time the text gives that no day fixes
    ("ago", rf"\b(?P<ago>(?:(?<![-,])(?P<n>{_COUNT_WORDS}|\d{{1,3}})|(?P<couple>(?:[Aa]\s+)?couple\s+of)|[Aa]\s+few|[Ss]everal|[Ss]ome)\s+"
            rf"(?:(?P<ago_unit>day|week|fortnight|month|year)s?|(?P<ago_wd>{_WD})s)\s+ago)\b(?:\s+(?P<today>today)\b(?!'))?"),  # 'two Fridays ago'
    # "last night": the evening before publication, as wire stories written in the morning use it
    # (not after an article, a possessive or a determiner: 'the last evening of', 'his last night in the camp', 'one
    # last evening together', 'the very last night' is a final one)
    ("last_night", r"\b[Ll]ast(?<![Tt]he last)(?<![Hh]is last)(?<![Hh]er last)(?<!\bits last)(?<![Oo]ur last)(?<![Mm]y last)"
                   r"(?<![Yy]our last)(?<![Tt]heir last)(?<!'s last)(?<!\ba last)(?<![Tt]his last)(?<![Oo]ne last)(?<![Vv]ery last)"
                   r"(?<![Ff]inal last)(?<![Tt]hat last)(?<![Ww]hose last)\s+(?:night|evening)\b(?!\s+of\b)"),  # 'last evening' too
    # "over the weekend", "at the weekend", "before the weekend": the one the tense points to
    ("weekend", r"\b(?P<prep>[Oo]ver|[Aa]t|[Dd]uring|[Oo]n|[Tt]hrough|[Tt]hroughout|[Bb]efore|[Bb]y|[Aa]fter|[Uu]ntil|[Tt]ill|[Ss]ince|[Bb]eyond)\s+(?P<we>the\s+weekend)\b(?!\s+of\b)"),
    # "the following day", "the next day": the day after a day the text has just given
    ("following", r"\b[Tt]he\s+(?:following|next)\s+(?:day|morning|evening|night)\b(?!\s+(?:of|after|before))"),
    # "later that day", "the same day", "that evening": the day the text has just given
    ("same_day", r"\b(?:(?:[Ll]ater|[Ee]arlier)\s+that\s+(?:day|morning|afternoon|evening|night)|(?:[Tt]hat|[Tt]he)\s+same\s+day|"
                 r"[Tt]hat\s+(?:morning|afternoon|evening|night))\b(?!\s+(?:of|after|before|as|when|that))"),
    # "the previous evening", "the day before": the day before the one the story reports from
    # ('the previous day that ...' opens the words said then; 'the day before that' counts from an event)
    ("previous", r"\b(?:[Tt]he\s+(?:previous|preceding)\s+(?:day|evening|night|morning|afternoon)\b"
                 r"(?!\s+(?:the|a|an|his|her|its|their|yesterday|[A-Z]|\d|(?:it|we|he|she|you|this|those|these)\b))|"
                 r"[Tt]he\s+day\s+before\b"
                 r"(?!\s+(?:the|a|an|his|her|its|their|yesterday|[A-Z]|\d|(?:it|we|he|she|you|that|this|those|these)\b)))"),
    # a Hijri date, as Gulf agencies write it beside the Gregorian one ("Jumada I 12, 1437", "12 Rajab 1437 AH")
    ("hijri", rf"\b(?:(?P<hd1>{_DAY})\s+(?P<hm1>{_HIJRI})|(?P<hm2>{_HIJRI})\s+(?P<hd2>{_DAY})),?\s+(?P<hy>1[345]\d\d)\b"
              r"(?:\s*(?:AH|A\.H\.|H)\b)?"),
    # a day of India's national (Saka) calendar, as its parliament's records print it beside the Gregorian one
    ("saka", rf"\b(?:(?P<sm>{_SAKA})\s+(?P<sd>{_DAY})|(?P<sd2>{_DAY})\s+(?P<sm2>{_SAKA})),?\s+(?P<sy>1[89]\d\d)\b"),
    # a year alone, except a count ("2000 fighters") and the year of a document symbol ("2254 (2015)"); a span of
    # years that names a session, a season or a budget ('session 2015-2016', 'the 2015–16 season') is left in code
    ("year", rf"(?<![\d(/])(?<![\d(/-][-–])(?P<y>{_YEAR})\b(?!\)|,\d|/\d| (?:people|fighters|troops|civilians|soldiers|men|members|"
             rf"refugees|votes|groups|sorties|strikes|dead|killed)\b)"),
]
_COMPILED = [(name, re.compile(p)) for name, p in _RULES]
_COMPILED_BY_NAME = dict(_COMPILED)
_MDD_RANGE = _COMPILED_BY_NAME["mdd_range"]
_RANGES = {"dd_range", "mdd_range", "dm_range", "md_range"}
_ONE_MONTH = {"dd_range", "mdd_range"}  # two days of one month, the month written once
_AND = re.compile(r"\s+and\s+")
_BETWEEN = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")
_BETWEEN_THE = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+the\s+$")  # before a day of the month ('between the 25th and 27th')


def _two_days(text: str, m: re.Match[str]) -> bool:
    """'Oct. 30 and Nov. 14', '9 and 14 December': two days joined by 'and' that are no span ('between 17 and 23
    February' is one; so are two days in a row, 'December 9 and 10')."""
    two_months = "m1" in m.re.groupindex
    first_end = max(m.end("d1"), m.end("m1")) if two_months else m.end("d1")
    second_start = min(m.start("d2"), m.start("m2")) if two_months else m.start("d2")
    gap = text[first_end:second_start]
    if not _AND.search(gap) or _BETWEEN.search(text, max(0, m.start() - 10), m.start()):
        return False
    d1, d2 = _dom(m["d1"]), _dom(m["d2"])
    same_month = not two_months or _mon(m["m1"]) == _mon(m["m2"])
    return not (same_month and d2 == d1 + 1)


def _backwards(m: re.Match[str]) -> bool:
    """'from 12 March 2016 to 14 March 2015': a span that ends before it starts (a slip in one of the years) is its
    two days, each its own date."""
    if "y1" not in m.re.groupindex or not (m["y1"] and m["y"]):
        return False
    return (int(m["y1"]), _mon(m["m1"]), _dom(m["d1"])) > (int(m["y"]), _mon(m["m2"]), _dom(m["d2"]))
# The first rule that matches at a position wins (so _RULES is ordered longest form first); tried there are
# only the rules that may open with the character at it (a digit: a dozen of them). One alternation of all
# the rules cost more: the engine entered every branch at every position (and took half a second to compile).
_OPENING = [opening_class(p) for _, p in _RULES]
_RULES_AT: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}


def _last_word_starts(backwards: str, n: int, lo: int, hi: int, most: int = 3) -> list[int]:
    """``[w.start() for w in _WORD_START.finditer(text, lo, hi)][-most:]``, read from ``backwards`` (the text
    reversed, ``n`` its length): the scan stops at the ``most``-th start before ``hi``."""
    out: list[int] = []
    stop = n - lo
    for w in _WORD_START_REVERSED.finditer(backwards, n - hi):
        j = w.start()
        if j >= stop:
            break
        out.append(n - 1 - j)
        if len(out) == most:
            break
    out.reverse()
    return out


def _rules_at(c: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rules (name, regex), in order, whose match may open with the character c."""
    got = _RULES_AT.get(c)
    if got is None:
        got = _RULES_AT[c] = tuple(r for r, first in zip(_COMPILED, _OPENING) if first is None or first.match(c))
    return got


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
#: the rules that may open with a character, as one pattern (None: no rule may open there) with their names in
#: order; by the rules' tuple, which most characters share
_FIRST_RULE: dict[tuple[tuple[str, re.Pattern[str]], ...], tuple[re.Pattern[str] | None, tuple[str, ...]]] = {}
_FIRST_RULE_AT: dict[str, tuple[re.Pattern[str] | None, tuple[str, ...]]] = {}


def _first_rule_of(c: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    rules = _rules_at(c)
    got = _FIRST_RULE.get(rules)
    if got is None:
        # the rules as the branches of one alternation, their own groups unnamed (names repeat across rules) and an
        # empty group closing each, which names the rule: the engine takes the first branch that matches, as a loop
        # over the rules takes the first rule
        got = _FIRST_RULE[rules] = (None, ()) if not rules else (rules[0][1], (rules[0][0],)) if len(rules) == 1 else (
            re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', rx.pattern)})(?P<r{k}>)" for k, (_, rx) in enumerate(rules))),
            tuple(name for name, _ in rules))
    if len(_FIRST_RULE_AT) < 4096:  # (one entry a character; a text of many scripts stops filling it)
        _FIRST_RULE_AT[c] = got
    return got


def _rule_at(text: str, pos: int) -> tuple[str, re.Match[str]] | None:
    """The first rule (in _RULES' order) that matches at pos, with its match: found by one match of the alternation of
    the rules that may open with the character there (_first_rule_of), then that rule's own match for its groups; a
    call per rule cost a third more on the bench's anchors, most of them failing."""
    got = _FIRST_RULE_AT.get(text[pos])
    rx, names = got if got is not None else _first_rule_of(text[pos])
    if rx is None:
        return None
    m = rx.match(text, pos)
    if m is None:
        return None
    if len(names) == 1:
        return names[0], m
    name = names[int(m.lastgroup[1:])]
    return name, _COMPILED_BY_NAME[name].match(text, pos)


for _c in map(chr, range(256)):  # (compiled on import, not in a document's time: a tenth of a second in all)
    _first_rule_of(_c)
# Tense markers. The word lists run on the lower-cased text (case-insensitive matching is several times
# slower); a past participle only on the text as written, so that "United" is no verb.
#: "last", "this" or "next" year (or month) as a shift from the publication's
_SHIFT = {"last": -1, "this": 0, "next": 1}
# (the word lists of these patterns each as grouped(...): a branch per first letter, which the engine rejects at one
# comparison where no word of it opens: they run at every character of a date's sentence)
# the words of a start given by its day after the thing it starts ('the withdrawal, starting Tuesday', 'effective
# Monday'): a future marker, or a plan made in the past after a past verb (Tenses._marks)
_STARTING = {"starting", "beginning", "effective"}
_FUTURE = re.compile(r"\b(?:" + grouped(
    r"will|'ll|shall|would|might|(?:could|may|can|cannot|can't) (?:still |soon |yet |well |now |only )?(?:be|resume|begin|start|open|meet|"
    r"convene|reconvene|arrive|travel|vote|sign|take effect|come into force)|is due|are due|due to|(?:was|were) due (?=in |on |at |back )(?!in (?:part|large part|great part|good part|no small part|some part|large measure|some measure) |at least )|expected|expects?|plans? to|planned|scheduled|slated|"
    r"set to|going to|to be held|to (?:start|begin|resume|meet|hold|open|take effect|convene|announce)|"
    r"upcoming|(?:has|have) until|aims? to|hopes? to|intends? to|deadline|is to|are to|must|should|needs? to|has to|have to|"
    r"let us see|let's see|wait and see|between now and|see you|"
    # a start given by its day after the thing it starts ('the withdrawal, starting Tuesday', 'effective Monday')
    rf"(?:{'|'.join(sorted(_STARTING))})(?= (?:on |from )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|tomorrow|tonight|next|this)\b)") + r")\b")
# the present tense of a scheduled happening, which a weekday puts in the coming days ('the Council votes on
# Friday', 'talks resume on Monday', 'the envoy is travelling to Moscow on Tuesday'); a bare form only where no
# auxiliary or infinitive makes it another tense ('did not meet', 'failed to meet')
_SCHEDULED = r"meet|open|begin|resume|reconvene|convene|travel|arrive|gather|fly|depart|kick off|take effect|enter into force"
_NOT_A_VERB = (r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!'s )(?<!\d )"
               r"(?<!\bsuch )(?<!\bthese )(?<!\bthose )(?<!\bour )(?<!\byour )(?<!\bmy )(?<!\bsome )(?<!\bany )"
               r"(?<!\bno )(?<!\bmore )(?<!\bfurther )")
# the lookahead only filters (every match opens on one of those words): without it the engine ran the nine
# look-behinds at every character of a date's sentence (7x slower on the corpus, ~4 % of a single pass)
_PRESENT_WORDS = (r"meets|opens|begins|starts|resumes|reconvenes|convenes|travels|arrives|visits|votes|hosts|heads|"
                  rf"expires|gathers|flies|departs|leaves|returns|closes|ends|concludes|wraps up|adjourns|kicks off|takes effect|takes place|enters into force|comes into force|"
                  rf"goes into|comes into|is |are |"
                  rf"{_SCHEDULED}")
_PRESENT = re.compile(rf"(?<!\w)(?=(?:{grouped(_PRESENT_WORDS)})){_NOT_A_VERB}(?:\b(?:meets|opens|begins|starts|resumes|reconvenes|convenes|travels|arrives|"
                      rf"visits|votes|hosts|heads|expires|gathers|flies|departs|leaves|returns|closes|ends|concludes|wraps up|adjourns|kicks off|takes effect|takes place|"
                      rf"enters into force|(?:comes|goes) into (?:force|effect))|(?<!\bnot )(?<!n't )(?<!\bdid )(?<!\bdo )(?<!\bto )(?<!\bwould )(?<!\bcould )"
                      rf"(?<!\bmight )\b(?:{_SCHEDULED})|\b(?:is|are) (?:co-)?(?:meeting|opening|beginning|starting|resuming|"
                      rf"travell?ing|arriving|visiting|voting|hosting|leaving|returning|heading|flying|signing|holding|"
                      rf"chairing|attending|convening|organi[sz]ing|launching|sending))\b")
# (the look-behind for a word character first: it fails at once inside a word, where the engine is most of the time)
_PAST = re.compile(r"(?<!\w)(?<!-)(?:" + grouped(r"said|was|were|had|did|met|ago|last|earlier|told|wrote|spoke|began|held|took|came|"
                                            r"went|made|gave|asked|saw|sent|struck|fought|shot|won|left|broke|led|ran|fell")
                   + r")\b")
_PAST_ED = re.compile(r"\b(?<!-)[a-z]\w+ed\b")  # not 'opposition-held', 'Saudi-led', 'U.S.-backed': adjectives
# (_PAST and _PRESENT open with a letter: no word character before it is the word boundary their scans want, written
# so that AtWordStarts can try them only at words' starts, at about a tenth fewer instructions)
_PAST_AT, _PRESENT_AT = AtWordStarts(_PAST), AtWordStarts(_PRESENT)
_PASSIVE = re.compile(r"\b(?:be|been|being)\s+$")  # 'wants to be covered': a participle, no time of its own
# a participle completing a wish's or a need's object ('Moscow wants sanctions lifted', 'we need the road reopened'):
# a state wanted, no time of its own; the object a noun, not an auxiliary or an adverb, after which the verb is the
# clause's own ('what the town wants most happened', 'the food it needs urgently arrived', 'all it wants has gone')
_COMPLEMENT = re.compile(r"\b(?:wants?|needs?|would like|demands?|insists? on)\s+(?:(?:the|a|an|its|their|all|these|those)\s+)?"
                         r"(?!(?:is|are|was|were|has|have|had|be|been|most|more|least|less|much|also|still|now|then|"
                         r"just|already|never|always|only|even|again|so|too|very)\s)(?![a-z]+ly\s)[a-z]+\s+$")
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are)\s+$")  # 'the parties are asked to confirm ...'
# the reported words opening after a date that dates their saying ('told the radio on Sunday that ...')
_WORDS_OPEN = re.compile(r"\s*(?:that\b|:)")
# Every date expression holds an anchor. Found in a few scans the regex engine runs fast (one that
# needs a capital or a digit first, then lower-case literals) rather than one alternation tried at
# every character.
# (a run of digits; the capitalised words apart, in one alternation whose branches each open with a letter, so that
# the engine skips from capital to capital: none of these words holds another's start, so the words found where
# each stands are the ones the alternation finds)
# (written '\d\d*', not '\d+': a pattern opening with a repeat gives the engine no class of first characters to skip
# to, so it entered the pattern at every character: 2.3 times the instructions of this form, the same matches)
_ANCHOR_DIGITS = re.compile(r"\d\d*")
_ANCHOR_CAPS = re.compile(tagged_alternation(
    [(f"{m}(?![A-Za-z])", None) for m in (_MONTH_FORMS + "|" + _MONTH_FORMS.upper()).split("|")]
    + [(w, None) for w in (*_WD[3:-1].split("|"), "Today", "Yesterday", "Tomorrow", "Tonight", "Earlier in the day",
                           "Later in the day", "Christmas", "New Year", "Easter")])[0])
# found by a substring search each (words.literal_spans: the spans their alternation finds, in this order): as
# one alternation, whose first letters are the commonest ones, the engine tried it at most characters
_ANCHOR_WORDS = ("week", "month", "year", "today", "tomorrow", "tonight", "yesterday", "in the day", "ago", "previous",
                 "preceding", "day before", "night", "following", "next", "same day", "that day", "morning", "afternoon",
                 "evening", "coming", "to come", "ahead", "day after", "days later", "day later", "days earlier", "day earlier")
# (not '[\w-](?<![\w'-].)', the class first: most characters are in it, and the wider look-behind after it cost more,
# 164M instructions against 148M on the 1 MB bench's anchors)
_WORD_START = re.compile(r"(?<![\w'-])[\w-]")
# the same places read backwards from an anchor in the reversed text (a word's first character is the last one of
# its reversed self): the three nearest found, not every word start of the forty characters before it
_WORD_START_REVERSED = re.compile(r"[\w-](?![\w'-])")
_SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_NAME_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_NOUN_NEXT = re.compile(r"[ \t]+[a-z]{3,}")
# ('a statement Sunday' is a wire's day: only a wish's or a habit's adjective between)
_GENERIC = re.compile(r"\b(?:[Aa]n?\s+(?:good|nice|happy|blessed|peaceful|quiet|typical|normal|usual)|[Ee]very|[Ee]ach|[Aa]ny)\s+$")
_MONTH_AFTER = {"in", "since", "until", "till", "by", "during", "from", "through", "before", "after", "of", "than", "for",
                "throughout", "into"}
_MONTH_AFTER_ANY_CASE = _MONTH_AFTER | {w.title() for w in _MONTH_AFTER}
# a month as its clause's subject or complement ('January will come', 'that February would be hard', 'is January
# realistic?'): the months whose names are no other word ('May will', 'the March will go ahead', 'August' an adjective,
# 'April', 'June' first names: 'Her name is June', 'June was elected')
_SUBJECT_MONTHS = {"January", "February", "July", "September", "October", "November", "December"}
_COPULAS = {"is", "was", "Is", "Was"}
_AUXILIARY_NEXT = re.compile(r"[ \t]+(?:will|would|is|was|has|had|could|might|should|must|can|shall)\b")
_PARTS = {"early": "early", "mid": "mid", "late": "late", "beginning": "early", "start": "early", "middle": "mid",
          "end": "late"}


# A reporting verb tells when someone spoke ('said on Thursday'), not the time of the clause he reports
# ('said the meeting on Thursday would ...'): it marks the date only when nothing but a circumstance
# (a preposition, an adverb of time, the medium or audience of the words: 'said in a statement on',
# 'told his cabinet on', 'told a Swiss newspaper on', 'wrote on Twitter on') comes between them.
_REPORTING = {"said", "told", "wrote"}
_CIRCUMSTANCE_WORDS = {"on", "in", "at", "late", "early", "earlier", "later", "during", "after", "before", "from", "by",
                       "to", "with", "last", "this", "while", "a", "an", "the", "his", "her", "its", "their", "our",
                       "me", "us", "him", "them", "you",  # 'told me on Friday that ...'
                       "reporters", "journalists", "correspondents", "news", "press", "conference", "briefing",
                       "statement", "interview", "remarks", "speech", "address", "television", "radio", "state",
                       "local", "newspaper", "daily", "agency", "broadcaster", "channel", "website", "cabinet",
                       "parliament", "lawmakers", "legislators", "senators", "deputies", "delegates", "ministers",
                       "diplomats", "meeting", "session", "summit", "forum", "hearing", "call", "telephone", "phone",
                       "audience", "crowd", "rally", "supporters", "counterpart", "visitors", "written", "televised"}
# a day with its year after a day without one, joined by 'and' ('15 May and 20 June 2015', 'May 15 and June 20, 2015')
_SHARED_YEAR = re.compile(rf",?\s+(?:and|&)\s+(?:(?P<d>{_DAY})\s+(?P<m>{_MON})|(?P<m2>{_MON})\s+(?P<d2>{_DAY})),?\s+(?P<y>{_YEAR})\b")
# 'you will recall that ...', 'as members will remember': the clause after it tells of a day gone by
_RECALL = re.compile(r"\s+(?:recall|remember)(?:\s+that\b|,)")
# ... and only with the listeners as its subject ('the embassy will recall its envoy on Monday' is a plan): the
# listeners are the world's recall_listeners (titles.yaml), their pattern built with the DateResolver
# a span of years that names a session, a season or a budget ('session 2015-2016', 'the 2015–16 season'): the
# world's span_names_before and span_names_after (titles.yaml), their patterns built with the DateResolver
# 'the talks were due to open on Thursday': a plan told in the past tense is no future marker
_PAST_PLAN = re.compile(r"(?:was|were|been)\s+$")
# ('has been due', 'has long been due': a present perfect, still ahead; an adverb may stand before 'been')
_PERFECT = re.compile(r"(?:\bhas|\bhave|'s|'ve)\s+(?:[a-z]+\s+)?been\s+$")


def _past_plan(low: str, lo: int, at: int) -> re.Match[str] | None:
    """The past tense a plan is told in, before 'due to' or 'expected' at `at`: 'was', 'were', 'had been', 'been'
    (not a present perfect)."""
    plan = _PAST_PLAN.search(low, max(lo, at - 12), at)
    return None if plan is None or (plan.group().startswith("been") and _PERFECT.search(low, max(lo, at - 30), at)) \
        else plan
# an infinitive after a past verb ('ordered the troops to begin ...'): a plan made in the past, whose day
# may fall on either side of publication; the nearer such day is meant
_INFINITIVE = "to "
# the endings of a participle or an -ly adverb heading an opening phrase ('Speaking on Monday,', 'Asked on Friday,',
# 'Immediately after the vote in June,')
_OPENING_ENDS = ("ing", "ed", "ly")


# only a month or a weekday without a year depends on the tense: the clause is read for those alone
_TENSED = {"month", "mod_month", "weekday", "wd_range", "dom", "weekend"}


def _tensed(name: str, m: re.Match[str]) -> bool:
    """Whether the rule's value depends on the clause's tense ('this weekend' too: on a Monday, see _unit)."""
    return name in _TENSED or (name == "unit" and m["unit"] == "weekend")
# the expressions that count from the day of the words (inside a quote: the day they were spoken)
_DEICTIC = {"deictic", "ago", "last_night", "weekday", "wd_range", "unit", "unit2", "weekend", "dom", "part_unit", "part_week",
            "end_year", "last_one"}
_QUOTE_MARK = re.compile(r'"[^"\n]+"')
_BY_PRONOUN = re.compile(r'[,.!?]?"\s+(?:he|she|they)\s+(?:said|told|added|stated|declared|noted|insisted|warned|stressed)\b')
_SAYS = re.compile(r"\b(?:said|says|told|tells|added|adds|stated|declared|wrote|noted|insisted|warned|stressed|"
                   r"explained|replied|answered|asked|saying|speaking)\b")
# the verbs whose audience comes first ('told his cabinet on Sunday'); after the others a circumstance opens
# with a preposition or an adverb ('said in a statement on Sunday', not 'said the meeting on Thursday')
_TELLING = {"told", "tells", "tell"}
_OPENERS = {"on", "in", "at", "late", "early", "earlier", "later", "during", "after", "before", "from", "by", "to",
            "with", "last", "this", "while"}


def _speech_circumstance(verb: str, gap: str) -> bool:
    """Whether only a circumstance of the saying stands between the reporting verb and a date."""
    words = gap.replace(",", " ").split()
    if not words:
        return True
    if len(words) > 8 or (verb.lower() not in _TELLING and words[0] not in _OPENERS and not words[0][:1].isupper()):
        return False
    return all(w in _CIRCUMSTANCE_WORDS or w[:1].isupper() for w in words)




def _count(word: str) -> int:
    """'2' or 'two' as a number."""
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


def _offset_days(m: re.Match[str]) -> int:
    """'the day after' 1, 'two days later' 2, 'a day earlier' -1 ('two weeks later' is no date: docs/gold-format.md)."""
    if not m["n"]:
        return 1
    n = _count(m["n"])
    return n * (-1 if m["dir"] == "earlier" else 1)


def _evening_before(doc: IngestDoc, published: dt.date | None) -> tuple[dt.date] | None:
    """A story filed in the small hours where it was written (its local day the one after the UTC day, filed at
    22:00 UTC or later: before dawn east of Greenwich): its quotes were spoken the evening before, the day before
    the local publication day (docs/gold-format.md: a quote counts from the moment its words were spoken)."""
    at = doc.article.published_at
    if at is None or published is None or at.tzinfo is None or published != doc.published:
        return None
    utc = at.astimezone(dt.timezone.utc)
    if utc.hour < 22 or published != utc.date() + dt.timedelta(days=1):
        return None
    return (utc.date(),)


def _few_days(c: Candidate) -> bool:
    """A span of two or three days ('11-12 February')."""
    r = c.data.get("range")
    return bool(r) and 0 < (dt.date.fromisoformat(r[1]) - dt.date.fromisoformat(r[0])).days <= 2


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """The insides of straight quotation marks, paired within a paragraph."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTE_MARK.finditer(text)]


def _days_of(c: Candidate) -> tuple[dt.date, ...]:
    """A day's date, or a span's first and last days."""
    if c.data["value"]:
        return (dt.date.fromisoformat(c.data["value"]),)
    return tuple(dt.date.fromisoformat(d) for d in c.data["range"])


def _speech_day(text: str, qs: int, qe: int, sent: tuple[int, int], days: list[Candidate]) -> tuple[dt.date, ...] | None:
    """The day a quote was spoken: a day given at the reporting verb after the quote ('," Putin said on
    Tuesday', '," he told reporters on Tuesday') or before it ('Putin said on Tuesday: "', 'On Tuesday, Putin
    said: "'), within its sentence; a span of a few days ('stated on 11-12 February that ... "this week"') as its
    first and last days."""
    line_end = text.find("\n", qe)
    after_end = min(len(text) if line_end < 0 else line_end, qe + 100, max(sent[1], qe + 1))
    next_mark = text.find('"', qe + 1, after_end)
    after_end = after_end if next_mark < 0 else next_mark
    line_start = text.rfind("\n", 0, qs) + 1
    for c in days:
        if qe < c.start < after_end:
            verb = _SAYS.search(text, qe + 1, c.start)
            if verb and _speech_circumstance(verb.group(), text[verb.end():c.start]):
                return _days_of(c)
        elif max(line_start, sent[0], qs - 150) <= c.start and c.end < qs:
            verb = _SAYS.search(text, c.end, qs)
            before = _SAYS.search(text, max(line_start, c.start - 40), c.start)
            if verb or (before and _speech_circumstance(before.group(), text[before.end():c.start])):
                return _days_of(c)
    return None


# before "overnight" when it says how fast, or is an adjective ("an overnight curfew")
_SPEED = re.compile(r"(?i)(?:\b(?:not|cannot|never|almost|virtually|nearly)\b|n't\b)[^.;,]*$|\ban\s+$")
_GREGORIAN = re.compile(rf"(?P<m>{_MON})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{_YEAR})|(?P<d_>\d{{1,2}})\s+(?P<m_>{_MON})\s+(?P<y_>{_YEAR})")


class Tenses:
    """The tense of the clause a date sits in: the nearest marker before it in its sentence (within 140
    characters; a future one wins a tie: "planned"), else the nearest one after it (within 50). Each
    sentence's markers are found once, however many dates it holds. Marker kinds: 0 future, 1 past,
    2 nearest (a plan made in the past), 3 a reporting verb (see ``_REPORTING``), 4 a passive participle (past)."""

    def __init__(self, text: str, recall_who: re.Pattern[str], openers: frozenset[str] = frozenset(),
                 names: frozenset[str] = frozenset()):
        self.text = text
        self.recall_who = recall_who  # the listeners before 'will recall' (DateResolver.recall_who)
        self.openers = openers  # the words opening a phrase before the subject (the world's clause_openers)
        self.names = names  # the world's one-word names that end as an adverb or a participle does ('Italy', 'Beijing')
        self.lower = text.lower()
        self.markers: dict[tuple[int, int], list[tuple[int, int, int]]] = {}  # (start, end, kind)

    def _marks(self, sent: tuple[int, int]) -> list[tuple[int, int, int]]:
        low = self.lower
        past = [(m.start(), m.end(), 3 if m.group() in _REPORTING else self._participle(m.start()))
                for m in _PAST_AT.finditer(low, *sent)] \
            + [(m.start(), m.end(), self._participle(m.start())) for m in _PAST_ED.finditer(self.text, *sent)
               if not _COMPLEMENT.search(low, max(sent[0], m.start() - 40), m.start())]
        future = []
        for m in _FUTURE.finditer(low, *sent):
            kind = 0
            if m.group() == "due to" and (plan := _past_plan(low, sent[0], m.start())):
                # 'was due to receive them on Tuesday': a plan told in the past, the nearer such day ('were due to open
                # on Thursday but were put off': just past, that day); 'had been due to begin on Monday': a day gone by
                kind = 1 if plan.group().startswith(("been", "had")) else 2
            elif m.group() in ("will", "'ll") and _RECALL.match(low, m.end()) \
                    and self.recall_who.search(low, max(sent[0], m.start() - 12), m.start()):
                kind = 1  # 'you will recall that on Tuesday the member asked ...': a day gone by
            elif m.group() in ("was due ", "were due ") or (m.group() in ("expected", "scheduled", "slated", "planned")
                                                            and _past_plan(low, sent[0], m.start())):
                kind = 2  # 'the envoy was due (was expected) in Khartoum on Sunday': a plan told in the past, the nearer such day
            elif (infinitive := m.group().startswith(_INFINITIVE)) or m.group() in _STARTING:
                # 'ordered the troops to begin ...', 'ordered the withdrawal of the contingent, starting Tuesday': a
                # plan made then, within 80 characters of a past verb; a start not after a reporting verb nor a passive
                # participle, which takes its auxiliary's tense ('said the ban will take effect starting Tuesday', 'a
                # curfew will be imposed starting Tuesday': ahead)
                kinds = (1, 4) if infinitive else (1,)
                if any(e <= m.start() and m.start() - e <= 80 and k in kinds for _, e, k in past):
                    kind = 2
            future.append((m.start(), m.end(), kind))
        future += [(m.start(), m.end(), 0) for m in _PRESENT_AT.finditer(low, *sent)]
        plans = {(s, e) for s, e, k in future if k == 2}
        if plans:  # ('was expected': the participle is the plan's, no past marker of its own)
            past = [p for p in past if p[:2] not in plans]
        return sorted(future + past)

    def _participle(self, at: int) -> int:
        """A past form's kind: 4 a passive participle ('to be covered'), 0 a present passive, which a weekday puts
        in the coming days ('the parties are asked to confirm by Friday'), else 1 past."""
        low = self.lower
        if _PASSIVE.search(low, max(0, at - 7), at):
            return 4
        return 0 if _PRESENT_PASSIVE.search(low, max(0, at - 5), at) else 1

    def near(self, start: int, end: int, sent: tuple[int, int]) -> timex.Tense:
        return self.evidence(start, end, sent)[0]

    def evidence(self, start: int, end: int, sent: tuple[int, int]) -> tuple[timex.Tense, int]:
        """The tense and how firmly: 2 a marker before the date or a verb after it, 1 only a passive participle
        after it ('on Friday, every party that wants to be covered has to ...'), 0 none. A passive participle
        takes its auxiliary's tense ('would be held on Saturday'), and no marker inside a quotation that
        follows the date is the narrator's ('On Wednesday, he said: "Today we begin ...'); within 120
        characters a verb of the clause fixes the day though not the tense ('On Monday, the two Presidents
        approved ...': see _same_weekday)."""
        marks = self.markers.get(sent)
        if marks is None:
            marks = self.markers[sent] = self._marks(sent)
        lo = max(sent[0], start - 140)
        before = [(start - e, k) for s, e, k in marks if lo <= s and e <= start and k != 4
                  and (k != 3 or self._circumstance(s, e, start, end))]
        quote = self.text.find('"', end, min(sent[1], end + 120))
        stop = sent[1] if quote < 0 else quote
        if not before and self._ends_clause(start, end, sent):
            stop = end  # (the markers after the comma are another clause's)
        # a reporting verb after the day dates the saying ('Speaking on Monday, Kerry said the talks would ...',
        # 'Zarif on Sunday said ...', 'In a statement on Sunday, the ministry said ...')
        # (not the noun the date qualifies: 'the March deadline was missed' is told in the past)
        after = [(s - end, k) for s, e, k in marks if s >= end and e <= min(stop, end + 50)
                 and not (s == end + 1 and self.lower.startswith("deadline", s))]
        best = min(before or after, default=None)
        if best is None:  # 'Late on Friday, the spokesman said ...'
            return "neutral", 2 if any(s >= end and e <= min(stop, end + 120) and k != 4 for s, e, k in marks) else 0
        return ("future", "past", "nearest", "past", "past")[best[1]], 2 if before or best[1] != 4 else 1

    def _ends_clause(self, start: int, end: int, sent: tuple[int, int]) -> bool:
        """Whether a comma right after the date ends its clause: the date is inside a clause that opened with its
        subject ('Berlin wants a result before June, Moscow wants sanctions lifted'), not in an opening phrase
        ('Late on Friday, the spokesman said', 'In a statement on Sunday, the ministry said') or a parenthesis ('The
        rebels, on Friday, said')."""
        if not self.text.startswith(",", end):
            return False
        head = self.text[sent[0]:start]  # (from the sentence's start: a fragment's first word is no opener)
        if "," in head or ":" in head:
            return False
        first, _, rest = head.lstrip(' \t\n"\'(').partition(" ")
        first = first.lower()
        # an opening phrase heads with a preposition, a participle or an adverb ('Immediately after the vote in June,'),
        # not a name ('Italy', 'Beijing'); a compound preposition is a word then 'of' or 'to' ('Ahead of', 'Prior to')
        if not first or first in _OPENERS or first in self.openers or not first[:1].isalpha() \
                or rest.startswith(("of ", "to ")) or (first.endswith(_OPENING_ENDS) and first not in self.names):
            return False
        # a saying inserted after the comma ('Germany in June, the minister said, had left'): the clause goes on
        nxt = self.text.find(",", end + 1, min(sent[1], end + 50))
        return nxt < 0 or not _SAYS.fullmatch(self.lower[end + 1:nxt].rpartition(" ")[2])

    def _circumstance(self, verb_start: int, verb_end: int, date_start: int, date_end: int) -> bool:
        """Whether the date tells when the reporting verb's words were said: only a circumstance between them, or
        the reported words opening right after the date ('told a television programme on Sunday that ...',
        'said as late as Monday that ...', 'said it clearly on Sunday: ...')."""
        gap = self.text[verb_end:date_start]
        if _speech_circumstance(self.lower[verb_start:verb_end], gap):
            return True
        words = gap.split()
        # (a longer circumstance only where it opens with a preposition: 'said in a speech in the suburbs of the
        # capital Monday night that ...')
        return len(words) <= (12 if words and words[0].lower() in _OPENERS else 6) and not any(c in gap for c in ',;:"') \
            and _WORDS_OPEN.match(self.text, date_end) is not None


# a broadcast's or an interview's day at the head of its transcript
_RECORDED = re.compile(r"^[ \t]*(?:Recorded|Taped|Filmed|Aired|Broadcast|(?:This )?[Ii]nterview (?:recorded|conducted|was recorded|was conducted))"
                       r"(?: on)?:?[ \t]+", re.M)
# the sentence a date opens going on after it (a comma, then words): the line is no transcript's heading
_SENTENCE_GOES_ON = re.compile(r",[ \t]*[a-z]")
# a text named by the month it was written in ('the Security Council resolution of December')
_DOCUMENT_OF = re.compile(r"\b(?:resolution|statement|declaration|agreement|communiqu[eé]|accord|decision|letter|report|"
                          r"decree|memorandum|protocol|conclusions)s?\s+of\s+$")
# a modifier before a weekday opening a day's date ('last Saturday, February 20')
_WEEK_MOD_BEFORE = re.compile(r"\b(?:[Ll]ast|[Nn]ext|[Tt]his)(?: past| coming)?\s+$")
# a weekday's modifiers that fix its week whatever the tense
_WEEKDAY_MODS = {"last", "next", "this", "this past", "this coming"}
# the rules that give a day with its month
_EXPLICIT_DAY = {"iso", "dmy", "mdy", "numeric", "ymd", "wd_paren"}


def _same_weekday(weekdays: list[tuple[Candidate, int, int]]) -> None:
    """A weekday named again in the same article is the same day: 'the truce takes effect on Saturday' ...
    'who decides on Saturday?'. A mention whose tense no marker before it gives takes the day of a mention of
    the same weekday that a modifier or such a marker fixed, the nearest before it, else the nearest after it
    (two mentions each fixed by their own words keep their own days: 'would begin on Saturday' and 'said on
    Saturday' in one article)."""
    for cand, wd, strength in weekdays:
        if strength >= 2:
            continue
        _take_nearest(cand, [c for c, w, k in weekdays if w == wd and k >= 2])


def _same_day_of_month(doms: list[Candidate], explicit: list[Candidate], published: dt.date) -> None:
    """'When you say the 25th, ...' after 'on the 25th of February': a day of the month alone is the day of that
    number that the article gives with its month, the nearest before it, else the nearest after it, when that
    day is one the bare number could mean (within the months around the publication date that it is read in)."""
    for cand in doms:
        dom = dt.date.fromisoformat(cand.data["value"]).day
        _take_nearest(cand, [c for c in explicit if (d := dt.date.fromisoformat(c.data["value"])).day == dom
                             and abs((d.year - published.year) * 12 + d.month - published.month) <= 1])


def _take_nearest(cand: Candidate, sources: list[Candidate]) -> None:
    """``cand`` takes the date of the nearest of ``sources`` before it, else of the nearest after it (none: kept)."""
    if not sources:
        return
    sources = sorted(sources, key=lambda c: c.start)
    before = [c for c in sources if c.start < cand.start]
    source = before[-1] if before else sources[0]
    cand.data.update({k: source.data[k] for k in ("value", "range", "precision", "fuzzy")})


def as_output(value: FuzzyDate, week: bool = False) -> dict[str, object]:
    """value (an ISO day) or range [first, last]; precision day (also for a span of days), week, early, mid,
    late, month or year; fuzzy: the same as an ``accord.record.dates`` form."""
    if value.precision == "day":
        return {"value": value.start.isoformat(), "range": None, "precision": "day", "fuzzy": str(value)}
    precision = "week" if week else "day" if value.precision == "range" else value.precision
    return {"value": None, "range": [value.start.isoformat(), value.end.isoformat()], "precision": precision,
            "fuzzy": str(value)}


def _is_week(name: str, m: re.Match[str]) -> bool:
    """A whole Monday-Sunday week the text names (not a span of days, not a weekend)."""
    return name in ("week_of", "part_week") or (name in ("unit", "unit2", "last_one") and m["unit"] == "week") or \
        (name == "ago" and m["ago_unit"] in ("week", "fortnight"))


# an infinitive between a past verb and a month: a plan made then, for a month on either side of publication
_PLAN_TO = re.compile(r"\b(?:agreed|decided|wanted|planned|promised|pledged|vowed|hoped|intended|expected|aimed|"
                      r"undertook|resolved|offered|proposed)\s+(?:\w+\s+){0,3}?to\s+"
                      r"(?!(?:the|a|an|his|her|its|their|this|that|these|those|our|my|your|some|any|all|such|no|each|"
                      r"every|both|other|another|one|two|three|talks|peace|terms)\b)[a-z]{3,}\b[^.;:,]*$")
# a month before its noun and a state told as going on: '(the March deadline) was still within reach', 'remained'
_STILL = re.compile(r"\s+[a-z]+\s+(?:(?:was|were|is|are)\s+still|remained|remains|stayed)\b")
_A_YEAR = re.compile(rf"(?<!\d){_YEAR}")


def _that_year(m: re.Match[str]) -> int | None:
    """'February 15 of that year': the last year the text has given before, within its paragraph or so."""
    years = _A_YEAR.findall(m.string, max(0, m.start() - 300), m.start())
    return int(years[-1]) if years else None


def _units_back(published: dt.date, n: int, unit: str) -> dt.date:
    """The day ``n`` days, weeks, months or years before ``published``."""
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (1 if unit == "day" else 7))
    months = n * (12 if unit == "year" else 1)
    first = add_months(published.replace(day=1), -months)
    return first.replace(day=min(published.day, calendar.monthrange(first.year, first.month)[1]))


def _mon(s: str) -> int:
    return timex.MONTHS[s.rstrip(".").lower()]


def _dom(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _recorded(text: str, limit: int = 600) -> re.Match[str] | None:
    """``_RECORDED.search(text, 0, limit)``, matched at the starts of lines alone (where its '^' holds)."""
    return search_at_line_starts(_RECORDED, text, 0, limit)


def _recorded_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day a broadcast or an interview was recorded, when its first lines give it ('Recorded 24 February 2016.',
    'Aired February 24, 2016 - 20:00 ET') a week or less before publication: its 'today' and 'yesterday' are
    of that day; else the publication day."""
    m = _recorded(text)
    if m is None or published is None:
        return published
    dated = _COMPILED_BY_NAME["mdy"].match(text, m.end()) or _COMPILED_BY_NAME["dmy"].match(text, m.end())
    if dated is None or not dated["y"] or _SENTENCE_GOES_ON.match(text, dated.end()):
        return published  # 'Filmed on 20 February 2016, the footage shows ...': a report's sentence, no heading
    try:
        day = dt.date(int(dated["y"]), _mon(dated["m"]), _dom(dated["d"]))
    except ValueError:
        return published
    return day if 0 <= (published - day).days <= 7 else published


# a line in a transcript's first lines that ends in a full date, with the hours of the session or none, after at most
# a few words of the heading's own ('Tuesday 23 February 2016, 18:00 to 19:15', 'February 12, 2016 5:04 AM ET',
# 'Sitting of Wednesday 10 February 2016', 'Debates of 21 Jun 2016', 'Panel discussion, Thursday, March 10, 2016',
# 'OTTAWA, Wednesday, February 17, 2016', 'DR 8.3.2016', 'Minutes number 56 of the ordinary session of ...')
_SESSION_LINE = re.compile(r"^[^\n]{0,90}", re.M)
# (or the number after it, as a record's masthead prints it: 'Vol. 162 WASHINGTON, MONDAY, APRIL 18, 2016 No. 59';
# or the moment of a broadcast: 'February 22, 2016 at 6:35 PM EST')
_SESSION_REST = re.compile(r"[ \t,.|–-]*(?:(?:(?:from|at)[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*(?:-|–|to)[ \t]*\d{1,2}[:.]\d\d"
                           r"(?:[ \t]*[ap]\.?m\.?)?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*)?(?:No\.?[ \t]*\d{1,4}[ \t]*)?\.?[ \t]*$", re.M | re.I)
# the heading's words before the date: a stamp of publication is no sitting's day, nor a sentence's day ('began on')
_NOT_A_SITTING = re.compile(r"(?i)\b(?:published|posted|updated|released|issued|printed|uploaded|modified|edition)\b|"
                            r"\b(?:on|in|since|until|by|from|at)\s*$")
_SESSION_DATES = ("dmy", "mdy", "numeric")


def _session_day(text: str, published: dt.date | None) -> dt.date | None:
    """A transcript (speaker labels found) headed by the day its session was held, on a line among its first lines
    that ends in that day (a few words of the heading before it, the hours of the session after it), a week or less
    before publication: its 'today' and 'yesterday' are of that day (docs/gold-format.md: a transcript counts from
    the day it was recorded). A line dated on the publication day (a gazette's issue) is passed over."""
    if published is None:
        return published
    for line in _SESSION_LINE.finditer(text, 0, 600):
        if line.end() - line.start() < 6:
            continue
        starts = [line.start()] + [w.start() for w in _WORD_START.finditer(text, line.start() + 1, line.end())
                                   if not text[w.start() - 1].isalnum()]
        for at in starts[:12]:
            if not (text[at].isdigit() or text[at].isupper()):
                continue
            dated = next((m for m in (_COMPILED_BY_NAME[n].match(text, at) for n in _SESSION_DATES) if m), None)
            if dated is None:
                continue
            if not dated["y"] or not _SESSION_REST.match(text, dated.end()) \
                    or _NOT_A_SITTING.search(text, line.start(), at):
                break  # (the line's first date: a day inside it, 'on Wednesday 10 February', is no heading's)
            try:
                if "sep" in dated.re.groupindex:
                    got = DateResolver._numeric(dated, None, "neutral")
                    day = got.start if got is not None else None
                else:
                    day = dt.date(int(dated["y"]), _mon(dated["m"]), _dom(dated["d"]))
            except ValueError:
                break
            if day == published:
                break  # a gazette's issue dated on publication: the sitting's day may come on a later line
            return day if day and 0 < (published - day).days <= 7 else published
    return published


@component("dates")
class DateResolver:
    def __init__(self, ctx: Context):
        lex = ctx.lexicon
        # built once from the world's words (titles.yaml): 'you will recall' ('members', 'senators'), and the words
        # naming a span of years before it ('session 2015-2016', 'financial year') and after it ('2015-16 season')
        self.recall_who = re.compile(rf"\b(?:{alternation(lex.recall_listeners)})\s+$")
        self.span_named_before = re.compile(rf"\b(?:{alternation(lex.span_names_before)})\s+$", re.I)
        self.span_named_after = re.compile(rf"[-–]\d+\s+(?:{alternation(lex.span_names_after)})\b", re.I)
        # the words opening a phrase before a sentence's subject (titles.yaml), and the world's one-word names that
        # end as an -ly adverb or a participle does, which open a sentence as its subject ('Italy in June, ...')
        self.openers = lex.clause_openers
        self.names = frozenset(w.lower() for e in lex.entries.values()
                               for w in (e.name, e.capital, *e.aliases, *e.short, *e.metonyms, *e.demonyms)
                               if w and " " not in w and w.lower().endswith(_OPENING_ENDS))
        self.rules: dict[str, Callable[[re.Match[str], dt.date | None, timex.Tense], FuzzyDate | None]] = {
            "iso": self._iso, "dd_range": self._dd_range, "mdd_range": self._dd_range, "dm_range": self._dm_range,
            "md_range": self._dm_range, "dmy": self._dmy, "mdy": self._dmy, "other_day": self._other_day, "wd_paren": self._wd_paren, "part": self._part, "my": self._my,
            "month": self._month, "mod_month": self._month, "weekday": self._weekday, "deictic": self._deictic,
            "wd_range": self._wd_range, "dom": self._dom,
            "unit": self._unit, "ago": self._ago, "year": self._year, "part_unit": self._part_unit, "part_week": self._part_week, "end_year": self._end_year,
            "holiday": self._holiday, "numeric": self._numeric, "previous": self._previous,
            "last_night": self._last_night, "weekend": self._weekend, "following": self._following,
            "same_day": self._following, "hijri": self._hijri, "offset": self._following, "ymd": self._iso,
            "week_of": self._week_of, "overnight": self._overnight, "week_of_month": self._week_of_month,
            "unit2": self._unit2, "last_one": self._last_one, "saka": self._saka,
        }

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        text = doc.norm
        published = _recorded_day(text, doc.published)
        if published == doc.published and doc.labels:
            raw = doc.article.text  # (its lines as written: a soft break after the day ends the heading)
            published = _session_day(raw if len(raw) == len(text) else text, published)
        found: list[tuple[int, int, str, re.Match[str]]] = []
        # the rules only in sentences with something date-like in them (most sentences have none)
        tried: set[int] = set()
        # every date expression holds an anchor (a digit, a month, a weekday, "week"...) and starts at most
        # three words before it: try the rules only there
        anchors = sorted({m.start() for m in _ANCHOR_DIGITS.finditer(text)}.union(
            [m.start() for m in _ANCHOR_CAPS.finditer(text)], [s for s, _ in literal_spans(text, _ANCHOR_WORDS)]))
        backwards, n = text[::-1], len(text)
        for anchor in anchors:
            lo = max(doc.sent_of(anchor)[0], anchor - 40)
            starts = _last_word_starts(backwards, n, lo, anchor) + [anchor]
            for pos in starts:
                if pos in tried:
                    continue
                tried.add(pos)
                found_at = _rule_at(text, pos)
                if found_at is None:
                    continue
                name, m = found_at
                if name == "month" and not (before := (text[max(0, m.start() - 8):m.start()].split()[-1:] or [""])[0]) in _MONTH_AFTER_ANY_CASE \
                        and not (text[max(0, m.start() - 4):m.start()] in ("the ", "The ") and len(m["m"]) > 3
                                 and _NOUN_NEXT.match(text, m.end())) \
                        and not (m["m"] in _SUBJECT_MONTHS and (before in _COPULAS or _AUXILIARY_NEXT.match(text, m.end()))):
                    continue  # (the 'August deal', 'the March deadline': a month before its noun)
                if name == "month" and m["m"] in _SHORT_MONTHS and _NAME_NEXT.match(text, m.end("m")):
                    continue  # 'the chairmanship of Jan Egeland': a first name
                if name in ("mdy", "dmy") and text[pos].isupper() and _WEEK_MOD_BEFORE.search(text, max(0, pos - 13), pos):
                    # 'last Saturday, February 20': the weekday is its modifier's (a date of its own), the day after it
                    # another ('last Saturday' won at the modifier)
                    m = _COMPILED_BY_NAME[name].match(text, m.start("m" if name == "mdy" else "d"))
                    if m is None:
                        continue
                if name == "weekday" and not m["mod"] and _GENERIC.search(text, max(0, pos - 20), pos):
                    continue  # 'I wish everyone a good Sunday', 'every Friday': no one day
                if name == "numeric" and m.group().endswith(" " + m["y"]) \
                        and not (m["sp"] and len(m["d"]) == 2 and len(m["m_"] or "") == 2):
                    continue  # 'slowed to 1.2. 2015 had been ...': a space after the dots only in '24. 06. 2016.'
                if name == "year" and text[m.end():m.end() + 1] in ("-", "–") \
                        and (self.span_named_after.match(text, m.end())
                             or self.span_named_before.search(text, max(0, m.start() - 16), m.start())):
                    continue  # 'session 2015-2016', 'the 2015–16 season': no year of its own
                if name == "overnight" and _SPEED.search(text, max(doc.sent_of(pos)[0], pos - 40), pos):
                    continue  # 'a truce cannot be declared overnight': how fast, not when
                if name in _RANGES and (_two_days(text, m) or _backwards(m)):
                    # "on Oct. 30 and Nov. 14": two days, each its own date
                    if name in _ONE_MONTH and not _backwards(m):
                        # 'January 11 and 18', '9 and 14 December': the day without its month is a date too
                        found.append((*m.span("d2" if name == "mdd_range" else "d1"), "other_day", m))
                    one = _COMPILED_BY_NAME["mdy" if name in ("md_range", "mdd_range") else "dmy"].match(text, pos)
                    if one is None:
                        continue
                    name, m = ("mdy" if name in ("md_range", "mdd_range") else "dmy"), one
                if name == "wd_range" and not m["wk"] and _AND.search(text, m.end("wd1"), m.start("wd2")) \
                        and m.start() == m.start("wd1") and not _BETWEEN.search(text, max(0, m.start() - 10), m.start()):
                    # "in Riyadh Wednesday and Thursday": two days, each its own date ('between ... and': a span)
                    m = _COMPILED_BY_NAME["weekday"].match(text, pos)
                    if m is None:
                        continue
                    name = "weekday"
                found.append((m.start(), m.end(), name, m))
        taken: list[tuple[int, int]] = []
        tenses = Tenses(text, self.recall_who, self.openers, self.names)
        previous, following = [], []
        relative: list[tuple[Candidate, str, re.Match[str]]] = []
        weekdays: list[tuple[Candidate, int, int]] = []  # (candidate, weekday, strength of its evidence)
        explicit: list[Candidate] = []  # days given with their month
        doms: list[Candidate] = []
        for start, end, name, m in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            cand = self._emit(doc, name, m, tenses, published)
            if cand is not None and cand.data.get("value"):
                if name == "weekday":
                    mod = (m["mod"] or "").lower()
                    strength = 3 if mod in _WEEKDAY_MODS or m["wk"] or m["post"] else 2 if mod == "since" else \
                        tenses.evidence(cand.start, cand.end, doc.sent_of(cand.start))[1]
                    weekdays.append((cand, timex.WEEKDAYS[m["wd"].lower()], strength))
                elif name in _EXPLICIT_DAY:
                    explicit.append(cand)
                elif name == "dom":
                    doms.append(cand)
            if name in _DEICTIC and cand is not None and cand.data.get("value" if cand.data["precision"] == "day" else "range"):
                relative.append((cand, name, m))
            if name == "previous" and cand is not None:
                previous.append(cand)
            if name in ("following", "same_day", "offset") and cand is not None:
                following.append((cand, 0 if name == "same_day" else _offset_days(m) if name == "offset" else 1))
        if len(weekdays) > 1:
            _same_weekday(weekdays)
        if doms and explicit and published:
            _same_day_of_month(doms, explicit, published)
        if relative:
            self._spoken(doc, relative, tenses, published)
        for cand in previous:
            self._day_before(doc, cand)
        for cand, shift in sorted(following, key=lambda f: f[0].start):  # in text order: each may count from the last
            self._day_after(doc, cand, shift)
        return doc

    def _spoken(self, doc: IngestDoc, relative: list[tuple[Candidate, str, re.Match[str]]], tenses: Tenses,
                published: dt.date | None) -> None:
        """'"What happened today was a crime," Putin said on Tuesday': a relative date inside quotation marks is
        of the day the words were spoken, when the sentence gives that day at its reporting verb."""
        text = doc.norm
        quotes = _quote_spans(text)
        if not quotes:
            return
        inside = [(c, name, m, q) for c, name, m in relative for q in quotes if q[0] <= c.start and c.end <= q[1]]
        if not inside:
            return
        evening = _evening_before(doc, published)
        outside = [c for c in doc.candidates if c.kind == "date" and c.data.get("precision") == "day"
                   and (c.data.get("value") or _few_days(c)) and not any(a <= c.start < b for a, b in quotes)]
        for cand, name, m, (qs, qe) in inside:
            first = doc.sent_of(qs - 1)[0]
            if first >= qs - 2 and first > 0 and _BY_PRONOUN.match(text, qe):
                # a quote opening its sentence, said by 'he': the sentence before may say when it was said
                # ('Santos had warned on Tuesday that he would not be rushed. "We will not sign ...," he said.')
                first = doc.sent_of(first - 1)[0]
            days = _speech_day(text, qs, qe, (first, doc.sent_of(qe)[1]), outside) or evening
            if days is None or days == (published,):
                continue
            tense = tenses.near(cand.start, cand.end, doc.sent_of(cand.start)) if _tensed(name, m) else "neutral"
            try:
                values = {self.rules[name](m, day, tense) for day in days}
            except ValueError:
                continue
            if len(values) == 1 and (value := values.pop()) is not None:  # a span's days agreeing ('this week')
                cand.data.update(as_output(value, week=_is_week(name, m)))

    @staticmethod
    def _day_after(doc: IngestDoc, cand, shift: int) -> None:
        """'They met on 11 February and agreed the following day' (shift 1), 'later that day' (0): the day after
        (or of) the last day given in its sentence or the one before; with none, no date (an offset from an event:
        'the day after the vote')."""
        s0 = doc.sent_of(doc.sent_of(cand.start)[0] - 2)[0] if doc.sent_of(cand.start)[0] > 1 else 0
        days = [c for c in doc.candidates if c.kind == "date" and s0 <= c.start < cand.start and c is not cand
                and c.data.get("precision") == "day" and c.data.get("value")]
        if not days:
            doc.candidates.remove(cand)
            return
        day = dt.date.fromisoformat(max(days, key=lambda c: c.start).data["value"]) + dt.timedelta(days=shift)
        cand.data.update(as_output(timex.day(day)))

    @staticmethod
    def _day_before(doc: IngestDoc, cand) -> None:
        """'On Tuesday he said the talks had collapsed the previous evening': the day before a day the sentence
        gives earlier; without one, the day before publication (what _previous gave)."""
        s0 = doc.sent_of(cand.start)[0]
        days = [c for c in doc.candidates if c.kind == "date" and s0 <= c.start < cand.start
                and c.data.get("precision") == "day" and c.data.get("value")]
        if days:
            day = dt.date.fromisoformat(max(days, key=lambda c: c.start).data["value"]) - dt.timedelta(days=1)
            cand.data.update(as_output(timex.day(day)))

    def _emit(self, doc: IngestDoc, name: str, m: re.Match[str], tenses: Tenses,
              published: dt.date | None) -> Candidate | None:
        start, end = m.span("d2" if m.re is _MDD_RANGE else "d1") if name == "other_day" else m.span()
        if name == "weekday" and (m.group("mod") or "").lower() in ("on", "by", "until", "till", "through", "from", "since"):
            start = m.start("wd")
        if name == "wd_range":
            start = m.start("wd1")  # without 'between' or 'from'
        if name == "weekend":
            start = m.start("we")
        if name == "last_one":
            start = m.start("lo")
        if name == "coming" or (name == "ago" and not (m["n"] or m["couple"])):
            # a time the text gives that no day fixes: unresolved, with the unit's precision
            unit = (m["span"] or m["span2"]) if name == "coming" else m["ago_unit"] or "day"
            doc.add("date", start, end, 0.6, value=None, range=None,
                    precision={"day": "day", "week": "week", "fortnight": "week", "month": "month"}.get(
                        unit.rstrip("s"), "year"), fuzzy=None)
            return None
        tense = tenses.near(start, end, doc.sent_of(start)) if _tensed(name, m) else "neutral"
        try:
            value = self.rules[name](m, published, tense)
        except _NeedsPublished:
            doc.add("date", start, end, 0.5, value=None, range=None, precision=None, fuzzy=None)
            doc.warnings.append(f"date {doc.text[start:end]!r} at {start} left unresolved: no publication date")
            return None
        except ValueError:
            return None  # "31 February": not a date
        if value is None:
            return None
        return doc.add("date", start, end, 0.9 if name in ("iso", "dmy", "mdy", "my") and m.groupdict().get("y") else 0.8,
                **as_output(value, week=_is_week(name, m)))

    # each rule: the match, the publication date, the tense -> a FuzzyDate (None: not a date after all)

    @staticmethod
    def _year_of(m: re.Match[str], published: dt.date | None, mon: int, dom: int | None) -> int:
        """The match's year, or the nearest to the publication date (the tense is not consulted: neutral)."""
        if m.groupdict().get("y"):
            return int(m.group("y"))
        if published is None:
            raise _NeedsPublished
        rel = m.groupdict().get("rel")
        if rel == "that":
            return _that_year(m) or timex.year_for(published, mon, dom, "neutral")
        if rel:
            return published.year + _SHIFT[rel]
        return timex.year_for(published, mon, dom, "neutral")

    def _iso(self, m, published, tense):
        return timex.day(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))

    def _dmy(self, m, published, tense):
        mon, dom = _mon(m["m"]), _dom(m["d"])
        if not m["y"]:
            # 'signed on 15 May and 20 June 2015': the year the next day gives is both days' (the year before when
            # the first day falls later in the year: '28 December and 3 January 2016')
            shared = _SHARED_YEAR.match(m.string, m.end())
            if shared:
                later = (_mon(shared["m"] or shared["m2"]), _dom(shared["d"] or shared["d2"]))
                return timex.day(dt.date(int(shared["y"]) - ((mon, dom) > later), mon, dom))
        return timex.day(dt.date(self._year_of(m, published, mon, dom), mon, dom))

    def _other_day(self, m, published, tense):
        """The day of 'January 11 and 18' (or '9 and 14 December') that is written without its month."""
        mon, dom = _mon(m["m"]), _dom(m["d2"] if m.re is _MDD_RANGE else m["d1"])
        return timex.day(dt.date(self._year_of(m, published, mon, _dom(m["d1"])), mon, dom))

    def _wd_paren(self, m, published, tense):
        mon, dom = _mon(m["m"] or m["m2"]), _dom(m["d"] or m["d2"])
        return timex.day(dt.date(self._year_of(m, published, mon, dom), mon, dom))

    def _dd_range(self, m, published, tense):
        mon, d1, d2 = _mon(m["m"]), _dom(m["d1"]), _dom(m["d2"])
        if d2 <= d1:
            return None
        y = self._year_of(m, published, mon, d1)
        return timex.span(dt.date(y, mon, d1), dt.date(y, mon, d2))

    def _dm_range(self, m, published, tense):
        m1, m2, d1, d2 = _mon(m["m1"]), _mon(m["m2"]), _dom(m["d1"]), _dom(m["d2"])
        if m["y1"] and not m["y"]:  # 'from 5 March 2014 to 2 April': the second day in the first's year (or the next)
            y1 = int(m["y1"])
            y2 = y1 if (m1, d1) <= (m2, d2) else y1 + 1
            return timex.span(dt.date(y1, m1, d1), dt.date(y2, m2, d2))
        y2 = self._year_of(m, published, m2, d2)
        y1 = int(m["y1"]) if m["y1"] else y2 if (m1, d1) <= (m2, d2) else y2 - 1
        return timex.span(dt.date(y1, m1, d1), dt.date(y2, m2, d2))

    def _part(self, m, published, tense):
        mon = _mon(m["m"])
        part = _PARTS[m["part"].lower().split()[-2] if " of" in m["part"] else m["part"].lower()]
        return timex.month(self._year_of(m, published, mon, None), mon, part)

    def _my(self, m, published, tense):
        return timex.month(int(m["y"]), _mon(m["m"]))

    def _month(self, m, published, tense):
        mon = _mon(m["m"])
        if published is None:
            raise _NeedsPublished
        mod = (m.groupdict().get("mod") or "").lower() or None
        if mod == "this":  # 'school places for this September' (said in February): that month of the publication's
            # year, before it or after
            return timex.month(published.year, mon)
        if mod in ("last", "this past"):
            tense = "past"
        elif mod in ("next", "this coming"):
            tense = "future"
        if not mod and re.search(r"\b[Ss]ince\s+$", m.string[max(0, m.start() - 7):m.start()]):
            mod, tense = "since", "past"
        elif not mod and _DOCUMENT_OF.search(m.string, max(0, m.start() - 30), m.start()):
            tense = "past"  # 'the resolution of December must be implemented': a text already written
        rel = m.groupdict().get("rel")
        if rel == "that" and (that := _that_year(m)):
            return timex.month(that, mon)
        if rel and rel != "that":
            return timex.month(published.year + _SHIFT[rel], mon)
        if not mod and m.string[max(0, m.start() - 4):m.start()] in ("the ", "The ") and (
                tense != "past" or _STILL.match(m.string, m.end())):
            # 'the August deal', 'the March deadline': the nearest such month; told in the past, the last one
            # ('The August deal collapsed'), unless the state goes on ('the March deadline was still within reach')
            tense = "neutral"
        if tense == "past" and not mod and _PLAN_TO.search(m.string, max(0, m.start() - 60), m.start()):
            tense = "neutral"  # a plan told in the past ('agreed to intensify their meetings in June'): the nearest
        y = timex.year_for(published, mon, None, tense)
        if mod in ("last", "this past") and (y, mon) == (published.year, published.month):
            y -= 1
        if mod in ("next", "this coming") and (y, mon) == (published.year, published.month):
            y += 1
        return timex.month(y, mon)

    def _weekday(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        wd = timex.WEEKDAYS[m["wd"].lower()]
        if m["wk"]:  # 'Tuesday of last week': that week's day
            return timex.day(timex.relative_unit(published, m["wk"], "week").start + dt.timedelta(days=wd))
        mod = m["post"] or (m["mod"] or "").lower() or None
        mod = {"this past": "last", "this coming": "next"}.get(mod, mod)
        if mod == "since":
            tense = "past"
        elif mod in ("by", "until", "till", "through") and tense == "neutral":
            tense = "future"  # a limit: 'he is in Washington through Thursday'
        return timex.day(timex.weekday(published, wd, mod, tense))

    def _wd_range(self, m, published, tense):
        """Two weekdays as a span: in the week named after them, else the nearest such days (past by default)."""
        if published is None:
            raise _NeedsPublished
        d1, d2 = timex.WEEKDAYS[m["wd1"].lower()], timex.WEEKDAYS[m["wd2"].lower()]
        days = (d2 - d1) % 7  # 'between Saturday and Monday' runs over a week's end
        if days == 0 or (d2 < d1 and m["wk"]):
            return None
        if m["wk"]:
            week = timex.relative_unit(published, m["wk"], "week").start
            return timex.span(week + dt.timedelta(days=d1), week + dt.timedelta(days=d2))
        if tense == "future":
            first = timex.weekday(published, d1, None, "future")
            return timex.span(first, first + dt.timedelta(days=days))
        last = timex.weekday(published, d2, None, "past")
        return timex.span(last - dt.timedelta(days=days), last)

    def _dom(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        if m["relm"]:  # 'the 27th of last month'
            first = timex.relative_unit(published, m["relm"], "month").start
            try:
                d = first.replace(day=int(m["d"]))
            except ValueError:
                return None
        else:
            d = timex.day_of_month(published, int(m["d"]), tense)
        if d and m["d2"]:
            last = int(m["d2"])
            between = _BETWEEN_THE.search(m.string, max(0, m.start() - 14), m.start())
            if last <= d.day or (m["join"] == "and" and last != d.day + 1 and not between):
                return timex.day(d)  # 'the 11th and 14th': two days, not a span; the first at least
            try:
                return timex.span(d, d.replace(day=last))
            except ValueError:
                return None
        return timex.day(d) if d else None

    def _deictic(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        word = m["deictic"].lower()  # 'this morning': today
        shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
        return timex.day(published + dt.timedelta(days=shift))

    def _unit(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        mod = m["mod"].lower().split()[-1]  # 'early next week': the week; 'this past weekend': the last one
        if m["unit"] == "weekend" and mod == "this" and tense == "future" and published.weekday() == 0:
            mod = "next"  # on a Monday 'this weekend' is the one just past, unless the clause looks ahead
        return timex.relative_unit(published, {"past": "last", "coming": "next"}.get(mod, mod), m["unit"])

    def _ago(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        n = 2 if m["couple"] else _count(m["n"])
        if m["ago_wd"]:  # 'two Fridays ago': the second Friday counted back from the last one before publication
            wd = timex.WEEKDAYS[m["ago_wd"].lower()]
            last = published - dt.timedelta(days=(published.weekday() - wd - 1) % 7 + 1)
            return timex.day(last - dt.timedelta(weeks=n - 1))
        unit = m["ago_unit"]  # 'two months ago' is a month, 'a week ago' a week: no finer than the words
        if unit == "fortnight":  # two weeks
            n, unit = 2 * n, "week"
        if m["today"]:  # 'one year ago today': the day as many units back (the month's last day where it has fewer)
            return timex.day(_units_back(published, n, unit))
        if unit == "week":
            d = published - dt.timedelta(weeks=n)
            return timex.span(d - dt.timedelta(days=d.weekday()), d + dt.timedelta(days=6 - d.weekday()))
        if unit == "month":
            d = add_months(published.replace(day=1), -n)
            return timex.month(d.year, d.month)
        return timex.year(published.year - n) if unit == "year" else timex.day(published - dt.timedelta(days=n))

    def _part_week(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        return timex.relative_unit(published, {"the": "this", None: "this"}.get(m["mod"], m["mod"]), "week")

    def _part_unit(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        part = _PARTS[m["part"].lower().split()[-2] if " of" in m["part"] else m["part"].lower()]
        month = timex.relative_unit(published, {"the": "this"}.get(m["mod"], m["mod"]), "month")
        return timex.month(month.start.year, month.start.month, part)

    def _end_year(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        if m["part"].lower() == "end":
            return timex.month(published.year + _SHIFT.get(m["mod"], 0), 12, "late")
        return timex.month(published.year + _SHIFT.get(m["mod"], 0), 1, "early")

    def _holiday(self, m, published, tense):
        if m["holiday"].startswith("Easter"):  # a moving feast: the nearest to publication
            if published is None:
                raise _NeedsPublished
            days = min((timex.easter(y) for y in (published.year - 1, published.year, published.year + 1)),
                       key=lambda d: abs((d - published).days))
            return timex.day(days + dt.timedelta(days=1 if m["holiday"].endswith("Monday") else 0))
        mon, dom = {"new year's eve": (12, 31), "new year's day": (1, 1), "new year": (1, 1), "christmas eve": (12, 24)}.get(
            m["holiday"].lower(), (12, 25))
        if published is None:
            raise _NeedsPublished
        return timex.day(dt.date(timex.year_for(published, mon, dom, "neutral"), mon, dom))

    @staticmethod
    def _numeric(m, published, tense):
        """Day/month/year, as statements outside the US write it; month/day/year where the second number
        cannot be a month ('2/25/2016'), or, with slashes, where that reading is the nearer to the publication
        date ('3/1/2016' heading a White House release of 1 March). Two digits of a year are this century's;
        with dots they come after two digits of day and month ('16.02.16'), as no count or version is written."""
        d, mon, y = int(m["d"]), int(m["m"] or m["m_"] or m["m__"]), int(m["y"])
        if y < 100:
            if m["sp"] or " " in m.group():
                return None  # '24. 06. 16': spaced dots only before a year in full ('24. 06. 2016.')
            if not m["sep"] and (len(m["d"]) != 2 or len(m["m_"] or "") != 2):
                return None
            y += 2000
        if mon > 12 >= d:
            return timex.day(dt.date(y, d, mon))
        day = dt.date(y, mon, d)
        if m["sep"] and published is not None and d <= 12 and d != mon:
            us = dt.date(y, d, mon)
            if abs((us - published).days) < abs((day - published).days):
                day = us
        return timex.day(day)

    def _week_of(self, m, published, tense):
        mon, dom = _mon(m["m1"] or m["m2"]), _dom(m["d1"] or m["d2"])
        day = dt.date(self._year_of(m, published, mon, dom), mon, dom)
        monday = day - dt.timedelta(days=day.weekday())
        return timex.span(monday, monday + dt.timedelta(days=6))

    def _hijri(self, m, published, tense):
        """The tabular (arithmetic) Islamic calendar's day, which the Umm al-Qura calendar may differ from by a day
        or two; a Gregorian day given beside it on its line, within two days, is taken as the same day."""
        name = " ".join((m["hm1"] or m["hm2"]).split())
        month = next(i for i, rx in enumerate(_HIJRI_RX, 1) if rx.match(name))
        y, d = int(m["hy"]), _dom(m["hd1"] or m["hd2"])
        if d > 30:
            return None
        day = dt.date.fromordinal(d + math.ceil(29.5 * (month - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439 - 1721425)
        line_end = m.string.find("\n", m.end())
        beside = _GREGORIAN.search(m.string, m.end(), m.end() + 40 if line_end < 0 else min(line_end, m.end() + 40))
        if beside:
            try:
                given = dt.date(int(beside["y"] or beside["y_"]), _mon(beside["m"] or beside["m_"]),
                                int(beside["d"] or beside["d_"]))
            except ValueError:
                given = None
            if given and abs((given - day).days) <= 2:
                day = given
        return timex.day(day)

    def _overnight(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        return timex.span(published - dt.timedelta(days=1), published)

    def _last_night(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        return timex.day(published - dt.timedelta(days=1))

    def _weekend(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        if published.weekday() >= 5:  # on a Saturday or a Sunday: this one
            saturday = published - dt.timedelta(days=published.weekday() - 5)
            return timex.span(saturday, saturday + dt.timedelta(days=1))
        prep = m["prep"].lower()
        if prep == "since":
            tense = "past"
        elif prep in ("by", "beyond") and tense == "neutral":  # a deadline: 'a deal by the weekend looks unlikely'
            tense = "future"
        return timex.relative_unit(published, "this" if tense == "future" else "last", "weekend")

    def _following(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        return timex.day(published)  # a placeholder: _day_after gives the day or drops the date

    def _previous(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        return timex.day(published - dt.timedelta(days=1))

    def _week_of_month(self, m, published, tense):
        mon = _mon(m["m"])
        return timex.month(self._year_of(m, published, mon, None), mon, "early" if m["nth"] == "first" else "late")

    def _last_one(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        return timex.relative_unit(published, "last", m["unit"])

    def _unit2(self, m, published, tense):
        if published is None:
            raise _NeedsPublished
        rel = " ".join((m["rel"] or "after next").split())
        return timex.relative_unit(published, rel, m["unit"])

    def _saka(self, m, published, tense):
        return timex.day(timex.saka_to_gregorian(int(m["sy"]), timex.SAKA_MONTHS[(m["sm"] or m["sm2"]).lower()],
                                                 _dom(m["sd"] or m["sd2"])))

    def _year(self, m, published, tense):
        return timex.year(int(m["y"]))


class _NeedsPublished(Exception):
    """The expression is relative and the document has no publication date."""
