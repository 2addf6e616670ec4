"""The regex helpers the components' speed rests on: each must find exactly what the plain pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.ingest.words import opening_class


def test_the_opening_class_of_a_pattern():
    assert opening_class(r"\bthe\s+").pattern == "[t]"
    assert opening_class(r"(?:[Tt]he\s+)?\d+").pattern == r"[Tt\d]"
    assert opening_class(r"(?<=\b[Tt]he )(?:1|2)x").pattern == "[12]"  # a look-behind opens no match
    assert opening_class(r"(?=[A-Z][a-z])(?:May|June)").pattern == "[MJ]"
    assert opening_class(r"(?:a|b*)c").pattern == "[abc]"  # a branch that may be empty lets the next item open
    for anything in (r"[^a]b", r".x", r"(?i)may", r"(?i:may)", r"a?", r"(?=x)", r"(a?)\1b", r"\bx?"):
        assert opening_class(anything) is None, anything


_PIECES = ["the ", "The ", "12", "3", "31st ", "March ", "Mar. ", "MARCH ", "2016", " ", "-", "/", ", ", "on ", "last ",
           "week", "Monday", "day", "ago ", "two ", "a ", "and ", "(", ")", "x", "\n", "Rajab ", "1437"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_dates_rules_tried_by_their_opening_class_find_what_all_rules_find(pieces):
    # the rules as one alternation, the first that matches at a position winning, as the component tried them before
    from accord.ingest.components import dates

    every = re.compile("|".join(f"(?P<r{i}>{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', p)})"
                                for i, (_, p) in enumerate(dates._RULES)))
    text = "".join(pieces)
    for pos in range(len(text)):
        hit = every.match(text, pos)
        want = None if hit is None else (dates._RULES[int(hit.lastgroup[1:])][0], hit.span())
        got = next(((name, m.span()) for name, rx in dates._rules_at(text[pos]) if (m := rx.match(text, pos))), None)
        assert got == want, (text, pos)
        # and as the component reads them: one alternation of those rules, then the winning rule's own match
        first = dates._rule_at(text, pos)
        assert (first and (first[0], first[1].span())) == want, (text, pos)
        if first is not None:
            assert first[1].re is dates._COMPILED_BY_NAME[first[0]] and first[1].groupdict() == \
                dates._COMPILED_BY_NAME[first[0]].match(text, pos).groupdict()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["day", "days", " later", " before", " after", "week", "end", "to", "morrow", "night",
                                 " come", "in the", " ", "same", "that", "ago", "Chicago", "s", "ahead", " a", "head"]),
                max_size=16))
def test_the_dates_anchor_words_are_found_where_their_alternation_finds_them(pieces):
    from accord.ingest.components import dates
    from accord.ingest.words import literal_spans

    alternation = re.compile("week|month|year|to(?:day|morrow|night)|yesterday|in the day|ago|previous|preceding|day before|"
                             "night|following|next|same day|that day|morning|afternoon|evening|coming|to come|ahead|day after|"
                             "days? later|days? earlier")
    text = "".join(pieces)
    assert literal_spans(text, dates._ANCHOR_WORDS) == [m.span() for m in alternation.finditer(text)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Jan", "JAN", "Jan.", "January", "May", "MAY", "Sept.", "SEP", "Monday", "Today", "New Year",
                                 "Earlier in the day", "Easter", "Christmas", "12", "2016", "\u0663", "x", "X", "ly", "s",
                                 " ", ".", "-", "\n"]), max_size=14))
def test_the_dates_capitalised_anchors_are_found_where_their_alternation_finds_them(pieces):
    # the digits and the capitalised words scanned apart find the starts the one alternation found
    from accord.ingest.components import dates

    alternation = re.compile(rf"(?=[\dA-Z])(?:\d+|{dates._MON}|{dates._WD}|Today|Yesterday|Tomorrow|Tonight|"
                             r"Earlier in the day|Later in the day|Christmas|New Year|Easter)")
    text = "".join(pieces)
    got = {m.start() for m in dates._ANCHOR_DIGITS.finditer(text)} | {m.start() for m in dates._ANCHOR_CAPS.finditer(text)}
    assert got == {m.start() for m in alternation.finditer(text)}


_ALTERNATIVES = ["will", "would", "'ll", "wait and see", "(?:could|may) be", "may", "is due", "is to", "is ", "due to",
                 "plans? to", "[|]x", "w[a|]s", "(?:has|have) until", "has to", "\\bmet", "m\\w*t", "a(b|c)", "ab"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALTERNATIVES), min_size=1, max_size=10),
       st.lists(st.sampled_from(["will", "would", "wait", " and see", "could be", "may", "is due", "is to", "is", " ",
                                 "due", " to", "plan", "plans", "has", "have", " until", "met", "mat", "|x", "w|s", "ab",
                                 "ac", "-", "x"]), max_size=16))
def test_a_grouped_alternation_finds_what_the_alternation_finds(alternatives, words):
    """The tense patterns' word lists, each alternative behind a branch per first letter: the same matches, in
    a word's bounds or not."""
    from accord.ingest.words import grouped

    alternation = "|".join(alternatives)
    text = "".join(words)
    for before, after in (("", ""), (r"\b", r"\b"), (r"(?=(?:", "))")):
        want = [m.span() for m in re.finditer(f"{before}(?:{alternation}){after}", text)]
        assert [m.span() for m in re.finditer(f"{before}(?:{grouped(alternation)}){after}", text)] == want


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Mr", "Mrs", "Ms", "Minister", "Sen", "Senator", "Sir", "Ambassador", "Dr", "Prof", ".",
                                 " ", "Kerry", "\u00c9mile", "x", "The", "the", " Secretary", "-General", " of", "'", "\u2018",
                                 "(", '"', "\u201c", "a", "\n"]), max_size=14))
