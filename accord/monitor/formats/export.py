"""ACLED-shaped CSV out: one row per incident, ACLED's columns (``acled.COLUMNS``) and labels."""

from __future__ import annotations

import csv
import io

from accord.monitor.formats.acled import COLUMNS
from accord.monitor.formats.rows import LABELS
from accord.monitor.timing import PRECISION_CODE


def acled_csv(incidents: list, names: dict[str, str]) -> str:
    """CSV text; ``names`` maps actor ids to the names written in actor1/actor2."""
    out = io.StringIO()
    w = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    w.writeheader()
    for inc in incidents:
        pl = inc.place
        w.writerow({
            "event_id_cnty": inc.id, "event_date": inc.when.date().isoformat(), "year": inc.when.year,
            "time_precision": PRECISION_CODE.get(inc.time_precision, "1"), "event_type": LABELS[inc.type],
            "sub_event_type": inc.sub_type or "",
            "actor1": names.get(inc.perpetrator, inc.perpetrator) if inc.perpetrator else (inc.perpetrator_text or ""),
            "actor2": names.get(inc.target, inc.target) if inc.target else (inc.target_text or ""),
            "country": pl.country or "", "admin1": pl.admin1 or "", "admin2": pl.admin2 or "",
            "location": pl.name or "", "latitude": "" if pl.lat is None else pl.lat,
            "longitude": "" if pl.lon is None else pl.lon, "geo_precision": pl.geo_precision,
            "source": "; ".join(dict.fromkeys(r.source for r in inc.reports)), "notes": "",
            "fatalities": inc.casualties.best, "timestamp": "",
        })
    return out.getvalue()
