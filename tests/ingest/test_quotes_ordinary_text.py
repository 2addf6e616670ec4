"""Quotes on ordinary text the new rules did not aim at: coordinated clauses, purpose clauses, irregular pasts, officers."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest.components.quotes import _that_clauses
from tests.ingest.conftest import of


def indirect(result: dict) -> list[str]:
    return [q["content"] for q in of(result, "quote") if not q["direct"]]


def test_three_and_four_and_that_clauses_are_each_a_report(run):
    r = run("Anna Berg said the road was closed, and that the bridge was down, and that the convoy turned back, and "
            "that nobody was hurt in the town.")
    assert indirect(r) == ["the road was closed", "the bridge was down", "the convoy turned back",
                           "nobody was hurt in the town"]
    r = run("Anna Berg said that the road was closed, and that the bridge was down, and that was why the convoy "
            "turned back.")
    assert indirect(r) == ["the road was closed", "the bridge was down"]


_CLAUSES = ["the road was closed", "that was all", "the bridge, and the ford, were down", "x", ""]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab ,.", max_size=8), st.lists(st.sampled_from(_CLAUSES), max_size=5),
       st.sampled_from([", and that ", " and that ", " but that ", ", but that "]), st.text(alphabet="ab .", max_size=8))
def test_that_clauses_lie_inside_the_words_in_order(head, clauses, joint, tail):
    words = joint.join(clauses)
    norm = head + words + tail
    start, end = len(head), len(head) + len(words)
    spans = _that_clauses(norm, start, end)
    assert spans and all(start <= s <= e <= end for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_report_after_and_with_a_definite_noun_in_small_letters_keeps_its_unnamed_speaker(run):
    for text, who, words in [
            ("The strike ended on Monday, and the union said that its members would return.", "the union",
             "its members would return"),
            ("Sources say the vote failed, and the chairman has said that he will resign.", "the chairman",
             "he will resign"),
            ("The strike ended on Monday, and the mayor said that the workers would return.", "the mayor",
             "the workers would return")]:
        got = [(q["speaker"], q["speaker_text"], q["content"]) for q in of(run(text), "quote") if not q["direct"]]
        assert (None, who, words) in got, text


def test_in_saying_or_insisting_that_reports_and_in_writing_does_not(run):
    assert [(q["speaker"], q["cue"]) for q in of(run(
        "John Kerry was right in saying that the truce had held for a week."), "quote")] == [("john-kerry", "saying")]
    assert [(q["speaker"], q["cue"]) for q in of(run(
        "Sergei Lavrov was alone in insisting that the talks should go on without the opposition."), "quote")] == [
        ("sergei-lavrov", "insisting")]
    assert indirect(run("The two sides put the terms in writing that the monitors could check.")) == []


def test_writing_that_before_a_noun_is_no_report(run):
    assert indirect(run("John Kerry spent the morning writing that letter to Sergei Lavrov about the convoys.")) == []
    assert indirect(run("Sergei Lavrov was writing that book for ten years before he retired.")) == []
    assert indirect(run("John Kerry answered on his blog, writing that the convoys had moved.")) == [
        "the convoys had moved"]


def test_it_has_been_clear_that_is_nobody_s_report(run):
    assert indirect(run("It has been clear that the truce is failing in the north.")) == []
    assert indirect(run("This had long been clear that night to the monitors.")) == []


def test_said_so_that_is_a_purpose_and_told_him_that_a_report(run):
    assert indirect(run("John Kerry said so that everyone in the hall could hear him clearly.")) == []
    assert indirect(run("John Kerry called Sergei Lavrov and told him that the convoys had moved.")) == [
        "the convoys had moved"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=8), st.integers(0, 70), st.integers(1, 20))
def test_the_label_over_a_sentence_is_the_overlapping_one_ending_last(labels, s, n):
    from accord.ingest.components.quotes import _LabelsOver

    labels = [(a, a + k) for a, k in labels]
    over = [(ls, le) for ls, le in labels if ls < s + n and s < le]
    got = _LabelsOver(labels)(s, s + n)
    assert (got is None) == (not over)
    assert got is None or (got in over and got[1] == max(le for _, le in over))


def test_the_subject_of_a_first_irregular_or_regular_verb_tells_after_and_never_its_object(run):
    got = [(q["speaker"], q["speaker_text"]) for q in of(run(
        "Maria Lopez met John Kerry in Lyon and told him that the budget was final."), "quote")]
    assert got and all(s != "john-kerry" and t == "Maria Lopez" for s, t in got), got
    for text, who in [("The committee met on Tuesday and said that it would publish the list in May.", "The committee"),
                      ("In Geneva the envoy welcomed the vote and said that the talks would resume.", "the envoy")]:
        assert [q["speaker_text"] for q in of(run(text), "quote")] == [who], text


def test_an_officer_called_again_by_his_title_is_no_organ_of_his_body(run):
    for title in ("Chairperson", "Chairman", "Commissioner", "Director"):
        r = run(f"The {title} of the African Union Commission spoke first. The {title} said that the force would stay.")
        assert [(q["speaker"], q["speaker_text"]) for q in of(r, "quote")] == [(None, f"The {title}")], title
    # an organ called again by its noun still speaks for its body
    r = run("The Assembly of the African Union closed its summit. The Assembly said that the force would stay.")
    assert [q["speaker"] for q in of(r, "quote")] == ["african-union"]


def test_a_chain_of_circumstances_before_that_is_no_part_of_the_words(run):
    for text in ("John Kerry said in Moscow on Tuesday that the convoys would move.",
                 "John Kerry said in Rome, the capital, that the convoys would move.",
                 "John Kerry said on Monday in Geneva that the convoys would move."):
        assert indirect(run(text)) == ["the convoys would move"], text


def test_a_name_opening_with_so_or_yet_keeps_that_word(run):
    got = [q["speaker_text"] for q in of(run("So Se-pyong said that the talks were over."), "quote")]
    assert got == ["So Se-pyong"]
    got = [q["speaker_text"] for q in of(run("So the envoy said that the talks were over."), "quote")]
    assert got == ["the envoy"]


def test_a_body_named_only_before_an_office_s_words_issues_no_text(run):
    from accord.ingest.components.quotes import _TITLE_AFTER_BODY

    for after in (" Deputy Special Envoy", " Head of Mission", " High Representative", " Special Envoy", " Mediator",
                  " Commissioner for Refugees", " Secretary-General"):
        assert _TITLE_AFTER_BODY.match(after), after
    for after in (" General Assembly", " member states", " Security Council", " said the envoy"):
        assert not _TITLE_AFTER_BODY.match(after), after


# --- a style's or an initial's full stop after 'said' is no end of the speaker's name ------------------------------

def test_a_speaker_after_the_cue_keeps_a_style_or_an_initial_with_its_full_stop(run):
    r = run('"We will not sign this," said Mr. Sergei Lavrov, the Russian foreign minister.\n\n'
            '"The road must open," said Dr. Amara Welde, who runs the clinic.\n\n'
            '"Nobody came," said Jane Q. Roe, a farmer.')
    assert [(q["speaker"], q["speaker_text"]) for q in of(r, "quote") if q["direct"]] == [
        ("sergei-lavrov", "Sergei Lavrov"), ("amara-welde", "Amara Welde"), ("jane-roe", "Jane Q. Roe")]


def test_a_full_stop_after_a_name_still_ends_the_speaker_s_words(run):
    r = run('"The road must open," said Amara Welde. Dr. Tom Baker was not there.')
    assert [q["speaker"] for q in of(r, "quote") if q["direct"]] == ["amara-welde"]
