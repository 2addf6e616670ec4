"""The monitor's views answer alike from a snapshot of the model's records (the API's) and from one of
plain records (accord.record.plain: what `accord monitor ...` reads, without pydantic): the built-in
case, with imported reports (kept as a batch) and a merge proposed among them, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from accord.monitor.formats import export, geojson
from accord.store import Store
from accord.views import monitor as views
from tests.cli.conftest import Accord
from tests.monitor.conftest import DATA

DAYS = [dt.date(2016, 2, 20), dt.date(2016, 2, 27), dt.date(2016, 3, 1), dt.date(2016, 3, 6), dt.date(2016, 4, 1)]


def test_every_monitor_view_of_plain_records_is_the_models(db_url):
    accord = Accord(db_url)
    accord("case", "load", "syria-2015", "--by", "loader")
    accord("monitor", "import", str(DATA / "acled-sample.csv"), ok=False)  # its bad rows are left out
    accord("monitor", "merge", "run", "--accept", "0.99", "--review", "0.1")
    store = Store.open(db_url)
    model, plain = store.snapshot("syria-2015"), store.snapshot("syria-2015", plain=True)
    assert type(plain.get("coh-2016")).__module__ == "accord.record.plain"

    def alike(view, *args) -> None:
        assert view(plain, *args) == view(model, *args), (view.__name__, args)

    assert len(views.merges(plain, None)) > 2 and len(plain.all("report")) > 14  # the case's, the imported, merged
    alike(views.merges, None)
    alike(lambda snap: [i.to_json() for i in views.all_incidents(snap)])
    alike(lambda snap: geojson.write(views.all_incidents(snap)))
    alike(lambda snap: export.acled_csv(views.all_incidents(snap), {a.id: a.name for a in snap.all("actor")}))
    for day in DAYS:
        alike(views.incident_rows, None, day)
        alike(views.ceasefire_status, "coh-2016", day)
        alike(views.violations, "coh-2016", DAYS[0], day)
        alike(views.brief_section, day)
        if day >= dt.date(2016, 2, 27):
            alike(views.daily_report, "coh-2016", day)
            alike(views.compliance, "coh-2016", "day", day)
            alike(views.compliance, "coh-2016", "week", day, DAYS[0])
    store.close()
