"""Descriptive and group mentions: a noun phrase without a name that denotes an actor is a `description`
candidate with a type, linked to the actor the article's context fixes, else left unlinked."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of

TYPES = {"person", "state", "government", "armed_group", "political_group", "organisation", "body", "group"}


def described(result: dict) -> dict[str, tuple[str | None, str]]:
    return {d["text"]: (d["actor"], d["type"]) for d in of(result, "description")}


def test_the_government_is_that_of_the_civil_war_the_report_is_about_not_of_its_venue(run):
    text = ("KUWAIT CITY, April 22 (Wire) - Talks on Yemen resumed in Kuwait on Friday. The envoy asked "
            "the Government and the rebels to exchange lists of prisoners, and said both sides had agreed.")
    d = described(run(text, dt.date(2016, 4, 22)))
    assert d["the Government"] == ("yemen-government", "government")
    # no armed group named anywhere: "the rebels" is a kind of actor, not one the article fixes
    assert d["the rebels"] == (None, "armed_group")
    assert d["both sides"] == (None, "group")


def test_his_government_is_the_state_of_the_leader_named_last(run):
    text = ("President Hassan Rouhani said on Sunday that his government would send aid. "
            "Recep Tayyip Erdogan said her government had other plans.")
    d = described(run(text, dt.date(2016, 2, 7)))
    assert d["his government"] == ("iran", "government")
    # "her": whoever "her" is, the leader named last holds Turkey's office (the link follows the text)
    assert d["her government"] == ("turkey", "government")


def test_a_government_placed_by_its_capital(run):
    d = described(run("Monitors said the government in Kiev had moved artillery.", dt.date(2016, 2, 20)))
    assert d["the government in Kiev"] == ("ukraine", "government")


def test_a_definite_group_refers_back_to_the_group_of_that_kind_named_last(run):
    text = ("Houthi fighters shelled Taiz overnight, residents said. The rebels denied it, and "
            "armed factions loyal to neither side joined the fighting.")
    d = described(run(text, dt.date(2016, 4, 12)))
    assert d["The rebels"] == ("houthis", "armed_group")
    assert d["armed factions"] == (None, "armed_group")  # indefinite: no one group


def test_the_opposition_named_later_in_its_own_sentence_is_linked_else_kept_unlinked(run):
    d = described(run("The opposition, whose High Negotiations Committee met on Tuesday, will attend.",
                      dt.date(2016, 2, 24)))
    assert d["The opposition"] == ("hnc", "political_group")
    d = described(run("We think the opposition should go. The HNC has not said.", dt.date(2016, 1, 26)))
    assert d["the opposition"] == (None, "political_group")


def test_a_body_named_before_is_what_its_participants_members_and_mission_are(run):
    text = ("The International Syria Support Group met in Munich on Thursday. The participants agreed on "
            "a pause, and its members will share maps. The co-chairs will report back.")
    d = described(run(text, dt.date(2016, 2, 12)))
    assert d["The participants"] == ("issg", "body")
    assert d["its members"] == ("issg", "body")
    assert d["The co-chairs"] == (None, "group")
    d = described(run("The OSCE counted 40 explosions. The monitors said the mission had been shot at.",
                      dt.date(2016, 2, 20)))
    assert d["The monitors"] == ("osce", "body") and d["the mission"] == ("osce", "body")


def test_a_title_alone_is_its_holder_and_a_title_beside_a_name_is_no_description(run):
    text = ("The UN Security Council asked the Secretary-General to report within a month. "
            "The Special Envoy for Syria, Staffan de Mistura, said the talks would start on time. "
            "Walid al-Moualem, the foreign minister, said nothing.")
    r = run(text, dt.date(2015, 12, 18))
    d = described(r)
    assert d["the Secretary-General"] == ("ban-ki-moon", "person")  # the organ named is the UN's
    assert not [t for t in d if "Envoy" in t or "minister" in t]


def test_the_envoy_alone_is_the_one_serving_on_the_state_the_article_is_about(run):
    text = ("GENEVA, Feb 3 (Wire) - The United Nations will pause the Syria talks, sources close to the envoy "
            "said, after Syrian government forces cut the road north of Aleppo.")
    assert described(run(text, dt.date(2016, 2, 3)))["the envoy"] == ("staffan-de-mistura", "person")
    text = "ADEN, April 9 (Wire) - Yemen's government welcomed the truce. The envoy said it would hold."
    assert described(run(text, dt.date(2016, 4, 9)))["The envoy"] == ("ismail-ould-cheikh-ahmed", "person")


def test_a_counterpart_is_the_same_office_in_the_state_named(run):
    text = "John Kerry spoke by phone with his Russian counterpart on Saturday about the convoys."
    assert described(run(text, dt.date(2016, 2, 13)))["his Russian counterpart"] == ("sergei-lavrov", "person")


def test_a_department_briefing_says_the_secretary_for_its_secretary_of_state(run):
    text = ("MR TONER: The Secretary spoke with the Special Envoy today.\n\n"
            "QUESTION: And Moscow?\n\nMR TONER: Nothing to add.")
    d = described(run(text, dt.date(2016, 1, 26)))
    assert d["The Secretary"] == ("john-kerry", "person")
    assert "Secretary-General" not in " ".join(d)


def test_counted_sets_of_states_and_a_states_warring_parties_are_unlinked_groups(run):
    text = ("Some twenty countries and organisations signed the letter. Talks between Yemen's warring parties "
            "open on Monday, and the parties will meet daily.")
    d = described(run(text, dt.date(2016, 4, 15)))
    assert d["Some twenty countries and organisations"] == (None, "group")
    assert d["Yemen's warring parties"] == (None, "group")
    assert d["the parties"] == (None, "group")


def test_not_descriptions(run):
    # a modifier of another noun, a generic quantified set, a transcript's label
    text = ("The government side kept its word, he said. All parties must comply. "
            "Groups designated as terrorist organisations are excluded.")
    assert not of(run(text, dt.date(2016, 2, 25)), "description")
    # a group's name, a person's delegation, a force that is no task force, a state's members: nothing (each
    # was an empty description, '' at the phrase's start, before)
    text = "The Contact Group met. Hijab's delegation left, and the security force stayed. Russia's members agreed."
    assert not of(run(text, dt.date(2016, 2, 25)), "description")


_PARTS = ["the Government", "his government", "the opposition", "the rebels", "armed factions", "the participants",
          "the Secretary-General", "the Special Envoy", "twenty countries", "both sides", "the task force",
          "the Lebanese group", "the Contact Group", "Hijab's delegation", "Russia's members", "the security force",
          "Russia", "Sergei Lavrov", "the HNC", "said", "that", "the ISSG", "Yemen", "MR KIRBY:", "\n\n", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=25))
def test_descriptions_are_exact_spans_of_a_known_type_and_never_overlap(run, parts):
    text = " ".join(parts)
    r = run(text, dt.date(2016, 2, 12))
    spans = []
    for d in of(r, "description"):
        assert text[d["start"]:d["end"]] == d["text"] != "" and d["type"] in TYPES
        assert all(d["end"] <= s or e <= d["start"] for s, e in spans)
        spans.append((d["start"], d["end"]))


def test_government_forces_without_a_name_are_a_description_of_the_government(run):
    r = run("ALEPPO, Syria (Wire) - Rebels in Syria accused government forces of shelling their positions, and "
            "Syrian government forces took two villages. Pro-government forces, militias, joined them.",
            dt.date(2016, 2, 20))
    assert described(r)["government forces"] == ("syria-government", "government")
    assert ("Syrian government forces", "syria-government") in [(c["text"], c["actor"]) for c in of(r, "actor")]
    assert ("government forces", "syria-government") not in [(c["text"], c["actor"]) for c in of(r, "actor")]
    # 'Pro-government forces' are militias beside the government, not its forces
    assert [d["text"] for d in of(r, "description") if "forces" in d["text"]] == ["government forces"]


def _body_named_by_scan(lex, doc, holder) -> bool:
    """body_named as first written: every form of every actor the article names against every body's name."""
    bodies = {r.of for r in lex.entries[holder].roles if r.of and r.holds_on(doc.published)}
    names = [f + " " for b in bodies for e in [lex.entries.get(b)] if e for f in [e.name, *e.aliases]]
    actors = {m.actor for m in doc.mentions if m.actor}
    if actors & bodies:
        return True
    return any(entry and entry.kind not in ("person", "state") and any(
        f.startswith(n) for f in [entry.name, *entry.aliases] for n in names)
        for entry in (lex.entries.get(a) for a in actors))


