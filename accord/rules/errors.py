"""User errors raised by the rules: bad votes, dates a body did not exist on, ids of the wrong kind."""

from accord.errors import AccordError


class RuleInputError(AccordError):
    """A question the rules cannot answer as asked (says what and which id)."""
