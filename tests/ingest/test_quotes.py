"""Quotes: direct (marks of both kinds, split, continued, nested), indirect, speakers, anonymous speakers."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest.linebreaks import soft_breaks
from tests.ingest.conftest import of


def quotes(result: dict, direct: bool = True) -> list[dict]:
    return [q for q in of(result, "quote") if q["direct"] is direct]


def test_speaker_after_and_before(run):
    r = run('"We will not give up," Sergei Lavrov said.\n\nJohn Kerry told reporters: "The door is open."')
    q = quotes(r)
    assert [(x["content"], x["speaker"], x["cue"]) for x in q] == [
        ("We will not give up,", "sergei-lavrov", "said"), ("The door is open.", "john-kerry", "told")]


def test_curly_marks_and_pronoun(run):
    r = run("Sergei Lavrov spoke first. \u201cThe list is not ready,\u201d he said.")
    (q,) = quotes(r)
    assert q["speaker"] == "sergei-lavrov" and q["speaker_text"] == "he"


def test_split_quote_is_one_quote(run):
    text = '"We have not agreed," Lavrov said after the meeting, "and we will not agree today."'
    (q,) = quotes(run(text))
    assert q["content"] == "We have not agreed, and we will not agree today."
    assert text[q["start"]:q["end"]].startswith("We have not agreed,")


def test_anonymous_speaker_is_kept_not_guessed(run):
    (q,) = quotes(run('"Nothing is settled yet," a senior State Department official said.'))
    assert q["speaker"] is None and q["speaker_text"] == "a senior State Department official"


def test_scare_quotes_are_not_quotes(run):
    r = run('The so-called "moderate" groups were not named. A "cessation of hostilities" was agreed, and the '
            '"cessation of hostilities" would start soon.')
    assert quotes(r) == []


def test_speaker_in_the_next_sentence(run):
    r = run('"Our delegation is ready to travel." The remark came from John Kerry, speaking in Vienna.')
    (q,) = quotes(r)
    assert q["speaker"] == "john-kerry" and q["cue"] is None


def test_indirect_quote(run):
    r = run("Russia's foreign minister, Sergei Lavrov, said the talks would resume in January.")
    (q,) = quotes(r, direct=False)
    assert q["speaker"] == "sergei-lavrov" and q["content"].startswith("the talks would resume")


def test_according_to_opens_a_sentence(run):
    r = run("According to John Kerry, the two sides will meet again in early January.")
    (q,) = quotes(r, direct=False)
    assert q["speaker"] == "john-kerry" and q["cue"] == "According to"


def test_headline_colon_continued_paragraphs_and_single_marks(run):
    text = ('Lavrov: "No deal without Tehran"\n\n'
            '"We will not accept ultimatums," Sergei Lavrov told reporters. "Our partners know this.\n\n'
            '"They have known it for years."\n\n'
            "'We are not going anywhere,' said the Syrian ambassador, Bashar Jaafari, in remarks to reporters.")
    q = quotes(run(text))
    assert [(x["content"], x["speaker"]) for x in q] == [
        ("No deal without Tehran", "sergei-lavrov"), ("We will not accept ultimatums,", "sergei-lavrov"),
        ("Our partners know this.", "sergei-lavrov"), ("They have known it for years.", "sergei-lavrov"),
        ("We are not going anywhere,", "bashar-jaafari")]


def test_pronoun_speaker_is_the_subject_not_the_last_name(run):
    text = ('Sergei Lavrov spoke after meeting John Kerry. "We have not agreed on the list," he said.\n\n'
            'Vitaly Churkin was more guarded. "There will be provocations, and some want this to fail."')
    q = quotes(run(text))
    assert [x["speaker"] for x in q] == ["sergei-lavrov", "vitaly-churkin"]


def test_pointer_sentences_name_the_speaker(run):
    for pointer in ("The remark came from John Kerry.", "That was the verdict of John Kerry, speaking late on Friday."):
        (q,) = quotes(run(f'"The list is still a draft and nothing more." {pointer}'))
        assert q["speaker"] == "john-kerry" and q["cue"] is None


def test_pronoun_skips_quoted_sentences_and_stops_at_an_unnamed_subject(run):
    r = run('Sergei Lavrov took the microphone:\n\n"The list is long. It grows every week.\n\n'
            '"Nobody here is naive," he said.\n\nHis deputy, speaking later, was blunter. "It is over," he said.')
    assert [(q["content"], q["speaker"]) for q in quotes(r)][-2:] == [
        ("Nobody here is naive,", "sergei-lavrov"), ("It is over,", None)]


def test_the_spokesperson_speaks_for_the_body_introduced(run):
    r = run('A spokesperson for the Saudi-led coalition dismissed the report. '
            '"Every claim is checked," the spokesperson said.')
    (q,) = quotes(r)
    assert (q["speaker"], q["speaker_text"]) == ("saudi-led-coalition", "the spokesperson")


def test_two_reported_statements_joined_by_and_that(run):
    r = run("Sergei Lavrov said the talks would resume soon, and that the list was not ready.")
    assert [(q["content"], q["speaker"]) for q in quotes(r, direct=False)] == [
        ("the talks would resume soon", "sergei-lavrov"), ("the list was not ready", "sergei-lavrov")]


def test_a_coordinated_verb_shares_the_speaker(run):
    r = run("John Kerry said the plan was fragile and warned that Russia would be held to account.")
    assert [q["speaker"] for q in quotes(r, direct=False)] == ["john-kerry", "john-kerry"]


def test_speaker_after_a_dateline_and_before_an_auxiliary(run):
    r = run("MOSCOW (Example Wire) - Russia's foreign minister said on Friday that the list was not ready.\n\n"
            "Iranian diplomats have made clear that the list comes first.")
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(r, direct=False)] == [
        ("sergei-lavrov", "Russia's foreign minister"), (None, "Iranian diplomats")]


def test_quote_opening_a_paragraph_is_spoken_by_the_person_named_after_it(run):
    r = run('DAMASCUS, Feb 2 (Wire) - "We expect nothing from this round." The hall fell quiet for a moment. '
            'Mohammed Alloush, who leads the delegation, said it to the cameras.')
    (q,) = quotes(r)
    assert (q["content"], q["speaker"], q["cue"]) == ("We expect nothing from this round.", "mohammed-alloush", "said")


def test_a_paragraph_opening_quote_that_continues_an_open_one_keeps_its_speaker(run):
    r = run('"The list is not final," Lavrov said. "We will see.\n\n"Nothing is agreed yet." Kerry arrived later.')
    assert [x["speaker"] for x in quotes(r)] == ["sergei-lavrov", "sergei-lavrov", "sergei-lavrov"]


def test_colon_after_a_clause_names_the_speaker(run):
    r = run('John Kerry told reporters that the talks would resume, and his advice to both sides was short: '
            '"Be patient." Sergei Lavrov was asked about it. His reply was a single word: "Never."\n\n'
            'One of the delegates put it in a word: "Tired".')
    assert [(x["content"], x["speaker"]) for x in quotes(r)] == [
        ("Be patient.", "john-kerry"), ("Never.", "sergei-lavrov"), ("Tired", None)]


def test_anonymous_words_quoted_inside_a_quote(run):
    r = run('"When people tell me \'just stop the shelling\', I ask them how," Staffan de Mistura said.')
    inner = [x for x in quotes(r) if x["content"] == "just stop the shelling"]
    assert inner and inner[0]["speaker"] is None


def test_a_participle_after_the_speaker_does_not_name_the_speaker(run):
    (q,) = quotes(run('Kerry, flying to Moscow for talks with Putin, said only: "We will see."'))
    assert q["speaker"] == "john-kerry"


def test_an_unnamed_diplomat_stops_the_search_for_he(run):
    r = run('Lavrov spoke first. A senior Saudi diplomat was more blunt. "The bombing must stop," he said.')
    (q,) = quotes(r)
    assert q["speaker"] is None


def test_a_title_alone_names_its_holder_only_inside_his_conflict(run):
    day = dt.date(2016, 4, 20)
    away = 'Talks on Libya resumed in Tunis.\n\nThe chief negotiator sounded tired: "We waited all week."'
    (q,) = quotes(run(away, day))
    assert q["speaker"] is None
    home = ('The High Negotiations Committee met in Riyadh.\n\n'
            'The chief negotiator sounded tired: "We waited all week."')
    (q,) = quotes(run(home, day))
    assert q["speaker"] == "mohammed-alloush"


def test_he_after_an_unnamed_speaker_is_that_speaker(run):
    r = run('Paris would not lift sanctions on Vladimir Putin, a French diplomat said. "Not this year," he added.')
    (q,) = quotes(r)
    assert q["speaker"] is None and q["speaker_text"] == "he"


def test_quoted_him_as_saying_gives_the_words_to_him(run):
    r = run("Sergei Lavrov left early. 'Not serious,' an aide quoted him as saying, but he repeated that Moscow "
            "would attend the next round.")
    (d,) = quotes(r)
    assert (d["speaker"], d["speaker_text"], d["cue"]) == ("sergei-lavrov", "him", "saying")
    (i,) = quotes(r, direct=False)
    assert i["content"] == "Moscow would attend the next round" and i["speaker"] == "sergei-lavrov"
    assert i["cue"] == "repeated"


def test_a_he_inside_a_quote_is_whoever_said_the_words_it_echoes(run):
    r = run('"The border is closed for good," Sergei Lavrov said.\n\nJohn Kerry met Vladimir Putin later. '
            '"He said \'closed for good\'? Nothing is closed for good," Kerry said.')
    inner = [q for q in quotes(r) if q["content"] == "closed for good"]
    assert [(q["speaker"], q["speaker_text"]) for q in inner] == [("sergei-lavrov", "He")]


def test_a_joint_speaker_is_kept_whole_with_no_actor(run):
    r = run('Paris and Berlin announced on Monday that the embassy would reopen in May. '
            '"We are ready," John Kerry and Sergei Lavrov said.')
    assert [(q["speaker"], q["speaker_text"]) for q in of(r, "quote")] == [
        (None, "Paris and Berlin"), (None, "John Kerry and Sergei Lavrov")]


def test_a_pointer_sentence_after_one_sentence_of_comment(run):
    r = run('"Nobody here believes the convoy will move." The voice was not a minister. It came from a '
            'Red Crescent driver who has made the trip twice.')
    (q,) = quotes(r)
    assert q["speaker"] is None and q["speaker_text"] == "a Red Crescent driver" and q["cue"] is None


def test_a_second_verb_after_a_quoted_word_reports_and_an_object_does_not(run):
    r = run('Sergei Lavrov called the plan "theatre" and said the talks had never been serious. '
            'John Kerry said it twice before he left for the airport. Kerry said it was over.')
    assert [(q["content"], q["speaker"]) for q in quotes(r, direct=False)] == [
        ("the talks had never been serious", "sergei-lavrov"), ("it was over", "john-kerry")]


def test_a_verb_sharing_a_direct_quotes_speaker_reports_words(run):
    r = run('"The door is open," Sergei Lavrov said, adding that the list would wait. Its negotiators said they '
            'would come but insisted that the list was not final.')
    assert [(q["content"], q["speaker_text"], q["cue"]) for q in quotes(r, direct=False)] == [
        ("the list would wait", "Sergei Lavrov", "adding"), ("they would come", "Its negotiators", "said"),
        ("the list was not final", "Its negotiators", "insisted")]


def test_verbs_of_conceding_and_declaring_report_words(run):
    r = run("Some of the convoys never left the depot, a Red Crescent driver conceded privately. "
            "Sergei Lavrov declared that the list was final.")
    assert [(q["content"], q["cue"]) for q in quotes(r, direct=False)] == [
        ("Some of the convoys never left the depot", "conceded"), ("the list was final", "declared")]


def test_a_report_holding_a_quoted_fragment_and_at_least(run):
    r = run('Russia would "seriously reassess" its ties with Ankara, Sergei Lavrov said. '
            'A monitoring group said at least 15 violations had been recorded.')
    assert [(q["content"], q["speaker"]) for q in quotes(r, direct=False)] == [
        ('Russia would "seriously reassess" its ties with Ankara', "sergei-lavrov"),
        ("at least 15 violations had been recorded", None)]


def test_a_participle_after_the_attribution(run):
    r = run("The talks would resume within a month, Sergei Lavrov said, calling the pause a technical one, "
            "and adding that the list was ready.")
    assert [(q["content"], q["speaker"], q["cue"]) for q in quotes(r, direct=False)] == [
        ("The talks would resume within a month", "sergei-lavrov", "said"),
        ("the list was ready", "sergei-lavrov", "adding")]


def test_a_report_around_a_long_quoted_fragment_is_still_a_report(run):
    r = run('Sergei Lavrov spoke first. He said Moscow wanted a pause in the fighting "as soon as it can be '
            'agreed, and not a day later".')
    (i,) = quotes(r, direct=False)
    assert i["content"].startswith("Moscow wanted a pause") and i["speaker"] == "sergei-lavrov"
    assert [q["content"] for q in quotes(r)] == ["as soon as it can be agreed, and not a day later"]


def test_a_speaker_with_an_apposition_after_the_report(run):
    r = run("The committee will not attend while the sieges last, its chairman, Riyad Hijab, told reporters.")
    (i,) = quotes(r, direct=False)
    assert i["content"] == "The committee will not attend while the sieges last" and i["speaker"] == "riyad-hijab"


def test_a_quoted_fragment_ending_a_clause_before_he_said(run):
    r = run('Sergei Lavrov spoke first. Calling the groups terrorists was "an insult to the people", he said, '
            'in a clear reference to Riyadh.')
    (i,) = quotes(r, direct=False)
    assert i["content"] == 'Calling the groups terrorists was "an insult to the people"'
    assert i["speaker"] == "sergei-lavrov"


def test_a_state_title_alone_names_its_holder_through_the_demonym(run):
    r = run('The council voted on Friday.\n\nThe American ambassador did not hide her doubts. '
            '"We have seen too many deals die," she told the council.', dt.date(2016, 2, 26))
    (q,) = quotes(r)
    assert q["speaker"] == "samantha-power" and q["speaker_text"] == "she"


def test_he_after_an_unnamed_spokesman_speaks_for_his_body(run):
    r = run("The High Negotiations Committee met in Riyadh. Their spokesman, reached by phone, said little. "
            '"We are not coming," he said.')
    (q,) = quotes(r)
    assert q["speaker"] == "hnc"


def test_a_short_report_of_a_quoted_fragment(run):
    r = run('Sergei Lavrov said it was "not serious". John Kerry said "we are ready".')
    assert [(q["content"], q["speaker"]) for q in quotes(r, direct=False)] == [
        ('it was "not serious"', "sergei-lavrov")]


def test_tex_style_marks_are_quote_marks(run):
    text = "Asked about the plan, Lavrov said: ``A plan nobody signs is a wish.'' Then he left."
    (q,) = quotes(run(text))
    assert q["content"] == "A plan nobody signs is a wish." and q["speaker"] == "sergei-lavrov"
    assert text[q["start"] - 2:q["start"]] == "``" and text[q["end"]:q["end"] + 2] == "''"


def test_posted_is_a_reporting_verb(run):
    text = 'The UN spoke of calm. Later on Friday, Samantha Power posted a short line: "Day one. Hold it together."'
    (q,) = quotes(run(text))
    assert (q["speaker"], q["cue"]) == ("samantha-power", "posted")


def test_a_list_of_key_quotes_and_a_live_blog_timestamp(run):
    text = ('Key quotes from the day:\n\n- Vitaly Churkin: "We saw no serious violations."\n'
            '- John Kerry: "The first day held."\n\n'
            '16:30 GMT - Sergei Lavrov: "Nobody should celebrate yet."')
    q = quotes(run(text))
    assert [(x["content"], x["speaker"]) for x in q] == [
        ("We saw no serious violations.", "vitaly-churkin"), ("The first day held.", "john-kerry"),
        ("Nobody should celebrate yet.", "sergei-lavrov")]


def test_a_quote_after_a_sentence_reporting_someone_goes_on_with_that_speaker(run):
    text = ("Staffan de Mistura told the council on Thursday that two convoys had reached the town. "
            '"This is a start. It is not yet a habit."')
    (q,) = quotes(run(text))
    assert (q["content"], q["speaker"]) == ("This is a start. It is not yet a habit.", "staffan-de-mistura")


def test_a_quote_after_a_sentence_whose_subject_is_he(run):
    text = ("Mohammed Alloush drinks his tea slowly. When he talks about Geneva, he quotes his own fighters. "
            '"They tell me I am wasting my time."')
    (q,) = quotes(run(text))
    assert (q["speaker"], q["speaker_text"]) == ("mohammed-alloush", "he")


def test_the_representative_of_a_state_speaks_for_it(run):
    text = 'The representative of Japan said the figures were "far too low".'
    (q,) = quotes(run(text))
    assert q["speaker"] == "japan"
    assert [(a["text"], a["actor"]) for a in of(run(text), "actor")] == [("Japan", "japan")]
    # the future of a state is still a topic, not an actor
    assert not of(run("The future of Japan was discussed."), "actor")


def test_a_pronoun_after_an_opening_clause_is_the_speaker(run):
    text = ('Mohammed Alloush spoke for an hour. Asked about the truce, he was blunter still: '
            '"A truce the planes do not sign is paper."')
    (q,) = quotes(run(text))
    assert (q["speaker"], q["speaker_text"]) == ("mohammed-alloush", "he")


def test_a_dash_before_the_quote_hands_it_to_the_person_opening_the_sentence(run):
    text = ('"We came for bread," said Riyad Hijab.\n\n'
            'Bashar Jaafari left without a word to the cameras \u2014 "Ask them who they represent."')
    q = quotes(run(text))
    assert [(x["content"], x["speaker"]) for x in q] == [
        ("We came for bread,", "riyad-hijab"), ("Ask them who they represent.", "bashar-jaafari")]


def test_a_fragment_in_a_reported_clause_is_the_reporters_words(run):
    text = 'Ahmet Davutoglu spoke in Ankara. He added that Turkey had warned its allies "a hundred times".'
    direct = quotes(run(text))
    assert [(x["content"], x["speaker"]) for x in direct] == [("a hundred times", "ahmet-davutoglu")]


def test_a_fragment_no_cue_reaches_is_the_speaker_of_the_report_holding_it(run):
    text = 'Sergei Lavrov said the talks "could go on" but that the list "must come first".'
    assert [(x["content"], x["speaker"]) for x in quotes(run(text))] == [
        ("could go on", "sergei-lavrov"), ("must come first", "sergei-lavrov")]
    # a term in marks outside any report is still no quote
    assert not quotes(run('The so-called "moderate" groups kept away. The "moderate" groups had no comment.'))


def test_a_quote_signed_after_a_dash_or_in_parentheses(run):
    text = ('"Nobody dictates to us."\n\n\u2014 Sergei Lavrov, foreign minister\n\n'
            '"We are not leaving" (Riyad Hijab, in Riyadh).\n\n"The sky is quiet" \u2014 Abu Omar, a fighter.')
    assert [(x["content"], x["speaker"], x["speaker_text"]) for x in quotes(run(text))] == [
        ("Nobody dictates to us.", "sergei-lavrov", "Sergei Lavrov"), ("We are not leaving", "riyad-hijab", "Riyad Hijab"),
        ("The sky is quiet", None, "Abu Omar")]


def test_a_quote_split_by_dashes_is_one_quote_and_shouted_reports_words(run):
    (q,) = quotes(run('"We are ready" \u2014 Riyad Hijab said on Monday \u2014 "to go back to Geneva."'))
    assert (q["content"], q["speaker"]) == ("We are ready to go back to Geneva.", "riyad-hijab")
    (q,) = quotes(run('"We will never accept it!" shouted Riyad Hijab.'))
    assert (q["speaker"], q["cue"]) == ("riyad-hijab", "shouted")


def test_a_quote_opening_a_paragraph_goes_on_with_the_subject_of_the_paragraph_before(run):
    text = 'Sergei Lavrov was in no mood to compromise.\n\n"We gave the list to our partners. They have had it a week."'
    (q,) = quotes(run(text))
    assert (q["speaker"], q["cue"]) == ("sergei-lavrov", None)
    # a term in marks opening a paragraph is no quote of his
    assert not quotes(run('Sergei Lavrov was in no mood to compromise.\n\n"Moderate" groups stayed away.'))


def test_was_how_he_described_it_names_the_speaker(run):
    (q,) = quotes(run('"Unacceptable" was how Sergei Lavrov described the plan.'))
    assert (q["content"], q["speaker"]) == ("Unacceptable", "sergei-lavrov")


def test_a_short_sentence_quoted_after_a_sentence_whose_subject_follows_an_opening_clause(run):
    (q,) = quotes(run('Asked whether he would resign, Riyad Hijab smiled. "Not this week."'))
    assert (q["content"], q["speaker"]) == ("Not this week.", "riyad-hijab")


def test_it_said_gives_the_words_to_the_body_named_last(run):
    (q,) = quotes(run('The Kremlin issued a statement on Monday. "The strikes will continue," it said.'))
    assert (q["speaker"], q["speaker_text"], q["cue"]) == ("russia", "it", "said")


# -- reported speech in wire forms (issue 12, item 3) ------------------------------------------------------------


def _indirect(result: dict) -> list[tuple[str, str | None, str]]:
    return [(q["content"], q["speaker"], q["speaker_text"]) for q in of(result, "quote") if not q["direct"]]


def test_a_plural_source_telling_an_outlet_in_the_present_tense(run):
    r = run("VIENNA, Nov 13 (Wire) - Three officials at the meeting tell Daily Wire Service that the list "
            "of groups was argued over until midnight.")
    assert _indirect(r) == [("the list of groups was argued over until midnight", None,
                             "Three officials at the meeting")]


def test_an_auxiliary_of_emphasis_before_the_verb(run):
    r = run("John Kerry did insist that the convoys would move by the weekend.")
    assert _indirect(r) == [("the convoys would move by the weekend", "john-kerry", "John Kerry")]
    # a modal or an infinitive before the bare verb reports nothing
    assert not _indirect(run("We would say that nobody expected this. He wanted to tell them that it was late."))


def test_according_to_the_ministry_speaks_for_the_state_whose_ministry_was_named(run):
    r = run("Turkey's foreign ministry said on Monday that the shelling would go on. According to the ministry, "
            "the targets were fighters who had fired first.")
    assert ("the targets were fighters who had fired first", "turkey", "the ministry") in _indirect(r)


def test_someone_of_a_named_person_is_not_that_person(run):
    r = run("According to Mr. Lavrov's deputy, the draft would be ready within days.")
    assert _indirect(r) == [("the draft would be ready within days", None, "Mr. Lavrov's deputy")]


def test_a_report_inside_a_relative_clause_runs_to_the_clause_end(run):
    r = run("The new corridor, which Western diplomats said is meant to reach Madaya first, opened on Monday.")
    assert _indirect(r) == [("is meant to reach Madaya first", None, "Western diplomats")]


def test_a_described_speaker_is_who_the_description_denotes(run):
    r = run("MR KIRBY: Good morning.\n\nQUESTION: Any news?\n\nMR KIRBY: None.\n\n"
            "Later the Secretary told reporters that the pause had to hold.", dt.date(2016, 2, 22))
    assert ("the pause had to hold", "john-kerry", "the Secretary") in _indirect(r)


def test_an_order_is_no_report(run):
    assert not _indirect(run("The envoy told his staff to book the hall for another week."))


def test_a_member_of_a_body_speaks_for_himself_a_spokesman_for_the_body(run):
    r = run('The High Negotiations Committee met in Riyadh. "We are ready to travel," a member of the '
            "committee's executive board said. A spokesman for the HNC said the list of names was final. "
            '"There will be no further changes," he said.')
    member, later = quotes(r)
    assert member["speaker"] is None and member["speaker_text"].startswith("a member of")
    assert later["speaker"] == "hnc" and later["speaker_text"] == "he"


def test_an_army_spokesman_speaks_for_the_government_named(run):
    r = run('Sudanese army units moved into the valley. "The roads are open again," an army spokesman said.')
    (q,) = quotes(r)
    assert q["speaker"] == "sudan-government"


def test_warned_of_takes_no_reported_clause(run):
    r = run("Vladimir Putin warned of serious consequences for relations with Ankara.")
    assert quotes(r, direct=False) == []


def test_a_relative_clause_between_the_speaker_and_the_verb(run):
    r = run("Sergei Lavrov, who spoke after the meeting, said the list had been agreed. A member of the committee, "
            "who asked not to be named, said the delegation would travel.")
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(r, direct=False)] == [
        ("sergei-lavrov", "Sergei Lavrov"), (None, "A member of the committee")]


def test_a_second_speaker_after_while(run):
    r = run("France's representative said the text kept the goal in view, while the representative of China said "
            "the process had to be led by Syrians.")
    assert [(q["content"], q["speaker"]) for q in quotes(r, direct=False)] == [
        ("the text kept the goal in view", "france"), ("the process had to be led by Syrians", "china")]


# -- an official text's words (issue 12, item 2) ---------------------------------------------------------------


def test_quoted_operative_words_are_the_body_s_after_its_verb_or_opening_with_it(run):
    r = run("The Security Council met on Friday. By the text, the Council demands that the parties \"keep their "
            "word\" on access, and it \"urges all states to use their influence\". The resolution also \"calls "
            "upon\" donors. The group of experts is a \"working body\" of the Council.")
    assert [(q["content"], q["speaker"], q["cue"]) for q in quotes(r)] == [
        ("keep their word", "unsc", "demands"), ("urges all states to use their influence", "unsc", "urges"),
        ("calls upon", "unsc", "calls upon")]
    # a quoted term after any other subject, or with no operative verb, stays a term
    assert not quotes(run('The Council met on Friday. Russia "demands guarantees" for its bases.'))
    assert not quotes(run('The Council met on Friday. It was a "long day" for everyone in the chamber.'))


def test_the_text_states_and_it_reads_report_the_body_s_words(run):
    r = run("The Security Council adopted a resolution on Friday. The text states that the truce must be respected "
            "everywhere. It reads: \"The Council requests a report within fifteen days.\"")
    assert [(q["content"], q["speaker"], q["direct"]) for q in of(r, "quote")] == [
        ("the truce must be respected everywhere", "unsc", False),
        ("The Council requests a report within fifteen days.", "unsc", True)]
    # 'states' as a noun reports nothing of its own
    assert _indirect(run("Member states said that the truce must hold.")) == [
        ("the truce must hold", None, "Member states")]


def test_a_statement_announced_before_its_quoted_paragraphs_is_its_issuer_s(run):
    text = ("Sergei Lavrov issued the following statement on Sunday:\n\n"
            "\"We welcome the first days of the cessation.\n\n"
            "\"Violations must be investigated by the task force.\n\n"
            "\"We will keep working with our partners.\"")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text))] == [
        ("We welcome the first days of the cessation.", "sergei-lavrov"),
        ("Violations must be investigated by the task force.", "sergei-lavrov"),
        ("We will keep working with our partners.", "sergei-lavrov")]
    by = quotes(run("The following statement was issued today by John Kerry:\n\n\"The truce is holding.\""))
    assert [(q["content"], q["speaker"]) for q in by] == [("The truce is holding.", "john-kerry")]


def test_a_circumstance_opening_the_words_before_the_cue_is_no_part_of_the_speaker(run):
    text = ('In a statement issued in Geneva after the meeting, the spokesperson for the group said: "The talks '
            'will resume.\n\n"All delegations are invited."')
    assert [(q["content"], q["speaker_text"]) for q in quotes(run(text))] == [
        ("The talks will resume.", "the spokesperson for the group"),
        ("All delegations are invited.", "the spokesperson for the group")]


def test_a_body_s_verbs_of_a_statement_and_denials_and_what_is_not_ruled_out(run):
    r = run("The Security Council issued a statement on Friday. Council members underlined that the truce must "
            "hold, and recalled that the Council stood ready to act. Moscow denies that it arms them. Dmitry "
            "Peskov told reporters that the plan was concrete, but did not rule out that the date could change.")
    assert _indirect(r) == [("the truce must hold", "unsc", "Council members"),
                            ("the Council stood ready to act", "unsc", "Council members"),
                            ("it arms them", "russia", "Moscow"), ("the plan was concrete", "dmitry-peskov", "Dmitry Peskov"),
                            ("the date could change", "dmitry-peskov", "Dmitry Peskov")]
    # a person's 'recalled that' reports (dev9, blind9, blind10, blind13 annotate it); a release's 'recalls that' is its
    # own text; 'denies any link' reports nothing
    assert _indirect(run("The Minister recalled that the group met in Vienna. The militia denies any link to it.")) == [
        ("the group met in Vienna", None, "The Minister")]
    assert not _indirect(run("The Ministry recalls that the group met in Vienna."))


def test_a_report_before_sources_telling_an_outlet_and_a_long_official_name_as_the_speaker(run):
    r = run("MOSCOW, Feb 10 (Daily Wire) - Russia has proposed a truce from March 1, three sources tell Daily Wire, "
            "a date Washington sees as a delay.\n\nShelling was the heaviest in months, monitors from the "
            "Organization for Security and Co-operation in Europe said on Monday.")
    assert _indirect(r) == [("Russia has proposed a truce from March 1", None, "three sources"),
                            ("Shelling was the heaviest in months", "osce",
                             "Organization for Security and Co-operation in Europe")]


def test_a_spokesman_named_in_apposition_whom_nobody_knows_speaks_for_himself(run):
    r = run("A Sudanese army spokesman, Colonel Hassan Ali, told reporters that the operation was over.")
    # a person the dictionary lacks, named in full: his proposed id, not the army's
    assert _indirect(r) == [("the operation was over", "hassan-ali", "Hassan Ali")]


def test_he_after_an_under_secretary_general_named_in_apposition_is_that_official(run):
    r = run("The Under-Secretary-General for Humanitarian Affairs, Stephen O'Brien, briefed the Council. He told "
            "members that convoys had reached many people.")
    assert [q["speaker"] for q in of(r, "quote")] == ["stephen-o-brien"]


def test_a_second_subject_after_a_subordinator_and_a_circumstance_after_the_attribution(run):
    r = run("The Saudi-led coalition said late on Wednesday that it would investigate the strike, after the UN "
            "said at least 106 civilians had died. Jordan has sent a list of groups, Jordanian officials said, ahead "
            "of a meeting in New York. The Houthi-run news agency said the market had been full.")
    assert _indirect(r) == [("it would investigate the strike", "saudi-led-coalition", "Saudi-led coalition"),
                            ("at least 106 civilians had died", "un", "UN"),
                            ("Jordan has sent a list of groups", None, "Jordanian officials"),
                            ("the market had been full", None, "The Houthi-run news agency")]


def test_they_after_a_sentence_a_body_opens_is_that_body(run):
    r = run("The members of the Security Council welcomed the arrival of the Government of National Accord in "
            "Tripoli. They stressed that the Government of National Accord must work in safety.")
    assert [(q["speaker"], q["speaker_text"]) for q in of(r, "quote")] == [("unsc", "They")]


def test_told_an_agency_by_telephone_from_a_town_then_a_participle_with_a_colon(run):
    r = run('Lavrov\'s deputy told a Moscow radio station by telephone from Geneva that the team would stay. "We are '
            'still talking," one of the negotiators told Wire by phone from Geneva, adding: "It could take days."')
    assert _indirect(r) == [("the team would stay", None, "Lavrov's deputy")]
    assert [(q["content"], q["speaker_text"], q["cue"]) for q in quotes(r)] == [
        ("We are still talking,", "one of the negotiators", "told"),
        ("It could take days.", "one of the negotiators", "adding")]


def test_a_day_after_the_verb_then_a_report_without_that(run):
    r = run("GENEVA, Feb 12 (Wire) - Staffan de Mistura said on Friday he expected the talks to resume within two "
            "weeks. Diplomats said on condition of anonymity that the date was not fixed. The envoy spoke on Friday "
            "as he left the Council.")
    assert _indirect(r) == [("he expected the talks to resume within two weeks", "staffan-de-mistura",
                             "Staffan de Mistura"), ("the date was not fixed", None, "Diplomats")]


def test_a_person_nobody_knows_heading_a_known_body_speaks_for_himself(run):
    r = run("Omar Khalil Nasser, head of the Syrian Observatory for Human Rights, said the strikes had gone on all "
            "night.")
    assert _indirect(r) == [("the strikes had gone on all night", "omar-khalil-nasser", "Omar Khalil Nasser")]


def test_a_person_nobody_knows_after_the_cue_with_a_known_body_s_title_speaks_for_himself(run):
    """'said X, MSF's head of mission': the possessive body after the name's comma is his title, not the speaker."""
    for text in ('"The wards are full," said Laure Vasseur, MSF\'s head of mission in Yemen.',
                 '"The wards are full," said Laure Vasseur, the head of mission for MSF in Yemen.'):
        assert [(q["speaker"], q["speaker_text"]) for q in quotes(run(text))] == [("laure-vasseur", "Laure Vasseur")], text


def test_single_marks_left_open_at_a_paragraph_s_end_go_on_in_the_next(run):
    r = run("'We have heard promises before,' Philip Hammond told a radio station. 'The test is the bombing.\n\n"
            "'If it goes on, Moscow will have to answer for it,' he said.")
    assert [(q["content"], q["speaker"]) for q in quotes(r)] == [
        ("We have heard promises before,", "philip-hammond"), ("The test is the bombing.", "philip-hammond"),
        ("If it goes on, Moscow will have to answer for it,", "philip-hammond")]
    # an apostrophe opening no quote leaves the paragraph alone
    assert quotes(run("The rebels' positions fell.\n\n'Tis the season, the poster read.")) == []


def test_a_headline_s_speaker_without_an_article_and_a_colon_before_the_next_paragraph(run):
    r = run('"Nobody will make us leave," says opposition chief\n\nSergei Lavrov told a news conference in Munich:'
            '\n\n"We agreed on access for aid. We did not agree on everything."')
    assert [(q["content"], q["speaker"], q["speaker_text"]) for q in of(r, "quote")] == [
        ("Nobody will make us leave,", None, "opposition chief"),
        ("We agreed on access for aid. We did not agree on everything.", "sergei-lavrov", "Sergei Lavrov")]


def test_a_participle_naming_something_gives_a_fragment_to_the_sentence_s_subject(run):
    r = run('ANKARA, Feb 16 (Wire) - Russia pressed Turkey on Tuesday to halt its artillery fire, calling the '
            'shelling "reckless". Sergei Lavrov met John Kerry in Munich, describing the talks as "useful".')
    assert [(q["content"], q["speaker"], q["cue"]) for q in quotes(r)] == [
        ("reckless", "russia", "calling"), ("useful", "sergei-lavrov", "describing")]


def test_a_hard_wrapped_wire_report_is_read_as_its_paragraphs(run):
    text = ('BEIRUT, Feb 2 (Wire) - The opposition\'s chief negotiator said on Tuesday the delegation\n'
            'would leave Geneva unless the\nsieges were lifted, a day after meeting the U.N.\n'
            'envoy for the first time.\n\n'
            '"We did not come here to sit in a hotel while our towns are being starved into\n'
            'surrender," Riyad Hijab told reporters.\n'
            '"We will give it until Friday."')
    r = run(text)
    assert [(q["content"], q["speaker"]) for q in quotes(r)] == [
        ("We did not come here to sit in a hotel while our towns are being starved into\nsurrender,", "riyad-hijab"),
        ("We will give it until Friday.", "riyad-hijab")]
    (report,) = quotes(r, direct=False)
    assert report["content"].startswith("the delegation\nwould leave Geneva")


@given(st.lists(st.sampled_from(["word ", "Mr. ", "ends.", "THE HOUSE", "\n", "\n\n", "a" * 45, '"', ":"]),
                max_size=40))
def test_soft_breaks_change_only_line_breaks_into_spaces(parts):
    text = "".join(parts)
    out = soft_breaks(text)
    assert len(out) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, out))
    assert "\n\n" not in text or all(out[i:i + 2] == "\n\n" for i in range(len(text)) if text[i:i + 2] == "\n\n")


def test_a_header_s_short_lines_and_a_line_per_paragraph_keep_their_breaks():
    header = "THE WHITE HOUSE\nOffice of the Press Secretary\nFor Immediate Release"
    assert soft_breaks(header) == header
    lines = ("The talks opened on Monday with only one delegation in the room.\n"
             "The opposition arrived in the evening and met the envoy at its hotel.")
    assert soft_breaks(lines) == lines
    dateline = "The talks were due to open on Friday but the opposition had not\nGENEVA, Feb 1 (Wire) - More"
    assert soft_breaks(dateline) == dateline


def test_a_wrapped_quote_closed_with_a_comma_then_its_speaker_on_the_next_line(run):
    r = run('DAMASCUS, Feb 2 (Wire) - The truce held on Tuesday.\n\n'
            '"Those who break it will answer for it to the whole council and to their own people,"\n'
            'Sergei Lavrov told reporters in Moscow after talks with the envoy.')
    assert [(q["speaker"], q["cue"]) for q in quotes(r)] == [("sergei-lavrov", "told")]


def test_a_spokesman_named_without_a_comma_and_a_long_run_of_titles_nobody_knows(run):
    r = run('"We came to test them, not to pose for photographs," HNC spokesman Omar Khalil told reporters. '
            '"Our brothers will find us ready," Deputy Prime Minister and Foreign Minister Sheikh Nasser Khaled '
            'Al-Hamad Al-Saif said in a speech.')
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(r)] == [
        ("omar-khalil", "Omar Khalil"), ("nasser-khaled-al-hamad-al-saif", "Nasser Khaled Al-Hamad Al-Saif")]


def test_a_resolution_with_an_apposition_speaks_for_the_body_that_adopted_it(run):
    r = run('The Security Council voted on Friday. Resolution 2268, drafted by the co-chairs of the International '
            'Syria Support Group, calls for the truce "to begin at midnight on Saturday".')
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(r)] == [("unsc", "Resolution 2268")]


def test_a_direct_quote_s_attribution_with_an_apposition_and_a_source_after_it_reports_nothing(run):
    r = run('"First the bread, then the politics," Salma Haddad, a member of the committee, told Wire by telephone '
            'from Riyadh. "We will not wait forever," he told state television, according to a transcript carried '
            'by the agency. A spokesman told Wire by telephone from Juba, the capital, that the deal was dead.')
    assert _indirect(r) == [("the deal was dead", None, "A spokesman")]
    assert len(quotes(r)) == 2


def test_a_fragment_inside_a_report_is_the_reporter_s_unless_its_own_verb_reports_or_names_it(run):
    def direct(text):
        return [(q["content"], q["speaker"]) for q in of(run(text), "quote") if q["direct"]]
    # the nearer verb is an act, not words: the reporter speaks
    assert direct('Sergei Lavrov said the army had responded "in kind" to the shelling.') == [("in kind", "sergei-lavrov")]
    # a verb naming it, or reporting a clause of its own, keeps its subject
    assert direct('The Kremlin said Vladimir Putin had called it "a real chance" to end the war.') == [
        ("a real chance", "vladimir-putin")]


def test_the_text_of_a_statement_read_as_follows_is_the_body_s(run):
    text = ("The Security Council adopted a statement on Monday.\n\n"
            "The full text of presidential statement S/PRST/2016/9 reads as follows:\n\n"
            "\u201cThe Security Council welcomes the truce.\n\n"
            "\u201cThe Security Council calls on all parties to respect it.\u201d")
    assert [(q["content"], q["speaker"]) for q in of(run(text), "quote") if q["direct"]] == [
        ("The Security Council welcomes the truce.", "unsc"), ("The Security Council calls on all parties to respect it.", "unsc")]


def test_one_pair_of_marks_across_paragraphs_under_a_heading_naming_the_speaker(run):
    text = ("Statement by the High Representative Federica Mogherini on Syria\n\n"
            "\u201cThe guns are quiet across Syria today. Every party must respect the truce.\n\n"
            "We are under no illusion about how fragile this is.\n\n"
            "Nobody should waste this chance.\u201d\n\nEditorial Sections:\nSyria")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text))] == [
        ("The guns are quiet across Syria today. Every party must respect the truce.", "federica-mogherini"),
        ("We are under no illusion about how fragile this is.", "federica-mogherini"),
        ("Nobody should waste this chance.", "federica-mogherini")]
    # a quote left open by mistake is not carried on into paragraphs a later quote opens
    r = run('Lavrov said "we will see.\n\nThe talks went on.\n\nKerry called it "a good day," he said.')
    assert "The talks went on." not in [q["content"] for q in quotes(r)]


def test_a_long_introduction_names_the_statement_s_speaker(run):
    text = ("Speaking ahead of the start of the cessation of hostilities in Syria at midnight Damascus time tonight, "
            "Foreign Secretary Philip Hammond said:\n\n\"The next few days will show whether the regime is serious.\n\n"
            "\"We will review progress with our partners next week.\"")
    assert [q["speaker"] for q in quotes(run(text))] == ["philip-hammond", "philip-hammond"]
    # the issuer in a long apposition, a person the dictionary does not know: he speaks, not his office's state
    intro = ("The Honourable Jean Tremblay, Canada's Minister of International Development, today issued the following "
             "statement on the situation in Syria:\n\n\"Canada welcomes the cessation of hostilities.\"")
    (q,) = quotes(run(intro))
    assert q["speaker"] == "jean-tremblay" and q["proposed"] == ["speaker"] and q["speaker_text"] == "Jean Tremblay"


def test_a_title_alone_paragraphs_after_the_name_is_the_last_holder_of_that_office(run):
    text = ("MOSCOW (Wire) - Russian Foreign Minister Sergei Lavrov met the UN envoy Staffan de Mistura on Tuesday.\n\n"
            "The two men spoke for three hours. Reporters waited outside in the snow. Nobody came out.\n\n"
            '"We have agreed on the next steps," the envoy told reporters afterwards.\n\n'
            '"There is no alternative to a political process," the minister said in a separate statement.')
    assert [q["speaker"] for q in quotes(run(text, dt.date(2016, 2, 24)))] == ["staffan-de-mistura", "sergei-lavrov"]
    # 'a minister' is nobody named before
    (q,) = quotes(run('Sergei Lavrov spoke first. It rained. Nobody came. "We are ready," a minister said.',
                      dt.date(2016, 2, 24)))
    assert q["speaker"] is None


def test_someone_of_a_body_speaks_for_himself_and_a_possessive_names_the_body_again(run):
    text = ("GENEVA (Wire) - Medecins Sans Frontieres said a hospital it supports in Idlib was hit on Monday.\n\n"
            'An MSF nurse who worked there was blunter: "Nothing was left standing."\n\n'
            "The charity's Syria mission tweeted: \"The hospital was targeted on purpose.\"")
    assert [(q["speaker"], q["speaker_text"][:12]) for q in quotes(run(text))] == [
        (None, "An MSF nurse"), ("msf", "The charity'")]
    # what the body issues or sends speaks for it
    (q,) = quotes(run('"Conditions in the town are appalling," an MSF report said on Monday.'))
    assert q["speaker"] == "msf"
    # a spokeswoman of the body speaks for it; one named whom nobody knows speaks for herself, again as 'she'
    text = ('"Trucks are waiting at the border," a WFP spokeswoman said.\n\n'
            "A spokeswoman for the World Food Programme, Jane Roe, said the trucks had waited for days. "
            '"We cannot feed people from the roadside," she said.')
    assert [q["speaker"] for q in quotes(run(text))] == ["wfp", "jane-roe"]


def test_a_quote_in_a_paragraph_of_its_own_is_the_titled_subject_s_before_it_or_after_it(run):
    # the paragraph before opens with the speaker after his title and a comma
    text = ("GENEVA (Wire) - The UN envoy for Syria, Staffan de Mistura, met both delegations on Monday.\n\n"
            '"Both sides have accepted the agenda. That is more than we had a week ago."')
    (q,) = quotes(run(text, dt.date(2016, 2, 24)))
    assert q["speaker"] == "staffan-de-mistura"
    # a clause before the name is no title: 'Russia bombed Aleppo, Lavrov said' does not make Lavrov its subject
    text = ("Talks resumed on Monday. Staffan de Mistura met both delegations.\n\nNobody spoke to the press.\n\n"
            '"Both sides have accepted the agenda. That is more than we had a week ago."\n\n'
            "The envoy was speaking after a day of meetings at the Palais des Nations.")
    (q,) = quotes(run(text, dt.date(2016, 2, 24)))
    assert (q["speaker"], q["speaker_text"]) == ("staffan-de-mistura", "The envoy")


def test_a_titled_name_nobody_knows_speaks_and_is_the_he_after_him(run):
    text = ("KUALA LUMPUR (Wire) - Malaysia welcomed the truce on Saturday.\n\n"
            "Foreign Minister Datuk Seri Kamal Hashim, in the statement, said:\n\n"
            "\u201cWe support the efforts of the Special Envoy, Staffan de Mistura, toward a political solution.\u201d\n\n"
            "He added that the fight against terrorist groups \u201cmust continue with full determination\u201d.")
    r = run(text, dt.date(2016, 2, 27))
    assert [(q["speaker"], q["speaker_text"]) for q in quotes(r)][0] == ("kamal-hashim", "Kamal Hashim")
    assert [q["speaker"] for q in quotes(r) + quotes(r, direct=False)] == ["kamal-hashim"] * 3
    # a title before a name nobody knows is his, not the office's holder the dictionary knows
    text = ('TOKYO (Wire) - "We hope all the parties will carry out what was agreed in Munich."\n\n'
            "The remark came from Foreign Minister Kenji Sato at a press conference on Friday.")
    (q,) = quotes(run(text, dt.date(2016, 2, 12)))
    assert q["speaker"] == "kenji-sato"


def test_a_day_or_a_place_after_a_title_is_no_name_nobody_knows(run):
    """A wire's 'the foreign minister Monday said' keeps the office's holder (found in review: the day was taken for
    a stranger's name)."""
    for after in ("Friday", "February 12", "Moscow"):
        text = ("MOSCOW (Wire) - Russia backed the Munich plan.\n\n"
                f'Russian Foreign Minister {after} said: "We will keep our word."')
        (q,) = quotes(run(text, dt.date(2016, 2, 12)))
        assert q["speaker"] == "sergei-lavrov", after


def test_a_state_office_s_spokesman_after_an_opening_phrase_speaks_for_the_state_the_report_is_about(run):
    text = ("Doha, February 12, 2016\n\nQatar welcomed the outcome of the Munich meeting. Qatar will keep helping.\n\n"
            "The minister said he had spoken to U.S. Secretary of State John Kerry on the sidelines.\n\n"
            "For his part, the official spokesman of the Ministry said that aid was ready. "
            '"Our teams are already in the north of Syria," he said.')
    (q,) = quotes(run(text, dt.date(2016, 2, 12)))
    assert q["speaker"] == "qatar"


def _reports(r: dict) -> list[tuple[str, str | None]]:
    return [(q["content"], q["speaker"]) for q in quotes(r, direct=False)]


def test_a_body_whose_name_opens_with_a_title_word_at_a_line_start_is_no_unknown_person(run):
    # 'High' is a title's word ('High Representative'): cut off, the rest read as a name nobody knows
    r = run("The talks were delayed.\n\nThe High Negotiations Committee said it would send a team to Geneva.")
    assert _reports(r) == [("it would send a team to Geneva", "hnc")]


def test_a_promise_to_someone_and_a_body_s_reminder_are_reports(run):
    r = run("Kerry met the envoy in Rome. Kerry assured the envoy that Washington would fund the monitors. The "
            "Arab League recalls that the border must stay open, and that aid must reach Aleppo. Kerry assured "
            "him of his support.")
    assert _reports(r) == [("Washington would fund the monitors", "john-kerry"),
                           ("the border must stay open", "arab-league"), ("aid must reach Aleppo", "arab-league")]


def test_he_in_a_transcript_answer_is_the_man_the_answer_named_before(run):
    text = ("QUESTION: What did Moscow say?\n\n"
            "MR KIRBY: The Secretary spoke with Sergei Lavrov this morning. He told me that the strikes would "
            "stop by Friday.\n\nQUESTION: Thank you.")
    r = run(text)
    assert [(c, s) for c, s in _reports(r)] == [("the strikes would stop by Friday", "sergei-lavrov")]


def test_a_thing_announced_or_repeated_is_no_report_but_a_clause_is(run):
    r = run("Kerry announced a three-day truce, starting at midnight. Lavrov on Monday repeated Russia's objection to "
            "the list. The plan announced by the envoy was welcomed.")
    assert _reports(r) == []
    r = run("Kerry announced a truce would begin at midnight. Lavrov repeated that the list was too long.")
    assert _reports(r) == [("a truce would begin at midnight", "john-kerry"), ("the list was too long", "sergei-lavrov")]
    # a verb of the reported words with a thing after it leaves the sentence's own reporting verb its report
    r = run("Moscow has not confirmed the figures, Kerry said.")
    assert _reports(r) == [("Moscow has not confirmed the figures", "john-kerry")]


def test_according_to_after_a_report_is_its_source_and_but_that_opens_a_second_statement(run):
    r = run("Kerry met Lavrov in Geneva. Lavrov, for his part, told the envoy that the strikes had stopped but that "
            "the convoys were still waiting, according to the statement.")
    assert _reports(r) == [("the strikes had stopped", "sergei-lavrov"), ("the convoys were still waiting", "sergei-lavrov")]
    # without a reporting verb before it, the words are the source's
    r = run("Russia has offered a truce starting on Friday, according to Kerry.")
    assert _reports(r) == [("Russia has offered a truce starting on Friday", "john-kerry")]
    # a source inside the reported words is part of them
    r = run("Lavrov said that the town, according to residents, had been shelled by the rebels overnight.")
    assert _reports(r) == [("the town, according to residents, had been shelled by the rebels overnight", "sergei-lavrov")]


def test_two_speakers_joined_by_and_are_nobody_alone(run):
    r = run("The Kenyan government and the Ugandan army announced on Monday that the border would reopen. "
            "Iran and Turkey, the two hosts of the meeting, said that talks would resume in May. "
            "The joint statement, read by diplomats of Qatar and Oman, says that the truce holds.")
    assert [s for _, s in _reports(r)] == [None, None, None]
    # one man in apposition, and two clauses joined, keep their speaker
    r = run("Kerry met Lavrov. Sergei Lavrov, who has worked with Iran and Turkey for years, said that the talks "
            "would resume. Iran was asked to draft the list, and its foreign minister, Mohammad Javad Zarif, told "
            "reporters that the work would take time.")
    assert [s for _, s in _reports(r)] == ["sergei-lavrov", "mohammad-javad-zarif"]


def test_a_report_before_an_attribution_set_off_with_an_apposition_after_it(run):
    r = run("Kerry spoke by phone with Lavrov on Monday, diplomatic sources said, the second call in two days.")
    assert _reports(r) == [("Kerry spoke by phone with Lavrov on Monday", None)]


def test_a_participle_after_a_determiner_is_a_noun_and_reports_nothing(run):
    r = run('"We cannot wait," he said. The warning came from Foreign Minister Sergei Lavrov in an interview. '
            "The saying goes that talks end wars.")
    assert _reports(r) == []



def test_a_bare_reporting_verb_in_a_question_reports_nothing(run):
    r = run("When the talks resume in Geneva, will the government insist on a full ceasefire? Does Moscow still "
            "insist that Assad must stay? Diplomats say the talks will resume.")
    assert _reports(r) == [("the talks will resume", None)]


def test_an_epithet_for_someone_named_before_is_that_person(run):
    """Agency reports name a person once in full, then call him by an epithet ('The head of State added', 'said the
    Chancellor', 'The diplomat had said'): the person the report named last, as 'he' would be, of either gender; a
    person named inside the words keeps his own speech."""
    text = ("President Tomas Varga of Example received the delegation on Monday. \"The door stays open,\" Varga said."
            "\n\nThe head of State added that he did not want to see \"one more soldier die\".\n\n"
            "The Chancellor, Ilse Brandt, presided over the ceremony. \"This is a day for the region,\" said the "
            "Chancellor.\n\nThe diplomat had said the day before that the talks carried \"a new spirit\".")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 3, 9)))] == [
        ("The door stays open,", "tomas-varga"), ("one more soldier die", "tomas-varga"),
        ("This is a day for the region,", "ilse-brandt"), ("a new spirit", "ilse-brandt")]
    # an anonymous plural stays nobody's
    plural = "Ilse Brandt, the Foreign Minister, arrived. \"It is fragile,\" the diplomats said."
    assert [q["speaker"] for q in quotes(run(plural, dt.date(2016, 3, 9)))] == [None]


