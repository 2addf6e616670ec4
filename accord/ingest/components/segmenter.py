"""Tokens (spaCy's tokenizer), sentences, and the dateline, whose place names are not actors."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo

from accord.ingest import timex
from accord.ingest.document import IngestDoc
from accord.ingest.registry import Context, component
from accord.ingest.words import search_at_line_starts

# Words whose final period does not end a sentence (nor the words naming a speaker after a cue: quotes.py).
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "prof", "st", "jr",
    "sr", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "mt", "ft", "rev", "adm", "cmdr", "brig", "pres", "approx",
    # styles before a name in other house styles and languages ('Hon. Jane Roe', 'Sra. Vargas', 'H.E. Mr', 'SEC. ROE')
    "hon", "rt", "sra", "srta", "mme", "mlle", "amb", "h.e", "sec", "secy", "atty", "messrs",
}
# a stop (and closing marks) before a capital or a digit, or a line break; written to open with one character
# class, which the engine skips to (an alternation of a class and a newline it tried at every character)
_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|(?<=\n))")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
# "VIENNA -", "BEIRUT, Lebanon (Reuters) -", "GENEVA, Jan. 29 (AP) -": the place and the outlet.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z.'/\- ]{2,30}?)(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?|\d{1,2}/\d{1,2}/\d{4}))?"
    r"\s*(?:\((?P<outlet>[A-Za-z .&-]{1,40})\)\.?)?\s*(?:[-:]{1,2}\s|(?=\s{2})|(?=\s*\n))"
    # the news agencies' form: "MOSCOW, February 29. /TASS/."
    r"|\s*(?P<aplace>[A-Z][A-Z.'/\- ]{2,30}),\s*(?P<adate>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\.\s*"
    r"/(?P<aoutlet>[A-Za-z .&-]{1,40})/\.?\s"
)


_MONTH = timex.MONTH_WORD
_DATE_PART = re.compile(rf"(?:\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}(?:\s+\d{{1,2}})?(?:\s+\d{{4}})?|\d{{4}}|"
                        r"\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)")
# the clock time and zone a broadcaster's or a ministry's time line puts after its day ('February 22, 2016 at 6:35 PM EST',
# '22 February 2016, 18:35 GMT', 'February 22, 2016 | 6:35 PM ET')
_CLOCK_AFTER = r"(?:[ \t]*[,|–-]?[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+(?:(?P<zone>[A-Z]{2,5})|local(?:[ \t]+time)?))?)?"
# a stamp's word before the day, with a colon or 'on' and a weekday ('Updated: ', 'PUBLISHED : Tuesday, ',
# 'First published on Tue ')
_STAMP = (r"[^\n]{0,20}?\b(?:[Pp]ublished|[Pp]osted|[Uu]pdated|PUBLISHED|POSTED|UPDATED)[ \t]*(?::|[ \t]on\b)?[ \t]*"
          r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?")
_FULL_DATE = re.compile(rf"(?m)^(?:{_STAMP}|[^\n]{{0,40}},\s*)?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})|"
                        rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})){_CLOCK_AFTER}[ \t]*$")


def _header_date(norm: str) -> dt.date | None:
    """The full date on a line of its own (or after a place) in a document's first lines."""
    return _date_of(search_at_line_starts(_FULL_DATE, norm, 0, 300))


def _date_of(m: re.Match[str] | None) -> dt.date | None:
    if m is None:
        return None
    mon, day, year = (m["m1"], m["d1"], m["y1"]) if m["m1"] else (m["m2"], m["d2"], m["y2"])
    try:
        return dt.date(int(year), timex.MONTHS[mon[:3].lower()], int(day))
    except ValueError:
        return None


_DATELINE_DAY = re.compile(rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))(?:,?\s+\d{{4}})?|"
                           r"(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4})")


def _utc_day(at: dt.datetime) -> dt.date:
    return at.astimezone(dt.timezone.utc).date() if at.tzinfo else at.date()


