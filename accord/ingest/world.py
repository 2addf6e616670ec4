"""The dictionary: the built-in world (YAML beside this module) merged with a case's actors and words.

A case's actors win over built-in ones with the same id; their names, aliases and roles are added. The
world holds no issue: the stance cues of a case's issues, and any trigger words of its own, come with
the case (its ``vocabulary`` records), its words ahead of the world's. Everything the matchers need is
precomputed here once per pipeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

WORLD_DIR = Path(__file__).with_name("world")


@dataclass
class Role:
    title: str
    of: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    #: the state an office is about when its holder serves a body ("Special Envoy" of the UN for Syria)
    about: str | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        # the end is the first day out of office (the successor's start), so a handover day has one holder
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Entry:
    """One actor as the matchers see it."""

    id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    iso: str | None = None
    demonyms: list[str] = field(default_factory=list)
    #: the nation's name that is no demonym with an s ('Turks')
    people: list[str] = field(default_factory=list)
    capital: str | None = None
    metonyms: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    gender: str | None = None
    strict_short: bool = False
    roles: list[Role] = field(default_factory=list)


@dataclass
class Title:
    title: str
    canonical: str
    sector: str


# titles.yaml's word lists read as lower-case sets of the same name on the Lexicon
_TITLES_WORD_LISTS = ("record_fields", "common_abbreviations", "list_labels", "release_marks", "acting_verbs",
                      "post_nominals", "town_kinds", "town_people", "state_acts", "recall_listeners", "span_names_before",
                      "span_names_after", "land_prepositions", "stance_prefixes", "message_media", "clause_openers",
                      "clause_words", "dateline_abbreviations")
# the Lexicon's words from the world data, the same for every case's Lexicon
_WORLD_WORDS = ("places", "timezones", "clock_zones", "name_words", "styles", *_TITLES_WORD_LISTS)


class Lexicon:
    def __init__(self, entries: Iterable[Entry], titles: list[Title], sector_words: dict[str, str],
                 events: list[dict[str, Any]], issues: list[dict[str, Any]]):
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.entries[e.id] = e
        self.titles = titles
        self.title_by_lower = {t.title.lower(): t for t in titles}
        self.sector_words = sector_words
        self.events = events
        self.issues = issues
        self.demonym_of = {d: e.id for e in self.entries.values() for d in e.demonyms}
        self.country_of = {e.id: e.iso for e in self.entries.values() if e.iso}
        # indexes for resolving a title alone, built once rather than scanning every entry per mention
        self._holders_of_title: dict[str, list[tuple[str, Role]]] = {}
        self._people_of: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            for r in e.roles:
                self._holders_of_title.setdefault(r.title.lower(), []).append((e.id, r))
            for of in dict.fromkeys(r.of for r in e.roles if r.of):
                self._people_of.setdefault(of, []).append(e)
        #: proper nouns that are places, never actors
        self.places: set[str] = set()
        #: dateline place (upper case) -> IANA time zone
        self.timezones: dict[str, str] = {}
        #: a time stamp's zone abbreviation (upper case) -> its offset from UTC in hours, or an IANA zone
        self.clock_zones: dict[str, float | str] = {}
        #: words of other languages in the names of places, groups and outlets (name_words.yaml, lower case): which
        #: kind of name each list is of -> its words
        self.name_words: dict[str, frozenset[str]] = {}
        #: honorifics and religious, traditional and academic styles of many cultures that may open a person's name and
        #: are no part of it (titles.yaml's styles, lower case, without a full stop)
        self.styles: frozenset[str] = frozenset()
        #: the last words of a record's header fields ('DATE :', 'MEMBERS PRESENT:'; titles.yaml, lower case)
        self.record_fields: frozenset[str] = frozenset()
        #: common nouns' abbreviations ('CEO', 'NGO'; titles.yaml, lower case): no body's acronym
        self.common_abbreviations: frozenset[str] = frozenset()
        #: the labels of lists of people ('Participants:'; titles.yaml, lower case)
        self.list_labels: frozenset[str] = frozenset()
        #: the words a release closes or is marked with ('ENDS', 'PHOTO'; titles.yaml, lower case): no body's acronym
        self.release_marks: frozenset[str] = frozenset()
        #: the verbs a body acts with after its acronym ('CNARED said'; titles.yaml, lower case)
        self.acting_verbs: frozenset[str] = frozenset()
        #: letters after a person's name ('Jane Roe MP', 'Jane Roe QC'; titles.yaml, lower case): no part of it
        self.post_nominals: frozenset[str] = frozenset()
        #: the kinds of place in a town after 'a' and its name ('a Berlin institute'; titles.yaml, lower case)
        self.town_kinds: frozenset[str] = frozenset()
        #: the people of a town after its name ('a Tripoli businessman'; titles.yaml, lower case)
        self.town_people: frozenset[str] = frozenset()
        #: the nouns of a state's own act before 'of' and its name ('the readiness of Algeria'; titles.yaml, lower case)
        self.state_acts: frozenset[str] = frozenset()
        #: the words after which a state's name with its article is the land ('in the Czech Republic'; titles.yaml)
        self.land_prepositions: frozenset[str] = frozenset()
        #: the prefixes before a leader's name that make it the cause of the forces after it ('anti-Hadi troops';
        #: titles.yaml, lower case)
        self.stance_prefixes: frozenset[str] = frozenset()
        #: the forms a speaker speaks in from a town ('said in a statement from Riyadh'; titles.yaml, lower case)
        self.message_media: frozenset[str] = frozenset()
        #: the listeners of 'you will recall that ...' ('you', 'members'; titles.yaml, lower case)
        self.recall_listeners: frozenset[str] = frozenset()
        #: the words before and after a span of years that name it ('session 2015-2016', 'the 2015-16 season';
        #: titles.yaml, lower case)
        self.span_names_before: frozenset[str] = frozenset()
        self.span_names_after: frozenset[str] = frozenset()
        #: the words opening a sentence with a phrase before its subject ('Amid the talks in June, ...'; titles.yaml,
        #: lower case)
        self.clause_openers: frozenset[str] = frozenset()
        #: the auxiliaries and negations that make title-case words in marks a clause, not a thing's name
        #: ('the "Talks Will Fail"'; titles.yaml, lower case)
        self.clause_words: frozenset[str] = frozenset()
        #: the abbreviations a dateline writes with a dot ('GENEVA, Feb. 18, 2016 -'; titles.yaml, lower case)
        self.dateline_abbreviations: frozenset[str] = frozenset()
        #: the issues of the case being ingested (None: no case, look for all)
        self.case_issues: set[str] | None = None
        self._organs: dict[str, frozenset[str]] = {}
        #: the actors neither people nor states, by the first word of each of their names (built when first asked)
        self._by_first_word: dict[str, list[Entry]] | None = None

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def government(self, state: str) -> str:
        """The id that speaks for a state's government: the case's ``<state>-government`` when it has one."""
        gov = f"{state}-government"
        return gov if gov in self.entries else state

    def holders(self, title: str, of: str | None, on: dt.date | None) -> list[str]:
        """Who held a title (of an actor, if known) on a day."""
        canonical = self.title_by_lower.get(title.lower())
        want = (canonical.canonical if canonical else title).lower()
        out = [eid for eid, r in self._holders_of_title.get(want, ()) if (of is None or r.of == of) and r.holds_on(on)]
        return list(dict.fromkeys(out))

    def organs(self, body: str) -> frozenset[str]:
        """The actors (neither people nor states) named as an organ of a body: a name or alias that begins with
        one of the body's ("UN Security Council" for "UN"). Worked out once per body: articles ask per title."""
        if body not in self._organs:
            e = self.entries.get(body)
            names = tuple(f + " " for f in [e.name, *e.aliases]) if e else ()
            # only the actors with a name whose first word is one of the body's names' first words can have a name
            # beginning with one of them (a scan of every entry per body was a hundredth of the pipeline's time)
            if self._by_first_word is None:
                self._by_first_word = {}
                for o in self.entries.values():
                    if o.kind not in ("person", "state"):
                        for f in dict.fromkeys(f.split(" ", 1)[0] for f in [o.name, *o.aliases]):
                            self._by_first_word.setdefault(f, []).append(o)
            candidates = {o.id: o for n in names for o in self._by_first_word.get(n.split(" ", 1)[0], ())}
            self._organs[body] = frozenset(
                o.id for o in candidates.values() if any(f.startswith(names) for f in [o.name, *o.aliases]))
        return self._organs[body]

    def people_of(self, actor_id: str) -> list[Entry]:
        """People with a role of that actor (at any time)."""
        return self._people_of.get(actor_id, [])

    def country(self, actor_id: str | None) -> str | None:
        """ISO code of the state an actor belongs to (a person through their role, a government through its state)."""
        if actor_id is None:
            return None
        if actor_id in self.country_of:
            return self.country_of[actor_id]
        if actor_id.endswith("-government"):
            return self.country_of.get(actor_id.removesuffix("-government"))
        e = self.entries.get(actor_id)
        if e and e.roles:
            return self.country_of.get(e.roles[0].of or "")
        return None

    def merged(self, actors: Iterable[Any], issues: Iterable[str] | None = None,
               vocabulary: Iterable[Any] = ()) -> Lexicon:
        """A copy with a case's actors (``accord.record.model.Actor``), issue ids (the issues stances are
        looked for; None: every issue with cues) and words (``accord.record.model.Vocabulary``) merged in.

        A case actor that takes a name of a world actor with another id (a case's ``ansar-allah`` named
        "Houthis", the world's ``houthis``) is that actor: the world's entry is folded into the case's and
        the world's roles point to the case's id, so no name in the news resolves past the case."""
        actors = list(actors)
        entries = dict(self.entries)
        folded = _folded(entries, actors)
        base_of = {case_id: entries.pop(world_id) for world_id, case_id in folded.items()}
        for e in list(entries.values()):
            if any(r.of in folded for r in e.roles):  # a copy: the world's own entries are shared
                entries[e.id] = replace(e, roles=[replace(r, of=folded.get(r.of, r.of)) for r in e.roles])
        for a in actors:
            base = entries.get(a.id) or base_of.get(a.id)
            # a case's end is the last day served (a date range's last day); the world's end is the day after
            roles = [Role(r.title, r.of, r.start.start if r.start else None,
                          r.end.end + dt.timedelta(days=1) if r.end else None) for r in a.roles]
            short = set(base.short if base else []) or (_surnames(a.name) if a.kind == "person" else set())
            entry = Entry(
                id=a.id, kind=a.kind, name=a.name,
                aliases=sorted((set(a.aliases) | set(base.aliases if base else [])) - short),
                iso=a.country or (base.iso if base else None),
                demonyms=base.demonyms if base else [], people=base.people if base else [],
                capital=base.capital if base else None,
                metonyms=base.metonyms if base else [], short=sorted(short),
                gender=base.gender if base else None, strict_short=base.strict_short if base else True,
                # the world's roles use the titles the matchers know ("Special Envoy"); the case's may word
                # the same office otherwise: both are kept
                roles=roles + [r for r in (base.roles if base else []) if r not in roles],
            )
            if base and base.name != a.name:
                entry.aliases = sorted(set(entry.aliases) | {base.name})
            entries[a.id] = entry
        words = list(vocabulary)
        cues = {v.issue: _cues(v) for v in words if v.issue is not None}
        lex = Lexicon(entries.values(), self.titles, self.sector_words, _triggers(words, self.events),
                      [*cues.values(), *(i for i in self.issues if i["issue"] not in cues)])
        for name in _WORLD_WORDS:  # the world's words hold for every case
            setattr(lex, name, getattr(self, name))
        lex.case_issues = set(issues) if issues is not None else None
        return lex


