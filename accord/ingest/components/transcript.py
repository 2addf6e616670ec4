"""Transcripts: a paragraph that opens with a speaker label is the labelled speaker's speech, and so is every
paragraph after it up to the next label (briefings, interviews, press statements, stakeouts).

The label forms of official transcripts: in capitals (`MR KIRBY:`, `MR. EARNEST:`, `SECRETARY KERRY:`,
`QUESTION:`), by office and name (`President of Russia Vladimir Putin:`, broken across a line or with the
colon on the next one, `(retranslated)` after it), by name alone (`Maria Zakharova:`), by role
(`Journalist:`, `Question:`), and the press office's `Q` followed by spaces. A questioner is nobody the
record knows (speaker null). The label names the speaker but is no mention of an actor: its mentions are
dropped, and the label is kept off the unknown-actor proposals.

A government release prints a statement the same way after an attribution alone in its paragraph ("Foreign
Secretary Philip Hammond said:"): its paragraphs are the named speaker's, up to one that is no speech.

A page headed by what it is and who speaks in it ("Statement by Ambassador X at ...", "Transcript of press stakeout by
..., Mr. X") prints his words the same way, unlabelled, under its headings: those paragraphs are his while he speaks in
them as I or we (or to his audience), up to the first label.

A meeting record labels delegates with notes (`Mr. Churkin (Russian Federation) (spoke in Russian):`); one the
dictionary does not know speaks for the state in the note, and `The President` (the chair) for nobody known.

A document is read as a transcript only when it has two labels or more, so that a lone `WARNING: ...`
heading is no speech; once it is one, a name before a colon opening a paragraph is a label too, of somebody the
dictionary may not know (`Hilary Benn (Leeds Central) (Lab):`), and an office's holder named in its note speaks
(`The Secretary of State for ... (Mr Philip Hammond):`). Other records' own styles are read by their structure:
when several paragraphs open with a name, an apposition or notes in brackets, then a colon or a dash
(`MARTHA KEANE, EXAMPLE NEWS HOST:`, `OANA LUNGESCU [NATO Spokesperson]:`, `Jane Roe (Group), on behalf of ... –`,
`Q.` / `A.`), each is a label; a bare office (`President. –`) is the chair, nobody known. What a turn reports of others is read as reports
anywhere are (the quotes component), not what it reports of its own speaker. Between two labels every paragraph is the speaker's (a spokesman reports others in the
third person all the time), except a report with quotation marks and no `I`/`we`, the article's narrative;
after the last label any third-person report ends the turn. Stage directions (`(Laughter.)`) and lines that
are no sentence (`Q&A follows`, `# # #`) are nobody's words.

A document labels its speakers one way: a dash label it uses once among colon labels (a title's 'Oral Questions
— ...') is no turn, nor a colon label once among dash labels; a chair's or a questioner's role is a label alone (`President. –`, `Audience member` on its line).
Once a document is a transcript, one name before a colon is a label when it comes back or takes a turn (asks, or
speaks as I, we or you: 'Sandeep : Sir, ...?', 'Speaker 1:'), unless it names a state or a body (a topic); a label's
shape the document took for nobody ('Note: ...') ends the last turn. One questioner's label alone makes a transcript
(a doorstep's single `Q:`). A speech page's note on its text (`Check against delivery!`) is nobody's words. A page of
headings over a body that opens addressing its audience ('Ladies and gentlemen,', 'Dear brothers and sisters') is a
speech: its paragraphs are the speaker's, the one person its headings name (else nobody known), across its sections'
headings ('After the Angelus:').
A label by office alone ('Minister of Foreign Affairs of the Russian Federation:', 'The Under-Secretary-General:') is
the one person the document gave that office: in an earlier label of the office and his name, else next to the office
in its text (a chair's 'I give the floor to the Under-Secretary-General ..., Mr. X'). A label of initials is the person
named before it whose name ('AM' for 'Abdulmalik al-Mekhlafi', past the particle) or whose title ('SG' after
'Secretary-General Ban Ki-moon') the initials are.
A stenogram puts initials after the surname (`Ivanov P. S., ... faction.`, then `Ivanov P. S.`): the surname names him.

A label may stand after a recording's time code (`[00:12:31] Lena Ortiz:`) or an order paper's number (`4. NAME
(Party) to the Minister for X:`), or alone on its line with the words under it. A hearing or a senate ends its
labels in a full stop (`The Chairman.`, `Secretary Kerry.`, `Mr X, Minister of Foreign Affairs.`): read so only
where three paragraphs or more open with one and a speaker comes back. Labels alone on their lines without a colon (`SECRETARY KERRY` over his words) are read where three or more take
turns, a speaker comes back and most speak as I, we or you. A page that labels only its questions
(`Q:`) gives the answer under each to the one person its first line names (`Doorstep remarks by X`).
A record may print the turn's time with the label, before it or after it, on its line or on the line above
(`Mr Speaker 11:05 a.m.`, `14:31 Jane Roe:`); a synopsis of debates labels a turn with the member in capitals, what
he did and 'said:' (`SHRI JANE ROE (SEAT) initiating the discussion said: ...`). A chair's label with a name in its
note (`The Temporary Speaker (Hon. X):`, `The Llywydd (X):`) is that person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from accord.ingest.components.descriptions import body_named
from accord.ingest.components.proposed import OFFICES, ROLES, UNNAMED, not_people, person_id
from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.slug import slug
from accord.ingest.timex import MONTH_WORD
from accord.ingest.words import finditer_at, search_at_line_starts

# a capitalised word, or a name after a lower-case particle joined to it ('al-Assad', 'bin-Zayed', "d'Estaing")
# (a capital with its accent too: 'Ángela', 'Ýmir', 'Øystein')
_WORD = r"(?:[a-z]{1,3}[-'\u2019])?[A-Z\u00c0-\u00d6\u00d8-\u00de][\w.'\u00c0-\u024f-]*"
# (Welsh "ab"/"ap", Arabic "bint", Portuguese "dos"/"das"/"do", Spanish "del"/"y", Dutch "ter"/"ten", German "zu")
# the small words inside a person's name, which a label's or a role's name may take too
_PARTICLE_WORDS = r"de|da|di|al|el|bin|bint|ibn|ab|ap|von|van|der|ter|ten|zu|la|le|du|des|del|dos|das|do|y"
_PARTICLES = rf"(?:{_PARTICLE_WORDS})"
_JOIN = rf"(?:of|the|for|and|{_PARTICLE_WORDS})"
# a rank's or a degree's abbreviation in brackets may stand between a label's words ('GEN. (DR.) V.K. SINGH',
# 'Sen. (Dr.) Jane Roe'); an office in capitals may take twelve words ('THE MINISTER OF STATE IN THE MINISTRY OF ...')
_PART = rf"{_WORD}(?:[ \t]+(?:\([A-Za-z]{{1,6}}\.?\)[ \t]+)?(?:{_JOIN}[ \t]+)*{_WORD}){{0,11}}"
# the label opens a line that opens a paragraph (or the text); one line break may fall inside it
# what may stand before a label where a paragraph opens: a recording's time code, in brackets or to the second
# ('[00:12:31] ', '(12:31) ', '00:12:31 - '; a live page's '09:15 GMT - ' or '09:15:00 GMT - ' is a time and no
# speaker: a zone follows it), or the number
# of a question on the order paper ('4. ')
# (a record's bare time to the minute, '14:31 Mr Speaker:', '11.05 a.m. Jane Roe:', the same)
_BEFORE = (r"(?:(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]|\d{1,2}:\d{2}:\d{2}(?![ \t]+(?:GMT|UTC|ET|EST|EDT|CET|CEST|EET|EEST|MSK|BST|[Ll]ocal)\b)"
           r"|\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)?(?=[ \t]+[A-Z])(?![ \t]+(?:GMT|UTC|ET|EST|EDT|CET|CEST|EET|EEST|MSK|BST|[Ll]ocal|[AaPp]\.?[ \t]?[Mm])\b))"
           r"[ \t]*(?:[-\u2013\u2014][ \t]*)?|\d{1,3}\.[ \t]+)?")
# where the words start after a label's colon: on its line, or on the next line when the label has one to itself
_WORDS_AFTER = r"(?:[ \t]+|[ \t]*\n\n?[ \t]*)(?=[^\s\"])"
# a questioner in the hall, unnamed: 'Question from the floor:', 'Comment from the audience:', 'Voice from the floor:'
_FLOOR = (r"(?:Question|Comment|Voice|Intervention|Q)s?[ \t]+from[ \t]+the[ \t]+(?:floor|audience|hall)"
          # the house's voices, unnamed ('Some hon. members', 'An hon. member', 'Several members')
          r"|(?:Some|Several|Many|An?)[ \t]+(?:(?:hon\.?|honourable|honorable)[ \t]+)?(?:[Mm]embers?|[Ss]enators?)"
          # a press office's official by role, in small letters after the first word ('Press secretary')
          r"|Press[ \t]+(?:secretary|officer|attach\u00e9|spokesperson)"
          # an outlet's reporter ('CCTV reporter', 'Example Daily correspondent')
          r"|(?:[A-Z][\w&.'\u2019-]*[ \t]+){1,4}(?:reporter|correspondent|journalist)")
_LABEL = re.compile(
    # the press office's 'Q' and spaces first: 'Q    Thanks. On Syria:' would read as a label 'Q Thanks. On Syria';
    # one space before a capital is the same mark ('Q Josh, will ...'): no sentence opens with a 'Q' alone
    r"(?:^|(?<=\n\n))(?P<q>Q)(?:[ \t]{2,}|\t| (?=[A-Z\"\u201c]))(?=\S)"
    # a ministry's Q&A excerpts: 'Q - ' and 'A - ' (a hyphen or a dash, spaced or not) on the line of the words
    r"|(?:^|(?<=\n\n))(?P<qa>[QA])[ \t]*[-\u2013\u2014][ \t]*(?=[^\s\d-])"
    # a number after the role numbers the questions of a printed interview ('Question 1:')
    rf"|(?:^|(?<=\n\n)){_BEFORE}(?P<who>{_FLOOR}|{_PART}(?:[ \t]*\n[ \t]*(?:{_JOIN}[ \t]+)*{_PART})?(?:[ \t]+\d{{1,3}})?)"
    # notes after the name: the delegation and the language of a meeting record ('Mr. X (France) (spoke in
    # French):'), '(via interpreter)', '(retranslated)'; whom an order paper's question is put to ('(Lab) to the
    # Minister for Foreign Affairs:'); a rank's abbreviation in brackets inside the note ('(GEN. (DR.) V.K. SINGH, RETD.)')
    # a member answering for a minister ('(Leader of the House) on behalf of the Minister of Foreign Affairs:')
    r"(?P<note>(?:[ \t]*\((?:[^()\n:]|\([A-Za-z]{1,6}\.?\)){2,120}\)){1,3}"
    r"(?:[ \t]+(?:to|on[ \t]+behalf[ \t]+of)[ \t]+the[ \t]+[^\n:()]{3,80})?)?"
    r"[ \t]*\n?[ \t]*:"
    + _WORDS_AFTER)
# the label forms of other records, tried when a document's paragraphs open with several of them: a name, then
# an apposition, notes in brackets or both ('MARTHA KEANE, EXAMPLE NEWS HOST:', 'OANA LUNGESCU [NATO Spokesperson]:',
# 'Helga Lindqvist (S&D), on behalf of the group. –', 'Ogawa, Example Shimbun:'), before a colon or a dash; an
# interview's 'Q.' and 'A.'
_ANY_LABEL = re.compile(
    r"(?:^|(?<=\n\n))(?:(?P<qa>[QA])\.[ \t]+(?=[A-Z\d\"\u201c])"
    rf"|{_BEFORE}(?P<who>{_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_WORD}){{0,5}})"
    # an assembly's asterisk after the name or its notes marks a speech reported from the interpretation ('The
    # PRESIDENT* –', 'Mr Jan NOVAK (Czech Republic, EPP/CD)* –')
    r"\*?(?P<note>(?:[ \t]*[(\[][^()\[\]\n]{1,120}[)\]]){0,3}(?:,[^\n:\u2013\u2014\"]{1,120}?)?)\*?"
    # a Spanish record's stop and hyphen together ('Mr García-Margallo.- Good afternoon.')
    r"[ \t]*(?::|\.?[ \t]+(?:[\u2013\u2014]|--?)|\.-(?=[ \t]))" + _WORDS_AFTER + ")")
# a record that ends its labels in a full stop ('The Chairman. The committee will come to order.', 'Secretary
# Kerry. Thank you.', 'Mr Jean-Marc Ayrault, Minister of Foreign Affairs. Senator, ...'): a name of capitalised
# words (an honorific first, 'The' before an office), an apposition of an office after a comma, notes in
# brackets. No word holds a full stop, so 'U.S. officials ...' or 'Gen. Smith said' opens no label; a sentence
# has a word in lower case that is no particle of a name, so it opens none either. Read only where several
# paragraphs open so and a speaker comes back (_stop_labels).
# a name's capital, Latin or Cyrillic (a stenogram's 'Лавров С. В.'): one class for its words and its initials
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0410-\u042f\u0401"
# a name's word ('Lavrov', 'al-Assad', "O'Brien"), its letters and hyphenated parts possessive: in the label patterns below no name word is followed by a
# letter or a hyphen or an apostrophe (only by a space, a tab, a comma, a bracket, a stop or a line break), so a
# name word that gives letters back never leads to a match; the engine tried it at each letter of each word of
# every paragraph's opening (_STOP_LABEL's match at the bench's paragraphs: 163M -> 64M instructions)
_NAME_WORD_ATOMIC = rf"(?:[a-z]{{1,3}}[-'\u2019])?[{_CAPITAL}][^\W\d_]*+(?:[-'\u2019][^\W\d_]+)*+"
_GROUP_OR_OFFICE = (r"(?:faction|group|party|caucus|fraction|bloc|delegation|member|minister|secretary|deputy|"
                    r"spokesman|spokeswoman|spokesperson|ambassador|representative|chairman|chairwoman|chair|president)")
_STOP_LABEL = re.compile(
    r"(?:^|(?<=\n\n))" + _BEFORE
    # a style abbreviated in any case ('SEC. DELES.', 'ATTY. SALIK.', 'Engr. Cruz.'): one the world's styles know
    # (_stop_labels checks it)
    + rf"(?P<who>(?:(?:Mr|Mrs|Ms|Mme|Mlle|M|Dr|Sen|Rep|Gen|Hon|Prof|Rt[ \t]+Hon)\.?[ \t]+"
    rf"|(?P<style>[{_CAPITAL}][A-Za-z]{{1,4}})\.[ \t]+)?{_NAME_WORD_ATOMIC}"
    rf"(?:[ \t]+(?:{_JOIN}[ \t]+)*(?![{_CAPITAL}]\.){_NAME_WORD_ATOMIC}){{0,5}}"
    # the chair's deputy in a congress's record ('The SPEAKER pro tempore.')
    r"(?:[ \t]+pro[ \t]+tempore)?"
    # a stenogram's initials after the surname ('Ivanov P. S.'): the last one's stop may be the label's own
    rf"(?:[ \t]+[{_CAPITAL}]\.)*(?:[ \t]+[{_CAPITAL}](?=\.))?"
    # the apposition: one word in lower case ('minister') or an office or a group in capitals with its particles,
    # and after it only the word a group or an office takes ('Liberal Democratic Party faction', 'Foreign minister'):
    # any other word in lower case is prose's ('Sergei Lavrov, John Kerry and Ban Ki-moon met. The ...')
    rf"(?:,[ \t]+(?:[a-z]+|{_NAME_WORD_ATOMIC}(?:[ \t]+(?:{_JOIN}|on|in|to|at|with|{_NAME_WORD_ATOMIC})){{0,12}}"
    rf"(?:[ \t]+{_GROUP_OR_OFFICE})?))?)"
    rf"(?P<note>(?:[ \t]*[(\[][^()\[\]\n]{{1,80}}[)\]]){{0,3}})\.[ \t]+(?=[{_CAPITAL}\"\u201c\u2018(\[])")
# the house's voices, in a role's small letters ('some hon. members', 'an hon. member')
_VOICES = re.compile(r"(?:some|several|many|an?) (?:(?:hon\.?|honourable|honorable) )?(?:members?|senators?)")


class _Askers(frozenset):
    """The questioners' roles, and any role ending in a reporter's word after the outlet's name ('CCTV reporter',
    'Example Daily correspondent')."""

    def __contains__(self, role: object) -> bool:
        return frozenset.__contains__(self, role) or (isinstance(role, str) and len(role.split()) <= 5 and role.rsplit(
            " ", 1)[-1] in ("reporter", "correspondent", "journalist")) or (isinstance(role, str) and bool(
                _VOICES.fullmatch(role)))


_QUESTIONERS = _Askers({"q", "question", "questions", "journalist", "reporter", "correspondent", "audience member",
                "participant", "moderator", "audience", "press"} | {
    f"{what} from the {where}" for what in ("q", "question", "questions", "comment", "comments", "voice", "voices",
                                            "intervention", "interventions") for where in ("floor", "audience", "hall")})
# a host's or a chair's role, whose note may name the person ('Presenter (Diana Ser):', 'The PRESIDING OFFICER (Mr.
# Sullivan).')
_HOSTS = {"presenter", "host", "anchor", "interviewer", "moderator", "chair", "chairman", "chairperson", "chairwoman",
          "the chair", "the chairman", "the chairperson", "the chairwoman", "presiding officer", "the presiding officer", "the speaker", "speaker"}
# the verbs an introduction names a host's or a chair's holder with ('moderated by Jane Roe', 'presented by ...'):
# any host's verb for a label by any host's role, a chair's for a chair's
_HOST_VERBS = r"(?:hosted|moderated|presented|anchored)"
_ROLE_VERBS = {"host": _HOST_VERBS, "presenter": _HOST_VERBS, "moderator": _HOST_VERBS, "anchor": _HOST_VERBS,
               "chair": r"chaired", "chairman": r"chaired", "chairperson": r"chaired", "chairwoman": r"chaired"}
# the one-word roles of a host or a chair a text may give next to the holder's name, before the first label ('host Jane
# Roe discusses ...', 'Members present: Jane Roe (Chair); ...'): a label by the role alone is that person
_NAMED_ROLES = frozenset(r for r in _HOSTS if " " not in r and r != "speaker")
# a full name's run of capitalised words (a particle may join them) where a role stands next to it
_NAME_RUN = rf"[A-Z][\w'\u2019-]+(?:[ \t]+(?:{_PARTICLES}[ \t]+)?[A-Z][\w'\u2019-]+){{1,3}}"
# a committee's numbered question before the label ('Q1 Chair:'): the paragraph's number, no part of the role
_QUESTION_NUMBER = re.compile(r"^[Qq]\d+[ \t]+")
# a broadcast's or a panel's other roles a label opens with, the person named in its note or after it ('GUEST (Jane
# Roe, historian):', 'PANELLIST (...)', 'Reporter Jane Roe (Example TV):'): no part of the name
_GUESTS = {"guest", "caller", "panellist", "panelist", "interviewee", "commentator", "reporter", "presenter"}
_HOSTS_OR_GUESTS = frozenset(_HOSTS | _GUESTS)
# a label alone on its line, the words under it ('SECRETARY KERRY' over 'Thank you.', 'Fred Hof (ex-State
# Department)' over his answer): a name of two capitalised words or more, or of an honorific and a name, or a
# questioner's role in any case ('Audience member', 'QUESTION'), its notes in brackets, nothing else on the line;
# read only where speakers take turns (_line_labels)
# the time of a turn a record prints on the label's line, before or after the label ('Mr Speaker 11:05 a.m.', '2:31 PM
# Jane Roe', '11.05 am'): a clock's time, its half of the day after it or not
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[ \t]*(?:[AaPp]\.?[ \t]?[Mm]\.?(?![\w.])|[AaPp][Mm]\b))?"
_LINE_LABEL = re.compile(
    r"(?:^|(?<=\n\n))" + _BEFORE + rf"(?:{_CLOCK}(?:[ \t]+|[ \t]*\n[ \t]*)(?=[{_CAPITAL}]))?"
    + rf"(?P<who>{_NAME_WORD_ATOMIC}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_NAME_WORD_ATOMIC}){{1,5}}"
    + "|(?i:" + "|".join(map(re.escape, sorted(_QUESTIONERS - {"q"}, key=len, reverse=True))) + "))"
    r"(?P<note>(?:[ \t]*[(\[][^()\[\]\n]{1,80}[)\]]){0,3})[ \t]*" + rf"(?:{_CLOCK}[ \t]*)?"
    # a parliament-monitoring site's permalink line under the label ('Link to this: Individually | In context | ...')
    r"(?:\n[ \t]*Link to this\b[^\n]*)?\n\n?[ \t]*(?=[^\s])")
# a synopsis of debates labels each turn with the member in capitals, what he did, and 'said:' ('SHRI JANE ROE
# (CONSTITUENCY) initiating the discussion said: ...', 'THE MINISTER OF X (SHRI JANE ROE) replying, said: ...'):
# read only where two paragraphs or more open so (_said_labels)
_SAID_LABEL = re.compile(
    r"(?:^|(?<=\n\n))(?P<who>[A-Z][A-Z.'\u2019-]*(?:[ \t]+[A-Z][A-Z.'\u2019-]*){1,13})"
    r"(?P<note>(?:[ \t]*\([^()\n]{1,120}\)){0,2})"
    r"(?:,?[ \t]+[a-z][^\n:\"\u201c]{0,120}?)?,?[ \t]+said[ \t]*:" + _WORDS_AFTER)

_SAID_THEN_COLON = re.compile(r"said[ \t]*:")


def _said_labels(norm: str) -> list[re.Match[str]]:
    """The synopsis labels of a record that labels its turns so: two or more."""
    if not _SAID_THEN_COLON.search(norm):  # no 'said:' anywhere (most news says 'said' without a colon)
        return []
    found = [m for at in _paragraph_opens(norm) if (m := _SAID_LABEL.match(norm, at))]
    return found if len(found) >= 2 else []


# a parliamentary assembly's member: a style, given names, the surname in capitals ('Ms Hanne LUNDGREN', 'Sir Alan
# HOLLOWAY', 'Mr Jean-Pierre DUBOIS')
_ASSEMBLY_NAME = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mme|M|Sir|Dame|Lord|Lady|Baroness|Dr)\.?[ \t]+"
                            r"(?P<given>(?:[A-Z\u00c0-\u00de][a-z\u00df-\u024f'-]+[ \t]+){1,3})"
                            r"(?P<surname>(?:[A-Z\u00c0-\u00de'-]+[ \t]+)*[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'-]+)")
# a name's word in small letters after its capital ('Aoife', 'Ní', "O'Brien", 'Min-jae'), and a particle between them
_MIXED_WORD = re.compile(r"(?:[a-z]{1,3}[-'\u2019])?[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+(?:[-'\u2019][A-Za-z\u00c0-\u024f][a-z\u00df-\u024f]*)*")
_JOIN_WORD = re.compile(_JOIN)
_BRACKETED_STYLE = re.compile(r"\([A-Za-z]{1,6}\.?\)")
# a chair calling the next speaker by full name ('I call Mr Peter Quinlan', 'I now give the floor to Ms Ana Ruiz',
# 'I invite Dr Omar Said to speak')
_CALLED = re.compile(r"\b(?:[Cc]all(?:s|ed)?(?:[ \t]+(?:up)?on)?|[Ii]nvite[sd]?|the floor to|[Rr]ecogni[sz]e[sd]?)[ \t]+"
                     r"(?:Mr|Mrs|Ms|Miss|Mme|Sir|Dame|Lord|Lady|Baroness|Dr|Senator|Deputy|Hon|the Hon)\.?[ \t]+"
                     r"(?P<given>(?:[A-Z][\w'\u2019-]+[ \t]+){1,3}?)(?P<surname>[A-Z][\w'\u2019-]+)\b")
# a name of one to three words before a surname, joined to it by a space or a hyphen ('TERESITA QUINTOS DELES',
# 'Miriam Coronel-Ferrer'), the surname in any case (a label writes it in capitals)
_FULL_NAME_OF = r"(?<![\w.])(?:[A-Z][\w.'\u2019]*[ \t]+)(?:[A-Z][\w.'\u2019-]*[ \t]+){{0,2}}(?:[A-Z][\w'\u2019]*-)?(?i:{})\b"
_MAC = re.compile(r"\bMa?c(?=[A-Z])")
_INITIAL = re.compile(r"(?:[A-Z]\.)+")
# an attendance list's name, the surnames first and the given names after a comma, up to the item's end ('Letelier
# Morel, Juan Pablo;', '--Allende Bussi, Isabel'), the first surname in any case
_LISTED_NAME_OF = (r"(?:^|(?<=[;\n:])|(?<=--))[ \t]*(?P<surnames>(?i:{})(?:[ \t]+[A-Z][\w'\u2019-]+)?),[ \t]+"
                   r"(?P<given>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){{0,2}})(?=[ \t]*(?:[;.\n]|$))")
# words a full stop ends that are no name: honorifics and abbreviations ('Mr. Lavrov', 'Gen. Smith', 'Jr.')
_ABBREVIATED = {"mr", "mrs", "ms", "mme", "mlle", "m", "dr", "sen", "rep", "gen", "hon", "prof", "st", "jr", "sr",
                "col", "lt", "capt", "adm", "gov", "no", "vol", "inc", "co", "corp", "ltd", "rt", "sgt", "maj", "amb"}
# a wire round-up's dateline ('DAMASCUS, Feb. 27 (Agency) --', 'ADEN, 27 February -') has a label's shape: its
# note opens with a date
_DATELINE_NOTE = re.compile(rf",[ \t]*(?:\d{{1,2}}[ \t]+)?{MONTH_WORD}[ \t]*\d|,[ \t]*\d{{1,2}}[ \t]+{MONTH_WORD}")
# an official's label by office alone, as a noon briefing prints it ("Spokesman:", "Deputy Spokesperson:")
_ROLE_LABELS = {"spokesman", "spokeswoman", "spokesperson", "deputy spokesman", "deputy spokeswoman",
                "deputy spokesperson", "associate spokesperson", "spokesman for the secretary-general"}
# who a meeting record labels: a delegate by honorific and name, or the chair by office
_CHAIR_HEADER = re.compile(r"(?m)^(?:President|Chair|Chairperson|Chairman):[ \t]+(?P<who>(?:Mr|Ms|Mrs|Dr|Sir|H\.E\.)"
                           r"[^\n]{2,80})$")
_CHAIRS = {"president", "chair", "chairman", "chairperson", "chairwoman", "speaker", "the chairman", "the chair"}
_CHAIR = re.compile(r"The (?:President|Chair|Chairman|Chairperson|Acting President)")
# a presiding officer's label in any case, with a record's asterisk ('The PRESIDENT*', 'Mr Speaker', 'Madam Deputy
# Speaker', 'The SPEAKER pro tempore', 'An Ceann Comhairle', 'The Presiding Officer')
_CHAIR_LABEL = re.compile(r"(?i)(?:(?:the|mr\.?|madam|madame|mme|an|hon\.?)[ \t]+)?(?:(?:deputy|acting|vice|temporary)[ \t-]+)?"
                          r"(?:president|speaker|chair|chairman|chairperson|chairwoman|presiding[ \t]+officer|llywydd|"
                          r"ceann[ \t]+comhairle|cathaoirleach|(?:tuan[ \t]+|timbalan[ \t]+)*yang[ \t]+di-pertua)"
                          r"(?:[ \t]+pro[ \t]+tempore)?\*?")
# a record's stage line seating its chair: '(Ms X, President of the Assembly, took the Chair at 10 a.m.)', '[The
# Speaker (Hon. X) in the Chair]', 'Mr SPEAKER took the Chair at 2 p.m.', '(Mr Speaker in the Chair)' (nobody named)
_CHAIR_TAKEN = re.compile(r"\b(?:took|takes|resumed|resumes|in|assumed|assumes)[ \t]+the[ \t]+[Cc]hair\b")
# a record's header naming who presides ('PRESIDENCY OF MR JANE ROE, PRESIDENT', 'Presided over by the honourable
# Senator X.', 'Chaired by Ms X'), a line of its own
_PRESIDED_BY = re.compile(r"^(?:(?i:presidency[ \t]+of|presided[ \t]+over[ \t]+by|presided[ \t]+by|chaired[ \t]+by)"
                          r"|(?:In[ \t]+the[ \t]+[Cc]hair|Presiding|PRESIDING):)[ \t]+(?P<who>[^\n]{3,160})$", re.M)
# a hearing's attendance line marking who presides ('Present: Senators Cordell [presiding], Cardin, Rubio.')
_PRESIDING_MARK = re.compile(r"(?P<surname>[A-Z][\w'\u2019-]+)[ \t]*[\[(]presiding[\])]")
# the words before 'took the Chair' on a stage line of its own: capitalised words, a style's, an office set off by
# commas, a name in brackets ('The SPEAKER (Hon. X)', 'Ms X, Vice-President of the Assembly,'); no sentence
_STAGE_HEAD = re.compile(r"(?:[A-Z][\w'\u2019*-]*|of|the|for|de|and)(?:[ \t]+(?:[A-Z][\w'\u2019*-]*|of|the|for|de|and)"
                         r"|[ \t]*\([^()\n]*\)|,[^,.;:!?\n]*,)*")
_STYLE_STOP = re.compile(r"(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z])\.|(?<=\bHon)\.|(?<=\bMrs)\.")
# between the seated person's name and 'took the Chair': nothing, an office set off by commas or in brackets
# ('Senator Jane Roe (Deputy Chair) in the chair'), a bracket's end, the comma closing a name set off ('(The Speaker,
# Ms X, in the Chair.)')
# (an office and the holder's name in brackets after it: '... with Mr. Chairman (Mian X) in the Chair')
_WITH_NAME = re.compile(r"\bwith[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.\u2019'-]*[ \t]+)*(?:\([ \t]*(?:[A-Z][\w.\u2019'-]*[ \t]+)*)?$")
# '... met at 13:30 with the Presiding Officer (Jane Roe) in the Chair': an office and the holder's name in brackets
# after 'with', the name one nobody lists (a devolved assembly's record seats its chair so)
_WITH_BRACKETED = re.compile(r"\bwith[ \t]+(?:the[ \t]+)?(?P<office>[A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*){0,5}"
                             r"[ \t]*\([^()\n]{3,80}\))[ \t]*$")
_SEATED_GAP = re.compile(r"[ \t]*(?:\([^()\n]*\)[ \t]*|\)[ \t]*)?(?:,[^,.;:!?\n]*)?,?[ \t]*")
# a peer's label: a peerage style, the title's name, 'of' and a place ('Lord Collins of Highbury', 'Baroness Smith of
# Basildon', 'The Earl of Courtown' names no surname at all)
_PEER = re.compile(r"(?:The[ \t]+)?(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Duke)"
                   r"(?P<name>(?:[ \t]+[A-Z][\w'\u2019-]*)*)[ \t]+of[ \t]+[A-Z]")
# (a member's 'Hon.', a style in brackets after it: 'Hon. (Ms.) Jane Roe')
_RECORD_NAME = re.compile(rf"(?:Mr|Ms|Mrs|Dr|Sir|Dame|Lord|Hon|H\.\s?E\.)\.?\s+(?:\([A-Za-z]{{1,6}}\.?\)\s+)?[A-Z]"
                          rf"|{_CHAIR.pattern}$")
_LANGUAGE_NOTE = re.compile(r"\b(?:spoke|speaking|spoken|interpret\w*|translat\w*|retranslated)\b", re.I)
_HONORIFICS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "secretary", "minister", "foreign", "president",
               "ambassador", "special", "envoy", "general", "gen.", "spokesperson", "spokesman", "spokeswoman",
               "deputy", "prime", "chancellor", "admiral", "senator", "under", "assistant", "undersecretary"}
# the narrative again: someone reported in the third person, and nobody speaking as I or we
_REPORTING = re.compile(r"\"|\b(?:said|says|told (?:reporters|journalists)|according to|[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
_SPOKEN = re.compile(r"\b(?:I|I'm|we|We|our|Our|my|My|us|you|You)\b")
_QUOTED = re.compile(r'"[^"\n]*"?')
_ADDRESS = re.compile(r"(?:Thank you|Good (?:morning|afternoon|evening)|Ladies and gentlemen|Excellenc(?:y|ies)|"
                      r"(?:My )?[Dd]ear (?:[Bb]rothers and [Ss]isters|[Cc]olleagues|[Ff]riends|[Cc]ompatriots|[Cc]itizens)|"
                      r"(?:Mr|Madam|Madame) (?:President|Chair|Chairman|Chairperson|Speaker|Secretary-General))\b")
_SPOKESPERSON = re.compile(r"\b[Ss]pokes(?:man|woman|person)\b")
_NARRATIVE = re.compile(r"\"|\b(?:said|says|told|according to)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
# the outlet speaking of itself in its narrative ('Reached by our correspondent, ...', 'told our reporter')
# the outlet's own people ('our correspondent', 'our reporters'), not a body a speaker calls his own ('Our agency said
# in January ...': an agency's, a station's head in his answer)
_OUTLETS_OWN = re.compile(r"\b[Oo]ur (?:own )?(?:correspondent|reporter)s?\b")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
# a stage direction or the record's note, in brackets: '(Laughter.)', '[inaudible]', '(The briefing ended at 1:35.)'
# (an ellipsis may open it: a Lok Sabha record's '…(Interruptions)' on its own line)
_STAGE = re.compile(r"(?:\u2026|\.\.\.)?[ \t]*[(\[][^\n]*[)\]]"
                    # a meeting record's own lines: 'The meeting rose at 5.05 p.m.', 'A vote was taken by show of hands.'
                    r"|(?:The meeting (?:was called to order|rose|was suspended|was resumed|resumed|was adjourned|ended|"
                    r"closed)|An? (?:recorded )?vote was taken|The (?:President|Chair) (?:resumed|took) the [Cc]hair)\b[^\n]*"
                    # a parliament's: 'Opposition senators interjecting—', 'Proceedings suspended from 12:45 to 14:00'
                    # (a member's name and the word alone: 'The member for X will cease interjecting.' is the
                    # chair's order)
                    r"|[A-Z](?:(?!\b(?:will|must|shall|should|would|cease|ceases|stop|stops|keep|please|is|are)\b)"
                    r"[^\n.!?]){0,60}\binterjecting\b[ \t]*[-\u2013\u2014.:]*"
                    # a legislature's record of its own business: 'The Clerk read the title of the bill.', 'The question
                    # was taken; ...', 'A motion to reconsider was laid on the table.', 'There was no objection.'
                    r"|(?:The Clerk (?:read|will (?:read|report|designate))|The question was (?:taken|put)|"
                    r"A motion to reconsider was laid on the table|There was no objection|Question put(?: and agreed to)?)"
                    r"\b[^\n]*"
                    # a secretariat's, naming the record it reads ('The Secretariat reports the result of the vote: ...',
                    # 'The Secretary reads the order of the day.'); a briefing's 'The Secretary-General announces
                    # today that he will travel ...' is the spokesman's news
                    r"|The Secretar(?:y|iat) (?:reports|reads|announces|records|calls) (?:the (?:result|results|roll|"
                    r"order|minutes|text|list|names|votes?|agenda)\b[^\n]*|[^\n:]{0,80}:[^\n]*)"
                    r"|(?:Proceedings|Sitting|Sittings|Debate|Business) (?:suspended|interrupted|adjourned)\b[^\n]*"
                    # a speech page's note on its text: 'Check against delivery!', 'Only the spoken word counts.'
                    r"|(?:[Cc]heck against delivery|[Aa]s delivered|[Oo]nly the spoken word (?:counts|is authoritative)|"
                    r"(?:[Uu]nofficial|[Pp]rovisional|[Ii]nformal) translation|[Ee]mbargoed\b[^\n]{0,80})[ \t]*[.!]?")
# the record's own business in the passive after a turn, a paragraph of its own ('The debate is closed. The votes ...
# will be held on Tuesday.', 'The sitting was suspended at 12.40.'): in the chair's turn his words, after anyone
# else's nobody's
_RECORD_BUSINESS = re.compile(r"(?:The|This)[ \t]+(?:debate|deliberation|discussion|sitting|meeting|session|item|incident|"
                              r"consideration)[ \t]+(?:is|was|stands|has[ \t]+been)[ \t]+(?:now[ \t]+)?(?:closed|"
                              r"suspended|adjourned|concluded|interrupted)\b")
# a legislature's resolution opening a paragraph after the question was put ('Resolved:', 'RESOLVED, That ...')
# (not a speaker's own 'It was resolved that ...', which goes on with his turn)
_RESOLVED = re.compile(r"(?:Resolved|RESOLVED)[ \t]*[:,](?:[ \t]+[Tt]hat\b[^\n]*)?$")
# a note on a person after the last turn: his name, then what he is ('Jane Roe is a researcher at ...')
_IS_WHAT = re.compile(r"[ \t]+(?:is|was|has been|serves as)[ \t]+(?:a|an|the|[a-z]+ly)\b")
# a stage direction closing a turn's paragraph, after the words' last sentence
# (an ellipsis may open it: '... leave. …(Interruptions)')
_TRAILING_STAGE = re.compile(r"(?<=[.!?\"\u201d])[ \t]+(?:\u2026|\.\.\.)?[(\[][A-Z][^()\[\]\n]*[)\]]$")
# a label's note that defines the short label used after it ('Staffan de Mistura (SdM):', then 'SdM:')
_ABBREVIATION = re.compile(r"[ \t]*\((?P<abbr>[A-Z][A-Za-z.]{1,7})\)[ \t]*")
# a note before the words of a turn ('(Via interpreter)', '(in English)', '(retranslated)', '[laughs]')
# the words of an office a label may name alone ('Minister of Foreign Affairs', 'The Under-Secretary-General')
_OFFICE_WORDS = _HONORIFICS - {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "foreign", "special", "deputy", "under",
                               "assistant", "prime", "general"} | {
    "secretary", "representative", "commissioner", "governor", "director", "adviser", "advisor", "coordinator",
    "rapporteur", "envoy", "chief", "head", "leader", "minister", "ambassador"}
_SENTENCE_END = re.compile(r"[a-z]{3}[.!?][\"')\u201d]?\s|[!?:\n]")
# between a name and the office after it, in apposition: a comma, a note in brackets, 'the'
_APPOSED = re.compile(r"[\s,]*(?:\([^()\n]*\)[\s,]*)?(?:[Tt]he\s+)?")
# a presiding officer's label in a parliament's record: 'The' and the office in capitals ('The PRESIDENT:', 'The
# SPEAKER:', 'The DEPUTY PRESIDENT:'), or an address's style and the office in any case ('Mr President.', 'Madam
# Speaker:'); the head of state a press conference labels 'THE PRESIDENT' is written all in capitals
_PRESIDING = re.compile(r"(?:The[ \t]+(?:(?:DEPUTY|ACTING|VICE)[ \t-]+)?(?:PRESIDENT|SPEAKER|CHAIR|CHAIRMAN|CHAIRPERSON|"
                        r"CHAIRWOMAN|PRESIDING[ \t]+OFFICER)|(?:Mr|Madam|Madame|Mme|Mister)\.?[ \t]+(?i:(?:deputy|acting|vice)"
                        r"[ \t-]+)?(?i:president|speaker|chair|chairman|chairperson|chairwoman))(?:[ \t]+pro[ \t]+tempore)?\*?")
# the words one of _seated's patterns needs ('the Chair', 'presiding', 'Presided over by', 'PRESIDENCY OF'): a text
# with none skips its scans
_SEATING_WORDS = ("hair", "residing", "resided", "RESIDED", "RESIDING", "residency of", "RESIDENCY OF")
_LEAD_NOTE = re.compile(r"[(\[][^()\[\]\n]{2,40}[)\]][ \t]*")


# what a label in capitals holds besides a name: a rank's or a degree's abbreviation in brackets ('(DR.)'), and what a
# comma puts after the name ('V.K. SINGH, RETD.')
_NOT_NAME = re.compile(r"\([A-Za-z]{1,6}\.?\)|,[^\n]*")
# a name's word in capitals, initials counting ('V.K.', "O'BRIEN", 'AL-HUSSEIN')
# (a Scottish or Irish surname keeps its small letters in capitals: 'McCALLISTER', 'MacDONALD')
_CAPS_WORD = re.compile(r"(?:Ma?c)?[A-Z\u00c0-\u00d6\u00d8-\u00de][A-Z\u00c0-\u00d6\u00d8-\u00de'.\u2019-]*")
# the styles and ranks a label in capitals puts before a name, abbreviated or not
_STYLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "hon", "rt", "shri", "smt", "shrimati",
           "kumari", "sen", "rep", "gen", "sec", "secy", "lt", "col", "maj", "capt", "brig", "adm", "retd", "h.e", "he",
           "u", "daw", "saw", "sr", "sra", "srta", "m", "mme", "dato", "datuk", "tan", "sri", "the"}


def _title(word: str) -> str:
    """A name's word in capitals as a name is written ('ROE' -> 'Roe', 'McCALLISTER' -> 'McCallister')."""
    mac = _MAC.match(word)
    return word.title() if not mac else mac.group() + word[mac.end()] + word[mac.end() + 1:].lower()


