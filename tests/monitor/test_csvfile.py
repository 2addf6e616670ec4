"""The two CSV readers of accord.monitor.formats.csvfile give the same table: pyarrow's (taken only where
the file proves its rows are the standard library's, row k on line k + 2) and the standard library's.
Generated files mix what tells them apart: quotes in odd places, quoted commas and line breaks, CR, CRLF,
blank lines, a BOM, NUL, bad UTF-8, rows of the wrong width, cells past csv's field size limit."""

from __future__ import annotations

import csv

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.monitor.formats import csvfile

#: what a cell is made of: mostly plain text (so most files take Arrow's path), then what tells readers apart
PLAIN = ["a", "b", "é", " ", "x y", '"q, r"', '"s ""t"""']
ODD = [",", '"', '""', "\n", "\r\n", "\r", "\t", "'", "\\", '"u\nv"', "\x00", "a\"b", '"w"z']
CELLS = st.lists(st.sampled_from(PLAIN * 6 + ODD), max_size=3).map("".join)


@st.composite
def rows(draw, width: int) -> list[list[str]]:
    """Rows mostly as wide as the header, some wider or narrower, some blank."""
    return [draw(st.lists(CELLS, min_size=w, max_size=w))
            for w in draw(st.lists(st.sampled_from([width] * 8 + [0, 1, width + 1]), max_size=8))]


def _table(path, arrow: bool):
    real = csvfile._arrow
    if not arrow:
        csvfile._arrow = lambda p, w: None
    try:
        t = csvfile.table(path, ("h1",))
    except AccordError as e:  # a file refused as a whole (its header): the same line from both
        return str(e)
    finally:
        csvfile._arrow = real
    return t.header, t.columns, t.lines, {i: (e.field, e.message) for i, e in t.errors.items()}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.sampled_from(["h1,h2", "h1", "h1,h2,h1", " h1 ,h2,h3", '"h1",h2']), data=st.data(),
       bom=st.booleans(), crlf=st.booleans(), bad=st.integers(0, 9), last=st.booleans())
def test_arrow_reads_as_the_standard_library_does(tmp_path, header, data, bom, crlf, bad, last):
    end = "\r\n" if crlf else "\n"
    body = data.draw(rows(len(header.split(","))))
    text = header + end + end.join(",".join(r) for r in body) + (end if last or not body else "")
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode()
    if bad == 0:  # one in ten: a row that is not UTF-8
        raw += b"z,\xff\xfe" + end.encode()
    path = tmp_path / "f.csv"
    path.write_bytes(raw)
    assert _table(path, True) == _table(path, False)


def test_plain_file_is_read_by_arrow_with_lines(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('h1,h2\na,"b, c"\r\n"d ""e""",f\n', encoding="utf-8")
    assert csvfile._arrow(path, 2) == [["a", 'd "e"'], ["b, c", "f"]]
    assert _table(path, True) == _table(path, False) == (
        ["h1", "h2"], {"h1": ["a", 'd "e"'], "h2": ["b, c", "f"]}, [2, 3], {})


def test_files_arrow_leaves_to_the_standard_library(tmp_path):
    path = tmp_path / "f.csv"
    for body in ('a,"b\nc"\n', "a,b\n\nc,d\n", "a,b\rc,d\n", "a\n", "a,b\x00\n", "a,b,c\n", "a," + "x" * (csv.field_size_limit() + 1) + "\n"):
        path.write_bytes(("h1,h2\n" + body).encode())
        assert csvfile._arrow(path, 2) is None, body[:20]
        assert _table(path, True) == _table(path, False)
    path.write_bytes(b"h1,h2\rx,y\nz,w\n")  # the header ends at the CR, for csv
    assert csvfile._arrow(path, 2) is None
