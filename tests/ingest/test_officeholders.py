"""The world's office-holders: ministers and heads of other regions than the corpus's usual ones are actors,
a title alone names whoever held the office on the day, and the dictionary's ids and surnames stay unambiguous."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
import yaml

from accord.ingest.slug import slug
from accord.ingest.world import WORLD_DIR, world
from tests.ingest.conftest import actors


def _people() -> list[dict]:
    return [*yaml.safe_load((WORLD_DIR / "people.yaml").read_text(encoding="utf-8")),
            *yaml.safe_load((WORLD_DIR / "officeholders.yaml").read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("text", "expected"), [
    # ministers of other regions than the corpus's usual ones
    ("Ukrainian Foreign Minister Pavlo Klimkin met Salaheddine Mezouar in Rabat. Klimkin said the talks were useful.",
     [("Pavlo Klimkin", "pavlo-klimkin"), ("Salaheddine Mezouar", "salaheddine-mezouar"), ("Klimkin", "pavlo-klimkin")]),
    # heads of government and ministers of small and far states
    ("Prime Minister Joseph Muscat of Malta met Foreign Minister Eladio Loizaga of Paraguay and Louise Mushikiwabo. "
     "Mushikiwabo said the talks were useful.",
     [("Joseph Muscat", "joseph-muscat"), ("Eladio Loizaga", "eladio-loizaga"), ("Mushikiwabo", "louise-mushikiwabo")]),
])
def test_ministers_and_heads_of_other_regions_are_actors(run, text, expected):
    found = actors(run(text, published=dt.date(2016, 3, 1)))
    assert [e for e in expected if e not in found] == []


def test_a_title_names_whoever_held_it_on_the_day():
    lex = world()
    assert lex.holders("Foreign Minister", "morocco", dt.date(2016, 1, 1)) == ["salaheddine-mezouar"]
    assert lex.holders("Foreign Minister", "morocco", dt.date(2017, 6, 1)) == ["nasser-bourita"]
    assert lex.holders("Prime Minister", "uk", dt.date(2016, 8, 1)) == ["theresa-may"]
    assert lex.holders("Secretary-General", "un", dt.date(2017, 3, 1)) == ["antonio-guterres"]
    # one person, two offices in turn: Le Drian at defence, then at foreign affairs
    assert lex.holders("Defence Minister", "france", dt.date(2016, 5, 1)) == ["jean-yves-le-drian"]
    assert lex.holders("Foreign Minister", "france", dt.date(2017, 9, 1)) == ["jean-yves-le-drian"]


def test_a_surname_that_is_a_common_word_needs_the_full_name_first(run):
    assert actors(run("The vote is due in May, and English is the language of the talks.",
                      published=dt.date(2016, 9, 1))) == []
    r = run("Prime Minister Theresa May arrived. May said the vote stands.", published=dt.date(2016, 9, 1))
    assert ("May", "theresa-may") in actors(r)


def test_a_surname_that_names_a_town_needs_the_full_name_first(run):
    assert actors(run("The ferry left Saint Malo for Portsmouth on Monday.", published=dt.date(2016, 9, 1))) == []
    r = run("Foreign Minister Isabel Saint Malo arrived. Saint Malo said the vote stands.", published=dt.date(2016, 9, 1))
    assert ("Saint Malo", "isabel-saint-malo") in actors(r)


def _slug(name: str) -> str:
    # the ids' folding (accord.ingest.slug: 'Børge Brende' -> borge-brende), an apostrophe dropped ('Ya'alon' -> yaalon)
    return slug(name.replace("'", ""))


def test_ids_are_slugs_of_the_full_name_and_unique():
    people = _people()
    ids = Counter(p["id"] for p in people)
    assert [i for i, n in ids.items() if n > 1] == []
    others = {e.id for e in world().entries.values() if e.kind != "person"}
    assert set(ids) & others == set()
    # an apostrophe is dropped ('Ya'alon' -> yaalon) or read as a break ('O'Brien' -> o-brien)
    assert [p["id"] for p in people if p["id"] not in (_slug(p["name"]), _slug(p["name"].replace("'", " ")))] == []


def test_a_person_the_corpus_names_by_id_has_that_id_in_the_world():
    # the gold's ids (docs/gold-format.md) are slugs of a full name too: a world entry one of whose names spells
    # such an id under another id ('Salih Muslim' listed as saleh-muslim) makes every correct mention a miss
    from tests.ingest.corpus.build import ACTORS

    assert [(p["id"], a) for p in _people() for a in (p["name"], *p.get("aliases", []))
            if _slug(a) in ACTORS and p["id"] != _slug(a)] == []


def test_no_surname_alone_names_two_people():
    owners: dict[str, set[str]] = {}
    for p in _people():
        for s in p.get("short", []):
            owners.setdefault(s, set()).add(p["id"])
    assert {s: o for s, o in owners.items() if len(o) > 1} == {}


def test_no_loose_surname_is_the_last_word_of_another_persons_name():
    # 'Saleh' alone would take Aguila Saleh for Ali Abdullah Saleh; a loose short (or an alias) that ends another
    # person's name must be strict (only after the full name or a title) or go
    names = {p["id"]: [p["name"], *p.get("aliases", [])] for p in _people()}
    clashes = []
    for p in _people():
        loose = [s for s in p.get("short", []) if " " not in s and not p.get("strict_short")]
        for other, forms in names.items():
            if other == p["id"]:
                continue
            # after a particle the surname is the pair ('dos Santos' is not 'Santos'), and the matcher takes the pair
            clashes += [(p["id"], s, other) for s in loose
                        if any(f.split()[-1] == s and not f.split()[-2:-1][0][:1].islower() for f in forms)]
            clashes += [(p["id"], a, other) for a in p.get("aliases", [])
                        if any(f != a and re.search(rf"(?<!\S){re.escape(a)}(?!\S)", f) for f in forms)]
    assert clashes == []


def test_a_surname_two_people_share_is_not_taken_for_either_after_a_title(run):
    # 'Gen. Sharif' is Raheel Sharif, the army chief, never Prime Minister Nawaz Sharif; 'King Abdullah' in 2014 may
    # be the Saudi king as well as Jordan's
    r = run("Army chief Gen. Sharif said the operation would go on. President Kim of the World Bank said "
            "aid would follow. King Abdullah said the summit was useful.", published=dt.date(2014, 6, 1))
    ids = {a for _, a in actors(r)}
    assert not ids & {"nawaz-sharif", "kim-jong-un", "abdullah-ii"}


def test_a_handover_day_has_one_holder():
    lex = world()
    # Ayrault took over from Fabius on 2016-02-11
    assert lex.holders("Foreign Minister", "france", dt.date(2016, 2, 10)) == ["laurent-fabius"]
    assert lex.holders("Foreign Minister", "france", dt.date(2016, 2, 11)) == ["jean-marc-ayrault"]


def test_every_office_has_a_start_and_ended_ones_an_end():
    office = yaml.safe_load((WORLD_DIR / "officeholders.yaml").read_text(encoding="utf-8"))
    assert [p["id"] for p in office for r in p.get("roles", []) if "start" not in r] == []
    lex = world()
    # offices left before today's date
    gone = {"luis-almagro": "oas", "riyad-al-maliki": "palestine", "filippo-grandi": "unhcr",
            "audrey-azoulay": "unesco", "faure-gnassingbe": "togo"}
    assert [i for i, of in gone.items() if any(r.of == of and r.end is None for r in lex.get(i).roles)] == []
    assert all(r.end for r in lex.get("mohammed-bin-salman").roles if r.title == "Defence Minister")


def test_every_member_states_offices_in_2015_and_2016_name_their_holder():
    lex = world()
    day = dt.date(2016, 6, 1)
    assert lex.holders("Prime Minister", "malta", day) == ["joseph-muscat"]
    assert lex.holders("Foreign Minister", "estonia", day) == ["marina-kaljurand"]
    assert lex.holders("President", "vietnam", day) == ["tran-dai-quang"]
    assert lex.holders("Chancellor", "austria", day) == ["christian-kern"]
    assert lex.holders("President", "switzerland", day) == ["johann-schneider-ammann"]
    assert lex.holders("Prime Minister", "dr-congo", day) == ["augustin-matata-ponyo"]
    # a handover inside the two years: Croatia's three prime ministers
    assert lex.holders("Prime Minister", "croatia", dt.date(2016, 1, 21)) == ["zoran-milanovic"]
    assert lex.holders("Prime Minister", "croatia", dt.date(2016, 1, 22)) == ["tihomir-oreskovic"]
    assert lex.holders("Prime Minister", "croatia", dt.date(2016, 10, 19)) == ["andrej-plenkovic"]


def test_surnames_that_are_words_or_places_need_the_full_name(run):
    # Muscat is Oman's capital, Medina a city, Long, Meta, Rama and Luna words or other names
    r = run("In Muscat the talks went on. Pilgrims reached Medina on Friday. Long talks on Meta and Luna "
            "ended, and Rama, the festival, began.", published=dt.date(2016, 3, 1))
    assert not [a for _, a in actors(r) if a in ("joseph-muscat", "danilo-medina", "guillaume-long", "ilir-meta",
                                                  "ricardo-luna", "edi-rama")]


def test_no_middle_name_takes_a_first_name_from_the_people_it_names():
    # a first name that is a later word of another person's name is nobody's alone (coref's first names): an
    # office-holder's middle name ('Alan Peter Cayetano', 'José Maria Neves') would take 'Peter' and 'Maria' from
    # every Peter and Maria a transcript calls by the first name
    lex = world()
    later = {w for e in lex.entries.values() if e.kind == "person" for n in (e.name, *e.aliases) for w in n.split()[1:]}
    firsts = {n.split()[0] for e in lex.entries.values() if e.kind == "person" for n in (e.name, *e.aliases)
              if len(n.split()) > 1}
    assert {"Peter", "Maria", "Albert", "John", "David", "Michael"} & later & firsts == set()
