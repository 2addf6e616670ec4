"""Patterns rewritten so that the regex engine has a class of first characters (or a literal) to skip to, and
the forms they had before: the same matches, spans and groups, at any pos and endpos."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.ingest.components import descriptions, proposed, quotes, segmenter, stances, transcript
from accord.ingest.words import finditer_at, merged_matches, search_at_line_starts

_AUX = (r"(?:have|has|had|also|again|repeatedly|previously|already|publicly|privately|then|later|earlier|would|will|"
        r"did|does|do)")
_UNNAMED_TAIL = quotes._UNNAMED_AT_CUE.pattern.split("(?<=[Aa])nother)", 1)[1]
_GOVERNS_TAIL = stances._GOVERNS.pattern.split(r"(?<=n)(?:ot|ever|'t|o longer)\s+", 1)[1]
_BACKTRACKING_REST = rf"(?:\.(?:[A-Z]\.){{0,2}}|{proposed._LETTER}*(?:-{proposed._LETTER}+)*)"
# (new pattern, the form it had before)
PAIRS = {
    "name_runs": (proposed._RUN, re.compile(
        rf"{proposed._CAPITAL}(?<![\w'.-].){_BACKTRACKING_REST}(?:(?: |-)(?:{proposed._PARTICLE}(?: |-))*"
        rf"(?:{proposed._CAPITAL}{_BACKTRACKING_REST}))+")),
    "and_word": (quotes._AND_WORD, re.compile(r"\band\b")),
    "and_that": (quotes._AND_THAT, re.compile(r",? (?:and|but) that\s+")),
    "trailing_aux": (quotes._TRAILING_AUX, re.compile(rf"(?:\s+{_AUX})+$")),
    "unnamed_at_cue": (quotes._UNNAMED_AT_CUE, re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)" + _UNNAMED_TAIL)),
    "governs": (stances._GOVERNS, re.compile(r"\b(?:resist\w*|oppos\w*|reject\w*|against|refus\w*|"
                                             r"(?:not|never|n't|no longer)\s+" + _GOVERNS_TAIL)),
    "counterpart": (descriptions._COUNTERPART,
                    re.compile(r"\b(?P<det>[Hh]is|[Hh]er)\s+(?:(?P<dem>[A-Z][\w-]+)\s+)?counterparts?\b")),
}
_PIECES = ["and", "band", "andy", "but", "that", "a", "A", "an", "An", "one", "One", "another", "Another", "bone",
           "official", "diplomat", "envoy", "said", "says", "told", "has", "have", "also", "then", "do", "does",
           "not", "never", "n't", "no longer", "no", "believe", "support", "see", "oppose", "opposed", "resist",
           "rejected", "against", "refuses", "ran", "oan", "his", "His", "her", "Her",
           "this", "counterpart", "counterparts", "Russian", "x", "_", "1", "\u00e9", "\u00c9a", "-", "'", ",", ".",
           " ", "  ", "\n", "\t", "\n\n", "Mr ", "Sen. ", "Lavrov", "LAVROV", "al-", "O'Brien", "Jean-Marc", "S.", " P. ",
           "(Lab)", "[NATO]", ", Minister of Foreign Affairs", "of", "the", "pro tempore", "Thank you.", "Yes.", "\u2019",
           "Question", "audience member", "\u00c9mile", "\u0410\u043d\u043d\u0430", "x2", "Link to this",
           "Hennis-Plasschaert", "Ro", "e", "-e", "V.K.", "de la ", "el-", "bin ", "\u0160tefan", "Jr.", "Roe-"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _found(pattern, how, text, pos, endpos):
    if how == "match":
        m = pattern.match(text, pos, endpos)
        return m and (m.span(), m.groups())
    if how == "finditer":
        return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]
    m = pattern.search(text, pos, endpos)
    return m and (m.span(), m.groups())


@pytest.mark.parametrize("name", sorted(PAIRS))
@settings(max_examples=400, deadline=None)
@given(text=_TEXT, data=st.data())
def test_a_pattern_written_with_its_first_characters_first_finds_what_its_old_form_found(name, text, data):
    new, old = PAIRS[name]
    pos = data.draw(st.integers(0, len(text) + 1))
    endpos = data.draw(st.integers(0, len(text) + 1))
    for how in ("finditer", "search"):
        assert _found(new, how, text, pos, endpos) == _found(old, how, text, pos, endpos)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_a_rewritten_pattern_gives_the_engine_first_characters_to_skip_to(name):
    new, _ = PAIRS[name]
    parsed = re._parser.parse(new.pattern, new.flags)
    assert re._compiler._get_literal_prefix(parsed, new.flags)[0] or \
        re._compiler._get_charset_prefix(parsed, new.flags) is not None


_LINE_PATTERNS = [transcript._CHAIR_HEADER, segmenter._FULL_DATE, re.compile(r"(?m)^x*"), re.compile(r"(?m)^(?:ab|b)$")]
_LINE_PIECES = ["\n", "\n\n", "x", "ab", "b", " ", "President: ", "Chair:\t", "Mr", "Ms ", "Power", "(", ")", "Geneva, ",
                "March", " 3", ", 2016", "12 ", "May ", "2015", "\r"]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(_LINE_PIECES), max_size=25).map("".join), data=st.data())
def test_a_line_start_pattern_matched_at_line_starts_alone_finds_what_its_search_finds(text, data):
    pattern = data.draw(st.sampled_from(_LINE_PATTERNS))
    pos = data.draw(st.integers(-1, len(text) + 1))
    endpos = data.draw(st.integers(-1, len(text) + 1))
    m, want = search_at_line_starts(pattern, text, pos, endpos), pattern.search(text, pos, endpos)
    assert (m and (m.span(), m.groups())) == (want and (want.span(), want.groups()))


_OPENING_PIECES = ["\n", "\n\n", ". ", "! ", "? ", ".", ", ", ",", " ", "The ", "the ", "Mr ", "Dr. ", "Ambassador ",
                   "Rami", "Abdel", "al-", "de ", "issued", "has ", "the following", "statement", "following is",
                   "text of the", " by ", "was issued", "Ministry", ":", '"', "x", "\u00c9a"]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(_OPENING_PIECES), max_size=30).map("".join), data=st.data())
def test_the_patterns_tried_at_the_places_they_can_open_find_what_their_finditer_finds(text, data):
    got = transcript._paragraph_or_sentence_opens(text)
    assert [(m.span(), m.groups()) for m in finditer_at(transcript._ISSUED_COLON, text, got)] == \
        [(m.span(), m.groups()) for m in transcript._ISSUED_COLON.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "b", "ab", " ", "\n"]), max_size=20).map("".join), data=st.data())
def test_finditer_at_every_place_is_finditer(text, data):
    pattern = re.compile(data.draw(st.sampled_from([r"ab|b", r"a*", r"(?<= )a+b?", r"(?m)^b"])))
    pos = data.draw(st.integers(-1, len(text) + 1))
    endpos = data.draw(st.integers(-1, len(text) + 1))
    places = range(max(0, min(pos, len(text))), len(text) + 1)
    assert [(m.span(), m.groups()) for m in finditer_at(pattern, text, places, pos, endpos)] == \
        [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]


@pytest.mark.parametrize("text", [
    "The talks ended late. Following is the text of the joint statement:\n\nBoth sides agree to meet again.",
    "Intro line\n\nThe Ministry has issued the following statement:\n\nWe regret the delay.",
    "The following statement was issued by the Office of the Spokesperson:\n\nWe welcome the talks.",
])
def test_a_release_intro_is_found_at_each_kind_of_opening(text):
    found = finditer_at(transcript._ISSUED_COLON, text, transcript._paragraph_or_sentence_opens(text))
    assert found and [m.span() for m in found] == [m.span() for m in transcript._ISSUED_COLON.finditer(text)]


_PHRASE_PIECES = ["the", "The", "his", "His", "her", "Her", "its", "Its", "both", "Both", "Yemen's", "Russia's", "Theo's",
                  "Hers's", "'s", "s", "other", "bath", "this", "government", "Government", "opposition", "rebels",
                  "parties", "group", "force", "task", "warring", "Syrian", "Iranian", "side", "forces", "members",
                  "co-chairs", " ", "  ", "\n", "\t", ",", ".", "-", "'", "x", "\u00e9", "\u00c9a", "A"]


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(_PHRASE_PIECES), max_size=30).map("".join))
def test_the_descriptions_phrases_found_by_determiner_are_what_the_whole_pattern_finds(text):
    assert [(m.span(), m.groups()) for m in descriptions._phrases(text)] == \
        [(m.span(), m.groups()) for m in descriptions._PHRASE.finditer(text)]


def test_the_descriptions_phrase_parts_open_with_a_literal_word():
    for part in descriptions._PHRASE_BY_DET:
        assert re._compiler._get_literal_prefix(re._parser.parse(part.pattern, part.flags), part.flags)[0]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "b", "ab", "ba", " "]), max_size=20).map("".join))
def test_merged_matches_of_overlapping_parts_fall_back_to_the_whole_pattern(text):
    whole = re.compile(r"ab|ba")
    parts = [re.compile("ab"), re.compile("ba")]
    assert [m.span() for m in merged_matches(whole, text, [p.finditer(text) for p in parts])] == \
        [m.span() for m in whole.finditer(text)]


_LABEL_PIECES = ["\n", "\n\n", "Q", "A", "Q ", "A - ", "Q. ", " ", "\t", "Mr", "Jane", "Roe", "JANE ROE", "of", "the",
                 "(France)", "(Lab) to the Minister", ":", " :", " -", "- ", "\u2013", "\u2014", ".-", ".", ",", "said",
                 "[00:12:31] ", "4. ", "Question from the floor", "CCTV reporter", "Some hon. members", "*", "x"]


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(_LABEL_PIECES), max_size=30).map("".join))
def test_a_label_pattern_is_tried_wherever_it_may_match(text):
    for pattern, may_open in transcript._MAY_OPEN.items():
        for at in range(len(text) + 1):
            if pattern.match(text, at) is not None:
                assert may_open(text, at), (pattern is transcript._LABEL, at)


# the label patterns with possessive name words, and the forms they had before (the name words backtracking)
ATOMIC = {
    # (the label patterns' name words were backtracking: '[^\W\d_]*(?:[-'\u2019][^\W\d_]+)*')
    "stop_label": (transcript._STOP_LABEL, re.compile(transcript._STOP_LABEL.pattern.replace("]*+", "]*").replace(")*+", ")*"))),
    "line_label": (transcript._LINE_LABEL, re.compile(transcript._LINE_LABEL.pattern.replace("]*+", "]*").replace(")*+", ")*"))),
}


@pytest.mark.parametrize("name", sorted(ATOMIC))
@settings(max_examples=1500, deadline=None)
@given(text=_TEXT, data=st.data())
def test_a_label_pattern_with_possessive_name_words_matches_as_before(name, text, data):
    new, old = ATOMIC[name]
    assert new.pattern != old.pattern
    for at in range(len(text) + 1):
        assert _found(new, "match", text, at, len(text)) == _found(old, "match", text, at, len(text))


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, data=st.data())
def test_the_word_starts_before_a_date_anchor_read_backwards_are_the_last_ones_a_forward_scan_finds(text, data):
    from accord.ingest.components import dates

    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    most = data.draw(st.integers(1, 4))
    forward = [w.start() for w in dates._WORD_START.finditer(text, lo, hi)][-most:]
    assert dates._last_word_starts(text[::-1], len(text), lo, hi, most) == forward


@given(st.lists(st.text(alphabet="ab .-", min_size=1, max_size=4), max_size=5), st.text(alphabet="ab .-", max_size=12))
def test_an_alternation_of_words_matches_where_one_of_them_stands_and_none_matches_nowhere(words, text):
    from accord.ingest.words import alternation

    found = re.search(alternation(words), text) is not None
    assert found == any(w in text for w in words)
