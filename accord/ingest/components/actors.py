"""Actor mentions from the dictionary: names, aliases, demonyms, capitals and buildings used as metonyms,
and titles ("Russian Foreign Minister", "a senior official"), matched with spaCy's PhraseMatcher.

Surnames alone, titles alone and pronouns are settled later by ``coref``; this component only records
what each span may be.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from operator import attrgetter

import numpy as np

from spacy.attrs import FLAG63, IDX, LENGTH, LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id

from accord.ingest.document import IngestDoc, Mention
from accord.ingest.timex import MONTHS, WEEKDAYS
from accord.ingest.registry import Context, component
from accord.ingest.world import Lexicon

# A state or capital after these words is a place ("talks in Moscow", "flights over Turkey"), not an actor.
PLACE_WORDS = {"in", "at", "near", "outside", "around", "into", "via", "visited", "visit", "visiting",
               "toward", "towards", "across", "through", "left", "reached", "arrived", "flew", "returned",
               "inside", "over", "leave", "leaving", "back", "throughout", "within", "since", "beyond",
               "neighbouring", "neighboring", "bordering", "eastern", "western", "northern", "rural",
               "southern", "central", "northeastern", "northwestern", "southeastern", "southwestern"}
# "the Houthi-held capital Sanaa": a capital right after these words is the city
PLACE_NOUNS = {"capital", "city"}
# After "to" or "from", a place only after words of movement ("travel to Turkey", "returned from Moscow"),
# an actor otherwise ("a provocation to Moscow", "no word from Damascus").
MOTION_WORDS = {"travel", "travelled", "traveled", "travelling", "trip", "trips", "go", "goes", "went", "going",
                "come", "came", "coming", "fly", "flew", "flights", "flight", "return", "returned", "returning",
                "back", "moved", "move", "fled", "flee", "sent", "deployed", "head", "headed", "heading", "journey",
                "way", "road", "route", "line", "lines", "border", "borders", "access", "entry", "exports", "refugees",
                "home", "away", "north", "south", "east", "west", "miles", "km", "kilometres", "kilometers",
                "arrived", "arrive", "visitors", "tourists", "not", "in", "moving", "relocated", "transferred",
                # where a government sits ('able to work from Tripoli in safety')
                "work", "working", "operate", "operating", "govern", "governing",
                "crossed", "cross", "crossing", "crossings", "smuggled", "delivered", "brought", "trucked", "driven",
                # sent or flying there, the roads from there ('flying to Kiev', 'supply roads from Turkey')
                "send", "sends", "sending", "flying", "roads", "routes"}
# people going somewhere, a few words before 'to' ('the return of opposition officials to Juba', 'the delegation
# returns to Manila', 'the team travelled on Monday to Kabul'): the capital is where they go
GOERS = {"return", "returns", "returned", "returning", "travel", "travels", "travelled", "traveled", "travelling",
         "went", "flew", "moved", "relocated", "redeployed", "deployment", "arrival"}
_CLAUSE_ENDS = {",", ".", ";", ":", "and", "but", "that", "which", "who"}


# what introduces a state as the subject spoken of: 'let me start with Syria', 'First, Syria.', 'issues including
# the Korean Peninsula and Syria', 'a Syria without Assad' (the land as it may become)
_TOPIC_OPENERS = {"start", "starting", "started", "begin", "beginning", "began", "begins", "starts", "turn", "turning"}
_LAND_AS_IT_MAY_BE = {"without", "at", "free", "where", "that", "which", "with", "in", "of", "for", "whose", "governed",
                      "ruled", "run", "united", "divided", "partitioned", ",", "."}
_TOPIC_NOUNS = {"issues", "issue", "concern", "topics", "matters", "questions", "subjects", "situations", "crises",
                "conflicts", "files", "agenda"}
_ORDINAL_OPENERS = {"first", "second", "third", "next", "finally", "lastly", "secondly", "thirdly", "firstly"}


def _topic_before(strings, lows: list[int], first: int, nxt: str) -> bool:
    """Whether the words around a state's name make it the topic, not an actor ('a Puntland official' is the state's)."""
    prev = strings[lows[first - 1]] if first > 0 else ""
    before = strings[lows[first - 2]] if first > 1 else ""
    if prev == "a" and nxt in _LAND_AS_IT_MAY_BE:
        return True
    if prev in ("with", "to") and before in _TOPIC_OPENERS:
        return True
    if prev == "," and before in _ORDINAL_OPENERS:
        return True
    for k in range(first - 1, max(0, first - 7), -1):
        if strings[lows[k]] == "including":  # 'issues of common concern, including Syria' (but 'its allies, including Russia')
            j = k - 1
            while j > 0 and strings[lows[j]] == ",":
                j -= 1
            return strings[lows[j]] in _TOPIC_NOUNS
    return False


# a body's premises ('UN headquarters', 'the UN's European headquarters')
_PREMISES = {"headquarters", "compound", "premises", "offices", "building", "chamber"}


def _venue_after(strings, lows: list[int], last: int, nxt: str) -> bool:
    """Whether a body's name is followed by its premises, directly or after its possessive and an adjective."""
    if nxt in _PREMISES:
        return True
    if nxt != "'s":
        return False
    return any(strings[lows[k]] in _PREMISES for k in range(last + 1, min(last + 3, len(lows))))


def _word(text: str, idxs: list[int], lens: list[int], i: int) -> str:
    """The ``i``-th token's words as written."""
    return text[idxs[i]:idxs[i] + lens[i]]


def _goer_before(strings, lows: list[int], to: int) -> bool:
    """Whether a word of going stands within four words before the token ``to``, in the same clause."""
    for k in range(to - 1, max(to - 5, -1), -1):
        word = strings[lows[k]]
        if word in GOERS:
            return True
        if word in _CLAUSE_ENDS:
            return False
    return False


# "he said by telephone from Riyadh", "speaking from Moscow": where the speaker was (but "on the telephone to
# Riyadh" is a call to the government)
FROM_WORDS = {"telephone", "phone", "speaking", "spoke",
              # a broadcast's guest or correspondent ('joining me now from Riyadh', 'reporting live from Moscow')
              "now", "joining", "joins", "live", "reporting", "reports",
              # who speaks or writes from a place ('answered from Havana that ...', 'wrote from Kabul')
              "answered", "replied", "responded", "said", "says", "wrote", "writes", "tweeted", "announced",
              "declared",
              # a briefing or a programme run from a town ('the press conference was hosted from Kinshasa by ...')
              "hosted", "broadcast", "presented", "anchored"}
# a broadcast's greeting to its listeners by their country's name ('Good morning, Colombia.', 'Hello, Kenya!'): the
# audience addressed, no state acting
_GREETINGS = {"morning", "evening", "afternoon", "night", "hello", "hi"}
# After "on", "of", "about", "for", a state is a topic ("talks on Syria", "the future of Syria") unless owned.
STATE_TOPIC_WORDS = {"on", "of", "about", "for",
                     # what is talked about ('did the President raise Ukraine?', 'they discussed Syria')
                     "raise", "raised", "raises", "raising", "discuss", "discussed", "discusses", "discussing"}
# After a state's possessive, what the country is or has as a land or a nation, not what its government does
# ("Syria's sovereignty", "Turkey's territorial integrity", "Jordan's border"): the state is no actor there.
_LAND_NOUNS = {"sovereignty", "territorial", "integrity", "independence", "unity", "territory", "territories", "soil",
               "airspace", "border", "borders", "frontier", "frontiers", "waters", "coast", "coastline", "land", "lands",
               "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
               "southeast", "southwest", "capital", "cities", "towns", "villages", "provinces", "regions", "countryside",
               "people", "population", "citizens", "economy", "history", "future", "war", "crisis", "conflict"}
