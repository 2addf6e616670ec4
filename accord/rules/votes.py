"""Tallies: a body's recorded vote, or a hypothetical one, run through the body's procedure.

Who may vote is the body's membership on the decision's date; a vote given for anyone else is an error,
not a silent change of the outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from accord.record.plain import dump
from accord.rules.errors import RuleInputError
from accord.rules.procedures import VOTES, Ballot, Outcome, count, decide

if TYPE_CHECKING:  # read plain or through the model alike (accord.record.plain): no class needed to run
    from accord.record.model import Actor, Decision, DecisionRule, Vote
    from accord.record.snapshot import Snapshot


@dataclass
class Tally:
    body: str
    date: dt.date
    matter: str
    procedure: str
    outcome: Outcome
    votes: dict[str, Vote]
    decision: str | None = None
    #: the hypothetical votes that replaced the record's
    changed: dict[str, Vote] = field(default_factory=dict)

    @property
    def adopted(self) -> bool:
        return self.outcome.adopted

    def to_json(self) -> dict[str, Any]:
        counts = count([Ballot(m, v) for m, v in self.votes.items()])
        return {
            **({"decision": self.decision} if self.decision else {}),
            "body": self.body, "date": self.date.isoformat(), "matter": self.matter, "procedure": self.procedure,
            "adopted": self.outcome.adopted, **counts, "reason": self.outcome.reason,
            "blocked_by": list(self.outcome.blocked_by), "votes": self.votes,
            **({"changed": self.changed} if self.changed else {}),
        }


def body_rule(snap: Snapshot, body: str, on: dt.date) -> tuple[Actor, DecisionRule]:
    """The body and its rule, checking that it existed and had members on the day."""
    actor = snap.get(body, "actor")
    if actor.rule is None:
        raise RuleInputError(f"{body!r} is not a body: it has no decision rule")
    if not actor.in_force(on) or not snap.memberships(body, on):
        raise RuleInputError(f"{body!r} did not exist or had no members on {on.isoformat()}")
    return actor, actor.rule


def ballots(snap: Snapshot, body: str, on: dt.date, votes: Mapping[str, Vote]) -> list[Ballot]:
    """One ballot per member on the day; a member without a vote is absent. Votes by non-members are errors."""
    members = {r.source: r for r in snap.memberships(body, on)}
    for voter in votes:
        snap.get(voter, "actor")
        if voter not in members:
            raise RuleInputError(f"{voter!r} was not a member of {body!r} on {on.isoformat()} and cannot vote")
    return [
        Ballot(m, votes.get(m, "absent"), veto=r.veto, name=snap.name(m)) for m, r in members.items()
    ]


def hypothesis(snap: Snapshot, given: Mapping[Vote, Iterable[str]]) -> dict[str, Vote]:
    """Votes from the command line (--yes A --no B…): every id must be an actor and appear once."""
    out: dict[str, Vote] = {}
    for vote in VOTES:
        for actor in given.get(vote, ()):
            snap.get(actor, "actor")
            if actor in out:
                raise RuleInputError(f"{actor!r} is given two votes ({out[actor]} and {vote})")
            out[actor] = vote
    return out


def tally(
    snap: Snapshot, decision_id: str, overrides: Mapping[str, Vote] | None = None, parties: Iterable[str] | None = None
) -> Tally:
    """The decision's recorded vote with any overrides applied, under its body's rule on its date.

    ``parties`` replaces the decision's recorded parties to the dispute (Chapter VI: they must abstain)."""
    d = snap.get(decision_id, "decision")
    on = d.date.start
    _, rule = body_rule(snap, d.body, on)
    votes = {**d.votes, **(overrides or {})}
    bs = ballots(snap, d.body, on, votes)
    bound = frozenset(d.parties_to_dispute if parties is None else parties)
    for party in sorted(bound - {b.member for b in bs}):  # sorted: the same one named on every run
        snap.get(party, "actor")
        raise RuleInputError(f"{party!r} is named a party to the dispute but was not a member of {d.body!r} on {on.isoformat()}")
    if votes:
        outcome = decide(rule, bs, d.matter, bound)
    else:
        # nothing to count (a statement agreed without a vote, a draft): an empty tally would make up a
        # result, e.g. "no member objected" for a text the record says was not agreed
        outcome = Outcome(d.status == "adopted", f"no vote recorded; the record gives its status as {d.status}")
    changed = {m: v for m, v in (overrides or {}).items() if d.votes.get(m, "absent") != v}
    counted = {b.member: b.vote for b in bs} if votes else {}
    return Tally(d.body, on, d.matter, rule.procedure, outcome, counted, d.id, changed)


def show_decision(snap: Snapshot, decision_id: str) -> dict[str, Any]:
    """A decision as recorded, with its tally under the body's rule (which should agree with its status)."""
    d = snap.get(decision_id, "decision")
    t = tally(snap, decision_id)
    return {
        "id": d.id, "title": d.title, "symbol": d.symbol, "body": d.body, "date": str(d.date), "status": d.status,
        **t.to_json(),
        "provisions": [dump(p, exclude_none=True) for p in d.provisions],
        "consistent": (d.status == "adopted") == t.adopted if d.status in ("adopted", "rejected") else None,
    }


def recorded_vote_errors(snap: Snapshot, d: Decision) -> list[tuple[str, str]]:
    """What is wrong with a decision's recorded vote, as (field, message): votes by non-members on its
    date, parties to the dispute that were not members, a recorded count that does not add up or
    disagrees with the votes, a recorded status the body's rule contradicts. Empty when all agree."""
    on = d.date.start
    body = snap.get(d.body, "actor")
    if body.rule is None:
        return [("votes" if d.votes else "tally", f"{d.body!r} has no decision rule: it is not a body that votes")]
    members = {r.source: r for r in snap.memberships(d.body, on)}
    if not members:
        return [("date", f"{d.body!r} had no members on {on.isoformat()}, so no vote can be recorded")]
    errors = [
        (f"votes.{voter}", f"{voter!r} was not a member of {d.body!r} on {on.isoformat()} and cannot vote")
        for voter in d.votes if voter not in members
    ]
    errors += [
        (f"parties_to_dispute[{i}]", f"{party!r} was not a member of {d.body!r} on {on.isoformat()}")
        for i, party in enumerate(d.parties_to_dispute) if party not in members
    ]
    if errors:
        return errors
    bs = ballots(snap, d.body, on, d.votes)
    if d.tally is not None:
        t = d.tally
        given = t.yes + t.no + t.abstain + (t.absent or 0)
        if given > len(members) or (t.absent is not None and given != len(members)):
            errors.append(("tally", f"{t.yes} yes, {t.no} no, {t.abstain} abstaining"
                                    + (f", {t.absent} absent" if t.absent is not None else "")
                                    + f" make {given}, but {d.body!r} had {len(members)} members on {on.isoformat()}"))
        if d.votes:
            counted = count(bs)
            for vote in ("yes", "no", "abstain"):
                if getattr(t, vote) != counted[vote]:
                    errors.append((f"tally.{vote}", f"the tally gives {getattr(t, vote)} {vote}, "
                                                    f"the recorded votes {counted[vote]}"))
    if d.votes and d.status in ("adopted", "rejected"):
        outcome = decide(body.rule, bs, d.matter, frozenset(d.parties_to_dispute))
        if outcome.adopted != (d.status == "adopted"):
            errors.append(("status", f"recorded as {d.status}, but under the rule of {d.body!r} "
                                     f"({body.rule.procedure}) the recorded votes give: {outcome.reason}"))
    return errors