def test_an_epithet_naming_a_state_is_no_one_of_another_state(run):
    """An epithet with a demonym ('the Chinese president') is not the person named last when every office the
    dictionary gives him is another state's: the office's holder speaks, not the visitor."""
    text = 'Sergei Lavrov landed in Beijing on Monday. "We will hear him out," the Chinese president said.'
    assert [q["speaker"] for q in quotes(run(text, dt.date(2016, 3, 9)))] == ["xi-jinping"]
    # his own state's epithet is still he
    own = 'Sergei Lavrov landed in Beijing on Monday. "We will hear them out," the Russian minister said.'
    assert [q["speaker"] for q in quotes(run(own, dt.date(2016, 3, 9)))] == ["sergei-lavrov"]


def test_where_and_how_the_words_were_said_between_the_cue_and_its_colon_keep_the_cue_s_speaker(run):
    """'X said in a statement from the Ministry of Foreign Affairs: "..."': the long phrase between the cue and the
    colon says where the words were said; the cue's subject speaks them, not the person quoted before."""
    text = ("The envoy, Sergei Lavrov, said the talks had gone \"better than expected\". Foreign Minister Adel al-Jubeir "
            "said in a statement from the Saudi Ministry of Foreign Affairs in Riyadh: \"We will keep our word.\"")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 2, 12)))] == [
        ("better than expected", "sergei-lavrov"), ("We will keep our word.", "adel-al-jubeir")]


