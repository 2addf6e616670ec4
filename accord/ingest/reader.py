"""Reading inputs into articles: text files, HTML (main text and date by trafilatura), JSON Lines (also
gzipped), WARC files and Parquet files of articles (``accord.ingest.archives``), folders, stdin. Every
reader streams: an archive is never loaded whole. A bad input becomes a ``ReadError`` for that document
only; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.ingest.document import Article

SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".parquet"}


def suffix_of(path: Path) -> str:
    """The file's kind by its name: ``.jsonl.gz`` and ``.warc.gz`` are kinds of their own."""
    name = path.name.lower()
    for double in (".jsonl.gz", ".warc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


@dataclass
class ReadError:
    source: str
    message: str

    def result(self) -> dict:
        return {"document": {"id": None, "published": None, "sha256": None, "source": self.source},
                "candidates": [], "errors": [f"{self.source}: {self.message}"]}


def parse_published(value: object) -> tuple[dt.date | None, dt.datetime | None]:
    """A date or an ISO 8601 moment (with its offset) -> (UTC day, moment)."""
    if value in (None, ""):
        return None, None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"malformed publication date {value!r} (expected ISO 8601)") from None
    if len(text) <= 10:
        return at.date(), None
    from accord.record.dates import to_utc

    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    try:
        return to_utc(at).date(), at
    except ValueError as e:
        raise ValueError(f"publication date: {e}") from None


