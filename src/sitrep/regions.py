"""Regions no gazetteer layer holds (continents, seas, regions such as Darfur), from data/regions.yaml.

toponyms.py reads a name here before the gazetteer; places.py lists a region's demonym ("South Ossetian")
among the places, as it lists a country's.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from . import gazetteer
from .gazetteer import Entry

KIND = "region"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Entry], frozenset[str]]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/regions.yaml").read_text("utf-8"))
    names: dict[str, Entry] = {}
    demonyms: set[str] = set()
    for r in raw.get("regions") or []:
        e = Entry(r["name"], KIND, r.get("country"), None, float(r["lat"]), float(r["lon"]), 0, None)
        for n in (r["name"], *r.get("also", [])):
            names[gazetteer.key(n)] = e
        for n in r.get("demonyms", []):
            names[gazetteer.key(n)] = e
            demonyms.add(gazetteer.key(n))
    return names, frozenset(demonyms)


def lookup(name: str) -> Entry | None:
    """The region a name (or its people's name) stands for, if it is one."""
    return _table()[0].get(gazetteer.key(name))


def demonym(name: str) -> bool:
    """Is the name that of a region's people ("South Ossetians")?"""
    return gazetteer.key(name) in _table()[1]