def test_he_after_an_unnamed_member_of_a_body_is_that_member_not_someone_named_before(run):
    """'Another member of the committee, reached in Riyadh, was blunter. "...," he said.': he is the unnamed member
    (nobody known), not the person the report named a sentence before him."""
    text = ("Staffan de Mistura sent the invitations on Tuesday. Another member of the committee, reached in Riyadh, "
            "was blunter. \"We will not go without guarantees,\" he said.\n\n"
            "John Kerry called the committee on Monday. A member of the committee who asked not to be named said "
            "that Washington was pushing hard. \"They want a photograph,\" he told this newspaper.")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 1, 27)))] == [
        ("We will not go without guarantees,", None), ("They want a photograph,", None)]


def test_a_quote_in_single_marks_goes_on_with_its_speaker_after_the_attribution(run):
    """'\u2018...,\u2019 said X after the meeting. \u2018...\u2019': the second quote is X's, not that of a body named
    inside the first quote's words."""
    text = ("\u2018ISIS does not respect the border,\u2019 said Foreign Minister Adel al-Jubeir after the meeting. "
            "\u2018We will act with our allies, and within clear limits.\u2019")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 1, 29)))] == [
        ("ISIS does not respect the border,", "adel-al-jubeir"),
        ("We will act with our allies, and within clear limits.", "adel-al-jubeir")]


