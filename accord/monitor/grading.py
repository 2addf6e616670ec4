"""The Admiralty (NATO STANAG 2511) grading of a report: the source's reliability and the information's
credibility, judged separately, so a usually reliable source can pass on an improbable claim (B5) and an
unknown source a confirmed one (F1).
"""

from __future__ import annotations

import re

RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable", "D": "not usually reliable",
    "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
    6: "truth cannot be judged",
}


def parse(code: str) -> tuple[str, int]:
    """'B2' -> ('B', 2); raises ValueError naming the expected form."""
    m = re.fullmatch(r"\s*([A-Fa-f])\s*([1-6])\s*", code)
    if not m:
        raise ValueError(f"grading {code!r} is not a letter A-F and a digit 1-6 (e.g. B2)")
    return m[1].upper(), int(m[2])


def describe(reliability: str, credibility: int) -> str:
    return f"{reliability}{credibility} ({RELIABILITY[reliability]}; {CREDIBILITY[credibility]})"


def trusted(reliability: str, credibility: int) -> bool:
    """A grade strong enough to confirm on its own with a second source: reliability A-B, credibility 1-2."""
    return reliability in "AB" and credibility <= 2


def unjudgeable(reliability: str, credibility: int) -> bool:
    """Nothing can be said of the report's worth: an unknown source or information that cannot be judged."""
    return reliability == "F" or credibility == 6
