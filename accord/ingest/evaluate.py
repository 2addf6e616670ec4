"""Scoring the pipeline against gold annotations (docs/gold-format.md), per kind, with dateparser alone
as the baseline for dates.

Matching: a prediction and a gold item match when their spans overlap and, for actors, their ids agree.
Quotes are matched on span overlap, then scored for the speaker (ids equal, anonymous = anonymous);
dates on overlap, then scored for the resolution (value, range and precision all equal); events on
overlap of the evidence span, then scored for the type; stances on actor + issue + overlap; descriptive mentions
on overlap, then scored for the actor and the type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.ingest.document import Article
from accord.ingest.pipeline import Pipeline
from accord.ingest.reader import parse_published


@dataclass
class Score:
    tp_pred: int = 0  # predictions that match a gold item
    pred: int = 0
    tp_gold: int = 0  # gold items matched by a prediction
    gold: int = 0
    right: int = 0  # matched gold items whose detail (speaker, resolution, type) is right
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def detail(self) -> float:
        """Share of matched gold items with the detail right."""
        return self.right / self.tp_gold if self.tp_gold else 1.0

    @property
    def exact(self) -> float:
        """Share of all gold items found and right."""
        return self.right / self.gold if self.gold else 1.0

    def to_json(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "detail": round(self.detail, 3), "exact": round(self.exact, 3),
                "pred": self.pred, "gold": self.gold, "matched": self.tp_gold, "right": self.right}


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def load_gold(path: Path) -> Iterator[tuple[Article, dict[str, Any]]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError(f"line {n}: not a JSON object")
            published, at = parse_published(row.get("published"))
            yield Article(text=row["text"], id=row.get("id"), url=row.get("url"), outlet=row.get("outlet"),
                          published=published, published_at=at, title=row.get("title"),
                          source=f"{path}:{n}"), row


def _match(preds: list[dict], golds: list[dict], score: Score, same, right, label) -> None:
    score.pred += len(preds)
    score.gold += len(golds)
    used: set[int] = set()
    for p in preds:
        if any(_overlap(p, g) and same(p, g) for g in golds):
            score.tp_pred += 1
        else:
            score.misses.append(f"{label}: spurious {p.get('text')!r} {_brief(p)}")
    for g in golds:
        cands = [i for i, p in enumerate(preds) if i not in used and _overlap(p, g) and same(p, g)]
        if not cands:
            score.misses.append(f"{label}: missed {g.get('text') or g.get('content') or g}")
            continue
        i = min(cands, key=lambda j: abs(preds[j]["start"] - g["start"]) + abs(preds[j]["end"] - g["end"]))
        used.add(i)
        score.tp_gold += 1
        if right(preds[i], g):
            score.right += 1
        else:
            score.misses.append(f"{label}: wrong {preds[i].get('text')!r} -> {_brief(preds[i])} vs gold {_brief(g)}")


def _brief(x: dict) -> str:
    keys = ("actor", "speaker", "value", "range", "precision", "event_type", "source", "target", "direction")
    return json.dumps({k: x[k] for k in keys if k in x}, ensure_ascii=False)


def _always(_p: dict, _g: dict) -> bool:
    """No condition beyond the span overlap ``_match`` checks itself."""
    return True


def _date_right(p: dict, g: dict) -> bool:
    return p.get("value") == g.get("value") and p.get("range") == g.get("range") and p.get("precision") == g.get("precision")


def score_document(result: dict[str, Any], gold: dict[str, Any], scores: dict[str, Score], label: str,
                   known: set[str]) -> None:
    cands = result["candidates"]
    by = {k: [c for c in cands if c["kind"] == k] for k in ("actor", "quote", "date", "event", "stance", "description")}
    _match([c for c in by["actor"] if c.get("actor") in known], gold["actors"], scores["actors"],
           lambda p, g: p["actor"] == g["actor"], _always, label)
    # a speaker the gold does not track (a named person outside its scope) is, for the gold, no known actor
    def speaker_right(p: dict, g: dict) -> bool:
        return (p.get("speaker") if p.get("speaker") in known else None) == g.get("speaker")

    _match([c for c in by["quote"] if c["direct"]], [q for q in gold["quotes"] if q["direct"]], scores["direct_quotes"],
           _always, speaker_right, label)
    _match([c for c in by["quote"] if not c["direct"]], [q for q in gold["quotes"] if not q["direct"]],
           scores["indirect_quotes"], _always, speaker_right, label)
    _match(by["date"], gold["dates"], scores["dates"], _always, _date_right, label)
    # the gold codes the events an article reports as done (docs/gold-format.md): a report of someone
    # else's (reported_by) or an act not yet done (an intended or conditional mood) is outside its scope, as a stranger's id is for actors
    own = [c for c in by["event"] if c.get("mood") in (None, "threatened") and c.get("reported_by") is None
           and c.get("reported_by_text") is None]
    _match(own, gold["events"], scores["events"], _always,
           lambda p, g: p["event_type"] == g["event_type"], label)
    _match(by["stance"], gold["stances"], scores["stances"],
           lambda p, g: p["actor"] == g["actor"] and p["issue"] == g["issue"],
           lambda p, g: (p.get("direction") is not None and p.get("direction") == g.get("direction"))
           or (p.get("value") is not None and g.get("value") is not None and abs(p["value"] - g["value"]) <= 15), label)
    if "descriptions" in gold:  # only the splits that annotate descriptive mentions score them
        # right: the actor it stands for (or none, when the context fixes none) and the kind of actor
        _match(by["description"], gold["descriptions"], scores["descriptions"], _always,
               lambda p, g: p.get("actor") == g.get("actor") and p.get("type") == g.get("type"), label)


def baseline_dates(article: Article) -> list[dict[str, Any]]:
    """dateparser alone: search_dates over the text, each hit read as a day."""
    import datetime as dt

    from dateparser.search import search_dates

    base = dt.datetime.combine(article.published, dt.time(12)) if article.published else None
    settings = {"RELATIVE_BASE": base} if base else {}
    hits = search_dates(article.text, languages=["en"], settings=settings) or []
    out, pos = [], 0
    for text, when in hits:
        start = article.text.find(text, pos)
        if start < 0:
            continue
        pos = start + len(text)
        out.append({"kind": "date", "start": start, "end": pos, "text": text, "value": when.date().isoformat(),
                    "range": None, "precision": "day"})
    return out


KINDS = ("actors", "direct_quotes", "indirect_quotes", "dates", "events", "stances", "descriptions")


def case_pipeline(case: str | None, cache: dict[str | None, Pipeline]) -> Pipeline:
    """The pipeline for an article's case: the built-in bundle of that name merged in when there is one."""
    if case not in cache:
        from accord.errors import AccordError
        from accord.record.bundle import read_bundle
        from accord.record.snapshot import Snapshot

        try:
            cache[case] = Pipeline.for_case(Snapshot(read_bundle(case).records, case) if case else None)
        except AccordError:
            cache[case] = Pipeline.for_case(None)
    return cache[case]


