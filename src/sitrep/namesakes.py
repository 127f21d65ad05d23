"""The home of a US local report and the namesakes it picks: the states the report places itself in (its
dateline, the states, counties and qualified towns it names), a broadcast station's market (data/stations.yaml),
a state's postal code after a town, the local-news words of data/country_cues.yaml; and the namesake town each
of them picks for a bare name the gazetteer read as another state's or country's. locate.py places events
with them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from . import gazetteer, toponyms
from .nlp import as_read, text_of
from .places import PlaceMention, led_by_locative
from .record import Location, Span

if TYPE_CHECKING:
    from .assemble import Cluster


def _weak(p: PlaceMention) -> bool:
    """A name taken only because the gazetteer knows it, with no locative before it ("In Feni" is a place)."""
    return p.label == "GAZ" and not led_by_locative(p)


def _abbreviation(text: str) -> bool:
    return len(text) <= 5 and text.endswith(".")


# Countries whose local news a state (province) and its towns place: a bare town of another state there is
# more likely a street, park or person of that name than the town.
REGIONAL_COUNTRIES = {"USA"}


# A town at least this big is itself when named bare, even in a story filed from another state.
HOME_TOWN_MAX = 100_000


def _home_region(places: list[PlaceMention]) -> dict[str, set[tuple[str, str]]]:
    """The states a local story says it lies in, by country: those of its dateline, of the states and counties
    it names, and of the towns it qualifies with their state ("Arlington, Texas")."""
    home: dict[str, set[tuple[str, str]]] = {}
    for p in places:
        e = p.entry
        if e is None or e.country not in REGIONAL_COUNTRIES or p.attributive or not e.admin1:
            continue
        if p.dateline or e.kind in ("admin1", "admin2") or p.within is not None:
            home.setdefault(e.country, set()).add((e.country, e.admin1))
    for p in places:
        state = _postal_state(p, [p]) if not p.attributive else None
        if state is not None:  # "Cleveland, OH": the state the postal code names
            home.setdefault("USA", set()).add(("USA", state))
    if not home:
        # No dateline nor state named: the state most of its towns lie in, where one clearly leads
        # ("Dayton police", "Huber Heights" and a bare "Columbus" in a story from Ohio).
        # Only in a story most of whose places lie in that country: a world story naming Washington twice is
        # no local one.
        tally: dict[tuple[str, str], int] = {}
        abroad = 0
        for p in places:
            e = p.entry
            if e is not None and e.country in REGIONAL_COUNTRIES and e.admin1 and p.label != "NORP":
                tally[(e.country, e.admin1)] = tally.get((e.country, e.admin1), 0) + 1
            elif p.resolved and p.label != "NORP":
                abroad += 1
        ranked = sorted(tally.values(), reverse=True)
        if ranked and ranked[0] >= 2 and (len(ranked) == 1 or ranked[0] > ranked[1]) and sum(ranked) > 2 * abroad:
            top = max(tally, key=tally.get)
            home[top[0]] = {top}
    return home


def _outside_home(e, home: dict[str, set[tuple[str, str]]]) -> bool:
    """Does a gazetteer entry lie outside the states a local story places itself in: in another state of its
    country, or in another country altogether?"""
    if not home or e is None:
        return False
    return (e.country, e.admin1) not in home.get(e.country, set())


def _others_abroad(p: PlaceMention, places: list[PlaceMention], home: dict[str, set[tuple[str, str]]]) -> bool:
    """Does the story name a place outside its home countries other than ``p``'s own name?"""
    return any(q.resolved and q.label != "NORP" and q.text != p.text and q.iso3 not in home for q in places)


