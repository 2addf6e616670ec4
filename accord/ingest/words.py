"""Where any of a fixed set of words occurs in a document, from spaCy's token arrays.

One vectorised lookup of the tokens' lower-case forms replaces a regular-expression alternation of
dozens or hundreds of words, which the regex engine tries at every character and which was the costliest
step of the components that need it. The offsets found are token starts: callers confirm each with their
own pattern there (case, boundaries, multi-word forms), so the result is what the alternation found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX, LOWER
from spacy.vocab import Vocab

from accord.ingest.document import IngestDoc


#: the key under which a document keeps its distinct lower-case word hashes (and each token's index into them)
_DISTINCT = (-1,)


class WordSet:
    def __init__(self, vocab: Vocab, words: Iterable[str]):
        self.hashes = np.array(sorted({vocab.strings.add(w.lower()) for w in words}), dtype=np.uint64)

    def offsets(self, doc: IngestDoc) -> list[int]:
        """Character offsets of the tokens that are one of the words (in any case), in order."""
        if doc.tokens is None or not len(doc.tokens):
            return []
        arr = doc.token_array(LOWER, IDX)
        # the document's distinct words, sorted, once for every word set that asks (a few per document): a
        # binary search of the sorted hashes for each of them, in order, costs a fraction of one per token
        uniq = doc._token_arrays.get(_DISTINCT)
        if uniq is None:
            uniq = doc._token_arrays[_DISTINCT] = np.unique(arr[:, 0], return_inverse=True)
        words, where = uniq
        at = np.searchsorted(self.hashes, words)
        at[at == len(self.hashes)] = 0
        return arr[(self.hashes[at] == words)[where], 1].tolist()


def first_words(alternation: str) -> set[str]:
    """The first words of a regex alternation of plain phrases, character classes expanded:
    'said|[Aa]ccording to|emphasi[sz]ed|cease-fire' -> {said, according, emphasised, emphasized, cease}.
    (spaCy splits a hyphenated word: its first part is the token to look for.)"""
    out: set[str] = set()
    for alt in alternation.split("|"):
        word = re.split(r"[\s-]", alt, maxsplit=1)[0]
        forms = [""]
        for part in re.findall(r"\[[^\]]+\]|[^\[]", word):
            choices = list(part[1:-1]) if part.startswith("[") else [part]
            forms = [f + c for f in forms for c in choices]
        out.update(f.lower() for f in forms)
    return out
