"""CSV files as the readers see them: rows as dicts with their line number, a malformed row (too many
or too few fields) as one error, a missing column as one error for the whole file."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from accord.errors import AccordError
from accord.monitor.formats.rows import RowError


def rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str] | RowError]]:
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
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as e:
                yield reader.line_num, RowError("(row)", f"malformed CSV: {e}")
                continue
            if not values:
                continue
            if len(values) != width:
                yield reader.line_num, RowError("(row)", f"malformed CSV row: {len(values)} fields, the header has {width}")
                continue
            yield reader.line_num, dict(zip(header, values))
