"""Which components run, in which order, with which settings (defaults here; a YAML file may override)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from accord.errors import AccordError

DEFAULT_COMPONENTS = [
    "segmenter",  # tokens, sentences, headline and dateline
    "actors",  # dictionary and title matching
    "coref",  # surnames and titles alone, pronouns kept for speakers
    "proposed_people",  # people named in full whom the dictionary lacks: a proposed id, their surnames linked
    "proposed_bodies",  # bodies named in full with their acronym in brackets: the acronym as id, its later uses linked
    "acting_acronyms",  # acronyms nobody knows that act ('the MILF will not accept'): the acronym as id, its uses linked
    "transcript",  # speaker labels: each turn the labelled speaker's direct quote
    "descriptions",  # descriptive and group mentions ("the Government", "the rebels"), linked where the text fixes it
    "unknown_actors",  # proper nouns nobody knows, proposed with a guessed kind
    "dates",  # resolved against the publication date
    "quotes",  # direct and indirect, with speakers
    "events",  # PLOVER type and CAMEO code, source, target, date, place
    "stances",  # case issues
]


class IngestConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    components: list[str] = DEFAULT_COMPONENTS
    #: per-component settings, passed to its factory
    settings: dict[str, dict[str, Any]] = {}
    #: larger inputs are refused (one error line) rather than read
    max_bytes: int = 5_000_000

    @classmethod
    def load(cls, path: Path | None) -> IngestConfig:
        if path is None:
            return cls()
        from accord.record.yamlread import load
        from accord.userfiles import read_text

        try:
            return cls.model_validate(load(read_text(path), str(path)) or {})
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(x) for x in err["loc"]) or "(top)"
            raise AccordError(f"--config {path}: {where}: {err['msg']}") from None
