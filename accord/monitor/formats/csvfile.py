"""CSV files as the readers see them: one list per column (the column path, ``batch``), with each row's
line number; a malformed row (too many or too few fields, bad quoting or encoding) is one error and
blank cells in every column; a missing column is one error for the whole file.

Read with the standard library's C reader rather than pyarrow: it gives each row's line number as the
error lines need it (a quoted field may span lines), reads quoting as every earlier import did, and
costs about 6 µs a row of ACLED's shape, 1.2 s of the 8.4 s CPU a 200,000-row import takes
(docs/benchmarks.md, Monitor).
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
