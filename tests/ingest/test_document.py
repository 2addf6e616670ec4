"""The document the components share: its lookups stay true to what it holds now."""

from __future__ import annotations

from accord.ingest.document import Article, IngestDoc, Mention


def _at(*starts: int) -> list[Mention]:
    return [Mention(s, s + 3, "abc", None, "person", "name", 1.0) for s in starts]


def test_the_mentions_in_a_span_are_read_from_the_list_the_document_holds_now():
    """The starts kept for the bisection belonged to one list: a list put in its place after it was freed (which
    CPython hands the freed list's memory, so its id()) and of the same length is read afresh, not by the old
    starts (those gave 74 wrong answers over the bench's 1 MB, and outputs that hung on memory reuse)."""
    doc = IngestDoc.from_article(Article(text="x" * 100))
    doc.mentions = _at(5, 10)
    assert [m.start for m in doc.mentions_in(0, 8)] == [5]
    for _ in range(20):  # whatever list the allocator hands out next
        doc.mentions = None  # type: ignore[assignment]
        doc.mentions = _at(50, 60)
        assert [m.start for m in doc.mentions_in(0, 8)] == []
        assert [m.start for m in doc.mentions_in(40, 70)] == [50, 60]
        doc.mentions = _at(5, 10)
        assert [m.start for m in doc.mentions_in(0, 8)] == [5]