_NAMES = st.sampled_from(["UN", "UN Security", "UN Security Council", "Arab", "Arab League", "League", "EU", "EU Council",
                          "African Union", "African", "Union", "UNHCR", "U"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["organisation", "body", "person", "state", "armed_group"]), _NAMES,
                          st.lists(_NAMES, max_size=2)), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 7), st.sampled_from([None, dt.date(2014, 1, 1), dt.date(2017, 1, 1)]),
                          st.sampled_from([None, dt.date(2015, 1, 1), dt.date(2018, 1, 1)])), max_size=4),
       st.lists(st.one_of(st.none(), st.integers(0, 8)), max_size=6),
       st.sampled_from([None, dt.date(2016, 2, 12)]))
def test_a_body_named_is_read_alike_from_the_organs_worked_out_once(entries, roles, named, published):
    """body_named through Lexicon.organs (each body's organs worked out once) answers as the scan of every
    named actor's forms did, asked twice of one dictionary (the second answer from what the first worked out)."""
    from types import SimpleNamespace

    from accord.ingest.components.descriptions import body_named
    from accord.ingest.world import Entry, Lexicon, Role

    made = [Entry(id=f"a{k}", kind=kind, name=name, aliases=aliases) for k, (kind, name, aliases) in enumerate(entries)]
    holder = Entry(id="holder", kind="person", name="Someone",
                   roles=[Role(title="envoy", of=f"a{k}", start=s, end=e) for k, s, e in roles])
    lex = Lexicon([*made, holder], [], {}, [], [])
    mentions = [SimpleNamespace(actor=None if k is None else "holder" if k == 8 else f"a{k}") for k in named]
    doc = SimpleNamespace(mentions=mentions, published=published)
    for _ in range(2):
        assert body_named(lex, doc, "holder") == _body_named_by_scan(lex, doc, "holder")


