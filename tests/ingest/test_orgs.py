"""Bodies, governments, places and demonyms the dictionary's plain names do not cover (issue 12, round 14)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import actors, of


def test_a_government_by_its_official_style_and_its_seat(run):
    r = run("The Government of Burundi sent a delegation to Arusha on Monday. If Bujumbura keeps refusing to sit "
            "with the exiled platform, the facilitator said, the next round will slip.")
    found = actors(r)
    assert ("Government of Burundi", "burundi-government") in found
    assert ("Bujumbura", "burundi-government") in found


def test_a_government_of_the_republic_by_its_long_style(run):
    r = run("The Government of the Republic of South Sudan signed the annex late on Tuesday.")
    assert ("Government of the Republic of South Sudan", "south-sudan-government") in actors(r)


def test_a_state_possessive_with_the_kind_of_its_government(run):
    r = run("MOGADISHU - Somalia's federal cabinet approved a new electoral model on Thursday, and Mozambique's "
            "interim government was not consulted.")
    found = actors(r)
    assert ("Somalia's federal cabinet", "somalia-government") in found
    assert ("Mozambique's interim government", "mozambique-government") in found


def test_the_nation_of_a_divided_state_is_no_actor(run):
    r = run("More than 20,000 Burundians have reached the settlement since April, and the Burundians there want "
            "to go home.")
    assert not [a for _, a in actors(r) if a and a.startswith("burundi")]


def test_a_capital_people_go_to_is_a_place(run):
    r = run("The talks ended without a deal. The government delegation returns to Maputo tomorrow, and the return of "
            "rebel officers to Juba is delayed. Maputo said on Friday that it would wait.")
    found = actors(r)
    assert found.count(("Maputo", "mozambique-government")) == 1
    assert ("Juba", "south-sudan-government") not in found


def test_a_divided_state_opening_a_title_is_named(run):
    r = run("JUBA - South Sudan's President Salva Kiir signed the deal, but South Sudan's war goes on.")
    assert actors(r).count(("South Sudan", "south-sudan")) == 1


def test_a_regional_body_defined_by_its_acronym(run):
    r = run("LIBREVILLE, 4 March - The Economic Community of Central African States (ECCAS) welcomed the vote. "
            "Leaders of ECCAS will meet again in Bangui, the secretariat said.")
    found = actors(r)
    assert ("Economic Community of Central African States", "eccas") in found
    assert found.count(("ECCAS", "eccas")) == 2


def test_an_authority_defined_by_its_acronym(run):
    r = run("The Joint Water Authority (JWA) said on Monday that JWA engineers had left.")
    found = actors(r)
    assert ("Joint Water Authority", "jwa") in found
    assert found.count(("JWA", "jwa")) == 2


def test_an_undefined_acronym_that_acts_is_a_body(run):
    r = run("The talks resumed on Monday. The LCLF has rejected the draft, and its leaders said the LCLF will not "
            "accept a law that departs from the accord. Manila still hopes to win the LCLF over.")
    found = actors(r)
    assert found.count(("LCLF", "lclf")) == 3


def test_acronyms_that_do_not_act_or_name_no_body(run):
    r = run("SECTION III WILL BE READ LATER\n\nThe Coastal Basic Law (CBL) was passed. The CBL has waited long "
            "enough, and Title III was added. ENDS")
    ids = {a for _, a in actors(r)}
    assert not ids & {"cbl", "iii", "ends", "will", "section"}


def test_a_federal_member_state_acts_and_is_a_place(run):
    r = run("The cabinet approved the model, drawing an objection from Puntland. A Puntland official said Puntland "
            "would stay out. Elders met in Puntland on Friday.")
    found = actors(r)
    assert found.count(("Puntland", "puntland")) == 3


def test_a_body_named_in_full_then_by_its_last_words(run):
    r = run("The International Syria Support Group met in Munich. Members of the Support Group agreed to meet again; "
            "a support group for families was set up too.")
    found = actors(r)
    assert ("Support Group", "issg") in found
    assert sum(1 for _, a in found if a == "issg") == 2


def test_the_elders_without_their_article(run):
    r = run("The Elders welcomed the deal. Kofi Annan, Chair of The Elders, said the Elders would watch it closely.")
    assert actors(r).count(("Elders", "the-elders")) == 3


def test_a_defined_term_is_the_last_word_of_any_of_the_body_names(run):
    r = run("The Security Council met on Libya. Members of the Presidency Council arrived in Tripoli on Wednesday, "
            "and the Council intends to work from there.")
    assert ("Council", "libya-gna") in actors(r)


def test_a_defined_term_needs_a_body_named_by_that_word(run):
    r = run("The European Union said the Commission of Inquiry was vital. The EU urged the Commission to go on.")
    assert ("Commission", "eu") not in actors(r)


def test_venues_processes_and_states_after_a_name(run):
    r = run("Parliament met at 2.35 p.m. in Parliament House, Kampala. Museveni mediates the Inter-Burundi Dialogue, "
            "with former President Benjamin Mkapa of Tanzania as facilitator. Has Korea been asked to take part?")
    found = actors(r)
    assert ("Kampala", "uganda") not in found
    assert not [a for _, a in found if a and a.startswith("burundi")]
    assert ("Tanzania", "tanzania") in found
    assert ("Korea", "south-korea") in found


def test_an_organ_then_its_body_is_one_mention(run):
    r = run("Members of the Presidency Council of the Government of National Accord reached Tripoli. "
            "The Presidency Council said it would stay.")
    found = actors(r)
    assert ("Government of National Accord", "libya-gna") in found
    assert found.count(("Presidency Council", "libya-gna")) == 1


def test_regions_lend_no_common_noun_to_the_government(run):
    r = run("BOGOTA - Colombia's talks went on. The Government said the state would pay, and the Government "
            "of Colombia agreed.")
    govs = {c["actor"] for c in of(r, "description") if c["type"] == "government"}
    assert not govs & {"krg", "south-west-state"}


def test_defined_terms_of_leagues_and_lower_case_coalitions(run):
    r = run("The Arab League met in Cairo. The League said it would send monitors. The Saudi-led coalition struck "
            "Sanaa, and the Coalition said the raids would go on.")
    found = actors(r)
    assert ("League", "arab-league") in found
    assert ("Coalition", "saudi-led-coalition") in found


def test_parties_of_other_peace_processes_are_known(run):
    r = run("Renamo rejected the offer, the MILF welcomed the law and the Tatmadaw shelled a KIO post.")
    ids = {a for _, a in actors(r)}
    assert {"renamo", "milf", "tatmadaw", "kio"} <= ids


def test_states_as_topics(run):
    r = run("Let me start with Syria. First, Libya. They discussed issues including the Korean Peninsula and Yemen. "
            "The plan remains the only route to a Syria without war. Aid went to Lebanon, Jordan and Turkey. "
            "The delegation was led by Syria's U.N. ambassador, and Yemen's Foreign Minister spoke.")
    found = actors(r)
    assert not [a for _, a in found if a in ("syria", "libya", "jordan", "turkey", "lebanon")]
    assert ("Yemen", "yemen") in found


_UNRELATED = ["Heavy rain fell over the coast on Tuesday.", "The stadium reopened after repairs.",
              "Prices of bread rose again in the capital's markets.", "A new bridge will open next year."]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["LCLF", "NHDF", "WRPM"]), st.sampled_from(_UNRELATED), st.integers(0, 2))
def test_an_acting_acronym_keeps_its_id_whatever_paragraph_is_added(run, acr, extra, where):
    paragraphs = [f"The {acr} has rejected the draft.", f"Talks with the {acr} will resume, the mediator said.",
                  f"Observers expect the {acr} to sign."]
    paragraphs.insert(where, extra)
    found = actors(run("\n\n".join(paragraphs)))
    assert found.count((acr, acr.lower())) == 3


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["Bujumbura", "Juba", "Maputo", "Manila", "Mogadishu"]), st.sampled_from(_UNRELATED))
def test_a_seat_of_government_after_in_is_a_place_and_acting_is_its_government(run, city, extra):
    found = actors(run(f"{extra} Delegates met in {city} on Monday. {city} rejected the plan."))
    assert [t for t, _ in found if t == city] == [city]
    assert any(a and a.endswith("-government") for t, a in found if t == city)


def test_a_body_premises_and_compound_names(run):
    r = run("He told reporters at the UN's European headquarters that the "
            "United Nations World Food Programme (WFP) had reached Taiz. The Red Cross Movement sent aid, and the UN "
            "said more would follow.")
    found = actors(r)
    assert ("UN", "un") in found and found.count(("UN", "un")) == 1
    assert ("United Nations World Food Programme", "wfp") in found
    assert ("Red Cross", "icrc") not in found


def test_a_defined_term_heads_a_name_before_of(run):
    r = run("The Council of the League of Arab States met in Cairo. The League will be represented in Geneva.")
    assert ("League", "arab-league") in actors(r)


def test_a_country_closing_an_address_is_a_place(run):
    r = run("Regional Secretariat\n\nArusha, Tanzania, 21st May, 2016\n\nThe ministers met. Contact: Press Office, "
            "Arusha, Tanzania\n\nTanzania said it would host the next round.")
    assert actors(r).count(("Tanzania", "tanzania")) == 1


def test_a_part_of_a_body_serving_a_place_defined_by_its_acronym(run):
    r = run("A briefing by the OSCE Special Monitoring Mission to Ukraine (SMM) followed. The SMM recorded 200 "
            "explosions.")
    assert actors(r).count(("SMM", "osce")) == 2