# Before "of", these words make the state the one represented, not a topic ("the representative of Japan said").
REPRESENTED_BY = {"representative", "representatives", "delegate", "delegates", "delegation", "ambassador",
                  "envoy", "spokesman", "spokeswoman", "spokesperson",
                  # who holds an office of the state ('the foreign ministers of Germany, France ...')
                  "minister", "ministers", "leader", "leaders", "president", "presidents", "heads",
                  # who chairs or holds a state's highest offices ('under the co-chairmanship of Italy and the
                  # United States', 'Federal Chancellor of Germany Angela Merkel', 'the government of Libya')
                  "chairmanship", "co-chairmanship", "chair", "co-chairs", "chancellor", "king", "emir", "government",
                  # a group whose members it names ('the Quadrilateral Coordination Group of Afghanistan, Pakistan ...')
                  "group",
                  # the state that asked or invited ('at the request of Germany')
                  "request", "invitation", "behalf",
                  # what the state said or holds to, and who stands with it ('the Joint Statement of Russia and the
                  # United States', 'the position of France', 'an ally of France')
                  "statement", "position", "proposal", "initiative", "ally", "allies",
                  # who acts for it and what part it plays ('diplomats of Cuba and Norway', 'the role of Russia')
                  "diplomats", "diplomat", "officials", "official", "role",
                  # a stance towards the state ('approving of Russia', 'critical of Turkey'): it is the one judged
                  "approving", "critical", "wary", "suspicious", "supportive"}
# Before "for", these make the state the one spoken for ("Kerry, speaking for the United States"), not a topic.
SPEAKING = {"speaking", "spoke", "speaks", "speak", "spokesman", "spokeswoman", "spokesperson", "signed"}
# A capital before these words names a meeting, a time zone or a place, not an actor ("the Vienna talks").
PLACE_NEXT = {"talks", "meeting", "meetings", "process", "statement", "communique", "conference", "round",
              "summit", "airport", "residents", "countryside", "suburbs", "province", "governorate", "-based",
              "based", "correspondent", "bureau", "office", "hotel", "time", "groups", "group", "platform",
              # a document or an arrangement named after the place: "the Minsk Protocol", "the Vienna Statements"
              "protocol", "agreement", "agreements", "accord", "accords", "statements", "declaration", "memorandum",
              "package", "format", "principles", "document", "communiqu\u00e9", "understanding", "peace",
              # a school, a paper or a hospital of the town ('an Ankara think tank', 'a Berlin institute')
              "institute", "institutes", "university", "newspaper", "newspapers", "daily", "hospital",
              "hospitals", "school", "schools"}
# A state's name before these words is a topic or a label ("the Syria peace process", "the Ukraine crisis"),
# not the state acting.
STATE_MODIFIED = PLACE_NEXT | {"crisis", "conflict", "war", "envoy", "policy", "file", "dossier", "issue", "question",
                               "ceasefire", "truce", "settlement", "negotiations", "donors", "contact", "peace",
                               "city"}  # 'Kuwait City': the city
# between a demonym and its noun, a word that leaves the noun the state's ('Swiss humanitarian aid')
_DEMONYM_SKIP = {"humanitarian", "financial", "reconciliation"}
# after a leader's name, the body he heads or its armed forces ('the Hadi government', 'Assad forces'), and the offices
# that head a state's government
_LED_BODY = {"government", "regime", "administration", "forces", "troops"}
_LEADERS = {"president", "prime minister", "king", "emir", "chancellor", "supreme leader"}
# "Syrian-led", "Syrian-owned": led by the country's people, not by a state whose government is a party apart
NATIONALS_LED = {"led", "owned"}
# Words after a demonym that make it the state acting ("Russian jets"), not a nationality ("Syrian refugees").
ACTOR_NOUNS = {"jets", "jet", "warplanes", "warplane", "aircraft", "planes", "bombers", "helicopters", "fighter",
               "forces", "troops", "army", "military", "air", "navy", "officials", "authorities", "government",
               "regime", "embassy", "diplomats", "commanders", "strikes", "airstrikes", "air-strikes", "bombing",
               "raids", "soldiers", "side", "delegation", "leadership", "warships", "warship", "ministry",
               "defence", "defense", "foreign", "intelligence", "special", "backed", "led", "-backed", "-led",
               "administration", "drones", "artillery", "campaign", "pilots", "pilot", "war", "aid", "proposal",
               "plan", "draft", "position", "demands", "demand", "veto", "support", "offensive", "operation",
               "operations", "bases", "base", "official", "diplomat", "ally", "allies", "missions", "mission",
               "bomber", "negotiators", "envoy", "security", "police", "navy", "aerospace", "partners", "partner",
               "counterparts", "colleagues", "shelling", "shells", "attack", "attacks", "tanks", "incursion",
               "intervention", "militaries", "armed", "general", "centre", "centres", "center", "centers", "agreements",
               "agreement", "co-chairs", "sides", "ground", "strike", "officers", "officer",
               # who leads it, what it fires, how it meddles ('Russian leaders', 'Russian bombs', 'Iranian
               # interference', 'Saudi diplomatic missions', 'a French diplomatic source')
               "leaders", "bombs", "missiles", "rockets", "interference", "meddling", "involvement", "diplomatic",
               # the state's term at the head of a body ('the Austrian Chairmanship' of the OSCE)
               "chairmanship", "presidency",
               # its negotiators, its lists of groups, its troops' ground ('the American team', 'the Jordanian list',
               # 'fire on Ukrainian positions')
               "team", "teams", "list", "lists", "positions",
               # the forces and the good offices a state sends ('Belarusian peacekeepers', 'the Kenyan contingent',
               # 'Norwegian mediation')
               "peacekeepers", "peacekeeping", "contingent", "contingents", "battalion", "battalions", "marines",
               "paratroopers", "mediators", "mediation",
               # what the state decides and does ('the Russian move', 'the Iranian decision', 'the American withdrawal')
               "move", "moves", "decision", "decisions", "withdrawal", "pullout",
               # one of its troops ('before any Nigerian troop is committed', 'a Kenyan soldier was hurt')
               "troop", "soldier"}
# after 'the' and a demonym used as a noun for the nation ('the French included', 'the British say'): what may
# follow a plural subject or a noun phrase's end
_NATION_NEXT = {",", ".", ";", ":", "and", "or", "included", "have", "has", "had", "say", "says", "said", "are", "were",
                "will", "would", "want", "wanted", "insist", "insisted", "agree", "agreed", "did", "do", "too", "also",
                "who", "themselves", ")"}
# 'We call on the regime, and on Russia, to stop': a state after 'on' that a call reaches
# 'sanctions on Russia', 'pressure on Iran': what is laid on a state, which is the one it acts on
_LAID_ON = {"sanctions", "pressure", "embargo", "demands"}
# 'depends first of all on Russia', 'relies on Iran': the state the outcome rests with, which acts
_DEPEND_ON = re.compile(r"\b(?:depends?|depended|depending|rely|relies|relied|relying|hinges?|hinged)(?:\s+(?!on\b)[\w-]+){0,3}\s+on\s+$")
# after a town's possessive, the town's own ground and people, not what its government does ("Tripoli's airspace")
_CITY_PARTS = {"airspace", "airport", "streets", "suburbs", "outskirts", "residents", "districts", "neighbourhoods",
               "neighborhoods", "port", "skyline", "hospitals", "markets"}
_CALL_ON = re.compile(r"\b(?:call|calls|called|calling|urged|urges|pressed|presses)\s+on\b[^.;:]{0,60}$")
# With these after it, a demonym names a state's government or its forces as one compound mention.
GOVERNMENT_WORDS = {"government", "regime", "authorities", "administration", "leadership", "army", "military",
                    "troops", "forces", "warplanes", "jets", "aircraft", "air", "armed", "helicopters", "planes", "cabinet"}
# what a government is styled between a state's possessive and the government's noun ('Somalia's federal cabinet')
_GOVERNMENT_KINDS = {"federal", "interim", "transitional", "central", "national", "unity", "new"}
# aliases that name a government without a name ('rebels accused government forces'): the corpus annotates them as
# descriptive mentions of it, not as actor mentions
DESCRIBED = {"government forces"}
ANONYMOUS_DETS = {"a", "an", "one", "another", "two", "three", "several", "some", "other", "many", "senior",
                  "unnamed", "anonymous"}
# the defined term without its article before its members or an office held by someone named ('Council members',
# 'Council President Ismael Martins'; 'as Council President for December' names a role, not the body)
# (written to open with one character class, each word's start asserted after it, as coref's pronouns: the
# engine skips to such a class; before a word boundary it tried the whole alternation at every character)
_BARE_TERM = re.compile(r"(?P<word>[CGM](?<!\w[CGM])(?:(?<=G)roup|(?<=C)(?:ouncil|ommittee|ommission|oalition)"
                        r"|(?<=M)ission))(?=\s+(?:members\b|(?:President|Chair) [A-Z]))")
