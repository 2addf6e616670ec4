"""The loader's checks across records, each with one test: recorded votes (non-members, an outcome the
rule contradicts, a tally that does not add up), citation spans past their document, and every error
of a bundle reported at once, sorted, capped and counted."""

import shutil
from pathlib import Path

import pytest

from accord.errors import MAX_LISTED, BundleErrors
from accord.record.bundle import read_bundle

MINI = Path(__file__).parent / "data" / "mini"
MEMO_LENGTH = 82  # characters of the mini case's memo text


@pytest.fixture
def bundle(tmp_path):
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    return dst


def _errors(path) -> BundleErrors:
    with pytest.raises(BundleErrors) as e:
        read_bundle(path)
    return e.value


def _where(e) -> tuple:
    return Path(e.file).name, e.line, e.id, e.field


def _decision(bundle, text: str) -> None:
    (bundle / "decisions.yaml").write_text((bundle / "decisions.yaml").read_text() + text)


def test_a_vote_by_a_non_member_on_the_day(bundle):
    # beta joins the group on 2020-03-01: on 2020-02-15 only alpha is a member
    _decision(bundle, "- id: early\n  body: group\n  date: 2020-02-15\n  title: Early\n  status: adopted\n"
                      "  votes:\n    alpha: yes\n    beta: yes\n  cite: [memo]\n")
    (e,) = _errors(bundle).errors
    assert _where(e) == ("decisions.yaml", 14, "early", "votes.beta")
    assert "'beta' was not a member of 'group' on 2020-02-15" in e.message


def test_a_recorded_outcome_the_rule_contradicts(bundle):
    # the group decides by consensus: a "no" is an objection, so the text cannot have been adopted
    _decision(bundle, "- id: objected\n  body: group\n  date: 2020-03-02\n  title: Objected\n  status: adopted\n"
                      "  votes: {alpha: yes, beta: no}\n  cite: [memo]\n")
    (e,) = _errors(bundle).errors
    assert _where(e) == ("decisions.yaml", 11, "objected", "status")
    assert "recorded as adopted" in e.message and "objection by Beta" in e.message


def test_the_outcome_check_follows_the_body_rule(bundle):
    # the same votes recorded as rejected agree with consensus: no error
    _decision(bundle, "- id: objected\n  body: group\n  date: 2020-03-02\n  title: Objected\n  status: rejected\n"
                      "  votes: {alpha: yes, beta: no}\n  tally: {yes: 1, no: 1}\n  cite: [memo]\n")
    assert read_bundle(bundle).case.id == "mini"


def test_a_tally_that_does_not_add_up(bundle):
    # two members on the day, three votes counted
    _decision(bundle, "- id: counted\n  body: group\n  date: 2020-03-02\n  title: Counted\n  status: adopted\n"
                      "  tally: {yes: 2, no: 0, abstain: 1}\n  cite: [memo]\n")
    (e,) = _errors(bundle).errors
    assert _where(e) == ("decisions.yaml", 12, "counted", "tally")
    assert "make 3, but 'group' had 2 members on 2020-03-02" in e.message


def test_a_tally_that_disagrees_with_the_votes(bundle):
    _decision(bundle, "- id: counted\n  body: group\n  date: 2020-03-02\n  title: Counted\n  status: adopted\n"
                      "  votes: {alpha: yes, beta: abstain}\n  tally: {yes: 2, no: 0}\n  cite: [memo]\n")
    errors = _errors(bundle).errors
    assert [(e.field, e.message) for e in errors] == [
        ("tally.yes", "the tally gives 2 yes, the recorded votes 1"),
        ("tally.abstain", "the tally gives 0 abstain, the recorded votes 1"),
    ]
    assert {e.line for e in errors} == {13}  # the tally's line: flow style keeps its fields on it


def test_a_citation_span_past_the_end_of_its_document(bundle):
    text = (bundle / "positions.yaml").read_text().replace('"memo:66-81"', f'"memo:70-{MEMO_LENGTH + 1}"')
    (bundle / "positions.yaml").write_text(text)
    (e,) = _errors(bundle).errors
    assert _where(e) == ("positions.yaml", 2, "vote-timing.beta.2020-03", "cite[0]")
    assert f"span 70-{MEMO_LENGTH + 1} runs past the end of memo's text ({MEMO_LENGTH} characters)" in e.message


def test_a_span_ending_at_the_last_character_is_fine(bundle):
    text = (bundle / "positions.yaml").read_text().replace('"memo:66-81"', f'"memo:70-{MEMO_LENGTH}"')
    (bundle / "positions.yaml").write_text(text)
    read_bundle(bundle)


