"""Quotes: direct (straight or curly marks, split, continued across paragraphs, nested) and indirect
("X said that ...", "according to X"), each with its speaker, the words naming the speaker and the cue.

The speaker of a direct quote is looked for, in order: at a cue after the closing mark (", Kerry
said", ", said Kerry"), at the last cue before the opening mark in its sentence ("Lavrov said:",
"Putin had called it", a headline's "Lavrov:"), at a cue ending the sentence (", he said."), at a
colon ending the sentence before, in a pointer sentence after ("The remark came from ..."), in a
short sentence just before whose subject is a person ("Churkin was more guarded."), and in the
previous quote when this one continues it. Within the words at the cue, a named person beats a
pronoun (resolved to a sentence subject), which beats a body; anonymous officials and diplomats get
no actor; an unnamed spokesman speaks for his body. Quoted terms without a speaker are not quotes.
A fragment inside a report is the reporter's words unless a verb of its own, in the sentence, reports or names it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from accord.ingest.document import IngestDoc, Mention
from accord.ingest.components.proposed import OFFICES, ROLES
from accord.ingest.components.transcript import asks, state_named_most
from accord.ingest.components.segmenter import ABBREVIATIONS
from accord.ingest.registry import Context, component
from accord.ingest.words import first_words

CUES = (r"said|says|say|told|tells|added|adds|stated|declared|warned|warns|insisted|insists|argued|stressed|noted|"
        r"announced|asserted|explained|urged|acknowledged|claimed|claims|suggested|replied|wrote|writes|tweeted|"
        r"posted|shouted|exclaimed|joked|mused|complained|cautioned|conceded|emphasi[sz]ed|reiterated|repeated|remarked|observed|affirmed|confirmed|"
        r"denied|pledged|vowed|promised|predicted|recalled|maintained|contended|responded|countered|asked|"
        r"continued|quipped|admitted|objected|protested|accused|accuses|dismissed|called|calls|described|"
        r"describes|branded|termed|tell|[Aa]ccording to|adding|saying|telling|warning|insisting|calling|describing|"
        r"writing|"
        r"branding|terming|made clear|"
        r"made it clear|been clear|believes|argues|maintains|answered|offered|reads|states|stress|insist|warn|deny|denies|"
        r"underlined|underscored|reaffirmed|rule out|ruled out|assured|assures|recalls|charged")
_CUE = re.compile(rf"(?<![-\w])(?:{CUES})\b")
_ANONYMOUS = re.compile(r"\b(?:officials?|diplomats?|sources?|aides?|observers?|analysts?|residents?|activists?|"
                        r"witnesses?|people|someone|insiders?)\b", re.I)
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|statement|ministry|office|press service)\b", re.I)
_COMMON_NOUNS = (r"(committee|group|coalition|council|ministry|movement|alliance|government|mission|army|charity|agency|"
                 r"organi[sz]ation|commission|league|bloc)(?:'s)?\b")
# 'the foreign ministry said': a body's noun after 'the' and at most two small words, only opening the speaker's words
# ('a lawmaker from the ruling coalition' is someone of an unnamed coalition: there only 'the coalition' alone)
_COMMON_BODY = re.compile(r"the (?-i:[a-z-]+ ){0,2}?" + _COMMON_NOUNS, re.I)
_COMMON_BODY_BARE = re.compile(r"\bthe " + _COMMON_NOUNS, re.I)
# what an organisation is called again without its name ('the charity', 'the agency', 'the organisation')
_ORGANISATION_NOUNS = ("charity", "agency", "organisation", "organization", "commission", "league", "bloc")
# the nouns of a body a possessive names again ('the charity's Syria mission'), and the kinds of actor each may be
_OWNER_NOUNS = frozenset(_ORGANISATION_NOUNS) | {"committee", "group", "coalition", "council", "ministry", "movement",
                                                 "government"}
_NOUN_KINDS = {"group": ("armed_group", "political_group"), "government": ("government",), "army": ("government",),
               **{n: ("organisation",) for n in _ORGANISATION_NOUNS}}
# 'the charity's Syria mission', 'the agency's spokeswoman': someone of the body the possessive refers to again, not a
# state or place named after it
_OWNER = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+)'s\s")
# 'An ICRC surgeon who took part in the convoy', 'a WFP driver': someone of the body named before the noun, who speaks
# for himself (only a spokesperson speaks for the body)
_ONE_OF_BODY = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z-]+\s+)?(?P<body>(?:[A-Z][\w.&'-]*\s+){1,4})"
                          r"(?:[a-z-]+\s+)?(?P<noun>[a-z]+)\b")
# what a body issues or sends, which speaks for it ('an OCHA report said', 'a UN team said'): no one of its people
_BODY_THINGS = {"report", "reports", "document", "letter", "note", "release", "study", "assessment", "survey", "update",
                "bulletin", "communique", "readout", "tweet", "post", "message", "announcement", "website", "team",
                "teams", "delegation", "mission", "office", "unit", "branch", "agency", "source", "sources"}
# a title alone referring to a person named earlier ('the minister', 'the Russian envoy'), not 'a minister'
_DEFINITE_TITLE = re.compile(r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s")
# a body's unnamed spokesperson referred to again ('the spokesperson'), or through a possessive ('their spokesman')
_SPOKES_AGAIN = re.compile(r"(?:the|its|their) spokes(?:man|woman|person)$", re.I)
# an official text speaks for the body that adopted or issued it ('"...," the resolution reads')
_DOCUMENT = re.compile(r"(?:the|its|this|that|their) (?:(?:draft |joint |final |presidential |press )?(?:resolution|"
                       r"statement|communiqu[e\u00e9]|declaration|text|decision|letter|report))$", re.I)
_BODY_KINDS = ("organisation", "forum")
_RUN_BY = ("-run", "-controlled", "-owned", "-affiliated", "-backed", "-linked", "-aligned", "-allied", "-based",
           "-funded", "-sponsored")
# a spokesman or official then his name in apposition (a rank may open it)
_NAMED_APPOSITION = re.compile(r"\b(?:spokes(?:man|woman|person)|official|officer|commander|envoy|minister|ambassador|"
                               r"representative|adviser|aide),?\s+(?:[A-Z][\w.'-]*\s+){1,4}[A-Z][\w'-]+,?$")
_MEMBERS_OF_BODY = re.compile(r"(?:[Tt]he )?(?:[\w.-]+ ){1,4}members|(?:[Tt]he|[Aa]ll|[Ii]ts) members of (?:the )?[\w. -]{2,60}")
# the verbs of a resolution's or a statement's operative paragraphs
_OPERATIVE = re.compile(r"(?:(?:demand|express|request|stress|reaffirm|condemn|affirm|insist|support|recall|appeal|reject|"
                        r"remind)(?:s|es|ed)?|(?:urge|decide|underline|welcome|note|emphasi[sz]e|encourage|endorse|"
                        r"recogni[sz]e|acknowledge|agree|deplore|reiterate|invite|pledge|declare|determine|authori[sz]e)"
                        r"[sd]?|call(?:s|ed)?\s+(?:upon|on|for)|commit(?:s|ted)?|regret(?:s|ted)?)\b")
# the official text, or 'it', as the subject of a clause quoting it
_TEXT_SUBJECT = re.compile(r"\b(?:(?:[Tt]he|[Ii]ts|[Tt]his) (?:draft |joint |final |presidential |press )?(?:resolution|"
                           r"statement|communiqu[e\u00e9]|declaration|text|decision|document)|[Ii]t|"
                           r"Resolution \d{3,4}(?: \(\d{4}\))?)\b")
# between the subject and the quotation mark: an adverb, then an operative verb and a few words ('demands that
# all parties'), or nothing and the quoted words open with the verb
_OPERATIVE_GAP = re.compile(rf"\s*(?:(?:also|further|again|once more|then|strongly|firmly)\s+)?"
                            rf"(?:(?P<verb>{_OPERATIVE.pattern})(?:\s+[\w'-]+){{0,6}}?)?\s*")
# an official text opening the words, an apposition after it ('Resolution 2268, drafted by ...,')
_TEXT_IN_APPOSITION = re.compile(r"(?P<text>(?:[Tt]he (?:draft |new )?resolution|Resolution \d{3,4}(?: \(\d{4}\))?)),\s")
_DOCUMENT_CUES = ("reads", "states")
# an official text brought in with its issuer ('said in a press communiqué', 'In its final communiqué,')
_TEXT_INTRODUCED = re.compile(r"\b[Ii]n (?:a|an|its|their|the|his|her) (?:[\w-]+ ){0,2}?(?P<noun>statement|"
                              r"communiqu[e\u00e9]|declaration|letter|report)\b")
# a body called again by the noun of its full name ('the Conference', 'The Summit')
_BODY_AGAIN = re.compile(r"[Tt]he ([A-Z][a-z]+)")
# an official text named before the verb that quotes it, however it is numbered ('presidential statement S/PRST/...')
_TEXT_NAMED = re.compile(r"\b(?:resolution|statement|communiqu[e\u00e9]|declaration|text)\b[^:\n\"]{0,60}$", re.I)
_DOCUMENT_BEFORE = re.compile(r"(?:\b[Ii]t|\b(?:the|its|this|that|their) (?:(?:draft |joint |final |presidential |press )?"
                              r"(?:resolution|statement|communiqu[e\u00e9]|declaration|text|decision|letter|report)))\s+$",
                              re.I)
# an office of a state named without the state, after 'spokesman of the'
_STATE_OFFICE_AFTER = re.compile(r"(?:Foreign )?(?:Ministry|Presidency|Foreign Office|Government)\b(?! of [A-Z])|"
                                 r"Ministry of Foreign Affairs\b(?! of [A-Z])")
# what a body issues, or who speaks for it, with the body after ('A statement from the Ministry', 'a spokesman for
# the Foreign Ministry', 'the communique issued by the Commission')
_ISSUED_FOR = re.compile(r"(?:[Aa]n?|[Tt]he|[Aa]nother)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|statement|"
                         r"communiqu[e\u00e9]|release|letter|note)\s+(?:(?:issued|released|sent)\s+)?(?:for|of|from|by)\s+(?:the\s+)?")
_SPOKES_FOR = re.compile(r"spokes(?:man|woman|person) (?:for|of) (?:the )?")
# the subject of a sentence that is someone the dictionary cannot name ('His prime minister, speaking ...'):
# a pronoun after it refers to that person, not to someone named earlier
_UNNAMED_SUBJECT = re.compile(r"(?:[A-Z][a-z]+ing\b[^,\"\n]{0,50},\s+(?=[a-z]))?(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|A|An|an|a|Another|another|One|one)\s+(?:[\w-]+\s+){0,3}?(?:minister|president|"
                              r"spokes(?:man|woman|person)|official|diplomat|envoy|ambassador|chairman|co-chairman|leader|"
                              r"commander|general|aide|adviser|negotiator|speaker|deputy|counterpart|colleague|host|representative|"
                              r"delegate|member)\b(?:\s+spokes(?:man|woman|person)\b)?")
# 'For his part, the official spokesman of the Ministry said': an unnamed spokesman after a short opening phrase
_OPENED_SPOKES = re.compile(r"[A-Z][\w' ]{2,30}?,\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?spokes(?:man|woman|person)\b")
# 'The representative of France said ...': a 'she' after it speaks for the state represented
_REPRESENTATIVE_OF = re.compile(r"(?:The|the)\s+(?:representative|delegate|ambassador)\s+of\s+")
# an unnamed person speaking at a cue ('..., a Russian diplomat said on Wednesday.'): a 'he' in the next
# sentence goes on with that speaker, not with whoever the sentence named
# (written to open with a class of first letters, each alternative's letter checked behind: '\b(?:[Aa]n?|[Oo]ne|
# [Aa]nother)' gave the engine no first character to skip to, and it entered the pattern at every character)
_UNNAMED_AT_CUE = re.compile(r"[AaOo](?<!\w.)(?:(?<=[Aa])n?|(?<=[Oo])ne|(?<=[Aa])nother)\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:official|diplomat|aide|source|"
                             rf"negotiator|envoy|spokes(?:man|woman|person))\s+(?:{CUES})\b")
# 'an aide quoted him as saying': the one quoted speaks, not the one who quotes him
_QUOTED_AS = re.compile(r"[\s,]*[^,\"\n]{1,50}?\squoted\s+(?!by\b)(?P<who>[^,\"\n]{1,50}?)\s+as\s+"
                        r"(?P<cue>saying|telling|warning)\b")
_QUOTED_AS_BEFORE = re.compile(r"\squoted\s+(?!by\b)[^,\"\n]{1,30}?\s+as\s+$")
_JOINED = re.compile(r",?\s+and\s+(?:the\s+)?")
_AND_WORD = re.compile(r"and(?<!\wand)\b")  # '\band\b' with the literal first, which the engine searches for
_JOINT_TEXT = re.compile(r"(?:the|a|their) joint (?:statement|declaration|communiqu[e\u00e9]|text)\b", re.I)
# a pronoun object after a reporting verb, unless a verb follows and makes it a clause ('said it was ...')
# ('told him that ...' reports; 'said so that all could hear' and 'said nothing that helped' have their object)
_VERB_AFTER = (r"\s+(?:\w+ed|is|was|were|are|had|has|have|would|will|could|can|must|did|does|should|may|might"
               r"{})\b")
_OBJECT_AFTER = re.compile(rf"(?:it|them|him)\b(?!{_VERB_AFTER.format('|that')})"
                           rf"|(?:so|nothing|little|something|anything)\b(?!{_VERB_AFTER.format('')})")
# verbs that take a thing as often as a clause ('announced a 72-hour truce', 'repeated Turkey's objection'): what
# follows them is a report only with a finite verb of its own ('announced a truce would begin') or 'that'
# after 'According to X,': a subject of a few capitalised words and a reporting verb with 'that' ('Wang told his
# counterpart that', 'the minister said that'): that subject's words, the source's report of them
_TOLD_THAT = re.compile(r"[ \t]*(?:[Tt]he[ \t]+[a-z]+|[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})[ \t]+"
                        r"(?:(?:had|has)[ \t]+)?(?:told|said|says|tells|assured|informed)\b(?:[ \t]+[\w'\u2019-]+){0,3}?[ \t]+that\b")
# '..., according to the statement.' closing a reported clause: the report's source, not its words
_SOURCE_AT_END = re.compile(r",\s+according to [^,;]*[.;]?\s*$")
_NP_CUES = {"announced", "repeated", "reiterated", "confirmed"}
_WHEN_WHERE = r"(?:(?:today|yesterday|tonight|(?:this|on) \w+|in [A-Z][\w-]+)\s+)*"
_NP_OBJECT = re.compile(_WHEN_WHERE + r"(?:a|an|the|its|their|his|her|our|[A-Z][\w.-]*'s)\s")
# someone and the role he is named to ('H.E. X as mediator of the dialogue')
_AS_ROLE = re.compile(r"(?P<who>[^,;\"]{1,80}?)\s+as\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?[a-z]")
_PASSIVE = re.compile(_WHEN_WHERE + r"by\s")  # 'the plan announced (yesterday) by the envoy'

_PAST = re.compile(r"\b[a-z]{3,}ed\b")
# 'said no because ...', 'said yes, but': an answer, no reported clause ('said no agreement was reached' is one)
_SAID_NO = re.compile(r"(?:no|yes)(?=\s*[,.;!?]|\s+(?:because|to|and|but|when|after|for|in|on|at)\b)")
_FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|would|will|could|can|must|did|does|do|should|may|might|that)\b")
# a second verb of the same subject ('said ... and warned that', 'said ... but insisted that')
_SHARED_VERB = re.compile(r"\b(?:and|but)(?:\s+(?:did|does|do|would|could|has|had|have)(?:\s+not|n't)?)?\s*$")
_GOES_ON = re.compile(r"(?:\s+(?:on|in|at|late|early|earlier|later|after|before|during)\b[^,;\"]{0,40})?,\s+"
                      r"(?:and|but)\s+(?=\w)")
_SET_OFF_AFTER = re.compile(r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
                            r"tonight)\s*)?,\s+(?:the|a|an)\s")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+$")
# 'writing that' reports a clause, a verb within its first words ('writing that the truce was fragile'); 'writing
# that letter to the envoy' has its object, and 'in writing' is a noun ('put the terms in writing')
_WRITING_CLAUSE = re.compile(r"\s+that\s+(?:[^\s,;.]+\s+){0,4}?(?:is|are|was|were|had|has|have|would|will|could|can|"
                             r"must|did|does|do|should|may|might|[a-z]{3,}ed)\b")
_IN_BEFORE = re.compile(r"\bin\s+$")
# 'It has been clear that ...': nobody speaks, 'it' a dummy subject
_DUMMY_BEFORE = re.compile(r"\b(?:[Ii]t|[Tt]his)\s+(?:has|had|have)\s+(?:\w+\s+)?$")
_PARTICIPLE_AFTER = re.compile(r",\s+(?!according\b)\w+ing\b")
_RELATIVE = re.compile(r" (?:who|which|whose)\b")
_POINTER = re.compile(r"(?:The|That|This|Those|These|Such) (?:remarks?|comments?|words?|warnings?|messages?|statements?|"
                      r"lines?|assessments?|verdicts?|views?|quotes?|appeals?|pleas?)"
                      r" (?:came|come|was|were|is|are)(?: the \w+)? (?:from|by|of) (?P<sp>[^.,;]{2,60})"
                      r"|(?:It|They) (?:came|come) from (?P<sp3>[^.,;]{2,60})"
                      r"|(?:That|This|Such) (?:was|is) (?:the )?(?:verdict|view|message|assessment|warning|word|line|"
                      r"reaction|response) (?:of|from) (?P<sp2>[^.,;]{2,60})"
                      # '"Unacceptable" was how Lavrov described the plan'
                      r"|(?:was|is) (?:how|what) (?P<sp4>[^.,;\"]{2,60}?) (?:described|called|termed|put|summed|"
                      r"said|says|calls|describes)\b")
_INDIRECT_CUES = {"said", "says", "told", "tells", "added", "insists", "insisted", "warned", "denied", "argued",
                  "stressed", "announced", "claimed", "acknowledged", "believes", "suggested", "noted",
                  "confirmed", "predicted", "explained", "complained", "made clear", "made it clear", "been clear", "argues",
                  "maintains", "maintained", "wrote", "writes", "writing", "adding", "saying", "warning", "insisting", "repeated",
                  "conceded", "admitted", "stated", "declared", "asserted", "reiterated", "cautioned", "contended",
                  # present tense of plural subjects ('sources tell Reuters that') and after an auxiliary of
                  # emphasis ('Lavrov did stress that', 'did say that')
                  "tell", "say", "stress", "insist", "warn", "deny",
                  # an official text's words reported ('The text states that the Council ...')
                  "states",
                  # a body's verbs of saying in a press statement ('Council members underlined that ...')
                  "underlined", "underscored", "reaffirmed", "recalled", "emphasised", "emphasized", "denies",
                  "rule out", "ruled out",
                  # a promise or a reminder to someone ('she assured me that ...', 'the ministry recalls that ...')
                  "assured", "assures", "recalls",
                  # an accusation ('Nasrallah charged that ...'; 'charged with', 'charged the line' report nothing)
                  "charged"}
# verbs that report only with 'that' after them ('did not rule out that ...'; 'recalled the attack' reports nothing)
_THAT_ONLY_CUES = {"rule out", "ruled out", "recalled", "recalls", "reaffirmed", "underlined", "underscored", "denies",
                   "been clear", "charged"}
# verbs of a body's statement: a report only when a body (or its members) speaks ('Council members underlined
# that ...'); a person's 'recalled that' reports as his 'said that' does (dev9 and the splits since annotate it),
# while a release's 'The Government recalls that' is its own text
_BODY_CUES = {"recalls", "reaffirmed", "underlined", "underscored", "emphasised", "emphasized"}
# verbs whose person addressed comes before the reported 'that' ('assured the envoy that ...'; 'assured him of
# support' reports nothing)
_ASSURE_CUES = {"assured", "assures"}
_WHOM_THAT = re.compile(r"\s+[^,;\"\n]{1,50}?\s+(?=that\s)")
# the bare forms report only after 'did'/'do' or a plural subject; 'to say', 'would say', 'cannot say' do not
_BARE_CUES = {"tell", "say", "stress", "insist", "warn", "deny"}
_NOT_REPORTING_BEFORE = re.compile(r"(?:\bto|\bnot|n't|\bwould|\bwill|\bcould|\bcan|\bcannot|\bmay|\bmight|\bmust|"
                                   r"\bshould|\blet|\bI|\bwe|\byou|\bWe|\bYou)\s+$")
# 'the offensive, which diplomats said is meant to ...': a report inside a relative clause; the speaker is
# the relative clause's subject, the words run to the clause's closing comma
_RELATIVE_REPORT = re.compile(r",\s+(?:which|that|who)\s+(?=\S)")
# 'Ms. Y's deputy', 'the envoy's office': someone of that person's, not the person
# 'told his staff to book the hall': whom, then an infinitive
_TOLD_TO = re.compile(r"\s+(?:[\w']+\s+){1,3}?to\s+[a-z]+\b")
_MINISTRY_AFTER = re.compile(r"(?:'s)?\s+(?:[\w-]+\s+){0,2}?ministry\b", re.I)
_SOMEONE_OF = re.compile(r"(?:[\w.]+\s+){0,4}?[\w.-]+'s\s+(?:deputy|aide|aides|adviser|advisers|office|assistant|staff|"
                         r"camp|team|entourage|people|associates?|colleagues?)$")
# 'a member of the Coalition's political committee said': one of a body's members speaks for himself,
# anonymously, not for the body (only a spokesperson speaks for it)
_MEMBER_OF = re.compile(r"(?:an?|one|another|some|several|two|three|four|other)\s+(?:[\w-]+\s+){0,2}?members?\s+of\b", re.I)
# 'an army spokesman': the spokesman of the government whose army the article names
_ARMY_SPOKES = re.compile(r"\b(?:army|military)\s+spokes(?:man|woman|person)\b", re.I)
# 'warned of consequences', 'complained about delays': the verb takes a noun phrase, no reported clause
_NOUN_AFTER = re.compile(r"(?:of|about|against)\b")
_NOUN_AFTER_CUES = {"warned", "warn", "warning", "complained", "spoke", "talked", "cautioned"}
# participles report words of the clause's subject, named earlier in the sentence ('..., adding that ...')
_PARTICIPLES = {"adding", "saying", "warning", "insisting", "writing"}
_NAMING_VERBS = {"called", "calls", "described", "describes", "branded", "termed"}
# participles naming what the subject of the sentence spoke of ('..., calling it "a provocation"')
_NAMING_PARTICIPLES = {"calling", "describing", "branding", "terming"}
# what may follow a reporting verb when the reported words came before it ('at least 15' is a report's words)
_CIRCUMSTANCE = re.compile(r"(?:by (?:tele)?phone|in|on|at(?! least| most)|after|before|during|late|earlier|later|when|"
                           r"while|from|"
                           r"to reporters|to journalists|reporters|journalists|ahead of|amid|following|despite)\b")
_SCARE_BEFORE = re.compile(r"\b(?:a|an|the|so-called)\s*$", re.I)
# a name's words in marks: capitalised, the small words of names between, no stop ('Jordan Compact', 'Friends of Syria')
_NAME_IN_MARKS = re.compile(r"[A-Z][\w'-]*(?: (?:of|for|and|the|on|in|[A-Z][\w'-]*))*")
# a verb naming what the marks hold, an article after it ('called it the', 'described as a', 'dubbed the')
_NAMED_BY_VERB = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)|term(?:s|ed|ing)|"
                            r"dub(?:s|bed|bing)|known as)\b[^.\n\"]{0,20}(?:a|an|the|so-called)\s*$", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|one|some|several|many|two|three|four|other)\b", re.I)


# the speaker of a speech, or whom he answers, as the subject of a report ('We've said all along that ...', 'What
# I said is that ...', 'You said that last week'): his own words, no one else's reported
_SELF = re.compile(r"(?:.*\s)?(?:I|[Ww]e|[Yy]ou)(?:'(?:ve|re|m|d|ll))?")
# how or how often, between the verb and its 'that' ('said plainly that', 'has said many times that')
_MANNER_BEFORE_THAT = re.compile(r"(?:(?:[a-z]+ly|again and again|again|often|before|many times|all along|more than once|"
                                 r"time and again)"
                                 r"[ ,]+){1,2}(?=that\s)")
# a question opening with whom it is put to ('Mr. de Mistura, the government delegation says ...')
_VOCATIVE = re.compile(r"\s*[A-Z][^,\n\"]{0,30},\s+(?=[a-z])")
_DOUBLE = re.compile('"')
_LINE = re.compile(r"[^\n]+")
# a single mark that may open (before a letter) or close (before punctuation, a space or the end) a quote
# the small words between titles ('envoy for Syria', 'Minister of Foreign Affairs and Trade')
_TITLE_GLUE = {"the", "for", "of", "to", "on", "and", "in", "a", "an"}
_SINGLE = re.compile("(?P<open>[\u2018'](?=[A-Za-z]))|(?P<close>[\u2019'](?=[ ,.;:!?\"\u201d\n]|$))")
_CONTINUED_SINGLE = re.compile("\n+[\u2018'][A-Za-z]")
# (the mark first, the character before it looked back at: the engine skips to the rare marks, not to every space)
_MAY_OPEN_SINGLE = re.compile("[\u2018'](?<=[ (\"\u201c].)[A-Za-z]")


# Compiled once (each call of re.match(pattern, ...) looks the pattern up in re's cache).
_SENTENCE_LIKE = re.compile(r"[A-Z].*[.!?]$")
_ENDS_SENTENCE = re.compile(r"[.!?]\s*$")
_WORDS_FOLLOW = re.compile(r"\s*[,.!?;:-]*\s*\S")
_LINE_BREAK = re.compile(r"\s*\n")
_FIRST_WORD = re.compile(r"[\s,.!?;:-]*([A-Za-z]+)")
_NEW_SENTENCE = re.compile(r"[.!?]?\s+[A-Z]")
# a conjunction joining a second verb to the first ('... welcomed the truce and said', '... but added')
_CONJUNCTION_BEFORE = re.compile(r"\b(?:and|but)\s*$")
_THAT = re.compile(r"\s*that\s+")
# a reporting verb just after a closing mark ('"...," X told CNN') attributes the quote; not after '... called it
# "amateurs" and said ...' (a second verb of the same subject) nor after 'Russia would "seriously reassess" its
# relations with Ankara, he said' (a clause goes on after the mark)
_AFTER_CLOSING_MARK = re.compile(r'"(?!\s+and\b)\s*,?\s*[^",]{0,40}(?:,[^",]{1,60},\s*)?$')
_OPENS_DIRECT = re.compile(r"[:,]?\s*\"|[^\"]{0,40}?:\s*\"")
_THAT_AFTER_CUE = re.compile(r"(?:adding |saying )?that\s+")
# a second subject after a contrast or a subordinator ('..., while the envoy of China said', '..., after the United
# Nations said ...'): the report before ends, the new subject speaks for itself
_SUBORDINATE = r"(?:while|whereas|after|before|when|since|because|although|though|until)"
_CONTRAST = re.compile(rf",\s+{_SUBORDINATE}\s+")
# what joins a second reporting verb to the first one's clause: the same subject ('..., and said ...') or a new
# one after a contrast ('..., while the representative of China said ...')
_CLAUSE_JOIN = re.compile(r"(?:,| and| but)(?:\s+(?:did|does|do|would|could|has|had|have)(?:\s+not|n't)?)?\s*$|,\s+"
                          r"(?:" + _SUBORDINATE + r"|(?:and|but)(?!\s+that\b))\s+[^,;\"]{1,60}$")
# a clause joined to the one before after a comma, its own subject opening it ('..., and the opposition has said')
_COORDINATE = re.compile(r",\s+(?:and|but)\s+(?=\S)")
_DATELINE_END = re.compile(r"\s-{1,2}\s|:\s")
# the rest of a dateline after its place, up to the words: a date or an agency perhaps, then a dash; no sentence
# ends in it, though an abbreviation's dot may stand ('Feb. 18, 2016', 'WASHINGTON, D.C.': one capital, up to three
# small letters after it)
def _dateline_rest(abbreviations: Iterable[str]) -> re.Pattern[str]:
    """What may follow a dateline's place before the dash: no sentence's end, a dot only after a single capital or
    one of ``abbreviations`` ('D.C.', 'Feb.'; titles.yaml dateline_abbreviations)."""
    dots = "|".join([r"(?<=\b[A-Z])"] + [rf"(?<=\b{re.escape(a.title())})" for a in sorted(abbreviations)])
    return re.compile(r"(?:[^.!?\n\"\u201c\u2013\u2014]|(?:" + dots + r")\.){0,50}?[ \t]*(?:[\u2013\u2014]|--?)[ \t]*")
# the subject before a first verb in the past, regular or of the common irregular ones ('Maria Lopez met X and told
# him that', 'The committee met on Tuesday and said', 'In Geneva the envoy welcomed the vote and said')
_IRREGULAR_PAST = (r"met|spoke|held|took|won|went|sent|gave|made|came|saw|left|flew|began|broke|brought|chose|drew|"
                   r"fell|felt|found|got|heard|kept|knew|led|lost|paid|ran|rose|sat|sought|stood|struck|swore|"
                   r"thought|threw|wrote|told|said")
_SUBJECT_THEN_VERB = re.compile(r"\s*(?:(?:In|At|On|From)\s+(?:[A-Z][\w'-]*\s+){1,3}(?=the\s))?"
                                r"(?P<np>(?:[Tt]he\s+)?(?:[A-Z][\w'-]*\s+){0,5}[A-Z][\w'-]*"
                                r"|[Tt]he\s+(?:[a-z][\w'-]*\s+){0,2}?[a-z][\w'-]*)"
                                rf"\s+(?:[a-z]{{3,}}ed|{_IRREGULAR_PAST})\b")
# a body named as a person's: before his title ('UN Special Envoy'), or after his name ('X of the OSCE')
# (an office's word of proposed.OFFICES after a few capitalised ones: 'UN Deputy Special Envoy', 'OSCE Head of
# Mission', 'EU High Representative'; not 'General' alone nor 'member': 'the UN General Assembly', 'EU member states')
_TITLE_AFTER_BODY = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}?(?i:Secretary[ -]General|"
                               + "|".join(sorted(OFFICES - {"general", "member"}, key=len, reverse=True)) + r")\b")
_AFFILIATION = re.compile(r"\s+of(?:\s+the)?\s+")
_BODY_AFTER_TITLE = re.compile(r"\s+(?:Command|Staff|Headquarters|Secretariat|Directorate)\b")
_PERSONS_GOVERNMENT = re.compile(r"'s (?:government|administration|cabinet)$", re.I)
# someone of the body named last, called through its possessive ('its leaders said', 'their leadership')
_ITS_PEOPLE = re.compile(r"(?:[Ii]ts|[Tt]heir) (?:leaders?|leadership|chiefs?|negotiators?|delegation|command)")
# ('So' and 'Yet' only before a small letter: 'So Se-pyong', 'Yet' may be a name's first word)
_OPENING_CONJUNCTION = re.compile(r"(?:But|And)\s+(?=[a-zA-Z])|(?:Yet|So)\s+(?=[a-z])")
_HE_SHE = re.compile(r"(?:he|she|He|She)")
_NO_NAME = {"the", "a", "an", "this", "that", "these", "those", "it", "they", "he", "she", "we", "i", "his", "her", "its",
            "their", "our", "some", "many", "both", "all", "one", "two", "three", "several", "other", "another"}
# a name set off at the start of the words or after a comma, an honorific before it or not
_SET_OFF_NAME = re.compile(r"(?:^|(?<=, ))(?:(?:[Tt]he )?(?P<hon>(?:Mr|Ms|Mrs|Dr|Prof)\.?|Honourable|Hon\.|Ambassador|Sheikh|Professor) )?"
                           r"(?P<name>[A-Z][\w'\u00c0-\u024f-]+(?: (?:(?:al|el|bin|ibn|de|da|van|von|du|le|la)[ -])?"
                           r"[A-Z][\w'\u00c0-\u024f-]+){0,6})", re.M)
_CAPITAL = re.compile(r"[A-Z]")
# (_SET_OFF_NAME's finditer tried only after line breaks and ', ' cost more: 45.0M -> 50.2M instructions)
# a person's name opening the words, an apposition after its comma ('Rami Abdel Rahman, head of ...')
_NAME_APPOSITION = re.compile(r"(?P<name>(?:[A-Z][\w'-]+\s){1,3}[A-Z][\w'-]+),\s+(?:the\s+|a\s+|an\s+|[A-Z][\w.-]*'s\s+)?[a-z]")
# a long run of titles and a name nobody knows ('Deputy Prime Minister and Foreign Minister Sheikh Sabah Khaled
# Al-Hamad Al-Sabah'): capitalised words and the small words between them
_TITLES_AND_NAME = re.compile(r"[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|of|for|the|al-[\w'-]+|bin|ibn|de|el-[\w'-]+)){0,15}")
_PERSON_NAME = re.compile(r"(?:[A-Z][\w'-]+\s){1,3}[A-Z][\w'-]+")
_DEFINITE = re.compile(r"the \w")
# an epithet for someone the report named before: a definite office or role, singular, with nobody named in it ('The
# head of State added', 'said the Chancellor', 'The diplomat had said', 'the rebel leader said'), as agency reports
# call a person they named once in full
_EPITHET = re.compile(r"(?:H\.?\s?E\.?\s+)?[Tt]he\s+(?:[\w'-]+\s+){0,3}?(?:diplomat|minister|chancellor|head|leader|envoy|mediator|facilitator|"
                      r"president|premier|negotiator|ambassador|commander|chief|secretary|veteran|"
                      # the offices of international bodies ('the Special Representative', 'the High Commissioner')
                      # ('the representative of Venezuela' is the state's: no epithet)
                      r"commissioner|coordinator|adviser|advisor|rapporteur|chairman|chairwoman|chairperson|"
                      r"politician|opposition figure|cleric|general|official|"
                      # a party's member ('The Social Democrat said', 'the Republican added'), a person
                      r"democrat|republican|conservative|socialist|tory|communist)(?:\s+of\s+(?:the\s+)?[\w'-]+)?", re.I)
# a headline's speaker without an article after the cue ('says opposition chief', 'says top US diplomat')
_HEADLINE_SPEAKER = re.compile(r"(?:[a-zA-Z][\w-]*\s+){0,3}(?:chief|head|leader|envoy|minister|official|diplomat|"
                               r"spokes(?:man|woman|person)|commander|president|negotiator|monitor|group|ministry)")
# 'that' as the subject of a verb, a demonstrative ('and that is why', 'and that remains the policy')
_THAT_THEN_VERB = re.compile(r"(?:is|was|remains|remained|has|had|means|meant|seems|seemed|shows|showed|makes|made)\b")
_AND_THAT = re.compile(r"(?:, | )(?:and|but) that\s+")  # (',? ' as two literal openings: a class to skip to)
_CLAUSE_END = re.compile(r"[.;:!?]|\b(?:who|which|when|after|before|during|adding|as)\b")
_WORD_BEFORE_STOP = re.compile(r"[A-Za-z.]+$")
_DATELINE_DASH = re.compile(r"\s-{1,2}\s|\s\u2014\s")
# (a day of the month after its month, 'on January 8'; a place, 'in Moscow')
_TIME_OR_PLACE = (r"(?:on condition of anonymity|(?:late |early )?on \w+(?: \d{1,2}(?:st|nd|rd|th)?)?"
                  r"(?: on condition of anonymity)?|in [A-Z][\w-]+(?: [A-Z][\w-]+)?|"
                  r"in a statement|in an interview|after [\w ]{3,30}?)")
_CIRCUMSTANCE_AFTER_CUE = re.compile(rf"{_TIME_OR_PLACE}[, ]\s*")
# several, or a place with its apposition, up to 'that' ('said in Moscow on Tuesday that', 'said in Rome, the
# capital, that')
_CIRCUMSTANCES_BEFORE_THAT = re.compile(rf"{_TIME_OR_PLACE}[, ]\s*(?:(?:{_TIME_OR_PLACE}|the [a-z-]+(?: [a-z-]+)?)"
                                        r"[, ]\s*)+(?=that\s)")
# whom words were told: 'reporters', 'the council', an outlet of a few capitalised words before 'that'
# whom a source told, when a comma or the sentence's end follows: an outlet's name, reporters
_TOLD_OUTLET = re.compile(r"(?:(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*|reporters|journalists)(?=\s*(?:,|$))")
# 'told the TASS agency by telephone from Moscow that ...': whom, how and from where, then the words
_TOLD_WHOM = re.compile(r"\s+(?:[^,;\"\n]{1,50}?\s+(?:by (?:tele)?phone|over the (?:tele)?phone|in an? (?:interview|"
                        r"statement|(?:tele)?phone call))(?:\s+from\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:,[^,;\"\n]{1,70},)?)?\s+"
                        r"(?=that\b)"
                        r"|(?:[A-Z][\w.&-]*\s+){1,3}(?=that\b)"
                        # 'told his counterparts in Munich that', 'told the commission on January 8 that'
                        r"|(?:the|his|her|their|its|our|my)\s+[\w' -]{2,40}?\s+(?=that\b)"
                        r"|(?:reporters|journalists|the [\w ]{2,30}?|\w+)\s+)?")
_SPACE = re.compile(r"\s+")
# between a title and the name of its holder: nothing, or the title's complement then a comma ('of the
# Secretary-General and Head of UNSMIL, ')
_TITLE_TO_NAME = re.compile(r"\s+|\s+(?:of|for|to|on|in)\s[^,;:\"\n]{2,90},\s+")
_IN_BRACKETS = re.compile(r"\([^()]*$")  # an opening bracket not closed before the end of the words
_COLON_END = re.compile(r":\s*$")
# where and how the words were said, between the cue and its colon ('said in a statement from the Ministry of Foreign
# Affairs:', 'told reporters at the end of the talks in Geneva:', 'told The Courier by telephone from Riyadh:', whom
# first): a phrase with no clause of its own (no comma, no 'that', 'and', 'which' or 'who')
_CIRCUMSTANCE_TO_COLON = re.compile(r"(?:\s+(?:[Tt]he\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})?"
                                    r"\s+(?:in|on|at|to|from|by|during|after|before|via|through|with|reporters|journalists)\b"
                                    r"(?:(?!\b(?:that|and|which|who)\b)[^\",\n:;.!?]){0,100}:\s*")
# a dash or an opening parenthesis after a closing mark, then a name: the quote is signed ('"..." - Lavrov')
_SIGNATURE = re.compile(r"[ \t]*(?:\n[ \t]*){0,2}(?:-{1,2}[ \t]*|\()(?=[A-Z])")
_SIGNATURE_END = re.compile(r"[,;)\n]|$")
_COLON_OR_COMMA_END = re.compile(r"[:,]\s*$")
_THAT_WORD = re.compile(r"\bthat\b")
_DASH_END = re.compile(r"\w\s+-{1,2}\s*$")
_POSSESSIVE = re.compile(r"(?:and\s+)?([Hh]is|[Hh]er)\b")
_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .,'-]+,.*\s-{1,2}\s*$")
# what opens a line before its words: a live blog's timestamp ('14:05 GMT - ', '9.30am: '), a list's bullet
_LINE_LEAD = re.compile(r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*(?:-{1,2}|:)\s+)?(?:[-*\u2022]\s+)?")
# a sentence whose subject is 'he' or 'she', after an opening clause or not ('When he speaks of it, he ...')
_PRONOUN_SUBJECT = re.compile(r"(?:[A-Z][^,\"\n]{0,60},\s+)?(?P<p>[Hh]e|[Ss]he)\s+[a-z]")
# or a relative clause after him ('Gebran Bassil, who accompanied Salam, told reporters')
_PARTICIPLE_CLAUSE = re.compile(r",\s+(?:\w+ing|who|whom|whose)\b")
# the subject of the clause a colon ends: a noun phrase, then a verb ('was scornful', 'summed up the mood')
# a sentence announcing a statement printed after it, whose issuer is the speaker of its quoted paragraphs
_STATEMENT_INTRO = re.compile(r"[^:\n\"]{0,80}?\bby (?P<by>[^,:;\n\"]{2,80}?)\s*:\s*$"
                              r"|(?P<sp>[^:;\n\"]{2,240}?)(?:\s+(?:today|yesterday|on \w+))?\s+(?:has |had |have )?(?:issued|"
                              r"released|made|delivered|gave|read out|published|put out|sent)\b[^:\n\"]{0,160}:\s*$")
# a circumstance opening the words before a cue, the speaker after its comma
_LEAD_CLAUSE = re.compile(r"(?:According to|Reached|Contacted|In|At|On|After|Before|During|Speaking|Asked|Writing|Addressing|Following|Later|Earlier|"
                          r"Separately|Meanwhile|Turning|Referring|Responding|Replying|Reacting|Commenting|Returning|"
                          r"Noting|Recalling|Welcoming|Pointing|Briefing|Concluding|Summing|Introducing|Opening|Closing)\b[^,\"\n]{0,150},\s+(?=\S)")
# an initial glued to a surname, one word ('M.Zakharova'), ending a speaker's words
_GLUED_INITIAL = re.compile(r"(?<![\w.])([A-Z])\.([A-Z][a-z][\w'\u00c0-\u024f-]+)$")
# a dateline of a place and a day before a dash ('Kuwait City, 21 April 2016 - ', 'GENEVA, March 3 -- ')
_DATED_LINE = re.compile(r"[A-Z][\w.' -]{1,40}, (?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2})(?:,? \d{4})?\s+"
                         r"(?:-{1,2}|\u2013|\u2014)\s+")
_COLON_SUBJECT = re.compile(r"(?:^|(?<=[,;] )|(?<=, and )|(?<=[.!?] ))(?P<sp>[^,:;\n\"]{2,80}?)\s+"
                            r"(?:was|were|is|are|had|has|struck|went|gave|put|\w+ed)\b[^,:;\n\"]{0,40}:\s*$")
# (written '\s\s*W(?:\s+W)*$', not '(?:\s+W)+$': a pattern opening with a repeat gives the engine no class of
# first characters to skip to)
_AUX_WORD = r"(?:have|has|had|also|again|repeatedly|previously|already|publicly|privately|then|later|earlier|would|will|did|does|do)"
_TRAILING_AUX = re.compile(rf"\s\s*{_AUX_WORD}(?:\s+{_AUX_WORD})*$")
# a few words after a reporting verb that make a clause of their own ('said Russia attacked the town'), not
# an object ('said little', 'acknowledged the risk', 'did not say whether ...'): a subject, then a verb
_SHORT_CLAUSE = re.compile(r"(?!(?:whether|if|how|what|why|when|so|nothing|little|much|more)\b)\w+(?:\s+\w+)?\s+"
                           r"(?:\w+ed|is|was|were|are|had|has|have|would|will|could|can|must|did|does)\b")

# a clause after a circumstance of the verb: a subject that is no subordinator, then a verb
_CLAUSE_AFTER_WHEN = re.compile(r"(?!(?:as|when|while|after|before|because|since|if|in|at|on|to|for|with|and|but)\b)"
                                + _SHORT_CLAUSE.pattern)


@dataclass
class Attribution:
    speaker: str | None
    speaker_text: str | None
    cue: str | None


# a quote brought in by its source's words ('in the words of the Statement, "...', 'To quote the envoy: "...')
_WORDS_OF = re.compile(r"\b(?:[Ii]n[ \t]+the[ \t]+words[ \t]+of|[Tt]o[ \t]+quote)[ \t]+(?P<who>[^,:;\"\n]{2,100}?)[ \t]*[,:]?[ \t]*\"$")
# a paragraph that opens pointing back at the quote before it ('With those words, ...', 'With these words ...')
_THOSE_WORDS = re.compile(r"(?:With|In|After|On|By)[ \t]+(?:those|these)[ \t]+(?:words|remarks)[ \t]*,?[ \t]+")
# a paragraph left open and the next reopened by a mark: one speech goes on
_REOPENED = re.compile(r"[ \t]*\n+[ \t]*[\"\u201c]")


def find_quote_spans(text: str, norm: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of the inside of each double-quoted passage, paragraph by paragraph; a quote
    left open at a paragraph's end runs to it (the next paragraph reopens it, or goes on without a mark
    up to the one whose first mark closes it: a statement in one pair of marks across its paragraphs)."""
    out: list[tuple[int, int, bool]] = []
    paras = [(p.start(), p.end()) for p in _LINE.finditer(norm)]
    marks_of = [[m.start() for m in _DOUBLE.finditer(norm, s0, e0)] or _single_marks(text, s0, e0) for s0, e0 in paras]
    for k, (s0, e0) in enumerate(paras):
        marks = marks_of[k]
        i = 0
        if out and not out[-1][2] and out[-1][1] == paras[k - 1][1] and norm[s0] not in "\"'\u2018":
            # the paragraph before left a quote open and this one opens with no mark: it goes on here when a
            # closing mark comes first, here or in a paragraph after it with no mark before
            if not marks and _closes_later(text, paras, marks_of, k):
                out.append((s0, e0, False))
                continue
            if marks and _closing(text, marks[0]):
                out.append((s0, marks[0], True))
                i = 1
        while i < len(marks):
            open_at = marks[i]
            if text[open_at] == "\u201d" and i + 1 < len(marks) and not (
                    (open_at == s0 or text[open_at - 1].isspace()) and text[open_at + 1:open_at + 2].isalnum()):
                i += 1  # a stray closing mark: skip it (unless set to open, after a space and before a word)
                continue
            close_at = marks[i + 1] if i + 1 < len(marks) else None
            out.append((open_at + 1, close_at if close_at is not None else e0, close_at is not None))
            i += 2
    return out


