"""Incidents as columns (numpy arrays): what the violation rule and the compliance counts run over, so a
million incidents are judged and counted in vectorised passes rather than one Python object at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from accord.monitor import timing

#: verification statuses, as codes
STATUSES = ("reported", "corroborated", "confirmed", "unverifiable", "disputed")
UNKNOWN = -1


@dataclass
class Columns:
    lo: np.ndarray  # int64 UTC seconds: the event interval [lo, hi]
    hi: np.ndarray
    perpetrator: np.ndarray  # int32 codes into actors; UNKNOWN for none
    target: np.ndarray
    country: np.ndarray  # int32 codes into places; UNKNOWN for none
    admin1: np.ndarray
    status: np.ndarray  # int8 codes into STATUSES
    actors: list[str]
    places: list[str]  # country codes and "ISO/admin1" names

    def __len__(self) -> int:
        return len(self.lo)

    def take(self, mask: np.ndarray) -> Columns:
        return Columns(self.lo[mask], self.hi[mask], self.perpetrator[mask], self.target[mask], self.country[mask],
                       self.admin1[mask], self.status[mask], self.actors, self.places)


class Coder:
    """Strings to dense integer codes (None -> UNKNOWN)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.names: list[str] = []

    def __call__(self, value: str | None) -> int:
        if value is None:
            return UNKNOWN
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.names)
            self.names.append(value)
        return code


def from_incidents(incidents: list) -> Columns:
    """Columns of ``accord.monitor.incidents.Incident`` objects, in their order."""
    actors, places = Coder(), Coder()
    status = {s: i for i, s in enumerate(STATUSES)}
    n = len(incidents)
    lo, hi = np.empty(n, np.int64), np.empty(n, np.int64)
    perp, targ, country, admin1 = (np.empty(n, np.int32) for _ in range(4))
    st = np.empty(n, np.int8)
    for i, inc in enumerate(incidents):
        lo[i], hi[i] = inc.lo, inc.hi
        perp[i], targ[i] = actors(inc.perpetrator), actors(inc.target)
        c = inc.place.country
        country[i] = places(c)
        admin1[i] = places(f"{c}/{inc.place.admin1}" if c and inc.place.admin1 else None)
        st[i] = status[inc.status]
    return Columns(lo, hi, perp, targ, country, admin1, st, actors.names, places.names)


def local_days(ts: np.ndarray, tz: str) -> np.ndarray:
    """The local day (days since 1970-01-01 in the zone) of each UTC second, through an hourly table of
    the zone's offsets over the span (zone changes fall on the hour)."""
    if len(ts) == 0:
        return np.empty(0, np.int64)
    h0, h1 = int(ts.min()) // 3600, int(ts.max()) // 3600
    offsets = _offsets(timing.zone(tz), h0, h1)
    return (ts + offsets[ts // 3600 - h0]) // 86400


def _offsets(zone, h0: int, h1: int) -> np.ndarray:
    out = np.empty(h1 - h0 + 1, np.int64)
    for i, h in enumerate(range(h0, h1 + 1)):
        out[i] = int(dt.datetime.fromtimestamp(h * 3600, zone).utcoffset().total_seconds())
    return out


def day_of(code: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(code))


def day_code(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days