# the defined terms a communiqué may write without their article ('Council welcomed', 'requested Council to')
_BARE_WORDS = {"Council", "Committee", "Commission", "Group", "Mission"}
# the small words that make a capitalised term a name's head or a common noun's use, not the bare defined term
_NOT_BARE_BEFORE = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "whose",
                    "each", "every", "any", "no", "another", "which", "national", "security", "city", "town"}


def _bare_opening(norm: str, at: int) -> bool:
    """Whether a capitalised term stands where the bare defined term does: opening its line or sentence, or after a
    word in small letters that is no article nor determiner ('informed Council that', 'members of Council')."""
    if at == 0 or norm[at - 1] == "\n" or norm[at - 2:at] in (". ", ": ", "; "):
        return True
    if norm[at - 1] != " ":
        return False
    prev = norm[max(0, at - 20):at - 1].rsplit(None, 1)[-1:]
    return bool(prev) and prev[0].isalpha() and prev[0].islower() and prev[0] not in _NOT_BARE_BEFORE


# after a place opening its line, a date within a few words: a dateline ('Bern, Press releases, 14.03.2016')
_DATELINE = re.compile(r"\s*[,/](?:[^\S\n]*[\w.'-]+,?){0,3}[^\S\n]*\d"
                       # or its source in brackets and a dash ('Damascus/Geneva (ICRC) -', 'Juba (Agency) -')
                       r"|(?:/[\w.'-]+(?: [\w.'-]+)?)?[^\S\n]*\([^()\n]{1,30}\)[^\S\n]*[-\u2013\u2014]"
                       # or its country after a comma, then a dash ('MANILA, Philippines - ')
                       r"|,[^\S\n]*[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?[^\S\n]+[-\u2013\u2014][^\S\n]")
_ORIGIN = {"based", "born", "educated", "registered", "speaking", "language"}
_DATE_WORD = re.compile(r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+|"
                        r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d+)\b")
# the words an official text's defined term for a body may be ('the Council', 'the Group')
_DEFINED_WORDS = ("Group", "Council", "Committee", "Commission", "Coalition", "Agency", "Mission", "Union", "League",
                  "Conference", "Organization", "Organisation")
_DEFINED_TERM = re.compile(rf"[Tt](?<!\w.)he (?P<word>{'|'.join(_DEFINED_WORDS)})\b")
# A dotted short form glued to what follows by the tokenizer ("U.S.-Russian", "U.N.-brokered"): the form, and
# after it a demonym or one of these words, make it the actor (the words alone, "U.S.-based", do not).
_GLUED = re.compile(r"(?P<form>(?:[A-Z]\.){2,})-(?P<rest>[A-Za-z]+)\b")
GLUED_AFTER = {"led", "backed", "brokered", "sponsored", "mediated", "drafted", "chaired", "run", "funded", "proposed"}
_THE = {"the ", "The ", "the\n", "The\n"}
_DOCUMENT_AFTER = re.compile(r"\s+(?:[Rr]esolutions?|[Pp]ress [Ss]tatements?|[Pp]residential [Ss]tatements?)\b")
# a defined term's article and word, as a pattern opening with plain characters (the engine finds those fast):
# a text without it holds no defined term, and the costlier scan is spared
_DEFINED_TERM_WORDS = re.compile(rf"he (?:{'|'.join(_DEFINED_WORDS)})\b")
# a defined term's word followed by what makes it the head of a longer name ('the Committee on Migration',
# 'the Council of Ministers'); a day after 'on' is when it acted ('The Committee on Monday rejected the plan', 'the
# Council on 5 March', 'on Tuesday night', 'on Christmas Day'), no part of a name
_DAY_WORDS = sorted({w.capitalize() for w in list(MONTHS) + list(WEEKDAYS)} | {"Today", "Tomorrow", "Yesterday"},
                    key=lambda w: -len(w))
_HEADS_NAME = re.compile(rf" (?:on|of|for) (?:the )?(?!(?:{'|'.join(_DAY_WORDS)})\b\.?)[A-Z]")
#: a mention's start, the key mentions are kept sorted by (the C-level getter costs less than a lambda)
START = attrgetter("start")
#: a dictionary mention's confidence by how it names its actor
_CONFIDENCE = {"name": 0.97, "described": 0.9, "metonym": 0.93, "capital": 0.85, "demonym": 0.8, "short": 0.85,
               "people": 0.8}
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,6})\)")
# capitalised words (with 'of', 'for', 'and', 'in', 'on', 'the' between) right before an acronym's parenthesis
_PART_WORDS = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|for|and|in|on|the|to)\s+)*[A-Z][\w-]*)*\s+$")
# where a part's name goes on to the place it serves ('Special Monitoring Mission to Ukraine (SMM)'): no initials after
_SERVES = re.compile(r"\s(?:to|in)\s")
_NOT_GERUNDS = {"during", "including", "regarding", "concerning", "following", "according", "pending", "morning", "evening",
                "meeting", "meetings", "fighting", "bombing", "shelling", "building", "spring"}
# a capital after these and 'of' is the city ('the fall of Aleppo', 'the provinces of Damascus')
_PLACE_OF = {"takeover", "capture", "fall", "siege", "outskirts", "streets", "centre", "center", "residents", "people",
             "liberation", "recapture", "seizure", "province", "provinces", "countryside", "suburbs", "city", "parts",
             "north", "south", "east", "west", "governorate", "control",
             # a school named after its town ('the American University of Beirut')
             "university", "college"}
# the vocabulary entry's flag of a word that may be a spelling of someone's surname (one of the bits spaCy leaves to
# its users; the pipeline's vocabulary computes none of its own flags)
_MAY_SPELL = FLAG63
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sheikh", "Ayatollah", "General", "Gen."}
_HONOURED = {h.rstrip(".") for h in HONORIFICS}


# a name's article as written in transliterations: 'al-Moualem', 'el-Moualem', 'Al-Moualem', 'Al Moualem'
_ARTICLES = {"al", "el", "al-", "el-"}
_DIGRAPHS = (("'", ""), ("q", "k"), ("dh", "d"), ("kh", "k"), ("ou", "u"), ("ee", "i"))


def skeleton(word: str) -> str:
    """A transliterated name's consonants in order, its first letter kept, vowels (and 'y' after the first
    letter), apostrophes and doubled letters dropped: 'Moualem', 'Muallem', 'Moallem' -> 'mlm'; 'Jaafari',
    "Ja'afari", 'Jaafary' -> 'jfr'; 'Assad', 'Asad' -> 'asd'. English spells Arabic names' vowels and
    doubled consonants many ways; their consonants it spells alike."""
    w = word.lower()
    for a, b in _DIGRAPHS:
        if a in w:
            w = w.replace(a, b)
    out = w[:1]
    for c in w[1:]:
        if c not in "aeiouy" and c != out[-1]:
            out += c
    return out


def _bare(word: str) -> str:
    """A surname without its article: 'al-Moualem' -> 'Moualem'."""
    head, _, rest = word.partition("-")
    return rest if rest and head.lower() in _ARTICLES else word


def _variants(form: str) -> set[str]:
    out = {form, form[:1].upper() + form[1:]}
    if len(form) >= 5 and form[:1].isupper():
        out.add(form.upper())
    if len(form) >= 4 and form.isalpha() and form.isupper():
        out.add(form.capitalize())  # an acronym as British and East African papers write it ('Nato', 'Igad', 'Farc')
    return out


class _Words(dict):
    """A word's hash -> the word: the vocabulary's string store read once per word, then a dict's look-up (the store's
    own look-up decodes the word anew each time; the matcher's loop reads a few neighbours of every name)."""

    def __init__(self, store):
        super().__init__()
        self.store = store

    def __missing__(self, key: int) -> str:
        word = self[key] = self.store[key]
        return word


