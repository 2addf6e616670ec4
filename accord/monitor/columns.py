"""Incidents as columns: what the violation rule and the compliance counts run over. From ``VECTORISED``
incidents on, NumPy arrays, so a million incidents are judged and counted in vectorised passes rather
than one Python object at a time; below, Python lists, judged and counted one by one to the same
numbers (tests/monitor/test_small_path.py): a command on a few incidents then starts without NumPy's
import, which costs more (0.1 s of CPU) than the Python loops over a hundred thousand incidents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from accord.monitor import timing

if TYPE_CHECKING:
    import numpy as np

#: from this many incidents on, the columns are NumPy arrays: judged and counted, an incident costs 1.8 µs
#: as lists and 1.5 µs as arrays (in-process, 2,000 to 20,000 incidents), and NumPy's import 0.1 s of CPU,
#: so lists are cheaper up to about 300,000 incidents where NumPy is not yet imported
VECTORISED = 100_000

#: verification statuses, as codes
STATUSES = ("reported", "corroborated", "confirmed", "unverifiable", "disputed")
UNKNOWN = -1


@dataclass
class Columns:
    """Each column a NumPy array, or a list of ints below ``VECTORISED`` incidents."""

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

    @property
    def plain(self) -> bool:
        """Lists (a few incidents, NumPy not imported), not arrays."""
        return isinstance(self.lo, list)


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


def from_incidents(incidents: list, arrays: bool | None = None) -> Columns:
    """Columns of ``accord.monitor.incidents.Incident`` objects, in their order: arrays or lists as
    asked, else lists below ``VECTORISED`` incidents and arrays from there on."""
    actors, places = Coder(), Coder()
    status = {s: i for i, s in enumerate(STATUSES)}
    n = len(incidents)
    if not (n >= VECTORISED if arrays is None else arrays):
        return _lists(incidents, actors, places, status)
    import numpy as np

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


def _lists(incidents: list, actors: Coder, places: Coder, status: dict[str, int]) -> Columns:
    cols: list[list[Any]] = [[] for _ in range(7)]
    lo, hi, perp, targ, country, admin1, st = cols
    for inc in incidents:
        lo.append(inc.lo)
        hi.append(inc.hi)
        perp.append(actors(inc.perpetrator))
        targ.append(actors(inc.target))
        c = inc.place.country
        country.append(places(c))
        admin1.append(places(f"{c}/{inc.place.admin1}" if c and inc.place.admin1 else None))
        st.append(status[inc.status])
    return Columns(*cols, actors.names, places.names)


def local_days(ts: Any, tz: str) -> Any:
    """The local day (days since 1970-01-01 in the zone) of each UTC second, through an hourly table of
    the zone's offsets over the span (zone changes fall on the hour): a list for a list, an array for an array."""
    if isinstance(ts, list):
        return _local_days_of_list(ts, timing.zone(tz))
    import numpy as np

    if len(ts) == 0:
        return np.empty(0, np.int64)
    h0, h1 = int(ts.min()) // 3600, int(ts.max()) // 3600
    offsets = _offsets(timing.zone(tz), h0, h1)
    return (ts + offsets[ts // 3600 - h0]) // 86400


def _offsets(zone, h0: int, h1: int) -> np.ndarray:
    import numpy as np

    out = np.empty(h1 - h0 + 1, np.int64)
    for i, h in enumerate(range(h0, h1 + 1)):
        out[i] = _offset(zone, h)
    return out


def _offset(zone, hour: int) -> int:
    """The zone's UTC offset in seconds during that hour (hours since the epoch)."""
    return int(dt.datetime.fromtimestamp(hour * 3600, zone).utcoffset().total_seconds())


def _local_days_of_list(ts: list[int], zone) -> list[int]:
    """``local_days`` of a list, the zone's offset asked once per hour that occurs."""
    offsets: dict[int, int] = {}
    out = []
    for t in ts:
        h = t // 3600
        off = offsets.get(h)
        if off is None:
            off = offsets[h] = _offset(zone, h)
        out.append((t + off) // 86400)
    return out


def day_of(code: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(code))


def day_code(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days
