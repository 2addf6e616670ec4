"""Vote prediction from positions: each member votes yes when a draft lies within its acceptance
threshold around its position on every issue the draft settles, and no otherwise.

A threshold is in scale units. When the record gives none (``Position.threshold``) it follows from
salience: an actor that cares a lot accepts little movement (a tenth of the scale at salience 1, half
of it at salience 0). Analysts can override it per member. The pivotal members are found by changing
one vote at a time, and by ranking members from most to least willing (the 9th most willing member is
the Council's ninth vote).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from accord.rules.errors import RuleInputError
from accord.rules.procedures import SECURITY_COUNCIL_VOTES, Ballot, Outcome, can_veto, count, decide
from accord.rules.votes import ballots, body_rule

if TYPE_CHECKING:  # read plain or through the model alike (accord.record.plain): no class needed to run
    from accord.record.model import DecisionRule, Issue, Position, Vote
    from accord.record.snapshot import Snapshot

#: tolerance as a share of the scale: at salience 0 and at salience 1
TOLERANCE_AT_NO_SALIENCE = 0.5
TOLERANCE_AT_FULL_SALIENCE = 0.1


def default_threshold(issue: Issue, salience: float) -> float:
    span = issue.scale_max - issue.scale_min
    share = TOLERANCE_AT_NO_SALIENCE + (TOLERANCE_AT_FULL_SALIENCE - TOLERANCE_AT_NO_SALIENCE) * salience
    return span * share


@dataclass
class MemberView:
    actor: str
    vote: Vote
    #: per issue: the member's position, its threshold, and the draft's distance from the position
    issues: dict[str, dict[str, float]] = field(default_factory=dict)
    #: smallest slack (threshold minus distance) over the issues; negative when it votes no; None: no position
    margin: float | None = None

    @property
    def distance(self) -> float | None:
        """How far the member (or the draft) must move for this vote to change."""
        if self.margin is None:
            return None
        if self.margin >= 0:
            return round(self.margin, 6)
        return round(sum(max(0.0, i["distance"] - i["threshold"]) for i in self.issues.values()), 6)

    def to_json(self) -> dict[str, Any]:
        return {"actor": self.actor, "vote": self.vote, "margin": self.margin, "distance": self.distance,
                "issues": self.issues}


@dataclass
class Prediction:
    body: str
    date: dt.date
    draft: dict[str, float]
    outcome: Outcome
    members: list[MemberView]
    pivotal: list[dict[str, Any]]
    matter: str = "substantive"
    decision: str | None = None

    def to_json(self) -> dict[str, Any]:
        votes = {m.actor: m.vote for m in self.members}
        return {
            **({"draft": self.decision} if self.decision else {}),
            "body": self.body, "date": self.date.isoformat(), "matter": self.matter, "issues": self.draft,
            "adopted": self.outcome.adopted, **count([Ballot(a, v) for a, v in votes.items()]),
            "reason": self.outcome.reason, "blocked_by": list(self.outcome.blocked_by), "votes": votes,
            "pivotal": self.pivotal,
            "unknown": [m.actor for m in self.members if m.margin is None],
            "members": [m.to_json() for m in self.members],
        }


def draft_of(snap: Snapshot, decision_id: str) -> dict[str, float]:
    """The issue values a draft decision's provisions set; two different values for one issue is an error."""
    d = snap.get(decision_id, "decision")
    out: dict[str, float] = {}
    for p in d.provisions:
        if p.issue is None or p.value is None:
            continue
        if p.issue in out and out[p.issue] != p.value:
            raise RuleInputError(f"decision {d.id!r} sets issue {p.issue!r} twice ({out[p.issue]:g} and {p.value:g})")
        out[p.issue] = p.value
    if not out:
        raise RuleInputError(f"decision {d.id!r} has no provision with an issue and a value: give --issue ISSUE=VALUE")
    return out


