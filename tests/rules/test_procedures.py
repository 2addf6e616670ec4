"""Decision procedures: worked cases and the properties the issue lists (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.record.model import DecisionRule
from accord.rules.procedures import VOTES, Ballot, decide

SC = DecisionRule(procedure="security-council", votes_needed=9)
CONSENSUS = DecisionRule(procedure="consensus")


def council(votes: list[str]) -> list[Ballot]:
    """15 ballots: the first five hold a veto."""
    return [Ballot(f"m{i}", v, veto=i < 5, name=f"M{i}") for i, v in enumerate(votes)]  # type: ignore[arg-type]


def test_unanimous_council_adopts():
    out = decide(SC, council(["yes"] * 15))
    assert out.adopted and "15 affirmative" in out.reason


def test_permanent_no_is_a_veto_named_in_the_reason():
    out = decide(SC, council(["no"] + ["yes"] * 14))
    assert not out.adopted and "vetoed by M0" in out.reason and out.blocked_by == ("m0",)


def test_permanent_abstention_or_absence_is_not_a_veto():
    out = decide(SC, council(["abstain", "absent"] + ["yes"] * 13))
    assert out.adopted and "not a veto" in out.reason


def test_eight_votes_are_one_short():
    out = decide(SC, council(["yes"] * 8 + ["no"] * 7))
    assert not out.adopted and "only 8 affirmative votes of the 9 needed" in out.reason


def test_procedural_matter_ignores_vetoes():
    out = decide(SC, council(["no"] * 5 + ["yes"] * 10), matter="procedural")
    assert out.adopted and "procedural" in out.reason


def test_party_to_dispute_abstains_under_chapter_vi():
    ballots = council(["no"] + ["yes"] * 14)
    out = decide(SC, ballots, parties=frozenset({"m0"}))
    assert out.adopted and "party to the dispute" in out.reason
    # an elected party's yes does not count either
    assert not decide(SC, council(["yes"] * 9 + ["no"] * 6), parties=frozenset({"m8"})).adopted


def test_quorum():
    rule = DecisionRule(procedure="majority", quorum=3)
    out = decide(rule, [Ballot("a", "yes"), Ballot("b", "yes"), Ballot("c", "absent")])
    assert not out.adopted and "no quorum" in out.reason


def test_majorities_count_votes_cast_only():
    maj = DecisionRule(procedure="majority")
    assert decide(maj, [Ballot("a", "yes"), Ballot("b", "abstain"), Ballot("c", "abstain")]).adopted
    assert not decide(maj, [Ballot("a", "yes"), Ballot("b", "no")]).adopted
    qm = DecisionRule(procedure="qualified-majority", share=0.6667)
    assert decide(qm, [Ballot("a", "yes"), Ballot("b", "yes"), Ballot("c", "no")]).adopted  # exactly two thirds
    assert not decide(qm, [Ballot("a", "yes"), Ballot("b", "no")]).adopted


def test_unanimity_needs_every_yes_but_consensus_only_no_objection():
    ballots = [Ballot("a", "yes"), Ballot("b", "abstain")]
    assert decide(CONSENSUS, ballots).adopted
    out = decide(DecisionRule(procedure="unanimity"), ballots)
    assert not out.adopted and "b did not vote yes" in out.reason


def test_consensus_names_objectors():
    out = decide(CONSENSUS, [Ballot("a", "yes"), Ballot("b", "no", name="Bee"), Ballot("c", "no", name="Cee")])
    assert not out.adopted and out.reason == "no consensus: objection by Bee and Cee"


# ------------------------------------------------------------------------------------ properties

council_votes = st.lists(st.sampled_from(VOTES), min_size=15, max_size=15)
RULES = [SC, CONSENSUS, DecisionRule(procedure="unanimity"), DecisionRule(procedure="majority", quorum=2),
         DecisionRule(procedure="qualified-majority", share=0.6)]


@given(council_votes, st.integers(0, 4))
def test_any_permanent_no_defeats_a_substantive_draft(votes, p):
    votes[p] = "no"
    assert not decide(SC, council(votes)).adopted


@given(council_votes)
def test_nine_yes_and_no_permanent_no_passes(votes):
    if votes.count("yes") >= 9 and "no" not in votes[:5]:
        assert decide(SC, council(votes)).adopted
    else:
        assert not decide(SC, council(votes)).adopted


@given(council_votes)
def test_procedural_vote_is_never_vetoed(votes):
    assert decide(SC, council(votes), matter="procedural").adopted == (votes.count("yes") >= 9)


@given(st.sampled_from(RULES), council_votes, st.integers(0, 14), st.sampled_from(["substantive", "procedural"]))
def test_adding_a_yes_never_defeats_an_adopted_draft(rule, votes, i, matter):
    before = decide(rule, council(votes), matter)
    votes[i] = "yes"
    if before.adopted:
        assert decide(rule, council(votes), matter).adopted


@given(st.lists(st.sampled_from(VOTES), max_size=30))
def test_consensus_fails_iff_someone_objects(votes):
    ballots = [Ballot(f"m{i}", v) for i, v in enumerate(votes)]  # type: ignore[arg-type]
    assert decide(CONSENSUS, ballots).adopted == ("no" not in votes)


@given(st.lists(st.sampled_from(VOTES), min_size=15, max_size=15), st.sets(st.integers(0, 14), max_size=3))
def test_the_reason_accounts_for_every_yes_the_tally_shows(votes, party_indexes):
    """A tally's headline counts the votes cast; when the rule counts fewer yes (a party to the dispute
    must abstain), the reason says both numbers, so the two never seem to disagree."""
    ballots = council(votes)
    parties = frozenset(f"m{i}" for i in party_indexes)
    out = decide(SC, ballots, "substantive", parties)
    cast = sum(1 for v in votes if v == "yes")
    counted = sum(1 for i, v in enumerate(votes) if v == "yes" and f"m{i}" not in parties)
    if cast != counted:
        assert f"{cast} yes cast, {counted} counted" in out.reason
    if f"{counted} affirmative" not in out.reason and "vetoed" not in out.reason:
        assert out.adopted is False or counted >= 9
