"""Events: a trigger word gives the PLOVER type (and CAMEO code); the first actor named before it in its
clause (the subject) is the source, the first after it the target; the sentence's date and place ("in
Geneva") go with it.

One event per sentence: the first trigger outside direct quotes and names whose clause names an actor.
As event coders do, an event someone reports ("X attacked Z, the ministry said") is coded, with the
reporter kept as a claim (``reported_by``); its actors are read inside the reported clause. An event not
(yet) done is coded with its mood: an intention ("will provide aid", "offered to hand over": ``intended``,
PLOVER AGREE for a cooperative act, THREATEN for a hostile one), a threat ("threatened to shell":
``threatened``), a condition ("will boycott unless ...": ``conditional``); "must withdraw" in a report is
the reporter's DEMAND; a negated or refused cooperative act ("refused to withdraw") is a REJECT; a
negated or merely possible hostile one ("did not attack", "could strike") is no event.

Actors are the dictionary's mentions, then a demonym before a noun of people ("Sudanese rebels", "Egyptian
police": the state, with the sector the noun gives) and, failing both, a state named as a place in the
clause ("opposition groups in Zimbabwe"). The sector of each side (GOV, MIL, REB, ...) is read from the
words beside its mention ("Russian warplanes": MIL), for comparison with coded event data.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from accord.ingest.components.actors import START
from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.words import alternation, literal_spans, tagged_alternation

# (opening with one character class, the word's start checked after it: the engine skips to those letters, where
# a leading \b had it try the pattern at every character of a sentence)
_PLACE = re.compile(r"[aino](?<!\w.)(?:(?<=i)n|(?<=a)t|(?<=n)ear|(?<=o)utside)\s+(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)")


# a noun trigger counts only when the sentence says the thing happened ("the talks opened on Friday"); a
# sentence without one of these words holds no noun trigger (found by a cheap scan before the noun alternation)
_HAPPENED_WORDS = ("opened", "began", "started", "resumed", "ended", "took place", "were held", "was held", "collapsed",
                   "hit", "killed")
_HAPPENED = rf"(?=\W+(?:\w+\W+){{0,3}}?(?:{'|'.join(_HAPPENED_WORDS)}))"


_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]*")
# What stands a few words before a trigger and makes it not (yet) done: a refusal or negation, a mere
# possibility, an obligation, a threat, an intention (future, plan, offer, promise, infinitive).
_WINDOW = r"\s+(?:\w+\s+){0,2}$"
# in this order: a negation or refusal decides before the modal it sits under ('would not attack')
_MOODS = [(name, re.compile(rx + _WINDOW)) for name, rx in (
    ("neg", r"(?:\b(?:not|never|no longer|refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to)|n't)"),
    ("maybe", r"\b(?:could|may|might|whether)"),
    ("must", r"\b(?:must|should|ought to|has to|have to|had to)"),
    ("threat", r"\bthreat(?:en|ens|ened|ening) to"),
    ("intent", r"\b(?:will|would|shall|plans? to|planned to|planning to|intends? to|intended to|ready to|willing to|"
               r"prepared to|offer(?:s|ed)? to|promis(?:e|es|ed) to|pledg(?:e|es|ed) to|vow(?:s|ed)? to|"
               r"decid(?:e|es|ed) to|expected to|set to|going to|aims? to|seeks? to|sought to|wants? to|hopes? to|to)"),
)]
_TO_NEXT = re.compile(r"\s+to\s+(?:\w+\s+)?$")
_CONDITION = re.compile(r"\b(?:if|unless|provided that|as long as)\b", re.I)
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE"}
# a pronoun subject of a reported clause is the reporter ("Syria says it is willing to withdraw")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|they|he|she|we)\b", re.I)


def _by_first_word(forms: dict[str, tuple[str, str]]) -> dict[str, re.Pattern[str]]:
    """first word -> one pattern of the forms it opens, longest first, the form in group 1 (the engine tries
    the alternatives in order, as a loop over one pattern per form would, in one call). By word, not by
    letter as ``_forms``: a letter opens hundreds of verb forms, each a branch the engine would try."""
    out: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        out.setdefault(form.split()[0], []).append(re.escape(form))
    return {word: re.compile(r"(" + "|".join(alts) + r")\b") for word, alts in out.items()}


def _forms(forms: list[str], before: str, after: str) -> re.Pattern[str]:
    """``before + "form|form|..." + after``, the forms sharing a branch per first letter (tagged_alternation):
    at a position only the forms opening with its character are tried (branch by branch, a plain alternation's
    every form would be)."""
    return re.compile(before + tagged_alternation([(re.escape(f), None) for f in forms])[0] + after)


def _alternation(forms: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    """Lower-case forms only, longest first, the trigger in group 1."""
    return re.compile(r"\b(" + alternation(forms) + r")\b")


def _struck_a(norm: str, t: re.Match[str]) -> bool:
    """'struck a warier tone' is no strike."""
    return t.group(1) in ("struck", "strikes", "strike") and norm.startswith((" a ", " an "), t.end())


# past forms English does not make with -ed (the participle second when it differs)
_IRREGULAR = {
    "give": ("gave", "given"), "send": ("sent",), "hold": ("held",), "meet": ("met",), "take": ("took", "taken"),
    "fight": ("fought",), "shoot": ("shot",), "strike": ("struck",), "withdraw": ("withdrew", "withdrawn"),
    "lead": ("led",), "set": ("set",), "put": ("put",), "break": ("broke", "broken"), "bring": ("brought",),
    "speak": ("spoke", "spoken"), "begin": ("began", "begun"), "freeze": ("froze", "frozen"),
    "forgive": ("forgave", "forgiven"), "undertake": ("undertook", "undertaken"), "overrun": ("overran", "overrun"),
    "beat": ("beat", "beaten"), "pay": ("paid",), "make": ("made",), "throw": ("threw", "thrown"),
    "blow": ("blew", "blown"), "shut": ("shut",), "cut": ("cut",), "seek": ("sought",), "lay": ("laid",),
    "win": ("won",), "lose": ("lost",), "sell": ("sold",), "keep": ("kept",), "leave": ("left",),
    "stand": ("stood",), "tell": ("told",), "hit": ("hit",), "burn": ("burned", "burnt"), "slay": ("slew", "slain"),
    "drive": ("drove", "driven"), "ride": ("rode",), "bear": ("bore", "borne"), "swear": ("swore", "sworn"),
    "forbid": ("forbade", "forbidden"), "rebuild": ("rebuilt",), "build": ("built",), "bid": ("bid",),
    "spend": ("spent",), "lend": ("lent",), "sit": ("sat",), "run": ("ran",), "come": ("came",), "go": ("went", "gone"),
}
# verbs of two syllables stressed on the last, which double their final consonant (expel -> expelled)
_DOUBLING = {"expel", "compel", "propel", "repel", "admit", "commit", "submit", "permit", "omit", "kidnap",
             "control", "patrol", "refer", "confer", "prefer", "deter", "transfer", "equip", "abet", "rebel",
             "occur", "regret", "acquit", "outlaw"}


def inflections(verb: str) -> list[str]:
    """The forms of a verb (a phrasal verb inflects its first word: 'hand over' -> 'handed over')."""
    head, _, rest = verb.partition(" ")
    tail = " " + rest if rest else ""
    return [f + tail for f in _word_forms(head)]


def _word_forms(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        base = [verb, verb + ("es" if re.search(r"(s|sh|ch|x|z)$", verb) else "s"),
                (verb[:-1] if verb.endswith("e") else verb + (verb[-1] if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", verb) else "")) + "ing"]
        return base + list(_IRREGULAR[verb])
    extra: list[str] = []
    if verb in _DOUBLING or re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", verb):
        # one syllable ending consonant-vowel-consonant: ban -> banned, shut -> shutting
        d = verb + verb[-1]
        return [verb, verb + "s", d + "ed", d + "ing", *extra]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing", *extra]
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing", *extra]
    if re.search(r"(s|sh|ch|x|z)$", verb):
        return [verb, verb + "es", verb + "ed", verb + "ing", *extra]
    return [verb, verb + "s", verb + "ed", verb + "ing", *extra]


def expand(phrase: str) -> list[str]:
    """'lifted [a|the] curfew' -> the phrase with each of the bracketed words and with none."""
    m = re.search(r"\[([^\]]+)\] ", phrase)
    if m is None:
        return [phrase]
    out = []
    for choice in [*m.group(1).split("|"), ""]:
        out += expand(phrase[:m.start()] + (choice + " " if choice else "") + phrase[m.end():])
    return out


@component("events")
class EventCoder:
    def __init__(self, ctx: Context):
        self.lex = ctx.lexicon
        forms: dict[str, tuple[str, str]] = {}
        nouns: dict[str, tuple[str, str]] = {}
        for ev in self.lex.events:
            verbs = [f for v in ev.get("verbs", []) for x in expand(v) for f in inflections(x)]
            for w in verbs + [x for p in ev.get("irregular", []) for x in expand(p)]:
                forms.setdefault(w.lower(), (ev["type"], ev["cameo"]))
            for w in [x for p in ev.get("nouns", []) for x in expand(p)]:
                nouns.setdefault(w.lower(), (ev["type"], ev["cameo"]))
        self.forms, self.nouns = forms, nouns
        self.by_first = _by_first_word(forms)
        # the tokens that may open a trigger (a hyphenated word's first part: spaCy splits it)
        self.first_words = ctx.words.word_set({w.split("-")[0] for w in self.by_first})
        self.noun = re.compile(_alternation(nouns).pattern + _HAPPENED)
        self.places = set(self.lex.places) | {e.capital for e in self.lex.entries.values() if e.capital}
        self.sector_words = self.lex.sector_words
        self.cameo_of = {ev["type"]: ev["cameo"] for ev in self.lex.events}
        demonyms = sorted(self.lex.demonym_of, key=len, reverse=True)
        # a demonym followed by a noun (not a verb or the end): 'Sudanese rebels', not 'the Sudanese say' (tried
        # where a demonym's first word stands)
        self.demonym = _forms(demonyms, r"\b(", r")(?=\s+(?:[a-z]{3,}|[A-Z][a-z]+))")
        self.state_of = {e.name: e.id for e in self.lex.entries.values() if e.kind == "state"}
        self.state_of.update({e.capital: e.id for e in self.lex.entries.values() if e.kind == "state" and e.capital})
        # where a demonym or a state's name may open, from the token arrays (one lookup per document)
        self.demonym_words = ctx.words.word_set({d.split()[0].split("-")[0] for d in demonyms})
        self.state_words = ctx.words.word_set({n.split()[0] for n in self.state_of})
        self.state_names = _forms(sorted(self.state_of, key=len, reverse=True), r"\b(", r")\b")

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        # what someone is quoted as saying in marks is his speech, not what happened: no trigger there; a
        # report ('X said Y attacked Z') is coded, with X as the one who reports it
        quoted, named = bytearray(len(norm)), bytearray(len(norm))
        reports = [c for c in doc.candidates if c.kind == "quote" and not c.data.get("direct")]
        for c in doc.candidates:
            if c.kind == "quote" and c.data.get("direct"):
                quoted[c.start:c.end] = b"\x01" * (c.end - c.start)
        for m in doc.mentions:
            named[m.start:m.end] = b"\x01" * (m.end - m.start)
        dates = [c for c in doc.candidates if c.kind == "date"]
        by_sent: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            if m.actor and m.via != "anonymous":
                by_sent.setdefault(doc.sent_index(m.start), []).append(m)
        demonym_at: list[int] | None = None
        state_at: list[int] = []
        sents = doc.sents
        for i, triggers in self._sentence_triggers(doc):
            s, e = sents[i]
            if demonym_at is None:
                demonym_at, state_at = self.demonym_words.offsets(doc), self.state_words.offsets(doc)
            in_sent = sorted(by_sent.get(i, []) + self._nationals(doc, demonym_at, s, e, named), key=START)
            for t in triggers:
                if quoted[t.start()] or named[t.start()]:
                    continue
                report = next((c for c in reports if c.start <= t.start() < c.end), None)
                lo, hi = (report.start, report.end) if report else (s, e)
                etype, cameo = self.forms.get(t.group(1)) or self.nouns[t.group(1)]
                coded = self._mood(norm, max(lo, t.start() - 40), t.start(), etype, s, e, report is not None)
                if coded is None:
                    continue
                etype, mood = coded
                act = None
                if etype == "THREATEN" and mood is None:
                    # 'threatened to shell': the threat is the event, the act threatened its mood's object
                    nxt = next((u for u in triggers if 0 < u.start() - t.end() <= 25
                                and _TO_NEXT.match(norm, t.end(), u.start())), None)
                    if nxt is not None:
                        mood, act = "threatened", (self.forms.get(nxt.group(1)) or self.nouns[nxt.group(1)])[0]
                cameo = cameo if etype == (self.forms.get(t.group(1)) or self.nouns[t.group(1)])[0] else \
                    self.cameo_of[etype]
                actors = [m for m in in_sent if lo <= m.start and m.end <= hi and not quoted[m.start]]
                before = [m for m in actors if m.end <= t.start()]
                after = [m for m in actors if m.start >= t.end()]
                if not before or not after:
                    located = self._located(doc, state_at, lo, hi)
                    before = before or [m for m in located if m.end <= t.start()]
                    after = after or [m for m in located if m.start >= t.end()]
                # 'gave the Ivory Coast ... aid': the object stands between the subject and a late trigger
                after = after or before[1:]
                source = before[0] if before else None  # the subject: the first actor named before the trigger
                reporter = self._reporter(doc, report) if report else None
                if reporter and (mood == "demanded" or (source is None and _PRONOUN_SUBJECT.match(norm, lo))):
                    # 'Y said X must withdraw': Y demands of X; 'Syria says it will withdraw': Syria acts
                    after = ([source] if source else []) + after if mood == "demanded" else after
                    source = reporter
                target = next((m for m in after if not source or m.actor != source.actor), None)
                if source is None and target is None:
                    continue
                date = next((d for d in dates if s <= d.start < e and d.data.get("value")), None)
                place = next((p["place"] for p in _PLACE.finditer(norm, s, e) if p["place"] in self.places), None)
                doc.add("event", s, e, (0.6 if source and target else 0.45) * (0.8 if report or mood else 1.0),
                        event_type=etype, cameo=cameo, trigger=doc.text[t.start():t.end()],
                        source=source.actor if source else None, target=target.actor if target else None,
                        source_sector=self.sector(doc, source), target_sector=self.sector(doc, target),
                        date=date.data["value"] if date else None, place=place,
                        mood=None if mood == "demanded" else mood, threatened_act=act,
                        reported_by=report.data.get("speaker") if report else None,
                        reported_by_text=report.data.get("speaker_text") if report else None)
                break
        return doc

    @staticmethod
    def _mood(norm: str, lo: int, at: int, etype: str, s: int, e: int, reported: bool) -> tuple[str, str | None] | None:
        """The type an act is coded as, given the words before it, and its mood; None when it is no event."""
        mood = next((name for name, rx in _MOODS if rx.search(norm, lo, at)), None)
        if mood is None:
            return etype, None
        cooperative = etype in COOPERATIVE
        if mood == "neg":
            return ("REJECT", None) if cooperative else None
        if mood == "maybe":
            return None
        if mood == "must":
            return ("DEMAND", "demanded") if reported else None
        if mood == "threat":
            return "THREATEN", "threatened"
        conditional = bool(_CONDITION.search(norm, s, e))
        return ("AGREE" if cooperative else "THREATEN"), ("conditional" if conditional else "intended")

    def _reporter(self, doc: IngestDoc, report) -> Mention | None:
        """The one who reports an event, as an actor of it: the report's speaker when the dictionary knows him."""
        speaker = report.data.get("speaker")
        if not speaker:
            return None
        entry = self.lex.entries.get(speaker)
        return Mention(report.start, report.start, report.data.get("speaker_text") or "", speaker,
                       entry.kind if entry else None, "reporter", 0.5)

    def _nationals(self, doc: IngestDoc, at: list[int], s: int, e: int, named: bytearray) -> list[Mention]:
        """'Sudanese rebels', 'Egyptian police', 'Iraqi Kurds': a demonym before a noun of people stands for
        its state in event data (not an actor mention of the record: a nationality)."""
        out = []
        for pos in at[bisect_left(at, s):bisect_left(at, e)]:
            m = self.demonym.match(doc.norm, pos, e)
            if m is None or named[m.start()]:
                continue
            state = self.lex.demonym_of.get(m.group(1))
            if state is None:
                continue
            noun = doc.norm[m.end():m.end() + 30].lower().split()
            sector = next((self.sector_words[" ".join(w.strip(",.;:'s") for w in noun[:n])] for n in (2, 1)
                           if " ".join(w.strip(",.;:'s") for w in noun[:n]) in self.sector_words), None)
            kind = self.lex.entries[state].kind if state in self.lex.entries else "state"
            out.append(Mention(m.start(), m.end(), m.group(1), state, kind, "national", 0.5, sector))
        return out

    def _located(self, doc: IngestDoc, at: list[int], lo: int, hi: int) -> list[Mention]:
        """A state named only as a place ('groups in Zimbabwe'): the clause's actors when nothing else is."""
        out = []
        for pos in at[bisect_left(at, lo):bisect_left(at, hi)]:
            m = self.state_names.match(doc.norm, pos, hi)
            state = self.state_of.get(m.group(1)) if m else None
            if state:
                out.append(Mention(m.start(1), m.end(1), m.group(1), state, "state", "located", 0.4))
        return out

    def _sentence_triggers(self, doc: IngestDoc) -> list[tuple[int, list[re.Match[str]]]]:
        """The sentences that hold a trigger, in order, each with its triggers: the verb phrases at the tokens
        that may open one (each lower-case word there looked up by its first word: far faster than one regex
        with hundreds of alternatives), else the noun triggers of a sentence that says something happened.
        Found for the whole document at once: most sentences hold none, and a loop over every sentence cost
        more than the lookups."""
        norm, sents = doc.norm, doc.sents
        verbs: dict[int, list[re.Match[str]]] = {}
        for at in self.first_words.offsets(doc):
            i = doc.sent_index(at)
            s, e = sents[i]
            if not s <= at < e:
                continue  # between sentences
            w = _WORD.match(norm, at, e)
            if w is None:
                continue
            rx = self.by_first.get(w.group())
            m = rx.match(norm, w.start(), e) if rx is not None else None
            if m and not _struck_a(norm, m):
                verbs.setdefault(i, []).append(m)
        nouns = set()
        for at, end in literal_spans(norm, _HAPPENED_WORDS):
            i = doc.sent_index(at)
            if sents[i][0] <= at and end <= sents[i][1]:  # (not a word between sentences)
                nouns.add(i)
        out = []
        for i in sorted(verbs.keys() | nouns):
            triggers = verbs.get(i)
            if not triggers:
                s, e = sents[i]
                triggers = list(self.noun.finditer(norm, s, e))
                if not triggers:
                    continue
            out.append((i, triggers))
        return out

    def sector(self, doc: IngestDoc, m: Mention | None) -> str | None:
        """GOV, MIL, REB, ... from the mention itself or the words right after it."""
        if m is None:
            return None
        if m.sector:
            return m.sector
        if m.kind in ("armed_group",):
            return "REB"
        if m.kind == "political_group":
            return "OPP"
        if m.kind in ("organisation", "forum"):
            return "IGO"
        following = doc.norm[m.end:m.end + 30].lower().split()
        for n in (2, 1):
            phrase = " ".join(w.strip(",.;:'s") for w in following[:n])
            if phrase in self.sector_words:
                return self.sector_words[phrase]
        if m.via in ("capital", "metonym", "name", "described") and m.kind in ("state", "government"):
            return "GOV" if m.text.lower() not in ("the pentagon", "pentagon") else "MIL"
        return "GOV" if m.kind == "person" else None
