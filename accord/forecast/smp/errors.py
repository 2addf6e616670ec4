"""What a KTAB scenario's reader and writer refuse: its own module, so that writing a scenario
(accord.forecast.smp.writers) imports neither the reader nor the model."""

from __future__ import annotations

from accord.errors import AccordError


class SMPInputError(AccordError):
    """A KTAB scenario file that cannot be read, or stakeholders that KTAB would refuse."""