def _closing(text: str, at: int) -> bool:
    """A mark that can only close: a right one, or a straight one after a word's end and before a space, a stop or the
    paragraph's end."""
    if text[at] in "\u201d\u2019":
        return True
    return at > 0 and not text[at - 1].isspace() and (at + 1 == len(text) or text[at + 1] in " \t\n,.;:!?)")


def _closes_later(text: str, paras: list[tuple[int, int]], marks_of: list[list[int]], k: int) -> bool:
    """Whether, among the few paragraphs from the k-th on, the first with a mark has a closing mark first."""
    for j in range(k, min(len(paras), k + 8)):
        if marks_of[j]:
            return text[paras[j][0]] not in "\"'\u2018\u201c" and _closing(text, marks_of[j][0])
    return False


def _single_marks(text: str, s0: int, e0: int) -> list[int]:
    """Single marks used as quotes: an opening one at a word's start, a closing one before punctuation or
    a space (so that apostrophes inside words are left alone)."""
    if not _MAY_OPEN_SINGLE.search(text, s0 + 1, e0) and text[s0:s0 + 1] not in ("'", "\u2018"):
        return []  # no single mark opens a word here: the apostrophes are inside words
    marks: list[int] = []
    for m in _SINGLE.finditer(text, s0, e0):
        i = m.start()
        opening = m.group("open") is not None and (i == s0 or text[i - 1] in " (\"\u201c")
        if opening and len(marks) % 2 == 0:
            marks.append(i)
        elif m.group("close") is not None and len(marks) % 2 == 1:
            marks.append(i)
    if len(marks) % 2 and _CONTINUED_SINGLE.match(text, e0):
        return marks  # left open at the paragraph's end, the next paragraph reopening it: the quote goes on
    return marks[: len(marks) // 2 * 2] if len(marks) >= 2 else []


@component("quotes")
class QuoteExtractor:
    def __init__(self, ctx: Context, max_scare_words: int = 4):
        self.lex = ctx.lexicon
        self.max_scare_words = max_scare_words
        self.dateline_rest = _dateline_rest(self.lex.dateline_abbreviations)
        self._surnamed: dict[tuple[str, str], set[str]] | None = None  # (initial, surname) -> people, when first asked
        self.cue_words = ctx.words.word_set(first_words(CUES))
        # the words of titles and offices, which no name is made of ('Foreign Minister', 'High Commissioner')
        self.title_words = {w.lower() for t in self.lex.titles for w in t.title.replace("-", " ").split()} | {
            "minister", "secretary", "president", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
            "chairman", "chair", "representative", "commissioner", "director", "general", "deputy", "foreign",
            "prime", "king", "prince", "emir", "sheikh", "leader", "head", "chief", "senator", "the", "of", "and"}
        # words that may open the speaker's description right after a closing mark ('," spokesman John
        # Kirby said'); any other lower-case word there means the sentence goes on
        self.speaker_words = {"he", "she", "they", "it", "a", "an", "one", "the", "some", "two", "several", "another",
                              "senior", "western", "officials", "diplomats", "sources", "state"} | \
            {t.title.split()[0].lower() for t in self.lex.titles}

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        norm = doc.norm
        spans = find_quote_spans(doc.text, norm)
        doc.quoted = doc.turns + [(qs, qe) for qs, qe, _ in spans]
        found: list[tuple[int, int, int, Attribution | None]] = []  # start, end, end of closing mark, who
        for qs, qe, closed in spans:
            close_end = qe + 1 if closed else qe
            att = (self._after(doc, close_end) if closed else None) or self._before(doc, qs - 1) \
                or (self._sentence_end(doc, close_end) if closed else None)
            if att is not None and found and _HE_SHE.fullmatch(att.speaker_text or ""):
                att = self._subject_of_quote_before(doc, qs, att, found[-1])
            found.append((qs, qe, close_end, att))
        merged = self._merge_split(doc, found)
        prev: tuple[int, Attribution] | None = None
        unattributed: list[tuple[int, int, str]] = []
        def closed_at(close_end: int) -> bool:
            return close_end > 0 and norm[close_end - 1] == '"'

        # a speech's paragraphs each opened by a mark and left open, the last one closed and attributed ('"... /
        # "... / "...," he said.'): the open ones wait for the speaker of the one that closes them
        waiting: list[tuple[int, int, str]] = []
        for qs, qe, close_end, att, parts in merged:
            # the decisions read the words with the soft line breaks as spaces (a wrapped quote is the same
            # sentence); the output keeps them as written
            said = " ".join(doc.text[a:b] for a, b in parts)
            content = " ".join(doc.article.text[a:b] for a, b in parts)
            words = len(said.split())
            if waiting and not _REOPENED.fullmatch(norm, waiting[-1][1], qs):
                unattributed.extend(waiting)
                waiting = []
            if att is None:
                att = self._words_of(doc, qs) or self._colon_before(doc, qs) or self._pointer_after(doc, close_end) \
                    or (self._signed(doc, close_end) if closed_at(close_end) else None)
            if att is None and doc.headed and (doc.headed[0] == qs - 1 or self._after_dateline(doc, doc.headed[0], qs - 1)):
                # 'Statement by X' above it, a dateline before the mark or not ('CITY, 18 February 2016 – "...'): his words
                att = Attribution(doc.headed[1], doc.headed[2], None)
            sentence_like = bool(_SENTENCE_LIKE.match(said.strip()))
            if att is None and (words > self.max_scare_words or sentence_like):  # 'Not this week.' is speech too
                att = self._subject_before(doc, qs)
            if att is None and closed_at(close_end) and sentence_like and (prev is None or closed_at(prev[0])):
                att = self._named_after(doc, qs, close_end)  # not when it goes on from a quote left open
            if att is None and closed_at(close_end) and sentence_like and words > self.max_scare_words:
                att = self._subject_before(doc, qs, across=True)  # the paragraph before ends with its speaker
            if att is None and prev is not None and norm.count("\n", prev[0], qs) <= 2 and \
                    (words > self.max_scare_words or sentence_like):
                att = prev[1]  # a quote continued with no new attribution
            if att is None and closed_at(close_end) and sentence_like and norm[qs - 2:qs - 1] in ("", "\n"):
                nxt = self._next_paragraph_subject(doc, close_end)  # a paragraph of its own, the speaker next
                att = Attribution(nxt.actor, nxt.text, None) if nxt else None
            if att is None and not closed_at(close_end) and _REOPENED.match(norm, qe) and words > self.max_scare_words:
                waiting.append((qs, qe, content))
                continue
            if att is None:
                unattributed.extend(waiting)
                waiting = []
                unattributed.append((qs, qe, content))  # a scare quote or a quoted term, unless a report holds it
                continue
            for a, b, c in waiting:
                doc.add("quote", a, b, 0.75, speaker=att.speaker, speaker_text=att.speaker_text, content=c,
                        direct=True, cue=att.cue)
                self._nested(doc, a, b)
            waiting = []
            if self._term(norm, qs, qe, words):
                continue
            doc.add("quote", qs, qe, 0.9 if att.cue else 0.75, speaker=att.speaker, speaker_text=att.speaker_text,
                    content=content, direct=True, cue=att.cue)
            prev = (close_end, att)
            self._nested(doc, qs, qe)
        unattributed.extend(waiting)
        self._indirect(doc, spans)
        self._fragments_in_reports(doc, unattributed)
        self._report_speaks(doc)
        return doc

    @staticmethod
    def _report_speaks(doc: IngestDoc) -> None:
        """'Davutoglu said the army had responded "in kind"': a fragment in quotation marks inside a report is the
        reporter's words (the gold format's nested fragment), whatever verb or earlier quote stands nearer to it."""
        reports = [c for c in doc.candidates if c.kind == "quote" and not c.data["direct"]]
        if not reports:
            return
        for c in doc.candidates:
            if c.kind != "quote" or not c.data["direct"] or _SENTENCE_LIKE.match(doc.text[c.start:c.end].strip()):
                continue
            rep = min((r for r in reports if r.start < c.start and c.end <= r.end), key=lambda r: r.end - r.start,
                      default=None)  # the innermost report
            if rep is None or rep.data["speaker"] == c.data["speaker"]:
                continue
            # its own speaker stands when named in the sentence at a verb outside the report, or opening a report of
            # its own ('he promised that Moscow would "do ..."'), or naming it ('The Kremlin said Putin had called it "a real chance"'), unless
            # the report names more speakers ('Cuba and Norway said ...': one of them is not the speaker)
            s = doc.sent_of(c.start)[0]
            who, cue = c.data["speaker_text"], c.data["cue"]
            joint = who and rep.data["speaker_text"] and who != rep.data["speaker_text"] and who in rep.data["speaker_text"]
            at = doc.norm.rfind(cue, s, c.start) if cue else -1
            if c.data["speaker"] is None and who == rep.data["speaker_text"] and cue == rep.data["cue"]:
                # the same words at the same verb, which the report resolved ('the spokesman said the government
                # is "gravely concerned"'): the report's speaker
                c.data.update(speaker=rep.data["speaker"])
                continue
            if who and at >= 0 and not joint and doc.norm.find(who, s, c.start) >= 0 and (
                    at < rep.start or cue in _NAMING_PARTICIPLES or cue in _NAMING_VERBS
                    or _THAT.match(doc.norm, at + len(cue))):  # 'he promised that ...': a report of its own
                continue
            c.data.update(speaker=rep.data["speaker"], speaker_text=rep.data["speaker_text"], cue=rep.data["cue"])

    def _term(self, norm: str, qs: int, qe: int, words: int) -> bool:
        """'a "cessation of hostilities"': a short term after an article that the article uses again: not speech."""
        if words > self.max_scare_words or not _SCARE_BEFORE.search(norm, max(0, qs - 12), qs - 1):
            return False
        term = norm[qs:qe].strip(" ,.").lower()
        # 'the "Jordan Compact" to be announced': a name in marks after the article, two words or more, each
        # capitalised, is a thing's name, though used once (not after a verb naming it: 'what he called the "Axis of
        # Unrest"'); not one word, nor a clause in title case ('the "Americans Are Not Serious"': titles.yaml
        # clause_words)
        if norm.lower().count(term) > 1:
            return True
        parts = term.split()
        return (len(parts) >= 2 and _NAME_IN_MARKS.fullmatch(norm, qs, qe) is not None
                and self.lex.clause_words.isdisjoint(parts)
                and not _NAMED_BY_VERB.search(norm, max(0, qs - 40), qs - 1))

    def _fragments_in_reports(self, doc: IngestDoc, unattributed: list[tuple[int, int, str]]) -> None:
        """'Lavrov said the talks "could go on" but that the list "must come first"': a quoted fragment no cue
        reaches is still the speaker's when a report of his holds it (the gold format: a fragment inside an
        indirect quote is a direct quote of the same speaker)."""
        reports = [c for c in doc.candidates if c.kind == "quote" and not c.data["direct"]]
        for qs, qe, content in unattributed:
            rep = next((c for c in reports if c.start < qs and qe <= c.end), None)
            if self._term(doc.norm, qs, qe, len(content.split())):
                continue
            if rep is not None:
                doc.add("quote", qs, qe, 0.7, speaker=rep.data["speaker"], speaker_text=rep.data["speaker_text"],
                        content=content, direct=True, cue=rep.data["cue"])
                continue
            att = self._operative(doc, qs)
            if att is not None:
                doc.add("quote", qs, qe, 0.7, speaker=att.speaker, speaker_text=att.speaker_text, content=content,
                        direct=True, cue=att.cue)

    def _operative(self, doc: IngestDoc, qs: int) -> Attribution | None:
        """'the Council demands that all parties "fulfil their commitments"', 'The resolution also "calls
        upon" the parties', 'and it "urges all Member States ..."': words an official text is quoted in,
        after a body or the text as the clause's subject and an operative verb (before the mark or opening
        the quoted words). A quote after any other subject stays a quoted term."""
        norm = doc.norm
        lo = max(doc.sent_of(qs)[0], norm.rfind("\n", 0, qs) + 1, norm.rfind('"', 0, qs - 1) + 1)
        subjects: list[tuple[int, int, str | None, str]] = [
            (m.start, m.end, m.actor, m.text) for m in doc.mentions_in(lo, qs) if m.actor and m.kind in _BODY_KINDS]
        subjects += [(c.start, c.end, c.data.get("actor"), doc.text[c.start:c.end])  # its words as read, as a mention's
                     for c in doc.of_kind("description")
                     if lo <= c.start and c.end < qs and c.data.get("type") == "body" and c.data.get("actor")]
        subjects += [(m.start(), m.end(), None, m.group()) for m in _TEXT_SUBJECT.finditer(norm, lo, qs)]
        if not subjects:
            return None
        s, e, actor, words = max(subjects, key=lambda x: x[1])
        gap = _OPERATIVE_GAP.fullmatch(norm, e, qs - 1)
        verb = gap.group("verb") if gap else None
        if gap is None or (verb is None and not _OPERATIVE.match(norm, qs)):
            return None
        if actor is None:  # the text, or 'it': the body that adopted or issued it
            actor = self._author(doc, s)
            if actor is None:
                return None
        cue = verb or _OPERATIVE.match(norm, qs).group()
        return Attribution(actor, words, cue)

    # ---------------------------------------------------------------------------- direct attribution

    def _merge_split(self, doc: IngestDoc, found):
        """'"We will not," Lavrov said, "accept this."' is one quote: the span covers the interruption,
        the content joins the parts with a space. Each quote with its parts' spans."""
        out = []
        i = 0
        while i < len(found):
            qs, qe, close_end, att = found[i]
            parts = [(qs, qe)]
            while i + 1 < len(found):
                ns, ne, nclose, _ = found[i + 1]
                gap = doc.norm[close_end:ns - 1]
                # the words resume after a comma or a dash ('"We are ready" - Hijab said - "to go back"')
                if att is not None and len(gap) < 100 and "\n" not in gap and gap.rstrip().endswith((",", "-")) \
                        and _CUE.search(gap) and not _ENDS_SENTENCE.search(doc.text[qs:qe].strip()):
                    parts.append((ns, ne))
                    qe, close_end = ne, nclose
                    i += 1
                else:
                    break
            out.append((qs, qe, close_end, att, parts))
            i += 1
        return out

    def _after(self, doc: IngestDoc, at: int) -> Attribution | None:
        """', Kerry said' / ', said Kerry, the ...' / ', he told reporters' right after the closing mark."""
        norm = doc.norm
        _, sent_end = doc.sent_of(at)
        limit = min(sent_end, at + 140)
        nxt_quote = norm.find('"', at, limit)
        limit = nxt_quote if nxt_quote >= 0 else limit
        if not _WORDS_FOLLOW.match(norm[at:limit]) or _LINE_BREAK.match(norm[at:at + 3]):
            return None
        first = _FIRST_WORD.match(norm[at:limit])
        if first and first.group(1)[0].islower() and not _CUE.match(norm, at + first.start(1)) \
                and first.group(1) not in self.speaker_words \
                and not doc.mentions_in(at + first.start(1), at + first.start(1) + 1):
            return None  # '"no guarantees" beyond what ...': the sentence goes on, no attribution here
        # a comma before the closing mark: the sentence goes on with its speaker ('...," Deputy Prime Minister
        # and Foreign Minister Sheikh ... said'), however long his titles
        if norm[at - 2:at] != ',"' and _NEW_SENTENCE.match(norm[at:limit]) and not _CUE.match(norm, at + 1):
            # a new sentence: only ', X said' forms belong to the quote, so it must start with the speaker
            m = next(iter(self._cues(doc, at, limit)), None)
            if not m or m.start() - at > 70:
                return None
        quoted_as = _QUOTED_AS.match(norm, at, limit)
        if quoted_as:
            return self._quoted_as(doc, quoted_as)
        m = next(iter(self._cues(doc, at, limit)), None)
        if not m or m.start() - at > 90:
            return None
        cue = doc.text[m.start():m.end()]
        if norm[at:m.start()].strip(" ,.!?-"):
            # the words between the closing mark and the verb are the attribution's subject ('", the conference
            # participants noted'): a definite noun in small letters speaks, as at a sentence's start
            return self._resolve(doc, at, m.start(), cue=cue, own_clause=True)
        # ', said the Syrian ambassador, Bashar Jaafari, in ...': the first person after the cue
        return self._resolve(doc, m.end(), _clause_end(norm, m.end(), limit), cue=cue, prefer_first=True)

    def _cues(self, doc: IngestDoc, lo: int, hi: int) -> list[re.Match[str]]:
        """``_CUE.finditer(doc.norm, lo, hi)``, tried only at the tokens a cue opens with (the same matches on
        every corpus text): the pattern opens with a look-behind, so a scan tried it at every character."""
        at = self.cue_words.offsets(doc)
        norm = doc.norm
        return [m for pos in at[bisect_left(at, lo):bisect_left(at, hi)] if (m := _CUE.match(norm, pos, hi))]

    def _quoted_as(self, doc: IngestDoc, m: re.Match) -> Attribution | None:
        who, cue = m.group("who"), m.group("cue")
        if who.lower() in ("him", "her"):  # an object pronoun: resolved as its subject form would be
            pron = Mention(m.start("who"), m.end("who"), "she" if who.lower() == "her" else "he", None, "person",
                           "pronoun", 0.5)
            return Attribution(self._pronoun_speaker(doc, pron), who, cue)
        return self._resolve(doc, m.start("who"), m.end("who"), cue=cue)

    @staticmethod
    def _sentence(doc: IngestDoc, at: int) -> bool:
        """Whether the quote opening after `at` ends a sentence before its closing mark ('underlined "This approach
        is wrong."'), not a title in marks ('reaffirmed "The Geneva Communique"')."""
        qe = next((e for s, e in doc.quoted if s == at + 1), None)
        return qe is not None and doc.norm[at + 1:qe].rstrip()[-1:] in (".", "!", "?")

    def _before(self, doc: IngestDoc, at: int) -> Attribution | None:
        """The last cue before the opening mark in the same sentence, with the words before it."""
        norm = doc.norm
        sent_start, _ = doc.sent_of(at)
        para_start = norm.rfind("\n", 0, at) + 1
        lo = max(sent_start, para_start)
        lead = _LINE_LEAD.match(norm, lo, at)  # a live blog's '14:05 GMT - ' or a list's '- ' opens the line
        lo = lead.end() if lead else lo
        # a transcript's label opening the sentence names whoever speaks the words around the quote, not its speaker
        lo = next((le for ls, le in doc.labels if ls <= lo < le <= at), lo) if doc.labels else lo
        # 'had reaffirmed the communique "in full"': no verb of saying; 'underlined "This approach ..."' quotes the
        # sentence right after it
        cues = [c for c in self._cues(doc, lo, at) if c.group() not in _THAT_ONLY_CUES or c.group() == "recalled"
                or _THAT.match(norm, c.end(), at)
                or (not norm[c.end():at].strip(" ,:") and norm[at + 1:at + 2].isupper() and self._sentence(doc, at))]
        if not cues and _DASH_END.search(norm, lo, at):
            # 'Jaafari left without a word to the cameras - "Ask the other side ...": a dash, like a colon,
            # hands the words to the clause's subject, a person opening the sentence
            first = next(iter(doc.mentions_in(lo, at)), None)
            if first is not None and first.kind == "person" and first.actor and norm[lo:first.start] in ("", "The "):
                return Attribution(first.actor, first.text, None)
        colon = _COLON_END.search(norm, lo, at)
        if not cues or (colon and colon.start() - cues[-1].end() > 40
                        and not _CIRCUMSTANCE_TO_COLON.fullmatch(norm, cues[-1].end(), at)):
            # 'Lavrov: "No deal"'; 'Speaking from Tripoli, an official of X was scornful: "..."' and
            # '..., and his message was brief: "..."' (a cue earlier in the sentence governs other words):
            # the subject of the clause the colon ends
            heads = [re.fullmatch(r"\s*(?P<sp>[A-Z][^:\n]{0,60}?)\s*:\s*", norm[lo:at]) if not cues else None,
                     _COLON_SUBJECT.search(norm[lo:at])]
            for head in filter(None, heads):
                if any(ps == lo + head.start("sp") for ps, _ in doc.places):
                    continue  # 'GENEVA: "..."': a dateline, no speaker
                possessive = _POSSESSIVE.match(head.group("sp"))
                if possessive:  # 'His answer was one word:' is his
                    pron = "she" if possessive.group(1).lower() == "her" else "he"
                    return Attribution(self._pronoun_speaker(doc, Mention(lo + head.start("sp"), lo + head.start("sp")
                                       + 3, pron, None, "person", "pronoun", 0.5)), possessive.group(1), None)
                att = self._resolve(doc, lo + head.start("sp"), lo + head.end("sp"), cue=None)
                if att is not None:
                    return att
            return None
        if not _COLON_OR_COMMA_END.search(norm, cues[-1].end(), at):
            # 'He added that Turkey had warned its allies "a hundred times"': a fragment in the clause a
            # report's 'that' opens is the reporter's words, not those of a verb inside that clause
            k = next((k for k in range(len(cues) - 1) if _THAT_WORD.search(norm, cues[k].end(), cues[k + 1].start())), None)
            cues = cues if k is None or at - cues[k].end() > 80 else cues[:k + 1]
        m = cues[-1]
        if at - m.end() > 80 or '"' in norm[m.end():at]:
            return None
        if m.group().lower() == "according to":
            return self._resolve(doc, m.end(), at, cue=m.group())
        # 'Kerry told the chamber, adding that ...': the speaker of an earlier cue in the clause chain
        below = len(cues)  # the cues from here on are tried (a verb inside a report the conjunction skips is not)
        for j in range(len(cues) - 1, -1, -1):
            if j > below:
                continue
            start = max([lo] + [c.end() for c in cues[:j]] + [norm.rfind('"', lo, cues[j].start()) + 1])
            if j and _CONJUNCTION_BEFORE.search(norm[start:cues[j].start()]):
                # 'Lavrov made clear ... and said': the verbs share the earlier subject; 'Lavrov said that Syria
                # supports the talks, but insisted that ...': the verb whose report holds the verbs between
                below = next((k for k in range(j) if _THAT_WORD.search(norm, cues[k].end(), cues[j].start())), j - 1)
                continue
            if j and cues[j].group() in _PARTICIPLES | _NAMING_PARTICIPLES \
                    and norm[start:cues[j].start()].rstrip().endswith(","):
                # '"...," one of them told KUNA by telephone, adding: "..."': the subject of 'told'; 'X said that ...
                # would fail, describing the plan as "a bet"': the subject of 'said'
                continue
            if j == 0 and cues[j].group() in _NAMING_PARTICIPLES and norm[start:cues[j].start()].rstrip().endswith(","):
                # 'Russia demanded on Monday that Turkey stop ..., calling the shelling a "provocation"': the
                # sentence's subject names it
                subject = self._opening_subject(doc, start, cues[j].start())
                if subject is not None:
                    return Attribution(subject.actor, subject.text, m.group())
            end = cues[j].start()
            if _CONJUNCTION_BEFORE.search(norm, start, end):  # 'the Council welcomed the truce and said it "..."'
                start, end = _first_verb_subject(norm, start, end) or (start, end)
            att = self._resolve(doc, start, end, cue=doc.text[m.start():m.end()])
            if att is not None:
                return att
        return None

    def _after_dateline(self, doc: IngestDoc, body: int, at: int) -> bool:
        """Whether only a dateline stands between where a paragraph starts and at: its place first, then a date
        perhaps and a dash ('AMMAN/NEW YORK, 18 February 2016 – '), no sentence."""
        end = next((pe for ps, pe in doc.places if ps == body), None)
        return end is not None and at - end <= 60 and bool(self.dateline_rest.fullmatch(doc.norm, end, at))

    @staticmethod
    def _opening_subject(doc: IngestDoc, s: int, e: int) -> Mention | None:
        """The known actor that opens the words between s and e (after a dateline, or 'The')."""
        if any(ps == s for ps, _ in doc.places):
            dash = _DATELINE_END.search(doc.norm, s, min(e, s + 80))
            s = dash.end() if dash else s
        first = next((x for x in doc.mentions_in(s, e) if x.actor), None)
        if first is None or doc.norm[s:first.start].strip() not in ("", "The", "the"):
            return None
        return first

    def _sentence_end(self, doc: IngestDoc, at: int) -> Attribution | None:
        """'Russia would "seriously reassess" its relations with Ankara, he said.': the cue ends the sentence."""
        _, end = doc.sent_of(at)
        m = re.search(rf",\s*(?P<sp>[^,\"]{{1,60}}?)\s+(?P<cue>{CUES})\.?$", doc.norm[at:end])
        if not m:
            return None
        return self._resolve(doc, at + m.start("sp"), at + m.end("sp"), cue=m["cue"])

    def _words_of(self, doc: IngestDoc, qs: int) -> Attribution | None:
        """', in the words of the Statement, "..."', 'In the words of the Secretary-General: "..."': the text or the
        person named there (a text by its author)."""
        m = _WORDS_OF.search(doc.norm, max(0, qs - 160), qs)
        if m is None:
            return None
        att = self._resolve(doc, m.start("who"), m.end("who"), cue="in the words of")
        return att if att is not None and (att.speaker or att.speaker_text) else None

    def _colon_before(self, doc: IngestDoc, qs: int) -> Attribution | None:
        i = doc.sent_index(qs)
        if i == 0:
            return None
        ps, pe = doc.sents[i - 1]
        if doc.norm[pe - 1] != ":" or '"' in doc.norm[ps:pe]:
            return None
        cue = _CUE.search(doc.norm, ps, pe)
        # 'The Special Envoy issued the following statement:', '... was issued today by X:', 'X, the Minister of
        # Foreign Affairs, today issued the following statement on ...:': the issuer, not the whole sentence
        intro = _STATEMENT_INTRO.match(doc.norm, ps, pe) if cue is None else None
        if intro:
            group = "sp" if intro.group("sp") else "by"
            att = self._resolve(doc, intro.start(group), intro.end(group), cue=None, tail=True)
        else:
            att = self._resolve(doc, ps, cue.start() if cue else pe - 1, cue=cue.group() if cue else None)
        if att is None and cue and cue.start() - ps > 120:
            # 'As leaders gather in London for the conference co-hosted by A, B and C, Jane Roe, head of the X, said:':
            # an opening clause too long to read whole, the subject the person set off after its comma
            person = self._set_off_subject(doc, ps, cue.start())
            att = Attribution(person.actor, person.text, cue.group()) if person else None
        text = _TEXT_NAMED.search(doc.norm, ps, cue.start()) if att is None and cue else None
        if text:  # 'The full text of presidential statement S/PRST/2016/5 reads as follows:': the body that issued it
            att = Attribution(self._author(doc, ps), doc.text[text.start():cue.start()].strip(), cue.group())
        return att

    @staticmethod
    def _set_off_subject(doc: IngestDoc, s: int, cue: int) -> Mention | None:
        """The named person right before a cue, after a comma, nothing between them but his office in apposition
        (', Jane Roe, head of the X (XYZ), said'): the subject, however long the clause before the comma."""
        norm = doc.norm
        person = next((m for m in reversed(doc.mentions_in(max(s, cue - 120), cue))
                       if m.kind == "person" and m.actor and m.via in ("name", "short")), None)
        if person is None or norm[person.start - 2:person.start] != ", ":
            return None
        between = norm[person.end:cue].strip()
        if between and not (between.startswith(",") and between.endswith(",") and '"' not in between):
            return None
        if any(m.kind == "person" and m.actor and m.via in ("name", "short") for m in doc.mentions_in(person.end, cue)):
            return None
        return person

    def _pointer_after(self, doc: IngestDoc, at: int) -> Attribution | None:
        """'The remark came from Bashar Jaafari': the speaker in the next sentence, no cue."""
        m = _POINTER.match(doc.norm, at + 1) or _POINTER.match(doc.norm, at + 2)
        if m is None:
            # '"..." The speaker was not a minister. It came from ...': one sentence of comment between,
            # in the same paragraph and with no other quote
            # (or at the next paragraph's start: '"..." The sentence drew applause. / It came from ...')
            i = doc.sent_index(at + 2)
            if i + 1 >= len(doc.sents) or doc.sents[i][0] < at or doc.norm.count("\n", at, doc.sents[i + 1][0]) > 2 \
                    or '"' in doc.norm[at:doc.sents[i + 1][1]]:
                return None
            m = _POINTER.match(doc.norm, doc.sents[i + 1][0])
            if m is None:
                return None
        group = next(g for g in ("sp", "sp2", "sp3", "sp4") if m.group(g))
        end = _RELATIVE.search(doc.norm, m.start(group), m.end(group))  # 'an official who has spent ...'
        return self._resolve(doc, m.start(group), end.start() if end else m.end(group), cue=None)

    def _signed(self, doc: IngestDoc, at: int) -> Attribution | None:
        """'"Nobody dictates to us." - Sergei Lavrov' (a pull quote signed after a dash, on its line or the
        next) and '"We are not leaving" (Riyad Hijab, in Riyadh)': the name after the mark speaks, no cue."""
        m = _SIGNATURE.match(doc.norm, at)
        if m is None:
            return None
        end = _SIGNATURE_END.search(doc.norm, m.end(), min(len(doc.norm), m.end() + 80))
        att = self._resolve(doc, m.end(), end.start() if end else min(len(doc.norm), m.end() + 80), cue=None)
        # a known actor, or a person's name nobody knows ('- Abu Omar, a fighter'); not any capitalised words
        named = att is not None and (att.speaker or _PERSON_NAME.fullmatch(att.speaker_text or ""))
        return att if named else None

    def _named_after(self, doc: IngestDoc, qs: int, close_end: int) -> Attribution | None:
        """'"We did not come here to ..." The delegation was packing. Riyad Hijab said it twice ...': a quote
        opening its paragraph, whole sentences, with the person named in one of the two sentences after it
        (the cue kept when that sentence has one after the name)."""
        para_start = doc.norm.rfind("\n", 0, qs) + 1
        lead = doc.norm[para_start:qs - 1]
        if lead.strip() and not (len(lead) < 80 and _DATELINE_LEAD.search(lead)):
            return None
        para_end = doc.norm.find("\n", close_end)
        para_end = len(doc.norm) if para_end < 0 else para_end
        i = doc.sent_index(close_end + 1)
        for s, e in doc.sents[i:i + 2]:
            if s < close_end or s >= para_end or '"' in doc.norm[s:e]:
                break
            person = next((m for m in doc.mentions_in(s, e) if m.kind == "person" and m.actor
                           and m.via in ("name", "short")), None)
            if person:
                cue = _CUE.search(doc.norm, person.end, e)
                return Attribution(person.actor, person.text, cue.group() if cue else None)
        return None

    def _subject_before(self, doc: IngestDoc, qs: int, across: bool = False) -> Attribution | None:
        """'Vitaly Churkin was more guarded. "We have to ..."': a sentence before, opening with a person, or
        with 'he' / 'she' ('When he speaks of the talks, he quotes his men. "..."'), or reporting someone's
        words ('De Mistura told the Council that convoys had passed. "This is a beginning."': the quote
        goes on with the report's speaker). With ``across``, a quote opening its paragraph and the last
        sentence of the paragraph before ('Lavrov was in no mood to compromise.' / '"We gave it ..."')."""
        i = doc.sent_index(qs)
        if i == 0 or doc.sents[i][0] < qs - 2:
            return None
        ps, pe = doc.sents[i - 1]
        breaks = doc.norm.count("\n", pe, qs)
        if '"' in doc.norm[ps:pe] or self._quoted(doc, ps) or (breaks > 1 and not across) or (across and not 1 <= breaks <= 2):
            return None
        turns = set(doc.turns)
        if any(ps <= a < pe and (a, b) not in turns for a, b in doc.quoted):
            return None  # quoted words in single marks ('\u2018...,\u2019 said X.'): the quote goes on with its speaker
        first = next(iter(doc.mentions_in(ps, pe)), None)
        # 'The UN envoy for Syria, Staffan de Mistura, met ...': the person after the title the sentence opens with
        first = self._titled_subject(doc, ps, pe) or first
        # the subject opens the sentence, or follows an opening clause ('Asked whether he would go, Hijab smiled.')
        # ('Foreign Minister X welcomed ...': after his titles)
        opens = first is not None and (first.start == ps or doc.norm[ps:first.start] in ("The ", "the ")
                                       or (first.start - ps <= 60 and doc.norm[ps:first.start].endswith(", "))
                                       or (first.kind == "person" and self._opens_with(doc, ps, first.start)
                                           and doc.norm[ps:first.start].endswith(" ")))
        if first is not None and opens and first.kind == "person" and first.actor:
            return Attribution(first.actor, first.text, None)
        pronoun = _PRONOUN_SUBJECT.match(doc.norm, ps, pe)
        if pronoun:
            he = Mention(pronoun.start("p"), pronoun.end("p"), pronoun.group("p").lower(), None, "person", "pronoun", 0.5)
            return Attribution(self._pronoun_speaker(doc, he), pronoun.group("p"), None)
        cue = next((m for m in _CUE.finditer(doc.norm, ps, pe) if m.group() in _INDIRECT_CUES), None)
        att = self._resolve(doc, ps, cue.start(), cue=None) if cue and cue.start() - ps <= 120 else None
        return att if att is not None and (att.speaker or att.speaker_text) else None

    def _titled_subject(self, doc: IngestDoc, ps: int, pe: int) -> Mention | None:
        """The person a sentence opens with after his title and a comma ('The UN envoy for Syria, Staffan de
        Mistura, met ...'): the words before the name are titles, names and small words, no verb."""
        norm = doc.norm
        if any(s == ps for s, _ in doc.places):  # after a dateline
            dash = _DATELINE_END.search(norm, ps, min(pe, ps + 80))
            ps = dash.end() if dash else ps
        person = next((m for m in doc.mentions_in(ps, min(pe, ps + 100)) if m.kind == "person" and m.actor
                       and m.via in ("name", "short")), None)
        if person is None or not norm.startswith(", ", person.start - 2):
            return None
        return person if self._opens_with(doc, ps, person.start) else None

    def _opens_with(self, doc: IngestDoc, s: int, at: int) -> bool:
        """Whether the words from s to at are only what may stand before a sentence's subject: titles, small words
        and a capitalised opening ('Meanwhile, Deputy Prime Minister ...')."""
        lower = [w for w in re.findall(r"[\w'-]+", doc.norm[s:at]) if w[:1].islower()]
        return at - s <= 80 and all(w in self.title_words or w in _TITLE_GLUE for w in lower)

    def _next_paragraph_subject(self, doc: IngestDoc, close_end: int) -> Mention | None:
        """'"..." / The envoy was speaking after a day of meetings.': the person (by name, surname or a title
        alone) who opens the first sentence of the next paragraph, when the quote ended its own."""
        norm = doc.norm
        nl = norm.find("\n", close_end)
        if nl < 0 or norm[close_end:nl].strip():
            return None
        at = nl
        while at < len(norm) and norm[at] in "\n \t":
            at += 1
        if at >= len(norm) or norm[at] == '"':
            return None
        s, e = doc.sent_of(at)
        back = _THOSE_WORDS.match(norm, at, e)
        if back:
            # 'With those words, the envoy for Syria, Jane Roe, announced ...': the person the subject names
            return next((x for x in doc.mentions_in(back.end(), min(e, back.end() + 80))
                         if x.kind == "person" and x.actor and x.via in ("name", "short")), None)
        first = next(iter(doc.mentions_in(at, e)), None)
        if first is None or first.kind != "person" or norm[at:first.start] not in ("", "The "):
            return None
        if first.via in ("name", "short") and first.actor:
            return first
        if first.via == "title" and norm[at:first.start] == "The ":
            holder = first.actor or self._title_holder(doc, first, [])
            if holder:
                return Mention(first.start, first.end, doc.text[at:first.end], holder, "person", "title", 0.7)
        return None

    def _nested(self, doc: IngestDoc, qs: int, qe: int) -> None:
        """'"When Kerry says 'the Syrian people will decide,' he ..."': a quote inside a quote, with the
        speaker the outer speaker quotes."""
        inner = _single_marks(doc.text, qs, qe)
        for a, b in zip(inner[::2], inner[1::2]):
            att = self._before(doc, a) if _CUE.search(doc.norm, max(qs, a - 40), a) else None
            if att and _HE_SHE.fullmatch(att.speaker_text or ""):
                # '"He said 'red line'? ..."': a 'he' inside someone's words is not the nearest name but
                # whoever the article quoted saying those words
                att.speaker = self._echoed(doc, a, doc.text[a + 1:b]) or att.speaker
            if att and (att.speaker or att.speaker_text):
                doc.add("quote", a + 1, b, 0.7, speaker=att.speaker, speaker_text=att.speaker_text,
                        content=doc.article.text[a + 1:b], direct=True, cue=att.cue)

    @staticmethod
    def _echoed(doc: IngestDoc, before: int, words: str) -> str | None:
        """The speaker of the last direct quote before ``before`` that holds these words."""
        words = words.strip(" ,.?!").lower()
        for c in reversed(doc.candidates):
            if c.kind == "quote" and c.data["direct"] and c.end < before and c.data["speaker"] \
                    and words in doc.text[c.start:c.end].lower():
                return c.data["speaker"]
        return None

    # ---------------------------------------------------------------------------- indirect quotes

    def _indirect(self, doc: IngestDoc, spans: list[tuple[int, int, bool]]) -> None:
        """'X said (that) ...', '..., X said.', 'according to X, ...': reported speech outside quote marks
        (it may hold a quoted fragment: 'said it was "not serious"')."""
        norm = doc.norm
        cue_at = self.cue_words.offsets(doc)
        quote_starts = [qs for qs, _, _ in spans]  # in order, not overlapping: the ends are in order too
        quote_ends = [qe for _, qe, _ in spans]
        label_at = _LabelsOver(doc.labels)
        for s, e in doc.sents:
            # a transcript's speech reports others like any text ('QUESTION: Russia says it is hitting Nusra'): the
            # sentence read after its label, the label being no speaker at a cue
            label = label_at(s, e)
            if label is not None:
                after = label[1]
                # 'QUESTION: Mark, the HNC says ...': whom a question is put to is no speaker; an answer's
                # 'Russia, which backs ..., says' keeps its subject
                vocative = _VOCATIVE.match(norm, after, e) if asks(norm[label[0]:after]) else None
                s = vocative.end() if vocative else after
            if s >= e:
                continue
            speaker_at: tuple[int, int] | None = None  # where the sentence's last reporting verb found its speaker
            attributed = False  # that verb attributed a direct quote
            for pos in cue_at[bisect_left(cue_at, s):bisect_left(cue_at, e)]:
                m = _CUE.match(norm, pos, e)
                if m is None:
                    continue
                cue = m.group()
                inside = bisect_right(quote_starts, m.start() + 1) - 1
                if inside >= 0 and m.start() < spans[inside][1] + 1:
                    continue  # a cue inside quote marks
                if cue.lower() == "according to":
                    comma = norm.find(",", m.end(), e)
                    that = _THAT.match(norm[comma + 1:e]) if comma > 0 else None
                    if m.start() == s and comma > 0 and _TOLD_THAT.match(norm, comma + 1, e):
                        continue  # 'According to X, Y told Z that ...': Y's words, reported by X; the verb after says
                    if m.start() == s and comma > 0:
                        self._add_indirect(doc, spans, m.end(), comma, comma + 1, e, cue)
                    elif that:  # 'X has been told, according to Y, that ...': the words after
                        self._add_indirect(doc, spans, m.end(), comma, comma + 1 + that.end(), e, cue)
                    elif m.start() > s and norm[m.start() - 2:m.start()] == ", " and not (
                            _CUE.search(norm, norm.rfind('"', s, m.start()) + 1 or m.start(), m.start())
                            or any(c.group() in _INDIRECT_CUES for c in _CUE.finditer(norm, s, m.start()))
                            or _subject_then_quote(norm, s, m.start() - 2, spans, quote_ends)):
                        # '..., according to X': the words before are X's, unless a reporting verb comes first, after a
                        # quote or not ('"...," he told state television, according to a transcript'; 'Kobler told the
                        # minister that ..., according to the statement': Kobler's words, the statement's report)
                        self._add_indirect(doc, spans, m.end(), e, s, m.start() - 2, cue)
                    break
                if cue not in _INDIRECT_CUES or _QUOTED_AS_BEFORE.search(norm, max(s, m.start() - 40), m.start()):
                    continue
                if cue.endswith("ing") and _DETERMINER_BEFORE.search(norm, max(s, m.start() - 8), m.start()):
                    continue  # 'The warning came from ...': a noun, no verb of the sentence
                if cue == "writing" and (_IN_BEFORE.search(norm, max(s, m.start() - 4), m.start())
                                         or not _WRITING_CLAUSE.match(norm, m.end(), e)):
                    continue
                if cue == "been clear" and _DUMMY_BEFORE.search(norm, max(s, m.start() - 24), m.start()):
                    continue
                if cue in _DOCUMENT_CUES and not _DOCUMENT_BEFORE.search(norm, max(s, m.start() - 60), m.start()):
                    continue  # 'member states said ...': a noun, not the text's verb
                if cue in _THAT_ONLY_CUES and not _THAT.match(norm, m.end(), e):
                    continue
                if cue in _ASSURE_CUES and not _WHOM_THAT.match(norm, m.end(), e):
                    continue
                if cue in _BARE_CUES and norm[s:e].rstrip().endswith("?"):
                    continue  # 'will the government insist on ...?', 'Does Washington still insist that ...?': asked
                if cue in _BARE_CUES and _NOT_REPORTING_BEFORE.search(norm, max(s, m.start() - 12), m.start()):
                    continue  # 'would say', 'to tell', 'we tell them': no report of someone's words  # not a verb of reporting, or the tail of 'quoted him as saying' after a quote
                # 'Churkin said ..., and warned that ...', '..., adding that ...': the earlier verb's speaker
                shared = speaker_at if speaker_at and (cue in _PARTICIPLES or _SHARED_VERB.search(
                    norm[speaker_at[1]:m.start()][-24:])) else None
                if attributed and not shared:
                    break
                if not shared and (_ends_within(quote_ends, m.start() - 4, m.start())
                                   or _AFTER_CLOSING_MARK.search(norm[s:m.start()])) \
                        and not _fragment_in_clause(norm, s, spans, quote_ends, m.start()):
                    # '"...," said X' / '"...," X told CNN': a direct quote's attribution; only a verb that
                    # shares its speaker may follow ('"...," Jaafari said, adding that ...')
                    speaker_at, attributed = (norm.rfind('"', s, m.start()) + 1, m.start()), True
                    continue
                rest = norm[m.end():e].strip(" .")
                whom = _TOLD_OUTLET.match(rest) if cue.startswith(("told", "tell")) else None
                if whom:  # '..., three sources tell Daily Wire, a date ...': the report came before; an apposition follows
                    rest = rest[whom.end():]
                if cue.lower() in _NOUN_AFTER_CUES and _NOUN_AFTER.match(rest):
                    break  # 'warned of serious consequences': no reported clause
                role = _AS_ROLE.match(rest) if cue in _NP_CUES else None
                if cue in _NP_CUES and (_PASSIVE.match(rest)
                                        or (_NP_OBJECT.match(rest) and not _FINITE.search(rest.split(",")[0]))
                                        or (role and not _FINITE.search(role.group("who")))):
                    # ('confirmed H.E. X as mediator': someone named to a role, no words reported)
                    continue  # 'announced a 72-hour cessation of hostilities, ...': a thing, no words reported (a
                    # later verb may still report the sentence: '[...] has not confirmed the figures, the ministry said')
                if (_OBJECT_AFTER.match(rest) or _SAID_NO.match(rest)) and cue not in _ASSURE_CUES:
                    break  # 'said it twice before ...': the verb takes an object, no reported clause
                if _OPENS_DIRECT.match(rest) or norm[m.end():e].rstrip().endswith(":"):
                    break  # 'X said: "..."', 'X told reporters: "..."', 'X told a news conference:' and the words
                    # in the next paragraph: a direct quote's attribution
                circumstance = bool(_CIRCUMSTANCE.match(rest.lstrip(", "))) and " that " not in rest
                if circumstance and _subject_opens(norm, s, m.start()):
                    # 'The envoy said on Friday he hoped talks would resume': a day, then the report without 'that'
                    when = _CIRCUMSTANCE_AFTER_CUE.match(rest)
                    circumstance = not (when and _CLAUSE_AFTER_WHEN.match(rest, when.end()))
                # '..., an official said, but it does not want ...': the report goes on in a second clause
                goes_on = _GOES_ON.match(norm, m.end(), e)
                goes_on = goes_on if goes_on and _SHORT_CLAUSE.match(norm, goes_on.end(), e) else None
                participle = _PARTICIPLE_AFTER.match(rest)  # '..., he said, calling the halt ...'
                short = len(rest.split()) <= 4 and not rest.startswith("that ")  # 'denies that it arms them' is a clause
                # '..., diplomatic sources said, the second call in two days': an apposition after the attribution
                short = short or (bool(_SET_OFF_AFTER.match(rest)) and not _subject_opens(norm, s, m.start()))
                short = short or bool(whom and not participle and rest.startswith(","))
                if rest.startswith(";") or short or circumstance or goes_on or participle:
                    # '..., he said.' / '..., Kerry said in an interview published on Thursday.'
                    comma = norm.rfind(",", s, m.start())
                    if comma > s and not norm[comma + 1:m.start()].strip():
                        # ', its spokesman, Salem al-Meslet, told': the speaker's words hold an apposition
                        inner = norm.rfind(",", s, comma)
                        comma = norm.rfind(",", s, inner) if inner > s else -1
                    if comma > s and self._words_naming(doc, comma, m.start()) <= 9 \
                            and not norm.startswith("as ", comma + 2):  # ', as OCHA confirmed': a comment, no report
                        self._add_indirect(doc, spans, comma + 1, m.start(), s, comma, cue)
                        if rest.startswith(";"):  # '..., he said; the talks had ...': the words go on
                            semi = norm.index(";", m.end())
                            self._add_indirect(doc, spans, comma + 1, m.start(), semi + 1, e, cue)
                        elif goes_on:
                            self._add_indirect(doc, spans, comma + 1, m.start(), goes_on.end(), e, cue)
                        elif participle:  # only a verb sharing the speaker may follow ('adding that ...')
                            speaker_at, attributed = (comma + 1, m.start()), True
                            continue
                        break
                    if (goes_on or participle) and not (rest.startswith(";") or short or circumstance):
                        break  # no ', X said' form before it: what follows the comma is no report of this verb
                    if not rest or circumstance or rest.startswith(";") or not _SHORT_CLAUSE.match(rest):
                        break
                    # 'Kerry said Russia attacked the town': a short report, read as 'X said (that) ...'

                clause = max(s, norm.rfind(";", s, m.start()) + 1)
                contrast = list(_CONTRAST.finditer(norm, clause, m.start()))
                clause = contrast[-1].end() if contrast else clause  # '..., while the envoy of China said': a new subject
                own_clause = False
                if not shared:  # '..., and the Russians have told us that ...': a clause of its own, a new subject
                    subject = _coordinate_subject(norm, clause, m.start())
                    own_clause, clause = subject != clause, subject
                sp_s, sp_e = shared or (clause, m.start())
                relative = None if shared else list(_RELATIVE_REPORT.finditer(norm, clause, m.start()))
                if relative and "," in norm[relative[-1].end():m.start()]:
                    # 'Hijab, who heads the committee, said ...': the relative clause closes before the verb,
                    # whose subject stands before it
                    sp_e, relative = relative[-1].start(), None
                if relative:
                    sp_s = relative[-1].end()  # 'which diplomats said is meant to ...': the clause's subject
                obj = (_TOLD_WHOM if cue.startswith(("told", "tell")) else _WHOM_THAT if cue in _ASSURE_CUES
                       else _SPACE).match(norm[m.end():e])
                cs = m.end() + (obj.end() if obj else 0)
                if cue.startswith(("told", "tell")) and _TOLD_TO.match(norm, m.end(), e):
                    break  # 'told his staff to book the hall': an order, no words reported
                when = _CIRCUMSTANCES_BEFORE_THAT.match(norm[cs:e]) or _CIRCUMSTANCE_AFTER_CUE.match(norm[cs:e]) \
                    or _MANNER_BEFORE_THAT.match(norm[cs:e])
                cs += when.end() if when else 0
                that = _THAT_AFTER_CUE.match(norm[cs:e])
                cs += that.end() if that else 0
                if m.start() - clause > 160 and not shared:
                    break
                # the reported clause ends where another reporting verb takes over ('..., and said ...')
                nxt = next((c for c in self._cues(doc, cs, e) if c.group() in _INDIRECT_CUES
                            and _CLAUSE_JOIN.search(norm[cs:c.start()])), None)
                ce = norm.rfind(",", cs, nxt.start()) if nxt and norm.rfind(",", cs, nxt.start()) > cs else \
                    (nxt.start() - 4 if nxt else e)
                # '..., according to the statement': the source of the whole report, no part of its words
                # ('the town, according to residents, had been shelled': a source inside the words is part of them)
                source = _SOURCE_AT_END.search(norm, cs, ce)
                ce = source.start() if source and source.start() > cs else ce
                # 'said that X, and that Y': two reported statements
                if relative:  # the relative clause closes at its comma: the sentence's own verb follows
                    close = norm.find(",", cs, ce)
                    ce = close if close > cs else ce
                if cue in _BODY_CUES:
                    att = self._resolve(doc, sp_s, sp_e, cue=cue)
                    entry = self.lex.entries.get(att.speaker) if att and att.speaker else None
                    # a body, or a state speaking through its ministry ('the FDFA recalls that ...'); not a person
                    if entry is None or entry.kind not in (*_BODY_KINDS, "state"):
                        continue
                # 'X met Y in Munich and told him that ...': the subject of the first verb, not its object
                second_verb = not shared and not relative and bool(_CONJUNCTION_BEFORE.search(norm, sp_s, sp_e))
                sp_s, sp_e = (_first_verb_subject(norm, sp_s, sp_e) or (sp_s, sp_e)) if second_verb else (sp_s, sp_e)
                for part_s, part_e in _that_clauses(norm, cs, ce):
                    self._add_indirect(doc, spans, sp_s, sp_e, part_s, part_e, cue, prefer_first=second_verb,
                                       own_clause=own_clause)
                speaker_at = (sp_s, sp_e)

    @staticmethod
    def _words_naming(doc: IngestDoc, s: int, e: int) -> int:
        """The words between s and e, a name the dictionary knows counted as one ('monitors from the Organization
        for Security and Co-operation in Europe' is four)."""
        return len(doc.norm[s:e].split()) - sum(len(m.text.split()) - 1 for m in doc.mentions_in(s, e) if m.end <= e)

    def _add_indirect(self, doc: IngestDoc, spans: list[tuple[int, int, bool]], sp_s: int, sp_e: int, cs: int,
                      ce: int, cue: str, prefer_first: bool = False, own_clause: bool = False) -> None:
        att = self._resolve(doc, sp_s, sp_e, cue=cue, prefer_first=prefer_first, own_clause=own_clause)
        if att is None or (att.speaker is None and not att.speaker_text) or _SELF.fullmatch(att.speaker_text or ""):
            return  # 'I told him that ...' in a speech: the speaker's own words, quoted whole already
        if any(ps == cs for ps, _ in doc.places):  # the sentence opens with the dateline: the words follow it
            dash = _DATELINE_END.search(doc.norm[cs:cs + 80])
            cs += dash.end() if dash else 0
        while ce > cs and doc.norm[ce - 1] in ". ,":
            ce -= 1
        while cs < ce and doc.norm[cs] in " ,":
            cs += 1
        if ce - cs < 8:
            return
        inside = [(max(cs, qs), min(ce, qe)) for qs, qe, _ in spans if qs < ce and cs < qe]
        if sum(b - a for a, b in inside) > (ce - cs) / 2 and len(_unquoted(doc.norm, cs, ce, inside).split()) < 2:
            # the words are a direct quote's, already taken; with a clause of its own around a quoted fragment
            # ('said Germany wanted a halt to the fighting "as soon as possible ..."') it is a report too
            return
        doc.add("quote", cs, ce, 0.6, speaker=att.speaker, speaker_text=att.speaker_text,
                content=doc.article.text[cs:ce], direct=False, cue=att.cue)

    # ---------------------------------------------------------------------------- speakers

    def _resolve(self, doc: IngestDoc, s: int, e: int, cue: str | None, prefer_first: bool = False,
                 tail: bool = False, own_clause: bool = False) -> Attribution | None:
        """Who speaks in the words between s and e (the named person nearest the cue: the last one before
        it, or with ``prefer_first`` the first one after it); with ``tail``, words too long to be a speaker's
        are read from a comma near their end; with ``own_clause``, the words open a clause after ', and' ('...,
        and the union said'), where a definite noun in small letters is a speaker as a sentence's first is."""
        norm = doc.norm
        if any(ps == s for ps, _ in doc.places):  # the dateline opens the sentence: the speaker follows it
            dash = _DATELINE_END.search(norm, s, min(e, s + 80))
            s = dash.end() if dash else s
        else:
            dated = _DATED_LINE.match(norm, s, e)  # 'Kuwait City, 21 April 2016 - ': a place the dictionary lacks
            s = dated.end() if dated else s
        while s < e and norm[s] in " ,.;:-\n":
            s += 1
        while e > s and norm[e - 1] in " ,.;:-\n":
            e -= 1
        conj = _OPENING_CONJUNCTION.match(norm, s, e)  # 'But the Special Envoy has been clear that'
        s = conj.end() if conj else s
        lead = _LEAD_CLAUSE.match(norm, s, e)
        s = lead.end() if lead else s  # 'In a statement issued in New York, the Spokesman (said)': after the clause
        after_lead = lead is not None
        aux = _TRAILING_AUX.search(norm, s, e)
        e = aux.start() if aux and aux.start() > s else e  # 'Iranian diplomats have (made clear)'
        if tail and e - s > 120:
            # 'The Special Representative of the OSCE Chairperson-in-Office in Ukraine and in the Trilateral Contact
            # Group, Ambassador Martin Sajdik, made the following statement:': the subject's last apposition
            comma = norm.find(", ", e - 120, e)
            s = comma + 2 if comma >= 0 else e
        if s >= e or e - s > 120:
            return None
        words = doc.text[s:e]
        if cue in _DOCUMENT_CUES and words in ("it", "It"):
            return Attribution(self._author(doc, s), words, cue)  # 'It reads:' after the text was named
        if cue in _DOCUMENT_CUES and not _DOCUMENT.fullmatch(words):
            return None  # 'reads', 'states': only a text reads ('Moscow reads it differently' is no attribution)
        inside = [m for m in doc.mentions_in(s, e) if m.end <= e]
        named = [m for m in inside if m.actor]
        if len(named) >= 2 and named[-1].actor != named[-2].actor and e - named[-1].end <= 1 \
                and _JOINED.fullmatch(norm, named[-2].end, named[-1].start):
            # 'The United States and Russia announced': a joint speaker is neither of them alone
            return Attribution(None, _np(words), cue)
        if _JOINT_TEXT.match(words) or self._joint(doc, s, e, named):
            # 'The Colombian government and the FARC guerrillas announced', 'Kerry and Lavrov told reporters', 'The
            # joint statement, read by diplomats of Cuba and Norway, says': more than one speaker, none alone
            return Attribution(None, _np(words.split(",")[0]), cue)
        if _SOMEONE_OF.fullmatch(words):
            return Attribution(None, _np(words), cue)  # 'according to Ms. Y's deputy': the deputy, not Ms. Y
        person = [m for m in inside if m.kind == "person" and m.actor and m.via in ("name", "short")]
        if len(person) > 1 and "(" in words:
            # 'John Kerry (who spoke after Lavrov) said': a name inside brackets is an aside, not the subject
            person = [m for m in person if not _IN_BRACKETS.search(norm, s, m.start)] or person
        if person and _PERSONS_GOVERNMENT.match(norm, person[-1].end, e):
            # 'President Nkurunziza's government': the government of the state he leads, not the man
            government = self._government_of(person[-1].actor)
            if government:
                return Attribution(government, _np(words), cue)
        if person and not prefer_first:
            # 'Kerry, arriving in Moscow for talks with Putin, said': the subject, not the participle's object
            part = _PARTICIPLE_CLAUSE.search(norm, person[0].end, e)
            person = [m for m in person if m.end <= part.start()] if part else person
        if person:
            m = person[0] if prefer_first else person[-1]
            return Attribution(m.actor, m.text, cue)
        glued = _GLUED_INITIAL.search(words) if "." in words else None
        if glued and not any(m.actor for m in inside):
            # 'M.Zakharova': an initial glued to the surname, one word to the tokenizer; the listed person of that
            # surname whose first name opens with the initial
            return Attribution(self._by_initial(glued.group(1), glued.group(2)), _np(words), cue)
        if _MEMBER_OF.match(words):
            return Attribution(None, _np(words), cue)
        pronoun = [m for m in inside if m.via == "pronoun"]
        if pronoun:
            return Attribution(self._pronoun_speaker(doc, pronoun[-1]), pronoun[-1].text, cue)
        if _HE_SHE.fullmatch(words):
            return Attribution(self._pronoun_speaker(doc, Mention(s, e, words, None, "person", "pronoun", 0.5)),
                               words, cue)
        if words in ("they", "They"):
            # 'The members of the Security Council welcomed ... They stressed that ...': the body the sentence
            # before opened with
            subject = self._body_subject_before(doc, s)
            if subject:
                return Attribution(subject, words, cue)
        if words in ("it", "It", "they", "They"):  # '"...," it said': the body named last, if any, speaks
            return Attribution(self._spokes_body(doc, s, "its"), words, cue)
        lead = _PRONOUN_SUBJECT.match(words)
        if lead:  # 'Asked about the truce, he is blunter still:': the clause's subject is the pronoun
            he = Mention(s + lead.start("p"), s + lead.end("p"), lead.group("p").lower(), None, "person", "pronoun", 0.5)
            return Attribution(self._pronoun_speaker(doc, he), lead.group("p"), cue)
        if _DOCUMENT.fullmatch(words) and not inside:
            issuer = self._issuer(doc, s, words.split()[-1])
            return Attribution(issuer.speaker if issuer else self._author(doc, s), words, cue)
        text = _TEXT_IN_APPOSITION.match(words)
        if text:  # 'Resolution 2268, drafted by the co-chairs of the ISSG, calls for': the body that adopted it
            return Attribution(self._author(doc, s), text.group("text"), cue)
        if _ITS_PEOPLE.fullmatch(words):
            return Attribution(self._spokes_body(doc, s, "its"), words, cue)
        again = _SPOKES_AGAIN.match(_np(words).split(",")[0])
        if again and not any(m.actor for m in inside):
            return Attribution(self._spokes_body(doc, s, again.group().split()[0].lower()), _np(words), cue)
        again = self._titled_before(doc, inside[-1]) if inside and inside[-1].via == "title" and not inside[-1].actor \
            and inside[-1].end >= e - 1 and _DEFINITE_TITLE.match(words) else None
        if again:  # 'the Special Representative' after 'The Special Representative of ..., Martin Kobler,': that man
            return Attribution(again, _np(words), cue)
        if _EPITHET.fullmatch(words) and not any(m.actor and m.kind == "person" and (m.via != "title" or any(
                x.actor == m.actor and x.via in ("name", "short") for x in doc.mentions_in(0, s))) for m in inside):
            # (a title's holder on the day whom the report never named is a guess: 'the President of the
            # Commission' after a Russian minister is not the Russian president)
            # the office's holder among the people named before, else the person the report named last, as 'he' is;
            # with a body named in it ('the Hezbollah chief'), one the report named with that body just before him
            # ('Hezbollah leader X')
            # (the epithet's own noun naming a party, 'The Social Democrat', is no body in it)
            bodies = {m.actor for m in inside if m.actor and m.kind != "person" and m.end < e}
            titled = [m for m in inside if m.kind == "person" and m.via == "title"]
            holder = self._title_holder(doc, titled[-1], inside) if titled and not bodies else None
            holder = holder or self._pronoun_speaker(doc, Mention(s, e, words, None, "person", "pronoun", 0.5))
            if holder and not self._may_serve(holder, words):
                holder = None  # 'the Chinese president' after a Russian named last: not that Russian
            if holder and bodies and not any(
                    x.actor == holder and x.via == "name" and any(b.actor in bodies for b in doc.mentions_in(
                        max(0, x.start - 40), x.start)) for x in doc.mentions_in(0, s)):
                holder = None
            if holder:
                return Attribution(holder, _np(words), cue)
        spokes = _SPOKES.search(words)
        if _ANONYMOUS.search(words) and not spokes:
            return Attribution(None, _np(words), cue)
        if _NAMED_APPOSITION.search(words) and not any(m.kind == "person" and m.actor and m.via in ("name", "short")
                                                       for m in inside):
            # 'A Sudanese army spokesman, Colonel Hassan Abdelrahim': a named person nobody knows speaks, not the army
            return Attribution(None, _np(words), cue)
        members = _MEMBERS_OF_BODY.fullmatch(words)
        if members:  # 'Council members', 'The members of the Security Council': the body's statement
            body = [m.actor for m in inside if m.actor and m.kind in _BODY_KINDS]
            head = words.split()[-2].lower() if not body and len(words.split()) >= 2 else None
            body = body or ([self._antecedent(doc, s, head)] if head and head.isalpha() else [])
            if body and body[-1]:
                return Attribution(body[-1], _np(words), cue)
        issued = _ISSUED_FOR.match(words)
        body = self._issuing_body(doc, s + issued.end(), e) if issued else None
        if body:  # 'A statement from the Ministry', 'a spokesman for the Foreign Ministry': the body's words
            return Attribution(body, _np(words), cue)
        stranger = self._stranger(doc, s, e)
        if stranger:
            return Attribution(None, stranger, cue)
        described = [c for c in doc.of_kind("description") if s <= c.start and c.end <= e and c.end >= e - 2]
        if described and not spokes:  # 'The Secretary told reporters', 'the Government said': who it denotes
            d = described[-1]  # its words as read (a soft break a space), as a mention's are
            return Attribution(d.data.get("actor"), doc.text[d.start:d.end], cue)
        titled = [m for m in inside if m.kind == "person" and m.via in ("title", "anonymous")
                  and not _BODY_AFTER_TITLE.match(norm, m.end)]  # 'the army's General Command': a body's organ
        if titled and not spokes:  # "the Russian envoy" (named by coref when it can), "China's envoy"
            t = titled[-1]
            holder = t.actor or (self._title_holder(doc, t, inside) if t.via == "title" and _DEFINITE_TITLE.match(words)
                                 else None)
            return Attribution(holder, _np(words), cue)
        unknown = _NAME_APPOSITION.match(words)
        if unknown and not any(m.actor for m in doc.mentions_in(s, s + unknown.end("name"))):
            # 'Rami Abdel Rahman, head of the Observatory, said', 'said Laure Vasseur, MSF's head of mission': a
            # person nobody knows speaks, not his body
            return Attribution(None, unknown.group("name"), cue)
        owner = _OWNER.match(words)
        if owner and owner.group("noun").lower() in _OWNER_NOUNS:
            # 'the charity's Syria mission': the body the possessive names again, whatever the words after it name
            return Attribution(self._antecedent(doc, s, owner.group("noun").lower()), _np(words), cue)
        one_of = _ONE_OF_BODY.match(words)
        if one_of and not _SPOKES.fullmatch(one_of.group("noun")) and one_of.group("noun") not in _BODY_THINGS \
                and any(m.actor and m.kind in _BODY_KINDS for m in doc.mentions_in(s + one_of.start("body"),
                                                                                 s + one_of.end("body"))):
            return Attribution(None, _np(words), cue)  # 'An ICRC surgeon ...': someone of the body, for himself
        # 'the Houthi-run Saba news agency': something of the body's, not the body
        body = [m for m in inside if m.actor and m.kind != "person" and not norm.startswith(_RUN_BY, m.end)]
        if body:
            return Attribution(body[-1].actor, _np(words) if _SPOKES.search(words) else body[-1].text, cue)
        if _ARMY_SPOKES.search(words):
            return Attribution(self._antecedent(doc, s, "army"), _np(words), cue)
        # 'the Conference' after 'the Conference of Heads of State of ECCAS', 'the Council' after 'The Council of the
        # League of Arab States': the body it is of
        again = _BODY_AGAIN.fullmatch(words)
        # 'The Chairperson' after 'The Chairperson of the African Union Commission': an officer, no organ of the body
        again = None if again and again.group(1).lower() in OFFICES else again
        of = self._body_of(doc, s, again.group(1)) if again else None
        if of:
            return Attribution(of, words, cue)
        common = _COMMON_BODY.match(words) or _COMMON_BODY_BARE.search(words)
        if common:
            return Attribution(self._antecedent(doc, s, common.group(1).lower()), _np(words), cue)
        if _INDEFINITE.match(words) and len(words.split()) <= 8:
            return Attribution(None, _np(words), cue)  # "one of them", "a shopkeeper in Tripoli"
        if again:  # a body called by its noun that the text never named in full: no actor
            return Attribution(None, words, cue)
        if _CAPITAL.match(words) and (len(words.split()) <= 8 or _TITLES_AND_NAME.fullmatch(words)):
            return Attribution(None, _np(words), cue)  # a named speaker nobody knows, or an unnamed one
        if (own_clause or (after_lead and not self._one_office(words, inside))) and _DEFINITE.match(words) \
                and len(words.split()) <= 6:
            # after a lead clause ('In a joint statement, the four sides said') the subject opens the sentence too;
            # one office there ('Turning to ..., the Director-General said') is someone named before: left to others
            return Attribution(None, _np(words), cue)
        if prefer_first:
            name = _PERSON_NAME.search(words)  # ', said the spokesman, Ali Haidar'
            if name:
                return Attribution(None, name.group(), cue)
            if _DEFINITE.match(words) or _HEADLINE_SPEAKER.fullmatch(words):
                return Attribution(None, _np(words), cue)  # a headline's '..., says opposition chief'

        return None

    @staticmethod
    def _one_office(words: str, inside: list[Mention]) -> bool:
        """Whether a definite subject is one holder of an office ('the Director-General', 'the envoy'), not a group
        ('the four sides', 'the ministers')."""
        head = words.split()[-1].lower()
        return bool(_EPITHET.fullmatch(words)) or any(m.kind == "person" for m in inside) \
            or (head in ROLES and not head.endswith("s"))

    @staticmethod
    def _joint(doc: IngestDoc, s: int, e: int, named: list[Mention]) -> bool:
        """Whether the words s..e join two speakers with 'and' (outside a name: 'the Organization for Security and
        Co-operation in Europe' is one), an actor on each side and not the same one."""
        for a in _AND_WORD.finditer(doc.norm, s, e):
            left = [m for m in named if m.end <= a.start()]
            right = [m for m in named if m.start >= a.end()]
            # the joined names open the words ('Both the Hadi government and ...'); 'He congratulates the Council
            # and Sarraj on ...' is a sentence, no speaker
            lead = re.split(r"[,.;:\u2013\u2014]|\s-", doc.norm[s:left[0].start])[-1] if left else ""
            if len(lead.split()) > 2:
                break
            # no comma before the 'and' ('Jordan was asked ..., and its minister ... told' joins clauses; 'Mohammed
            # Alloush, a senior figure in Jaysh al-Islam and ...' is one man's apposition), no name after a comma
            # past it ('The Turks and the Saudis, Peskov said,' names the speaker there)
            comma = doc.norm.rfind(",", a.end(), e)
            # ('The US, Britain and Norway said': a list of names, each after a comma, is no apposition)
            listed = len(left) >= 2 and all(doc.norm[x.end:y.start] == ", " for x, y in zip(left, left[1:]))
            if left and right and left[-1].actor != right[0].actor \
                    and (listed or "," not in doc.norm[left[0].start:a.start()]) \
                    and not (comma > 0 and any(m.start > comma for m in right)) \
                    and not any(m.start < a.start() < m.end for m in doc.mentions_in(s, a.start())):
                return True
        return False

    def _stranger(self, doc: IngestDoc, s: int, e: int) -> str | None:
        """'Canada's Minister of Foreign Affairs, Stephane Dion, today', 'Mr. Alloush, HNC chief negotiator', 'Foreign
        Minister Datuk Seri Anifah Aman, in the statement,': a person's name set off by commas (or opening the words
        before one), after his titles or not, that names nobody the dictionary knows speaks himself, not the state
        or body around him (gold: a named person who is no known actor is null)."""
        found = self._stranger_at(doc, s, e)
        return found[1] if found else None

    def _stranger_at(self, doc: IngestDoc, s: int, e: int) -> tuple[int, str] | None:
        """Where such a name starts, and the name."""
        norm = doc.norm
        for m in _SET_OFF_NAME.finditer(norm, s, e):
            if not (m.end("name") == e or norm.startswith(",", m.end("name"))):
                continue
            words = m.group("name").split(" ")
            titles = 0  # 'Foreign Minister' before the name
            while titles < len(words) - 1 and words[titles].lower().rstrip(".") in self.title_words:
                titles += 1
            at = m.start("name") + sum(len(w) + 1 for w in words[:titles])
            words = " ".join(words[titles:]).replace("-", " ").split()
            if (len(words) < 2 and not m.group("hon")) or words[0].lower() in _NO_NAME:
                continue
            if any(w.lower().rstrip(".") in self.title_words for w in words[1:]) \
                    or words[0].lower() in self.title_words and not m.group("hon"):
                continue  # 'Minister Lavrov' is known; 'Deputy Foreign Minister' is a title, no name
            if any(x.actor or x.kind != "person" for x in doc.mentions_in(at, m.end("name"))):
                continue
            if any(x.start < at < x.end for x in doc.mentions_in(max(s, at - 80), at)):
                continue  # 'The High Negotiations Committee': the run's title words cut into a known name
            return at, norm[at:m.end("name")]
        return None

    def _pronoun_speaker(self, doc: IngestDoc, pronoun: Mention) -> str | None:
        """'he said': the person who is the subject of the nearest sentence before that names one, gender
        permitting. Sentences of quoted words are someone's speech, not the narrative, and do not count
        towards the distance; a sentence whose subject is someone the dictionary cannot name ('His prime
        minister, speaking ...') stops the search: the pronoun is that person. Inside one speaker's words (a
        transcript's answer: 'I spoke with Kerry. He told me that ...') those words are the narrative."""
        # an epithet ('the diplomat') says nothing of the gender
        want = {"she": "f", "he": "m", "his": "m", "her": "f", "him": "m"}.get(pronoun.text.lower(), None
                                                                             if _EPITHET.fullmatch(pronoun.text) else "m")
        genders = (None, "m", "f") if want is None else (None, want)
        here = doc.sent_index(pronoun.start)
        own = next(((qs, qe) for qs, qe in doc.quoted if qs <= pronoun.start < qe), None)
        people: dict[int, list[Mention]] = {}
        # a dozen sentences back is beyond reach even when most of them are quoted words
        for m in doc.mentions_in(doc.sents[max(0, here - 12)][0] if doc.sents else 0, pronoun.start):
            if m.kind == "person" and m.actor and m.via in ("name", "short", "title") \
                    and not doc.norm.startswith("'s", m.end) and not self._quoted(doc, m.start, own) \
                    and getattr(self.lex.entries.get(m.actor), "gender", None) in genders:
                people.setdefault(doc.sent_index(m.start), []).append(m)
        if own is not None:
            # 'told X: "We respect Mr. de Mistura. But when he says ..."': a person the same words named just before
            # the pronoun, not the one who speaks them
            said = [m for j in (here - 1, here) for m in people.get(j, []) if own[0] <= m.start]
            if said:
                return said[-1].actor
        counted, i = 0, here
        while i >= 0 and counted <= 3:
            s, e = doc.sents[i]
            if i != here and self._all_quoted(doc, s, e, own):
                i -= 1
                continue
            stranger = self._stranger_at(doc, s, min(e, s + 160)) if i != here and not people.get(i) else None
            if stranger and self._opens_with(doc, s, stranger[0]):
                return None  # 'Foreign Minister Datuk Seri Anifah Aman, in the statement, said:': he, whom nobody knows
            unnamed_at = _UNNAMED_AT_CUE.search(doc.norm, s, e) if i != here else None
            if unnamed_at:
                # '..., a spokesman for the committee said. "...," he said': the spokesman goes on, for his body
                return self._spokes_np_body(doc, unnamed_at.start(), unnamed_at.end())
            if people.get(i):
                return people[i][0].actor
            unnamed = (_UNNAMED_SUBJECT.match(doc.norm, s) or _OPENED_SPOKES.match(doc.norm, s)) if i != here else None
            if unnamed:
                # 'Their spokesman, reached by phone, said ...': an unnamed spokesman speaks for his body
                spokes = _SPOKES_AGAIN.match(unnamed.group().lower())
                if spokes:
                    return self._spokes_body(doc, s, spokes.group().split()[0])
                if "spokes" in unnamed.group():  # 'A spokesman for the HNC, ..., said'
                    if self._stranger(doc, s, e):
                        return None  # 'A spokeswoman for the agency, Jane Roe, said': she speaks for herself
                    return self._spokes_np_body(doc, unnamed.start(), e)
                rep = _REPRESENTATIVE_OF.search(doc.norm, s, unnamed.end() + 5)
                state = next((m for m in doc.mentions_in(rep.end(), rep.end() + 5) if m.actor), None) if rep else None
                return state.actor if state else None
            counted += 1
            i -= 1
        # coref's guess, unless it is someone named inside quoted words (coref reads no quotation marks)
        named = next((m for m in reversed(doc.mentions_in(0, pronoun.start)) if m.actor == pronoun.actor
                      and m.via in ("name", "short")), None) if pronoun.actor else None
        return pronoun.actor if named is None or not self._quoted(doc, named.start) else None

    def _by_initial(self, initial: str, surname: str) -> str | None:
        """The one listed person whose name ends in the surname and opens with the initial, if one."""
        if self._surnamed is None:
            self._surnamed = {}
            for e in self.lex.entries.values():
                if e.kind == "person":
                    for n in (e.name, *e.aliases):
                        if " " in n:
                            self._surnamed.setdefault((n[0], n.split()[-1]), set()).add(e.id)
        found = self._surnamed.get((initial, surname), set())
        return next(iter(found)) if len(found) == 1 else None

    def _subject_of_quote_before(self, doc: IngestDoc, qs: int, att: Attribution,
                                 before: tuple[int, int, int, Attribution | None]) -> Attribution:
        """'"...," the Head of State said at the ceremony, which was attended by the Secretary-General, X. "...," he
        added': the sentence the pronoun looks back to holds a quote of its own, whose speaker is its subject; a
        person named in a clause after the cue is no subject of it, and a sentence about no one in between (quoted
        words aside) does not hide him ('"...," said the Facilitator. "...," he added')."""
        prev = before[3]
        if prev is None or not prev.speaker or prev.speaker == att.speaker or prev.cue is None:
            return att
        entry = self.lex.entries.get(prev.speaker)  # a proposed person's, none: his gender unknown
        if (entry is None and not any(m.actor == prev.speaker and m.kind == "person" for m in doc.mentions)) or (
                entry is not None and (
                entry.kind != "person" or entry.gender not in (None, "f" if att.speaker_text.lower() == "she" else "m"))):
            return att
        there = doc.sent_index(max(0, before[2] - 1))
        if any(not self._all_quoted(doc, *doc.sents[j]) for j in range(there + 1, doc.sent_index(qs))):
            return att  # a sentence of the narrative in between
        if att.speaker is not None:
            last = next((m for m in reversed(doc.mentions_in(before[2], qs)) if m.actor == att.speaker), None)
            if last is None or doc.sent_index(last.start) != there:
                return att  # named in a sentence of his own since
        if any(m.kind == "person" and m.actor for m in doc.mentions_in(doc.sents[there][1], qs)):
            return att  # someone named in a sentence since
        return Attribution(prev.speaker, att.speaker_text, att.cue)

    def _body_subject_before(self, doc: IngestDoc, at: int) -> str | None:
        """The body that opens the sentence before ('The members of the Security Council ...', 'Council members
        ...', 'The ISSG ...'), within its first words."""
        i = doc.sent_index(at)
        if i == 0:
            return None
        ps, pe = doc.sents[i - 1]
        head = doc.norm[ps:min(pe, ps + 45)]
        members = re.match(r"(?:The |All )?(?:members of (?:the )?)?", head)
        lo = ps + (members.end() if members else 0)
        first = next((m for m in doc.mentions_in(ps, pe) if m.actor), None)
        if first is not None and first.start <= lo + 4 and first.kind in _BODY_KINDS:
            return first.actor
        return None

    @staticmethod
    def _issuing_body(doc: IngestDoc, s: int, e: int) -> str | None:
        """The body named first from s (after 'a statement from the'): a known body, a description of one ('the
        Ministry' as the state's), or a state's office named without the state (the report's state)."""
        body = next((m.actor for m in doc.mentions_in(s, e) if m.actor and m.kind != "person"), None)
        if body is None:
            body = next((c.data.get("actor") for c in doc.of_kind("description") if s - 4 <= c.start < e
                         and c.end > s), None)
        if body is None and _STATE_OFFICE_AFTER.match(doc.norm, s):
            body = state_named_most(doc, s)
        return body

    @staticmethod
    def _spokes_np_body(doc: IngestDoc, s: int, e: int) -> str | None:
        """The body an unnamed spokesperson between s and e speaks for: named just before the word ('a Kremlin
        spokesman', 'an HNC spokeswoman') or after it ('a spokesman for the committee'); an official or a
        diplomat speaks for nobody."""
        spokes = re.search(r"spokes(?:man|woman|person)", doc.norm[s:e])
        if spokes is None:
            return None
        at = s + spokes.start()
        before = [m for m in doc.mentions_in(s, at) if m.actor and m.kind != "person"]
        if before:
            return before[-1].actor
        after = _SPOKES_FOR.match(doc.norm, at)
        if after:
            body = next((m.actor for m in doc.mentions_in(after.end(), min(e, after.end() + 60))
                         if m.actor and m.kind != "person"), None)
            if body is None and _STATE_OFFICE_AFTER.match(doc.norm, after.end()):
                body = state_named_most(doc, at)  # 'the official spokesman of the Ministry': the report's state
            return body
        return None

    def _all_quoted(self, doc: IngestDoc, s: int, e: int, own: tuple[int, int] | None = None) -> bool:
        """Whether the words s..e are all inside quote marks (other than ``own``, the words being read)."""
        text = doc.norm[s:e].strip()
        return bool(text) and any(qs <= s + 2 and e - 2 <= qe and (qs, qe) != own for qs, qe in doc.quoted)

    def _spokes_body(self, doc: IngestDoc, before: int, det: str) -> str | None:
        """'the spokesperson' -> the body whose spokesperson the article introduced ('a spokesperson for
        the coalition'); 'their spokesman' -> the body last named."""
        if det == "the":
            intro = list(_SPOKES_FOR.finditer(doc.norm, 0, before))
            for m in reversed(intro):
                body = next((x for x in doc.mentions_in(m.end(), m.end() + 1) if x.actor and x.kind != "person"), None)
                if body:
                    return body.actor
            return None
        here = doc.sent_index(before)
        for m in reversed(doc.mentions):
            if m.start < before and m.actor and m.kind != "person" and here - doc.sent_index(m.start) <= 2:
                return m.actor
        return None

    def _issuer(self, doc: IngestDoc, before: int, noun: str) -> Attribution | None:
        """'the communiqué' after the text was brought in with whoever issued it ('..., the co-chairs said in a
        press communiqué.', 'In its final communiqué, the Conference stated'): that issuer, a group of people
        among them (no actor), rather than the body named last."""
        noun = noun.lower().replace("\u00e9", "e")
        norm = doc.norm
        intro = [m for m in _TEXT_INTRODUCED.finditer(norm, 0, before)
                 if m.group("noun").lower().replace("\u00e9", "e") == noun]
        # (the text brought in a paragraph or more before may be another: 'the statement' of the meeting, not the
        # spokesman's statement two paragraphs up)
        if not intro or sum(1 for line in norm[intro[-1].end():before].split("\n") if line.strip()) > 2:
            return None
        m = intro[-1]
        ss, se = doc.sent_of(m.start())
        if norm.startswith(", ", m.end()):  # 'In its final communiqué, X stated': the subject after the comma
            cue = next(iter(self._cues(doc, m.end(), se)), None)
            lo = m.end() + 2
        else:
            cue = next((c for c in reversed(self._cues(doc, ss, m.start())) if m.start() - c.end() <= 30), None)
            lo = max(ss, norm.rfind(",", ss, cue.start()) + 1, norm.rfind('"', ss, cue.start()) + 1) if cue else ss
        if cue is None:
            return None
        # an issuer the dictionary cannot name ('the three mediators') is still the issuer: no actor
        return self._resolve(doc, lo, cue.start(), cue=cue.group()) or Attribution(None, norm[lo:cue.start()].strip(),
                                                                                  cue.group())

    def _body_of(self, doc: IngestDoc, before: int, noun: str) -> str | None:
        """The body that 'the Conference' is of: the one named within the words the text first called it by ('the
        Conference of Heads of State and Government of the African Union'), or those words when they name it whole
        ('the Command of the Coalition Forces ...')."""
        norm = doc.norm
        at = max(norm.rfind(f"the {noun} of ", 0, before), norm.rfind(f"The {noun} of ", 0, before))
        if at < 0:
            return None
        end = norm.find("\n", at, at + 140)
        return next((m.actor for m in doc.mentions_in(at + 4, at + 140 if end < 0 else end)
                     if m.actor and m.kind in (*_BODY_KINDS, "state")), None)

    def _government_of(self, person: str) -> str | None:
        """The government (as the dictionary names a state's own) of the state the person holds an office of."""
        entry = self.lex.entries.get(person)
        states = {r.of for r in entry.roles if r.of} if entry else set()
        found = [f"{s}-government" for s in states if f"{s}-government" in self.lex.entries]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _author(doc: IngestDoc, before: int) -> str | None:
        """'the resolution', 'the statement': the body the article named last (a council, a forum, an
        organisation), however far back: an official text is the act of the body the story is about. A body
        named only as someone's ('the UN Special Envoy', 'Antti Turunen of the UN') issued nothing here."""
        mentions = doc.mentions_in(0, before)
        for i in range(len(mentions) - 1, -1, -1):
            m = mentions[i]
            if m.actor and m.kind in _BODY_KINDS and not QuoteExtractor._quoted(doc, m.start) \
                    and not (i and mentions[i - 1].kind == "person"
                             and _AFFILIATION.fullmatch(doc.norm, mentions[i - 1].end, m.start)) \
                    and not _TITLE_AFTER_BODY.match(doc.norm, m.end):
                return m.actor
        return None

    @staticmethod
    def _quoted(doc: IngestDoc, at: int, own: tuple[int, int] | None = None) -> bool:
        return any(qs <= at < qe and (qs, qe) != own for qs, qe in doc.quoted)

    @staticmethod
    def _titled_before(doc: IngestDoc, title: Mention) -> str | None:
        """The person the article named with the same title before ('Special Representative Martin Kobler', 'The
        Special Representative of the Secretary-General, Martin Kobler,'): the title then the name, in the same
        sentence, with nothing but the title's own words ('of the ...') and a comma between."""
        said = title.text.lower()
        for m in reversed(doc.mentions_in(0, title.start)):
            if m.via != "title" or m.text.lower() != said:
                continue
            _, end = doc.sent_of(m.start)
            person = next((x for x in doc.mentions_in(m.end, min(end, m.end + 120)) if x.kind == "person"
                           and x.via in ("name", "short") and x.actor), None)
            if person is not None and _TITLE_TO_NAME.fullmatch(doc.norm, m.end, person.start):
                return person.actor
            return None
        return None

    def _may_serve(self, person: str, words: str) -> bool:
        """Whether a person the dictionary knows may be the one an epithet names by his state's demonym ('the
        Chinese president'): some office of his is of that state. An epithet with no demonym, or a person the
        dictionary lacks, says nothing against it."""
        entry = self.lex.entries.get(person)
        if entry is None:
            return True
        states = {s.removesuffix("-government") for w in words.split() if (s := self.lex.demonym_of.get(w))}
        return not states or any(r.of in states for r in entry.roles)

    def _title_holder(self, doc: IngestDoc, title: Mention, inside: list[Mention]) -> str | None:
        """'the minister', 'the Russian envoy' further from the name than coref looks (a paragraph or more): the
        person the article named last, before it, who holds an office of that word on the day (of the state a
        demonym or a mention before the title names, when one does)."""
        word = title.text.lower().split()[-1].removesuffix("s")
        of = next((m.actor for m in reversed(inside) if m.end <= title.start and m.actor and m.kind != "person"), None)
        if of is None:
            before = doc.norm[max(0, title.start - 20):title.start].split()
            of = self.lex.demonym_of.get(before[-1]) if before else None
        of = of.removesuffix("-government") if of else None
        for m in reversed(doc.mentions_in(0, title.start)):
            if m.kind != "person" or not m.actor or m.via not in ("name", "short"):
                continue
            entry = self.lex.entries.get(m.actor)
            if entry and any(word in r.title.lower() and (of is None or r.of == of) and r.holds_on(doc.published)
                             for r in entry.roles):
                return m.actor
        return None

    def _antecedent(self, doc: IngestDoc, before: int, noun: str) -> str | None:
        """'the committee' -> the last body named before whose name has that word (or of that kind)."""
        kinds = _NOUN_KINDS.get(noun, ())
        if noun == "ministry":  # 'according to the ministry': the state whose ministry the article named last
            for m in reversed(doc.mentions_in(0, before)):
                if m.actor and m.kind in ("state", "government") and \
                        _MINISTRY_AFTER.match(doc.norm, m.end, min(len(doc.norm), m.end + 40)):
                    return m.actor
        names = {"mission": ("mission", "operation")}.get(noun, (noun,))
        for m in reversed(doc.mentions):
            if m.start >= before or not m.actor or m.kind == "person":
                continue
            entry = self.lex.entries.get(m.actor)
            if entry and (any(w in entry.name.lower() for w in names) or m.kind in kinds):
                return m.actor
        return None


def _subject_opens(norm: str, s: int, cue: int) -> bool:
    """The speaker opens the sentence (after its dateline): no comma before the cue but a dateline's."""
    comma = norm.rfind(",", s, cue)
    return comma < 0 or bool(_DATELINE_DASH.search(norm, comma, cue))


def _subject_then_quote(norm: str, s: int, e: int, spans: list[tuple[int, int, bool]], ends: list[int]) -> bool:
    """'The co-chairs - A of the EU and B of the UN - "regretted that ...", according to the communiqué': the words
    before the source are a subject and a direct quote that holds its verb, running to their end; no report
    beside the quote."""
    k = bisect_right(ends, e) - 1
    if k < 0 or e - ends[k] > 2 or spans[k][0] <= s:
        return False
    before = norm[s:spans[k][0] - 1]
    return not (_FINITE.search(before) or _PAST.search(before))


def _first_verb_subject(norm: str, s: int, e: int) -> tuple[int, int] | None:
    """The subject in words that open with it and a first verb in the past ('the Council welcomed the truce and',
    after an opening circumstance or not), or None."""
    lead = _LEAD_CLAUSE.match(norm, s, e)
    m = _SUBJECT_THEN_VERB.match(norm, lead.end() if lead else s, e)
    return m.span("np") if m else None


def _coordinate_subject(norm: str, clause: int, cue: int) -> int:
    """Where the subject of a reporting verb starts when a clause with a verb of its own comes before it, joined by
    ', and' or ', but' ('The plan does not cover Daesh, and the Russians have told us that ...'): after the
    conjunction, a few words before the verb. A list of names ('The US, Russia, and Iran said') has no verb."""
    joins = list(_COORDINATE.finditer(norm, clause, cue))
    if not joins:
        return clause
    j = joins[-1]
    before = norm[clause:j.start()]
    if len(norm[j.end():cue].split()) > 8 or not (_FINITE.search(before) or _PAST.search(before)):
        return clause
    return j.end()


def _ends_within(ends: list[int], lo: int, hi: int) -> bool:
    """Whether a quote ends in [lo, hi] (ends sorted)."""
    i = bisect_left(ends, lo)
    return i < len(ends) and ends[i] <= hi


def _fragment_in_clause(norm: str, s: int, spans: list[tuple[int, int, bool]], ends: list[int], cue: int) -> bool:
    """'Describing them as terrorists was "an insult", he said': the quote before the cue is a fragment of
    a clause that opened the sentence, not a direct quote of its own."""
    i = bisect_right(ends, cue) - 1
    lead = norm[s:spans[i][0] - 1] if i >= 0 and spans[i][0] > s else ""
    return len(lead.split()) >= 3 and '"' not in lead


def _unquoted(norm: str, start: int, end: int, inside: list[tuple[int, int]]) -> str:
    """The words between start and end outside the quoted stretches (in order) and their marks."""
    out, at = [], start
    for a, b in inside:
        out.append(norm[at:max(at, a - 1)])
        at = b + 1
    return " ".join(out + [norm[at:end]])


class _LabelsOver:
    """The label over a stretch of text that ends last, found by a search among the labels sorted once (a day's
    record has hundreds of labels and thousands of sentences: no walk over all labels for each)."""

    def __init__(self, labels: list[tuple[int, int]]):
        self.labels = sorted(labels)
        self.starts = [s for s, _ in self.labels]
        self.furthest = []  # of the labels up to each one, the one ending last (the first of those on a tie)
        for i, (_, e) in enumerate(self.labels):
            best = self.furthest[-1] if self.furthest else None
            self.furthest.append(i if best is None or e > self.labels[best][1] else best)

    def __call__(self, s: int, e: int) -> tuple[int, int] | None:
        i = bisect_left(self.starts, e) - 1  # the labels starting before e
        if i < 0:
            return None
        label = self.labels[self.furthest[i]]
        return label if label[1] > s else None


def _np(words: str) -> str:
    """The speaker phrase without what follows it in the clause ('a US official' of 'a US official said')."""
    return words.strip(" ,")


def _that_clauses(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """'X, and that Y', 'X but that Y' -> the spans of X and Y."""
    out, cur = [], start
    for m in _AND_THAT.finditer(norm, start, end):
        if _THAT_THEN_VERB.match(norm, m.end()):
            # 'X, and that remains the policy': the speaker's comment on X, no second clause reported
            return out + [(cur, m.start())]
        out.append((cur, m.start()))
        cur = m.end()
    return out + [(cur, end)]


def _clause_end(norm: str, start: int, limit: int) -> int:
    """Where the words naming a speaker after a cue end: at a full stop or a new clause, keeping an
    apposition (', said the envoy, Martin Kobler, on ...') and a style's or an initial's stop (', said Mr. Sergei
    Lavrov', ', said Jane Q. Roe')."""
    for m in _CLAUSE_END.finditer(norm, start, limit):
        if m.group() == ".":
            word = _WORD_BEFORE_STOP.search(norm, start, m.start())
            if word and (len(word.group()) == 1 or word.group().lower() in ABBREVIATIONS):
                continue
        return m.start()
    return limit

