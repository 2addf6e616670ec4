"""Events: a trigger word gives the PLOVER type (and CAMEO code); the first actor named before it (the
subject) is the source, the first after it the target; the sentence's date and place ("in Geneva") go
with it.

One event per sentence: the first trigger outside quotes (direct or reported) whose sentence names at
least one actor, and that is not under a modal, a negation, a condition or an infinitive ("would not
halt", "expected to announce"): those did not happen. The
sector of each side (GOV, MIL, REB, ...) is read from the words beside its mention ("Russian
warplanes": MIL), for comparison with coded event data.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.words import WordSet

_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)")


# a noun trigger counts only when the sentence says the thing happened ("the talks opened on Friday")
_HAPPENED = r"(?=\W+(?:\w+\W+){0,3}?(?:opened|began|started|resumed|ended|took place|were held|was held|collapsed|hit|killed))"


_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]*")
# A trigger that did not happen: under a modal, a negation, a condition, or as an infinitive ("expected
# to announce", "would not halt", "if ... strikes"); a few words before it decide.
_UNREAL = re.compile(r"\b(?:will|would|could|may|might|should|must|can|cannot|shall|to|not|never|unless|if|"
                     r"whether)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,2}$")


def _by_first_word(forms: dict[str, tuple[str, str]]) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """first word -> (form, its pattern with the form in group 1), longest form first."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for form in sorted(forms, key=len, reverse=True):
        out.setdefault(form.split()[0], []).append((form, re.compile(r"(" + re.escape(form) + r")\b")))
    return out


def _alternation(forms: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    """Lower-case forms only, longest first, the trigger in group 1."""
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(forms, key=len, reverse=True)) + r")\b")


def _struck_a(norm: str, t: re.Match[str]) -> bool:
    """'struck a warier tone' is no strike."""
    return t.group(1) in ("struck", "strikes", "strike") and norm.startswith((" a ", " an "), t.end())


def inflections(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if re.search(r"(s|sh|ch|x|z)$", verb):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


@component("events")
class EventCoder:
    def __init__(self, ctx: Context):
        self.lex = ctx.lexicon
        forms: dict[str, tuple[str, str]] = {}
        nouns: dict[str, tuple[str, str]] = {}
        for ev in self.lex.events:
            for w in [f for v in ev.get("verbs", []) for f in inflections(v)] + ev.get("irregular", []):
                forms.setdefault(w.lower(), (ev["type"], ev["cameo"]))
            for w in ev.get("nouns", []):
                nouns.setdefault(w.lower(), (ev["type"], ev["cameo"]))
        self.forms, self.nouns = forms, nouns
        self.by_first = _by_first_word(forms)
        # the tokens that may open a trigger (a hyphenated word's first part: spaCy splits it)
        self.first_words = WordSet(ctx.nlp.vocab, {w.split("-")[0] for w in self.by_first})
        self.noun = re.compile(_alternation(nouns).pattern + _HAPPENED)
        self.places = set(self.lex.places) | {e.capital for e in self.lex.entries.values() if e.capital}
        self.sector_words = self.lex.sector_words

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        # what someone is quoted as saying is not what happened: never a trigger inside a quote, direct or
        # reported (measured on dev and dev2: fewer false events for fewer than half as many lost)
        # which characters are quoted, reported or part of a name, as masks: one look per trigger
        quoted, reported, named = (bytearray(len(norm)) for _ in range(3))
        for c in doc.candidates:
            if c.kind == "quote":
                (quoted if c.data.get("direct") else reported)[c.start:c.end] = b"\x01" * (c.end - c.start)
        for m in doc.mentions:
            named[m.start:m.end] = b"\x01" * (m.end - m.start)
        dates = [c for c in doc.candidates if c.kind == "date"]
        by_sent: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            if m.actor and m.via != "anonymous":
                by_sent.setdefault(doc.sent_index(m.start), []).append(m)
        starts = self.first_words.offsets(doc)
        for i, (s, e) in enumerate(doc.sents):
            in_sent = by_sent.get(i)
            if not in_sent:
                continue
            triggers = [t for t in self._triggers(norm, starts[bisect_left(starts, s):bisect_left(starts, e)], e)
                        if not _struck_a(norm, t)]
            if not triggers:
                triggers = list(self.noun.finditer(norm, s, e))
            for t in triggers:
                if reported[t.start()] or quoted[t.start()] or named[t.start()]:
                    continue
                if _UNREAL.search(norm, max(s, t.start() - 40), t.start()):
                    continue
                before = [m for m in in_sent if m.end <= t.start() and not quoted[m.start]]
                after = [m for m in in_sent if m.start >= t.end()]
                source = before[0] if before else None  # the subject: the first actor named before the trigger
                target = next((m for m in after if not source or m.actor != source.actor), None)
                if source is None and target is None:
                    continue
                etype, cameo = self.forms.get(t.group(1)) or self.nouns[t.group(1)]
                date = next((d for d in dates if s <= d.start < e and d.data.get("value")), None)
                place = next((p["place"] for p in _PLACE.finditer(norm, s, e) if p["place"] in self.places), None)
                doc.add("event", s, e, 0.6 if source and target else 0.45, event_type=etype, cameo=cameo,
                        trigger=doc.text[t.start():t.end()], source=source.actor if source else None,
                        target=target.actor if target else None,
                        source_sector=self.sector(doc, source), target_sector=self.sector(doc, target),
                        date=date.data["value"] if date else None, place=place)
                break
        return doc

    def _triggers(self, norm: str, starts: list[int], e: int) -> list[re.Match[str]]:
        """Trigger phrases in a sentence, at the tokens that may open one: each lower-case word there
        looked up by its first word (far faster than one regex with hundreds of alternatives)."""
        out = []
        for at in starts:
            w = _WORD.match(norm, at, e)
            if w is None:
                continue
            for form, rx in self.by_first.get(w.group(), ()):
                m = rx.match(norm, w.start(), e)
                if m:
                    out.append(m)
                    break
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
        if m.via in ("capital", "metonym", "name") and m.kind in ("state", "government"):
            return "GOV" if m.text.lower() not in ("the pentagon", "pentagon") else "MIL"
        return "GOV" if m.kind == "person" else None