@component("actors")
class ActorMatcher:
    def __init__(self, ctx: Context):
        self.lex: Lexicon = ctx.lexicon
        self.vocab = ctx.nlp.vocab
        self.words = _Words(self.vocab.strings)
        self.matcher = PhraseMatcher(ctx.nlp.vocab, attr="ORTH")
        forms: dict[str, tuple[str, str]] = {}
        # later entries win: the case's actors come after the built-in world in the lexicon
        for e in self.lex.entries.values():
            target_gov = self.lex.government(e.id) if e.kind == "state" else e.id
            groups = [("name", [e.name, *e.aliases], e.id), ("demonym", e.demonyms, e.id),
                      ("people", [d + "s" for d in e.demonyms if d[-1:] in "ni"] + e.people, e.id),
                      ("capital", [e.capital] if e.capital else [], target_gov),
                      ("metonym", e.metonyms, target_gov), ("short", e.short, e.id)]
            for via, names, actor in groups:
                for n in names:
                    for v in _variants(n):
                        if via == "short" and v in forms and forms[v][1] != "short":
                            continue  # a full name elsewhere beats a surname
                        forms[v] = (actor, via)
        self.forms = forms
        # cities: capitals, and the dateline places that are no state ('Brussels', an alias of the EU, is a
        # place after 'in' as a capital is)
        states = {e.name.lower() for e in self.lex.entries.values() if e.kind == "state"}
        self.capitals = {e.capital for e in self.lex.entries.values() if e.capital} \
            | {p.title() for p in self.lex.timezones if p.lower() not in states}
        tok = ctx.nlp.tokenizer
        # each match id's actor and way of naming, read from a dict (the string store's lookup and a split of
        # its key for each of a document's matches cost a tenth of the component)
        self.key_of: dict[int, tuple[str, str]] = {}
        for (actor, via), group in _group(forms).items():
            self.matcher.add(f"{actor}|{via}", list(tok.pipe(group)))
            self.key_of[self.vocab.strings[f"{actor}|{via}"]] = (actor, via)
        self.people = {e.id for e in self.lex.entries.values() if e.kind == "person"}
        # states with parties of their own in the world (a government, rival assemblies): their nation is no actor
        states = {e.id for e in self.lex.entries.values() if e.kind == "state"}
        self.divided = {s for e in self.lex.entries.values() if e.kind in ("government", "political_group", "armed_group")
                        for s in [e.id.rsplit("-", 1)[0]] if s in states}
        self._spelled_index(forms)
        self.tails = _tails(self.lex, forms)
        # the first words of titles ('President', 'Foreign'): a divided state's possessive before one opens the title
        self.title_openers = {t.title.split()[0].lower() for t in self.lex.titles}
        self.outlet_words = self.lex.name_words.get("outlet_words", frozenset())
        self.title_of = {}
        # each title's words (their LOWER hashes) by its first word's: a title is looked for only where a token is such a
        # first word (a second PhraseMatcher's pass over every token cost more than the first's sixty-odd words' look-ups)
        titles_by_first: dict[int, set[tuple[int, ...]]] = {}
        for t in self.lex.titles:
            words = tuple(w.lower for w in tok(t.title.lower()))
            titles_by_first.setdefault(words[0], set()).add(words)
            self.title_of[t.title.lower()] = t
        self._titles_by_first = {first: sorted(titles) for first, titles in titles_by_first.items()}
        self._title_firsts = np.array(sorted(titles_by_first), dtype=np.uint64)

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        tokens = doc.tokens
        strings = self.words
        matches = self.matcher(tokens)
        key_of = self.key_of
        keyed = {(s, e): key_of[m] for m, s, e in matches}
        # the tokens' words and offsets as plain lists: a spaCy Token made for each look at a neighbour cost
        # a tenth of the component
        arr = doc.token_array(LOWER, IDX, LENGTH)
        lows, idxs, lens = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
        n = len(lows)
        title_keys = self._title_spans(arr[:, 0], lows)
        places = doc.places
        # where a person's name ends: "Samantha Power of the United States" is the state she represents
        people = self.people
        person_ends = {e for (s, e), (actor, _) in keyed.items() if actor in people}
        actor_ends = {e for _, e in keyed}
        place_end = -1  # the token after the last state read as a place: 'from Turkey and Jordan' are both places
        for first, last in _longest_first(list(keyed) + list(title_keys)):
            start, end = idxs[first], idxs[last - 1] + lens[last - 1]
            if places and any(ps <= start < pe for ps, pe in places):
                continue
            key = keyed.get((first, last))
            if key is None or ((first, last) in title_keys and key[1] == "short"):
                self._title(doc, first, start, end)
                continue
            actor, via = key
            entry = self.lex.entries[actor]
            if entry.kind != "state" and last - first == 1 and strings[lows[first]] in STOP_WORDS \
                    and _in_capitals(doc.norm, start, end):
                continue  # 'THIS IS A RUSH TRANSCRIPT': a word in a line of capitals, not the group's acronym
            prev = strings[lows[first - 1]] if first > 0 else ""
            nxt = strings[lows[last]] if last < n else ""
            before_prev = strings[lows[first - 2]] if first > 1 else ""
            located = prev in PLACE_WORDS or (prev in ("to", "from") and before_prev in MOTION_WORDS) \
                or (prev == "to" and _goer_before(strings, lows, first - 1)) \
                or (prev in ("and", "or") and first - 1 == place_end) \
                or (prev == "," and first - 1 == place_end and nxt in (",", "and", "or", "-", "\u2013", "\u2014")) \
                or (prev == "from" and doc.norm[idxs[first - 1]] == "F") \
                or (prev == "," and before_prev in _GREETINGS and entry.kind == "state") \
                or (prev == "from" and (before_prev in FROM_WORDS or (before_prev in ("us", "me") and first > 2
                                                                      and strings[lows[first - 3]] in FROM_WORDS))) \
                or (prev == "from" and first > 4 and before_prev in self.lex.message_media
                    and strings[lows[first - 3]] in ("a", "an")
                    and strings[lows[first - 4]] == "in" and strings[lows[first - 5]] in FROM_WORDS) \
                or (prev in PLACE_NOUNS and via == "capital") \
                or (via == "metonym" and before_prev in PLACE_WORDS and doc.norm.startswith(("the ", "The "), start)) \
                or (prev == "the" and before_prev in self.lex.land_prepositions and entry.kind == "state"
                    and via == "name") \
                or (via == "metonym" and prev == "," and _address_of(doc.norm, strings, lows, idxs, first, end))
            if via == "metonym" and located:
                continue  # "talks at the Kremlin": the building, not the state
            if via == "capital" or doc.text[start:end] in self.capitals:
                after = strings[lows[last + 1]] if nxt == "-" and last + 1 < n else nxt
                # 'Maria Zakharova, Moscow, February 18, 2016': a header's place and date
                dated = nxt == "," and bool(_DATE_WORD.match(doc.norm, idxs[last] + 1))
                seized = prev == "of" and before_prev in _PLACE_OF  # 'their takeover of Sanaa', 'the provinces of Damascus'
                # 'in Parliament House, Kampala': the town of an address after a building's name
                seized = seized or (prev in (",", ")") and _address_of(doc.norm, strings, lows, idxs, first, end))
                # 'Jane Roe, senior researcher, Amman;': where a listed speaker works, after her role in small letters
                seized = seized or (prev == "," and before_prev.isalpha() and doc.norm[idxs[first - 2]].islower()
                                    and (nxt in (";", ")") or doc.norm[end:end + 1] in ("\n", "")
                                         or doc.norm[end:end + 2] in (".\n", ".")))
                # 'ICRC Damascus, media office', 'UNHCR Amman': a body's office in the town
                seized = seized or (first > 0 and self._office_of_body(doc.norm, idxs[first - 1], start))
                # 'Wednesday, 3 February 2016 - Brussels': a header's place after its date
                line_start = doc.norm.rfind("\n", 0, start) + 1
                dated = dated or (prev == "-" and doc.norm[end:end + 1] in ("\n", "")
                                  and any(c.isdigit() for c in doc.norm[line_start:start]))
                located = located and nxt != "'s"  # 'what has changed in Moscow's calculations': its owner
                # 'a Berlin institute', 'a Madrid hospital': a kind of place in the town ('a Moscow proposal' is the state's)
                located = located or (via == "capital" and prev in ("a", "an") and nxt in self.lex.town_kinds)
                # "Tripoli's airspace", "Cairo's streets": the town's own ground and people
                seized = seized or (nxt == "'s" and last + 1 < n and strings[lows[last + 1]] in _CITY_PARTS)
                # 'Bern, Press releases, 14.03.2016', 'Vienna/Mariupol, 4 January': a dateline opening its line;
                # 'CH-3003 Bern': an address's town after its postal code
                dated = dated or (line_start == start and bool(_DATELINE.match(doc.norm, end))) \
                    or any(c.isdigit() for c in strings[lows[first - 1]] if first > 0)
                # 'an Ankara think tank' ('Does China think ...' is no place)
                think_tank = after == "think" and last + 1 < n and strings[lows[last + 1]] in ("tank", "tanks", "-")
                # 'the so-called Moscow and Cairo groups': the first town names the groups as the second does
                if nxt in ("and", "or") and last + 2 < n and _word(doc.text, idxs, lens, last + 1) in self.capitals:
                    after = strings[lows[last + 2]]
                # 'a little-known Tripoli businessman', 'Kabul shopkeepers': the town's people
                think_tank = think_tank or after in self.lex.town_people
                # 'from Tobruk to Tripoli': the far end of a stretch of land, which opens with a place: a known one
                # or a name the dictionary gives no actor ('a letter from the EU to Moscow' goes to the state)
                fellow = _word(doc.text, idxs, lens, first - 2) if first > 1 else ""
                three_back = strings[lows[first - 3]] if first > 2 else ""
                # a name the dictionary lacks opens the stretch only right after 'from' ('from Sabha to Tripoli'):
                # after another word it may end a person's name ('from Jane Roe to Moscow', 'from Ms Roe to Moscow')
                fellow_place = fellow in self.lex.places or fellow in self.capitals \
                    or (fellow[:1].isupper() and first - 1 not in actor_ends and three_back == "from")
                located = located or (prev == "to" and fellow_place
                                      and "from" in (three_back, strings[lows[first - 4]] if first > 3 else ""))
                # 'the countryside of Latakia and Damascus', 'in the West Bank and Amman': a place's fellow, in the
                # place's own context ('Europe and Moscow have agreed': the fellow is a subject, the capital its state)
                if not located and prev in ("and", "or") and first > 2:
                    ctx = self._before_place(doc.text, strings, lows, idxs, lens, first - 2)
                    located = ctx >= 0 and (strings[lows[ctx]] in PLACE_WORDS
                                            or (strings[lows[ctx]] == "of" and ctx > 0
                                                and strings[lows[ctx - 1]] in _PLACE_OF))
                if located or after in PLACE_NEXT or dated or seized or think_tank:
                    # 'in Riyadh and Sanaa': both places; 'MANILA, Philippines -': the dateline's country too
                    place_end = last if located or dated else place_end
                    continue
            if entry.kind in ("state", "government") and start > 1 and doc.norm[start - 1] == "-" \
                    and _JOINING.search(doc.norm, max(0, start - 7), start):
                continue  # 'the Inter-Burundi Dialogue', 'intra-Afghan talks': the parties within it, no state acting
            if entry.kind == "state" and via == "name":
                if nxt in self.outlet_words and doc.norm[idxs[last]].isupper():
                    continue  # 'the Korea Herald', 'Kenya Airways': an outlet's or an airline's name
                if _building_after(doc.norm, strings, lows, idxs, last, n):
                    continue  # 'the Myanmar International Convention Centre': a building's name
                if nxt == "-" and last + 1 < n:
                    nxt = strings[lows[last + 1]]  # 'a Britain-based monitor': where it sits, not who acts
                if nxt == "'s" and self.lex.government(actor) != actor:
                    gov_at = last + 1
                    if gov_at + 1 < n and strings[lows[gov_at]] in _GOVERNMENT_KINDS:
                        gov_at += 1  # "Somalia's federal cabinet": the government under the name of its kind
                    gov_word = strings[lows[gov_at]] if gov_at < n else ""
                    if gov_word in GOVERNMENT_WORDS:  # "Colombia's government": the government, one mention
                        gov_end = idxs[gov_at] + lens[gov_at]
                        doc.mentions.append(Mention(start, gov_end, doc.text[start:gov_end], self.lex.government(actor),
                                                    "government", "name", 0.95, "GOV"))
                    if not (gov_at < n and strings[lows[gov_at]] in self.title_openers and doc.norm[idxs[gov_at]].isupper()):
                        continue  # "Syria's war", "Syria's ambassador": the country whose government is a party apart
                    # "South Sudan's President", "Yemen's Foreign Minister": a title the state's name opens, as France's
                owned = nxt == "'s"
                if owned and last + 1 < n and strings[lows[last + 1]] in _LAND_NOUNS:
                    continue
                called_on = prev == "on" and (before_prev in ("called", "call", "calls", "calling", "urged", "pressed")
                                              or before_prev in _LAID_ON
                                              or bool(_CALL_ON.search(doc.norm, max(0, start - 80), start))
                                              or bool(_DEPEND_ON.search(doc.norm, max(0, start - 50), start)))
                # 'For France, Assad cannot stay': the state whose view the sentence gives
                fronted = prev == "for" and nxt == "," and first > 0 and doc.sent_of(start)[0] == idxs[first - 1]
                represented = (prev == "of" and (before_prev in REPRESENTED_BY or before_prev in self.lex.state_acts
                                                 or first - 1 in person_ends
                                                 or _name_before(doc.norm, idxs, strings, lows, first - 1))) \
                    or (prev == "for" and before_prev in SPEAKING)
                # 'the importance of Russia ending its air campaign': the state does what the -ing word says
                acting = prev == "of" and nxt.endswith("ing") and nxt not in _NOT_GERUNDS and len(nxt) > 4
                # 'it is not for Canada to rewrite it': the one who would do what the infinitive says
                infinitive = prev == "for" and nxt == "to"
                # 'Arusha, Tanzania, 21st May', 'EAC Secretariat, Arusha, Tanzania' at a line's end: an address's country
                located = located or (prev == "," and first > 1 and doc.norm[idxs[first - 2]].isupper()
                                      and (doc.norm[end:end + 1] in ("\n", "") or bool(_DATELINE.match(doc.norm, end))))
                if not owned and (located or (prev in STATE_TOPIC_WORDS and not (called_on or represented or fronted
                                                                                  or acting or infinitive))
                                  or nxt in STATE_MODIFIED or _topic_before(strings, lows, first, nxt)):
                    place_end = last if located else place_end
                    continue
            if entry.kind not in ("person", "state", "government") and _venue_after(strings, lows, last, nxt):
                continue  # 'at the UN's European headquarters', 'the Security Council stakeout': the body's premises
            # 'anti-Assad forces': forces against the leader, not his government's
            against = prev == "-" and before_prev in self.lex.stance_prefixes
            if entry.kind == "person" and nxt in _LED_BODY and doc.published is not None and not against:
                # 'the Hadi government', 'the Assad regime': the government of the state its leader heads on the day
                led = [r.of for r in entry.roles if r.holds_on(doc.published) and r.of in self.lex.entries
                       and self.lex.entries[r.of].kind == "state" and r.title.lower() in _LEADERS]
                if len(led) == 1:
                    gov_end = idxs[last] + lens[last]
                    doc.mentions.append(Mention(start, gov_end, doc.text[start:gov_end], self.lex.government(led[0]),
                                                "government", "name", 0.95, "GOV"))
                    continue
            if via == "people" and (prev != "the" or actor in self.divided):
                continue  # "the Syrians will decide", 'the Libyans deserve a government': the people, not the state
                # whose government, or whose rival governments, are parties of their own
            if entry.kind == "state" and via == "name" and _heading(doc.norm, start, end):
                continue  # "**Syria**", "Syrian Arab Republic: Humanitarian update": a heading's topic
            if via == "demonym":
                # 'U.S. Ambassador Samantha Power', 'US officials': an abbreviated name before a noun is the state's
                # name, as 'UN' is in 'UN envoy', not an adjective of nationality that needs a noun of the state
                # (not a demonym in a headline's capitals: 'SYRIAN REFUGEES')
                abbreviated = not any(c.islower() for c in doc.text[start:end]) and \
                    ("." in doc.text[start:end] or end - start <= 3)
                gov = self.lex.government(actor)
                if nxt and any(c.isdigit() for c in nxt) and last + 1 < n:
                    nxt = strings[lows[last + 1]]  # 'a Russian Su-24 bomber': the noun after the model
                elif nxt in _DEMONYM_SKIP and last + 1 < n:
                    nxt = strings[lows[last + 1]]
                if gov != actor and nxt in ("and", "or") and last + 2 < n and tokens[last + 1].text in self.lex.demonym_of \
                        and strings[lows[last + 2]] in GOVERNMENT_WORDS:
                    # 'the Syrian and Russian air forces': the first state's forces too, its government's
                    doc.mentions.append(Mention(start, end, doc.text[start:end], gov, "government", "name", 0.9, "MIL"))
                    continue
                if gov != actor and nxt in GOVERNMENT_WORDS:  # "Syrian army": the government, one mention
                    gov_last = last + (1 if last + 1 < len(tokens) and tokens[last + 1].lower_ in ("forces", "force") else 0)
                    gov_end = tokens[gov_last].idx + len(tokens[gov_last])
                    doc.mentions.append(Mention(start, gov_end, doc.text[start:gov_end], gov, "government", "name",
                                                0.95, "MIL" if nxt in ("army", "military", "troops", "forces") else "GOV"))
                    continue
                if nxt in ("and", "or") and last + 2 < len(tokens) and (tokens[last + 1].text in self.lex.demonym_of
                                                                    or tokens[last + 1].lower_ in ("government", "regime")):
                    nxt = tokens[last + 2].lower_  # "French and British aircraft", "the Russian or American centres"
                elif nxt == "-" and last + 2 < len(tokens) and tokens[last + 1].text in self.lex.demonym_of:
                    nxt = tokens[last + 2].lower_  # "the Russian-American agreements"
                nation = prev == "the" and doc.text[start:end].endswith(("ch", "sh", "ese")) and nxt in _NATION_NEXT
                if nxt not in ACTOR_NOUNS and not nxt.startswith("-") and not nation and not abbreviated:
                    continue
                led = strings[lows[last + 1]] if nxt == "-" and last + 1 < n else ""
                if (led in NATIONALS_LED and gov != actor) or led in _ORIGIN:
                    continue  # 'Syrian-led'; 'the British-based Observatory': where it sits, not who acts
                if abbreviated:
                    via = "name"  # no adjective for coref to fold into a title after it
            if via == "name" and doc.norm[start:end].lower() in DESCRIBED:
                via = "described"  # no name: events and quotes read who it is, the candidate is a description
            if doc.norm[start:start + 4] in _THE and via in ("name", "metonym"):
                start += 4  # spans leave out a leading article (before a line break too: wrapped text)
            doc.mentions.append(Mention(start, end, doc.text[start:end], actor, entry.kind, via, _CONFIDENCE[via]))
        self._spellings(doc, lows, idxs, lens, keyed, title_keys)
        doc.mentions.sort(key=START)
        self._glued(doc, idxs, lows, strings)
        doc.mentions.sort(key=START)
        self._defined_terms(doc)
        self._short_forms(doc)
        _organ_of_itself(doc)
        self._acronyms(doc)
        return doc

    def _title_spans(self, words: np.ndarray, lows: list[int]) -> set[tuple[int, int]]:
        """The token spans of every title (lower case), overlapping ones too, as a PhraseMatcher of the titles finds them:
        tried where a title's first word stands (``words`` the LOWER column, ``lows`` the same as a list)."""
        firsts = self._title_firsts
        out: set[tuple[int, int]] = set()
        if not len(firsts):
            return out  # a dictionary without titles
        by_first = self._titles_by_first
        for s in np.flatnonzero(firsts.take(np.searchsorted(firsts, words), mode="clip") == words).tolist():
            for title in by_first[lows[s]]:
                e = s + len(title)
                if tuple(lows[s:e]) == title:
                    out.add((s, e))
        return out

    def _spelled_index(self, forms: dict[str, tuple[str, str]]) -> None:
        """People's surnames (and the first names before them) by skeleton, for spellings the dictionary
        does not list. A skeleton two actors share, or that another actor's one-word form has, is left out;
        so are surnames that are common words (strict) and skeletons under three letters ('Kerry', 'Ban')."""
        sur: dict[str, set[str]] = {}
        self.first_names: dict[str, set[str]] = {}
        for e in self.lex.entries.values():
            if e.kind != "person" or e.strict_short:
                continue
            # the one-word surnames the person goes by ('Ould Cheikh Ahmed' goes by no 'Ahmed')
            alone = [s for s in e.short if " " not in s] or ([] if e.short else [e.name.split()[-1]])
            keys = {skeleton(_bare(word)) for word in alone}
            for key in keys:
                if len(key) >= 3:
                    sur.setdefault(key, set()).add(e.id)
            # one who goes by his first name ('Mulatu Teshome', 'Mulatu') has no first name before that word: else any
            # two spellings of it ('the Malat Malat Front') would be his full name
            for form in (e.name, *e.aliases):
                if " " in form and skeleton(form.split()[0]) not in keys:
                    self.first_names.setdefault(e.id, set()).add(skeleton(form.split()[0]))
        self.surnames = sur
        # 'Bashar' is no spelling of 'Bashir', nor 'Jeffrey' of 'Jaafari': a word of another actor's name is that name
        self.words_of: dict[str, set[str]] = {}
        for form, (actor, _) in forms.items():
            for word in form.lower().split():
                self.words_of.setdefault(_bare(word), set()).add(actor)
        self._spelled: dict[str, tuple[str, ...]] = {}  # a lower-case word -> the people its skeleton may name
        # each word judged once, when the vocabulary makes its entry (the tokenizer meeting it; a set of each
        # document's words and a lookup of each cost more than the judging itself): the hashes of the lower-case words
        # that may spell a surname, sorted, are looked up in the LOWER column of the array the matcher's loop reads
        # (reading the entries' flag was a second array of each document, as dear as the first's three columns)
        self._spelled_hashes: set[int] = set()
        self._spelled_sorted: np.ndarray | None = np.array([], dtype=np.uint64)
        self.vocab.add_flag(self._judge, flag_id=_MAY_SPELL)

    def _judge(self, orth: str) -> bool:
        """Whether a word may be a spelling of someone's surname (its people kept in _spelled). Only a word that opens
        with a capital is read as one (_spellings): most words the tokenizer meets are judged at one comparison."""
        if not orth[:1].isupper():
            return False
        word = orth.lower()
        people = self._spelled.get(word)
        if people is None:
            ok = len(word) > 3 and word.replace("'", "").isalpha()
            found = self.surnames.get(skeleton(word), set()) if ok else set()
            people = self._spelled[word] = () if self.words_of.get(word, found) - found else tuple(sorted(found))
            if people:
                self._spelled_hashes.add(get_string_id(word))
                self._spelled_sorted = None  # sorted again when a document next asks
        return bool(people)

    def _spelled_tokens(self, doc: IngestDoc) -> list[int]:
        """The tokens whose lower-case word may spell a surname: the words judged so opening with a capital, and the same
        words in other cases (which ``_spellings`` passes over, as words not opening with a capital)."""
        spelled = self._spelled_sorted
        if spelled is None:
            spelled = self._spelled_sorted = np.array(sorted(self._spelled_hashes), dtype=np.uint64)
        if not len(spelled):
            return []
        words = doc.token_array(LOWER, IDX, LENGTH)[:, 0]
        return np.flatnonzero(spelled.take(np.searchsorted(spelled, words), mode="clip") == words).tolist()

    def _spellings(self, doc: IngestDoc, lows: list[int], idxs: list[int], lens: list[int],
                   keyed: Iterable[tuple[int, int]], titles: Iterable[tuple[int, int]]) -> None:
        """'Walid al-Moallem', 'Ja'afari': a person's name spelled otherwise than the dictionary's forms, found by
        its surname's skeleton; with the person's first name before it, a full name, else a surname (of the one
        person it may be, or of the one of them the article has named)."""
        hits = self._spelled_tokens(doc)
        if not hits:
            return
        strings = self.words
        spelled = self._spelled
        covered = {i for first, last in keyed for i in range(first, last)}
        title_ends = {last for _, last in titles}
        norm = doc.norm
        found: list[Mention] = []
        for i in hits:
            if i in covered or not norm[idxs[i]].isupper():
                continue
            first = i
            if i > 1 and strings[lows[i - 1]] == "-" and strings[lows[i - 2]] in _ARTICLES:
                first = i - 2  # 'al-Moallem': the article is part of the surname
            elif i > 0 and strings[lows[i - 1]] in _ARTICLES:
                first = i - 1  # 'Al Moallem'
            people = spelled[strings[lows[i]]]
            given = skeleton(strings[lows[first - 1]]) if first > 0 and norm[idxs[first - 1]].isupper() \
                and first - 1 not in covered else ""
            named = [a for a in people if given in self.first_names.get(a, ())]
            if len(named) == 1:
                actor, via, first = named[0], "name", first - 1
            else:
                # a surname alone ends its name: a spelling with a name's word after it is another person's given
                # name ('Kerem Altan' is nobody's 'Koroma'), unless that word is a day or a month ('Lavrov Monday')
                nxt = i + 1
                if nxt < len(idxs) and idxs[nxt] == idxs[i] + lens[i] + 1 and norm[idxs[nxt]].isupper() \
                        and strings[lows[nxt]] not in MONTHS and strings[lows[nxt]] not in WEEKDAYS \
                        and norm[idxs[nxt] + 1:idxs[nxt] + 2].islower():
                    continue
                # a surname alone only for a person the article has named, or after a title: 'Jobar' (a district)
                # spells 'Jubeir' too
                earlier = {m.actor for m in [*doc.mentions, *found] if m.start < idxs[i]}
                known = [a for a in people if a in earlier]
                titled = first in title_ends or (first > 0 and strings[lows[first - 1]].title().rstrip(".") in _HONOURED)
                if len(known) != 1 and not (titled and len(people) == 1):
                    continue
                actor, via = (known or people)[0], "short"
            start, end = idxs[first], idxs[i] + lens[i]
            found.append(Mention(start, end, doc.text[start:end], actor, "person", via, 0.97 if via == "name" else 0.85))
        doc.mentions.extend(found)

    def _acronyms(self, doc: IngestDoc) -> None:
        """'the OSCE Special Monitoring Mission (SMM)': a part of a known body, named by its words after the body's
        name and defined by their initials in parentheses, is a mention of that body wherever the acronym stands."""
        found: list[Mention] = []
        for a in _ACRONYM.finditer(doc.norm):
            words = _PART_WORDS.search(doc.norm, max(0, a.start() - 80), a.start())
            if words is None:
                continue
            body = next((m for m in doc.mentions_in(words.start(), a.start()) if m.actor and m.kind != "person"), None)
            if body is None:
                continue
            part = doc.norm[body.end:a.start()]
            initials = "".join(w[0] for w in part.split() if w[0].isupper())
            served = "".join(w[0] for w in _SERVES.split(part)[0].split() if w[0].isupper())
            # 'the African Union High-Level Implementation Panel (AUHIP)': the body's own initials may lead
            own = "".join(w[0] for w in doc.norm[body.start:body.end].split() if w[0].isupper())
            if not initials or a.group("acr") not in (initials, own + initials, served, own + served):
                continue
            for use in re.finditer(rf"\b{a.group('acr')}\b", doc.norm):
                if not doc.mentions_in(use.start(), use.end()):
                    found.append(Mention(use.start(), use.end(), use.group(), body.actor, body.kind, "acronym", 0.85))
        if found:
            doc.mentions = sorted(doc.mentions + found, key=START)

    def _glued(self, doc: IngestDoc, idxs: list[int], lows: list[int], strings) -> None:
        """'U.S.-Russian truce', 'the U.N.-brokered talks': one token the matcher cannot see into (found with
        a regular expression over the text: a look at every token cost more)."""
        found: list[Mention] = []
        if ".-" not in doc.norm:
            return  # every glued form holds one: a substring search spares the scan
        for g in _GLUED.finditer(doc.norm):
            if g.group("form") not in self.forms or (g.start() and doc.norm[g.start() - 1].isalnum()):
                continue
            actor, via = self.forms[g.group("form")]
            rest = g.group("rest")
            other = self.forms.get(rest)
            i = bisect.bisect_right(idxs, g.start()) - 1
            nxt = strings[lows[i + 1]] if i + 1 < len(lows) else ""
            if nxt == "-" and i + 2 < len(lows) and strings[lows[i + 2]] in GLUED_AFTER:
                nxt = "brokered"  # 'the U.S.-Russian-brokered plan': what both did, as 'the U.S.-Russian truce'
            pair = other is not None and other[1] == "demonym" and (nxt in ACTOR_NOUNS or nxt in _JOINT_NOUNS)
            if not pair and rest.lower() not in GLUED_AFTER:
                continue
            start = g.start()
            if doc.mentions_in(start, g.end()):
                continue  # inside a longer name: "the U.S.-led coalition"
            found.append(Mention(start, g.end("form"), g.group("form"), actor, self.lex.entries[actor].kind, via, 0.8))
            if pair:
                found.append(Mention(g.start("rest"), g.end(), rest, other[0], self.lex.entries[other[0]].kind,
                                     "demonym", 0.8))
        doc.mentions.extend(found)

    def _before_place(self, text: str, strings, lows: list[int], idxs: list[int], lens: list[int], last: int) -> int:
        """The token before a listed place of one to three words ending at token ``last``, and before its article
        ('in the West Bank', 'near New York'); -1 when no listed place ends there."""
        end = idxs[last] + lens[last]
        for first in range(last, max(-1, last - 3), -1):
            if text[idxs[first]:end] in self.lex.places:
                ctx = first - 1
                if ctx > 0 and strings[lows[ctx]] == "the":
                    ctx -= 1
                return ctx
        return -1

    def _office_of_body(self, norm: str, at: int, start: int) -> bool:
        """Whether the word at ``at``, right before a town, is a body's acronym ('ICRC Damascus': its office there)."""
        word = norm[at:start].strip()
        key = self.forms.get(word)
        return word.isupper() and len(word) > 1 and key is not None and key[1] == "name" \
            and self.lex.entries[key[0]].kind not in ("state", "person", "government")

    def _defined_terms(self, doc: IngestDoc) -> None:
        """'the Group', 'the Council' with a capital, after the body's full name: an official text's defined
        term for it (lower case, 'the council', stays a common noun)."""
        found = []
        norm = doc.norm
        terms = [(t.start(), *t.span("word"), t.group("word"), False) for t in _DEFINED_TERM.finditer(norm)] \
            if _DEFINED_TERM_WORDS.search(norm) else []
        if "members" in norm or "President" in norm or "Chair" in norm:  # what a bare term must stand before
            terms += [(t.start(), *t.span("word"), t.group("word"), True) for t in _BARE_TERM.finditer(norm)]
        seen = {t[1] for t in terms}
        terms += [t for t in self._bare_subjects(doc) if t[1] not in seen]
        for opening, start, end, word, bare in terms:
            if _HEADS_NAME.match(norm, end):
                continue  # the head of another body's name ('the Committee on Migration')
            if doc.mentions_in(opening, end) or any(m.start < start < m.end for m in doc.mentions_in(max(0, start - 80), start)):
                continue  # part of a name already ('the Security Council')
            # the body named last by a name ending in the word, or whose own name does (the ISSG's Group); a body named
            # only in a document's name ('Security Council resolution 2216') is not the one a
            # statement's 'the Council' stands for (its 'Council President' still is)
            # (the bare term of a communiqué is its own body's, the first it names: 'Council' of the AU's Peace and
            # Security Council, whatever council it names after)
            before = doc.mentions_in(0, opening)
            body = next((m for m in (before if bare == "communique" else reversed(before))
                         if m.actor and m.kind not in ("person", "state")
                         and word.lower() in (_head(self.lex.entries[m.actor].name), _head(m.text))
                         and (bare or not _DOCUMENT_AFTER.match(doc.norm, m.end))), None)
            if body is not None:
                found.append(Mention(start, end, doc.text[start:end], body.actor, body.kind, "defined", 0.8))
        if found:
            doc.mentions = sorted(doc.mentions + found, key=START)

    @staticmethod
    def _bare_subjects(doc: IngestDoc) -> list[tuple[int, int, int, str, bool | str]]:
        """'Council welcomed ...', 'informed Council that ...': the defined term without an article, as the African
        Union's and other regional bodies' communiqués write it, opening a sentence or after a verb or 'of', a word in
        small letters after it. Sought only for the head words of bodies the text names (a plain search each)."""
        norm = doc.norm
        heads = {w for m in doc.mentions if m.actor and m.kind not in ("person", "state")
                 and (w := m.text.rsplit(None, 1)[-1]) in _BARE_WORDS}
        out = []
        for word in heads:
            at = norm.find(word)
            while at >= 0:
                end = at + len(word)
                after = norm[end:end + 2]
                if (after[:1] in (",", ".") or (after[:1] == " " and after[1:].islower())) and _bare_opening(norm, at):
                    out.append((at, at, end, word, "communique"))
                at = norm.find(word, end)
        return out

    def _short_forms(self, doc: IngestDoc) -> None:
        """'the Support Group' in a text that names the International Syria Support Group: the last words of a body's
        name (its head a defined term's word), with a capital and the article, stand for the body the text names."""
        bodies = {m.actor for m in doc.mentions if m.actor in self.tails}
        if not bodies:
            return
        norm = doc.norm
        found = []
        for actor in bodies:
            for tail in self.tails[actor]:
                at = norm.find(tail)
                while at >= 0:
                    end = at + len(tail)
                    if norm[max(0, at - 4):at] in _THE and not norm[end:end + 1].isalnum() \
                            and not _HEADS_NAME.match(norm, end) and not doc.mentions_in(at, end):
                        found.append(Mention(at, end, doc.text[at:end], actor, self.lex.entries[actor].kind, "defined", 0.8))
                    at = norm.find(tail, end)
        if found:
            doc.mentions = sorted(doc.mentions + found, key=START)

    def _title(self, doc: IngestDoc, first: int, start: int, end: int) -> None:
        """Record a title: its office-holder's country from the words before it; coref names the holder."""
        title = self.title_of.get(doc.text[start:end].lower())
        if title is None or (start and doc.norm[start - 1] == "-"):
            return  # 'Under-Secretary-General': another office, whose last part is no title of its own
        anonymous = first > 0 and doc.tokens[first - 1].lower_ in ANONYMOUS_DETS
        doc.mentions.append(Mention(start, end, doc.text[start:end], None, "person",
                                    "anonymous" if anonymous else "title", 0.0, title.sector))