def test_an_office_of_a_body_as_an_epithet_and_a_relative_clause_in_the_subject(run):
    """'the President of the Commission said' is the person named with that office before; 'X, who accompanied Y,
    told reporters' is X's, not the person named in the relative clause."""
    text = ("The President of the African Union Commission, H.E. Amadou Kone, condemned the attack.\n\n"
            "\"This cowardly act will not weaken us,\" the President of the Commission said.\n\n"
            "Foreign Minister Rana Haddad, who accompanied Sergei Lavrov, told reporters: \"The border stays open.\"")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 2, 13)))] == [
        ("This cowardly act will not weaken us,", "amadou-kone"), ("The border stays open.", "rana-haddad")]


def test_whom_the_words_were_told_before_the_colon_and_an_honorific_before_an_epithet(run):
    """'X, a spokesman, told The Courier by telephone from Riyadh: "..."' is X's, not the person quoted before;
    'HE the Minister added' is the minister the release named before, as 'the Minister added' is."""
    text = ("\"The night was calm,\" the UN envoy, Staffan de Mistura, said in a statement.\n\n"
            "The coalition's spokesman, Ahmed Asiri, told The Example Courier by telephone from Riyadh: "
            "\"We will not stand by if they advance.\"\n\n"
            "HE Minister of Foreign Affairs Rashid bin Saleh Al-Nasri said after the meeting: \"We came to stop the "
            "killing.\"\n\n\"This must end now,\" HE the Minister added.")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 4, 11)))] == [
        ("The night was calm,", "staffan-de-mistura"), ("We will not stand by if they advance.", "ahmed-asiri"),
        ("We came to stop the killing.", "rashid-bin-saleh-al-nasri"), ("This must end now,", "rashid-bin-saleh-al-nasri")]


