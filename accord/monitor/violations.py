"""Does an incident count as a violation of a ceasefire? Derived per incident, with its reason.

The first rule that applies decides (the incident's day is its local day in the ceasefire's zone):

  1. before-start     it happened wholly before the ceasefire began                      -> no
  2. after-end        it happened wholly after the ceasefire ended                       -> no
  3. time-uncertain   its time's precision spans the start or the end                    -> unknown
  4. outside-area     its place lies outside the covered area                            -> no
  5. excluded-group   its perpetrator was excluded from the ceasefire on that day        -> no
  6. against-excluded its target was excluded on that day (striking ISIL is no breach)   -> no
  7. unknown-perpetrator  nobody is named: counted apart, never dropped                  -> unknown
  8. not-accepted     its perpetrator had not accepted the ceasefire by that day         -> no
  9. violation        by a party that had accepted it                                   -> yes

Exclusion comes from the designation lists on that day (``accord.monitor.ceasefire.excluded``); a
claim of self-defence stays a claim on the incident and is named in the reason, it changes nothing.
The rule runs over columns (``accord.monitor.columns``): one vectorised pass per rule over arrays, or
incident by incident over the lists of a few incidents.
"""

from __future__ import annotations

import re
from typing import Any

from accord.monitor import timing
from accord.monitor.ceasefire import Ceasefire, excluded
from accord.monitor.columns import UNKNOWN, Columns, day_of, local_days
from accord.record.snapshot import Snapshot

RULES: tuple[tuple[str, bool | None], ...] = (
    ("before-start", False), ("after-end", False), ("time-uncertain", None), ("outside-area", False),
    ("excluded-group", False), ("against-excluded", False), ("unknown-perpetrator", None),
    ("not-accepted", False), ("violation", True),
)
CODE = {name: i for i, (name, _) in enumerate(RULES)}


class Judgement:
    """The rule applied to columns: a code per incident, and what the reasons need."""

    def __init__(self, snap: Snapshot, cf: Ceasefire, cols: Columns):
        self.snap, self.cf, self.cols = snap, cf, cols
        self.days = local_days(cols.lo, cf.time_zone)
        if cols.plain:
            self.unique_days = sorted(set(self.days))
            position = {d: k for k, d in enumerate(self.unique_days)}
            self.day_index = [position[d] for d in self.days]
        else:
            import numpy as np

            self.unique_days, day_index = np.unique(self.days, return_inverse=True)
            self.day_index = day_index.reshape(-1)
        # per day and actor code, with a column more for UNKNOWN (-1 indexes the last): never excluded, never accepted
        excluded_on = [[False] * (len(cols.actors) + 1) for _ in self.unique_days]
        accepted_on = [[False] * (len(cols.actors) + 1) for _ in self.unique_days]
        self.exclusions: list[dict[str, str]] = []
        code_of = {a: i for i, a in enumerate(cols.actors)}
        for d, day in enumerate(self.unique_days):
            out = excluded(snap, cf, day_of(day))
            self.exclusions.append(out)
            for actor in out:
                if actor in code_of:
                    excluded_on[d][code_of[actor]] = True
            for actor in cf.parties:
                if actor in code_of and cf.accepted(actor, day_of(day)):
                    accepted_on[d][code_of[actor]] = True
        covered = [cf.covers(*_split(p)) for p in cols.places] + [True]
        self.codes = _codes(cols, cf, covered, excluded_on, accepted_on, self.day_index)

    def verdict(self, i: int) -> bool | None:
        return RULES[self.codes[i]][1]

    def rule(self, i: int) -> str:
        return RULES[self.codes[i]][0]

    def reason(self, i: int, incident: Any = None) -> str:
        """Why incident i got its verdict, in words (with its self-defence claims when given)."""
        c, cf, snap = self.cols, self.cf, self.snap
        rule, day = self.rule(i), day_of(self.days[i])
        tz = cf.time_zone
        perp = c.actors[c.perpetrator[i]] if c.perpetrator[i] != UNKNOWN else None
        targ = c.actors[c.target[i]] if c.target[i] != UNKNOWN else None
        if rule == "before-start":
            text = f"before the start ({cf.terms.start:%Y-%m-%d %H:%M} {tz})"
        elif rule == "after-end":
            text = f"after the end ({cf.terms.end:%Y-%m-%d %H:%M} {tz})"
        elif rule == "time-uncertain":
            lo, hi = timing.local(int(c.lo[i]), tz), timing.local(int(c.hi[i]), tz)
            text = f"its time ({lo:%Y-%m-%d %H:%M} to {hi:%Y-%m-%d %H:%M} {tz}) spans the start or end"
        elif rule == "outside-area":
            text = f"outside the covered area ({', '.join(cf.terms.area)})"
        elif rule == "excluded-group":
            text = f"excluded group: {snap.name(perp)} was excluded on {day} ({self.exclusions[self.day_index[i]][perp]})"
        elif rule == "against-excluded":
            text = f"against an excluded group: {snap.name(targ)} was excluded on {day}"
        elif rule == "unknown-perpetrator":
            named = incident.perpetrator_text if incident is not None else None
            text = (f"perpetrator named only as {named!r}, not an actor of the case: counted apart"
                    if named and not _NOBODY.match(named) else "unknown perpetrator: counted apart, not as a party's violation")
        elif rule == "not-accepted":
            s = cf.stance(perp, day)
            had = f"its stance was {s.status} on {s.date}" if s else "no acceptance on record"
            text = f"{snap.name(perp)} had not accepted the ceasefire by {day} ({had})"
        else:
            s = cf.accepted(perp, day)
            text = f"by {snap.name(perp)}, a party since {s.date}" + (f", against {snap.name(targ)}" if targ else "")
        if incident is not None:
            defence = [cl for cl in incident.claims if cl.note and "self-defence" in cl.note.lower()]
            if defence:
                text += "; self-defence claimed by " + ", ".join(sorted({snap.name(cl.by) for cl in defence}))
        return text


