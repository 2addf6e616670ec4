"""Defects a review of round 14's ingest rules found (reviewB), each from an input of its own."""

from __future__ import annotations

from tests.ingest.conftest import of


def actors(result: dict) -> list[tuple[str, str | None]]:
    return [(c["text"], c["actor"]) for c in of(result, "actor")]


# --- a capital after a building's name and a comma is an address's town only where the address ends --------------

def test_a_capital_listed_after_a_body_named_nations_still_acts(run):
    r = run("The truce was endorsed by the United Nations, Moscow and Washington on Friday.")
    assert ("Moscow", "russia") in actors(r)


def test_a_capital_after_a_fronted_clause_ending_in_a_venue_acts(run):
    r = run("After a long night at the White House, Moscow agreed to extend the pause.")
    assert ("Moscow", "russia") in actors(r)
    r = run("Speaking outside Parliament House, Kampala rejected the findings of the panel.")
    assert ("Kampala", "uganda") in actors(r)


def test_an_address_still_ends_with_its_town(run):
    r = run("The delegates gathered in Parliament House, Kampala.\nThe session opened at noon.")
    assert ("Kampala", "uganda") not in actors(r)
    r = run("Statement issued at Conference Hall, Kampala, 4 March 2016")
    assert ("Kampala", "uganda") not in actors(r)