def _dateline_day(text: str, at: dt.datetime) -> dt.date | None:
    """The day a dateline gives ('Feb 26', '26 February', '2/26/2016'), when it is the UTC day of the moment
    ``at`` or the day before or after it (the day somewhere on Earth at that moment); else None."""
    m = _DATELINE_DAY.fullmatch(text.strip())
    if m is None:
        return None
    utc = _utc_day(at)
    try:
        if m["m3"]:
            options = [dt.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))]
        else:
            mon = timex.MONTHS[(m["m1"] or m["m2"])[:3].lower()]
            day = int(m["d1"] or m["d2"])
            options = [dt.date(y, mon, day) for y in (utc.year - 1, utc.year, utc.year + 1)
                       if day <= calendar.monthrange(y, mon)[1]]
    except ValueError:
        return None
    return next((d for d in options if abs((d - utc).days) <= 1), None)


_PLACE_PART = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+(?:(?:of|des|de|du|la|the|and)\s+)?[A-Z][\w.'-]*){0,4}")
_LINE = re.compile(r"[^\n]+")


def place_lines(norm: str, known: set[str], titles: set[str], people: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The places of a header line made only of places and dates, comma-separated, one of them a place
    the dictionary knows ('Washington, DC', '11 February 2016, The Kremlin, Moscow', 'Palais des Nations,
    Geneva'): where a text was given, not who acts in it. Not a byline ('John Kirby, Department
    Spokesperson': a title among the words)."""
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(norm):
        text = line.group()
        if "," not in text or len(text) > 90 or text.rstrip().endswith((".", ":", "?", "!")):
            continue
        parts, pos, places, ok = text.split(","), line.start(), [], True
        for part in parts:
            lead = len(part) - len(part.lstrip())
            body = part.strip()
            if not body:
                ok = False
                break
            if body in people:  # a briefing's header: 'Maria Zakharova, Moscow, February 18, 2016'
                pos += len(part) + 1
                continue
            if not _DATE_PART.fullmatch(body):
                if not _PLACE_PART.fullmatch(body):
                    ok = False
                    break
                places.append((pos + lead, pos + lead + len(body)))
            pos += len(part) + 1
        words = {w.lower() for a, b in places for w in norm[a:b].split()}
        if ok and places and any(norm[a:b] in known for a, b in places) and not words & titles:
            out += places
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group() != "\n":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
            if w and (w.group(1).lower() in ABBREVIATIONS or len(w.group(1)) == 1):
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
        self.clock_zones = ctx.lexicon.clock_zones
        self.timezones_title = {k.title() for k in self.timezones}
        lex = ctx.lexicon
        self.known_places = set(lex.places) | self.timezones_title | {
            e.capital for e in lex.entries.values() if e.capital} | {
            e.name for e in lex.entries.values() if e.kind == "state"}
        self.title_words = {w for t in lex.titles for w in t.title.lower().split()} | {"spokesperson"}
        self.people = frozenset(n for e in lex.entries.values() if e.kind == "person" for n in (e.name, *e.aliases))

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        doc.tokens = self.tokenizer(doc.norm)
        doc.set_sents(split_sentences(doc.norm))
        header = place_lines(doc.norm, self.known_places, self.title_words, self.people)
        doc.places += header
        # a headline line (no final stop) is its own sentence already; only the first body paragraph has a dateline
        # (after a headline, a byline and 'Published' / 'Updated' stamps, the sixth line: there only a full one in
        # capitals, its country or day and a dash, 'MANILA, Philippines - ', not any line in capitals)
        for i, (s, e) in enumerate(doc.sents[:6]):
            m = _DATELINE.match(doc.norm, s)
            if i >= 3 and not (m and m.group("place") and m.group("place").isupper()
                               and (m.group("region") or m.group("date")) and m.group(0).rstrip()[-1:] == "-"):
                continue
            if m and m.group("aplace"):
                doc.places += [m.span("aplace"), m.span("aoutlet")]
                self._local_day(doc, m.group("aplace"), dateline=m.group("adate"))
                break
            # 'SECRETARY KERRY: Thank you': a transcript's label in capitals before a colon, unless a known place
            label = m is not None and m.group(0).rstrip().endswith(":") and \
                m.group("place").strip().title() not in self.known_places
            # a place in small letters too when a day and an outlet follow it ('Caracas, 30 March 2016 (XYZ).-')
            if m and not label and (m.group("place").isupper() or m.group("place") in self.timezones_title
                                    or (m.group("date") and m.group("outlet"))):
                doc.places.append(m.span("place"))
                self._local_day(doc, m.group("place"), m.group("region"), m.group("date"))
                if m.group("region"):
                    doc.places.append(m.span("region"))
                if m.group("outlet"):
                    doc.places.append(m.span("outlet"))
                break
        else:
            # no dateline: a statement's header line ('New York City', 'Munich, Germany') tells where it was given
            for line in _LINE.finditer(doc.norm, 0, min(len(doc.norm), 300)):
                place = next((doc.norm[a:b] for a, b in header if line.start() <= a < line.end()), line.group().strip())
                if place.upper() in self.timezones or place.upper().removesuffix(" CITY") in self.timezones:
                    self._local_day(doc, place.upper().removesuffix(" CITY"))
                    break
            else:
                # nor a place: a date on a line of its own ('SC/12261\n26 February 2016') is the document's day, when
                # it is the publication moment's day somewhere (the UN's evening in New York is past midnight UTC)
                # (its clock's zone named, the day there: 'Updated: February 23, 2016 10:00 AM EST' put out at
                # 23:00 UTC on the 22nd is an update of the next morning, not the day of publication)
                at, m = doc.article.published_at, search_at_line_starts(_FULL_DATE, doc.norm, 0, 300)
                dated = _date_of(m)
                if at is not None and dated is not None and abs((dated - _utc_day(at)).days) <= 1 \
                        and self._day_in_zone(at, m["zone"]) in (None, dated):
                    doc.published = dated
        return doc

    def _day_in_zone(self, at: dt.datetime, name: str | None) -> dt.date | None:
        """The day of the moment ``at`` in the zone a stamp names ('EST', 'ET'); None when none is named or known."""
        zone = self.clock_zones.get(name) if name and at.tzinfo is not None else None
        if zone is None:
            return None
        tz = zoneinfo.ZoneInfo(zone) if isinstance(zone, str) else dt.timezone(dt.timedelta(hours=zone))
        try:
            return at.astimezone(tz).date()
        except OverflowError:  # (the first or last moment of the calendar)
            return None

    def _local_day(self, doc: IngestDoc, place: str, region: str | None = None, dateline: str | None = None) -> None:
        """The publication day where the story was filed (the first place of "ANKARA/MOSCOW", else the country
        after it: "ALEPPO, Syria"); a day the dateline gives ("ALEPPO, Syria, Feb 26") is that day, when it is
        the publication moment's day in some zone (the day before or after the UTC day)."""
        at = doc.article.published_at
        zone = self.timezones.get(place.split("/")[0].strip().upper()) or \
            (self.timezones.get(region.strip().upper()) if region else None)
        day = _dateline_day(dateline, at) if dateline and at is not None else None
        if day is not None:
            doc.published = day
            return
        if at is not None and zone and at.tzinfo is not None:
            try:
                local = at.astimezone(zoneinfo.ZoneInfo(zone)).date()
            except OverflowError:  # the last moment of year 9999 east of here: keep the UTC day
                return
            # a statement dated in its header ('Munich, February 11, 2016') and put out just after midnight: its
            # 'today' and 'tomorrow' are of the day it bears, when that is one of the two
            dated = _header_date(doc.norm)
            doc.published = dated if dated in (local, at.astimezone(dt.timezone.utc).date()) else local