def _role(who: str) -> str:
    """A label's role without the number an interview gives each question ('Question 1' -> 'question')."""
    return re.sub(r"\s+\d+$", "", " ".join(who.split())).rstrip(".").lower()


def asks(label: str) -> bool:
    """Whether a label as written ('QUESTION:', 'Q -', 'Journalist (spoke in French):') is a questioner's."""
    return _role(re.split(r"[:(\[,\u2013\u2014-]", label, maxsplit=1)[0]) in _QUESTIONERS


def _qa(m: re.Match[str]) -> str | None:
    """'Q' or 'A' for an interview's bare labels in any form ('Q -', 'A.', 'A:'), else None."""
    d = m.groupdict()
    return d.get("qa") or (d["who"].strip() if d.get("who") and d["who"].strip() in ("Q", "A") else None)


def _asking(m: re.Match[str]) -> bool:
    """Whether a label found is a questioner's ('Q:', 'Q -', 'QUESTION:', 'Journalist:')."""
    d = m.groupdict()
    return bool(d.get("q")) or d.get("qa") == "Q" or (bool(d.get("who")) and _role(d["who"]) in _QUESTIONERS)


def _name_label(norm: str, m: re.Match[str], names: list[str]) -> bool:
    """A label naming someone by a name of two words or more, or a name and a note ('Hilary Benn (Leeds Central)
    (Lab):', 'Crispin Blunt:'): a speaker in a document other labels make a transcript, nobody known. One word, or
    a numbered participant ('Sandeep :', 'Speaker 1:'), is one when it comes back or takes a turn: asks a question or
    speaks as I, we or you ('Note: The briefing was held in Hindi.' does neither)."""
    who = m.group("who")
    if not who or "\n" in who:
        return False
    words = who.split()
    if _role(who) != " ".join(words).lower():  # a number after the word
        return len(words) == 2 and _turn_taken(norm, m)
    if 2 <= len(words) <= 6 or (len(words) == 1 and bool(m.group("note"))):
        return True
    return len(words) == 1 and (names.count(who) > 1 or _turn_taken(norm, m))


