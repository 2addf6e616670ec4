"""Votes as the CLI, the API and the dashboard's simulator show them: a decision's tally with some
votes changed, and a vote predicted from positions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from accord.errors import AccordError

if TYPE_CHECKING:
    from accord.record.snapshot import Snapshot

VOTES = ("yes", "no", "abstain", "absent")


def simulate(snap: Snapshot, decision: str, changed: Mapping[str, Iterable[str]], parties: Iterable[str] = ()) -> dict[str, Any]:
    """The decision's vote tallied under its rule with the members in ``changed`` (vote -> members)
    voting otherwise: the outcome, and the members whose vote alone would change it (pivotal)."""
    from accord.rules.votes import hypothesis, tally

    given = hypothesis(snap, {v: list(changed.get(v, ())) for v in VOTES})
    parties = list(parties) or None
    result = tally(snap, decision, given, parties).to_json()
    result["pivotal"] = pivotal(snap, decision, result, parties)
    return result


def pivotal(snap: Snapshot, decision: str, result: dict[str, Any], parties: list[str] | None) -> list[dict[str, Any]]:
    """Each member whose switch to another vote alone would turn the outcome, and to what."""
    from accord.rules.votes import tally

    out = []
    votes: dict[str, str] = result["votes"]
    for member, vote in votes.items():
        for other in ("yes", "no", "abstain"):
            if other == vote:
                continue
            flipped = tally(snap, decision, {**votes, member: other}, parties)  # type: ignore[dict-item]
            if flipped.adopted != result["adopted"]:
                out.append({"actor": member, "vote": vote, "switch_to": other, "adopted": flipped.adopted})
                break
    return out


def predict_vote(snap: Snapshot, *, body: str | None, draft: str | None, on: dt.date | None, issues: Mapping[str, float],
                 thresholds: Mapping[str, float], unknown: str = "abstain", matter: str = "substantive") -> dict[str, Any]:
    """Each member's vote predicted from its positions, the outcome, and who is pivotal."""
    from accord.rules.predict import draft_of, predict

    if unknown not in VOTES:
        raise AccordError(f"unknown {unknown!r}: expected yes, no, abstain or absent")
    if matter not in ("substantive", "procedural"):
        raise AccordError(f"matter {matter!r}: expected substantive or procedural")
    if draft is None and not issues:
        raise AccordError("give a draft or at least one issue value")
    d = snap.get(draft, "decision") if draft else None
    values = {**(draft_of(snap, draft) if draft else {}), **issues}
    the_body = body or (d.body if d else None)
    on = on or (d.date.start if d else None)
    if the_body is None or on is None:
        raise AccordError("give a body and a date (or a draft that has them)")
    return predict(snap, the_body, on, values, thresholds=thresholds, unknown=unknown,  # type: ignore[arg-type]
                   matter=matter, parties=d.parties_to_dispute if d else (), decision=draft).to_json()


def pairs(values: Iterable[str], name: str) -> dict[str, float]:
    """``NAME=NUMBER`` items as a mapping; AccordError naming the bad one."""
    out: dict[str, float] = {}
    for item in values:
        from accord.record.model import number  # pydantic's reading of a number: only when one is given
        key, sep, raw = item.partition("=")
        try:
            if not sep or not key:
                raise ValueError
            out[key] = number(raw)
        except ValueError:
            raise AccordError(f"{name} {item!r}: expected NAME=NUMBER") from None
    return out
