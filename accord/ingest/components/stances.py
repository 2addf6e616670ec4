"""Stances on a case's issues: a cue phrase (world/issues.yaml) in a sentence gives a value on the issue's
scale or a direction; whoever says it (the quote's speaker, else the sentence's first actor) holds it.

Only the issues that the case defines are looked for (all of them when ingesting without a case).
"""

from __future__ import annotations

import re

from accord.ingest.document import IngestDoc
from accord.ingest.registry import Context, component


@component("stances")
class StanceDetector:
    def __init__(self, ctx: Context):
        lex = ctx.lexicon
        wanted = lex.case_issues
        # one regex per issue, a named group per cue: one search per issue and sentence
        self.issues = []
        for issue in lex.issues:
            if wanted is not None and issue["issue"] not in wanted:
                continue
            cues = issue["cues"]
            rx = re.compile("|".join(f"(?P<c{i}>{c['pattern']})" for i, c in enumerate(cues)), re.I)
            self.issues.append((issue["issue"], rx, cues))

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        if not self.issues:
            return doc
        quotes = doc.of_kind("quote")
        actors = [m for m in doc.mentions if m.actor and m.via != "anonymous"]
        norm = doc.norm
        for s, e in doc.sents:
            for issue, rx, cues in self.issues:
                m = rx.search(norm, s, e)
                if not m:
                    continue
                cue = next(c for i, c in enumerate(cues) if m.group(f"c{i}") is not None)
                value, direction = cue.get("value"), cue.get("direction")
                holder = next((q.data["speaker"] for q in quotes
                               if q.start <= m.start() < q.end + 1 and q.data.get("speaker")), None)
                if holder is None:
                    holder = next((q.data["speaker"] for q in quotes
                                   if s <= q.start < e and q.data.get("speaker")), None)
                if holder is None:
                    holder = next((a.actor for a in actors if s <= a.start < m.start()), None)
                if holder is None:
                    continue
                data = {"actor": holder, "issue": issue}
                data |= {"value": value} if value is not None else {"direction": direction}
                doc.add("stance", m.start(), m.end(), 0.6 if value is not None else 0.5, **data)
        return doc