# what two states do together: "the U.S.-Russian truce"
_JOINT_NOUNS = {"truce", "deal", "agreement", "talks", "plan", "initiative", "ceasefire", "statement", "accord",
                "understanding", "cooperation", "relations", "proposal", "arrangement", "co-chairs", "contacts",
                "text", "draft", "brokered", "framework", "roadmap", "effort", "efforts"}


def _organ_of_itself(doc: IngestDoc) -> None:
    """'the Presidency Council of the Government of National Accord': an organ named by the dictionary as its body,
    then the body's name after 'of', is one mention of the body, the name after 'of' (not the same actor twice)."""
    drop = {id(a) for a, b in zip(doc.mentions, doc.mentions[1:])
            if a.actor and a.actor == b.actor and a.kind != "person" and doc.norm[a.end:b.start] in (" of the ", " of ")}
    if drop:
        doc.mentions = [m for m in doc.mentions if id(m) not in drop]


def _head(name: str) -> str:
    """A name's head word, lower case: its last ('the Security Council'), or its first before 'of' ('the League of Arab
    States', 'the Organization of American States')."""
    words = name.split()
    return words[0].lower() if len(words) > 2 and words[1] == "of" else words[-1].lower()


# a building's word before a comma and a town: an address ('Parliament House, Kampala', 'Palais des Nations, Geneva')
_BUILDINGS = {"house", "hall", "building", "palace", "centre", "center", "hotel", "complex", "headquarters", "room",
              "square", "nations", "palais", "residence", "chamber", "chambers", "street", "avenue", "road"}
