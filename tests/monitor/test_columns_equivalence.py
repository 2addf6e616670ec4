"""The column path (accord.monitor.formats.build/records) against the per-row path it replaced
(tests/monitor/oracle, main at 48ed325): on generated files with random bad cells, the same reports
(equal records, and the store's JSON byte for byte), the same error lines in the same order, the same
unresolved names and the same row count."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import AccordError
from accord.monitor.formats.records import FIELDS
from accord.monitor.importer import read_file
from accord.record.model import Report
from accord.store.store import encode
from tests.monitor.oracle.read import read_file as oracle_read_file

#: cells that break or bend a field: blanks, junk, edge numbers, other dates, zones, names, long ids
ODD = [
    "", " ", "x", "-1", "0", "-0.0", "0.0", "1.5", "nan", "inf", "1e-05", "1_000", " 7 ", "4", "2", "3", "5",
    "2016-02-30", "2016-03-01", "2016-03-01T10:00", "2016-03-01T10:00:00+03:00", "2016-03-01T23:30Z", "27 February 2016",
    "03/01/2016 10:00", "1456524000", "1456790400", "1456000000", "Picnic", "battles", "Riots", "Syria", "SYR", "syr",
    "XYZ", "Atlantis", "Asia/Damascus", "Asia/Damscus", "UTC", "Europe/Moscow", "Idleb", "Aleppo", "Saraqib",
    "Jabhat al-Nusra", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Harakat Nour al-Din al-Zenki",
    "Military Forces of Syria (2000-)", "syria-government", "martians", "SYN1", "A b", "a-b", "x" * 210, "é\"q\\",
    "35.9", "36.6", "91", "-181", "10.0", "yes", "YES",
]

ACLED = {
    "event_id_cnty": "SYN{k}", "event_date": "2016-03-0{d}", "time_precision": "1", "event_type": "Battles",
    "sub_event_type": "Armed clash", "actor1": "Military Forces of Syria (2000-)", "actor2": "Jaysh al-Islam",
    "country": "Syria", "iso3": "SYR", "admin1": "Idleb", "admin2": "", "location": "Saraqib", "latitude": "35.864",
    "longitude": "36.805", "geo_precision": "1", "source": "SANA", "notes": "shelling", "fatalities": "{d}",
    "timestamp": "1457000000", "time_zone": "",
}
UCDP = {
    "id": "{k}", "type_of_violence": "1", "side_a": "Government of Syria", "side_b": "Jaysh al-Islam",
    "country": "Syria", "date_start": "2016-03-0{d}", "date_prec": "1", "best": "{d}", "low": "", "high": "",
    "where_prec": "1", "where_coordinates": "Saraqib town", "adm_1": "Idlib governorate", "adm_2": "",
    "latitude": "35.864", "longitude": "36.805", "source_headline": "clashes",
}
USHAHIDI = {
    "#": "{k}", "INCIDENT TITLE": "shelling", "INCIDENT DATE": "03/0{d}/2016 10:00", "LOCATION": "Saraqib",
    "DESCRIPTION": "heard", "CATEGORY": "Shelling", "LATITUDE": "35.864", "LONGITUDE": "36.805",
    "APPROVED": "YES", "VERIFIED": "NO", "COUNTRY": "SYR", "TIME ZONE": "", "PERPETRATOR": "",
}
FORMATS = {"acled": ACLED, "ucdp-ged": UCDP, "ushahidi": USHAHIDI}


#: cells a good row may hold in many columns (so that most files of ``files(..., clean=True)`` are all
#: good and take the import's whole-column paths), and a few that break one
GOOD = ["2016-03-01T10:00:00+03:00", "2016-03-01T23:30Z", "1456790400", "1457000000", "27 February 2016", "35.9", "36.6",
        "Civilians (Syria)", "Jabhat al-Nusra", "", "2", "3", "battles", "Riots", "Idleb", "Aleppo", "10.0", "91"]


@st.composite
def files(draw, shape: dict[str, str], clean: bool = False):
    """A header (some optional columns left out) and rows: good ones, with random odd cells, some rows of
    the wrong width, some with a quoted line break, some blank lines."""
    cols = [c for c in shape if draw(st.booleans()) or c in ("event_id_cnty", "event_date", "event_type", "actor1",
                                                             "country", "id", "type_of_violence", "side_a", "side_b",
                                                             "date_start", "best", "#", "INCIDENT DATE", "CATEGORY")]
    n = draw(st.integers(1, 12 if clean else 30))
    rows: list[list[str] | None] = []
    for k in range(n):
        d = 1 + k % 9
        row = [shape[c].format(k=k % 25, d=d) for c in cols]
        for _ in range(draw(st.integers(0, 3)) if not clean else int(draw(st.integers(0, 3)) == 0)):
            row[draw(st.integers(0, len(row) - 1))] = draw(st.sampled_from(GOOD if clean else ODD))
        shape_change = "none" if clean else draw(st.sampled_from(["none"] * 8 + ["short", "long", "newline", "blank"]))
        if shape_change == "short":
            row = row[:-1]
        elif shape_change == "long":
            row = [*row, "extra"]
        elif shape_change == "newline":
            row[-1] = row[-1] + "\nsecond line"
        elif shape_change == "blank":
            rows.append(None)
        rows.append(row)
    return cols, rows


def _write(path: Path, cols: list[str], rows: list) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in rows:
            if r is None:
                fh.write("\r\n")
            else:
                w.writerow(r)


def _same(new, old) -> None:
    assert new.rows == old.rows
    assert new.errors == old.errors
    assert new.unresolved == old.unresolved
    assert new.reports == old.reports
    assert [(r.id, encode(r)) for r in old.reports] == new.records.encoded()
    # fields_set as validation leaves it (a later exclude_unset dump says the same)
    assert [r.model_fields_set for r in new.reports] == [r.model_fields_set for r in old.reports]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(FORMATS)).flatmap(lambda fmt: st.tuples(st.just(fmt), files(FORMATS[fmt]))),
       st.sampled_from([None, "Asia/Damascus", "Asia/Damscus"]), st.sampled_from([None, "SYR"]),
       st.sampled_from([dt.timedelta(days=1), dt.timedelta(hours=2)]))
def test_column_path_matches_the_row_path_on_csv(syria, tmp_path, drawn, tz, country, tolerance):
    _compare(syria, tmp_path, drawn, tz, country, tolerance)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(FORMATS)).flatmap(lambda fmt: st.tuples(st.just(fmt), files(FORMATS[fmt], clean=True))),
       st.sampled_from([None, "Asia/Damascus"]), st.sampled_from([None, "SYR"]),
       st.sampled_from([dt.timedelta(days=1), dt.timedelta(hours=2)]))
def test_column_path_matches_the_row_path_on_mostly_good_csv(syria, tmp_path, drawn, tz, country, tolerance):
    """Files most of which have no bad row: the import's whole-column paths (Arrow's CSV reader, the checks
    of every row at once) against the row path."""
    _compare(syria, tmp_path, drawn, tz, country, tolerance)


def _compare(syria, tmp_path, drawn, tz, country, tolerance) -> None:
    fmt, (cols, rows) = drawn
    path = tmp_path / f"{fmt}.csv"
    _write(path, cols, rows)
    try:
        old = oracle_read_file(syria, path, fmt, time_zone=tz, country=country, tolerance=tolerance)
    except AccordError as e:  # a whole-file error: both refuse it alike
        with pytest.raises(AccordError) as refused:
            read_file(syria, path, fmt, country=country, tolerance=tolerance)
        assert str(refused.value) == str(e)
        return
    if tz == "Asia/Damscus":  # read_file refuses an unknown --tz up front (as before); compare without it
        return
    _same(read_file(syria, path, fmt, time_zone=tz, country=country, tolerance=tolerance), old)


PROPS = st.fixed_dictionaries({}, optional={
    "id": st.sampled_from(["a", "b", "A b", "x" * 210]), "time": st.sampled_from(["2016-03-01T10:00", "2016-03-01T10:00+03:00", "x", ""]),
    "time_precision": st.sampled_from(["day", "exact", "week", "month", "year"]),
    "time_zone": st.sampled_from(["Asia/Damascus", "Asia/Damscus"]), "type": st.sampled_from(["battles", "riots", "picnic"]),
    "perpetrator": st.sampled_from(["syria-government", "martians"]), "perpetrator_text": st.sampled_from(["Jabhat al-Nusra", "Zenki"]),
    "country": st.sampled_from(["SYR", "XYZ", "Atlantis"]), "admin1": st.sampled_from(["Idleb", "idlib"]),
    "place": st.sampled_from(["Saraqib", "Nowhere"]), "geo_precision": st.sampled_from([1, 3, 5, -1, "x"]),
    "casualties": st.sampled_from([{"best": 2}, {"low": 3, "best": 2}, {"low": -1, "best": -1, "high": -1}, "x"]),
    "grade": st.sampled_from(["B2", "Z9"]), "synthetic": st.booleans(), "reported_at": st.sampled_from(["2016-02-20", "2016-03-02"]),
})
GEOMETRY = st.sampled_from([None, {"type": "Point", "coordinates": [36.6, 35.9]}, {"type": "Point", "coordinates": [0.0, -0.0]},
                            {"type": "Point", "coordinates": [200, 100]}, {"type": "Line"}])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries({"type": st.just("Feature"), "geometry": GEOMETRY, "properties": PROPS}), max_size=12))
def test_column_path_matches_the_row_path_on_geojson(syria, tmp_path, features):
    path = tmp_path / "f.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    _same(read_file(syria, path, "geojson"), oracle_read_file(syria, path, "geojson"))


def test_the_encoder_knows_every_field_of_a_report():
    """A field added to Report must be added to the column path (or keep its default there)."""
    assert [f for f in Report.model_fields if f in FIELDS] == list(FIELDS)
    assert all(not Report.model_fields[f].is_required() for f in Report.model_fields if f not in FIELDS)


def _slow(model, name, column):
    """One cell at a time through pydantic's serialiser: what the encoder's faster paths must give."""
    from pydantic_core import to_json
    info = model.model_fields[name]
    key = f'"{info.serialization_alias or info.alias or name}":'
    default = info.get_default(call_default_factory=True)
    return ["" if v == default else key + to_json(v).decode() + "," for v in column]


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.one_of(st.none(), st.text(), st.sampled_from(["a\"b", "c\\d", "\x00", "\n", "é", "\x7f"]))),
       floats=st.lists(st.one_of(st.none(), st.floats(), st.sampled_from([0.0, -0.0, 1e-4, 9.9e-5, 1e16, 35.1234]))),
       zones=st.lists(st.sampled_from([0, 3, -5])), stamps=st.lists(st.integers(1_400_000_000, 1_500_000_000)))
def test_the_encoders_fast_paths_write_what_pydantic_writes(texts, floats, zones, stamps):
    """Texts written by template where they need no escaping, floats by ``repr`` within 1e-4..1e16,
    one-type columns deduplicated by a set, report times in fixed zones: each cell as pydantic writes it."""
    from accord.monitor.formats.records import _values
    from accord.record.model import Place
    for name in ("summary", "source_id", "perpetrator_text"):
        assert _values(Report, name, texts) == _slow(Report, name, texts)
    for name in ("lat", "lon"):
        assert _values(Place, name, floats) == _slow(Place, name, floats)
    times = [dt.datetime.fromtimestamp(s, dt.timezone(dt.timedelta(hours=z))) for s, z in zip(stamps, zones)]
    for col in (times, [t.astimezone(dt.timezone.utc) for t in times], [t.replace(tzinfo=None) for t in times]):
        assert _values(Report, "reported_at", col) == _slow(Report, "reported_at", col)
