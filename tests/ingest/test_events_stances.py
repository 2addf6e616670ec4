"""Events (PLOVER type, CAMEO code, source, target, date, place) and stances on case issues."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def test_event_type_source_target_date_place(run):
    r = run("Sergei Lavrov met John Kerry in Geneva on Friday.", dt.date(2015, 12, 18))
    (e,) = of(r, "event")
    assert (e["event_type"], e["cameo"], e["source"], e["target"], e["date"], e["place"]) == (
        "CONSULT", "040", "sergei-lavrov", "john-kerry", "2015-12-18", "Geneva")


def test_no_event_from_words_inside_a_name_or_a_quote(run):
    r = run('The International Syria Support Group spoke. "We will attack nobody," Lavrov said.')
    assert of(r, "event") == []


def test_reject_and_demand_follow_the_guidelines(run):
    r = run("Saudi Arabia cut diplomatic ties with Iran. John Kerry called on Russia to stop the bombing.")
    assert [(e["event_type"], e["source"], e["target"]) for e in of(r, "event")] == [
        ("REJECT", "saudi-arabia", "iran"), ("DEMAND", "john-kerry", "russia")]


def test_stance_held_by_the_speakers_state(run):
    r = run('"The Syrian people alone will decide who governs them," Sergei Lavrov said.')
    (s,) = of(r, "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("russia", "assad-role", "toward_max")


def test_stance_of_actors_opening_a_sentence(run):
    r = run("Moscow and Tehran want Ahrar al-Sham and Jaysh al-Islam included on the list.")
    assert sorted((s["actor"], s["direction"]) for s in of(r, "stance")) == [
        ("iran", "toward_max"), ("russia", "toward_max")]


def test_stances_only_for_the_case_issues():
    from accord.ingest.document import Article
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.world import world
    from tests.ingest.conftest import syria_words

    lex = world().merged([], issues=["ceasefire-timing"], vocabulary=syria_words())
    doc = Pipeline(lex)(Article(text='"Assad must go," Kerry said. "The fighting must stop now," he added.',
                                published=dt.date(2016, 2, 1)))
    assert [c.data["issue"] for c in doc.candidates if c.kind == "stance"] == ["ceasefire-timing"]


def _events(run, text: str) -> list[tuple]:
    return [(e["event_type"], e["source"], e["target"], e["mood"], e["reported_by"]) for e in of(run(text), "event")]


def test_a_reported_event_is_coded_with_its_reporter_as_a_claim(run):
    assert _events(run, "Russia would not attack the town. John Kerry said Russia attacked Turkey. "
                        "Turkey shot down a Russian jet.") == [
        ("FIGHT", "russia", "turkey", None, "john-kerry"), ("FIGHT", "turkey", "russia", None, None)]
    # the actors of a report are read inside what is reported, not from the one who reports it
    (e,) = of(run("Iran shelled Iraqi towns on Sunday, the Turkish foreign ministry said."), "event")
    assert (e["source"], e["target"], e["reported_by"]) == ("iran", "iraq", "turkey")


def test_an_act_not_yet_done_is_coded_with_its_mood(run):
    assert _events(run, "Iran threatened to shell Iraqi towns.") == [("THREATEN", "iran", "iraq", "threatened", None)]
    assert of(run("Iran threatened to shell Iraqi towns."), "event")[0]["threatened_act"] == "FIGHT"
    assert _events(run, "France will provide humanitarian aid to Jordan.") == [("AGREE", "france", "jordan", "intended", None)]
    assert _events(run, "Egypt will boycott the talks unless Qatar withdraws.")[0][:4] == (
        "THREATEN", "egypt", "qatar", "conditional")
    # refusing a cooperative act is a rejection; a hostile act that may or may not come is no event
    assert _events(run, "Turkey refused to withdraw its troops from Iraq.") == [("REJECT", "turkey", "iraq", None, None)]
    assert not _events(run, "Russia could strike the town. Russia did not attack Turkey.")


def test_must_in_a_report_is_the_reporter_s_demand(run):
    assert _events(run, "Britain said Libya must hand over the suspects.") == [
        ("DEMAND", "uk", "libya", None, "uk")]


def test_a_demonym_before_people_stands_for_its_state_in_an_event(run):
    (e,) = of(run("Sudanese rebels shelled Juba on Sunday."), "event")
    assert (e["event_type"], e["source"], e["source_sector"]) == ("FIGHT", "sudan", "REB")
    # but it is no actor mention of the record: a nationality
    assert not [a for a in of(run("Sudanese rebels shelled Juba on Sunday."), "actor") if a["actor"] == "sudan"]


def test_stance_words_turned_by_a_negation(run):
    r = run("Riyadh insists that these factions should not be listed as terrorists.")
    (s,) = of(r, "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("saudi-arabia", "terrorist-list-scope", "toward_min")


def test_no_stance_without_a_position(run):
    assert of(run("Russian jets bombed Nusra Front positions near Idlib on Tuesday."), "stance") == []


def test_first_words_of_an_alternation():
    from accord.ingest.words import first_words

    assert first_words("said|[Aa]ccording to|emphasi[sz]ed|cease-fire") == {
        "said", "according", "emphasised", "emphasized", "cease"}


# cue patterns of the forms the vocabularies use: plain words, optional endings, groups, classes, a leading group
_CUES = ["go", "going", "goes", "go down", "stay", "stays?", "step(s|ped)? (down|aside)", "s", "st[ao]y", "st\\w*",
         "(stay|go)", "(?:no|not) go", "[gs]o", "go|stay", "a[|]b", "ab", "a", "b", "'s", "go-ahead", "\\bgo"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CUES), st.sampled_from(["min", "max", "min_fixed", None])), min_size=1,
                max_size=12),
       st.lists(st.sampled_from(["go", "going", "goes", "go down", "stay", "stays", "step down", "stepped aside", "s", "st",
                                 "a|b", "ab", "a", "b", "'s", "go-ahead", "no go", " ", ", ", "x"]), max_size=25))
def test_a_tagged_alternation_matches_as_its_named_groups_do(cues, words):
    """The stances' alternations (first letters shared, each alternative tagged by an empty group) find the
    same matches as one named group per tag, and tag each with the group that matched (an untagged one, as
    the events' demonyms and state names are, with no tag)."""
    import re

    from accord.ingest.words import tagged_alternation

    text = "".join(words)
    plain = "|".join(f"(?P<g{i}>(?:{pattern}))" for i, (pattern, _tag) in enumerate(cues))
    tag_of = {f"g{i}": tag for i, (_pattern, tag) in enumerate(cues)}
    alternation, tags = tagged_alternation(cues)
    want = [(m.span(), tag_of[m.lastgroup]) for m in re.finditer(rf"\b(?:{plain})\b", text)]
    got = [(m.span(), tags.get(m.lastindex)) for m in re.finditer(rf"\b(?:{alternation})\b", text)]
    assert got == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ended", "end", "attended", "nd", "rebels", "rebel", "reb", "s", "el", "_"]), min_size=1,
                max_size=5, unique=True),
       st.lists(st.sampled_from(["ended", "end", "rebels", "rebel", "s", "el", "_", "x", " ", ".", "\u00e9", "2"]),
                max_size=20), st.booleans())