def _building_after(norm: str, strings, lows: list[int], idxs: list[int], first: int, n: int) -> bool:
    """Whether capitalised words from token ``first`` on, three at most, end in a building's word: a state's name
    before them opens the building's name ('Jordan Convention Centre', 'Kenya International Conference Hall')."""
    for k in range(first, min(first + 3, n)):
        if not norm[idxs[k]].isupper():
            return False
        if strings[lows[k]] in _BUILDINGS:
            return True
    return False


# where an address's town ends it: its line's or sentence's end, or a comma and a date ('Conference Hall, Kampala, 4 March')
# (a header's fields apart by bars: 'Briefing Room, Executive Building, Malacañang | 3 Feb 2016')
_ADDRESS_END = re.compile(r"(?:[.;)]?[^\S\n]*(?:\n|$)|\.\s|,\s*\d|[^\S\n]+\|)")


def _address_of(norm: str, strings, lows: list[int], idxs: list[int], first: int, end: int) -> bool:
    """Whether a town after a comma is an address's: a building's capitalised word before the comma ('in Parliament
    House, Kampala.'), the town ending the address; not a list after a body's name ('the United Nations, Moscow and
    Washington') nor a sentence's subject after a fronted clause ('At the White House, Moscow agreed')."""
    if first > 2 and strings[lows[first - 1]] == ")" and strings[lows[first - 2]] in _BUILDINGS \
            and norm[idxs[first - 2]].isupper():
        return True  # 'in the Senate Hall (Parliament House) Islamabad': the town after the building's name in brackets
    if first < 2 or strings[lows[first - 2]] not in _BUILDINGS or not norm[idxs[first - 2]].isupper():
        return False
    if first > 2 and strings[lows[first - 3]] == "united":
        return False  # the United Nations: a body
    return bool(_ADDRESS_END.match(norm, end)) or bool(_DATE_WORD.match(norm, end + 1) and norm[end:end + 1] == ",")


