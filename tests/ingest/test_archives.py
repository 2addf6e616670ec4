"""Archives as they come: a folder tree, JSON Lines (also gzipped), WARC and Parquet, each article with its
publication date and source URL; a malformed file gives one error line naming file, line/record/row and
field, and nothing of it is stored."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accord.cli.main import app
from accord.ingest.document import Article
from accord.ingest.reader import ReadError, as_text_file, count, read

from .test_dask import make_case, stored

runner = CliRunner()
STORY = ("GENEVA - Staffan de Mistura met the delegations on Tuesday. \"We will meet again in early February,\" "
         "he told reporters after the session, adding that the agenda was agreed.")
PAGE = ("<html><head><title>Talks adjourn</title><meta property=\"article:published_time\" content=\"2016-01-26\">"
        "</head><body><article><h1>Talks adjourn</h1><p>" + STORY + "</p></article></body></html>")


def write_warc(path: Path, records: list[tuple[str, str, str | None, bytes]]) -> None:
    """records: (kind, uri, content type or None for a request, payload)."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for kind, uri, ctype, payload in records:
            if kind == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
            elif kind == "resource":
                rec = writer.create_warc_record(uri, "resource", payload=io.BytesIO(payload), warc_content_type=ctype)
            else:
                rec = writer.create_warc_record(uri, "request", payload=io.BytesIO(payload),
                                                http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True))
            writer.write_record(rec)


def write_parquet(path: Path, rows: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)


articles = st.lists(st.fixed_dictionaries({
    "text": st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(str.strip),
    "url": st.from_regex(r"https://news\.example/[a-z0-9]{1,12}", fullmatch=True),
    "published": st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
}), min_size=1, max_size=8)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=articles)
def test_every_archive_kind_gives_back_the_text_url_and_date_it_holds(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("round")
    lines = "".join(json.dumps({**r, "published": r["published"].isoformat()}) + "\n" for r in rows)
    (folder / "a.jsonl").write_text(lines)
    with gzip.open(folder / "b.jsonl.gz", "wt") as f:
        f.write(lines)
    write_parquet(folder / "c.parquet", rows)
    for i, r in enumerate(rows):  # a WARC records no publication date: its text resources take --published
        write_warc(folder / f"d{i}.warc.gz",
                   [("resource", r["url"], "text/plain", r["text"].encode())])
    want = [(r["text"], r["url"], r["published"]) for r in rows]
    for name in ("a.jsonl", "b.jsonl.gz", "c.parquet"):
        got = list(read([str(folder / name)]))
        assert [(a.text, a.url, a.published) for a in got] == want, name
        assert count([str(folder / name)]) == len(rows)
    for i, r in enumerate(rows):
        (a,) = read([str(folder / f"d{i}.warc.gz")], published=r["published"].isoformat())
        # a payload is a file's bytes: its line ends read as a text file's (reader.as_text_file)
        assert (a.text, a.url, a.published) == (as_text_file(r["text"]), r["url"], r["published"])


def test_a_folder_tree_of_every_kind_in_sorted_order(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "one.txt").write_text(STORY)
    write_warc(tmp_path / "x" / "crawl.warc", [
        ("request", "https://news.example/talks", None, b""),
        ("response", "https://news.example/talks", "text/html; charset=utf-8", PAGE.encode()),
        ("response", "https://news.example/logo.png", "image/png", b"\x89PNG"),
    ])
    write_parquet(tmp_path / "p.parquet", [{"text": STORY, "url": "https://wire.example/1",
                                            "published": dt.datetime(2016, 1, 26, 9, 30, tzinfo=dt.timezone.utc)}])
    got = list(read([str(tmp_path)]))
    assert [type(a) for a in got] == [Article] * 3
    parquet, page, one = got  # sorted by path: p.parquet, x/crawl.warc, x/y/one.txt
    assert (parquet.url, parquet.published) == ("https://wire.example/1", dt.date(2016, 1, 26))
    assert page.source == f"{tmp_path}/x/crawl.warc: record 2 (https://news.example/talks)"
    assert (page.url, page.published, page.title) == ("https://news.example/talks", dt.date(2016, 1, 26), "Talks adjourn")
    assert "de Mistura" in page.text and one.text == STORY and one.published is None
    assert count([str(tmp_path)]) == 3


def test_the_citation_of_a_stored_document_is_its_url_and_publication_date(tmp_path):
    db = str(tmp_path / "s.db")
    make_case(db)
    write_parquet(tmp_path / "p.parquet", [{"text": STORY, "url": "https://wire.example/1", "outlet": "Wire",
                                            "published": "2016-01-26"}])
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "p.parquet"), "--case", "t"]).exit_code == 0
    from accord.record.model import Document
    from accord.store import Store

    (doc,) = Store.open(db).snapshot("t").all(Document)
    assert (doc.url, doc.outlet, str(doc.published)) == ("https://wire.example/1", "Wire", "2016-01-26")


def _errors(path: Path) -> list[str]:
    return [e for x in read([str(path)]) if isinstance(x, ReadError) for e in x.result()["errors"]]


def test_malformed_files_give_one_line_naming_file_place_and_field(tmp_path):
    bad = tmp_path / "bad.jsonl.gz"
    with gzip.open(bad, "wt") as f:
        f.write(json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY, "published": "Tuesday"}) + "\n"
                + json.dumps({"text": 7}) + "\n")
    assert _errors(bad) == [f"{bad}:2: field 'published': malformed publication date 'Tuesday' (expected ISO 8601)",
                            f"{bad}:3: field 'text': missing or not a string"]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(bad.read_bytes()[:-12])
    assert _errors(cut)[-1].startswith(f"{cut}:") and "corrupt gzip stream" in _errors(cut)[-1]

    pqf = tmp_path / "bad.parquet"
    write_parquet(pqf, [{"text": STORY, "url": "https://a.example"}, {"text": "  ", "url": None},
                        {"text": STORY, "url": "https://b.example"}])
    assert _errors(pqf) == [f"{pqf}: row 2: field 'text': empty"]
    nocol = tmp_path / "nocol.parquet"
    write_parquet(nocol, [{"body": STORY}])
    assert _errors(nocol) == [f"{nocol}: field 'text': no such column (columns: body)"]
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"PAR1 not really")
    (line,) = _errors(junk)
    assert line.startswith(f"{junk}: not a Parquet file")

    warc = tmp_path / "bad.warc"
    write_warc(warc, [("resource", "https://a.example/1", "text/plain", STORY.encode()),
                      ("resource", "https://a.example/2", "text/plain", b"\xff\xfe bad bytes")])
    assert _errors(warc) == [f"{warc}: record 2 (https://a.example/2): payload: not UTF-8 text (undecodable byte at offset 0)"]
    notwarc = tmp_path / "not.warc"
    notwarc.write_text("this is no archive\n")
    (line,) = _errors(notwarc)
    assert line.startswith(f"{notwarc}: record 1: not a WARC record")


def test_nothing_of_a_malformed_record_is_stored(tmp_path):
    db = str(tmp_path / "s.db")
    make_case(db)
    pqf = tmp_path / "bad.parquet"
    write_parquet(pqf, [{"text": STORY, "published": "2016-01-26"}, {"text": STORY + " More.", "published": "soon"}])
    r = runner.invoke(app, ["--db", db, "ingest", str(pqf), "--case", "t"])
    assert r.exit_code == 1 and f"{pqf}: row 2: field 'published'" in r.stderr
    assert len(stored(db)) == 1