def test_the_patterns_written_to_open_with_a_rare_character_find_what_they_found(pieces):
    """The honorifics' scan and the single marks' test open with their capitals and marks, the boundary looked back
    at; 'the Secretary' is tried where 'he Secretary' stands: each finds what the plain pattern found."""
    from accord.ingest.components import descriptions, proposed, quotes
    from accord.ingest.words import literal_spans

    text = "".join(pieces)
    honoured = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Shri|Sen|Senator|Minister|President|Ambassador)\.? "
                          rf"({proposed._CAPITAL}[\w'\u00c0-\u024f-]*)")
    assert proposed._HONOURED.findall(text) == honoured.findall(text)
    for s0 in range(len(text)):
        assert bool(quotes._MAY_OPEN_SINGLE.search(text, s0 + 1)) == bool(re.search("[ (\"\u201c][\u2018'][A-Za-z]", text[s0:]))
    secretary = [m.span() for at, _ in literal_spans(text, ("he Secretary",)) if at
                 for m in [descriptions._SECRETARY.match(text, at - 1)] if m]
    assert secretary == [m.span() for m in descriptions._SECRETARY.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["President", "Minister", "Mr", "Mr.", "Gen", ".", ",", " ", "\n", "\t", "\u00a0", "x",
                                 "envoy", "Vice", "official"]), max_size=8))
def test_a_title_before_a_name_is_found_as_its_pattern_found_it(pieces):
    from accord.ingest.components import unknown_actors

    before = "".join(pieces)
    pattern = re.compile(r"(?:President|Minister|Secretary|Envoy|envoy|spokesman|spokeswoman|Ambassador|"
                         r"ambassador|General|Gen\.|Sheikh|King|Emir|Prince|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|leader|"
                         r"commander|negotiator|coordinator|official)\s*,?\s*$")
    assert unknown_actors._title_before(before) == bool(pattern.search(before))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["he", "He", "she", "She", "HE", "the", "s", "S", "h", " ", ",", "-", "'", "x", "\n"]),
                max_size=14))
def test_the_pronouns_found_word_by_word_are_what_their_pattern_finds(pieces):
    from accord.ingest.components import coref

    # the reference: one scan for 'he' and 'she' as words in any of their written cases
    pronoun = re.compile(r"([HhSs](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he))\b")
    text = "".join(pieces)
    assert [(m.span(), m.group(1)) for m in coref._pronoun_matches(text)] == \
        [(m.span(), m.group(1)) for m in pronoun.finditer(text)]


_START_PIECES = st.lists(st.sampled_from(["assad", "Assad", "terror", "terrorists", "the president's", "the president'",
                                          "seats", "xseats", "_seats", "9seats", "ceasefire", "cease-fire", "who will rule",
                                          "al-qaeda", "d'assad", "ésyrians", "syrian people must decide", " ", "  ", "\n",
                                          "\t", ".", ",", "-", "\u2014", "\u00a0", "\"", "(", "_", "é", "ß", "x", "9",
                                          "truce", "halt", "at the table"]), max_size=30)


@settings(max_examples=400, deadline=None)
@given(_START_PIECES, st.integers(-2, 40), st.one_of(st.none(), st.integers(-2, 400)))
def test_a_pattern_tried_at_words_starts_finds_what_its_finditer_finds(pieces, pos, endpos):
    """AtWordStarts.finditer: the matches of ``finditer`` (spans, groups, lastindex), from any pos to any endpos,
    for patterns opening with ``(?<!\\w)`` (the stance topics' form, tagged by empty groups) or with a first
    character and the look-behind after it (descriptions' form)."""
    from accord.ingest.words import AtWordStarts, tagged_alternation

    text = "".join(pieces)
    topics, _ = tagged_alternation([(w, str(k)) for k, w in enumerate(
        ["(syrians|syrian people)( alone)? (must|can) (decide|choose)", "assad", "al-qaeda", "the president'?s?",
         "terror\\w*", "seats?", "cease-?fire", "truce", "halt", "at the table", "who (will )?(rules?|leads?)"])])
    patterns = [re.compile(rf"(?<!\w)(?:{topics})\b"), re.compile(r"(?<!\w)(?:[Aa]ssad|seats|t\w+)"),
                re.compile(r"[TtAa](?<!\w.)(?:he|ssad)\b"), re.compile(r"(?<!\w)(?:x?)")]
    for p in patterns:
        want = [(m.span(), m.groups(), m.lastindex) for m in (p.finditer(text, pos) if endpos is None
                                                               else p.finditer(text, pos, endpos))]
        got = [(m.span(), m.groups(), m.lastindex) for m in AtWordStarts(p).finditer(text, pos, endpos)]
        assert got == want
