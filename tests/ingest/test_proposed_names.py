"""People the dictionary lacks, recognised by the shape of their names and the places names stand in (issue 12):
stage lines and record headers, lists in apposition, surnames alone after the full name anywhere in the document."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from accord.ingest.components.proposed import person_id
from accord.ingest.document import Article
from accord.ingest.slug import slug
from tests.ingest.conftest import of


def _people(result: dict) -> list[tuple[str, str]]:
    return [(a["text"], a["actor"]) for a in of(result, "actor") if a["actor_kind"] == "person" and a["actor"]]


def test_initials_leave_the_id_when_two_name_words_remain():
    assert person_id("A. Raynell Andreychuk") == "raynell-andreychuk"
    assert person_id("Ferdinand R. Marcos Jr.") == "ferdinand-marcos-jr"
    assert person_id("Kwame J.K. Mensah") == "kwame-mensah"
    assert person_id("V. K. Singh") == "v-k-singh"
    assert person_id("P.K. Varma") == "p-k-varma"
    assert person_id("Olu Adebayo") == "olu-adebayo"


def test_an_initial_after_a_title_opens_the_name_in_a_stage_line(run):
    r = run("The committee met at 9 a.m.\n\nSenator A. Odile Tremblay (Chair) in the chair.\n\n"
            "The Chair: We begin. Senator Tremblay will ask the first question.")
    assert _people(r) == [("A. Odile Tremblay", "odile-tremblay"), ("Tremblay", "odile-tremblay")]


def test_a_surname_with_a_small_particle_links_to_the_full_name(run):
    r = run('Khaled el-Mansouri, a member of the town council, said the market was open. "We are tired," '
            'el-Mansouri said. Later al-Tarhouni, whom nobody named in full, left.')
    assert _people(r) == [("Khaled el-Mansouri", "khaled-el-mansouri"), ("el-Mansouri", "khaled-el-mansouri")]


def test_a_title_before_a_strict_surname_names_the_listed_person(run):
    # Stéphane Dion's surname is strict (a common French word and name): a title before it is enough
    r = run("The committee heard officials. Minister Dion welcomed the outcome on Friday.")
    assert ("Dion", "stephane-dion") in _people(r)


def test_a_full_name_with_a_middle_name_is_the_listed_person_of_its_first_and_last_names(run):
    r = run("The summit confirmed H.E. Yoweri Kaguta Museveni as mediator of the dialogue.")
    assert ("Yoweri Kaguta Museveni", "yoweri-museveni") in _people(r)
    assert not [a for a in of(r, "actor") if a.get("proposed")]


def test_names_in_a_list_in_apposition_each_followed_by_the_body_or_state_they_serve(run):
    r = run("The mediators – Ingrid Solheim of the UN, Kofi Mensah-Bonsu of the African Union and Ravi Chandrasekar "
            "of India – met the parties on Monday.")
    assert _people(r) == [("Ingrid Solheim", "ingrid-solheim"), ("Kofi Mensah-Bonsu", "kofi-mensah-bonsu"),
                          ("Ravi Chandrasekar", "ravi-chandrasekar")]


def test_a_body_s_or_a_place_s_name_before_of_and_a_state_is_no_person(run):
    r = run("The Central Bank of Nigeria and the Supreme Court of India ruled. Port Harbour of Kenya was shut. "
            "The Grand Mosque of Syria was full.")
    assert not [a for a in of(r, "actor") if a.get("proposed")]


def test_a_name_before_a_relative_clause_giving_an_office_is_a_person(run):
    r = run("Amara Diallo-Kone, who served as the UN's Special Representative for the region until May, said the "
            "truce would hold. Teodoro Villacruz, who is the mayor of the port town, stayed silent. "
            "Sierra Blanca, a town where the governor lives, was calm.")
    assert {a for _, a in _people(r)} == {"amara-diallo-kone", "teodoro-villacruz"}


def test_names_in_capitals_in_a_record_header_with_styles_and_offices(run):
    text = ("COMMITTEE ON PEACE AND UNIFICATION\n\nATTENDANCE\n\n"
            "SENATOR PRESENT: HON. ROSALINDA M. BAUTISTA-CRUZ – Chairperson\n\n"
            "RESOURCE PERSONS: SEC. EDUARDO PANGILINAN SORIANO – Presidential Adviser on Reconciliation; "
            "ATTY. ZAINAB MACAPODI – Legal Consultant, Transition Board; DR. AUGUSTO LIM – Adviser\n\n"
            "The hearing was opened by Hon. Rosalinda M. Bautista-Cruz, Chairperson.\n\n"
            "Secretary Soriano said the board had met. Attorney Macapodi agreed, and Dr. Lim left.")
    r = run(text)
    people = _people(r)
    assert ("ROSALINDA M. BAUTISTA-CRUZ", "rosalinda-bautista-cruz") in people
    assert ("EDUARDO PANGILINAN SORIANO", "eduardo-pangilinan-soriano") in people
    assert ("ZAINAB MACAPODI", "zainab-macapodi") in people
    assert ("AUGUSTO LIM", "augusto-lim") in people
    assert ("Soriano", "eduardo-pangilinan-soriano") in people and ("Macapodi", "zainab-macapodi") in people
    assert not [t for t, _ in people if t in ("COMMITTEE ON PEACE", "SENATOR PRESENT", "RESOURCE PERSONS")]


def test_capitals_without_a_style_or_an_office_are_no_person(run):
    r = run("MINISTERIAL STATEMENT ON THE BORDER\n\nPRESS RELEASE\n\nGENERAL DEBATE – Agenda item 4\n\n"
            "The minister spoke.")
    assert not [a for a in of(r, "actor") if a.get("proposed")]


def test_a_part_of_a_hyphenated_surname_links_after_a_title_only(run):
    r = run("RESOURCE PERSON: PROF. LUCIA MARTEL-ARAGON – Chair, Government Panel\n\nThe hearing opened. Professor Aragon spoke first. "
            "Aragon Street was closed, and Martel said nothing.")
    people = _people(r)
    assert ("Aragon", "lucia-martel-aragon") in people
    assert [t for t, a in people if a == "lucia-martel-aragon"] == ["LUCIA MARTEL-ARAGON", "Aragon"]


_SYLLABLE = st.from_regex(r"[BDGKLMNPRTVZ][aeiou][lnr][aeiou][kmtv]", fullmatch=True)


def _made_up(pipeline, words: list[str]) -> bool:
    from accord.ingest.components.proposed import not_people
    lex = pipeline.lexicon
    # a style that opens a name is no part of it ('Malam Jane Roe' is Jane Roe): the generator's words must not be one
    return not any(slug(w) in lex.entries or w.lower() in lex.places or w.lower() in not_people(lex)
                   or w.lower() in lex.styles
                   or any(w in (e.name, *e.aliases, *e.short) for e in lex.entries.values()) for w in words)


def test_a_style_is_never_a_made_up_name_s_word(pipeline):
    # 'Malam' is a style (titles.yaml): 'Deputy Minister Malam Balak' is Balak, so the properties never draw it
    assert not _made_up(pipeline, ["Malam", "Balak", "Tivok"])
    assert _made_up(pipeline, ["Tivok", "Balak", "Morun"])


@settings(max_examples=25, deadline=None)
@given(st.lists(_SYLLABLE, min_size=3, max_size=3, unique=True), st.sampled_from([
    "The weather in the capital was cold on Monday.", "Aid lorries waited at the crossing for a third day.",
    "Prices of bread rose again in the markets of the north."]))
def test_a_person_s_mentions_do_not_change_when_an_unrelated_paragraph_is_added(pipeline, words, paragraph):
    assume(_made_up(pipeline, words))
    given_name, surname, other = words
    body = f"Deputy Minister {given_name} {surname} said the talks would resume."
    tail = f"{surname} told reporters the roads were open."

    def mentions(text: str) -> list[str]:
        r = pipeline(Article(text=text)).result()
        return [a["text"] for a in of(r, "actor") if a["actor"] == person_id(f"{given_name} {surname}")]

    assert mentions(f"{body}\n\n{tail}") == mentions(f"{body}\n\n{paragraph}\n\n{tail}") == [
        f"{given_name} {surname}", surname]


@settings(max_examples=25, deadline=None)
@given(st.lists(_SYLLABLE, min_size=3, max_size=3, unique=True), st.booleans())
def test_a_surname_alone_links_only_when_one_full_name_in_the_document_has_it(pipeline, words, two):
    assume(_made_up(pipeline, words))
    first, second, surname = words
    text = f"Deputy Minister {first} {surname} said the talks would resume."
    if two:
        text += f" Ambassador {second} {surname} said so too."
    text += f"\n\nLater {surname} told reporters the roads were open."
    r = pipeline(Article(text=text)).result()
    linked = {a["actor"] for a in of(r, "actor") if a["text"] == surname and a["actor"]}
    assert linked == (set() if two else {person_id(f"{first} {surname}")})


def test_a_name_with_a_phrase_set_off_by_commas_before_its_reporting_verb(run):
    r = run("Ilse Vandermeer, for the World Food Programme (WFP), said the trucks had arrived. "
            "Tomasz Wierzbicki, speaking in Warsaw on Friday, told reporters nothing had changed.")
    assert {a for _, a in _people(r)} == {"ilse-vandermeer", "tomasz-wierzbicki"}


def test_every_use_of_a_full_name_the_document_gives_a_person_is_his(run):
    r = run("Kwabena Osei-Tutu, the opposition's whip, asked about the border.\n\n"
            "Mr Speaker: I call Kwabena Osei-Tutu.")
    assert _people(r) == [("Kwabena Osei-Tutu", "kwabena-osei-tutu"), ("Kwabena Osei-Tutu", "kwabena-osei-tutu")]


def test_a_listed_person_s_surname_opening_a_titled_full_name_is_another_person_s_given_name(run):
    # the dictionary lists Goodluck Jonathan, who goes by 'Jonathan'
    r = run("Ambassador Jonathan Mwangi said the vote had been fair.")
    assert _people(r) == [("Jonathan Mwangi", "jonathan-mwangi")]


def test_a_list_of_delegates_with_their_states_in_brackets(run):
    r = run("Participants: Ingrid Aasland (Norway), Pavel Novotny (Czech Republic), Keiko Tanabe (Japan) and Rashid "
            "Omarov (Kazakhstan).\n\nThe Lantern Trust (Japan) paid for the meeting.")
    assert [a for _, a in _people(r)] == ["ingrid-aasland", "pavel-novotny", "keiko-tanabe", "rashid-omarov"]


def test_a_name_listed_with_a_person_s_name_is_a_person_s(run):
    r = run("The report was presented by Aung Kyaw Zaw and Nang Seng Hom, who represent the farmers. "
            "Among the guests were Lerato Dlamini-Mokoena, the union's secretary, Thabo Nkosi and Zanele Mthembu.")
    assert [a for _, a in _people(r)] == ["aung-kyaw-zaw", "nang-seng-hom", "lerato-dlamini-mokoena", "thabo-nkosi",
                                          "zanele-mthembu"]


def test_a_name_with_a_small_malay_particle(run):
    r = run("Ms. Siti Aminah binti Rahman, a lawyer for the families, told the court the men were innocent.")
    assert _people(r) == [("Siti Aminah binti Rahman", "siti-aminah-binti-rahman")]


def test_a_member_in_capitals_after_his_style_with_initials_without_stops(run):
    r = run("QUESTIONS FOR WRITTEN REPLY\n\nMr T K NDLOVU (IFP) asked the Minister whether the envoy had reported.\n\n"
            "The Minister replied that Mr Ndlovu would receive the report.")
    assert _people(r) == [("T K NDLOVU", "t-k-ndlovu"), ("Ndlovu", "t-k-ndlovu")]


def test_a_heading_in_capitals_is_no_unknown_person(run):
    r = run("COMMITTEE ON PEACE AND UNIFICATION\n\nATTENDANCE\n\nTHE NATIONAL WATER AUTHORITY MET.\n\nThe members spoke.")
    assert not [a for a in of(r, "actor") if a["actor_kind"] == "person"]


def test_an_age_in_apposition_and_a_meeting_s_other_party_make_a_person(run):
    r = run("Fatima Al-Zahraa Hussein, 34, a teacher from the camp, said the food had run out. "
            "The envoy later met Chantal Uwimana in the capital.")
    assert [a for _, a in _people(r)] == ["fatima-al-zahraa-hussein", "chantal-uwimana"]


def test_two_surnames_alone_are_the_person_named_with_both(run):
    r = run("Opposition leader Juan Carlos Mejia Rivas told the radio the vote was rigged. Mejia Rivas called for a "
            "recount, and Mejia said he would go to court.")
    assert _people(r) == [("Juan Carlos Mejia Rivas", "juan-carlos-mejia-rivas"),
                          ("Mejia Rivas", "juan-carlos-mejia-rivas"), ("Mejia", "juan-carlos-mejia-rivas")]


def test_a_place_or_a_body_named_after_a_person_is_no_unknown_person(run):
    r = run("Crowds filled Nelson Mandela Square on Sunday, and the Olof Palme Centre sent observers.")
    assert not [a for a in of(r, "actor") if a["actor_kind"] == "person"]


def test_a_body_or_a_place_named_after_a_listed_person_is_not_he(run):
    r = run("The Carter Center sent observers, and crowds filled Obama Square. Later Carter said the vote was fair.")
    assert [t for t, _ in _people(r)] == ["Carter"]


@settings(max_examples=20, deadline=None)
@given(st.lists(_SYLLABLE, min_size=2, max_size=3, unique=True), st.sampled_from(["HON.", "SEC.", "ATTY.", "DR."]))
def test_a_name_in_capitals_in_a_header_and_written_as_names_are_is_one_person(pipeline, words, style):
    assume(_made_up(pipeline, words))
    name = " ".join(words)
    text = (f"ATTENDANCE\n\nPRESENT: {style} {name.upper()} \u2013 Chairperson\n\n"
            f"The hearing was opened by {style.title()} {name}, who said the bill was ready. {words[-1]} left.")
    r = pipeline(Article(text=text)).result()
    assert [(a["text"], a["actor"]) for a in of(r, "actor") if a["actor"] == person_id(name)] == [
        (name.upper(), person_id(name)), (name, person_id(name)), (words[-1], person_id(name))]


def test_a_confirmed_name_labelling_an_interjection_is_no_mention_there(run):
    r = run("The next speaker is Deputy Jana Novakova.\n\n(Jana Novakova [GREENS]: And the refugees?)\n\n"
            "The minister went on.")
    assert [t for t, _ in _people(r)] == ["Jana Novakova"]


def test_an_interjection_s_label_is_no_mention_but_names_the_person(run):
    r = run("The minister spoke of the border.\n\n(Jana Novakova [GREENS]: And the refugees?)\n\n"
            "The minister answered Ms Novakova.")
    assert _people(r) == [("Novakova", "jana-novakova")]


def test_stacked_malay_honours_and_an_elided_style_open_no_name(run):
    # a wire report's and a ministry release's ways of writing Malaysian honours before a person's name
    r = run("KUALA LUMPUR, March 4 - Tan Sri Hamidah Yusof Rahim, the envoy, met both panels. A day later "
            "Dato' Sri Faizal Harun Osman, the deputy minister, said the talks would resume.")
    assert _people(r) == [("Hamidah Yusof Rahim", "hamidah-yusof-rahim"), ("Faizal Harun Osman", "faizal-harun-osman")]


def test_a_patronymic_keeps_its_royal_word_while_the_style_before_it_goes(run):
    r = run("The ministry named Tunku Datuk Seri Panglima Azlan Tunku Ismail as its delegate; Datuk Hajah Norlela "
            "Abdul Samad, a senator, joined him in Cotabato.")
    assert _people(r) == [("Azlan Tunku Ismail", "azlan-tunku-ismail"), ("Norlela Abdul Samad", "norlela-abdul-samad")]


def test_a_malay_assembly_s_office_is_no_person(run):
    r = run("Presiding: Yang Berhormat Tuan Yang di-Pertua, Datuk Kamal Yusof Hashim\n\nThe sitting began at 2 p.m.")
    assert _people(r) == [("Kamal Yusof Hashim", "kamal-yusof-hashim")]


def test_a_profession_s_noun_before_a_name_makes_it_a_person_s(run):
    # a think-tank's panel notes and a wire's report: the person named after what they do
    r = run("The panel heard the Lebanese sociologist Karim Haddouche and the historian Maren Ostby on Tuesday.")
    assert _people(r) == [("Karim Haddouche", "karim-haddouche"), ("Maren Ostby", "maren-ostby")]
    r = run("Ceasefire talks resume, a Nairobi-based criminologist, Wanjiru Kamau, told listeners. Wanjiru, thank you.")
    assert ("Wanjiru Kamau", "wanjiru-kamau") in _people(r)
    # a name in capitals after such a noun is a place's or a body's as before
    assert not _people(run("He met the pianist at Grand Central Station in the evening."))


def test_a_name_after_an_office_s_long_name_ending_in_its_state_is_a_person_s(run):
    # a ministry's briefing heading and an embassy's note in my words
    r = run("Briefing by Spokesperson of the Ministry of Foreign Affairs of the Republic of Moldova Ilinca Rusu\n\n"
            "Good afternoon.")
    assert _people(r) == [("Ilinca Rusu", "ilinca-rusu")]
    r = run("Statement of the Ambassador of Ukraine Taras Hrytsenko on the talks in Minsk.")
    assert _people(r) == [("Taras Hrytsenko", "taras-hrytsenko")]
    # no office in the words before the state: nobody
    assert not _people(run("The Embassy of the Republic of Kenya Grand Regency stays shut."))


def test_a_presenter_named_in_her_label_is_addressed_by_her_first_name(run):
    # a TV interview's and a podcast's transcripts in my words
    r = run("PRESENTER (Ines Varga): Welcome back.\n\nGUEST: Thank you, Ines. The talks failed.\n\n"
            "PRESENTER: Why?")
    assert _people(r) == [("Ines", "ines-varga")]
    r = run("INTERVIEWER (Tomas Reyes): Our guest is the economist Marta Ferrante. Thank you. Marta?\n\n"
            "FERRANTE: Thank you, Tomas.")
    assert ("Marta", "marta-ferrante") in _people(r) and ("Tomas", "tomas-reyes") in _people(r)


# a broadcast transcript's labels in capitals, with the office after a comma and a clock before them, name the host
# and the guests in full; the guests then address the host by her first name, and the host a correspondent by his
_ANCHORS = st.sampled_from(["Marta Kowalczyk", "Judith Abernathy", "Olivia Brandt", "Camille Ferrand"])
_GUESTS = st.sampled_from(["Tobias Lindqvist", "Marek Hollis", "Emeka Obiora", "Ruairi Kendrick"])


@settings(max_examples=8, deadline=None)
@given(anchor=_ANCHORS, guest=_GUESTS, clock=st.sampled_from(["", "[19:02:11] "]),
       office=st.sampled_from(["", ", EVENING NEWS ANCHOR"]))
def test_a_first_name_addressing_a_speaker_named_in_a_capitals_label_is_that_speaker(run, anchor, guest, clock, office):
    first, guest_first = anchor.split()[0], guest.split()[0]
    text = (f"Evening News transcript\n\n{clock}{anchor.upper()}{office}: Good evening. The truce in Syria has held for "
            f"a day. Let's go to Beirut and {guest}. {guest_first}, what are you hearing there?\n\n"
            f"{clock}{guest.upper()}, CORRESPONDENT: {first}, the first hours have been quiet, but nobody trusts it.\n\n"
            f"{clock}{anchor.split()[1].upper()}: Thank you.")
    people = _people(run(text, dt.date(2016, 2, 26)))
    assert (first, person_id(anchor)) in people
    assert (guest, person_id(guest)) in people and (guest_first, person_id(guest)) in people
    # the labels themselves are no mentions (docs/gold-format.md)
    assert not any(t.isupper() for t, _ in people)


_GIVEN = st.sampled_from(["Rosalind", "Tang", "Amadou", "Ingrid", "Kofi"])
_FAMILY = st.sampled_from(["Whitcombe", "Jiwen", "Diallo-Sow", "Haraldsen", "Mensah-Boateng"])


@settings(max_examples=8, deadline=None)
@given(first=_GIVEN, last=_FAMILY)
def test_a_name_in_brackets_in_the_chair_is_the_presiding_person(run, first, last):
    name = f"{first} {last}"
    r = run(f"Record of Proceedings\n\nThe Assembly met at 13:30 with the Presiding Officer ({name}) in the Chair.\n\n"
            f"The Presiding Officer: Good afternoon. Order.")
    assert (name, person_id(name)) in _people(r)


@settings(max_examples=8, deadline=None)
@given(first=_GIVEN, last=_FAMILY, kind=st.sampled_from(["specialist", "expert", "scholar", "fellow"]))
def test_a_name_in_apposition_to_an_expert_at_a_university_is_a_person(run, first, last, kind):
    name = f"{first} {last}"
    r = run(f"{name}, a Middle East {kind} at the Institute of International Studies in Geneva, said hosting both "
            f"sides was new. \"They want a seat at the table,\" {last} said.")
    assert _people(r) == [(name, person_id(name)), (last, person_id(name))]


@settings(max_examples=8, deadline=None)
@given(first=_GIVEN, last=_FAMILY, rank=st.sampled_from(["Lieutenant-Colonel", "Lt.-Col.", "Major-General",
                                                          "Lieutenant-General"]))
def test_a_hyphenated_rank_before_a_name_is_no_part_of_it(run, first, last, rank):
    name = f"{first} {last}"
    r = run(f"The briefing was hosted from Goma by {rank} {name}, military spokesperson of the mission.\n\n"
            f"Military Spokesperson [{rank} {name}]: Thank you. The patrols continue.")
    assert (name, person_id(name)) in _people(r)


@settings(max_examples=8, deadline=None)
@given(speaker=_ANCHORS, office=st.sampled_from(["", ", ANCHOR", ", HOST", ", CORRESPONDENT"]),
       note=st.sampled_from(["", "EDITOR'S NOTE: Parts of this broadcast were shortened.\n\n"]))
def test_no_word_of_a_name_labelling_a_speaker_in_capitals_is_a_mention(run, speaker, office, note):
    text = (f"Broadcast transcript\n\n{note}{speaker.upper()}{office}: Welcome back. The ceasefire held overnight.\n\n"
            "The programme went on with the weather.")
    assert not any(t.isupper() for t, _ in _people(run(text, dt.date(2016, 2, 26))))