def _home_namesake(p: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """The namesake in the story's own state of a bare town or county the gazetteer read as another state's or
    country's: "Columbus" in a story from Dayton, Ohio, is Columbus, Ohio, not the New Jersey town. Only where
    the story places itself in one state, and nothing (a state after the name, a dateline) places the name."""
    if p.within is not None or p.dateline or p.entry is None or p.entry.kind not in ("city", "admin2"):
        return None
    home = _home_region(places)
    if not _outside_home(p.entry, home):
        return None
    if p.entry.population >= HOME_TOWN_MAX and _others_abroad(p, places, home):
        return None  # a city everyone knows ("Paris", "Kabul") is itself in a story that names other places abroad
    states = set().union(*home.values())
    if len(states) != 1:
        return None
    return _namesake_in(p, states)


def _namesake_in(p: PlaceMention, states: set[tuple[str, str]]) -> PlaceMention | None:
    """The mention moved to its namesake town (else county) in one of the (country, state) pairs, the most
    populous; None where it has none there."""
    here = [x for x in gazetteer.default().candidates(p.text) if (x.country, x.admin1) in states
            and x.kind in ("city", "admin2")]
    if not here:
        return None
    entry = max(here, key=lambda x: (x.kind == "city", x.population))
    return replace(p, entry=entry, country=None)


def _namesake(p: PlaceMention, places: list[PlaceMention]) -> PlaceMention:
    """The namesake of a bare town that the report's own cues point to (a state's postal code after it, a
    station's market, the story's state, the country whose local news it reads as), else the town as resolved."""
    return (_postal_namesake(p, places) or _market_namesake(p, places) or _home_namesake(p, places)
            or _abroad_namesake(p, places) or p)


def _market(text: str) -> str | None:
    """The state of the first broadcast station whose call sign the report carries (data/stations.yaml)."""
    found = _station(text)
    return found[1][1] if found else None


@lru_cache(maxsize=8)
def _station(text: str) -> tuple[re.Match, tuple[str, str]] | None:
    """The first call sign of a known station in the text, and the station's town and state (cached: asked once
    per place of the same article)."""
    stations, pattern = _stations()
    m = pattern.search(text)
    return (m, stations[(m.group(1) or m.group(2) or m.group(3)).upper()]) if m else None


def _station_town(c: Cluster) -> Location | None:
    """A shooting told by a station's report that names no place at all ("Man shot in SW..." from WXYZ): the
    station's town, at the precision of a region (the station's market is wider than its town)."""
    doc = c.lead.head.doc
    found = _station(as_read(doc))
    if found is None:
        return None
    m, (town, state) = found
    here = [e for e in gazetteer.default().candidates(town) if e.country == "USA" and e.admin1 == state
            and e.kind == "city"]
    if not here:
        return None
    e = max(here, key=lambda x: x.population)
    group = next(i for i in (1, 2, 3) if m.group(i))
    return Location(text=m.group(group), name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
                    geonames_id=e.geonames_id, precision=3,
                    note=f"the town of the station the report comes from ({m.group(group)}); the report names no "
                         f"place", evidence=Span(start=m.start(group), end=m.end(group)))


@lru_cache(maxsize=1)
def _stations() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/stations.yaml").read_text("utf-8")) or {}
    stations = {str(k): (v[0], v[1]) for k, v in (raw.get("stations") or {}).items()}
    words = set(raw.get("word_like") or [])
    plain = "|".join(sorted((k for k in stations if k not in words), key=len, reverse=True))
    marked = "|".join(sorted(words & set(stations), key=len, reverse=True)) or "(?!)"
    every = "|".join(sorted(stations, key=len, reverse=True))
    pattern = re.compile(rf"\b({plain})(?:-(?:TV|DT)|\d+)?\b(?!-\w|['\u2019](?!s\b)\w)"
                         rf"|(?:(?<=\()|\b)({marked})(?=\)|-TV\b|\.com\b|[ -]?\d)"
                         rf"|\b(?i:({every}))(?i:tv)?\d*\.com\b")
    return stations, pattern


def _market_namesake(p: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """The namesake in a station's state of a bare town or county the report names elsewhere: "Lexington" in a
    report from a Kentucky station is Lexington, Kentucky, not the Virginia town, and "Lebanon" from a
    Tennessee one is no country. Only where nothing else in the report (a dateline, a state after a town, a
    county) places it in the other state."""
    if p.within is not None or p.dateline or (p.entry is None and p.country is None):
        return None
    state = _market(as_read(p.root.doc))
    if state is None:
        return None
    e = p.entry
    if e is not None and ((e.country, e.admin1) == ("USA", state) or e.kind not in ("city", "admin2")):
        return None
    if e is not None and (e.country, e.admin1) in _home_region(places).get(e.country, set()):
        return None
    return _namesake_in(p, {("USA", state)})


def _abroad_namesake(p: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """The namesake at home of a bare town the gazetteer read as one abroad, in a local story of a country whose
    local news names its streets, counties and sheriffs ("Birmingham" in a report of a shooting "in the 1500
    block of ..." is Birmingham, Alabama, not the English city). Only where nothing else in the report lies in
    the other country, and nothing (a country or province after the name, a dateline's) places the name there;
    the namesake in the story's own state first, else the biggest."""
    e = p.entry
    if e is None or p.within is not None or e.kind != "city" or e.country in REGIONAL_COUNTRIES:
        return None
    if any(q.resolved and q.iso3 == e.country and q.text.lower() != p.text.lower() and not q.attributive
           for q in places):
        return None  # "Berlin ... Germany", "Preston, Lancashire": the story is about that country
    country = _local_country(text_of(p.root.doc), places)
    if country is None:
        return None
    here = [x for x in gazetteer.default().candidates(p.text) if x.country == country and x.kind in ("city", "admin2")]
    if not here:
        return None
    states = _home_region(places).get(country, set())
    entry = max(here, key=lambda x: ((x.country, x.admin1) in states, x.kind == "city", x.population))
    return replace(p, entry=entry, country=None)


# A US state's postal code after a town: "PRESTON, ID -", "Birmingham, AL (WXYZ)".
POSTAL_AFTER = re.compile(r",[ ]?([A-Z]{2})\b(?![.'\u2019-]?\w)")


@lru_cache(maxsize=1)
def _postal_codes() -> dict[str, str]:
    """US states by postal code ("ID" -> "Idaho"), as the gazetteer names them."""
    return {s["code"]: s["name"] for s in gazetteer._read_json("us_states.json").values()}


def _postal_state(p: PlaceMention, places: list[PlaceMention]) -> str | None:
    """The US state whose postal code follows the name here or where the report names it again."""
    text = text_of(p.root.doc)
    for q in places:
        if q.text.lower() == p.text.lower():
            m = POSTAL_AFTER.match(text, q.end)
            if m and m.group(1) in _postal_codes():
                return _postal_codes()[m.group(1)]
    return None


def _postal_namesake(p: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """The namesake in the state whose postal code the report writes after a town ("PRESTON, ID -" is Preston,
    Idaho, not the English town), where the gazetteer read the town as another's."""
    if p.within is not None or p.country is not None:
        return None
    state = _postal_state(p, places)
    if state is None or p.entry is not None and (p.entry.country, p.entry.admin1) == ("USA", state):
        return None
    here = [x for x in gazetteer.default().candidates(p.text) if x.country == "USA" and x.admin1 == state
            and x.kind in ("city", "admin2")]
    if not here:
        return None
    return replace(p, entry=max(here, key=lambda x: (x.kind == "city", x.population)), country=None)


def _local_country(text: str, places: list[PlaceMention]) -> str | None:
    """The country whose local news the report reads as (of REGIONAL_COUNTRIES): one whose states or towns it
    names, or whose local news' words it uses ("the 1500 block of", "the sheriff's office", a station's call
    sign); None for any other report."""
    for p in places:
        if p.entry is not None and p.entry.country in REGIONAL_COUNTRIES and not _weak(p) \
                and not _abbreviation(p.text) and p.entry.kind in ("admin1", "admin2"):
            return p.entry.country
    # data/country_cues.yaml, its strong signs: "the 1500 block of", "the sheriff's office" (a police chief and a
    # time of day are no sign that a bare "Kettering" is the Ohio town)
    cued = toponyms.cued_countries(text, weak=False)
    local = next((iso3 for iso3 in sorted(REGIONAL_COUNTRIES) if iso3 in cued), None)
    if local is not None:
        return local
    if _station(text) is not None or NANP_PHONE.search(text) \
            or any(_postal_state(p, places) for p in places):
        return "USA"
    return None


# A North American telephone number: "call police at 205-254-1765", "(614) 645-4545".
NANP_PHONE = re.compile(r"(?:\(\d{3}\) ?|\b\d{3}[-.])\d{3}[-.]\d{4}\b")
