"""Reading inputs into articles: text files, HTML (main text and date by trafilatura), JSON Lines, folders,
stdin. A bad input becomes a ``ReadError`` for that document only; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from accord.ingest.document import Article

SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl"}


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
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(dt.timezone.utc).date(), at


def count(paths: list[str]) -> int | None:
    """How many documents the paths hold (for a progress bar); None when stdin is among them."""
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        for f in _files(path) if path.is_dir() else [path]:
            if f.suffix.lower() == ".jsonl" and f.is_file():
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def _files(folder: Path) -> list[Path]:
    """The readable files under a folder, recursively, sorted."""
    return sorted(x for x in folder.rglob("*") if x.is_file() and x.suffix.lower() in SUFFIXES)


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
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, default, max_bytes)
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
    if suffix is None:  # stdin: JSON Lines when every line is an object, HTML when it looks like it
        lines = [x for x in text.splitlines() if x.strip()]
        if all(x.lstrip().startswith("{") for x in lines):
            yield from _jsonl_lines(lines, source, default, max_bytes)
            return
        suffix = ".html" if text.lstrip().lower().startswith(("<!doctype html", "<html")) else ".txt"
    if suffix in (".html", ".htm"):
        yield _from_html(text, source, default)
    else:
        yield Article(text=text, published=default[0], published_at=default[1], source=source)


def _from_html(html: str, source: str, default: tuple) -> Article | ReadError:
    import trafilatura

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
    return Article(text=text, title=getattr(doc, "title", None), url=getattr(doc, "url", None),
                   outlet=getattr(doc, "sitename", None), published=published, published_at=at, source=source)


def _read_jsonl(path: Path, default: tuple, max_bytes: int) -> Iterator[Article | ReadError]:
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            yield from _jsonl_line(raw, f"{path}:{n}", default, max_bytes)


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
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        yield ReadError(where, "a JSON line needs an object with a string field 'text'")
        return
    if not obj["text"].strip():
        yield ReadError(where, "empty text")
        return
    try:
        published, at = parse_published(obj.get("published")) if obj.get("published") else default
    except ValueError as e:
        yield ReadError(where, f"field 'published': {e}")
        return
    yield Article(text=obj["text"], id=obj.get("id"), url=obj.get("url"), outlet=obj.get("outlet"),
                  published=published, published_at=at, title=obj.get("title"), source=where)
