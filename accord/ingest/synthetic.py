"""Synthetic news articles from templates (the project's own wording), for benchmarks and tests.

Deterministic for a seed; every article has a publication date, a dateline, quotes, dates and actors.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator

_PEOPLE = [("John Kerry", "Kerry", "Secretary of State", "U.S."), ("Sergei Lavrov", "Lavrov", "Foreign Minister", "Russian"),
           ("Adel al-Jubeir", "al-Jubeir", "Foreign Minister", "Saudi"), ("Mohammad Javad Zarif", "Zarif", "Foreign Minister", "Iranian"),
           ("Staffan de Mistura", "de Mistura", "UN envoy", ""), ("Philip Hammond", "Hammond", "Foreign Secretary", "British"),
           ("Nasser Judeh", "Judeh", "Foreign Minister", "Jordanian"), ("Frank-Walter Steinmeier", "Steinmeier", "Foreign Minister", "German")]
_STATES = ["Russia", "the United States", "Saudi Arabia", "Iran", "Turkey", "Qatar", "France", "Jordan", "China", "Egypt"]
_CITIES = ["VIENNA", "GENEVA", "MUNICH", "NEW YORK", "MOSCOW", "BEIRUT", "AMMAN", "RIYADH"]
_GROUPS = ["Islamic State", "the Nusra Front", "Ahrar al-Sham", "Jaysh al-Islam", "Hezbollah", "the High Negotiations Committee"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]

_OPENINGS = [
    "{city} - {full} met his counterparts from {s1} and {s2} on {weekday} to prepare the next round of talks.",
    "{city} - Envoys from {s1}, {s2} and {s3} gathered on {weekday} for a meeting that diplomats said could decide the fate of the truce.",
    "{city} - {s1} accused {s2} on {weekday} of undermining the ceasefire, a charge {s2} rejected.",
]
_BODY = [
    '"We are not there yet, but we are closer than we were {unit}," {short} told reporters.',
    '"There can be no place for {group} at the table," {short} said. "Everyone here understands that."',
    "{short} said the talks would resume in {part} {month}, though no date had been fixed.",
    "A senior official said the list of groups had grown to more than {n} names since {month}.",
    "According to {s1}, the proposal would allow aid convoys to reach besieged towns within days.",
    '{s1} has called for an immediate ceasefire, while {s2} says strikes against {group} must continue.',
    "The ministers will meet again on {day} {month}, a spokesman for {s3} said.",
    '"The Syrian people alone will decide," {short} said, repeating a line first heard {unit}.',
    "Forces backed by {s2} shelled positions held by {group} near the border on {weekday}, monitors said.",
    "{s3} welcomed the statement and pledged {n} million dollars in aid for the coming year.",
    "Officials from {s1} and {s2} spoke by telephone {unit}, the {ministry} said in a statement.",
    "The plan, agreed {unit}, sets a target of elections within 18 months of the start of talks.",
]


def articles(n: int, seed: int = 7, start: dt.date = dt.date(2015, 10, 1)) -> Iterator[dict]:
    """n articles as JSON Lines objects (id, url, outlet, published, title, text)."""
    rnd = random.Random(seed)
    for i in range(n):
        published = start + dt.timedelta(days=rnd.randrange(200))
        full, short, title, demonym = rnd.choice(_PEOPLE)
        s1, s2, s3 = rnd.sample(_STATES, 3)

        def fill(t: str) -> str:
            return t.format(
                city=rnd.choice(_CITIES), full=f"{demonym} {title} {full}".strip(), short=short, s1=s1, s2=s2, s3=s3,
                weekday=rnd.choice(_WEEKDAYS), group=rnd.choice(_GROUPS), month=rnd.choice(_MONTHS),
                part=rnd.choice(["early", "mid", "late"]),
                unit=rnd.choice(["last week", "last month", "yesterday", "on Monday", "this week"]),
                n=rnd.randrange(2, 400), day=rnd.randrange(1, 29), ministry=rnd.choice(["foreign ministry", "Kremlin", "White House"]),
            )
        paragraphs = [fill(rnd.choice(_OPENINGS))] + [fill(rnd.choice(_BODY)) for _ in range(rnd.randrange(6, 12))]
        paragraphs = [p[:1].upper() + p[1:] for p in paragraphs]
        yield {"id": f"synthetic-{seed}-{i}", "url": f"https://example.org/synthetic/{seed}/{i}",
               "outlet": "Synthetic Wire", "published": published.isoformat(),
               "title": f"Talks on Syria, day {i}", "text": "\n\n".join(paragraphs)}


def write_jsonl(path: str, n: int, seed: int = 7) -> int:
    """Write n articles; returns the number of bytes written."""
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for a in articles(n, seed):
            line = json.dumps(a, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            f.write(line)
    return size
