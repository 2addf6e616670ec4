"""The ingest review queue and the document reader, as the CLI, the API and the dashboard show them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.errors import AccordError, NotFound

if TYPE_CHECKING:
    from accord.record.snapshot import Snapshot

STATUSES = ("pending", "accepted", "rejected", "all")


def queue_page(store: Any, case_id: str, status: str, kind: str | None, document: str | None, limit: int,
               offset: int = 0) -> dict[str, Any]:
    from accord.ingest import queue_read

    if status not in STATUSES:
        raise AccordError(f"status {status!r}: expected {', '.join(STATUSES)}")
    with store.reading() as rows:  # the items and the counts over one connection
        items = queue_read.listed(rows, case_id, None if status == "all" else status, kind, document, offset + limit)
        counts = queue_read.counted(rows, case_id)
    return {"counts": counts, "limit": limit, "offset": offset, "items": items[offset:]}


def candidate(store: Any, case_id: str, cid: int, context: int = 200) -> dict[str, Any]:
    """One candidate with the passage around it (``context`` characters either side)."""
    from accord.ingest import queue_read

    cand = queue_read.one(store, case_id, cid)
    if cand is None:
        raise NotFound(f"no candidate {cid} in case {case_id!r}")
    try:
        text = store.get(case_id, cand["document"]).text or ""
    except NotFound:
        text = ""
    lo, hi = max(0, cand["start"] - context), min(len(text), cand["end"] + context)
    return {**cand, "context": text[lo:hi], "context_start": lo}


def document_reader(store: Any, snap: Snapshot, document: str) -> dict[str, Any]:
    """A document's text cut into segments, each marked with the candidates and citations covering it."""
    from accord.ingest import queue_read
    from accord.record.model import citations

    doc = snap.get(document, "document")
    text = doc.text or ""
    spans: list[dict[str, Any]] = []
    for c in queue_read.listing(store, snap.case_id, None, None, document, 10_000):
        spans.append({"start": c["start"], "end": c["end"], "what": f"{c['kind']} ({c['status']})",
                      "candidate": c["id"], "status": c["status"]})
    for rec in snap.records.values():
        for _, c in citations(rec):
            if c.document == document and c.start is not None and c.end is not None:
                spans.append({"start": c.start, "end": c.end, "what": f"cited by {rec.id}", "record": rec.id})
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        marks = [s for s in spans if s["start"] <= a and b <= s["end"]]
        segments.append({"text": text[a:b], "marks": marks})
    return {"id": doc.id, "title": doc.title, "url": doc.url, "published": str(doc.published) if doc.published else None,
            "segments": segments, "spans": spans}
