"""Actor mentions: names, aliases, titles, surnames, metonyms, demonyms; places are not actors."""

from __future__ import annotations

from tests.ingest.conftest import of


def actors(result: dict) -> list[tuple[str, str | None]]:
    return [(c["text"], c["actor"]) for c in of(result, "actor")]


def test_names_titles_and_surnames(run):
    r = run("Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov on Friday. "
            "Kerry later spoke to reporters.")
    assert ("John Kerry", "john-kerry") in actors(r)
    assert ("Sergei Lavrov", "sergei-lavrov") in actors(r)
    assert ("Kerry", "john-kerry") in actors(r)
    # a demonym inside a title is part of the description, not a mention of the state
    assert ("Russian", "russia") not in actors(r)


def test_metonyms_and_capitals(run):
    r = run("The Kremlin rejected the plan, and Washington said it would not wait. Officials flew to Moscow.")
    found = actors(r)
    assert ("Kremlin", "russia") in found  # the leading article is left out of the span
    assert ("Washington", "us") in found
    assert ("Moscow", "russia") not in found  # a place here


def test_aliases_of_groups(run):
    r = run("Daesh and the Nusra Front were excluded; ISIS fighters shelled a town held by Jabhat al-Nusra.")
    ids = [a for _, a in actors(r)]
    assert ids.count("isil") == 2 and ids.count("al-nusra") == 2


def test_demonyms_only_when_the_state_acts(run):
    r = run("Russian jets struck the town. Syrian refugees crossed into Jordan. The Syrian army advanced.")
    found = actors(r)
    assert ("Russian", "russia") in found
    assert not any(t == "Syrian" for t, _ in found)
    assert ("Syrian army", "syria-government") in found


def test_title_alone_is_not_a_mention(run):
    r = run("Sergei Lavrov arrived late. The foreign minister said little.")
    assert [t for t, _ in actors(r)] == ["Sergei Lavrov"]


def test_unknown_proper_nouns_are_proposed_with_a_kind(run):
    r = run("Fighters of the Sham Legion Brigade clashed with Abu Karim Haddad, the group's commander, said.")
    unknown = [c for c in of(r, "actor") if c["actor"] is None]
    assert any(c["actor_kind"] == "armed_group" for c in unknown)


def test_spans_are_exact(run):
    text = "On Monday the UN Security Council met."
    r = run(text)
    for c in r["candidates"]:
        assert text[c["start"]:c["end"]] == c["text"]


def test_case_actors_join_the_dictionary_with_surnames():
    import datetime as dt

    from accord.ingest.document import Article
    from accord.ingest.pipeline import Pipeline
    from accord.record.model import Actor, Case, Citation
    from accord.record.snapshot import Snapshot

    cite = [Citation(url="https://example.org/fixture")]
    snap = Snapshot([Case(id="t", name="Test"),
                     Actor(id="nadia-haddad", kind="person", name="Nadia Haddad", cite=cite),
                     Actor(id="dawn-front", kind="armed_group", name="Dawn Front", aliases=["the Dawn"], cite=cite)], "t")
    pipeline = Pipeline.for_case(snap)
    doc = pipeline(Article(text="Haddad spoke first. Nadia Haddad said the Dawn would attend. Haddad left.",
                           published=dt.date(2016, 1, 1)))
    found = [(c.text, c.data["actor"]) for c in doc.candidates if c.kind == "actor"]
    # a surname alone counts only after the full name
    assert found == [("Nadia Haddad", "nadia-haddad"), ("Dawn", "dawn-front"), ("Haddad", "nadia-haddad")]


def _actors(run, text: str) -> list[tuple[str, str]]:
    return [(a["text"], a["actor"]) for a in of(run(text), "actor") if a["actor"]]


def test_a_header_line_of_places_and_dates_names_no_actor(run):
    text = ("John Kirby\nSpokesperson\nWashington, DC\nFebruary 4, 2016\n\n"
            "February 11, 2016, The Kremlin, Moscow\n\nRussia and Turkey held talks.")
    assert _actors(run, text) == [("John Kirby", "john-kirby"), ("Russia", "russia"), ("Turkey", "turkey")]
    # a byline is no place line: the person is still a mention
    assert ("John Kirby", "john-kirby") in _actors(run, "John Kirby, Department Spokesperson\nWashington, DC\n\nHello.")


def test_a_country_as_a_topic_or_modifier_is_no_actor(run):
    assert not _actors(run, "Diplomats want a Syrian-led process and a Syria peace process that works.")
    assert not _actors(run, "Shelling went on in eastern Ukraine as the Minsk Protocol was discussed.")
    assert not _actors(run, "The two presidents held talks at the Kremlin on Friday.")
    # a state's own act is still a mention, and a demonym leading what the state does
    assert _actors(run, "Russia rejected the plan, and the US-led coalition struck again.") == [
        ("Russia", "russia"), ("US-led coalition", "us-led-coalition")]


def test_a_capitalised_run_does_not_cross_a_line_break(run):
    r = run("He said Moscow was no party to the Package of\nMeasures Agreed Last Year.")
    assert all("\n" not in a["text"] for a in of(r, "actor"))


def test_the_group_as_a_defined_term_after_the_body_is_named(run):
    text = ("The International Syria Support Group met in Vienna. The Group will meet again in a month. "
            "A group of doctors wrote to the group.")
    assert _actors(run, text) == [("International Syria Support Group", "issg"), ("Group", "issg")]


def test_a_state_spoken_for_and_a_government_by_its_official_name(run):
    r = run("Kerry, speaking for the United States as Council President, opened the meeting. The Government of "
            "Yemen welcomed the envoy. Ministers of the support group will meet.")
    found = [(a["text"], a["actor"]) for a in of(r, "actor") if a["actor"]]
    assert ("United States", "us") in found and ("Government of Yemen", "yemen-government") in found
    assert not any(a == "issg" for _, a in found)  # a lower-case common noun is no mention