def test_a_naming_participle_after_a_that_clause_and_an_epithet_holding_the_body_of_the_person(run):
    """'X said that any intervention by Turkey would fail, describing it as "a bet"': the subject of 'said' names
    it, not the state inside the clause; 'the Hezbollah chief said' is the person the report named just after the
    body ('Hezbollah leader X'), not the body."""
    text = ("BEIRUT: Hezbollah leader Hassan Nasrallah said Tuesday that any Turkish ground intervention in Syria "
            "would fail, describing talk of it as \"a desperate bet\".\n\n"
            "Speaking to supporters in Beirut, the Hezbollah chief said the army was close to \"a historic victory\".")
    assert [(q["content"], q["speaker"]) for q in quotes(run(text, dt.date(2016, 2, 16)))] == [
        ("a desperate bet", "hassan-nasrallah"), ("a historic victory", "hassan-nasrallah")]


def test_a_style_abbreviated_before_the_speaker_s_name_ends_no_sentence(run):
    """'"...," Hon. Jane Roe said.' and 'Sec. Roe', 'Amb. Roe', 'Mme. Roe': the style's stop ends no sentence, so the
    words after the closing mark still name the speaker."""
    from accord.ingest.components.segmenter import split_sentences

    for style in ("Hon.", "Sec.", "Amb.", "Mme.", "Sra.", "Rt."):
        text = f'"We stay," {style} Peter Mwangi said.'
        assert split_sentences(text) == [(0, len(text))], style
    (q,) = quotes(run('"We stay," Hon. Peter Mwangi said on Monday.', dt.date(2016, 3, 1)))
    assert (q["content"], q["speaker"]) == ("We stay,", "peter-mwangi")


