"""The actor matcher's look-ups in the LOWER column of a document's token array: the titles (every span a
PhraseMatcher of the titles' lower-case words finds) and the words that may spell a surname (the tokens whose
vocabulary entry the matcher judged so)."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.matcher import PhraseMatcher

from accord.ingest.components.actors import _MAY_SPELL
from accord.ingest.document import Article, IngestDoc

_PIECES = ["Foreign Minister", "foreign minister", "FOREIGN MINISTER", "Minister", "Prime", "Prime Minister",
           "Secretary", "Secretary of State", "Secretary-General", "Under-Secretary-General", "Special Envoy",
           "envoy", "President", "Vice President", "spokesman", "the", "of", "State", "Moallem", "Muallem", "moallem",
           "MOALLEM", "Jaafari", "Ja'afari", "Lavrov", "Walid", "al-", "Kerry", "said", ",", ".", " ", "  ", "\n", "-"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join)


def _tokens(pipeline, text: str):
    doc = IngestDoc.from_article(Article(text=text))
    doc.tokens = dict(pipeline.components)["segmenter"].tokenizer(doc.norm)
    return doc


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_the_titles_found_in_the_lower_column_are_what_a_phrase_matcher_finds(pipeline, text):
    actors = dict(pipeline.components)["actors"]
    matcher = PhraseMatcher(actors.vocab, attr="LOWER")
    tokenizer = dict(pipeline.components)["segmenter"].tokenizer
    for t in actors.lex.titles:
        matcher.add(t.title.lower(), [tokenizer(t.title.lower())])
    doc = _tokens(pipeline, text)
    words = doc.token_array(LOWER, IDX, LENGTH)[:, 0]
    assert actors._title_spans(words, words.tolist()) == {(s, e) for _, s, e in matcher(doc.tokens)}


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_the_spellings_looked_up_by_lower_word_are_the_entries_judged_so(pipeline, text):
    actors = dict(pipeline.components)["actors"]
    doc = _tokens(pipeline, text)
    flagged = np.flatnonzero(doc.tokens.to_array([_MAY_SPELL])).tolist()
    assert flagged == [i for i in actors._spelled_tokens(doc) if doc.tokens[i].text[:1].isupper()]
