"""CSV files as the readers see them: one list per column (the column path, ``batch``), with each row's
line number; a malformed row (too many or too few fields, bad quoting or encoding) is one error and
blank cells in every column; a missing column is one error for the whole file.

Two readers, the same table. The usual file is read by pyarrow's CSV reader (C++, 0.3 s CPU for a
200,000-row ACLED export where the standard library's reader and the transposition took 1.0-2.1 s;
docs/benchmarks.md, Monitor), but only when the file proves that pyarrow's rows are the standard
library's and that row k is on line k + 2 (``_arrow``): every row on a line of its own (no quoted line
break, so Arrow's row count equals the file's line count), no blank line, no lone carriage return, no
NUL, no cell over csv's field size limit, every row as wide as the header, valid UTF-8. Any other file
— every file with a bad row among them — is read by the standard library's C reader as before, which
gives each row's line number as the error lines need it and reads quoting as every earlier import did.
tests/monitor/test_csvfile.py compares the two readers on generated files.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import AccordError
from accord.monitor.formats.rows import RowError


@dataclass
class Table:
    header: list[str]
    columns: dict[str, list[str]]
    #: the line each row ended on (csv's line_num), one per row read, malformed rows included
    lines: list[int]
    #: row position -> the error of a malformed row
    errors: dict[int, RowError] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lines)

    def get(self, name: str) -> list[str | None]:
        """A column by name; an absent one reads as None in every row (as ``dict.get`` did)."""
        col = self.columns.get(name)
        return col if col is not None else [None] * len(self.lines)


def table(path: Path, required: tuple[str, ...]) -> Table:
    try:
        f = path.open(encoding="utf-8-sig", newline="")
    except OSError as e:
        raise AccordError(f"{path}: cannot read ({e.strerror})") from None
    with f:
        reader = csv.reader(f)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise AccordError(f"{path}: empty file (expected a header row)") from None
        except (csv.Error, UnicodeDecodeError) as e:
            raise AccordError(f"{path}: row 1: not CSV ({e})") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise AccordError(f"{path}: row 1: missing column(s) {', '.join(missing)}")
        width = len(header)
        start = reader.line_num
        fast = _arrow(path, width) if start == 1 else None
        if fast is not None:
            columns = dict(zip(header, fast)) if fast and fast[0] else {h: [] for h in header}
            n = len(fast[0]) if fast else 0
            return Table(header, columns, list(range(2, n + 2)))
        try:
            raw = list(reader)
        except (csv.Error, UnicodeDecodeError):
            raw = None
        if raw is not None and reader.line_num - start == len(raw):
            # every row on a line of its own (the usual file): row k of the list ended on line start + k + 1
            rows, lines, errors = _checked(raw, range(start + 1, reader.line_num + 1), width)
        else:  # a quoted field over several lines, or a malformed row: read again row by row
            f.seek(0)
            reader = csv.reader(f)
            next(reader)
            rows, lines, errors = _rows(reader, width)
    # a repeated column name: the last one wins, as it did when each row was a dict
    columns = dict(zip(header, (list(c) for c in zip(*rows)))) if rows else {h: [] for h in header}
    return Table(header, columns, lines, errors)


def _arrow(path: Path, width: int) -> list[list[str]] | None:
    """The file's columns below its header (a one-line header) as pyarrow reads them, where the file
    proves they are the standard library reader's rows with row k on line k + 2; else None."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):  # the BOM utf-8-sig drops
        data = data[3:]
    end = data.find(b"\n")
    if end < 0 or b"\r" in data[: end - 1]:  # a header not ended by the first LF (a lone CR is a line end to csv)
        return None
    body = data[end + 1 :]
    if not body or b"\x00" in body or (b"\r" in body and body.count(b"\r") != body.count(b"\r\n")):
        return None  # a NUL, a lone CR (a line end to csv): the standard library's reader
    lines = body.count(b"\n") + (not body.endswith(b"\n"))
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    names = [f"c{i}" for i in range(width)]
    try:
        # one thread: on two shared cores Arrow's threads cost more CPU (0.29 s against 0.18) and, loaded,
        # more wall time too
        t = pcsv.read_csv(pa.BufferReader(body), read_options=pcsv.ReadOptions(column_names=names, use_threads=False),
                          parse_options=pcsv.ParseOptions(newlines_in_values=True),
                          convert_options=pcsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                              strings_can_be_null=False,
                                                              quoted_strings_can_be_null=False))
    except pa.ArrowException:  # a row of another width, bad UTF-8, ...: csv's errors
        return None
    if t.num_rows != lines:  # a blank line (skipped) or a quoted line break (two lines one row): fewer rows
        return None
    limit = csv.field_size_limit()
    for col in t.columns:
        if col.null_count or (len(col) and pc.max(pc.binary_length(col)).as_py() > limit):
            return None  # a cell csv refuses as too long (counted in bytes: at least its characters)
    return [col.to_pylist() for col in t.columns]


def _checked(raw: list[list[str]], line_of: range, width: int) -> tuple[list, list[int], dict[int, RowError]]:
    """Rows read at once: blank lines dropped, a row of the wrong width refused."""
    keep = [k for k, values in enumerate(raw) if values]
    rows = [raw[k] for k in keep] if len(keep) != len(raw) else raw
    lines = [line_of[k] for k in keep]
    errors: dict[int, RowError] = {}
    for i, values in enumerate(rows):
        if len(values) != width:
            errors[i] = RowError("(row)", f"malformed CSV row: {len(values)} fields, the header has {width}")
    if errors:
        blank = [""] * width
        for i in errors:
            rows[i] = blank
    return rows, lines, errors


def _rows(reader: Any, width: int) -> tuple[list, list[int], dict[int, RowError]]:
    """Rows read one by one, each with the line it ended on; a malformed one is an error, then reading goes on."""
    blank = ("",) * width
    rows: list = []
    lines: list[int] = []
    errors: dict[int, RowError] = {}
    while True:  # a for loop over the reader, resumed after each malformed row
        try:
            for values in reader:
                if not values:
                    continue
                if len(values) != width:
                    errors[len(rows)] = RowError("(row)", f"malformed CSV row: {len(values)} fields, the header has {width}")
                    values = blank
                rows.append(values)
                lines.append(reader.line_num)
            return rows, lines, errors
        except (csv.Error, UnicodeDecodeError) as e:
            errors[len(rows)] = RowError("(row)", f"malformed CSV: {e}")
            rows.append(blank)
            lines.append(reader.line_num)