# prefixes that make a state's name a dialogue or a process among its people ('Inter-Burundi', 'intra-Syrian')
# (a whole word: 'Japan-Russia talks' are two states')
_JOINING = re.compile(r"(?<![A-Za-z])(?:[Ii]nter|[Ii]ntra|[Pp]an|[Tt]rans|INTER|INTRA|PAN|TRANS)-$")
# capitalised words before 'of' that head a body's or a place's name, not a person's ('the Government of X', 'the
# Bank of X', 'the Republic of X')
_NAMED_OF = {"government", "republic", "kingdom", "state", "states", "forces", "front", "assembly", "senate", "court",
             "bank", "university", "ministry", "council", "parliament", "people", "army", "federation", "union",
             "emirate", "sultanate", "principality", "commonwealth", "islands", "coast", "gulf", "north", "south",
             "east", "west", "affairs", "group", "members", "friends", "statement", "embassy", "consulate"}


def _name_before(norm: str, idxs: list[int], strings, lows: list[int], of: int) -> bool:
    """'former President Benjamin Mkapa of Tanzania': two capitalised words before 'of', a person's name the
    dictionary may lack (coref and the proposed people come later), whose state the name after 'of' is."""
    if of < 2:
        return False
    last, first = of - 1, of - 2
    return norm[idxs[last]].isupper() and norm[idxs[first]].isupper() and strings[lows[last]] not in _NAMED_OF \
        and strings[lows[first]] not in _NAMED_OF and strings[lows[last]].isalpha() \
        and strings[lows[first]] not in STOP_WORDS  # 'The Invasion of Iraq', 'A History of Afghanistan': no name