def _folded(entries: dict[str, Entry], actors: list[Any]) -> dict[str, str]:
    """World ids whose entry a case actor of another id takes a name of (a person only for a person),
    each to that case actor; a world entry two case actors claim is left alone (and loses nothing)."""
    case_ids = {a.id for a in actors}
    claims: dict[str, set[str]] = {}
    for a in actors:
        if a.id in entries:
            continue  # the same id: merged field by field
        names = {n.lower() for n in a.names()}
        for e in entries.values():
            if e.id not in case_ids and (e.kind == "person") == (a.kind == "person") \
                    and names & {n.lower() for n in (e.name, *e.aliases)}:
                claims.setdefault(e.id, set()).add(a.id)
    folded = {w: next(iter(cs)) for w, cs in claims.items() if len(cs) == 1}
    # one case actor folds in at most one world entry: its first by id, the rest stay as they are
    taken: dict[str, str] = {}
    for w in sorted(folded):
        taken.setdefault(folded[w], w)
    return {w: c for c, w in taken.items()}


def _cues(v: Any) -> dict[str, Any]:
    """A case's stance cues for one issue, in the form of the stance detector's lexicon."""
    return {"issue": v.issue, "topic": v.topic, "toward_min": v.toward_min, "toward_max": v.toward_max,
            "values": [{"pattern": c.pattern, "value": c.value} for c in v.values]}


