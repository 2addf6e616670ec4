"""User errors: each says what went wrong and where, in one line. Anything else is a bug."""


class AccordError(Exception):
    """Base of every error that is the user's to fix (bad input, unknown id, stale write)."""


class BundleError(AccordError):
    """A case bundle that does not validate: names file, line, field and id."""

    def __init__(self, file: str, message: str, *, line: int | None = None, field: str | None = None, id: str | None = None):
        self.file, self.line, self.field, self.id, self.message = file, line, field, id, message
        where = file + (f":{line}" if line else "")
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