def _codes(c: Columns, cf: Ceasefire, covered: list[bool], excluded_on: list[list[bool]], accepted_on: list[list[bool]],
           day_index: Any) -> Any:
    """The first rule that applies, per incident (its index in RULES): a list for lists, an array for arrays."""
    if c.plain:
        return [_code(c, i, cf, covered, excluded_on[d], accepted_on[d]) for i, d in enumerate(day_index)]
    import numpy as np

    width = len(c.actors) + 1
    excluded = np.array(excluded_on, bool).reshape(-1, width)
    accepted = np.array(accepted_on, bool).reshape(-1, width)
    exact = c.lo == c.hi
    before = np.where(exact, c.lo < cf.start, c.hi <= cf.start)
    if cf.end is not None:
        after = c.lo >= cf.end
        spans = (c.lo < cf.start) | (c.hi > cf.end)
    else:
        after = np.zeros(len(c), bool)
        spans = c.lo < cf.start
    cover = np.array(covered, bool)
    outside = ~(cover[c.country] | cover[c.admin1]) if cf.terms.area else np.zeros(len(c), bool)
    outside &= c.country != UNKNOWN
    by_excluded = excluded[day_index, c.perpetrator]
    against_excluded = excluded[day_index, c.target]
    unknown = c.perpetrator == UNKNOWN
    not_accepted = ~accepted[day_index, c.perpetrator]
    conditions = [before, after, spans, outside, by_excluded, against_excluded, unknown, not_accepted]
    return np.select(conditions, list(range(len(conditions))), default=CODE["violation"]).astype(np.int8)


def _code(c: Columns, i: int, cf: Ceasefire, covered: list[bool], excluded: list[bool], accepted: list[bool]) -> int:
    """``_codes`` for incident i of lists, given its day's exclusions and acceptances: the same conditions in the same order."""
    lo, hi, perp = c.lo[i], c.hi[i], c.perpetrator[i]
    if (lo < cf.start) if lo == hi else (hi <= cf.start):
        return CODE["before-start"]
    if cf.end is not None and lo >= cf.end:
        return CODE["after-end"]
    if lo < cf.start or (cf.end is not None and hi > cf.end):
        return CODE["time-uncertain"]
    if cf.terms.area and c.country[i] != UNKNOWN and not (covered[c.country[i]] or covered[c.admin1[i]]):
        return CODE["outside-area"]
    if excluded[perp]:
        return CODE["excluded-group"]
    if excluded[c.target[i]]:
        return CODE["against-excluded"]
    if perp == UNKNOWN:
        return CODE["unknown-perpetrator"]
    if not accepted[perp]:
        return CODE["not-accepted"]
    return CODE["violation"]


_NOBODY = re.compile(r"^(unidentified|unknown)\b", re.I)


def _split(place: str) -> tuple[str | None, str | None]:
    country, _, admin1 = place.partition("/")
    return country, admin1 or None
