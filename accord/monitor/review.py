"""Turning scored candidate pairs into merge records: accepted at or above the accept threshold, proposed
for review between review and accept; a pair that already has a merge record (whatever its status) is
left alone, so a person's rejection is never overturned by a rerun."""

from __future__ import annotations

from accord.monitor.merging import Thresholds, candidates, features
from accord.record.model import Merge, Report
from accord.record.snapshot import Snapshot


def merge_id(a: str, b: str) -> str:
    return f"merge:{min(a, b)}:{max(a, b)}"


def propose(snap: Snapshot, t: Thresholds, by: str) -> list[Merge]:
    reports = snap.all(Report)
    if len(reports) < 2:
        return []
    pairs = candidates(features(reports), t)
    decided = {tuple(sorted(m.reports)) for m in snap.all(Merge)}
    out = []
    for k in range(len(pairs)):
        a, b = sorted((reports[pairs.i[k]].id, reports[pairs.j[k]].id))
        if (a, b) in decided:
            continue
        score = round(float(pairs.score[k]), 4)
        accepted = score >= t.accept
        out.append(Merge(
            id=merge_id(a, b), reports=[a, b], score=score,
            parts={name: round(float(v[k]), 4) for name, v in pairs.parts.items()},
            status="accepted" if accepted else "proposed",
            decided_by=f"auto: score {score:.2f} >= {t.accept:.2f} (run by {by})" if accepted else None,
        ))
    return out