def _triggers(words: list[Any], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The case's trigger words ahead of the world's (the first type that claims a word keeps it), each
    with the CAMEO code of its type."""
    cameo = {e["type"]: e["cameo"] for e in events}
    own = [{"type": v.event, "cameo": cameo[v.event], "verbs": v.verbs, "irregular": v.irregular, "nouns": v.nouns}
           for v in words if v.event is not None]
    return own + events


def _surnames(name: str) -> set[str]:
    """Surname forms of a case's person the world does not know ("Riyad Hijab" -> Hijab; "Salem al-Meslet"
    -> al-Meslet, Meslet); used only after the full name or a title (strict)."""
    last = name.split()[-1] if len(name.split()) > 1 else ""
    if len(last) < 3 or not last[:1].isupper() and not last.startswith(("al-", "el-")):
        return set()
    bare = last.split("-", 1)[1] if last.startswith(("al-", "el-")) else None
    return {last} | ({bare[:1].upper() + bare[1:]} if bare else set())


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


#: libyaml's parser where PyYAML was built with it: the world's files are read at every pipeline build, and the
#: pure-Python parser spent more time on them than building the matchers did
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    with (WORLD_DIR / name).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python


@lru_cache(maxsize=1)
def world() -> Lexicon:
    """The built-in dictionary (cached: it is read-only)."""
    entries: list[Entry] = []
    states = _load("states.yaml")
    # every state's own names, 'the' left out: a style made for one state must not be (the end of) another's
    # ('Dominican Republic' is not Dominica, 'Republic of Congo' ends 'Democratic Republic of the Congo')
    ending: dict[str, set[str]] = {}  # every ending of every such name -> the states whose name ends so
    for st in states:
        for n in (st["name"], *st.get("aliases", [])):
            n = n.replace("the ", "")
            for i in range(len(n)):
                ending.setdefault(n[i:], set()).add(st["id"])
    for s in states:
        # a state's official style ('the State of Kuwait', 'the Republic of Turkey', 'the Turkish Republic'): the
        # forms of the name the world's states are styled by, made for each (a form no state bears is never written)
        styles = [f"{k} of {s['name']}" for k in ("Republic", "State", "Kingdom")] + \
            [f"{d} Republic" for d in s.get("demonym", [])[:1]]
        styles = [f for f in styles if f not in s.get("aliases", []) and not ending.get(f, set()) - {s["id"]}]
        entries.append(Entry(id=s["id"], kind="state", name=s["name"], iso=s["iso"],
                             aliases=[*s.get("aliases", []), *styles],
                             demonyms=s.get("demonym", []), people=s.get("people", []), capital=s.get("capital"),
                             metonyms=s.get("metonyms", [])))
        if gov := s.get("government"):
            # official texts name it 'the Government of Yemen': that form for every state the world tracks
            entries.append(Entry(id=f"{s['id']}-government", kind="government", name=gov["name"],
                                 aliases=[*gov.get("aliases", []), f"Government of {s['name']}",
                                          *(f"Government of the {f}" for f in styles if f.startswith("Republic of"))],
                                 iso=s["iso"]))
    iso_of = {s["id"]: s["iso"] for s in states}
    for r in _load("regions.yaml"):
        # matched as a state (a place after 'in', an actor when it acts), its country the state it belongs to
        entries.append(Entry(id=r["id"], kind=r.get("kind", "state"), name=r["name"], iso=iso_of[r["of"]],
                             aliases=r.get("aliases", [])))
    for name in ("organisations.yaml", "groups.yaml"):
        for o in _load(name):
            entries.append(Entry(id=o["id"], kind=o["kind"], name=o["name"], aliases=o.get("aliases", [])))
    for p in (*_load("people.yaml"), *_load("officeholders.yaml")):
        roles = [Role(r["title"], r.get("of"), _date(r.get("start")), _date(r.get("end")), r.get("for"))
                 for r in p.get("roles", [])]
        entries.append(Entry(id=p["id"], kind="person", name=p["name"], aliases=p.get("aliases", []),
                             short=p.get("short", []), gender=p.get("gender"),
                             strict_short=p.get("strict_short", False), roles=roles))
    t = _load("titles.yaml")
    titles = [Title(x["title"], x.get("same_as", x["title"]), x["sector"]) for x in t["titles"]]
    sector_words = {w: sector for sector, words in t["sectors"].items() for w in words}
    lex = Lexicon(entries, titles, sector_words, _load("events.yaml"), [])
    lex.styles = frozenset(w.lower().rstrip(".") for w in t.get("styles", ()))
    for name in _TITLES_WORD_LISTS:
        setattr(lex, name, frozenset(w.lower() for w in t.get(name, ())))
    lex.places = set(_load("places.yaml"))
    lex.timezones = {k.upper(): v for k, v in _load("timezones.yaml").items()}
    lex.clock_zones = {k.upper(): v for k, v in _load("clock_zones.yaml").items()}
    lex.name_words = {kind: frozenset(w.lower() for w in words) for kind, words in _load("name_words.yaml").items()}
    return lex