def _place_or_body(doc: IngestDoc, m: re.Match[str]) -> bool:
    """A label's words naming a state or a body ('Syria: we remain concerned ...' opens a topic in an answer)."""
    return any(x.actor and x.kind != "person" for x in doc.mentions_in(m.start("who"), m.end("who")))


def _turn_taken(norm: str, m: re.Match[str]) -> bool:
    """Whether the words after a label ask a question or speak as I, we or you."""
    words = _PARAGRAPH.match(norm, m.end())
    return bool(words) and ("?" in words.group() or bool(_SPOKEN.search(words.group())))


def _heading(norm: str, m: re.Match[str]) -> bool:
    """A heading with a colon ('Official Report: Monday 4 April 2016', 'Budget Bill: Second Stage'): the words after
    it on its line are no sentence (nor a stage direction, as a questioner's '(Off-mike.)' is)."""
    words = _PARAGRAPH.match(norm, m.end())
    if not words or "\n" in norm[m.start():m.end()]:
        return False
    words = words.group().strip()
    return _no_speech(words) and not _STAGE.fullmatch(words)


def _no_speech(words: str) -> bool:
    """A paragraph nobody says: a stage direction, a line of marks ('# # #'), or a few words with no
    sentence's end ('Q&A follows', 'END', 'Further information')."""
    if not words or _STAGE.fullmatch(words):
        return True
    if not any(c.isalpha() for c in words):
        return True
    # a heading in capitals, however long ('MINISTERIAL STATEMENT ON THE SITUATION IN ...'), the time of the item
    # after it or not ('PRAYERS 10:40 a.m.')
    if _RIGHTS.match(words) or (_RIGHTS_WORD.match(words) and "rights reserved" in words.lower()):
        # a page's copyright line ('Copyright \u00a9 2016. All rights reserved.', 'ALL RIGHTS RESERVED (c) ...',
        # 'Copyright 2016 Example Radio'), not a turn's words that open with the word ('Copyright holders will ...')
        return True
    if _RECORD_CLOCK.fullmatch(words):
        return True  # a record's time line after the chair's 'The session is suspended.' ('It was 5:02 p.m.')
    clock = _HEADING_CLOCK.search(words)
    if clock and clock.start() and words[:clock.start()].isupper():
        return True
    return (len(words.split()) <= 5 or words.isupper()) and words[-1] not in ".!?\"')\u2026;:,-"


