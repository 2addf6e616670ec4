"""Reading ACLED, UCDP GED, Ushahidi and GeoJSON into reports: good rows kept, bad rows named."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.monitor.formats import geojson
from accord.monitor.importer import read_file
from accord.monitor.incidents import incident
from accord.record.plain import dump
from tests.monitor.conftest import DATA, report


def test_acled_rows_resolve_names_and_keep_their_ids(syria):
    parsed = read_file(syria, DATA / "acled-sample.csv", "acled")
    by_id = {r.source_id: r for r in parsed.reports}
    assert sorted(by_id) == ["SYN1", "SYN2", "SYN3", "SYN4"]
    assert by_id["SYN1"].perpetrator == "syria-government"  # Military Forces of Syria (2000-)
    assert by_id["SYN1"].target == "jaysh-al-islam"
    assert by_id["SYN4"].perpetrator == "al-nusra"  # Jabhat al-Nusra, through the world dictionary
    assert by_id["SYN2"].perpetrator is None and by_id["SYN2"].perpetrator_text == "Unidentified Armed Group (Syria)"
    assert by_id["SYN1"].time_zone == "Asia/Damascus" and by_id["SYN3"].time_precision == "week"
    assert by_id["SYN1"].id == "acled-syn1" and by_id["SYN1"].dataset == "acled"
    # a name nobody knows is kept as text and listed, never dropped
    assert by_id["SYN3"].perpetrator is None and by_id["SYN3"].perpetrator_text == "Harakat Nour al-Din al-Zenki"
    assert parsed.unresolved == {"Harakat Nour al-Din al-Zenki": 1}


def test_acled_bad_rows_one_line_each_naming_file_row_and_field(syria):
    path = DATA / "acled-sample.csv"
    errors = read_file(syria, path, "acled").errors
    assert len(errors) == 5
    assert all(e.startswith(f"{path}: row ") and "\n" not in e for e in errors)
    by_row = {int(e.split(": row ")[1].split(":")[0]): e for e in errors}
    assert "field 'event_date'" in by_row[6] and "not a date" in by_row[6]
    assert "field 'latitude'" in by_row[7] and "outside Syria" in by_row[7]
    assert "malformed CSV row: 6 fields, the header has 19" in by_row[8]
    assert "field 'event_date'" in by_row[9] and "after its report" in by_row[9]
    assert "field 'event_type'" in by_row[10] and "'Picnic'" in by_row[10]


def test_wrong_time_zone_and_unknown_party_are_row_errors(syria, tmp_path):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": None, "properties": {"id": "a", "time": "2016-03-01T10:00", "time_zone": "Asia/Damscus", "type": "battles", "country": "SYR"}},
        {"type": "Feature", "geometry": None, "properties": {"id": "b", "time": "2016-03-01T10:00", "type": "battles", "country": "SYR", "perpetrator": "martians"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.7, 35.1]}, "properties": {"id": "c", "time": "2016-03-01T10:00", "type": "battles", "country": "SYR", "perpetrator": "syria-government"}},
    ]}
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps(doc))
    parsed = read_file(syria, path, "geojson")
    assert [r.source_id for r in parsed.reports] == ["c"]
    assert parsed.errors[0] == f"{path}: row 1: field 'time_zone': unknown time zone 'Asia/Damscus' (expected an IANA name such as Asia/Damascus)"
    assert parsed.errors[1] == f"{path}: row 2: field 'perpetrator': unknown party 'martians': no actor with that id in the case"


def test_ucdp_ged_rows(syria, tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text(
        "id,type_of_violence,side_a,side_b,country,adm_1,date_start,date_prec,where_prec,latitude,longitude,low,best,high\n"
        "900001,3,Government of Syria,Civilians,Syria,Idlib governorate,2016-03-04,1,1,35.93,36.63,2,4,9\n"
        "900002,1,IS,Government of Syria,Syria,,2016-03-04,5,1,35.93,36.63,0,1,1\n"
    )
    parsed = read_file(syria, path, "ucdp-ged")
    (r,) = parsed.reports
    assert (r.id, r.perpetrator, r.type, r.time_precision) == ("ged-900001", "syria-government", "violence-against-civilians", "day")
    assert (r.casualties.low, r.casualties.best, r.casualties.high) == (2, 4, 9)
    assert parsed.errors == [f"{path}: row 3: field 'date_prec': '5': a date known only to the year (5) or unknown cannot be judged"]


def test_ushahidi_rows_place_names_through_the_gazetteer(syria, tmp_path):
    path = tmp_path / "ush.csv"
    path.write_text(
        "#,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,CATEGORY,LATITUDE,LONGITUDE,VERIFIED\n"
        "17,Shelling reported,2016-03-02 14:30:00,Saraqib,Synthetic test post,Shelling,,,YES\n"
        "18,Picnic,2016-03-02 14:30:00,Saraqib,Synthetic test post,Picnic,,,NO\n"
    )
    parsed = read_file(syria, path, "ushahidi", country="SYR")
    (r,) = parsed.reports
    assert r.event_time == dt.datetime(2016, 3, 2, 14, 30) and r.time_precision == "exact"
    assert (r.place.admin1, r.place.lat, r.place.geo_precision) == ("Idleb", 35.864, 2)
    assert r.perpetrator is None and (r.reliability, r.credibility) == ("F", 2)
    assert "field 'CATEGORY'" in parsed.errors[0]


_when = st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2017, 12, 31)).map(lambda d: d.replace(microsecond=0))


@settings(max_examples=40, deadline=None)
@given(when=_when, precision=st.sampled_from(["exact", "day", "week", "month"]),
       perp=st.sampled_from([None, "syria-government", "al-nusra", "hnc"]),
       lat=st.floats(32.5, 37.0), lon=st.floats(36.0, 42.0), deaths=st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5)))
def test_geojson_round_trip(syria, tmp_path_factory, when, precision, perp, lat, lon, deaths):
    low, best, high = sorted(deaths)
    original = incident([report("x1", event_time=when, time_precision=precision, perpetrator=perp,
                                casualties={"low": low, "best": best, "high": high},
                                place={"country": "SYR", "admin1": "Hama", "lat": lat, "lon": lon})])
    path = tmp_path_factory.mktemp("rt") / "out.geojson"
    path.write_text(json.dumps(geojson.write([original])))
    parsed = read_file(syria, path, "geojson")
    assert parsed.errors == []
    (back,) = parsed.reports
    assert (back.event_time, back.time_precision, back.time_zone) == (when, precision, "Asia/Damascus")
    assert (back.perpetrator, back.type, back.place.admin1) == (perp, "battles", "Hama")
    assert (back.place.lat, back.place.lon) == (lat, lon)
    assert dump(back.casualties) == dump(original.casualties) and back.synthetic  # a model's and a plain value