def test_literal_spans_are_what_the_alternation_finds(words, parts, word_end):
    """The substring searches of the event and description scans find what ``(?:w1|w2|...)`` finds: the earliest
    word, the first of the list at one place, none overlapping the one before, a word boundary after if asked."""
    import re

    from accord.ingest.words import literal_spans

    text = "".join(parts)
    pattern = "(?:" + "|".join(re.escape(w) for w in words) + ")" + (r"\b" if word_end else "")
    assert literal_spans(text, tuple(words), word_end) == [m.span() for m in re.finditer(pattern, text)]


def test_a_tagged_alternation_shares_first_letters():
    from accord.ingest.words import tagged_alternation

    # a cue opening with a group keeps its place among the cues that open with a letter it may open with: those
    # after it are not merged with those before; the others move past it (it cannot match where they do)
    assert tagged_alternation([("go", "a"), ("stay", "b"), ("gone", "c"), ("(x|go)", "d"), ("got", "e")]) == (
        "g(?:(?:o)()|(?:one)())|(?:(x|go))()|s(?:tay)()|g(?:ot)()", {1: "a", 2: "c", 4: "d", 5: "b", 6: "e"})
    assert tagged_alternation([("go", "a"), ("(x|y)z", "b"), ("gone", "c"), ("\\bstay", "d"), ("sty", "e")]) == (
        "(?:(x|y)z)()|(?:\\bstay)()|g(?:(?:o)()|(?:one)())|s(?:ty)()", {2: "b", 3: "d", 4: "a", 5: "c", 6: "e"})
    # one that may open with any character (or none): every cue keeps its side of it
    assert tagged_alternation([("go", "a"), ("\\w+z", "b"), ("gone", "c")])[0] == "g(?:o)()|(?:\\w+z)()|g(?:one)()"
    # a letter that an alternation, a quantifier or a class might bind stays with the rest of its cue
    for cue in ("go|stay", "g?o", "g+o", "g{2}", "g[|]o|stay", "g(o)\\1"):
        assert tagged_alternation([(cue, "a")])[0] == f"(?:{cue})()"
    assert tagged_alternation([("g[|]o", "a"), ("g(o|a)", "b")])[0] == "g(?:(?:[|]o)()|(?:(o|a))())"
    # untagged: no group (a match object's size grows with its pattern's groups)
    assert tagged_alternation([("go", None), ("st(a)y", None), ("gone", "c")]) == ("g(?:(?:o)|(?:one)())|s(?:t(a)y)", {1: "c"})


def test_a_verb_of_opposing_turns_what_it_governs(run):
    """Opposing a demand that Assad go is wanting him to stay, however many words lie between; the words
    after the governed one ('before an election') are not turned again."""
    for text in ("Moscow still opposed any demand that Assad step down.",
                 "Moscow still opposed any demand that Assad step down before an election.",
                 "Russia opposes any attempt to remove Assad from outside."):
        (s,) = of(run(text), "stance")
        assert (s["actor"], s["issue"], s["direction"]) == ("russia", "assad-role", "toward_max"), text


def test_a_negated_belief_turns_its_clause(run):
    (s,) = of(run("France did not believe that Assad could remain in power after the transition."), "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("france", "assad-role", "toward_min")


def test_two_negations_cancel(run):
    r = run("Turkey still refused to accept that the YPG was anything but a terrorist organisation.")
    (s,) = of(r, "stance")
    assert (s["actor"], s["issue"], s["direction"]) == ("turkey", "terrorist-list-scope", "toward_max")
