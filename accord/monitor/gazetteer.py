"""Places offline: each country's gazetteer (``gazetteer/ISO3.yaml``: admin1 areas and towns with
coordinates, cited) answers "where is this name, in this country?" and "is this point in the country?".
A case or a user can add their own file (``Gazetteer.load(paths)``); a name is always looked up within
its country, so the same town name in two countries never mixes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from accord.errors import AccordError

BUILT_IN = Path(__file__).with_name("gazetteer")


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    kind: str = "town"


@dataclass
class Country:
    iso: str
    name: str
    time_zone: str
    bbox: tuple[float, float, float, float]
    places: dict[str, Place] = field(default_factory=dict)  # lower-case name or alias -> place

    def contains(self, lat: float, lon: float) -> bool:
        lat0, lat1, lon0, lon1 = self.bbox
        return lat0 <= lat <= lat1 and lon0 <= lon <= lon1

    def admin1(self, name: str) -> str | None:
        """The gazetteer's spelling of an admin1 area given by name or alias."""
        p = self.places.get(name.strip().lower())
        return p.admin1 if p is not None and p.kind == "governorate" else None


class Gazetteer:
    def __init__(self, countries: dict[str, Country]):
        self.countries = countries
        self.by_name = {c.name.lower(): c for c in countries.values()}

    @classmethod
    def load(cls, extra: list[Path] | None = None) -> Gazetteer:
        countries: dict[str, Country] = {}
        for path in [*sorted(BUILT_IN.glob("*.yaml")), *(extra or [])]:
            c = _read(path)
            if c.iso in countries:  # a later file adds to (and overrides names of) an earlier one
                countries[c.iso].places.update(c.places)
            else:
                countries[c.iso] = c
        return cls(countries)

    def country(self, code_or_name: str | None) -> Country | None:
        if not code_or_name:
            return None
        return self.countries.get(code_or_name.strip().upper()) or self.by_name.get(code_or_name.strip().lower())

    def find(self, name: str, country: str | None) -> Place | None:
        c = self.country(country)
        return c.places.get(name.strip().lower()) if c else None


def _read(path: Path) -> Country:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        places: dict[str, Place] = {}
        for p in data["places"]:
            place = Place(p["name"], data["country"], p["admin1"], float(p["lat"]), float(p["lon"]), p.get("kind", "town"))
            for n in [p["name"], *p.get("aliases", [])]:
                places[n.lower()] = place
        return Country(data["country"], data["name"], data["time_zone"], tuple(data["bbox"]), places)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as e:
        raise AccordError(f"{path}: not a gazetteer file ({type(e).__name__}: {e})") from None