def test_a_joint_statement_named_with_capitals_is_no_one_speaker_s(run):
    """'The Joint Statement of the United States and the Russian Federation as Co-Chairs of the ISSG calls on "..."':
    a text of two speakers, as 'the joint statement' in small letters is, not the group named last."""
    text = ("The Joint Statement of the United States and the Russian Federation as Co-Chairs of the ISSG calls on "
            "\"all parties to the conflict\" to confirm their commitment by noon on Friday.")
    assert [q["speaker"] for q in quotes(run(text, dt.date(2016, 2, 23)))] == [None]



def test_he_added_after_a_quote_is_its_speaker_not_a_guest_named_in_a_clause_between(run):
    # 'added' goes on from somebody who spoke: the speaker of the quote before, not a guest the clause after it lists
    r = run('President Juan Manuel Santos spoke in Havana.\n\n"The long war is over," the Head of State said at the '
            'ceremony, which was attended by the UN Secretary-General, Ban Ki-moon.\n\n"The people will have the '
            'last word," he added.', published=dt.date(2016, 6, 23))
    assert [q["speaker"] for q in quotes(r)] == ["juan-manuel-santos", "juan-manuel-santos"]


def test_he_added_is_the_person_named_last_when_he_is_the_subject_before(run):
    r = run('"The long war is over," Juan Manuel Santos said.\n\nBan Ki-moon said the United Nations would verify '
            'the ceasefire. "We are ready," he added.', published=dt.date(2016, 6, 23))
    assert [q["speaker"] for q in quotes(r)] == ["juan-manuel-santos", "ban-ki-moon"]


