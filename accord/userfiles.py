"""The files a user gives, read as text or XML: each failure is one line naming the file and the place
(a byte that is not UTF-8, an encoding nobody knows, XML that is not well-formed), never a traceback."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from accord.errors import AccordError


class FileError(AccordError):
    """A file that cannot be read as what it should be: ``FILE[:LINE[:COLUMN]]: problem``."""

    def __init__(self, file: str, problem: str, line: int | None = None, column: int | None = None):
        self.file, self.problem, self.line, self.column = file, problem, line, column
        at = (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{file}{at}: {problem}")


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise FileError(str(path), f"cannot read: {e.strerror or e}") from None


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (from 1, the column in bytes) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a byte-order mark dropped); one line naming the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        start = e.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line, col = line_col(data, start)
        raise FileError(source, f"not UTF-8 text (byte 0x{data[start]:02x}: {e.reason}); save the file as UTF-8",
                        line, col) from None


def read_text(path: str | Path) -> str:
    return decode(read_bytes(path), str(path))


def parse_xml(path: str | Path, data: bytes | None = None) -> ET.Element:
    """The root of an XML file. Expat declines entity expansion past its amplification limit and
    ElementTree resolves no external entity, so a document cannot make this read grow without end."""
    data = read_bytes(path) if data is None else data
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        line, col = e.position
        raise FileError(str(path), f"not well-formed XML: {str(e).split(':')[0]}", line, col + 1) from None
    except LookupError as e:  # <?xml encoding="klingon"?>
        raise FileError(str(path), f"XML declares an encoding Python does not know ({e})", 1) from None
    except (ValueError, UnicodeError) as e:
        raise FileError(str(path), f"unreadable XML ({e})", 1) from None


__all__ = ["FileError", "decode", "line_col", "parse_xml", "read_bytes", "read_text"]
