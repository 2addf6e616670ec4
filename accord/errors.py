"""User errors: each says what went wrong and where, in one line. Anything else is a bug."""

import errno


class AccordError(Exception):
    """Base of every error that is the user's to fix (bad input, unknown id, stale write)."""


class BundleError(AccordError):
    """A case bundle that does not validate: names file, line, field and id."""

    def __init__(self, file: str, message: str, *, line: int | None = None, field: str | None = None, id: str | None = None,
                 column: int | None = None):
        self.file, self.line, self.field, self.id, self.message = file, line, field, id, message
        self.column = column
        where = _where(file, line, column)
        parts = [where]
        if id:
            parts.append(f"id {id!r}")
        if field:
            parts.append(f"field {field!r}")
        super().__init__(": ".join([", ".join(parts), message]))


class NotFound(AccordError):
    pass


class StaleWrite(AccordError):
    """An optimistic version check failed: someone else changed the record since it was read."""


#: how many errors a bundle check lists before it only counts the rest
MAX_LISTED = 50


def _where(file: str, line: int | None, column: int | None = None) -> str:
    return file + (f":{line}" if line else "") + (f":{column}" if line and column else "")


def error_line(e: BundleError) -> str:
    """``file:line[:column]: id: field: message``, a dash for what is not known: one error per line, easy to grep."""
    where = _where(e.file, e.line, getattr(e, "column", None))
    return f"{where}: {e.id or '-'}: {e.field or '-'}: {e.message}"


class BundleErrors(BundleError):
    """Every problem found in a bundle (sorted by file and line; the first MAX_LISTED kept, all counted).
    Its file, line, field and id are the first error's."""

    def __init__(self, errors: list[BundleError], total: int | None = None):
        first = errors[0]
        super().__init__(first.file, first.message, line=first.line, field=first.field, id=first.id, column=first.column)
        self.errors = errors
        self.total = total if total is not None else len(errors)
        self.args = ("\n".join(self.lines()),)

    def lines(self) -> list[str]:
        return [error_line(e) for e in self.errors]

    def summary(self) -> str:
        shown = f" (the first {len(self.errors)} listed)" if self.total > len(self.errors) else ""
        return f"{self.total} error{'s' if self.total != 1 else ''} in the bundle{shown}; nothing was written"

    def __str__(self) -> str:
        return self.args[0]


#: SQLite's result code for a write refused because the database or the disk is full
SQLITE_FULL = 13
#: PostgreSQL's SQLSTATE disk_full
PG_DISK_FULL = "53100"


def out_of_space(e: BaseException | None) -> bool:
    """A write refused for want of space, however it reached us: the OS's ENOSPC, SQLite's SQLITE_FULL,
    PostgreSQL's disk_full (through SQLAlchemy's wrapper or a cause chain). Such a write was rolled back
    by its store, so the command can say so in one line rather than print a traceback."""
    seen: set[int] = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        if getattr(e, "sqlite_errorcode", None) == SQLITE_FULL or getattr(e, "sqlstate", None) == PG_DISK_FULL:
            return True
        e = getattr(e, "orig", None) or e.__cause__ or e.__context__
    return False