def test_an_office_named_once_with_its_holder_is_he_later_and_a_former_office_is_no_current_holder(run):
    # 'presiding as Facilitator' fills the office; 'said the Facilitator' is he. 'the former President of X' is not
    # X's president on the day
    r = run("Talks opened in Arusha, with the former President of Tanzania, H.E. Benjamin William Mkapa, presiding "
            "as Facilitator.\n\nThe session brings together the Government of Burundi and civil society.\n\n"
            '"I am here to listen to every voice," said the Facilitator.\n\n"Both concerns will be heard," he added.',
            published=dt.date(2016, 5, 21))
    assert [q["speaker"] for q in quotes(r)] == ["benjamin-william-mkapa", "benjamin-william-mkapa"]


def test_she_added_after_the_quote_of_a_person_nobody_lists_is_hers(run):
    r = run("The talks opened in Arusha with Ambassador Amara Okonkwo presiding as Facilitator.\n\n"
            "Representatives of several bodies attended the opening.\n\n"
            '"I am here to listen," said the Facilitator.\n\n"Both concerns will be heard," she added.')
    assert [q["speaker"] for q in quotes(r)] == ["amara-okonkwo", "amara-okonkwo"]


def test_an_opening_participle_clause_before_an_epithet_is_no_part_of_the_speaker(run):
    r = run("The Director-General of the Organisation for the Prohibition of Chemical Weapons (OPCW), Ambassador "
            "Ahmet \u00dcz\u00fcmc\u00fc, opened the session today.\n\nTurning to the Fact-Finding Mission, the "
            "Director-General said that its teams were still at work.\n\n\"The perpetrators must be held to "
            "account,\" he stated.", published=dt.date(2016, 3, 22))
    assert {q["speaker"] for q in of(r, "quote")} == {"ahmet-uzumcu"}


def test_a_party_member_epithet_is_the_person_named_before(run):
    # wire style: 'The Social Democrat said', 'the Republican added' name a person by his party, not the party
    r = run("The warning came from German Foreign Minister Frank-Walter Steinmeier in an interview on Sunday.\n\n"
            'The Social Democrat said the demand was "entirely legitimate". "We need both, and we need them now."',
            published=dt.date(2016, 1, 24))
    assert {q["speaker"] for q in of(r, "quote")} == {"frank-walter-steinmeier"}
    r = run('Senator Lindsey Graham spoke on Sunday. "It is a disaster," the Republican said.')
    assert [q["speaker"] for q in quotes(r)] == ["lindsey-graham"]


def test_a_dateline_with_its_day_and_an_opening_clause_before_the_epithet_are_no_part_of_the_speaker(run):
    r = run("The Secretary-General welcomes the talks under his Special Envoy, Ismail Ould Cheikh Ahmed.\n\n* * *\n\n"
            "Kuwait City, 21 April 2016 - Opening the first plenary session this evening, the Special Envoy said: "
            '"You carry a heavy responsibility tonight."', published=dt.date(2016, 4, 21))
    assert [q["speaker"] for q in quotes(r)] == ["ismail-ould-cheikh-ahmed"]


def test_an_initial_glued_to_a_listed_surname_is_that_person(run):
    # the Russian ministry's house style writes 'M.Zakharova', the initial and the surname in one word
    r = run('Foreign Ministry spokeswoman M.Zakharova said: "We are ready."\n\n"We wait," A.Lavrov told reporters.\n\n'
            '"No," B.Zakharova said.')
    assert [q["speaker"] for q in quotes(r)] == ["maria-zakharova", None, None]


# ---------------------------------------------------------------------------- reported speech in releases and reports

def test_writing_that_reports_the_subject_s_words_and_its_fragment(run):
    r = run("The Norwegian mediator, Dag Nylander, answered on his blog, writing that the truce was \"a fragile "
            "beginning\" and nothing more.")
    (ind,) = quotes(r, direct=False)
    (frag,) = quotes(r)
    assert ind["content"].startswith("the truce was") and ind["cue"] == "writing"
    assert frag["content"] == "a fragile beginning" and frag["speaker_text"] == ind["speaker_text"]


def test_writing_after_a_listed_speaker_gives_him_the_words(run):
    r = run('Sergei Lavrov replied on Facebook on Sunday night, writing that Moscow had "no illusions" about the '
            'talks.')
    assert [(q["speaker"], q["cue"]) for q in of(r, "quote")] == [("sergei-lavrov", "writing")] * 2


def test_in_writing_is_no_verb_of_saying(run):
    r = run("The two sides have put the ceasefire terms in writing, and the monitors will check them next week.")
    assert quotes(r, direct=False) == [] and quotes(r) == []


def test_a_body_called_again_by_the_noun_of_its_full_name_speaks_for_that_body(run):
    r = run("The Assembly of the African Union closed its summit in Addis Ababa on Sunday. In the final declaration, "
            'the Assembly stated: "No party may hold the transition hostage to its own demands."')
    (q,) = quotes(r)
    assert (q["speaker"], q["speaker_text"], q["cue"]) == ("african-union", "the Assembly", "stated")


def test_the_communique_of_a_body_called_again_by_its_noun_is_that_body_s(run):
    r = run("Ministers of the Arab League met in Cairo. In its closing communiqué, the League said that the talks must "
            'resume.\n\n"The League stands ready to host the next round," the communiqué reads.')
    direct = quotes(r)
    assert [(q["speaker"], q["speaker_text"]) for q in direct] == [("arab-league", "the communiqué")]


def test_a_communique_brought_in_with_a_group_of_people_is_theirs_not_the_body_named_last(run):
    text = ("The round ended without a date for the next one, the three mediators said in a joint communiqué.\n\n"
            "The mediators - Jane Roe of the OSCE and John Doe of the United Nations - 'noted with concern the "
            "shelling near the line of contact', according to the communiqué.")
    r = run(text)
    (q,) = quotes(r)
    assert q["content"].startswith("noted with concern") and q["speaker"] is None and q["cue"] == "according to"
    assert not any(i["content"].startswith("The mediators") for i in quotes(r, direct=False))


def test_a_report_with_its_own_verb_before_according_to_stays_a_report(run):
    r = run('The envoy regretted that the round had been "cut short by a walkout", according to the communiqué.')
    assert [i["content"][:20] for i in quotes(r, direct=False)] == ["The envoy regretted "]


_RELEASE_AND_WIRE_FORMS = [
    "The Assembly of the African Union closed its summit in Addis Ababa on Sunday. In the final declaration, the "
    'Assembly stated: "No party may hold the transition hostage to its own demands."',
    "The round ended without a date for the next one, the three mediators said in a joint communiqué.\n\nThe "
    "mediators - Jane Roe of the OSCE and John Doe of the United Nations - 'noted with concern the shelling near "
    "the line of contact', according to the communiqué.",
    'Sergei Lavrov replied on Facebook on Sunday night, writing that Moscow had "no illusions" about the talks.',
    "The plan leaves the northern villages out, and the Iranians have told Ankara that their advisers will stay.",
    "Sergei Lavrov met John Kerry in Munich on Friday and told him that Moscow would keep its bombers away.",
    "Luis Almagro recalled that the mission had worked in the regions since 2004, and said that it was ready.",
    'Hassan Nasrallah charged that Riyadh was now "panicking" because its plan had failed.',
]
_UNRELATED = ["Heavy rain closed two roads near the coast on Tuesday.", "The market reopened after a week.",
              "Prices of bread rose again in the capital.", "A new bridge over the river is due next year."]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_RELEASE_AND_WIRE_FORMS), st.lists(st.sampled_from(_UNRELATED), min_size=1, max_size=3),
       st.booleans())
def test_an_unrelated_paragraph_never_changes_a_release_or_wire_quote_s_speaker(run, text, extra, first):
    para = " ".join(extra)
    def said(t: str) -> list[tuple]:
        return [(q["content"], q["direct"], q["speaker"], q["speaker_text"]) for q in of(run(t), "quote")]
    assert said(f"{para}\n\n{text}" if first else f"{text}\n\n{para}") == said(text)


def test_a_clause_of_its_own_before_and_gives_the_report_a_new_subject(run):
    r = run("The plan leaves the northern villages out, and the Iranians have told Ankara that their advisers will "
            "stay in Aleppo.")
    (q,) = quotes(r, direct=False)
    assert (q["content"], q["speaker"]) == ("their advisers will stay in Aleppo", "iran")


def test_a_second_speaker_after_and_ends_the_first_report(run):
    r = run("Sergei Lavrov told his counterparts in Vienna that the strikes would go on, and the opposition has said "
            "that it sees them as a licence to hit its fighters.")
    got = [(q["content"], q["speaker_text"]) for q in quotes(r, direct=False)]
    assert got == [("the strikes would go on", "Sergei Lavrov"),
                   ("it sees them as a licence to hit its fighters", "the opposition")]