def test_nested_citations_are_checked_too(bundle):
    text = (bundle / "actors.yaml").read_text().replace(
        "end: 2021}", "end: 2021, cite: [\"memo:0-999\"]}")
    (bundle / "actors.yaml").write_text(text)
    (e,) = _errors(bundle).errors
    assert (e.id, e.field) == ("ann-lee", "roles[0].cite[0]")


def test_every_error_at_once_sorted_by_file_and_line(bundle):
    (bundle / "positions.yaml").write_text(
        (bundle / "positions.yaml").read_text().replace("value: 95", "value: 120").replace("salience: 0.8", "salience: 8")
    )
    (bundle / "actors.yaml").write_text((bundle / "actors.yaml").read_text().replace("name: Beta", "name: Beta\n  colour: red"))
    (bundle / "relations.yaml").write_text(
        (bundle / "relations.yaml").read_text() + "- {type: supports, source: alpha, target: delta, cite: [memo]}\n"
    )
    (bundle / "people.yaml").write_text("[]\n")
    (bundle / "README.md").write_text("Notes for people: not an error.\n")
    err = _errors(bundle)
    assert [_where(e) for e in err.errors] == [
        ("actors.yaml", 9, "beta", "colour"),
        ("people.yaml", None, None, None),
        ("positions.yaml", 1, "vote-timing.alpha.2020-03", "salience"),
        ("positions.yaml", 2, "vote-timing.beta.2020-03", "value"),
        ("relations.yaml", 4, "alpha.supports.delta", "target"),
    ]
    assert err.total == 5 and err.summary() == "5 errors in the bundle; nothing was written"
    first = err.lines()[0]
    assert first.endswith("actors.yaml:9: beta: colour: Extra inputs are not permitted")
    assert str(err).count("\n") == 4


def test_errors_are_capped_but_all_counted(bundle):
    many = MAX_LISTED + 7
    (bundle / "relations.yaml").write_text(
        "".join(f"- {{type: supports, source: alpha, target: nobody-{i}, cite: [memo]}}\n" for i in range(many))
    )
    err = _errors(bundle)
    assert len(err.errors) == MAX_LISTED and err.total == many
    assert [e.line for e in err.errors] == list(range(1, MAX_LISTED + 1))
    assert err.summary() == f"{many} errors in the bundle (the first {MAX_LISTED} listed); nothing was written"


def test_a_reference_to_a_record_that_failed_is_not_a_second_error(bundle):
    # the issue itself is broken; its positions' references to it are not reported again
    (bundle / "issues.yaml").write_text((bundle / "issues.yaml").read_text().replace("name:", "nom:"))
    err = _errors(bundle)
    assert {(e.id, e.field) for e in err.errors} == {("vote-timing", "name"), ("vote-timing", "nom")}


def test_a_file_that_cannot_be_parsed_does_not_hide_the_others(bundle):
    (bundle / "actors.yaml").write_text("- id: alpha\n  name: [unclosed\n")
    (bundle / "issues.yaml").write_text((bundle / "issues.yaml").read_text().replace("name:", "nom:"))
    err = _errors(bundle)
    names = [Path(e.file).name for e in err.errors]
    assert names[0] == "actors.yaml" and "invalid YAML" in err.errors[0].message
    assert "issues.yaml" in names
    # references are not checked when a file could not be read to its end: they would all mislead
    assert not any("unknown reference" in e.message for e in err.errors)


def test_cli_lists_every_error_and_exits_2(bundle, tmp_path):
    from typer.testing import CliRunner

    from accord.cli.main import app

    (bundle / "positions.yaml").write_text((bundle / "positions.yaml").read_text().replace("value: 95", "value: 120"))
    (bundle / "people.yaml").write_text("[]\n")
    db = tmp_path / "a.db"
    r = CliRunner().invoke(app, ["--db", str(db), "case", "load", str(bundle)])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert lines[0] == f"{bundle}/people.yaml: -: -: unknown bundle file (known: " + lines[0].split("(known: ")[1]
    assert lines[1] == (f"{bundle}/positions.yaml:2: vote-timing.beta.2020-03: value: "
                        "120 lies outside the scale of vote-timing (0..100)")
    assert lines[2] == "error: 2 errors in the bundle; nothing was written"
    r = CliRunner().invoke(app, ["--db", str(db), "case", "list", "--json"])
    assert '"stored": []' in r.stdout