_HEADING_CLOCK = re.compile(rf"[ \t]+{_CLOCK}$")
_RIGHTS_WORD = re.compile(r"Copyright\b|COPYRIGHT\b|\u00a9")
# the word or the sign, then the sign, '(c)' or a year; or the reservation itself
_RIGHTS = re.compile(r"(?:All rights reserved|ALL RIGHTS RESERVED)\b"
                     r"|(?:Copyright|COPYRIGHT|\u00a9)[ \t]*(?:\u00a9|\([cC]\)|(?:1[89]|2\d)\d\d\b)")
_RECORD_CLOCK = re.compile(rf"(?:It[ \t]+was[ \t]+)?{_CLOCK}\.?")

# a paragraph that is only an attribution ending in a colon, the statement following in paragraphs of its own
# without quotation marks, as government press releases print it ("Foreign Secretary Philip Hammond said:")
_SAID_COLON = re.compile(r"(?:^|(?<=\n\n))(?P<who>[^\n\"]{3,160}?)\s+(?P<cue>said|says|added|stated|declared|commented|writes|wrote)"
                         r"(?P<rest>[^\n\":]{0,60}):[ \t]*(?=\n\n[^\s\"])")

# a ministry's release: '... issued the following statement in Munich early on 12 February ...:' (or 'The following
# statement was issued by ...:'), the statement in unquoted paragraphs after it
_ISSUED_COLON = re.compile(r"(?:^|(?<=\n\n))(?P<who>[^\n\"]{3,160}?)\s+(?:has |had |have )?(?:issued|released|made|"
                           r"delivered|gave|published)\s+(?:the following|this|a|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|"
                           r"declaration|remarks|message)\b[^\n\":]{0,140}:[ \t]*(?=\n\n[^\s\"])"
                           r"|(?:^|(?<=\n\n))[^\n\"]{0,60}?\b[Tt]he following (?:[\w-]+\s+){0,2}?(?:statement|declaration|"
                           r"remarks|message) (?:was|has been) (?:issued|released|made|delivered|published)\b[^\n\":]{0,60}?"
                           r"\bby (?P<by>[^\n\":]{3,140}?):[ \t]*(?=\n\n[^\s\"])"
                           # 'The following is the text of the statement by X, as issued by his office:', or of 'the
                           # statement, No. 52 of 27 February:' that the sentence before says who issued
                           r"|(?:^|(?<=\n\n)|(?<=[.!?] ))(?:[Tt]he )?[Ff]ollowing is (?:the |an? )?(?:[\w-]+ )?(?:text|"
                           r"translation|transcript) of (?:the|a|his|her|its|their) (?:[\w-]+\s+){0,2}?(?:statement|"
                           r"declaration|remarks|message|address|communiqu[e\u00e9])(?:\s+(?:issued |made |delivered )?by "
                           r"(?P<text_by>[^\n\":,]{3,140}))?[^\n\":]{0,140}:[ \t]*(?=\n\n[^\s\"])")
# a minutes' formula line giving a speaker the floor, alone in its paragraph before his words, as gazettes and
# diarios de sesiones print it in translation ('The Presidency gives the floor to the honourable Senator X:', 'With
# the leave of the Presidency, the honourable Senator Y interrupts:', 'Intervention by the Minister of the
# Interior, Z:'): the paragraphs up to the next such line are his
_FLOOR_LINE = re.compile(
    r"(?:[^\n\":]{0,120}?\b(?:gives|grants|yields|passes|hands|concedes|offers|gave|granted)[ \t]+the[ \t]+floor[ \t]+"
    r"(?:back[ \t]+)?to[ \t]+(?P<who>[^\n\":]{3,160}?)"
    r"|(?:[Tt]he[ \t]+floor[ \t]+is[ \t]+given[ \t]+to|[Ii]ntervention[ \t]+(?:of|by)|[Tt]he[ \t]+floor[ \t]+goes[ \t]+to)"
    r"[ \t]+(?P<of>[^\n\":]{3,160}?)"
    r"|(?P<by>[^\n\":]{3,200}?)[ \t]+(?:interrupts|intervenes|takes[ \t]+the[ \t]+floor|has[ \t]+the[ \t]+floor|replies|"
    r"responds|answers|speaks|continues|resumes))"
    r"[ \t]*:[ \t]*(?=\n\n[^\s\"])")


def _floor_lines(norm: str) -> list[re.Match[str]]:
    """The minutes' formula lines of a record: a line whose verb names the floor ('gives the floor to X:', 'The floor
    is given to', 'Intervention by', 'X takes the floor:') makes the document one, and only then is 'X interrupts:',
    'X replies:' or 'X continues:' a turn's label (in news 'Asked about the vote, X replies:' or 'The letter
    continues:' opens the reporter's paragraphs, not a turn)."""
    if "floor" not in norm and "ntervention" not in norm:
        return []  # no record without one such line: the scan skips texts with neither word
    found = list(finditer_at(_FLOOR_LINE, norm, _paragraph_opens(norm)))
    if not any(m.group("who") or m.group("of") or "floor" in norm[m.end("by"):m.end()] for m in found):
        return []
    return found


# where _ISSUED_COLON can open: after a paragraph break ('\n' before another) or a sentence's end and a space (a
# scan that skips to those characters; the pattern's own finditer, all look-behinds first, tried every character)
_BREAK_OR_STOP = re.compile(r"\n(?=\n)|[.!?](?= )")


def _paragraph_or_sentence_opens(norm: str) -> list[int]:
    """The text's start and the places after each paragraph break or sentence end and space, ascending."""
    return [0, *(m.start() + 2 for m in _BREAK_OR_STOP.finditer(norm))]


# the sentence before such a text saying who issued it ('Earlier, the Foreign Ministry issued a written statement ...')
_ISSUED_BEFORE = re.compile(r"(?P<who>[^\n\".]{3,120}?)\s+(?:has |had |have )?(?:issued|released|published|put out)\s+"
                            r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|declaration|communiqu[e\u00e9])\b")
# an office of a state named without the state ('the Foreign Ministry', 'the ministry', 'the Presidency')
_STATE_OFFICE = re.compile(r"(?:[\w,]+\s+)*?[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:[Mm]inistry|[Oo]ffice|[Pp]residency|"
                           r"[Gg]overnment|[Cc]abinet)(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)?")
# a writer's name ending the words before 'writes:' (two capitalised words or more)
_WRITER = re.compile(r"(?:[A-Z][\w'\u00c0-\u024f-]+\s+){1,3}[A-Z][\w'\u00c0-\u024f-]+$")
# the narrative again after a statement printed whole ('X wrote on Twitter that ...')
_WROTE = re.compile(r"\b(?:wrote|writes|tweeted|posted)\b")
# a report's own transition after the text it printed ('Separately, the Council ...', 'Meanwhile, ...')
_NEWS_AGAIN = re.compile(r"(?:Separately|Meanwhile|Elsewhere|Earlier|Later|In a separate [a-z]+|Also on [A-Z][a-z]+),\s")
_COLON_BREAK = re.compile(r":[ \t]*\n\n")
# a heading naming what the text under it is and who speaks in it ('Statement by the High Representative/Vice-President
# Federica Mogherini on ...', 'Transcript of press stakeout by the ... Special Envoy for Syria, Mr. Staffan de Mistura',
# 'Press conference' then 'by NATO Secretary General Jens Stoltenberg following ...')
_SPEECH_KIND = re.compile(r"\b(?:[Ss]tatement|[Rr]emarks|[Ss]peech|[Aa]ddress|[Pp]ress [Cc]onference|[Bb]riefing|"
                          r"[Ss]take-?out|[Tt]ranscript|[Mm]essage|[Ii]nterview|[Ii]ntervention|[Dd]oorstep|[Tt]estimony)\b")
# a section's heading inside a speech page, a few words before a colon ('Before the Angelus:', 'Opening remarks:')
_TEXT_KIND = re.compile(_SPEECH_KIND.pattern, re.I)
_SECTION = re.compile(r"(?![^\n:]*\b(?:said|says|added|stated|declared|told|wrote|writes|following)\b)[A-Z][^\n.!?:\"]{0,40}:")
_HEADING_BY = re.compile(r"(?:^|(?<=\s))(?:by|attributable[ \t]+to)[ \t]+(?P<by>[^\n]{3,200})", re.M)
# what ends the speaker's description in such a heading: what he spoke on, where, when
_BY_END = re.compile(r",?\s+(?:on|at|to|in|before|after|following|during|ahead of)\s+(?=[a-z\d]|"
                     rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{MONTH_WORD})\b)|,\s+(?=[a-z])")


def _separator(m: re.Match[str]) -> str:
    """What ends a label: a colon or a dash (a label without a name, 'Q.', has neither: '.')."""
    if not m.groupdict().get("who"):
        return "."
    # after the label's notes: a time in brackets ('Jane Roe (10:31) –') holds a colon that ends nothing
    end = m.end("note") if m.group("note") is not None else m.end("who")
    return ":" if ":" in m.group()[end - m.start():] else "-"