def test_a_list_of_states_with_a_serial_comma_stays_a_joint_speaker(run):
    (q,) = quotes(run("The United States, Russia, and Iran said the talks would resume in March."), direct=False)
    assert q["speaker"] is None


def test_said_no_is_an_answer_not_a_report(run):
    r = run("Mr. Speaker, the voters have spoken, and most of them said no because the deal freed the commanders.")
    assert quotes(r, direct=False) == []


def test_whom_and_when_between_told_and_that_are_no_part_of_the_words(run):
    r = run("The rebel negotiator told the joint commission on March 3 that the Front could accept the police "
            "plan.\n\nJohn Kerry told his counterparts in Munich that the convoys must move first.")
    assert [q["content"] for q in quotes(r, direct=False)] == ["the Front could accept the police plan",
                                                              "the convoys must move first"]


def test_has_been_clear_that_reports(run):
    r = run("Staffan de Mistura met both delegations. But the envoy has been clear that the talks will not resume "
            "without aid.")
    (q,) = quotes(r, direct=False)
    assert (q["content"], q["speaker"]) == ("the talks will not resume without aid", "staffan-de-mistura")


def test_a_leader_s_government_speaks_for_the_state_s_government(run):
    r = run("President Assad's government has said again and again that it will not talk to armed groups.")
    (q,) = quotes(r, direct=False)
    assert (q["content"], q["speaker"]) == ("it will not talk to armed groups", "syria-government")


def test_and_that_before_a_verb_is_a_comment_not_a_second_report(run):
    r = run("The Prime Minister of Israel, Benjamin Netanyahu, said in Moscow that Israel would not let advanced arms "
            "reach Hezbollah, and that remains the policy. Sergei Lavrov said that the talks were over and that "
            "Moscow would wait.")
    got = [q["content"] for q in quotes(r, direct=False)]
    assert got == ["Israel would not let advanced arms reach Hezbollah", "the talks were over", "Moscow would wait"]


def test_a_person_s_recalled_that_reports_and_a_release_s_recalls_that_is_its_own_text(run):
    r = run("Luis Almagro recalled that the mission had worked in the regions since 2004, and said that it was ready "
            "to help.\n\nThe Foreign Ministry recalls that the Council demanded a withdrawal in April.")
    got = [(q["content"], q["speaker"], q["cue"]) for q in quotes(r, direct=False)]
    assert got == [("the mission had worked in the regions since 2004", "luis-almagro", "recalled"),
                   ("it was ready to help", "luis-almagro", "said")]


def test_the_subject_of_a_first_verb_tells_after_and(run):
    r = run("Sergei Lavrov met John Kerry in Munich on Friday and told him that Moscow would keep its bombers away "
            "from the city.")
    (q,) = quotes(r, direct=False)
    assert (q["content"], q["speaker"]) == ("Moscow would keep its bombers away from the city", "sergei-lavrov")


def test_a_body_named_as_someone_s_issues_no_communique(run):
    r = run("The League of Arab States closed its session in Cairo. On Yemen, the ministers backed the efforts of the "
            'UN Special Envoy, Ismail Ould Cheikh Ahmed. The ministers "hold the militias responsible for the '
            'bloodshed", the final communiqué reads.')
    (q,) = quotes(r)
    assert q["speaker"] == "arab-league"


def test_a_body_of_a_full_name_that_welcomed_and_said_speaks(run):
    r = run("The Council of the League of Arab States met in Cairo on Friday.\n\nIn its resolution on Syria, the "
            'Council welcomed the truce and said it "looks to all parties to respect it fully".')
    (q,) = quotes(r)
    assert (q["speaker"], q["speaker_text"]) == ("arab-league", "the Council")


def test_an_organ_of_a_body_with_a_title_word_in_its_name_speaks_for_the_body(run):
    r = run("Militants fired mortar shells on two districts overnight, the Syrian army's General Command said in a "
            "statement.")
    (q,) = quotes(r, direct=False)
    assert q["speaker"] == "syria-government"


def test_he_inside_someone_s_words_is_the_person_those_words_named_just_before(run):
    r = run("Riyad Hijab, who leads the opposition delegation, told reporters: \"We trust Mr. de Mistura. But when he "
            "says 'the ceasefire is holding,' we ask him to visit Daraya.\"")
    inner = [q for q in quotes(r) if q["content"].startswith("the ceasefire")]
    assert [(q["speaker"], q["speaker_text"]) for q in inner] == [("staffan-de-mistura", "he")]


def test_charged_that_reports_an_accusation_and_its_fragment(run):
    r = run('Hassan Nasrallah charged that Riyadh had sent fighters into Syria and was now "panicking" because its '
            "plan had failed. Two men were charged with smuggling.")
    assert [(q["direct"], q["speaker"], q["cue"]) for q in of(r, "quote")] == [
        (False, "hassan-nasrallah", "charged"), (True, "hassan-nasrallah", "charged")]


def test_a_fragment_at_the_verb_of_its_report_takes_the_report_s_speaker(run):
    text = ("GENEVA (Wire) - The HNC's spokesman, Salem al-Meslet, spoke on Friday.\n\nAsked about the convoys, "
            'the spokesman said the committee was "deeply disappointed" and would meet again.')
    r = run(text)
    (ind,) = quotes(r, direct=False)
    (frag,) = quotes(r)
    assert frag["speaker"] == ind["speaker"] and frag["speaker_text"] == ind["speaker_text"]


def test_confirming_someone_in_a_role_reports_no_words(run):
    r = run("The leaders of the African Union confirmed H.E. Joaquim Chissano as mediator of the dialogue. "
            "The ministry confirmed the talks would start as planned on Monday.")
    assert [q["content"] for q in quotes(r, direct=False)] == ["the talks would start as planned on Monday"]


def test_a_definite_subject_after_a_lead_clause_speaks_as_one_opening_the_sentence_does(run):
    """'In a joint communique, the ministers said ...' reports as 'The ministers said ...' does: nobody known,
    the words theirs, a quoted fragment inside them a direct quote."""
    for text, who in [
            ("In a joint communique, the ministers said they had \"settled the outline of the plan\" and would meet "
             "again in March.", "the ministers"),
            ("After the meeting on Tuesday, the three delegations said the monitors would deploy within a week.",
             "the three delegations")]:
        qs = of(run(text), "quote")
        indirect = [q for q in qs if not q["direct"]]
        assert [(q["speaker"], q["speaker_text"]) for q in indirect] == [(None, who)], text
        assert all(q["speaker_text"] == who for q in qs if q["direct"])
    assert [q["content"] for q in of(run("In a joint communique, the ministers said they had \"settled the outline "
                                         "of the plan\"."), "quote") if q["direct"]] == ["settled the outline of the plan"]


def test_a_speech_s_paragraphs_each_reopened_take_the_speaker_of_the_one_that_closes_them(run):
    """News style: each paragraph of one speech opens with a mark and only the last closes ('"... / "... /
    "...," she said.'): every paragraph is hers; a paragraph left open with no speaker after it stays nobody's."""
    text = ("The foreign minister, Amina Yusuf, spoke after the vote.\n\n"
            "\"We asked for a ceasefire and we got a promise of talks. That is not the same thing.\n\n"
            "\"The monitors are still waiting at the border, three weeks after the deadline.\n\n"
            "\"We will go back to Addis Ababa next week all the same,\" Ms Yusuf told reporters.")
    got = [(q["content"][:10], q["speaker"]) for q in of(run(text, dt.date(2016, 3, 8)), "quote") if q["direct"]]
    assert got == [("We asked f", "amina-yusuf"), ("The monito", "amina-yusuf"), ("We will go", "amina-yusuf")]
    letter = ("The letter reads, in part:\n\n\"We, the undersigned families, ask for news of our sons and our "
              "brothers.\n\n\"We ask for nothing else.\"")
    assert "amina-yusuf" not in {q["speaker"] for q in of(run(letter), "quote")}


def test_a_quote_on_its_own_then_with_those_words_names_its_speaker(run):
    text = ("\"We did not come here to sign a piece of paper, we came to end a war that has lasted too long.\"\n\n"
            "With these words, the chief mediator, Thabo Nkosi, opened the third round on Monday.")
    assert [q["speaker"] for q in of(run(text, dt.date(2016, 3, 8)), "quote") if q["direct"]] == ["thabo-nkosi"]


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=2, max_value=5), st.sampled_from(["The talks resumed on Monday.",
                                                              "Fighting went on in the north overnight."]))
def test_every_reopened_paragraph_of_a_speech_is_the_closing_speaker_s(run, n, narrative):
    """However many paragraphs the speech runs over, and whatever narrative paragraph stands before it, each is
    the speaker's whom the closing paragraph names."""
    body = "".join(f"\"Point {i}: we ask the parties to keep their word on the crossings.\n\n" for i in range(n))
    text = (f"{narrative}\n\nThe foreign minister, Amina Yusuf, spoke after the vote.\n\n{body}"
            "\"That is all we ask,\" Ms Yusuf said.")
    got = [q["speaker"] for q in of(run(text, dt.date(2016, 3, 8)), "quote") if q["direct"]]
    assert got == ["amina-yusuf"] * (n + 1)


def test_a_quote_in_the_words_of_its_source_is_the_source_s(run):
    """', in the words of the statement, "..."', ', to quote the minister, "..."': the text or the person named."""
    text = ("Foreign Minister Ana Lindqvist spoke at the opening session. We agree with her that, to quote the "
            "minister, \"no ceasefire holds without monitors on the ground\".")
    assert [q["speaker"] for q in of(run(text, dt.date(2016, 3, 8)), "quote") if q["direct"]] == ["ana-lindqvist"]
    text = ("The group adopted a communique on Monday. We welcome the commitment that, in the words of the "
            "communique, \"all sides must open the crossings within a week\".")
    assert [q["speaker_text"] for q in of(run(text, dt.date(2016, 3, 8)), "quote") if q["direct"]] == ["the communique"]
