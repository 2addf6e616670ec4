"""Actor names in imported rows -> the case's actor ids, through the case's own names and aliases, then
the ingest world dictionary (``accord.ingest.world``), then the naming conventions of event datasets:

- ``Military Forces of Syria (2000-)``, ``Police Forces of Syria (2000-)``: the state's government
  (the case's ``<state>-government`` when it has one, else the state);
- ``Unidentified Armed Group (Syria)``, ``unknown``: nobody named (an unknown perpetrator);
- ``Civilians (Syria)``: civilians, not an actor of the case;
- a trailing ``(Country)`` or ``(2011-)`` is dropped before a second look.

A name that none of these resolves is kept as text and listed as unresolved, never dropped. Only ids
of the case's actors come out (a world actor the case does not hold stays unresolved text).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from accord.record.model import Actor
from accord.record.snapshot import Snapshot

_FORCES = re.compile(r"^(?:military|police|armed) forces of (.+?)(?: \(\d{4}-\d{0,4}\))?$", re.I)
_UNKNOWN = re.compile(r"^(?:unidentified|unknown)\b.*$|^$", re.I)
_CIVILIANS = re.compile(r"^civilians\b", re.I)
_QUALIFIER = re.compile(r"\s*\((?:[^()]*)\)\s*$")


@dataclass
class Resolved:
    actor: str | None
    #: True when the name says nobody identifiable (an unknown perpetrator), not an unresolved name
    unknown: bool = False


@dataclass
class Names:
    """Resolves names for one case; remembers the names it could not resolve, with how often."""

    snap: Snapshot
    index: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)  # lower-case state name -> state id
    unresolved: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        from accord.ingest.world import world

        case_ids = {a.id for a in self.snap.all(Actor)}
        lex = world()
        for e in lex.entries.values():  # the world first: the case's own names win
            if e.id in case_ids:
                for n in [e.name, *e.aliases]:
                    self.index[n.lower()] = e.id
            if e.kind == "state":
                for n in [e.name, *e.aliases]:
                    self.states[n.lower()] = e.id
        for a in self.snap.all(Actor):
            for n in a.names():
                self.index[n.lower()] = a.id
            self.index[a.id] = a.id
        self.case_ids = case_ids

    def resolve(self, text: str | None, times: int = 1) -> Resolved:
        """``times``: how many rows give this name (an import resolves each distinct name once)."""
        name = (text or "").strip()
        if _UNKNOWN.match(name):
            return Resolved(None, unknown=True)
        if _CIVILIANS.match(name):
            return Resolved(None)
        found = self._lookup(name)
        if found is None:
            self.unresolved[name] += times
        return Resolved(found)

    def _lookup(self, name: str) -> str | None:
        low = name.lower()
        if low in self.index:
            return self.index[low]
        m = _FORCES.match(name)
        if m:
            state = self.states.get(m[1].strip().lower())
            if state:
                gov = f"{state}-government"
                return gov if gov in self.case_ids else (state if state in self.case_ids else None)
        bare = _QUALIFIER.sub("", name)
        return self.index.get(bare.lower()) if bare != name else None
