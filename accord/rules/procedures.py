"""Decision procedures: how a body's ballots become an outcome, with the reason in words.

Each procedure is a pure function registered under the name a ``DecisionRule.procedure`` gives, so a
body picks its procedure in the record and a new one is one function plus one line in ``PROCEDURES``.
Sources for each are in docs/rules.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a rule is read plain or through the model alike (accord.record.plain)
    from accord.record.model import DecisionRule, Vote


VOTES: tuple[Vote, ...] = ("yes", "no", "abstain", "absent")
#: Charter art. 27(2) and (3): nine affirmative votes
SECURITY_COUNCIL_VOTES = 9
#: Charter art. 18(2): "a two-thirds majority of the members present and voting"
DEFAULT_SHARE = Fraction(2, 3)


@dataclass(frozen=True)
class Ballot:
    member: str
    vote: Vote
    #: the member holds a veto (a permanent member of the Security Council)
    veto: bool = False
    #: a readable name for reasons; the id when empty
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or self.member


@dataclass(frozen=True)
class Outcome:
    adopted: bool
    reason: str
    #: members whose vote alone stopped the decision (vetoes, objections)
    blocked_by: tuple[str, ...] = ()


Matter = str  # "substantive" | "procedural"
Procedure = Callable[["DecisionRule", Sequence[Ballot], Matter, frozenset[str]], Outcome]


def count(ballots: Sequence[Ballot]) -> dict[Vote, int]:
    c = Counter(b.vote for b in ballots)
    return {v: c.get(v, 0) for v in VOTES}


def _names(ballots: Sequence[Ballot]) -> str:
    labels = [b.label for b in ballots]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _quorum_failure(rule: DecisionRule, ballots: Sequence[Ballot]) -> Outcome | None:
    if rule.quorum is None:
        return None
    present = sum(1 for b in ballots if b.vote != "absent")
    if present >= rule.quorum:
        return None
    return Outcome(False, f"no quorum: {present} members present of the {rule.quorum} required")


def security_council(rule: DecisionRule, ballots: Sequence[Ballot], matter: Matter, parties: frozenset[str]) -> Outcome:
    """Charter art. 27: procedural matters need nine affirmative votes; other matters nine including the
    concurring votes of the permanent members, which practice reads as "no permanent member votes no"
    (an abstention or absence is not a veto). A party to a dispute abstains under Chapter VI (art. 27(3))."""
    needed = rule.votes_needed or SECURITY_COUNCIL_VOTES
    if failure := _quorum_failure(rule, ballots):
        return failure
    if matter == "procedural":
        yes = count(ballots)["yes"]
        if yes >= needed:
            return Outcome(True, f"procedural matter: {yes} affirmative votes, {needed} needed (art. 27(2))")
        return Outcome(False, f"procedural matter: only {yes} affirmative votes of the {needed} needed (art. 27(2))")
    # a party to the dispute must abstain: whatever the record or a hypothesis gives, its vote does not count
    bound = [b for b in ballots if b.member in parties and b.vote != "absent"]
    counted = [Ballot(b.member, "abstain", b.veto, b.name) if b in bound else b for b in ballots]
    yes = count(counted)["yes"]
    notes = [f"{_names(bound)} abstaining as party to the dispute (art. 27(3))"] if bound else []
    cast = count(ballots)["yes"]
    if cast != yes:  # say how the count differs from the votes cast, which is what a tally shows first
        notes[0] += f": {cast} yes cast, {yes} counted"
    vetoes = [b for b in counted if b.veto and b.vote == "no"]
    if vetoes:
        short = f"; also only {yes} of the {needed} affirmative votes needed" if yes < needed else ""
        return Outcome(
            False,
            "; ".join([f"vetoed by {_names(vetoes)}: a permanent member voted no (art. 27(3)){short}", *notes]),
            tuple(b.member for b in vetoes),
        )
    if yes < needed:
        return Outcome(False, "; ".join([f"only {yes} affirmative votes of the {needed} needed (art. 27(3))", *notes]))
    # members bound to abstain were already named above
    standing_aside = [b for b in counted if b.veto and b.vote in ("abstain", "absent") and b.member not in parties]
    if standing_aside:
        notes.append(f"the abstention or absence of {_names(standing_aside)} is not a veto (established practice)")
    return Outcome(True, "; ".join([f"{yes} affirmative votes ({needed} needed) and no permanent member voted no", *notes]))


def consensus(rule: DecisionRule, ballots: Sequence[Ballot], matter: Matter, parties: frozenset[str]) -> Outcome:
    """Adopted when no member objects (a "no" is an objection); abstaining or staying away is not."""
    if failure := _quorum_failure(rule, ballots):
        return failure
    objectors = [b for b in ballots if b.vote == "no"]
    if objectors:
        return Outcome(False, f"no consensus: objection by {_names(objectors)}", tuple(b.member for b in objectors))
    return Outcome(True, "adopted by consensus: no member objected")


def unanimity(rule: DecisionRule, ballots: Sequence[Ballot], matter: Matter, parties: frozenset[str]) -> Outcome:
    """Every member must vote yes: unlike consensus, silence or abstention is not assent."""
    if failure := _quorum_failure(rule, ballots):
        return failure
    others = [b for b in ballots if b.vote != "yes"]
    if not ballots:
        return Outcome(False, "not unanimous: the body has no members")
    if others:
        return Outcome(
            False,
            f"not unanimous: {_names(others)} did not vote yes",
            tuple(b.member for b in others if b.vote == "no"),
        )
    return Outcome(True, f"adopted unanimously ({len(ballots)} of {len(ballots)})")


def _majority_of_cast(rule: DecisionRule, ballots: Sequence[Ballot], share: Fraction | None) -> Outcome:
    """Majorities of the members present and voting: those voting yes or no; abstentions do not count."""
    if failure := _quorum_failure(rule, ballots):
        return failure
    c = count(ballots)
    cast = c["yes"] + c["no"]
    if rule.votes_needed is not None and c["yes"] < rule.votes_needed:
        return Outcome(False, f"only {c['yes']} affirmative votes of the {rule.votes_needed} needed")
    if cast == 0:
        return Outcome(False, "no votes cast")
    if share is None:
        if c["yes"] > c["no"]:
            return Outcome(True, f"simple majority: {c['yes']} for, {c['no']} against")
        return Outcome(False, f"no majority: {c['yes']} for, {c['no']} against")
    if c["yes"] >= share * cast:
        return Outcome(True, f"qualified majority: {c['yes']} of {cast} votes cast, {share} needed")
    return Outcome(False, f"short of the qualified majority: {c['yes']} of {cast} votes cast, {share} needed")


def majority(rule: DecisionRule, ballots: Sequence[Ballot], matter: Matter, parties: frozenset[str]) -> Outcome:
    return _majority_of_cast(rule, ballots, None)


def qualified_majority(rule: DecisionRule, ballots: Sequence[Ballot], matter: Matter, parties: frozenset[str]) -> Outcome:
    # a stored share such as 0.6667 means two thirds: read it as the nearest small fraction
    share = Fraction(rule.share).limit_denominator(100) if rule.share is not None else DEFAULT_SHARE
    return _majority_of_cast(rule, ballots, share)


PROCEDURES: dict[str, Procedure] = {
    "security-council": security_council,
    "consensus": consensus,
    "unanimity": unanimity,
    "majority": majority,
    "qualified-majority": qualified_majority,
}


def decide(
    rule: DecisionRule, ballots: Sequence[Ballot], matter: Matter = "substantive", parties: frozenset[str] = frozenset()
) -> Outcome:
    return PROCEDURES[rule.procedure](rule, ballots, matter, parties)


def can_veto(rule: DecisionRule, matter: Matter) -> bool:
    """Whether a single veto-holder's no defeats a decision of this kind (prediction names them)."""
    return rule.procedure == "security-council" and matter == "substantive"