def count(paths: list[str]) -> int | None:
    """How many documents the paths hold (for a progress bar); None when stdin is among them."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        for f in _files(path) if path.is_dir() else [path]:
            total += _count_file(f)
    return total


def _count_file(f: Path) -> int:
    suffix = suffix_of(f)
    try:
        if suffix in (".jsonl", ".jsonl.gz"):
            with _open_lines(f) as fh:
                return sum(1 for line in fh if line.strip())
        if suffix in (".warc", ".warc.gz", ".parquet"):
            from accord.ingest import archives

            return archives.count(f)
    except (OSError, EOFError, ValueError):
        pass  # the reader reports it; the bar counts it as one
    return 1


def _files(folder: Path) -> list[Path]:
    """The readable files under a folder, recursively, sorted."""
    return sorted(x for x in folder.rglob("*") if x.is_file() and suffix_of(x) in SUFFIXES)


def _open_lines(path: Path) -> Any:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def read(paths: list[str], published: str | None = None, max_bytes: int = 5_000_000) -> Iterator[Article | ReadError]:
    """Every article under the paths, in order (folders sorted, recursively); '-' is stdin."""
    default = parse_published(published)
    for p in paths:
        if p == "-":
            yield from _read_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", None, default, max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _files(path):
                yield from _read_file(f, default, max_bytes)
        elif path.is_file():
            yield from _read_file(path, default, max_bytes)
        else:
            yield ReadError(p, "no such file or folder")


def _read_file(path: Path, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    suffix = suffix_of(path)
    try:
        if suffix in (".jsonl", ".jsonl.gz"):
            yield from _read_jsonl(path, default, max_bytes)
            return
        if suffix in (".warc", ".warc.gz", ".parquet"):
            from accord.ingest import archives

            yield from archives.read(path, suffix, default, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadError(str(path), f"file too large ({size} bytes; the limit is {max_bytes})")
            return
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror}")
        return
    yield from _read_bytes(data, str(path), suffix, default, max_bytes)


def as_text_file(text: str) -> str:
    """Line ends as Python reads a text file: a file (or a WARC payload) saved on Windows reads as its Unix
    self, as the components and the soft-break rule know "\\n" only. A JSON Lines or Parquet text is
    taken exactly as given: its line ends are the data's own."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(data: bytes, source: str, suffix: str | None, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    if len(data) > max_bytes:
        yield ReadError(source, f"input too large (over {max_bytes} bytes)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield ReadError(source, f"not UTF-8 text (undecodable byte at offset {e.start})")
        return
    if not text.strip():
        yield ReadError(source, "empty file")
        return
    text = as_text_file(text)
    if suffix is None:  # stdin: JSON Lines when every line is an object, HTML when it looks like it
        lines = [x for x in text.splitlines() if x.strip()]
        if all(x.lstrip().startswith("{") for x in lines):
            yield from _jsonl_lines(lines, source, default, max_bytes)
            return
        suffix = ".html" if text.lstrip().lower().startswith(("<!doctype html", "<html")) else ".txt"
    if suffix in (".html", ".htm"):
        yield from_html(text, source, default)
    else:
        yield Article(text=text, published=default[0], published_at=default[1], source=source)


#: trafilatura's time grows faster than the page's elements (20,000 table cells: 3.6 s, 50,000: 27 s on
#: this machine), so a page with more is refused, whatever its size in bytes
MAX_HTML_ELEMENTS = 20_000
_TAG = re.compile(r"<[A-Za-z]")


def from_html(html: str, source: str, default: tuple, url: str | None = None) -> Article | ReadError:
    """The main text of a page; its date from the metadata when ``default`` gives none."""
    import trafilatura

    elements = len(_TAG.findall(html))
    if elements > MAX_HTML_ELEMENTS:
        return ReadError(source, f"HTML too large: {elements:,} elements (accord reads pages of at most "
                                 f"{MAX_HTML_ELEMENTS:,}; a news article's page has a few thousand)")
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 5:  # a menu or a cookie notice is not an article
        return ReadError(source, "no article text found in the HTML")
    published, at = default
    if published is None and getattr(doc, "date", None):
        try:
            published, at = parse_published(doc.date)
        except ValueError:
            pass
    return Article(text=text, title=getattr(doc, "title", None), url=url or getattr(doc, "url", None),
                   outlet=getattr(doc, "sitename", None), published=published, published_at=at, source=source)


def _read_jsonl(path: Path, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    n = 0
    try:
        with _open_lines(path) as f:
            for n, raw in enumerate(f, 1):
                yield from _jsonl_line(raw, f"{path}:{n}", default, max_bytes)
    except (EOFError, gzip.BadGzipFile) as e:  # a truncated or corrupt gzip stream: the lines before it stand
        yield ReadError(f"{path}:{n + 1}", f"corrupt gzip stream ({e})")


def _jsonl_lines(lines: list[str], source: str, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    for n, line in enumerate(lines, 1):
        yield from _jsonl_line(line.encode("utf-8"), f"{source}:{n}", default, max_bytes)


def _jsonl_line(raw: bytes, where: str, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    if not raw.strip():
        return
    if len(raw) > max_bytes:
        yield ReadError(where, f"line too large (over {max_bytes} bytes)")
        return
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        yield ReadError(where, f"malformed JSON ({e.msg if hasattr(e, 'msg') else e})")
        return
    if not isinstance(obj, dict):
        yield ReadError(where, "a JSON line needs an object with a string field 'text'")
        return
    yield from_object(obj, where, default)


_STRING_FIELDS = ("id", "url", "outlet", "title")


def from_object(obj: dict[str, Any], where: str, default: tuple) -> Article | ReadError:
    """An article from the fields of a JSON line or a Parquet row: ``text``, and optionally ``id, url,
    outlet, published, title``."""
    if not isinstance(obj.get("text"), str):
        return ReadError(where, "field 'text': missing or not a string")
    if not obj["text"].strip():
        return ReadError(where, "field 'text': empty")
    for name in _STRING_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            return ReadError(where, f"field {name!r}: expected a string, got {type(obj[name]).__name__}")
    value = obj.get("published")
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    try:
        published, at = parse_published(value) if value else default
    except ValueError as e:
        return ReadError(where, f"field 'published': {e}")
    return Article(text=obj["text"], id=obj.get("id"), url=obj.get("url"), outlet=obj.get("outlet"),
                   published=published, published_at=at, title=obj.get("title"), source=where)
