"""An external check of the event coder against the PLOVER gold-standard records (CC BY-SA, read at run
time from ../shared/data/extraction; its sentences are never copied into this repository).

Each record is one sentence with a PLOVER event type and source/target actors coded as a country
(ISO alpha-3, or IGO, ...) and a sector (GOV, MIL, REB, ...). We run the pipeline on the sentence and
compare the first event it codes: its type, and its source's and target's country and sector; and count
how many sentences were coded as someone's report (``reported_by``) and with which mood.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from accord.ingest.document import Article
from accord.ingest.pipeline import Pipeline

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "extraction" / "PLOVER_GSR_CAMEO.json"


def _first(side: Any) -> dict[str, Any] | None:
    return side[0] if isinstance(side, list) and side and isinstance(side[0], dict) else None


def check(path: Path = DEFAULT, pipeline: Pipeline | None = None) -> dict[str, Any]:
    pipeline = pipeline or Pipeline()
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    lex = pipeline.lexicon
    n = typed = reported = 0
    moods: Counter[str] = Counter()
    country = {"source": [0, 0], "target": [0, 0]}
    sector = {"source": [0, 0], "target": [0, 0]}
    confusion: Counter[tuple[str, str]] = Counter()
    for r in records:
        n += 1
        doc = pipeline(Article(text=r["text"], published=dt.date(2000, 1, 1)))
        ev = next((c.data for c in doc.candidates if c.kind == "event"), None)
        got = ev["event_type"] if ev else "NONE"
        if ev:
            reported += bool(ev.get("reported_by") or ev.get("reported_by_text"))
            moods[ev.get("mood") or "done"] += 1
        typed += got == r["event"]
        confusion[(r["event"], got)] += 1
        for side in ("source", "target"):
            gold = _first(r.get(side))
            if not gold or not gold.get("code") or len(gold["code"]) != 3 or gold["code"] in ("IGO", "NGO", "***"):
                continue
            pred_actor = ev.get(side) if ev else None
            country[side][1] += 1
            country[side][0] += lex.country(pred_actor) == gold["code"]
            if gold.get("sector") and gold["sector"][:3].isupper():
                sector[side][1] += 1
                sector[side][0] += bool(ev) and (ev.get(f"{side}_sector") or "") == gold["sector"][:3]
    return {
        "records": n,
        "event_type_accuracy": round(typed / n, 3) if n else None,
        # the share of all sentences whose event was coded as someone's report (reported_by), and the moods
        "reported_share": round(reported / n, 3) if n else None,
        "moods": dict(sorted(moods.items())),
        "country_accuracy": {k: round(v[0] / v[1], 3) if v[1] else None for k, v in country.items()},
        "sector_accuracy": {k: round(v[0] / v[1], 3) if v[1] else None for k, v in sector.items()},
        "counted": {"country": {k: v[1] for k, v in country.items()}, "sector": {k: v[1] for k, v in sector.items()}},
        "most_confused": [f"{g} -> {p}: {c}" for (g, p), c in confusion.most_common(12) if g != p][:8],
    }
