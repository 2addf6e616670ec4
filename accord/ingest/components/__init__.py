"""The built-in components; importing this package registers them."""

from accord.ingest.components import (  # noqa: F401
    acronyms, actors, coref, dates, descriptions, events, proposed, quotes, segmenter, stances, transcript, unknown_actors,
)
