"""Stances on a case's issues: a cue phrase (world/issues.yaml) in a sentence gives the direction the
statement argues for on the issue's scale and, where the words pin it, a value.

The holder is the speaker of the quote (direct or reported) the phrase sits in or next to, else the
actors that open the sentence ("Moscow and Tehran want ..." gives both). A person holds the stance for
the state or body they speak for on the day (their role); an anonymous speaker for the state their
description names ("one Russian diplomat"). Only the issues the case defines are looked for (all of
them when ingesting without a case).
"""

from __future__ import annotations

import re

from accord.ingest.document import IngestDoc
from accord.ingest.registry import Context, component


@component("stances")
class StanceDetector:
    def __init__(self, ctx: Context):
        self.lex = ctx.lexicon
        wanted = self.lex.case_issues
        # one regex per issue, a named group per cue: one search per issue and sentence
        self.issues = []
        for issue in self.lex.issues:
            if wanted is not None and issue["issue"] not in wanted:
                continue
            cues = issue["cues"]
            rx = re.compile("|".join(f"(?P<c{i}>{c['pattern']})" for i, c in enumerate(cues)), re.I)
            anchors = re.compile("|".join(re.escape(a) for a in issue["anchors"]))
            self.issues.append((issue["issue"], rx, cues, anchors))

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        if not self.issues:
            return doc
        quotes = doc.of_kind("quote")
        norm = doc.norm
        # shifted by one, with line breaks as spaces, so that an anchor " he " matches at a sentence's start
        lower = " " + norm.lower().replace("\n", " ")
        for s, e in doc.sents:
            for issue, rx, cues, anchors in self.issues:
                if not anchors.search(lower, s, e + 1):
                    continue  # every cue of the issue needs one of these words: skip the regex
                m = rx.search(norm, s, e)
                if not m:
                    continue
                cue = next(c for i, c in enumerate(cues) if m.group(f"c{i}") is not None)
                for holder in self._holders(doc, quotes, s, e, m.start()):
                    data: dict[str, object] = {"actor": holder, "issue": issue, "direction": cue.get("direction")}
                    if cue.get("value") is not None:
                        data["value"] = cue["value"]
                    doc.add("stance", s, e, 0.6 if "value" in data else 0.5, **data)
        return doc

    def _holders(self, doc: IngestDoc, quotes, s: int, e: int, at: int) -> list[str]:
        near = [q for q in quotes if q.start <= at < q.end + 1] or [q for q in quotes if s <= q.start < e]
        for q in near:
            who = q.data.get("speaker") or self._described(doc, q.data.get("speaker_text"), s, e)
            if who:
                return [self._speaks_for(doc, who)]
        opening = [m for m in doc.mentions if s <= m.start < at and m.actor and m.via not in ("anonymous",)]
        if not opening:
            return []
        first = [opening[0]]
        for m in opening[1:]:  # "Moscow and Tehran want ...": the actors joined at the start of the sentence
            if re.fullmatch(r"\s*(,|and|, and)\s*", doc.norm[first[-1].end:m.start]):
                first.append(m)
            else:
                break
        return list(dict.fromkeys(self._speaks_for(doc, m.actor or "") for m in first))

    def _described(self, doc: IngestDoc, words: str | None, s: int, e: int) -> str | None:
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

