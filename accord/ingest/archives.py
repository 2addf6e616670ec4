"""Archives as they come: WARC files (warcio) and Parquet files of articles (pyarrow), read as streams.

A WARC's HTML responses (and text resources) are articles: the main text by trafilatura, the source URL
from ``WARC-Target-URI``, the publication date from the page's metadata (else ``--published``; never the
capture date, which says when a crawler passed, not when the story ran). Requests, metadata, non-text
payloads and redirects are skipped. A Parquet file holds one article per row, with the columns of a JSON
line (``text``; optionally ``id, url, outlet, published, title``), read a row group's batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from accord.ingest.document import Article
from accord.ingest.reader import ReadError, as_text_file, from_html, from_object

#: rows read at a time from a Parquet file: memory stays bounded by this, not by the file
PARQUET_BATCH = 512
_COLUMNS = ("text", "id", "url", "outlet", "published", "title")


def count(path: Path) -> int:
    """How many inputs the archive holds (for a progress bar), without reading their text."""
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as f:
        return sum(1 for rec in ArchiveIterator(f) if _wanted(rec))


def read(path: Path, suffix: str, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    if suffix == ".parquet":
        yield from _read_parquet(path, default, max_bytes)
    else:
        yield from _read_warc(path, default, max_bytes)


# ------------------------------------------------------------------------------------------ WARC


def _content_type(rec: object) -> str:
    http = getattr(rec, "http_headers", None)
    if http is not None:
        value = http.get_header("Content-Type") or ""
    else:
        value = rec.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    return value.split(";")[0].strip().lower()


def _wanted(rec: object) -> bool:
    kind = rec.rec_type  # type: ignore[attr-defined]
    if kind not in ("response", "resource", "conversion"):
        return False
    http = getattr(rec, "http_headers", None)
    if http is not None and not (http.get_statuscode() or "").startswith("2"):
        return False
    return _content_type(rec) in ("text/html", "application/xhtml+xml", "text/plain")


def _read_warc(path: Path, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        with path.open("rb") as f:
            for n, rec in enumerate(ArchiveIterator(f), 1):
                if not _wanted(rec):
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}: record {n}" + (f" ({uri})" if uri else "")
                body = rec.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield ReadError(where, f"payload too large (over {max_bytes} bytes)")
                    continue
                yield _article(body, where, _content_type(rec), uri, default)
    except ArchiveLoadFailed as e:
        yield ReadError(f"{path}: record {n + 1}", f"not a WARC record ({' '.join(str(e).split())})")
    except (EOFError, OSError, ValueError, AttributeError, TypeError) as e:
        # warcio trips over some malformed headers (a response record without a target URI: AttributeError)
        yield ReadError(f"{path}: record {n + 1}", f"cannot read the archive ({' '.join(str(e).split())})")


def _article(body: bytes, where: str, content_type: str, uri: str | None, default: tuple) -> Article | ReadError:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return ReadError(where, f"payload: not UTF-8 text (undecodable byte at offset {e.start})")
    if not text.strip():
        return ReadError(where, "payload: empty")
    text = as_text_file(text)
    if content_type == "text/plain":
        return Article(text=text, url=uri, published=default[0], published_at=default[1], source=where)
    return from_html(text, where, default, url=uri)


# --------------------------------------------------------------------------------------- Parquet


def _read_parquet(path: Path, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as e:
        yield ReadError(str(path), f"not a Parquet file ({' '.join(str(e).split())})")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield ReadError(str(path), "field 'text': no such column (columns: " + ", ".join(sorted(names)) + ")")
        return
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=[c for c in _COLUMNS if c in names]):
            for obj in batch.to_pylist():
                row += 1
                where = f"{path}: row {row}"
                if isinstance(obj.get("text"), str) and len(obj["text"].encode("utf-8")) > max_bytes:
                    yield ReadError(where, f"field 'text': too large (over {max_bytes} bytes)")
                    continue
                yield from_object(obj, where, default)
    except (OSError, ValueError, pa.ArrowException) as e:  # ValueError: a string column that is not UTF-8
        yield ReadError(f"{path}: row {row + 1}", f"cannot read the file ({' '.join(str(e).split())})")
