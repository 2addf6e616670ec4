"""People the dictionary does not know, given a proposed id so that the document can speak of them.

A full name (two words or more, initials counting) the dictionary lacks is a person's when the text says so: a
title or an honorific stands before it ('Foreign Minister Sameh Shoukry', 'spokesperson, Vikas Swarup'), a
reporting verb next to it ('Margot Wallström said', 'according to Jane Roe'), an office in apposition after it
('Jane Roe, the ministry's spokeswoman,'), a speaker's colon after it opening a paragraph, or an honorific before
its surname elsewhere in the document ('Ms Wallström'). It becomes a mention of ``person_id(name)`` (the id the
world dictionary and the case bundles would give the person: the slug, without initials where two words remain), and so does each later use of the surname alone
('Wallström said', 'Mr Swarup', 'Minister Shoukry'): transcripts, quotes and events then read that person as
they read one the dictionary knows. The ids are recorded in ``doc.proposed`` and the output marks every field
holding one (``proposed``), so that a reviewer sees the person is new.

Nothing is minted for a single word with no full name in the document, nor for runs of capitals that name a
body, a place, a document or a state.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable

from accord.ingest.components.actors import _DEFINED_WORDS, _HEADS_NAME, HONORIFICS, PLACE_WORDS, START, skeleton
from accord.ingest.components.unknown_actors import _KIND_WORDS, _SKIP, guess_kind, world_words
from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.slug import slug
from accord.ingest.world import Lexicon
from accord.ingest.timex import MONTHS, WEEKDAYS

# a capitalised word of a name (Latin letters with their accents; "O'Brien", 'Hennis-Plasschaert'), or initials;
# Latin Extended-A/B ('\u0160tefan', '\u0141ukasz') holds lowercase letters too: a run with one is refused in _name
_CAPITAL = r"[A-Z\u00c0-\u00de\u0100-\u024f]"
_LETTER = r"[\w'\u00c0-\u024f]"
# (the letters' runs possessive: no letter can follow a run, so giving letters back never made a match, and the
# engine's trying the rest of the pattern after each letter given back was a third of the run's scan)
_REST = rf"(?:\.(?:[A-Z]\.){{0,2}}|{_LETTER}*+(?:-{_LETTER}++)*)"  # initials first: 'V.K.' is no 'V'
_WORD = rf"(?:{_CAPITAL}{_REST})"
# the small words inside a name ('Abdel Fattah el-Sisi', 'Humberto de la Calle', 'Bert van der Berg')
_PARTICLE = r"(?:al|el|bin|ibn|binti|bint|de|da|di|del|della|der|den|van|von|la|le|du|dos|das|ould|abu|ter)"
# two name words or more; opening with one character class, the boundary checked after it (the engine skips to the
# next capital: twice as fast as opening with the lookbehind)
_RUN = re.compile(rf"{_CAPITAL}(?<![\w'.-].){_REST}(?:(?: |-)(?:{_PARTICLE}(?: |-))*{_WORD})+")
# a surname after an honorific or an office anywhere in the document ('Ms Wallström', 'Minister Shoukry')
# (each word's capital first, the word boundary looked back at after it: the engine skips to those capitals)
_HONOURED = re.compile(r"(?:M(?<!\w.)(?:r|rs|s|inister)|D(?<!\w.)r|P(?<!\w.)(?:rof|resident)|S(?<!\w.)(?:ir|hri|en|enator)|"
                       r"A(?<!\w.)mbassador)\.? "
                       rf"({_CAPITAL}[\w'\u00c0-\u024f-]*)")
_PARTICLES = set(_PARTICLE[3:-1].split("|"))
_PARTICLE_OPENING = re.compile(rf"{_PARTICLE}[ -]")  # 'al-Hashimi', 'de la Cruz'
# an office of a body, the body's name following ('Adviser on the Peace Process Jane Roe')
_OFFICE_OF = re.compile(r"\b([A-Z][\w-]+) (?:of|on|for|to)( the)? $")
# the words of offices, ranks and styles a name may follow but is not made of
ROLES = {
    "minister", "ministers", "secretary", "president", "vice", "prime", "chancellor", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "spokespersons", "chairman", "chairwoman", "chairperson", "chair",
    "chairperson-in-office", "representative", "commissioner", "director", "director-general", "secretary-general",
    "under-secretary-general", "general", "deputy", "foreign", "king", "queen", "prince", "princess", "emir", "sheikh",
    "leader", "head", "chief", "senator", "sen", "rep", "mp", "mep", "governor", "mayor", "colonel", "col", "lt",
    "lieutenant", "major", "maj", "capt", "captain", "brigadier", "brig", "admiral", "adm", "marshal", "commander",
    "negotiator", "adviser", "advisor", "coordinator", "co-ordinator", "mediator", "delegate", "official", "councillor",
    "councilor", "federal", "state", "senior", "high", "special", "permanent", "acting", "former", "first", "second",
    "assistant", "associate", "under", "external", "affairs", "interior", "defence", "defense", "justice", "finance",
    "development", "trade", "cooperation", "humanitarian", "relief", "rapporteur", "judge", "prosecutor", "professor",
    "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "baroness", "baron", "shri", "smt", "hon",
    "honourable", "honorable", "excellency", "his", "her", "h.e", "ayatollah",
    # Malay and South Asian styles ('Datuk Seri Kamal Hashim', 'Shri Vikas Swarup'); not 'Sri' nor 'Imam', as often
    # a given name ('Sri Mulyani Indrawati', 'Imam Nahrawi'), nor 'Tengku', as often a patronymic's word ('Abdul Ghafar
    # Tengku Mohamed'): titles.yaml's styles, which only open a name
    "datuk", "dato", "datin", "seri", "tun", "shrimati", "janab", "pope", "cardinal", "archbishop",
    "bishop", "patriarch", "reverend", "rev", "father", "member", "speaker", "clerk", "minority", "majority", "whip",
    "analyst", "researcher", "journalist", "correspondent", "editor", "anchor", "host", "presenter", "interviewer",
    "newsreader", "moderator", "founder",
    "activist", "lawyer", "attorney", "economist", "expert", "fellow", "lecturer", "citizen", "resident",
    "consultant", "panel",
    # Burmese and Karen styles before a name ('U Aung Min', 'Daw Aye Aye', 'Saw Mutu Say Poe')
    "u", "daw", "saw", "naw",
    # a person named as the other side's holder of the same office ('his counterpart, Jane Roe')
    "counterpart",
}
# a party's member's words: an epithet ('the Republican said', 'The Social Democrat'), yet a surname in a full name
# ('Mayor John Tory'): no person only after an article or inside the name, not as its last word
_PARTY = {"democrat", "democrats", "republican", "republicans", "tory", "tories", "communist", "communists"}
# what makes a run of capitals a body, a place or a document rather than a person (with the world's words of
# other languages' names of places and groups: name_words.yaml)
_NOT_PEOPLE = {w.lower() for _, words in _KIND_WORDS for w in words} | {
    "international", "network", "crisis", "rights", "society", "news", "press", "times", "post", "journal", "herald",
    "gazette", "tribune", "daily", "weekly", "radio", "tv", "television", "channel", "media", "service", "services",
    "embassy", "mission", "assembly", "parliament", "senate", "congress", "house", "tribunal", "corps", "force",
    "guard", "company", "corporation", "inc", "ltd", "university", "college", "school", "hospital", "airport",
    "airlines", "airways", "republic", "kingdom", "emirates", "federation", "nations", "states", "islands", "province",
    "governorate", "district", "city", "region", "street", "square", "road", "palace", "hotel", "hall", "building",
    "tower", "gate", "valley", "river", "mountains", "sea", "gulf", "desert", "heights", "protocol", "agreement",
    "agreements", "accord", "accords", "declaration", "statement", "resolution", "communique", "charter", "treaty",
    "convention", "conference", "summit", "talks", "process", "plan", "initiative", "roadmap", "act", "law", "report",
    "briefing", "board", "mosque", "cathedral", "museum", "stadium", "prison", "week",
    "day", "year", "group", "cross", "doctors", "borders", "aid", "care", "government", "regime",
    "authority", "authorities", "administration", "cabinet", "presidency", "secretariat", "chamber", "police",
    "ministries", "state",
    "questions", "question", "answers", "session", "debate", "motion", "bill", "order", "orders", "paper", "papers",
    "note", "notes", "update", "transcript", "remarks", "speech", "interview", "podcast", "episode", "minutes",
    "record", "hansard", "verbatim", "east", "west", "north", "south", "middle", "eastern", "western", "northern",
    "southern", "central", "new", "old", "great", "united", "general", "joint", "europe", "european", "africa",
    "african", "asia", "asian", "america", "american", "arab", "islamic", "catholic",
    "orthodox", "kurdish", "democratic", "popular", "national", "socialist", "liberal", "conservative", "labour",
    "begin", "text", "editorial", "sections",
    "green", "greens", "peace", "security", "support", "wire", "staff", "desk", "reporter",
    "reporters", "reporting", "editing", "broadcasting", "movements", "areas", "area", "debates", "release",
    "regarding", "brotherhood", "zone", "zones", "camp", "camps", "town", "village", "crossing", "field", "base",
} | _PARTY
# capitalised words and the small words of a body's name running up to a run of capitals: an office's name before it
_OFFICE_CHAIN = re.compile(r"(?:[A-Z][\w-]*|of|the|for|and|on)(?: (?:[A-Z][\w-]*|of|the|for|and|on))* $")
# offices a name's apposition gives ('Jane Roe, the ministry's spokeswoman')
OFFICES = {
    "minister", "secretary", "president", "chancellor", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chairperson", "chair", "co-chair", "chairperson-in-office",
    "representative", "commissioner", "director", "director-general", "secretary-general", "under-secretary-general",
    "general", "deputy", "king", "queen", "prince", "emir", "leader", "head", "chief", "senator", "mp", "mep",
    "governor", "mayor", "colonel", "commander", "negotiator", "adviser", "advisor", "coordinator", "mediator",
    "delegate", "councillor", "rapporteur", "judge", "prosecutor", "professor", "member", "speaker", "analyst",
    "researcher", "journalist", "correspondent", "editor", "founder", "activist", "lawyer", "economist", "official",
    "premier", "vice-president", "officer", "aide", "counsellor", "counselor", "diplomat", "whip", "consultant",
    "ombudsman", "ombudsperson", "counterpart",
    # a scholar in apposition ('Jane Roe, a Middle East specialist at ... University, said')
    "specialist", "expert", "scholar", "fellow", "lecturer",
}
# a run's words that end a name, not part of it ('Margot Wallström Monday said')
_AFTER_NAME = {w.lower() for w in (*WEEKDAYS, *MONTHS)}
# words that open a sentence or a phrase before a name, never inside one (a people's name may be a surname: 'Muslim')
_OPENERS = {w.lower() for w in _SKIP} - {"western", "arab", "muslim", "islamic", "christian", "sunni", "shia", "shiite",
                                         "alawite", "kurdish", "kurds"} | {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "all", "every", "each", "any",
    "later", "earlier", "afterwards", "thereafter", "subsequently", "separately", "previously", "finally"}
# words that open a sentence after an initial's full stop, never a name's next word
_SENTENCE_OPENERS = _OPENERS | {"first", "next", "last", "on", "at", "in", "by"}
# the generational suffixes a name may end in ('Silvestre Bello III', 'Herminio Coloma Jr.')
_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "JR", "JR.", "SR", "SR.", "II", "III", "IV"}
_REPORTING = (r"said|says|told|tells|added|adds|stated|states|noted|notes|stressed|stresses|warned|warns|explained|"
              r"insisted|insists|wrote|writes|tweeted|argued|argues|declared|urged|urges|asked|asks|replied|replies|"
              r"answered|answers|announced|announces|acknowledged|admitted|confirmed|confirms|denied|denies|"
              r"recalled|emphasised|emphasized|underlined|underscored|reiterated|remarked|observed|commented|"
              r"responded|continued|concluded|cautioned|conceded")
_VERB_AFTER = re.compile(rf"(?:\s*\([^()\n]{{1,40}}\))?(?:,[^,.;:!?()\n\"\u201c\u201d]{{1,50}}(?:\([^()\n]{{1,12}}\))?)?(?:,\s*|\s+)(?:who\s+)?(?:(?:has|had|have|also|later|earlier|then|again)\s+)?(?:{_REPORTING})\b")
# (no 'hosted by', 'represented by': a host is as often a venue or a state, a representative a firm or a body: 'hosted
# by Wilton Park', 'represented by Baker McKenzie')
_VERB_BEFORE = re.compile(r"\b(?:said|says|added|according to|quoted|thanked|interviewed|(?:chaired|led|headed|signed|"
                          r"presented|moderated|introduced|joined|accompanied) by|met|met with|"
                          r"meeting with|spoke with|telephoned)\s+$")
# a profession's noun in small letters after an article, or an article and an adjective, right before the name ('the
# political scientist Jane Roe', 'the historian Jane Roe', 'a Kenyan economist, Jane Roe'): its person's (the nouns
# of professions end so in English far more often than the words before a place's or a body's name)
_OCCUPATION_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-zA-Z-]+\s+)?[a-z]{3,}(?:ist|ian|logist|grapher|nomist),?\s+$")
# a person's age in apposition ('Jane Roe, 34, a teacher')
_AGE = re.compile(r", \d{1,2},")
# an office in apposition after the name, or in a relative clause ('Jane Roe, the ministry's spokeswoman,', 'Jane Roe,
# Minister for ...', 'Jane Roe, who served as the UN's envoy until May'): the clause's first words, up to a stop, a
# bracket or a relative word that opens another clause ('Santa Rosa, a town where the governor lives')
_APPOSITION = re.compile(r",\s+(?:(?:the|a|an|his|her|its|their|our)\s+|who\s+(?:is|was|heads|headed|serves|served|"
                         r"has been|had been|became|acts|acted|leads|led|chairs|chaired)\s+(?:as\s+)?)?"
                         r"(?P<clause>(?:(?!where\b|which\b|whose\b|that\b|when\b|who\b)[\w'\u00c0-\u024f-]+\s*){1,8})")
_WORDS = re.compile(r"[\w-]+")
# an office after a dash after a name, up to the clause's end ('– Presidential Adviser on the Peace Process;')
_DASH_OFFICE = re.compile(r"[ \t]*[\u2013\u2014-][ \t]*([^;,\n]{1,50})")
# a list's name and the body or state the person serves ('the co-chairs – Jane Roe of the UN, Ivo Pak of the OSCE and
# ...'): a list's mark before the name, 'of' and the actor after it, and a list's mark after the actor
_LIST_BEFORE = re.compile(r"(?:[,;:(\u2013\u2014]|\band| -)\s*$")
_OF_THE = re.compile(r" of (?:the )?| ?\((?:the )?")
_STATE_NAME = re.compile(rf"{_CAPITAL}[\w'\u00c0-\u024f-]*(?: {_CAPITAL}[\w'\u00c0-\u024f-]*){{0,3}}")
_LIST_AFTER = re.compile(r"\)?[ \t]*(?:[,;:)\u2013\u2014\n]|and\b| -|$)")
# the words that open a list of places ('clashes in Blue Nile (Sudan), Upper Nile (South Sudan) and ...')
_PLACE_LIST_OPENERS = PLACE_WORDS | {"from", "to", "between", "across", "along"}
# a list's items before a name: capitalised words, their brackets, 'of the' and the list's marks
_LIST_ITEMS_BEFORE = re.compile(r"(?:\([^()\n]*\)|[A-Z][\w'.\u00c0-\u024f-]*|of|the|and|[,\s])*$")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _list_opener(norm: str, start: int) -> tuple[str, str]:
    """The word (lower case) before the first item of the list a name stands in, and the mark between ('in' of 'in Blue
    Nile (Sudan), Upper Nile (South Sudan)'; 'participants' and ':' of 'Participants: ...'); '' where there is none."""
    before = norm[max(0, start - 300):start]
    items = _LIST_ITEMS_BEFORE.search(before)
    word = _LAST_WORD.search(before, 0, items.start()) if items else None
    return (word.group(1).lower(), word.group().strip()[-1:]) if word else ("", "")


# where a clause begins: the name's apposition looks no further back
_CLAUSE = re.compile(r"[.;:!?()\n\"\u201c\u201d,]")
# the first word of the line after a name's own line (a signature's office)
_OFFICE_LINE = re.compile(r"([A-Z][\w-]*)")
_LABELLING = re.compile(r"[ \t]*(?:[(\[][^()\[\]\n]{1,80}[)\]][ \t]*)?:")
_LABEL_AFTER = re.compile(r"\s*(?:\([^()\n]{1,80}\)\s*)?(?:,[^\n:\"]{1,60})?:")
# the words of a label that tells of a speaker without naming one ('UNIDENTIFIED MALE:', 'FEMALE VOICE:', 'CROWD:')
UNNAMED = {"unidentified", "unknown", "unnamed", "male", "female", "man", "woman", "voice", "voices", "crowd",
           "audience", "announcer", "narrator", "interpreter", "translator", "caller", "participant", "participants",
           "speaker", "speakers", "question", "answer", "off", "camera", "protesters", "protester", "reporter"}
# the presiding person's name in brackets in a record's opening line ('the Presiding Officer (Jane Roe) in the Chair',
# 'The Senate President (Dr. Jane Roe) in the Chair.')
_IN_THE_CHAIR = re.compile(r"\)[ \t]+in[ \t]+the[ \t]+[Cc]hair\b")
# a line's opening, a broadcast's clock before a label allowed ('[20:02:40] JANE ROE, ANCHOR:')
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?$")
# the small words of titles ('Minister of Foreign Affairs'), which say nothing of what follows them
_GLUE = {"of", "the", "for", "and", "to", "on", "in", "a", "an", "at", "with"}
_POSSESSIVE = re.compile(r"'s?$")
# the word just after a given name, a space between ('Roe' of 'Jonathan Roe')
_NEXT_WORD = re.compile(rf" ({_CAPITAL}[a-z\u00df-\u00ff][\w'\u00c0-\u024f-]*)")
# the word just before a surname, a space between ('Nikita' of 'Nikita Lavrov')
_PREVIOUS_WORD = re.compile(rf"({_CAPITAL}[\w'\u00c0-\u024f-]*) $")
# where a sentence or a line opens, before a word: the text's start, a line break, a stop or a colon and a space
_OPENING = re.compile(r"(?:^|[\n.!?:\"\u201c]\s?)$")


# an initial, or a run of them ('R.', 'L.P.')
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _bare_initials(words: list[str]) -> int:
    """1 when a name's words are initials without full stops and one word ('S MOKGALAPA', as a Hansard writes a
    member), else 0."""
    return int(len(words) >= 2 and all(len(w) == 1 for w in words[:-1]) and len(words[-1]) > 2)


def person_id(name: str) -> str:
    """The id of a person named so: the slug of the name without its initials when two words or more remain, as the
    world dictionary and the corpus write ids ('Retno L.P. Marsudi' -> 'retno-marsudi', 'A. Jane Roe' -> 'jane-roe');
    a name of initials and one word keeps them ('V. K. Singh' -> 'v-k-singh')."""
    words = [w for w in name.split() if not _INITIALS.fullmatch(w)]
    return slug(" ".join(words) if len(words) >= 2 and words[-1] not in _SUFFIXES or len(words) >= 3 else name)


def _within(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether one of the sorted, non-nested ``spans`` holds the characters from ``start`` to ``end`` (a bisection:
    a list of hundreds of names would make a walk over all of them for each mention quadratic)."""
    at = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return any(spans[k][0] <= start and end <= spans[k][1] for k in range(max(0, at - 1), at + 1))


def not_people(lex: Lexicon) -> frozenset[str]:
    """The words that make a run of capitals no person's name: a body's, a place's, a document's, and the world's
    words of other languages' names of places and groups."""
    return frozenset(_NOT_PEOPLE.union(*lex.name_words.values()))


def _surname(name: str) -> str:
    """A name's last word that is no generational suffix ('Bello' of 'Silvestre Bello III')."""
    parts = _split(name)
    return parts[-2] if parts[-1] in _SUFFIXES and len(parts) > 2 else parts[-1]


def _split(name: str) -> list[str]:
    """A name's words, its particles ('al-', 'de la') joined to the word after them."""
    out: list[str] = []
    for w in name.split(" "):
        if out and out[-1].lower().rstrip("-") in _PARTICLES and not out[-1][0].isupper():
            out[-1] += ("" if out[-1].endswith("-") else " ") + w
        else:
            out.append(w)
    return out


def _style_word(word: str) -> str:
    """A word as the styles are listed: lower case, without a full stop, a comma or an elision's mark ("Dato'")."""
    return word.lower().rstrip(".,'’")


@component("proposed_people")
class ProposedPeople:
    def __init__(self, ctx: Context):
        self.lex = lex = ctx.lexicon
        self.roles = ROLES | {w.lower() for t in lex.titles for w in t.title.replace("-", " ").split()} - _GLUE
        self.honorifics = {h.rstrip(".").lower() for h in HONORIFICS} | {
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "shri", "smt", "sen", "rep", "hon",
            "datuk", "dato", "seri", "tun", "u", "daw", "saw", "naw",
            "minister", "president", "ambassador", "secretary", "chancellor", "senator", "general", "commissioner"}
        # a place or a state is no person: 'Abu Dhabi', 'Saudi Arabia', 'Jordan'
        names = {f for e in lex.entries.values() if e.kind != "person" for f in (e.name, *e.aliases)}
        self.places = {p.lower() for p in lex.places} | {e.capital.lower() for e in lex.entries.values() if e.capital} \
            | {n.lower() for n in names} | {d.lower() for d in lex.demonym_of}
        self.not_people = not_people(lex)
        # the labels of lists of people ('Participants:', 'Delegates:'; titles.yaml's list_labels and record fields)
        self.people_labels = lex.list_labels | lex.record_fields
        self.stop = self.roles | self.not_people | _AFTER_NAME | _OPENERS | self.places
        # the styles of many cultures opening a name and no part of it ('Maulvi', 'Chief', 'Ustaz'; world data): only
        # where they open it, since a name may hold one as a word of its own ('Hassan Sheikh Mohamud', 'Julie Bishop')
        self.leading = lex.styles
        self.post_nominals = lex.post_nominals
        self.styles = self.roles | self.honorifics | self.leading
        # every word of an actor's name, alias or short form but a person's first: a first name holding one may be
        # that actor's; a listed person's first name is his only where the text names him ('world_firsts')
        self.world_words = world_words(lex)
        self.world_firsts: dict[str, set[str]] = {}
        # a listed person's first and last name words -> the people: a full name with more names between is his
        # ('Yoweri Kaguta Museveni' of the dictionary's 'Yoweri Museveni')
        self.ends: dict[tuple[str, str], set[str]] = {}
        # the middle names of each such form, for people sharing both ends ('Sabah al-Khalid al-Sabah', 'Sabah
        # al-Ahmad al-Jaber al-Sabah')
        self.middles: dict[str, list[list[str]]] = {}
        for e in lex.entries.values():
            if e.kind == "person":
                for n in (e.name, *e.aliases):
                    if " " in n:
                        words = n.split()
                        self.world_firsts.setdefault(words[0], set()).add(e.id)
                        self.ends.setdefault((slug(words[0]), slug(words[-1])), set()).add(e.id)
                        self.middles.setdefault(e.id, []).append([slug(w) for w in words[1:-1]])

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        taken = bytearray(len(norm))  # the characters a mention (other than a bare title's) or a place already holds
        # a listed person's surname after a given name that is none of his ('Nikita Lavrov' where the dictionary has
        # Sergei Lavrov) may end another person's full name: left free for the run to name him
        inside: dict[str, bool] = {}  # a word -> whether the text writes it capitalised inside a sentence
        others = [m for m in doc.mentions if m.via == "short" and m.kind == "person"
                  and (self._given_before(norm, m, inside) or self._surname_after(norm, m))]
        freed = {id(m) for m in others}
        for m in doc.mentions:
            if (m.actor or m.via not in ("title", "anonymous")) and id(m) not in freed:
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        for s, e in doc.places:
            taken[s:e] = b"\x01" * (e - s)
        names: dict[str, str] = {}  # proposed id -> the name as first written
        spans: list[tuple[int, int, str]] = []  # every full name's span and id
        honoured: set[str] | None = None  # the surnames after an honorific, found when first asked
        unsaid: list[tuple[int, int, str]] = []  # full names no words around make a person's: his where another use does
        labels: list[tuple[int, int]] = []  # the names labelling a speaker: no mention, nor any of their words
        for run in _RUN.finditer(norm):
            if taken.find(0, run.start(), run.end()) < 0:
                continue  # wholly a known actor's name
            found = self._name(doc, run, taken)
            if found is None:
                continue
            start, end, name, titled = found
            if not titled:
                if honoured is None:
                    honoured = {_POSSESSIVE.sub("", w) for w in _HONOURED.findall(norm)}
                if not self._person_context(doc, start, end, name, honoured):
                    unsaid.append((start, end, name))
                    continue
            pid = self._listed(name) or person_id(name)
            if pid not in names or names[pid].isupper():
                names[pid] = name  # written in capitals first (a header), then as names are
            if norm[start - 1:start] == "(" and _LABELLING.match(norm, end):
                labels.append((start, end))
                continue  # an interjection's label ('(Jane Roe [Party]: And ...?)'): the person, but no mention
            if name.isupper() and _labelling_line(norm, start, end):
                labels.append((start, end))
                continue  # a label in capitals ('JANE ROE, ANCHOR:'): the person, whom the others call Jane, no mention
            spans.append((start, end, pid))
        unsaid = self._listed_with(norm, spans, unsaid, names)
        # a full name the document names a person by elsewhere is his wherever it stands ('I call Jane Roe.')
        # (not where it labels a speaker: '(Jane Roe [Party]: What about ...?)', a label's name is no mention)
        for s, e, name in unsaid:
            if _LABELLING.match(norm, e):
                continue
            pid = self._listed(name) or person_id(name)
            if pid in names:
                spans.append((s, e, pid))
            elif names and any(c == "-" and (pid[i + 1:] in names or pid[:i] in names) for i, c in enumerate(pid)) \
                    and all(len(w) > 1 for w in pid.split("-")):
                # 'the party of Abdel Karim El Nour' names nobody as a person, but 'El Nour said' does: the full name
                # whose last (or first) words a person proposed here bears is that person's (words of two letters or
                # more: "I'm Jane Roe" is no name of hers)
                names[pid] = name
                spans.append((s, e, pid))
        spans.sort()
        if not names:
            return doc
        # the last words of a full name proposed in the document are that person ('Naasan Agha' after 'Riad Naasan
        # Agha'), no second one; so are its first two words or more, a family name left off ('Ibrahim Mahmoud' after
        # 'Ibrahim Mahmoud Hamid', given and father's names)
        # (each longer id's own endings looked up: comparing every pair of ids cost a list of hundreds of names dearly)
        # a name's first words are the longer name's only where the longer is written first and no other longer name
        # opens with them ('Ali Hamid said ... his cousin Ali Hamid Nasser': two men)
        tails = {longer[i + 1:]: longer for longer in names for i, c in enumerate(longer) if c == "-"
                 and longer[i + 1:] in names}
        heads = [(longer[:i], longer) for longer in names for i, c in enumerate(longer) if c == "-"
                 and longer[:i] in names and longer[:i] not in tails]
        if heads:
            opened = Counter(part for part, _ in heads)
            first_at: dict[str, int] = {}
            for s, _, pid in spans:
                first_at.setdefault(pid, s)
            tails.update((part, longer) for part, longer in heads if opened[part] == 1
                         and first_at.get(longer, len(norm)) < first_at.get(part, len(norm)))
        if tails:
            spans = [(s, e, tails.get(pid, pid)) for s, e, pid in spans]
            names = {pid: name for pid, name in names.items() if pid not in tails}
        # the listed people whose surname another person's full name took: the document's surname alone is his when
        # it never names them in full
        displaced = {m.actor for m in others if _within(spans, m.start, m.end)}
        if displaced:
            self._displace(doc, displaced, spans)
        surnames = self._surnames(names)
        found = [Mention(s, e, doc.text[s:e], pid, "person", "name", 0.8) for s, e, pid in spans]
        if displaced:
            taken = bytearray(len(norm))
            for m in doc.mentions:
                if m.actor or m.via not in ("title", "anonymous"):
                    taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        shorts = [(surnames, 0.75)]
        # the word before the surname alone is he only where the text writes it with the surname apart from his full
        # name ('Cepeda Castro ... Cepeda'), or after a title ('Senator Cepeda'): else a middle name ('Elena' of
        # 'Maria Elena Lopez') would be
        middles = {k: v for k, v in self._surnames(names, middles=True).items() if k not in surnames}
        if middles:
            shorts.append((middles, 0.74))
        firsts = self._first_names(names, {m.actor for m in doc.mentions if m.actor})
        if firsts:
            shorts.append((firsts, 0.7))
        halves = self._halves(names, surnames)
        if halves:
            shorts.append((halves, 0.72))
        paired: set[str] = set()  # the people the text names by both surnames alone ('Cepeda Castro')
        held = bytearray(len(norm))  # the characters the mentions found hold (full names first)
        for m in found:
            held[m.start:m.end] = b"\x01" * (m.end - m.start)
        for s, e in labels:
            held[s:e] = b"\x01" * (e - s)  # 'JANE ROE, ANCHOR:': not 'ROE' alone either
        for words, confidence in shorts:
            if words is middles:
                paired = {m.actor for m in found if m.via == "short" and " " in m.text}
            for s, e in spans_of(norm, words):
                if taken.find(1, s, e) >= 0 or held.find(1, s, e) >= 0:
                    continue  # another's name, or a found mention's (a full name's word: 'Agha' of 'Riad Naasan Agha')
                if words is halves and not self._titled(norm, s):
                    continue
                if words is middles and not self._titled(norm, s) and words[norm[s:e]] not in paired:
                    continue
                if not self._alone(norm, s, e):
                    continue
                if confidence < 0.75 and _OPENING.search(norm, max(0, s - 3), s) and norm[e:e + 1] not in (",", "?"):
                    continue  # a first name opening a sentence may be a word ('Will the talks ...'): only a vocative
                    # ('Jane, go ahead', 'Thank you. Jane?')
                found.append(Mention(s, e, doc.text[s:e], words[norm[s:e]], "person", "short", confidence))
                held[s:e] = b"\x01" * (e - s)
        found.sort(key=START)
        # a name spelled as the dictionary's id of someone it lists under other spellings is that person, no new one
        known = {pid: self.lex.entries[pid].name for pid in names if pid in self.lex.entries}
        doc.proposed = {**doc.proposed, **{pid: name for pid, name in names.items() if pid not in known}}
        doc.mentions = sorted(doc.mentions + found, key=START)
        for m in found:
            doc.add("actor", m.start, m.end, m.confidence, actor=m.actor, name=known.get(m.actor) or names[m.actor],
                    actor_kind="person")
        return doc

    def _listed(self, name: str) -> str | None:
        """The one listed person whose name's first and last words the name opens and ends with, more names between."""
        words = [w for w in name.split() if not _INITIALS.fullmatch(w)]
        if len(words) < 3:
            return None
        people = self.ends.get((slug(words[0]), slug(words[-1])), set())
        if len(people) > 1:
            # the one whose middle names the name holds, in order, with more between (a Gulf name's ancestors:
            # 'Sabah Al-Khalid Al-Hamad Al-Sabah' of the dictionary's 'Sabah al-Khalid al-Sabah')
            between = [slug(w) for w in words[1:-1]]
            people = {p for p in people if any(forms and _in_order(forms, between) for forms in self.middles[p])}
        return next(iter(people)) if len(people) == 1 else None

    def _listed_with(self, norm: str, spans: list[tuple[int, int, str]], unsaid: list[tuple[int, int, str]],
                     names: dict[str, str]) -> list[tuple[int, int, str]]:
        """Add to ``spans`` the names listed with a person's name, a comma, a semicolon or 'and' between ('Aung Kyaw
        Zaw and Nang Seng Hom, who ...', 'the co-chairs: Jane Roe of the EU, Ivo Pak and ...'), a list at a time;
        the names left unsaid are returned."""
        for _ in range(4):
            ends = {e for _, e, _ in spans}
            starts = {s for s, _, _ in spans}
            joined = [(s, e, name) for s, e, name in unsaid
                      if _listed_before(norm, s) in ends or _listed_after(norm, e) in starts]
            if not joined:
                break
            for s, e, name in joined:
                pid = self._listed(name) or person_id(name)
                names.setdefault(pid, name)
                spans.append((s, e, pid))
            unsaid = [u for u in unsaid if u not in joined]
        spans.sort()
        return unsaid

    def _surname_after(self, norm: str, m: Mention) -> bool:
        """Whether a listed person's surname opens a name with a surname after it ('Jonathan Roe' where the dictionary
        lists Goodluck Jonathan): a capitalised word follows, no day, month, place, office or body's word."""
        after = _NEXT_WORD.match(norm, m.end)
        prev = _PREVIOUS_WORD.search(norm, max(0, m.start - 30), m.start)
        if after is None or (prev and prev.group(1).lower().rstrip(".") not in self.styles):
            return False
        return after.group(1).lower() not in self.stop and after.group(1).lower() not in self.honorifics

    def _given_before(self, norm: str, m: Mention, inside: dict[str, bool]) -> bool:
        """Whether a capitalised word that may be a given name (no office, style, place or opening word) stands just
        before a person's surname: 'Nikita' of 'Nikita Lavrov'."""
        prev = _PREVIOUS_WORD.search(norm, max(0, m.start - 30), m.start)
        if prev is None:
            return False
        word = prev.group(1)
        low = word.lower()
        if low in self.stop or low in self.honorifics or low in self.leading or low in _PARTICLES:
            return False
        # a sentence's first word is capitalised whatever it is ('Even Lavrov said', 'Veteran Lavrov'): a given name
        # there only where the text writes the word with its capital inside a sentence too ('... and Nikita Lavrov'),
        # or the two words are a speaker's label ('Nikita Lavrov:' opening a line)
        if _OPENING.search(norm, max(0, prev.start() - 3), prev.start()) \
                and not (norm[prev.start() - 1:prev.start()] in ("", "\n") and _LABEL_AFTER.match(norm, m.end, m.end + 90)):
            if word not in inside:
                inside[word] = any(not _OPENING.search(norm, max(0, w.start() - 3), w.start())
                                   for w in re.finditer(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", norm))
            if not inside[word]:
                return False
        # his own given name, however spelled ('Ahmad Asiri' for the dictionary's Ahmed Asiri), is no other person's
        entry = self.lex.entries.get(m.actor)
        own = {skeleton(w) for n in (entry.name, *entry.aliases) for w in n.split()[:-1]} if entry else set()
        return skeleton(prev.group(1)) not in own

    @staticmethod
    def _displace(doc: IngestDoc, displaced: set[str], spans: list[tuple[int, int, str]]) -> None:
        """Drop the listed people's surname mentions that other people's full names hold, and free the rest of their
        surname mentions (for the new person's surname) where the document names them no other way."""
        named = {m.actor for m in doc.mentions if m.actor in displaced and m.via != "short"}
        dropped = [m for m in doc.mentions if m.actor in displaced and m.via == "short"
                   and (m.actor not in named or _within(spans, m.start, m.end))]
        if not dropped:
            return
        gone = {(m.start, m.end, m.actor) for m in dropped}
        doc.mentions = [m for m in doc.mentions if (m.start, m.end, m.actor) not in gone]
        doc.candidates = [c for c in doc.candidates
                          if c.kind != "actor" or (c.start, c.end, c.data.get("actor")) not in gone]

    def _name(self, doc: IngestDoc, run: re.Match[str], taken: bytearray) -> tuple[int, int, str, bool] | None:
        """The name a run of capitals may hold after its titles, and whether a title or a style stands just before it
        (a person's, then)."""
        norm = doc.norm
        words = run.group().split(" ")
        at = run.start()
        # a possessive ends the name ("Hua Chunying's Regular Press Conference")
        # (not a style's elision: "Dato' Jane Roe")
        owner = next((i for i, w in enumerate(words) if _POSSESSIVE.search(w)
                      and not (w[-1] in "'’" and _style_word(w) in self.styles)), None)
        if owner is not None:
            words = words[:owner] + [_POSSESSIVE.sub("", words[owner])]
        # an initial's full stop that ends a sentence ends the name ('... said Anna Y. Later, the talks ...')
        after_stop = next((i for i in range(1, len(words)) if words[i - 1].endswith(".")
                           and words[i].lower().rstrip(",.") in _SENTENCE_OPENERS), None)
        if after_stop is not None:
            words = words[:after_stop]
        # the name starts after the run's last word of an office, a style or a sentence's opening ('Egyptian
        # Foreign Minister Sameh Shoukry', 'Chairman Wendt'); a word another name opens a run with goes too
        cut, paired = -1, -1
        for i, w in enumerate(words[:-1]):
            low = _style_word(w)
            if _INITIALS.fullmatch(w) and low not in self.styles:
                continue  # an initial ('Senator A. Jane Roe') is the name's, no opening article
            if i == cut + 1 and i + 2 < len(words) and f"{low} {_style_word(words[i + 1])}" in self.leading:
                cut = paired = i + 1  # a style of two words, neither a style alone ('Tan Sri', "Dato' Sri")
            elif low in self.roles or low in _OPENERS or low in _AFTER_NAME or low in self.places \
                    or ("-" in low and all(x in self.roles for x in low.split("-"))) \
                    or (low in self.leading and i == cut + 1):
                cut = i
        # titled when the word just before the name is an office or a style (not a place: 'President of Egypt X' is
        # the dictionary's to read)
        titled = cut >= 0 and (cut == paired or _style_word(words[cut]) in self.styles)
        if cut == 0 and not titled and words[0].lower() in self.places:
            # an office's long name ending in its state before the name ('Press Secretary of the Ministry of Foreign
            # Affairs of the Republic of Belarus Jane Roe', as former Soviet states' ministries head briefings)
            chain = _OFFICE_CHAIN.search(norm, max(0, at - 120), at)
            titled = chain is not None and any(w in OFFICES for w in chain.group().lower().split())
        # an office's body in capitals before the name ('Adviser on the Peace Process Jane Roe'): the body's last word
        # ends it, and the office before the body's words titles the name
        body = max((i for i, w in enumerate(words[:-2]) if w.lower() in self.not_people), default=-1)
        if body > cut or (cut < 0 and len(words) > 2):
            office = _OFFICE_OF.search(norm, max(0, at - 40), at)
            if office and office.group(1).lower() in self.roles:
                if body > cut:
                    cut, titled = body, True
                elif office.group(2):
                    # the body's name ('Chairperson of the Xyz Abc Jane Roe') by no word we know: where it ends and
                    # the name begins is not to be told
                    return None
        start, rest = at + sum(len(x) + 1 for x in words[:cut + 1]), words[cut + 1:]
        # day words after it end it too ('Wallström Monday'), and letters after a name make it a person's ('Jane Roe
        # MP', 'Jane Roe QC OBE': world data)
        while rest and rest[-1].lower() in _AFTER_NAME:
            rest = rest[:-1]
        while len(rest) > 2 and rest[-1].isupper() and rest[-1].lower() in self.post_nominals:
            rest, titled = rest[:-1], True
        name = " ".join(rest)
        parts = _split(name)
        if len(parts) < 2 or len(parts) > 5 or len(name) < 5:
            return None
        end = start + len(name)
        if taken.find(1, start, end) >= 0:
            return None  # a known actor's name, or part of one
        lows = [p.lower() for p in parts]
        if lows[-1] in _PARTY and not re.search(r"\b(?:[Tt]he|[Aa]n?) $", norm[max(0, start - 4):start]):
            lows = lows[:-1]  # a party's word ending a full name is a surname ('Mayor John Tory')
        if any(p in self.stop or (p.rstrip(".") in self.stop and not _INITIALS.fullmatch(p.upper())) for p in lows) or name.lower() in self.places:
            return None
        if any(p.replace("-", " ").split()[-1] in self.not_people for p in lows):
            return None
        if any("-" in p and all(x in self.roles for x in p.split("-")) for p in lows):
            return None  # an office's words joined ('Parliamentary Under-Secretary', 'Deputy Secretary-General')
        given = parts[:-1] if parts[-1] in _SUFFIXES and len(parts) > 2 else parts
        # a surname in capitals after given names in small letters, as French and UN texts write it ('Kadré Désiré
        # OUEDRAOGO', 'Jean-Marc CHATAIGNER'): the surname is no acronym
        if len(given) > 1 and len(given[-1]) >= 4 and given[-1].replace("-", "").isalpha() and given[-1].isupper() \
                and not any(p.isupper() for p in given[:-1]):
            given = given[:-1]
        # a name in capitals, as a record's header or attendance list writes it ('HON. JANE Q. ROE – Chairperson'):
        # a person's only with a style before it or an office after its dash, its words no acronyms then
        # (or a speaker's label, 'JANE ROE, EVENING NEWS ANCHOR:', as broadcasters write their transcripts)
        capitals = all(p.isupper() for p in given) and sum(len(p) > 2 for p in given) >= 2 - _bare_initials(given) \
            and (self._styled_capitals(norm, start, end)
                 or (_labelling_line(norm, start, end) and not any(p.lower() in UNNAMED for p in given)))
        if not capitals and any((len(p) > 1 and p.isupper() and not p.endswith("."))
                                or (len(p) <= 3 and sum(map(str.isupper, p)) > 1) or any(map(str.isdigit, p))
                                for p in given):
            return None  # an acronym ('UN', 'ISSG', 'StS'), a label in capitals, a code
        titled = titled or capitals
        if not all(p[0].isupper() or _PARTICLE_OPENING.match(p) for p in parts):
            return None
        if given[-1].endswith(".") or parts[0].endswith("-"):
            return None
        return start, end, name, titled

    def _styled_capitals(self, norm: str, start: int, end: int) -> bool:
        """Whether a style or an office stands just before a name in capitals ('SEC.', 'HON.', 'SENATOR'), or an
        office after a dash after it ('– Chairman', '– Legal Consultant, ...')."""
        before = norm[max(0, start - 20):start].rsplit("\n", 1)[-1].rstrip(" ,(").rsplit(None, 1)
        if before and before[-1].lower().rstrip(".,") in self.styles:
            return True
        office = _DASH_OFFICE.match(norm, end, end + 60)
        return office is not None and any(w in OFFICES or w in self.roles
                                          for w in _WORDS.findall(office.group(1).lower()))

    def _person_context(self, doc: IngestDoc, start: int, end: int, name: str, honoured: set[str]) -> bool:
        """Whether the words around a name, or an honorific before its surname elsewhere, make it a person's."""
        norm = doc.norm
        before = norm[max(0, start - 40):start]
        # an office before the bracket the name stands in is his too ('The First Minister (Jane Roe):')
        # (and an honorific opening the bracket: '(Dr. Jane Roe) in the Chair')
        last = before.rstrip(" ,(").rsplit(None, 1)[-1].lower().strip("(.,") if before.strip(" ,(") else ""
        if last in self.roles or last in self.honorifics or last in self.leading or _VERB_BEFORE.search(before):
            return True
        if _OCCUPATION_BEFORE.search(before) or (before.endswith("(") and _IN_THE_CHAIR.match(norm, end)):
            return True
        if _VERB_AFTER.match(norm, end, end + 100) or _AGE.match(norm, end):
            return True
        if before.endswith(", ") and norm[end:end + 1] in ",;":
            # in apposition after an office ('Japan's special envoy for the talks, Jane Roe, said'): the clause before
            # the comma holds the office's word
            clause = _CLAUSE.split(norm[max(0, start - 90):start - 2])[-1]
            if any(w in OFFICES for w in clause.lower().split()[-8:]):
                return True
        app = _APPOSITION.match(norm, end, end + 120)
        if app and any(w in OFFICES for w in _WORDS.findall(app.group("clause").lower())):
            return True
        if self._of_a_party_in_a_list(doc, start, end):
            return True
        line_start = start == 0 or norm[start - 1] == "\n"
        if _labelling_line(norm, start, end):
            return True  # a speaker's label: 'Vikas Swarup:', 'Jane Roe (Group):'
        if line_start and norm[end:end + 1] == "\n":
            office = _OFFICE_LINE.match(norm, end + 1)
            if office and office.group(1).lower() in self.roles:
                return True  # a signature: the name on its own line, his office on the next ('President, ...')
        surname = _surname(name)
        bare = surname.split("-")[-1] if surname.split("-")[0].lower() in _PARTICLES else surname
        return bare in honoured

    def _of_a_party_in_a_list(self, doc: IngestDoc, start: int, end: int) -> bool:
        """Whether a name stands in a list with the body or the state its person serves after it ('..., Jane Roe of the
        UN, ...', 'Participants: Jane Roe (Norway), ...'): a known actor other than a person right after 'of' or in
        brackets (a state only there: a body's acronym in brackets may be the name's own, 'Jane Roe Fund (JRF)')."""
        of = _OF_THE.match(doc.norm, end)
        if of is None or not _LIST_BEFORE.search(doc.norm, max(0, start - 5), start):
            return False
        opener, mark = _list_opener(doc.norm, start)
        bracket = of.group().endswith(("(", "(the "))
        if opener in _PLACE_LIST_OPENERS or (bracket and mark == ":" and opener not in self.people_labels):
            return False  # places ('in Blue Nile (Sudan), ...'), a label of things ('Sponsors: Coca Cola (Kenya), ...')
        actor = next((m for m in doc.mentions_in(of.end(), of.end() + 1)
                      if m.actor and m.kind != "person" and (m.kind == "state" or not bracket)), None)
        if actor is not None:
            return bool(_LIST_AFTER.match(doc.norm, actor.end))
        # a state after 'of' is no mention where it only names a country ('Jane Roe of India'): its name then
        state = _STATE_NAME.match(doc.norm, of.end())
        return state is not None and state.group().lower() in self.places and bool(_LIST_AFTER.match(doc.norm, state.end()))

    def _surnames(self, names: dict[str, str], middles: bool = False) -> dict[str, str]:
        """Each proposed person's surname (and the surname without its particle) -> the id, for surnames that
        name one of them only and are no word of an office, a date or a place; with ``middles``, the word before the
        surname of a name of three words or more instead (the first of two surnames, 'Cepeda' of 'Iv\u00e1n Cepeda
        Castro', or a middle name, 'Elena' of 'Maria Elena Lopez')."""
        return _one_owner((form, pid) for pid, name in names.items() for form in self._surname_forms(name, middles))

    def _surname_forms(self, name: str, middles: bool) -> list[str]:
        """A name's forms ``_surnames`` links, written as names are and no word of an office, a date or a place."""
        last = _surname(name)
        forms = {last, last.split(" ")[-1], last.split("-")[-1] if last.split("-")[0].lower() in _PARTICLES else last}
        parts = _split(name)
        double = len(parts) >= 3 and parts[-1] not in _SUFFIXES and not _INITIALS.fullmatch(parts[-2])
        if middles:
            forms = {parts[-2]} if double else set()
        elif double:
            forms.add(f"{parts[-2]} {parts[-1]}")  # both surnames ('Cepeda Castro')
        forms |= {f.title() for f in forms if f.isupper()}  # a name in capitals, later written as names are
        return [form for form in forms if len(form) >= 3 and form.lower() not in self.stop
                and (form[0].isupper() or _PARTICLE_OPENING.match(form))]

    def _halves(self, names: dict[str, str], surnames: dict[str, str]) -> dict[str, str]:
        """Each part of a proposed person's hyphenated surname -> the id ('Ferrer' of 'Miriam Coronel-Ferrer'), for
        parts that name one of them only and no other surname: linked only after a title ('Professor Ferrer')."""
        return _one_owner((part, pid) for pid, name in names.items() for part in self._half_forms(name, surnames))

    def _half_forms(self, name: str, surnames: dict[str, str]) -> list[str]:
        """The parts of a name's hyphenated surname ``_halves`` links (none of a particle's: 'al-Sisi')."""
        last = _surname(name)
        if "-" not in last or last.split("-")[0].lower() in _PARTICLES:
            return []
        parts = (part.title() if part.isupper() else part for part in last.split("-"))
        return [part for part in parts if len(part) >= 3 and part[0].isupper() and part.lower() not in self.stop
                and part not in surnames]

    def _titled(self, norm: str, s: int) -> bool:
        """Whether an office's word or an honorific stands just before a word ('Professor Ferrer', 'Ms. Ferrer')."""
        prev = norm[max(0, s - 20):s].rsplit(None, 1)
        return norm[s - 1:s] == " " and bool(prev) and prev[-1].lower().rstrip(".") in self.styles

    def _first_names(self, names: dict[str, str], named: set[str]) -> dict[str, str]:
        """Each proposed person's first name -> the id, for first names that name one of them only, hold no word of
        an actor the world knows (but a first name of listed people the text does not name), nor of an office, a date
        or a place, and are written as a name (capital, then small letters): a speaker thanks a colleague by it
        ('Thank you, Jane'), as coref reads the world's people."""
        # (a name in capitals, as a label writes it, is addressed as names are written: 'JANE ROE:' is called Jane)
        return _one_owner((first, pid) for pid, name in names.items()
                          for first in [_split(name)[0].title() if name.isupper() else _split(name)[0]]
                          if len(first) >= 3 and first[0].isupper() and first[1:].isalpha() and first[1:].islower()
                          and first.lower() not in self.stop and first.lower() not in self.leading
                          and first not in self.world_words and not self.world_firsts.get(first, set()) & named)

    @staticmethod
    def _alone(norm: str, s: int, e: int) -> bool:
        """Whether a surname stands alone there, not as the last word of somebody else's full name ('Ahmed Singh'
        when 'V.K. Singh' is proposed) nor as the first of a longer run ('Swarup Street')."""
        before = norm[max(0, s - 30):s]
        prev = re.search(r"([\w'\u00c0-\u024f.-]+)[ ]$", before)
        # a word ending in a stop that is no initial ends a sentence ('... on Wednesday. Roe told ...')
        if prev and prev.group(1)[0].isupper() and prev.group(1).rstrip(".").lower() not in ROLES \
                and not re.search(r"[.!?:\"]\s*$", before[:prev.start()] or ".") \
                and not (prev.group(1).endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", prev.group(1))):
            return False
        return not re.match(r"[ -][A-Z][a-z]", norm[e:e + 3])


# what joins two names of a list, and the bracket of what follows a name ('Jane Roe (Norway), Ivo Pak')
_JOIN_TEXT = r"(?:\s*\([^()\n]{1,40}\))?(?:\s*[,;]\s*(?:and\s+)?|\s+(?:and|&)\s+)"
_JOIN = re.compile(_JOIN_TEXT)
_JOIN_BEFORE = re.compile(_JOIN_TEXT + "$")


def _labelling_line(norm: str, start: int, end: int) -> bool:
    """Whether a name opens its line (after a broadcast's clock, perhaps) as a speaker's label: 'Jane Roe:', 'JANE ROE,
    EVENING NEWS ANCHOR:', '[20:02:40] Jane Roe (Party):'."""
    return bool(_LINE_OPENING.search(norm, max(0, start - 16), start)) and bool(_LABEL_AFTER.match(norm, end, end + 90))


def _listed_before(norm: str, s: int) -> int | None:
    """Where a name listed just before the one at ``s`` may end."""
    join = _JOIN_BEFORE.search(norm, max(0, s - 50), s)
    return join.start() if join else None


def _listed_after(norm: str, e: int) -> int | None:
    """Where a name listed just after the one ending at ``e`` may start."""
    join = _JOIN.match(norm, e)
    return join.end() if join else None


def _one_owner(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each word -> its id, for the words that one id alone gives (in the order first given)."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for word, pid in pairs:
        if out.setdefault(word, pid) != pid:
            shared.add(word)
    return {k: v for k, v in out.items() if k not in shared}


def spans_of(norm: str, words: dict[str, str]) -> list[tuple[int, int]]:
    """Where each of the words stands in the text as a word of its own, in one pass."""
    if not words:
        return []
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w-])")
    return [m.span() for m in pattern.finditer(norm)]


# ------------------------------------------------------------------------------------------------ bodies

# an acronym in brackets after a body's name ('the Karen National Union (KNU)'): capitals, a digit or '&' inside
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
# the words before the bracket that may make the body's name, nearest first
_NAME_WORD = re.compile(rf"{_CAPITAL}[\w'\u00c0-\u024f]*(?:-[\w'\u00c0-\u024f]+)*|of|the|for|and|on|in|de|del|la|des|du")
# an acronym standing alone, which may be spelled out elsewhere
_BARE_ACRONYM = re.compile(r"[A-Z](?<![\w(-].)[A-Z]{2,5}(?![\w)-])")
_BODY_GLUE = {"of", "the", "for", "and", "on", "in", "de", "del", "la", "des", "du"}
# the words that make a capitalised name a body's ('Front', 'Union', 'Corps'): a name without one is a thing's,
# an agreement's or a measure's ('Gross Domestic Product (GDP)', 'Internally Displaced People (IDP)')
_BODY_WORDS = {w.lower() for _, words in _KIND_WORDS for w in words} | {"mission", "union", "organisation",
                                                                          "organization", "group", "corps", "guard"}
# a body's word ending a name, where a spelled-out acronym may end
_BODY_ENDS: dict[str, list[str]] = {}
for _w in sorted(_BODY_WORDS):
    _BODY_ENDS.setdefault(_w[0].upper(), []).append(" " + _w.title())


def _words_before(norm: str, end: int) -> list[tuple[int, str]]:
    """The words of a name that may end at ``end`` (capitalised, or the small words of a body's name), nearest
    first, with where each starts."""
    words: list[tuple[int, str]] = []
    at = end
    while len(words) < 12:
        space = norm.rfind(" ", max(0, at - 40), at)
        word = norm[space + 1:at]
        if not _NAME_WORD.fullmatch(word):
            break
        words.append((space + 1, word))
        if space < 0 or space + 1 == at - 40:
            break
        at = space
    return words


def _in_order(few: list[str], many: list[str]) -> bool:
    """Whether the words of ``few`` stand in ``many`` in the same order."""
    it = iter(many)
    return all(w in it for w in few)


_SERVING = {"in", "for", "to"}


def _holds_whole(doc: IngestDoc, start: int, end: int) -> bool:
    """Whether every mention touching a span lies inside it, shorter, and is a body's or a state's name (a known
    body's name is that body's; a demonym inside, 'the Syrian Relief Board (SRB)', keeps the name from being a body's
    of its own)."""
    return all(m.end <= end and m.via != "demonym" and m.end - m.start < end - start
               for m in doc.mentions_in(start, end)) and not any(
        m.start < start < m.end for m in doc.mentions_in(max(0, start - 80), start))


def _short_names(doc: IngestDoc, bodies: dict[str, tuple[int, int, str, str]], taken: bytearray) -> list[Mention]:
    """'the Commission' after 'the Border Verification Commission (BVC)': the capitalised last word of a proposed
    body's name, after the name, with the article, is the body's short name (not followed by 'on'/'of' and a
    capital: the head of another body's name)."""
    norm = doc.norm
    out: list[Mention] = []
    for pid, (s, e, name, kind) in bodies.items():
        word = name.rsplit(None, 1)[-1]
        if word not in _DEFINED_WORDS:
            continue
        at = norm.find("he " + word, e)
        while at >= 0:
            start, end = at + 3, at + 3 + len(word)
            if norm[at - 1:at] in ("t", "T") and (at < 2 or not norm[at - 2].isalnum()) \
                    and not norm[end:end + 1].isalnum() and not _HEADS_NAME.match(norm, end) \
                    and taken.find(1, start, end) < 0:
                out.append(Mention(start, end, doc.text[start:end], pid, kind, "defined", 0.8))
            at = norm.find("he " + word, end)
    return out


def _served(words: list[tuple[int, str]]) -> int | None:
    """Where the body's word of a name stands among its words (nearest first): the last word ('Popular Resistance
    Army'), or the word before 'in', 'for' or 'to' and a place's capitalised words, which an acronym of another
    language's words does not spell ('Integrated Stabilization Mission in the Central African Republic')."""
    if not words:
        return None
    if words[0][1].lower() in _BODY_WORDS:
        return 0
    if not words[0][1][:1].isupper():
        return None
    for j, (_, w) in enumerate(words[1:], 1):
        if w in _SERVING:
            return j + 1 if j + 1 < len(words) and words[j + 1][1].lower() in _BODY_WORDS else None
        if w in _BODY_GLUE and w not in ("the", "of", "and"):
            return None
    return None


def _initials_fit(acronym: str, words: list[str]) -> bool:
    """Whether the acronym is the words' initials: each capitalised word gives its first letter (or a few letters
    from its start), a small word its initial or nothing ('National Democratic Front of the Philippines', NDFP)."""
    acr = acronym.replace("&", "").lower()

    def fit(a: int, w: int) -> bool:
        if w == len(words):
            return a == len(acr)
        word = words[w].lower()
        if words[w] in _BODY_GLUE:
            return fit(a, w + 1) or (a < len(acr) and acr[a] == word[0] and fit(a + 1, w + 1))
        for n in range(1, min(3, len(word), len(acr) - a) + 1):
            if acr[a:a + n] != word[:n]:
                break
            if fit(a + n, w + 1):
                return True
        return False

    return fit(0, 0)


@component("proposed_bodies")
class ProposedBodies:
    """A body the dictionary does not know, named in full with its acronym in brackets after it ('the Karen
    National Union (KNU)', 'the National Liberation Army (ELN)'): the id is the acronym in small letters (as the
    world data names groups: 'pkk', 'sdf'), given to the full name, to the acronym and to each use of the acronym
    alone in the document. The acronym must be the name's initials with a body's word among them ('Corps', 'Union':
    'Gross Domestic Product (GDP)' is no body), or the name must end in a body's word ('Army', 'Front', 'Movement')
    when the acronym is of another language's words."""

    def __init__(self, ctx: Context):
        lex = ctx.lexicon
        self.lex = lex
        self.known = {f for e in lex.entries.values() for f in (e.name, *e.aliases)}
        self.armed = lex.name_words.get("armed_group_words", frozenset())
        # a body's words, with the world's words of other languages' groups' names ('Jaysh', 'Harakat', 'Ansar')
        self.body_words = _BODY_WORDS | self.armed | lex.name_words.get("group_words", frozenset())

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        taken = bytearray(len(norm))
        people = bytearray(len(norm))  # what a person's name holds (no body's name swallows it)
        for m in doc.mentions:
            if m.actor or m.via not in ("title", "anonymous"):
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
                if m.kind == "person":
                    people[m.start:m.end] = b"\x01" * (m.end - m.start)
        bodies: dict[str, tuple[int, int, str, str]] = {}  # id -> the full name's span, name and kind
        by_acronym: dict[str, str] = {}
        for m in _ACRONYM.finditer(norm):
            acr = m.group(1)
            pid = slug(acr)
            if pid in bodies or acr in self.known or pid in self.lex.entries or taken.find(1, m.start(1), m.end(1)) >= 0:
                continue
            found = self._name(norm, m.start(), acr)
            if found is None:
                continue
            start, name = found
            if name in self.known or taken.find(1, start, start + len(name)) >= 0 and (
                    people.find(1, start, start + len(name)) >= 0 or not _holds_whole(doc, start, start + len(name))):
                continue
            bodies[pid] = (start, start + len(name), name, guess_kind(name, "", "", self.armed) or "organisation")
            by_acronym[acr] = pid
        self._spelled_out(doc, taken, bodies, by_acronym)
        if not bodies:
            return doc
        # a compound name is one mention: the actors a body's full name holds ('United Nations', a state it serves)
        # are none
        names = {b[2]: pid for pid, b in bodies.items() if len(b[2].split()) > 2}  # the full name written again
        again = [(s, e, names[norm[s:e]]) for s, e in spans_of(norm, names) if s != bodies[names[norm[s:e]]][0]
                 and people.find(1, s, e) < 0 and _holds_whole(doc, s, e)]
        spans = [(s, e) for s, e, _, _ in bodies.values()] + [(s, e) for s, e, _ in again]
        inside = {(m.start, m.end, m.actor) for s, e in spans for m in doc.mentions_in(s, e) if m.end <= e}
        if inside:
            doc.mentions = [m for m in doc.mentions if (m.start, m.end, m.actor) not in inside]
            doc.candidates = [c for c in doc.candidates
                              if c.kind != "actor" or (c.start, c.end, c.data.get("actor")) not in inside]
        for s, e in spans:
            taken[s:e] = b"\x01" * (e - s)
        found: list[Mention] = []
        for pid, (s, e, name, kind) in bodies.items():
            found.append(Mention(s, e, doc.text[s:e], pid, kind, "name", 0.8))
        for s, e, pid in again:
            found.append(Mention(s, e, doc.text[s:e], pid, bodies[pid][3], "name", 0.8))
        for s, e in spans_of(norm, {a: a for a in by_acronym}):
            if taken.find(1, s, e) >= 0 or not norm[s:e].isupper():
                continue
            pid = by_acronym[norm[s:e]]
            found.append(Mention(s, e, doc.text[s:e], pid, bodies[pid][3], "alias", 0.8))
        # (only a body its acronym's uses are: the OSCE's 'SMM' is the OSCE's mission, the actors found, not a body
        # of its own)
        found += _short_names(doc, {m.actor: bodies[m.actor] for m in found if m.via == "alias"}, taken)
        doc.proposed = {**doc.proposed, **{pid: b[2] for pid, b in bodies.items()}}
        doc.mentions = sorted(doc.mentions + found, key=START)
        for m in found:
            doc.add("actor", m.start, m.end, m.confidence, actor=m.actor, name=bodies[m.actor][2], actor_kind=m.kind)
        return doc

    def _spelled_out(self, doc: IngestDoc, taken: bytearray, bodies: dict[str, tuple[int, int, str, str]],
                     by_acronym: dict[str, str]) -> None:
        """Acronyms of three capitals or more that the document spells out elsewhere without a bracket, as the
        capitalised words of a body's name ('the MILF' ... 'the Moro Islamic Liberation Front')."""
        norm = doc.norm
        wanted = [acr for acr in dict.fromkeys(_BARE_ACRONYM.findall(norm)) if acr not in by_acronym
                  and acr not in self.known and slug(acr) not in self.lex.entries and slug(acr) not in bodies]
        if not wanted:
            return
        # each body's word the names would end in is searched for once (a literal search), and the initials of the
        # capitals before each of its uses are read once: the acronyms are then looked up, whatever their number
        ends: dict[str, list[int]] = {}  # the initials of the capitals before a body's word -> where the word ends
        longest = max(map(len, wanted))
        for word in sorted({w for acr in wanted for w in _BODY_ENDS.get(acr[-1], ())}):
            at = norm.find(word)
            while at >= 0:
                end = at + len(word)
                if not (norm[end:end + 1].isalnum() or norm[end:end + 1] == "-"):
                    initials = "".join(norm[s] for s, w in _words_before(norm, end) if w not in _BODY_GLUE)[:longest]
                    for n in range(3, len(initials) + 1):
                        ends.setdefault(initials[n - 1::-1], []).append(end)
                at = norm.find(word, end)
        for acr in wanted:
            for end in ends.get(acr, ()):
                self._spelled(norm, taken, acr, end, bodies, by_acronym)
                if acr in by_acronym:
                    break

    def _spelled(self, norm: str, taken: bytearray, acr: str, end: int,
                 bodies: dict[str, tuple[int, int, str, str]], by_acronym: dict[str, str]) -> None:
        """The body whose name ends at ``end``, when the acronym is its capitalised words' initials."""
        words = _words_before(norm, end)  # nearest first
        capitals = [at for at, w in words if w not in _BODY_GLUE]
        if len(capitals) < len(acr) or "".join(norm[at] for at in capitals[:len(acr)]) != acr[::-1]:
            return
        start = capitals[len(acr) - 1]
        name = norm[start:end]
        if taken.find(1, start, end) >= 0 or name in self.known:
            return
        bodies[slug(acr)] = (start, end, name, guess_kind(name, "", "", self.armed) or "organisation")
        by_acronym[acr] = slug(acr)

    def _name(self, norm: str, bracket: int, acr: str) -> tuple[int, str] | None:
        """The body's name just before an acronym's bracket: the fewest words whose initials the acronym is (one of
        them a body's word), else the capitalised words before it when the last is a body's word."""
        end = bracket
        while end and norm[end - 1] == " ":
            end -= 1
        words = _words_before(norm, end)  # nearest first
        capitals = [i for i, (_, w) in enumerate(words) if w not in _BODY_GLUE]
        for i in capitals:
            span = [w for _, w in reversed(words[:i + 1])]
            if len(span) >= 2 and _initials_fit(acr, span):
                if not any(w.lower() in self.body_words for w in span):
                    return None  # initials of a thing's name, not a body's
                return words[i][0], norm[words[i][0]:end]
        i = _served(words)  # the body's word, nearest first, before the place it serves ('Mission in Mali')
        if i is None:
            return None
        last = i
        while i + 1 < len(words) and words[i + 1][1] not in _BODY_GLUE:
            i += 1
        if words[i][1] == "The":
            i -= 1
        if i - last < 1 or abs(len(acr) - (i - last + 1)) > 1:
            return None
        return words[i][0], norm[words[i][0]:end]