def evaluate(path: Path, pipelines: dict[str | None, Pipeline] | None = None, baseline: bool = True) -> dict[str, Any]:
    """Scores per kind. Actor precision counts only predictions of actors the gold file knows (ids it
    annotates somewhere): the gold leaves out actors beyond its case and list, so a correct mention of
    one of those (a Red Cross, a Merkel) is neither right nor wrong here; likewise a quote's speaker
    outside that set counts as no known actor (null), as the gold annotates it."""
    pipelines = {} if pipelines is None else pipelines
    rows = list(load_gold(path))
    known = {a["actor"] for _, row in rows for a in row["gold"]["actors"]}
    known |= {q["speaker"] for _, row in rows for q in row["gold"]["quotes"] if q["speaker"]}
    known |= {s["actor"] for _, row in rows for s in row["gold"]["stances"]}
    scores = {k: Score() for k in KINDS}
    base = Score()
    n = 0
    for article, row in rows:
        n += 1
        result = case_pipeline(row.get("case"), pipelines)(article).result()
        score_document(result, row["gold"], scores, article.id or "?", known)
        if baseline:
            _match(baseline_dates(article), row["gold"]["dates"], base, _always, _date_right, article.id)
    report: dict[str, Any] = {"gold": str(path), "articles": n, "kinds": {k: s.to_json() for k, s in scores.items()}}
    report["kinds"]["direct_quotes"]["speaker_right"] = report["kinds"]["direct_quotes"].pop("detail")
    report["kinds"]["dates"]["resolved_exactly"] = report["kinds"]["dates"]["exact"]
    if baseline:
        report["baseline_dateparser_dates"] = base.to_json()
    report["_scores"] = scores
    return report


def misses(report: dict[str, Any]) -> Iterable[str]:
    for kind, s in report["_scores"].items():
        for m in s.misses:
            yield f"[{kind}] {m}"
