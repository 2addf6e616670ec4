"""An id from a name, in the convention of the world dictionary, the case bundles and the corpus gold: the name
folded to ASCII lower case, its words joined by '-' ('Margot Wallström' -> 'margot-wallstrom', "Stephen O'Brien"
-> 'stephen-o-brien', 'Børge Brende' -> 'borge-brende')."""

from __future__ import annotations

import re
import unicodedata

# letters that Unicode does not decompose into a base letter and a mark
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d",
                          "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 80


def slug(name: str) -> str:
    """The id a name proposes: ASCII letters and digits in runs joined by single hyphens, at most 80 characters,
    never empty ('x' for a name with no letter or digit)."""
    folded = unicodedata.normalize("NFKD", name.translate(_LETTERS)).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", folded.lower()).strip("-")[:MAX_LENGTH].strip("-") or "x"