def state_named_most(doc: IngestDoc, before: int) -> str | None:
    """The state an office named without its state means ('the Foreign Ministry', 'the spokesman of the Ministry'):
    the state the article names most before it, as a wire report about one country's stand does; none when two
    states are named as often."""
    counts: dict[str, int] = {}
    for x in doc.mentions_in(0, before):
        if x.actor and x.kind == "state":
            counts[x.actor] = counts.get(x.actor, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    top = [a for a, n in counts.items() if n == best]
    return top[0] if len(top) == 1 else None


def _after_lead(norm: str, span: tuple[int, int]) -> tuple[int, int]:
    """The words of an issuer after an opening adverb and its comma ('Earlier, the Foreign Ministry')."""
    lead = norm.find(", ", span[0], min(span[1], span[0] + 14))
    return (lead + 2 if lead >= 0 and " " not in norm[span[0]:lead] else span[0]), span[1]


def _initials_of(words: str) -> str:
    """The capitals that open a name's or a title's words, past a particle ('Abdulmalik al-Mekhlafi' -> 'AM',
    'Secretary-General' -> 'SG')."""
    return "".join(re.findall(r"(?<![\w'\u2019])(?:[a-z]{1,3}-)?([A-Z])", words))


def _opens_words(norm: str, m: re.Match[str]) -> bool:
    """A label alone on its line is one when words follow it: 'TRANSCRIPT:' above '1:52 p.m. EST' is a heading."""
    label = m.group()
    if "\n" not in label[len(label.rstrip()):]:
        return True
    after = _PARAGRAPH.match(norm, m.end())
    return bool(after) and not _no_speech(after.group().strip())


def _colon_label_may_open(norm: str, at: int) -> bool:
    """Whether _LABEL may match at ``at``: its 'Q' and 'Q -' / 'A -' open there, or a colon stands before the third
    line break after it (the label's name, notes and colon cross two at most)."""
    if norm.startswith(("Q", "A"), at):
        return True
    end = at
    for _ in range(3):
        end = norm.find("\n", end) + 1
        if not end:
            return norm.find(":", at) >= 0
    return norm.find(":", at, end) >= 0


def _any_label_may_open(norm: str, at: int) -> bool:
    """Whether _ANY_LABEL may match at ``at``: its 'Q.' / 'A.' open there, or its first line holds what may end the
    label (a colon, a spaced hyphen, a dash, '.-': the name and notes cross no line break)."""
    if norm.startswith(("Q", "A"), at):
        return True
    end = norm.find("\n", at)
    end = len(norm) if end < 0 else end
    return any(norm.find(sep, at, end) >= 0 for sep in _ANY_LABEL_ENDS)


_ANY_LABEL_ENDS = (":", " -", "\t-", "\u2013", "\u2014", ".-")
# (each label pattern's match costs about 35,000 instructions at a paragraph of prose, which these checks skip)
_MAY_OPEN = {_LABEL: _colon_label_may_open, _ANY_LABEL: _any_label_may_open}


def _labels(norm: str, pattern: re.Pattern[str] = _LABEL) -> list[re.Match[str]]:
    """The label matches, tried only where a paragraph opens (what the pattern's anchors allow, at a small part of
    the cost of scanning the whole text) and the pattern's ending may stand (_MAY_OPEN), kept where words follow
    the label (_opens_words)."""
    out = []
    may_open = _MAY_OPEN.get(pattern)
    for at in _paragraph_opens(norm):
        if may_open is not None and not may_open(norm, at):
            continue
        m = pattern.match(norm, at)
        if m and _opens_words(norm, m):
            out.append(m)
    return out


#: the last document's paragraph openings (the label patterns are tried there in turn: found once, not per pattern)
_OPENS: list[tuple[str, tuple[int, ...]]] = [("", (0,))]


def _paragraph_opens(norm: str) -> tuple[int, ...]:
    """Where _labels tries a pattern: the text's start, and after each paragraph break every line break that follows
    it and the character after them ('\\n\\n\\n': the paragraph opens after the last break)."""
    held, opens = _OPENS[0]
    if held is norm:
        return opens
    found = []
    at = 0
    while at >= 0:
        found.append(at)
        nxt = norm.find("\n\n", at)
        at = nxt + 2 if nxt >= 0 else -1
        while 0 <= at < len(norm) and norm[at] == "\n":
            found.append(at)
            at += 1
    opens = tuple(found)
    _OPENS[0] = (norm, opens)
    return opens


def _stop_labels(norm: str, styles: frozenset[str]) -> list[re.Match[str]]:
    """The labels ending in a full stop, when the document is a record of that style: three paragraphs or more
    open with one, and a speaker comes back (the same name before any apposition), as speakers of a hearing or
    a debate do; a list of places or people, each once, is no exchange."""
    # a name of two words or more whose last is no abbreviation ('Yes.', 'Aleppo.' open sentences, not turns; an
    # initial may end one: a stenogram's 'Gatilov G. M.')
    # a questioner's role alone counts too (an answers page's 'Question.')
    found = [m for m in _labels(norm, _STOP_LABEL)
             if (len(who := m.group("who").split(",")[0].split()) > 1
                 and (len(who[-1].rstrip(".")) == 1 or who[-1].lower() not in _ABBREVIATED))
             or _role(m.group("who")) in _QUESTIONERS]
    found = [m for m in found if not m.group("style") or m.group("style").lower() in styles]
    # a stage line seating the chair opens with a name and an initial's stop too ('Senator A. Jane Roe (Chair) in
    # the chair.'): no turn
    found = [m for m in found if not _CHAIR_TAKEN.search(norm, m.start(), _PARAGRAPH.match(norm, m.start()).end())]
    if len(found) < 3:
        return []
    # a stenogram's last initial keeps its stop before an apposition ('Lavrov S. V., Minister ...') and gives it
    # to the label alone ('Lavrov S. V. As long ...'): the same name either way
    names = [" ".join(m.group("who").split(",")[0].split()).rstrip(".") for m in found]
    return found if len(set(names)) < len(names) else []


_TITLE_WORD = re.compile(r"\b[A-Z][a-z\u00df-\u024f'\u2019-]+")


def _first_name(name: str, styles: frozenset[str], not_name: frozenset[str]) -> str | None:
    """A label's first name after its style ('Nadia' of 'DR. NADIA KARIM'), if the label looks like a person's:
    none of its words a function word's, a place's, a body's or an office's ('The Siege', 'Northern Front',
    'Madaya Siege' are a page's subheadings)."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in styles]
    if not words or any(w.lower().rstrip(".") in not_name for w in words):
        return None
    return words[0].title()


def _line_labels(norm: str, styles: frozenset[str], not_name: frozenset[str]) -> list[re.Match[str]]:
    """Labels alone on their lines, when speakers take turns so: three or more, by two people or more, one of
    them coming back, and most of them speaking as I, we or you in the paragraph under them; a page's subheadings
    ('Humanitarian Access', again and again) head its report in the third person."""
    found = _labels(norm, _LINE_LABEL)
    names = [" ".join(m.group("who").split()) for m in found]
    if not (len(found) >= 3 and 2 <= len(set(names)) < len(names)):
        return []
    # or asking, or addressing another speaker by his first name ('Thanks, Nadia.', 'Omar, welcome.'): an interview's
    # turns report others in the third person as often as not; only labels that look like people's have one
    first = {n: _first_name(n, styles, not_name) for n in set(names)}
    firsts = {f for f in first.values() if f}
    spoken = 0
    for m, name in zip(found, names):
        words = _PARAGRAPH.match(norm, m.end()).group()
        others = firsts - {first[name]}
        spoken += bool(_SPOKEN.search(words) or words.rstrip().endswith("?") or not others.isdisjoint(
            _TITLE_WORD.findall(words)))
    return found if 2 * spoken >= len(found) else []


def _paragraph_spans(norm: str, start: int, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The paragraphs of ``norm`` from ``start`` (to ``end``), each without the blanks that end it."""
    for p in _PARAGRAPH.finditer(norm, start, len(norm) if end is None else end):
        qs, qe = p.span()
        while qe > qs and norm[qe - 1].isspace():
            qe -= 1
        yield qs, qe


def _speak(doc: IngestDoc, turns: list[tuple[int, int]], confidence: float, speaker: str | None,
           text: str | None, cue: str | None = None) -> None:
    """Each of ``turns`` the speaker's direct quote; the turns read, so that no later reader takes them again."""
    for qs, qe in turns:
        doc.add("quote", qs, qe, confidence, speaker=speaker, speaker_text=text, content=doc.article.text[qs:qe],
                direct=True, cue=cue)
    doc.turns = doc.turns + turns


def _drop_actors_in(doc: IngestDoc, spans: list[tuple[int, int]]) -> None:
    """Labels name speakers, no actors: the mentions and actor candidates in them dropped, the spans kept as the
    document's labels."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    starts = [s for s, _ in merged]

    def in_label(start: int) -> bool:  # a search among the spans, not a walk: a day's record has hundreds of labels
        i = bisect_right(starts, start) - 1
        return i >= 0 and start < merged[i][1]

    doc.labels = doc.labels + spans
    doc.mentions = [x for x in doc.mentions if not in_label(x.start)]
    doc.candidates = [c for c in doc.candidates if c.kind != "actor" or not in_label(c.start)]


@component("transcript")
class Transcript:
    def __init__(self, ctx: Context):
        self.lex = ctx.lexicon
        # a surname in capitals ('MR EARNEST') -> the people of that surname
        # words that make a run of capitals no person's name ('SENIOR STATE DEPARTMENT OFFICIAL', 'HON. MEMBERS'):
        # an office's or a role's (after a person's style, only those), a body's or a place's
        self.not_role = ROLES | OFFICES | _STYLES | UNNAMED | {"presiding", "members", "officials", "some"}
        self.not_name = self.not_role | not_people(self.lex) | {p.lower() for p in self.lex.places}
        self.body_nouns = self.lex.name_words.get("body_nouns", frozenset())
        # the styles a label may abbreviate before a name ('SEC.', 'ATTY.', 'Engr.')
        self.styles = frozenset(self.lex.styles | _STYLES | _ABBREVIATED)
        # built once, not per label: what stands before a name ('SEC.', 'Minister', 'PRESENTER') and no part of it
        self.styles_or_honorifics = self.styles | _HONORIFICS
        self.styles_or_roles = self.styles | ROLES
        self.label_heads = self.styles_or_roles | _GUESTS
        self.fields = self.lex.record_fields
        self.outlet_words = self.lex.name_words.get("outlet_words", frozenset())
        # the towns and states a question's note may give after its outlet ('Question [Example Daily, Paris]:')
        self.towns = frozenset(self.lex.places) | {e.capital for e in self.lex.entries.values() if e.capital} \
            | {e.name for e in self.lex.entries.values() if e.kind == "state"}
        self._full_names: tuple[str, dict[str, list[tuple[int, str | None, str | None]]]] = ("", {})
        self.by_surname: dict[str, list[str]] = {}
        for e in self.lex.entries.values():
            # a person the dictionary gives no surname form alone and whose surname is a word or common ('Ortega',
            # 'Medina': strict, no short) is named by the full name only: a label by that surname is somebody else's
            if e.kind == "person" and (e.short or not e.strict_short):
                for name in [e.name, *e.aliases, *e.short]:
                    self.by_surname.setdefault(name.split()[-1].upper(), []).append(e.id)

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        if ":" in norm:
            self._statements(doc)
        labels, short = [], {}
        head = search_at_line_starts(_CHAIR_HEADER, norm, 0, 600)
        # a record's header names the chair ('President: Ms. Power (United States of America)'): 'The President:' is her
        chair = next((x.actor for x in doc.mentions_in(head.start("who"), head.end("who"))
                      if x.kind == "person" and x.actor), None) if head else None
        named: list[re.Match[str]] = []  # labels by a name alone, of somebody the dictionary does not know
        title = doc.article.title
        # the page's title printed as its first line ('Crossroads, episode 41: Can the truce hold?') opens no turn
        headline = len(title) if title and norm.startswith(title) and norm[len(title):len(title) + 1] in ("\n", "") else 0
        # a heading naming a kind of text has a label's shape ('THE SUNDAY PROGRAMME INTERVIEW: NAME, OFFICE DATE')
        found = [m for m in _labels(norm) if not (m.group("who") and _TEXT_KIND.search(m.group("who")) and not _asking(m))]
        fields = {m.start() for m in found if self._field(m)}  # 'DATE :', 'VENUE :': a header's, no turn's
        names = [m.group("who") for m in found if m.group("who")]
        for m in found:
            if (head and m.start() == head.start()) or m.start() < headline or m.start() in fields:
                continue  # the header line, no turn
            who = " ".join(m.group("who").split()) if m.group("who") else None
            if who in short:
                labels.append(m)
            elif self._is_label(doc, m):
                labels.append(m)
                abbr = _ABBREVIATION.fullmatch(m.group("note") or "")
                if abbr:
                    short[abbr.group("abbr")] = self._speaker(doc, m)[0]
            elif _name_label(norm, m, names) and not _place_or_body(doc, m) and not _heading(norm, m):
                named.append(m)
        anywhere = [m for m in _labels(norm, _ANY_LABEL)
                    if m.start() >= headline and not (head and m.start() == head.start()) and not self._field(m)
                    and not (m.group("who") and _TEXT_KIND.search(m.group("who")) and not _asking(m))]
        more = [m for m in anywhere if not any(m.start() == x.start() for x in labels)]
        # one word alone is a label only when it comes back ('President. –' twice) or is a chair's or a questioner's
        # role, not a line's 'Beginning:'
        once = [" ".join(m.group("who").split()) for m in more if m.group("who")]
        # and a header line ('Wednesday, 3 February 2016 - Brussels') is no label: a label's own paragraph is speech
        more = [m for m in more if (not m.group("who") or m.group("note") or len(m.group("who").split()) > 1
                                    or once.count(" ".join(m.group("who").split())) > 1
                                    or _role(m.group("who")) in _CHAIRS | _QUESTIONERS)
                and not _DATELINE_NOTE.match(m.group("note") or "")
                and not _no_speech(norm[m.end():_PARAGRAPH.match(norm, m.end()).end()].strip())]
        # a document labels its speakers one way: a title's dash ('Oral Questions — Questions to Ministers') among
        # colon labels is no turn, nor is a lone colon among dash labels
        seps = [_separator(m) for m in labels + more]
        more = [m for m in more if not (m.group("who") and seps.count(_separator(m)) == 1 and len(seps) >= 3)]
        # several paragraphs opening with a name and a colon or a dash: a record of its own style; the labels of
        # known speakers that have that form count too ('Klimkin:' after 'Pavlo Klimkin, Minister for Foreign
        # Affairs:'), else the more people the dictionary knows, the fewer records would show their style
        styled = len(more) + sum(any(a.start() == x.start() for a in anywhere) for x in labels)
        if len(labels) + len(more) >= 3 and styled >= 2:
            labels = labels + more
        if ". " in norm:
            taken = {m.start() for m in labels}
            labels = labels + [m for m in _stop_labels(norm, self.styles) if m.start() not in taken and m.start() >= headline]
        if "\n" in norm:
            taken = {m.start() for m in labels}
            labels = labels + [m for m in _line_labels(norm, self.styles, self.not_name) if m.start() not in taken and m.start() >= headline]
            taken = {m.start() for m in labels}
            labels = labels + [m for m in _said_labels(norm) if m.start() not in taken and m.start() >= headline]
        # two labels make a transcript (a lone 'WARNING: ...' is a heading); one questioner's label is one alone
        # (a doorstep's single 'Q:' after unlabelled remarks)
        transcript = len(labels) >= 2 or any(_asking(m) for m in labels)
        first_label = min((m.start() for m in labels), default=len(norm)) if transcript else len(norm)
        self._headed(doc, first_label)
        if not transcript:
            return doc
        # a document that is a transcript labels everyone the same way: a name before a colon opening a paragraph
        # is a speaker too when the dictionary does not know him ('Hilary Benn (Leeds Central) (Lab):')
        labels = sorted(labels + named, key=lambda m: m.start())
        # a resolution's clause ('That the Senate:' over its '(i) urges ...') is the record's text, no speaker
        labels = [m for m in labels if not (m.group("who") or "").startswith("That ")]
        shaped = {m.start() for m in found} - {m.start() for m in labels}
        turns: list[tuple[int, int]] = []
        spans = [(m.start(), m.end()) for m in labels]
        # a doorstep or a briefing that labels its questions only ('Q: ...', then the answer unlabelled): a question
        # is its own paragraph, and what follows it up to the next one is the answerer's, the one the page names
        # before its first question, else nobody known
        answerer: tuple[str | None, str | None] | None = None
        if all(_asking(m) for m in labels):
            one = self._named_before(doc, labels[0].start())
            answerer = (one.actor, one.text) if one else (None, None)
        said: list[tuple[str, str]] = []  # each label's words (lower case) and the speaker it resolved to
        seated = self._seated(doc, [m.start() for m in labels]) if any(w in norm for w in _SEATING_WORDS) else []
        offices: dict[str, str | None] = {}  # each label by office alone and the holder it named
        role_holders: dict[str, str | None] = {}  # each host's or chair's role and the person named with it
        for i, m in enumerate(labels):
            who = " ".join(m.group("who").split()) if m.group("who") else None
            speaker, text = (short[who], who) if who in short else self._speaker(doc, m)
            if chair and who and _CHAIR.fullmatch(who):
                speaker = chair
            elif seated and who and (_CHAIR_LABEL.fullmatch(who) or (
                    _role(who).split()[-1] in _CHAIRS and any(norm.startswith(who, at) for at, _ in seated))):
                # the one the latest stage line before the label seated in the chair (nobody known if it named none);
                # an office with the body's name ('The Senate President:') when a stage line seats it in those words
                at = [c for c in seated if c[0] < m.start()]
                if at:
                    speaker = at[-1][1]
            elif who and speaker is None and not m.group("note") and who not in offices and \
                    (holder := self._held(doc, who, role_holders, spans[0][0])):
                # 'Host:', 'Q1 Chair:': the person the text names with that role before the first label
                speaker = holder
            elif who in offices:
                # a label by office alone that comes back is the holder it named the first time ('THE PRESIDENT –'
                # after a question naming another president)
                speaker = offices[who]
            else:
                if speaker is None and who and not _asking(m) and _role(who) not in _CHAIRS and not _CHAIR.fullmatch(who) \
                        and not _PRESIDING.fullmatch(who):
                    speaker = self._defined(doc, m, said)
                if who and speaker and self._by_office(doc, m) and self._named_outside(doc, speaker, m, labels):
                    offices[who] = speaker
                elif who and speaker and m.group("note") and _role(who) in _HOSTS_OR_GUESTS:
                    # 'PRESENTER (Jane Roe):' once, then 'PRESENTER:' alone: the person its first note named
                    offices[who] = speaker
            if who and speaker:
                said.append((_role(who), speaker))
            last = i + 1 == len(labels)
            limit = spans[i + 1][0] if not last else len(norm)
            first = True
            for qs, qe in _paragraph_spans(norm, m.end(), limit):
                if first:
                    lead = _LEAD_NOTE.match(norm, qs, qe)  # '(Via interpreter) Thank you.': the words after it
                    qs = lead.end() if lead and lead.end() < qe else qs
                tail = _TRAILING_STAGE.search(norm, qs, qe)
                if tail and tail.start() > qs:  # '... come back and tell us. [Laughter.]': the words before it
                    qe = tail.start()
                words = norm[qs:qe]
                if not first and last and qs in shaped:
                    break  # a label's shape the document took for no speaker ('Note: The briefing was ...')
                if not first and _RECORD_BUSINESS.match(words) and not (who and (
                        _CHAIR_LABEL.fullmatch(who) or _role(who) in _CHAIRS)):
                    if last:
                        break  # the record closing the item after the last turn
                    continue
                if not first and _RESOLVED.match(words):
                    break  # 'Resolved:' after the question is put: the body's resolution, the record's text
                if not first and last and self._about_a_speaker(doc, qs, words, {sp for _, sp in said}):
                    break  # 'Jane Roe is a researcher at ...' after an interview's last answer: the page's note
                if not first and _no_speech(words):
                    if last and not _STAGE.fullmatch(words):
                        break  # a heading after the last answer: the page goes on with something else
                    continue  # '(Laughter.)', 'Q&A follows': nobody's words, the turn goes on after it
                # a spokesman's answer reports others in the third person ('He told him that the strikes must
                # stop'): between two labels only a report with quotation marks is the article's narrative
                # ('Lavrov said the deal was "the best ..."'); after the last label any third-person report is
                # (the outlet's own 'our correspondent' is no speaker's first person)
                if not first and (last or '"' in words) and _REPORTING.search(words) \
                        and not _FIRST_PERSON.search(_OUTLETS_OWN.sub(" ", words)):
                    break
                first = False
                if qe <= qs or _STAGE.fullmatch(words):
                    continue
                if answerer and turns and turns[-1][0] >= m.end():
                    speaker, text = answerer  # the question asked, the answer follows
                turns.append((qs, qe))
                doc.add("quote", qs, qe, 0.8, speaker=speaker, speaker_text=text, content=doc.article.text[qs:qe],
                        direct=True, cue=None)
        doc.turns = doc.turns + turns
        _drop_actors_in(doc, spans)
        return doc

    def _field(self, m: re.Match[str]) -> bool:
        """A record's header field before its colon ('DATE :', 'SENATORS PRESENT:', 'Committee members present:'): its
        last word is a field's (titles.yaml's record_fields)."""
        who = m.groupdict().get("who")
        return bool(who) and who.split()[-1].lower() in self.fields

    @staticmethod
    def _named_outside(doc: IngestDoc, speaker: str, m: re.Match[str], labels: list[re.Match[str]]) -> bool:
        """Whether the text names the holder a label by office resolved to somewhere that names him so: before
        the label, outside every questioner's turn (a heading, a stage line, the label's note, the chair's 'I
        call ...'); a name in a question ('Foreign Minister X, when ...?') or no name at all pins nothing."""
        asked = [(a.start(), labels[i + 1].start() if i + 1 < len(labels) else len(doc.norm))
                 for i, a in enumerate(labels) if _asking(a)]
        return any(x.actor == speaker and x.kind == "person" and not any(s <= x.start < e for s, e in asked)
                   for x in doc.mentions_in(0, m.end()))

    def _seated(self, doc: IngestDoc, label_starts: list[int]) -> list[tuple[int, str | None]]:
        """Where a record's stage line seats its chair, and whom: the person named just before 'took the Chair' or
        'in the Chair', an office set off by commas or his name in brackets between ('(Ms X, President of the
        Assembly, took the Chair)', 'The SPEAKER (Hon. X) took the chair'; not 'in place of Ms Y' after it, not the
        first person on the line), None when it names nobody so ('(Mr Speaker in the Chair)'). A stage line is a
        short line of its own that opens with no label, the words in brackets ('(... in the Chair)') or the line
        itself a name and an office before them, no sentence of a speech ('I am glad that X is in the chair')."""
        norm = doc.norm
        out: list[tuple[int, str | None, str | None]] = []  # where, whom, a header's words
        for p in _PRESIDING_MARK.finditer(norm):
            # a hearing's attendance line ('Present: Senators Cordell [presiding], Cardin, ...'): the surname
            # marked, the person the record names so in full (its heading's 'STATEMENT OF HON. ROBERT CORDELL')
            start = norm.rfind("\n", 0, p.start()) + 1
            if not any(start <= s <= start + 4 for s in label_starts):
                out.append((start, self._presiding(doc, p.group("surname")), None))
        for h in _PRESIDED_BY.finditer(norm):
            # a record's header naming its presiding officer ('PRESIDENCY OF MR JANE ROE', 'Presided over by the
            # honourable Senator X.', 'Chaired by Ms X'): he is the chair of every chair's label under it
            out.append((h.start(), self._presided_by(doc, h), h.group("who")))
        for t in _CHAIR_TAKEN.finditer(norm):
            start = norm.rfind("\n", 0, t.start()) + 1
            end = norm.find("\n", t.end())
            end = len(norm) if end < 0 else end
            if end - start > 250:
                continue  # a sentence of a speech or a report, no stage line
            if any(start <= s <= start + 4 for s in label_starts):
                continue  # a speaker's turn: his words about the chair seat nobody
            # the bracket still open where the words start ('[The Speaker (Hon. X) in the Chair]': the square one)
            opened = max((at for at in (norm.rfind("(", start, t.start()), norm.rfind("[", start, t.start()))
                          if at >= 0 and (")" if norm[at] == "(" else "]") not in norm[at:t.start()]), default=-1)
            before = [x for x in doc.mentions_in(start, t.start()) if x.kind == "person" and x.actor]
            if opened >= 0:
                head = opened + 1  # '(Ms X ... took the Chair)': the words in brackets
                if not norm[head:t.start()].strip():
                    # 'Senator X (in the chair)': the name before the bracket
                    head = max((x.start for x in before if not norm[x.end:opened].strip()), default=head)
                    t_start = opened
                else:
                    t_start = t.start()
            elif _STAGE_HEAD.fullmatch(_STYLE_STOP.sub("", norm[start:t.start()]).strip()) or any(
                    _SEATED_GAP.fullmatch(norm, x.end, t.start()) and _WITH_NAME.search(norm, start, x.start) for x in before):
                head, t_start = start, t.start()  # 'The SPEAKER (Hon. X) took the chair', '... with X in the chair'
            elif w := _WITH_BRACKETED.search(norm, start, t.start()):
                head, t_start = w.start("office"), t.start()
            else:
                continue
            people = [x for x in before if x.start >= head and _SEATED_GAP.fullmatch(norm, x.end, t_start)]
            office = " ".join(norm[head:t_start].split())
            if not people and _CHAIR_LABEL.fullmatch(office):
                # '[Mr Speaker in the Chair]': the office alone seats the holder a header named with the same words
                # ('Presiding: Mr Speaker, Jane Roe'), else nobody known
                out.append((start, next((c[1] for c in reversed(out) if c[0] < start and c[2]
                                         and office.lower() in c[2].lower()), None), None))
                continue
            out.append((start, people[-1].actor if people else self._seated_name(doc, head, t_start), None))
        return [(at, who) for at, who, _ in sorted(out, key=lambda c: c[0])]

    def _presided_by(self, doc: IngestDoc, h: re.Match[str]) -> str | None:
        """The person a presidency header names: a known one in it, else the full name it writes (in capitals or
        not, before an office set off by a comma)."""
        known = [x.actor for x in doc.mentions_in(h.start("who"), h.end("who")) if x.kind == "person" and x.actor]
        if known:
            return known[0]
        words = re.sub(r"^(?:the[ \t]+)?(?:hon(?:ou)?rable[ \t]+)?", "", h.group("who").split(",")[0].strip(" ."),
                       flags=re.I)
        full = self._written_name(words) if self._in_capitals(words) else self._mixed_name(words)
        return self._propose(doc, full) if full else None

    def _presiding(self, doc: IngestDoc, surname: str) -> str | None:
        """The person of that surname a hearing's record names: a known one, else the full name it writes."""
        known = [x.actor for x in doc.mentions if x.kind == "person" and x.actor
                 and x.text.split()[-1].upper() == surname.upper()]
        if known:
            return known[0]
        full = self._written_before(doc.norm, len(doc.norm), surname.upper())
        return self._propose(doc, full) if full else None

    def _seated_name(self, doc: IngestDoc, head: int, end: int) -> str | None:
        """The id of a full name nobody lists that a stage line seats ('Senator A. Raynell Andreychuk (Chair) in the
        chair.', '(The Speaker, Ms Jane Roe, in the Chair.)'): the last run of the line's words before its brackets or
        commas that is a name, else None ('(Mr Speaker in the Chair)')."""
        for words in reversed(re.split(r"[(),]", doc.norm[head:end])):
            full = self._mixed_name(words.strip()) or (self._written_name(words) if words.isupper() else None)
            if full:
                return self._propose(doc, full)
        return None

    def _statements(self, doc: IngestDoc) -> None:
        """'Foreign Secretary Philip Hammond said:' alone in its paragraph, then the statement: each paragraph
        after it the speaker's direct quote, up to one that is no speech (a heading, 'Further information', the
        narrative again)."""
        norm = doc.norm
        if not _COLON_BREAK.search(norm):
            return  # every such line ends so: a scan for that skips to colons, the pattern's tries every character
        intros = [(m, m.group("cue"), "who") for m in _SAID_COLON.finditer(norm)]
        intros += [(m, None, next(g for g in ("who", "by", "text_by", None) if g is None or m.group(g)))
                   for m in finditer_at(_ISSUED_COLON, norm, _paragraph_or_sentence_opens(norm))]
        floors = _floor_lines(norm)
        intros += [(m, None, next(g for g in ("who", "of", "by") if m.group(g))) for m in floors]
        for m, cue, group in intros:
            span = _after_lead(norm, m.span(group)) if group else self._issued_before(doc, m.start())
            named = [x for x in doc.mentions_in(*span) if x.actor] if span else []
            if not named and span and _STATE_OFFICE.fullmatch(norm, *span):
                named = self._state_of_article(doc, span)
            if not named and cue in ("writes", "wrote") and span:
                # a live page's 'Our correspondent Jane Roe writes:' over her unquoted paragraphs: she speaks, whom
                # the dictionary does not know
                name = _WRITER.search(norm, *span)
                named = [Mention(name.start(), name.end(), doc.text[name.start():name.end()], None, "person", "name",
                                 0.5)] if name else []
            if not named:
                continue  # nobody the dictionary knows: 'The statement said:' may open a list
            who = next((x for x in reversed(named) if x.kind == "person"), named[-1])
            turns = []
            for p in _PARAGRAPH.finditer(norm, m.end()):
                qs, qe = p.span()
                words = norm[qs:qe].rstrip()
                if len(words.split()) < 6 or not words.endswith((".", "!", "?")) or words.startswith(("\"", "'")) \
                        or ((_REPORTING.search(words) or _WROTE.search(words)) and not _FIRST_PERSON.search(words)) \
                        or _NEWS_AGAIN.match(words) or _STAGE.fullmatch(words):
                    break
                turns.append((qs, qs + len(words)))
            if cue is None and m.re is not _FLOOR_LINE and not any(_FIRST_PERSON.search(norm, qs, qe) for qs, qe in turns):
                continue  # an issued statement is its author's words only when he speaks in it as I or we
            _speak(doc, turns, 0.75, who.actor, who.text, cue)
        if floors:
            # the formula line's name is the speaker's label: no mention of an actor ('the Presidency' in 'With the
            # leave of the Presidency, ...' is the formula's, kept out only with the name it leads)
            _drop_actors_in(doc, [m.span(next(g for g in ("who", "of", "by") if m.group(g))) for m in floors])

    @staticmethod
    def _issued_before(doc: IngestDoc, at: int) -> tuple[int, int] | None:
        """'Earlier, the Foreign Ministry issued a written statement on ... . The following is the text of the
        statement:': the issuer's words in the sentence before, in the same paragraph."""
        para = doc.norm.rfind("\n", 0, at) + 1
        i = doc.sent_index(at)
        if i == 0 or doc.sents[i - 1][0] < para:
            return None
        s, e = doc.sents[i - 1]
        issued = _ISSUED_BEFORE.search(doc.norm, s, e)
        if issued is None:
            return None
        return _after_lead(doc.norm, issued.span("who"))

    @staticmethod
    def _state_of_article(doc: IngestDoc, span: tuple[int, int]) -> list[Mention]:
        """'the Foreign Ministry' with no state named beside it, as a mention of the state named most before it."""
        state = state_named_most(doc, span[0])
        return [Mention(span[0], span[1], doc.text[span[0]:span[1]], state, "state", "described", 0.6)] if state else []

    def _headed(self, doc: IngestDoc, limit: int) -> None:
        """'Statement by Ambassador X' (or 'Transcript of press stakeout by X') among the headings that open the page,
        then paragraphs in which he speaks as I or we: each paragraph up to the first label (or one that is no
        speech, or the narrative again) is his direct quote. The heading's speaker is kept on the document
        (``doc.headed``) for a statement printed in quotation marks under it. A body's statement is its
        author's text, no quotation: the heading must name a person."""
        norm = doc.norm
        heads: list[re.Match[str]] = []
        body = None
        for p in _PARAGRAPH.finditer(norm, 0, min(limit, 1500)):
            words = p.group().strip()
            # a heading: no sentence's stop nor an introduction's colon at its end, or a note ('(As delivered)')
            if words.rstrip("\"')]\u201d")[-1:] not in (".", "!", "?", ":") or (words[:1] == "(" and words[-1:] == ")") \
                    or _SECTION.fullmatch(words) or _STAGE.fullmatch(words):
                heads.append(p)
                continue
            body = p.start()
            break
        if body is None or not heads:
            return  # most pages open with a sentence: no heading to read
        kind = next((i for i, h in enumerate(heads) if _SPEECH_KIND.search(h.group())), None)
        by = next(filter(None, (_HEADING_BY.search(norm, h.start(), h.end()) for h in heads[kind:])), None) \
            if kind is not None else None
        if by is None:
            self._addressed(doc, heads, body, limit)
            return
        s, e = by.span("by")
        people = [x for x in doc.mentions_in(s, e) if x.kind == "person"]
        after = next((h for h in heads if h.start() > e), None)
        if not any(x.actor for x in people) and after is not None:
            # 'Briefing by Foreign Ministry Spokesperson' / 'Maria Zakharova, Moscow, February 18, 2016'
            people += [x for x in doc.mentions_in(*after.span()) if x.kind == "person" and x.actor]
        named = [x for x in people if x.actor and x.via in ("name", "short")] or [x for x in people if x.actor]
        spokes = _SPOKESPERSON.search(norm, s, e)
        org = next((x for x in doc.mentions_in(spokes.end(), e) if x.actor and x.kind != "person"), None) \
            if spokes and not named else None
        full = None if named else self._name_ending(norm, s, e)
        if named:
            speaker, text = named[0].actor, named[0].text
        elif full:
            speaker, text = self._propose(doc, full), full
        elif org is not None:  # 'by the Spokesperson of the Ministry of Foreign Affairs': he speaks for it
            end = _BY_END.search(norm, org.end, e)
            speaker, text = org.actor, norm[s:end.start() if end else e].strip()
        else:
            first = norm[s:e].split() or [""]  # 'Statement by' and blanks only: nobody named
            first = first[1] if first[0] == "the" and len(first) > 1 else first[0]
            if not people and first.lower().rstrip(",") not in _HONORIFICS:
                return  # 'Statement by the Ministry of Foreign Affairs': a body's text
            end = _BY_END.search(norm, s, e)
            speaker, text = None, norm[s:end.start() if end else e].strip()
        doc.headed = (body, speaker, text)
        turns = []
        for qs, qe in _paragraph_spans(norm, body, limit):
            words = norm[qs:qe]
            if words.startswith(("\"", "'")) or any(a < qe and qs < b for a, b in doc.turns):
                break  # a statement in quotation marks (the quotes read it), or one read already
            if _STAGE.fullmatch(words) or _SECTION.fullmatch(words):
                continue
            if _no_speech(words):
                break
            own = _QUOTED.sub(" ", words)  # a quotation inside is someone else's person
            if _NARRATIVE.search(own) and not _FIRST_PERSON.search(own) and (turns or not _ADDRESS.match(words)):
                # a speech names others ('as he reconvenes the talks'); the page's own report says who said what; a
                # first paragraph opening on a greeting to the audience ('Good afternoon, colleagues.') is his
                break
            turns.append((qs, qe))
        # he speaks: as I or we, or to his audience ('Thank you Mr President.')
        if not any(_FIRST_PERSON.search(_QUOTED.sub(" ", norm[qs:qe])) or _ADDRESS.match(norm, qs, qe)
                   for qs, qe in turns):
            return
        _speak(doc, turns, 0.75, speaker, text)

    def _name_ending(self, norm: str, s: int, e: int) -> str | None:
        """A full name nobody lists closing a heading's 'by' words after the office ('Briefing by Press Secretary of the
        Ministry of Foreign Affairs of the Republic of Examplia Jane Roe'): the longest run of two to four of the last
        words that is a name, the word after the last 'of' (the state or the body served) no part of it."""
        words = norm[s:e].split()
        of = max((i for i, w in enumerate(words) if w.lower() in ("of", "for")), default=-1)
        for n in range(min(4, len(words) - of - 2), 1, -1):
            full = self._mixed_name(" ".join(words[-n:]))
            if full and len(full.split()) == n:
                return full
        return None

    def _addressed(self, doc: IngestDoc, heads: list[re.Match[str]], body: int, limit: int) -> None:
        """A page of headings over a body that opens addressing its audience ('Dear brothers and sisters, good
        morning!', 'Ladies and gentlemen,'): a speech, its paragraphs in which the speaker speaks as I or we, or to
        his audience, up to the first label, the speaker's: the one person the headings name (an address named only
        in its page's header), else nobody known."""
        norm = doc.norm
        if not _ADDRESS.match(norm, body):
            return
        people = [x for h in heads for x in doc.mentions_in(h.start(), h.end()) if x.kind == "person" and x.actor]
        one = people[-1] if len({x.actor for x in people}) == 1 else None
        speaker, text = (one.actor, one.text) if one else (None, None)
        if not people:
            # a briefing's header naming the spokesperson after the office ('Spokesperson and Deputy Minister for
            # Public Relations Kang Min-jae'), whom no dictionary lists: the id his full name proposes
            speaker, text = self._office_heading(doc, heads)
        if not people:
            # a heading in capitals naming him ('POPE FRANCIS' over 'ANGELUS'): the dictionary's person of that name,
            # else the id a full name in capitals proposes
            named = {self._capitals_person(doc, h.group().strip()) for h in heads if h.group().strip().isupper()}
            named.discard(None)
            if len(named) == 1:
                speaker, text = named.pop()
        turns = []
        for qs, qe in _paragraph_spans(norm, body, limit):
            words = norm[qs:qe]
            if _STAGE.fullmatch(words) or _SECTION.fullmatch(words):
                continue
            if _no_speech(words) or any(a < qe and qs < b for a, b in doc.turns):
                break
            own = _QUOTED.sub(" ", words)  # a scripture or a saying quoted inside is someone else's
            if _NARRATIVE.search(own) and not _SPOKEN.search(own):  # (_SPOKEN's words include _FIRST_PERSON's)
                break  # the page's own report again
            turns.append((qs, qe))
        doc.headed = (body, speaker, text)
        _speak(doc, turns, 0.7, speaker, text)

    def _is_label(self, doc: IngestDoc, m: re.Match[str]) -> bool:
        if m.groupdict().get("q") or m.group("qa"):
            return True
        who = " ".join(m.group("who").split())
        if _role(who) in _QUESTIONERS or _role(who) in _ROLE_LABELS:
            return True
        if self._noted(doc, m):
            return True  # an office with the holder's name in a note ('The Secretary of State for ... (Mr X):')
        if len(who) >= 2 and who.replace(".", "").replace(" ", "").replace("'", "").replace("-", "").isupper():
            # a long one only with a name the dictionary knows ('SECRETARY OF STATE JOHN KERRY:')
            # or an office whose holder's name its note gives ('THE MINISTER OF STATE IN THE MINISTRY OF EXTERNAL
            # AFFAIRS (GEN. (DR.) V.K. SINGH, RETD.):')
            return len(who.split()) <= 4 or (len(who.split()) <= 9 and any(
                x.kind == "person" and x.actor for x in doc.mentions_in(m.start("who"), m.end("who")))) or (
                len(who.split()) <= 14 and bool(m.group("note")) and self._written_name(m.group("note")) is not None)
        # a mixed-case label must name a person the dictionary knows ('Maria Zakharova:', not 'Update:'), or be
        # a meeting record's ('Mr. Aboulatta (Egypt) (spoke in Arabic):', 'The President (spoke in French):')
        if any(x.kind == "person" and x.actor for x in doc.mentions_in(m.start("who"), m.end("who"))):
            return True
        if _CHAIR.fullmatch(who) or (who.startswith("The ") and any(
                x.kind == "person" and x.via == "title" for x in doc.mentions_in(m.start("who"), m.end("who")))):
            return True  # a record's chair, or an official by office alone ('The Secretary-General:')
        note = m.group("note")
        if len(who.split()) > 5 or not _RECORD_NAME.match(who):
            return False
        # 'Ms. Fawzi:' by honorific and name; the chair by office only with a record's note
        return not _CHAIR.match(who) or (bool(note) and (bool(_LANGUAGE_NOTE.search(note)) or any(
            x.actor for x in doc.mentions_in(m.start("note"), m.end("note")))))

    @staticmethod
    def _defined(doc: IngestDoc, m: re.Match[str], said: list[tuple[str, str]]) -> str | None:
        """A label by office alone ('Minister of Foreign Affairs of the Russian Federation:', 'The Under-Secretary-
        General:') is the one person the document gave that office: an earlier label of the office and his name,
        else the person named next to the office before it ('... the Under-Secretary-General for Humanitarian Affairs,
        Mr. Stephen O'Brien'), nearest first."""
        role = re.sub(r"^the\s+", "", _role(m.group("who")))
        if len(role) < 4 or not _OFFICE_WORDS.intersection(re.split(r"[\s-]+", role)):
            return None  # a name ('Lena Ortiz:') is no office another person holds
        holders = {speaker for words, speaker in said if words.startswith(role) and len(words) > len(role)}
        if len(holders) == 1:
            return holders.pop()
        if holders:
            return None  # two ministers of foreign affairs: the office alone names neither
        norm = doc.norm
        for r in reversed(list(re.finditer(rf"\b{re.escape(role)}\b", norm[:m.start()], re.I))):
            near = [x for x in doc.mentions_in(max(0, r.start() - 60), min(m.start(), r.end() + 80))
                    if x.kind == "person" and x.actor and x.via in ("name", "short")]
            # next to the office in its sentence: nothing that ends a sentence between them
            # ('Mr.' and the like end none)
            near = [x for x in near if not _SENTENCE_END.search(norm, min(x.end, r.end()), max(x.start, r.start()))]
            # one named before the office holds it only in apposition ('Mr X, the Minister of ...'): a member who
            # 'asked the Minister of ...' or spoke 'to the Minister' is another person
            near = [x for x in near if x.start >= r.end() or _APPOSED.fullmatch(norm, x.end, r.start())]
            if near:
                return min(near, key=lambda x: abs(x.start - r.end()) if x.start >= r.end() else r.start() - x.end).actor
        return None

    @staticmethod
    def _noted(doc: IngestDoc, m: re.Match[str]) -> list[Mention]:
        """The known people a label's note names by name ('(Mr Philip Hammond)')."""
        if not m.group("note"):
            return []
        return [x for x in doc.mentions_in(m.start("note"), m.end("note"))
                if x.kind == "person" and x.actor and x.via in ("name", "short")]

    def _asker(self, doc: IngestDoc, m: re.Match[str]) -> str | None:
        """The questioner a question's label names in its note before his outlet ('Question [Jane Roe, Radio X]:',
        'Journalist (Jane Roe, Example Daily):', as a UN mission's press-conference transcript writes its floor):
        the person of that full name; None for a note naming the outlet alone or first ('Journalist (Example Radio,
        City):', 'Question (interpreted from Arabic):'), whose words are outlet_words or a body's, or which
        gives a town or a state after the comma ('Question [Example Daily, Paris]:': the outlet and its town). A
        name nobody lists is a person's only when what follows the comma looks like an outlet's name, with an outlet
        word or a word in capitals ('Radio X', 'AFP', 'Kin Matin FM'); else it is an outlet's town, listed or not,
        and maybe its country ('Question [Ouest Matin, Rennes, France]:')."""
        note = m.group("note")
        inner, comma, rest = note.strip().strip("()[] ").partition(",")
        rest = rest.split(",")[0].strip()
        if not comma or rest in self.towns:
            return None
        at = m.start("note") + note.find(inner)
        inside = doc.mentions_in(at, at + len(inner))
        if any(x.kind != "person" for x in inside):
            return None
        known = [x.actor for x in inside if x.kind == "person" and x.actor and x.via in ("name", "short")]
        if known:
            return known[-1]
        if not any(w.lower() in self.outlet_words or (len(w) > 1 and w.isupper()) for w in rest.split()):
            return None
        full = self._mixed_name(inner.strip()) or self._written_name(inner)
        if not full or any(w.lower() in self.outlet_words for w in full.split()):
            return None
        return self._propose(doc, full)

    @staticmethod
    def _answerer(doc: IngestDoc) -> str | None:
        """Who answers after 'A -': the speaker the page's heading names over its opening words; in an interview
        the one person the page names before its first question; in a ministry's briefing excerpts the ministry's
        state, the one its answers make the subject of their sentences most often ('France condemns ...',
        'France's position is ...')."""
        norm = doc.norm
        labels = sorted((m for m in _labels(norm) + _labels(norm, _ANY_LABEL) if _qa(m)), key=lambda m: m.start())
        if not labels:
            return None
        if doc.headed and doc.headed[1] and doc.headed[0] < labels[0].start():
            # the page's heading named who speaks under it ('Transcript of statements by ..., Mr X, after his
            # meeting with ... Mr Y'), and he spoke before the first question: he answers them
            return doc.headed[1]
        named = Transcript._named_before(doc, labels[0].start())
        if named:
            return named.actor
        counts: dict[str, int] = {}
        for i, m in enumerate(labels):
            if _qa(m) != "A":
                continue
            end = labels[i + 1].start() if i + 1 < len(labels) else len(norm)
            opens = {m.end()} | {s for s, _ in doc.sents if m.end() <= s < end}
            for x in doc.mentions_in(m.end(), end):
                # the subject, not a possessive before it ('Syria's internal affairs should be ...')
                if x.actor and x.kind in ("state", "government") and (x.start in opens or x.start - 4 in opens) \
                        and not norm.startswith(("'s", "\u2019s"), x.end):
                    counts[x.actor] = counts.get(x.actor, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    @staticmethod
    def _named_before(doc: IngestDoc, end: int) -> Mention | None:
        """Who answers the questions: the one person the page's first line names ('Doorstep remarks by ... Federica
        Mogherini'), else the one person it names before its first question."""
        first = _PARAGRAPH.match(doc.norm)
        for upto in ((min(first.end(), end),) if first else ()) + (end,):
            people = [x for x in doc.mentions_in(0, upto) if x.kind == "person" and x.actor]
            if people:
                return people[-1] if len({x.actor for x in people}) == 1 else None
        return None

    @staticmethod
    def _surname_after_office(m: re.Match[str]) -> bool:
        """'PRESIDENT SANTOS': an office, then a word that is no office."""
        words = m.group("who").split()
        return len(words) >= 2 and words[-1].lower().rstrip(".") not in _HONORIFICS

    def _office_heading(self, doc: IngestDoc, heads: list[re.Match[str]]) -> tuple[str | None, str | None]:
        """The full name ending a heading that names a spokesperson's or an official's office (its last two words),
        proposed; else none."""
        for h in heads:
            words = h.group().split()
            if len(words) > 14 or not (_SPOKESPERSON.search(h.group()) or _OFFICE_WORDS.intersection(
                    w.lower() for w in words)):
                continue
            # the last two words: a longer run would take in the office's own capitals ('Public Relations')
            full = self._mixed_name(" ".join(words[-2:])) if len(words) > 2 else None
            if full and full.split()[0].lower() not in _OFFICE_WORDS:
                return self._propose(doc, full), full
        return None, None

    def _capitals_person(self, doc: IngestDoc, line: str) -> tuple[str, str] | None:
        """The person a line in capitals names: the dictionary's of that name ('POPE FRANCIS'), else the id a full
        name nobody lists proposes ('FOREIGN MINISTER JANE ROE'); None for anything else ('ANGELUS')."""
        words = " ".join(line.split())
        if len(words.split()) > 6:
            return None
        entry = self.lex.entries.get(slug(words))
        if entry is not None and entry.kind == "person":
            return entry.id, words
        full = self._written_name(words)
        return (self._propose(doc, full), words) if full else None

    def _propose(self, doc: IngestDoc, full: str) -> str:
        """The id a full name nobody lists proposes, as a name in the text does (components.proposed), kept with the
        name as first written; the last words of a full name proposed before are that person ('MR OKWIR EBONG:'
        after 'Mr Samuel Okwir Ebong'), as components.proposed reads them."""
        pid = person_id(full)
        if pid in self.lex.entries:
            return pid
        longer = {p for p in doc.proposed if p.endswith("-" + pid)}
        if len(longer) == 1:
            return longer.pop()
        doc.proposed = {**doc.proposed, pid: doc.proposed.get(pid, full)}
        return pid

    def _in_capitals(self, who: str) -> bool:
        """A label whose name is in capitals, after styles written in any case ('Hon MURRAY McCALLISTER', 'Mr S
        MOKGALAPA', 'SHRI K. RAMADAS')."""
        parts = who.split()
        while len(parts) > 1 and parts[0].lower().rstrip(".") in self.styles:
            parts.pop(0)
        return _MAC.sub("", " ".join(parts)).isupper()

    def _written_name(self, words: str) -> str | None:
        """The full name a label in capitals writes ('GEN. (DR.) V.K. SINGH' and '(GEN. (DR.) V.K. SINGH, RETD.)'
        -> 'V.K. Singh'): after the styles and ranks before it, two to four words in capitals, none an office's, a
        body's or a place's word (not 'SENIOR STATE DEPARTMENT OFFICIAL'); else None."""
        parts = _NOT_NAME.sub(" ", words.strip().strip("()")).split()
        styled = False
        while parts and self._head(parts[0], self.styles_or_roles):
            styled = styled or parts[0].lower().rstrip(".") in self.styles
            parts.pop(0)
        if not 2 <= len(parts) <= 4 or len(parts[-1].rstrip(".")) < 2 or parts[0].lower() in ("for", "of"):
            return None  # ('HON. MEMBER FOR ARUA': a seat, no name)
        # after a person's style ('AMB. CAROL WEST') a place's or a compass word is a name's ('West'), not an office's;
        # a body's or an area's noun is none ('HON. WEST NILE REGION')
        if styled and parts[-1].lower().rstrip(".") in self.body_nouns:
            return None
        not_name = self.not_role if styled else self.not_name
        # an initial between the words ('ROSALINDA M. VILLANUEVA-DIZON') is no style's 'M.'
        if any(not _CAPS_WORD.fullmatch(p) or (p.lower().rstrip(".") in not_name and not (
                0 < i < len(parts) - 1 and _INITIAL.fullmatch(p))) for i, p in enumerate(parts)):
            return None
        return " ".join(_title(p) for p in parts)

    @staticmethod
    def _initials(doc: IngestDoc, m: re.Match[str]) -> str | None:
        """'SDM:' or 'SdM:' after the page named 'Staffan de Mistura' ('AM:' after 'Abdulmalik al-Mekhlafi'): the
        known person named before the label whose words' initials the label is, or whose title just before his
        name it is ('SG:' under 'Secretary-General Ban Ki-moon's press encounter')."""
        who = m.group("who")
        if not (2 <= len(who) <= 4 and who.isalpha() and who[0].isupper()):
            return None
        norm = doc.norm
        for x in reversed(doc.mentions_in(0, m.start())):
            if not (x.kind == "person" and x.actor):
                continue
            if who.upper() in (_initials_of(x.text), "".join(w[0] for w in x.text.split()).upper()):
                return x.actor
            # the title before the name, in the mention ('Secretary-General Ban Ki-moon') or just before it
            title = re.search(r"((?:[A-Z][\w]*[- ]){1,4})$", norm[max(0, x.start - 60):x.start])
            words = x.text.split()
            titles = [" ".join(words[:k]) for k in range(1, len(words))] + ([title.group(1)] if title else [])
            if any(_initials_of(t) == who.upper() for t in titles):
                return x.actor
        # a person no dictionary lists whom an earlier label named in full ('PETER KNOWLES:', then 'PK:')
        new = {pid for pid, name in doc.proposed.items() if _initials_of(name) == who.upper()}
        return new.pop() if len(new) == 1 else None

    @staticmethod
    def _about_a_speaker(doc: IngestDoc, qs: int, words: str, speakers: set[str]) -> bool:
        """A paragraph opening with the full name of one of the transcript's speakers and what he is ('Jane Roe is a
        senior fellow at ...'), in the third person: a note on the speaker, not his words (a speaker's words may be
        about someone else: 'Bashar al-Assad is a survivor')."""
        if _FIRST_PERSON.search(words):
            return False
        return any(x.start == qs and x.kind == "person" and x.actor in speakers and len(x.text.split()) > 1
                   and _IS_WHAT.match(doc.norm, x.end)
                   for x in doc.mentions_in(qs, min(qs + 80, qs + len(words))))

    def _held(self, doc: IngestDoc, who: str, held: dict[str, str | None], end: int) -> str | None:
        """The holder of a host's or a chair's role a label names alone ('Host', 'Q1 Chair'), kept in held."""
        role = _QUESTION_NUMBER.sub("", _role(who), count=1)
        if role not in _NAMED_ROLES:
            return None
        if role not in held:
            held[role] = self._role_holder(doc, role, end)
        return held[role]

    def _role_holder(self, doc: IngestDoc, role: str, end: int) -> str | None:
        """The one person the text names with a host's or a chair's role before the first label: the role just before
        his full name ('host Jane Roe'), or in brackets just after it ('Members present: Jane Roe (Chair); ...'); the
        dictionary's or a proposed id, as a name in the text has; else None."""
        norm = doc.norm
        found = set()
        # (or the verb of the role before it: 'moderated by Jane Roe', 'hosted by', 'presented by', 'chaired by')
        verb = _ROLE_VERBS.get(role)
        said = rf"(?:{role}|{verb}[ \t]+by)" if verb else role
        for r in re.finditer(rf"(?<![\w-])(?i:{said})[ \t]+(?P<name>{_NAME_RUN})|(?P<named>{_NAME_RUN})[ \t]*[(\[]"
                             rf"(?i:{role})[)\]]", norm[:end]):
            at = r.start("name") if r.group("name") else r.start("named")
            known = [x.actor for x in doc.mentions_in(at, r.end("name") if r.group("name") else r.end("named"))
                     if x.kind == "person" and x.actor and x.start == at]
            full = None if known else self._mixed_name(r.group("name") or r.group("named"))
            if known or full:
                entry = self.lex.entries.get(person_id(full)) if full else None
                found.add(known[0] if known else entry.id if entry is not None and entry.kind == "person"
                          else self._propose(doc, full))
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _initialled(doc: IngestDoc, m: re.Match[str], full: str) -> str | None:
        """'K. Roe' read from a label 'K. ROE:': the one person named before it in full with that surname and those
        initials ('Spokesperson Kara Roe' in the heading); None for a name with given names, or nobody so named."""
        words = full.split()
        if len(words) < 2 or not all(_INITIAL.fullmatch(w) for w in words[:-1]):
            return None
        initials = "".join(w.rstrip(".") for w in words[:-1]).replace(".", "").upper()
        found = {x.actor for x in doc.mentions_in(0, m.start()) if x.kind == "person" and x.actor
                 and x.via in ("name", "short") and len(x.text.split()) > len(words) - 1
                 and x.text.split()[-1].upper() == words[-1].upper()
                 and _initials_of(" ".join(x.text.split()[:-1])).startswith(initials)}
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _assembly_name(who: str) -> str | None:
        """'Ms Hanne LUNDGREN' -> 'Hanne Lundgren': a style, given names in small letters, the surname in capitals."""
        a = _ASSEMBLY_NAME.fullmatch(" ".join(who.split()))
        return f"{a.group('given')} {a.group('surname').title()}" if a else None

    @staticmethod
    def _by_office(doc: IngestDoc, m: re.Match[str]) -> bool:
        """A label naming an office and no name ('THE PRESIDENT', 'Minister of Foreign Affairs')."""
        role = re.sub(r"^the\s+", "", _role(m.group("who")))
        return bool(_OFFICE_WORDS.intersection(re.split(r"[\s-]+", role))) and not any(
            x.kind == "person" and x.via in ("name", "short") for x in doc.mentions_in(m.start("who"), m.end("who")))

    @staticmethod
    def _head(word: str, heads: frozenset[str]) -> bool:
        """A style's, a rank's or a role's word of heads before a name ('Dr.', "Dato'", 'Colonel'), or a compound
        rank's words joined by hyphens each one ('Lt.-Col.', 'Lieutenant-Colonel', 'BRIG.-GEN.')."""
        word = word.lower().rstrip(".'\u2019")
        return word in heads or ("-" in word and all(w.rstrip(".") in heads for w in word.split("-")))

    def _mixed_name(self, words: str) -> str | None:
        """'Aoife Brennan' -> 'Aoife Brennan': after the styles before it, two to four capitalised words in small
        letters (a particle may join them), none an office's, a body's or a place's word; else None. A style in
        brackets among the styles ('Hon. (Ms.) Jane Roe', 'Hon. (Dr.) Jane Roe') is one of them."""
        parts = _BRACKETED_STYLE.sub(" ", words).split() if "(" in words else words.split()
        # the world's styles too, an elision's mark after one ("Dato' Sri")
        while parts and self._head(parts[0], self.label_heads):
            parts.pop(0)
        # initials between the words ('A. Raynell Andreychuk') count as none of them: the id leaves them out
        names = [p for p in parts if not _JOIN_WORD.fullmatch(p) and not _INITIAL.fullmatch(p)]
        if not 2 <= len(names) <= 4 or not all(_MIXED_WORD.fullmatch(p) for p in names):
            return None
        # a style's word stands only before the name: after it, 'Sen' or 'Tan' is a surname
        if any(p.lower() in self.not_name and (i == 0 or p.lower() not in _STYLES) for i, p in enumerate(names)):
            return None
        return " ".join(parts)

    def _noted_surname(self, doc: IngestDoc, m: re.Match[str], inner: str) -> str | None:
        """The full name the record gives before for a host's note by style and surname ('THE CHAIRMAN (Sen.
        Marcos).' after 'HON. FERDINAND R. MARCOS JR. - Chairman')."""
        words = [w for w in inner.split() if w.lower().rstrip(".") not in self.styles_or_honorifics]
        return self._written_before(doc.norm, m.start(), words[0].upper(), self._style_of(inner)) \
            if len(words) == 1 else None

    def _style_of(self, words: str) -> str | None:
        """The first style or honorific among the words ('ATTY. ROE' -> 'atty'), lower case, without its full stop."""
        return next((w for w in (x.lower().rstrip(".") for x in words.split()) if w in self.styles_or_honorifics), None)

    def _written_before(self, norm: str, end: int, surname: str, style: str | None = None) -> str | None:
        """The full name of that surname the record writes before the label (an attendance list's 'SEC. TERESITA
        QUINTOS DELES - Presidential Adviser', a header's 'Prof. Miriam Coronel-Ferrer', an earlier label's 'MR ROBERT
        KISEMBO (...)'), for 'SEC. DELES.', 'PROF. FERRER.', 'MR KISEMBO:': the name in capitals or in small letters,
        without its styles. Of two people of that surname ('SEC. JANE ROE', 'ATTY. TOM ROE'), the one written with the
        label's style; None when the style does not tell them apart, or the record gives none (a senator by surname
        alone)."""
        held, names = self._full_names
        if held is not norm:
            names = {}
            self._full_names = (norm, names)
        if surname not in names:
            names[surname] = sorted(
                [(f.start(), self._written_name(f.group()) or self._mixed_name(f.group()),
                  self._style_of(norm[max(0, f.start() - 12):f.start()].split("\n")[-1] + " " + f.group().split()[0]))
                 for f in re.finditer(_FULL_NAME_OF.format(re.escape(surname)), norm)]
                # an attendance list's inverted names ('Letelier Morel, Juan Pablo;'): the given names first
                + [(f.start(), self._mixed_name(f"{f.group('given')} {f.group('surnames')}"), None)
                   for f in re.finditer(_LISTED_NAME_OF.format(re.escape(surname)), norm)])
        written = [(full, st) for at, full, st in names[surname] if at < end and full and getattr(
            self.lex.entries.get(person_id(full)), "kind", "person") == "person"]
        styled = [x for x in written if style and x[1] == style] or written
        # the same person written twice ('TERESITA QUINTOS DELES', 'Teresita Deles'): one first given name
        people = {full.split()[0].lower() for full, _ in styled}
        return styled[0][0] if len(people) == 1 else None

    @staticmethod
    def _called(doc: IngestDoc, m: re.Match[str], surname: str) -> str | None:
        """The full name the chair called just before the label ('I call Mr Peter Quinlan.', 'I give the floor to
        Ms X'), in the paragraph before it, whose surname the label's is."""
        norm = doc.norm
        start = norm.rfind("\n\n", 0, max(0, m.start() - 2))
        for c in _CALLED.finditer(norm, start + 2 if start >= 0 else 0, m.start()):
            if c.group("surname").upper() == surname:
                return f"{c.group('given')} {c.group('surname')}"
        return None

    def _speaker(self, doc: IngestDoc, m: re.Match[str]) -> tuple[str | None, str]:
        if m.groupdict().get("q"):
            return None, "Q"
        qa = _qa(m)
        if qa:
            return (self._answerer(doc) if qa == "A" else None), qa
        who = m.group("who")
        text = who.split("\n")[0].strip()
        note = m.groupdict().get("note")
        if note and (_role(who) in _HOSTS_OR_GUESTS or _CHAIR_LABEL.fullmatch(" ".join(who.split()))):
            # 'Presenter (Diana Ser):': the person the note names, listed or not; what follows a comma describes him
            # ('GUEST (Jane Roe, political scientist):')
            noted = self._noted(doc, m)
            inner = note.strip().strip("()[] ").split(",")[0].strip()
            full = None if noted else (self._mixed_name(inner) or self._written_name(inner) or self._noted_surname(
                doc, m, inner))
            if noted or full:
                return (noted[-1].actor if noted else self._propose(doc, full)), text
        if note and _role(who) in _QUESTIONERS:
            asker = self._asker(doc, m)
            if asker:
                return asker, text
        if _role(who) in _QUESTIONERS or _CHAIR.fullmatch(who) or _role(who) in _CHAIRS or _PRESIDING.fullmatch(who):
            return None, text  # a meeting's chair by office: whoever holds it that month, not a head of state
        people: list[Mention] = [x for x in doc.mentions_in(m.start("who"), m.end("who"))
                                 if x.kind == "person" and x.actor]
        # a name beats an office: 'PRESIDENT SANTOS:' is Santos, not whoever 'President' alone denotes; so does
        # the holder's name in a note after the office ('The Secretary of State for ... (Mr Philip Hammond):')
        # the label's own name in capitals beats what its note names: 'MR JANE ROE (Independent, Kasese
        # Municipality, Kasese):' is the member, whatever the constituency reads as
        own = self._in_capitals(who) and self._written_name(who) is not None
        named_here = [x for x in people if x.via in ("name", "short")] or ([] if own else self._noted(doc, m))
        assembly = self._assembly_name(who)
        if assembly and not any(x.end >= m.end("who") - 1 for x in named_here):
            # 'Mr Kerem ALTAN': a mention of his given name alone read as someone's short name is not he
            entry = self.lex.entries.get(person_id(assembly))
            return (entry.id if entry is not None and entry.kind == "person" else self._propose(doc, assembly)), text
        if named_here or (people and not self._surname_after_office(m)):
            return (named_here or people)[-1].actor, text
        initials = self._initials(doc, m)
        if initials:
            return initials, text
        for x in doc.mentions_in(m.start("who"), m.end("who")) if who.startswith("The ") else ():
            if x.kind == "person" and x.via == "title":  # 'The Secretary-General:': the one holder on the day
                holders = self.lex.holders(x.text, None, doc.published)
                named = [h for h in holders if body_named(self.lex, doc, h)] if len(holders) > 1 else holders
                if len(named) == 1:
                    return named[0], text
        # a full name in capitals nobody lists, in the label or in its note ('GEN. (DR.) V.K. SINGH (RETD.):', 'THE
        # MINISTER OF ... (JANE ROE):'): the id it proposes, as a name in the text does (components.proposed)
        full = (self._written_name(who) if self._in_capitals(who) else None) or (
            self._written_name(m.group("note")) if m.group("note") else None)
        if not full and m.group("note") and self._by_office(doc, m):
            # an office, the holder's name in small letters in its brackets ('Deputy Minister of Foreign Affairs
            # [Dato' Sri Jane Roe]:', as a Dewan Rakyat record in translation writes it)
            full = next(filter(None, (self._mixed_name(n) for n in re.findall(r"[(\[]([^()\[\]]+)[)\]]",
                                                                              m.group("note")))), None)
        if full:
            return (self._initialled(doc, m, full) or self._propose(doc, full)), text
        # the name before an apposition ('Ivanov P. S., ... faction'), without a stenogram's initials after it
        first = _QUESTION_NUMBER.sub("", who.split(",")[0], count=1)  # 'Q2 Jane Roe': a committee's question number
        peer = _PEER.match(first)
        if peer:
            # 'Lord Collins of Highbury', 'Baroness Smith of Basildon': a peer's title, his surname before 'of'; the
            # place after it is no part of a person's name (only a full name the text gives names him)
            first = first[:peer.end("name")]
        words = [w for w in first.split() if w.lower() not in _HONORIFICS and len(w.rstrip(".")) > 1]
        if not words:
            return None, text
        # an initial glued to the surname ('D.Roe', as a ministry's briefing prints its spokesman) is no part of it
        surname = re.sub(r"^(?:[A-Z]\.)+(?=[A-Z])", "", words[-1]).upper().rstrip(".")
        # the one the article names with that surname (a person it proposed an id for included: 'MR. DOE:' after
        # 'JOHN DOE, HOST:'), else the dictionary's one person of that surname
        named = [x.actor for x in doc.mentions_in(0, m.start()) if x.kind == "person" and x.actor
                 and x.text.split()[-1].upper() == surname]
        if named and len(set(named)) == 1:
            return named[-1], text
        # the one person the article proposed an id for with that surname
        new = {pid for pid, name in doc.proposed.items() if name.split()[-1].upper() == surname}
        if len(new) == 1:
            return new.pop(), text
        # the member the chair called by his full name just before ('I call Mr Peter Quinlan.', then 'Mr Quinlan:')
        # a label that is a full name nobody lists ('Aoife Brennan (Galway West, Labour)'), not the dictionary's
        # other person of that surname: the id it proposes, as a name in the text does
        # a style and a surname alone ('SEC. DELES.', 'Senator Downe:'), no office's words; of two people of that
        # surname named before ('SEC. JANE ROE', 'ATTY. TOM ROE'), the label's style tells which
        styled = len([w for w in first.split() if w.lower().rstrip(".") not in self.styles_or_honorifics]) == 1
        full = self._called(doc, m, surname) or (None if peer else self._mixed_name(first)) \
            or (self._written_before(doc.norm, m.start(), surname, self._style_of(first)) if styled else None)
        if full:
            entry = self.lex.entries.get(person_id(full))
            return (entry.id if entry is not None and entry.kind == "person" else self._propose(doc, full)), text
        ids = self.by_surname.get(surname, [])
        if len(set(ids)) == 1:
            return ids[0], text
        # a delegate the dictionary does not know speaks for the state the record names after him
        # ('Mr. Aboulatta (Egypt):'), as 'the representative of Egypt' does in the coverage
        note = next((x.actor for x in doc.mentions_in(m.start("note"), m.end("note")) if x.actor
                     and x.kind in ("state", "organisation")), None) if m.group("note") and _RECORD_NAME.match(who) else None
        return note, text