_ORGAN_NAMES = st.one_of(st.sampled_from(["UN", "UN Security", "UN Security Council", "Arab League", "Arab", "", " UN",
                                          "UN  Council", "U", "EU Council", "UN Security Council Committee"]),
                         st.text(alphabet="UNE A", max_size=6))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["organisation", "body", "person", "state", "armed_group"]), _ORGAN_NAMES,
                          st.lists(_ORGAN_NAMES, max_size=2)), min_size=1, max_size=8))
def test_organs_found_from_the_first_word_index_are_those_of_a_scan_of_every_entry(entries):
    """Lexicon.organs, which looks only at the actors sharing a first word with one of the body's names, finds
    the actors a scan of every entry finds (names with spaces anywhere, empty ones, one a prefix of another)."""
    from accord.ingest.world import Entry, Lexicon

    made = [Entry(id=f"a{k}", kind=kind, name=name, aliases=aliases) for k, (kind, name, aliases) in enumerate(entries)]
    lex = Lexicon(made, [], {}, [], [])
    for body in [e.id for e in made] + ["unknown"]:
        e = lex.entries.get(body)
        names = tuple(f + " " for f in [e.name, *e.aliases]) if e else ()
        scan = frozenset(o.id for o in made if names and o.kind not in ("person", "state")
                         and any(f.startswith(names) for f in [o.name, *o.aliases]))
        assert lex.organs(body) == scan