def _member_view(
    actor: str, draft: Mapping[str, float], issues: Mapping[str, Issue], positions: Mapping[str, dict[str, Position]],
    threshold: float | None, unknown: Vote,
) -> MemberView:
    detail: dict[str, dict[str, float]] = {}
    for issue_id, value in draft.items():
        pos = positions[issue_id].get(actor)
        if pos is None:
            return MemberView(actor, unknown)
        t = threshold if threshold is not None else (
            pos.threshold if pos.threshold is not None else default_threshold(issues[issue_id], pos.salience))
        detail[issue_id] = {"position": pos.value, "threshold": round(t, 6), "distance": abs(value - pos.value)}
    margin = min(i["threshold"] - i["distance"] for i in detail.values())
    return MemberView(actor, "yes" if margin >= 0 else "no", detail, round(margin, 6))


def predict(
    snap: Snapshot, body: str, on: dt.date, draft: Mapping[str, float], *,
    thresholds: Mapping[str, float] | None = None, unknown: Vote = "abstain", matter: str = "substantive",
    parties: Iterable[str] = (), decision: str | None = None,
) -> Prediction:
    """Predicted votes of the body's members on the day, the outcome under its rule, and who is pivotal.

    ``thresholds`` overrides a member's threshold on every issue; ``unknown`` is the vote of a member
    without a position on some issue of the draft (it is also listed as unknown)."""
    _, rule = body_rule(snap, body, on)
    issues = {i: snap.get(i, "issue") for i in draft}
    for issue_id, value in draft.items():
        iss = issues[issue_id]
        if not iss.scale_min <= value <= iss.scale_max:
            raise RuleInputError(f"draft value {value:g} for {issue_id!r} lies outside its scale {iss.scale_min:g}..{iss.scale_max:g}")
    members = [r.source for r in snap.memberships(body, on)]
    for actor, t in (thresholds or {}).items():
        if not t >= 0:
            raise RuleInputError(f"threshold {t:g} for {actor!r}: a threshold is a distance, zero or more")
        if actor not in members:
            raise RuleInputError(f"threshold given for {actor!r}, not a member of {body!r} on {on.isoformat()}")
    positions = {i: {p.actor: p for p in snap.positions(i, on)} for i in draft}
    views = [_member_view(m, draft, issues, positions, (thresholds or {}).get(m), unknown) for m in members]
    votes = {v.actor: v.vote for v in views}
    bs = ballots(snap, body, on, votes)
    party_set = frozenset(parties)
    outcome = decide(rule, bs, matter, party_set)
    pivotal = _pivotal(rule, bs, views, outcome, matter, party_set)
    return Prediction(body, on, dict(draft), outcome, views, pivotal, matter, decision)


def _pivotal(rule: DecisionRule, bs: list[Ballot], views: list[MemberView], outcome: Outcome, matter: str,
             parties: frozenset[str]) -> list[dict[str, Any]]:
    by_actor = {v.actor: v for v in views}
    out: list[dict[str, Any]] = []

    def add(actor: str, role: str, **extra: Any) -> None:
        v = by_actor[actor]
        out.append({"actor": actor, "role": role, "vote": v.vote, "distance": v.distance, **extra})

    def switched(actor: str, vote: Vote) -> bool:
        changed = [Ballot(b.member, vote, b.veto, b.name) if b.member == actor else b for b in bs]
        return decide(rule, changed, matter, parties).adopted != outcome.adopted

    vetoes = can_veto(rule, matter)
    for b in bs:
        if vetoes and b.veto and b.member not in parties:
            add(b.member, "veto")  # its no alone defeats the draft, whatever the others do
        elif outcome.adopted and b.vote != "no" and switched(b.member, "no"):
            add(b.member, "could-block")
        elif not outcome.adopted and b.vote == "no" and switched(b.member, "yes"):
            add(b.member, "blocking")
        elif not outcome.adopted and b.vote in ("abstain", "absent") and switched(b.member, "yes"):
            add(b.member, "swing")
    quota = rule.votes_needed or (SECURITY_COUNCIL_VOTES if rule.procedure == "security-council" else None)
    if quota is not None:
        ranked = sorted((v for v in views if v.margin is not None), key=lambda v: (-v.margin, v.actor))
        if len(ranked) >= quota:
            # the quota-th most willing member: the last vote a draft needs, and how far it is from yes
            add(ranked[quota - 1].actor, "decisive-vote", rank=quota)
    return out