def _tails(lex: Lexicon, forms: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """Each body's short forms: the last two words or more of its names, opening with a capital and ending in a defined
    term's word ('Support Group' of 'International Syria Support Group'), that name nothing else in the dictionary."""
    out: dict[str, list[str]] = {}
    for e in lex.entries.values():
        if e.kind in ("person", "state"):
            continue
        for name in (e.name, *e.aliases):
            words = name.split()
            if words[-1] not in _DEFINED_WORDS:
                continue
            for k in range(1, len(words) - 1):
                tail = " ".join(words[k:])
                if words[k][:1].isupper() and words[k] not in ("Of", "The") and tail not in forms:
                    out.setdefault(e.id, [])
                    if tail not in out[e.id]:
                        out[e.id].append(tail)
    return out


def _in_capitals(norm: str, start: int, end: int) -> bool:
    """Whether the words either side of a span are in capitals too (a line written in capitals)."""
    before, after = norm[max(0, start - 12):start].split()[-1:], norm[end:end + 12].split()[:1]
    return any(len(w) > 1 and w.isupper() for w in before + after)


def _heading(norm: str, start: int, end: int) -> bool:
    """Whether a name is a line's heading: alone on its line (stars and hashes aside) or its first words before
    a colon at the top of a document or paragraph."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    before, after = norm[line_start:start].strip("*# \t"), norm[end:line_end]
    return not before and (not after.strip("*# \t") or (after.startswith(":") and line_start == 0))


def _longest_first(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans without overlaps, longer ones first, then earlier ones (spaCy's ``filter_spans`` on plain
    pairs: building Span objects for every match cost more than the matching)."""
    out: list[tuple[int, int]] = []
    taken: set[int] = set()
    for first, last in sorted(set(pairs), key=lambda p: (p[0] - p[1], p[0])):
        if first not in taken and last - 1 not in taken:
            out.append((first, last))
            taken.update(range(first, last))
    return sorted(out)


def _group(forms: dict[str, tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for form, key in forms.items():
        out.setdefault(key, []).append(form)
    return out
