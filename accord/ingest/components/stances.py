"""Stances on a case's issues, from an issue lexicon and direction words (the case's vocabulary.yaml).

A sentence is about an issue when it holds one of the issue's topic words; the words that lean toward
either end of the issue's scale are counted, each turned around by a negation just before it (unless
the lexicon marks it as keeping its direction), and the end with more words is the stance's direction.
A tie says nothing. Lexicons of words rather than whole phrases are what carry over to wording the
rules were not written on; the price is a lower confidence than a phrase would earn.

The holder is the speaker of the quote (direct or reported) the direction words sit in or next to, else
the actors that open the sentence ("Moscow and Tehran want ..." gives both). A person holds the stance
for the state or body they speak for on the day (their role); an anonymous speaker for the state their
description names ("one Russian diplomat"). Only the issues the case defines are looked for (all of
them when ingesting without a case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.ingest.document import IngestDoc
from accord.ingest.registry import Context, component
from accord.ingest.words import AtWordStarts, tagged_alternation

# a negation this close before a direction word turns it around ("should not be listed", "anything but")
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|no one|cannot|neither|nor|anything (?:but|other than))\b|n't\b")
_NEGATION_REACH = 4  # words
# a verb that opposes, or a verb of holding a position under a negation, turns what it governs: the first
# direction word after it in the clause, however far ("opposed any demand that Assad step down", "did
# not believe that Assad could remain"), not the words after that ("... step down before an election")
# (written to open with a class of first letters, each alternative's letter checked behind, as '\b(?:resist\w*|oppos\w*|
# reject\w*|against|refus\w*|(?:not|never|n't|no longer)\s+...': that gave the engine no first character to skip to)
_GOVERNS = re.compile(r"[roan](?<!\w.)(?:(?<=r)esist\w*|(?<=o)ppos\w*|(?<=r)eject\w*|(?<=a)gainst|(?<=r)efus\w*|"
                      r"(?<=n)(?:ot|ever|'t|o longer)\s+"
                      r"(?:\w+\s+)?(?:believ\w*|think\w*|accept\w*|want\w*|agree\w*|expect\w*|support\w*|"
                      r"insist\w*|ask\w*|see|sees|seek\w*|demand\w*))\b")
_POSITION = re.compile(r"\b(?:wants?|wanted|insist\w*|demand\w*|call(?:s|ed)? (?:for|on)|urg\w+|oppos\w+|reject\w*|"
                       r"support\w*|backs?|backed|believ\w+|argu\w+|warn\w*|refus\w+|accept\w*|sees?|considers?|"
                       r"regards?|prefer\w*|seek\w*|press\w*|propos\w+|favou?r\w*|welcom\w+|hopes?|resist\w*|"
                       r"thinks?|will not|would not|won't|cannot|can't|must|should)\b", re.I)
# Clauses that set one position against another ("Moscow wants X, while Riyadh insists Y"): each is
# weighed on its own, with its own holder
# (not "anything but"; written to open with one character class, which the engine skips to: the optional comma
# it opened with had it try the pattern at every character)
_CONTRAST = re.compile(r"[ ,;](?:(?<=,) (?:while|whereas|(?<!anything )but) |(?<= )(?:while|whereas|(?<!anything )but) "
                       r"|(?<=;) )")
_JOINED = re.compile(r"\s*(,|and|, and)\s*")


@dataclass
class _Issue:
    id: str
    topic_words: list[str]
    topic: re.Pattern[str]  # tells a holder from what the issue is about
    #: one alternation; the tag of the alternative that matched (``side`` by the match's ``lastindex``) says the
    #: direction and whether negation turns it ("toward_min_fixed": toward_min, kept under negation)
    directions: re.Pattern[str]
    side: dict[int, str]
    values: list[tuple[re.Pattern[str], float]]


def _group(words: list[str]) -> str:
    return "|".join(f"(?:{w})" for w in words)


def _compile(issue: dict) -> _Issue:
    alternatives = []
    for side in ("toward_min", "toward_max"):
        plain = [w for w in issue.get(side, []) if not w.startswith("=")]
        fixed = [w[1:] for w in issue.get(side, []) if w.startswith("=")]
        # fixed words first: "=without the kurds" must win over a plain word inside it
        alternatives += [(w, f"{side}_fixed") for w in fixed] + [(w, side) for w in plain]
    directions, side = tagged_alternation(alternatives)
    return _Issue(
        id=issue["issue"],
        topic_words=issue["topic"],
        topic=re.compile(rf"\b(?:{_group(issue['topic'])})\b"),
        directions=re.compile(rf"\b(?:{directions})\b"),
        side=side,
        values=[(re.compile(v["pattern"]), v["value"]) for v in issue.get("values", [])],
    )


def _clauses(lower: str, s: int, e: int) -> list[tuple[int, int]]:
    if lower.find(";", s, e) < 0 and lower.find("while", s, e) < 0 and lower.find("whereas", s, e) < 0 \
            and lower.find("but", s, e) < 0:
        return [(s, e)]  # no word that sets clauses apart (four substring searches cost less than the pattern's)
    out = []
    for m in _CONTRAST.finditer(lower, s, e):
        out.append((s, m.start()))
        s = m.end()
    return out + [(s, e)]


def _negated(lower: str, s: int, at: int) -> bool:
    return bool(_NEGATION.search(" ".join(lower[max(s, at - 60):at].split()[-_NEGATION_REACH:])))


@component("stances")
class StanceDetector:
    def __init__(self, ctx: Context):
        self.lex = ctx.lexicon
        wanted = self.lex.case_issues
        self.issues = [_compile(i) for i in self.lex.issues if wanted is None or i["issue"] in wanted]
        # every issue's topic words in one pattern, each tagged with its issue's index: one pass over the text
        # finds the sentences worth weighing and for which issues
        # (one word boundary around the whole alternation: the engine runs it more than twice as fast)
        topics, tags = tagged_alternation([(w, str(k)) for k, issue in enumerate(self.issues) for w in issue.topic_words])
        self.topics = re.compile(rf"(?<!\w)(?:{topics})\b")
        self._topics_at = AtWordStarts(self.topics)  # (tried only at words' starts: a fifth fewer instructions)
        self.topic_issue = {group: int(k) for group, k in tags.items()}

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        if not self.issues or not doc.sents:
            return doc
        quotes = doc.of_kind("quote")
        lower = doc.norm.lower()  # same length as the text: offsets carry over
        about: dict[int, set[int]] = {}
        for m in self._topics_at.finditer(lower):
            about.setdefault(doc.sent_index(m.start()), set()).add(self.topic_issue[m.lastindex])
        for i in sorted(about):
            for s, e in _clauses(lower, *doc.sents[i]):
                for k in sorted(about[i]):
                    self._weigh(doc, quotes, lower, self.issues[k], s, e)
        return doc

    def _weigh(self, doc: IngestDoc, quotes, lower: str, issue: _Issue, s: int, e: int) -> None:
        lean = self._lean(issue, lower, s, e)
        if lean is None:
            return
        direction, at = lean
        holders = self._holders(doc, quotes, s, e, at, issue.topic)
        if not holders:
            return
        value = next((v for rx, v in issue.values if rx.search(lower, s, e)), None)
        if value is not None and (value < 50) != (direction == "toward_min"):
            value = None  # a value must agree with the words' direction
        for holder in holders:
            data: dict[str, object] = {"actor": holder, "issue": issue.id, "direction": direction}
            if value is not None:
                data["value"] = value
            doc.add("stance", s, e, 0.5 if value is not None else 0.4, **data)

    @staticmethod
    def _lean(issue: _Issue, lower: str, s: int, e: int) -> tuple[str, int] | None:
        """The direction with more words in the sentence, and where its first word is."""
        words = list(issue.directions.finditer(lower, s, e))
        if not words:
            return None
        votes = {"toward_min": 0, "toward_max": 0}
        first: dict[str, int] = {}
        governs = [g.end() for g in _GOVERNS.finditer(lower, s, e)]
        for m in words:
            group = issue.side[m.lastindex]
            side = group.removesuffix("_fixed")
            # each governing verb turns the first direction word after it; a plain negation too (both: no turn)
            governed = bool(governs) and governs[0] <= m.start()
            while governs and governs[0] <= m.start():
                governs.pop(0)
            if not group.endswith("_fixed") and governed != _negated(lower, s, m.start()):
                side = "toward_max" if side == "toward_min" else "toward_min"
            votes[side] += 1
            first.setdefault(side, m.start())
        if votes["toward_min"] == votes["toward_max"]:
            return None
        side = max(votes, key=votes.__getitem__)
        return side, first[side]
    def _holders(self, doc: IngestDoc, quotes, s: int, e: int, at: int, topic: re.Pattern[str]) -> list[str]:
        near = [q for q in quotes if q.start <= at < q.end + 1] or [q for q in quotes if s <= q.start < e]
        for q in near:
            who = q.data.get("speaker") or self._described(q.data.get("speaker_text"))
            if who:
                return [self._speaks_for(doc, who)]
        # an actor the issue is about (Assad, a group on the list) is what the stance concerns, not who holds it
        # (the mentions are in order of their starts: those between s and at found by bisection)
        opening = [m for m in doc.mentions_in(s, at) if m.actor and m.via not in ("anonymous",)
                   and not topic.search(m.text.lower())]
        # outside quotes, a sentence states its subject's position only through a verb of holding one
        # ("Moscow and Tehran want ...", "Paris would resist ..."); else it reports what happened
        if not opening or not _POSITION.search(doc.norm, opening[0].end, max(at, opening[0].end)):
            return []
        first = [opening[0]]
        for m in opening[1:]:  # "Moscow and Tehran want ...": the actors joined at the start of the sentence
            if _JOINED.fullmatch(doc.norm[first[-1].end:m.start]):
                first.append(m)
            else:
                break
        return list(dict.fromkeys(self._speaks_for(doc, m.actor or "") for m in first))

    def _described(self, words: str | None) -> str | None:
        """'one Russian diplomat' -> russia: the state an anonymous speaker's description names."""
        if not words:
            return None
        for w in re.findall(r"[A-Z][\w.]+", words):
            if w in self.lex.demonym_of:
                return self.lex.demonym_of[w]
        return None

    def _speaks_for(self, doc: IngestDoc, actor: str) -> str:
        entry = self.lex.entries.get(actor)
        if entry and entry.kind == "person":
            role = next((r for r in entry.roles if r.of and r.holds_on(doc.published)), None) or \
                next((r for r in entry.roles if r.of), None)
            if role and role.of:
                return role.of
        return actor

