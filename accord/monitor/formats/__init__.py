"""Reading and writing incident data: ACLED CSV, UCDP GED CSV, Ushahidi CSV exports and GeoJSON in;
GeoJSON and ACLED-shaped CSV out. Each reader maps its rows to one common form, as columns
(``rows.Batch``); the checks and the making of reports (``build``, ``records``) are shared."""

from __future__ import annotations

from accord.monitor.formats import acled, geojson, ucdp, ushahidi

#: format -> (reader, the file's column for each common field)
READERS = {m.__name__.rsplit(".", 1)[1].replace("ucdp", "ucdp-ged"): (m.read, m.COLUMNS_OF) for m in (acled, ucdp, ushahidi, geojson)}
